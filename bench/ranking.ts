import { DriverConfigService } from '../src/modules/audiences/driver-config';
import { DriverRankingService } from '../src/modules/audiences/ranking';
import { format, generateAudience, openBenchDatabase, percentile, timed, type AudienceSize } from './audience-data';

/**
 * Driver ranking benchmark: a full run over 100,000 profiles in 20 cities with 2,000,000
 * activities (target: under 2 s), then 1,000,000 profiles with 20,000,000 activities. Each size
 * gets a fresh database. The first run inserts every Driver profile; later runs update them.
 *
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench:ranking [-- small|large]
 */
const SIZES: Record<string, AudienceSize & { targetMs?: number }> = {
  small: { profiles: 100_000, cities: 20, activities: 2_000_000, targetMs: 2000 },
  large: { profiles: 1_000_000, cities: 20, activities: 20_000_000 },
};
const RUNS = 5;

async function benchmark(name: string, size: AudienceSize & { targetMs?: number }): Promise<void> {
  const { db, database } = await openBenchDatabase();
  try {
    const generated = await timed(() => generateAudience(db, size));
    console.log(
      `\n${name}: ${size.profiles.toLocaleString('en')} profiles, ${size.cities} cities, ${size.activities.toLocaleString('en')} activities (generated in ${format(generated.ms)})`,
    );
    const ranking = new DriverRankingService(db.prisma, new DriverConfigService(db.prisma));
    const times: number[] = [];
    for (let run = 1; run <= RUNS; run += 1) {
      const { ms, result } = await timed(() => ranking.rank({ actorId: null, actorSystem: 'benchmark' }));
      times.push(ms);
      console.log(
        `  run ${run}: ${format(ms)}  (${result.profilesRanked.toLocaleString('en')} ranked, ${result.qualifiedProfiles.toLocaleString('en')} qualified, ` +
          `${result.drivers.toLocaleString('en')} Drivers in ${result.cities} cities; ${Math.round(result.profilesRanked / (ms / 1000)).toLocaleString('en')} profiles/s)`,
      );
    }
    const best = Math.min(...times);
    const target = size.targetMs ? `; target ${format(size.targetMs)} → best is ${(best / size.targetMs).toFixed(2)}× the target` : '';
    console.log(`  best ${format(best)}, median ${format(percentile(times, 50))}${target}`);
  } finally {
    await db.close();
    await database.drop();
  }
}

async function main(): Promise<void> {
  const chosen = process.argv.slice(2).filter((arg) => arg in SIZES);
  for (const name of chosen.length > 0 ? chosen : Object.keys(SIZES)) await benchmark(name, SIZES[name]!);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
