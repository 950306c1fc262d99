import { ValidationError } from '../errors';

export const MAX_PAGE_SIZE = 100;

/** Asking for more than a page holds is an error, not a silently shorter page. */
export function checkPageSize(args: { first?: number | null; last?: number | null }): void {
  for (const key of ['first', 'last'] as const) {
    const value = args[key];
    if (value == null) continue;
    if (value < 0) throw ValidationError.single([key], 'must not be negative');
    if (value > MAX_PAGE_SIZE) throw ValidationError.single([key], `must be at most ${MAX_PAGE_SIZE}`);
  }
}
