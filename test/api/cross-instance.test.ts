import { print } from 'graphql';
import { CampaignStatsDocument, type CampaignStatsSubscription, RecordEventsDocument } from '../generated/graphql';
import { describeIf, hasPostgres } from '../support/conditional';
import { collect, createActiveCampaign, createBusiness, createUser, hasRedis, startServer, type TestServer } from '../support/server';

// Two servers behind one load balancer: they share one PostgreSQL database and one Redis, and a
// change made through either reaches subscribers on both. Embedded PGlite cannot be shared between
// servers, so this needs DATABASE_URL as well as REDIS_URL (CI sets both); the embedded, in-memory
// mode is covered by every other test file run without them.

type Stats = CampaignStatsSubscription['campaignStats'];

const impression = (id: string, campaignId: string) => ({ id, campaignId, type: 'IMPRESSION' as const, occurredAt: new Date().toISOString() });
const click = (id: string, campaignId: string) => ({ ...impression(id, campaignId), type: 'CLICK' as const });

/** Waits until `condition` holds, checking every few milliseconds. */
async function eventually(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describeIf(hasRedis && hasPostgres)('live stats across server instances', () => {
  let serverA: TestServer;
  let serverB: TestServer;
  let owner: { id: string; token: string };
  let campaignId: string;

  beforeAll(async () => {
    serverA = await startServer({ redis: true });
    serverB = await startServer({ databaseUrl: serverA.databaseUrl, redis: true });
    owner = await createUser(serverA, 'BUSINESS_OWNER', 'owner');
    campaignId = await createActiveCampaign(serverA, owner.token, await createBusiness(serverA, owner.token));
  });

  afterAll(async () => {
    // B first: A owns the database and drops it.
    await serverB?.close();
    await serverA?.close();
  });

  const subscribe = (server: TestServer, until: (messages: CampaignStatsSubscription[]) => boolean) =>
    collect<CampaignStatsSubscription>(server.ws(owner.token), { query: print(CampaignStatsDocument), variables: { campaignId } }, until);

  it('a subscriber on server B receives the counters of events recorded through server A', async () => {
    const live = subscribe(serverB, (messages) => messages.some((message) => message.campaignStats.sequence === 2));
    await live.ready;
    const stats = (): Stats[] => live.messages.map((message) => message.campaignStats);
    expect(stats()).toEqual([{ campaignId, sequence: 0, impressions: 0, clicks: 0, ctr: null, snapshot: true }]);

    const throughA = serverA.client(owner.token);
    const first = await throughA.request(RecordEventsDocument, {
      events: [impression('a-1', campaignId), impression('a-2', campaignId), click('a-3', campaignId)],
    });
    expect(first.recordEvents).toMatchObject({ data: { accepted: 3, duplicates: 0 } });
    await eventually(() => stats().some((message) => message.sequence === 1), 'the first update on server B');

    // A replayed id counts nothing; the new click does.
    const second = await throughA.request(RecordEventsDocument, { events: [click('a-3', campaignId), click('a-4', campaignId)] });
    expect(second.recordEvents).toMatchObject({ data: { accepted: 1, duplicates: 1 } });
    await live.done;

    expect(stats()).toEqual([
      { campaignId, sequence: 0, impressions: 0, clicks: 0, ctr: null, snapshot: true },
      { campaignId, sequence: 1, impressions: 2, clicks: 1, ctr: 0.5, snapshot: false },
      { campaignId, sequence: 2, impressions: 2, clicks: 2, ctr: 1, snapshot: false },
    ]);
  });

  it('subscribers on both servers receive an update recorded through either', async () => {
    const onA = subscribe(serverA, (messages) => messages.some((message) => message.campaignStats.sequence === 3));
    const onB = subscribe(serverB, (messages) => messages.some((message) => message.campaignStats.sequence === 3));
    await Promise.all([onA.ready, onB.ready]);

    const recorded = await serverB
      .client(owner.token)
      .request(RecordEventsDocument, { events: [impression('b-1', campaignId), impression('b-2', campaignId)] });
    expect(recorded.recordEvents).toMatchObject({ data: { accepted: 2 } });

    const expected = { campaignId, sequence: 3, impressions: 4, clicks: 2, ctr: 0.5, snapshot: false };
    expect((await onA.done).at(-1)?.campaignStats).toEqual(expected);
    expect((await onB.done).at(-1)?.campaignStats).toEqual(expected);
  });
});
