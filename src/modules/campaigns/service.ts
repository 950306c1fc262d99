import { z } from 'zod';
import type { Campaign, PrismaClient } from '../../generated/prisma/client';
import { parseInput, rules } from '../../validation';
import type { Access } from '../access/policy';

const createCampaignInput = z
  .object({
    businessId: z.uuid(),
    name: rules.name,
    startsAt: rules.date,
    endsAt: rules.date.nullish(),
  })
  .refine((input) => !input.endsAt || input.endsAt > input.startsAt, {
    message: 'must be after startsAt',
    path: ['endsAt'],
  });

export type CreateCampaignInput = z.input<typeof createCampaignInput>;

export class CampaignService {
  constructor(private readonly prisma: PrismaClient) {}

  async create(access: Access, input: CreateCampaignInput): Promise<Campaign> {
    const viewer = access.requireAuthenticated();
    const data = parseInput(createCampaignInput, input);
    await access.requireBusiness(data.businessId, 'write');
    return this.prisma.campaign.create({
      data: {
        businessId: data.businessId,
        name: data.name,
        startsAt: data.startsAt,
        endsAt: data.endsAt ?? null,
        createdById: viewer.userId,
      },
    });
  }
}
