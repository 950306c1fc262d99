import { randomUUID } from 'node:crypto';
import { Prisma, type DriverAlgorithmConfig, type DriverRankingRun, type PrismaClient } from '../../generated/prisma/client';
import { parseInput } from '../../validation';
import type { Access } from '../access/policy';
import type { DriverConfigService } from './driver-config';
import { DAY_MS, LONG_WINDOW_DAYS, SCORE_DECIMALS, SHORT_WINDOW_DAYS } from './driver-rules';
import { RankingInProgressError } from './errors';
import { label } from './targeting-rules';

/** Any constant: whoever holds this transaction lock is the one ranking run, across all servers. */
export const RANKING_LOCK_KEY = 72_707_370;
/** A run over a million profiles takes seconds; the transaction may take this long before it is abandoned. */
const RANKING_TIMEOUT_MS = 10 * 60 * 1000;

/**
 * The ranking as one temporary table: every profile with its decayed, weighted score and parts, its
 * rank in its city and whether that makes it a Driver (the rules are in driver-rules.ts). One pass
 * over the activities of the longest window, grouped per profile, then window functions per city.
 */
function rankingQuery(config: DriverAlgorithmConfig, asOf: Date): Prisma.Sql {
  const since = (days: number) => Prisma.sql`${new Date(asOf.getTime() - days * DAY_MS)}::timestamptz`;
  const windowStart = since(config.windowDays);
  const component = (kind: string, weight: number) =>
    Prisma.sql`coalesce(sum(decay) FILTER (WHERE occurred_at > ${windowStart} AND kind = ${kind}::activity_kind), 0) * ${weight}::float8`;
  const rounded = (value: Prisma.Sql) => Prisma.sql`round((${value})::numeric, ${SCORE_DECIMALS}::int)::float8`;
  return Prisma.sql`
    CREATE TEMP TABLE ranked_profiles ON COMMIT DROP AS
    WITH activity AS (
      SELECT a.profile_id, a.kind, a.occurred_at,
             -- half the weight for every half-life of the activity's own age
             power(0.5, extract(epoch FROM ${asOf}::timestamptz - a.occurred_at)::float8 / ${config.halfLifeDays * 86_400}::float8) AS decay
      FROM profile_activities a
      WHERE a.occurred_at <= ${asOf}::timestamptz
        AND a.occurred_at > ${since(Math.max(config.windowDays, LONG_WINDOW_DAYS))}
    ), weighted AS (
      SELECT profile_id, kind, occurred_at, decay,
             decay * CASE kind
               WHEN 'COUPON_COLLECTED' THEN ${config.couponCollectedWeight}::float8
               WHEN 'COUPON_SHARED' THEN ${config.couponSharedWeight}::float8
               WHEN 'COUPON_REDEEMED' THEN ${config.couponRedeemedWeight}::float8
               WHEN 'CHECK_IN' THEN ${config.checkInWeight}::float8
               WHEN 'REVIEW' THEN ${config.reviewWeight}::float8
               WHEN 'SOCIAL_INTERACTION' THEN ${config.socialInteractionWeight}::float8
             END AS points
      FROM activity
    ), per_profile AS (
      SELECT profile_id,
             count(*) FILTER (WHERE occurred_at > ${windowStart})::int AS activity_count,
             ${component('COUPON_COLLECTED', config.couponCollectedWeight)} AS coupon_collected_score,
             ${component('COUPON_SHARED', config.couponSharedWeight)} AS coupon_shared_score,
             ${component('COUPON_REDEEMED', config.couponRedeemedWeight)} AS coupon_redeemed_score,
             ${component('CHECK_IN', config.checkInWeight)} AS check_in_score,
             ${component('REVIEW', config.reviewWeight)} AS review_score,
             ${component('SOCIAL_INTERACTION', config.socialInteractionWeight)} AS social_interaction_score,
             coalesce(sum(points) FILTER (WHERE occurred_at > ${since(SHORT_WINDOW_DAYS)}), 0) AS score_30d,
             coalesce(sum(points) FILTER (WHERE occurred_at > ${since(LONG_WINDOW_DAYS)}), 0) AS score_90d,
             min(occurred_at) FILTER (WHERE occurred_at > ${windowStart}) AS first_activity_at,
             max(occurred_at) FILTER (WHERE occurred_at > ${windowStart}) AS last_activity_at
      FROM weighted
      GROUP BY profile_id
    ), scored AS (
      SELECT p.id AS profile_id, p.city,
             coalesce(s.activity_count, 0) AS activity_count,
             ${rounded(Prisma.sql`coalesce(s.coupon_collected_score + s.coupon_shared_score + s.coupon_redeemed_score
               + s.check_in_score + s.review_score + s.social_interaction_score, 0)`)} AS score,
             ${rounded(Prisma.sql`coalesce(s.coupon_collected_score, 0)`)} AS coupon_collected_score,
             ${rounded(Prisma.sql`coalesce(s.coupon_shared_score, 0)`)} AS coupon_shared_score,
             ${rounded(Prisma.sql`coalesce(s.coupon_redeemed_score, 0)`)} AS coupon_redeemed_score,
             ${rounded(Prisma.sql`coalesce(s.check_in_score, 0)`)} AS check_in_score,
             ${rounded(Prisma.sql`coalesce(s.review_score, 0)`)} AS review_score,
             ${rounded(Prisma.sql`coalesce(s.social_interaction_score, 0)`)} AS social_interaction_score,
             ${rounded(Prisma.sql`coalesce(s.score_30d, 0)`)} AS score_30d,
             ${rounded(Prisma.sql`coalesce(s.score_90d, 0)`)} AS score_90d,
             coalesce(s.activity_count, 0) >= ${config.minActivities}::int AS qualified,
             s.first_activity_at, s.last_activity_at
      FROM profiles p
      LEFT JOIN per_profile s ON s.profile_id = p.id
    ), ranked AS (
      SELECT scored.*,
             row_number() OVER (PARTITION BY city ORDER BY qualified DESC, score DESC, profile_id)::int AS city_rank,
             count(*) OVER (PARTITION BY city)::int AS city_size
      FROM scored
    )
    SELECT ranked.*,
           100.0::float8 * (city_size - city_rank) / city_size AS percentile,
           qualified AND (city_size - city_rank) * 100 >= ${config.percentileThreshold}::int * city_size AS is_driver
    FROM ranked
  `;
}

/** A city's Drivers in counts and aggregates, without anyone's personal data. */
export interface CityDriverStats {
  city: string;
  profiles: number;
  rankedProfiles: number;
  qualifiedProfiles: number;
  drivers: number;
  lowestDriverScore: number | null;
  averageDriverScore: number | null;
  rankedAt: Date | null;
}

export class DriverRankingService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly configs: DriverConfigService,
  ) {}

  /** Admins start a run; it ranks everyone with the active config and answers with the recorded run. */
  async run(access: Access): Promise<DriverRankingRun> {
    const viewer = access.requireAdmin();
    return this.rank(viewer.userId);
  }

  async cityStats(access: Access, rawCity: string): Promise<CityDriverStats> {
    const city = parseInput(label, rawCity, ['city']);
    await access.requireCityAggregates(city);
    const [stats] = await this.prisma.$queryRaw<CityDriverStats[]>`
      SELECT ${city}::text AS city,
             (SELECT count(*)::int FROM profiles WHERE city = ${city}) AS profiles,
             count(*)::int AS "rankedProfiles",
             count(*) FILTER (WHERE qualified)::int AS "qualifiedProfiles",
             count(*) FILTER (WHERE is_driver)::int AS drivers,
             min(score) FILTER (WHERE is_driver) AS "lowestDriverScore",
             avg(score) FILTER (WHERE is_driver) AS "averageDriverScore",
             (SELECT max(finished_at) FROM driver_ranking_runs WHERE status = 'SUCCEEDED') AS "rankedAt"
      FROM driver_profiles
      WHERE city = ${city}`;
    return stats!;
  }

  /**
   * Ranks every profile in one transaction: the new scores, ranks and Driver flags replace the old
   * ones at commit, all at once. A PostgreSQL advisory lock taken inside the transaction makes runs
   * exclusive across servers, and is released by commit, rollback or a lost connection alike, so a
   * crashed run never blocks the next. A failed run is recorded with its error.
   */
  async rank(startedById: string | null): Promise<DriverRankingRun> {
    const config = await this.configs.active();
    const asOf = new Date();
    try {
      return await this.prisma.$transaction(
        async (tx) => {
          const [lock] = await tx.$queryRaw<Array<{ acquired: boolean }>>`SELECT pg_try_advisory_xact_lock(${RANKING_LOCK_KEY}::bigint) AS acquired`;
          if (!lock?.acquired) throw new RankingInProgressError();
          // Sorting a city's profiles and grouping millions of activities fit in memory instead of spilling to disk.
          await tx.$executeRaw`SELECT 1 FROM set_config('work_mem', '256MB', true)`;
          await tx.$executeRaw(rankingQuery(config, asOf));
          const runId = randomUUID();
          await tx.$executeRaw`
            INSERT INTO driver_ranking_runs (id, config_id, status, started_by_id, started_at, finished_at, profiles_ranked,
                                             qualified_profiles, drivers, cities, drivers_gained, drivers_lost)
            SELECT ${runId}::uuid, ${config.id}::uuid, 'SUCCEEDED', ${startedById}::uuid, ${asOf}::timestamptz, ${asOf}::timestamptz,
                   count(*), count(*) FILTER (WHERE r.qualified), count(*) FILTER (WHERE r.is_driver), count(DISTINCT r.city),
                   count(*) FILTER (WHERE r.is_driver AND NOT coalesce(d.is_driver, false)),
                   count(*) FILTER (WHERE NOT r.is_driver AND coalesce(d.is_driver, false))
            FROM ranked_profiles r
            LEFT JOIN driver_profiles d ON d.profile_id = r.profile_id`;
          await tx.$executeRaw`
            INSERT INTO driver_profiles AS d (
              profile_id, city, score, coupon_collected_score, coupon_shared_score, coupon_redeemed_score, check_in_score, review_score,
              social_interaction_score, score_30d, score_90d, activity_count, qualified, city_rank, city_size, percentile, is_driver,
              first_activity_at, last_activity_at, run_id
            )
            SELECT profile_id, city, score, coupon_collected_score, coupon_shared_score, coupon_redeemed_score, check_in_score, review_score,
                   social_interaction_score, score_30d, score_90d, activity_count, qualified, city_rank, city_size, percentile, is_driver,
                   first_activity_at, last_activity_at, ${runId}::uuid
            FROM ranked_profiles
            ON CONFLICT (profile_id) DO UPDATE SET
              city = excluded.city, score = excluded.score, coupon_collected_score = excluded.coupon_collected_score,
              coupon_shared_score = excluded.coupon_shared_score, coupon_redeemed_score = excluded.coupon_redeemed_score,
              check_in_score = excluded.check_in_score, review_score = excluded.review_score,
              social_interaction_score = excluded.social_interaction_score, score_30d = excluded.score_30d, score_90d = excluded.score_90d,
              activity_count = excluded.activity_count, qualified = excluded.qualified, city_rank = excluded.city_rank,
              city_size = excluded.city_size, percentile = excluded.percentile, is_driver = excluded.is_driver,
              first_activity_at = excluded.first_activity_at, last_activity_at = excluded.last_activity_at, run_id = excluded.run_id`;
          return tx.driverRankingRun.update({ where: { id: runId }, data: { finishedAt: new Date() } });
        },
        { maxWait: 10_000, timeout: RANKING_TIMEOUT_MS },
      );
    } catch (error) {
      if (error instanceof RankingInProgressError) throw error;
      await this.prisma.driverRankingRun.create({
        data: {
          configId: config.id,
          status: 'FAILED',
          startedById,
          startedAt: asOf,
          finishedAt: new Date(),
          error: error instanceof Error ? error.message.slice(0, 2000) : String(error),
        },
      });
      throw error;
    }
  }
}
