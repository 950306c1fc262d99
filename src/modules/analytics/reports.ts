import { Prisma, type PrismaClient } from '../../generated/prisma/client';
import { CampaignStatus } from '../../generated/prisma/enums';
import { NotFoundError, ValidationError } from '../../errors';
import { dayInTimeZone } from '../../time';
import type { Access } from '../access/policy';
import type { KpiTarget } from '../campaigns/plan';
import type { EVENT_TYPES } from './ingest';
import { evaluateKpi, type KpiEvaluation } from './kpi';
import type { LiveStats } from './live';
import {
  columnsFromCounters,
  columnsOrZero,
  type CounterColumns,
  countersFromColumns,
  countersFromFields,
  EVENT_SUMS,
  NOTHING_COUNTED,
  PRISMA_SUM_SELECTION,
  sumColumns,
  SUMS_OR_ZERO,
} from './counters';
import { type Counters, ctr, cvr, viewability } from './rates';

const COUNTERS_OF_C = Prisma.raw(columnsOrZero('c'));
/** The event counters of campaign_events rows (the attribute breakdowns read events themselves). */
const EVENT_SUMS_SQL = Prisma.raw(EVENT_SUMS);

export type TrendPeriod = 'HOUR' | 'DAY' | 'WEEK' | 'MONTH';
type CalendarPeriod = Exclude<TrendPeriod, 'HOUR'>;

export const MAX_TREND_CAMPAIGNS = 50;
export const MAX_TREND_POINTS = 2000;
export const TOP_CAMPAIGNS_BY_ROAS = 5;

/**
 * The dimensions a campaign's counters can be broken down by: where the event happened (from the
 * hourly buckets) and who it happened to (events joined to the audience profiles).
 */
export const BREAKDOWN_DIMENSIONS = ['CHANNEL', 'PLACEMENT', 'VARIANT', 'AGE_RANGE', 'GENDER', 'CITY'] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];

/** Counters of one slice of the data. Spend and reach are null where the slice cannot know them. */
export interface Metrics extends Omit<Counters, 'spendCents' | 'reach'> {
  spendCents: number | null;
  reach: number | null;
}

/**
 * A rate of rates.ts over metrics. Unknown reach enters as 0, which rates.ts reads as unknown;
 * unknown spend enters as NaN, so every rate built on spend comes out NaN and is reported as null,
 * without a second list of which rates use spend.
 */
export function rateOf(compute: (counters: Counters) => number | null, metrics: Metrics): number | null {
  const value = compute({ ...metrics, spendCents: metrics.spendCents ?? Number.NaN, reach: metrics.reach ?? 0 });
  return value !== null && Number.isFinite(value) ? value : null;
}

export interface TrendPoint {
  /** A UTC hour as an ISO instant for HOUR; the first calendar day (YYYY-MM-DD) of the period otherwise. */
  start: string;
  metrics: Metrics;
}

export interface Trend {
  period: TrendPeriod;
  currency: string;
  points: TrendPoint[];
}

export interface TrendRange {
  from: Date;
  to: Date;
}

export interface FunnelStep {
  stage: (typeof EVENT_TYPES)[number];
  count: number;
  stepRate: number | null;
}

export interface BreakdownRow {
  /** The channel, placement or variant; null for events that did not say. */
  value: string | null;
  metrics: Metrics;
}

export interface CampaignPerformance {
  campaignId: string;
  name: string;
  status: CampaignStatus;
  metrics: Metrics;
}

export interface CampaignKpi extends KpiEvaluation {
  campaignId: string;
  campaignName: string;
}

export interface Dashboard {
  businessId: string;
  currency: string;
  /** The sum of the campaigns' stats sequences: it grows with every committed change of their counters. */
  sequence: number;
  generatedAt: Date;
  totals: Metrics;
  campaignCount: number;
  activeCampaignCount: number;
  campaignsByStatus: Array<{ status: CampaignStatus; count: number }>;
  topCampaignsByRoas: CampaignPerformance[];
  kpis: CampaignKpi[];
}

/**
 * Each stage counts one event type. The step rate is the stage's rate in rates.ts: clicks are
 * measured per impression (CTR), not per viewable impression, since not every channel reports
 * viewability.
 */
const FUNNEL: Array<{ stage: FunnelStep['stage']; count: (c: Counters) => number; stepRate: (c: Counters) => number | null }> = [
  { stage: 'IMPRESSION', count: (c) => c.impressions, stepRate: () => null },
  { stage: 'VIEWABLE_IMPRESSION', count: (c) => c.viewableImpressions, stepRate: viewability },
  { stage: 'CLICK', count: (c) => c.clicks, stepRate: ctr },
  { stage: 'CONVERSION', count: (c) => c.conversions, stepRate: cvr },
];

export function funnelOf(counters: Counters): FunnelStep[] {
  return FUNNEL.map((step) => ({ stage: step.stage, count: step.count(counters), stepRate: step.stepRate(counters) }));
}

const SUMMED_COUNTERS = Prisma.raw(SUMS_OR_ZERO);

/** A campaign with its running counters and spend; campaigns that counted nothing yet read as zeros. */
const CAMPAIGNS_WITH_COUNTERS = Prisma.sql`
  campaigns c
  LEFT JOIN campaign_stats s ON s.campaign_id = c.id
  LEFT JOIN campaign_budgets b ON b.campaign_id = c.id`;

interface CampaignCounterRow extends CounterColumns {
  campaign_id: string;
  name: string;
  status: CampaignStatus;
  reach: bigint;
  spend_cents: bigint;
}

const CAMPAIGN_COUNTERS = Prisma.raw(`
  c.id AS campaign_id, c.name, c.status::text AS status, ${columnsOrZero('s')},
  coalesce(s.reach, 0) AS reach, coalesce(b.spent_cents, 0) AS spend_cents`);

function metricsOf(row: CounterColumns, spendCents: bigint | number | null, reach: bigint | number | null): Metrics {
  return {
    ...countersFromColumns(row),
    spendCents: spendCents === null ? null : Number(spendCents),
    reach: reach === null ? null : Number(reach),
  };
}

const countersOfCampaign = (row: CampaignCounterRow): Counters => ({
  ...metricsOf(row, row.spend_cents, row.reach),
  spendCents: Number(row.spend_cents),
  reach: Number(row.reach),
});

const HOUR_MS = 3_600_000;
/** to_char pattern that prints a UTC hour exactly as Date.toISOString does. */
const HOUR_KEY_FORMAT = 'YYYY-MM-DD"T"HH24":00:00.000Z"';
const DAY_KEY_FORMAT = 'YYYY-MM-DD';
const POSTGRES_UNITS: Record<CalendarPeriod, string> = { DAY: 'day', WEEK: 'week', MONTH: 'month' };

const asUtcDate = (day: string) => new Date(`${day}T00:00:00Z`);
const dayKey = (date: Date) => date.toISOString().slice(0, 10);

/** The first day of the period that holds `day`: the day itself, its ISO week's Monday, or the 1st of its month. */
function periodStartOf(day: string, period: CalendarPeriod): string {
  const date = asUtcDate(day);
  if (period === 'WEEK') date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  if (period === 'MONTH') date.setUTCDate(1);
  return dayKey(date);
}

function nextPeriodStart(start: string, period: CalendarPeriod): string {
  const date = asUtcDate(start);
  if (period === 'DAY') date.setUTCDate(date.getUTCDate() + 1);
  if (period === 'WEEK') date.setUTCDate(date.getUTCDate() + 7);
  if (period === 'MONTH') date.setUTCMonth(date.getUTCMonth() + 1);
  return dayKey(date);
}

/** Every period key from `first` to `last`, so a series has a point for periods without data. */
function periodKeys(first: string, last: string, next: (key: string) => string, period: TrendPeriod): string[] {
  const keys: string[] = [];
  for (let key = first; key <= last; key = next(key)) {
    if (keys.length === MAX_TREND_POINTS) {
      throw ValidationError.single(
        ['to'],
        `is too far after from: a trend has at most ${MAX_TREND_POINTS} points (${period.toLowerCase()}s here); choose a longer period or a shorter range`,
      );
    }
    keys.push(key);
  }
  return keys;
}

function checkTrendRequest(campaignIds: string[], range: TrendRange): void {
  if (campaignIds.length === 0) throw ValidationError.single(['campaignIds'], 'must name at least one campaign');
  if (campaignIds.length > MAX_TREND_CAMPAIGNS) throw ValidationError.single(['campaignIds'], `must name at most ${MAX_TREND_CAMPAIGNS} campaigns`);
  const repeated = campaignIds.findIndex((id, index) => campaignIds.indexOf(id) !== index);
  if (repeated >= 0) throw ValidationError.single(['campaignIds', String(repeated)], 'names a campaign already in the list; each is counted once');
  if (range.to.getTime() <= range.from.getTime()) throw ValidationError.single(['to'], 'must be after from');
}

interface TrendCampaign {
  id: string;
  timeZone: string;
  currency: string;
}

interface SeriesRow extends CounterColumns {
  period: string;
  spend_cents: bigint;
}

/**
 * One statement: counters and spend per period key, each summed over all the campaigns before any
 * rate is taken. `counters` and `spend` select (period, …) rows grouped by period.
 */
async function readSeries(prisma: PrismaClient, counters: Prisma.Sql, spend: Prisma.Sql): Promise<Map<string, Metrics>> {
  const rows = await prisma.$queryRaw<SeriesRow[]>(Prisma.sql`
    WITH counters AS (${counters}), spend AS (${spend})
    SELECT coalesce(c.period, s.period) AS period, ${COUNTERS_OF_C}, coalesce(s.spend_cents, 0) AS spend_cents
    FROM counters c FULL JOIN spend s ON s.period = c.period`);
  return new Map(rows.map((row) => [row.period, metricsOf(row, row.spend_cents, null)]));
}

interface StatusRow extends CounterColumns {
  status: CampaignStatus;
  campaigns: number;
  spend_cents: bigint;
  sequence: bigint;
}

interface KpiCampaignRow extends CampaignCounterRow {
  starts_at: Date;
  ends_at: Date | null;
  kpi_targets: KpiTarget[];
}

/** Most impressions first; on a tie by value in code-point order, with events that did not say last. */
function byImpressionsThenValue(a: BreakdownRow, b: BreakdownRow): number {
  if (a.metrics.impressions !== b.metrics.impressions) return b.metrics.impressions - a.metrics.impressions;
  if (a.value === null || b.value === null) return Number(a.value === null) - Number(b.value === null);
  return a.value < b.value ? -1 : Number(a.value > b.value);
}

/** Trends, funnels, breakdowns and dashboards: reads over the counters ingestion keeps. */
export class ReportService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly live: LiveStats,
  ) {}

  /**
   * One series over one or more campaigns: counters and spend are summed per period first and the
   * rates are computed from the sums. HOUR periods are UTC hours; DAY, WEEK and MONTH are calendar
   * periods of each campaign's own time zone. The range is widened to whole periods, and periods
   * without data are zero points.
   */
  async trends(access: Access, campaignIds: string[], period: TrendPeriod, range: TrendRange): Promise<Trend> {
    checkTrendRequest(campaignIds, range);
    const campaigns = await this.visibleCampaigns(access, campaignIds);
    const currencies = [...new Set(campaigns.map((c) => c.currency))];
    if (currencies.length > 1) {
      throw ValidationError.single(['campaignIds'], `must all be in one currency to add up their money; they use ${currencies.sort().join(' and ')}`);
    }
    const { keys, values } = period === 'HOUR' ? await this.hourlySeries(campaigns, range) : await this.calendarSeries(campaigns, period, range);
    const zero = metricsOf(NOTHING_COUNTED, 0, null);
    return { period, currency: currencies[0]!, points: keys.map((start) => ({ start, metrics: values.get(start) ?? zero })) };
  }

  /** The campaigns in the order asked, or NotFound for the first the caller may not see. */
  private async visibleCampaigns(access: Access, campaignIds: string[]): Promise<TrendCampaign[]> {
    const rows = await this.prisma.campaign.findMany({
      where: { AND: [{ id: { in: campaignIds } }, access.campaignWhere()] },
      select: { id: true, schedule: true, business: { select: { currency: true } } },
    });
    const found = new Map(rows.map((row) => [row.id, row]));
    return campaignIds.map((id) => {
      const row = found.get(id);
      if (!row) throw new NotFoundError('Campaign', id);
      return { id, timeZone: (row.schedule as { timezone: string }).timezone, currency: row.business.currency };
    });
  }

  private async hourlySeries(campaigns: TrendCampaign[], range: TrendRange) {
    const hourOf = (instant: number) => new Date(Math.floor(instant / HOUR_MS) * HOUR_MS).toISOString();
    const nextHour = (hour: string) => new Date(Date.parse(hour) + HOUR_MS).toISOString();
    const from = hourOf(range.from.getTime());
    const last = hourOf(range.to.getTime() - 1);
    const keys = periodKeys(from, last, nextHour, 'HOUR');
    const until = nextHour(last);
    const ids = campaigns.map((c) => c.id);
    const values = await readSeries(
      this.prisma,
      Prisma.sql`
        SELECT to_char(hour AT TIME ZONE 'UTC', ${HOUR_KEY_FORMAT}) AS period, ${SUMMED_COUNTERS}
        FROM campaign_hourly_buckets
        WHERE campaign_id = ANY(${ids}::uuid[]) AND hour >= ${from}::timestamptz AND hour < ${until}::timestamptz
        GROUP BY 1`,
      Prisma.sql`
        SELECT to_char(date_trunc('hour', created_at AT TIME ZONE 'UTC'), ${HOUR_KEY_FORMAT}) AS period, sum(amount_cents)::bigint AS spend_cents
        FROM spend_entries
        WHERE campaign_id = ANY(${ids}::uuid[]) AND created_at >= ${from}::timestamptz AND created_at < ${until}::timestamptz
        GROUP BY 1`,
    );
    return { keys, values };
  }

  /**
   * Each campaign contributes its own calendar days that overlap the range. Campaigns in different
   * time zones may start or end a day apart, so the series runs from the earliest first period to
   * the latest last one.
   */
  private async calendarSeries(campaigns: TrendCampaign[], period: CalendarPeriod, range: TrendRange) {
    const lastInstant = new Date(range.to.getTime() - 1);
    const spans = campaigns.map((campaign) => {
      const first = periodStartOf(dayInTimeZone(range.from, campaign.timeZone), period);
      const last = periodStartOf(dayInTimeZone(lastInstant, campaign.timeZone), period);
      return { id: campaign.id, first, last, end: nextPeriodStart(last, period) };
    });
    const first = spans.map((s) => s.first).sort()[0]!;
    const last = spans
      .map((s) => s.last)
      .sort()
      .at(-1)!;
    const keys = periodKeys(first, last, (key) => nextPeriodStart(key, period), period);
    const unit = POSTGRES_UNITS[period];
    const days = Prisma.sql`unnest(${spans.map((s) => s.id)}::uuid[], ${spans.map((s) => s.first)}::date[], ${spans.map((s) => s.end)}::date[])
      AS r(campaign_id, first_day, end_day)`;
    const values = await readSeries(
      this.prisma,
      Prisma.sql`
        SELECT to_char(date_trunc(${unit}::text, d.day::timestamp), ${DAY_KEY_FORMAT}) AS period, ${SUMMED_COUNTERS}
        FROM campaign_daily_buckets d JOIN ${days} ON r.campaign_id = d.campaign_id AND d.day >= r.first_day AND d.day < r.end_day
        GROUP BY 1`,
      Prisma.sql`
        SELECT to_char(date_trunc(${unit}::text, d.day::timestamp), ${DAY_KEY_FORMAT}) AS period, sum(d.spent_cents)::bigint AS spend_cents
        FROM budget_days d JOIN ${days} ON r.campaign_id = d.campaign_id AND d.day >= r.first_day AND d.day < r.end_day
        GROUP BY 1`,
    );
    return { keys, values };
  }

  /**
   * How each breakdown dimension is read. Channel, placement and variant are columns of the hourly
   * buckets; only channels carry spend, because the ledger records spend per channel.
   */
  private readonly breakdownReaders: Record<BreakdownDimension, (campaignId: string) => Promise<BreakdownRow[]>> = {
    CHANNEL: (campaignId) => this.channelBreakdown(campaignId),
    PLACEMENT: (campaignId) => this.bucketBreakdown(campaignId, 'placement'),
    VARIANT: (campaignId) => this.bucketBreakdown(campaignId, 'variant'),
    AGE_RANGE: (campaignId) => this.profileBreakdown(campaignId, Prisma.sql`p.age_range`),
    GENDER: (campaignId) => this.profileBreakdown(campaignId, Prisma.sql`p.gender::text`),
    CITY: (campaignId) => this.profileBreakdown(campaignId, Prisma.sql`p.city`),
  };

  /** The campaign's counters per value of one dimension, most impressions first; null is "not said". */
  async breakdown(campaignId: string, dimension: BreakdownDimension): Promise<BreakdownRow[]> {
    return (await this.breakdownReaders[dimension](campaignId)).sort(byImpressionsThenValue);
  }

  private async bucketCounters(campaignId: string, column: 'channel' | 'placement' | 'variant'): Promise<Map<string, CounterColumns>> {
    const groups = await this.prisma.campaignHourlyBucket.groupBy({
      by: [column],
      where: { campaignId },
      _sum: PRISMA_SUM_SELECTION,
    });
    return new Map(groups.map((group) => [group[column], columnsFromCounters(countersFromFields(group._sum))]));
  }

  private async bucketBreakdown(campaignId: string, column: 'placement' | 'variant'): Promise<BreakdownRow[]> {
    const counters = await this.bucketCounters(campaignId, column);
    return [...counters].map(([value, row]) => ({ value: value || null, metrics: metricsOf(row, null, null) }));
  }

  /**
   * Counters per profile attribute, from the events themselves: reach is exact per row (distinct
   * profiles), spend is unknown (the ledger has no demographics), and events without a known
   * profile form the null row.
   */
  private async profileBreakdown(campaignId: string, attribute: Prisma.Sql): Promise<BreakdownRow[]> {
    const rows = await this.prisma.$queryRaw<Array<CounterColumns & { value: string | null; reach: bigint }>>(Prisma.sql`
      SELECT ${attribute} AS value, ${EVENT_SUMS_SQL}, count(DISTINCT e.profile_id)::bigint AS reach
      FROM campaign_events e LEFT JOIN profiles p ON p.id = e.profile_id
      WHERE e.campaign_id = ${campaignId}::uuid
      GROUP BY 1`);
    return rows.map((row) => ({ value: row.value, metrics: metricsOf(row, null, row.value === null ? null : row.reach) }));
  }

  /** Channels from the buckets and the ledger: a channel may have spend (a manual one) and no events. */
  private async channelBreakdown(campaignId: string): Promise<BreakdownRow[]> {
    const [counters, spend] = await Promise.all([
      this.bucketCounters(campaignId, 'channel'),
      this.prisma.spendEntry.groupBy({ by: ['channel'], where: { campaignId }, _sum: { amountCents: true } }),
    ]);
    const spendByChannel = new Map(spend.map((row) => [row.channel ?? '', row._sum.amountCents ?? 0n]));
    const channels = new Set([...counters.keys(), ...spendByChannel.keys()]);
    return [...channels].map((channel) => ({
      value: channel || null,
      metrics: metricsOf(counters.get(channel) ?? NOTHING_COUNTED, spendByChannel.get(channel) ?? 0n, null),
    }));
  }

  async businessDashboard(access: Access, businessId: string): Promise<Dashboard> {
    return this.dashboard(await access.requireBusiness(businessId, 'read'));
  }

  /** A snapshot first, then the dashboard recomputed (coalesced) after each change of the business's counters. */
  async watchDashboard(access: Access, businessId: string): Promise<AsyncIterable<Dashboard>> {
    const business = await access.requireBusiness(businessId, 'read');
    return this.live.watchBusiness(business.id, () => this.dashboard(business));
  }

  /**
   * The business's dashboard in four grouped statements, however many campaigns it has, read in
   * one repeatable-read transaction so totals, sequence and rankings describe the same moment.
   * The caller has checked that the business is visible.
   */
  async dashboard(business: { id: string; currency: string }, now = new Date()): Promise<Dashboard> {
    const [byStatus, reachRows, top, kpiCampaigns] = await this.prisma.$transaction(
      [
        this.prisma.$queryRaw<StatusRow[]>(Prisma.sql`
          SELECT c.status::text AS status, count(*)::int AS campaigns, ${SUMMED_COUNTERS},
                 coalesce(sum(b.spent_cents), 0)::bigint AS spend_cents, coalesce(sum(s.sequence), 0)::bigint AS sequence
          FROM ${CAMPAIGNS_WITH_COUNTERS}
          WHERE c.business_id = ${business.id}::uuid
          GROUP BY c.status`),
        // Distinct across campaigns: a person reached by two campaigns is one person reached.
        this.prisma.$queryRaw<Array<{ reach: bigint }>>(Prisma.sql`
          SELECT count(DISTINCT r.profile_id)::bigint AS reach
          FROM campaign_reach r JOIN campaigns c ON c.id = r.campaign_id
          WHERE c.business_id = ${business.id}::uuid`),
        // Ordered by ROAS (revenue ÷ spend, as in rates.ts) in SQL so that only the top rows are read.
        this.prisma.$queryRaw<CampaignCounterRow[]>(Prisma.sql`
          SELECT ${CAMPAIGN_COUNTERS}
          FROM ${CAMPAIGNS_WITH_COUNTERS}
          WHERE c.business_id = ${business.id}::uuid AND b.spent_cents > 0
          ORDER BY coalesce(s.revenue_cents, 0)::numeric / b.spent_cents DESC, b.spent_cents DESC, c.id
          LIMIT ${TOP_CAMPAIGNS_BY_ROAS}`),
        this.prisma.$queryRaw<KpiCampaignRow[]>(Prisma.sql`
          SELECT ${CAMPAIGN_COUNTERS}, c.starts_at, c.ends_at, c.kpi_targets
          FROM ${CAMPAIGNS_WITH_COUNTERS}
          WHERE c.business_id = ${business.id}::uuid AND c.status IN ('ACTIVE', 'PAUSED') AND jsonb_array_length(c.kpi_targets) > 0
          ORDER BY c.name, c.id`),
      ],
      { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead },
    );
    const counted = new Map(byStatus.map((row) => [row.status, row]));
    const total = (pick: (row: StatusRow) => bigint | number) => byStatus.reduce((sum, row) => sum + BigInt(pick(row)), 0n);
    return {
      businessId: business.id,
      currency: business.currency,
      sequence: Number(total((row) => row.sequence)),
      generatedAt: now,
      totals: metricsOf(
        sumColumns(byStatus),
        total((row) => row.spend_cents),
        reachRows[0]?.reach ?? 0n,
      ),
      campaignCount: Number(total((row) => row.campaigns)),
      activeCampaignCount: counted.get('ACTIVE')?.campaigns ?? 0,
      campaignsByStatus: Object.values(CampaignStatus).map((status) => ({ status, count: counted.get(status)?.campaigns ?? 0 })),
      topCampaignsByRoas: top.map((row) => ({
        campaignId: row.campaign_id,
        name: row.name,
        status: row.status,
        metrics: metricsOf(row, row.spend_cents, row.reach),
      })),
      kpis: kpiCampaigns.flatMap((row) =>
        row.kpi_targets.map((target) => ({
          campaignId: row.campaign_id,
          campaignName: row.name,
          ...evaluateKpi(target, countersOfCampaign(row), { startsAt: row.starts_at, endsAt: row.ends_at }, now),
        })),
      ),
    };
  }
}
