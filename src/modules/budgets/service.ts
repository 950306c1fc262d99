import { z } from 'zod';
import type { Prisma, PrismaClient } from '../../generated/prisma/client';
import type { CampaignStatus, Channel } from '../../generated/prisma/enums';
import { BudgetExceededError, type BudgetLimit, InvalidTransitionError, ValidationError } from '../../errors';
import { parseInput, rules } from '../../validation';
import type { Access, ActorRecord } from '../access/policy';
import type { LifecycleEvents, LifecycleMessage } from '../campaigns/events';
import { applyTransition, isFinal } from '../campaigns/lifecycle';
import { centsAmount, CHANNELS, MAX_CENTS } from '../campaigns/plan';

/** Steps the budget rules make by themselves are recorded as this system actor. */
const SYSTEM_BUDGET: ActorRecord = { actorId: null, actorSystem: 'budget rules' };
import { type NamedStatement, sqlSessionOf, type SqlSession } from '../../platform/db';
import type { EventBus } from '../../platform/pubsub';
import { dayInTimeZone } from '../../time';

/** Utilization thresholds that raise an alert, once each. Reaching 100 also pauses the campaign. */
export const ALERT_THRESHOLDS = [75, 90, 100] as const;

export interface BudgetAlertMessage {
  campaignId: string;
  businessId: string;
  thresholdPercent: number;
  spentCents: number;
  totalCents: number;
  raisedAt: string;
}

declare module '../../platform/topics' {
  interface TopicRegistry {
    'budget:alert': [businessId: string, message: BudgetAlertMessage];
  }
}

const allocationSchema = z.object({
  channel: z.enum(CHANNELS),
  amountCents: z.number().int('must be a whole number of cents').min(0, 'must not be negative').max(MAX_CENTS, `must be at most ${MAX_CENTS}`),
});

const setBudgetSchema = z
  .object({
    totalCents: centsAmount,
    currency: rules.currency,
    dailyCapCents: centsAmount.nullish(),
    allocations: z
      .array(allocationSchema)
      .max(CHANNELS.length)
      .refine((list) => new Set(list.map((a) => a.channel)).size === list.length, 'must name each channel once')
      .nullish()
      .transform((list) => list ?? []),
  })
  .refine((b) => b.allocations.reduce((sum, a) => sum + a.amountCents, 0) <= b.totalCents, {
    message: 'must not add up to more than totalCents',
    path: ['allocations'],
  })
  .refine((b) => b.dailyCapCents == null || b.dailyCapCents <= b.totalCents, { message: 'must not be more than totalCents', path: ['dailyCapCents'] });

export type SetBudgetInput = z.input<typeof setBudgetSchema>;

const spendSchema = z.object({
  amountCents: centsAmount,
  channel: z.enum(CHANNELS).nullish(),
  reason: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  idempotencyKey: z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
});

export type SpendInput = z.input<typeof spendSchema>;

const moveSchema = z
  .object({ fromChannel: z.enum(CHANNELS), toChannel: z.enum(CHANNELS), amountCents: centsAmount })
  .refine((m) => m.fromChannel !== m.toChannel, { message: 'must differ from fromChannel', path: ['toChannel'] });

export type MoveBudgetInput = z.input<typeof moveSchema>;

/** Campaigns that were never approved have nothing to pay for yet. */
const NOT_YET_APPROVED = new Set(['DRAFT', 'PENDING_APPROVAL', 'REJECTED']);

/** A budget row, read under its lock: every spender of the campaign waits for it. */
export interface LockedBudget {
  totalCents: bigint;
  spentCents: bigint;
  dailyCapCents: bigint | null;
  /** The campaign's time zone, which decides which day a spend counts toward. */
  timeZone: string;
}

/**
 * What a charge needs besides the locked budget. It is read by a statement of its own, after the
 * lock is granted: a statement that waited for the lock would still see the allocations and the
 * day's spend as they were before the previous spender committed.
 */
interface ChargeFacts {
  business_id: string;
  status: CampaignStatus;
  channels: string[];
  spent_today: string;
  allocations: Array<{ channel: Channel; allocatedCents: string; spentCents: string }>;
  previous: { id: string; amountCents: string; channel: Channel | null } | null;
}

const LOCK_BUDGET: NamedStatement = {
  name: 'budget_lock',
  text: `SELECT b.total_cents::text, b.spent_cents::text, b.daily_cap_cents::text, c.schedule->>'timezone' AS time_zone
    FROM campaign_budgets b JOIN campaigns c ON c.id = b.campaign_id
    WHERE b.campaign_id = $1::uuid
    FOR UPDATE OF b`,
};

/** Campaign, allocations, the spend of the given day, and (explicit spends) the key's earlier entry. */
const CHARGE_FACTS: NamedStatement = {
  name: 'budget_charge_facts',
  text: `SELECT c.business_id::text, c.status::text AS status, c.channels,
          coalesce((SELECT d.spent_cents FROM budget_days d WHERE d.campaign_id = c.id AND d.day = $4::date), 0)::text AS spent_today,
          coalesce((SELECT json_agg(json_build_object('channel', a.channel, 'allocatedCents', a.allocated_cents::text, 'spentCents', a.spent_cents::text))
                    FROM budget_allocations a WHERE a.campaign_id = c.id), '[]'::json) AS allocations,
          (SELECT json_build_object('id', e.id, 'amountCents', e.amount_cents::text, 'channel', e.channel)
           FROM spend_entries e WHERE $2 AND e.campaign_id = c.id AND e.idempotency_key = $3) AS previous
    FROM campaigns c
    WHERE c.id = $1::uuid`,
};

/** The entry and every running sum it moves, in one statement (an unallocated channel matches no allocation row). */
const WRITE_CHARGE: NamedStatement = {
  name: 'budget_write_charge',
  text: `WITH budget AS (
      UPDATE campaign_budgets SET spent_cents = $2::bigint, updated_at = now() WHERE campaign_id = $1::uuid
    ), allocation AS (
      UPDATE budget_allocations SET spent_cents = spent_cents + $3::bigint WHERE campaign_id = $1::uuid AND channel = $4::channel
    ), today AS (
      INSERT INTO budget_days AS d (campaign_id, day, spent_cents) VALUES ($1::uuid, $5::date, $3::bigint)
      ON CONFLICT (campaign_id, day) DO UPDATE SET spent_cents = d.spent_cents + excluded.spent_cents
    )
    INSERT INTO spend_entries (campaign_id, amount_cents, channel, reason, idempotency_key, actor_id, actor_system)
    VALUES ($1::uuid, $3::bigint, $4::channel, $6, $7, $8::uuid, $9)
    RETURNING id::text`,
};

const RAISE_ALERTS: NamedStatement = {
  name: 'budget_raise_alerts',
  text: `INSERT INTO budget_alerts (campaign_id, threshold_percent, spent_cents)
    SELECT $1::uuid, threshold::int, $2::bigint FROM json_array_elements_text($3::json) AS threshold
    ON CONFLICT (campaign_id, threshold_percent) DO NOTHING
    RETURNING threshold_percent, raised_at`,
};

async function lockBudget(sql: SqlSession, campaignId: string): Promise<LockedBudget | undefined> {
  const [row] = await sql.query<{ total_cents: string; spent_cents: string; daily_cap_cents: string | null; time_zone: string }>(LOCK_BUDGET, [campaignId]);
  if (!row) return undefined;
  return {
    totalCents: BigInt(row.total_cents),
    spentCents: BigInt(row.spent_cents),
    dailyCapCents: row.daily_cap_cents === null ? null : BigInt(row.daily_cap_cents),
    timeZone: row.time_zone,
  };
}

export interface SpendResult {
  /** The ledger entry, or null when nothing could be charged. */
  entryId: string | null;
  amountCents: number;
  /** What a capped charge could not cover; always 0 for a spend that is refused instead. */
  uncharged: number;
  /** True when this idempotency key was used before: the first result, nothing spent again. */
  replayed: boolean;
}

interface ChargeOutcome {
  result: SpendResult;
  /** The campaign's total spend after this charge. */
  spentCents: number;
  alerts: BudgetAlertMessage[];
  lifecycle: LifecycleMessage[];
}

/** An exhausted budget pauses an active campaign; one paused or stopped meanwhile stays as it is. */
async function pauseExhausted(sql: SqlSession, campaign: { id: string; businessId: string; status: CampaignStatus }): Promise<LifecycleMessage[]> {
  if (campaign.status !== 'ACTIVE') return [];
  try {
    return [await applyTransition(sql, campaign, { action: 'PAUSE', actor: 'SYSTEM', by: SYSTEM_BUDGET, reason: 'budget exhausted' })];
  } catch (error) {
    if (error instanceof InvalidTransitionError) return [];
    throw error;
  }
}

export class BudgetService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly bus: EventBus,
    private readonly lifecycle: LifecycleEvents,
  ) {}

  /** Sets the total, the daily cap and the channel allocations; never below what is already spent. */
  async setBudget(access: Access, campaignId: string, input: SetBudgetInput): Promise<void> {
    const budget = parseInput(setBudgetSchema, input);
    const found = await access.requireCampaign(campaignId, 'write');
    await this.prisma.$transaction((tx) => this.setBudgetIn(tx, found.id, budget));
  }

  /**
   * setBudget's rules inside the caller's transaction, for a campaign the caller was allowed to
   * write (an automation rule checks that before its transaction opens).
   */
  async setBudgetIn(tx: Prisma.TransactionClient, campaignId: string, input: SetBudgetInput): Promise<void> {
    const budget = parseInput(setBudgetSchema, input);
    const found = { id: campaignId };
    const campaign = await tx.campaign.findUniqueOrThrow({
      where: { id: found.id },
      select: { status: true, channels: true, business: { select: { currency: true } } },
    });
    if (isFinal(campaign.status)) throw ValidationError.single(['campaignId'], `a ${campaign.status} campaign's budget cannot change`);
    if (budget.currency !== campaign.business.currency) {
      throw ValidationError.single(['input', 'currency'], `must be the business's currency, ${campaign.business.currency}`);
    }
    budget.allocations.forEach((allocation, index) => {
      if (!campaign.channels.includes(allocation.channel)) {
        throw ValidationError.single(['input', 'allocations', String(index), 'channel'], 'is not one of the campaign’s channels');
      }
    });
    const locked = await lockBudget(sqlSessionOf(tx), found.id);
    const existing = await tx.budgetAllocation.findMany({ where: { campaignId: found.id } });
    const spent = locked?.spentCents ?? 0n;
    if (BigInt(budget.totalCents) < spent) {
      throw ValidationError.single(['input', 'totalCents'], `must be at least the ${spent} cents already spent`);
    }
    const planned = new Map(budget.allocations.map((a) => [a.channel, BigInt(a.amountCents)]));
    for (const allocation of existing) {
      const next = planned.get(allocation.channel) ?? 0n;
      if (next < allocation.spentCents) {
        throw ValidationError.single(['input', 'allocations'], `${allocation.channel} must keep at least the ${allocation.spentCents} cents it already spent`);
      }
    }
    const allocatedSpent = existing.reduce((sum, a) => sum + a.spentCents, 0n);
    const allocatedTotal = [...planned.values()].reduce((sum, amount) => sum + amount, 0n);
    if (spent - allocatedSpent > BigInt(budget.totalCents) - allocatedTotal) {
      throw ValidationError.single(['input', 'allocations'], 'leave too little unallocated budget for the spend already made outside channel allocations');
    }
    const values = {
      currency: budget.currency,
      totalCents: BigInt(budget.totalCents),
      dailyCapCents: budget.dailyCapCents == null ? null : BigInt(budget.dailyCapCents),
    };
    await tx.campaignBudget.upsert({ where: { campaignId: found.id }, create: { campaignId: found.id, ...values }, update: values });
    await tx.budgetAllocation.deleteMany({ where: { campaignId: found.id, channel: { notIn: [...planned.keys()] } } });
    for (const [channel, allocatedCents] of planned) {
      await tx.budgetAllocation.upsert({
        where: { campaignId_channel: { campaignId: found.id, channel } },
        create: { campaignId: found.id, channel, allocatedCents },
        update: { allocatedCents },
      });
    }
  }

  /** Moves allocated budget between two channels in one transaction; the source keeps what it spent. */
  async moveBudget(access: Access, campaignId: string, input: MoveBudgetInput): Promise<void> {
    const move = parseInput(moveSchema, input);
    const found = await access.requireCampaign(campaignId, 'write');
    await this.prisma.$transaction((tx) => this.moveBudgetIn(tx, found.id, move));
  }

  /** moveBudget's rules inside the caller's transaction, for a campaign the caller may write. */
  async moveBudgetIn(tx: Prisma.TransactionClient, campaignId: string, input: MoveBudgetInput): Promise<void> {
    const move = parseInput(moveSchema, input);
    const found = { id: campaignId };
    const campaign = await tx.campaign.findUniqueOrThrow({ where: { id: found.id }, select: { channels: true } });
    if (!campaign.channels.includes(move.toChannel)) throw ValidationError.single(['input', 'toChannel'], 'is not one of the campaign’s channels');
    if (!(await lockBudget(sqlSessionOf(tx), found.id))) throw ValidationError.single(['campaignId'], 'has no budget yet');
    const source = await tx.budgetAllocation.findUnique({ where: { campaignId_channel: { campaignId: found.id, channel: move.fromChannel } } });
    const available = source ? source.allocatedCents - source.spentCents : 0n;
    if (!source || available < BigInt(move.amountCents)) {
      throw new BudgetExceededError('CHANNEL_ALLOCATION', move.amountCents, Number(available));
    }
    await tx.budgetAllocation.update({
      where: { campaignId_channel: { campaignId: found.id, channel: move.fromChannel } },
      data: { allocatedCents: { decrement: BigInt(move.amountCents) } },
    });
    await tx.budgetAllocation.upsert({
      where: { campaignId_channel: { campaignId: found.id, channel: move.toChannel } },
      create: { campaignId: found.id, channel: move.toChannel, allocatedCents: BigInt(move.amountCents) },
      update: { allocatedCents: { increment: BigInt(move.amountCents) } },
    });
  }

  /**
   * Records a spend, or refuses it whole when it would pass the remaining total, today's cap or the
   * channel's allocation. Spenders queue on the budget row's lock, so concurrent spends can never
   * overspend; a repeated idempotency key returns the first result and spends nothing.
   */
  async recordSpend(access: Access, campaignId: string, input: SpendInput): Promise<SpendResult> {
    const spend = parseInput(spendSchema, input);
    const found = await access.requireCampaign(campaignId, 'write');
    const outcome = await this.prisma.$transaction((tx) =>
      this.charge(sqlSessionOf(tx), {
        campaignId: found.id,
        amountCents: spend.amountCents,
        channel: spend.channel ?? null,
        reason: spend.reason,
        idempotencyKey: spend.idempotencyKey,
        actor: access.actor,
      }),
    );
    this.publish(outcome);
    return outcome.result;
  }

  alerts(businessId: string): AsyncIterable<BudgetAlertMessage> {
    return this.bus.pubsub.subscribe('budget:alert', businessId);
  }

  publish(outcome: Pick<ChargeOutcome, 'alerts' | 'lifecycle'>): void {
    for (const alert of outcome.alerts) this.bus.pubsub.publish('budget:alert', alert.businessId, alert);
    this.lifecycle.publish(outcome.lifecycle);
  }

  /**
   * The ledger write shared by explicit spends and billed events, inside the caller's transaction.
   * `refuse` (explicit spends) refuses an amount that passes a limit; `cap` (billed events, which
   * already happened) charges what the limits allow and reports the rest as not charged.
   */
  async charge(sql: SqlSession, spend: ChargeRequest, mode: 'refuse' | 'cap' = 'refuse'): Promise<ChargeOutcome> {
    const locked = await lockBudget(sql, spend.campaignId);
    if (!locked) {
      if (mode === 'cap') return { result: nothingCharged(spend.amountCents), spentCents: 0, alerts: [], lifecycle: [] };
      throw ValidationError.single(['campaignId'], 'has no budget yet');
    }
    const today = dayInTimeZone(new Date(), locked.timeZone);
    // Billing keys name a committed change of the counters, which a retried batch never repeats,
    // so only explicit spends look their key up (after the lock: a concurrent twin has committed).
    const facts = (await sql.query<ChargeFacts>(CHARGE_FACTS, [spend.campaignId, mode === 'refuse', spend.idempotencyKey, today]))[0]!;
    const previous = facts.previous;
    if (previous) {
      if (Number(previous.amountCents) !== spend.amountCents || previous.channel !== spend.channel) {
        throw ValidationError.single(['input', 'idempotencyKey'], 'was already used for a different spend');
      }
      return {
        result: { entryId: previous.id, amountCents: Number(previous.amountCents), uncharged: 0, replayed: true },
        spentCents: Number(locked.spentCents),
        alerts: [],
        lifecycle: [],
      };
    }
    if (mode === 'refuse') {
      if (NOT_YET_APPROVED.has(facts.status)) throw ValidationError.single(['campaignId'], `a ${facts.status} campaign cannot spend`);
      if (spend.channel && !facts.channels.includes(spend.channel)) throw ValidationError.single(['input', 'channel'], 'is not one of the campaign’s channels');
    }

    const allocations = facts.allocations.map((a) => ({ channel: a.channel, allocatedCents: BigInt(a.allocatedCents), spentCents: BigInt(a.spentCents) }));
    const allocation = allocations.find((a) => a.channel === spend.channel);
    const limits = availableUnder(locked, allocations, allocation, BigInt(facts.spent_today));
    const requested = BigInt(spend.amountCents);
    const tightest = limits.reduce((min, limit) => (limit.available < min.available ? limit : min));
    if (requested > tightest.available && mode === 'refuse') {
      throw new BudgetExceededError(tightest.limit, spend.amountCents, Number(tightest.available > 0n ? tightest.available : 0n));
    }
    const amount = requested > tightest.available ? (tightest.available > 0n ? tightest.available : 0n) : requested;
    if (amount === 0n) return { result: nothingCharged(spend.amountCents), spentCents: Number(locked.spentCents), alerts: [], lifecycle: [] };

    const spentCents = locked.spentCents + amount;
    const [entry] = await sql.query<{ id: string }>(WRITE_CHARGE, [
      spend.campaignId,
      String(spentCents),
      String(amount),
      spend.channel,
      today,
      spend.reason,
      spend.idempotencyKey,
      spend.actor.actorId,
      spend.actor.actorSystem,
    ]);
    const campaign = { id: spend.campaignId, businessId: facts.business_id, status: facts.status };

    const crossed = ALERT_THRESHOLDS.filter((threshold) => spentCents * 100n >= BigInt(threshold) * locked.totalCents);
    const raised =
      crossed.length === 0
        ? []
        : await sql.query<{ threshold_percent: number; raised_at: Date }>(RAISE_ALERTS, [spend.campaignId, String(spentCents), JSON.stringify(crossed)]);
    const alerts = raised.map((alert) => ({
      campaignId: spend.campaignId,
      businessId: campaign.businessId,
      thresholdPercent: alert.threshold_percent,
      spentCents: Number(spentCents),
      totalCents: Number(locked.totalCents),
      raisedAt: alert.raised_at.toISOString(),
    }));
    const lifecycle = spentCents >= locked.totalCents ? await pauseExhausted(sql, campaign) : [];
    return {
      result: { entryId: entry!.id, amountCents: Number(amount), uncharged: spend.amountCents - Number(amount), replayed: false },
      spentCents: Number(spentCents),
      alerts,
      lifecycle,
    };
  }
}

export interface ChargeRequest {
  campaignId: string;
  amountCents: number;
  channel: Channel | null;
  reason: string;
  idempotencyKey: string;
  actor: ActorRecord;
}

function nothingCharged(amountCents: number): SpendResult {
  return { entryId: null, amountCents: 0, uncharged: amountCents, replayed: false };
}

/**
 * What each limit still allows: the total, today's cap, and the channel's allocation or, for spend
 * outside any allocation, the part of the total no channel was given. Serving asks the same
 * question before it shows a campaign.
 */
export function availableUnder(
  budget: LockedBudget,
  allocations: Array<{ allocatedCents: bigint; spentCents: bigint }>,
  allocation: { allocatedCents: bigint; spentCents: bigint } | undefined,
  spentToday: bigint,
): Array<{ limit: BudgetLimit; available: bigint }> {
  const limits: Array<{ limit: BudgetLimit; available: bigint }> = [{ limit: 'TOTAL', available: budget.totalCents - budget.spentCents }];
  if (budget.dailyCapCents !== null) limits.push({ limit: 'DAILY_CAP', available: budget.dailyCapCents - spentToday });
  if (allocation) {
    limits.push({ limit: 'CHANNEL_ALLOCATION', available: allocation.allocatedCents - allocation.spentCents });
  } else {
    const allocatedTotal = allocations.reduce((sum, a) => sum + a.allocatedCents, 0n);
    const allocatedSpent = allocations.reduce((sum, a) => sum + a.spentCents, 0n);
    limits.push({ limit: 'UNALLOCATED', available: budget.totalCents - allocatedTotal - (budget.spentCents - allocatedSpent) });
  }
  return limits;
}
