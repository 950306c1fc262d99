import {
  CampaignAudienceDocument,
  DriversDocument,
  DriverStatsDocument,
  EstimateAudienceDocument,
  EstimateCampaignAudienceDocument,
  MaterializeCampaignAudienceDocument,
  ProfileDocument,
  ProfileNodeDocument,
  ProfilesDocument,
  RunDriverRankingDocument,
} from '../generated/graphql';
import { createBusiness, createCampaign, createUser, startServer, type TestServer } from '../support/server';
import { generateWorld, importWorld } from './fixtures';

let server: TestServer;
let owner: { id: string; token: string };
let rival: { id: string; token: string };
let partner: { id: string; token: string };
let businessId: string;
let campaignId: string;
let targetId: string;
let outsiderId: string;

const rules = { cities: ['Berlin'] };

beforeAll(async () => {
  server = await startServer();
  owner = await createUser(server, 'BUSINESS_OWNER', 'owner');
  rival = await createUser(server, 'BUSINESS_OWNER', 'rival');
  partner = await createUser(server, 'PARTNER', 'partner');
  businessId = await createBusiness(server, owner.token, { city: 'Berlin' });
  await createBusiness(server, rival.token, { name: 'Rival Bar', city: 'Hamburg' });
  campaignId = await createCampaign(server, owner.token, businessId);
  await importWorld(server, server.adminToken, generateWorld(3, 120, businessId));
  await server.client(server.adminToken).request(RunDriverRankingDocument);
  const materialized = await server.client(owner.token).request(MaterializeCampaignAudienceDocument, { campaignId, rules });
  expect(materialized.materializeCampaignAudience).toMatchObject({ __typename: 'MutationMaterializeCampaignAudienceSuccess' });
  const all = await server.client(server.adminToken).request(ProfilesDocument, { first: 100 });
  targetId = all.profiles.edges.find((edge) => edge.node.city === 'Berlin')!.node.id;
  outsiderId = all.profiles.edges.find((edge) => edge.node.city !== 'Berlin')!.node.id;
});

afterAll(async () => {
  await server.close();
});

describe('who sees audience members', () => {
  it('shows admins everything about a person', async () => {
    const { profile } = await server.client(server.adminToken).request(ProfileDocument, { id: targetId });
    expect(profile?.personalData).toEqual(expect.objectContaining({ externalId: expect.any(String) }));
    expect(profile?.driver?.scores).toEqual(expect.objectContaining({ score: expect.any(Number), cityRank: expect.any(Number) }));
  });

  it('shows a merchant the targets of their own campaign, without personal data or scores', async () => {
    const client = server.client(owner.token);
    const { profile } = await client.request(ProfileDocument, { id: targetId });
    expect(profile).toMatchObject({ id: targetId, city: 'Berlin', personalData: null });
    expect(profile?.driver).toEqual(expect.objectContaining({ scores: null, isDriver: expect.any(Boolean) }));
    const { campaign } = await client.request(CampaignAudienceDocument, { id: campaignId, first: 100 });
    expect(campaign?.targets.totalCount).toBeGreaterThan(0);
    expect(campaign?.targets.edges.every((edge) => edge.node.profile.personalData === null && edge.node.profile.driver?.scores == null)).toBe(true);
    const { profiles } = await client.request(ProfilesDocument, { first: 100 });
    expect(profiles.totalCount).toBe(campaign?.targets.totalCount);
  });

  it('hides people who are not their targets from a merchant', async () => {
    expect((await server.client(owner.token).request(ProfileDocument, { id: outsiderId })).profile).toBeNull();
    expect((await server.client(owner.token).request(ProfileNodeDocument, { id: outsiderId })).node).toBeNull();
  });

  it('hides everyone from another merchant, a partner and an anonymous caller, on every path', async () => {
    for (const client of [server.client(rival.token), server.client(partner.token), server.client()]) {
      expect((await client.request(ProfileDocument, { id: targetId })).profile).toBeNull();
      expect((await client.request(ProfileNodeDocument, { id: targetId })).node).toBeNull();
      expect((await client.request(ProfilesDocument, { first: 10 })).profiles.totalCount).toBe(0);
      expect((await client.request(CampaignAudienceDocument, { id: campaignId, first: 10 })).campaign).toBeNull();
      await expect(client.request(DriversDocument, { city: 'Berlin', first: 10 })).rejects.toThrow(/Only an admin|Sign in/);
    }
  });

  it('does not let another merchant estimate, store or materialise on someone else’s business or campaign', async () => {
    for (const client of [server.client(rival.token), server.client(partner.token), server.client()]) {
      expect((await client.request(EstimateAudienceDocument, { businessId, rules })).estimateAudience).toMatchObject({ code: 'NOT_FOUND' });
      expect((await client.request(EstimateCampaignAudienceDocument, { campaignId, rules })).estimateCampaignAudience).toMatchObject({ code: 'NOT_FOUND' });
      expect((await client.request(MaterializeCampaignAudienceDocument, { campaignId, rules: {} })).materializeCampaignAudience).toMatchObject({
        code: 'NOT_FOUND',
      });
    }
    const { campaign } = await server.client(owner.token).request(CampaignAudienceDocument, { id: campaignId, first: 1 });
    expect(campaign?.targets.totalCount).toBeGreaterThan(0);
  });
});

describe('Driver figures', () => {
  it('gives a merchant the counts of their own city only', async () => {
    const own = await server.client(owner.token).request(DriverStatsDocument, { city: 'Berlin' });
    expect(own.driverStats).toMatchObject({ __typename: 'QueryDriverStatsSuccess', data: { city: 'Berlin', profiles: expect.any(Number) } });
    if (own.driverStats.__typename === 'QueryDriverStatsSuccess') {
      expect(own.driverStats.data.rankedProfiles).toBe(own.driverStats.data.profiles);
      expect(own.driverStats.data.drivers).toBeLessThanOrEqual(Math.floor(own.driverStats.data.profiles / 10));
    }
    expect((await server.client(owner.token).request(DriverStatsDocument, { city: 'Hamburg' })).driverStats).toMatchObject({ __typename: 'ForbiddenError' });
    expect((await server.client(rival.token).request(DriverStatsDocument, { city: 'Hamburg' })).driverStats.__typename).toBe('QueryDriverStatsSuccess');
    for (const client of [server.client(partner.token), server.client()]) {
      expect((await client.request(DriverStatsDocument, { city: 'Berlin' })).driverStats.__typename).toBe('ForbiddenError');
    }
  });

  it('lists a city’s Drivers with their scores for admins only', async () => {
    const { drivers } = await server.client(server.adminToken).request(DriversDocument, { city: 'Berlin', first: 100 });
    expect(drivers.edges.length).toBeGreaterThan(0);
    expect(drivers.edges.every((edge) => edge.node.isDriver && edge.node.scores !== null)).toBe(true);
    const ranks = drivers.edges.map((edge) => edge.node.scores!.cityRank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });
});
