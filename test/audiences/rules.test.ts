import { decayWeight, driverConfigSchema, isDriverRank, percentileOf, roundScore } from '../../src/modules/audiences/driver-rules';
import { ageRangeOf, normalizePhone } from '../../src/modules/audiences/member-rules';
import { targetingRulesSchema } from '../../src/modules/audiences/targeting-rules';
import { audienceWhere, compileTargeting, matchedCriteria, TARGETING_DIMENSIONS } from '../../src/modules/audiences/targeting-sql';

describe('decay', () => {
  it('counts a new activity fully and halves it every half-life', () => {
    expect(decayWeight(0, 30)).toBe(1);
    expect(decayWeight(30, 30)).toBe(0.5);
    expect(decayWeight(60, 30)).toBe(0.25);
    expect(decayWeight(7, 7)).toBe(0.5);
    expect(decayWeight(15, 30)).toBeCloseTo(Math.SQRT1_2, 12);
  });
});

describe('Driver share of a city', () => {
  const driverRanks = (citySize: number, threshold: number) =>
    Array.from({ length: citySize }, (_, i) => i + 1).filter((rank) => isDriverRank(rank, citySize, threshold));

  it('is the top tenth, rounded down, at the default threshold', () => {
    expect(driverRanks(10, 90)).toEqual([1]);
    expect(driverRanks(9, 90)).toEqual([]);
    expect(driverRanks(25, 90)).toEqual([1, 2]);
    expect(driverRanks(100, 90)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('follows the threshold', () => {
    expect(driverRanks(4, 50)).toEqual([1, 2]);
    expect(driverRanks(100, 99)).toEqual([1]);
    expect(driverRanks(200, 75)).toHaveLength(50);
  });

  it('puts the percentile at the share of the city ranked below', () => {
    expect(percentileOf(1, 10)).toBe(90);
    expect(percentileOf(10, 10)).toBe(0);
    expect(percentileOf(1, 1)).toBe(0);
  });

  it('rounds scores to six decimals so equal activity ties exactly', () => {
    expect(roundScore(0.1 + 0.2)).toBe(0.3);
    expect(roundScore(84.03835549)).toBe(84.038355);
  });
});

describe('Driver algorithm config', () => {
  const valid = {
    weights: { couponCollected: 20, couponShared: 25, couponRedeemed: 25, checkIn: 15, review: 10, socialInteraction: 5 },
    halfLifeDays: 30,
    windowDays: 90,
    minActivities: 5,
    percentileThreshold: 90,
  };
  const problems = (input: unknown) => {
    const result = driverConfigSchema.safeParse(input);
    return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  };

  it('accepts seed 000’s defaults', () => {
    expect(problems(valid)).toEqual([]);
  });

  it('wants whole weights that add up to 100', () => {
    expect(problems({ ...valid, weights: { ...valid.weights, review: 11 } })).toEqual(['weights: must add up to 100, not 101']);
    expect(problems({ ...valid, weights: { ...valid.weights, review: 9.5, socialInteraction: 5.5 } })).toEqual([
      'weights.review: must be a whole number of percentage points',
      'weights.socialInteraction: must be a whole number of percentage points',
    ]);
    expect(problems({ ...valid, weights: { ...valid.weights, likes: 0 } })).toEqual([expect.stringContaining('likes')]);
  });

  it('bounds the threshold to 50–99 and the other parameters', () => {
    expect(problems({ ...valid, percentileThreshold: 100 })).toEqual(['percentileThreshold: must be at most 99']);
    expect(problems({ ...valid, percentileThreshold: 49 })).toEqual(['percentileThreshold: must be at least 50']);
    expect(problems({ ...valid, minActivities: -1, windowDays: 0, halfLifeDays: 500 })).toEqual([
      'halfLifeDays: must be at most 365 days',
      'windowDays: must be at least 1 day',
      'minActivities: must not be negative',
    ]);
  });
});

describe('audience members', () => {
  it('puts ages in their range and refuses minors', () => {
    expect([17, 18, 24, 25, 34, 35, 54, 64, 65, 120].map(ageRangeOf)).toEqual([
      null,
      '18-24',
      '18-24',
      '25-34',
      '25-34',
      '35-44',
      '45-54',
      '55-64',
      '65+',
      '65+',
    ]);
  });

  it('writes international phone numbers in E.164 and refuses national ones', () => {
    expect(normalizePhone('+49 30 1234567')).toBe('+49301234567');
    expect(normalizePhone('0049 (30) 123-45.67')).toBe('+49301234567');
    expect(normalizePhone('+1 (415) 555/0100')).toBe('+14155550100');
    expect(normalizePhone('030 1234567')).toBeNull();
    expect(normalizePhone('+0 30 1234567')).toBeNull();
    expect(normalizePhone('+49 30 1234567 ext 5')).toBeNull();
    expect(normalizePhone('+1234567890123456')).toBeNull();
  });
});

describe('targeting rules', () => {
  const problems = (input: unknown) => {
    const result = targetingRulesSchema.safeParse(input);
    return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  };

  it('refuses unknown keys, empty lists, repeats and bad ranges', () => {
    expect(problems({ city: ['Berlin'] })).toEqual([expect.stringContaining('city')]);
    expect(problems({ cities: [] })).toEqual(['cities: must name at least one value, or be left out']);
    expect(problems({ genders: ['MALE', 'MALE'] })).toEqual(['genders: must not repeat a value']);
    expect(problems({ radiusKm: 0 })).toEqual(['radiusKm: must be more than 0']);
    expect(problems({ radiusKm: 501 })).toEqual(['radiusKm: must be at most 500']);
    expect(problems({ excludeRecentVisitorsDays: 0 })).toEqual(['excludeRecentVisitorsDays: must be at least 1']);
    expect(problems({ ageRanges: ['17-24'] })).toEqual([expect.stringMatching(/^ageRanges\.0: /)]);
  });

  it('reads cities and interests with their spacing tidied', () => {
    expect(targetingRulesSchema.parse({ cities: ['  New   York '], interests: ['live\tmusic'] })).toEqual({ cities: ['New York'], interests: ['live music'] });
  });
});

describe('compiling rules to SQL', () => {
  const context = { businessId: '00000000-0000-4000-8000-000000000001', location: { latitude: 52.5, longitude: 13.4 }, asOf: new Date('2026-01-01T00:00:00Z') };
  const payload = "x'); DROP TABLE profiles; --";
  const everyDimension = targetingRulesSchema.parse({
    cities: [payload],
    radiusKm: 5,
    ageRanges: ['18-24'],
    genders: ['FEMALE'],
    incomeLevels: ['HIGH'],
    interests: [payload],
    minActivityScore: 3,
    driversOnly: true,
    excludeExistingCustomers: true,
    excludeRecentVisitorsDays: 30,
    includeFriendsOfCustomers: true,
  });

  it('keeps every value out of the SQL text and in the parameters', () => {
    const dimensions = compileTargeting(everyDimension, context);
    expect(dimensions.map((dimension) => dimension.dimension)).toEqual(TARGETING_DIMENSIONS);
    for (const sql of [audienceWhere(dimensions), matchedCriteria(dimensions)]) {
      expect(sql.sql).not.toContain('DROP');
      expect(sql.sql).not.toContain('FEMALE');
      expect(sql.sql).not.toContain(context.businessId);
    }
    expect(audienceWhere(dimensions).values).toEqual(expect.arrayContaining([[payload], ['FEMALE'], ['HIGH'], ['18-24'], context.businessId, 30, 5, 3]));
  });

  it('leaves out flags that are false, and reaches everyone without rules', () => {
    expect(compileTargeting({ driversOnly: false, excludeExistingCustomers: false, includeFriendsOfCustomers: false }, context)).toEqual([]);
    expect(audienceWhere([]).sql).toBe('true');
  });

  it('needs the business’s location for a radius', () => {
    expect(() => compileTargeting({ radiusKm: 5 }, { ...context, location: null })).toThrow('needs the business’s location');
  });
});
