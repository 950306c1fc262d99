import { z } from 'zod';
import { CampaignStatus } from '../../generated/prisma/enums';
import { CHANNELS, DAYS_OF_WEEK, MAX_CENTS, OBJECTIVES } from '../campaigns/plan';

/**
 * What a rule is: which campaigns it watches, when it is true, and what it then does. Stored as
 * JSON in automation_rules.definition and validated here on every write, so the engine only ever
 * reads definitions this schema accepted.
 */

/** Every metric a condition can compare; each is a rate or counter of analytics/rates.ts. */
export const RULE_METRICS = [
  'IMPRESSIONS',
  'CLICKS',
  'CONVERSIONS',
  'REVENUE_CENTS',
  'SPEND_CENTS',
  'CTR',
  'CVR',
  'CPC_CENTS',
  'CPM_CENTS',
  'CPA_CENTS',
  'ROAS',
  'ROI',
  'AOV_CENTS',
  'VIEWABILITY',
  'FREQUENCY',
  'BUDGET_UTILIZATION',
] as const;
export type RuleMetric = (typeof RULE_METRICS)[number];

/** Metrics only known over the campaign's whole life: reach is not kept per period, and utilization is of the total budget. */
export const LIFETIME_ONLY_METRICS: readonly RuleMetric[] = ['FREQUENCY', 'BUDGET_UTILIZATION'];

/** Counters a minimum volume can be set on. */
export const VOLUME_METRICS = ['IMPRESSIONS', 'CLICKS', 'CONVERSIONS', 'SPEND_CENTS'] as const;

export const COMPARISONS = ['GT', 'GTE', 'LT', 'LTE'] as const;
export type Comparison = (typeof COMPARISONS)[number];

/**
 * TODAY is the calendar day in the campaign's time zone; LAST_DAYS the last `size` such days,
 * today included; LAST_HOURS the last `size` clock hours (UTC), the current one included.
 */
export const WINDOW_KINDS = ['TODAY', 'LAST_HOURS', 'LAST_DAYS', 'LIFETIME'] as const;
export type WindowKind = (typeof WINDOW_KINDS)[number];

export const MAX_WINDOW_HOURS = 168;
export const MAX_WINDOW_DAYS = 90;

export const TIME_CONDITION_KINDS = ['HOURS_AFTER_START', 'HOURS_BEFORE_END', 'LOCAL_TIME'] as const;
export const TRIGGER_EVENTS = ['BUDGET_ALERT', 'LIFECYCLE_CHANGE'] as const;
export const ACTION_TYPES = ['PAUSE', 'RESUME', 'CHANGE_BUDGET', 'MOVE_BUDGET', 'ALERT'] as const;
export type ActionType = (typeof ACTION_TYPES)[number];
export const BUDGET_FIELDS = ['TOTAL', 'DAILY_CAP'] as const;

export const MAX_CONDITIONS = 10;
export const MAX_ACTIONS = 5;
export const MAX_SCOPE_CAMPAIGNS = 500;
export const MAX_COOLDOWN_MINUTES = 30 * 24 * 60;

const finite = (message: string) => z.number({ message }).refine(Number.isFinite, message);
const cents = z.number().int('must be a whole number of cents').min(0, 'must not be negative').max(MAX_CENTS, `must be at most ${MAX_CENTS}`);

const windowSchema = z
  .object({ kind: z.enum(WINDOW_KINDS), size: z.number().int('must be a whole number').min(1, 'must be at least 1').optional() })
  .strict()
  .superRefine((window, issues) => {
    const sized = window.kind === 'LAST_HOURS' || window.kind === 'LAST_DAYS';
    if (sized && window.size === undefined) issues.addIssue({ code: 'custom', path: ['size'], message: `is required for ${window.kind}` });
    if (!sized && window.size !== undefined) issues.addIssue({ code: 'custom', path: ['size'], message: `is not used by ${window.kind}; leave it out` });
    const max = window.kind === 'LAST_HOURS' ? MAX_WINDOW_HOURS : MAX_WINDOW_DAYS;
    if (sized && window.size !== undefined && window.size > max) issues.addIssue({ code: 'custom', path: ['size'], message: `must be at most ${max}` });
  });
export type RuleWindow = z.output<typeof windowSchema>;

const metricConditionSchema = z
  .object({
    metric: z.enum(RULE_METRICS),
    comparison: z.enum(COMPARISONS),
    threshold: finite('must be a finite number'),
    window: windowSchema,
    /** The condition is false until the window has at least this volume (no firing on three impressions). */
    minimum: z
      .object({ metric: z.enum(VOLUME_METRICS), atLeast: z.number().int('must be a whole number').min(1, 'must be at least 1') })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((condition, issues) => {
    if (LIFETIME_ONLY_METRICS.includes(condition.metric) && condition.window.kind !== 'LIFETIME') {
      issues.addIssue({ code: 'custom', path: ['window', 'kind'], message: `${condition.metric} is only known over LIFETIME` });
    }
  });
export type MetricCondition = z.output<typeof metricConditionSchema>;

const hour = z.number().int('must be a whole hour').min(0, 'must be 0–23').max(23, 'must be 0–23');

/**
 * HOURS_AFTER_START holds from `hours` after the start date on; HOURS_BEFORE_END in the last
 * `hours` before the end date (never for an open-ended campaign); LOCAL_TIME from `fromHour` up to
 * (not including) `toHour` on the clock of the campaign's time zone, across midnight when
 * `toHour` ≤ `fromHour`, on the given days of the week (every day when left out).
 */
const timeConditionSchema = z
  .object({
    kind: z.enum(TIME_CONDITION_KINDS),
    hours: z
      .number()
      .positive('must be more than 0')
      .max(24 * 365, 'must be at most a year of hours')
      .optional(),
    fromHour: hour.optional(),
    toHour: hour.optional(),
    daysOfWeek: z
      .array(z.enum(DAYS_OF_WEEK))
      .min(1, 'must name at least one day')
      .refine((days) => new Set(days).size === days.length, 'must not repeat a day')
      .optional(),
  })
  .strict()
  .superRefine((condition, issues) => {
    const local = condition.kind === 'LOCAL_TIME';
    const need = (field: 'hours' | 'fromHour' | 'toHour', wanted: boolean) => {
      if (wanted && condition[field] === undefined) issues.addIssue({ code: 'custom', path: [field], message: `is required for ${condition.kind}` });
      if (!wanted && condition[field] !== undefined) issues.addIssue({ code: 'custom', path: [field], message: `is not used by ${condition.kind}` });
    };
    need('hours', !local);
    need('fromHour', local);
    need('toHour', local);
    if (!local && condition.daysOfWeek !== undefined) issues.addIssue({ code: 'custom', path: ['daysOfWeek'], message: `is not used by ${condition.kind}` });
    if (local && condition.fromHour !== undefined && condition.fromHour === condition.toHour) {
      issues.addIssue({ code: 'custom', path: ['toHour'], message: 'must differ from fromHour' });
    }
  });
export type TimeCondition = z.output<typeof timeConditionSchema>;

/**
 * A rule with a trigger is evaluated when that event happens (and fires once per event); one
 * without is evaluated on every change and on the schedule, and fires once per episode.
 */
const triggerSchema = z
  .object({
    event: z.enum(TRIGGER_EVENTS),
    /** BUDGET_ALERT: only alerts of this threshold (75, 90 or 100); any when left out. */
    thresholdPercent: z.union([z.literal(75), z.literal(90), z.literal(100)], { message: 'must be 75, 90 or 100' }).optional(),
    /** LIFECYCLE_CHANGE: only steps into these statuses; any when left out. */
    toStatuses: z.array(z.enum(CampaignStatus)).min(1, 'must name at least one status').optional(),
  })
  .strict()
  .superRefine((trigger, issues) => {
    if (trigger.event !== 'BUDGET_ALERT' && trigger.thresholdPercent !== undefined) {
      issues.addIssue({ code: 'custom', path: ['thresholdPercent'], message: 'is only used by BUDGET_ALERT' });
    }
    if (trigger.event !== 'LIFECYCLE_CHANGE' && trigger.toStatuses !== undefined) {
      issues.addIssue({ code: 'custom', path: ['toStatuses'], message: 'is only used by LIFECYCLE_CHANGE' });
    }
  });
export type RuleTrigger = z.output<typeof triggerSchema>;

const percent = z.number().positive('must be more than 0').max(1000, 'must be at most 1000');

/**
 * PAUSE and RESUME go through the campaign lifecycle, the budget actions through the budget
 * service, with the owner's rights. CHANGE_BUDGET sets the total or daily cap to an amount, or
 * changes it by an amount or a percentage (negative lowers it), then keeps it within the floor and
 * ceiling; with `maxTimesPerDay` it is a "scale" that happens at most that often per local day.
 */
const actionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('PAUSE') }).strict(),
  z.object({ type: z.literal('RESUME') }).strict(),
  z
    .object({
      type: z.literal('CHANGE_BUDGET'),
      budget: z.enum(BUDGET_FIELDS),
      setToCents: cents.optional(),
      changeByCents: z.number().int('must be a whole number of cents').min(-MAX_CENTS).max(MAX_CENTS).optional(),
      changeByPercent: z.number().min(-100, 'must be at least -100').max(1000, 'must be at most 1000').optional(),
      floorCents: cents.optional(),
      ceilingCents: cents.optional(),
      maxTimesPerDay: z.number().int('must be a whole number').min(1, 'must be at least 1').max(100, 'must be at most 100').optional(),
    })
    .strict()
    .superRefine((action, issues) => {
      const given = [action.setToCents, action.changeByCents, action.changeByPercent].filter((value) => value !== undefined).length;
      if (given !== 1) issues.addIssue({ code: 'custom', path: ['setToCents'], message: 'give exactly one of setToCents, changeByCents, changeByPercent' });
      if (action.floorCents !== undefined && action.ceilingCents !== undefined && action.floorCents > action.ceilingCents) {
        issues.addIssue({ code: 'custom', path: ['ceilingCents'], message: 'must not be below floorCents' });
      }
      if ((action.changeByCents ?? action.changeByPercent ?? 1) > 0 && action.setToCents === undefined && action.ceilingCents === undefined) {
        issues.addIssue({ code: 'custom', path: ['ceilingCents'], message: 'is required when the budget is raised, so a rule cannot raise it without limit' });
      }
    }),
  z
    .object({
      type: z.literal('MOVE_BUDGET'),
      fromChannel: z.enum(CHANNELS),
      toChannel: z.enum(CHANNELS),
      amountCents: cents.min(1, 'must be more than 0').optional(),
      percentOfRemaining: percent.max(100, 'must be at most 100').optional(),
    })
    .strict()
    .superRefine((action, issues) => {
      if ((action.amountCents === undefined) === (action.percentOfRemaining === undefined)) {
        issues.addIssue({ code: 'custom', path: ['amountCents'], message: 'give exactly one of amountCents, percentOfRemaining' });
      }
      if (action.fromChannel === action.toChannel) issues.addIssue({ code: 'custom', path: ['toChannel'], message: 'must differ from fromChannel' });
    }),
  z.object({ type: z.literal('ALERT'), message: z.string().trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters').optional() }).strict(),
]);
export type RuleAction = z.output<typeof actionSchema>;

/** Which of the business's campaigns the rule watches: the ones named, or all that match a filter. */
const scopeSchema = z
  .object({
    campaignIds: z
      .array(z.uuid({ message: 'must be a campaign id' }))
      .min(1, 'must name at least one campaign')
      .max(MAX_SCOPE_CAMPAIGNS, `must name at most ${MAX_SCOPE_CAMPAIGNS} campaigns`)
      .refine((ids) => new Set(ids).size === ids.length, 'must not repeat a campaign')
      .optional(),
    statuses: z.array(z.enum(CampaignStatus)).min(1, 'must name at least one status').optional(),
    objectives: z.array(z.enum(OBJECTIVES)).min(1, 'must name at least one objective').optional(),
    channels: z.array(z.enum(CHANNELS)).min(1, 'must name at least one channel').optional(),
  })
  .strict()
  .superRefine((scope, issues) => {
    const filtered = scope.statuses !== undefined || scope.objectives !== undefined || scope.channels !== undefined;
    if (scope.campaignIds !== undefined && filtered) {
      issues.addIssue({ code: 'custom', path: ['campaignIds'], message: 'name campaigns or filter them (statuses, objectives, channels), not both' });
    }
  });
export type RuleScope = z.output<typeof scopeSchema>;

export const ruleDefinitionSchema = z
  .object({
    scope: scopeSchema,
    trigger: triggerSchema.optional(),
    conditions: z.array(metricConditionSchema).max(MAX_CONDITIONS, `must have at most ${MAX_CONDITIONS} conditions`).default([]),
    timeConditions: z.array(timeConditionSchema).max(MAX_CONDITIONS, `must have at most ${MAX_CONDITIONS} conditions`).default([]),
    actions: z.array(actionSchema).min(1, 'must have at least one action').max(MAX_ACTIONS, `must have at most ${MAX_ACTIONS} actions`),
    /** Fire again after this long while the condition stays true; without it, only after it was false. */
    cooldownMinutes: z.number().int('must be whole minutes').min(1, 'must be at least 1').max(MAX_COOLDOWN_MINUTES).optional(),
  })
  .strict()
  .superRefine((rule, issues) => {
    if (!rule.trigger && rule.conditions.length === 0 && rule.timeConditions.length === 0) {
      issues.addIssue({ code: 'custom', path: ['conditions'], message: 'a rule without a trigger needs at least one condition' });
    }
    const types = rule.actions.map((action) => action.type);
    if (types.includes('PAUSE') && types.includes('RESUME')) {
      issues.addIssue({ code: 'custom', path: ['actions'], message: 'must not both pause and resume' });
    }
    rule.actions.forEach((action, index) => {
      if (action.type === 'MOVE_BUDGET' && rule.scope.channels && !rule.scope.channels.includes(action.toChannel)) {
        issues.addIssue({ code: 'custom', path: ['actions', String(index), 'toChannel'], message: 'is not among the channels the scope filters on' });
      }
    });
  });

export type RuleDefinition = z.output<typeof ruleDefinitionSchema>;
export type RuleDefinitionInput = z.input<typeof ruleDefinitionSchema>;

/** Null fields of a GraphQL input mean "not given": removed before validation, at any depth. */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, field]) => field !== null && field !== undefined)
        .map(([key, field]) => [key, withoutNulls(field)]),
    );
  }
  return value;
}

/** The windows a rule's conditions read, each once. */
export function windowsOf(definition: RuleDefinition): RuleWindow[] {
  const seen = new Map<string, RuleWindow>();
  for (const condition of definition.conditions) seen.set(windowKey(condition.window), condition.window);
  return [...seen.values()];
}

export const windowKey = (window: RuleWindow) => `${window.kind}:${window.size ?? 0}`;
