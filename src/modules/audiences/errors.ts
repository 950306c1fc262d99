import { DomainError } from '../../errors';

/** Another ranking run holds the lock; runs never overlap, on any server. */
export class RankingInProgressError extends DomainError {
  readonly code = 'RANKING_IN_PROGRESS';
  constructor() {
    super('A Driver ranking run is already in progress; try again when it has finished');
  }
}
