import { randomUUID } from 'node:crypto';
import { describeIf, hasPostgres } from '../support/conditional';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { freePort, killAllServerProcesses, ServerProcess } from '../support/process';

/**
 * A server killed with SIGKILL in the middle of recording a batch, and a client that retries until
 * a restarted server answers: every event ends up counted, and billed, exactly once. Runs on
 * PostgreSQL (a killed embedded database is not a deployment anyone runs).
 */
const ADMIN = `cg_crash_admin_${randomUUID()}`;
let database: TestDatabase;

beforeAll(async () => {
  if (hasPostgres) database = await createTestDatabase();
});

afterAll(async () => {
  killAllServerProcesses();
  await database?.drop();
});

async function gql<T>(origin: string, token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (!body.data) throw new Error(JSON.stringify(body));
  return body.data;
}

describeIf(hasPostgres)('a server killed mid-batch', () => {
  it('ends with every event of a retrying client counted and billed exactly once', async () => {
    const serverPort = await freePort();
    const env = { DATABASE_URL: database.url!, BOOTSTRAP_ADMIN_TOKEN: ADMIN, DEMO_DATA: 'false', LOG_LEVEL: 'silent' };
    let server = new ServerProcess(serverPort, env);
    await server.ready();
    const origin = server.origin;

    const { createUser } = await gql<{ createUser: { data: { token: string } } }>(
      origin,
      ADMIN,
      `mutation { createUser(input: { email: "crash@example.test", name: "Crash", role: BUSINESS_OWNER }) { ... on MutationCreateUserSuccess { data { token } } } }`,
    );
    const owner = createUser.data.token;
    const { createBusiness } = await gql<{ createBusiness: { data: { id: string } } }>(
      origin,
      owner,
      `mutation { createBusiness(input: { name: "Crash Café", city: "Oslo", currency: "NOK", timezone: "Europe/Oslo" }) { ... on MutationCreateBusinessSuccess { data { id } } } }`,
    );
    const { createCampaign } = await gql<{ createCampaign: { data: { id: string } } }>(
      origin,
      owner,
      `mutation($b: ID!, $start: DateTime!) { createCampaign(input: { businessId: $b, name: "Crashy", objective: AWARENESS, kind: AD, channels: [IN_APP_AD], startsAt: $start, pricing: { cpmCents: 1000 } }) { ... on MutationCreateCampaignSuccess { data { id } } } }`,
      { b: createBusiness.data.id, start: new Date(Date.now() - 60_000).toISOString() },
    );
    const campaignId = createCampaign.data.id;
    await gql(origin, owner, `mutation($id: ID!) { setCampaignBudget(campaignId: $id, input: { totalCents: 100000000, currency: "NOK" }) { __typename } }`, {
      id: campaignId,
    });
    await gql(origin, owner, `mutation($id: ID!) { submitCampaign(id: $id) { __typename } }`, { id: campaignId });
    await gql(origin, ADMIN, `mutation($id: ID!) { approveCampaign(id: $id) { __typename } }`, { id: campaignId });

    const batches = Array.from({ length: 12 }, (_, b) =>
      Array.from({ length: 500 }, (_, i) => ({ id: `crash-${b}-${i}`, campaignId, type: 'IMPRESSION', occurredAt: new Date().toISOString() })),
    );
    const record = (events: unknown[]) =>
      gql<{ recordEvents: { data: { accepted: number; duplicates: number } } }>(
        origin,
        owner,
        `mutation($events: [EventInput!]!) { recordEvents(events: $events) { ... on MutationRecordEventsSuccess { data { accepted duplicates } } } }`,
        { events },
      );

    let retries = 0;
    let crashed = false;
    for (const [index, batch] of batches.entries()) {
      for (;;) {
        const attempt = record(batch);
        if (index === 5 && !crashed) {
          // Kill the server while it is handling this batch; the client sees a dropped connection.
          crashed = true;
          await new Promise((resolve) => setTimeout(resolve, 15));
          await server.crash();
          server = new ServerProcess(serverPort, env);
        }
        try {
          await attempt;
          break;
        } catch {
          retries += 1;
          await server.ready();
        }
      }
    }
    expect(retries).toBeGreaterThanOrEqual(1);

    const { campaign } = await gql<{ campaign: { stats: { impressions: number; spendCents: number; sequence: number } } }>(
      origin,
      owner,
      `query($id: ID!) { campaign(id: $id) { stats { impressions spendCents sequence } } }`,
      { id: campaignId },
    );
    // 6,000 impressions at 1,000 cents per thousand: 6,000 cents, charged once.
    expect(campaign.stats).toMatchObject({ impressions: 6_000, spendCents: 6_000 });
    expect(await server.stop()).toEqual({ code: 0, signal: null });
  }, 120_000);
});
