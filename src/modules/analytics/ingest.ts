import { z } from 'zod';
import { Prisma, type PrismaClient } from '../../generated/prisma/client';
import type { Channel } from '../../generated/prisma/enums';
import { ValidationError } from '../../errors';
import type { Access } from '../access/policy';
import type { BudgetService } from '../budgets/service';
import type { LifecycleMessage } from '../campaigns/events';
import { CHANNELS, MAX_CENTS } from '../campaigns/plan';
import type { BudgetAlertMessage } from '../budgets/service';
import { billing } from './billing';
import type { LiveStats } from './live';
import { withRetry } from '../../platform/retry';

export const MAX_EVENTS_PER_BATCH = 1000;
/** Clients' clocks drift; an event may claim to be this far in the future, or before the start. */
const ALLOWED_CLOCK_SKEW_MS = 5 * 60 * 1000;
const MAX_PROPERTIES_BYTES = 4096;

export const EVENT_TYPES = ['IMPRESSION', 'VIEWABLE_IMPRESSION', 'CLICK', 'CONVERSION'] as const;
export const CONVERSION_TYPES = ['SALE', 'PURCHASE', 'LEAD', 'SIGNUP', 'INSTALL', 'RSVP', 'OTHER'] as const;

const label = (max: number) => z.string().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

const eventSchema = z
  .object({
    id: label(128).regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces'),
    campaignId: z.uuid({ message: 'must be a campaign id' }),
    type: z.enum(EVENT_TYPES),
    occurredAt: z.date().refine((date) => !Number.isNaN(date.getTime()), 'must be a valid date-time'),
    profileId: z.uuid({ message: 'must be a profile id' }).nullish(),
    sessionId: label(128).nullish(),
    channel: z.enum(CHANNELS).nullish(),
    placement: label(100).nullish(),
    variant: label(100).nullish(),
    valueCents: z.number().int('must be a whole number of cents').min(0, 'must not be negative').max(MAX_CENTS, 'is too large').nullish(),
    currency: z.string().nullish(),
    conversionType: z.enum(CONVERSION_TYPES).nullish(),
    properties: z
      .record(z.string(), z.unknown())
      .refine((properties) => JSON.stringify(properties).length <= MAX_PROPERTIES_BYTES, `must be at most ${MAX_PROPERTIES_BYTES} bytes of JSON`)
      .nullish(),
  })
  .superRefine((event, issues) => {
    const conversion = event.type === 'CONVERSION';
    if (!conversion && (event.valueCents != null || event.conversionType != null)) {
      issues.addIssue({ code: 'custom', path: ['valueCents'], message: 'only conversions carry a value or a conversion type' });
    }
    if ((event.valueCents != null) !== (event.currency != null)) {
      issues.addIssue({ code: 'custom', path: ['currency'], message: 'valueCents and currency go together' });
    }
  });

export type EventInput = z.input<typeof eventSchema>;
type Event = z.output<typeof eventSchema>;

export type EventOutcome = 'ACCEPTED' | 'DUPLICATE' | 'REJECTED';

/** An event that was not counted, and why. */
export interface EventProblem {
  index: number;
  id: string;
  outcome: Exclude<EventOutcome, 'ACCEPTED'>;
  reason: string;
}

/**
 * The answer for every event: `outcomes` in the order they were sent, and the reason for each one
 * that was not accepted. (A list of outcomes stays cheap to send for a batch of 1,000.)
 */
export interface IngestResult {
  outcomes: EventOutcome[];
  problems: EventProblem[];
  accepted: number;
  duplicates: number;
  rejected: number;
}

interface CampaignFacts {
  id: string;
  businessId: string;
  status: string;
  channels: string[];
  startsAt: Date;
  currency: string;
  cpmCents: number | null;
  cpcCents: number | null;
  cpaCents: number | null;
}

/** What one committed batch did to one campaign, read back from the insert statement. */
interface CampaignDelta {
  campaign_id: string;
  channel: string;
  impressions: number;
  clicks: number;
  conversions: number;
}

interface Totals {
  campaign_id: string;
  impressions: string;
  viewable_impressions: string;
  clicks: string;
  conversions: string;
  revenue_cents: string;
  reach: string;
  unbilled_cents: string;
  billing_carry_millicents: string;
  sequence: string;
  updated_at: string;
}

interface Committed {
  inserted: Array<[string, string]>;
  deltas: CampaignDelta[];
  totals: Totals[];
}

function rejectionOf(event: Event, campaign: CampaignFacts | undefined, writable: boolean, now: number): string | null {
  if (!campaign) return 'campaignId: campaign not found';
  if (!writable) return 'campaignId: partner keys are read-only';
  if (campaign.status !== 'ACTIVE') return `campaignId: campaign is ${campaign.status}; only ACTIVE campaigns take events`;
  const at = event.occurredAt.getTime();
  if (at > now + ALLOWED_CLOCK_SKEW_MS) return 'occurredAt: is in the future';
  if (at < campaign.startsAt.getTime() - ALLOWED_CLOCK_SKEW_MS) return 'occurredAt: is before the campaign started';
  if (event.channel && !campaign.channels.includes(event.channel)) return 'channel: is not one of the campaign’s channels';
  if (event.currency != null && event.currency !== campaign.currency) return `currency: must be the business's currency, ${campaign.currency}`;
  return null;
}

export class IngestionService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly live: LiveStats,
    private readonly budgets: BudgetService,
  ) {}

  /**
   * Records a batch in one transaction and answers per event. Events are keyed by (campaign,
   * client event id) and only the ones actually inserted move counters, buckets, reach and spend,
   * so a batch retried after a timeout or a crash counts nothing twice, committed or not.
   */
  async record(access: Access, events: EventInput[]): Promise<IngestResult> {
    access.requireAuthenticated();
    if (events.length === 0) throw ValidationError.single(['events'], 'must contain at least one event');
    if (events.length > MAX_EVENTS_PER_BATCH) {
      throw ValidationError.single(['events'], `must contain at most ${MAX_EVENTS_PER_BATCH} events per batch`);
    }
    const outcomes: EventOutcome[] = events.map(() => 'ACCEPTED');
    const problems: EventProblem[] = [];
    const flag = (index: number, outcome: EventProblem['outcome'], reason: string) => {
      outcomes[index] = outcome;
      problems.push({ index, id: String(events[index]!.id), outcome, reason });
    };
    const reject = (index: number, reason: string) => flag(index, 'REJECTED', reason);
    const valid: Array<{ index: number; event: Event }> = [];
    events.forEach((raw, index) => {
      const parsed = eventSchema.safeParse(raw);
      if (parsed.success) valid.push({ index, event: parsed.data });
      else reject(index, `${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}`);
    });

    const campaigns = await this.campaignFacts(access, [...new Set(valid.map(({ event }) => event.campaignId))]);
    const writable = access.viewer?.role !== 'PARTNER';
    const now = Date.now();
    const toInsert = valid.filter(({ index, event }) => {
      const reason = rejectionOf(event, campaigns.get(event.campaignId), writable, now);
      if (reason) reject(index, reason);
      return reason === null;
    });
    if (toInsert.length === 0) return summarize(outcomes, problems);

    const { committed, spent, alerts, lifecycle } = await withRetry(() =>
      this.prisma.$transaction(async (tx) => {
        const committed = await insertEvents(tx, toInsert.map(({ event }) => event));
        const charged = await this.bill(tx, committed, campaigns);
        return { committed, ...charged };
      }),
    );

    const insertedKeys = new Set(committed.inserted.map(([campaignId, eventId]) => `${campaignId}\u0000${eventId}`));
    for (const { index, event } of toInsert) {
      if (!insertedKeys.delete(`${event.campaignId}\u0000${event.id}`)) flag(index, 'DUPLICATE', 'an event with this id was already recorded');
    }
    for (const row of committed.totals) {
      const campaign = campaigns.get(row.campaign_id)!;
      this.live.publish({
        campaignId: row.campaign_id,
        businessId: campaign.businessId,
        sequence: Number(row.sequence),
        impressions: Number(row.impressions),
        viewableImpressions: Number(row.viewable_impressions),
        clicks: Number(row.clicks),
        conversions: Number(row.conversions),
        revenueCents: Number(row.revenue_cents),
        reach: Number(row.reach),
        spendCents: spent.get(row.campaign_id) ?? 0,
        unbilledCents: Number(row.unbilled_cents),
        updatedAt: new Date(row.updated_at).toISOString(),
      });
    }
    this.budgets.publish({ alerts, lifecycle });
    return summarize(outcomes, problems);
  }

  private async campaignFacts(access: Access, ids: string[]): Promise<Map<string, CampaignFacts>> {
    if (ids.length === 0) return new Map();
    const rows = await this.prisma.campaign.findMany({
      where: { AND: [{ id: { in: ids } }, access.campaignWhere()] },
      select: {
        id: true,
        businessId: true,
        status: true,
        channels: true,
        startsAt: true,
        cpmCents: true,
        cpcCents: true,
        cpaCents: true,
        business: { select: { currency: true } },
      },
    });
    return new Map(rows.map((row) => [row.id, { ...row, currency: row.business.currency }]));
  }

  /**
   * Charges what the inserted events cost at each campaign's pricing to its budget ledger, per
   * channel, in the same transaction. Events already happened, so a charge is capped at what the
   * budget allows and the rest is counted as unbilled rather than refused.
   */
  private async bill(
    tx: Prisma.TransactionClient,
    committed: Committed,
    campaigns: Map<string, CampaignFacts>,
  ): Promise<{ spent: Map<string, number>; alerts: BudgetAlertMessage[]; lifecycle: LifecycleMessage[] }> {
    const spent = new Map<string, number>();
    const alerts: BudgetAlertMessage[] = [];
    const lifecycle: LifecycleMessage[] = [];
    for (const totals of committed.totals) {
      const campaign = campaigns.get(totals.campaign_id)!;
      const deltas = committed.deltas.filter((d) => d.campaign_id === totals.campaign_id);
      const plan = billing(campaign, deltas, BigInt(totals.billing_carry_millicents));
      let unbilled = 0;
      let spentCents: number | undefined;
      for (const { channel, cents } of plan.charges) {
        const outcome = await this.budgets.charge(
          tx,
          {
            campaignId: campaign.id,
            amountCents: cents,
            channel: (channel || null) as Channel | null,
            reason: 'billed events',
            idempotencyKey: `events:${totals.sequence}:${channel || 'unallocated'}`,
            actorId: null,
          },
          'cap',
        );
        unbilled += outcome.result.uncharged;
        spentCents = outcome.spentCents;
        alerts.push(...outcome.alerts);
        lifecycle.push(...outcome.lifecycle);
      }
      if (unbilled > 0 || plan.carryMillicents !== BigInt(totals.billing_carry_millicents)) {
        await tx.campaignStats.update({
          where: { campaignId: campaign.id },
          data: { unbilledCents: { increment: unbilled }, billingCarryMillicents: plan.carryMillicents },
        });
        totals.unbilled_cents = String(BigInt(totals.unbilled_cents) + BigInt(unbilled));
      }
      spentCents ??= Number((await tx.campaignBudget.findUnique({ where: { campaignId: campaign.id }, select: { spentCents: true } }))?.spentCents ?? 0);
      spent.set(campaign.id, spentCents);
    }
    return { spent, alerts, lifecycle };
  }
}

function summarize(outcomes: EventOutcome[], problems: EventProblem[]): IngestResult {
  problems.sort((a, b) => a.index - b.index);
  const count = (outcome: EventOutcome) => outcomes.filter((o) => o === outcome).length;
  return { outcomes, problems, accepted: count('ACCEPTED'), duplicates: count('DUPLICATE'), rejected: count('REJECTED') };
}

const COUNTERS = ['impressions', 'viewable_impressions', 'clicks', 'conversions', 'revenue_cents'] as const;

/**
 * Two statements. The first inserts the events (a repeated key inserts nothing) and the reach
 * rows, and sums what was inserted per hour bucket, per day and per campaign; it touches no row
 * another batch of the campaign needs. The second adds those sums to the shared bucket and counter
 * rows: the only rows concurrent batches of one campaign wait for, so they are locked last, in key
 * order, and held only until commit.
 */
async function insertEvents(tx: Prisma.TransactionClient, events: Event[]): Promise<Committed> {
  const column = <T>(pick: (event: Event) => T) => events.map(pick);
  const [inserted] = await tx.$queryRaw<Array<{ inserted: Array<[string, string]>; hourly: unknown; daily: unknown; campaigns: unknown; deltas: CampaignDelta[] }>>(Prisma.sql`
    WITH input AS (
      SELECT * FROM unnest(
        ${column((e) => e.campaignId)}::uuid[],
        ${column((e) => e.id)}::text[],
        ${column((e) => e.type)}::text[],
        ${column((e) => e.occurredAt.toISOString())}::timestamptz[],
        ${column((e) => e.profileId ?? null)}::uuid[],
        ${column((e) => e.sessionId ?? null)}::text[],
        ${column((e) => e.channel ?? null)}::text[],
        ${column((e) => e.placement ?? null)}::text[],
        ${column((e) => e.variant ?? null)}::text[],
        ${column((e) => (e.valueCents == null ? null : String(e.valueCents)))}::bigint[],
        ${column((e) => e.conversionType ?? null)}::text[],
        ${column((e) => (e.properties ? JSON.stringify(e.properties) : null))}::jsonb[]
      ) AS i(campaign_id, event_id, type, occurred_at, profile_id, session_id, channel, placement, variant, value_cents, conversion_type, properties)
    ), inserted AS (
      INSERT INTO campaign_events (campaign_id, event_id, type, occurred_at, profile_id, session_id, channel, placement, variant, value_cents, conversion_type, properties)
      SELECT campaign_id, event_id, type::event_type, occurred_at, profile_id, session_id, channel::channel, placement, variant, value_cents,
             CASE WHEN type = 'CONVERSION' THEN coalesce(conversion_type, 'OTHER')::conversion_type END, coalesce(properties, '{}')
      FROM input
      ON CONFLICT (campaign_id, event_id) DO NOTHING
      RETURNING campaign_id, event_id, type::text AS type, occurred_at, profile_id, coalesce(channel::text, '') AS channel,
                coalesce(placement, '') AS placement, coalesce(variant, '') AS variant, coalesce(value_cents, 0) AS value_cents
    ), counted AS (
      SELECT inserted.*, (c.schedule->>'timezone') AS timezone,
             (type = 'IMPRESSION')::int AS impressions,
             (type = 'VIEWABLE_IMPRESSION')::int AS viewable_impressions,
             (type = 'CLICK')::int AS clicks,
             (type = 'CONVERSION')::int AS conversions,
             CASE WHEN type = 'CONVERSION' THEN value_cents ELSE 0 END AS revenue_cents
      FROM inserted JOIN campaigns c ON c.id = inserted.campaign_id
    ), reached AS (
      INSERT INTO campaign_reach (campaign_id, profile_id)
      SELECT DISTINCT campaign_id, profile_id FROM inserted WHERE profile_id IS NOT NULL
      ON CONFLICT DO NOTHING
      RETURNING campaign_id
    )
    SELECT
      (SELECT coalesce(json_agg(json_build_array(campaign_id, event_id)), '[]'::json) FROM inserted) AS inserted,
      (SELECT coalesce(json_agg(h), '[]'::json) FROM (
         SELECT campaign_id, date_trunc('hour', occurred_at) AS hour, channel, placement, variant,
                sum(impressions) AS impressions, sum(viewable_impressions) AS viewable_impressions, sum(clicks) AS clicks,
                sum(conversions) AS conversions, sum(revenue_cents) AS revenue_cents
         FROM counted GROUP BY 1, 2, 3, 4, 5) h) AS hourly,
      (SELECT coalesce(json_agg(d), '[]'::json) FROM (
         SELECT campaign_id, (occurred_at AT TIME ZONE timezone)::date AS day,
                sum(impressions) AS impressions, sum(viewable_impressions) AS viewable_impressions, sum(clicks) AS clicks,
                sum(conversions) AS conversions, sum(revenue_cents) AS revenue_cents
         FROM counted GROUP BY 1, 2) d) AS daily,
      (SELECT coalesce(json_agg(t), '[]'::json) FROM (
         SELECT campaign_id, sum(impressions) AS impressions, sum(viewable_impressions) AS viewable_impressions, sum(clicks) AS clicks,
                sum(conversions) AS conversions, sum(revenue_cents) AS revenue_cents,
                (SELECT count(*) FROM reached r WHERE r.campaign_id = counted.campaign_id) AS reach
         FROM counted GROUP BY 1) t) AS campaigns,
      (SELECT coalesce(json_agg(d), '[]'::json) FROM (
         SELECT campaign_id, channel, sum(impressions) AS impressions, sum(clicks) AS clicks, sum(conversions) AS conversions
         FROM counted GROUP BY 1, 2 ORDER BY 1, 2) d) AS deltas
  `);
  if (!inserted || inserted.inserted.length === 0) return { inserted: [], deltas: [], totals: [] };

  const sums = (name: string) => COUNTERS.map((counter) => Prisma.raw(`${counter} = ${name}.${counter} + excluded.${counter}`));
  const counterColumns = Prisma.raw(COUNTERS.join(', '));
  const counterTypes = Prisma.raw(COUNTERS.map((counter) => `${counter} bigint`).join(', '));
  const [added] = await tx.$queryRaw<Array<{ totals: Totals[] }>>(Prisma.sql`
    WITH hourly AS (
      INSERT INTO campaign_hourly_buckets AS b (campaign_id, hour, channel, placement, variant, ${counterColumns})
      SELECT campaign_id, hour, channel, placement, variant, ${counterColumns}
      FROM json_to_recordset(${JSON.stringify(inserted.hourly)}::json)
        AS h(campaign_id uuid, hour timestamptz, channel text, placement text, variant text, ${counterTypes})
      ORDER BY 1, 2, 3, 4, 5
      ON CONFLICT (campaign_id, hour, channel, placement, variant) DO UPDATE SET ${Prisma.join(sums('b'))}
      RETURNING 1
    ), daily AS (
      INSERT INTO campaign_daily_buckets AS b (campaign_id, day, ${counterColumns})
      SELECT campaign_id, day, ${counterColumns}
      FROM json_to_recordset(${JSON.stringify(inserted.daily)}::json) AS d(campaign_id uuid, day date, ${counterTypes})
      ORDER BY 1, 2
      ON CONFLICT (campaign_id, day) DO UPDATE SET ${Prisma.join(sums('b'))}
      RETURNING 1
    ), totals AS (
      INSERT INTO campaign_stats AS s (campaign_id, ${counterColumns}, reach, sequence, updated_at)
      SELECT campaign_id, ${counterColumns}, reach, 1, now()
      FROM json_to_recordset(${JSON.stringify(inserted.campaigns)}::json) AS t(campaign_id uuid, ${counterTypes}, reach bigint)
      ORDER BY 1
      ON CONFLICT (campaign_id) DO UPDATE SET ${Prisma.join(sums('s'))},
        reach = s.reach + excluded.reach,
        sequence = s.sequence + 1,
        updated_at = excluded.updated_at
      RETURNING s.*
    )
    SELECT (SELECT coalesce(json_agg(json_build_object(
              'campaign_id', campaign_id, 'impressions', impressions::text, 'viewable_impressions', viewable_impressions::text,
              'clicks', clicks::text, 'conversions', conversions::text, 'revenue_cents', revenue_cents::text, 'reach', reach::text,
              'unbilled_cents', unbilled_cents::text, 'billing_carry_millicents', billing_carry_millicents::text,
              'sequence', sequence::text, 'updated_at', updated_at)), '[]'::json) FROM totals) AS totals,
           (SELECT count(*) FROM hourly) + (SELECT count(*) FROM daily) AS buckets
  `);
  return { inserted: inserted.inserted, deltas: inserted.deltas, totals: added?.totals ?? [] };
}
