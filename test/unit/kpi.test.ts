import type { KpiMetric } from '../../src/modules/campaigns/plan';
import { elapsedShare, evaluateKpi } from '../../src/modules/analytics/kpi';
import { type Counters, ZERO_COUNTERS } from '../../src/modules/analytics/rates';

const run = { startsAt: new Date('2026-03-01T00:00:00Z'), endsAt: new Date('2026-03-11T00:00:00Z') };
const halfway = new Date('2026-03-06T00:00:00Z');
const counters = (values: Partial<Counters>): Counters => ({ ...ZERO_COUNTERS, ...values });
const judge = (
  metric: KpiMetric,
  target: number,
  values: Partial<Counters>,
  when = halfway,
  campaignRun: typeof run | { startsAt: Date; endsAt: null } = run,
) => evaluateKpi({ metric, target }, counters(values), campaignRun, when);

describe('elapsed share of the run', () => {
  it('is the part of the run that has passed, between 0 and 1', () => {
    expect(elapsedShare(run, halfway)).toBe(0.5);
    expect(elapsedShare(run, new Date('2026-02-01T00:00:00Z'))).toBe(0);
    expect(elapsedShare(run, new Date('2026-04-01T00:00:00Z'))).toBe(1);
  });

  it('is 1 without an end date: the whole target is due', () => {
    expect(elapsedShare({ startsAt: run.startsAt, endsAt: null }, halfway)).toBe(1);
  });
});

describe('volume metrics', () => {
  it('are compared with the target pro-rated by the elapsed share', () => {
    expect(judge('CLICKS', 100, { clicks: 50 })).toEqual({ metric: 'CLICKS', target: 100, expected: 50, actual: 50, attainment: 1, status: 'ON_TRACK' });
    expect(judge('IMPRESSIONS', 1_000, { impressions: 400 })).toMatchObject({ expected: 500, attainment: 0.8, status: 'AT_RISK' });
    expect(judge('CONVERSIONS', 10, { conversions: 3 })).toMatchObject({ expected: 5, attainment: 0.6, status: 'BEHIND' });
    expect(judge('REVENUE_CENTS', 20_000, { revenueCents: 12_000 })).toMatchObject({ expected: 10_000, status: 'ON_TRACK' });
    expect(judge('REACH', 200, { reach: 79 })).toMatchObject({ expected: 100, status: 'BEHIND' });
  });

  it('are on track before the run starts, when nothing is due yet', () => {
    expect(judge('CLICKS', 100, {}, new Date('2026-02-01T00:00:00Z'))).toMatchObject({ expected: 0, actual: 0, attainment: null, status: 'ON_TRACK' });
  });

  it('are compared with the whole target when the campaign has no end date', () => {
    expect(judge('CLICKS', 100, { clicks: 50 }, halfway, { startsAt: run.startsAt, endsAt: null })).toMatchObject({
      expected: 100,
      attainment: 0.5,
      status: 'BEHIND',
    });
  });

  it('count zero as data: nothing done halfway through the run is behind', () => {
    expect(judge('IMPRESSIONS', 1_000, {})).toMatchObject({ actual: 0, attainment: 0, status: 'BEHIND' });
  });
});

describe('ratio metrics', () => {
  it('are compared with the target directly, whatever the elapsed share', () => {
    expect(judge('CTR', 0.02, { impressions: 1_000, clicks: 20 })).toMatchObject({ expected: 0.02, actual: 0.02, attainment: 1, status: 'ON_TRACK' });
    expect(judge('CVR', 0.1, { clicks: 100, conversions: 9 })).toMatchObject({ status: 'AT_RISK' });
    expect(judge('ROAS', 4, { revenueCents: 2_000, spendCents: 1_000 })).toMatchObject({ actual: 2, attainment: 0.5, status: 'BEHIND' });
  });

  it('have no data without a denominator', () => {
    expect(judge('CTR', 0.02, {})).toMatchObject({ actual: null, attainment: null, status: 'NO_DATA' });
    expect(judge('ROAS', 2, { revenueCents: 5_000 })).toMatchObject({ status: 'NO_DATA' });
  });
});

describe('cost metrics, where lower is better', () => {
  it('are judged by target ÷ actual', () => {
    expect(judge('CPC_CENTS', 50, { spendCents: 4_000, clicks: 100 })).toMatchObject({ actual: 40, attainment: 1.25, status: 'ON_TRACK' });
    expect(judge('CPC_CENTS', 50, { spendCents: 6_000, clicks: 100 })).toMatchObject({ actual: 60, status: 'AT_RISK' });
    expect(judge('CPA_CENTS', 1_000, { spendCents: 10_000, conversions: 5 })).toMatchObject({ actual: 2_000, attainment: 0.5, status: 'BEHIND' });
  });

  it('are behind when money was spent and nothing bought, with no data when nothing was spent either', () => {
    expect(judge('CPA_CENTS', 1_000, { spendCents: 300 })).toMatchObject({ actual: null, attainment: 0, status: 'BEHIND' });
    expect(judge('CPC_CENTS', 50, {})).toMatchObject({ actual: null, attainment: null, status: 'NO_DATA' });
  });

  it('are on track when what was bought cost nothing', () => {
    expect(judge('CPC_CENTS', 50, { clicks: 10 })).toMatchObject({ actual: 0, attainment: null, status: 'ON_TRACK' });
  });
});
