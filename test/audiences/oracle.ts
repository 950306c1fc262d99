import { decayWeight, isDriverRank, percentileOf, roundScore } from '../../src/modules/audiences/driver-rules';
import type { TargetingRules } from '../../src/modules/audiences/targeting-rules';
import { DAY_MS } from './fixtures';

/**
 * Brute-force answers computed in plain TypeScript, one profile at a time, to check the set-based
 * SQL against. The Driver rules come from driver-rules.ts (they are the definition the SQL must
 * follow); everything else here is written independently of the code under test.
 */

export type Kind = 'COUPON_COLLECTED' | 'COUPON_SHARED' | 'COUPON_REDEEMED' | 'CHECK_IN' | 'REVIEW' | 'SOCIAL_INTERACTION';

export interface OracleConfig {
  weights: Record<Kind, number>;
  halfLifeDays: number;
  windowDays: number;
  minActivities: number;
  percentileThreshold: number;
}

export interface OracleRanking {
  profileId: string;
  city: string;
  score: number;
  components: Record<Kind, number>;
  score30d: number;
  score90d: number;
  activityCount: number;
  qualified: boolean;
  cityRank: number;
  citySize: number;
  percentile: number;
  isDriver: boolean;
}

export function rankByBruteForce(
  profiles: Array<{ id: string; city: string }>,
  activities: Array<{ profileId: string; kind: Kind; occurredAt: Date }>,
  config: OracleConfig,
  asOf: Date,
): Map<string, OracleRanking> {
  const scored = profiles.map((profile) => {
    const components: Record<Kind, number> = { COUPON_COLLECTED: 0, COUPON_SHARED: 0, COUPON_REDEEMED: 0, CHECK_IN: 0, REVIEW: 0, SOCIAL_INTERACTION: 0 };
    let score30d = 0;
    let score90d = 0;
    let activityCount = 0;
    for (const activity of activities) {
      if (activity.profileId !== profile.id) continue;
      const ageMs = asOf.getTime() - activity.occurredAt.getTime();
      if (ageMs < 0) continue;
      const points = config.weights[activity.kind] * decayWeight(ageMs / DAY_MS, config.halfLifeDays);
      if (ageMs < config.windowDays * DAY_MS) {
        components[activity.kind] += points;
        activityCount += 1;
      }
      if (ageMs < 30 * DAY_MS) score30d += points;
      if (ageMs < 90 * DAY_MS) score90d += points;
    }
    const total = Object.values(components).reduce((sum, value) => sum + value, 0);
    return {
      profileId: profile.id,
      city: profile.city,
      score: roundScore(total),
      components: Object.fromEntries(Object.entries(components).map(([kind, value]) => [kind, roundScore(value)])) as Record<Kind, number>,
      score30d: roundScore(score30d),
      score90d: roundScore(score90d),
      activityCount,
      qualified: activityCount >= config.minActivities,
    };
  });
  const result = new Map<string, OracleRanking>();
  for (const city of new Set(scored.map((profile) => profile.city))) {
    const ranked = scored
      .filter((profile) => profile.city === city)
      .sort((a, b) => Number(b.qualified) - Number(a.qualified) || b.score - a.score || (a.profileId < b.profileId ? -1 : 1));
    ranked.forEach((profile, index) => {
      const cityRank = index + 1;
      result.set(profile.profileId, {
        ...profile,
        cityRank,
        citySize: ranked.length,
        percentile: percentileOf(cityRank, ranked.length),
        isDriver: profile.qualified && isDriverRank(cityRank, ranked.length, config.percentileThreshold),
      });
    });
  }
  return result;
}

export interface OracleProfile {
  id: string;
  city: string;
  latitude: number | null;
  longitude: number | null;
  ageRange: string | null;
  gender: string | null;
  incomeLevel: string | null;
  interests: string[];
  phone: string | null;
  email: string | null;
  score: number | null;
  isDriver: boolean;
  subscribedChannels: string[];
}

export interface OracleFacts {
  purchasers: Set<string>;
  visits: Array<{ profileId: string; occurredAt: Date }>;
  friends: Map<string, string[]>;
}

function haversineKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const toRadians = (degrees: number) => (degrees * Math.PI) / 180;
  const dLat = toRadians(b.latitude - a.latitude);
  const dLng = toRadians(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(a.latitude)) * Math.cos(toRadians(b.latitude)) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

type Dimension = keyof TargetingRules;
const ORDER: Dimension[] = [
  'cities',
  'radiusKm',
  'ageRanges',
  'genders',
  'incomeLevels',
  'interests',
  'minActivityScore',
  'driversOnly',
  'excludeExistingCustomers',
  'excludeRecentVisitorsDays',
  'includeFriendsOfCustomers',
];

export function audienceByBruteForce(
  profiles: OracleProfile[],
  facts: OracleFacts,
  rules: TargetingRules,
  business: { latitude: number; longitude: number },
  asOf: Date,
) {
  const tests: Partial<Record<Dimension, (profile: OracleProfile) => boolean>> = {
    cities: (p) => rules.cities!.includes(p.city),
    radiusKm: (p) => p.latitude !== null && p.longitude !== null && haversineKm(business, { latitude: p.latitude, longitude: p.longitude }) <= rules.radiusKm!,
    ageRanges: (p) => p.ageRange !== null && (rules.ageRanges as string[]).includes(p.ageRange),
    genders: (p) => p.gender !== null && (rules.genders as string[]).includes(p.gender),
    incomeLevels: (p) => p.incomeLevel !== null && (rules.incomeLevels as string[]).includes(p.incomeLevel),
    interests: (p) => p.interests.some((interest) => rules.interests!.includes(interest)),
    minActivityScore: (p) => (p.score ?? 0) >= rules.minActivityScore!,
    driversOnly: (p) => !rules.driversOnly || p.isDriver,
    excludeExistingCustomers: (p) => !rules.excludeExistingCustomers || !facts.purchasers.has(p.id),
    excludeRecentVisitorsDays: (p) =>
      !facts.visits.some((visit) => visit.profileId === p.id && visit.occurredAt.getTime() > asOf.getTime() - rules.excludeRecentVisitorsDays! * DAY_MS),
    includeFriendsOfCustomers: (p) => !rules.includeFriendsOfCustomers || (facts.friends.get(p.id) ?? []).some((friend) => facts.purchasers.has(friend)),
  };
  const active = ORDER.filter((dimension) => rules[dimension] !== undefined && rules[dimension] !== false);
  let audience = profiles;
  const funnel = active.map((dimension) => {
    const before = audience.length;
    audience = audience.filter(tests[dimension]!);
    return { dimension, before, removed: before - audience.length, remaining: audience.length };
  });
  const countBy = <T extends string | null>(values: T[]) => {
    const counts = new Map<T, number>();
    for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
    return counts;
  };
  const ordered = <T extends string>(vocabulary: readonly T[], counts: Map<T | null, number>) =>
    [...vocabulary, null].filter((value) => counts.has(value)).map((value) => ({ value, count: counts.get(value)! }));
  const needs: Record<string, 'phone' | 'email' | null> = { WHATSAPP: 'phone', SMS: 'phone', EMAIL: 'email', PUSH: null };
  return {
    everyone: profiles.length,
    total: audience.length,
    drivers: audience.filter((p) => p.isDriver).length,
    funnel,
    byAgeRange: ordered(['18-24', '25-34', '35-44', '45-54', '55-64', '65+'], countBy(audience.map((p) => p.ageRange))),
    byGender: ordered(['FEMALE', 'MALE', 'NON_BINARY', 'UNDISCLOSED'], countBy(audience.map((p) => p.gender))),
    byCity: [...countBy(audience.map((p) => p.city))].map(([city, count]) => ({ city, count })).sort((a, b) => b.count - a.count || (a.city < b.city ? -1 : 1)),
    reachable: Object.entries(needs).map(([channel, need]) => ({
      channel,
      count: audience.filter((p) => p.subscribedChannels.includes(channel) && (need === null || p[need] !== null)).length,
    })),
  };
}
