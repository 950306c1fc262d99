import { z } from 'zod';
import type { ActivityKind, DriverAlgorithmConfig, DriverProfile } from '../../generated/prisma/client';

/**
 * The Driver algorithm, as rules. The ranking run applies them in SQL (ranking.ts); the tests check
 * that SQL against these functions.
 *
 * - Each activity counts `weight of its kind × decay`, where decay halves every `halfLifeDays` of
 *   the activity's own age, measured from the run's start. Only activities younger than
 *   `windowDays` count.
 * - A profile qualifies with at least `minActivities` activities in the window.
 * - Within each city, qualified profiles rank before the others (so a few heavy activities cannot
 *   take a Driver's place), then by score (rounded to SCORE_DECIMALS), then by profile id: the same
 *   data and config always give the same list.
 * - A qualified profile is a Driver when its percentile reaches the threshold: 90 means the top 10%
 *   of the city's profiles, rounded down (a city needs 10 profiles for its first Driver).
 */

export const DAY_MS = 24 * 60 * 60 * 1000;
/** Scores are rounded before ranking so that sums taken in a different order still tie exactly. */
export const SCORE_DECIMALS = 6;
/** The two rolling scores kept beside the main one. */
export const SHORT_WINDOW_DAYS = 30;
export const LONG_WINDOW_DAYS = 90;

/** Where each activity kind's weight and score component live. */
export const ACTIVITY_KIND_FIELDS = {
  COUPON_COLLECTED: { key: 'couponCollected', weight: 'couponCollectedWeight', score: 'couponCollectedScore' },
  COUPON_SHARED: { key: 'couponShared', weight: 'couponSharedWeight', score: 'couponSharedScore' },
  COUPON_REDEEMED: { key: 'couponRedeemed', weight: 'couponRedeemedWeight', score: 'couponRedeemedScore' },
  CHECK_IN: { key: 'checkIn', weight: 'checkInWeight', score: 'checkInScore' },
  REVIEW: { key: 'review', weight: 'reviewWeight', score: 'reviewScore' },
  SOCIAL_INTERACTION: { key: 'socialInteraction', weight: 'socialInteractionWeight', score: 'socialInteractionScore' },
} as const satisfies Record<ActivityKind, { key: string; weight: keyof DriverAlgorithmConfig; score: keyof DriverProfile }>;

type KindFields = (typeof ACTIVITY_KIND_FIELDS)[ActivityKind];
type WeightKey = KindFields['key'];

const selectAll = <Column extends string>(columns: Column[]): Record<Column, true> =>
  Object.fromEntries(columns.map((column) => [column, true])) as Record<Column, true>;
/** Prisma selections of the six weight columns of a config and the six score columns of a Driver profile. */
export const WEIGHT_COLUMNS = selectAll(Object.values(ACTIVITY_KIND_FIELDS).map((fields): KindFields['weight'] => fields.weight));
export const SCORE_COLUMNS = selectAll(Object.values(ACTIVITY_KIND_FIELDS).map((fields): KindFields['score'] => fields.score));
export type ActivityWeights = Record<WeightKey, number>;

const weight = z.number().int('must be a whole number of percentage points').min(0, 'must not be negative').max(100, 'must be at most 100');

export const activityWeightsSchema = z
  .object({
    couponCollected: weight,
    couponShared: weight,
    couponRedeemed: weight,
    checkIn: weight,
    review: weight,
    socialInteraction: weight,
  } satisfies Record<WeightKey, z.ZodType>)
  .strict()
  .superRefine((weights, context) => {
    const sum = Object.values(weights).reduce((total, value) => total + value, 0);
    if (sum !== 100) context.addIssue({ code: 'custom', message: `must add up to 100, not ${sum}` });
  });

export const driverConfigSchema = z
  .object({
    weights: activityWeightsSchema,
    halfLifeDays: z.number().min(1, 'must be at least 1 day').max(365, 'must be at most 365 days'),
    windowDays: z.number().int('must be a whole number of days').min(1, 'must be at least 1 day').max(365, 'must be at most 365 days'),
    minActivities: z.number().int('must be a whole number').min(0, 'must not be negative').max(10_000, 'must be at most 10,000'),
    percentileThreshold: z.number().int('must be a whole percentile').min(50, 'must be at least 50').max(99, 'must be at most 99'),
    notes: z.string().trim().max(500, 'must be at most 500 characters').nullish(),
  })
  .strict();

export type DriverConfigInput = z.input<typeof driverConfigSchema>;
export type DriverConfigValues = z.output<typeof driverConfigSchema>;

/** The weights of a stored config, keyed like the API's input. */
export function weightsOf(config: Pick<DriverAlgorithmConfig, KindFields['weight']>): ActivityWeights {
  const entries = Object.values(ACTIVITY_KIND_FIELDS).map((fields) => [fields.key, config[fields.weight]] as const);
  return Object.fromEntries(entries) as ActivityWeights;
}

/** The weight columns of a config from the API's weights. */
export function weightColumns(weights: ActivityWeights): Record<KindFields['weight'], number> {
  const entries = Object.values(ACTIVITY_KIND_FIELDS).map((fields) => [fields.weight, weights[fields.key]] as const);
  return Object.fromEntries(entries) as Record<KindFields['weight'], number>;
}

/** How much an activity `ageDays` old counts: 1 when new, half after each half-life. */
export function decayWeight(ageDays: number, halfLifeDays: number): number {
  return 0.5 ** (ageDays / halfLifeDays);
}

export function roundScore(score: number): number {
  const scale = 10 ** SCORE_DECIMALS;
  return Math.round(score * scale) / scale;
}

/** The share of a city's profiles ranked below this one, 0–100: the best of 10 has 90. */
export function percentileOf(cityRank: number, citySize: number): number {
  return (100 * (citySize - cityRank)) / citySize;
}

/** Compared in integers, so a percentile exactly at the threshold counts. */
export function isDriverRank(cityRank: number, citySize: number, percentileThreshold: number): boolean {
  return (citySize - cityRank) * 100 >= percentileThreshold * citySize;
}
