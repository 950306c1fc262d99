import { BENCH_ADMIN_TOKEN, benchServer, gql, load, requirePostgres, seedCampaigns, table, withBenchDatabase } from './support';

/**
 * Dashboard list: many concurrent clients asking for 20 campaigns with their business, budget
 * status and history count, next to a trivial `{ __typename }` in the same run: the ratio is the
 * figure to watch (how much the real query costs over the server's floor).
 */
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

const DASHBOARD_LIST = `{
  campaigns(first: 20) {
    totalCount
    edges { node {
      id name status startsAt
      business { name city }
      budget { total { amountCents currency } spent { amountCents } remaining { amountCents } utilization alerts { thresholdPercent } }
      historyCount
    } }
  }
}`;

async function main(): Promise<void> {
  await withBenchDatabase(requirePostgres(), async (databaseUrl) => {
    const server = await benchServer(databaseUrl);
    try {
      const url = `${server.origin}/graphql`;
      const { token } = await seedCampaigns(url, 100);
      const post = (query: string) => () => gql(url, token, query);
      // Warm up caches and connections before measuring.
      await load(CONCURRENCY, 2, post(DASHBOARD_LIST));
      const trivial = await load(CONCURRENCY, SECONDS, post('{ __typename }'));
      const list = await load(CONCURRENCY, SECONDS, post(DASHBOARD_LIST));
      const sample = await gql<{ campaigns: { totalCount: number } }>(url, BENCH_ADMIN_TOKEN, '{ campaigns(first: 1) { totalCount } }');
      process.stdout.write(
        `\nDashboard list: ${CONCURRENCY} concurrent clients, ${SECONDS} s each, ${sample.campaigns.totalCount} campaigns\n\n` +
          table([
            { query: '{ __typename }', 'req/s': trivial.perSecond, 'p50 ms': trivial.p50, 'p99 ms': trivial.p99 },
            { query: '20 campaigns + business, budget, history count', 'req/s': list.perSecond, 'p50 ms': list.p50, 'p99 ms': list.p99 },
          ]) +
          `\n\nratio (list / trivial req/s): ${(list.perSecond / trivial.perSecond).toFixed(2)}\n`,
      );
    } finally {
      await server.stop();
    }
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
