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
  const plan = (businessId: string, name: string, objective: string, startsInDays: number, lastsDays: number | null) => ({
    businessId,
    name,
    objective,
    kind: objective === 'OFFERS_EVENTS' ? 'COUPON' : 'AD',
    channels: ['IN_APP_AD', 'WHATSAPP'],
    startsAt: new Date(now + startsInDays * day),
    endsAt: lastsDays === null ? null : new Date(now + (startsInDays + lastsDays) * day),
    pricing: { cpmCents: 250, cpcCents: 40 },
    kpiTargets: [{ metric: 'CLICKS', target: 500 }],
    targetingRules: { cities: ['Berlin'], ageRanges: ['25-34', '35-44'], driversOnly: false },
  });
  const launch = async (campaignId: string, totalCents: number) => {
    await services.budgets.setBudget(asOwner, campaignId, {
      totalCents,
      currency: 'EUR',
      allocations: [{ channel: 'IN_APP_AD', amountCents: Math.round(totalCents * 0.8) }],
    });
    await services.campaigns.transition(asOwner, campaignId, 'SUBMIT', null);
    await services.campaigns.transition(asAdmin, campaignId, 'APPROVE', 'Looks good');
  };

  const brunch = await services.campaigns.create(asOwner, plan(cafe.id, 'Weekend brunch coupons', 'OFFERS_EVENTS', -7, 21));
  await launch(brunch.id, 50_000);
  const sourdough = await services.campaigns.create(asOwner, plan(bakery.id, 'Sourdough launch', 'AWARENESS', -2, 12));
  await launch(sourdough.id, 10_000);
  // Close to the 75% alert threshold, so the first spend a newcomer records raises an alert.
  await services.budgets.recordSpend(asOwner, sourdough.id, { amountCents: 7_000, channel: 'IN_APP_AD' as const, reason: 'flyer print run', idempotencyKey: 'demo-flyers' });
  const terrace = await services.campaigns.create(asOwner, plan(cafe.id, 'Summer terrace', 'LOCAL', 30, 60));
  await launch(terrace.id, 80_000);
  const tasting = await services.campaigns.create(asOwner, plan(bakery.id, 'Tasting evening', 'ENGAGEMENT', 5, 1));
  await services.budgets.setBudget(asOwner, tasting.id, { totalCents: 20_000, currency: 'EUR' });
  await services.campaigns.transition(asOwner, tasting.id, 'SUBMIT', null);
  await services.campaigns.create(asOwner, plan(cafe.id, 'Loyalty card relaunch', 'SALES', 14, null));

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
