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

/** What a request presented as its credentials: nothing, a token, or something that is not a bearer token. */
export type Credential = { kind: 'none' } | { kind: 'token'; token: string } | { kind: 'malformed' };

/** Reads an `Authorization` header value: absent or empty means anonymous, anything but `Bearer <token>` is malformed. */
export function credentialFromHeader(header: string | null | undefined): Credential {
  if (header === null || header === undefined || header.trim() === '') return { kind: 'none' };
  const token = bearerToken(header);
  return token ? { kind: 'token', token } : { kind: 'malformed' };
}
