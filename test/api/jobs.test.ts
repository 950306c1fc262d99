import { JobRunner } from '../../src/platform/jobs/runner';
import { createLogger } from '../../src/platform/logger';
import { JobsDocument, RetryJobDocument } from '../generated/graphql';
import { createUser, startServer, type TestServer } from '../support/server';

/**
 * Admins see the outbox through GraphQL: jobs by state with their attempts, and a retry for a dead
 * job. A second runner on the server's database (as another server would be) runs a job kind that
 * fails until it is told not to.
 */
let server: TestServer;
let runner: JobRunner;
let failing = true;

beforeAll(async () => {
  server = await startServer({ env: { LIFECYCLE_SWEEP_MS: '200' } });
  runner = new JobRunner(server.app.db, { logger: createLogger('silent'), pollMs: 20, serverId: 'test-runner' });
  runner.define({
    kind: 'test.partner-webhook',
    retry: { maxAttempts: 2, initialDelayMs: 50, maxDelayMs: 50 },
    run: async () => {
      if (failing) throw new Error('receiver answered 500');
    },
  });
  await runner.start();
});

afterAll(async () => {
  await runner.stop();
  await server.close();
});

const admin = () => server.client(server.adminToken);

async function waitForJob(state: 'DEAD' | 'SUCCEEDED') {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const { jobs } = await admin().request(JobsDocument, { state, kind: 'test.partner-webhook' });
    if (jobs.edges.length > 0) return jobs.edges[0]!.node;
    if (Date.now() > deadline) throw new Error(`no ${state} job`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

it('lists the scheduled jobs of the server: the lifecycle sweep recurs', async () => {
  const { jobs } = await admin().request(JobsDocument, { kind: 'campaigns.lifecycle-sweep' });
  expect(jobs.edges.map((edge) => edge.node)).toEqual([
    expect.objectContaining({ kind: 'campaigns.lifecycle-sweep', recurringEveryMs: 200, createdBy: 'system:schedule' }),
  ]);
});

it('shows a dead job with its attempts, and an admin retry runs it to success', async () => {
  await server.app.db.transaction((sql) => runner.enqueue(sql, { kind: 'test.partner-webhook', payload: { endpoint: 'e-1' }, createdBy: 'system:test' }));
  const dead = await waitForJob('DEAD');
  expect(dead).toMatchObject({ attempts: 2, maxAttempts: 2, lastError: 'receiver answered 500' });
  expect(dead.history).toEqual([
    { attempt: 1, outcome: 'FAILED', error: 'receiver answered 500', serverId: 'test-runner' },
    { attempt: 2, outcome: 'FAILED', error: 'receiver answered 500', serverId: 'test-runner' },
  ]);

  const owner = await createUser(server, 'BUSINESS_OWNER', 'job-owner');
  const refused = await server.client(owner.token).request(RetryJobDocument, { id: dead.id });
  expect(refused.retryJob).toMatchObject({ __typename: 'ForbiddenError' });
  const { jobs: hidden } = await server
    .client(owner.token)
    .request(JobsDocument, {})
    .then(
      (data) => data,
      (error: Error) => ({ jobs: error.message.split(':')[0] }),
    );
  expect(hidden).toBe('Only an admin can do this');

  failing = false;
  const retried = await admin().request(RetryJobDocument, { id: dead.id });
  expect(retried.retryJob).toMatchObject({ __typename: 'MutationRetryJobSuccess', data: { id: dead.id, attempts: 0 } });
  const succeeded = await waitForJob('SUCCEEDED');
  expect(succeeded.history.map((attempt) => attempt.outcome)).toEqual(['FAILED', 'FAILED', 'SUCCEEDED']);

  const again = await admin().request(RetryJobDocument, { id: dead.id });
  expect(again.retryJob).toMatchObject({ __typename: 'ValidationError', message: 'Invalid input: id: is SUCCEEDED; only a DEAD job can be retried' });
});
