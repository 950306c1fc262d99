import { Access } from '../../src/modules/access/policy';
import { EstimateAudienceDocument, ImportAudienceDocument, ProfilesDocument } from '../generated/graphql';
import { createBusiness, createUser, startServer, type TestServer } from '../support/server';
import { DAY_MS } from './fixtures';

/** Strings that break queries built by concatenation: quotes, comments, JSON, array literals, unicode. */
const PAYLOADS = [
  "'; DROP TABLE profiles; --",
  "Berlin' OR '1'='1",
  "Robert'); DELETE FROM profiles WHERE ('x'='x",
  '" OR ""="',
  "\\'; SELECT pg_sleep(5); --",
  '{"$ne": null}',
  '["Berlin","Hamburg"]',
  '{Berlin,Hamburg}',
  "ARRAY['Berlin']",
  '$1',
  '%',
  '_',
  "Zürich 🙂 ' ∀x",
  '東京\'s "best"',
  '\u202eniltreB',
  'ʼ OR 1=1 --',
];

let server: TestServer;
let businessId: string;
let ownerToken: string;
let ownerAccess: Access;
let localBusinessId: string;

const localId = (globalId: string): string => Buffer.from(globalId, 'base64').toString('utf8').split(':')[1]!;

beforeAll(async () => {
  server = await startServer();
  const owner = await createUser(server, 'BUSINESS_OWNER', 'owner');
  ownerToken = owner.token;
  ownerAccess = new Access({ userId: localId(owner.id), role: 'BUSINESS_OWNER', tokenId: 'test' }, server.app.db.prisma);
  businessId = await createBusiness(server, owner.token);
  localBusinessId = localId(businessId);
  const createdAt = new Date(Date.now() - DAY_MS).toISOString();
  const { importAudience } = await server.client(server.adminToken).request(ImportAudienceDocument, {
    input: {
      profiles: [
        { externalId: 'plain-berlin', city: 'Berlin', interests: ['coffee'], createdAt },
        { externalId: 'plain-hamburg', city: 'Hamburg', interests: ['music'], createdAt },
        // Every payload once as a city and once as an interest, stored literally.
        ...PAYLOADS.map((payload, i) => ({ externalId: `payload-${i}`, city: payload, interests: [payload], createdAt })),
        { externalId: 'quote\'--"x', city: 'Quoteville', createdAt },
      ],
    },
  });
  expect(importAudience).toMatchObject({ data: { profiles: { created: PAYLOADS.length + 3 } } });
});

afterAll(async () => {
  await server.close();
});

async function profilesInDatabase(): Promise<number> {
  return server.app.db.prisma.profile.count();
}

describe('targeting rules cannot inject SQL', () => {
  it.each(PAYLOADS.map((payload, i) => [i, payload]))('matches payload %i only literally, as a city and as an interest', async (_i, payload) => {
    const before = await profilesInDatabase();
    for (const rules of [{ cities: [payload] }, { interests: [payload] }, { cities: [payload, 'Nowhere'], interests: [payload, 'coffee'] }]) {
      const { estimateAudience } = await server.client(ownerToken).request(EstimateAudienceDocument, { businessId, rules });
      if (estimateAudience.__typename !== 'QueryEstimateAudienceSuccess') throw new Error(JSON.stringify(estimateAudience));
      expect(estimateAudience.data.total).toBe(1);
      expect(estimateAudience.data.byCity).toEqual([{ city: payload, count: 1 }]);
    }
    expect(await profilesInDatabase()).toBe(before);
  });

  it('keeps external ids with quotes as they are', async () => {
    const { profiles } = await server.client(server.adminToken).request(ProfilesDocument, { city: 'Quoteville', first: 5 });
    expect(profiles.edges.map((edge) => edge.node.personalData?.externalId)).toEqual(['quote\'--"x']);
  });

  it('refuses control characters instead of passing them to the database', async () => {
    const { estimateAudience } = await server.client(ownerToken).request(EstimateAudienceDocument, { businessId, rules: { cities: ['Ber\u0000lin'] } });
    expect(estimateAudience).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ path: ['rules', 'cities', '0'], message: 'must not contain control characters' }],
    });
  });

  it.each([
    ['a number as text', { radiusKm: '5; DROP TABLE profiles; --' }, ['rules', 'radiusKm']],
    ['NaN', { minActivityScore: Number.NaN }, ['rules', 'minActivityScore']],
    ['infinity', { minActivityScore: Number.POSITIVE_INFINITY }, ['rules', 'minActivityScore']],
    ['a fraction of a day', { excludeRecentVisitorsDays: 1.5 }, ['rules', 'excludeRecentVisitorsDays']],
    ['a boolean as text', { driversOnly: "true' OR '1'='1" }, ['rules', 'driversOnly']],
    ['an enum with SQL', { genders: ["MALE' OR '1'='1"] }, ['rules', 'genders', '0']],
    ['an age range with a comment', { ageRanges: ['18-24--'] }, ['rules', 'ageRanges', '0']],
    ['an income level as JSON', { incomeLevels: [{ $ne: null }] }, ['rules', 'incomeLevels', '0']],
    ['a nested array', { cities: [['Berlin']] }, ['rules', 'cities', '0']],
    ['a string instead of a list', { interests: 'coffee' }, ['rules', 'interests']],
    ['an object instead of a list', { cities: { $in: ['Berlin'] } }, ['rules', 'cities']],
    ['a prototype key', JSON.parse('{"__proto__": {"driversOnly": true}}') as object, ['rules']],
  ])('refuses %s in a rule before any SQL runs', async (_label, rules, path) => {
    const before = await profilesInDatabase();
    await expect(server.app.services.reach.estimate(ownerAccess, localBusinessId, rules)).rejects.toMatchObject({
      code: 'VALIDATION',
      issues: expect.arrayContaining([expect.objectContaining({ path })]),
    });
    expect(await profilesInDatabase()).toBe(before);
  });
});
