import { builder } from '../../schema/builder';
import { standardErrors } from '../../schema/errors';
import { lookupId } from '../../schema/ids';
import { BusinessRef } from '../businesses/schema';
import { CampaignRef, CampaignStatusEnum, KpiMetricEnum } from '../campaigns/schema';
import { EVENT_TYPES } from './ingest';
import type { KpiStatus } from './kpi';
import { statsFromRow } from './live';
import {
  BREAKDOWN_DIMENSIONS,
  type BreakdownRow,
  type CampaignKpi,
  type CampaignPerformance,
  type Dashboard,
  type FunnelStep,
  funnelOf,
  MAX_TREND_CAMPAIGNS,
  MAX_TREND_POINTS,
  type Metrics,
  rateOf,
  TOP_CAMPAIGNS_BY_ROAS,
  type Trend,
  type TrendPeriod,
  type TrendPoint,
} from './reports';
import { RATE_FIELDS } from './types';

const TREND_PERIOD_CLOCKS = {
  HOUR: { description: 'UTC hours (from the hourly buckets).' },
  DAY: { description: "Calendar days in each campaign's own time zone, its schedule's (from the daily buckets)." },
  WEEK: { description: "ISO weeks, Monday to Sunday, of each campaign's calendar days." },
  MONTH: { description: "Calendar months of each campaign's calendar days." },
} satisfies Record<TrendPeriod, { description: string }>;

const TrendPeriodEnum = builder.enumType('TrendPeriod', { values: TREND_PERIOD_CLOCKS });
const BreakdownDimensionEnum = builder.enumType('BreakdownDimension', { values: BREAKDOWN_DIMENSIONS });
const FunnelStageEnum = builder.enumType('FunnelStage', { values: EVENT_TYPES });

const KPI_STATUS_MEANINGS = {
  ON_TRACK: { description: 'At least 100% of what is expected by now.' },
  AT_RISK: { description: 'At least 80% of what is expected by now.' },
  BEHIND: { description: 'Less than 80% of what is expected by now.' },
  NO_DATA: { description: 'A ratio or cost with no denominator yet (e.g. CTR before the first impression): nothing to judge.' },
} satisfies Record<KpiStatus, { description: string }>;

const KpiStatusEnum = builder.enumType('KpiStatus', { values: KPI_STATUS_MEANINGS });

const MetricsRef = builder.objectRef<Metrics>('Metrics').implement({
  description:
    'Counters of a slice of campaign data, and the rates computed from those counters (never averaged from finer rates); null when a denominator is 0. ' +
    'Money is in cents of the currency of the result it belongs to.',
  fields: (t) => ({
    impressions: t.expose('impressions', { type: 'SafeInt' }),
    viewableImpressions: t.expose('viewableImpressions', { type: 'SafeInt' }),
    clicks: t.expose('clicks', { type: 'SafeInt' }),
    conversions: t.expose('conversions', { type: 'SafeInt' }),
    revenueCents: t.expose('revenueCents', { type: 'SafeInt' }),
    spendCents: t.expose('spendCents', {
      type: 'SafeInt',
      nullable: true,
      description:
        'From the spend ledger, counted when it was charged. Null where spend cannot be attributed: the ledger records spend per channel, not per placement or variant.',
    }),
    reach: t.expose('reach', {
      type: 'SafeInt',
      nullable: true,
      description: 'Distinct profiles reached; null where distinct profiles are not counted (trend points and breakdown rows).',
    }),
    ...Object.fromEntries(
      Object.entries(RATE_FIELDS).map(([name, field]) => [
        name,
        t.float({ nullable: true, description: field.description, resolve: (metrics) => rateOf(field.compute, metrics) }),
      ]),
    ),
  }),
});

const TrendPointRef = builder.objectRef<TrendPoint>('TrendPoint').implement({
  fields: (t) => ({
    start: t.exposeString('start', {
      description:
        "Where the period starts: a UTC hour (2026-11-20T13:00:00.000Z) for HOUR; a calendar date in the campaigns' time zones (2026-11-16) for DAY, WEEK (its Monday) and MONTH (its 1st).",
    }),
    metrics: t.field({ type: MetricsRef, resolve: (point) => point.metrics }),
  }),
});

const TrendRef = builder.objectRef<Trend>('Trend').implement({
  description: 'A continuous series: every period of the range has a point, zero where nothing happened.',
  fields: (t) => ({
    period: t.expose('period', { type: TrendPeriodEnum }),
    currency: t.expose('currency', { type: 'Currency', description: 'The currency of every amount in the series.' }),
    points: t.field({ type: [TrendPointRef], resolve: (trend) => trend.points }),
  }),
});

const FunnelStepRef = builder.objectRef<FunnelStep>('FunnelStep').implement({
  fields: (t) => ({
    stage: t.expose('stage', { type: FunnelStageEnum }),
    count: t.expose('count', { type: 'SafeInt' }),
    stepRate: t.exposeFloat('stepRate', {
      nullable: true,
      description:
        'Viewability for VIEWABLE_IMPRESSION, CTR for CLICK (per impression: not every channel reports viewability), CVR for CONVERSION; null for IMPRESSION and when the denominator is 0.',
    }),
  }),
});

const BreakdownRowRef = builder.objectRef<BreakdownRow>('BreakdownRow').implement({
  fields: (t) => ({
    value: t.exposeString('value', { nullable: true, description: 'The channel, placement or variant; null for events that did not say.' }),
    metrics: t.field({ type: MetricsRef, resolve: (row) => row.metrics }),
  }),
});

const CampaignPerformanceRef = builder.objectRef<CampaignPerformance>('CampaignPerformance').implement({
  fields: (t) => ({
    campaignId: t.globalID({ resolve: (row) => ({ type: 'Campaign', id: row.campaignId }) }),
    name: t.exposeString('name'),
    status: t.expose('status', { type: CampaignStatusEnum }),
    metrics: t.field({ type: MetricsRef, resolve: (row) => row.metrics }),
  }),
});

const CampaignKpiRef = builder.objectRef<CampaignKpi>('CampaignKpi').implement({
  description:
    'One KPI target of a running campaign, judged now: ON_TRACK at 100% attainment or more, AT_RISK from 80%, BEHIND below, NO_DATA without a denominator.',
  fields: (t) => ({
    campaignId: t.globalID({ resolve: (kpi) => ({ type: 'Campaign', id: kpi.campaignId }) }),
    campaignName: t.exposeString('campaignName'),
    metric: t.expose('metric', { type: KpiMetricEnum }),
    target: t.exposeFloat('target'),
    expected: t.exposeFloat('expected', {
      description:
        "What the metric should be by now: for IMPRESSIONS, REACH, CLICKS, CONVERSIONS and REVENUE_CENTS the target times the elapsed share of the campaign's run (the whole target without an end date); otherwise the target.",
    }),
    actual: t.exposeFloat('actual', { nullable: true, description: 'The metric now; null when its denominator is 0.' }),
    attainment: t.exposeFloat('attainment', {
      nullable: true,
      description: 'actual ÷ expected, or expected ÷ actual for the costs CPC_CENTS and CPA_CENTS (lower is better); null when it cannot be divided.',
    }),
    status: t.expose('status', { type: KpiStatusEnum }),
  }),
});

const StatusCountRef = builder.objectRef<Dashboard['campaignsByStatus'][number]>('CampaignStatusCount').implement({
  fields: (t) => ({
    status: t.expose('status', { type: CampaignStatusEnum }),
    count: t.exposeInt('count'),
  }),
});

const DashboardRef = builder.objectRef<Dashboard>('BusinessDashboard').implement({
  description: "A business's campaigns at one moment: totals, statuses, best performers and KPI status.",
  fields: (t) => ({
    businessId: t.globalID({ resolve: (dashboard) => ({ type: 'Business', id: dashboard.businessId }) }),
    currency: t.expose('currency', { type: 'Currency', description: 'The currency of every amount on the dashboard.' }),
    sequence: t.expose('sequence', {
      type: 'SafeInt',
      description: "The sum of the campaigns' stats sequences: it grows with every committed change of their counters.",
    }),
    generatedAt: t.expose('generatedAt', { type: 'DateTime', description: 'When it was read; KPI targets are pro-rated to this moment.' }),
    totals: t.field({
      type: MetricsRef,
      description: 'All campaigns added up, rates from the sums; reach counts each person once across campaigns.',
      resolve: (dashboard) => dashboard.totals,
    }),
    campaignCount: t.exposeInt('campaignCount'),
    activeCampaignCount: t.exposeInt('activeCampaignCount'),
    campaignsByStatus: t.field({
      type: [StatusCountRef],
      description: 'Every status, in lifecycle order, with its count (0 included).',
      resolve: (d) => d.campaignsByStatus,
    }),
    topCampaignsByRoas: t.field({
      type: [CampaignPerformanceRef],
      description: `Up to ${TOP_CAMPAIGNS_BY_ROAS} campaigns with spend, highest ROAS first; equal ROAS: more spend first, then by campaign id.`,
      resolve: (dashboard) => dashboard.topCampaignsByRoas,
    }),
    kpis: t.field({ type: [CampaignKpiRef], description: 'Every KPI target of ACTIVE and PAUSED campaigns, by campaign name.', resolve: (d) => d.kpis }),
  }),
});

const trendArgs = {
  period: { type: TrendPeriodEnum },
  from: { type: 'DateTime', description: 'Start of the range; widened to the start of its period.' },
  to: { type: 'DateTime', description: `End of the range (exclusive); widened to the end of its period. At most ${MAX_TREND_POINTS} periods after from.` },
} as const;

builder.prismaObjectFields(CampaignRef, (t) => ({
  trends: t.field({
    type: TrendRef,
    errors: { types: standardErrors },
    description: 'Counters, spend and rates per period of the range.',
    args: {
      period: t.arg({ ...trendArgs.period }),
      from: t.arg({ ...trendArgs.from }),
      to: t.arg({ ...trendArgs.to }),
    },
    resolve: (campaign, { period, from, to }, context) => context.services.reports.trends(context.access, [campaign.id], period, { from, to }),
  }),
  funnel: t.field({
    type: [FunnelStepRef],
    description: 'Impressions → viewable impressions → clicks → conversions, over the whole campaign.',
    select: { businessId: true, stats: true, budget: { select: { spentCents: true } } },
    resolve: (campaign) => funnelOf(statsFromRow(campaign, campaign.stats, campaign.budget)),
  }),
  breakdown: t.field({
    type: [BreakdownRowRef],
    description: 'Counters and rates over the whole campaign per value of one dimension, most impressions first.',
    args: { dimension: t.arg({ type: BreakdownDimensionEnum }) },
    resolve: (campaign, { dimension }, context) => context.services.reports.breakdown(campaign.id, dimension),
  }),
}));

builder.prismaObjectFields(BusinessRef, (t) => ({
  dashboard: t.field({
    type: DashboardRef,
    description: 'The dashboard as it is now; the businessDashboard subscription keeps it live.',
    select: { currency: true },
    resolve: (business, _args, context) => context.services.reports.dashboard(business),
  }),
}));

builder.queryFields((t) => ({
  trends: t.field({
    type: TrendRef,
    errors: { types: standardErrors },
    description: `One series summed over up to ${MAX_TREND_CAMPAIGNS} campaigns the caller may see, all in one currency: counters and spend are added per period first, then the rates are computed from the sums.`,
    args: {
      campaignIds: t.arg.globalIDList({ for: CampaignRef }),
      period: t.arg({ ...trendArgs.period }),
      from: t.arg({ ...trendArgs.from }),
      to: t.arg({ ...trendArgs.to }),
    },
    resolve: (_root, { campaignIds, period, from, to }, context) =>
      context.services.reports.trends(
        context.access,
        campaignIds.map((id) => lookupId(id.id)),
        period,
        { from, to },
      ),
  }),
  businessDashboard: t.field({
    type: DashboardRef,
    errors: { types: standardErrors },
    description: 'The dashboard of a business the caller may see, as it is now.',
    args: { businessId: t.arg.globalID({ for: BusinessRef }) },
    resolve: (_root, { businessId }, context) => context.services.reports.businessDashboard(context.access, lookupId(businessId.id)),
  }),
}));

builder.subscriptionField('businessDashboard', (t) =>
  t.field({
    type: DashboardRef,
    description: 'The dashboard read from PostgreSQL first, then recomputed (coalesced) after changes to the counters of the business’s campaigns.',
    args: { businessId: t.arg.globalID({ for: BusinessRef }) },
    subscribe: (_root, { businessId }, context) => context.services.reports.watchDashboard(context.access, lookupId(businessId.id)),
    resolve: (dashboard) => dashboard,
  }),
);
