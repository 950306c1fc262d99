import type { BusinessStatsMessage, CampaignStatsMessage } from '../modules/analytics/live';
import type { BudgetAlertMessage } from '../modules/budgets/service';
import type { LifecycleMessage } from '../modules/campaigns/events';
import type { RuleAlertMessage } from '../modules/automation/types';

/** Every pub/sub topic and its payload; each is published per entity id. */
export type Topics = {
  'campaign:stats': [campaignId: string, message: CampaignStatsMessage];
  'business:stats': [businessId: string, message: BusinessStatsMessage];
  'campaign:lifecycle': [businessId: string, message: LifecycleMessage];
  'budget:alert': [businessId: string, message: BudgetAlertMessage];
  'rule:alert': [businessId: string, message: RuleAlertMessage];
};
