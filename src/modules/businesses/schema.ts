import { nonEmpty } from '../../schema/prisma-query';
import { builder } from '../../schema/builder';
import { standardErrors } from '../../schema/errors';
import { checkPageSize } from '../../schema/connections';
import { lookupId, requireUuid } from '../../schema/ids';
import { UserRef } from '../identity/schema';

export const BusinessRef = builder.prismaNode('Business', {
  id: { field: 'id' },
  select: { id: true },
  nullable: true,
  findUnique: (id, context) => ({ id: lookupId(id), AND: [context.access.businessWhere()] }),
  fields: (t) => ({
    name: t.exposeString('name'),
    city: t.exposeString('city'),
    latitude: t.exposeFloat('latitude', { nullable: true }),
    longitude: t.exposeFloat('longitude', { nullable: true }),
    currency: t.expose('currency', { type: 'Currency' }),
    timezone: t.expose('timezone', { type: 'TimeZone' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    campaigns: t.relatedConnection('campaigns', {
      cursor: 'id',
      totalCount: true,
      query: (args) => {
        checkPageSize(args);
        return { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] };
      },
    }),
  }),
});

builder.queryFields((t) => ({
  business: t.prismaField({
    type: 'Business',
    nullable: true,
    args: { id: t.arg.globalID({ for: BusinessRef }) },
    resolve: (query, _root, { id }, context) =>
      context.prisma.business.findFirst({ ...nonEmpty(query), where: { AND: [{ id: lookupId(id.id) }, context.access.businessWhere()] } }),
  }),
  businesses: t.prismaConnection(
    {
      type: 'Business',
      cursor: 'id',
      description: 'The businesses the caller may see, newest first.',
      resolve: (query, _root, args, context) => {
        checkPageSize(args);
        return context.prisma.business.findMany({ ...query, where: context.access.businessWhere(), orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
      },
      totalCount: (_connection, _args, context) => context.prisma.business.count({ where: context.access.businessWhere() }),
    },
    {},
  ),
}));

const CreateBusinessInput = builder.inputType('CreateBusinessInput', {
  fields: (t) => ({
    name: t.string(),
    city: t.string(),
    latitude: t.float({ required: false }),
    longitude: t.float({ required: false }),
    currency: t.string({ description: 'ISO 4217 code, e.g. EUR.' }),
    timezone: t.string({ description: 'IANA time zone, e.g. Europe/Berlin.' }),
    ownerId: t.globalID({ for: UserRef, required: false, description: 'Required when an admin creates the business.' }),
  }),
});

builder.mutationField('createBusiness', (t) =>
  t.prismaField({
    type: 'Business',
    errors: { types: standardErrors },
    args: { input: t.arg({ type: CreateBusinessInput }) },
    resolve: async (query, _root, { input }, context) => {
      const business = await context.services.businesses.create(context.access, { ...input, ownerId: input.ownerId?.id });
      return context.prisma.business.findUniqueOrThrow({ ...nonEmpty(query), where: { id: business.id } });
    },
  }),
);

// Partner grants are recorded by identity (they name a token) but read as a business's: who may see it.
builder.mutationFields((t) => ({
  grantPartnerAccess: t.boolean({
    description: "Admin only: lets a partner's token read one business and its campaigns.",
    errors: { types: standardErrors },
    args: { tokenId: t.arg.id(), businessId: t.arg.globalID({ for: BusinessRef }) },
    resolve: async (_root, { tokenId, businessId }, context) => {
      await context.services.identity.grantPartnerAccess(context.access, requireUuid(String(tokenId), ['tokenId']), lookupId(businessId.id));
      return true;
    },
  }),
  revokePartnerAccess: t.boolean({
    description: "Admin only: withdraws a partner token's read access to one business.",
    errors: { types: standardErrors },
    args: { tokenId: t.arg.id(), businessId: t.arg.globalID({ for: BusinessRef }) },
    resolve: async (_root, { tokenId, businessId }, context) => {
      await context.services.identity.revokePartnerAccess(context.access, requireUuid(String(tokenId), ['tokenId']), lookupId(businessId.id));
      return true;
    },
  }),
}));
