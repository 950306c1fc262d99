import type { Prisma, PrismaClient } from '../../generated/prisma/client';
import type { RuleFiringCause } from '../../generated/prisma/enums';
import { DomainError, NotFoundError } from '../../errors';
import { type Database, sqlSessionOf, type SqlSession } from '../../platform/db';
import type { Logger } from '../../platform/logger';
import type { EventBus, Published } from '../../platform/pubsub';
import { withRetry } from '../../platform/retry';
import { Access } from '../access/policy';
import type { BudgetService } from '../budgets/service';
import type { LifecycleEvents } from '../campaigns/events';
import type { AuthorizedTransition, CampaignService } from '../campaigns/service';
import { type ActionResult, type AfterCommit, runActions } from './actions';
import { type RuleDefinition, ruleDefinitionSchema, windowsOf } from './definition';
import { type CampaignFacts, type Decision, decide, type EpisodeState, evaluate, type Evaluation, inScope, type WindowCounters } from './evaluate';
import { readFacts, readWindowCounters, type WindowRequest } from './inputs';
import type { RuleAlertMessage } from './types';

/** A stored rule with its definition parsed. */
export interface LoadedRule {
  id: string;
  businessId: string;
  name: string;
  version: number;
  enabled: boolean;
  definition: RuleDefinition;
}

/** An event a rule with a trigger reacts to; `key` makes its firing once per event and campaign. */
export type TriggerEvent =
  { kind: 'BUDGET_ALERT'; key: string; thresholdPercent: number } | { kind: 'LIFECYCLE_CHANGE'; key: string; toStatus: string; byRule: boolean };

/** What evaluating one rule on one campaign came to; a dry run returns these without acting. */
export interface PairOutcome {
  ruleId: string;
  campaignId: string;
  evaluation: Evaluation;
  decision: Decision;
  /** The event a trigger rule was evaluated for. */
  triggerKey: string | null;
  /** The actions it took (or, in a dry run, would take) and their results. */
  actions: ActionResult[];
  firingId: string | null;
}

export interface RuleEngineOptions {
  /** Changes of one campaign arriving within this are evaluated together. */
  coalesceMs: number;
  /** How far back the sweep looks for budget alerts and lifecycle steps a server may have missed. */
  eventLookbackMs?: number;
  /** Campaigns evaluated per statement group in a sweep. */
  sweepChunk?: number;
}

const RULE_COLUMNS = `id::text AS id, business_id::text AS business_id, name, version, enabled, definition`;

interface RuleRow {
  id: string;
  business_id: string;
  name: string;
  version: number;
  enabled: boolean;
  definition: unknown;
}

interface StateRow {
  rule_id: string;
  campaign_id: string;
  condition_met: boolean;
  last_fired_at: Date | string | null;
}

const toDate = (value: Date | string) => (value instanceof Date ? value : new Date(value));
const pairKey = (ruleId: string, campaignId: string) => `${ruleId}/${campaignId}`;

/** Thrown to roll a dry run's transaction back, carrying what it would have done. */
class DryRun extends Error {
  constructor(readonly outcome: PairOutcome) {
    super('dry run');
  }
}

/**
 * Two statements, not one: a concurrent first evaluation's insert commits while this one waits on
 * the key, and only a statement that starts after that sees the row (and waits for its lock).
 */
const ENSURE_STATE = `INSERT INTO rule_campaign_states (rule_id, campaign_id) VALUES ($1::uuid, $2::uuid) ON CONFLICT DO NOTHING`;
const LOCK_STATE = `SELECT condition_met, last_fired_at FROM rule_campaign_states WHERE rule_id = $1::uuid AND campaign_id = $2::uuid FOR UPDATE`;

/**
 * Evaluates automation rules and fires them. Two paths lead here: every committed change a server
 * publishes (a batch of events, a spend, a budget alert, a lifecycle step), coalesced per campaign
 * on the server that made it, and the scheduled sweep, once per interval across all servers, for
 * time conditions and for anything a crashed server left unevaluated. Both read cheaply first and
 * then confirm each firing in a transaction that locks the rule's state for the campaign, reads
 * the inputs again and acts through the campaign and budget services, so a rule fires once per
 * episode however many servers evaluate it at once.
 */
export class RuleEngine {
  private readonly pending = new Map<string, { businessId: string; events: TriggerEvent[] }>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  private unsubscribe: (() => void) | undefined;
  private readonly parsed = new Map<string, { version: number; definition: RuleDefinition }>();
  private readonly background = new Set<Promise<unknown>>();

  constructor(
    private readonly db: Database,
    private readonly bus: EventBus,
    private readonly campaigns: CampaignService,
    private readonly budgets: BudgetService,
    private readonly lifecycle: LifecycleEvents,
    private readonly logger: Logger,
    private readonly options: RuleEngineOptions,
  ) {}

  private get prisma(): PrismaClient {
    return this.db.prisma;
  }

  /** Reads outside a transaction, on the application's pool. */
  private get reader(): SqlSession {
    return sqlSessionOf(this.prisma as unknown as Prisma.TransactionClient);
  }

  start(): void {
    this.unsubscribe ??= this.bus.onPublish((published) => this.onPublished(published));
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.flushing;
    await Promise.allSettled([...this.background]);
  }

  /**
   * Evaluates one rule on its scope now, in the background: a rule just created, changed or
   * enabled acts on what is already true instead of waiting for the next change or sweep.
   */
  evaluateRuleSoon(ruleId: string): void {
    const work = (async () => {
      const rules = await this.loadRules({ ruleId });
      if (rules.length === 0) return;
      const campaigns = await this.reader.query<{ id: string }>(
        `SELECT id::text AS id FROM campaigns WHERE business_id = $1::uuid AND status NOT IN ('COMPLETED', 'CANCELLED')`,
        [rules[0]!.businessId],
      );
      await this.evaluate(
        rules,
        campaigns.map((row) => row.id),
        'CHANGE',
        new Map(),
      );
    })().catch((error: unknown) => this.logger.error({ err: error, ruleId }, 'automation rule: first evaluation failed; the sweep retries it'));
    this.background.add(work);
    void work.finally(() => this.background.delete(work));
  }

  private onPublished(published: Published): void {
    switch (published.topic) {
      case 'campaign:stats':
        this.mark(published.message.campaignId, published.message.businessId);
        break;
      case 'campaign:lifecycle': {
        const step = published.message;
        this.mark(step.campaignId, step.businessId, {
          kind: 'LIFECYCLE_CHANGE',
          key: `lifecycle:${step.toStatus}:${step.at}`,
          toStatus: step.toStatus,
          byRule: step.actorSystem?.startsWith('rule ') ?? false,
        });
        break;
      }
      case 'budget:alert':
        this.mark(published.message.campaignId, published.message.businessId, {
          kind: 'BUDGET_ALERT',
          key: `budget-alert:${published.message.thresholdPercent}`,
          thresholdPercent: published.message.thresholdPercent,
        });
        break;
      default:
        break;
    }
  }

  /** Notes a change of a campaign; the evaluation follows within `coalesceMs`. */
  mark(campaignId: string, businessId: string, event?: TriggerEvent): void {
    const entry = this.pending.get(campaignId) ?? { businessId, events: [] };
    if (event) entry.events.push(event);
    this.pending.set(campaignId, entry);
    if (!this.timer && !this.flushing) this.timer = setTimeout(() => void this.flush(), this.options.coalesceMs);
  }

  private async flush(): Promise<void> {
    this.timer = undefined;
    const batch = new Map(this.pending);
    this.pending.clear();
    this.flushing = this.evaluateChanged(batch)
      .catch((error: unknown) => this.logger.error({ err: error }, 'automation rules: evaluation after a change failed; the sweep retries it'))
      .finally(() => {
        this.flushing = undefined;
        if (this.pending.size > 0 && !this.timer) this.timer = setTimeout(() => void this.flush(), this.options.coalesceMs);
      });
    await this.flushing;
  }

  private async evaluateChanged(batch: Map<string, { businessId: string; events: TriggerEvent[] }>): Promise<void> {
    const businessIds = [...new Set([...batch.values()].map((entry) => entry.businessId))];
    const rules = await this.loadRules({ businessIds });
    if (rules.length === 0) return;
    const withRules = new Set(rules.map((rule) => rule.businessId));
    const campaignIds = [...batch.entries()].filter(([, entry]) => withRules.has(entry.businessId)).map(([id]) => id);
    const events = new Map([...batch.entries()].map(([id, entry]) => [id, entry.events]));
    await this.evaluate(rules, campaignIds, 'CHANGE', events);
  }

  /** Enabled rules of some businesses (or of all), parsed once per version. */
  async loadRules(filter: { businessIds?: string[]; ruleId?: string; includeDisabled?: boolean }): Promise<LoadedRule[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (!filter.includeDisabled) where.push('enabled');
    if (filter.businessIds) {
      params.push(JSON.stringify(filter.businessIds));
      where.push(`business_id IN (SELECT value::uuid FROM json_array_elements_text($${params.length}::json))`);
    }
    if (filter.ruleId) {
      params.push(filter.ruleId);
      where.push(`id = $${params.length}::uuid`);
    }
    const rows = await this.reader.query<RuleRow>(`SELECT ${RULE_COLUMNS} FROM automation_rules ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`, params);
    return rows.map((row) => this.loaded(row));
  }

  private loaded(row: RuleRow): LoadedRule {
    let cached = this.parsed.get(row.id);
    if (!cached || cached.version !== row.version) {
      cached = { version: row.version, definition: ruleDefinitionSchema.parse(row.definition) };
      this.parsed.set(row.id, cached);
    }
    return { id: row.id, businessId: row.business_id, name: row.name, version: row.version, enabled: row.enabled, definition: cached.definition };
  }

  /**
   * Evaluates `rules` on the campaigns (those in each rule's scope): reads facts, window counters
   * and episode states in three statements, decides per pair, and confirms each firing or episode
   * end in its own locked transaction. Returns what happened per pair that was not idle.
   */
  async evaluate(rules: LoadedRule[], campaignIds: string[], cause: RuleFiringCause, events: Map<string, TriggerEvent[]>): Promise<PairOutcome[]> {
    if (rules.length === 0 || campaignIds.length === 0) return [];
    const facts = await readFacts(this.reader, campaignIds);
    const byBusiness = new Map<string, LoadedRule[]>();
    for (const rule of rules) byBusiness.set(rule.businessId, [...(byBusiness.get(rule.businessId) ?? []), rule]);
    const candidates: Array<{ rule: LoadedRule; campaign: CampaignFacts; event: TriggerEvent | null }> = [];
    for (const campaign of facts.values()) {
      for (const rule of byBusiness.get(campaign.businessId) ?? []) {
        if (!inScope(rule.definition, campaign)) continue;
        const trigger = rule.definition.trigger;
        if (!trigger) {
          candidates.push({ rule, campaign, event: null });
          continue;
        }
        for (const event of events.get(campaign.id) ?? []) {
          if (matches(trigger, event)) candidates.push({ rule, campaign, event });
        }
      }
    }
    if (candidates.length === 0) return [];
    const requests: WindowRequest[] = candidates.flatMap(({ rule, campaign }) =>
      windowsOf(rule.definition).map((window) => ({ campaignId: campaign.id, window })),
    );
    const [counters, states] = await Promise.all([readWindowCounters(this.reader, requests), this.readStates(candidates)]);
    const now = new Date();
    const outcomes: PairOutcome[] = [];
    for (const { rule, campaign, event } of candidates) {
      const evaluation = evaluate(rule.definition, campaign, counters.get(campaign.id) ?? new Map(), now);
      const state = states.get(pairKey(rule.id, campaign.id)) ?? null;
      const decision = decide(evaluation.met, state, rule.definition.cooldownMinutes, now, event !== null);
      if (decision.kind !== 'FIRE' && decision.kind !== 'RESET') continue;
      try {
        outcomes.push(await this.confirm(rule, campaign.id, cause, event, false));
      } catch (error) {
        this.logger.error({ err: error, ruleId: rule.id, campaignId: campaign.id }, 'automation rule: firing failed; the next evaluation retries it');
      }
    }
    return outcomes;
  }

  private async readStates(candidates: Array<{ rule: LoadedRule; campaign: CampaignFacts }>): Promise<Map<string, EpisodeState>> {
    const pairs = candidates.map(({ rule, campaign }) => ({ r: rule.id, c: campaign.id }));
    const rows = await this.reader.query<StateRow>(
      `SELECT s.rule_id::text AS rule_id, s.campaign_id::text AS campaign_id, s.condition_met, s.last_fired_at
       FROM json_to_recordset($1::json) AS p(r uuid, c uuid)
       JOIN rule_campaign_states s ON s.rule_id = p.r AND s.campaign_id = p.c`,
      [JSON.stringify(pairs)],
    );
    return new Map(
      rows.map((row) => [
        pairKey(row.rule_id, row.campaign_id),
        { conditionMet: row.condition_met, lastFiredAt: row.last_fired_at === null ? null : toDate(row.last_fired_at) },
      ]),
    );
  }

  /**
   * Decides again under the lock of the rule's state for the campaign, with inputs read in the
   * same transaction, and fires or ends the episode. A concurrent evaluation (another server, a
   * retry, the sweep) waits for the lock and then finds the episode already open. A dry run does
   * the same work and rolls it back.
   */
  async confirm(rule: LoadedRule, campaignId: string, cause: RuleFiringCause, event: TriggerEvent | null, dryRun: boolean): Promise<PairOutcome> {
    const access = Access.forRule(rule.id, rule.businessId, this.prisma);
    // The access policy answers before the transaction: it reads on its own connection.
    await access.requireCampaign(campaignId, 'write');
    const transitions = new Map<'PAUSE' | 'RESUME', AuthorizedTransition | DomainError>();
    for (const action of rule.definition.actions) {
      if (action.type !== 'PAUSE' && action.type !== 'RESUME') continue;
      transitions.set(
        action.type,
        await this.campaigns.authorizeTransition(access, campaignId, action.type, `rule "${rule.name}"`).catch((error: unknown) => {
          if (error instanceof DomainError) return error;
          throw error;
        }),
      );
    }
    const after: AfterCommit = { lifecycle: [], alerts: [] };
    let outcome: PairOutcome;
    try {
      outcome = await withRetry(() => {
        after.lifecycle = [];
        after.alerts = [];
        return this.prisma.$transaction(async (tx) => {
          const result = await this.confirmIn(tx, rule, campaignId, cause, event, { access, transitions, after });
          if (dryRun) throw new DryRun(result);
          return result;
        });
      });
    } catch (error) {
      if (error instanceof DryRun) return error.outcome;
      throw error;
    }
    this.lifecycle.publish(after.lifecycle);
    for (const message of after.alerts) {
      const alert: RuleAlertMessage = {
        firingId: outcome.firingId!,
        ruleId: rule.id,
        ruleName: rule.name,
        campaignId,
        businessId: rule.businessId,
        message,
        firedAt: new Date().toISOString(),
      };
      this.bus.pubsub.publish('rule:alert', rule.businessId, alert);
    }
    return outcome;
  }

  private async confirmIn(
    tx: Prisma.TransactionClient,
    rule: LoadedRule,
    campaignId: string,
    cause: RuleFiringCause,
    event: TriggerEvent | null,
    context: { access: Access; transitions: Map<'PAUSE' | 'RESUME', AuthorizedTransition | DomainError>; after: AfterCommit },
  ): Promise<PairOutcome> {
    const sql = sqlSessionOf(tx);
    await sql.query(ENSURE_STATE, [rule.id, campaignId]);
    const [locked] = await sql.query<{ condition_met: boolean; last_fired_at: Date | string | null }>(LOCK_STATE, [rule.id, campaignId]);
    const state: EpisodeState = { conditionMet: locked!.condition_met, lastFiredAt: locked!.last_fired_at === null ? null : toDate(locked!.last_fired_at) };
    const campaign = (await readFacts(sql, [campaignId])).get(campaignId);
    if (!campaign) throw new NotFoundError('Campaign', campaignId);
    const windows = windowsOf(rule.definition).map((window) => ({ campaignId, window }));
    const counters: WindowCounters = (await readWindowCounters(sql, windows)).get(campaignId) ?? new Map();
    const evaluation = evaluate(rule.definition, campaign, counters, new Date());
    const decision = decide(evaluation.met, state, rule.definition.cooldownMinutes, new Date(), event !== null);
    const outcome: PairOutcome = { ruleId: rule.id, campaignId, evaluation, decision, triggerKey: event?.key ?? null, actions: [], firingId: null };
    if (decision.kind === 'RESET') {
      await sql.query(`UPDATE rule_campaign_states SET condition_met = false, updated_at = now() WHERE rule_id = $1::uuid AND campaign_id = $2::uuid`, [
        rule.id,
        campaignId,
      ]);
      return outcome;
    }
    if (decision.kind !== 'FIRE') return outcome;
    // The firing is written first: for a trigger rule its key claims the event, once per campaign.
    const [firing] = await sql.query<{ id: string }>(
      `INSERT INTO rule_firings (rule_id, campaign_id, rule_version, cause, trigger_key, evaluation, actions, actor_system)
       VALUES ($1::uuid, $2::uuid, $3, $4::rule_firing_cause, $5, $6::jsonb, '[]'::jsonb, $7)
       ON CONFLICT (rule_id, campaign_id, trigger_key) DO NOTHING
       RETURNING id::text AS id`,
      [rule.id, campaignId, rule.version, event ? 'EVENT' : cause, event?.key ?? null, JSON.stringify(evaluation), context.access.systemReason],
    );
    if (!firing) return { ...outcome, decision: { kind: 'HOLD', reason: 'already fired for this event' } };
    const actions = await runActions(
      {
        tx,
        access: context.access,
        ruleId: rule.id,
        ruleName: rule.name,
        campaignId,
        transitions: context.transitions,
        campaigns: this.campaigns,
        budgets: this.budgets,
        after: context.after,
      },
      rule.definition.actions,
    );
    await sql.query(`UPDATE rule_firings SET actions = $2::jsonb WHERE id = $1::uuid`, [firing.id, JSON.stringify(actions)]);
    await sql.query(
      `UPDATE rule_campaign_states SET condition_met = $3, last_fired_at = now(), updated_at = now() WHERE rule_id = $1::uuid AND campaign_id = $2::uuid`,
      [rule.id, campaignId, event === null],
    );
    return { ...outcome, actions, firingId: firing.id };
  }

  /**
   * The scheduled round: every enabled rule over every campaign in its scope that is not final,
   * in chunks, plus the budget alerts and lifecycle steps of the last minutes for trigger rules
   * (a firing per event exists at most once, so seeing an event again changes nothing).
   */
  async sweep(): Promise<{ rules: number; campaigns: number; fired: number; ended: number }> {
    const rules = await this.loadRules({});
    if (rules.length === 0) return { rules: 0, campaigns: 0, fired: 0, ended: 0 };
    const businessIds = [...new Set(rules.map((rule) => rule.businessId))];
    const campaigns = await this.reader.query<{ id: string }>(
      `SELECT id::text AS id FROM campaigns
       WHERE business_id IN (SELECT value::uuid FROM json_array_elements_text($1::json)) AND status NOT IN ('COMPLETED', 'CANCELLED')
       ORDER BY id`,
      [JSON.stringify(businessIds)],
    );
    const ids = campaigns.map((row) => row.id);
    const events = rules.some((rule) => rule.definition.trigger) ? await this.recentEvents() : new Map<string, TriggerEvent[]>();
    const chunk = this.options.sweepChunk ?? 500;
    let fired = 0;
    let ended = 0;
    for (let start = 0; start < ids.length; start += chunk) {
      const outcomes = await this.evaluate(rules, ids.slice(start, start + chunk), 'SCHEDULE', events);
      fired += outcomes.filter((outcome) => outcome.firingId !== null).length;
      ended += outcomes.filter((outcome) => outcome.decision.kind === 'RESET').length;
    }
    return { rules: rules.length, campaigns: ids.length, fired, ended };
  }

  /** Budget alerts and lifecycle steps of the lookback that no firing claimed yet. */
  private async recentEvents(): Promise<Map<string, TriggerEvent[]>> {
    const lookbackMs = this.options.eventLookbackMs ?? 10 * 60_000;
    const rows = await this.reader.query<{ campaign_id: string; kind: string; detail: string; at: Date | string; actor_system: string | null }>(
      `SELECT campaign_id::text AS campaign_id, 'BUDGET_ALERT' AS kind, threshold_percent::text AS detail, raised_at AS at, NULL AS actor_system
       FROM budget_alerts WHERE raised_at > now() - $1::bigint * interval '1 millisecond'
       UNION ALL
       SELECT campaign_id::text, 'LIFECYCLE_CHANGE', to_status::text, created_at, actor_system
       FROM campaign_transitions WHERE created_at > now() - $1::bigint * interval '1 millisecond'`,
      [lookbackMs],
    );
    const events = new Map<string, TriggerEvent[]>();
    for (const row of rows) {
      const event: TriggerEvent =
        row.kind === 'BUDGET_ALERT'
          ? { kind: 'BUDGET_ALERT', key: `budget-alert:${row.detail}`, thresholdPercent: Number(row.detail) }
          : {
              kind: 'LIFECYCLE_CHANGE',
              key: `lifecycle:${row.detail}:${toDate(row.at).toISOString()}`,
              toStatus: row.detail,
              byRule: row.actor_system?.startsWith('rule ') ?? false,
            };
      events.set(row.campaign_id, [...(events.get(row.campaign_id) ?? []), event]);
    }
    return events;
  }

  /**
   * A dry run of one rule (enabled or not) on every campaign in its scope now: the same
   * evaluation and, where it would fire, the same actions in a transaction that is rolled back.
   */
  async preview(rule: LoadedRule): Promise<PairOutcome[]> {
    const campaigns = await this.reader.query<{ id: string }>(
      `SELECT id::text AS id FROM campaigns WHERE business_id = $1::uuid AND status NOT IN ('COMPLETED', 'CANCELLED') ORDER BY created_at, id`,
      [rule.businessId],
    );
    const facts = await readFacts(
      this.reader,
      campaigns.map((row) => row.id),
    );
    const outcomes: PairOutcome[] = [];
    for (const campaign of facts.values()) {
      if (!inScope(rule.definition, campaign)) continue;
      // A trigger rule is previewed as if its event had just happened.
      const event: TriggerEvent | null = rule.definition.trigger ? previewEvent(rule.definition.trigger) : null;
      outcomes.push(await this.confirm(rule, campaign.id, 'CHANGE', event, true));
    }
    return outcomes;
  }
}

function matches(trigger: NonNullable<RuleDefinition['trigger']>, event: TriggerEvent): boolean {
  if (trigger.event !== event.kind) return false;
  if (event.kind === 'BUDGET_ALERT') return trigger.thresholdPercent === undefined || trigger.thresholdPercent === event.thresholdPercent;
  // A rule's own steps do not trigger rules: two rules could otherwise pause and resume forever.
  if (event.byRule) return false;
  return !trigger.toStatuses || trigger.toStatuses.includes(event.toStatus as (typeof trigger.toStatuses)[number]);
}

function previewEvent(trigger: NonNullable<RuleDefinition['trigger']>): TriggerEvent {
  return trigger.event === 'BUDGET_ALERT'
    ? { kind: 'BUDGET_ALERT', key: `preview:budget-alert:${trigger.thresholdPercent ?? 100}`, thresholdPercent: trigger.thresholdPercent ?? 100 }
    : { kind: 'LIFECYCLE_CHANGE', key: 'preview:lifecycle', toStatus: trigger.toStatuses?.[0] ?? 'PAUSED', byRule: false };
}
