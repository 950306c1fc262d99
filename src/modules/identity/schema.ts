import { nonEmpty } from '../../schema/prisma-query';
import { builder } from '../../schema/builder';
import { standardErrors } from '../../schema/errors';
import { lookupId, NO_ROW, requireUuid } from '../../schema/ids';
import { tokenInfoSelect, type IssuedToken, type TokenInfo } from './service';

export const RoleEnum = builder.enumType('Role', { values: ['ADMIN', 'BUSINESS_OWNER', 'PARTNER'] as const });

export const UserRef = builder.prismaNode('User', {
  id: { field: 'id' },
  select: { id: true },
  nullable: true,
  // Users see themselves; admins see everyone.
  findUnique: (id, context) => (context.access.isAdmin ? { id: lookupId(id) } : { id: lookupId(id), AND: [{ id: context.viewer?.userId ?? NO_ROW }] }),
  fields: (t) => ({
    name: t.exposeString('name'),
    email: t.string({
      nullable: true,
      description: 'Visible to admins and to the user themselves.',
      select: { email: true },
      resolve: (user, _args, context) => (context.access.isAdmin || context.viewer?.userId === user.id ? user.email : null),
    }),
    role: t.expose('role', { type: RoleEnum }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    apiTokens: t.field({
      type: [ApiTokenRef],
      nullable: true,
      description: "The user's bearer tokens, newest first (never the tokens themselves). Visible to admins and to the user themselves.",
      resolve: (user, _args, context) =>
        context.access.isAdmin || context.viewer?.userId === user.id
          ? context.prisma.apiToken.findMany({ where: { userId: user.id }, select: tokenInfoSelect, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] })
          : null,
    }),
  }),
});

const ApiTokenRef = builder.objectRef<TokenInfo>('ApiToken').implement({
  description: 'A bearer token as anyone may know it: its id, label and validity, never the token.',
  fields: (t) => ({
    tokenId: t.exposeID('id', { description: 'Names the token in grants and revocations.' }),
    label: t.exposeString('label'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true, description: 'After this moment the token is refused; null: it does not expire.' }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
  }),
});

const IssuedTokenRef = builder.objectRef<IssuedToken>('IssuedToken').implement({
  description: 'A new bearer token. It is shown only in this answer; the server keeps only its hash.',
  fields: (t) => ({
    user: t.prismaField({
      type: 'User',
      resolve: (query, issued, _args, context) => context.prisma.user.findUniqueOrThrow({ ...nonEmpty(query), where: { id: issued.user.id } }),
    }),
    tokenId: t.exposeID('tokenId', { description: 'Names the token in grants, without revealing it.' }),
    token: t.exposeString('token'),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true, description: 'After this moment the token is refused; null: it does not expire.' }),
  }),
});

builder.queryField('viewer', (t) =>
  t.prismaField({
    type: 'User',
    nullable: true,
    description: 'The caller, or null when no valid token was sent.',
    resolve: (query, _root, _args, context) =>
      context.viewer ? context.prisma.user.findUnique({ ...nonEmpty(query), where: { id: context.viewer.userId } }) : null,
  }),
);

const CreateUserInput = builder.inputType('CreateUserInput', {
  fields: (t) => ({
    email: t.string(),
    name: t.string(),
    role: t.field({ type: RoleEnum }),
  }),
});

builder.mutationFields((t) => ({
  createUser: t.field({
    type: IssuedTokenRef,
    description: 'Admin only: creates a user and returns their first bearer token.',
    errors: { types: standardErrors },
    args: { input: t.arg({ type: CreateUserInput }) },
    resolve: (_root, { input }, context) => context.services.identity.createUser(context.access, input),
  }),
  issueApiToken: t.field({
    type: IssuedTokenRef,
    description: 'Admin only: issues another bearer token for a user, optionally ending at `expiresAt`.',
    errors: { types: standardErrors },
    args: { userId: t.arg.globalID({ for: UserRef }), label: t.arg.string(), expiresAt: t.arg({ type: 'DateTime', required: false }) },
    resolve: (_root, { userId, label, expiresAt }, context) =>
      context.services.identity.issueToken(context.access, lookupId(userId.id), label, expiresAt ?? null),
  }),
  revokeApiToken: t.field({
    type: ApiTokenRef,
    description: 'Revokes a bearer token for good: admins any token, users their own. Requests with it are refused with UNAUTHENTICATED.',
    errors: { types: standardErrors },
    args: { tokenId: t.arg.id() },
    resolve: (_root, { tokenId }, context) => context.services.identity.revokeToken(context.access, requireUuid(String(tokenId), ['tokenId'])),
  }),
}));
