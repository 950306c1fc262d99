import { z } from 'zod';
import type { Business, PrismaClient } from '../../generated/prisma/client';
import { ValidationError } from '../../errors';
import { parseInput, rules } from '../../validation';
import type { Access } from '../access/policy';

const createBusinessInput = z
  .object({
    name: rules.name,
    city: rules.name,
    latitude: rules.latitude.nullish(),
    longitude: rules.longitude.nullish(),
    currency: rules.currency,
    timezone: rules.timeZone,
    ownerId: z.uuid().nullish(),
  })
  .refine((input) => (input.latitude == null) === (input.longitude == null), {
    message: 'latitude and longitude go together: give both or neither',
    path: ['latitude'],
  });

export type CreateBusinessInput = z.input<typeof createBusinessInput>;

export class BusinessService {
  constructor(private readonly prisma: PrismaClient) {}

  /** Owners create businesses for themselves; admins create them for any business owner. */
  async create(access: Access, input: CreateBusinessInput): Promise<Business> {
    access.requireAuthenticated();
    const data = parseInput(createBusinessInput, input);
    let ownerId: string;
    if (access.isAdmin) {
      if (!data.ownerId) throw ValidationError.single(['input', 'ownerId'], 'is required when an admin creates a business');
      const owner = await this.prisma.user.findUnique({ where: { id: data.ownerId }, select: { role: true } });
      if (owner?.role !== 'BUSINESS_OWNER') throw ValidationError.single(['input', 'ownerId'], 'must be a user with the BUSINESS_OWNER role');
      ownerId = data.ownerId;
    } else {
      const viewer = access.requireUser();
      if (viewer.role !== 'BUSINESS_OWNER') access.requireAdmin();
      if (data.ownerId && data.ownerId !== viewer.userId) {
        throw ValidationError.single(['input', 'ownerId'], 'a business owner can only create businesses they own');
      }
      ownerId = viewer.userId;
    }
    return this.prisma.business.create({
      data: {
        name: data.name,
        city: data.city,
        latitude: data.latitude ?? null,
        longitude: data.longitude ?? null,
        currency: data.currency,
        timezone: data.timezone,
        ownerId,
      },
    });
  }
}
