import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { PrismaClient } from '../../generated/prisma/client';
import { ForbiddenError, NotFoundError, ValidationError } from '../../errors';
import type { Database, NamedStatement } from '../../platform/db';
import { decodeGlobalId, encodeGlobalId, isUuid } from '../../schema/ids';
import { parseInput, rules as textRules } from '../../validation';
import { Access } from '../access/policy';
import type { EventOutcome, IngestionService } from '../analytics/ingest';
import { isEditable } from '../campaigns/lifecycle';
import { experimentResult, type ExperimentResult } from './experiment-stats';
import type { ServableCampaign, ServingCatalog } from './catalog';
import type { CapCandidate, CapHistory, CapLimit, FrequencyCapStore } from './frequency-caps';
import {
  assignVariant,
  CAP_WINDOW_MS,
  landingUrlWithUtm,
  type PersonFacts,
  scheduleRefusal,
  servingConfigSchema,
  type ServingConfig,
  type ServingConfigInput,
  targetingMiss,
  type Variant,
} from './rules';
import { TRACKING_TOKEN_TTL_MS, type TrackedImpression, type TrackingTokens } from './tracking-token';

export const TRACKING_PATH = '/track';
export const CLICK_PATH = '/click';
export const SERVE_PATH = '/serve';

export const DEVICES = ['DESKTOP', 'MOBILE', 'TABLET', 'APP'] as const;
export const TRACKED_EVENT_TYPES = ['IMPRESSION', 'VIEWABLE_IMPRESSION', 'CLICK'] as const;
export type TrackedEventType = (typeof TRACKED_EVENT_TYPES)[number];

const profileGlobalId = z.string().transform((value, context) => {
  const decoded = decodeGlobalId(value);
  if (decoded?.typename === 'Profile' && isUuid(decoded.id)) return decoded.id.toLowerCase();
  context.addIssue({ code: 'custom', message: 'must be a profile id' });
  return z.NEVER;
});

const serveRequestSchema = z
  .object({
    placement: z.string().min(1, 'must not be empty').max(64, 'must be at most 64 characters'),
    profileId: profileGlobalId.nullish(),
    sessionId: z
      .string()
      .min(1, 'must not be empty')
      .max(128, 'must be at most 128 characters')
      .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces')
      .nullish(),
    context: z
      .object({
        city: textRules.name.nullish(),
        latitude: textRules.latitude.nullish(),
        longitude: textRules.longitude.nullish(),
        device: z.enum(DEVICES).nullish(),
        page: z.string().max(2000, 'must be at most 2000 characters').nullish(),
      })
      .nullish(),
    debug: z.boolean().nullish(),
  })
  .refine((request) => request.profileId != null || request.sessionId != null, {
    message: 'give a profileId or a sessionId: caps and variants follow the person',
    path: ['profileId'],
  })
  .refine((request) => (request.context?.latitude == null) === (request.context?.longitude == null), {
    message: 'latitude and longitude go together',
    path: ['context', 'latitude'],
  });

export type ServeRequest = z.input<typeof serveRequestSchema>;

export type CandidateOutcome = 'SERVED' | 'NOT_ELIGIBLE' | 'HOLDOUT' | 'CAPPED' | 'OUTRANKED';

export interface CandidateDecision {
  campaignId: string;
  outcome: CandidateOutcome;
  reason: string | null;
}

export interface ServedPromotion {
  campaignId: string;
  campaignName: string;
  variant: string;
  headline: string;
  body: string | null;
  imageUrl: string | null;
  callToAction: string;
  landingUrl: string;
  trackingToken: string;
  impressionUrl: string;
  viewableUrl: string;
  clickUrl: string;
  expiresAt: Date;
}

export interface ServeResult {
  served: ServedPromotion | null;
  /** Only with `debug`: each candidate of the placement the caller may see, and what became of it. */
  candidates: CandidateDecision[] | null;
}

interface Eligible {
  campaign: ServableCampaign;
  variant: Variant;
}

interface ProfileRow {
  city: string;
  latitude: number | null;
  longitude: number | null;
  age_range: string | null;
  gender: string | null;
  income_level: string | null;
  interests: string[];
  score: number | null;
  is_driver: boolean | null;
  interactions: Array<{ businessId: string; kind: 'VISIT' | 'PURCHASE'; lastAt: string }>;
  friends_customers_of: string[] | null;
}

/** What targeting needs of one profile, in one statement (friends only when a candidate asks). */
const PROFILE_FACTS: NamedStatement = {
  name: 'serving_profile_facts',
  text: `SELECT p.city, p.latitude, p.longitude, p.age_range, p.gender::text AS gender, p.income_level::text AS income_level, p.interests,
          dp.score, dp.is_driver,
          coalesce((SELECT json_agg(json_build_object('businessId', i.business_id, 'kind', i.kind, 'lastAt', i.last_at))
                    FROM (SELECT business_id, kind::text AS kind, max(occurred_at) AS last_at FROM business_interactions
                          WHERE profile_id = p.id GROUP BY 1, 2) i), '[]'::json) AS interactions,
          CASE WHEN $2::boolean THEN (
            SELECT coalesce(json_agg(DISTINCT bi.business_id), '[]'::json)
            FROM friendships f JOIN business_interactions bi ON bi.profile_id = f.friend_id AND bi.kind = 'PURCHASE'
            WHERE f.profile_id = p.id) END AS friends_customers_of
    FROM profiles p LEFT JOIN driver_profiles dp ON dp.profile_id = p.id
    WHERE p.id = $1::uuid`,
};

/** Recorded impressions of one person for some campaigns: what a lost cap count is rebuilt from. */
const IMPRESSION_HISTORY: NamedStatement = {
  name: 'serving_impression_history',
  text: `SELECT campaign_id::text, coalesce(placement, '') AS placement, count(*)::int AS total,
          coalesce(array_agg((extract(epoch FROM occurred_at) * 1000)::bigint::text) FILTER (WHERE occurred_at > $4::timestamptz), '{}') AS times
    FROM campaign_events
    WHERE campaign_id = ANY($1::uuid[]) AND type = 'IMPRESSION'
      AND (($2::uuid IS NOT NULL AND profile_id = $2::uuid) OR ($2::uuid IS NULL AND session_id = $3::text))
    GROUP BY 1, 2`,
};

/** Counts per variant for an experiment, and the pace of the last 7 days. */
const VARIANT_COUNTS: NamedStatement = {
  name: 'serving_variant_counts',
  text: `SELECT variant, sum(impressions)::text AS impressions, sum(clicks)::text AS clicks, sum(conversions)::text AS conversions,
          coalesce(sum(impressions) FILTER (WHERE hour > now() - interval '7 days'), 0)::text AS recent_impressions
    FROM campaign_hourly_buckets WHERE campaign_id = $1::uuid GROUP BY variant`,
};

const capLimitText: Record<CapLimit, string> = {
  perDay: 'shown the most times allowed in 24 hours',
  perWeek: 'shown the most times allowed in 7 days',
  lifetime: 'shown the most times allowed in total',
  minSecondsBetween: 'shown too recently',
};

/** The person's key in cap counts and variant hashes: the profile when known, else the session. */
const personKeyOf = (profileId: string | null, sessionId: string | null) => (profileId ? `p:${profileId}` : `s:${sessionId}`);

/** Whose counts a cap key holds: a campaign's for the person, or (with a placement) one placement's. */
interface CapScope {
  campaignId: string;
  placement: string | null;
}

function capCandidate(campaign: ServableCampaign, placement: string, personKey: string, scopes: Map<string, CapScope>): CapCandidate {
  const units: CapCandidate['units'] = [];
  if (campaign.frequencyCap) {
    const key = `${campaign.id}:${personKey}`;
    scopes.set(key, { campaignId: campaign.id, placement: null });
    units.push({ key, cap: campaign.frequencyCap });
  }
  if (campaign.placementFrequencyCap) {
    const key = `${campaign.id}:${placement}:${personKey}`;
    scopes.set(key, { campaignId: campaign.id, placement });
    units.push({ key, cap: campaign.placementFrequencyCap });
  }
  return { units };
}

export interface ServingDependencies {
  db: Database;
  catalog: ServingCatalog;
  caps: FrequencyCapStore;
  tokens: TrackingTokens;
  ingestion: IngestionService;
}

export class ServingService {
  private readonly prisma: PrismaClient;

  constructor(private readonly deps: ServingDependencies) {
    this.prisma = deps.db.prisma;
  }

  /**
   * Chooses what to show a person on a placement: every eligible campaign (ACTIVE, in its schedule,
   * budget left, every targeting dimension met, not held out), ordered by priority then expected
   * eCPM, and the first whose frequency caps still allow an impression, taken atomically.
   */
  async serve(access: Access, request: ServeRequest): Promise<ServeResult> {
    const input = parseInput(serveRequestSchema, request);
    const now = new Date();
    const campaigns = await this.deps.catalog.forPlacement(input.placement);
    const profileId = input.profileId ?? null;
    const sessionId = input.sessionId ?? null;
    const personKey = personKeyOf(profileId, sessionId);
    const decisions = new Map<string, CandidateDecision>();
    const decide = (campaignId: string, outcome: CandidateOutcome, reason: string | null) => decisions.set(campaignId, { campaignId, outcome, reason });

    const open: ServableCampaign[] = [];
    for (const campaign of campaigns) {
      const refusal = campaign.refusal ?? scheduleRefusal(campaign.schedule, campaign.startsAt, campaign.endsAt, now);
      if (refusal) decide(campaign.id, 'NOT_ELIGIBLE', refusal);
      else open.push(campaign);
    }
    const person = open.length === 0 ? null : await this.personFacts(profileId, input.context ?? null, open);
    const eligible: Eligible[] = [];
    for (const campaign of open) {
      const miss = targetingMiss(campaign.targeting, person!, { id: campaign.businessId, location: campaign.businessLocation }, now);
      if (miss) {
        decide(campaign.id, 'NOT_ELIGIBLE', `targeting: does not match ${miss}`);
        continue;
      }
      const variantKey = assignVariant(campaign.id, personKey, {
        holdoutPercent: campaign.holdoutPercent,
        variants: campaign.variants,
        winner: campaign.winner,
      });
      const variant = campaign.variants.find((v) => v.key === variantKey);
      if (!variant) {
        decide(campaign.id, 'HOLDOUT', 'in the experiment’s holdout');
        continue;
      }
      eligible.push({ campaign, variant });
    }
    eligible.sort(
      (a, b) => b.campaign.priority - a.campaign.priority || b.campaign.eCpmCents - a.campaign.eCpmCents || a.campaign.id.localeCompare(b.campaign.id),
    );

    const impressionId = randomUUID();
    const chosen = await this.takeFirstUncapped(eligible, input.placement, personKey, profileId, sessionId, impressionId, now, decide);
    for (const candidate of eligible) if (!decisions.has(candidate.campaign.id)) decide(candidate.campaign.id, 'OUTRANKED', null);
    const served = chosen ? this.promotion(chosen, input.placement, profileId, sessionId, impressionId, now) : null;
    if (chosen) decide(chosen.campaign.id, 'SERVED', null);
    return { served, candidates: input.debug ? await this.visibleDecisions(access, [...decisions.values()]) : null };
  }

  /**
   * The first candidate the caps allow. Candidates without caps need no store; capped ones before
   * the first of those go to the store in one atomic call, after any counts it lacks were rebuilt.
   */
  private async takeFirstUncapped(
    eligible: Eligible[],
    placement: string,
    personKey: string,
    profileId: string | null,
    sessionId: string | null,
    impressionId: string,
    now: Date,
    decide: (campaignId: string, outcome: CandidateOutcome, reason: string | null) => void,
  ): Promise<Eligible | null> {
    const firstUncapped = eligible.findIndex((e) => !e.campaign.frequencyCap && !e.campaign.placementFrequencyCap);
    const scopes = new Map<string, CapScope>();
    const capped = (firstUncapped === -1 ? eligible : eligible.slice(0, firstUncapped)).map((e) => ({
      eligible: e,
      caps: capCandidate(e.campaign, placement, personKey, scopes),
    }));
    if (capped.length === 0) return eligible[0] ?? null;
    try {
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const outcome = await this.deps.caps.take(
          capped.map((c) => c.caps),
          impressionId,
          now.getTime(),
        );
        if (outcome.kind === 'unseeded') {
          await this.deps.caps.seed(await this.capHistories(outcome.keys, scopes, profileId, sessionId, now), now.getTime());
          continue;
        }
        for (const refusal of outcome.refused) {
          const scope = scopes.get(capped[refusal.index]!.caps.units[refusal.unit]!.key)?.placement ? 'on this placement' : 'by this campaign';
          decide(capped[refusal.index]!.eligible.campaign.id, 'CAPPED', `frequency cap: ${capLimitText[refusal.limit]} ${scope}`);
        }
        return outcome.kind === 'taken' ? capped[outcome.index]!.eligible : (eligible[firstUncapped] ?? null);
      }
      throw new Error('frequency cap counts could not be rebuilt');
    } catch (error) {
      // Without the cap store nobody can know a cap is respected: capped campaigns sit this one out.
      for (const { eligible: e } of capped) decide(e.campaign.id, 'CAPPED', `frequency caps unavailable: ${(error as Error).message}`);
      return firstUncapped === -1 ? null : eligible[firstUncapped]!;
    }
  }

  /** Counts for the cap keys a store lacks, from the impressions PostgreSQL recorded. */
  private async capHistories(
    keys: string[],
    scopes: Map<string, CapScope>,
    profileId: string | null,
    sessionId: string | null,
    now: Date,
  ): Promise<CapHistory[]> {
    const rows = await this.deps.db.read<{ campaign_id: string; placement: string; total: number; times: string[] }>(IMPRESSION_HISTORY, [
      [...new Set([...scopes.values()].map((scope) => scope.campaignId))],
      profileId,
      sessionId,
      new Date(now.getTime() - CAP_WINDOW_MS),
    ]);
    return keys.map((key) => {
      const { campaignId, placement } = scopes.get(key)!;
      const matching = rows.filter((row) => row.campaign_id === campaignId && (placement === null || row.placement === placement));
      return {
        key,
        total: matching.reduce((sum, row) => sum + row.total, 0),
        times: matching.flatMap((row) => row.times.map(Number)),
      };
    });
  }

  private async personFacts(
    profileId: string | null,
    context: { city?: string | null; latitude?: number | null; longitude?: number | null } | null,
    campaigns: ServableCampaign[],
  ): Promise<PersonFacts> {
    const contextLocation = context?.latitude != null && context.longitude != null ? { latitude: context.latitude, longitude: context.longitude } : null;
    const needsFriends = campaigns.some((c) => c.targeting.includeFriendsOfCustomers);
    const [row] = profileId ? await this.deps.db.read<ProfileRow>(PROFILE_FACTS, [profileId, needsFriends]) : [];
    if (!row) {
      return {
        hasProfile: false,
        city: context?.city?.trim().replace(/\s+/g, ' ') ?? null,
        location: contextLocation,
        ageRange: null,
        gender: null,
        incomeLevel: null,
        interests: [],
        activityScore: null,
        isDriver: null,
        customerOf: new Set(),
        lastVisitAt: new Map(),
        friendsAreCustomersOf: new Set(),
      };
    }
    return {
      hasProfile: true,
      // Where the person is now, when the page says so, rather than where they live.
      city: context?.city?.trim().replace(/\s+/g, ' ') ?? row.city,
      location: contextLocation ?? (row.latitude !== null && row.longitude !== null ? { latitude: row.latitude, longitude: row.longitude } : null),
      ageRange: row.age_range,
      gender: row.gender,
      incomeLevel: row.income_level,
      interests: row.interests,
      activityScore: row.score ?? 0,
      isDriver: row.is_driver,
      customerOf: new Set(row.interactions.filter((i) => i.kind === 'PURCHASE').map((i) => i.businessId)),
      lastVisitAt: new Map(row.interactions.filter((i) => i.kind === 'VISIT').map((i) => [i.businessId, new Date(i.lastAt)])),
      friendsAreCustomersOf: new Set(row.friends_customers_of ?? []),
    };
  }

  private promotion(chosen: Eligible, placement: string, profileId: string | null, sessionId: string | null, impressionId: string, now: Date): ServedPromotion {
    const { campaign, variant } = chosen;
    const expiresAt = now.getTime() + TRACKING_TOKEN_TTL_MS;
    const token = this.deps.tokens.issue({
      impressionId,
      campaignId: campaign.id,
      variant: variant.key,
      placement,
      channel: campaign.channel,
      profileId,
      sessionId,
      servedAt: now.getTime(),
      expiresAt,
    });
    const query = `t=${encodeURIComponent(token)}`;
    return {
      campaignId: campaign.id,
      campaignName: campaign.name,
      variant: variant.key,
      headline: variant.creative.headline,
      body: variant.creative.body ?? null,
      imageUrl: variant.creative.imageUrl ?? null,
      callToAction: variant.creative.callToAction,
      landingUrl: landingUrlWithUtm(variant.creative.landingUrl, campaign, variant.key, placement, campaign.channel),
      trackingToken: token,
      impressionUrl: `${TRACKING_PATH}?type=IMPRESSION&${query}`,
      viewableUrl: `${TRACKING_PATH}?type=VIEWABLE_IMPRESSION&${query}`,
      clickUrl: `${CLICK_PATH}?${query}`,
      expiresAt: new Date(expiresAt),
    };
  }

  /** Debug answers name only campaigns the caller could see anyway: targeting is the owner's business. */
  private async visibleDecisions(access: Access, decisions: CandidateDecision[]): Promise<CandidateDecision[]> {
    if (access.isAdmin) return decisions;
    if (!access.isAuthenticated || decisions.length === 0) return [];
    const visible = await this.prisma.campaign.findMany({
      where: { AND: [{ id: { in: decisions.map((d) => d.campaignId) } }, access.campaignWhere()] },
      select: { id: true },
    });
    const ids = new Set(visible.map((c) => c.id));
    return decisions.filter((d) => ids.has(d.campaignId));
  }

  /**
   * Records an impression, a viewable impression or a click of a served promotion, through the
   * one ingestion path. The event id is derived from the impression id in the token, so a
   * repeated pixel or a double click counts once.
   */
  async track(token: string, type: TrackedEventType): Promise<{ outcome: EventOutcome; reason: string | null; impression: TrackedImpression }> {
    const impression = this.deps.tokens.verify(token, Date.now());
    const suffix: Record<TrackedEventType, string> = { IMPRESSION: '', VIEWABLE_IMPRESSION: ':viewable', CLICK: ':click' };
    const result = await this.deps.ingestion.record(Access.system('serving', this.prisma), [
      {
        id: `${impression.impressionId}${suffix[type]}`,
        campaignId: encodeGlobalId('Campaign', impression.campaignId),
        type,
        occurredAt: new Date(),
        profileId: impression.profileId ? encodeGlobalId('Profile', impression.profileId) : null,
        sessionId: impression.sessionId,
        channel: impression.channel as never,
        placement: impression.placement,
        variant: impression.variant,
      },
    ]);
    return { outcome: result.outcomes[0]!, reason: result.problems[0]?.reason ?? null, impression };
  }

  /** A click: recorded, then where to send the person (the variant's landing page with UTM parameters). */
  async click(token: string): Promise<{ location: string; outcome: EventOutcome }> {
    const { outcome, impression } = await this.track(token, 'CLICK');
    const variant = await this.prisma.campaignVariant.findUnique({
      where: { campaignId_key: { campaignId: impression.campaignId, key: impression.variant } },
      select: { landingUrl: true, serving: { select: { campaign: { select: { id: true, name: true } } } } },
    });
    if (!variant) throw new NotFoundError('CampaignVariant', impression.variant);
    return { location: landingUrlWithUtm(variant.landingUrl, variant.serving.campaign, impression.variant, impression.placement, impression.channel), outcome };
  }

  /** Replaces how a campaign is served, while its plan may be edited (draft, paused or rejected). */
  async configure(access: Access, campaignId: string, input: ServingConfigInput): Promise<void> {
    const campaign = await access.requireCampaign(campaignId, 'write');
    const config: ServingConfig = parseInput(servingConfigSchema, input);
    if (!isEditable(campaign.status)) {
      throw ValidationError.single(['campaignId'], `a ${campaign.status} campaign's serving cannot be edited; pause it first`);
    }
    const channels = await this.prisma.campaign.findUniqueOrThrow({ where: { id: campaignId }, select: { channels: true } });
    if (!channels.channels.includes(config.channel)) {
      throw ValidationError.single(['input', 'channel'], `must be one of the campaign’s channels (${channels.channels.join(', ')})`);
    }
    const settings = {
      placements: config.placements,
      channel: config.channel,
      priority: config.priority,
      frequencyCap: config.frequencyCap ?? undefined,
      placementFrequencyCap: config.placementFrequencyCap ?? undefined,
      holdoutPercent: config.holdoutPercent,
      confidenceLevel: config.confidenceLevel,
      autoPromoteWinner: config.autoPromoteWinner,
      winnerVariant: null,
      winnerDeclaredAt: null,
    };
    const variants = config.variants.map((v, position) => ({
      key: v.key,
      position,
      isControl: v.control || config.variants.length === 1,
      trafficPercent: v.trafficPercent,
      headline: v.creative.headline,
      body: v.creative.body ?? null,
      imageUrl: v.creative.imageUrl ?? null,
      callToAction: v.creative.callToAction,
      landingUrl: v.creative.landingUrl,
    }));
    await this.prisma.$transaction([
      this.prisma.campaignServing.upsert({ where: { campaignId }, create: { campaignId, ...settings }, update: settings }),
      this.prisma.campaignVariant.deleteMany({ where: { campaignId } }),
      this.prisma.campaignVariant.createMany({ data: variants.map((v) => ({ campaignId, ...v })) }),
    ]);
    this.deps.catalog.invalidate();
  }

  /** Sends all traffic outside the holdout to one variant (the owner's call, or the auto-promotion's). */
  async promoteVariant(access: Access, campaignId: string, variant: string): Promise<void> {
    await access.requireCampaign(campaignId, 'write');
    const updated = await this.prisma.campaignServing.updateMany({
      where: { campaignId, variants: { some: { key: variant } } },
      data: { winnerVariant: variant, winnerDeclaredAt: new Date() },
    });
    if (updated.count === 0) throw ValidationError.single(['variant'], 'is not one of the campaign’s variants');
    this.deps.catalog.invalidate();
  }

  /** The experiment's statistics: the owner's and admins', not a partner's. */
  async experiment(access: Access, campaignId: string): Promise<(ExperimentResult & { promotedVariant: string | null }) | null> {
    if (access.viewer?.role === 'PARTNER') throw new ForbiddenError('Experiment results are the campaign owner’s');
    await access.requireCampaign(campaignId, 'read');
    const serving = await this.prisma.campaignServing.findUnique({
      where: { campaignId },
      select: { confidenceLevel: true, winnerVariant: true, variants: { orderBy: { position: 'asc' }, select: { key: true, isControl: true } } },
    });
    if (!serving) return null;
    const rows = await this.deps.db.read<{ variant: string; impressions: string; clicks: string; conversions: string; recent_impressions: string }>(
      VARIANT_COUNTS,
      [campaignId],
    );
    const counts = serving.variants.map((v) => {
      const row = rows.find((r) => r.variant === v.key);
      return {
        key: v.key,
        control: v.isControl,
        impressions: Number(row?.impressions ?? 0),
        clicks: Number(row?.clicks ?? 0),
        conversions: Number(row?.conversions ?? 0),
      };
    });
    const recent = rows.filter((r) => serving.variants.some((v) => v.key === r.variant)).reduce((sum, r) => sum + Number(r.recent_impressions), 0);
    return { ...experimentResult(counts, serving.confidenceLevel, recent), promotedVariant: serving.winnerVariant };
  }

  /** For experiments that promote their winner: declares it once it is significant. */
  async promoteWinners(): Promise<number> {
    const system = Access.system('experiment auto-promotion', this.prisma);
    const open = await this.prisma.campaignServing.findMany({
      where: { autoPromoteWinner: true, winnerVariant: null, campaign: { status: 'ACTIVE' } },
      select: { campaignId: true },
    });
    let promoted = 0;
    for (const { campaignId } of open) {
      const result = await this.experiment(system, campaignId);
      if (!result?.winner) continue;
      const updated = await this.prisma.campaignServing.updateMany({
        where: { campaignId, winnerVariant: null },
        data: { winnerVariant: result.winner, winnerDeclaredAt: new Date() },
      });
      promoted += updated.count;
    }
    if (promoted > 0) this.deps.catalog.invalidate();
    return promoted;
  }
}
