import type { DAYS_OF_WEEK } from '../campaigns/plan';
import { aovCents, budgetUtilization, type Counters, cpaCents, cpcCents, cpmCents, ctr, cvr, frequency, roas, roi, viewability } from '../analytics/rates';
import { type Comparison, type MetricCondition, type RuleDefinition, type RuleMetric, type RuleWindow, type TimeCondition, windowKey } from './definition';

/**
 * The pure half of the engine: what a rule's conditions say about one campaign at one instant,
 * and whether that makes the rule fire. The engine reads the inputs and acts on the answer.
 */

/** What a condition needs to know about a campaign besides its counters. */
export interface CampaignFacts {
  id: string;
  businessId: string;
  status: string;
  objective: string;
  channels: string[];
  startsAt: Date;
  endsAt: Date | null;
  timeZone: string;
  /** The total budget, for utilization; null without a budget. */
  budgetTotalCents: number | null;
}

/** Counters of one campaign per window, keyed by `windowKey`. */
export type WindowCounters = Map<string, Counters>;

type MetricValue = (counters: Counters, campaign: CampaignFacts) => number | null;

/** Every metric as the one rates module defines it. */
const METRIC_VALUES: Record<RuleMetric, MetricValue> = {
  IMPRESSIONS: (c) => c.impressions,
  CLICKS: (c) => c.clicks,
  CONVERSIONS: (c) => c.conversions,
  REVENUE_CENTS: (c) => c.revenueCents,
  SPEND_CENTS: (c) => c.spendCents,
  CTR: ctr,
  CVR: cvr,
  CPC_CENTS: cpcCents,
  CPM_CENTS: cpmCents,
  CPA_CENTS: cpaCents,
  ROAS: roas,
  ROI: roi,
  AOV_CENTS: aovCents,
  VIEWABILITY: viewability,
  FREQUENCY: frequency,
  BUDGET_UTILIZATION: (c, campaign) => (campaign.budgetTotalCents === null ? null : budgetUtilization(c.spendCents, campaign.budgetTotalCents)),
};

const COMPARE: Record<Comparison, (value: number, threshold: number) => boolean> = {
  GT: (v, t) => v > t,
  GTE: (v, t) => v >= t,
  LT: (v, t) => v < t,
  LTE: (v, t) => v <= t,
};
const SYMBOL: Record<Comparison, string> = { GT: '>', GTE: '≥', LT: '<', LTE: '≤' };

/** One condition as it was judged: the explanation kept in a firing and shown by a dry run. */
export interface ConditionResult {
  kind: 'METRIC' | 'TIME';
  /** In words, e.g. "CPA_CENTS over LIFETIME > 500". */
  description: string;
  metric: RuleMetric | null;
  window: RuleWindow | null;
  comparison: Comparison | null;
  threshold: number | null;
  /** The value seen: the metric, or for time conditions the hours (or local hour) it was judged on; null when unknown (a rate without denominator). */
  value: number | null;
  minimum: { metric: string; atLeast: number; value: number } | null;
  met: boolean;
  /** Why a condition is not met although its comparison might be, e.g. a minimum volume not reached. */
  note: string | null;
}

export interface Evaluation {
  met: boolean;
  conditions: ConditionResult[];
}

const describeWindow = (window: RuleWindow) => (window.size === undefined ? window.kind : `${window.kind} ${window.size}`);

function judgeMetric(condition: MetricCondition, counters: Counters, campaign: CampaignFacts): ConditionResult {
  const value = METRIC_VALUES[condition.metric](counters, campaign);
  const minimumValue = condition.minimum ? (METRIC_VALUES[condition.minimum.metric](counters, campaign) ?? 0) : null;
  const belowMinimum = condition.minimum !== undefined && minimumValue! < condition.minimum.atLeast;
  const compared = value !== null && COMPARE[condition.comparison](value, condition.threshold);
  return {
    kind: 'METRIC',
    description: `${condition.metric} over ${describeWindow(condition.window)} ${SYMBOL[condition.comparison]} ${condition.threshold}`,
    metric: condition.metric,
    window: condition.window,
    comparison: condition.comparison,
    threshold: condition.threshold,
    value,
    minimum: condition.minimum ? { ...condition.minimum, value: minimumValue! } : null,
    met: compared && !belowMinimum,
    note: belowMinimum
      ? `only ${minimumValue} ${condition.minimum!.metric.toLowerCase()} of the ${condition.minimum!.atLeast} required`
      : value === null
        ? 'no value yet (its denominator is 0)'
        : null,
  };
}

const HOUR_MS = 3_600_000;
const clockFormats = new Map<string, Intl.DateTimeFormat>();

/** The hour (0–23) and day of the week at `instant` on the clock of `timeZone`. */
export function localClock(instant: Date, timeZone: string): { hour: number; day: (typeof DAYS_OF_WEEK)[number] } {
  let format = clockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', hourCycle: 'h23', weekday: 'long' });
    clockFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(instant);
  const hour = Number(parts.find((part) => part.type === 'hour')?.value ?? 0);
  const day = (parts.find((part) => part.type === 'weekday')?.value ?? 'Monday').toUpperCase() as (typeof DAYS_OF_WEEK)[number];
  return { hour, day };
}

function judgeTime(condition: TimeCondition, campaign: CampaignFacts, now: Date): ConditionResult {
  const base = { kind: 'TIME' as const, metric: null, window: null, comparison: null, minimum: null, note: null };
  if (condition.kind === 'HOURS_AFTER_START') {
    const hours = (now.getTime() - campaign.startsAt.getTime()) / HOUR_MS;
    return {
      ...base,
      description: `at least ${condition.hours} hours after the start`,
      threshold: condition.hours!,
      value: hours,
      met: hours >= condition.hours!,
    };
  }
  if (condition.kind === 'HOURS_BEFORE_END') {
    const description = `within ${condition.hours} hours before the end`;
    if (!campaign.endsAt) return { ...base, description, threshold: condition.hours!, value: null, met: false, note: 'the campaign has no end date' };
    const hours = (campaign.endsAt.getTime() - now.getTime()) / HOUR_MS;
    return { ...base, description, threshold: condition.hours!, value: hours, met: hours >= 0 && hours <= condition.hours! };
  }
  const clock = localClock(now, campaign.timeZone);
  const from = condition.fromHour!;
  const to = condition.toHour!;
  const inHours = from < to ? clock.hour >= from && clock.hour < to : clock.hour >= from || clock.hour < to;
  const onDay = !condition.daysOfWeek || condition.daysOfWeek.includes(clock.day);
  const days = condition.daysOfWeek ? ` on ${condition.daysOfWeek.join(', ')}` : '';
  return {
    ...base,
    description: `from ${from}:00 to ${to}:00${days} in ${campaign.timeZone}`,
    threshold: null,
    value: clock.hour,
    met: inHours && onDay,
    note: `local time there: ${clock.day} ${clock.hour}:xx`,
  };
}

/** Judges every condition (AND): the rule's condition holds when all of them do. */
export function evaluate(definition: RuleDefinition, campaign: CampaignFacts, counters: WindowCounters, now: Date): Evaluation {
  const conditions = [
    ...definition.conditions.map((condition) => judgeMetric(condition, counters.get(windowKey(condition.window))!, campaign)),
    ...definition.timeConditions.map((condition) => judgeTime(condition, campaign, now)),
  ];
  return { met: conditions.every((condition) => condition.met), conditions };
}

/** The episode state of a rule for a campaign; absent until the rule first fires there. */
export interface EpisodeState {
  conditionMet: boolean;
  lastFiredAt: Date | null;
}

export type Decision =
  | { kind: 'FIRE' }
  /** True, but it already fired in this episode (or is cooling down). */
  | { kind: 'HOLD'; reason: string }
  /** False after an episode: the next time it is true it fires again. */
  | { kind: 'RESET' }
  | { kind: 'IDLE' };

/**
 * Once per episode: a rule fires when its condition becomes true and again only after it has been
 * false, or, with a cooldown, once the cooldown has passed since the last firing. A rule with a
 * trigger fires once per event (the engine keys firings by the event), cooldown permitting.
 */
export function decide(met: boolean, state: EpisodeState | null, cooldownMinutes: number | undefined, now: Date, triggered: boolean): Decision {
  const cooled = (minutes: number) => !state?.lastFiredAt || state.lastFiredAt.getTime() + minutes * 60_000 <= now.getTime();
  if (!met) return state?.conditionMet && !triggered ? { kind: 'RESET' } : { kind: 'IDLE' };
  if (triggered) return cooldownMinutes === undefined || cooled(cooldownMinutes) ? { kind: 'FIRE' } : { kind: 'HOLD', reason: 'cooling down' };
  if (!state?.conditionMet) return { kind: 'FIRE' };
  if (cooldownMinutes !== undefined && cooled(cooldownMinutes)) return { kind: 'FIRE' };
  return { kind: 'HOLD', reason: cooldownMinutes === undefined ? 'already fired while the condition stays true' : 'cooling down' };
}

/** Whether a rule's scope takes in a campaign. */
export function inScope(definition: RuleDefinition, campaign: CampaignFacts): boolean {
  const scope = definition.scope;
  if (scope.campaignIds) return scope.campaignIds.includes(campaign.id);
  if (scope.statuses && !scope.statuses.includes(campaign.status as (typeof scope.statuses)[number])) return false;
  if (scope.objectives && !scope.objectives.includes(campaign.objective as (typeof scope.objectives)[number])) return false;
  if (scope.channels && !scope.channels.some((channel) => campaign.channels.includes(channel))) return false;
  return true;
}
