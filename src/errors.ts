import { encodeGlobalId } from './schema/global-ids';

/**
 * Domain failures. Services throw these; the GraphQL layer returns them as typed results, and any
 * other error is masked for the client and logged.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  /**
   * @param localId the record's database id
   * @param id what the caller sent: the global id of a Node type (the default), or the plain id of a record that has no global id
   */
  constructor(
    readonly entity: string,
    localId: string,
    readonly id: string = encodeGlobalId(entity, localId),
  ) {
    super(`${entity} ${id} was not found`);
  }
}

/**
 * Credentials were sent but name no valid token (malformed, unknown, revoked or expired). Answered
 * as HTTP 401 (graphql-ws: close code 4401) for the whole request, never as a typed result.
 */
export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED';
  constructor() {
    super(
      'The bearer token is not valid (malformed, unknown, revoked or expired). Send "Authorization: Bearer <token>" with a valid token, or no Authorization header to call anonymously.',
    );
  }
}

export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
  constructor(message = 'You are not allowed to do this') {
    super(message);
  }
}

export interface ValidationIssue {
  /** Where the problem is, e.g. ["input", "budget", "totalCents"]. */
  path: string[];
  message: string;
}

export class ValidationError extends DomainError {
  readonly code = 'VALIDATION';
  constructor(readonly issues: ValidationIssue[]) {
    super(`Invalid input: ${issues.map((issue) => `${issue.path.join('.') || '(input)'}: ${issue.message}`).join('; ')}`);
  }

  static single(path: string[], message: string): ValidationError {
    return new ValidationError([{ path, message }]);
  }
}

export class InvalidTransitionError extends DomainError {
  readonly code = 'INVALID_TRANSITION';
  constructor(
    readonly currentStatus: string,
    readonly action: string,
    readonly allowedActions: string[],
  ) {
    super(
      `Cannot ${action.toLowerCase()} a campaign that is ${currentStatus}; ` +
        (allowedActions.length > 0 ? `allowed now: ${allowedActions.map((a) => a.toLowerCase()).join(', ')}` : 'it is final and allows nothing'),
    );
  }
}

export type BudgetLimit = 'TOTAL' | 'DAILY_CAP' | 'CHANNEL_ALLOCATION' | 'UNALLOCATED';

export class BudgetExceededError extends DomainError {
  readonly code = 'BUDGET_EXCEEDED';
  constructor(
    readonly limit: BudgetLimit,
    readonly requestedCents: number,
    readonly availableCents: number,
  ) {
    super(`This spend of ${requestedCents} cents exceeds the ${limit.toLowerCase().replace(/_/g, ' ')}: ${availableCents} cents are left`);
  }
}
