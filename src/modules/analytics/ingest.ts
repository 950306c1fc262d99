import { z } from 'zod';
import { Prisma, type PrismaClient } from '../../generated/prisma/client';
import { ValidationError } from '../../errors';
import type { Access } from '../access/policy';
import type { CampaignStatsMessage, LiveStats } from './live';

export const MAX_EVENTS_PER_BATCH = 1000;
/** Clients' clocks drift; an event may claim to be this far in the future. */
const ALLOWED_CLOCK_SKEW_MS = 5 * 60 * 1000;

const eventSchema = z.object({
  id: z
    .string()
    .min(1, 'must not be empty')
    .max(128, 'must be at most 128 characters')
    .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces'),
  campaignId: z.uuid({ message: 'must be a campaign id' }),
  type: z.enum(['IMPRESSION', 'CLICK']),
  occurredAt: z.date().refine((date) => !Number.isNaN(date.getTime()), 'must be a valid date-time'),
});

export type EventInput = z.input<typeof eventSchema>;

export type EventOutcome = 'ACCEPTED' | 'DUPLICATE' | 'REJECTED';

export interface EventResult {
  index: number;
  id: string;
  outcome: EventOutcome;
  reason: string | null;
}

export interface IngestResult {
  results: EventResult[];
  accepted: number;
  duplicates: number;
  rejected: number;
}

interface Committed {
  inserted: Array<[string, string]>;
  totals: Array<{ campaign_id: string; impressions: number; clicks: number; sequence: number; updated_at: string }>;
}

export class IngestionService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly live: LiveStats,
  ) {}

  /**
   * Records a batch in one statement: events keyed by (campaign, client event id) are inserted
   * unless already there, and only the inserted ones move the counters. A retried batch therefore
   * counts nothing twice, whether the first attempt committed or not.
   */
  async record(access: Access, events: EventInput[]): Promise<IngestResult> {
    access.requireAuthenticated();
    if (events.length === 0) throw ValidationError.single(['events'], 'must contain at least one event');
    if (events.length > MAX_EVENTS_PER_BATCH) {
      throw ValidationError.single(['events'], `must contain at most ${MAX_EVENTS_PER_BATCH} events per batch`);
    }
    const results: EventResult[] = events.map((event, index) => ({ index, id: String(event.id), outcome: 'ACCEPTED', reason: null }));
    const valid: Array<{ index: number; event: z.output<typeof eventSchema> }> = [];
    const latestAllowed = Date.now() + ALLOWED_CLOCK_SKEW_MS;
    events.forEach((raw, index) => {
      const parsed = eventSchema.safeParse(raw);
      const result = results[index]!;
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        result.outcome = 'REJECTED';
        result.reason = `${issue.path.join('.')}: ${issue.message}`;
      } else if (parsed.data.occurredAt.getTime() > latestAllowed) {
        result.outcome = 'REJECTED';
        result.reason = 'occurredAt: is in the future';
      } else {
        valid.push({ index, event: parsed.data });
      }
    });

    const campaignIds = [...new Set(valid.map(({ event }) => event.campaignId))];
    const campaigns = new Map(
      (
        await this.prisma.campaign.findMany({
          where: { AND: [{ id: { in: campaignIds } }, access.campaignWhere()] },
          select: { id: true, status: true },
        })
      ).map((campaign) => [campaign.id, campaign.status]),
    );
    const writable = access.viewer?.role !== 'PARTNER';
    const toInsert = valid.filter(({ index, event }) => {
      const status = campaigns.get(event.campaignId);
      const reason =
        status === undefined
          ? 'campaignId: campaign not found'
          : !writable
            ? 'campaignId: partner keys are read-only'
            : status !== 'ACTIVE'
              ? `campaignId: campaign is ${status}; only ACTIVE campaigns take events`
              : null;
      if (reason) {
        results[index]!.outcome = 'REJECTED';
        results[index]!.reason = reason;
      }
      return reason === null;
    });

    if (toInsert.length > 0) {
      const committed = await this.insert(toInsert.map(({ event }) => event));
      const insertedKeys = new Set(committed.inserted.map(([campaignId, eventId]) => `${campaignId}\u0000${eventId}`));
      for (const { index, event } of toInsert) {
        const key = `${event.campaignId}\u0000${event.id}`;
        if (insertedKeys.delete(key)) continue;
        results[index]!.outcome = 'DUPLICATE';
        results[index]!.reason = 'an event with this id was already recorded';
      }
      for (const row of committed.totals) this.live.publish(toMessage(row));
    }
    return {
      results,
      accepted: results.filter((r) => r.outcome === 'ACCEPTED').length,
      duplicates: results.filter((r) => r.outcome === 'DUPLICATE').length,
      rejected: results.filter((r) => r.outcome === 'REJECTED').length,
    };
  }

  private async insert(events: Array<z.output<typeof eventSchema>>): Promise<Committed> {
    const rows = await this.prisma.$queryRaw<Committed[]>(Prisma.sql`
      WITH input AS (
        SELECT * FROM unnest(
          ${events.map((e) => e.campaignId)}::uuid[],
          ${events.map((e) => e.id)}::text[],
          ${events.map((e) => e.type)}::text[],
          ${events.map((e) => e.occurredAt.toISOString())}::timestamptz[]
        ) AS i(campaign_id, event_id, type, occurred_at)
      ), inserted AS (
        INSERT INTO campaign_events (campaign_id, event_id, type, occurred_at)
        SELECT campaign_id, event_id, type::event_type, occurred_at FROM input
        ON CONFLICT (campaign_id, event_id) DO NOTHING
        RETURNING campaign_id, event_id, type
      ), totals AS (
        INSERT INTO campaign_stats AS s (campaign_id, impressions, clicks, sequence, updated_at)
        SELECT campaign_id,
               count(*) FILTER (WHERE type = 'IMPRESSION'),
               count(*) FILTER (WHERE type = 'CLICK'),
               1,
               now()
        FROM inserted
        GROUP BY campaign_id
        ORDER BY campaign_id
        ON CONFLICT (campaign_id) DO UPDATE SET
          impressions = s.impressions + excluded.impressions,
          clicks = s.clicks + excluded.clicks,
          sequence = s.sequence + 1,
          updated_at = excluded.updated_at
        RETURNING campaign_id, impressions, clicks, sequence, updated_at
      )
      SELECT
        (SELECT coalesce(json_agg(json_build_array(campaign_id, event_id)), '[]'::json) FROM inserted) AS inserted,
        (SELECT coalesce(json_agg(totals), '[]'::json) FROM totals) AS totals
    `);
    return rows[0] ?? { inserted: [], totals: [] };
  }
}

function toMessage(row: Committed['totals'][number]): CampaignStatsMessage {
  return {
    campaignId: row.campaign_id,
    sequence: Number(row.sequence),
    impressions: Number(row.impressions),
    clicks: Number(row.clicks),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
