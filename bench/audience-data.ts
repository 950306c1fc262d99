import { createTestDatabase, type TestDatabase } from '../test/support/database';
import { openDatabase, type Database } from '../src/platform/db';
import { migrate } from '../src/platform/migrate';

export interface AudienceSize {
  profiles: number;
  cities: number;
  activities: number;
}

export const INTERESTS = ['coffee', 'food_dining', 'shopping', 'fitness', 'music', 'travel', 'books', 'gaming', 'fashion', 'outdoors', 'art', 'tech'];

/** A fresh PostgreSQL database for one benchmark, migrated; DATABASE_URL names the server. */
export async function openBenchDatabase(): Promise<{ db: Database; database: TestDatabase }> {
  if (!process.env.DATABASE_URL) throw new Error('Set DATABASE_URL to a PostgreSQL server: the benchmark creates and drops its own database there');
  const database = await createTestDatabase();
  const db = await openDatabase({ databaseUrl: database.url, dataDir: 'memory://' });
  await migrate(db);
  return { db, database };
}

export const cityName = (index: number): string => `City ${String(index).padStart(2, '0')}`;

/**
 * Fills the database in a few set-based statements (generate_series, seeded random()):
 * profiles spread over the cities near one point, 85% with a location, demographics with some
 * unknowns, ~2.4 interests each; half the channels subscribed per profile; activities skewed so a
 * few people do most (profile k is drawn with density ∝ 1/√k), of all six kinds, over the last
 * 120 days. Profile ids are md5 of the number, so the same size always gives the same data.
 */
export async function generateAudience(db: Database, size: AudienceSize): Promise<void> {
  await db.transaction(async (session) => {
    await session.query('SELECT setseed(0.42)');
    await session.query(
      `INSERT INTO profiles (id, external_id, city, latitude, longitude, age_range, gender, income_level, interests, phone, email, created_at)
       SELECT md5('profile-' || g)::uuid,
              'bench-' || g,
              'City ' || lpad(((g::bigint * 7919) % $2)::text, 2, '0'),
              CASE WHEN located THEN 52.3 + random() * 0.4 END,
              CASE WHEN located THEN 13.1 + random() * 0.6 END,
              CASE WHEN random() < 0.92 THEN (ARRAY['18-24', '25-34', '35-44', '45-54', '55-64', '65+'])[1 + floor(random() * 6)::int] END,
              CASE WHEN random() < 0.95 THEN (ARRAY['FEMALE', 'MALE', 'NON_BINARY', 'UNDISCLOSED']::gender[])[1 + floor(random() * 4)::int] END,
              CASE WHEN random() < 0.8 THEN (enum_range(NULL::income_level))[1 + floor(random() * 5)::int] END,
              ARRAY(SELECT interest FROM unnest($3::text[]) AS interest WHERE random() < 0.2 AND g > 0),
              CASE WHEN random() < 0.6 THEN '+4915' || lpad(g::text, 9, '0') END,
              CASE WHEN random() < 0.7 THEN 'p' || g || '@bench.test' END,
              now() - interval '400 days'
       FROM (SELECT g, random() < 0.85 AS located FROM generate_series(1, $1::int) AS g) AS numbered`,
      [size.profiles, size.cities, INTERESTS],
    );
    await session.query(
      `INSERT INTO profile_subscriptions (profile_id, channel, subscribed, changed_at, source)
       SELECT p.id, c.channel, random() < 0.85, now() - interval '30 days', 'SIGNUP_FORM'
       FROM profiles p CROSS JOIN unnest(enum_range(NULL::contact_channel)) AS c(channel)
       WHERE random() < 0.5`,
    );
    await session.query(
      `INSERT INTO profile_activities (external_id, profile_id, kind, occurred_at)
       SELECT 'activity-' || g,
              md5('profile-' || (1 + floor($2::int * power(random(), 2)))::int)::uuid,
              (enum_range(NULL::activity_kind))[1 + floor(random() * 6)::int],
              now() - random() * interval '120 days'
       FROM generate_series(1, $1::int) AS g`,
      [size.activities, size.profiles],
    );
  });
  // As autovacuum would after a bulk load: statistics, and the visibility map index-only scans need.
  await db.prisma.$executeRaw`VACUUM ANALYZE`;
  // Flush the generated data now, so measurements do not compete with the checkpointer writing it.
  await db.prisma.$executeRaw`CHECKPOINT`;
}

/** Milliseconds a piece of work takes. */
export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = process.hrtime.bigint();
  const result = await work();
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, result };
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const format = (ms: number): string => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
