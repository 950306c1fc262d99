import { DriverRankingRunsDocument } from '../generated/graphql';
import { hasPostgres } from '../support/conditional';
import { startServer, type TestServer } from '../support/server';

/** Drivers are re-ranked on a schedule, once per interval however many servers are running. */
const servers: TestServer[] = [];

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

it('ranks by itself once per interval, across servers and their restarts', async () => {
  const env = { DRIVER_RANKING_INTERVAL_MS: '1500' };
  const first = await startServer({ env });
  servers.push(first);
  if (hasPostgres) servers.push(await startServer({ databaseUrl: first.databaseUrl, env }));

  const runs = async () => (await first.client(first.adminToken).request(DriverRankingRunsDocument)).driverRankingRuns.edges.map((edge) => edge.node);
  const waitForRuns = async (count: number) => {
    const deadline = Date.now() + 15_000;
    for (let seen = await runs(); ; seen = await runs()) {
      if (seen.length >= count) return seen;
      if (Date.now() > deadline) throw new Error(`only ${seen.length} scheduled runs`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const [started] = await waitForRuns(1);
  expect(started).toMatchObject({ status: 'SUCCEEDED' });
  // The next run is due 1.5 s after the first started, and no server ran another meanwhile.
  await new Promise((resolve) => setTimeout(resolve, 900));
  expect(await runs()).toHaveLength(1);
  const [latest, earlier] = await waitForRuns(2);
  expect(new Date(latest!.startedAt).getTime() - new Date(earlier!.startedAt).getTime()).toBeGreaterThanOrEqual(1_500);
});
