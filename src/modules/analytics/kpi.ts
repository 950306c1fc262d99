import type { KpiMetric, KpiTarget } from '../campaigns/plan';
import { type Counters, cpaCents, cpcCents, ctr, cvr, rate, roas } from './rates';

/**
 * How a campaign is doing against one KPI target. `NO_DATA` is for a ratio or cost that has no
 * denominator yet (a CTR before the first impression): there is nothing to judge, good or bad.
 */
export const KPI_STATUSES = ['ON_TRACK', 'AT_RISK', 'BEHIND', 'NO_DATA'] as const;
export type KpiStatus = (typeof KPI_STATUSES)[number];

/** Attainment (achieved ÷ expected) from which a KPI is on track, and from which it is only at risk. */
export const ON_TRACK_ATTAINMENT = 1;
export const AT_RISK_ATTAINMENT = 0.8;

/**
 * Volume metrics accumulate over the run, so they are judged against the share of the target due
 * by now; ratios are judged against the target as it is; costs too, but lower is better.
 */
type Measure = { kind: 'VOLUME'; actual: (counters: Counters) => number } | { kind: 'RATIO' | 'COST'; actual: (counters: Counters) => number | null };

const MEASURES: Record<KpiMetric, Measure> = {
  IMPRESSIONS: { kind: 'VOLUME', actual: (c) => c.impressions },
  REACH: { kind: 'VOLUME', actual: (c) => c.reach },
  CLICKS: { kind: 'VOLUME', actual: (c) => c.clicks },
  CONVERSIONS: { kind: 'VOLUME', actual: (c) => c.conversions },
  REVENUE_CENTS: { kind: 'VOLUME', actual: (c) => c.revenueCents },
  CTR: { kind: 'RATIO', actual: ctr },
  CVR: { kind: 'RATIO', actual: cvr },
  ROAS: { kind: 'RATIO', actual: roas },
  CPC_CENTS: { kind: 'COST', actual: cpcCents },
  CPA_CENTS: { kind: 'COST', actual: cpaCents },
};

export interface CampaignRun {
  startsAt: Date;
  endsAt: Date | null;
}

export interface KpiEvaluation {
  metric: KpiMetric;
  target: number;
  /** What the metric should be by now: for volume metrics the target pro-rated by the elapsed share of the run, otherwise the target. */
  expected: number;
  /** The metric now; null when its denominator is 0. */
  actual: number | null;
  /** Achieved ÷ expected (for costs expected ÷ actual, since lower is better); null when that cannot be divided. */
  attainment: number | null;
  status: KpiStatus;
}

/**
 * The share (0–1) of the run that has passed at `now`. An open-ended campaign has no run length to
 * pro-rate by, so its whole target is due: the share is 1.
 */
export function elapsedShare(run: CampaignRun, now: Date): number {
  if (!run.endsAt) return 1;
  const share = (now.getTime() - run.startsAt.getTime()) / (run.endsAt.getTime() - run.startsAt.getTime());
  return Math.min(1, Math.max(0, share));
}

function graded(attainment: number): Pick<KpiEvaluation, 'attainment' | 'status'> {
  if (attainment >= ON_TRACK_ATTAINMENT) return { attainment, status: 'ON_TRACK' };
  return { attainment, status: attainment >= AT_RISK_ATTAINMENT ? 'AT_RISK' : 'BEHIND' };
}

function judge(measure: Measure, counters: Counters, expected: number): Pick<KpiEvaluation, 'actual' | 'attainment' | 'status'> {
  if (measure.kind === 'VOLUME') {
    const actual = measure.actual(counters);
    const attainment = rate(actual, expected);
    // Before the run starts nothing is due, so nothing is missing.
    return attainment === null ? { actual, attainment, status: 'ON_TRACK' } : { actual, ...graded(attainment) };
  }
  const actual = measure.actual(counters);
  if (measure.kind === 'RATIO') {
    return actual === null ? { actual, attainment: null, status: 'NO_DATA' } : { actual, ...graded(actual / expected) };
  }
  if (actual === null) {
    // No click or conversion bought yet: money spent for nothing is as far behind as a cost gets.
    return counters.spendCents > 0 ? { actual, ...graded(0) } : { actual, attainment: null, status: 'NO_DATA' };
  }
  // Clicks or conversions that cost nothing beat any cost target.
  return actual === 0 ? { actual, attainment: null, status: 'ON_TRACK' } : { actual, ...graded(expected / actual) };
}

/**
 * Judges one KPI target: attainment of at least 100% is on track, at least 80% at risk, less is
 * behind. The whole rule is in README.md, "KPI status".
 */
export function evaluateKpi(target: KpiTarget, counters: Counters, run: CampaignRun, now: Date): KpiEvaluation {
  const measure = MEASURES[target.metric];
  const expected = measure.kind === 'VOLUME' ? target.target * elapsedShare(run, now) : target.target;
  return { metric: target.metric, target: target.target, expected, ...judge(measure, counters, expected) };
}
