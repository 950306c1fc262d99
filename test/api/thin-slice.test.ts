import { print } from 'graphql';
import {
  BusinessesDocument,
  CampaignDocument,
  CampaignListDocument,
  CampaignNodeDocument,
  CampaignStatsDocument,
  type CampaignStatsSubscription,
  CreateCampaignDocument,
  RecordEventsDocument,
  ViewerDocument,
} from '../generated/graphql';
import { collect, createActiveCampaign, createBusiness, createCampaign, createUser, startServer, statementsOf, type TestServer } from '../support/server';

let server: TestServer;
let owner: { id: string; token: string };
let rival: { id: string; token: string };
let businessId: string;
let campaignId: string;

beforeAll(async () => {
  // No lifecycle sweeps in the background: their SQL would land in the statement counts below.
  server = await startServer({ env: { LIFECYCLE_SWEEP_MS: '0' } });
  owner = await createUser(server, 'BUSINESS_OWNER', 'owner');
  rival = await createUser(server, 'BUSINESS_OWNER', 'rival');
  businessId = await createBusiness(server, owner.token);
  campaignId = await createActiveCampaign(server, owner.token, businessId);
});

afterAll(async () => {
  await server.close();
});

const impression = (id: string, campaign = campaignId) => ({ id, campaignId: campaign, type: 'IMPRESSION' as const, occurredAt: new Date().toISOString() });
const click = (id: string, campaign = campaignId) => ({ ...impression(id, campaign), type: 'CLICK' as const });

describe('identity', () => {
  it('resolves the caller from the bearer token, nobody from no token, and refuses a wrong token', async () => {
    expect((await server.client(owner.token).request(ViewerDocument)).viewer).toMatchObject({ role: 'BUSINESS_OWNER', name: 'owner' });
    expect((await server.client().request(ViewerDocument)).viewer).toBeNull();
    await expect(server.client('cg_not_a_real_token').request(ViewerDocument)).rejects.toThrow(/bearer token is not valid/);
  });
});

describe('campaigns', () => {
  it('reads a campaign by id and as a node, with its business', async () => {
    const { campaign } = await server.client(owner.token).request(CampaignDocument, { id: campaignId });
    expect(campaign).toMatchObject({ id: campaignId, name: 'Spring sale', status: 'ACTIVE', business: { id: businessId } });
    const { node } = await server.client(owner.token).request(CampaignNodeDocument, { id: campaignId });
    expect(node).toMatchObject({ __typename: 'Campaign', id: campaignId });
  });

  it('hides another business owner’s campaigns on every read path', async () => {
    const asRival = server.client(rival.token);
    expect((await asRival.request(CampaignDocument, { id: campaignId })).campaign).toBeNull();
    expect((await asRival.request(CampaignNodeDocument, { id: campaignId })).node).toBeNull();
    expect((await asRival.request(CampaignNodeDocument, { id: businessId })).node).toBeNull();
    expect((await asRival.request(CampaignListDocument, { first: 10 })).campaigns.totalCount).toBe(0);
    expect((await asRival.request(BusinessesDocument)).businesses.totalCount).toBe(0);
    const anonymous = server.client();
    expect((await anonymous.request(CampaignDocument, { id: campaignId })).campaign).toBeNull();
    expect((await anonymous.request(CampaignListDocument, { first: 10 })).campaigns.totalCount).toBe(0);
  });

  it('refuses to create a campaign in another owner’s business, and validates input', async () => {
    const start = new Date().toISOString();
    const plan = { objective: 'AWARENESS' as const, kind: 'AD' as const, channels: ['EMAIL' as const] };
    const foreign = await server.client(rival.token).request(CreateCampaignDocument, { input: { ...plan, businessId, name: 'Hijack', startsAt: start } });
    expect(foreign.createCampaign).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
    const invalid = await server.client(owner.token).request(CreateCampaignDocument, {
      input: { ...plan, businessId, name: '', startsAt: start, endsAt: new Date(Date.now() - 86_400_000).toISOString() },
    });
    expect(invalid.createCampaign).toMatchObject({
      __typename: 'ValidationError',
      issues: expect.arrayContaining([
        { path: ['input', 'name'], message: 'must not be empty' },
        { path: ['input', 'endsAt'], message: 'must be after startsAt' },
      ]),
    });
    expect((await server.client(owner.token).request(CampaignListDocument, { first: 10 })).campaigns.totalCount).toBe(1);
  });

  it('lists 50 campaigns with their business in as many SQL statements as 2', async () => {
    const listBusiness = await createBusiness(server, owner.token, { name: 'Listing Co' });
    for (let i = 0; i < 50; i += 1) await createCampaign(server, owner.token, listBusiness, `Campaign ${i}`);
    const statementsFor = (first: number) =>
      statementsOf(server, owner.token, async () => {
        const { campaigns } = await server.client(owner.token).request(CampaignListDocument, { first, filter: { businessId: listBusiness } });
        expect(campaigns.edges).toHaveLength(first);
        expect(campaigns.edges.every((edge) => edge.node.business.name === 'Listing Co')).toBe(true);
        expect(campaigns.totalCount).toBe(50);
      });
    const forTwo = await statementsFor(2);
    const forFifty = await statementsFor(50);
    expect(forFifty).toBe(forTwo);
    // The page with its businesses joined in, and the total count (the caller's token was just looked up).
    expect(forTwo).toBe(2);
  });

  it('pages through a connection with cursors and caps first at 100', async () => {
    const client = server.client(owner.token);
    const page1 = await client.request(CampaignListDocument, { first: 30 });
    const page2 = await client.request(CampaignListDocument, { first: 30, after: page1.campaigns.pageInfo.endCursor });
    const ids = [...page1.campaigns.edges, ...page2.campaigns.edges].map((edge) => edge.node.id);
    expect(new Set(ids).size).toBe(51);
    await expect(client.request(CampaignListDocument, { first: 101 })).rejects.toThrow('first: must be at most 100');
  });
});

describe('recording events', () => {
  it('counts each event id once, also when a batch is replayed', async () => {
    const client = server.client(owner.token);
    const batch = [impression('e1'), impression('e2'), click('e3'), impression('e2')];
    const first = await client.request(RecordEventsDocument, { events: batch });
    expect(first.recordEvents).toMatchObject({ data: { accepted: 3, duplicates: 1, rejected: 0 } });
    expect(first.recordEvents).toMatchObject({ data: { problems: [{ index: 3, outcome: 'DUPLICATE', reason: 'repeats event 1 of this batch' }] } });
    const replay = await client.request(RecordEventsDocument, { events: batch });
    expect(replay.recordEvents).toMatchObject({ data: { accepted: 0, duplicates: 4, rejected: 0 } });
    expect(replay.recordEvents).toMatchObject({
      data: { problems: [{ index: 0 }, { index: 1 }, { index: 2 }, { index: 3, reason: 'repeats event 1 of this batch' }] },
    });
    const { campaign } = await client.request(CampaignDocument, { id: campaignId });
    expect(campaign?.stats).toEqual({ impressions: 2, clicks: 1, ctr: 0.5, sequence: 1 });
  });

  it('rejects bad events one by one and still records the good ones', async () => {
    const client = server.client(owner.token);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const otherBusiness = await createBusiness(server, rival.token, { name: 'Rival' });
    const rivalCampaign = await createActiveCampaign(server, rival.token, otherBusiness);
    const draft = await createCampaign(server, owner.token, businessId, 'Not launched');
    const { recordEvents } = await client.request(RecordEventsDocument, {
      events: [
        impression('ok-1'),
        { ...impression('later'), occurredAt: future },
        impression('has space'),
        impression('theirs', rivalCampaign),
        impression('draft', draft),
      ],
    });
    if (recordEvents.__typename !== 'MutationRecordEventsSuccess') throw new Error(recordEvents.__typename);
    expect(recordEvents.data.accepted).toBe(1);
    expect(recordEvents.data.outcomes).toEqual(['ACCEPTED', 'REJECTED', 'REJECTED', 'REJECTED', 'REJECTED']);
    expect(recordEvents.data.problems.map((problem) => [problem.index, problem.outcome, problem.reason])).toEqual([
      [1, 'REJECTED', 'occurredAt: is in the future'],
      [2, 'REJECTED', 'id: must be printable ASCII without spaces'],
      [3, 'REJECTED', 'campaignId: campaign not found'],
      [4, 'REJECTED', 'campaignId: campaign is DRAFT; only ACTIVE campaigns take events'],
    ]);
  });

  it('refuses an empty or oversized batch as a whole', async () => {
    const client = server.client(owner.token);
    expect((await client.request(RecordEventsDocument, { events: [] })).recordEvents).toMatchObject({ __typename: 'ValidationError' });
    const tooMany = Array.from({ length: 1001 }, (_, i) => impression(`big-${i}`));
    expect((await client.request(RecordEventsDocument, { events: tooMany })).recordEvents).toMatchObject({ __typename: 'ValidationError' });
    expect((await server.client().request(RecordEventsDocument, { events: [impression('anon')] })).recordEvents).toMatchObject({
      __typename: 'ForbiddenError',
    });
  });
});

describe('live campaign stats', () => {
  it('sends a snapshot first and then every committed batch, over WebSocket', async () => {
    const live = collect<CampaignStatsSubscription>(server.ws(owner.token), { query: print(CampaignStatsDocument), variables: { campaignId } }, (messages) =>
      messages.some((m) => m.campaignStats.impressions >= 5),
    );
    await live.ready;
    const [snapshot] = live.messages;
    expect(snapshot?.campaignStats.snapshot).toBe(true);
    const client = server.client(owner.token);
    await client.request(RecordEventsDocument, { events: [impression('live-1'), impression('live-2')] });
    const messages = await live.done;
    const last = messages.at(-1)!.campaignStats;
    expect(last).toMatchObject({ impressions: 5, snapshot: false, sequence: snapshot!.campaignStats.sequence + 1 });
  });

  it('streams over SSE too', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${owner.token}` },
      body: JSON.stringify({ query: print(CampaignStatsDocument), variables: { campaignId } }),
    });
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = response.body!.getReader();
    // The stream may open with a keep-alive comment (`:`) in a chunk of its own before the first event.
    let received = '';
    while (!/"impressions":\d+/.test(received)) {
      const { value, done } = await reader.read();
      if (done) break;
      received += new TextDecoder().decode(value);
    }
    expect(received).toMatch(/"impressions":\d+/);
    await reader.cancel();
  });

  it('does not let another business owner or an anonymous caller subscribe', async () => {
    for (const token of [rival.token, undefined]) {
      const attempt = collect(server.ws(token), { query: print(CampaignStatsDocument), variables: { campaignId } }, () => true, 5_000);
      await expect(attempt.done).rejects.toThrow(/not found|Sign in/);
    }
  });
});
