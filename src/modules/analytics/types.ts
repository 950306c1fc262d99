import { builder } from '../../schema/builder';
import type { CampaignStatsSnapshot } from './live';
import { rate } from './rates';

export const CampaignStatsRef = builder.objectRef<CampaignStatsSnapshot>('CampaignStats').implement({
  description: "A campaign's counters at one moment; `sequence` grows by one with every committed change.",
  fields: (t) => ({
    campaignId: t.globalID({ resolve: (stats) => ({ type: 'Campaign', id: stats.campaignId }) }),
    sequence: t.expose('sequence', { type: 'SafeInt' }),
    impressions: t.expose('impressions', { type: 'SafeInt' }),
    clicks: t.expose('clicks', { type: 'SafeInt' }),
    ctr: t.float({ nullable: true, description: 'Clicks per impression (0–1); null before the first impression.', resolve: (stats) => rate(stats.clicks, stats.impressions) }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    snapshot: t.exposeBoolean('snapshot', { description: 'True when read from the database rather than pushed as an update.' }),
  }),
});
