import { randomUUID } from 'node:crypto';
import { getIntrospectionQuery, type IntrospectionQuery } from 'graphql';
import { collect, createActiveCampaign, createBusiness, createUser, startServer, type TestServer } from '../support/server';

/**
 * Walks every root field as another business's owner and as an anonymous caller, and finds nothing
 * of the owner's business reachable. The first test fails when a field is added without a probe
 * here, so new fields cannot skip the walk.
 */
let server: TestServer;
let owner: { id: string; token: string };
let businessId: string;
let campaignId: string;
let profileId: string;
let ruleId: string;

beforeAll(async () => {
  server = await startServer();
  owner = await createUser(server, 'BUSINESS_OWNER', 'owner');
  businessId = await createBusiness(server, owner.token, { name: 'Private Bakery' });
  campaignId = await createActiveCampaign(server, owner.token, businessId, { name: 'Private campaign' });
  await server
    .client(owner.token)
    .request(
      `mutation($id: ID!) { setCampaignBudget(campaignId: $id, input: { totalCents: 50000, currency: "EUR", allocations: [{ channel: IN_APP_AD, amountCents: 1000 }] }) { __typename } }`,
      { id: campaignId },
    );
  // One audience member, targeted by the owner's campaign: personal data another caller must not reach.
  await server
    .client(server.adminToken)
    .request(
      `mutation { importAudience(input: { profiles: [{ externalId: "p-1", city: "Berlin", createdAt: "2026-01-01T00:00:00Z", email: "anna@example.test", phone: "+4930123456" }] }) { __typename } }`,
    );
  const materialized = await server
    .client(owner.token)
    .request<{ materializeCampaignAudience: { data: { campaign: { targets: { edges: Array<{ node: { profile: { id: string } } }> } } } } }>(
      `mutation($id: ID!) { materializeCampaignAudience(campaignId: $id, rules: { cities: ["Berlin"] }) {
       ... on MutationMaterializeCampaignAudienceSuccess { data { campaign { targets(first: 1) { edges { node { profile { id } } } } } } } } }`,
      { id: campaignId },
    );
  profileId = materialized.materializeCampaignAudience.data.campaign.targets.edges[0]!.node.profile.id;
  const rule = await server
    .client(owner.token)
    .request<{ createAutomationRule: { data: { id: string } } }>(
      `mutation($business: ID!, $id: ID!) { createAutomationRule(businessId: $business, input: { name: "Probe rule", scope: { campaignIds: [$id] }, conditions: [{ metric: CPA_CENTS, comparison: GT, threshold: 500, window: { kind: LIFETIME } }], actions: [{ type: PAUSE }] }) { ... on MutationCreateAutomationRuleSuccess { data { id } } } }`,
      { business: businessId, id: campaignId },
    );
  ruleId = rule.createAutomationRule.data.id;
});

afterAll(async () => {
  await server.close();
});

type Outcome = unknown;
type Probe = (token: string | undefined) => Promise<Outcome>;

/** The data of a request, or `{ error }` with the first part of a GraphQL error's message. */
const gql = (token: string | undefined, query: string, variables: Record<string, unknown> = {}): Promise<Record<string, unknown>> =>
  server
    .client(token)
    .request<Record<string, unknown>>(query, variables)
    .catch((error: Error) => ({ error: error.message.split(':')[0] }));

/** Refused means a NotFound/Forbidden typed result, or a GraphQL error saying so; anything else is a finding. */
const ACCESS_ERROR = /not allowed|Sign in|was not found|Only an admin|read-only/;
const refused = (result: Record<string, unknown>, field: string) => {
  const value = result[field] as { __typename?: string } | undefined;
  return ACCESS_ERROR.test(String(result.error ?? '')) || ['NotFoundError', 'ForbiddenError'].includes(value?.__typename ?? '');
};

const mutationProbe =
  (field: string, args: string, variables: () => Record<string, unknown>): Probe =>
  async (token) => {
    const result = await gql(token, `mutation($id: ID!) { ${field}(${args}) { __typename } }`, variables());
    return refused(result, field) ? 'refused' : result;
  };

const idArg = () => ({ id: campaignId });
const probes: Record<string, Record<string, Probe>> = {
  Query: {
    node: async (token) => (await gql(token, `query($id: ID!) { node(id: $id) { id } }`, { id: campaignId })).node ?? 'nothing',
    nodes: async (token) => {
      const { nodes } = await gql(token, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: [campaignId, businessId] });
      return (nodes as unknown[]).every((n) => n === null) ? 'nothing' : nodes;
    },
    viewer: async (token) => (((await gql(token, `{ viewer { id } }`)).viewer as { id: string } | null)?.id === owner.id ? 'owner!' : 'nothing'),
    business: async (token) => (await gql(token, `query($id: ID!) { business(id: $id) { name } }`, { id: businessId })).business ?? 'nothing',
    businesses: async (token) => {
      const { businesses } = await gql(token, `{ businesses(first: 100) { edges { node { id } } } }`);
      const ids = (businesses as { edges: Array<{ node: { id: string } }> }).edges.map((e) => e.node.id);
      return ids.includes(businessId) ? ids : 'nothing';
    },
    campaign: async (token) => (await gql(token, `query($id: ID!) { campaign(id: $id) { name } }`, idArg())).campaign ?? 'nothing',
    campaigns: async (token) => {
      const { campaigns } = await gql(token, `{ campaigns(first: 100) { totalCount edges { node { id } } } }`);
      const ids = (campaigns as { edges: Array<{ node: { id: string } }> }).edges.map((e) => e.node.id);
      return ids.includes(campaignId) ? ids : 'nothing';
    },
    trends: async (token) => {
      const result = await gql(
        token,
        `query($ids: [ID!]!) { trends(campaignIds: $ids, period: DAY, from: "2026-01-01T00:00:00Z", to: "2026-01-02T00:00:00Z") { __typename } }`,
        { ids: [campaignId] },
      );
      return refused(result, 'trends') ? 'refused' : result;
    },
    automationRules: async (token) => {
      const result = await gql(token, `query($id: ID!) { automationRules(businessId: $id, first: 10) { edges { node { id } } } }`, { id: businessId });
      if (refused(result, 'automationRules')) return 'refused';
      const edges = (result.automationRules as { edges?: unknown[] } | null)?.edges;
      return edges && edges.length === 0 ? 'nothing' : result;
    },
    previewRule: async (token) => {
      const result = await gql(token, `query($id: ID!) { previewRule(id: $id) { __typename } }`, { id: ruleId });
      return refused(result, 'previewRule') ? 'refused' : result;
    },
    businessDashboard: async (token) => {
      const result = await gql(token, `query($id: ID!) { businessDashboard(businessId: $id) { __typename } }`, { id: businessId });
      return refused(result, 'businessDashboard') ? 'refused' : result;
    },
    profile: async (token) => (await gql(token, `query($id: ID!) { profile(id: $id) { id } }`, { id: profileId })).profile ?? 'nothing',
    profiles: async (token) => {
      const { profiles } = await gql(token, `{ profiles(first: 100) { edges { node { id } } } }`);
      const ids = (profiles as { edges: Array<{ node: { id: string } }> }).edges.map((e) => e.node.id);
      return ids.includes(profileId) ? ids : 'nothing';
    },
    estimateAudience: async (token) => {
      const result = await gql(token, `query($id: ID!) { estimateAudience(businessId: $id, rules: { cities: ["Berlin"] }) { __typename } }`, {
        id: businessId,
      });
      return refused(result, 'estimateAudience') ? 'refused' : result;
    },
    drivers: async (token) => {
      const result = await gql(token, `{ drivers(city: "Berlin", first: 10) { edges { node { __typename } } } }`);
      return refused(result, 'drivers') ? 'refused' : result;
    },
    driverStats: async (token) => {
      const result = await gql(token, `{ driverStats(city: "Berlin") { __typename } }`);
      return refused(result, 'driverStats') ? 'refused' : result;
    },
    activeDriverAlgorithmConfig: async (token) => {
      const result = await gql(token, `{ activeDriverAlgorithmConfig { id } }`);
      return refused(result, 'activeDriverAlgorithmConfig') ? 'refused' : result;
    },
    driverAlgorithmConfigs: async (token) => {
      const result = await gql(token, `{ driverAlgorithmConfigs(first: 5) { edges { node { id } } } }`);
      return refused(result, 'driverAlgorithmConfigs') ? 'refused' : result;
    },
    driverRankingRuns: async (token) => {
      const result = await gql(token, `{ driverRankingRuns(first: 5) { edges { node { id } } } }`);
      return refused(result, 'driverRankingRuns') ? 'refused' : result;
    },
    jobs: async (token) => {
      const result = await gql(token, `{ jobs(first: 5) { edges { node { id kind payload } } } }`);
      return refused(result, 'jobs') ? 'refused' : result;
    },
    approvalQueue: async (token) => {
      const result = await gql(token, `{ approvalQueue(first: 10) { totalCount } }`);
      return refused(result, 'approvalQueue') ? 'refused' : result;
    },
  },
  Mutation: {
    createUser: async (token) => {
      const result = await gql(token, `mutation { createUser(input: { email: "x@example.test", name: "X", role: ADMIN }) { __typename } }`);
      return refused(result, 'createUser') ? 'refused' : result;
    },
    issueApiToken: mutationProbe('issueApiToken', 'userId: $id, label: "stolen"', () => ({ id: Buffer.from(`User:${owner.id}`).toString('base64') })),
    revokeApiToken: async (token) => {
      const { viewer } = await gql(owner.token, `{ viewer { apiTokens { tokenId } } }`);
      const tokenId = (viewer as { apiTokens: Array<{ tokenId: string }> }).apiTokens[0]!.tokenId;
      const result = await gql(token, `mutation($id: ID!) { revokeApiToken(tokenId: $id) { __typename } }`, { id: tokenId });
      return refused(result, 'revokeApiToken') ? 'refused' : result;
    },
    grantPartnerAccess: mutationProbe('grantPartnerAccess', 'tokenId: "00000000-0000-0000-0000-000000000000", businessId: $id', () => ({ id: businessId })),
    revokePartnerAccess: mutationProbe('revokePartnerAccess', 'tokenId: "00000000-0000-0000-0000-000000000000", businessId: $id', () => ({ id: businessId })),
    createBusiness: async (token) => {
      const result = await gql(
        token,
        `mutation { createBusiness(input: { name: "Mine", city: "Rome", currency: "EUR", timezone: "Europe/Rome" }) { __typename } }`,
      );
      // Any business owner may create a business of their own; it must never belong to someone else.
      return refused(result, 'createBusiness') || (result.createBusiness as { __typename: string }).__typename === 'MutationCreateBusinessSuccess'
        ? 'own or refused'
        : result;
    },
    createCampaign: mutationProbe(
      'createCampaign',
      'input: { businessId: $id, name: "Hijack", objective: SALES, kind: AD, channels: [EMAIL], startsAt: "2030-01-01T00:00:00Z" }',
      () => ({ id: businessId }),
    ),
    updateCampaign: mutationProbe('updateCampaign', 'id: $id, input: { name: "Hijacked" }', idArg),
    submitCampaign: mutationProbe('submitCampaign', 'id: $id', idArg),
    approveCampaign: mutationProbe('approveCampaign', 'id: $id', idArg),
    rejectCampaign: mutationProbe('rejectCampaign', 'id: $id, reason: "no"', idArg),
    pauseCampaign: mutationProbe('pauseCampaign', 'id: $id', idArg),
    resumeCampaign: mutationProbe('resumeCampaign', 'id: $id', idArg),
    completeCampaign: mutationProbe('completeCampaign', 'id: $id', idArg),
    cancelCampaign: mutationProbe('cancelCampaign', 'id: $id', idArg),
    setCampaignBudget: mutationProbe('setCampaignBudget', 'campaignId: $id, input: { totalCents: 1, currency: "EUR" }', idArg),
    moveCampaignBudget: mutationProbe('moveCampaignBudget', 'campaignId: $id, input: { fromChannel: IN_APP_AD, toChannel: EMAIL, amountCents: 1 }', idArg),
    recordSpend: mutationProbe('recordSpend', 'campaignId: $id, input: { amountCents: 1, reason: "x", idempotencyKey: "x" }', idArg),
    setCampaignServing: mutationProbe(
      'setCampaignServing',
      'campaignId: $id, input: { placements: ["home"], channel: IN_APP_AD, variants: [{ key: "a", trafficPercent: 100, creative: { headline: "Hijacked", callToAction: "Go", landingUrl: "https://evil.example" } }] }',
      idArg,
    ),
    promoteVariant: mutationProbe('promoteVariant', 'campaignId: $id, variant: "a"', idArg),
    createAutomationRule: async (token) => {
      const result = await gql(
        token,
        `mutation($business: ID!, $id: ID!) { createAutomationRule(businessId: $business, input: { name: "Probe rule", scope: { campaignIds: [$id] }, conditions: [{ metric: CPA_CENTS, comparison: GT, threshold: 500, window: { kind: LIFETIME } }], actions: [{ type: PAUSE }] }) { __typename } }`,
        { business: businessId, id: campaignId },
      );
      return refused(result, 'createAutomationRule') ? 'refused' : result;
    },
    updateAutomationRule: async (token) => {
      const result = await gql(
        token,
        `mutation($rule: ID!, $id: ID!) { updateAutomationRule(id: $rule, input: { name: "Probe rule", scope: { campaignIds: [$id] }, conditions: [{ metric: CPA_CENTS, comparison: GT, threshold: 500, window: { kind: LIFETIME } }], actions: [{ type: PAUSE }] }) { __typename } }`,
        {
          rule: ruleId,
          id: campaignId,
        },
      );
      return refused(result, 'updateAutomationRule') ? 'refused' : result;
    },
    setAutomationRuleEnabled: async (token) => {
      const result = await gql(token, `mutation($rule: ID!) { setAutomationRuleEnabled(id: $rule, enabled: false) { __typename } }`, { rule: ruleId });
      return refused(result, 'setAutomationRuleEnabled') ? 'refused' : result;
    },
    deleteAutomationRule: async (token) => {
      const result = await gql(token, `mutation($rule: ID!) { deleteAutomationRule(id: $rule) { __typename } }`, { rule: ruleId });
      return refused(result, 'deleteAutomationRule') ? 'refused' : result;
    },
    serve: async (token) => {
      // Public by design; what it must not do is explain other businesses' campaigns.
      const result = await gql(
        token,
        `mutation { serve(input: { placement: "home", sessionId: "probe", debug: true }) { ... on MutationServeSuccess { data { served { campaignId } candidates { campaignId } } } } }`,
      );
      const data = (result.serve as { data?: { served: unknown; candidates: unknown[] } } | undefined)?.data;
      return data && data.served === null && data.candidates.length === 0 ? 'nothing' : result;
    },
    trackPromotion: async (token) => {
      // Public, but only with a token the server signed: a made-up one records nothing.
      const result = await gql(token, `mutation { trackPromotion(token: "made.up", type: CLICK) { __typename } }`);
      return (result.trackPromotion as { __typename?: string } | undefined)?.__typename === 'ValidationError' ? 'needs a signed token' : result;
    },
    importAudience: async (token) => {
      const result = await gql(
        token,
        `mutation { importAudience(input: { profiles: [{ externalId: "p-1", city: "Hijacked", createdAt: "2026-01-01T00:00:00Z" }] }) { __typename } }`,
      );
      return refused(result, 'importAudience') ? 'refused' : result;
    },
    estimateCampaignAudience: mutationProbe('estimateCampaignAudience', 'campaignId: $id', idArg),
    materializeCampaignAudience: mutationProbe('materializeCampaignAudience', 'campaignId: $id, rules: { cities: ["Nowhere"] }', idArg),
    createDriverAlgorithmConfig: async (token) => {
      const result = await gql(
        token,
        `mutation { createDriverAlgorithmConfig(activate: true, input: { weights: { couponCollected: 100, couponShared: 0, couponRedeemed: 0, checkIn: 0, review: 0, socialInteraction: 0 }, halfLifeDays: 30, windowDays: 90, minActivities: 1 }) { __typename } }`,
      );
      return refused(result, 'createDriverAlgorithmConfig') ? 'refused' : result;
    },
    activateDriverAlgorithmConfig: mutationProbe('activateDriverAlgorithmConfig', 'id: $id', () => ({
      id: Buffer.from('DriverAlgorithmConfig:00000000-0000-0000-0000-000000000000').toString('base64'),
    })),
    retryJob: async (token) => {
      const { jobs } = await gql(server.adminToken, `{ jobs(first: 1, kind: "jobs.cleanup") { edges { node { id } } } }`);
      const id = (jobs as { edges: Array<{ node: { id: string } }> }).edges[0]!.node.id;
      const result = await gql(token, `mutation($id: ID!) { retryJob(id: $id) { __typename } }`, { id });
      return refused(result, 'retryJob') ? 'refused' : result;
    },
    runDriverRanking: async (token) => {
      const result = await gql(token, `mutation { runDriverRanking { __typename } }`);
      return refused(result, 'runDriverRanking') ? 'refused' : result;
    },
    recordEvents: async (token) => {
      // Dated now, inside the campaign's run, with a fresh id: the owner's same call counts (tested
      // below), so an event can only be turned away here for who sent it.
      const result = await gql(
        token,
        `mutation($id: ID!, $event: String!, $at: DateTime!) { recordEvents(events: [{ id: $event, campaignId: $id, type: CLICK, occurredAt: $at }]) {
           __typename ... on MutationRecordEventsSuccess { data { accepted problems { reason } } } } }`,
        { ...idArg(), event: `probe-${randomUUID()}`, at: new Date().toISOString() },
      );
      const data = (result.recordEvents as { data?: { accepted: number; problems: Array<{ reason: string }> } } | undefined)?.data;
      const turnedAway = data?.accepted === 0 && data.problems.length === 1 && /campaign not found|read-only/.test(data.problems[0]!.reason);
      return refused(result, 'recordEvents') || turnedAway ? 'refused' : result;
    },
  },
  Subscription: {
    campaignStats: (token) => subscriptionProbe(token, `subscription($id: ID!) { campaignStats(campaignId: $id) { impressions } }`, { id: campaignId }),
    campaignLifecycle: (token) => subscriptionProbe(token, `subscription($id: ID!) { campaignLifecycle(businessId: $id) { toStatus } }`, { id: businessId }),
    businessDashboard: (token) => subscriptionProbe(token, `subscription($id: ID!) { businessDashboard(businessId: $id) { sequence } }`, { id: businessId }),
    budgetAlerts: (token) => subscriptionProbe(token, `subscription($id: ID!) { budgetAlerts(businessId: $id) { thresholdPercent } }`, { id: businessId }),
    ruleAlerts: (token) => subscriptionProbe(token, `subscription($id: ID!) { ruleAlerts(businessId: $id) { __typename } }`, { id: businessId }),
  },
};

async function subscriptionProbe(token: string | undefined, query: string, variables: Record<string, unknown>): Promise<Outcome> {
  const attempt = collect(server.ws(token), { query, variables }, () => true, 5_000);
  return attempt.done.then(
    (messages) => messages,
    (error: Error) => (/not found|Sign in/.test(error.message) ? 'refused' : error.message),
  );
}

const expectedOutcome: Record<string, Outcome> = {
  profile: 'nothing',
  profiles: 'nothing',
  node: 'nothing',
  nodes: 'nothing',
  viewer: 'nothing',
  business: 'nothing',
  businesses: 'nothing',
  campaign: 'nothing',
  campaigns: 'nothing',
  createBusiness: 'own or refused',
  serve: 'nothing',
  automationRules: 'nothing',
  trackPromotion: 'needs a signed token',
};

it('has a probe for every root field of the schema', async () => {
  const { __schema } = await server.client().request<IntrospectionQuery>(getIntrospectionQuery());
  for (const [root, name] of [
    ['Query', __schema.queryType?.name],
    ['Mutation', __schema.mutationType?.name],
    ['Subscription', __schema.subscriptionType?.name],
  ] as const) {
    const type = __schema.types.find((t) => t.name === name);
    const fields = type && 'fields' in type ? (type.fields ?? []).map((f) => f.name).sort() : [];
    expect({ root, fields }).toEqual({ root, fields: Object.keys(probes[root]!).sort() });
  }
});

it('counts the owner’s own recordEvents probe, so the refusals below can only be for who calls', async () => {
  expect(await probes.Mutation!.recordEvents!(owner.token)).toEqual({
    recordEvents: { __typename: 'MutationRecordEventsSuccess', data: { accepted: 1, problems: [] } },
  });
});

describe.each([
  ['another business owner', async () => (await createUser(server, 'BUSINESS_OWNER', 'rival')).token],
  ['an anonymous caller', async () => undefined],
  ['a partner without a grant', async () => (await createUser(server, 'PARTNER', 'partner')).token],
])('as %s', (_who, tokenFor) => {
  let token: string | undefined;
  beforeAll(async () => {
    token = await tokenFor();
  });

  for (const root of Object.keys(probes)) {
    for (const [field, probe] of Object.entries(probes[root]!)) {
      it(`reaches nothing through ${root}.${field}`, async () => {
        expect(await probe(token)).toEqual(expectedOutcome[field] ?? 'refused');
      });
    }
  }

  it('left the owner’s campaign unchanged', async () => {
    const { campaign } = await server
      .client(owner.token)
      .request<{ campaign: { name: string; status: string; budget: { total: { amountCents: number } } } }>(
        `query($id: ID!) { campaign(id: $id) { name status budget { total { amountCents } } } }`,
        idArg(),
      );
    expect(campaign).toEqual({ name: 'Private campaign', status: 'ACTIVE', budget: { total: { amountCents: 50_000 } } });
  });
});

describe('a partner with a grant', () => {
  it('reads the granted business and its campaigns, and changes nothing', async () => {
    const admin = server.client(server.adminToken);
    const partner = await admin.request<{ createUser: { data: { tokenId: string; token: string } } }>(
      `mutation { createUser(input: { email: "partner-granted@example.test", name: "Agency", role: PARTNER }) { ... on MutationCreateUserSuccess { data { tokenId token } } } }`,
    );
    const { tokenId, token } = partner.createUser.data;
    const granted = await admin.request<{ grantPartnerAccess: { __typename: string } }>(
      `mutation($t: ID!, $b: ID!) { grantPartnerAccess(tokenId: $t, businessId: $b) { __typename } }`,
      { t: tokenId, b: businessId },
    );
    expect(granted.grantPartnerAccess.__typename).toBe('MutationGrantPartnerAccessSuccess');
    expect(await probes.Query!.campaign!(token)).toEqual({ name: 'Private campaign' });
    expect(await probes.Query!.business!(token)).toEqual({ name: 'Private Bakery' });
    for (const field of ['updateCampaign', 'pauseCampaign', 'setCampaignBudget', 'recordSpend', 'recordEvents'] as const) {
      expect(await probes.Mutation![field]!(token)).toBe('refused');
    }
    const other = await createBusiness(server, (await createUser(server, 'BUSINESS_OWNER', 'third')).token, { name: 'Not granted' });
    expect((await gql(token, `query($id: ID!) { business(id: $id) { name } }`, { id: other })).business).toBeNull();

    await admin.request(`mutation($t: ID!, $b: ID!) { revokePartnerAccess(tokenId: $t, businessId: $b) { __typename } }`, { t: tokenId, b: businessId });
    expect(await probes.Query!.campaign!(token)).toBe('nothing');
  });
});
