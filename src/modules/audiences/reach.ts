import { Prisma, type CampaignAudienceEstimate, type ContactChannel, type PrismaClient } from '../../generated/prisma/client';
import { NotFoundError } from '../../errors';
import { parseInput } from '../../validation';
import type { Access } from '../access/policy';
import { CHANNEL_CONTACT, CONTACT_CHANNELS } from './member-rules';
import { AGE_RANGES, GENDERS, targetingRulesSchema, type AgeRange, type Gender, type TargetingRules } from './targeting-rules';
import { audienceWhere, compileTargeting, driverFlag, matchedCriteria, type TargetingContext, type TargetingDimension } from './targeting-sql';

export interface FunnelStep {
  dimension: TargetingDimension;
  /** People still in the audience before this dimension applied. */
  before: number;
  removed: number;
  remaining: number;
}

/** What an estimate says besides its total: stored as one JSON document with a campaign's estimate. */
export interface AudienceEstimateDetails {
  /** Every profile on the platform: where the funnel starts. */
  everyone: number;
  funnel: FunnelStep[];
  byAgeRange: Array<{ ageRange: AgeRange | null; count: number }>;
  byGender: Array<{ gender: Gender | null; count: number }>;
  byCity: Array<{ city: string; count: number }>;
  /** Subscribed people who can be reached on each channel (with a phone for WhatsApp and SMS, an address for email). */
  reachable: Array<{ channel: ContactChannel; count: number }>;
}

export interface AudienceEstimate extends AudienceEstimateDetails {
  rules: TargetingRules;
  estimatedAt: Date;
  /** Exactly how many people the rules reach. */
  total: number;
  /** How many of them are Drivers. */
  drivers: number;
}

export interface MaterializedAudience {
  campaignId: string;
  total: number;
  added: number;
  updated: number;
  removed: number;
}

interface EstimateRow {
  everyone: number;
  /** How many candidates (people passing the first dimension) failed first at each later dimension; 0 is "passed all". */
  steps: Array<[number, number]>;
  drivers: number;
  breakdown: Array<['ageRange' | 'gender' | 'city', string | null, number]>;
  reachable: Array<[ContactChannel, number]>;
}

const channelsNeeding = (contact: 'phone' | 'email'): ContactChannel[] => CONTACT_CHANNELS.filter((channel) => CHANNEL_CONTACT[channel] === contact);

/** Known values in their vocabulary's order, then the unknown (null) bucket. */
function inVocabularyOrder<T extends string>(vocabulary: readonly T[], counts: Map<string | null, number>): Array<{ value: T | null; count: number }> {
  return [...vocabulary, null].flatMap((value) => {
    const count = counts.get(value);
    return count ? [{ value, count }] : [];
  });
}

export class ReachService {
  constructor(private readonly prisma: PrismaClient) {}

  /** The audience `rules` reach for a business the caller can see, counted exactly and explained. */
  async estimate(access: Access, businessId: string, rawRules: unknown): Promise<AudienceEstimate> {
    await access.requireBusiness(businessId, 'read');
    const rules = parseInput(targetingRulesSchema, rawRules, ['rules']);
    return this.estimateFor(await this.targetingContext(businessId), rules);
  }

  /** Estimates for a campaign's business and stores the result as the campaign's latest estimate. */
  async estimateForCampaign(access: Access, campaignId: string, rawRules: unknown): Promise<AudienceEstimate> {
    const campaign = await access.requireCampaign(campaignId, 'write');
    const rules = await this.campaignRules(campaignId, rawRules);
    const estimate = await this.estimateFor(await this.targetingContext(campaign.businessId), rules);
    const { rules: storedRules, estimatedAt, total, drivers, ...details } = estimate;
    const stored = {
      rules: storedRules as Prisma.InputJsonObject,
      total,
      drivers,
      details: details as unknown as Prisma.InputJsonObject,
      estimatedAt,
    };
    await this.prisma.campaignAudienceEstimate.upsert({ where: { campaignId }, create: { campaignId, ...stored }, update: stored });
    return estimate;
  }

  /**
   * Writes the profiles the rules reach as the campaign's targets, with what each matched. The
   * targets afterwards are exactly the audience: new matches are added, changed criteria updated,
   * people who no longer match removed; running it again changes nothing.
   */
  async materialize(access: Access, campaignId: string, rawRules: unknown): Promise<MaterializedAudience> {
    const campaign = await access.requireCampaign(campaignId, 'write');
    const rules = await this.campaignRules(campaignId, rawRules);
    const dimensions = compileTargeting(rules, await this.targetingContext(campaign.businessId));
    const [row] = await this.tuned<Omit<MaterializedAudience, 'campaignId'>>(Prisma.sql`
      WITH matched AS MATERIALIZED (
        SELECT p.id,
               ${matchedCriteria(dimensions)} AS criteria,
               coalesce(${driverFlag}, false) AS is_driver
        FROM profiles p
        WHERE ${audienceWhere(dimensions)}
      ), upserted AS (
        INSERT INTO campaign_targets AS t (campaign_id, profile_id, matched_criteria, is_driver)
        SELECT ${campaignId}::uuid, id, criteria, is_driver FROM matched
        ON CONFLICT (campaign_id, profile_id) DO UPDATE
          SET matched_criteria = excluded.matched_criteria, is_driver = excluded.is_driver, updated_at = now()
          WHERE (t.matched_criteria, t.is_driver) IS DISTINCT FROM (excluded.matched_criteria, excluded.is_driver)
        RETURNING (xmax = 0) AS inserted
      ), removed AS (
        DELETE FROM campaign_targets t
        WHERE t.campaign_id = ${campaignId}::uuid AND NOT EXISTS (SELECT 1 FROM matched m WHERE m.id = t.profile_id)
        RETURNING 1
      )
      SELECT (SELECT count(*)::int FROM matched) AS total,
             (SELECT count(*)::int FROM upserted WHERE inserted) AS added,
             (SELECT count(*)::int FROM upserted WHERE NOT inserted) AS updated,
             (SELECT count(*)::int FROM removed) AS removed
    `);
    return { campaignId, ...row! };
  }

  /** The rules compile against the business they are for: its id for the exclusions, its location for radiusKm. */
  async targetingContext(businessId: string): Promise<TargetingContext> {
    const business = await this.prisma.business.findUnique({ where: { id: businessId }, select: { latitude: true, longitude: true } });
    if (!business) throw new NotFoundError('Business', businessId);
    const { latitude, longitude } = business;
    return { businessId, location: latitude !== null && longitude !== null ? { latitude, longitude } : null, asOf: new Date() };
  }

  /**
   * One query, two passes over the index. The funnel: the first dimension selects the candidates,
   * and each records the first dimension it fails, tested in funnel order by a CASE, so the costly
   * dimensions (Driver flag, purchases, friendships) run only for people still in the audience; only
   * the counts per step are kept. The audience itself: every dimension in the WHERE clause, so the
   * index narrows by all it can serve (cities and age ranges), for the breakdowns and channels.
   */
  /** The rules given, or else the campaign's own targeting rules. */
  private async campaignRules(campaignId: string, rawRules: unknown): Promise<TargetingRules> {
    if (rawRules != null) return parseInput(targetingRulesSchema, rawRules, ['rules']);
    const { targetingRules } = await this.prisma.campaign.findUniqueOrThrow({ where: { id: campaignId }, select: { targetingRules: true } });
    return parseInput(targetingRulesSchema, targetingRules, ['campaign', 'targetingRules']);
  }

  private async estimateFor(context: TargetingContext, rules: TargetingRules): Promise<AudienceEstimate> {
    const dimensions = compileTargeting(rules, context);
    const [first, ...rest] = dimensions;
    const failedAt =
      rest.length === 0
        ? Prisma.sql`0`
        : Prisma.sql`CASE ${Prisma.join(
            rest.map((dimension, index) => Prisma.sql`WHEN (${dimension.predicate}) IS NOT TRUE THEN ${index + 1}::int`),
            ' ',
          )} ELSE 0 END`;
    const [row] = await this.tuned<EstimateRow>(Prisma.sql`
      WITH steps AS (
        SELECT failed_at, count(*)::int AS n
        FROM (SELECT ${failedAt} AS failed_at FROM profiles p WHERE ${first ? first.predicate : Prisma.sql`true`}) AS candidates
        GROUP BY failed_at
      ), matched AS MATERIALIZED (
        SELECT p.id, p.city, p.age_range, p.gender, coalesce(${driverFlag}, false) AS is_driver,
               ARRAY(SELECT s.channel FROM profile_subscriptions s WHERE s.profile_id = p.id AND s.subscribed) AS channels
        FROM profiles p
        WHERE ${audienceWhere(dimensions)}
      )
      SELECT
        (SELECT profiles::int FROM profile_count) AS everyone,
        (SELECT coalesce(json_agg(json_build_array(failed_at, n)), '[]') FROM steps) AS steps,
        (SELECT count(*)::int FROM matched WHERE is_driver) AS drivers,
        (SELECT coalesce(json_agg(json_build_array(dimension, value, n)), '[]') FROM (
           SELECT CASE WHEN grouping(age_range) = 0 THEN 'ageRange' WHEN grouping(gender) = 0 THEN 'gender' ELSE 'city' END AS dimension,
                  coalesce(age_range, gender::text, city) AS value,
                  count(*)::int AS n
           FROM matched
           GROUP BY GROUPING SETS ((age_range), (gender), (city))
        ) b) AS breakdown,
        (SELECT coalesce(json_agg(json_build_array(channel, n)), '[]') FROM (
           SELECT channel, count(*)::int AS n
           FROM matched m, unnest(m.channels) AS channel
           -- Contact details are read only for people subscribed to a channel that needs them.
           WHERE (channel <> ALL(${channelsNeeding('phone')}::text[]::contact_channel[])
                  OR (SELECT c.phone FROM profiles c WHERE c.id = m.id) IS NOT NULL)
             AND (channel <> ALL(${channelsNeeding('email')}::text[]::contact_channel[])
                  OR (SELECT c.email FROM profiles c WHERE c.id = m.id) IS NOT NULL)
           GROUP BY channel
        ) r) AS reachable
    `);
    const result = row!;
    const total = result.steps.find(([failedAt]) => failedAt === 0)?.[1] ?? 0;
    return {
      rules,
      estimatedAt: context.asOf,
      total,
      drivers: result.drivers,
      ...this.details(
        dimensions.map((d) => d.dimension),
        result,
      ),
    };
  }

  /**
   * Runs a reach query with settings for it: the planner's cost for the per-person subqueries makes
   * PostgreSQL JIT-compile the plan, which takes longer than running it; a large audience is kept
   * and grouped in memory instead of spilling to disk.
   */
  private async tuned<Row>(query: Prisma.Sql): Promise<Row[]> {
    const [, rows] = await this.prisma.$transaction([
      this.prisma.$executeRaw`SELECT set_config('jit', 'off', true), set_config('work_mem', '64MB', true)`,
      this.prisma.$queryRaw<Row[]>(query),
    ]);
    return rows;
  }

  /** A campaign's stored estimate, as the API shows it. */
  storedEstimate(row: CampaignAudienceEstimate): AudienceEstimate {
    // Written by estimateForCampaign from an estimate of exactly these shapes.
    const details = row.details as unknown as AudienceEstimateDetails;
    return { ...details, rules: row.rules as TargetingRules, estimatedAt: row.estimatedAt, total: row.total, drivers: row.drivers };
  }

  private details(dimensions: TargetingDimension[], row: EstimateRow): AudienceEstimateDetails {
    const failedAt = new Map(row.steps);
    const candidates = row.steps.reduce((sum, [, count]) => sum + count, 0);
    let remaining = row.everyone;
    const funnel = dimensions.map((dimension, index) => {
      const before = remaining;
      const removed = index === 0 ? row.everyone - candidates : (failedAt.get(index) ?? 0);
      remaining -= removed;
      return { dimension, before, removed, remaining };
    });
    const countsOf = (dimension: EstimateRow['breakdown'][number][0]) =>
      new Map(row.breakdown.filter(([name]) => name === dimension).map(([, value, count]) => [value, count]));
    const reachable = new Map(row.reachable);
    return {
      everyone: row.everyone,
      funnel,
      byAgeRange: inVocabularyOrder(AGE_RANGES, countsOf('ageRange')).map(({ value, count }) => ({ ageRange: value, count })),
      byGender: inVocabularyOrder(GENDERS, countsOf('gender')).map(({ value, count }) => ({ gender: value, count })),
      byCity: [...countsOf('city')]
        .flatMap(([city, count]) => (city === null ? [] : [{ city, count }]))
        .sort((a, b) => b.count - a.count || (a.city < b.city ? -1 : 1)),
      reachable: CONTACT_CHANNELS.map((channel) => ({ channel, count: reachable.get(channel) ?? 0 })),
    };
  }
}
