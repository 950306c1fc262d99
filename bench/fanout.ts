import { randomUUID } from 'node:crypto';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { benchServer, gql, percentile, requirePostgres, seedCampaigns, table, withBenchDatabase } from './support';

/**
 * Fan-out: 500 subscribers spread over two server instances, 1,000 events/s recorded on one of
 * them; latency from the mutation's return to each subscriber's receipt of numbers that include
 * it. Target: p99 below the coalescing interval plus 50 ms, and every subscriber's final numbers
 * equal to the database.
 */
const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 500);
const EVENTS_PER_SECOND = 1_000;
const BATCHES_PER_SECOND = 10;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const COALESCE_MS = 250;

interface Receipt {
  at: number;
  impressions: number;
}

async function main(): Promise<void> {
  const redisUrl = process.env.REDIS_URL;
  if (!redisUrl) {
    process.stderr.write('Set REDIS_URL (e.g. redis://127.0.0.1:6379): fan-out crosses servers through Redis.\n');
    process.exit(2);
  }
  await withBenchDatabase(requirePostgres(), async (databaseUrl) => {
    const env = { REDIS_URL: redisUrl, LIVE_COALESCE_MS: String(COALESCE_MS) };
    const [a, b] = [await benchServer(databaseUrl, env), await benchServer(databaseUrl, env)];
    const clients: Client[] = [];
    try {
      const { token, campaignIds } = await seedCampaigns(`${a.origin}/graphql`, 1);
      const campaignId = campaignIds[0]!;
      const receipts: Receipt[][] = [];
      await Promise.all(
        Array.from({ length: SUBSCRIBERS }, (_, i) => {
          const server = i % 2 === 0 ? a : b;
          const client = createClient({
            url: `ws://127.0.0.1:${server.port}/graphql`,
            webSocketImpl: WebSocket,
            connectionParams: { authorization: `Bearer ${token}` },
          });
          clients.push(client);
          const mine: Receipt[] = [];
          receipts.push(mine);
          return new Promise<void>((ready, fail) => {
            client.subscribe<{ campaignStats: { impressions: number } }>(
              { query: 'subscription($id: ID!) { campaignStats(campaignId: $id) { impressions } }', variables: { id: campaignId } },
              {
                next: ({ data }) => {
                  mine.push({ at: performance.now(), impressions: data!.campaignStats.impressions });
                  ready();
                },
                error: fail,
                complete: () => undefined,
              },
            );
          });
        }),
      );

      const perBatch = EVENTS_PER_SECOND / BATCHES_PER_SECOND;
      const returned: Array<{ at: number; total: number }> = [];
      const started = performance.now();
      for (let batch = 0; batch < SECONDS * BATCHES_PER_SECOND; batch += 1) {
        const due = started + (batch * 1000) / BATCHES_PER_SECOND;
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
        const events = Array.from({ length: perBatch }, () => ({ id: randomUUID(), campaignId, type: 'IMPRESSION', occurredAt: new Date().toISOString() }));
        await gql(`${a.origin}/graphql`, token, 'mutation($e: [EventInput!]!) { recordEvents(events: $e) { __typename } }', { e: events });
        returned.push({ at: performance.now(), total: (batch + 1) * perBatch });
      }
      const achieved = (returned.at(-1)!.total / (performance.now() - started)) * 1000;
      await new Promise((resolve) => setTimeout(resolve, COALESCE_MS * 4));

      const latencies: number[] = [];
      for (const mine of receipts) {
        for (const { at, total } of returned) {
          const seen = mine.find((receipt) => receipt.impressions >= total);
          if (seen) latencies.push(Math.max(0, seen.at - at));
        }
      }
      latencies.sort((x, y) => x - y);
      const { campaign } = await gql<{ campaign: { stats: { impressions: number } } }>(
        `${a.origin}/graphql`,
        token,
        'query($id: ID!) { campaign(id: $id) { stats { impressions } } }',
        {
          id: campaignId,
        },
      );
      const exact = receipts.filter((mine) => mine.at(-1)?.impressions === campaign.stats.impressions).length;
      process.stdout.write(
        `\nFan-out: ${SUBSCRIBERS} subscribers on two servers, ${EVENTS_PER_SECOND} events/s for ${SECONDS} s on one, coalescing ${COALESCE_MS} ms\n\n` +
          table([
            {
              'events/s achieved': achieved,
              'measured pairs': latencies.length,
              'p50 ms': percentile(latencies, 50),
              'p99 ms': percentile(latencies, 99),
              'max ms': latencies.at(-1) ?? Number.NaN,
              'target p99 ms': COALESCE_MS + 50,
            },
          ]) +
          `\n\nsubscribers whose final numbers equal the database (${campaign.stats.impressions}): ${exact} of ${SUBSCRIBERS}\n`,
      );
    } finally {
      await Promise.all(clients.map((client) => client.dispose()));
      await Promise.all([a.stop(), b.stop()]);
    }
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
