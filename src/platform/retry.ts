import { Prisma } from '../generated/prisma/client';

/** PostgreSQL's deadlock and serialization failures: the transaction did nothing and may be retried. */
const RETRYABLE_SQLSTATES = new Set(['40P01', '40001']);

function isRetryable(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === 'P2034') return true;
    const code = (error.meta?.driverAdapterError as { cause?: { originalCode?: string } } | undefined)?.cause?.originalCode;
    return code !== undefined && RETRYABLE_SQLSTATES.has(code);
  }
  // The drivers themselves (pg, PGlite) report the SQLSTATE as `code`.
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && RETRYABLE_SQLSTATES.has(code);
}

/** Runs a transaction again when PostgreSQL aborted it for a deadlock or serialization conflict. */
export async function withRetry<T>(work: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * 2 ** attempt * Math.random()));
    }
  }
}
