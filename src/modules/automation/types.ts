/** An alert a rule raised, as pushed to `ruleAlerts` subscribers of the business. */
export interface RuleAlertMessage {
  firingId: string;
  ruleId: string;
  ruleName: string;
  campaignId: string;
  businessId: string;
  message: string;
  firedAt: string;
}

declare module '../../platform/topics' {
  interface TopicRegistry {
    'rule:alert': [businessId: string, message: RuleAlertMessage];
  }
}
