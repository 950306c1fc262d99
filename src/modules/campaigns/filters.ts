import type { Prisma } from '../../generated/prisma/client';
import type { CampaignObjective, CampaignStatus, Channel } from '../../generated/prisma/enums';
import { ValidationError } from '../../errors';

export interface CampaignFilter {
  statuses?: CampaignStatus[] | null;
  objectives?: CampaignObjective[] | null;
  channel?: Channel | null;
  businessId?: string | null;
  startsAfter?: Date | null;
  startsBefore?: Date | null;
  nameContains?: string | null;
}

export const CAMPAIGN_SORT_FIELDS = ['CREATED_AT', 'STARTS_AT', 'NAME', 'SPEND'] as const;
export type CampaignSortField = (typeof CAMPAIGN_SORT_FIELDS)[number];
export type SortDirection = 'ASC' | 'DESC';

/** The filter as a Prisma condition; combine it with Access.campaignWhere, never instead of it. */
export function campaignFilterWhere(filter: CampaignFilter | null | undefined): Prisma.CampaignWhereInput {
  if (!filter) return {};
  if (filter.nameContains != null && filter.nameContains.length > 100) {
    throw ValidationError.single(['filter', 'nameContains'], 'must be at most 100 characters');
  }
  if (filter.startsAfter && filter.startsBefore && filter.startsAfter > filter.startsBefore) {
    throw ValidationError.single(['filter', 'startsBefore'], 'must not be before startsAfter');
  }
  return {
    ...(filter.statuses?.length ? { status: { in: filter.statuses } } : {}),
    ...(filter.objectives?.length ? { objective: { in: filter.objectives } } : {}),
    ...(filter.channel ? { channels: { has: filter.channel } } : {}),
    ...(filter.businessId ? { businessId: filter.businessId } : {}),
    ...(filter.startsAfter || filter.startsBefore
      ? { startsAt: { ...(filter.startsAfter ? { gte: filter.startsAfter } : {}), ...(filter.startsBefore ? { lte: filter.startsBefore } : {}) } }
      : {}),
    // Prisma passes LIKE wildcards through, so "50%" would match everything without escaping.
    ...(filter.nameContains ? { name: { contains: filter.nameContains.replace(/[\\%_]/g, '\\$&'), mode: 'insensitive' as const } } : {}),
  };
}

/** A stable order: the chosen field, then the id, so pages never skip or repeat a campaign. */
export function campaignOrderBy(field: CampaignSortField, direction: SortDirection): Prisma.CampaignOrderByWithRelationInput[] {
  const dir = direction === 'ASC' ? 'asc' : 'desc';
  const primary: Prisma.CampaignOrderByWithRelationInput = {
    CREATED_AT: { createdAt: dir },
    STARTS_AT: { startsAt: dir },
    NAME: { name: dir },
    SPEND: { budget: { spentCents: dir } },
  }[field] as Prisma.CampaignOrderByWithRelationInput;
  return [primary, { id: dir }];
}
