import { Access } from '../../src/modules/access/policy';
import type { TargetingRules } from '../../src/modules/audiences/targeting-rules';
import {
  CampaignAudienceDocument,
  CreateBusinessDocument,
  EstimateAudienceDocument,
  EstimateCampaignAudienceDocument,
  MaterializeCampaignAudienceDocument,
  RunDriverRankingDocument,
  type AudienceEstimateFieldsFragment,
  type TargetingRulesInput,
} from '../generated/graphql';
import { createBusiness, createCampaign, createUser, startServer, type TestServer } from '../support/server';
import { AGE_RANGES, CITIES, GENDERS, generateWorld, importWorld, INCOME_LEVELS, INTERESTS, pick, seededRandom, subset } from './fixtures';
import { audienceByBruteForce, type OracleFacts, type OracleProfile } from './oracle';

let server: TestServer;
let owner: { id: string; token: string };
let businessId: string;
let campaignId: string;
const BUSINESS_LOCATION = { latitude: 52.5, longitude: 13.4 };

beforeAll(async () => {
  server = await startServer();
  owner = await createUser(server, 'BUSINESS_OWNER', 'owner');
  businessId = await createBusiness(server, owner.token);
  campaignId = await createCampaign(server, owner.token, businessId);
  await importWorld(server, server.adminToken, generateWorld(11, 400, businessId));
  const { runDriverRanking } = await server.client(server.adminToken).request(RunDriverRankingDocument);
  expect(runDriverRanking.__typename).toBe('MutationRunDriverRankingSuccess');
});

afterAll(async () => {
  await server.close();
});

const AGE_VALUES: Record<(typeof AGE_RANGES)[number], string> = {
  AGE_18_24: '18-24',
  AGE_25_34: '25-34',
  AGE_35_44: '35-44',
  AGE_45_54: '45-54',
  AGE_55_64: '55-64',
  AGE_65_PLUS: '65+',
};

/** The rules as the service reads them (age ranges by value). */
function serviceRules(rules: TargetingRulesInput): TargetingRules {
  const { ageRanges, ...rest } = rules;
  return { ...rest, ...(ageRanges ? { ageRanges: ageRanges.map((range) => AGE_VALUES[range]) } : {}) } as TargetingRules;
}

const nonEmpty = <T>(random: () => number, values: readonly T[]): T[] => {
  const chosen = subset(random, values);
  return chosen.length > 0 ? chosen : [pick(random, values)];
};

function randomRules(random: () => number): TargetingRulesInput {
  const rules: TargetingRulesInput = {};
  if (random() < 0.4) rules.cities = nonEmpty(random, [...CITIES, 'Atlantis']);
  if (random() < 0.25) rules.radiusKm = pick(random, [1, 3, 8, 15, 40]);
  if (random() < 0.35) rules.ageRanges = nonEmpty(random, AGE_RANGES);
  if (random() < 0.3) rules.genders = nonEmpty(random, GENDERS);
  if (random() < 0.25) rules.incomeLevels = nonEmpty(random, INCOME_LEVELS);
  if (random() < 0.35) rules.interests = nonEmpty(random, [...INTERESTS, 'knitting']);
  if (random() < 0.2) rules.minActivityScore = pick(random, [0, 5, 25, 80]);
  if (random() < 0.25) rules.driversOnly = random() < 0.8;
  if (random() < 0.2) rules.excludeExistingCustomers = random() < 0.8;
  if (random() < 0.2) rules.excludeRecentVisitorsDays = pick(random, [7, 30, 45]);
  if (random() < 0.15) rules.includeFriendsOfCustomers = random() < 0.8;
  return rules;
}

async function loadWorld(): Promise<{ profiles: OracleProfile[]; facts: OracleFacts }> {
  const prisma = server.app.db.prisma;
  const rows = await prisma.profile.findMany({ include: { driver: true, subscriptions: true } });
  const interactions = await prisma.businessInteraction.findMany({ where: { businessId: localId(businessId) } });
  const friendships = await prisma.friendship.findMany();
  const friends = new Map<string, string[]>();
  for (const { profileId, friendId } of friendships) friends.set(profileId, [...(friends.get(profileId) ?? []), friendId]);
  return {
    profiles: rows.map((row) => ({
      id: row.id,
      city: row.city,
      latitude: row.latitude,
      longitude: row.longitude,
      ageRange: row.ageRange,
      gender: row.gender,
      incomeLevel: row.incomeLevel,
      interests: row.interests,
      phone: row.phone,
      email: row.email,
      score: row.driver?.score ?? null,
      isDriver: row.driver?.isDriver ?? false,
      subscribedChannels: row.subscriptions.filter((s) => s.subscribed).map((s) => s.channel),
    })),
    facts: {
      purchasers: new Set(interactions.filter((i) => i.kind === 'PURCHASE').map((i) => i.profileId)),
      visits: interactions.filter((i) => i.kind === 'VISIT').map((i) => ({ profileId: i.profileId, occurredAt: i.occurredAt })),
      friends,
    },
  };
}

/** The database id inside a Relay global id. */
const localId = (globalId: string): string => Buffer.from(globalId, 'base64').toString('utf8').split(':')[1]!;

/** An estimate from the API in the oracle's vocabulary. */
function comparable(estimate: AudienceEstimateFieldsFragment) {
  return {
    everyone: estimate.everyone,
    total: estimate.total,
    drivers: estimate.drivers,
    funnel: estimate.funnel.map((step) => ({ ...step, dimension: step.dimension.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()) })),
    byAgeRange: estimate.byAgeRange.map(({ ageRange, count }) => ({ value: ageRange ? AGE_VALUES[ageRange] : null, count })),
    byGender: estimate.byGender.map(({ gender, count }) => ({ value: gender ?? null, count })),
    byCity: estimate.byCity,
    reachable: estimate.reachable,
  };
}

async function estimate(rules: TargetingRulesInput, business = businessId, token = owner.token) {
  return (await server.client(token).request(EstimateAudienceDocument, { businessId: business, rules })).estimateAudience;
}

describe('exact reach', () => {
  it('counts, breaks down and explains exactly what a brute-force filter finds, for many random rule sets', async () => {
    const world = await loadWorld();
    const random = seededRandom(2024);
    const ruleSets: TargetingRulesInput[] = [{}, { cities: ['Berlin'] }, { driversOnly: true }, ...Array.from({ length: 80 }, () => randomRules(random))];
    let nonEmptyAudiences = 0;
    for (const rules of ruleSets) {
      const result = await estimate(rules);
      if (result.__typename !== 'QueryEstimateAudienceSuccess') throw new Error(`${JSON.stringify(rules)}: ${JSON.stringify(result)}`);
      const expected = audienceByBruteForce(world.profiles, world.facts, serviceRules(rules), BUSINESS_LOCATION, new Date(result.data.estimatedAt));
      expect({ rules, ...comparable(result.data) }).toEqual({ rules, ...expected });
      if (expected.total > 0) nonEmptyAudiences += 1;
    }
    expect(nonEmptyAudiences).toBeGreaterThan(30);
  });

  it('reaches everyone with no rules, and starts the funnel from everyone', async () => {
    const result = await estimate({ driversOnly: false });
    if (result.__typename !== 'QueryEstimateAudienceSuccess') throw new Error(JSON.stringify(result));
    expect(result.data).toMatchObject({ total: 400, everyone: 400, funnel: [] });
  });

  it('refuses a radius around a business without a location', async () => {
    const { createBusiness: created } = await server.client(owner.token).request(CreateBusinessDocument, {
      input: { name: 'Food truck', city: 'Berlin', currency: 'EUR', timezone: 'Europe/Berlin' },
    });
    if (created.__typename !== 'MutationCreateBusinessSuccess') throw new Error(JSON.stringify(created));
    expect(await estimate({ radiusKm: 5 }, created.data.id)).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ path: ['rules', 'radiusKm'], message: 'needs the business’s location: set its latitude and longitude first' }],
    });
    expect(await estimate({ cities: ['Berlin'] }, created.data.id)).toMatchObject({ __typename: 'QueryEstimateAudienceSuccess' });
  });

  it('refuses empty lists, repeated values and out-of-range numbers, naming each', async () => {
    const result = await estimate({
      cities: [],
      interests: ['coffee', 'coffee'],
      radiusKm: 0,
      excludeRecentVisitorsDays: 400,
      minActivityScore: -1,
      genders: [],
    });
    expect(result).toMatchObject({
      __typename: 'ValidationError',
      issues: expect.arrayContaining([
        { path: ['rules', 'cities'], message: 'must name at least one value, or be left out' },
        { path: ['rules', 'interests'], message: 'must not repeat a value' },
        { path: ['rules', 'radiusKm'], message: 'must be more than 0' },
        { path: ['rules', 'excludeRecentVisitorsDays'], message: 'must be at most 365' },
        { path: ['rules', 'minActivityScore'], message: 'must not be negative' },
        { path: ['rules', 'genders'], message: 'must name at least one value, or be left out' },
      ]),
    });
  });

  it('refuses unknown rule keys, so a typo cannot widen an audience', async () => {
    const access = new Access({ userId: localId(owner.id), role: 'BUSINESS_OWNER', tokenId: 'test' }, server.app.db.prisma);
    await expect(server.app.services.reach.estimate(access, localId(businessId), { citys: ['Berlin'] })).rejects.toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: ['rules'], message: expect.stringContaining('citys') }],
    });
  });
});

describe('campaign audiences', () => {
  const rules: TargetingRulesInput = { cities: ['Berlin', 'Hamburg'], interests: ['coffee', 'music'], excludeExistingCustomers: true };

  it('keeps the latest estimate on the campaign', async () => {
    const { estimateCampaignAudience } = await server.client(owner.token).request(EstimateCampaignAudienceDocument, { campaignId, rules });
    if (estimateCampaignAudience.__typename !== 'MutationEstimateCampaignAudienceSuccess') throw new Error(JSON.stringify(estimateCampaignAudience));
    const { campaign } = await server.client(owner.token).request(CampaignAudienceDocument, { id: campaignId, first: 1 });
    expect(campaign?.audienceEstimate).toEqual(estimateCampaignAudience.data);
    expect(campaign?.audienceEstimate?.rules).toMatchObject({ cities: ['Berlin', 'Hamburg'] });
  });

  it('materialises the audience as the campaign’s targets with what each matched, idempotently', async () => {
    const client = server.client(owner.token);
    const first = await client.request(MaterializeCampaignAudienceDocument, { campaignId, rules });
    if (first.materializeCampaignAudience.__typename !== 'MutationMaterializeCampaignAudienceSuccess') throw new Error(JSON.stringify(first));
    const reach = await estimate(rules);
    if (reach.__typename !== 'QueryEstimateAudienceSuccess') throw new Error(JSON.stringify(reach));
    expect(first.materializeCampaignAudience.data).toMatchObject({ total: reach.data.total, added: reach.data.total, updated: 0, removed: 0 });

    const again = await client.request(MaterializeCampaignAudienceDocument, { campaignId, rules });
    expect(again.materializeCampaignAudience).toMatchObject({ data: { total: reach.data.total, added: 0, updated: 0, removed: 0 } });

    const { campaign } = await client.request(CampaignAudienceDocument, { id: campaignId, first: 100 });
    expect(campaign?.targets.totalCount).toBe(reach.data.total);
    for (const { node } of campaign!.targets.edges) {
      const criteria = node.matchedCriteria as { cities: string; interests: string[]; excludeExistingCustomers: boolean };
      expect(['Berlin', 'Hamburg']).toContain(criteria.cities);
      expect(criteria.cities).toBe(node.profile.city);
      expect(criteria.interests.length).toBeGreaterThan(0);
      expect(criteria.interests.every((interest) => ['coffee', 'music'].includes(interest) && node.profile.interests.includes(interest))).toBe(true);
      expect(criteria.excludeExistingCustomers).toBe(true);
    }

    const narrower = await client.request(MaterializeCampaignAudienceDocument, { campaignId, rules: { ...rules, cities: ['Berlin'] } });
    const berlin = campaign!.targets.totalCount - campaign!.targets.edges.filter((edge) => edge.node.profile.city === 'Hamburg').length;
    expect(narrower.materializeCampaignAudience).toMatchObject({ data: { added: 0, updated: 0 } });
    if (narrower.materializeCampaignAudience.__typename !== 'MutationMaterializeCampaignAudienceSuccess') return;
    expect(narrower.materializeCampaignAudience.data.total).toBeLessThanOrEqual(berlin);
    expect(narrower.materializeCampaignAudience.data.removed).toBe(reach.data.total - narrower.materializeCampaignAudience.data.total);
  });
});

describe('the funnel’s starting point', () => {
  it('stays exact as profiles are added and removed', async () => {
    const prisma = server.app.db.prisma;
    const everyone = async () => {
      const result = await estimate({ cities: ['Berlin'] });
      if (result.__typename !== 'QueryEstimateAudienceSuccess') throw new Error(JSON.stringify(result));
      return result.data.everyone;
    };
    expect(await everyone()).toBe(await prisma.profile.count());
    const leaving = await prisma.profile.findMany({ take: 3, select: { id: true } });
    await prisma.profile.deleteMany({ where: { id: { in: leaving.map((profile) => profile.id) } } });
    expect(await everyone()).toBe(await prisma.profile.count());
    expect(await prisma.profileCount.findUniqueOrThrow({ where: { singleton: true } })).toMatchObject({ profiles: BigInt(397) });
  });
});
