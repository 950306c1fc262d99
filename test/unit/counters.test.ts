import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DMMF } from '@prisma/generator-helper';
import { COUNTERS, countersFromColumns, NOTHING_COUNTED, sumColumns, ZERO_EVENT_COUNTERS } from '../../src/modules/analytics/counters';
import { sumCounters, ZERO_COUNTERS } from '../../src/modules/analytics/rates';

/** The one counter definition stays in step with the tables that keep the counters. */
const datamodel = JSON.parse(readFileSync(join(__dirname, '..', '..', 'src', 'generated', 'datamodel.json'), 'utf8')) as DMMF.Datamodel;

it.each(['CampaignStats', 'CampaignHourlyBucket', 'CampaignDailyBucket'])('has every counter as a BigInt field of %s, with its column', (modelName) => {
  const model = datamodel.models.find((m) => m.name === modelName)!;
  for (const counter of COUNTERS) {
    const field = model.fields.find((f) => f.name === counter.field);
    expect({ counter: counter.field, type: field?.type, column: field?.dbName ?? field?.name }).toEqual({
      counter: counter.field,
      type: 'BigInt',
      column: counter.column,
    });
  }
});

it('maps rows and sums them by the definition', () => {
  const row = Object.fromEntries(COUNTERS.map((c, i) => [c.column, String(i + 1)])) as Parameters<typeof countersFromColumns>[0];
  const counters = countersFromColumns(row);
  expect(Object.keys(counters)).toEqual(COUNTERS.map((c) => c.field));
  expect(countersFromColumns(sumColumns([row, row, NOTHING_COUNTED]))).toEqual(Object.fromEntries(COUNTERS.map((c, i) => [c.field, 2 * (i + 1)])));
  expect(countersFromColumns(NOTHING_COUNTED)).toEqual(ZERO_EVENT_COUNTERS);
  expect(
    sumCounters([
      { ...ZERO_COUNTERS, ...counters, spendCents: 5, reach: 3 },
      { ...ZERO_COUNTERS, ...counters, spendCents: 1, reach: 2 },
    ]),
  ).toEqual({
    ...Object.fromEntries(COUNTERS.map((c, i) => [c.field, 2 * (i + 1)])),
    spendCents: 6,
    reach: 0,
  });
});
