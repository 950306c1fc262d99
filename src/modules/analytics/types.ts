import { builder } from '../../schema/builder';
import { COUNTERS } from './counters';
import type { CampaignStatsSnapshot } from './live';
import { aovCents, cpaCents, cpcCents, cpmCents, type Counters, ctr, cvr, frequency, roas, roi, viewability } from './rates';

type RateField = { description: string; compute: (c: Counters) => number | null };

/** The rates every counter set exposes, each defined once in rates.ts. */
export const RATE_FIELDS: Record<string, RateField> = {
  ctr: { description: 'Clicks per impression (0–1).', compute: ctr },
  viewability: { description: 'Viewable impressions per impression (0–1).', compute: viewability },
  cvr: { description: 'Conversions per click (0–1).', compute: cvr },
  cpcCents: { description: 'Spend per click, in cents.', compute: cpcCents },
  cpmCents: { description: 'Spend per thousand impressions, in cents.', compute: cpmCents },
  cpaCents: { description: 'Spend per conversion, in cents.', compute: cpaCents },
  roas: { description: 'Revenue per unit of spend.', compute: roas },
  roi: { description: '(Revenue − spend) / spend.', compute: roi },
  aovCents: { description: 'Average order value: revenue per conversion, in cents.', compute: aovCents },
  frequency: { description: 'Impressions per person reached.', compute: frequency },
};

export const CampaignStatsRef = builder.objectRef<CampaignStatsSnapshot>('CampaignStats').implement({
  description:
    "A campaign's counters at one moment, and the rates derived from them (null when a denominator is 0). " +
    '`sequence` grows by one with every committed change; a coalesced live update may advance it by more than one, and always carries complete counters.',
  fields: (t) => ({
    campaignId: t.globalID({ resolve: (stats) => ({ type: 'Campaign', id: stats.campaignId }) }),
    sequence: t.expose('sequence', { type: 'SafeInt' }),
    ...Object.fromEntries(COUNTERS.map((counter) => [counter.field, t.expose(counter.field, { type: 'SafeInt', description: counter.description })])),
    reach: t.expose('reach', { type: 'SafeInt', description: 'Distinct profiles that saw or acted on the campaign.' }),
    spendCents: t.expose('spendCents', { type: 'SafeInt', description: "Everything in the campaign's spend ledger, billed events included." }),
    unbilledCents: t.expose('unbilledCents', { type: 'SafeInt', description: 'Cost of billable events the budget could not cover: counted, never charged.' }),
    ...Object.fromEntries(
      Object.entries(RATE_FIELDS).map(([name, field]) => [
        name,
        t.float({ nullable: true, description: field.description, resolve: (stats) => field.compute(stats) }),
      ]),
    ),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    snapshot: t.exposeBoolean('snapshot', { description: 'True when read from the database rather than pushed as an update.' }),
  }),
});
