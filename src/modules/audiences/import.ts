import { z } from 'zod';
import { Prisma, type PrismaClient } from '../../generated/prisma/client';
import { ValidationError, type ValidationIssue } from '../../errors';
import { parseInput, rules } from '../../validation';
import type { Access } from '../access/policy';
import {
  ACTIVITY_KINDS,
  ageRangeOf,
  BUSINESS_INTERACTION_KINDS,
  CONTACT_CHANNELS,
  emailRule,
  externalIdRule,
  MAX_AGE,
  MIN_AGE,
  phoneRule,
  SUBSCRIPTION_SOURCES,
} from './member-rules';
import { AGE_RANGES, GENDERS, INCOME_LEVELS, label } from './targeting-rules';

export const MAX_IMPORT_ROWS = 1000;
/** Source clocks drift; a fact may claim to be this far in the future. */
const ALLOWED_CLOCK_SKEW_MS = 5 * 60 * 1000;

const pastDate = rules.date.refine((date) => date.getTime() <= Date.now() + ALLOWED_CLOCK_SKEW_MS, 'must not be in the future');

const profileRow = z
  .object({
    externalId: externalIdRule,
    city: label,
    latitude: rules.latitude.nullish(),
    longitude: rules.longitude.nullish(),
    age: z
      .number()
      .int('must be a whole number')
      .min(MIN_AGE, `must be at least ${MIN_AGE}: audiences are adults only`)
      .max(MAX_AGE, `must be at most ${MAX_AGE}`)
      .nullish(),
    ageRange: z.enum(AGE_RANGES).nullish(),
    gender: z.enum(GENDERS).nullish(),
    incomeLevel: z.enum(INCOME_LEVELS).nullish(),
    interests: z.array(label).max(50, 'must have at most 50 interests').nullish(),
    phone: phoneRule.nullish(),
    email: emailRule.nullish(),
    createdAt: pastDate,
  })
  .strict()
  .superRefine((row, context) => {
    if ((row.latitude == null) !== (row.longitude == null)) {
      context.addIssue({ code: 'custom', path: ['latitude'], message: 'latitude and longitude go together: give both or neither' });
    }
    const rangeOfAge = row.age == null ? null : ageRangeOf(row.age);
    if (rangeOfAge !== null && row.ageRange != null && rangeOfAge !== row.ageRange) {
      context.addIssue({ code: 'custom', path: ['ageRange'], message: `does not match age ${row.age} (${rangeOfAge})` });
    }
  })
  .transform(({ age, interests, ...row }) => ({
    ...row,
    // Only the range is kept: it is what targeting uses, and it does not go stale within a year.
    ageRange: row.ageRange ?? (age != null ? ageRangeOf(age) : null),
    // A set: order and repeats carry no meaning, so re-importing them in another order changes nothing.
    interests: [...new Set(interests ?? [])].sort(),
  }));

const subscriptionRow = z
  .object({
    profileExternalId: externalIdRule,
    channel: z.enum(CONTACT_CHANNELS),
    subscribed: z.boolean(),
    changedAt: pastDate,
    source: z.enum(SUBSCRIPTION_SOURCES),
  })
  .strict();

const activityRow = z
  .object({
    externalId: externalIdRule,
    profileExternalId: externalIdRule,
    kind: z.enum(ACTIVITY_KINDS),
    occurredAt: pastDate,
  })
  .strict();

const interactionRow = z
  .object({
    externalId: externalIdRule,
    profileExternalId: externalIdRule,
    businessId: z.uuid({ message: 'must be a business id' }),
    kind: z.enum(BUSINESS_INTERACTION_KINDS),
    occurredAt: pastDate,
  })
  .strict();

const friendshipRow = z
  .object({ profileExternalId: externalIdRule, friendExternalId: externalIdRule })
  .strict()
  .refine((row) => row.profileExternalId !== row.friendExternalId, { path: ['friendExternalId'], message: 'must be another profile' });

const rowList = <T extends z.ZodType>(row: T) => z.array(row).max(MAX_IMPORT_ROWS, `must have at most ${MAX_IMPORT_ROWS} rows per batch`).nullish();

/** The fields that make two rows of a list the same record: each record appears once per batch. */
const RECORD_KEY_FIELDS = {
  profiles: ['externalId'],
  subscriptions: ['profileExternalId', 'channel'],
  activities: ['externalId'],
  interactions: ['externalId'],
  friendships: ['profileExternalId', 'friendExternalId'],
} as const;

type ImportList = keyof typeof RECORD_KEY_FIELDS;

/** A row's record key, or null while the row is too malformed to have one (its own issues say why). */
function recordKey(list: ImportList, row: unknown): string | null {
  if (typeof row !== 'object' || row === null) return null;
  const parts = RECORD_KEY_FIELDS[list].map((field) => (row as Record<string, unknown>)[field]);
  if (!parts.every((part): part is string => typeof part === 'string')) return null;
  // A friendship is the same whichever way round it is written.
  return (list === 'friendships' ? [...parts].sort() : parts).join('\u0000');
}

const importBatch = z
  .object({
    profiles: rowList(profileRow),
    subscriptions: rowList(subscriptionRow),
    activities: rowList(activityRow),
    interactions: rowList(interactionRow),
    friendships: rowList(friendshipRow),
  })
  .strict()
  .superRefine(
    (batch, context) => {
      const lists = Object.keys(RECORD_KEY_FIELDS) as ImportList[];
      if (lists.every((list) => !batch[list]?.length)) context.addIssue({ code: 'custom', message: 'must contain at least one row' });
      for (const list of lists) {
        const firstRow = new Map<string, number>();
        batch[list]?.forEach((row, index) => {
          const key = recordKey(list, row);
          if (key === null) return;
          const first = firstRow.get(key);
          if (first === undefined) firstRow.set(key, index);
          else context.addIssue({ code: 'custom', path: [list, index], message: `repeats row ${first}` });
        });
      }
    },
    // Also when some rows are invalid, so that one answer lists every problem.
    { when: () => true },
  );

export type AudienceImportInput = z.input<typeof importBatch>;
type AudienceImportBatch = z.output<typeof importBatch>;

export interface ImportCounts {
  received: number;
  created: number;
  updated: number;
  unchanged: number;
}

export type AudienceImportResult = Record<ImportList, ImportCounts>;

interface Written {
  created: number;
  updated: number;
}

/** Writes a list when the batch has one, and counts what changed. */
async function applyRows<Row>(rows: Row[] | null | undefined, write: (rows: Row[]) => Promise<Written>): Promise<ImportCounts> {
  if (!rows?.length) return { received: 0, created: 0, updated: 0, unchanged: 0 };
  const { created, updated } = await write(rows);
  return { received: rows.length, created, updated, unchanged: rows.length - created - updated };
}

/** Rows travel as one jsonb parameter and come back as a typed record set: no SQL is built from input. */
const asJson = (rows: unknown[]): Prisma.Sql => Prisma.sql`${JSON.stringify(rows)}::jsonb`;

/** Runs an `INSERT … RETURNING <boolean> AS created` and counts the rows it created and the ones it updated. */
async function countWritten(tx: Prisma.TransactionClient, insert: Prisma.Sql): Promise<Written> {
  const [written] = await tx.$queryRaw<Written[]>(Prisma.sql`
    WITH written AS (${insert})
    SELECT count(*) FILTER (WHERE created)::int AS created, count(*) FILTER (WHERE NOT created)::int AS updated FROM written
  `);
  return written!;
}

export class AudienceImportService {
  constructor(private readonly prisma: PrismaClient) {}

  /**
   * Imports one batch of audience data in one transaction. Every row is validated first and all
   * problems are reported with their paths; one bad row, or a reference to an unknown profile or
   * business, refuses the whole batch. Records are keyed by their source ids, so importing the same
   * batch again changes nothing.
   */
  async import(access: Access, input: AudienceImportInput): Promise<AudienceImportResult> {
    access.requireAdmin();
    const batch = parseInput(importBatch, input);
    return this.prisma.$transaction(async (tx) => {
      const profiles = await applyRows(batch.profiles, (rows) => this.writeProfiles(tx, rows));
      const idOf = await this.resolveReferences(tx, batch);
      return {
        profiles,
        subscriptions: await applyRows(batch.subscriptions, (rows) => this.writeSubscriptions(tx, rows, idOf)),
        activities: await applyRows(batch.activities, (rows) => this.writeActivities(tx, rows, idOf)),
        interactions: await applyRows(batch.interactions, (rows) => this.writeInteractions(tx, rows, idOf)),
        friendships: await applyRows(batch.friendships, (rows) => this.writeFriendships(tx, rows, idOf)),
      };
    });
  }

  /** Profile ids by external id for every row that refers to one; unknown profiles and businesses refuse the batch. */
  private async resolveReferences(tx: Prisma.TransactionClient, batch: AudienceImportBatch): Promise<(externalId: string) => string> {
    const references: Array<{ path: string[]; externalId: string }> = [
      ...(batch.subscriptions ?? []).map((row, i) => ({ path: ['subscriptions', String(i), 'profileExternalId'], externalId: row.profileExternalId })),
      ...(batch.activities ?? []).map((row, i) => ({ path: ['activities', String(i), 'profileExternalId'], externalId: row.profileExternalId })),
      ...(batch.interactions ?? []).map((row, i) => ({ path: ['interactions', String(i), 'profileExternalId'], externalId: row.profileExternalId })),
      ...(batch.friendships ?? []).flatMap((row, i) => [
        { path: ['friendships', String(i), 'profileExternalId'], externalId: row.profileExternalId },
        { path: ['friendships', String(i), 'friendExternalId'], externalId: row.friendExternalId },
      ]),
    ];
    const found = await tx.profile.findMany({
      where: { externalId: { in: [...new Set(references.map((reference) => reference.externalId))] } },
      select: { id: true, externalId: true },
    });
    const ids = new Map(found.map((profile) => [profile.externalId, profile.id]));
    const issues: ValidationIssue[] = references
      .filter((reference) => !ids.has(reference.externalId))
      .map((reference) => ({ path: ['input', ...reference.path], message: `no profile has the external id ${reference.externalId}` }));
    const businessIds = [...new Set((batch.interactions ?? []).map((row) => row.businessId))];
    const businesses = new Set((await tx.business.findMany({ where: { id: { in: businessIds } }, select: { id: true } })).map((business) => business.id));
    (batch.interactions ?? []).forEach((row, i) => {
      if (!businesses.has(row.businessId)) issues.push({ path: ['input', 'interactions', String(i), 'businessId'], message: 'no such business' });
    });
    if (issues.length > 0) throw new ValidationError(issues);
    return (externalId) => ids.get(externalId)!;
  }

  private async writeProfiles(tx: Prisma.TransactionClient, rows: NonNullable<AudienceImportBatch['profiles']>): Promise<Written> {
    const records = rows.map((row) => ({
      external_id: row.externalId,
      city: row.city,
      latitude: row.latitude ?? null,
      longitude: row.longitude ?? null,
      age_range: row.ageRange,
      gender: row.gender ?? null,
      income_level: row.incomeLevel ?? null,
      interests: row.interests,
      phone: row.phone ?? null,
      email: row.email ?? null,
      created_at: row.createdAt.toISOString(),
    }));
    return countWritten(
      tx,
      Prisma.sql`
        INSERT INTO profiles AS p (external_id, city, latitude, longitude, age_range, gender, income_level, interests, phone, email, created_at)
        SELECT external_id, city, latitude, longitude, age_range, gender, income_level, interests, phone, email, created_at
        FROM jsonb_to_recordset(${asJson(records)}) AS r(
          external_id text, city text, latitude float8, longitude float8, age_range text, gender gender,
          income_level income_level, interests text[], phone text, email text, created_at timestamptz
        )
        ON CONFLICT (external_id) DO UPDATE SET
          city = excluded.city, latitude = excluded.latitude, longitude = excluded.longitude, age_range = excluded.age_range,
          gender = excluded.gender, income_level = excluded.income_level, interests = excluded.interests, phone = excluded.phone,
          email = excluded.email, created_at = excluded.created_at, updated_at = now()
        WHERE (p.city, p.latitude, p.longitude, p.age_range, p.gender, p.income_level, p.interests, p.phone, p.email, p.created_at)
          IS DISTINCT FROM
          (excluded.city, excluded.latitude, excluded.longitude, excluded.age_range, excluded.gender, excluded.income_level,
           excluded.interests, excluded.phone, excluded.email, excluded.created_at)
        RETURNING (xmax = 0) AS created`,
    );
  }

  /** The latest decision per channel wins: a change older than the stored one is a late delivery and is ignored. */
  private async writeSubscriptions(
    tx: Prisma.TransactionClient,
    rows: NonNullable<AudienceImportBatch['subscriptions']>,
    idOf: (externalId: string) => string,
  ): Promise<Written> {
    const records = rows.map((row) => ({
      profile_id: idOf(row.profileExternalId),
      channel: row.channel,
      subscribed: row.subscribed,
      changed_at: row.changedAt.toISOString(),
      source: row.source,
    }));
    return countWritten(
      tx,
      Prisma.sql`
        INSERT INTO profile_subscriptions AS s (profile_id, channel, subscribed, changed_at, source)
        SELECT profile_id, channel, subscribed, changed_at, source
        FROM jsonb_to_recordset(${asJson(records)}) AS r(
          profile_id uuid, channel contact_channel, subscribed boolean, changed_at timestamptz, source subscription_source
        )
        ON CONFLICT (profile_id, channel) DO UPDATE
          SET subscribed = excluded.subscribed, changed_at = excluded.changed_at, source = excluded.source
          WHERE excluded.changed_at > s.changed_at
        RETURNING (xmax = 0) AS created`,
    );
  }

  /** Activities are facts: one already recorded under its id is kept as it is. */
  private async writeActivities(
    tx: Prisma.TransactionClient,
    rows: NonNullable<AudienceImportBatch['activities']>,
    idOf: (externalId: string) => string,
  ): Promise<Written> {
    const records = rows.map((row) => ({
      external_id: row.externalId,
      profile_id: idOf(row.profileExternalId),
      kind: row.kind,
      occurred_at: row.occurredAt.toISOString(),
    }));
    return countWritten(
      tx,
      Prisma.sql`
        INSERT INTO profile_activities (external_id, profile_id, kind, occurred_at)
        SELECT external_id, profile_id, kind, occurred_at
        FROM jsonb_to_recordset(${asJson(records)}) AS r(external_id text, profile_id uuid, kind activity_kind, occurred_at timestamptz)
        ON CONFLICT (external_id) DO NOTHING
        RETURNING true AS created`,
    );
  }

  private async writeInteractions(
    tx: Prisma.TransactionClient,
    rows: NonNullable<AudienceImportBatch['interactions']>,
    idOf: (externalId: string) => string,
  ): Promise<Written> {
    const records = rows.map((row) => ({
      external_id: row.externalId,
      profile_id: idOf(row.profileExternalId),
      business_id: row.businessId,
      kind: row.kind,
      occurred_at: row.occurredAt.toISOString(),
    }));
    return countWritten(
      tx,
      Prisma.sql`
        INSERT INTO business_interactions (external_id, profile_id, business_id, kind, occurred_at)
        SELECT external_id, profile_id, business_id, kind, occurred_at
        FROM jsonb_to_recordset(${asJson(records)}) AS r(
          external_id text, profile_id uuid, business_id uuid, kind business_interaction_kind, occurred_at timestamptz
        )
        ON CONFLICT (external_id) DO NOTHING
        RETURNING true AS created`,
    );
  }

  /** Stored in both directions; a friendship counts once. */
  private async writeFriendships(
    tx: Prisma.TransactionClient,
    rows: NonNullable<AudienceImportBatch['friendships']>,
    idOf: (externalId: string) => string,
  ): Promise<Written> {
    const records = rows.map((row) => ({ a: idOf(row.profileExternalId), b: idOf(row.friendExternalId) }));
    const written = await countWritten(
      tx,
      Prisma.sql`
        INSERT INTO friendships (profile_id, friend_id)
        SELECT direction.profile_id, direction.friend_id
        FROM jsonb_to_recordset(${asJson(records)}) AS r(a uuid, b uuid)
        CROSS JOIN LATERAL (VALUES (r.a, r.b), (r.b, r.a)) AS direction(profile_id, friend_id)
        ON CONFLICT (profile_id, friend_id) DO NOTHING
        RETURNING true AS created`,
    );
    // Two rows per friendship.
    return { created: written.created / 2, updated: 0 };
  }
}
