import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { print } from 'graphql';
import { CampaignStatsNowDocument, CampaignStatsFullDocument, type CampaignStatsFullSubscription, RecordEventsDocument } from '../generated/graphql';
import { describeIf } from '../support/conditional';
import { freePort } from '../support/process';
import { collect, createActiveCampaign, createBusiness, createUser, startServer, type TestServer } from '../support/server';

/**
 * Redis restarting mid-stream: subscribers resume by themselves and end with exact numbers. The
 * test runs its own redis-server, so restarting it disturbs nothing else on the machine.
 */
const hasRedisServer = spawnSync('redis-server', ['--version']).status === 0;

let redisPort: number;
let redis: ChildProcess | undefined;
let server: TestServer;

async function startRedis(): Promise<void> {
  redis = spawn('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (
      spawnSync('redis-cli', ['-p', String(redisPort), 'ping'])
        .stdout?.toString()
        .trim() === 'PONG'
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('redis-server did not start');
}

async function stopRedis(): Promise<void> {
  const stopped = new Promise((resolve) => redis?.once('exit', resolve));
  redis?.kill('SIGKILL');
  await stopped;
}

describeIf(hasRedisServer)('a Redis restart mid-stream', () => {
  beforeAll(async () => {
    redisPort = await freePort();
    await startRedis();
    server = await startServer({ redis: false, env: { REDIS_URL: `redis://127.0.0.1:${redisPort}`, LIVE_COALESCE_MS: '50' } });
  });

  afterAll(async () => {
    await server?.close();
    redis?.kill('SIGKILL');
  });

  it('is survived: the subscriber resumes and its numbers equal the database', async () => {
    const owner = await createUser(server, 'BUSINESS_OWNER', 'owner');
    const campaignId = await createActiveCampaign(server, owner.token, await createBusiness(server, owner.token));
    const record = (count: number) =>
      server.client(owner.token).request(RecordEventsDocument, {
        events: Array.from({ length: count }, () => ({ id: randomUUID(), campaignId, type: 'IMPRESSION' as const, occurredAt: new Date().toISOString() })),
      });
    const live = collect<CampaignStatsFullSubscription>(
      server.ws(owner.token),
      { query: print(CampaignStatsFullDocument), variables: { campaignId } },
      (messages) => messages.at(-1)?.campaignStats.impressions === 35,
      30_000,
    );
    await live.ready;
    await record(10);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(live.messages.at(-1)?.campaignStats.impressions).toBe(10);

    await stopRedis();
    // Recording does not depend on Redis: PostgreSQL has every event.
    expect((await record(20)).recordEvents).toMatchObject({ data: { accepted: 20 } });
    await startRedis();
    await record(5);

    const messages = await live.done;
    const { campaign } = await server.client(owner.token).request(CampaignStatsNowDocument, { id: campaignId });
    expect(messages.at(-1)?.campaignStats).toMatchObject({ impressions: campaign!.stats.impressions, sequence: campaign!.stats.sequence });
    expect(campaign!.stats.impressions).toBe(35);
  }, 60_000);
});
