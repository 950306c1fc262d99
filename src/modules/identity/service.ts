import { z } from 'zod';
import type { PrismaClient, Role, User } from '../../generated/prisma/client';
import { ValidationError } from '../../errors';
import { parseInput } from '../../validation';
import type { Access } from '../access/policy';
import { generateToken, hashToken } from './tokens';
import type { Viewer } from './viewer';

export const BOOTSTRAP_ADMIN_EMAIL = 'admin@campaign-graph.local';

export async function resolveViewer(prisma: PrismaClient, token: string | undefined): Promise<Viewer | null> {
  if (!token) return null;
  const row = await prisma.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, revokedAt: true, user: { select: { id: true, role: true } } },
  });
  if (!row || row.revokedAt) return null;
  return { userId: row.user.id, role: row.user.role, tokenId: row.id };
}

const createUserInput = z.object({
  email: z.email({ message: 'must be an email address' }).max(254),
  name: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  role: z.enum(['ADMIN', 'BUSINESS_OWNER', 'PARTNER']),
});

export interface IssuedToken {
  user: User;
  token: string;
}

export class IdentityService {
  constructor(private readonly prisma: PrismaClient) {}

  /** Admins create users; the answer carries the user's first token, which is never shown again. */
  async createUser(access: Access, input: { email: string; name: string; role: Role }): Promise<IssuedToken> {
    access.requireAdmin();
    const data = parseInput(createUserInput, input);
    const existing = await this.prisma.user.findUnique({ where: { email: data.email }, select: { id: true } });
    if (existing) throw ValidationError.single(['input', 'email'], 'is already used by another user');
    const token = generateToken();
    const user = await this.prisma.user.create({
      data: { ...data, tokens: { create: { tokenHash: hashToken(token), label: 'first token' } } },
    });
    return { user, token };
  }

  async issueToken(access: Access, userId: string, label: string): Promise<IssuedToken> {
    access.requireAdmin();
    const cleanLabel = parseInput(z.string().trim().min(1).max(100), label, ['label']);
    const user = await this.prisma.user.findUnique({ where: { id: userId } });
    if (!user) throw ValidationError.single(['userId'], 'no such user');
    const token = generateToken();
    await this.prisma.apiToken.create({ data: { userId, tokenHash: hashToken(token), label: cleanLabel } });
    return { user, token };
  }

  /** Makes `token` an admin credential if it is not one yet; safe to run on every start. */
  async ensureBootstrapAdmin(token: string): Promise<void> {
    const tokenHash = hashToken(token);
    await this.prisma.$transaction(async (tx) => {
      if (await tx.apiToken.findUnique({ where: { tokenHash }, select: { id: true } })) return;
      const admin = await tx.user.upsert({
        where: { email: BOOTSTRAP_ADMIN_EMAIL },
        create: { email: BOOTSTRAP_ADMIN_EMAIL, name: 'Administrator', role: 'ADMIN' },
        update: {},
      });
      await tx.apiToken.create({ data: { userId: admin.id, tokenHash, label: 'bootstrap' } });
    });
  }
}
