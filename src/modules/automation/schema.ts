import { builder } from '../../schema/builder';
import { checkPageSize } from '../../schema/connections';
import { standardErrors } from '../../schema/errors';
import { encodeGlobalId } from '../../schema/global-ids';
import { lookupId } from '../../schema/ids';
import { nonEmpty } from '../../schema/prisma-query';
import { BusinessRef } from '../businesses/schema';
import { CampaignObjectiveEnum, CampaignRef, CampaignStatusEnum, ChannelEnum, DayOfWeekEnum } from '../campaigns/schema';
import type { ActionResult } from './actions';
import {
  ACTION_TYPES,
  BUDGET_FIELDS,
  COMPARISONS,
  RULE_METRICS,
  type RuleDefinition,
  TIME_CONDITION_KINDS,
  TRIGGER_EVENTS,
  VOLUME_METRICS,
  WINDOW_KINDS,
} from './definition';
import type { PairOutcome } from './engine';
import type { ConditionResult } from './evaluate';
import type { RuleAlertMessage } from './types';

const RuleMetricEnum = builder.enumType('RuleMetric', {
  description: 'A metric of the one rates module. Money in cents; CTR, CVR, VIEWABILITY and BUDGET_UTILIZATION as fractions (0–1).',
  values: RULE_METRICS,
});
const RuleVolumeMetricEnum = builder.enumType('RuleVolumeMetric', { values: VOLUME_METRICS });
const RuleComparisonEnum = builder.enumType('RuleComparison', { values: COMPARISONS });
const RuleWindowKindEnum = builder.enumType('RuleWindowKind', {
  description: "TODAY: the calendar day in the campaign's time zone; LAST_DAYS: the last `size` such days; LAST_HOURS: the last `size` clock hours; LIFETIME.",
  values: WINDOW_KINDS,
});
const RuleTimeConditionKindEnum = builder.enumType('RuleTimeConditionKind', { values: TIME_CONDITION_KINDS });
const RuleTriggerEventEnum = builder.enumType('RuleTriggerEvent', { values: TRIGGER_EVENTS });
const RuleActionTypeEnum = builder.enumType('RuleActionType', { values: ACTION_TYPES });
const RuleBudgetFieldEnum = builder.enumType('RuleBudgetField', { values: BUDGET_FIELDS });
const RuleFiringCauseEnum = builder.enumType('RuleFiringCause', {
  description: 'CHANGE: right after a committed change of the campaign; SCHEDULE: the periodic sweep; EVENT: a trigger event.',
  values: ['CHANGE', 'SCHEDULE', 'EVENT'] as const,
});
const RuleDecisionEnum = builder.enumType('RuleDecision', {
  description: 'FIRE: acts now; HOLD: true but already fired in this episode (or cooling down); RESET: false again, so it can fire next time; IDLE: false.',
  values: ['FIRE', 'HOLD', 'RESET', 'IDLE'] as const,
});
const RuleActionOutcomeEnum = builder.enumType('RuleActionOutcome', { values: ['DONE', 'SKIPPED', 'REFUSED'] as const });

const WindowInput = builder.inputType('RuleWindowInput', {
  fields: (t) => ({
    kind: t.field({ type: RuleWindowKindEnum }),
    size: t.int({ required: false, description: 'Hours or days, for LAST_HOURS and LAST_DAYS.' }),
  }),
});
const MinimumInput = builder.inputType('RuleMinimumInput', {
  fields: (t) => ({ metric: t.field({ type: RuleVolumeMetricEnum }), atLeast: t.int() }),
});
const ConditionInput = builder.inputType('RuleConditionInput', {
  fields: (t) => ({
    metric: t.field({ type: RuleMetricEnum }),
    comparison: t.field({ type: RuleComparisonEnum }),
    threshold: t.float(),
    window: t.field({ type: WindowInput }),
    minimum: t.field({ type: MinimumInput, required: false, description: 'False until the window has at least this volume.' }),
  }),
});
const TimeConditionInput = builder.inputType('RuleTimeConditionInput', {
  fields: (t) => ({
    kind: t.field({ type: RuleTimeConditionKindEnum }),
    hours: t.float({ required: false, description: 'HOURS_AFTER_START and HOURS_BEFORE_END.' }),
    fromHour: t.int({ required: false, description: "LOCAL_TIME: from this hour (0–23) on the campaign's clock." }),
    toHour: t.int({ required: false, description: 'LOCAL_TIME: up to, not including, this hour; across midnight when not after fromHour.' }),
    daysOfWeek: t.field({ type: [DayOfWeekEnum], required: false }),
  }),
});
const TriggerInput = builder.inputType('RuleTriggerInput', {
  fields: (t) => ({
    event: t.field({ type: RuleTriggerEventEnum }),
    thresholdPercent: t.int({ required: false, description: 'BUDGET_ALERT: 75, 90 or 100; any when left out.' }),
    toStatuses: t.field({ type: [CampaignStatusEnum], required: false, description: 'LIFECYCLE_CHANGE: steps into these statuses; any when left out.' }),
  }),
});
const ActionInput = builder.inputType('RuleActionInput', {
  description: 'The fields of the chosen type; any other field is an error.',
  fields: (t) => ({
    type: t.field({ type: RuleActionTypeEnum }),
    budget: t.field({ type: RuleBudgetFieldEnum, required: false }),
    setToCents: t.field({ type: 'SafeInt', required: false }),
    changeByCents: t.field({ type: 'SafeInt', required: false }),
    changeByPercent: t.float({ required: false }),
    floorCents: t.field({ type: 'SafeInt', required: false }),
    ceilingCents: t.field({ type: 'SafeInt', required: false, description: 'Required when the budget is raised.' }),
    maxTimesPerDay: t.int({ required: false, description: 'CHANGE_BUDGET as a "scale": at most this often per local day.' }),
    fromChannel: t.field({ type: ChannelEnum, required: false }),
    toChannel: t.field({ type: ChannelEnum, required: false }),
    amountCents: t.field({ type: 'SafeInt', required: false }),
    percentOfRemaining: t.float({ required: false }),
    message: t.string({ required: false, description: 'ALERT: the text sent to ruleAlerts subscribers.' }),
  }),
});
const ScopeInput = builder.inputType('RuleScopeInput', {
  description: 'Name campaigns, or filter the business’s campaigns (all of them when nothing is given).',
  fields: (t) => ({
    campaignIds: t.globalIDList({ for: CampaignRef, required: false }),
    statuses: t.field({ type: [CampaignStatusEnum], required: false }),
    objectives: t.field({ type: [CampaignObjectiveEnum], required: false }),
    channels: t.field({ type: [ChannelEnum], required: false }),
  }),
});
const RuleInputRef = builder.inputType('AutomationRuleInput', {
  description: 'Conditions combine with AND. Without a trigger a rule fires once per episode (again after it was false, or after its cooldown).',
  fields: (t) => ({
    name: t.string(),
    enabled: t.boolean({ required: false, description: 'Default true on create; unchanged on update.' }),
    scope: t.field({ type: ScopeInput }),
    trigger: t.field({ type: TriggerInput, required: false }),
    conditions: t.field({ type: [ConditionInput], required: false }),
    timeConditions: t.field({ type: [TimeConditionInput], required: false }),
    actions: t.field({ type: [ActionInput] }),
    cooldownMinutes: t.int({ required: false }),
  }),
});

type RuleInputArg = typeof RuleInputRef.$inferInput;

/** GraphQL input → the service's input: global campaign ids decoded, everything else as the definition schema checks it. */
function ruleInputOf(input: RuleInputArg) {
  const { name, enabled, scope, ...rest } = input;
  return {
    name,
    enabled,
    definition: { ...rest, scope: { ...scope, campaignIds: scope.campaignIds?.map((id) => lookupId(id.id)) } },
  };
}

/** A stored definition as clients read it: campaign ids as global ids. */
function publicDefinition(definition: RuleDefinition): unknown {
  return { ...definition, scope: { ...definition.scope, campaignIds: definition.scope.campaignIds?.map((id) => encodeGlobalId('Campaign', id)) } };
}

const WindowRef = builder.objectRef<{ kind: (typeof WINDOW_KINDS)[number]; size?: number }>('RuleWindow').implement({
  fields: (t) => ({ kind: t.expose('kind', { type: RuleWindowKindEnum }), size: t.int({ nullable: true, resolve: (w) => w.size ?? null }) }),
});
const MinimumRef = builder.objectRef<NonNullable<ConditionResult['minimum']>>('RuleMinimumResult').implement({
  fields: (t) => ({ metric: t.exposeString('metric'), atLeast: t.exposeInt('atLeast'), value: t.exposeFloat('value') }),
});
const ConditionResultRef = builder.objectRef<ConditionResult>('RuleConditionResult').implement({
  description: 'One condition as it was judged: the value seen against the threshold.',
  fields: (t) => ({
    kind: t.exposeString('kind', { description: 'METRIC or TIME.' }),
    description: t.exposeString('description'),
    metric: t.field({ type: RuleMetricEnum, nullable: true, resolve: (c) => c.metric }),
    window: t.field({ type: WindowRef, nullable: true, resolve: (c) => c.window }),
    comparison: t.field({ type: RuleComparisonEnum, nullable: true, resolve: (c) => c.comparison }),
    threshold: t.exposeFloat('threshold', { nullable: true }),
    value: t.exposeFloat('value', { nullable: true, description: 'Null when unknown, e.g. a CPA before the first conversion.' }),
    minimum: t.field({ type: MinimumRef, nullable: true, resolve: (c) => c.minimum }),
    met: t.exposeBoolean('met'),
    note: t.exposeString('note', { nullable: true }),
  }),
});
const ActionResultRef = builder.objectRef<ActionResult>('RuleActionResult').implement({
  fields: (t) => ({
    type: t.expose('type', { type: RuleActionTypeEnum }),
    outcome: t.expose('outcome', { type: RuleActionOutcomeEnum }),
    detail: t.exposeString('detail', { description: 'What was done, or why it was skipped or refused.' }),
    beforeCents: t.field({ type: 'SafeInt', nullable: true, resolve: (a) => a.beforeCents }),
    afterCents: t.field({ type: 'SafeInt', nullable: true, resolve: (a) => a.afterCents }),
  }),
});

builder.prismaObject('RuleFiring', {
  select: { id: true },
  description: 'One firing of a rule on a campaign, and why: the values its conditions saw, and what each action did.',
  fields: (t) => ({
    id: t.exposeID('id'),
    ruleVersion: t.exposeInt('ruleVersion'),
    cause: t.expose('cause', { type: RuleFiringCauseEnum }),
    triggerKey: t.exposeString('triggerKey', { nullable: true, description: 'The event a trigger rule fired for.' }),
    systemActor: t.exposeString('actorSystem', { description: 'Who the firing acted as: the system actor "rule <id>", also in the campaign history.' }),
    firedAt: t.expose('firedAt', { type: 'DateTime' }),
    campaign: t.relation('campaign'),
    conditions: t.field({
      type: [ConditionResultRef],
      select: { evaluation: true },
      resolve: (f) => (f.evaluation as unknown as { conditions: ConditionResult[] }).conditions,
    }),
    actions: t.field({ type: [ActionResultRef], select: { actions: true }, resolve: (f) => f.actions as unknown as ActionResult[] }),
  }),
});

export const AutomationRuleRef = builder.prismaNode('AutomationRule', {
  id: { field: 'id' },
  select: { id: true },
  nullable: true,
  findUnique: (id, context) => ({ id: lookupId(id), AND: [{ business: context.access.businessWhere() }] }),
  fields: (t) => ({
    name: t.exposeString('name'),
    enabled: t.exposeBoolean('enabled'),
    version: t.exposeInt('version', { description: 'Grows with every change of the definition; firings name the version they ran.' }),
    definition: t.field({
      type: 'JSON',
      select: { definition: true },
      description: 'Scope, trigger, conditions, time conditions, actions and cooldown, as validated.',
      resolve: (rule) => publicDefinition(rule.definition as unknown as RuleDefinition),
    }),
    business: t.relation('business'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    firings: t.relatedConnection('firings', {
      cursor: 'id',
      totalCount: true,
      description: 'Newest first.',
      query: (args) => {
        checkPageSize(args);
        return { orderBy: [{ firedAt: 'desc' }, { id: 'desc' }] };
      },
    }),
  }),
});

const PreviewRef = builder.objectRef<PairOutcome>('RulePreview').implement({
  description: 'What the rule would do now on one campaign, computed by the same code that fires it, then rolled back.',
  fields: (t) => ({
    campaign: t.prismaField({
      type: 'Campaign',
      resolve: (query, outcome, _args, context) => context.prisma.campaign.findUniqueOrThrow({ ...nonEmpty(query), where: { id: outcome.campaignId } }),
    }),
    conditionsMet: t.boolean({ resolve: (o) => o.evaluation.met }),
    decision: t.field({ type: RuleDecisionEnum, resolve: (o) => o.decision.kind }),
    reason: t.string({ nullable: true, resolve: (o) => (o.decision.kind === 'HOLD' ? o.decision.reason : null) }),
    conditions: t.field({ type: [ConditionResultRef], resolve: (o) => o.evaluation.conditions }),
    actions: t.field({ type: [ActionResultRef], description: 'Empty unless the decision is FIRE.', resolve: (o) => o.actions }),
  }),
});

builder.queryFields((t) => ({
  automationRules: t.prismaConnection(
    {
      type: 'AutomationRule',
      cursor: 'id',
      description: "A business's automation rules, newest first.",
      args: { businessId: t.arg.globalID({ for: BusinessRef }) },
      resolve: (query, _root, args, context) => {
        checkPageSize(args);
        return context.prisma.automationRule.findMany({
          ...query,
          where: { businessId: lookupId(args.businessId.id), business: context.access.businessWhere() },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        });
      },
      totalCount: (_connection, args, context) =>
        context.prisma.automationRule.count({ where: { businessId: lookupId(args.businessId.id), business: context.access.businessWhere() } }),
    },
    {},
  ),
  previewRule: t.field({
    type: [PreviewRef],
    description: 'A dry run: evaluates the rule (enabled or not) now on every campaign in its scope and shows what it would do, changing nothing.',
    errors: { types: standardErrors },
    args: { id: t.arg.globalID({ for: AutomationRuleRef }) },
    resolve: (_root, { id }, context) => context.services.rules.preview(context.access, lookupId(id.id)),
  }),
}));

builder.mutationFields((t) => ({
  createAutomationRule: t.prismaField({
    type: 'AutomationRule',
    errors: { types: standardErrors },
    args: { businessId: t.arg.globalID({ for: BusinessRef }), input: t.arg({ type: RuleInputRef }) },
    resolve: async (query, _root, { businessId, input }, context) => {
      const rule = await context.services.rules.create(context.access, lookupId(businessId.id), ruleInputOf(input));
      return context.prisma.automationRule.findUniqueOrThrow({ ...nonEmpty(query), where: { id: rule.id } });
    },
  }),
  updateAutomationRule: t.prismaField({
    type: 'AutomationRule',
    description: 'Replaces the definition: a new version, whose episodes start afresh.',
    errors: { types: standardErrors },
    args: { id: t.arg.globalID({ for: AutomationRuleRef }), input: t.arg({ type: RuleInputRef }) },
    resolve: async (query, _root, { id, input }, context) => {
      const rule = await context.services.rules.update(context.access, lookupId(id.id), ruleInputOf(input));
      return context.prisma.automationRule.findUniqueOrThrow({ ...nonEmpty(query), where: { id: rule.id } });
    },
  }),
  setAutomationRuleEnabled: t.prismaField({
    type: 'AutomationRule',
    errors: { types: standardErrors },
    args: { id: t.arg.globalID({ for: AutomationRuleRef }), enabled: t.arg.boolean() },
    resolve: async (query, _root, { id, enabled }, context) => {
      const rule = await context.services.rules.setEnabled(context.access, lookupId(id.id), enabled);
      return context.prisma.automationRule.findUniqueOrThrow({ ...nonEmpty(query), where: { id: rule.id } });
    },
  }),
  deleteAutomationRule: t.field({
    type: 'ID',
    description: 'Deletes the rule and its history; returns its id.',
    errors: { types: standardErrors },
    args: { id: t.arg.globalID({ for: AutomationRuleRef }) },
    resolve: async (_root, { id }, context) => encodeGlobalId('AutomationRule', await context.services.rules.delete(context.access, lookupId(id.id))),
  }),
}));

const RuleAlertRef = builder.objectRef<RuleAlertMessage>('RuleAlertEvent').implement({
  fields: (t) => ({
    firingId: t.exposeID('firingId'),
    ruleId: t.globalID({ resolve: (m) => ({ type: 'AutomationRule', id: m.ruleId }) }),
    ruleName: t.exposeString('ruleName'),
    campaignId: t.globalID({ resolve: (m) => ({ type: 'Campaign', id: m.campaignId }) }),
    message: t.exposeString('message'),
    firedAt: t.expose('firedAt', { type: 'DateTime' }),
  }),
});

builder.subscriptionField('ruleAlerts', (t) =>
  t.field({
    type: RuleAlertRef,
    description: "Alerts raised by a business's automation rules, as they fire.",
    args: { businessId: t.arg.globalID({ for: BusinessRef }) },
    subscribe: async (_root, { businessId }, context) => {
      const business = await context.access.requireBusiness(lookupId(businessId.id), 'read');
      return context.services.rules.alerts(business.id);
    },
    resolve: (message) => message,
  }),
);
