/**
 * The one definition of every campaign metric. Money is in cents; a ratio is null when its
 * denominator is zero (a campaign without impressions has no CTR, not a CTR of 0 or NaN).
 */

import { COUNTERS, type EventCounters, ZERO_EVENT_COUNTERS } from './counters';

/** The event counters (counters.ts) with the spend and reach every rate may also use. */
export interface Counters extends EventCounters {
  spendCents: number;
  /** Distinct profiles reached; 0 when unknown (no profile ids on events, or a summed period). */
  reach: number;
}

export function rate(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/** Clicks per impression. */
export const ctr = (c: Counters) => rate(c.clicks, c.impressions);
/** Viewable impressions per impression. */
export const viewability = (c: Counters) => rate(c.viewableImpressions, c.impressions);
/** Conversions per click. */
export const cvr = (c: Counters) => rate(c.conversions, c.clicks);
/** Spend per click. */
export const cpcCents = (c: Counters) => rate(c.spendCents, c.clicks);
/** Spend per thousand impressions. */
export const cpmCents = (c: Counters) => rate(c.spendCents * 1000, c.impressions);
/** Spend per conversion (acquisition). */
export const cpaCents = (c: Counters) => rate(c.spendCents, c.conversions);
/** Revenue per unit of spend. */
export const roas = (c: Counters) => rate(c.revenueCents, c.spendCents);
/** Profit per unit of spend: (revenue − spend) / spend. */
export const roi = (c: Counters) => rate(c.revenueCents - c.spendCents, c.spendCents);
/** Average order value: revenue per conversion. */
export const aovCents = (c: Counters) => rate(c.revenueCents, c.conversions);
/** Impressions per person reached. */
export const frequency = (c: Counters) => rate(c.impressions, c.reach);

/** Spent as a fraction (0–1) of the total budget. */
export const budgetUtilization = (spentCents: number, totalCents: number) => rate(spentCents, totalCents);

const DAY_MS = 86_400_000;

/** Whole days the campaign has run: from its start to now or its end, whichever is first. */
export function daysActive(startsAt: Date, endsAt: Date | null, now: Date): number {
  const until = endsAt && endsAt < now ? endsAt : now;
  return Math.max(0, Math.floor((until.getTime() - startsAt.getTime()) / DAY_MS));
}

/** Days until the end date, rounded up; 0 once it has passed, null for an open-ended campaign. */
export function daysRemaining(endsAt: Date | null, now: Date): number | null {
  if (!endsAt) return null;
  return Math.max(0, Math.ceil((endsAt.getTime() - now.getTime()) / DAY_MS));
}

export const ZERO_COUNTERS: Counters = { ...ZERO_EVENT_COUNTERS, spendCents: 0, reach: 0 };

/** Counters added up; reach cannot be added across campaigns or periods, so a sum has none. */
export function sumCounters(rows: Counters[]): Counters {
  const total = rows.reduce(
    (sum, row): Counters => ({
      ...(Object.fromEntries(COUNTERS.map((c) => [c.field, sum[c.field] + row[c.field]])) as EventCounters),
      spendCents: sum.spendCents + row.spendCents,
      reach: 0,
    }),
    ZERO_COUNTERS,
  );
  return rows.length === 1 ? { ...total, reach: rows[0]!.reach } : total;
}
