import type { CampaignStatsMessage } from '../modules/analytics/live';

/** Every pub/sub topic and its payload: `[id, payload]` topics are published per entity. */
export type Topics = {
  'campaign:stats': [campaignId: string, message: CampaignStatsMessage];
};
