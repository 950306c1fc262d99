import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startServerProcess, type ServerProcess } from '../test/support/process';

/** Benchmarks measure the PostgreSQL deployment, in a database of their own that they drop. */
export function requirePostgres(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    process.stderr.write('Set DATABASE_URL (e.g. postgresql://postgres@127.0.0.1:5432/postgres): benchmarks run against PostgreSQL.\n');
    process.exit(2);
  }
  return url;
}

export async function withBenchDatabase<T>(baseUrl: string, work: (url: string) => Promise<T>): Promise<T> {
  const name = `cg_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  try {
    return await work(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

export const BENCH_ADMIN_TOKEN = `cg_bench_admin_${randomBytes(12).toString('hex')}`;

/** The real server in its own process, as production runs it (minus the log noise). */
export function benchServer(databaseUrl: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  return startServerProcess(
    {
      // Measured as deployed: production mode (graphql-js skips its development-time checks).
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      DEMO_DATA: 'false',
      LOG_LEVEL: 'warn',
      BOOTSTRAP_ADMIN_TOKEN: BENCH_ADMIN_TOKEN,
      ...env,
      // e.g. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/profile" to profile the server.
    },
    process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean),
  );
}

export async function gql<T>(url: string, token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (!body.data || body.errors) throw new Error(`GraphQL request failed: ${JSON.stringify(body).slice(0, 500)}`);
  return body.data;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
}

/** Runs `request` from `concurrency` loops for `seconds`, measuring each call. */
export async function load(concurrency: number, seconds: number, request: () => Promise<unknown>): Promise<LoadResult> {
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        await request();
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    seconds: elapsed,
    perSecond: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

export function table(rows: Array<Record<string, string | number>>): string {
  const headers = Object.keys(rows[0] ?? {});
  const cells = rows.map((row) => headers.map((h) => (typeof row[h] === 'number' ? formatNumber(row[h]) : String(row[h]))));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (values: string[]) => values.map((v, i) => v.padStart(widths[i]!)).join('  ');
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

function formatNumber(value: number): string {
  return Math.abs(value) >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(2);
}

/** Creates an owner, a business and `count` ACTIVE campaigns through the API; returns their ids. */
export async function seedCampaigns(url: string, count: number, pricing: { cpmCents?: number; cpcCents?: number } = {}) {
  const owner = await gql<{ createUser: { data: { token: string } } }>(
    url,
    BENCH_ADMIN_TOKEN,
    `mutation { createUser(input: { email: "bench-${randomBytes(4).toString('hex')}@example.test", name: "Bench", role: BUSINESS_OWNER }) { ... on MutationCreateUserSuccess { data { token } } } }`,
  );
  const token = owner.createUser.data.token;
  const business = await gql<{ createBusiness: { data: { id: string } } }>(
    url,
    token,
    `mutation { createBusiness(input: { name: "Bench Café", city: "Berlin", currency: "EUR", timezone: "Europe/Berlin", latitude: 52.5, longitude: 13.4 }) { ... on MutationCreateBusinessSuccess { data { id } } } }`,
  );
  const businessId = business.createBusiness.data.id;
  const campaignIds: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const created = await gql<{ createCampaign: { data: { id: string } } }>(
      url,
      token,
      `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { ... on MutationCreateCampaignSuccess { data { id } } } }`,
      {
        input: {
          businessId,
          name: `Bench campaign ${i}`,
          objective: 'AWARENESS',
          kind: 'AD',
          channels: ['IN_APP_AD'],
          startsAt: new Date(Date.now() - 3_600_000).toISOString(),
          pricing,
        },
      },
    );
    const id = created.createCampaign.data.id;
    await gql(url, token, `mutation($id: ID!) { setCampaignBudget(campaignId: $id, input: { totalCents: 100000000000, currency: "EUR" }) { __typename } }`, {
      id,
    });
    await gql(url, token, `mutation($id: ID!) { submitCampaign(id: $id) { __typename } }`, { id });
    await gql(url, BENCH_ADMIN_TOKEN, `mutation($id: ID!) { approveCampaign(id: $id) { __typename } }`, { id });
    campaignIds.push(id);
  }
  return { token, businessId, campaignIds };
}
