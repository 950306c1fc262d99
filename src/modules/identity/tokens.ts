import { createHash, randomBytes } from 'node:crypto';

const TOKEN_PREFIX = 'cg_';

/** A new bearer token: 256 random bits, shown to its holder once and stored only as a hash. */
export function generateToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

/** Tokens are long random strings, so a fast hash is enough (no password stretching needed). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The token in an `Authorization: Bearer <token>` header value, if there is one. */
export function bearerToken(header: string | null | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}
