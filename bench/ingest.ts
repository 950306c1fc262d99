import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { decodeGlobalId } from '../src/schema/ids';
import { benchServer, percentile, requirePostgres, seedCampaigns, table, withBenchDatabase } from './support';

/**
 * Ingestion throughput: events/s through the recordEvents mutation (batches of 500 from a few
 * concurrent clients, every event deduplicated, bucketed, counted toward reach and billed), next
 * to a raw multi-row INSERT of the same rows into the same table through `pg`, in the same run.
 * The two alternate in rounds and the medians are compared, so a slow spell of a shared machine
 * weighs on both sides alike; a first round of each warms both up (JIT, caches, prepared plans)
 * and is not counted.
 * Target: at least 10,000 events/s and a ratio of at least 0.3.
 */
const TOTAL_EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const BATCH_SIZE = 500;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);

interface BenchEvent {
  id: string;
  campaignId: string;
  type: 'IMPRESSION' | 'CLICK';
  occurredAt: string;
  profileId: string;
  channel: 'IN_APP_AD';
  placement: string;
}

function batchesFor(campaignId: string, profiles: string[], count: number): BenchEvent[][] {
  const now = Date.now();
  const events: BenchEvent[] = Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    campaignId,
    type: i % 20 === 0 ? 'CLICK' : 'IMPRESSION',
    occurredAt: new Date(now - (i % 3_600) * 1000).toISOString(),
    profileId: profiles[i % profiles.length]!,
    channel: 'IN_APP_AD',
    placement: i % 2 ? 'feed' : 'story',
  }));
  return Array.from({ length: Math.ceil(events.length / BATCH_SIZE) }, (_, b) => events.slice(b * BATCH_SIZE, (b + 1) * BATCH_SIZE));
}

/** Sends the batches from CONCURRENCY workers; returns elapsed seconds and per-batch latencies. */
async function drive(batches: BenchEvent[][], send: (batch: BenchEvent[]) => Promise<void>): Promise<{ seconds: number; latencies: number[] }> {
  const queue = [...batches];
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let batch = queue.shift(); batch; batch = queue.shift()) {
        const t0 = performance.now();
        await send(batch);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return { seconds: (performance.now() - started) / 1000, latencies };
}

const RECORD_EVENTS = `mutation($events: [EventInput!]!) {
  recordEvents(events: $events) { ... on MutationRecordEventsSuccess { data { accepted } } ... on Error { message } }
}`;

async function main(): Promise<void> {
  const baseUrl = requirePostgres();
  await withBenchDatabase(baseUrl, async (databaseUrl) => {
    const server = await benchServer(databaseUrl);
    try {
      const url = `${server.origin}/graphql`;
      const { token, campaignIds } = await seedCampaigns(url, 2, { cpmCents: 250, cpcCents: 40 });
      const [viaApi, viaRaw] = campaignIds as [string, string];
      const profiles = Array.from({ length: 10_000 }, () => randomUUID());
      const toGlobal = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');

      const pool = new pg.Pool({ connectionString: databaseUrl, max: CONCURRENCY });
      const perRound = Math.ceil(TOTAL_EVENTS / ROUNDS / BATCH_SIZE) * BATCH_SIZE;
      const api: Array<{ rate: number; latencies: number[] }> = [];
      const raw: Array<{ rate: number; latencies: number[] }> = [];
      const warmUp = perRound;
      for (let round = -1; round < ROUNDS; round += 1) {
        const count = round < 0 ? warmUp : perRound;
        const viaMutation = await drive(
          batchesFor(
            viaApi,
            profiles.map((p) => toGlobal('Profile', p)),
            count,
          ),
          async (events) => {
            const response = await fetch(url, {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
              body: JSON.stringify({ query: RECORD_EVENTS, variables: { events } }),
            });
            const body = (await response.json()) as { data?: { recordEvents: { data?: { accepted: number }; message?: string } } };
            if (body.data?.recordEvents.data?.accepted !== events.length) throw new Error(`batch not fully accepted: ${JSON.stringify(body).slice(0, 300)}`);
          },
        );
        const viaInsert = await drive(batchesFor(decodeGlobalId(viaRaw)!.id, profiles, count), async (events) => {
          const values: unknown[] = [];
          const rows = events.map((e, i) => {
            values.push(e.campaignId, e.id, e.type, e.occurredAt, e.profileId, e.channel, e.placement);
            const p = i * 7;
            return `($${p + 1}, $${p + 2}, $${p + 3}::event_type, $${p + 4}, $${p + 5}, $${p + 6}::channel, $${p + 7})`;
          });
          await pool.query(
            `INSERT INTO campaign_events (campaign_id, event_id, type, occurred_at, profile_id, channel, placement) VALUES ${rows.join(', ')}`,
            values,
          );
        });
        if (round < 0) continue;
        api.push({ rate: perRound / viaMutation.seconds, latencies: viaMutation.latencies });
        raw.push({ rate: perRound / viaInsert.seconds, latencies: viaInsert.latencies });
      }
      const check = await pool.query<{ impressions: string; clicks: string; reach: string }>(
        'SELECT impressions, clicks, reach FROM campaign_stats WHERE campaign_id = $1',
        [decodeGlobalId(viaApi)!.id],
      );
      await pool.end();

      const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
      const summary = (path: string, rounds: Array<{ rate: number; latencies: number[] }>) => {
        const latencies = rounds.flatMap((r) => r.latencies).sort((a, b) => a - b);
        return {
          path,
          'median events/s': median(rounds.map((r) => r.rate)),
          'each round': rounds.map((r) => Math.round(r.rate).toLocaleString('en-US')).join(' '),
          'batch p50 ms': percentile(latencies, 50),
          'batch p99 ms': percentile(latencies, 99),
        };
      };
      const apiRate = median(api.map((r) => r.rate));
      const rawRate = median(raw.map((r) => r.rate));
      const total = perRound * ROUNDS + warmUp;
      process.stdout.write(
        `\nIngestion: ${ROUNDS} alternating rounds of ${perRound.toLocaleString('en-US')} events each way (after a warm-up of ${warmUp.toLocaleString('en-US')}), batches of ${BATCH_SIZE}, ${CONCURRENCY} concurrent clients\n\n` +
          table([summary('recordEvents mutation', api), summary('raw INSERT via pg', raw)]) +
          `\n\nratio (median mutation / median raw insert): ${(apiRate / rawRate).toFixed(2)}   target: >= 10,000 events/s and ratio >= 0.3\n` +
          `counted by the API: ${JSON.stringify(check.rows[0])} (expected ${total} events, ${total / 20} clicks)\n`,
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
