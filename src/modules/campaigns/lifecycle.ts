import type { CampaignStatus } from '../../generated/prisma/enums';
import { InvalidTransitionError } from '../../errors';
import type { SqlSession } from '../../platform/db';
import type { ActorRecord } from '../access/policy';
import type { LifecycleMessage } from './events';

/** Who asks for a step: the business's owner, an admin, or the server itself (schedules, budget). */
export type Actor = 'OWNER' | 'ADMIN' | 'SYSTEM';

export const CAMPAIGN_ACTIONS = ['SUBMIT', 'APPROVE', 'REJECT', 'SCHEDULE', 'ACTIVATE', 'PAUSE', 'RESUME', 'COMPLETE', 'CANCEL', 'REVISE'] as const;
export type CampaignAction = (typeof CAMPAIGN_ACTIONS)[number];

export const FINAL_STATUSES: readonly CampaignStatus[] = ['COMPLETED', 'CANCELLED'];
/** A campaign's plan can change only while nobody is reviewing or serving it. */
export const EDITABLE_STATUSES: readonly CampaignStatus[] = ['DRAFT', 'PAUSED', 'REJECTED'];
const NOT_FINAL: CampaignStatus[] = ['DRAFT', 'PENDING_APPROVAL', 'APPROVED', 'REJECTED', 'SCHEDULED', 'ACTIVE', 'PAUSED'];

interface Transition {
  from: readonly CampaignStatus[];
  to: CampaignStatus;
  by: readonly Actor[];
}

/** The whole lifecycle: the union of the seeds' state machines, defined once. */
export const TRANSITIONS: Record<CampaignAction, Transition> = {
  SUBMIT: { from: ['DRAFT'], to: 'PENDING_APPROVAL', by: ['OWNER', 'ADMIN'] },
  APPROVE: { from: ['PENDING_APPROVAL'], to: 'APPROVED', by: ['ADMIN'] },
  REJECT: { from: ['PENDING_APPROVAL'], to: 'REJECTED', by: ['ADMIN'] },
  SCHEDULE: { from: ['APPROVED'], to: 'SCHEDULED', by: ['SYSTEM'] },
  ACTIVATE: { from: ['APPROVED', 'SCHEDULED'], to: 'ACTIVE', by: ['SYSTEM'] },
  PAUSE: { from: ['ACTIVE'], to: 'PAUSED', by: ['OWNER', 'ADMIN', 'SYSTEM'] },
  RESUME: { from: ['PAUSED'], to: 'ACTIVE', by: ['OWNER', 'ADMIN'] },
  COMPLETE: { from: ['ACTIVE', 'PAUSED'], to: 'COMPLETED', by: ['OWNER', 'ADMIN', 'SYSTEM'] },
  CANCEL: { from: NOT_FINAL, to: 'CANCELLED', by: ['OWNER', 'ADMIN'] },
  REVISE: { from: ['REJECTED'], to: 'DRAFT', by: ['OWNER', 'ADMIN'] },
};

export function isFinal(status: CampaignStatus): boolean {
  return FINAL_STATUSES.includes(status);
}

export function isEditable(status: CampaignStatus): boolean {
  return EDITABLE_STATUSES.includes(status);
}

/** The actions `actor` may take on a campaign in `status`. */
export function allowedActions(status: CampaignStatus, actor: Actor): CampaignAction[] {
  return CAMPAIGN_ACTIONS.filter((action) => TRANSITIONS[action].from.includes(status) && TRANSITIONS[action].by.includes(actor));
}

/** The status `action` leads to, or an error naming the current status and what is allowed. */
export function nextStatus(status: CampaignStatus, action: CampaignAction, actor: Actor): CampaignStatus {
  const transition = TRANSITIONS[action];
  if (!transition.from.includes(status) || !transition.by.includes(actor)) {
    throw new InvalidTransitionError(status, action, allowedActions(status, actor));
  }
  return transition.to;
}

/** An approved campaign waits for its start date, or starts at once when that has come. */
export function launchAction(startsAt: Date, now: Date): 'SCHEDULE' | 'ACTIVATE' {
  return startsAt.getTime() > now.getTime() ? 'SCHEDULE' : 'ACTIVATE';
}

export interface TransitionRequest {
  action: CampaignAction;
  /** Whose rules apply: the owner's, an admin's, or the server's own (schedules, budget). */
  actor: Actor;
  /** Who is recorded in the history. */
  by: ActorRecord;
  reason?: string | null;
}

/** How the server's own steps are recorded. */
export const SYSTEM_LAUNCH: ActorRecord = { actorId: null, actorSystem: 'launch on approval' };

/**
 * Moves one campaign one step, inside the caller's transaction. The update is conditional on the
 * status it read, so two concurrent requests cannot both make the same step.
 */
export async function applyTransition(
  sql: SqlSession,
  campaign: { id: string; businessId: string; status: CampaignStatus },
  request: TransitionRequest,
): Promise<LifecycleMessage> {
  const to = nextStatus(campaign.status, request.action, request.actor);
  const [changed] = await sql.query<{ reason: string | null; actor_id: string | null; created_at: Date }>(
    `WITH moved AS (
       UPDATE campaigns
       SET status = $3::campaign_status, status_reason = $4, updated_at = now(),
           submitted_at = CASE WHEN $5 THEN now() ELSE submitted_at END
       WHERE id = $1::uuid AND status = $2::campaign_status
       RETURNING id
     )
     INSERT INTO campaign_transitions (campaign_id, from_status, to_status, actor_id, actor_system, reason)
     SELECT id, $2::campaign_status, $3::campaign_status, $6::uuid, $7, $4 FROM moved
     RETURNING reason, actor_id, created_at`,
    [campaign.id, campaign.status, to, request.reason ?? null, request.action === 'SUBMIT', request.by.actorId, request.by.actorSystem],
  );
  if (!changed) {
    // Someone else moved the campaign since it was read: judge the request against the new status.
    const [current] = await sql.query<{ status: CampaignStatus }>('SELECT status::text AS status FROM campaigns WHERE id = $1::uuid', [campaign.id]);
    throw new InvalidTransitionError(current!.status, request.action, allowedActions(current!.status, request.actor));
  }
  return {
    campaignId: campaign.id,
    businessId: campaign.businessId,
    fromStatus: campaign.status,
    toStatus: to,
    reason: changed.reason,
    actorId: changed.actor_id,
    actorSystem: request.by.actorSystem,
    at: changed.created_at.toISOString(),
  };
}
