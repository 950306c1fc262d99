import { CampaignBreakdownDocument, ImportAudienceDocument, ProfilesDocument, RecordEventsDocument } from '../generated/graphql';
import { createActiveCampaign, createBusiness, createUser, startServer, type TestServer } from '../support/server';

/** Breakdowns by who the events happened to: events joined to the imported audience profiles. */
let server: TestServer;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server.close();
});

it('breaks a campaign down by age range, gender and city, with exact reach per row', async () => {
  const admin = server.client(server.adminToken);
  await admin.request(ImportAudienceDocument, {
    input: {
      profiles: [
        { externalId: 'ana', city: 'Berlin', ageRange: 'AGE_25_34', gender: 'FEMALE', createdAt: '2026-01-01T00:00:00Z' },
        { externalId: 'ben', city: 'Berlin', ageRange: 'AGE_35_44', gender: 'MALE', createdAt: '2026-01-01T00:00:00Z' },
        { externalId: 'cem', city: 'Hamburg', ageRange: 'AGE_25_34', gender: 'MALE', createdAt: '2026-01-01T00:00:00Z' },
      ],
    },
  });
  const { profiles } = await admin.request(ProfilesDocument, { first: 10 });
  const idOf = new Map(profiles.edges.map((edge) => [edge.node.personalData?.externalId, edge.node.id]));

  const owner = await createUser(server, 'BUSINESS_OWNER', 'owner');
  const campaignId = await createActiveCampaign(server, owner.token, await createBusiness(server, owner.token));
  const at = new Date().toISOString();
  const seen = (id: string, who: string, type: 'IMPRESSION' | 'CLICK' = 'IMPRESSION') => ({ id, campaignId, type, occurredAt: at, profileId: idOf.get(who) });
  await server.client(owner.token).request(RecordEventsDocument, {
    events: [
      seen('1', 'ana'),
      seen('2', 'ana'),
      seen('3', 'ana', 'CLICK'),
      seen('4', 'ben'),
      seen('5', 'cem'),
      seen('6', 'cem', 'CLICK'),
      { id: '7', campaignId, type: 'IMPRESSION', occurredAt: at },
    ],
  });

  const breakdown = async (dimension: 'AGE_RANGE' | 'GENDER' | 'CITY') =>
    (await server.client(owner.token).request(CampaignBreakdownDocument, { id: campaignId, dimension })).campaign!.breakdown.map((row) => [
      row.value,
      row.metrics.impressions,
      row.metrics.clicks,
      row.metrics.reach,
    ]);
  expect(await breakdown('AGE_RANGE')).toEqual([
    ['25-34', 3, 2, 2],
    ['35-44', 1, 0, 1],
    [null, 1, 0, null],
  ]);
  expect(await breakdown('GENDER')).toEqual([
    ['FEMALE', 2, 1, 1],
    ['MALE', 2, 1, 2],
    [null, 1, 0, null],
  ]);
  expect(await breakdown('CITY')).toEqual([
    ['Berlin', 3, 1, 2],
    ['Hamburg', 1, 1, 1],
    [null, 1, 0, null],
  ]);
});
