import { z } from 'zod';
import type { Channel } from '../../generated/prisma/enums';
import { ValidationError } from '../../errors';
import { decodeGlobalId, isUuid } from '../../schema/ids';
import type { Database, NamedStatement, SqlSession } from '../../platform/db';
import { withRetry } from '../../platform/retry';
import { TtlCache } from '../../platform/ttl-cache';
import type { Access } from '../access/policy';
import type { BudgetAlertMessage, BudgetService } from '../budgets/service';
import type { LifecycleMessage } from '../campaigns/events';
import { CHANNELS, MAX_CENTS } from '../campaigns/plan';
import { VIEWER_CACHE_TTL_MS } from '../identity/service';
import { billing } from './billing';
import { addExcluded, COUNTER_COLUMN_LIST, type CounterColumn, countersFromColumns, EVENT_SUMS, JSON_FIELDS, SUMS } from './counters';
import type { LiveStats } from './live';

export const MAX_EVENTS_PER_BATCH = 1000;
/** Clients' clocks drift; an event may claim to be this far in the future, or before the start. */
const ALLOWED_CLOCK_SKEW_MS = 5 * 60 * 1000;
const MAX_PROPERTIES_BYTES = 4096;

export const EVENT_TYPES = ['IMPRESSION', 'VIEWABLE_IMPRESSION', 'CLICK', 'CONVERSION'] as const;
export const CONVERSION_TYPES = ['SALE', 'PURCHASE', 'LEAD', 'SIGNUP', 'INSTALL', 'RSVP', 'OTHER'] as const;

/** A Relay global id of `typename`, as clients send it, decoded to the local id. */
const globalIdOf = (typename: string, message: string) =>
  z.string().transform((value, context) => {
    const decoded = decodeGlobalId(value);
    if (decoded?.typename === typename && isUuid(decoded.id)) return decoded.id.toLowerCase();
    context.addIssue({ code: 'custom', message });
    return z.NEVER;
  });

const label = (max: number) => z.string().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

const eventSchema = z
  .object({
    id: label(128).regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces'),
    campaignId: globalIdOf('Campaign', 'must be a campaign id'),
    type: z.enum(EVENT_TYPES),
    occurredAt: z.date().refine((date) => !Number.isNaN(date.getTime()), 'must be a valid date-time'),
    profileId: globalIdOf('Profile', 'must be a profile id').nullish(),
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

/** What one committed batch did to one campaign on one channel: the input of its billing. */
interface CampaignDelta {
  campaign_id: string;
  channel: string;
  impressions: number;
  clicks: number;
  conversions: number;
}

/** A campaign's counters after the batch, as the statement returns them (bigints as text). */
type Totals = Record<CounterColumn, string> & {
  campaign_id: string;
  reach: string;
  unbilled_cents: string;
  billing_carry_millicents: string;
  sequence: string;
  updated_at: string;
};

interface Committed {
  /** The (campaign id, event id) keys of the events that were recorded before. */
  alreadyRecorded: Array<[string, string]>;
  deltas: CampaignDelta[];
  totals: Totals[];
}

/** What admission and billing need of each campaign, read in the batch's own transaction. */
const CAMPAIGN_FACTS: NamedStatement = {
  name: 'ingest_campaign_facts',
  text: `SELECT c.id::text AS id, c.business_id::text AS business_id, c.status::text AS status, c.channels, c.starts_at,
                c.cpm_cents, c.cpc_cents, c.cpa_cents, b.currency
         FROM campaigns c JOIN businesses b ON b.id = c.business_id
         WHERE c.id IN (SELECT value::uuid FROM json_array_elements_text($1::json))`,
};

async function campaignFacts(sql: SqlSession, ids: string[]): Promise<Map<string, CampaignFacts>> {
  if (ids.length === 0) return new Map();
  const rows = await sql.query<{
    id: string;
    business_id: string;
    status: string;
    channels: string[];
    starts_at: Date;
    cpm_cents: number | null;
    cpc_cents: number | null;
    cpa_cents: number | null;
    currency: string;
  }>(CAMPAIGN_FACTS, [JSON.stringify(ids)]);
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        businessId: row.business_id,
        status: row.status,
        channels: row.channels,
        startsAt: row.starts_at,
        currency: row.currency,
        cpmCents: row.cpm_cents,
        cpcCents: row.cpc_cents,
        cpaCents: row.cpa_cents,
      },
    ]),
  );
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

/** What billing could not charge, and the fraction of a cent carried to the next batch. */
const UPDATE_BILLING_CARRY: NamedStatement = {
  name: 'ingest_billing_carry',
  text: 'UPDATE campaign_stats SET unbilled_cents = unbilled_cents + $2::bigint, billing_carry_millicents = $3::bigint WHERE campaign_id = $1::uuid',
};
const READ_SPENT: NamedStatement = { name: 'ingest_read_spent', text: 'SELECT spent_cents::text FROM campaign_budgets WHERE campaign_id = $1::uuid' };

const eventKey = (campaignId: string, eventId: string) => `${campaignId}\u0000${eventId}`;

/**
 * The valid events of a batch that get recorded; the others are rejected with a reason, or repeat
 * an earlier event of the batch (the first occurrence of a key counts).
 */
function admit(valid: Array<{ index: number; event: Event }>, campaigns: Map<string, CampaignFacts>, writable: boolean, now: number) {
  const rejected: Array<{ index: number; reason: string }> = [];
  const repeats: Array<{ index: number; first: number }> = [];
  const firstOfKey = new Map<string, number>();
  const accepted: Event[] = [];
  for (const { index, event } of valid) {
    const reason = rejectionOf(event, campaigns.get(event.campaignId), writable, now);
    const first = firstOfKey.get(eventKey(event.campaignId, event.id));
    if (reason) rejected.push({ index, reason });
    else if (first !== undefined) repeats.push({ index, first });
    else {
      firstOfKey.set(eventKey(event.campaignId, event.id), index);
      accepted.push(event);
    }
  }
  return { rejected, repeats, firstOfKey, accepted };
}

export class IngestionService {
  private readonly visibleToToken = new TtlCache<string, true>(VIEWER_CACHE_TTL_MS, 10_000);

  constructor(
    private readonly db: Database,
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

    if (valid.length === 0) return summarize(outcomes, problems);
    const visible = await this.visibleCampaigns(access, [...new Set(valid.map(({ event }) => event.campaignId))]);
    const writable = access.viewer?.role !== 'PARTNER';
    // Status, schedule and pricing are read in the batch's own transaction, so a campaign paused a
    // moment ago takes no more events; a retried attempt decides afresh.
    const { campaigns, admitted, committed, spent, alerts, lifecycle } = await withRetry(() =>
      this.db.transaction(async (sql) => {
        const campaigns = await campaignFacts(sql, visible);
        const admitted = admit(valid, campaigns, writable, Date.now());
        const committed = admitted.accepted.length > 0 ? await insertEvents(sql, admitted.accepted) : { alreadyRecorded: [], deltas: [], totals: [] };
        return { campaigns, admitted, committed, ...(await this.bill(sql, committed, campaigns)) };
      }),
    );

    for (const { index, reason } of admitted.rejected) reject(index, reason);
    for (const { index, first } of admitted.repeats) flag(index, 'DUPLICATE', `repeats event ${first} of this batch`);
    for (const [campaignId, eventId] of committed.alreadyRecorded) {
      flag(admitted.firstOfKey.get(eventKey(campaignId, eventId))!, 'DUPLICATE', 'an event with this id was already recorded');
    }
    for (const row of committed.totals) {
      const campaign = campaigns.get(row.campaign_id)!;
      this.live.publish({
        campaignId: row.campaign_id,
        businessId: campaign.businessId,
        sequence: Number(row.sequence),
        ...countersFromColumns(row),
        reach: Number(row.reach),
        spendCents: spent.get(row.campaign_id) ?? 0,
        unbilledCents: Number(row.unbilled_cents),
        updatedAt: new Date(row.updated_at).toISOString(),
      });
    }
    this.budgets.publish({ alerts, lifecycle });
    return summarize(outcomes, problems);
  }

  /**
   * The campaigns among `ids` the caller can see, as the access policy decides (whether it may
   * also write is the caller's role). A busy beacon sends the same token and campaign many times a
   * second, so a yes is remembered for as long as the token itself is trusted
   * (VIEWER_CACHE_TTL_MS); a no is asked again.
   */
  private async visibleCampaigns(access: Access, ids: string[]): Promise<string[]> {
    const tokenId = access.viewer?.tokenId;
    const cacheKey = (id: string) => `${tokenId}:${id}`;
    const visible = new Set(tokenId === undefined ? [] : ids.filter((id) => this.visibleToToken.get(cacheKey(id))));
    const unknown = ids.filter((id) => !visible.has(id));
    if (unknown.length === 0) return ids;
    const found = await this.db.prisma.campaign.findMany({ where: { AND: [{ id: { in: unknown } }, access.campaignWhere()] }, select: { id: true } });
    for (const { id } of found) {
      visible.add(id);
      if (tokenId !== undefined) this.visibleToToken.set(cacheKey(id), true);
    }
    return ids.filter((id) => visible.has(id));
  }

  /**
   * Charges what the inserted events cost at each campaign's pricing to its budget ledger, per
   * channel, in the same transaction. Events already happened, so a charge is capped at what the
   * budget allows and the rest is counted as unbilled rather than refused.
   */
  private async bill(
    sql: SqlSession,
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
          sql,
          {
            campaignId: campaign.id,
            amountCents: cents,
            channel: (channel || null) as Channel | null,
            reason: 'billed events',
            idempotencyKey: `events:${totals.sequence}:${channel || 'unallocated'}`,
            actor: { actorId: null, actorSystem: 'event billing' },
          },
          'cap',
        );
        unbilled += outcome.result.uncharged;
        spentCents = outcome.spentCents;
        alerts.push(...outcome.alerts);
        lifecycle.push(...outcome.lifecycle);
      }
      if (unbilled > 0 || plan.carryMillicents !== BigInt(totals.billing_carry_millicents)) {
        await sql.query(UPDATE_BILLING_CARRY, [campaign.id, String(unbilled), String(plan.carryMillicents)]);
        totals.unbilled_cents = String(BigInt(totals.unbilled_cents) + BigInt(unbilled));
      }
      // Without a charge, the spend is read after this batch took the counters' lock, so a later
      // sequence never shows an older spend.
      spentCents ??= Number((await sql.query<{ spent_cents: string }>(READ_SPENT, [campaign.id]))[0]?.spent_cents ?? 0);
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

const counterColumns = COUNTER_COLUMN_LIST;
const counterSums = SUMS;

/**
 * The columns of the events document: one JSON array per column (a key per event would double
 * its size), left out when no event of the batch has a value. PostgreSQL zips them back into rows.
 */
const EVENT_COLUMNS: ReadonlyArray<readonly [string, (event: Event) => unknown]> = [
  ['campaign_id', (e) => e.campaignId],
  ['event_id', (e) => e.id],
  ['type', (e) => e.type],
  ['occurred_at', (e) => e.occurredAt.toISOString()],
  ['profile_id', (e) => e.profileId],
  ['session_id', (e) => e.sessionId],
  ['channel', (e) => e.channel],
  ['placement', (e) => e.placement],
  ['variant', (e) => e.variant],
  ['value_cents', (e) => e.valueCents],
  ['conversion_type', (e) => e.conversionType],
  ['properties', (e) => e.properties],
];

/**
 * One statement, fed one JSON document: inserts the events (a key already recorded inserts
 * nothing) and the reach rows, sums what was inserted once per (campaign, hour, local day,
 * channel, placement, variant), and adds those sums to the hour and day buckets and the campaign
 * counters. Events are inserted in key order, and the shared bucket and counter rows — the only
 * rows concurrent batches of one campaign wait for — are upserted in key order after every insert
 * (the sums need them all), so two batches always lock in the same order.
 */
const INSERT_EVENTS: NamedStatement = {
  name: 'ingest_events',
  text: `
  WITH document AS (
    SELECT $1::jsonb AS d
  ), input AS (
    SELECT i.* FROM document, ROWS FROM (
      jsonb_array_elements_text(d->'campaign_id'), jsonb_array_elements_text(d->'event_id'), jsonb_array_elements_text(d->'type'),
      jsonb_array_elements_text(d->'occurred_at'), jsonb_array_elements_text(d->'profile_id'), jsonb_array_elements_text(d->'session_id'),
      jsonb_array_elements_text(d->'channel'), jsonb_array_elements_text(d->'placement'), jsonb_array_elements_text(d->'variant'),
      jsonb_array_elements_text(d->'value_cents'), jsonb_array_elements_text(d->'conversion_type'), jsonb_array_elements(d->'properties')
    ) AS i(campaign_id, event_id, type, occurred_at, profile_id, session_id, channel, placement, variant, value_cents, conversion_type, properties)
  ), inserted AS (
    INSERT INTO campaign_events (campaign_id, event_id, type, occurred_at, profile_id, session_id, channel, placement, variant, value_cents, conversion_type, properties)
    SELECT campaign_id::uuid, event_id, type::event_type, occurred_at::timestamptz, profile_id::uuid, session_id, channel::channel, placement, variant,
           value_cents::bigint, CASE WHEN type = 'CONVERSION' THEN coalesce(conversion_type, 'OTHER')::conversion_type END,
           coalesce(nullif(properties, 'null'::jsonb), '{}')
    FROM input
    ORDER BY campaign_id::uuid, event_id
    ON CONFLICT (campaign_id, event_id) DO NOTHING
    RETURNING campaign_id, event_id, type::text AS type, occurred_at, profile_id, coalesce(channel::text, '') AS channel,
              coalesce(placement, '') AS placement, coalesce(variant, '') AS variant, coalesce(value_cents, 0) AS value_cents
  ), reached AS (
    INSERT INTO campaign_reach (campaign_id, profile_id)
    SELECT DISTINCT campaign_id, profile_id FROM inserted WHERE profile_id IS NOT NULL
    ON CONFLICT DO NOTHING
    RETURNING campaign_id
  ), sums AS (
    SELECT campaign_id, date_trunc('hour', occurred_at) AS hour, (occurred_at AT TIME ZONE (c.schedule->>'timezone'))::date AS day,
           channel, placement, variant,
           ${EVENT_SUMS}
    FROM inserted JOIN campaigns c ON c.id = inserted.campaign_id
    GROUP BY 1, 2, 3, 4, 5, 6
  ), hourly AS (
    INSERT INTO campaign_hourly_buckets AS b (campaign_id, hour, channel, placement, variant, ${counterColumns})
    SELECT campaign_id, hour, channel, placement, variant, ${counterSums}
    FROM sums GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (campaign_id, hour, channel, placement, variant) DO UPDATE SET ${addExcluded('b')}
  ), daily AS (
    INSERT INTO campaign_daily_buckets AS b (campaign_id, day, ${counterColumns})
    SELECT campaign_id, day, ${counterSums}
    FROM sums GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (campaign_id, day) DO UPDATE SET ${addExcluded('b')}
  ), totals AS (
    INSERT INTO campaign_stats AS s (campaign_id, ${counterColumns}, reach, sequence, updated_at)
    SELECT campaign_id, ${counterSums}, (SELECT count(*) FROM reached r WHERE r.campaign_id = sums.campaign_id), 1, now()
    FROM sums GROUP BY 1 ORDER BY 1
    ON CONFLICT (campaign_id) DO UPDATE SET ${addExcluded('s')},
      reach = s.reach + excluded.reach,
      sequence = s.sequence + 1,
      updated_at = excluded.updated_at
    RETURNING s.*
  )
  SELECT
    (SELECT coalesce(json_agg(json_build_array(campaign_id, event_id)), '[]'::json) FROM input
     WHERE NOT EXISTS (SELECT 1 FROM inserted WHERE inserted.campaign_id = input.campaign_id::uuid AND inserted.event_id = input.event_id)) AS already_recorded,
    (SELECT coalesce(json_agg(json_build_object(
       'campaign_id', campaign_id, ${JSON_FIELDS}, 'reach', reach::text,
       'unbilled_cents', unbilled_cents::text, 'billing_carry_millicents', billing_carry_millicents::text,
       'sequence', sequence::text, 'updated_at', updated_at)), '[]'::json) FROM totals) AS totals,
    (SELECT coalesce(json_agg(d), '[]'::json) FROM (
       SELECT campaign_id, channel, sum(impressions) AS impressions, sum(clicks) AS clicks, sum(conversions) AS conversions
       FROM sums GROUP BY 1, 2 ORDER BY 1, 2) d) AS deltas`,
};

async function insertEvents(sql: SqlSession, events: Event[]): Promise<Committed> {
  const columns: Record<string, unknown[]> = {};
  for (const [name, valueOf] of EVENT_COLUMNS) {
    const values = events.map((event) => valueOf(event) ?? null);
    if (values.some((value) => value !== null)) columns[name] = values;
  }
  const [result] = await sql.query<{ already_recorded: Array<[string, string]>; totals: Totals[]; deltas: CampaignDelta[] }>(INSERT_EVENTS, [
    JSON.stringify(columns),
  ]);
  return { alreadyRecorded: result?.already_recorded ?? [], deltas: result?.deltas ?? [], totals: result?.totals ?? [] };
}
