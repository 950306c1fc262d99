import { z } from 'zod';
import { rules } from '../../validation';
import { targetingRulesSchema } from '../audiences/targeting-rules';

export const OBJECTIVES = ['AWARENESS', 'TRAFFIC', 'ENGAGEMENT', 'LEADS', 'SALES', 'APP_PROMOTION', 'LOCAL', 'REMARKETING', 'OFFERS_EVENTS'] as const;
export const KINDS = ['COUPON', 'AD', 'EVENT', 'PROMOTION'] as const;
export const CHANNELS = ['IN_APP_AD', 'WHATSAPP', 'EMAIL', 'SMS', 'PUSH', 'SOCIAL', 'SEARCH', 'DISPLAY'] as const;
export const DAYS_OF_WEEK = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
export const KPI_METRICS = ['IMPRESSIONS', 'REACH', 'CLICKS', 'CONVERSIONS', 'REVENUE_CENTS', 'CTR', 'CVR', 'CPC_CENTS', 'CPA_CENTS', 'ROAS'] as const;

export type Channel = (typeof CHANNELS)[number];
export type KpiMetric = (typeof KPI_METRICS)[number];

/** Upper bound for any amount of money in cents: ten billion units, far above any real budget. */
export const MAX_CENTS = 1_000_000_000_000;
const MAX_SETTINGS_BYTES = 16_384;

function uniqueList<T extends z.ZodType>(item: T, max: number) {
  return z
    .array(item)
    .min(1, 'must name at least one value')
    .max(max, `must have at most ${max} values`)
    .refine((values) => new Set(values).size === values.length, 'must not repeat a value');
}

export const scheduleSchema = z
  .object({
    daysOfWeek: uniqueList(z.enum(DAYS_OF_WEEK), 7).optional(),
    hoursOfDay: uniqueList(z.number().int('must be whole hours').min(0, 'must be 0–23').max(23, 'must be 0–23'), 24).optional(),
    timezone: rules.timeZone,
  })
  .strict();

export type Schedule = z.output<typeof scheduleSchema>;

export const centsAmount = z
  .number({ message: 'must be a number of cents' })
  .int('must be a whole number of cents')
  .positive('must be more than 0')
  .max(MAX_CENTS, `must be at most ${MAX_CENTS}`);

export const pricingSchema = z.object({ cpmCents: centsAmount.nullish(), cpcCents: centsAmount.nullish(), cpaCents: centsAmount.nullish() }).strict();

export const kpiTargetSchema = z.object({
  metric: z.enum(KPI_METRICS),
  target: z.number().positive('must be more than 0').max(1e15, 'is too large'),
});

export type KpiTarget = z.output<typeof kpiTargetSchema>;

const settingsSchema = z
  .record(z.string(), z.unknown())
  .refine((settings) => JSON.stringify(settings).length <= MAX_SETTINGS_BYTES, `must be at most ${MAX_SETTINGS_BYTES} bytes of JSON`);

/** Every field of a campaign's plan, with its bounds; create takes all, update any subset. */
const planFields = {
  name: rules.name,
  description: z.string().trim().max(2000, 'must be at most 2000 characters').nullish(),
  objective: z.enum(OBJECTIVES),
  kind: z.enum(KINDS),
  channels: uniqueList(z.enum(CHANNELS), CHANNELS.length),
  startsAt: rules.date,
  endsAt: rules.date.nullish(),
  schedule: scheduleSchema.nullish(),
  pricing: pricingSchema.nullish(),
  kpiTargets: z
    .array(kpiTargetSchema)
    .max(KPI_METRICS.length, `must have at most ${KPI_METRICS.length} targets`)
    .refine((targets) => new Set(targets.map((t) => t.metric)).size === targets.length, 'must name each metric once')
    .nullish(),
  targetingRules: targetingRulesSchema.nullish(),
  settings: settingsSchema.nullish(),
};

const endAfterStart = (plan: { startsAt?: Date; endsAt?: Date | null }) => !plan.startsAt || !plan.endsAt || plan.endsAt > plan.startsAt;
const endAfterStartIssue = { message: 'must be after startsAt', path: ['endsAt'] };

export const createPlanSchema = z.object({ businessId: z.uuid(), ...planFields }).refine(endAfterStart, endAfterStartIssue);
export const updatePlanSchema = z.object(planFields).partial().refine(endAfterStart, endAfterStartIssue);

export type CreatePlanInput = z.input<typeof createPlanSchema>;
export type UpdatePlanInput = z.input<typeof updatePlanSchema>;
