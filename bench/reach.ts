import { Prisma } from '../src/generated/prisma/client';
import { Access } from '../src/modules/access/policy';
import { DriverConfigService } from '../src/modules/audiences/driver-config';
import { DriverRankingService } from '../src/modules/audiences/ranking';
import { ReachService } from '../src/modules/audiences/reach';
import type { TargetingRules } from '../src/modules/audiences/targeting-rules';
import { AGE_RANGES } from '../src/modules/audiences/targeting-rules';
import { audienceWhere, compileTargeting } from '../src/modules/audiences/targeting-sql';
import { cityName, format, generateAudience, INTERESTS, openBenchDatabase, percentile, timed } from './audience-data';

/**
 * Reach benchmark on 1,000,000 profiles in 20 cities: estimateAudience (exact count, Drivers,
 * funnel, three breakdowns, channel reach; through the service, with its access check) against the
 * bare SQL COUNT of the same compiled predicate, measured alternately in the same run. Target:
 * p95 under 200 ms for the typical rules (two cities, an age range, interests, Drivers only).
 *
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench:reach
 */
const SIZE = { profiles: 1_000_000, cities: 20, activities: 5_000_000 };
const WARMUP = 10;
const ITERATIONS = 60;

function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function typicalRules(random: () => number, driversOnly: boolean): TargetingRules {
  const first = Math.floor(random() * SIZE.cities);
  const second = (first + 1 + Math.floor(random() * (SIZE.cities - 1))) % SIZE.cities;
  const interest = Math.floor(random() * INTERESTS.length);
  return {
    cities: [cityName(first), cityName(second)],
    ageRanges: [AGE_RANGES[Math.floor(random() * AGE_RANGES.length)]!],
    interests: [INTERESTS[interest]!, INTERESTS[(interest + 5) % INTERESTS.length]!],
    ...(driversOnly ? { driversOnly: true } : {}),
  };
}

async function main(): Promise<void> {
  const { db, database } = await openBenchDatabase();
  try {
    const generated = await timed(() => generateAudience(db, SIZE));
    const ranking = await timed(() =>
      new DriverRankingService(db.prisma, new DriverConfigService(db.prisma)).rank({ actorId: null, actorSystem: 'benchmark' }),
    );
    console.log(
      `${SIZE.profiles.toLocaleString('en')} profiles, ${SIZE.cities} cities, ${SIZE.activities.toLocaleString('en')} activities ` +
        `(generated in ${format(generated.ms)}; ranked in ${format(ranking.ms)}: ${ranking.result.drivers.toLocaleString('en')} Drivers)`,
    );
    const owner = await db.prisma.user.create({ data: { email: 'owner@bench.test', name: 'Owner', role: 'BUSINESS_OWNER' } });
    const business = await db.prisma.business.create({
      data: { ownerId: owner.id, name: 'Bench Café', city: cityName(0), latitude: 52.5, longitude: 13.4, currency: 'EUR', timezone: 'Europe/Berlin' },
    });
    const access = new Access({ userId: owner.id, role: 'BUSINESS_OWNER', tokenId: 'bench' }, db.prisma);
    const reach = new ReachService(db.prisma);

    for (const [name, driversOnly] of [
      ['typical: two cities, an age range, two interests, Drivers only', true],
      ['the same without Drivers only', false],
    ] as const) {
      const random = seeded(7);
      const estimates: number[] = [];
      const counts: number[] = [];
      let audience = 0;
      for (let i = 0; i < WARMUP + ITERATIONS; i += 1) {
        const rules = typicalRules(random, driversOnly);
        const context = await reach.targetingContext(business.id);
        const bareCount = () =>
          db.prisma.$queryRaw<Array<{ n: number }>>(
            Prisma.sql`SELECT count(*)::int AS n FROM profiles p WHERE ${audienceWhere(compileTargeting(rules, context))}`,
          );
        const measureEstimate = () => timed(() => reach.estimate(access, business.id, rules));
        const measureCount = () => timed(bareCount);
        // Alternate which goes first, so neither always finds the other's pages in the cache.
        let estimate: Awaited<ReturnType<typeof measureEstimate>>;
        let count: Awaited<ReturnType<typeof measureCount>>;
        if (i % 2 === 0) {
          estimate = await measureEstimate();
          count = await measureCount();
        } else {
          count = await measureCount();
          estimate = await measureEstimate();
        }
        if (estimate.result.total !== count.result[0]!.n)
          throw new Error(`estimate ${estimate.result.total} ≠ count ${count.result[0]!.n} for ${JSON.stringify(rules)}`);
        if (i < WARMUP) continue;
        estimates.push(estimate.ms);
        counts.push(count.ms);
        audience += estimate.result.total;
      }
      const [e50, e95, c50, c95] = [percentile(estimates, 50), percentile(estimates, 95), percentile(counts, 50), percentile(counts, 95)];
      console.log(`\n${name} (${ITERATIONS} rule sets, average audience ${Math.round(audience / ITERATIONS).toLocaleString('en')})`);
      console.log(`  estimateAudience  p50 ${format(e50)}  p95 ${format(e95)}`);
      console.log(`  bare SQL COUNT    p50 ${format(c50)}  p95 ${format(c95)}`);
      console.log(
        `  estimate / count  p50 ${(e50 / c50).toFixed(2)}×  p95 ${(e95 / c95).toFixed(2)}×; target p95 < 200 ms → ${(e95 / 200).toFixed(2)}× the target`,
      );
    }
  } finally {
    await db.close();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
