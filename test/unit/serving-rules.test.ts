import {
  assignVariant,
  bucketOf,
  expectedCpmCents,
  landingUrlWithUtm,
  type PersonFacts,
  scheduleRefusal,
  servingConfigSchema,
  targetingMiss,
} from '../../src/modules/serving/rules';
import type { TargetingRules } from '../../src/modules/audiences/targeting-rules';

const business = { id: 'b1', location: { latitude: 52.52, longitude: 13.405 } };
const now = new Date('2026-12-04T12:00:00Z');

/** A person who meets every rule in `everything` below. */
const person: PersonFacts = {
  hasProfile: true,
  city: 'Berlin',
  location: { latitude: 52.53, longitude: 13.41 },
  ageRange: '25-34',
  gender: 'FEMALE',
  incomeLevel: 'MIDDLE',
  interests: ['coffee', 'running'],
  activityScore: 40,
  isDriver: true,
  customerOf: new Set(),
  lastVisitAt: new Map([['b1', new Date('2026-10-01T00:00:00Z')]]),
  friendsAreCustomersOf: new Set(['b1']),
};

const everything: TargetingRules = {
  cities: ['Berlin', 'Hamburg'],
  radiusKm: 5,
  ageRanges: ['25-34'],
  genders: ['FEMALE', 'NON_BINARY'],
  incomeLevels: ['MIDDLE', 'HIGH'],
  interests: ['coffee', 'tea'],
  minActivityScore: 10,
  driversOnly: true,
  excludeExistingCustomers: true,
  excludeRecentVisitorsDays: 30,
  includeFriendsOfCustomers: true,
};

describe('targeting at serve time', () => {
  it('passes a person who meets every dimension', () => {
    expect(targetingMiss(everything, person, business, now)).toBeNull();
  });

  // The seed ORs the dimensions: matching one would qualify. Here failing any single one excludes.
  const failures: Array<[keyof TargetingRules, Partial<PersonFacts>]> = [
    ['cities', { city: 'Munich' }],
    ['radiusKm', { location: { latitude: 48.14, longitude: 11.58 } }],
    ['ageRanges', { ageRange: '45-54' }],
    ['genders', { gender: 'MALE' }],
    ['incomeLevels', { incomeLevel: 'LOW' }],
    ['interests', { interests: ['football'] }],
    ['minActivityScore', { activityScore: 9.99 }],
    ['driversOnly', { isDriver: false }],
    ['excludeExistingCustomers', { customerOf: new Set(['b1']) }],
    ['excludeRecentVisitorsDays', { lastVisitAt: new Map([['b1', new Date('2026-11-20T00:00:00Z')]]) }],
    ['includeFriendsOfCustomers', { friendsAreCustomersOf: new Set(['other']) }],
  ];
  it.each(failures)('excludes a person who fails only %s, although every other dimension matches', (dimension, change) => {
    expect(targetingMiss(everything, { ...person, ...change }, business, now)).toBe(dimension);
  });

  it('treats what is unknown as not matching: a session without a profile only passes untargeted rules', () => {
    const stranger: PersonFacts = {
      ...person,
      hasProfile: false,
      ageRange: null,
      gender: null,
      incomeLevel: null,
      interests: [],
      activityScore: null,
      isDriver: null,
    };
    expect(targetingMiss({ cities: ['Berlin'] }, stranger, business, now)).toBeNull();
    expect(targetingMiss({ ageRanges: ['25-34'] }, stranger, business, now)).toBe('ageRanges');
    expect(targetingMiss({ minActivityScore: 0 }, stranger, business, now)).toBe('minActivityScore');
    expect(targetingMiss({ excludeExistingCustomers: true }, stranger, business, now)).toBe('excludeExistingCustomers');
    expect(targetingMiss({}, stranger, business, now)).toBeNull();
  });

  it('needs the business location for a radius', () => {
    expect(targetingMiss({ radiusKm: 50 }, person, { id: 'b1', location: null }, now)).toBe('radiusKm');
  });
});

describe('schedules', () => {
  const schedule = { timezone: 'America/New_York', daysOfWeek: ['FRIDAY' as const], hoursOfDay: [7, 8] };
  const start = new Date('2026-01-01T00:00:00Z');

  it('reads days and hours in the schedule’s time zone, not UTC', () => {
    // 12:30 UTC on Friday 4 Dec 2026 is 07:30 in New York (EST, UTC−5).
    expect(scheduleRefusal(schedule, start, null, new Date('2026-12-04T12:30:00Z'))).toBeNull();
    expect(scheduleRefusal(schedule, start, null, new Date('2026-12-04T14:00:00Z'))).toBe('does not run at hour 9 in America/New_York');
    // 03:00 UTC on Saturday is still Friday 22:00 in New York: the day matches, the hour does not.
    expect(scheduleRefusal(schedule, start, null, new Date('2026-12-05T03:00:00Z'))).toBe('does not run at hour 22 in America/New_York');
    // 12:30 UTC on Saturday is Saturday in New York.
    expect(scheduleRefusal(schedule, start, null, new Date('2026-12-05T12:30:00Z'))).toBe('does not run on SATURDAY in America/New_York');
  });

  it('follows daylight saving time', () => {
    // 11:30 UTC on Friday 5 June 2026 is 07:30 in New York (EDT, UTC−4).
    expect(scheduleRefusal(schedule, start, null, new Date('2026-06-05T11:30:00Z'))).toBeNull();
  });

  it('respects the start and the end', () => {
    const always = { timezone: 'UTC' };
    expect(scheduleRefusal(always, new Date('2026-12-05T00:00:00Z'), null, now)).toBe('has not started');
    expect(scheduleRefusal(always, start, new Date('2026-12-04T12:00:00Z'), now)).toBe('has ended');
  });
});

describe('variant assignment', () => {
  const experiment = {
    holdoutPercent: 10,
    winner: null,
    variants: [
      { key: 'control', trafficPercent: 50 },
      { key: 'bold', trafficPercent: 50 },
    ],
  };

  it('is deterministic per person', () => {
    for (let i = 0; i < 100; i += 1) {
      const first = assignVariant('c1', `p:${i}`, experiment);
      expect(assignVariant('c1', `p:${i}`, experiment)).toBe(first);
    }
  });

  it('follows the traffic split and the holdout over many people', () => {
    const counts = new Map<string | null, number>();
    for (let i = 0; i < 20_000; i += 1) {
      const variant = assignVariant('c1', `p:${i}`, experiment);
      counts.set(variant, (counts.get(variant) ?? 0) + 1);
    }
    expect((counts.get(null) ?? 0) / 20_000).toBeCloseTo(0.1, 1);
    expect((counts.get('control') ?? 0) / 20_000).toBeCloseTo(0.45, 1);
    expect((counts.get('bold') ?? 0) / 20_000).toBeCloseTo(0.45, 1);
  });

  it('keeps people in their variant when the holdout changes, and gives everyone else the winner once declared', () => {
    for (let i = 0; i < 500; i += 1) {
      const withHoldout = assignVariant('c1', `p:${i}`, experiment);
      const without = assignVariant('c1', `p:${i}`, { ...experiment, holdoutPercent: 0 });
      if (withHoldout !== null) expect(without).toBe(withHoldout);
      const promoted = assignVariant('c1', `p:${i}`, { ...experiment, winner: 'bold' });
      expect(promoted === null || promoted === 'bold').toBe(true);
    }
  });

  it('spreads buckets evenly in [0, 100)', () => {
    const buckets = Array.from({ length: 10_000 }, (_, i) => bucketOf('c', 'variant', String(i)));
    expect(Math.min(...buckets)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...buckets)).toBeLessThan(100);
    expect(buckets.filter((b) => b < 50).length / 10_000).toBeCloseTo(0.5, 1);
  });
});

describe('serving configuration', () => {
  const variant = (key: string, trafficPercent: number, control = false) => ({
    key,
    control,
    trafficPercent,
    creative: { headline: 'Hello', callToAction: 'Go', landingUrl: 'https://shop.example/x' },
  });

  it('accepts a split that adds up to 100 with one control', () => {
    expect(() => servingConfigSchema.parse({ placements: ['home'], channel: 'IN_APP_AD', variants: [variant('a', 60, true), variant('b', 40)] })).not.toThrow();
  });

  it.each([
    [[variant('a', 60, true), variant('b', 30)], 'trafficPercent must add up to 100 (it adds up to 90)'],
    [[variant('a', 50), variant('b', 50)], 'must mark exactly one variant as control (0 are)'],
    [[variant('a', 50, true), variant('a', 50)], 'must not repeat a variant key'],
  ])('refuses bad variants with a message that names the problem', (variants, message) => {
    const parsed = servingConfigSchema.safeParse({ placements: ['home'], channel: 'IN_APP_AD', variants });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message)).toContain(message);
  });

  it('refuses an empty or inconsistent frequency cap', () => {
    const base = { placements: ['home'], channel: 'IN_APP_AD', variants: [variant('a', 100)] };
    expect(servingConfigSchema.safeParse({ ...base, frequencyCap: {} }).error?.issues[0]?.message).toBe('must set at least one limit');
    expect(servingConfigSchema.safeParse({ ...base, frequencyCap: { perDay: 5, perWeek: 3 } }).error?.issues[0]?.message).toBe('must not be more than perWeek');
  });
});

describe('expected value and links', () => {
  it('prices an impression by CPM, and by CPC and CPA through smoothed rates', () => {
    expect(expectedCpmCents({ cpmCents: 500, cpcCents: null, cpaCents: null }, { impressions: 0, clicks: 0, conversions: 0 })).toBe(500);
    // No history: the 1% CTR prior, so 1000 impressions bring 10 clicks at 50 cents.
    expect(expectedCpmCents({ cpmCents: null, cpcCents: 50, cpaCents: null }, { impressions: 0, clicks: 0, conversions: 0 })).toBeCloseTo(500);
    // A lot of history: the observed 5% CTR dominates.
    expect(expectedCpmCents({ cpmCents: null, cpcCents: 50, cpaCents: null }, { impressions: 1_000_000, clicks: 50_000, conversions: 0 })).toBeCloseTo(
      2500,
      -1,
    );
  });

  it('adds UTM parameters the same way every time, replacing any the merchant typed', () => {
    const url = landingUrlWithUtm('https://shop.example/p?id=7&utm_source=old', { id: 'c1', name: 'Spring sale' }, 'bold', 'home', 'IN_APP_AD');
    const params = new URL(url).searchParams;
    expect(params.get('id')).toBe('7');
    expect(params.get('utm_source')).toBe('campaign-graph');
    expect(params.get('utm_medium')).toBe('in_app_ad');
    expect(params.get('utm_campaign')).toBe('Spring sale');
    expect(params.get('utm_content')).toBe('bold');
    expect(params.get('utm_term')).toBe('home');
  });
});
