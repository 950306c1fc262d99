import { Prisma } from '../../generated/prisma/client';
import { ValidationError } from '../../errors';
import type { TargetingRules } from './targeting-rules';

export type TargetingDimension = keyof TargetingRules;

/**
 * The order in which the funnel applies the dimensions: where people are, who they are, what they
 * do, then the business's own relationships with them. The Record type makes every dimension of
 * TargetingRules appear here.
 */
const FUNNEL_ORDER: Record<TargetingDimension, true> = {
  cities: true,
  radiusKm: true,
  ageRanges: true,
  genders: true,
  incomeLevels: true,
  interests: true,
  minActivityScore: true,
  driversOnly: true,
  excludeExistingCustomers: true,
  excludeRecentVisitorsDays: true,
  includeFriendsOfCustomers: true,
};

export const TARGETING_DIMENSIONS = Object.keys(FUNNEL_ORDER) as TargetingDimension[];

export interface TargetingContext {
  businessId: string;
  /** The business's location; radiusKm needs it. */
  location: { latitude: number; longitude: number } | null;
  /** "Now" for the recent-visitor window, fixed once per estimate. */
  asOf: Date;
}

/** One dimension of a rule set as SQL over the profile `p`. */
export interface CompiledDimension {
  dimension: TargetingDimension;
  /**
   * True when `p` passes. NULL (an unknown value) must count as not passing: a WHERE clause does
   * that; elsewhere test it with IS TRUE. It stays a plain condition so indexes can serve it.
   */
  predicate: Prisma.Sql;
  /** The value `p` matched with, as jsonb: what a campaign target records. */
  matched: Prisma.Sql;
}

export const EARTH_RADIUS_KM = 6371.0088;
const KM_PER_DEGREE_LATITUDE = (Math.PI * EARTH_RADIUS_KM) / 180;

/** Great-circle distance (haversine) from `p` to a point, in km; NULL when `p` has no location. */
function distanceKm({ latitude, longitude }: { latitude: number; longitude: number }): Prisma.Sql {
  return Prisma.sql`(2 * ${EARTH_RADIUS_KM}::float8 * asin(least(1, sqrt(
    power(sin(radians(p.latitude - ${latitude}::float8) / 2), 2)
    + cos(radians(${latitude}::float8)) * cos(radians(p.latitude)) * power(sin(radians(p.longitude - ${longitude}::float8) / 2), 2)
  ))))`;
}

/**
 * A box around the circle, slightly larger than it, so an index on latitude can narrow the search
 * before the exact distance is computed. Longitude is left open near the poles and the date line,
 * where the box would wrap.
 */
function boundingBox({ latitude, longitude }: { latitude: number; longitude: number }, radiusKm: number): Prisma.Sql {
  const latitudeSpan = (radiusKm / KM_PER_DEGREE_LATITUDE) * 1.01;
  const conditions = [Prisma.sql`p.latitude BETWEEN ${latitude - latitudeSpan}::float8 AND ${latitude + latitudeSpan}::float8`];
  if (Math.abs(latitude) + latitudeSpan < 89) {
    const longitudeSpan = latitudeSpan / Math.cos((latitude * Math.PI) / 180);
    if (longitude - longitudeSpan > -180 && longitude + longitudeSpan < 180) {
      conditions.push(Prisma.sql`p.longitude BETWEEN ${longitude - longitudeSpan}::float8 AND ${longitude + longitudeSpan}::float8`);
    }
  }
  return Prisma.join(conditions, ' AND ');
}

/**
 * Whether `p` is a Driver now (NULL before their first ranking). A scalar subquery on purpose: it is
 * always a lookup by primary key for the people who get this far, where the planner would otherwise
 * be free to hash every Driver profile for an EXISTS.
 */
export const driverFlag = Prisma.sql`(SELECT dp.is_driver FROM driver_profiles dp WHERE dp.profile_id = p.id)`;
const activityScore = Prisma.sql`COALESCE((SELECT dp.score FROM driver_profiles dp WHERE dp.profile_id = p.id), 0)`;
const matchedTrue = Prisma.sql`'true'::jsonb`;

function customerOf(businessId: string, profile: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`EXISTS (
    SELECT 1 FROM business_interactions bi
    WHERE bi.business_id = ${businessId}::uuid AND bi.kind = 'PURCHASE' AND bi.profile_id = ${profile}
  )`;
}

function compileDimension(dimension: TargetingDimension, rules: TargetingRules, context: TargetingContext): Omit<CompiledDimension, 'dimension'> | null {
  switch (dimension) {
    case 'cities':
      return rules.cities ? { predicate: Prisma.sql`p.city = ANY(${rules.cities}::text[])`, matched: Prisma.sql`to_jsonb(p.city)` } : null;
    case 'radiusKm': {
      if (rules.radiusKm === undefined) return null;
      if (!context.location) {
        throw ValidationError.single(['rules', 'radiusKm'], 'needs the business’s location: set its latitude and longitude first');
      }
      const distance = distanceKm(context.location);
      return {
        predicate: Prisma.sql`(${boundingBox(context.location, rules.radiusKm)} AND ${distance} <= ${rules.radiusKm}::float8)`,
        matched: Prisma.sql`to_jsonb(round(${distance}::numeric, 3))`,
      };
    }
    case 'ageRanges':
      return rules.ageRanges ? { predicate: Prisma.sql`p.age_range = ANY(${rules.ageRanges}::text[])`, matched: Prisma.sql`to_jsonb(p.age_range)` } : null;
    case 'genders':
      return rules.genders ? { predicate: Prisma.sql`p.gender = ANY(${rules.genders}::text[]::gender[])`, matched: Prisma.sql`to_jsonb(p.gender)` } : null;
    case 'incomeLevels':
      return rules.incomeLevels
        ? { predicate: Prisma.sql`p.income_level = ANY(${rules.incomeLevels}::text[]::income_level[])`, matched: Prisma.sql`to_jsonb(p.income_level)` }
        : null;
    case 'interests':
      return rules.interests
        ? {
            predicate: Prisma.sql`p.interests && ${rules.interests}::text[]`,
            matched: Prisma.sql`to_jsonb(ARRAY(SELECT i FROM unnest(p.interests) i WHERE i = ANY(${rules.interests}::text[]) ORDER BY i))`,
          }
        : null;
    case 'minActivityScore':
      return rules.minActivityScore === undefined
        ? null
        : { predicate: Prisma.sql`${activityScore} >= ${rules.minActivityScore}::float8`, matched: Prisma.sql`to_jsonb(${activityScore})` };
    case 'driversOnly':
      return rules.driversOnly ? { predicate: driverFlag, matched: matchedTrue } : null;
    case 'excludeExistingCustomers':
      return rules.excludeExistingCustomers ? { predicate: Prisma.sql`NOT ${customerOf(context.businessId, Prisma.sql`p.id`)}`, matched: matchedTrue } : null;
    case 'excludeRecentVisitorsDays':
      return rules.excludeRecentVisitorsDays === undefined
        ? null
        : {
            predicate: Prisma.sql`NOT EXISTS (
              SELECT 1 FROM business_interactions bi
              WHERE bi.business_id = ${context.businessId}::uuid AND bi.kind = 'VISIT' AND bi.profile_id = p.id
                AND bi.occurred_at > ${context.asOf}::timestamptz - make_interval(days => ${rules.excludeRecentVisitorsDays}::int)
            )`,
            matched: matchedTrue,
          };
    case 'includeFriendsOfCustomers':
      return rules.includeFriendsOfCustomers
        ? {
            predicate: Prisma.sql`EXISTS (SELECT 1 FROM friendships f WHERE f.profile_id = p.id AND ${customerOf(context.businessId, Prisma.sql`f.friend_id`)})`,
            matched: matchedTrue,
          }
        : null;
  }
}

/**
 * The dimensions a rule set filters on, in funnel order, each a predicate whose values travel as
 * query parameters: input never becomes SQL text. A `false` flag filters nothing and is left out.
 */
export function compileTargeting(rules: TargetingRules, context: TargetingContext): CompiledDimension[] {
  return TARGETING_DIMENSIONS.flatMap((dimension) => {
    const compiled = compileDimension(dimension, rules, context);
    return compiled ? [{ dimension, ...compiled }] : [];
  });
}

/** Everyone the rules reach: all dimensions AND-ed (an empty rule set reaches everyone). */
export function audienceWhere(dimensions: CompiledDimension[]): Prisma.Sql {
  return dimensions.length === 0
    ? Prisma.sql`true`
    : Prisma.join(
        dimensions.map((dimension) => dimension.predicate),
        ' AND ',
      );
}

/** The values a profile matched the rules with, as one jsonb object keyed by dimension. */
export function matchedCriteria(dimensions: CompiledDimension[]): Prisma.Sql {
  if (dimensions.length === 0) return Prisma.sql`'{}'::jsonb`;
  return Prisma.sql`jsonb_build_object(${Prisma.join(dimensions.map((dimension) => Prisma.sql`${dimension.dimension}::text, ${dimension.matched}`))})`;
}
