import { z } from 'zod';

/** Demographic vocabularies shared by profiles and targeting rules. */
export const AGE_RANGES = ['18-24', '25-34', '35-44', '45-54', '55-64', '65+'] as const;
export const GENDERS = ['FEMALE', 'MALE', 'NON_BINARY', 'UNDISCLOSED'] as const;
export const INCOME_LEVELS = ['LOW', 'LOWER_MIDDLE', 'MIDDLE', 'UPPER_MIDDLE', 'HIGH'] as const;

export type AgeRange = (typeof AGE_RANGES)[number];
export type Gender = (typeof GENDERS)[number];
export type IncomeLevel = (typeof INCOME_LEVELS)[number];

/** A list dimension: when given, it must name at least one value, each once. */
function valueList<T extends z.ZodType>(item: T, max: number) {
  return z
    .array(item)
    .min(1, 'must name at least one value, or be left out')
    .max(max, `must have at most ${max} values`)
    .refine((values) => new Set(values.map((value) => JSON.stringify(value))).size === values.length, 'must not repeat a value');
}

/**
 * A city or an interest: trimmed, inner whitespace collapsed, 1–100 characters. Profiles are stored
 * and rules are matched in this form, so spacing never decides who is in an audience.
 */
export const label = z
  .string()
  .transform((value) => value.trim().replace(/\s+/g, ' '))
  .pipe(
    z
      .string()
      .min(1, 'must not be empty')
      .max(100, 'must be at most 100 characters')
      .regex(/^\P{Cc}*$/u, 'must not contain control characters'),
  );

/**
 * Who a campaign targets (seed 000's TargetingRules). Dimensions combine with AND; values inside
 * one dimension with OR. Unknown keys are refused so a typo cannot silently widen an audience.
 */
export const targetingRulesSchema = z
  .object({
    ageRanges: valueList(z.enum(AGE_RANGES), AGE_RANGES.length),
    genders: valueList(z.enum(GENDERS), GENDERS.length),
    incomeLevels: valueList(z.enum(INCOME_LEVELS), INCOME_LEVELS.length),
    cities: valueList(label, 50),
    radiusKm: z.number().gt(0, 'must be more than 0').max(500, 'must be at most 500'),
    interests: valueList(label, 50),
    minActivityScore: z.number().min(0, 'must not be negative').max(1_000_000, 'must be at most 1,000,000'),
    driversOnly: z.boolean(),
    excludeExistingCustomers: z.boolean(),
    excludeRecentVisitorsDays: z.number().int('must be a whole number of days').min(1, 'must be at least 1').max(365, 'must be at most 365'),
    includeFriendsOfCustomers: z.boolean(),
  })
  .partial()
  .strict();

export type TargetingRules = z.output<typeof targetingRulesSchema>;
