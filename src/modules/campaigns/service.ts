import type { Campaign, Prisma, PrismaClient } from '../../generated/prisma/client';
import type { Channel } from '../../generated/prisma/enums';
import { ForbiddenError, ValidationError } from '../../errors';
import { sqlSessionOf } from '../../platform/db';
import { parseInput } from '../../validation';
import type { Access } from '../access/policy';
import {
  type Actor,
  applyTransition,
  type TransitionRequest,
  type CampaignAction,
  isEditable,
  launchAction,
  nextStatus,
  SYSTEM_LAUNCH,
  TRANSITIONS,
} from './lifecycle';
import type { LifecycleEvents, LifecycleMessage } from './events';
import { createPlanSchema, type CreatePlanInput, updatePlanSchema, type UpdatePlanInput } from './plan';

type Tx = Prisma.TransactionClient;

/** Columns of a campaign that a plan sets; undefined fields are left as they are. */
function planColumns(plan: ReturnType<typeof updatePlanSchema.parse>): Prisma.CampaignUncheckedUpdateInput {
  return {
    name: plan.name,
    description: plan.description === undefined ? undefined : plan.description,
    objective: plan.objective,
    kind: plan.kind,
    channels: plan.channels,
    startsAt: plan.startsAt,
    endsAt: plan.endsAt === undefined ? undefined : plan.endsAt,
    schedule: plan.schedule ?? undefined,
    cpmCents: plan.pricing === undefined ? undefined : (plan.pricing?.cpmCents ?? null),
    cpcCents: plan.pricing === undefined ? undefined : (plan.pricing?.cpcCents ?? null),
    cpaCents: plan.pricing === undefined ? undefined : (plan.pricing?.cpaCents ?? null),
    kpiTargets: plan.kpiTargets === undefined ? undefined : (plan.kpiTargets ?? []),
    targetingRules: plan.targetingRules === undefined ? undefined : (plan.targetingRules ?? {}),
    settings: plan.settings === undefined ? undefined : ((plan.settings ?? {}) as Prisma.InputJsonObject),
  };
}

export class CampaignService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly lifecycle: LifecycleEvents,
  ) {}

  /** `input` comes from any client, so its shape is checked here (createPlanSchema), not trusted. */
  async create(access: Access, input: CreatePlanInput | Record<string, unknown>): Promise<Campaign> {
    const viewer = access.requireUser();
    const plan = parseInput(createPlanSchema, input);
    const business = await access.requireBusiness(plan.businessId, 'write');
    return this.prisma.campaign.create({
      data: {
        ...(planColumns(plan) as Prisma.CampaignUncheckedCreateInput),
        businessId: plan.businessId,
        schedule: plan.schedule ?? { timezone: business.timezone },
        createdById: viewer.userId,
      },
    });
  }

  /** Edits a plan in DRAFT, PAUSED or REJECTED; editing a rejected campaign returns it to DRAFT. */
  async update(access: Access, campaignId: string, input: UpdatePlanInput | Record<string, unknown>): Promise<Campaign> {
    access.requireAuthenticated();
    const plan = parseInput(updatePlanSchema, input);
    const found = await access.requireCampaign(campaignId, 'write');
    const events: LifecycleMessage[] = [];
    const updated = await this.prisma.$transaction(async (tx) => {
      const campaign = await tx.campaign.findUniqueOrThrow({ where: { id: found.id } });
      if (!isEditable(campaign.status)) {
        throw new ValidationError([{ path: ['id'], message: `a ${campaign.status} campaign cannot be edited; pause it first` }]);
      }
      const startsAt = plan.startsAt ?? campaign.startsAt;
      const endsAt = plan.endsAt === undefined ? campaign.endsAt : plan.endsAt;
      if (endsAt && endsAt <= startsAt) throw ValidationError.single(['input', 'endsAt'], 'must be after startsAt');
      if (plan.channels) await assertAllocationsFitChannels(tx, campaign.id, plan.channels);
      if (campaign.status === 'REJECTED') {
        events.push(
          await applyTransition(sqlSessionOf(tx), campaign, { action: 'REVISE', actor: actorOf(access), by: access.actor, reason: 'edited after rejection' }),
        );
      }
      return tx.campaign.update({ where: { id: campaign.id }, data: planColumns(plan) });
    });
    this.lifecycle.publish(events);
    return updated;
  }

  /**
   * Takes one lifecycle action for a person (or an automation rule). Approval also launches: the
   * campaign is scheduled for its start date, or active at once when that has come.
   */
  async transition(access: Access, campaignId: string, action: CampaignAction, reason: string | null | undefined): Promise<Campaign> {
    const request = await this.authorizeTransition(access, campaignId, action, reason);
    const events: LifecycleMessage[] = [];
    const updated = await this.prisma.$transaction(async (tx) => {
      events.push(...(await this.transitionIn(tx, request)));
      return tx.campaign.findUniqueOrThrow({ where: { id: request.campaignId } });
    });
    this.lifecycle.publish(events);
    return updated;
  }

  /**
   * Who may take `action` on the campaign, decided before any transaction opens (the access policy
   * reads with its own connection). The result is what `transitionIn` executes.
   */
  async authorizeTransition(access: Access, campaignId: string, action: CampaignAction, reason: string | null | undefined): Promise<AuthorizedTransition> {
    access.requireAuthenticated();
    const cleanReason = reason?.trim() || null;
    if (cleanReason && cleanReason.length > 500) throw ValidationError.single(['reason'], 'must be at most 500 characters');
    if (action === 'REJECT' && !cleanReason) throw ValidationError.single(['reason'], 'is required when rejecting, so the owner knows what to change');
    if (TRANSITIONS[action].by.every((actor) => actor === 'SYSTEM')) {
      throw new ForbiddenError(`${action.toLowerCase()} is done by the server, not by people`);
    }
    const found = await access.requireCampaign(campaignId, 'write');
    const actor = actorOf(access);
    if (!TRANSITIONS[action].by.includes(actor)) throw new ForbiddenError(`Only an admin can ${action.toLowerCase()} a campaign`);
    return { campaignId: found.id, action, actor, by: access.actor, reason: cleanReason };
  }

  /**
   * Executes an authorized step inside the caller's transaction, with the lifecycle's rules
   * (a campaign resumes only while its end date and budget allow it); returns the steps to publish
   * after the commit.
   */
  async transitionIn(tx: Tx, request: AuthorizedTransition): Promise<LifecycleMessage[]> {
    const campaign = await tx.campaign.findUniqueOrThrow({ where: { id: request.campaignId }, include: { budget: true } });
    nextStatus(campaign.status, request.action, request.actor);
    if (request.action === 'SUBMIT') assertReadyForReview(campaign);
    if (request.action === 'RESUME') assertCanServe(campaign);
    const steps = [await applyTransition(sqlSessionOf(tx), campaign, request)];
    if (request.action === 'APPROVE') {
      const approved = { ...campaign, status: 'APPROVED' as const };
      steps.push(
        await applyTransition(sqlSessionOf(tx), approved, { action: launchAction(campaign.startsAt, new Date()), actor: 'SYSTEM', by: SYSTEM_LAUNCH }),
      );
    }
    return steps;
  }
}

/** A lifecycle step the access policy allowed, ready to execute in a transaction. */
export interface AuthorizedTransition extends TransitionRequest {
  campaignId: string;
}

/**
 * Owners and automation rules (confined to their business) act as OWNER, admins and the system
 * actor (a script, the demo) as ADMIN;
 * access.requireCampaign has already refused everyone else.
 */
export function actorOf(access: Access): Actor {
  if (access.isAdmin) return 'ADMIN';
  if (access.actsAsOwner) return 'OWNER';
  throw new ForbiddenError('Only the business owner or an admin can change a campaign');
}

/** What a reviewer needs before a campaign enters the approval queue. */
function assertReadyForReview(campaign: Campaign & { budget: { totalCents: bigint } | null }): void {
  const issues: ValidationError['issues'] = [];
  if (!campaign.budget) issues.push({ path: ['budget'], message: 'set a budget before submitting' });
  if (campaign.endsAt && campaign.endsAt <= new Date()) issues.push({ path: ['endsAt'], message: 'has already passed' });
  if (issues.length > 0) throw new ValidationError(issues);
}

function assertCanServe(campaign: Campaign & { budget: { totalCents: bigint; spentCents: bigint } | null }): void {
  if (campaign.endsAt && campaign.endsAt <= new Date()) {
    throw ValidationError.single(['endsAt'], 'has passed; extend the end date or complete the campaign');
  }
  if (campaign.budget && campaign.budget.spentCents >= campaign.budget.totalCents) {
    throw ValidationError.single(['budget'], 'is exhausted; raise the total budget before resuming');
  }
}

async function assertAllocationsFitChannels(tx: Tx, campaignId: string, channels: Channel[]): Promise<void> {
  const stranded = await tx.budgetAllocation.findMany({ where: { campaignId, channel: { notIn: channels } }, select: { channel: true } });
  if (stranded.length > 0) {
    throw ValidationError.single(['input', 'channels'], `still has budget allocated to ${stranded.map((a) => a.channel).join(', ')}; move it first`);
  }
}
