import { builder } from '../../schema/builder';
import { standardErrors } from '../../schema/errors';
import { checkPageSize } from '../../schema/connections';
import { lookupId } from '../../schema/ids';
import { statsFromRow } from '../analytics/live';
import { CampaignStatsRef } from '../analytics/types';
import { BusinessRef } from '../businesses/schema';

export const CampaignStatusEnum = builder.enumType('CampaignStatus', {
  values: ['DRAFT', 'PENDING_APPROVAL', 'APPROVED', 'REJECTED', 'SCHEDULED', 'ACTIVE', 'PAUSED', 'COMPLETED', 'CANCELLED'] as const,
});

export const CampaignRef = builder.prismaNode('Campaign', {
  id: { field: 'id' },
  select: { id: true },
  nullable: true,
  findUnique: (id, context) => ({ id: lookupId(id), AND: [context.access.campaignWhere()] }),
  fields: (t) => ({
    name: t.exposeString('name'),
    status: t.expose('status', { type: CampaignStatusEnum }),
    startsAt: t.expose('startsAt', { type: 'DateTime' }),
    endsAt: t.expose('endsAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    business: t.relation('business'),
    stats: t.field({
      type: CampaignStatsRef,
      select: { stats: true },
      resolve: (campaign) => ({ ...statsFromRow(campaign.id, campaign.stats), snapshot: true }),
    }),
  }),
});

builder.queryFields((t) => ({
  campaign: t.prismaField({
    type: 'Campaign',
    nullable: true,
    args: { id: t.arg.globalID({ for: CampaignRef }) },
    resolve: (query, _root, { id }, context) =>
      context.prisma.campaign.findFirst({ ...query, where: { AND: [{ id: lookupId(id.id) }, context.access.campaignWhere()] } }),
  }),
  campaigns: t.prismaConnection(
    {
      type: 'Campaign',
      cursor: 'id',
      description: 'The campaigns the caller may see, newest first.',
      args: { businessId: t.arg.globalID({ for: BusinessRef, required: false }) },
      resolve: (query, _root, args, context) => {
        checkPageSize(args);
        const { businessId } = args;
        return context.prisma.campaign.findMany({
          ...query,
          where: { AND: [context.access.campaignWhere(), businessId ? { businessId: lookupId(businessId.id) } : {}] },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        });
      },
      totalCount: (_connection, { businessId }, context) =>
        context.prisma.campaign.count({
          where: { AND: [context.access.campaignWhere(), businessId ? { businessId: lookupId(businessId.id) } : {}] },
        }),
    },
    {},
  ),
}));

const CreateCampaignInput = builder.inputType('CreateCampaignInput', {
  fields: (t) => ({
    businessId: t.globalID({ for: BusinessRef }),
    name: t.string(),
    startsAt: t.field({ type: 'DateTime' }),
    endsAt: t.field({ type: 'DateTime', required: false }),
  }),
});

builder.mutationField('createCampaign', (t) =>
  t.prismaField({
    type: 'Campaign',
    errors: { types: standardErrors },
    args: { input: t.arg({ type: CreateCampaignInput }) },
    resolve: async (query, _root, { input }, context) => {
      const campaign = await context.services.campaigns.create(context.access, { ...input, businessId: input.businessId.id });
      return context.prisma.campaign.findUniqueOrThrow({ ...query, where: { id: campaign.id } });
    },
  }),
);
