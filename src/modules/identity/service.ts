import { z } from 'zod';
import { Prisma, type PrismaClient, type Role, type User } from '../../generated/prisma/client';
import { NotFoundError, UnauthenticatedError, ValidationError } from '../../errors';
import { TtlCache } from '../../platform/ttl-cache';
import { parseInput } from '../../validation';
import type { Access } from '../access/policy';
import { generateToken, hashToken, type Credential } from './tokens';
import type { Viewer } from './viewer';

export const BOOTSTRAP_ADMIN_EMAIL = 'admin@campaign-graph.local';

/** How long a resolved token is trusted without asking the database again. */
export const VIEWER_CACHE_TTL_MS = 5_000;
const VIEWER_CACHE_MAX_ENTRIES = 10_000;

/**
 * Resolves bearer tokens to viewers. Dashboards and beacons send the same token many times a
 * second, so a token found in the database is trusted for VIEWER_CACHE_TTL_MS before it is looked
 * up again: a token revoked or a role changed takes effect within that time. Unknown tokens are
 * never cached, so a new token works at once.
 */
export class ViewerResolver {
  private readonly cache: TtlCache<string, Viewer>;

  constructor(
    private readonly prisma: PrismaClient,
    ttlMs: number = VIEWER_CACHE_TTL_MS,
  ) {
    this.cache = new TtlCache(ttlMs, VIEWER_CACHE_MAX_ENTRIES);
  }

  /** The viewer a token names, or null when it is unknown, revoked or expired. */
  async resolve(token: string | undefined): Promise<Viewer | null> {
    if (!token) return null;
    const tokenHash = hashToken(token);
    const cached = this.cache.get(tokenHash);
    if (cached) return cached;
    const row = await this.prisma.apiToken.findUnique({
      where: { tokenHash },
      select: { id: true, revokedAt: true, expiresAt: true, user: { select: { id: true, role: true } } },
    });
    const now = Date.now();
    if (!row || row.revokedAt || (row.expiresAt && row.expiresAt.getTime() <= now)) {
      this.cache.delete(tokenHash);
      return null;
    }
    const viewer: Viewer = { userId: row.user.id, role: row.user.role, tokenId: row.id };
    // An expiring token is never trusted past its expiry, however long the cache would keep it.
    this.cache.set(tokenHash, viewer, row.expiresAt ? row.expiresAt.getTime() - now : undefined);
    return viewer;
  }

  /**
   * Who presented credentials: null for none (anonymous callers reach only what is public); an
   * `UnauthenticatedError` when they name no valid token, so a caller with a wrong header is told
   * instead of silently seeing nothing.
   */
  async authenticate(credential: Credential): Promise<Viewer | null> {
    if (credential.kind === 'none') return null;
    const viewer = credential.kind === 'token' ? await this.resolve(credential.token) : null;
    if (!viewer) throw new UnauthenticatedError();
    return viewer;
  }

  /** Stops trusting a token this server has cached (it was revoked here). */
  forget(tokenHash: string): void {
    this.cache.delete(tokenHash);
  }
}

const createUserInput = z.object({
  email: z.email({ message: 'must be an email address' }).max(254),
  name: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  role: z.enum(['ADMIN', 'BUSINESS_OWNER', 'PARTNER']),
});

export interface IssuedToken {
  user: User;
  tokenId: string;
  token: string;
  expiresAt: Date | null;
}

/** What anyone may know of a token: never the token itself, which only its holder has. */
export const tokenInfoSelect = { id: true, label: true, createdAt: true, expiresAt: true, revokedAt: true } satisfies Prisma.ApiTokenSelect;
export type TokenInfo = Prisma.ApiTokenGetPayload<{ select: typeof tokenInfoSelect }>;

/** The longest a token may be issued for; a credential without an end is issued without `expiresAt`. */
const MAX_TOKEN_LIFETIME_MS = 5 * 365 * 86_400_000;

export class IdentityService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly viewers: ViewerResolver,
  ) {}

  /** Admins create users; the answer carries the user's first token, which is never shown again. */
  async createUser(access: Access, input: { email: string; name: string; role: Role }): Promise<IssuedToken> {
    access.requireAdmin();
    const data = parseInput(createUserInput, input);
    const existing = await this.prisma.user.findUnique({ where: { email: data.email }, select: { id: true } });
    if (existing) throw ValidationError.single(['input', 'email'], 'is already used by another user');
    const token = generateToken();
    const user = await this.prisma.user.create({
      data: { ...data, tokens: { create: { tokenHash: hashToken(token), label: 'first token' } } },
      include: { tokens: { select: { id: true } } },
    });
    return { user, tokenId: user.tokens[0]!.id, token, expiresAt: null };
  }

  /** Admins issue further tokens, optionally ending at `expiresAt` (after which the token is refused). */
  async issueToken(access: Access, userId: string, label: string, expiresAt: Date | null = null): Promise<IssuedToken> {
    access.requireAdmin();
    const cleanLabel = parseInput(z.string().trim().min(1).max(100), label, ['label']);
    if (expiresAt) {
      const lifetime = expiresAt.getTime() - Date.now();
      if (lifetime <= 0) throw ValidationError.single(['expiresAt'], 'must be in the future');
      if (lifetime > MAX_TOKEN_LIFETIME_MS) throw ValidationError.single(['expiresAt'], 'must be at most 5 years from now');
    }
    const user = await this.prisma.user.findUnique({ where: { id: userId } });
    if (!user) throw ValidationError.single(['userId'], 'no such user');
    const token = generateToken();
    const created = await this.prisma.apiToken.create({ data: { userId, tokenHash: hashToken(token), label: cleanLabel, expiresAt } });
    return { user, tokenId: created.id, token, expiresAt: created.expiresAt };
  }

  /**
   * Revokes a token for good: admins any token, users their own. Every server stops accepting it
   * within the token cache's lifetime, this one at once. Revoking twice keeps the first time.
   */
  async revokeToken(access: Access, tokenId: string): Promise<TokenInfo> {
    access.requireAuthenticated();
    const token = await this.prisma.apiToken.findFirst({
      where: access.isAdmin ? { id: tokenId } : { id: tokenId, userId: access.requireUser().userId },
      select: { tokenHash: true, revokedAt: true },
    });
    if (!token) throw new NotFoundError('ApiToken', tokenId, tokenId);
    const revoked = await this.prisma.apiToken.update({
      where: { id: tokenId },
      data: token.revokedAt ? {} : { revokedAt: new Date() },
      select: tokenInfoSelect,
    });
    this.viewers.forget(token.tokenHash);
    return revoked;
  }

  /** Admins grant a partner's key read access to one business; granting twice changes nothing. */
  async grantPartnerAccess(access: Access, tokenId: string, businessId: string): Promise<void> {
    access.requireAdmin();
    const token = await this.prisma.apiToken.findUnique({ where: { id: tokenId }, select: { revokedAt: true, user: { select: { role: true } } } });
    if (!token || token.revokedAt) throw ValidationError.single(['tokenId'], 'no such active token');
    if (token.user.role !== 'PARTNER') throw ValidationError.single(['tokenId'], 'must belong to a PARTNER user');
    if (!(await this.prisma.business.findUnique({ where: { id: businessId }, select: { id: true } }))) {
      throw ValidationError.single(['businessId'], 'no such business');
    }
    await this.prisma.partnerGrant.upsert({ where: { tokenId_businessId: { tokenId, businessId } }, create: { tokenId, businessId }, update: {} });
  }

  async revokePartnerAccess(access: Access, tokenId: string, businessId: string): Promise<void> {
    access.requireAdmin();
    await this.prisma.partnerGrant.deleteMany({ where: { tokenId, businessId } });
  }

  /** Makes `token` an admin credential if it is not one yet; safe to run on every start. */
  async ensureBootstrapAdmin(token: string): Promise<void> {
    const tokenHash = hashToken(token);
    await this.prisma
      .$transaction(async (tx) => {
        if (await tx.apiToken.findUnique({ where: { tokenHash }, select: { id: true } })) return;
        const admin = await tx.user.upsert({
          where: { email: BOOTSTRAP_ADMIN_EMAIL },
          create: { email: BOOTSTRAP_ADMIN_EMAIL, name: 'Administrator', role: 'ADMIN' },
          update: {},
        });
        await tx.apiToken.create({ data: { userId: admin.id, tokenHash, label: 'bootstrap' } });
      })
      .catch((error: unknown) => {
        // Another server starting at the same moment created it first: the outcome is the same.
        if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')) throw error;
      });
  }
}
