import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Prisma } from '../../generated/prisma/client';
import { sqlSessionOf, type Database, type SqlSession } from '../db';
import type { Logger } from '../logger';
import { CLAIM_JOBS, DELETE_FINISHED, FAIL_JOB, INSERT_JOB, RENEW_LEASE, RETRY_DEAD_JOB, SUCCEED_JOB, UPSERT_RECURRING } from './sql';

/** How a failing job is tried again: exponential backoff from `initialDelayMs`, capped at `maxDelayMs`. */
export interface RetryPolicy {
  /** Attempts in all, the first included; the job is dead after the last one fails. */
  maxAttempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
  /** No retry starts later than this after the job was written (e.g. 24 hours for webhooks). */
  giveUpAfterMs?: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 8, initialDelayMs: 1_000, maxDelayMs: 15 * 60_000 };

/** What a handler learns about the run it is in. */
export interface JobRun {
  id: string;
  kind: string;
  key: string | null;
  /** 1 for the first attempt. */
  attempt: number;
  /** Aborted when this server lost the lease (another may take the job over) or is shutting down. */
  signal: AbortSignal;
}

export interface JobDefinition<Payload = unknown> {
  kind: string;
  /** Does the work. Throwing retries (with backoff) or, after the last attempt, makes the job dead. */
  run(payload: Payload, run: JobRun): Promise<void>;
  retry?: Partial<RetryPolicy>;
  /** How long a server holds a job without renewing; it renews every third of this while it runs. */
  leaseMs?: number;
  /** Called in the transaction that marks the job dead, e.g. to disable a webhook endpoint with the reason. */
  onDead?(payload: Payload, sql: SqlSession, error: string): Promise<void>;
}

/** Thrown by a handler for a failure that retrying cannot fix: the job is dead at once. */
export class PermanentJobError extends Error {}

export interface EnqueueRequest {
  kind: string;
  payload?: Prisma.InputJsonValue;
  /** One job per (kind, key): enqueueing the same key again returns the existing job. */
  key?: string;
  /** Not before this instant; now by default. */
  runAt?: Date;
  /** Who caused it: a user id or `system:<reason>` (see Access.actorLabel). */
  createdBy: string;
}

export interface EnqueuedJob {
  id: string;
  /** False when a job of this kind and key existed already. */
  created: boolean;
}

/** A transaction to write a job in: the driver-level session or a Prisma interactive transaction. */
export type JobSession = SqlSession | Prisma.TransactionClient;

export interface JobRunnerOptions {
  logger: Logger;
  /** How often an idle server looks for due jobs. */
  pollMs?: number;
  /** Jobs this server runs at once. */
  concurrency?: number;
  /** Names this server in leases and in the attempt history. */
  serverId?: string;
  /** Finished one-off jobs are deleted this long after they finished. */
  retentionMs?: number;
}

interface ClaimedJob {
  id: string;
  kind: string;
  key: string | null;
  payload: unknown;
  attempts: number;
  max_attempts: number;
  every_ms: number | null;
  lease_token: string;
  started_at: Date | string;
  created_at: Date | string;
  give_up_at: Date | string | null;
}

const DEFAULT_LEASE_MS = 30_000;
const CLEANUP_KIND = 'jobs.cleanup';

const isSqlSession = (session: JobSession): session is SqlSession => typeof (session as SqlSession).query === 'function' && !('$queryRawUnsafe' in session);
const toDate = (value: Date | string) => (value instanceof Date ? value : new Date(value));

/** Delay before attempt `attempt + 1`: doubling from the initial delay, capped, with up to 10% jitter so retries spread out. */
export function backoffMs(policy: RetryPolicy, attempt: number): number {
  const base = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** (attempt - 1));
  return Math.round(base * (1 + Math.random() * 0.1));
}

/**
 * The durable outbox and job runner, on the application's own PostgreSQL (or embedded PGlite).
 * Modules define job kinds; a job is written with `enqueue` inside the transaction of the change
 * that causes it, so it exists exactly when the change committed. Every server runs a runner: it
 * leases due jobs with FOR UPDATE SKIP LOCKED, renews the lease while the handler runs, and records
 * each attempt. A job whose server died is taken over once its lease runs out; a server that lost
 * its lease can no longer finish the job (every update checks the lease token), so a job never
 * runs to completion twice and never runs on two servers at once while its server is alive.
 */
export class JobRunner {
  readonly serverId: string;
  private readonly definitions = new Map<string, JobDefinition<never>>();
  private readonly recurring = new Map<string, number>();
  private readonly active = new Map<string, AbortController>();
  private readonly pollMs: number;
  private readonly concurrency: number;
  private readonly retentionMs: number;
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  constructor(
    private readonly db: Database,
    private readonly options: JobRunnerOptions,
  ) {
    this.serverId = options.serverId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.pollMs = options.pollMs ?? 500;
    this.concurrency = options.concurrency ?? 4;
    this.retentionMs = options.retentionMs ?? 7 * 86_400_000;
  }

  /** Registers the handler of one job kind. A server runs only the kinds it has handlers for. */
  define<Payload>(definition: JobDefinition<Payload>): void {
    if (this.definitions.has(definition.kind)) throw new Error(`job kind ${definition.kind} is defined twice`);
    this.definitions.set(definition.kind, definition as JobDefinition<never>);
  }

  /**
   * A periodic job: one row for the kind, run every `everyMs` by whichever server leases it, so
   * once per interval across all servers. A failed run is logged in its history and run again at
   * the next interval.
   */
  every(kind: string, everyMs: number, run: (job: JobRun) => Promise<unknown>, leaseMs?: number): void {
    this.define({ kind, leaseMs, run: async (_payload, job) => void (await run(job)) });
    this.recurring.set(kind, everyMs);
  }

  kinds(): string[] {
    return [...this.definitions.keys()];
  }

  /** Writes a job in the caller's transaction: it exists if and only if that transaction commits. */
  async enqueue(session: JobSession, request: EnqueueRequest): Promise<EnqueuedJob> {
    const definition = this.definitions.get(request.kind);
    if (!definition) throw new Error(`no job kind ${request.kind} is defined`);
    const policy = { ...DEFAULT_RETRY, ...definition.retry };
    const sql = isSqlSession(session) ? session : sqlSessionOf(session);
    const [row] = await sql.query<{ id: string; created: boolean }>(INSERT_JOB, [
      request.kind,
      request.key ?? null,
      JSON.stringify(request.payload ?? {}),
      request.runAt?.toISOString() ?? null,
      policy.maxAttempts,
      policy.giveUpAfterMs ?? null,
      request.createdBy,
    ]);
    return { id: row!.id, created: row!.created };
  }

  /** A dead job gets a fresh set of attempts, due now; false when the job is not dead. */
  async retryDead(jobId: string): Promise<boolean> {
    const rows = await this.db.transaction((sql) => sql.query<{ id: string }>(RETRY_DEAD_JOB, [jobId]));
    if (rows.length > 0) this.wake?.();
    return rows.length > 0;
  }

  /** Starts polling. Recurring jobs are written (or updated) first. */
  async start(): Promise<void> {
    if (this.running) return;
    if (!this.definitions.has(CLEANUP_KIND)) {
      this.every(CLEANUP_KIND, 3_600_000, () => this.db.transaction((sql) => sql.query(DELETE_FINISHED, [this.retentionMs])));
    }
    await this.db.transaction(async (sql) => {
      for (const [kind, everyMs] of this.recurring) await sql.query(UPSERT_RECURRING, [kind, everyMs, 'system:schedule']);
    });
    this.running = true;
    this.loop = this.pollLoop();
  }

  /**
   * Stops claiming, asks running handlers to stop (their signal aborts) and waits up to `graceMs`
   * for them. A handler still running after that keeps its lease until it expires; then another
   * server retries the job.
   */
  async stop(graceMs = 10_000): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.wake?.();
    await this.loop;
    const remaining = [...this.active.values()];
    for (const controller of remaining) controller.abort(new Error('server shutting down'));
    const deadline = Date.now() + graceMs;
    while (this.active.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  }

  /** Claims and starts what is due now, up to the free slots; resolves once they are started. */
  async poll(): Promise<number> {
    const free = this.concurrency - this.active.size;
    const kinds = this.kinds();
    if (free <= 0 || kinds.length === 0) return 0;
    const leases = kinds.map((kind) => this.definitions.get(kind)!.leaseMs ?? DEFAULT_LEASE_MS);
    const claimed = await this.db.transaction((sql) => sql.query<ClaimedJob>(CLAIM_JOBS, [kinds, free, this.serverId, leases]));
    for (const job of claimed) {
      const controller = new AbortController();
      this.active.set(job.id, controller);
      void this.execute(job, controller).finally(() => {
        this.active.delete(job.id);
        this.wake?.();
      });
    }
    return claimed.length;
  }

  private async pollLoop(): Promise<void> {
    const interval = Math.min(this.pollMs, ...this.recurring.values());
    while (this.running) {
      let claimed = 0;
      try {
        claimed = await this.poll();
      } catch (error) {
        this.options.logger.warn({ err: error }, 'job runner could not claim jobs');
      }
      // A full claim may have left more due work: look again at once, else wait (or be woken).
      if (claimed > 0 && this.active.size < this.concurrency) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, interval);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }

  private async execute(job: ClaimedJob, controller: AbortController): Promise<void> {
    const definition = this.definitions.get(job.kind)!;
    const leaseMs = definition.leaseMs ?? DEFAULT_LEASE_MS;
    const startedAt = toDate(job.started_at).toISOString();
    const renewal = setInterval(
      () => {
        this.db
          .transaction((sql) => sql.query(RENEW_LEASE, [job.id, job.lease_token, leaseMs]))
          .then((rows) => {
            if (rows.length === 0) controller.abort(new Error('lease lost'));
          })
          .catch((error: unknown) => this.options.logger.warn({ err: error, jobId: job.id }, 'job lease renewal failed'));
      },
      Math.max(10, Math.floor(leaseMs / 3)),
    );
    const logger = this.options.logger.child({ jobId: job.id, kind: job.kind, attempt: job.attempts });
    try {
      await definition.run(job.payload as never, { id: job.id, kind: job.kind, key: job.key, attempt: job.attempts, signal: controller.signal });
      clearInterval(renewal);
      await this.db.transaction((sql) => sql.query(SUCCEED_JOB, [job.id, job.lease_token, this.serverId, job.attempts, startedAt]));
    } catch (error) {
      clearInterval(renewal);
      const message = error instanceof Error ? error.message : String(error);
      const policy = { ...DEFAULT_RETRY, ...definition.retry };
      const delay = backoffMs(policy, job.attempts);
      const giveUpAt = job.give_up_at === null ? null : toDate(job.give_up_at).getTime();
      const dead = error instanceof PermanentJobError || job.attempts >= job.max_attempts || (giveUpAt !== null && Date.now() + delay > giveUpAt);
      try {
        await this.db.transaction(async (sql) => {
          const failed = await sql.query(FAIL_JOB, [job.id, job.lease_token, this.serverId, message.slice(0, 2000), job.attempts, delay, dead, startedAt]);
          if (failed.length > 0 && dead && job.every_ms === null && definition.onDead) await definition.onDead(job.payload as never, sql, message);
        });
      } catch (recordError) {
        // The lease expires and the job is retried: nothing is lost, the attempt may be counted late.
        logger.error({ err: recordError }, 'could not record a failed job attempt');
      }
      if (dead && job.every_ms === null) logger.error({ err: error }, 'job is dead after its last attempt');
      else logger.warn({ err: error, retryInMs: delay }, 'job attempt failed');
    }
  }
}
