import { nonEmpty } from '../../schema/prisma-query';
import { BudgetExceededError, InvalidTransitionError } from '../../errors';
import { builder } from '../../schema/builder';
import { checkPageSize } from '../../schema/connections';
import { ErrorInterface, standardErrors } from '../../schema/errors';
import { lookupId } from '../../schema/ids';
import { statsFromRow } from '../analytics/live';
import { CampaignStatsRef } from '../analytics/types';
import { type TargetingRules } from '../audiences/targeting-rules';
import { rulesFromInput, TargetingRulesInput, TargetingRulesRef } from '../audiences/targeting-schema';
import { BusinessRef } from '../businesses/schema';
import { type LifecycleMessage } from './events';
import { CAMPAIGN_SORT_FIELDS, campaignFilterWhere, campaignOrderBy } from './filters';
import { allowedActions, CAMPAIGN_ACTIONS, type CampaignAction } from './lifecycle';
import { type Channel, CHANNELS, DAYS_OF_WEEK, KINDS, KPI_METRICS, type KpiTarget, OBJECTIVES, type Schedule } from './plan';
import { actorOf } from './service';

export const CampaignStatusEnum = builder.enumType('CampaignStatus', {
  values: ['DRAFT', 'PENDING_APPROVAL', 'APPROVED', 'REJECTED', 'SCHEDULED', 'ACTIVE', 'PAUSED', 'COMPLETED', 'CANCELLED'] as const,
});
export const CampaignObjectiveEnum = builder.enumType('CampaignObjective', {
  description: 'The promotion type, modelled on Meta Ads objectives.',
  values: OBJECTIVES,
});
export const CampaignKindEnum = builder.enumType('CampaignKind', { description: "The merchant's kind of offer.", values: KINDS });
export const ChannelEnum = builder.enumType('Channel', { values: CHANNELS });
export const DayOfWeekEnum = builder.enumType('DayOfWeek', { values: DAYS_OF_WEEK });
export const KpiMetricEnum = builder.enumType('KpiMetric', { values: KPI_METRICS });
const CampaignActionEnum = builder.enumType('CampaignAction', { values: CAMPAIGN_ACTIONS });
const CampaignSortFieldEnum = builder.enumType('CampaignSortField', { values: CAMPAIGN_SORT_FIELDS });
const SortDirectionEnum = builder.enumType('SortDirection', { values: ['ASC', 'DESC'] as const });

builder.objectType(InvalidTransitionError, {
  name: 'InvalidTransitionError',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    currentStatus: t.field({ type: CampaignStatusEnum, resolve: (error) => error.currentStatus as typeof CampaignStatusEnum.$inferType }),
    action: t.field({ type: CampaignActionEnum, resolve: (error) => error.action as CampaignAction }),
    allowedActions: t.field({ type: [CampaignActionEnum], resolve: (error) => error.allowedActions as CampaignAction[] }),
  }),
});

builder.objectType(BudgetExceededError, {
  name: 'BudgetExceededError',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    limit: t.exposeString('limit', { description: 'TOTAL, DAILY_CAP, CHANNEL_ALLOCATION or UNALLOCATED.' }),
    requestedCents: t.expose('requestedCents', { type: 'SafeInt' }),
    availableCents: t.expose('availableCents', { type: 'SafeInt' }),
  }),
});

export const campaignErrors = [...standardErrors, InvalidTransitionError, BudgetExceededError];

const ScheduleRef = builder.objectRef<Schedule>('Schedule').implement({
  fields: (t) => ({
    daysOfWeek: t.field({ type: [DayOfWeekEnum], nullable: true, resolve: (s) => s.daysOfWeek }),
    hoursOfDay: t.intList({ nullable: true, resolve: (s) => s.hoursOfDay }),
    timezone: t.expose('timezone', { type: 'TimeZone' }),
  }),
});

const KpiTargetRef = builder.objectRef<KpiTarget>('KpiTarget').implement({
  fields: (t) => ({
    metric: t.expose('metric', { type: KpiMetricEnum }),
    target: t.exposeFloat('target'),
  }),
});

const PricingRef = builder.objectRef<{ cpmCents: number | null; cpcCents: number | null; cpaCents: number | null }>('Pricing').implement({
  description: "What billable events cost, in cents of the business's currency.",
  fields: (t) => ({
    cpmCents: t.exposeInt('cpmCents', { nullable: true, description: 'Per thousand impressions.' }),
    cpcCents: t.exposeInt('cpcCents', { nullable: true, description: 'Per click.' }),
    cpaCents: t.exposeInt('cpaCents', { nullable: true, description: 'Per conversion (acquisition).' }),
  }),
});

builder.prismaObject('CampaignTransition', {
  select: { id: true },
  description: 'One step of a campaign’s lifecycle.',
  fields: (t) => ({
    fromStatus: t.expose('fromStatus', { type: CampaignStatusEnum }),
    toStatus: t.expose('toStatus', { type: CampaignStatusEnum }),
    reason: t.exposeString('reason', { nullable: true }),
    actor: t.relation('actor', { nullable: true, description: 'Null when the server made the step.' }),
    systemActor: t.exposeString('actorSystem', {
      nullable: true,
      description: 'When no person made the step: which part of the system did (lifecycle sweep, budget rules, a script, the demo data).',
    }),
    at: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

export const CampaignRef = builder.prismaNode('Campaign', {
  id: { field: 'id' },
  select: { id: true },
  nullable: true,
  findUnique: (id, context) => ({ id: lookupId(id), AND: [context.access.campaignWhere()] }),
  fields: (t) => ({
    name: t.exposeString('name'),
    description: t.exposeString('description', { nullable: true }),
    objective: t.expose('objective', { type: CampaignObjectiveEnum }),
    kind: t.expose('kind', { type: CampaignKindEnum }),
    channels: t.field({ type: [ChannelEnum], select: { channels: true }, resolve: (c) => c.channels as Channel[] }),
    status: t.expose('status', { type: CampaignStatusEnum }),
    statusReason: t.exposeString('statusReason', { nullable: true, description: 'Why the campaign is in its status, e.g. a rejection reason.' }),
    startsAt: t.expose('startsAt', { type: 'DateTime' }),
    endsAt: t.expose('endsAt', { type: 'DateTime', nullable: true }),
    schedule: t.field({ type: ScheduleRef, select: { schedule: true }, resolve: (c) => c.schedule as unknown as Schedule }),
    pricing: t.field({
      type: PricingRef,
      select: { cpmCents: true, cpcCents: true, cpaCents: true },
      resolve: (c) => ({ cpmCents: c.cpmCents, cpcCents: c.cpcCents, cpaCents: c.cpaCents }),
    }),
    kpiTargets: t.field({ type: [KpiTargetRef], select: { kpiTargets: true }, resolve: (c) => c.kpiTargets as unknown as KpiTarget[] }),
    targetingRules: t.field({ type: TargetingRulesRef, select: { targetingRules: true }, resolve: (c) => c.targetingRules as TargetingRules }),
    settings: t.field({ type: 'JSON', select: { settings: true }, description: 'Settings specific to the objective.', resolve: (c) => c.settings }),
    submittedAt: t.expose('submittedAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    createdBy: t.relation('createdBy'),
    business: t.relation('business'),
    budget: t.relation('budget', { nullable: true }),
    history: t.relation('transitions', { description: 'Every lifecycle step, oldest first.', query: { orderBy: { position: 'asc' } } }),
    historyCount: t.relationCount('transitions'),
    allowedActions: t.field({
      type: [CampaignActionEnum],
      description: 'The lifecycle actions the caller may take now.',
      select: { status: true },
      resolve: (c, _args, context) => {
        if (!context.viewer || context.viewer.role === 'PARTNER') return [];
        return allowedActions(c.status, actorOf(context.access));
      },
    }),
    stats: t.field({
      type: CampaignStatsRef,
      select: { businessId: true, stats: true, budget: { select: { spentCents: true } } },
      resolve: (campaign) => ({ ...statsFromRow(campaign, campaign.stats, campaign.budget), snapshot: true }),
    }),
  }),
});

const CampaignFilterInput = builder.inputType('CampaignFilter', {
  fields: (t) => ({
    statuses: t.field({ type: [CampaignStatusEnum], required: false }),
    objectives: t.field({ type: [CampaignObjectiveEnum], required: false }),
    channel: t.field({ type: ChannelEnum, required: false }),
    businessId: t.globalID({ for: BusinessRef, required: false }),
    startsAfter: t.field({ type: 'DateTime', required: false }),
    startsBefore: t.field({ type: 'DateTime', required: false }),
    nameContains: t.string({ required: false, description: 'Case-insensitive part of the name.' }),
  }),
});

const CampaignOrderInput = builder.inputType('CampaignOrder', {
  fields: (t) => ({
    field: t.field({ type: CampaignSortFieldEnum }),
    direction: t.field({ type: SortDirectionEnum, defaultValue: 'DESC' }),
  }),
});

type FilterArg = typeof CampaignFilterInput.$inferInput | null | undefined;
const filterOf = (filter: FilterArg) => (filter ? { ...filter, businessId: filter.businessId ? lookupId(filter.businessId.id) : null } : null);

builder.queryFields((t) => ({
  campaign: t.prismaField({
    type: 'Campaign',
    nullable: true,
    args: { id: t.arg.globalID({ for: CampaignRef }) },
    resolve: (query, _root, { id }, context) =>
      context.prisma.campaign.findFirst({ ...nonEmpty(query), where: { AND: [{ id: lookupId(id.id) }, context.access.campaignWhere()] } }),
  }),
  campaigns: t.prismaConnection(
    {
      type: 'Campaign',
      cursor: 'id',
      description: 'The campaigns the caller may see; newest first unless ordered otherwise.',
      args: {
        filter: t.arg({ type: CampaignFilterInput, required: false }),
        orderBy: t.arg({ type: CampaignOrderInput, required: false }),
      },
      resolve: (query, _root, args, context) => {
        checkPageSize(args);
        return context.prisma.campaign.findMany({
          ...query,
          where: { AND: [context.access.campaignWhere(), campaignFilterWhere(filterOf(args.filter))] },
          orderBy: campaignOrderBy(args.orderBy?.field ?? 'CREATED_AT', args.orderBy?.direction ?? 'DESC'),
        });
      },
      totalCount: (_connection, args, context) =>
        context.prisma.campaign.count({ where: { AND: [context.access.campaignWhere(), campaignFilterWhere(filterOf(args.filter))] } }),
    },
    {},
  ),
  approvalQueue: t.prismaConnection(
    {
      type: 'Campaign',
      cursor: 'id',
      authScopes: { admin: true },
      description: 'Admins only: campaigns waiting for approval, oldest submission first.',
      args: { filter: t.arg({ type: CampaignFilterInput, required: false }) },
      resolve: (query, _root, args, context) => {
        checkPageSize(args);
        return context.prisma.campaign.findMany({
          ...query,
          where: { AND: [{ status: 'PENDING_APPROVAL' }, campaignFilterWhere(filterOf(args.filter))] },
          orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
        });
      },
      totalCount: (_connection, args, context) =>
        context.prisma.campaign.count({ where: { AND: [{ status: 'PENDING_APPROVAL' }, campaignFilterWhere(filterOf(args.filter))] } }),
    },
    {},
  ),
}));

const ScheduleInput = builder.inputType('ScheduleInput', {
  fields: (t) => ({
    daysOfWeek: t.field({ type: [DayOfWeekEnum], required: false }),
    hoursOfDay: t.intList({ required: false, description: 'Hours 0–23 in the schedule’s time zone.' }),
    timezone: t.string({ description: 'IANA time zone, e.g. Europe/Berlin.' }),
  }),
});

const PricingInput = builder.inputType('PricingInput', {
  fields: (t) => ({
    cpmCents: t.int({ required: false }),
    cpcCents: t.int({ required: false }),
    cpaCents: t.int({ required: false }),
  }),
});

const KpiTargetInput = builder.inputType('KpiTargetInput', {
  fields: (t) => ({ metric: t.field({ type: KpiMetricEnum }), target: t.float() }),
});

const CreateCampaignInput = builder.inputType('CreateCampaignInput', {
  fields: (t) => ({
    businessId: t.globalID({ for: BusinessRef }),
    name: t.string({ description: '1–100 characters.' }),
    description: t.string({ required: false }),
    objective: t.field({ type: CampaignObjectiveEnum }),
    kind: t.field({ type: CampaignKindEnum }),
    channels: t.field({ type: [ChannelEnum] }),
    startsAt: t.field({ type: 'DateTime' }),
    endsAt: t.field({ type: 'DateTime', required: false, description: 'After startsAt; open-ended when left out.' }),
    schedule: t.field({ type: ScheduleInput, required: false, description: "Defaults to every day and hour in the business's time zone." }),
    pricing: t.field({ type: PricingInput, required: false }),
    kpiTargets: t.field({ type: [KpiTargetInput], required: false }),
    targetingRules: t.field({ type: TargetingRulesInput, required: false }),
    settings: t.field({ type: 'JSON', required: false, description: 'Settings specific to the objective (a JSON object, at most 16 KB).' }),
  }),
});

const UpdateCampaignInput = builder.inputType('UpdateCampaignInput', {
  description: 'Only the fields given change; null clears an optional field.',
  fields: (t) => ({
    name: t.string({ required: false }),
    description: t.string({ required: false }),
    objective: t.field({ type: CampaignObjectiveEnum, required: false }),
    kind: t.field({ type: CampaignKindEnum, required: false }),
    channels: t.field({ type: [ChannelEnum], required: false }),
    startsAt: t.field({ type: 'DateTime', required: false }),
    endsAt: t.field({ type: 'DateTime', required: false }),
    schedule: t.field({ type: ScheduleInput, required: false }),
    pricing: t.field({ type: PricingInput, required: false }),
    kpiTargets: t.field({ type: [KpiTargetInput], required: false }),
    targetingRules: t.field({ type: TargetingRulesInput, required: false }),
    settings: t.field({ type: 'JSON', required: false }),
  }),
});

/**
 * GraphQL input → plan input: targeting rules without their unset dimensions, and the JSON
 * settings typed as the object the plan's schema then checks they are.
 */
function planFromInput<T extends { targetingRules?: Record<string, unknown> | null; settings?: unknown }>(input: T): Record<string, unknown> {
  return {
    ...input,
    targetingRules: input.targetingRules ? rulesFromInput(input.targetingRules) : input.targetingRules,
    settings: input.settings as Record<string, unknown> | null | undefined,
  };
}

builder.mutationFields((t) => ({
  createCampaign: t.prismaField({
    type: 'Campaign',
    errors: { types: campaignErrors },
    args: { input: t.arg({ type: CreateCampaignInput }) },
    resolve: async (query, _root, { input }, context) => {
      const campaign = await context.services.campaigns.create(context.access, { ...planFromInput(input), businessId: lookupId(input.businessId.id) });
      return context.prisma.campaign.findUniqueOrThrow({ ...nonEmpty(query), where: { id: campaign.id } });
    },
  }),
  updateCampaign: t.prismaField({
    type: 'Campaign',
    errors: { types: campaignErrors },
    description: 'Edits a campaign in DRAFT, PAUSED or REJECTED; a rejected campaign returns to DRAFT.',
    args: { id: t.arg.globalID({ for: CampaignRef }), input: t.arg({ type: UpdateCampaignInput }) },
    resolve: async (query, _root, { id, input }, context) => {
      const campaign = await context.services.campaigns.update(context.access, lookupId(id.id), planFromInput(input));
      return context.prisma.campaign.findUniqueOrThrow({ ...nonEmpty(query), where: { id: campaign.id } });
    },
  }),
}));

/** One mutation per lifecycle action people take; the state machine decides what is allowed. */
const actionMutations: Array<{ field: string; action: CampaignAction; description: string }> = [
  { field: 'submitCampaign', action: 'SUBMIT', description: 'Sends a draft to the approval queue (it needs a budget).' },
  { field: 'approveCampaign', action: 'APPROVE', description: 'Admins only: approves and launches (scheduled for its start date, or active now).' },
  { field: 'rejectCampaign', action: 'REJECT', description: 'Admins only: rejects with a reason the owner sees.' },
  { field: 'pauseCampaign', action: 'PAUSE', description: 'Stops serving an active campaign.' },
  { field: 'resumeCampaign', action: 'RESUME', description: 'Serves a paused campaign again (its end date and budget must allow it).' },
  { field: 'completeCampaign', action: 'COMPLETE', description: 'Ends an active or paused campaign whose work is finished.' },
  { field: 'cancelCampaign', action: 'CANCEL', description: 'Stops a campaign for good, from any state that is not final.' },
];

for (const { field, action, description } of actionMutations) {
  builder.mutationField(field, (t) =>
    t.prismaField({
      type: 'Campaign',
      description,
      errors: { types: campaignErrors },
      args: { id: t.arg.globalID({ for: CampaignRef }), reason: t.arg.string({ required: false }) },
      resolve: async (query, _root, { id, reason }, context) => {
        const campaign = await context.services.campaigns.transition(context.access, lookupId(id.id), action, reason);
        return context.prisma.campaign.findUniqueOrThrow({ ...nonEmpty(query), where: { id: campaign.id } });
      },
    }),
  );
}

const LifecycleEventRef = builder.objectRef<LifecycleMessage>('CampaignLifecycleEvent').implement({
  fields: (t) => ({
    campaignId: t.globalID({ resolve: (m) => ({ type: 'Campaign', id: m.campaignId }) }),
    fromStatus: t.expose('fromStatus', { type: CampaignStatusEnum }),
    toStatus: t.expose('toStatus', { type: CampaignStatusEnum }),
    reason: t.exposeString('reason', { nullable: true }),
    at: t.expose('at', { type: 'DateTime' }),
  }),
});

builder.subscriptionField('campaignLifecycle', (t) =>
  t.field({
    type: LifecycleEventRef,
    description: "Every lifecycle step of a business's campaigns, as it commits.",
    args: { businessId: t.arg.globalID({ for: BusinessRef }) },
    subscribe: async (_root, { businessId }, context) => {
      const business = await context.access.requireBusiness(lookupId(businessId.id), 'read');
      return context.services.lifecycle.subscribe(business.id);
    },
    resolve: (message) => message,
  }),
);
