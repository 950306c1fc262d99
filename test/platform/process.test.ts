import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { DEMO_OWNER_TOKEN } from '../../src/demo/seed';
import { hasPostgres } from '../support/conditional';
import { createTestDatabase, type TestDatabase } from '../support/database';
import {
  ROOT,
  SERVER_NODE_FLAGS,
  STARTUP_TIMEOUT_MS,
  ServerProcess,
  freePort,
  killAllServerProcesses,
  startServerProcess,
  withTimeout,
} from '../support/process';

// The real server process, as `npm start` runs it, reached only over HTTP and WebSocket.

afterAll(killAllServerProcesses);

async function asDemoOwner<T>(server: ServerProcess, query: string): Promise<T> {
  const response = await fetch(`${server.origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_OWNER_TOKEN}` },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (!body.data || body.errors) throw new Error(`GraphQL request failed: ${JSON.stringify(body)}`);
  return body.data;
}

const CAMPAIGN_COUNT = '{ campaigns(first: 5) { totalCount edges { node { id } } } }';
type CampaignCount = { campaigns: { totalCount: number; edges: { node: { id: string } }[] } };

describe('starting', () => {
  it('runs with the same Node flags from npm, the Dockerfile and the tests', async () => {
    const packageJson = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    for (const script of ['start', 'start:dist']) expect(packageJson.scripts[script]).toMatch(/^node \$npm_package_config_serverNodeFlags /);
    const command = /^CMD (\[.*\])$/m.exec(await readFile(join(ROOT, 'Dockerfile'), 'utf8'))![1]!;
    expect(JSON.parse(command)).toEqual(['node', ...SERVER_NODE_FLAGS, 'dist/src/main.js']);
    expect(SERVER_NODE_FLAGS).toContain('--max-semi-space-size=32');
  });
});

describe('bad configuration', () => {
  // Embedded mode in memory without demo data, so the only problem is the one each case introduces.
  const cases: [string, Record<string, string>, string][] = [
    ['an unreachable DATABASE_URL', { DATABASE_URL: 'postgresql://nobody:hunter2@127.0.0.1:1/x' }, 'DATABASE_URL'],
    ['a malformed DATABASE_URL', { DATABASE_URL: 'mysql://nobody:hunter2@127.0.0.1/x' }, 'DATABASE_URL'],
    ['an unreachable REDIS_URL', { REDIS_URL: 'redis://:hunter2@127.0.0.1:1' }, 'REDIS_URL'],
    ['a malformed REDIS_URL', { REDIS_URL: '127.0.0.1:6379' }, 'REDIS_URL'],
    ['a malformed PORT', { PORT: 'http' }, 'PORT'],
  ];

  it.each(cases)(
    '%s ends the process with one line on stderr that names it',
    async (_, env, variable) => {
      const started = Date.now();
      const server = new ServerProcess(await freePort(), { DATA_DIR: 'memory://', DEMO_DATA: 'false', ...env });
      const { code } = await server.exit();
      expect(code).not.toBe(0);
      expect(code).not.toBeNull();
      const lines = server.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`^campaign-graph: .*${variable}`));
      expect(server.stderr).not.toMatch(/^\s+at /m);
      expect(server.stderr).not.toContain('hunter2');
      // A few seconds, most of them Node and tsx starting, even on a busy CI machine.
      expect(Date.now() - started).toBeLessThan(10_000);
    },
    30_000,
  );

  it('a PORT already in use ends the process with one line that names it', async () => {
    const squatter: Server = createServer();
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    const { port } = squatter.address() as AddressInfo;
    try {
      // The port is found taken only when the server listens, after opening and migrating its database.
      const server = new ServerProcess(port, { DATA_DIR: 'memory://', DEMO_DATA: 'false' });
      expect((await withTimeout(server.exited, STARTUP_TIMEOUT_MS, 'server exit')).code).toBe(1);
      expect(server.stderr.trimEnd().split('\n')).toEqual([`campaign-graph: PORT ${port} is already in use on HOST 127.0.0.1`]);
    } finally {
      await new Promise<void>((resolve) => squatter.close(() => resolve()));
    }
  }, 60_000);
});

describe('embedded mode (no DATABASE_URL, no REDIS_URL)', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'cg-data-'));
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('serves the demo data, answers health checks, stops cleanly, and keeps its data for the next start', async () => {
    const first = await startServerProcess({ DATA_DIR: dataDir });
    // Ready means the demo data is there too.
    const { campaigns } = await asDemoOwner<CampaignCount>(first, CAMPAIGN_COUNT);
    expect(campaigns.totalCount).toBeGreaterThan(0);
    await first.output('Demo data loaded');
    expect((await fetch(`${first.origin}/healthz`)).status).toBe(200);
    const readiness = await fetch(`${first.origin}/readyz`);
    expect(readiness.status).toBe(200);
    expect(await readiness.json()).toEqual({ ready: true, database: 'ok', pubsub: 'in-memory' });
    expect(await first.stop()).toEqual({ code: 0, signal: null });

    const second = await startServerProcess({ DATA_DIR: dataDir });
    expect((await asDemoOwner<CampaignCount>(second, CAMPAIGN_COUNT)).campaigns.totalCount).toBe(campaigns.totalCount);
    await second.output('Demo data already present');
    expect(await second.stop()).toEqual({ code: 0, signal: null });
  }, 120_000);
});

/** A POST whose body is held back: the server has started handling it, and waits for the rest. */
function heldRequest(origin: string, query: string): { accepted: Promise<void>; finish(): Promise<{ status: number; body: string }> } {
  const body = JSON.stringify({ query });
  const request = httpRequest(`${origin}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      authorization: `Bearer ${DEMO_OWNER_TOKEN}`,
      // Node's server answers 100 Continue right before it hands the request to the app.
      expect: '100-continue',
    },
  });
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    request.on('error', reject);
    request.on('response', (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => {
        text += chunk.toString();
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      res.on('error', reject);
    });
  });
  const accepted = new Promise<void>((resolve, reject) => {
    request.on('continue', resolve);
    request.on('error', reject);
  });
  request.flushHeaders();
  return {
    accepted,
    finish() {
      request.end(body);
      return response;
    },
  };
}

describe('graceful shutdown', () => {
  let database: TestDatabase | undefined;
  let server: ServerProcess | undefined;
  let ws: Client | undefined;

  afterAll(async () => {
    await ws?.dispose();
    if (server) server.child.kill('SIGKILL');
    await database?.drop();
  });

  it('on SIGTERM finishes the request in flight, ends subscriptions, refuses new connections, and exits 0', async () => {
    // On PostgreSQL and Redis when they are configured, so closing those is part of what is tested.
    database = hasPostgres ? await createTestDatabase() : undefined;
    const env: Record<string, string> = database?.url
      ? { DATABASE_URL: database.url, DEMO_DATA: 'true', ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}) }
      : { DATA_DIR: 'memory://' };
    server = await startServerProcess({ ...env, SHUTDOWN_GRACE_MS: '20000' });
    const { campaigns } = await asDemoOwner<CampaignCount>(server, CAMPAIGN_COUNT);
    const campaignId = campaigns.edges[0]?.node.id;
    if (!campaignId) throw new Error('the demo data has no campaign');
    const subscription = `subscription { campaignStats(campaignId: "${campaignId}") { impressions } }`;

    // A WebSocket subscription, past its first message.
    let wsClosed: (code: number) => void = () => undefined;
    const wsClose = new Promise<number>((resolve) => {
      wsClosed = resolve;
    });
    ws = createClient({
      url: `ws://127.0.0.1:${server.port}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${DEMO_OWNER_TOKEN}` },
      retryAttempts: 0,
      on: { closed: (event) => wsClosed((event as { code: number }).code) },
    });
    const wsSnapshot = new Promise<void>((resolve, reject) => {
      ws!.subscribe({ query: subscription }, { next: () => resolve(), error: () => undefined, complete: () => undefined });
      setTimeout(() => reject(new Error('no snapshot over WebSocket')), 10_000).unref();
    });
    await wsSnapshot;

    // An SSE subscription, past its first event.
    const sse = await fetch(`${server.origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${DEMO_OWNER_TOKEN}` },
      body: JSON.stringify({ query: subscription }),
    });
    const events = sse.body!.getReader();
    let received = '';
    while (!received.includes('event: next')) {
      const { done, value } = await events.read();
      if (done) throw new Error(`the SSE stream ended before its first event: ${received}`);
      received += new TextDecoder().decode(value);
    }
    const sseEnded = (async () => {
      try {
        while (!(await events.read()).done);
      } catch {
        // Cut off rather than ended: either way the stream is over and the client reconnects elsewhere.
      }
    })();

    // An HTTP request the server has started on but cannot finish until its body arrives.
    const inFlight = heldRequest(server.origin, CAMPAIGN_COUNT);
    await inFlight.accepted;

    server.child.kill('SIGTERM');
    await withTimeout(sseEnded, 5_000, 'ending the SSE subscription');
    await expect(fetch(`${server.origin}/healthz`)).rejects.toThrow();
    expect(server.child.exitCode).toBeNull();

    const response = await inFlight.finish();
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ data: { campaigns: { totalCount: campaigns.totalCount, edges: campaigns.edges } } });
    expect(await withTimeout(wsClose, 5_000, 'closing the WebSocket')).toBe(1001);
    expect(await server.exit()).toEqual({ code: 0, signal: null });
  }, 120_000);
});
