import type { Database, NamedStatement } from '../../platform/db';
import type { Logger } from '../../platform/logger';
import { targetingRulesSchema, type TargetingRules } from '../audiences/targeting-rules';
import { availableUnder } from '../budgets/service';
import type { Schedule } from '../campaigns/plan';
import { dayInTimeZone } from '../../time';
import { expectedCpmCents, type FrequencyCap, type Variant } from './rules';

/** An ACTIVE campaign as serving sees it: everything a serve decides on, in memory. */
export interface ServableCampaign {
  id: string;
  businessId: string;
  name: string;
  schedule: Schedule;
  startsAt: Date;
  endsAt: Date | null;
  targeting: TargetingRules;
  businessLocation: { latitude: number; longitude: number } | null;
  placements: string[];
  channel: string;
  priority: number;
  frequencyCap: FrequencyCap | null;
  placementFrequencyCap: FrequencyCap | null;
  holdoutPercent: number;
  winner: string | null;
  variants: Variant[];
  eCpmCents: number;
  /** Why it cannot be shown at all right now (a budget limit with nothing left, say), or null. */
  refusal: string | null;
}

interface CatalogRow {
  id: string;
  business_id: string;
  name: string;
  schedule: Schedule;
  starts_at: Date;
  ends_at: Date | null;
  targeting_rules: unknown;
  cpm_cents: number | null;
  cpc_cents: number | null;
  cpa_cents: number | null;
  placements: string[];
  channel: string;
  priority: number;
  frequency_cap: FrequencyCap | null;
  placement_frequency_cap: FrequencyCap | null;
  holdout_percent: number;
  winner_variant: string | null;
  business_latitude: number | null;
  business_longitude: number | null;
  total_cents: string | null;
  spent_cents: string | null;
  daily_cap_cents: string | null;
  days: Array<{ day: string; spentCents: string }>;
  allocations: Array<{ channel: string; allocatedCents: string; spentCents: string }>;
  impressions: string;
  clicks: string;
  conversions: string;
  variants: Variant[] | null;
}

/** Every ACTIVE campaign with a serving configuration, with what its budget and counters say now. */
const SERVABLE_CAMPAIGNS: NamedStatement = {
  name: 'serving_catalog',
  text: `SELECT c.id::text, c.business_id::text, c.name, c.schedule, c.starts_at, c.ends_at, c.targeting_rules,
         c.cpm_cents, c.cpc_cents, c.cpa_cents,
         s.placements, s.channel::text AS channel, s.priority, s.frequency_cap, s.placement_frequency_cap, s.holdout_percent, s.winner_variant,
         b.latitude AS business_latitude, b.longitude AS business_longitude,
         bud.total_cents::text, bud.spent_cents::text, bud.daily_cap_cents::text,
         coalesce((SELECT json_agg(json_build_object('day', d.day::text, 'spentCents', d.spent_cents::text))
                   FROM budget_days d WHERE d.campaign_id = c.id AND d.day >= current_date - 1), '[]'::json) AS days,
         coalesce((SELECT json_agg(json_build_object('channel', a.channel, 'allocatedCents', a.allocated_cents::text, 'spentCents', a.spent_cents::text))
                   FROM budget_allocations a WHERE a.campaign_id = c.id), '[]'::json) AS allocations,
         coalesce(st.impressions, 0)::text AS impressions, coalesce(st.clicks, 0)::text AS clicks, coalesce(st.conversions, 0)::text AS conversions,
         (SELECT json_agg(json_build_object('key', v.key, 'control', v.is_control, 'trafficPercent', v.traffic_percent,
                 'creative', json_build_object('headline', v.headline, 'body', v.body, 'imageUrl', v.image_url,
                                               'callToAction', v.call_to_action, 'landingUrl', v.landing_url)) ORDER BY v.position)
          FROM campaign_variants v WHERE v.campaign_id = c.id) AS variants
    FROM campaigns c
    JOIN campaign_serving s ON s.campaign_id = c.id
    JOIN businesses b ON b.id = c.business_id
    LEFT JOIN campaign_budgets bud ON bud.campaign_id = c.id
    LEFT JOIN campaign_stats st ON st.campaign_id = c.id
    WHERE c.status = 'ACTIVE'`,
};

function budgetRefusal(row: CatalogRow, now: Date): string | null {
  if (row.total_cents === null || row.spent_cents === null) return 'has no budget';
  const today = dayInTimeZone(now, row.schedule.timezone);
  const spentToday = BigInt(row.days.find((d) => d.day === today)?.spentCents ?? '0');
  const allocations = row.allocations.map((a) => ({ channel: a.channel, allocatedCents: BigInt(a.allocatedCents), spentCents: BigInt(a.spentCents) }));
  const limits = availableUnder(
    {
      totalCents: BigInt(row.total_cents),
      spentCents: BigInt(row.spent_cents),
      dailyCapCents: row.daily_cap_cents === null ? null : BigInt(row.daily_cap_cents),
      timeZone: row.schedule.timezone,
    },
    allocations,
    allocations.find((a) => a.channel === row.channel),
    spentToday,
  );
  const exhausted = limits.find((limit) => limit.available <= 0n);
  return exhausted ? `budget: nothing left under ${exhausted.limit}` : null;
}

function toServable(row: CatalogRow, now: Date): ServableCampaign {
  const targeting = targetingRulesSchema.safeParse(row.targeting_rules);
  return {
    id: row.id,
    businessId: row.business_id,
    name: row.name,
    schedule: row.schedule,
    startsAt: new Date(row.starts_at),
    endsAt: row.ends_at === null ? null : new Date(row.ends_at),
    targeting: targeting.success ? targeting.data : {},
    businessLocation:
      row.business_latitude !== null && row.business_longitude !== null ? { latitude: row.business_latitude, longitude: row.business_longitude } : null,
    placements: row.placements,
    channel: row.channel,
    priority: row.priority,
    frequencyCap: row.frequency_cap,
    placementFrequencyCap: row.placement_frequency_cap,
    holdoutPercent: row.holdout_percent,
    winner: row.winner_variant,
    variants: row.variants ?? [],
    eCpmCents: expectedCpmCents(
      { cpmCents: row.cpm_cents, cpcCents: row.cpc_cents, cpaCents: row.cpa_cents },
      { impressions: Number(row.impressions), clicks: Number(row.clicks), conversions: Number(row.conversions) },
    ),
    // Stored rules were validated on the way in; rules that no longer parse reach nobody rather than everyone.
    refusal: !targeting.success ? 'targeting rules no longer validate' : (row.variants ?? []).length === 0 ? 'has no variants' : budgetRefusal(row, now),
  };
}

/**
 * The servable campaigns by placement, held in memory and reloaded every `refreshMs`, and at once
 * when this server sees a campaign's lifecycle or serving change (a pause, an exhausted budget): a
 * serve never waits for the database to learn which campaigns exist. Other servers' changes reach
 * this one within `refreshMs`.
 */
export class ServingCatalog {
  private byPlacement = new Map<string, ServableCampaign[]>();
  private hasLoaded = false;
  private reloading: Promise<void> | undefined;
  private stale = true;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Database,
    private readonly refreshMs: number,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => this.invalidate(), this.refreshMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** The next serve reloads first. */
  invalidate(): void {
    this.stale = true;
  }

  async forPlacement(placement: string): Promise<readonly ServableCampaign[]> {
    if (this.stale) await this.reload();
    return this.byPlacement.get(placement) ?? [];
  }

  private reload(): Promise<void> {
    this.reloading ??= (async () => {
      this.stale = false;
      try {
        const now = new Date();
        const rows = await this.db.read<CatalogRow>(SERVABLE_CAMPAIGNS, []);
        const next = new Map<string, ServableCampaign[]>();
        for (const row of rows) {
          const campaign = toServable(row, now);
          for (const placement of campaign.placements) {
            const list = next.get(placement) ?? [];
            list.push(campaign);
            next.set(placement, list);
          }
        }
        this.byPlacement = next;
        this.hasLoaded = true;
      } catch (error) {
        // Keep serving from the last good catalog; the next serve tries again.
        this.stale = true;
        this.logger.warn({ err: error }, 'serving catalog reload failed');
        if (!this.hasLoaded) throw error;
      } finally {
        this.reloading = undefined;
      }
    })();
    return this.reloading;
  }
}
