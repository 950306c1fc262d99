import type { CampaignStatus } from '../../generated/prisma/enums';
import { InvalidTransitionError } from '../../errors';

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
