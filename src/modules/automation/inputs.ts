import type { SqlSession } from '../../platform/db';
import { COUNTERS, countersFromColumns, type CounterColumns, SUMS_OR_ZERO, columnsOrZero } from '../analytics/counters';
import type { Counters } from '../analytics/rates';
import type { RuleWindow } from './definition';
import { windowKey } from './definition';
import type { CampaignFacts, WindowCounters } from './evaluate';

/**
 * What rules read: campaigns' facts and their counters per window, for many campaigns in one
 * statement each. Windows read the same rows reports do: campaign_stats for the lifetime, the
 * daily buckets (days in the campaign's time zone) with the budget's days, and the hourly buckets
 * with the spend ledger. Bigints come back as text: the drivers disagree on them.
 */

const FACTS = `
  SELECT c.id::text AS id, c.business_id::text AS business_id, c.status::text AS status, c.objective::text AS objective, c.channels,
         c.starts_at, c.ends_at, c.schedule->>'timezone' AS time_zone, b.total_cents::text AS total_cents
  FROM campaigns c LEFT JOIN campaign_budgets b ON b.campaign_id = c.id
  WHERE c.id IN (SELECT value::uuid FROM json_array_elements_text($1::json))`;

interface FactsRow {
  id: string;
  business_id: string;
  status: string;
  objective: string;
  channels: string[];
  starts_at: Date | string;
  ends_at: Date | string | null;
  time_zone: string;
  total_cents: string | null;
}

const toDate = (value: Date | string) => (value instanceof Date ? value : new Date(value));

export function factsFromRow(row: FactsRow): CampaignFacts {
  return {
    id: row.id,
    businessId: row.business_id,
    status: row.status,
    objective: row.objective,
    channels: row.channels,
    startsAt: toDate(row.starts_at),
    endsAt: row.ends_at === null ? null : toDate(row.ends_at),
    timeZone: row.time_zone,
    budgetTotalCents: row.total_cents === null ? null : Number(row.total_cents),
  };
}

export async function readFacts(sql: SqlSession, campaignIds: string[]): Promise<Map<string, CampaignFacts>> {
  if (campaignIds.length === 0) return new Map();
  const rows = await sql.query<FactsRow>(FACTS, [JSON.stringify(campaignIds)]);
  return new Map(rows.map((row) => [row.id, factsFromRow(row)]));
}

const AS_TEXT = COUNTERS.map((c) => `m.${c.column}::text AS ${c.column}`).join(', ');
const HOUR_START = `date_trunc('hour', now()) - (r.size - 1) * interval '1 hour'`;

/**
 * One row per requested (campaign, window). Each aggregate branch returns a row even over no
 * buckets (sums of 0), so HAVING keeps only the branch of the requested kind.
 */
const WINDOW_COUNTERS = `
  WITH requested AS (
    SELECT (w->>'campaignId')::uuid AS campaign_id, w->>'kind' AS kind, (w->>'size')::int AS size
    FROM json_array_elements($1::json) AS w
  ), r AS (
    SELECT requested.*, (now() AT TIME ZONE (c.schedule->>'timezone'))::date AS today
    FROM requested JOIN campaigns c ON c.id = requested.campaign_id
  )
  SELECT r.campaign_id::text AS campaign_id, r.kind, r.size, ${AS_TEXT}, m.reach::text AS reach, m.spend_cents::text AS spend_cents
  FROM r CROSS JOIN LATERAL (
    SELECT ${columnsOrZero('s')}, coalesce(s.reach, 0)::bigint AS reach, coalesce(b.spent_cents, 0)::bigint AS spend_cents
    FROM (SELECT 1) AS one
    LEFT JOIN campaign_stats s ON s.campaign_id = r.campaign_id
    LEFT JOIN campaign_budgets b ON b.campaign_id = r.campaign_id
    WHERE r.kind = 'LIFETIME'
    UNION ALL
    SELECT ${SUMS_OR_ZERO}, 0::bigint,
           (SELECT coalesce(sum(bd.spent_cents), 0) FROM budget_days bd
            WHERE bd.campaign_id = r.campaign_id AND bd.day > r.today - r.size AND bd.day <= r.today)::bigint
    FROM campaign_daily_buckets d
    WHERE d.campaign_id = r.campaign_id AND d.day > r.today - r.size AND d.day <= r.today
    HAVING r.kind IN ('TODAY', 'LAST_DAYS')
    UNION ALL
    SELECT ${SUMS_OR_ZERO}, 0::bigint,
           (SELECT coalesce(sum(e.amount_cents), 0) FROM spend_entries e
            WHERE e.campaign_id = r.campaign_id AND e.created_at >= ${HOUR_START})::bigint
    FROM campaign_hourly_buckets h
    WHERE h.campaign_id = r.campaign_id AND h.hour >= ${HOUR_START}
    HAVING r.kind = 'LAST_HOURS'
  ) AS m`;

type WindowRow = CounterColumns & { campaign_id: string; kind: string; size: number; reach: string; spend_cents: string };

export interface WindowRequest {
  campaignId: string;
  window: RuleWindow;
}

/** Counters per campaign and window; TODAY is a window of one day. */
export async function readWindowCounters(sql: SqlSession, requests: WindowRequest[]): Promise<Map<string, WindowCounters>> {
  const result = new Map<string, WindowCounters>();
  if (requests.length === 0) return result;
  const unique = new Map(requests.map((request) => [`${request.campaignId}/${windowKey(request.window)}`, request]));
  const payload = [...unique.values()].map(({ campaignId, window }) => ({
    campaignId,
    kind: window.kind,
    size: window.kind === 'TODAY' ? 1 : (window.size ?? 0),
  }));
  const rows = await sql.query<WindowRow>(WINDOW_COUNTERS, [JSON.stringify(payload)]);
  for (const row of rows) {
    const counters: Counters = { ...countersFromColumns(row), spendCents: Number(row.spend_cents), reach: Number(row.reach) };
    const window: RuleWindow =
      row.kind === 'LAST_HOURS' || row.kind === 'LAST_DAYS' ? { kind: row.kind, size: Number(row.size) } : { kind: row.kind as RuleWindow['kind'] };
    let perCampaign = result.get(row.campaign_id);
    if (!perCampaign) {
      perCampaign = new Map();
      result.set(row.campaign_id, perCampaign);
    }
    perCampaign.set(windowKey(window), counters);
  }
  return result;
}
