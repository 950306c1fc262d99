import { openDatabase } from '../../src/platform/db';
import { JobRunner } from '../../src/platform/jobs/runner';
import { createLogger } from '../../src/platform/logger';
import { migrate } from '../../src/platform/migrate';

/**
 * A process that runs the job runner with one job kind, `test.deliver`, which POSTs the job to the
 * receiver named in its payload: what an outbox delivery does. Tests kill it mid-job (SIGKILL) to
 * show that another runner takes the job over once the lease runs out. Prints `ready` when polling.
 */
async function main(): Promise<void> {
  const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.DATA_DIR ?? 'memory://' });
  await migrate(db);
  const runner = new JobRunner(db, { logger: createLogger('silent'), pollMs: 50, serverId: process.env.SERVER_ID });
  runner.define<{ url: string }>({
    kind: 'test.deliver',
    leaseMs: Number(process.env.LEASE_MS ?? 1_000),
    run: async (payload, job) => {
      const response = await fetch(payload.url, { method: 'POST', body: JSON.stringify({ jobId: job.id, attempt: job.attempt, server: runner.serverId }) });
      if (!response.ok) throw new Error(`receiver answered ${response.status}`);
    },
  });
  await runner.start();
  process.stdout.write('ready\n');
  process.on('SIGTERM', () => {
    void runner
      .stop(1_000)
      .then(() => db.close())
      .then(() => process.exit(0));
  });
}

void main();
