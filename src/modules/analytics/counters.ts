/**
 * The one definition of a campaign's counters: their GraphQL/Prisma field, their column (the same
 * in campaign_stats, campaign_hourly_buckets and campaign_daily_buckets), how a batch of recorded
 * events adds to them, and how a row maps to numbers. Ingestion, live feeds, reports, dashboards
 * and rates all read this list, so adding a counter is one entry here plus a migration that adds
 * its column to the three tables (and a field to the three Prisma models).
 *
 * A counter that events do not move (say, WhatsApp messages delivered) has no `fromEvents`: its
 * module adds to the same columns in its own transaction and bumps `campaign_stats.sequence`.
 */
interface CounterDefinition {
  /** The Prisma model field and the GraphQL field. */
  field: string;
  /** The column, in snake case. */
  column: string;
  description: string;
  /** An aggregate over inserted campaign_events rows (columns `type` and `value_cents`). */
  fromEvents?: string;
}

export const COUNTERS = [
  { field: 'impressions', column: 'impressions', description: 'Impressions counted.', fromEvents: `count(*) FILTER (WHERE type = 'IMPRESSION')` },
  {
    field: 'viewableImpressions',
    column: 'viewable_impressions',
    description: 'Viewable impressions counted.',
    fromEvents: `count(*) FILTER (WHERE type = 'VIEWABLE_IMPRESSION')`,
  },
  { field: 'clicks', column: 'clicks', description: 'Clicks counted.', fromEvents: `count(*) FILTER (WHERE type = 'CLICK')` },
  { field: 'conversions', column: 'conversions', description: 'Conversions counted.', fromEvents: `count(*) FILTER (WHERE type = 'CONVERSION')` },
  {
    field: 'revenueCents',
    column: 'revenue_cents',
    description: 'The value of the conversions, in cents of the business currency.',
    fromEvents: `coalesce(sum(value_cents) FILTER (WHERE type = 'CONVERSION'), 0)`,
  },
] as const satisfies readonly CounterDefinition[];

type Counter = (typeof COUNTERS)[number];
export type CounterField = Counter['field'];
export type CounterColumn = Counter['column'];

/** A campaign's counters as numbers. */
export type EventCounters = Record<CounterField, number>;
/** Counter columns as a statement returns them: bigint from Prisma, text from the drivers' JSON. */
export type CounterColumns = Record<CounterColumn, bigint | number | string>;

export const ZERO_EVENT_COUNTERS = Object.fromEntries(COUNTERS.map((c) => [c.field, 0])) as EventCounters;
export const NOTHING_COUNTED = Object.fromEntries(COUNTERS.map((c) => [c.column, 0n])) as CounterColumns;

/** `impressions, viewable_impressions, …`: the columns in definition order. */
export const COUNTER_COLUMN_LIST = COUNTERS.map((c) => c.column).join(', ');

/** `<aggregate> AS impressions, …` over inserted events; counters events do not move count 0. */
export const EVENT_SUMS = COUNTERS.map((c) => `(${'fromEvents' in c ? c.fromEvents : '0'})::bigint AS ${c.column}`).join(',\n');

/** `sum(impressions) AS impressions, …` */
export const SUMS = COUNTERS.map((c) => `sum(${c.column}) AS ${c.column}`).join(', ');

/** `coalesce(sum(impressions), 0)::bigint AS impressions, …`: a sum that is 0 over no rows. */
export const SUMS_OR_ZERO = COUNTERS.map((c) => `coalesce(sum(${c.column}), 0)::bigint AS ${c.column}`).join(',\n');

/** `coalesce(<alias>.impressions, 0) AS impressions, …`: a joined row that may be absent reads as zeros. */
export const columnsOrZero = (alias: string) => COUNTERS.map((c) => `coalesce(${alias}.${c.column}, 0) AS ${c.column}`).join(', ');

/** `impressions = <table>.impressions + excluded.impressions, …`: an upsert that adds. */
export const addExcluded = (table: string) => COUNTERS.map((c) => `${c.column} = ${table}.${c.column} + excluded.${c.column}`).join(', ');

/** `'impressions', impressions::text, …`: the counters inside a json_build_object, as text. */
export const JSON_FIELDS = COUNTERS.map((c) => `'${c.column}', ${c.column}::text`).join(', ');

/** Counter columns of a row as numbers. */
export function countersFromColumns(row: CounterColumns): EventCounters {
  return Object.fromEntries(COUNTERS.map((c) => [c.field, Number(row[c.column])])) as EventCounters;
}

/** Counters of a Prisma row (fields in camel case, bigint), or zeros for a missing row. */
export function countersFromFields(row: Partial<Record<CounterField, bigint | number | null>> | null | undefined): EventCounters {
  return Object.fromEntries(COUNTERS.map((c) => [c.field, Number(row?.[c.field] ?? 0)])) as EventCounters;
}

/** Column values of counters, e.g. to total several rows. */
export function columnsFromCounters(counters: Record<CounterField, bigint | number>): CounterColumns {
  return Object.fromEntries(COUNTERS.map((c) => [c.column, counters[c.field]])) as CounterColumns;
}

/** Adds counter columns of many rows. */
export function sumColumns(rows: CounterColumns[]): CounterColumns {
  return Object.fromEntries(COUNTERS.map((c) => [c.column, rows.reduce((sum, row) => sum + BigInt(row[c.column]), 0n)])) as CounterColumns;
}

/** The `_sum` selection of a Prisma groupBy over bucket rows. */
export const PRISMA_SUM_SELECTION = Object.fromEntries(COUNTERS.map((c) => [c.field, true])) as Record<CounterField, true>;
