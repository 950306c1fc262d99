import { randomUUID } from 'node:crypto';
import { Prisma, type DriverAlgorithmConfig, type DriverRankingRun, type PrismaClient } from '../../generated/prisma/client';
import { parseInput } from '../../validation';
import type { Access, ActorRecord } from '../access/policy';
import type { DriverConfigService } from './driver-config';
import { DAY_MS, LONG_WINDOW_DAYS, SCORE_DECIMALS, SHORT_WINDOW_DAYS } from './driver-rules';
import { RankingInProgressError } from './errors';
import { label } from './targeting-rules';

/** Any constant: whoever holds this transaction lock is the one ranking run, across all servers. */
export const RANKING_LOCK_KEY = 72_707_370;
/** Scheduled runs are recorded as the system actor. */
const SCHEDULED_RANKING: ActorRecord = { actorId: null, actorSystem: 'driver ranking schedule' };
/** Runs score as of the start of their minute (see DriverRankingRun.scoredAt). */
const MINUTE_MS = 60_000;
/** A run over a million profiles takes seconds; the transaction may take this long before it is abandoned. */
const RANKING_TIMEOUT_MS = 10 * 60 * 1000;

/**
 * The ranking in two set-based statements (the rules are in driver-rules.ts). First every active
 * profile's decayed, weighted score and its parts, into a temporary table: activities are read once,
 * in profile order from a covering index, and aggregated as they stream, by parallel workers (a
 * statement that also writes tables could not use them). Then, in one statement, every profile's
 * rank in its city and whether that makes it a Driver; the existing Driver profiles updated, new
 * ones inserted, and the run recorded with its counts.
 */
function rankingStatements(config: DriverAlgorithmConfig, asOf: Date, startedAt: Date, runId: string, startedBy: ActorRecord): Prisma.Sql[] {
  const since = (days: number) => Prisma.sql`${new Date(asOf.getTime() - days * DAY_MS)}::timestamptz`;
  const windowStart = since(config.windowDays);
  // 0.5 ^ (age / half-life) in float8 seconds; each aggregate below evaluates it again, so it stays cheap.
  const decay = Prisma.sql`exp((date_part('epoch', a.occurred_at) - ${asOf.getTime() / 1000}::float8) * ${Math.LN2 / (config.halfLifeDays * 86_400)}::float8)`;
  const points = Prisma.sql`${decay} * CASE a.kind
    WHEN 'COUPON_COLLECTED' THEN ${config.couponCollectedWeight}::float8
    WHEN 'COUPON_SHARED' THEN ${config.couponSharedWeight}::float8
    WHEN 'COUPON_REDEEMED' THEN ${config.couponRedeemedWeight}::float8
    WHEN 'CHECK_IN' THEN ${config.checkInWeight}::float8
    WHEN 'REVIEW' THEN ${config.reviewWeight}::float8
    WHEN 'SOCIAL_INTERACTION' THEN ${config.socialInteractionWeight}::float8
  END`;
  const component = (kind: string, weight: number) =>
    Prisma.sql`coalesce(sum(${decay}) FILTER (WHERE a.occurred_at > ${windowStart} AND a.kind = ${kind}::activity_kind), 0) * ${weight}::float8`;
  // Rounded in float8, as roundScore does: round(numeric) would cost more than the rest of the run.
  const scale = 10 ** SCORE_DECIMALS;
  const rounded = (value: Prisma.Sql) => Prisma.sql`floor((${value}) * ${scale}::float8 + 0.5) / ${scale}::float8`;
  const columns = Prisma.sql`profile_id, city, score, coupon_collected_score, coupon_shared_score, coupon_redeemed_score, check_in_score,
    review_score, social_interaction_score, score_30d, score_90d, activity_count, qualified, city_rank, city_size, percentile, is_driver,
    first_activity_at, last_activity_at, ranked_at`;
  const scores = Prisma.sql`
    CREATE TEMP TABLE activity_scores ON COMMIT DROP AS
      SELECT a.profile_id,
             count(*) FILTER (WHERE a.occurred_at > ${windowStart})::int AS activity_count,
             ${component('COUPON_COLLECTED', config.couponCollectedWeight)} AS coupon_collected_score,
             ${component('COUPON_SHARED', config.couponSharedWeight)} AS coupon_shared_score,
             ${component('COUPON_REDEEMED', config.couponRedeemedWeight)} AS coupon_redeemed_score,
             ${component('CHECK_IN', config.checkInWeight)} AS check_in_score,
             ${component('REVIEW', config.reviewWeight)} AS review_score,
             ${component('SOCIAL_INTERACTION', config.socialInteractionWeight)} AS social_interaction_score,
             coalesce(sum(${points}) FILTER (WHERE a.occurred_at > ${since(SHORT_WINDOW_DAYS)}), 0) AS score_30d,
             coalesce(sum(${points}) FILTER (WHERE a.occurred_at > ${since(LONG_WINDOW_DAYS)}), 0) AS score_90d,
             min(a.occurred_at) FILTER (WHERE a.occurred_at > ${windowStart}) AS first_activity_at,
             max(a.occurred_at) FILTER (WHERE a.occurred_at > ${windowStart}) AS last_activity_at
      FROM profile_activities a
      WHERE a.occurred_at <= ${asOf}::timestamptz AND a.occurred_at > ${since(Math.max(config.windowDays, LONG_WINDOW_DAYS))}
      GROUP BY a.profile_id
  `;
  const ranking = Prisma.sql`
    WITH scored AS (
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
      LEFT JOIN activity_scores s ON s.profile_id = p.id
    ), city_sizes AS (
      SELECT city, count(*)::int AS city_size FROM profiles GROUP BY city
    ), ordered AS (
      SELECT scored.*, city_sizes.city_size,
             row_number() OVER (PARTITION BY scored.city ORDER BY qualified DESC, score DESC, profile_id)::int AS city_rank
      FROM scored
      JOIN city_sizes USING (city)
    ), ranked AS MATERIALIZED (
      SELECT o.*,
             100.0::float8 * (o.city_size - o.city_rank) / o.city_size AS percentile,
             o.qualified AND (o.city_size - o.city_rank) * 100 >= ${config.percentileThreshold}::int * o.city_size AS is_driver,
             ${asOf}::timestamptz AS ranked_at,
             previous.profile_id IS NOT NULL AS ranked_before,
             coalesce(previous.is_driver, false) AS was_driver
      FROM ordered o
      LEFT JOIN driver_profiles previous ON previous.profile_id = o.profile_id
    ), updated AS (
      UPDATE driver_profiles d SET
        city = r.city, score = r.score, coupon_collected_score = r.coupon_collected_score, coupon_shared_score = r.coupon_shared_score,
        coupon_redeemed_score = r.coupon_redeemed_score, check_in_score = r.check_in_score, review_score = r.review_score,
        social_interaction_score = r.social_interaction_score, score_30d = r.score_30d, score_90d = r.score_90d,
        activity_count = r.activity_count, qualified = r.qualified, city_rank = r.city_rank, city_size = r.city_size,
        percentile = r.percentile, is_driver = r.is_driver, first_activity_at = r.first_activity_at,
        last_activity_at = r.last_activity_at, ranked_at = r.ranked_at
      FROM ranked r
      WHERE r.ranked_before AND d.profile_id = r.profile_id
    ), inserted AS (
      INSERT INTO driver_profiles (${columns})
      SELECT ${columns} FROM ranked WHERE NOT ranked_before
    )
    INSERT INTO driver_ranking_runs (id, config_id, status, started_by_id, started_by_system, started_at, finished_at, scored_at, profiles_ranked,
                                     qualified_profiles, drivers, cities, drivers_gained, drivers_lost)
    SELECT ${runId}::uuid, ${config.id}::uuid, 'SUCCEEDED', ${startedBy.actorId}::uuid, ${startedBy.actorSystem}, ${startedAt}::timestamptz, ${startedAt}::timestamptz, ${asOf}::timestamptz,
           count(*), count(*) FILTER (WHERE qualified), count(*) FILTER (WHERE is_driver), count(DISTINCT city),
           count(*) FILTER (WHERE is_driver AND NOT was_driver), count(*) FILTER (WHERE was_driver AND NOT is_driver)
    FROM ranked
  `;
  return [scores, ranking];
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
    access.requireAdmin();
    return this.rank(access.actor);
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
  async rank(startedBy: ActorRecord): Promise<DriverRankingRun> {
    return (await this.rankUnlessRanSince(startedBy, null))!;
  }

  /**
   * The scheduled run: ranks unless a run succeeded within `intervalMs`, checked under the same
   * lock, so servers that all wake up on schedule rank once per interval between them.
   */
  async rankIfDue(intervalMs: number): Promise<DriverRankingRun | null> {
    try {
      return await this.rankUnlessRanSince(SCHEDULED_RANKING, new Date(Date.now() - intervalMs));
    } catch (error) {
      if (error instanceof RankingInProgressError) return null;
      throw error;
    }
  }

  private async rankUnlessRanSince(startedBy: ActorRecord, since: Date | null): Promise<DriverRankingRun | null> {
    const config = await this.configs.active();
    let startedAt = new Date();
    try {
      return await this.prisma.$transaction(
        async (tx) => {
          const [lock] = await tx.$queryRaw<Array<{ acquired: boolean }>>`SELECT pg_try_advisory_xact_lock(${RANKING_LOCK_KEY}::bigint) AS acquired`;
          if (!lock?.acquired) throw new RankingInProgressError();
          if (since && (await tx.driverRankingRun.count({ where: { status: 'SUCCEEDED', startedAt: { gte: since } } })) > 0) return null;
          // Started once the lock is held: runs never overlap, also in their recorded times.
          startedAt = new Date();
          const asOf = new Date(Math.floor(startedAt.getTime() / MINUTE_MS) * MINUTE_MS);
          await tx.$executeRaw`
            SELECT set_config('work_mem', '256MB', true),          -- a million profiles sort in memory
                   set_config('enable_hashagg', 'off', true),      -- stream activities from their covering index, in profile order
                   set_config('jit', 'off', true),                 -- compiling costs more than it saves for one execution
                   set_config('synchronous_commit', 'off', true)   -- derived data: a crash loses at most this run, never half of it`;
          const runId = randomUUID();
          for (const statement of rankingStatements(config, asOf, startedAt, runId, startedBy)) await tx.$executeRaw(statement);
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
          startedById: startedBy.actorId,
          startedBySystem: startedBy.actorSystem,
          startedAt,
          finishedAt: new Date(),
          error: error instanceof Error ? error.message.slice(0, 2000) : String(error),
        },
      });
      throw error;
    }
  }
}
