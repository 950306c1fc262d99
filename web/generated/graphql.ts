/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type CampaignAction =
  | 'ACTIVATE'
  | 'APPROVE'
  | 'CANCEL'
  | 'COMPLETE'
  | 'PAUSE'
  | 'REJECT'
  | 'RESUME'
  | 'REVISE'
  | 'SCHEDULE'
  | 'SUBMIT';

/** The merchant's kind of offer. */
export type CampaignKind =
  | 'AD'
  | 'COUPON'
  | 'EVENT'
  | 'PROMOTION';

/** The promotion type, modelled on Meta Ads objectives. */
export type CampaignObjective =
  | 'APP_PROMOTION'
  | 'AWARENESS'
  | 'ENGAGEMENT'
  | 'LEADS'
  | 'LOCAL'
  | 'OFFERS_EVENTS'
  | 'REMARKETING'
  | 'SALES'
  | 'TRAFFIC';

export type CampaignStatus =
  | 'ACTIVE'
  | 'APPROVED'
  | 'CANCELLED'
  | 'COMPLETED'
  | 'DRAFT'
  | 'PAUSED'
  | 'PENDING_APPROVAL'
  | 'REJECTED'
  | 'SCHEDULED';

export type Channel =
  | 'DISPLAY'
  | 'EMAIL'
  | 'IN_APP_AD'
  | 'PUSH'
  | 'SEARCH'
  | 'SMS'
  | 'SOCIAL'
  | 'WHATSAPP';

export type FunnelStage =
  | 'CLICK'
  | 'CONVERSION'
  | 'IMPRESSION'
  | 'VIEWABLE_IMPRESSION';

export type Role =
  | 'ADMIN'
  | 'BUSINESS_OWNER'
  | 'PARTNER';

export type TrendPeriod =
  /** Calendar days in each campaign's own time zone, its schedule's (from the daily buckets). */
  | 'DAY'
  /** UTC hours (from the hourly buckets). */
  | 'HOUR'
  /** Calendar months of each campaign's calendar days. */
  | 'MONTH'
  /** ISO weeks, Monday to Sunday, of each campaign's calendar days. */
  | 'WEEK';

export type BreakdownFragment = { value: string | null, metrics: { impressions: number, viewableImpressions: number, clicks: number, conversions: number, revenueCents: number, spendCents: number | null, reach: number | null, ctr: number | null, cvr: number | null, roas: number | null, cpaCents: number | null } };

export type CampaignDetailQueryVariables = Exact<{
  id: string | number;
  period: TrendPeriod;
  from: string;
  to: string;
}>;


export type CampaignDetailQuery = { campaign: { description: string | null, kind: CampaignKind, submittedAt: string | null, id: string, name: string, status: CampaignStatus, statusReason: string | null, objective: CampaignObjective, channels: Array<Channel>, startsAt: string, endsAt: string | null, allowedActions: Array<CampaignAction>, business: { id: string, name: string, currency: string, timezone: string }, funnel: Array<{ stage: FunnelStage, count: number, stepRate: number | null }>, byChannel: Array<{ value: string | null, metrics: { impressions: number, viewableImpressions: number, clicks: number, conversions: number, revenueCents: number, spendCents: number | null, reach: number | null, ctr: number | null, cvr: number | null, roas: number | null, cpaCents: number | null } }>, byPlacement: Array<{ value: string | null, metrics: { impressions: number, viewableImpressions: number, clicks: number, conversions: number, revenueCents: number, spendCents: number | null, reach: number | null, ctr: number | null, cvr: number | null, roas: number | null, cpaCents: number | null } }>, byAgeRange: Array<{ value: string | null, metrics: { impressions: number, viewableImpressions: number, clicks: number, conversions: number, revenueCents: number, spendCents: number | null, reach: number | null, ctr: number | null, cvr: number | null, roas: number | null, cpaCents: number | null } }>, budget: { utilization: number, remaining: { amountCents: number, currency: string }, allocations: Array<{ channel: Channel, allocated: { amountCents: number, currency: string }, spent: { amountCents: number, currency: string }, remaining: { amountCents: number, currency: string } }>, alerts: Array<{ thresholdPercent: number, raisedAt: string, spent: { amountCents: number, currency: string } }>, total: { amountCents: number, currency: string }, spent: { amountCents: number, currency: string }, dailyCap: { amountCents: number, currency: string } | null, spentToday: { amountCents: number, currency: string } } | null, spendLedger: { totalCount: number, edges: Array<{ node: { id: string, at: string, channel: Channel | null, reason: string, systemActor: string | null, amount: { amountCents: number, currency: string }, actor: { name: string } | null } }> }, history: Array<{ at: string, fromStatus: CampaignStatus, toStatus: CampaignStatus, reason: string | null, systemActor: string | null, actor: { name: string } | null }>, trends:
      | { __typename: 'CampaignTrendsSuccess', data: { period: TrendPeriod, currency: string, points: Array<{ start: string, metrics: { impressions: number, viewableImpressions: number, clicks: number, conversions: number, revenueCents: number, spendCents: number | null, reach: number | null, ctr: number | null, cvr: number | null, roas: number | null, cpaCents: number | null } }> } }
      | { __typename: 'ForbiddenError', code: string, message: string }
      | { __typename: 'NotFoundError', code: string, message: string }
      | { __typename: 'ValidationError', code: string, message: string }
    , stats: { campaignId: string, sequence: number, snapshot: boolean, impressions: number, viewableImpressions: number, clicks: number, conversions: number, revenueCents: number, spendCents: number, reach: number, ctr: number | null, cvr: number | null, viewability: number | null, roas: number | null, cpaCents: number | null, cpcCents: number | null, updatedAt: string } } | null };

type Failure_BudgetExceededError_Fragment = { __typename: 'BudgetExceededError', code: string, message: string };

type Failure_ForbiddenError_Fragment = { __typename: 'ForbiddenError', code: string, message: string };

type Failure_InvalidTransitionError_Fragment = { __typename: 'InvalidTransitionError', code: string, message: string };

type Failure_NotFoundError_Fragment = { __typename: 'NotFoundError', code: string, message: string };

type Failure_RankingInProgressError_Fragment = { __typename: 'RankingInProgressError', code: string, message: string };

type Failure_ValidationError_Fragment = { __typename: 'ValidationError', code: string, message: string };

export type FailureFragment =
  | Failure_BudgetExceededError_Fragment
  | Failure_ForbiddenError_Fragment
  | Failure_InvalidTransitionError_Fragment
  | Failure_NotFoundError_Fragment
  | Failure_RankingInProgressError_Fragment
  | Failure_ValidationError_Fragment
;

export type AmountFragment = { amountCents: number, currency: string };

export type TotalsFragment = { impressions: number, viewableImpressions: number, clicks: number, conversions: number, revenueCents: number, spendCents: number | null, reach: number | null, ctr: number | null, cvr: number | null, roas: number | null, cpaCents: number | null };

export type LiveStatsFragment = { campaignId: string, sequence: number, snapshot: boolean, impressions: number, viewableImpressions: number, clicks: number, conversions: number, revenueCents: number, spendCents: number, reach: number, ctr: number | null, cvr: number | null, viewability: number | null, roas: number | null, cpaCents: number | null, cpcCents: number | null, updatedAt: string };

export type CampaignRowFragment = { id: string, name: string, status: CampaignStatus, statusReason: string | null, objective: CampaignObjective, channels: Array<Channel>, startsAt: string, endsAt: string | null, allowedActions: Array<CampaignAction>, stats: { campaignId: string, sequence: number, snapshot: boolean, impressions: number, viewableImpressions: number, clicks: number, conversions: number, revenueCents: number, spendCents: number, reach: number, ctr: number | null, cvr: number | null, viewability: number | null, roas: number | null, cpaCents: number | null, cpcCents: number | null, updatedAt: string }, budget: { total: { amountCents: number, currency: string }, spent: { amountCents: number, currency: string }, dailyCap: { amountCents: number, currency: string } | null, spentToday: { amountCents: number, currency: string } } | null };

export type OverviewFragment = { businessId: string, currency: string, sequence: number, generatedAt: string, campaignCount: number, activeCampaignCount: number, totals: { impressions: number, viewableImpressions: number, clicks: number, conversions: number, revenueCents: number, spendCents: number | null, reach: number | null, ctr: number | null, cvr: number | null, roas: number | null, cpaCents: number | null } };

export type TrendSeriesFragment = { period: TrendPeriod, currency: string, points: Array<{ start: string, metrics: { impressions: number, viewableImpressions: number, clicks: number, conversions: number, revenueCents: number, spendCents: number | null, reach: number | null, ctr: number | null, cvr: number | null, roas: number | null, cpaCents: number | null } }> };

export type PauseCampaignMutationVariables = Exact<{
  id: string | number;
}>;


export type PauseCampaignMutation = { pauseCampaign:
    | { __typename: 'BudgetExceededError', code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'InvalidTransitionError', code: string, message: string }
    | { __typename: 'MutationPauseCampaignSuccess', data: { id: string, name: string, status: CampaignStatus, statusReason: string | null, objective: CampaignObjective, channels: Array<Channel>, startsAt: string, endsAt: string | null, allowedActions: Array<CampaignAction>, stats: { campaignId: string, sequence: number, snapshot: boolean, impressions: number, viewableImpressions: number, clicks: number, conversions: number, revenueCents: number, spendCents: number, reach: number, ctr: number | null, cvr: number | null, viewability: number | null, roas: number | null, cpaCents: number | null, cpcCents: number | null, updatedAt: string }, budget: { total: { amountCents: number, currency: string }, spent: { amountCents: number, currency: string }, dailyCap: { amountCents: number, currency: string } | null, spentToday: { amountCents: number, currency: string } } | null } }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type ResumeCampaignMutationVariables = Exact<{
  id: string | number;
}>;


export type ResumeCampaignMutation = { resumeCampaign:
    | { __typename: 'BudgetExceededError', code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'InvalidTransitionError', code: string, message: string }
    | { __typename: 'MutationResumeCampaignSuccess', data: { id: string, name: string, status: CampaignStatus, statusReason: string | null, objective: CampaignObjective, channels: Array<Channel>, startsAt: string, endsAt: string | null, allowedActions: Array<CampaignAction>, stats: { campaignId: string, sequence: number, snapshot: boolean, impressions: number, viewableImpressions: number, clicks: number, conversions: number, revenueCents: number, spendCents: number, reach: number, ctr: number | null, cvr: number | null, viewability: number | null, roas: number | null, cpaCents: number | null, cpcCents: number | null, updatedAt: string }, budget: { total: { amountCents: number, currency: string }, spent: { amountCents: number, currency: string }, dailyCap: { amountCents: number, currency: string } | null, spentToday: { amountCents: number, currency: string } } | null } }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type SubmitCampaignMutationVariables = Exact<{
  id: string | number;
}>;


export type SubmitCampaignMutation = { submitCampaign:
    | { __typename: 'BudgetExceededError', code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'InvalidTransitionError', code: string, message: string }
    | { __typename: 'MutationSubmitCampaignSuccess', data: { id: string, name: string, status: CampaignStatus, statusReason: string | null, objective: CampaignObjective, channels: Array<Channel>, startsAt: string, endsAt: string | null, allowedActions: Array<CampaignAction>, stats: { campaignId: string, sequence: number, snapshot: boolean, impressions: number, viewableImpressions: number, clicks: number, conversions: number, revenueCents: number, spendCents: number, reach: number, ctr: number | null, cvr: number | null, viewability: number | null, roas: number | null, cpaCents: number | null, cpcCents: number | null, updatedAt: string }, budget: { total: { amountCents: number, currency: string }, spent: { amountCents: number, currency: string }, dailyCap: { amountCents: number, currency: string } | null, spentToday: { amountCents: number, currency: string } } | null } }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type ApproveCampaignMutationVariables = Exact<{
  id: string | number;
}>;


export type ApproveCampaignMutation = { approveCampaign:
    | { __typename: 'BudgetExceededError', code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'InvalidTransitionError', code: string, message: string }
    | { __typename: 'MutationApproveCampaignSuccess', data: { id: string, status: CampaignStatus } }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type RejectCampaignMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type RejectCampaignMutation = { rejectCampaign:
    | { __typename: 'BudgetExceededError', code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'InvalidTransitionError', code: string, message: string }
    | { __typename: 'MutationRejectCampaignSuccess', data: { id: string, status: CampaignStatus } }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type ApprovalQueueQueryVariables = Exact<{ [key: string]: never; }>;


export type ApprovalQueueQuery = { approvalQueue: { totalCount: number, edges: Array<{ node: { id: string, name: string, objective: CampaignObjective, channels: Array<Channel>, startsAt: string, endsAt: string | null, submittedAt: string | null, business: { name: string }, budget: { total: { amountCents: number, currency: string } } | null } }> } };

export type CampaignRowByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type CampaignRowByIdQuery = { campaign: { id: string, name: string, status: CampaignStatus, statusReason: string | null, objective: CampaignObjective, channels: Array<Channel>, startsAt: string, endsAt: string | null, allowedActions: Array<CampaignAction>, stats: { campaignId: string, sequence: number, snapshot: boolean, impressions: number, viewableImpressions: number, clicks: number, conversions: number, revenueCents: number, spendCents: number, reach: number, ctr: number | null, cvr: number | null, viewability: number | null, roas: number | null, cpaCents: number | null, cpcCents: number | null, updatedAt: string }, budget: { total: { amountCents: number, currency: string }, spent: { amountCents: number, currency: string }, dailyCap: { amountCents: number, currency: string } | null, spentToday: { amountCents: number, currency: string } } | null } | null };

export type LiveCampaignStatsSubscriptionVariables = Exact<{
  campaignId: string | number;
}>;


export type LiveCampaignStatsSubscription = { campaignStats: { campaignId: string, sequence: number, snapshot: boolean, impressions: number, viewableImpressions: number, clicks: number, conversions: number, revenueCents: number, spendCents: number, reach: number, ctr: number | null, cvr: number | null, viewability: number | null, roas: number | null, cpaCents: number | null, cpcCents: number | null, updatedAt: string } };

export type LiveBusinessDashboardSubscriptionVariables = Exact<{
  businessId: string | number;
}>;


export type LiveBusinessDashboardSubscription = { businessDashboard: { businessId: string, currency: string, sequence: number, generatedAt: string, campaignCount: number, activeCampaignCount: number, totals: { impressions: number, viewableImpressions: number, clicks: number, conversions: number, revenueCents: number, spendCents: number | null, reach: number | null, ctr: number | null, cvr: number | null, roas: number | null, cpaCents: number | null } } };

export type LiveBudgetAlertsSubscriptionVariables = Exact<{
  businessId: string | number;
}>;


export type LiveBudgetAlertsSubscription = { budgetAlerts: { campaignId: string, thresholdPercent: number, spentCents: number, totalCents: number, raisedAt: string } };

export type LiveLifecycleSubscriptionVariables = Exact<{
  businessId: string | number;
}>;


export type LiveLifecycleSubscription = { campaignLifecycle: { campaignId: string, fromStatus: CampaignStatus, toStatus: CampaignStatus, reason: string | null, at: string } };

export type BusinessOverviewQueryVariables = Exact<{
  businessId: string | number;
}>;


export type BusinessOverviewQuery = { businessDashboard:
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'QueryBusinessDashboardSuccess', data: { businessId: string, currency: string, sequence: number, generatedAt: string, campaignCount: number, activeCampaignCount: number, totals: { impressions: number, viewableImpressions: number, clicks: number, conversions: number, revenueCents: number, spendCents: number | null, reach: number | null, ctr: number | null, cvr: number | null, roas: number | null, cpaCents: number | null } } }
    | { __typename: 'ValidationError', code: string, message: string }
  , business: { id: string, name: string, currency: string, timezone: string, campaigns: { totalCount: number, edges: Array<{ node: { id: string, name: string, status: CampaignStatus, statusReason: string | null, objective: CampaignObjective, channels: Array<Channel>, startsAt: string, endsAt: string | null, allowedActions: Array<CampaignAction>, budget: { alerts: Array<{ thresholdPercent: number, raisedAt: string, spent: { amountCents: number, currency: string } }>, total: { amountCents: number, currency: string }, spent: { amountCents: number, currency: string }, dailyCap: { amountCents: number, currency: string } | null, spentToday: { amountCents: number, currency: string } } | null, stats: { campaignId: string, sequence: number, snapshot: boolean, impressions: number, viewableImpressions: number, clicks: number, conversions: number, revenueCents: number, spendCents: number, reach: number, ctr: number | null, cvr: number | null, viewability: number | null, roas: number | null, cpaCents: number | null, cpcCents: number | null, updatedAt: string } } }> } } | null };

export type BusinessTrendsQueryVariables = Exact<{
  campaignIds: Array<string | number> | string | number;
  period: TrendPeriod;
  from: string;
  to: string;
}>;


export type BusinessTrendsQuery = { trends:
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'QueryTrendsSuccess', data: { period: TrendPeriod, currency: string, points: Array<{ start: string, metrics: { impressions: number, viewableImpressions: number, clicks: number, conversions: number, revenueCents: number, spendCents: number | null, reach: number | null, ctr: number | null, cvr: number | null, roas: number | null, cpaCents: number | null } }> } }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { id: string, name: string, role: Role } | null, businesses: { edges: Array<{ node: { id: string, name: string, city: string, currency: string, timezone: string } }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const TotalsFragmentDoc = new TypedDocumentString(`
    fragment Totals on Metrics {
  impressions
  viewableImpressions
  clicks
  conversions
  revenueCents
  spendCents
  reach
  ctr
  cvr
  roas
  cpaCents
}
    `, {"fragmentName":"Totals"}) as unknown as TypedDocumentString<TotalsFragment, unknown>;
export const BreakdownFragmentDoc = new TypedDocumentString(`
    fragment Breakdown on BreakdownRow {
  value
  metrics {
    ...Totals
  }
}
    fragment Totals on Metrics {
  impressions
  viewableImpressions
  clicks
  conversions
  revenueCents
  spendCents
  reach
  ctr
  cvr
  roas
  cpaCents
}`, {"fragmentName":"Breakdown"}) as unknown as TypedDocumentString<BreakdownFragment, unknown>;
export const FailureFragmentDoc = new TypedDocumentString(`
    fragment Failure on Error {
  __typename
  code
  message
}
    `, {"fragmentName":"Failure"}) as unknown as TypedDocumentString<FailureFragment, unknown>;
export const LiveStatsFragmentDoc = new TypedDocumentString(`
    fragment LiveStats on CampaignStats {
  campaignId
  sequence
  snapshot
  impressions
  viewableImpressions
  clicks
  conversions
  revenueCents
  spendCents
  reach
  ctr
  cvr
  viewability
  roas
  cpaCents
  cpcCents
  updatedAt
}
    `, {"fragmentName":"LiveStats"}) as unknown as TypedDocumentString<LiveStatsFragment, unknown>;
export const AmountFragmentDoc = new TypedDocumentString(`
    fragment Amount on Money {
  amountCents
  currency
}
    `, {"fragmentName":"Amount"}) as unknown as TypedDocumentString<AmountFragment, unknown>;
export const CampaignRowFragmentDoc = new TypedDocumentString(`
    fragment CampaignRow on Campaign {
  id
  name
  status
  statusReason
  objective
  channels
  startsAt
  endsAt
  allowedActions
  stats {
    ...LiveStats
  }
  budget {
    total {
      ...Amount
    }
    spent {
      ...Amount
    }
    dailyCap {
      ...Amount
    }
    spentToday {
      ...Amount
    }
  }
}
    fragment Amount on Money {
  amountCents
  currency
}
fragment LiveStats on CampaignStats {
  campaignId
  sequence
  snapshot
  impressions
  viewableImpressions
  clicks
  conversions
  revenueCents
  spendCents
  reach
  ctr
  cvr
  viewability
  roas
  cpaCents
  cpcCents
  updatedAt
}`, {"fragmentName":"CampaignRow"}) as unknown as TypedDocumentString<CampaignRowFragment, unknown>;
export const OverviewFragmentDoc = new TypedDocumentString(`
    fragment Overview on BusinessDashboard {
  businessId
  currency
  sequence
  generatedAt
  campaignCount
  activeCampaignCount
  totals {
    ...Totals
  }
}
    fragment Totals on Metrics {
  impressions
  viewableImpressions
  clicks
  conversions
  revenueCents
  spendCents
  reach
  ctr
  cvr
  roas
  cpaCents
}`, {"fragmentName":"Overview"}) as unknown as TypedDocumentString<OverviewFragment, unknown>;
export const TrendSeriesFragmentDoc = new TypedDocumentString(`
    fragment TrendSeries on Trend {
  period
  currency
  points {
    start
    metrics {
      ...Totals
    }
  }
}
    fragment Totals on Metrics {
  impressions
  viewableImpressions
  clicks
  conversions
  revenueCents
  spendCents
  reach
  ctr
  cvr
  roas
  cpaCents
}`, {"fragmentName":"TrendSeries"}) as unknown as TypedDocumentString<TrendSeriesFragment, unknown>;
export const CampaignDetailDocument = new TypedDocumentString(`
    query CampaignDetail($id: ID!, $period: TrendPeriod!, $from: DateTime!, $to: DateTime!) {
  campaign(id: $id) {
    ...CampaignRow
    description
    kind
    submittedAt
    business {
      id
      name
      currency
      timezone
    }
    funnel {
      stage
      count
      stepRate
    }
    byChannel: breakdown(dimension: CHANNEL) {
      ...Breakdown
    }
    byPlacement: breakdown(dimension: PLACEMENT) {
      ...Breakdown
    }
    byAgeRange: breakdown(dimension: AGE_RANGE) {
      ...Breakdown
    }
    budget {
      remaining {
        ...Amount
      }
      utilization
      allocations {
        channel
        allocated {
          ...Amount
        }
        spent {
          ...Amount
        }
        remaining {
          ...Amount
        }
      }
      alerts {
        thresholdPercent
        raisedAt
        spent {
          ...Amount
        }
      }
    }
    spendLedger(first: 50) {
      totalCount
      edges {
        node {
          id
          at
          amount {
            ...Amount
          }
          channel
          reason
          actor {
            name
          }
          systemActor
        }
      }
    }
    history {
      at
      fromStatus
      toStatus
      reason
      actor {
        name
      }
      systemActor
    }
    trends(period: $period, from: $from, to: $to) {
      __typename
      ... on CampaignTrendsSuccess {
        data {
          ...TrendSeries
        }
      }
      ...Failure
    }
  }
}
    fragment Breakdown on BreakdownRow {
  value
  metrics {
    ...Totals
  }
}
fragment Failure on Error {
  __typename
  code
  message
}
fragment Amount on Money {
  amountCents
  currency
}
fragment Totals on Metrics {
  impressions
  viewableImpressions
  clicks
  conversions
  revenueCents
  spendCents
  reach
  ctr
  cvr
  roas
  cpaCents
}
fragment LiveStats on CampaignStats {
  campaignId
  sequence
  snapshot
  impressions
  viewableImpressions
  clicks
  conversions
  revenueCents
  spendCents
  reach
  ctr
  cvr
  viewability
  roas
  cpaCents
  cpcCents
  updatedAt
}
fragment CampaignRow on Campaign {
  id
  name
  status
  statusReason
  objective
  channels
  startsAt
  endsAt
  allowedActions
  stats {
    ...LiveStats
  }
  budget {
    total {
      ...Amount
    }
    spent {
      ...Amount
    }
    dailyCap {
      ...Amount
    }
    spentToday {
      ...Amount
    }
  }
}
fragment TrendSeries on Trend {
  period
  currency
  points {
    start
    metrics {
      ...Totals
    }
  }
}`, {"hash":"sha256:07e62fa67f34087d46d7959df5b9c8adbd346f7705511a1af09e35c21eef44fd"}) as unknown as TypedDocumentString<CampaignDetailQuery, CampaignDetailQueryVariables>;
export const PauseCampaignDocument = new TypedDocumentString(`
    mutation PauseCampaign($id: ID!) {
  pauseCampaign(id: $id, reason: "Paused from the dashboard") {
    __typename
    ... on MutationPauseCampaignSuccess {
      data {
        ...CampaignRow
      }
    }
    ...Failure
  }
}
    fragment Failure on Error {
  __typename
  code
  message
}
fragment Amount on Money {
  amountCents
  currency
}
fragment LiveStats on CampaignStats {
  campaignId
  sequence
  snapshot
  impressions
  viewableImpressions
  clicks
  conversions
  revenueCents
  spendCents
  reach
  ctr
  cvr
  viewability
  roas
  cpaCents
  cpcCents
  updatedAt
}
fragment CampaignRow on Campaign {
  id
  name
  status
  statusReason
  objective
  channels
  startsAt
  endsAt
  allowedActions
  stats {
    ...LiveStats
  }
  budget {
    total {
      ...Amount
    }
    spent {
      ...Amount
    }
    dailyCap {
      ...Amount
    }
    spentToday {
      ...Amount
    }
  }
}`, {"hash":"sha256:02ce1cc3d505f1bd12b0c56dca13d7d3ba278278d95e9db4adb69fef72adf7ba"}) as unknown as TypedDocumentString<PauseCampaignMutation, PauseCampaignMutationVariables>;
export const ResumeCampaignDocument = new TypedDocumentString(`
    mutation ResumeCampaign($id: ID!) {
  resumeCampaign(id: $id, reason: "Resumed from the dashboard") {
    __typename
    ... on MutationResumeCampaignSuccess {
      data {
        ...CampaignRow
      }
    }
    ...Failure
  }
}
    fragment Failure on Error {
  __typename
  code
  message
}
fragment Amount on Money {
  amountCents
  currency
}
fragment LiveStats on CampaignStats {
  campaignId
  sequence
  snapshot
  impressions
  viewableImpressions
  clicks
  conversions
  revenueCents
  spendCents
  reach
  ctr
  cvr
  viewability
  roas
  cpaCents
  cpcCents
  updatedAt
}
fragment CampaignRow on Campaign {
  id
  name
  status
  statusReason
  objective
  channels
  startsAt
  endsAt
  allowedActions
  stats {
    ...LiveStats
  }
  budget {
    total {
      ...Amount
    }
    spent {
      ...Amount
    }
    dailyCap {
      ...Amount
    }
    spentToday {
      ...Amount
    }
  }
}`, {"hash":"sha256:a20059393bb0daba4330bbf30125d4b3a8f8d229126c2c38189f809b93b6695b"}) as unknown as TypedDocumentString<ResumeCampaignMutation, ResumeCampaignMutationVariables>;
export const SubmitCampaignDocument = new TypedDocumentString(`
    mutation SubmitCampaign($id: ID!) {
  submitCampaign(id: $id) {
    __typename
    ... on MutationSubmitCampaignSuccess {
      data {
        ...CampaignRow
      }
    }
    ...Failure
  }
}
    fragment Failure on Error {
  __typename
  code
  message
}
fragment Amount on Money {
  amountCents
  currency
}
fragment LiveStats on CampaignStats {
  campaignId
  sequence
  snapshot
  impressions
  viewableImpressions
  clicks
  conversions
  revenueCents
  spendCents
  reach
  ctr
  cvr
  viewability
  roas
  cpaCents
  cpcCents
  updatedAt
}
fragment CampaignRow on Campaign {
  id
  name
  status
  statusReason
  objective
  channels
  startsAt
  endsAt
  allowedActions
  stats {
    ...LiveStats
  }
  budget {
    total {
      ...Amount
    }
    spent {
      ...Amount
    }
    dailyCap {
      ...Amount
    }
    spentToday {
      ...Amount
    }
  }
}`, {"hash":"sha256:755937abac789e3c3a058dedbac95c66238ae32162f3d0ccf9e7b3fcf28551b9"}) as unknown as TypedDocumentString<SubmitCampaignMutation, SubmitCampaignMutationVariables>;
export const ApproveCampaignDocument = new TypedDocumentString(`
    mutation ApproveCampaign($id: ID!) {
  approveCampaign(id: $id, reason: "Approved from the dashboard") {
    __typename
    ... on MutationApproveCampaignSuccess {
      data {
        id
        status
      }
    }
    ...Failure
  }
}
    fragment Failure on Error {
  __typename
  code
  message
}`, {"hash":"sha256:454462a7f374a4d54f7f1f1dde523f658be05afbcededd848d857c390f0fcbcf"}) as unknown as TypedDocumentString<ApproveCampaignMutation, ApproveCampaignMutationVariables>;
export const RejectCampaignDocument = new TypedDocumentString(`
    mutation RejectCampaign($id: ID!, $reason: String!) {
  rejectCampaign(id: $id, reason: $reason) {
    __typename
    ... on MutationRejectCampaignSuccess {
      data {
        id
        status
      }
    }
    ...Failure
  }
}
    fragment Failure on Error {
  __typename
  code
  message
}`, {"hash":"sha256:b9c9e3f3c0cad34140776750b47e29d835860c920291681e4ce42ea731b51712"}) as unknown as TypedDocumentString<RejectCampaignMutation, RejectCampaignMutationVariables>;
export const ApprovalQueueDocument = new TypedDocumentString(`
    query ApprovalQueue {
  approvalQueue(first: 100) {
    totalCount
    edges {
      node {
        id
        name
        objective
        channels
        startsAt
        endsAt
        submittedAt
        business {
          name
        }
        budget {
          total {
            ...Amount
          }
        }
      }
    }
  }
}
    fragment Amount on Money {
  amountCents
  currency
}`, {"hash":"sha256:c49d68ef6bb15fdefa648b4155045e31129b3c1f6b64cf8d376889760e7d4f3b"}) as unknown as TypedDocumentString<ApprovalQueueQuery, ApprovalQueueQueryVariables>;
export const CampaignRowByIdDocument = new TypedDocumentString(`
    query CampaignRowById($id: ID!) {
  campaign(id: $id) {
    ...CampaignRow
  }
}
    fragment Amount on Money {
  amountCents
  currency
}
fragment LiveStats on CampaignStats {
  campaignId
  sequence
  snapshot
  impressions
  viewableImpressions
  clicks
  conversions
  revenueCents
  spendCents
  reach
  ctr
  cvr
  viewability
  roas
  cpaCents
  cpcCents
  updatedAt
}
fragment CampaignRow on Campaign {
  id
  name
  status
  statusReason
  objective
  channels
  startsAt
  endsAt
  allowedActions
  stats {
    ...LiveStats
  }
  budget {
    total {
      ...Amount
    }
    spent {
      ...Amount
    }
    dailyCap {
      ...Amount
    }
    spentToday {
      ...Amount
    }
  }
}`, {"hash":"sha256:dfbd93f6a7520453d9459285776370e6ab51e5022fae709208c1089f2900e613"}) as unknown as TypedDocumentString<CampaignRowByIdQuery, CampaignRowByIdQueryVariables>;
export const LiveCampaignStatsDocument = new TypedDocumentString(`
    subscription LiveCampaignStats($campaignId: ID!) {
  campaignStats(campaignId: $campaignId) {
    ...LiveStats
  }
}
    fragment LiveStats on CampaignStats {
  campaignId
  sequence
  snapshot
  impressions
  viewableImpressions
  clicks
  conversions
  revenueCents
  spendCents
  reach
  ctr
  cvr
  viewability
  roas
  cpaCents
  cpcCents
  updatedAt
}`, {"hash":"sha256:87e75fa94af4a9e091116ce926d71a876fc09bb3506fea490b3c79733bd1232c"}) as unknown as TypedDocumentString<LiveCampaignStatsSubscription, LiveCampaignStatsSubscriptionVariables>;
export const LiveBusinessDashboardDocument = new TypedDocumentString(`
    subscription LiveBusinessDashboard($businessId: ID!) {
  businessDashboard(businessId: $businessId) {
    ...Overview
  }
}
    fragment Totals on Metrics {
  impressions
  viewableImpressions
  clicks
  conversions
  revenueCents
  spendCents
  reach
  ctr
  cvr
  roas
  cpaCents
}
fragment Overview on BusinessDashboard {
  businessId
  currency
  sequence
  generatedAt
  campaignCount
  activeCampaignCount
  totals {
    ...Totals
  }
}`, {"hash":"sha256:420efd1579bbb2c0e84d7d82953c09329c612a47bf24170b713174c11627c2f0"}) as unknown as TypedDocumentString<LiveBusinessDashboardSubscription, LiveBusinessDashboardSubscriptionVariables>;
export const LiveBudgetAlertsDocument = new TypedDocumentString(`
    subscription LiveBudgetAlerts($businessId: ID!) {
  budgetAlerts(businessId: $businessId) {
    campaignId
    thresholdPercent
    spentCents
    totalCents
    raisedAt
  }
}
    `, {"hash":"sha256:47c08dc9824a851f78c17cb2037caebeba93d1d6cb22306089832be12fd99596"}) as unknown as TypedDocumentString<LiveBudgetAlertsSubscription, LiveBudgetAlertsSubscriptionVariables>;
export const LiveLifecycleDocument = new TypedDocumentString(`
    subscription LiveLifecycle($businessId: ID!) {
  campaignLifecycle(businessId: $businessId) {
    campaignId
    fromStatus
    toStatus
    reason
    at
  }
}
    `, {"hash":"sha256:114d0d43ff9e083cd07afbaaec235dcc0b110f62f7156ead20942a2fc575cb41"}) as unknown as TypedDocumentString<LiveLifecycleSubscription, LiveLifecycleSubscriptionVariables>;
export const BusinessOverviewDocument = new TypedDocumentString(`
    query BusinessOverview($businessId: ID!) {
  businessDashboard(businessId: $businessId) {
    __typename
    ... on QueryBusinessDashboardSuccess {
      data {
        ...Overview
      }
    }
    ...Failure
  }
  business(id: $businessId) {
    id
    name
    currency
    timezone
    campaigns(first: 100) {
      totalCount
      edges {
        node {
          ...CampaignRow
          budget {
            alerts {
              thresholdPercent
              raisedAt
              spent {
                ...Amount
              }
            }
          }
        }
      }
    }
  }
}
    fragment Failure on Error {
  __typename
  code
  message
}
fragment Amount on Money {
  amountCents
  currency
}
fragment Totals on Metrics {
  impressions
  viewableImpressions
  clicks
  conversions
  revenueCents
  spendCents
  reach
  ctr
  cvr
  roas
  cpaCents
}
fragment LiveStats on CampaignStats {
  campaignId
  sequence
  snapshot
  impressions
  viewableImpressions
  clicks
  conversions
  revenueCents
  spendCents
  reach
  ctr
  cvr
  viewability
  roas
  cpaCents
  cpcCents
  updatedAt
}
fragment CampaignRow on Campaign {
  id
  name
  status
  statusReason
  objective
  channels
  startsAt
  endsAt
  allowedActions
  stats {
    ...LiveStats
  }
  budget {
    total {
      ...Amount
    }
    spent {
      ...Amount
    }
    dailyCap {
      ...Amount
    }
    spentToday {
      ...Amount
    }
  }
}
fragment Overview on BusinessDashboard {
  businessId
  currency
  sequence
  generatedAt
  campaignCount
  activeCampaignCount
  totals {
    ...Totals
  }
}`, {"hash":"sha256:9d044eb904ee83e22aba576b9a7806dacb4aad556eca7201a8e90c9aeb5b3b3f"}) as unknown as TypedDocumentString<BusinessOverviewQuery, BusinessOverviewQueryVariables>;
export const BusinessTrendsDocument = new TypedDocumentString(`
    query BusinessTrends($campaignIds: [ID!]!, $period: TrendPeriod!, $from: DateTime!, $to: DateTime!) {
  trends(campaignIds: $campaignIds, period: $period, from: $from, to: $to) {
    __typename
    ... on QueryTrendsSuccess {
      data {
        ...TrendSeries
      }
    }
    ...Failure
  }
}
    fragment Failure on Error {
  __typename
  code
  message
}
fragment Totals on Metrics {
  impressions
  viewableImpressions
  clicks
  conversions
  revenueCents
  spendCents
  reach
  ctr
  cvr
  roas
  cpaCents
}
fragment TrendSeries on Trend {
  period
  currency
  points {
    start
    metrics {
      ...Totals
    }
  }
}`, {"hash":"sha256:2abe41394388a250cf45cc8c8a039b5248e4c510c3f9c98acfc0cad845447325"}) as unknown as TypedDocumentString<BusinessTrendsQuery, BusinessTrendsQueryVariables>;
export const ViewerDocument = new TypedDocumentString(`
    query Viewer {
  viewer {
    id
    name
    role
  }
  businesses(first: 100) {
    edges {
      node {
        id
        name
        city
        currency
        timezone
      }
    }
  }
}
    `, {"hash":"sha256:9bf78c9ed22bc3f0aed1d767caa5a95dfc3600d037cacd63431316056ab70f19"}) as unknown as TypedDocumentString<ViewerQuery, ViewerQueryVariables>;