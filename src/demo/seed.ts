import type { PrismaClient } from '../generated/prisma/client';
import { Access } from '../modules/access/policy';
import { hashToken } from '../modules/identity/tokens';
import type { Services } from '../services';

/**
 * Well-known tokens of the demo data set, so the README can show a working request. They exist
 * only where demo data was loaded, which the configuration refuses in production.
 */
export const DEMO_ADMIN_TOKEN = 'cg_demo_admin_token_for_local_use_only';
export const DEMO_OWNER_TOKEN = 'cg_demo_owner_token_for_local_use_only';

const DEMO_OWNER_EMAIL = 'maya@demo.campaign-graph.local';

export interface DemoData {
  loadedNow: boolean;
  adminToken: string;
  ownerToken: string;
}

/** Loads the demo data set into an empty database; does nothing when it is already there. */
export async function loadDemoData(prisma: PrismaClient, services: Services): Promise<DemoData> {
  const result = { adminToken: DEMO_ADMIN_TOKEN, ownerToken: DEMO_OWNER_TOKEN };
  if (await prisma.user.findUnique({ where: { email: DEMO_OWNER_EMAIL }, select: { id: true } })) {
    return { ...result, loadedNow: false };
  }
  const { admin, owner, rival } = await prisma.$transaction(async (tx) => ({
    admin: await tx.user.create({
      data: { email: 'admin@demo.campaign-graph.local', name: 'Ada Admin', role: 'ADMIN', tokens: { create: { tokenHash: hashToken(DEMO_ADMIN_TOKEN), label: 'demo' } } },
    }),
    owner: await tx.user.create({
      data: { email: DEMO_OWNER_EMAIL, name: 'Maya Chen', role: 'BUSINESS_OWNER', tokens: { create: { tokenHash: hashToken(DEMO_OWNER_TOKEN), label: 'demo' } } },
    }),
    rival: await tx.user.create({ data: { email: 'omar@demo.campaign-graph.local', name: 'Omar Haddad', role: 'BUSINESS_OWNER' } }),
  }));
  const asAdmin = new Access({ userId: admin.id, role: 'ADMIN', tokenId: 'demo' }, prisma);
  const cafe = await services.businesses.create(asAdmin, {
    name: 'Blue Bottle Café', city: 'Berlin', latitude: 52.52, longitude: 13.405, currency: 'EUR', timezone: 'Europe/Berlin', ownerId: owner.id,
  });
  const bakery = await services.businesses.create(asAdmin, {
    name: 'Kreuzberg Bakery', city: 'Berlin', latitude: 52.4986, longitude: 13.4034, currency: 'EUR', timezone: 'Europe/Berlin', ownerId: owner.id,
  });
  await services.businesses.create(asAdmin, {
    name: 'Souk Lunch', city: 'Hamburg', latitude: 53.5511, longitude: 9.9937, currency: 'EUR', timezone: 'Europe/Berlin', ownerId: rival.id,
  });

  const day = 24 * 60 * 60 * 1000;
  const now = Date.now();
  const asOwner = new Access({ userId: owner.id, role: 'BUSINESS_OWNER', tokenId: 'demo' }, prisma);
  const brunch = await services.campaigns.create(asOwner, { businessId: cafe.id, name: 'Weekend brunch coupons', startsAt: new Date(now - 7 * day), endsAt: new Date(now + 21 * day) });
  const sourdough = await services.campaigns.create(asOwner, { businessId: bakery.id, name: 'Sourdough launch', startsAt: new Date(now - 2 * day), endsAt: new Date(now + 12 * day) });
  await services.campaigns.create(asOwner, { businessId: cafe.id, name: 'Summer terrace', startsAt: new Date(now + 30 * day) });
  await prisma.campaign.updateMany({ where: { id: { in: [brunch.id, sourdough.id] } }, data: { status: 'ACTIVE' } });

  const events = [brunch, sourdough].flatMap((campaign, c) =>
    Array.from({ length: 120 }, (_, i) => ({
      id: `demo-${c}-${i}`,
      campaignId: campaign.id,
      type: i % 8 === 0 ? ('CLICK' as const) : ('IMPRESSION' as const),
      occurredAt: new Date(now - (i % 48) * 60 * 60 * 1000),
    })),
  );
  await services.ingestion.record(asOwner, events);
  return { ...result, loadedNow: true };
}
