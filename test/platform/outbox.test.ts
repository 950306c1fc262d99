import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../../src/platform/db';
import { JobRunner, PermanentJobError } from '../../src/platform/jobs/runner';
import { createLogger } from '../../src/platform/logger';
import { migrate } from '../../src/platform/migrate';
import { hasPostgres } from '../support/conditional';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { freePort, killAllServerProcesses, ServerProcess } from '../support/process';

/**
 * The outbox on the database of this run (PostgreSQL with DATABASE_URL, embedded PGlite without):
 * a job exists exactly when the transaction that wrote it committed, failures retry with growing
 * delays into a dead state an admin can retry, and a job whose server is killed mid-run is taken
 * over and completed once.
 */
let database: TestDatabase;
let db: Database;
const runners: JobRunner[] = [];
const logger = createLogger('silent');

beforeAll(async () => {
  database = await createTestDatabase();
  db = await openDatabase({ databaseUrl: database.url, dataDir: 'memory://' });
  await migrate(db);
});

afterAll(async () => {
  killAllServerProcesses();
  await Promise.all(runners.map((runner) => runner.stop(1_000)));
  await db.close();
  await database.drop();
});

function newRunner(pollMs = 20): JobRunner {
  const runner = new JobRunner(db, { logger, pollMs });
  runners.push(runner);
  return runner;
}

interface JobRow {
  state: string;
  attempts: number;
  last_error: string | null;
}

const jobOf = async (id: string) =>
  (await db.transaction((sql) => sql.query<JobRow>('SELECT state::text AS state, attempts, last_error FROM jobs WHERE id = $1::uuid', [id])))[0];
const jobsOfKind = async (kind: string) => db.transaction((sql) => sql.query<{ id: string }>('SELECT id::text AS id FROM jobs WHERE kind = $1', [kind]));
const historyOf = (id: string) =>
  db.transaction((sql) =>
    sql.query<{ attempt: number; outcome: string; server_id: string; error: string | null; started_at: Date }>(
      'SELECT attempt, outcome::text AS outcome, server_id, error, started_at FROM job_attempts WHERE job_id = $1::uuid ORDER BY attempt, finished_at',
      [id],
    ),
  );

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('writing a job', () => {
  it('exists when its transaction commits and not when it rolls back, on the driver session and in a Prisma transaction', async () => {
    const runner = newRunner();
    runner.define({ kind: 'test.written', run: async () => undefined });
    await db.transaction(async (sql) => {
      await sql.query(`INSERT INTO users (email, name, role) VALUES ('committed@example.test', 'Kept', 'BUSINESS_OWNER')`);
      await runner.enqueue(sql, { kind: 'test.written', payload: { email: 'committed@example.test' }, createdBy: 'system:test' });
    });
    await expect(
      db.transaction(async (sql) => {
        await sql.query(`INSERT INTO users (email, name, role) VALUES ('rolled-back@example.test', 'Gone', 'BUSINESS_OWNER')`);
        await runner.enqueue(sql, { kind: 'test.written', payload: { email: 'rolled-back@example.test' }, createdBy: 'system:test' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await expect(
      db.prisma.$transaction(async (tx) => {
        await tx.user.create({ data: { email: 'prisma-rolled-back@example.test', name: 'Gone too', role: 'BUSINESS_OWNER' } });
        await runner.enqueue(tx, { kind: 'test.written', payload: { email: 'prisma-rolled-back@example.test' }, createdBy: 'system:test' });
        throw new Error('the Prisma change failed');
      }),
    ).rejects.toThrow('the Prisma change failed');
    await db.prisma.$transaction(async (tx) => {
      await tx.user.create({ data: { email: 'prisma-committed@example.test', name: 'Kept too', role: 'BUSINESS_OWNER' } });
      await runner.enqueue(tx, { kind: 'test.written', payload: { email: 'prisma-committed@example.test' }, createdBy: 'system:test' });
    });

    const payloads = await db.prisma.job.findMany({ where: { kind: 'test.written' }, select: { payload: true } });
    expect(payloads.map((job) => (job.payload as { email: string }).email).sort()).toEqual(['committed@example.test', 'prisma-committed@example.test']);
    expect(await db.prisma.user.count({ where: { email: { contains: 'rolled-back' } } })).toBe(0);
  });

  it('is written once per key', async () => {
    const runner = newRunner();
    runner.define({ kind: 'test.keyed', run: async () => undefined });
    const first = await db.transaction((sql) => runner.enqueue(sql, { kind: 'test.keyed', key: 'order-1', createdBy: 'system:test' }));
    const again = await db.transaction((sql) => runner.enqueue(sql, { kind: 'test.keyed', key: 'order-1', createdBy: 'system:test' }));
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    expect(await jobsOfKind('test.keyed')).toHaveLength(1);
  });

  it('refuses a kind no module defined', async () => {
    const runner = newRunner();
    await expect(db.transaction((sql) => runner.enqueue(sql, { kind: 'test.unknown', createdBy: 'system:test' }))).rejects.toThrow('no job kind test.unknown');
  });
});

describe('running jobs', () => {
  it('retries a failing job with growing delays, then marks it dead with its history; an admin retry runs it again', async () => {
    const runner = newRunner();
    let failing = true;
    let runs = 0;
    runner.define({
      kind: 'test.flaky',
      retry: { maxAttempts: 4, initialDelayMs: 100, maxDelayMs: 10_000 },
      run: async () => {
        runs += 1;
        if (failing) throw new Error(`receiver down (run ${runs})`);
      },
    });
    const { id } = await db.transaction((sql) => runner.enqueue(sql, { kind: 'test.flaky', createdBy: 'system:test' }));
    await runner.start();
    await waitFor('the job to be dead', async () => (await jobOf(id))?.state === 'DEAD');

    expect(await jobOf(id)).toEqual({ state: 'DEAD', attempts: 4, last_error: 'receiver down (run 4)' });
    const history = await historyOf(id);
    expect(history.map((attempt) => [attempt.attempt, attempt.outcome, attempt.error])).toEqual([
      [1, 'FAILED', 'receiver down (run 1)'],
      [2, 'FAILED', 'receiver down (run 2)'],
      [3, 'FAILED', 'receiver down (run 3)'],
      [4, 'FAILED', 'receiver down (run 4)'],
    ]);
    const gaps = history.slice(1).map((attempt, index) => attempt.started_at.getTime() - history[index]!.started_at.getTime());
    // Backoff of 100, 200 and 400 ms (plus up to 10% jitter), measured between attempt starts.
    expect(gaps[0]).toBeGreaterThanOrEqual(100);
    expect(gaps[1]).toBeGreaterThanOrEqual(200);
    expect(gaps[2]).toBeGreaterThanOrEqual(400);
    expect(runs).toBe(4);

    failing = false;
    expect(await runner.retryDead(id)).toBe(true);
    await waitFor('the retried job to succeed', async () => (await jobOf(id))?.state === 'SUCCEEDED');
    expect(runs).toBe(5);
    expect(await runner.retryDead(id)).toBe(false);
  });

  it('marks a job dead at once on a permanent failure, calling its dead hook in the same transaction', async () => {
    const runner = newRunner();
    const deadReasons: string[] = [];
    runner.define<{ endpoint: string }>({
      kind: 'test.permanent',
      run: async () => {
        throw new PermanentJobError('131026: message undeliverable');
      },
      onDead: async (payload, sql, error) => {
        await sql.query('SELECT 1');
        deadReasons.push(`${payload.endpoint}: ${error}`);
      },
    });
    const { id } = await db.transaction((sql) => runner.enqueue(sql, { kind: 'test.permanent', payload: { endpoint: 'e-1' }, createdBy: 'system:test' }));
    await runner.start();
    await waitFor('the job to be dead', async () => (await jobOf(id))?.state === 'DEAD');
    expect((await jobOf(id))?.attempts).toBe(1);
    expect(deadReasons).toEqual(['e-1: 131026: message undeliverable']);
  });

  it('runs a recurring job once per interval across runners', async () => {
    let runs = 0;
    const kind = 'test.every';
    const first = newRunner();
    const second = newRunner();
    for (const runner of [first, second]) {
      runner.every(kind, 300, async () => {
        runs += 1;
        await new Promise((resolve) => setTimeout(resolve, 50));
      });
    }
    await first.start();
    await second.start();
    await new Promise((resolve) => setTimeout(resolve, 1_450));
    await first.stop();
    await second.stop();
    // At 0, 300, 600, 900 and 1200 ms: once each, whichever runner leased it.
    expect(runs).toBeGreaterThanOrEqual(4);
    expect(runs).toBeLessThanOrEqual(5);
    expect(await jobsOfKind(kind)).toHaveLength(1);
  });
});

/** A webhook receiver that holds the first delivery open (the worker is killed during it) and accepts the next. */
class Receiver {
  readonly requests: Array<{ body: { jobId: string; attempt: number; server: string }; receivedAt: number; closedAt?: number }> = [];
  private readonly server: Server;
  private held: ServerResponse | undefined;

  constructor() {
    this.server = createServer((req: IncomingMessage, res: ServerResponse) => {
      let text = '';
      req.on('data', (chunk: Buffer) => {
        text += chunk.toString();
      });
      req.on('end', () => {
        const entry = { body: JSON.parse(text) as Receiver['requests'][number]['body'], receivedAt: Date.now() } as Receiver['requests'][number];
        this.requests.push(entry);
        res.on('close', () => {
          entry.closedAt = Date.now();
        });
        if (this.requests.length === 1) this.held = res;
        else res.end('ok');
      });
    });
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  async close(): Promise<void> {
    this.held?.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

async function enqueueDelivery(target: Database, url: string): Promise<string> {
  const writer = new JobRunner(target, { logger });
  writer.define({ kind: 'test.deliver', run: async () => undefined });
  return (await target.transaction((sql) => writer.enqueue(sql, { kind: 'test.deliver', payload: { url }, createdBy: 'system:test' }))).id;
}

const worker = async (env: Record<string, string>) => {
  const process = new ServerProcess(await freePort(), { LEASE_MS: '1000', ...env }, [], 'test/support/job-worker.ts');
  await process.output('ready');
  return process;
};

(hasPostgres ? describe : describe.skip)('a server killed mid-job, on PostgreSQL', () => {
  it('never runs the job on the other server while the first holds it, and the other completes it once after the kill', async () => {
    const receiver = new Receiver();
    try {
      const url = await receiver.listen();
      const first = await worker({ DATABASE_URL: database.url!, SERVER_ID: 'first' });
      const id = await enqueueDelivery(db, url);
      await waitFor('the first delivery', async () => receiver.requests.length === 1);
      const second = await worker({ DATABASE_URL: database.url!, SERVER_ID: 'second' });
      // Three lease lengths while the first server is alive and renewing: the second must not start it.
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      expect(receiver.requests).toHaveLength(1);
      await first.crash();
      await waitFor('the job to succeed', async () => (await jobOf(id))?.state === 'SUCCEEDED');

      expect(receiver.requests.map((request) => [request.body.attempt, request.body.server])).toEqual([
        [1, 'first'],
        [2, 'second'],
      ]);
      expect(receiver.requests[1]!.receivedAt).toBeGreaterThanOrEqual(receiver.requests[0]!.closedAt!);
      expect((await historyOf(id)).map((attempt) => [attempt.attempt, attempt.outcome, attempt.server_id])).toEqual([
        [1, 'LEASE_EXPIRED', 'first'],
        [2, 'SUCCEEDED', 'second'],
      ]);
      await second.stop();
    } finally {
      await receiver.close();
    }
  });
});

(hasPostgres ? describe.skip : describe)('a server killed mid-job, on embedded PGlite', () => {
  it('finds the job after a restart on the same data directory and completes it once', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'cg-outbox-'));
    const receiver = new Receiver();
    try {
      const url = await receiver.listen();
      // The embedded database belongs to one process at a time: the job is written before the worker opens it.
      const before = await openDatabase({ databaseUrl: undefined, dataDir });
      await migrate(before);
      const id = await enqueueDelivery(before, url);
      await before.close();
      const running = await worker({ DATA_DIR: dataDir, SERVER_ID: 'first' });
      await waitFor('the first delivery', async () => receiver.requests.length === 1);
      await running.crash();

      const restarted = await openDatabase({ databaseUrl: undefined, dataDir });
      const runner = new JobRunner(restarted, { logger, pollMs: 20, serverId: 'restarted' });
      runner.define<{ url: string }>({
        kind: 'test.deliver',
        leaseMs: 1_000,
        run: async (payload, job) => {
          const response = await fetch(payload.url, { method: 'POST', body: JSON.stringify({ jobId: job.id, attempt: job.attempt, server: runner.serverId }) });
          if (!response.ok) throw new Error(`receiver answered ${response.status}`);
        },
      });
      await runner.start();
      const state = async () =>
        (await restarted.transaction((sql) => sql.query<{ state: string }>('SELECT state::text AS state FROM jobs WHERE id = $1::uuid', [id])))[0]?.state;
      await waitFor('the job to succeed after the restart', async () => (await state()) === 'SUCCEEDED');
      await runner.stop();
      const history = await restarted.transaction((sql) =>
        sql.query<{ attempt: number; outcome: string; server_id: string }>(
          'SELECT attempt, outcome::text AS outcome, server_id FROM job_attempts WHERE job_id = $1::uuid ORDER BY attempt',
          [id],
        ),
      );
      await restarted.close();
      expect(history.map((attempt) => [attempt.attempt, attempt.outcome, attempt.server_id])).toEqual([
        [1, 'LEASE_EXPIRED', 'first'],
        [2, 'SUCCEEDED', 'restarted'],
      ]);
      expect(receiver.requests.map((request) => request.body.attempt)).toEqual([1, 2]);
    } finally {
      await receiver.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
