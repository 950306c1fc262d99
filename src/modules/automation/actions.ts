import type { Prisma } from '../../generated/prisma/client';
import { DomainError } from '../../errors';
import type { Access } from '../access/policy';
import type { BudgetService } from '../budgets/service';
import type { LifecycleMessage } from '../campaigns/events';
import type { AuthorizedTransition, CampaignService } from '../campaigns/service';
import type { Channel } from '../campaigns/plan';
import type { RuleAction } from './definition';

/** What one action did: DONE, SKIPPED (nothing to do, e.g. already at the ceiling) or REFUSED by a service's rule. */
export interface ActionResult {
  type: RuleAction['type'];
  outcome: 'DONE' | 'SKIPPED' | 'REFUSED';
  detail: string;
  /** For budget actions: the amount before and after, in cents. */
  beforeCents: number | null;
  afterCents: number | null;
}

/** What a firing leaves to do after its transaction commits. */
export interface AfterCommit {
  lifecycle: LifecycleMessage[];
  alerts: string[];
}

export interface ActionContext {
  tx: Prisma.TransactionClient;
  access: Access;
  ruleId: string;
  ruleName: string;
  campaignId: string;
  /** Lifecycle steps the access policy allowed before the transaction, or the refusal it gave. */
  transitions: Map<'PAUSE' | 'RESUME', AuthorizedTransition | DomainError>;
  campaigns: CampaignService;
  budgets: BudgetService;
  after: AfterCommit;
}

const result = (
  type: RuleAction['type'],
  outcome: ActionResult['outcome'],
  detail: string,
  beforeCents: number | null = null,
  afterCents: number | null = null,
) => ({
  type,
  outcome,
  detail,
  beforeCents,
  afterCents,
});

/** The budget a CHANGE_BUDGET action asks for, kept within its floor and ceiling. */
export function targetBudget(action: Extract<RuleAction, { type: 'CHANGE_BUDGET' }>, currentCents: number): number {
  const wanted =
    action.setToCents ??
    (action.changeByCents !== undefined ? currentCents + action.changeByCents : Math.round(currentCents * (1 + action.changeByPercent! / 100)));
  const floor = Math.max(action.floorCents ?? 0, 0);
  const ceiling = action.ceilingCents ?? Number.POSITIVE_INFINITY;
  return Math.min(Math.max(wanted, floor), ceiling);
}

/** CHANGE_BUDGET actions this rule completed on the campaign today (in the campaign's time zone). */
const BUDGET_CHANGES_TODAY = `
  SELECT count(*)::int AS count FROM rule_firings f JOIN campaigns c ON c.id = f.campaign_id
  WHERE f.rule_id = $1::uuid AND f.campaign_id = $2::uuid
    AND f.fired_at >= ((now() AT TIME ZONE (c.schedule->>'timezone'))::date::timestamp AT TIME ZONE (c.schedule->>'timezone'))
    AND f.actions @> '[{"type": "CHANGE_BUDGET", "outcome": "DONE"}]'::jsonb`;

async function changeBudget(context: ActionContext, action: Extract<RuleAction, { type: 'CHANGE_BUDGET' }>): Promise<ActionResult> {
  const { tx, campaignId } = context;
  if (action.maxTimesPerDay !== undefined) {
    const [done] = await tx.$queryRawUnsafe<Array<{ count: number }>>(BUDGET_CHANGES_TODAY, context.ruleId, campaignId);
    if ((done?.count ?? 0) >= action.maxTimesPerDay) {
      return result(action.type, 'SKIPPED', `already changed ${done!.count} times today, the most this rule allows per day`);
    }
  }
  const budget = await tx.campaignBudget.findUnique({ where: { campaignId }, include: { allocations: true } });
  if (!budget) return result(action.type, 'REFUSED', 'the campaign has no budget yet');
  const current = action.budget === 'TOTAL' ? Number(budget.totalCents) : budget.dailyCapCents === null ? null : Number(budget.dailyCapCents);
  if (current === null && action.setToCents === undefined) return result(action.type, 'REFUSED', 'the campaign has no daily cap to change');
  const target = targetBudget(action, current ?? 0);
  if (target === current) {
    const limit = target === action.ceilingCents ? 'its ceiling' : target === action.floorCents ? 'its floor' : 'the amount asked for';
    return result(
      action.type,
      'SKIPPED',
      `the ${action.budget === 'TOTAL' ? 'total' : 'daily cap'} is already at ${limit} (${target} cents)`,
      current,
      current,
    );
  }
  await context.budgets.setBudgetIn(tx, campaignId, {
    totalCents: action.budget === 'TOTAL' ? target : Number(budget.totalCents),
    currency: budget.currency,
    dailyCapCents: action.budget === 'DAILY_CAP' ? target : budget.dailyCapCents === null ? null : Number(budget.dailyCapCents),
    allocations: budget.allocations.map((allocation) => ({ channel: allocation.channel, amountCents: Number(allocation.allocatedCents) })),
  });
  const capped = target === action.ceilingCents ? ' (stopped at its ceiling)' : target === action.floorCents ? ' (stopped at its floor)' : '';
  return result(
    action.type,
    'DONE',
    `${action.budget === 'TOTAL' ? 'total' : 'daily cap'} from ${current ?? 'none'} to ${target} cents${capped}`,
    current,
    target,
  );
}

async function moveBudget(context: ActionContext, action: Extract<RuleAction, { type: 'MOVE_BUDGET' }>): Promise<ActionResult> {
  const { tx, campaignId } = context;
  let amount = action.amountCents;
  if (amount === undefined) {
    const source = await tx.budgetAllocation.findUnique({ where: { campaignId_channel: { campaignId, channel: action.fromChannel as Channel } } });
    const remaining = source ? Number(source.allocatedCents - source.spentCents) : 0;
    amount = Math.floor((remaining * action.percentOfRemaining!) / 100);
    if (amount <= 0) return result(action.type, 'SKIPPED', `${action.fromChannel} has nothing left to move`);
  }
  await context.budgets.moveBudgetIn(tx, campaignId, { fromChannel: action.fromChannel, toChannel: action.toChannel, amountCents: amount });
  return result(action.type, 'DONE', `moved ${amount} cents from ${action.fromChannel} to ${action.toChannel}`, amount, amount);
}

async function transition(context: ActionContext, action: 'PAUSE' | 'RESUME'): Promise<ActionResult> {
  const authorized = context.transitions.get(action);
  if (!authorized) throw new Error(`the ${action} step was not authorized before the transaction`);
  if (authorized instanceof DomainError) return result(action, 'REFUSED', authorized.message);
  context.after.lifecycle.push(...(await context.campaigns.transitionIn(context.tx, authorized)));
  return result(action, 'DONE', action === 'PAUSE' ? 'paused' : 'resumed');
}

async function run(context: ActionContext, action: RuleAction): Promise<ActionResult> {
  switch (action.type) {
    case 'PAUSE':
    case 'RESUME':
      return transition(context, action.type);
    case 'CHANGE_BUDGET':
      return changeBudget(context, action);
    case 'MOVE_BUDGET':
      return moveBudget(context, action);
    case 'ALERT': {
      const message = action.message ?? `Rule "${context.ruleName}" fired`;
      context.after.alerts.push(message);
      return result(action.type, 'DONE', message);
    }
  }
}

/**
 * Runs the actions in order inside the firing's transaction, each behind a savepoint: a service
 * refusing one (a domain error: an invalid step, an exhausted budget, a limit) undoes only that
 * action and is recorded; any other error aborts the whole firing, which the next evaluation retries.
 */
export async function runActions(context: ActionContext, actions: RuleAction[]): Promise<ActionResult[]> {
  const results: ActionResult[] = [];
  for (const action of actions) {
    await context.tx.$executeRawUnsafe('SAVEPOINT rule_action');
    try {
      results.push(await run(context, action));
      await context.tx.$executeRawUnsafe('RELEASE SAVEPOINT rule_action');
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      await context.tx.$executeRawUnsafe('ROLLBACK TO SAVEPOINT rule_action');
      results.push(result(action.type, 'REFUSED', error.message));
    }
  }
  return results;
}
