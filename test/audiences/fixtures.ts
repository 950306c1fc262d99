import type {
  ActivityImportInput,
  AudienceImportInput,
  BusinessInteractionImportInput,
  ProfileImportInput,
  SubscriptionImportInput,
} from '../generated/graphql';
import { ImportAudienceDocument } from '../generated/graphql';
import type { TestServer } from '../support/server';

export const DAY_MS = 24 * 60 * 60 * 1000;

/** A small deterministic PRNG (mulberry32), so a failing case can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(random: () => number, values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
export const subset = <T>(random: () => number, values: readonly T[], probability = 0.4): T[] => values.filter(() => random() < probability);

export const CITIES = ['Berlin', 'Hamburg', 'München', 'Köln'] as const;
export const INTERESTS = ['coffee', 'food_dining', 'shopping', 'fitness', 'music', 'travel'] as const;
export const AGE_RANGES = ['AGE_18_24', 'AGE_25_34', 'AGE_35_44', 'AGE_45_54', 'AGE_55_64', 'AGE_65_PLUS'] as const;
export const GENDERS = ['FEMALE', 'MALE', 'NON_BINARY', 'UNDISCLOSED'] as const;
export const INCOME_LEVELS = ['LOW', 'LOWER_MIDDLE', 'MIDDLE', 'UPPER_MIDDLE', 'HIGH'] as const;
export const CHANNELS = ['WHATSAPP', 'SMS', 'EMAIL', 'PUSH'] as const;
export const ACTIVITY_KINDS = ['COUPON_COLLECTED', 'COUPON_SHARED', 'COUPON_REDEEMED', 'CHECK_IN', 'REVIEW', 'SOCIAL_INTERACTION'] as const;

export interface World {
  profiles: ProfileImportInput[];
  subscriptions: SubscriptionImportInput[];
  activities: ActivityImportInput[];
  interactions: BusinessInteractionImportInput[];
  friendships: Array<{ profileExternalId: string; friendExternalId: string }>;
}

/** Where the test businesses are: profiles are scattered within about 30 km of it. */
export const CENTRE = { latitude: 52.52, longitude: 13.405 };

/**
 * A small random world: profiles with some unknown attributes, activities skewed so that a few
 * people are much more active, visits and purchases at `businessId`, and friendships. Times sit
 * half a day off whole days so that no rule boundary is ever within clock drift of a fact.
 */
export function generateWorld(seed: number, size: number, businessId: string, now = Date.now()): World {
  const random = seededRandom(seed);
  const profiles: ProfileImportInput[] = Array.from({ length: size }, (_, i) => {
    const located = random() < 0.85;
    const phone = random() < 0.6 ? `+49 30 ${String(1_000_000 + i).padStart(7, '0')}` : null;
    return {
      externalId: `p-${seed}-${i}`,
      city: pick(random, CITIES),
      latitude: located ? CENTRE.latitude + (random() - 0.5) * 0.5 : null,
      longitude: located ? CENTRE.longitude + (random() - 0.5) * 0.8 : null,
      ageRange: random() < 0.9 ? pick(random, AGE_RANGES) : null,
      gender: random() < 0.9 ? pick(random, GENDERS) : null,
      incomeLevel: random() < 0.8 ? pick(random, INCOME_LEVELS) : null,
      interests: subset(random, INTERESTS, 0.3),
      phone,
      email: random() < 0.7 ? `person${i}@example.test` : null,
      createdAt: new Date(now - (400 + Math.floor(random() * 400)) * DAY_MS).toISOString(),
    };
  });
  const subscriptions: SubscriptionImportInput[] = profiles.flatMap((profile) =>
    subset(random, CHANNELS, 0.5).map((channel) => ({
      profileExternalId: profile.externalId,
      channel,
      subscribed: random() < 0.8,
      changedAt: new Date(now - (10 + Math.floor(random() * 100)) * DAY_MS).toISOString(),
      source: 'SIGNUP_FORM' as const,
    })),
  );
  const activities: ActivityImportInput[] = [];
  profiles.forEach((profile, i) => {
    const count = Math.floor(random() ** 3 * 40);
    for (let a = 0; a < count; a += 1) {
      activities.push({
        externalId: `a-${seed}-${i}-${a}`,
        profileExternalId: profile.externalId,
        kind: pick(random, ACTIVITY_KINDS),
        occurredAt: new Date(now - (Math.floor(random() * 120) + 0.5) * DAY_MS).toISOString(),
      });
    }
  });
  const interactions: BusinessInteractionImportInput[] = profiles.flatMap((profile, i) => {
    const facts: BusinessInteractionImportInput[] = [];
    if (random() < 0.15)
      facts.push({
        externalId: `buy-${seed}-${i}`,
        profileExternalId: profile.externalId,
        businessId,
        kind: 'PURCHASE',
        occurredAt: new Date(now - 40.5 * DAY_MS).toISOString(),
      });
    if (random() < 0.25) {
      const daysAgo = Math.floor(random() * 60) + 0.5;
      facts.push({
        externalId: `visit-${seed}-${i}`,
        profileExternalId: profile.externalId,
        businessId,
        kind: 'VISIT',
        occurredAt: new Date(now - daysAgo * DAY_MS).toISOString(),
      });
    }
    return facts;
  });
  const friendships = new Map<string, { profileExternalId: string; friendExternalId: string }>();
  for (let f = 0; f < size; f += 1) {
    const a = pick(random, profiles).externalId;
    const b = pick(random, profiles).externalId;
    if (a !== b) friendships.set([a, b].sort().join('|'), { profileExternalId: a, friendExternalId: b });
  }
  return { profiles, subscriptions, activities, interactions, friendships: [...friendships.values()] };
}

/** Imports a world through the API in batches of at most 1,000 rows per list. */
export async function importWorld(server: TestServer, token: string, world: World): Promise<void> {
  const lists = ['profiles', 'subscriptions', 'activities', 'interactions', 'friendships'] as const;
  for (const list of lists) {
    const rows: unknown[] = world[list];
    for (let start = 0; start < rows.length; start += 1000) {
      const input = { [list]: rows.slice(start, start + 1000) } as AudienceImportInput;
      const { importAudience } = await server.client(token).request(ImportAudienceDocument, { input });
      if (importAudience.__typename !== 'MutationImportAudienceSuccess') throw new Error(`import of ${list} failed: ${JSON.stringify(importAudience)}`);
    }
  }
}
