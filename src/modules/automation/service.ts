import { z } from 'zod';
import type { AutomationRule, Prisma, PrismaClient } from '../../generated/prisma/client';
import { NotFoundError, ValidationError } from '../../errors';
import { parseInput, rules } from '../../validation';
import type { Access } from '../access/policy';
import { type RuleDefinition, ruleDefinitionSchema, withoutNulls } from './definition';
import type { EventBus } from '../../platform/pubsub';
import type { LoadedRule, PairOutcome, RuleEngine } from './engine';
import type { RuleAlertMessage } from './types';

export interface RuleInput {
  name: string;
  enabled?: boolean | null;
  /** Everything else of the input: scope, trigger, conditions, time conditions, actions, cooldown. */
  definition: Record<string, unknown>;
}

const nameSchema = z.object({ name: rules.name });

/** What owners (and admins) do with rules; the access policy decides who reaches which. */
export class RuleService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly engine: RuleEngine,
    private readonly bus: EventBus,
  ) {}

  /** Alerts raised by the business's rules, live (topic `rule:alert`). */
  alerts(businessId: string): AsyncIterable<RuleAlertMessage> {
    return this.bus.pubsub.subscribe('rule:alert', businessId);
  }

  private async validate(access: Access, businessId: string, input: RuleInput): Promise<RuleDefinition> {
    parseInput(nameSchema, { name: input.name });
    const definition = parseInput(ruleDefinitionSchema, withoutNulls(input.definition));
    const named = definition.scope.campaignIds ?? [];
    if (named.length > 0) {
      const found = await this.prisma.campaign.findMany({
        where: { AND: [{ id: { in: named } }, { businessId }, access.campaignWhere()] },
        select: { id: true },
      });
      const known = new Set(found.map((campaign) => campaign.id));
      const issues = named.flatMap((id, index) =>
        known.has(id) ? [] : [{ path: ['input', 'scope', 'campaignIds', String(index)], message: 'is not a campaign of this business' }],
      );
      if (issues.length > 0) throw new ValidationError(issues);
    }
    return definition;
  }

  /** The rule if the caller may reach it, with its business checked for `mode`. */
  async find(access: Access, ruleId: string, mode: 'read' | 'write'): Promise<AutomationRule> {
    const rule = await this.prisma.automationRule.findFirst({ where: { id: ruleId, business: access.businessWhere() } });
    if (!rule) throw new NotFoundError('AutomationRule', ruleId);
    await access.requireBusiness(rule.businessId, mode);
    return rule;
  }

  async create(access: Access, businessId: string, input: RuleInput): Promise<AutomationRule> {
    access.requireAuthenticated();
    const business = await access.requireBusiness(businessId, 'write');
    const definition = await this.validate(access, business.id, input);
    const rule = await this.prisma.automationRule.create({
      data: {
        businessId: business.id,
        name: input.name.trim(),
        enabled: input.enabled ?? true,
        definition: definition as Prisma.InputJsonObject,
        createdById: access.viewer?.userId ?? null,
      },
    });
    if (rule.enabled) this.engine.evaluateRuleSoon(rule.id);
    return rule;
  }

  /**
   * Replaces the definition: a new version, whose episodes start afresh (the old conditions'
   * episodes say nothing about the new ones).
   */
  async update(access: Access, ruleId: string, input: RuleInput): Promise<AutomationRule> {
    const rule = await this.find(access, ruleId, 'write');
    const definition = await this.validate(access, rule.businessId, input);
    const updated = await this.prisma.$transaction(async (tx) => {
      await tx.ruleCampaignState.deleteMany({ where: { ruleId: rule.id } });
      return tx.automationRule.update({
        where: { id: rule.id },
        data: {
          name: input.name.trim(),
          enabled: input.enabled ?? rule.enabled,
          definition: definition as Prisma.InputJsonObject,
          version: { increment: 1 },
        },
      });
    });
    if (updated.enabled) this.engine.evaluateRuleSoon(updated.id);
    return updated;
  }

  async setEnabled(access: Access, ruleId: string, enabled: boolean): Promise<AutomationRule> {
    const rule = await this.find(access, ruleId, 'write');
    const updated = await this.prisma.automationRule.update({ where: { id: rule.id }, data: { enabled } });
    if (enabled) this.engine.evaluateRuleSoon(updated.id);
    return updated;
  }

  async delete(access: Access, ruleId: string): Promise<string> {
    const rule = await this.find(access, ruleId, 'write');
    await this.prisma.automationRule.delete({ where: { id: rule.id } });
    return rule.id;
  }

  /**
   * A dry run: what the rule would do now on each campaign in its scope, by the engine's own code
   * in transactions that are rolled back. Only those who may change the rule may run it: it takes
   * the locks a firing takes, for a moment.
   */
  async preview(access: Access, ruleId: string): Promise<PairOutcome[]> {
    const rule = await this.find(access, ruleId, 'write');
    const [loaded] = await this.engine.loadRules({ ruleId: rule.id, includeDisabled: true });
    return this.engine.preview(loaded as LoadedRule);
  }
}
