import { createHash } from 'node:crypto';
import { z } from 'zod';
import { rules as textRules } from '../../validation';
import type { Schedule, DAYS_OF_WEEK } from '../campaigns/plan';
import { EARTH_RADIUS_KM } from '../audiences/targeting-sql';
import type { TargetingDimension } from '../audiences/targeting-sql';
import type { TargetingRules } from '../audiences/targeting-rules';

/** Channels a served promotion can be shown on: the ones that are pages and apps, not messages. */
export const SERVING_CHANNELS = ['IN_APP_AD', 'DISPLAY', 'SOCIAL', 'SEARCH'] as const;
export type ServingChannel = (typeof SERVING_CHANNELS)[number];

const DAY_MS = 86_400_000;
/** The longest window a cap counts in (a week): impression times older than this are forgotten. */
export const CAP_WINDOW_MS = 7 * DAY_MS;

const placementName = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/, 'must be letters, digits, and _ . : - (e.g. home_banner)');

const capCount = (what: string) => z.number().int(`must be a whole number of ${what}`).min(1, 'must be at least 1').max(10_000, 'must be at most 10,000');

export const frequencyCapSchema = z
  .object({
    perDay: capCount('impressions').nullish(),
    perWeek: capCount('impressions').nullish(),
    lifetime: capCount('impressions').nullish(),
    minSecondsBetween: z
      .number()
      .int('must be whole seconds')
      .min(1, 'must be at least 1')
      .max(7 * 86_400, 'must be at most a week (604,800 seconds)')
      .nullish(),
  })
  .strict()
  .refine((cap) => cap.perDay != null || cap.perWeek != null || cap.lifetime != null || cap.minSecondsBetween != null, 'must set at least one limit')
  .refine((cap) => cap.perDay == null || cap.perWeek == null || cap.perDay <= cap.perWeek, { message: 'must not be more than perWeek', path: ['perDay'] })
  .refine((cap) => cap.perWeek == null || cap.lifetime == null || cap.perWeek <= cap.lifetime, {
    message: 'must not be more than lifetime',
    path: ['perWeek'],
  });

export type FrequencyCap = z.output<typeof frequencyCapSchema>;

const httpsUrl = z
  .string()
  .trim()
  .max(2000, 'must be at most 2000 characters')
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'must be an http(s) URL');

export const creativeSchema = z
  .object({
    headline: textRules.name.pipe(z.string().max(90, 'must be at most 90 characters')),
    body: z.string().trim().max(500, 'must be at most 500 characters').nullish(),
    imageUrl: httpsUrl.nullish(),
    callToAction: z.string().trim().min(1, 'must not be empty').max(30, 'must be at most 30 characters'),
    landingUrl: httpsUrl,
  })
  .strict();

export const variantSchema = z
  .object({
    key: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(32, 'must be at most 32 characters')
      .regex(/^[A-Za-z0-9_-]+$/, 'must be letters, digits, _ or -'),
    control: z.boolean().default(false),
    trafficPercent: z.number().int('must be a whole percent').min(1, 'must be at least 1').max(100, 'must be at most 100'),
    creative: creativeSchema,
  })
  .strict();

/** How a campaign is served: where, how often per person, and which variants with what split. */
export const servingConfigSchema = z
  .object({
    placements: z
      .array(placementName)
      .min(1, 'must name at least one placement')
      .max(50, 'must have at most 50 placements')
      .refine((list) => new Set(list).size === list.length, 'must not repeat a placement'),
    channel: z.enum(SERVING_CHANNELS),
    priority: z.number().int('must be a whole number').min(0, 'must be 0–10').max(10, 'must be 0–10').default(5),
    frequencyCap: frequencyCapSchema.nullish(),
    placementFrequencyCap: frequencyCapSchema.nullish(),
    holdoutPercent: z.number().int('must be a whole percent').min(0, 'must be 0–50').max(50, 'must be 0–50').default(0),
    confidenceLevel: z
      .number()
      .refine((level) => [0.8, 0.9, 0.95, 0.99].includes(level), 'must be 0.8, 0.9, 0.95 or 0.99')
      .default(0.95),
    autoPromoteWinner: z.boolean().default(false),
    variants: z.array(variantSchema).min(1, 'must have at least one variant').max(10, 'must have at most 10 variants'),
  })
  .strict()
  .superRefine((config, issues) => {
    const keys = config.variants.map((v) => v.key);
    if (new Set(keys).size !== keys.length) issues.addIssue({ code: 'custom', path: ['variants'], message: 'must not repeat a variant key' });
    const split = config.variants.reduce((sum, v) => sum + v.trafficPercent, 0);
    if (split !== 100) issues.addIssue({ code: 'custom', path: ['variants'], message: `trafficPercent must add up to 100 (it adds up to ${split})` });
    const controls = config.variants.filter((v) => v.control).length;
    if (config.variants.length > 1 && controls !== 1) {
      issues.addIssue({ code: 'custom', path: ['variants'], message: `must mark exactly one variant as control (${controls} are)` });
    }
  });

export type ServingConfigInput = z.input<typeof servingConfigSchema>;
export type ServingConfig = z.output<typeof servingConfigSchema>;
export type Variant = z.output<typeof variantSchema>;

const weekdayFormats = new Map<string, Intl.DateTimeFormat>();

/** The weekday and hour that `instant` falls on in `timeZone`. */
export function localWeekdayAndHour(instant: Date, timeZone: string): { day: (typeof DAYS_OF_WEEK)[number]; hour: number } {
  let format = weekdayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'long', hour: 'numeric', hourCycle: 'h23' });
    weekdayFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(instant);
  const weekday = parts.find((p) => p.type === 'weekday')?.value.toUpperCase() as (typeof DAYS_OF_WEEK)[number];
  const hour = Number(parts.find((p) => p.type === 'hour')?.value);
  return { day: weekday, hour: hour === 24 ? 0 : hour };
}

/** Why a campaign's schedule keeps it from showing at `now`, or null when it may show. */
export function scheduleRefusal(schedule: Schedule, startsAt: Date, endsAt: Date | null, now: Date): string | null {
  if (now < startsAt) return 'has not started';
  if (endsAt && now >= endsAt) return 'has ended';
  const { day, hour } = localWeekdayAndHour(now, schedule.timezone);
  if (schedule.daysOfWeek && !schedule.daysOfWeek.includes(day)) return `does not run on ${day} in ${schedule.timezone}`;
  if (schedule.hoursOfDay && !schedule.hoursOfDay.includes(hour)) return `does not run at hour ${hour} in ${schedule.timezone}`;
  return null;
}

/** What serving knows about the person in front of the page. */
export interface PersonFacts {
  /** False for a session without a profile: then nothing about the person is known. */
  hasProfile: boolean;
  /** From the request's context when it says, else from the profile. */
  city: string | null;
  location: { latitude: number; longitude: number } | null;
  ageRange: string | null;
  gender: string | null;
  incomeLevel: string | null;
  interests: readonly string[];
  activityScore: number | null;
  isDriver: boolean | null;
  /** Businesses this person bought from. */
  customerOf: ReadonlySet<string>;
  /** The last visit to each business. */
  lastVisitAt: ReadonlyMap<string, Date>;
  /** Businesses a friend of this person bought from. */
  friendsAreCustomersOf: ReadonlySet<string>;
}

export function haversineKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const radians = (degrees: number) => (degrees * Math.PI) / 180;
  const h =
    Math.sin(radians(b.latitude - a.latitude) / 2) ** 2 +
    Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(radians(b.longitude - a.longitude) / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The first targeting dimension the person does not meet, or null when every one is met. The same
 * meaning as the audience SQL (targeting-sql.ts): dimensions AND-ed, values within one OR-ed, and
 * an unknown value never passes, so a session without a profile only sees untargeted dimensions.
 */
export function targetingMiss(
  rules: TargetingRules,
  person: PersonFacts,
  business: { id: string; location: { latitude: number; longitude: number } | null },
  now: Date,
): TargetingDimension | null {
  if (rules.cities && !(person.city !== null && rules.cities.includes(person.city))) return 'cities';
  if (rules.radiusKm !== undefined && !(business.location && person.location && haversineKm(business.location, person.location) <= rules.radiusKm)) {
    return 'radiusKm';
  }
  if (rules.ageRanges && !(person.ageRange !== null && (rules.ageRanges as readonly string[]).includes(person.ageRange))) return 'ageRanges';
  if (rules.genders && !(person.gender !== null && (rules.genders as readonly string[]).includes(person.gender))) return 'genders';
  if (rules.incomeLevels && !(person.incomeLevel !== null && (rules.incomeLevels as readonly string[]).includes(person.incomeLevel))) return 'incomeLevels';
  if (rules.interests && !rules.interests.some((interest) => person.interests.includes(interest))) return 'interests';
  if (rules.minActivityScore !== undefined && !(person.hasProfile && (person.activityScore ?? 0) >= rules.minActivityScore)) return 'minActivityScore';
  if (rules.driversOnly && person.isDriver !== true) return 'driversOnly';
  // Exclusions need to know who it is: an unknown visitor may well be a customer.
  if (rules.excludeExistingCustomers && (!person.hasProfile || person.customerOf.has(business.id))) return 'excludeExistingCustomers';
  if (rules.excludeRecentVisitorsDays !== undefined) {
    const visited = person.lastVisitAt.get(business.id);
    if (!person.hasProfile || (visited && visited.getTime() > now.getTime() - rules.excludeRecentVisitorsDays * DAY_MS)) return 'excludeRecentVisitorsDays';
  }
  if (rules.includeFriendsOfCustomers && !person.friendsAreCustomersOf.has(business.id)) return 'includeFriendsOfCustomers';
  return null;
}

/** Observed rates pulled towards a prior, so a new campaign is neither ignored nor over-trusted. */
const CTR_PRIOR = { rate: 0.01, weight: 200 };
const CVR_PRIOR = { rate: 0.05, weight: 40 };

/**
 * What one more impression is expected to earn, per thousand impressions (eCPM, in cents): the CPM
 * price, plus the CPC price times the expected click rate, plus the CPA price times the expected
 * click-then-conversion rate.
 */
export function expectedCpmCents(
  pricing: { cpmCents: number | null; cpcCents: number | null; cpaCents: number | null },
  observed: { impressions: number; clicks: number; conversions: number },
): number {
  const ctr = (observed.clicks + CTR_PRIOR.rate * CTR_PRIOR.weight) / (observed.impressions + CTR_PRIOR.weight);
  const cvr = (observed.conversions + CVR_PRIOR.rate * CVR_PRIOR.weight) / (observed.clicks + CVR_PRIOR.weight);
  return (pricing.cpmCents ?? 0) + 1000 * ctr * (pricing.cpcCents ?? 0) + 1000 * ctr * cvr * (pricing.cpaCents ?? 0);
}

/** A stable number in [0, 100) for a person and a purpose: the same person always lands in the same place. */
export function bucketOf(campaignId: string, purpose: string, personKey: string): number {
  const digest = createHash('sha256').update(`${campaignId}\u0000${purpose}\u0000${personKey}`).digest();
  return (digest.readUInt32BE(0) / 0x1_0000_0000) * 100;
}

/**
 * The variant this person sees, or null when they are in the holdout (they see nothing of this
 * campaign, so its effect can be measured). Holdout and variant use separate hashes, so changing
 * the holdout never moves anyone between variants. A declared winner takes all non-holdout traffic.
 */
export function assignVariant(
  campaignId: string,
  personKey: string,
  experiment: { holdoutPercent: number; variants: readonly Pick<Variant, 'key' | 'trafficPercent'>[]; winner: string | null },
): string | null {
  if (experiment.holdoutPercent > 0 && bucketOf(campaignId, 'holdout', personKey) < experiment.holdoutPercent) return null;
  if (experiment.winner && experiment.variants.some((v) => v.key === experiment.winner)) return experiment.winner;
  const bucket = bucketOf(campaignId, 'variant', personKey);
  let upTo = 0;
  for (const variant of experiment.variants) {
    upTo += variant.trafficPercent;
    if (bucket < upTo) return variant.key;
  }
  return experiment.variants[experiment.variants.length - 1]!.key;
}

/** The landing URL with UTM parameters set the same way everywhere (existing utm_* are replaced). */
export function landingUrlWithUtm(landingUrl: string, campaign: { id: string; name: string }, variant: string, placement: string, channel: string): string {
  const url = new URL(landingUrl);
  url.searchParams.set('utm_source', 'campaign-graph');
  url.searchParams.set('utm_medium', channel.toLowerCase());
  url.searchParams.set('utm_campaign', campaign.name);
  url.searchParams.set('utm_content', variant);
  url.searchParams.set('utm_term', placement);
  url.searchParams.set('cg_campaign', campaign.id);
  return url.toString();
}
