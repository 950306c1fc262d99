import type { PrismaClient } from '../generated/prisma/client';
import { Access } from '../modules/access/policy';
import { hashToken } from '../modules/identity/tokens';
import { encodeGlobalId } from '../schema/ids';
import type { Services } from '../services';

/**
 * Well-known tokens of the demo data set, so the README can show a working request. They exist
 * only where demo data was loaded, which the configuration refuses in production.
 */
export const DEMO_ADMIN_TOKEN = 'cg_demo_admin_token_for_local_use_only';
export const DEMO_OWNER_TOKEN = 'cg_demo_owner_token_for_local_use_only';

const DEMO_OWNER_EMAIL = 'maya@demo.campaign-graph.local';
/** The demo campaign that has a week of history and keeps receiving traffic while the server runs. */
const LIVE_CAMPAIGN_NAME = 'Weekend brunch coupons';

export interface DemoData {
  loadedNow: boolean;
  adminToken: string;
  ownerToken: string;
  /** The owner's live demo campaign (local id), or undefined when it is gone. */
  liveCampaignId: string | undefined;
  /** The system actor the demo's live traffic records events as. */
  trafficAccess: Access;
}

async function findDemo(prisma: PrismaClient, loadedNow: boolean): Promise<DemoData | undefined> {
  const owner = await prisma.user.findUnique({ where: { email: DEMO_OWNER_EMAIL }, select: { id: true } });
  if (!owner) return undefined;
  const live = await prisma.campaign.findFirst({ where: { name: LIVE_CAMPAIGN_NAME, business: { ownerId: owner.id } }, select: { id: true } });
  return {
    loadedNow,
    adminToken: DEMO_ADMIN_TOKEN,
    ownerToken: DEMO_OWNER_TOKEN,
    liveCampaignId: live?.id,
    trafficAccess: Access.system('demo traffic', prisma),
  };
}

/** Loads the demo data set into an empty database; does nothing when it is already there. */
export async function loadDemoData(prisma: PrismaClient, services: Services): Promise<DemoData> {
  const existing = await findDemo(prisma, false);
  if (existing) return existing;
  const { owner, rival } = await prisma.$transaction(async (tx) => ({
    admin: await tx.user.create({
      data: {
        email: 'admin@demo.campaign-graph.local',
        name: 'Ada Admin',
        role: 'ADMIN',
        tokens: { create: { tokenHash: hashToken(DEMO_ADMIN_TOKEN), label: 'demo' } },
      },
    }),
    owner: await tx.user.create({
      data: {
        email: DEMO_OWNER_EMAIL,
        name: 'Maya Chen',
        role: 'BUSINESS_OWNER',
        tokens: { create: { tokenHash: hashToken(DEMO_OWNER_TOKEN), label: 'demo' } },
      },
    }),
    rival: await tx.user.create({ data: { email: 'omar@demo.campaign-graph.local', name: 'Omar Haddad', role: 'BUSINESS_OWNER' } }),
  }));
  // What an admin would do is done by the system actor, recorded as "demo data"; the owner's part
  // is done with the owner's own demo token, as a client would.
  const asAdmin = Access.system('demo data', prisma);
  const cafe = await services.businesses.create(asAdmin, {
    name: 'Blue Bottle Café',
    city: 'Berlin',
    latitude: 52.52,
    longitude: 13.405,
    currency: 'EUR',
    timezone: 'Europe/Berlin',
    ownerId: owner.id,
  });
  const bakery = await services.businesses.create(asAdmin, {
    name: 'Kreuzberg Bakery',
    city: 'Berlin',
    latitude: 52.4986,
    longitude: 13.4034,
    currency: 'EUR',
    timezone: 'Europe/Berlin',
    ownerId: owner.id,
  });
  await services.businesses.create(asAdmin, {
    name: 'Souk Lunch',
    city: 'Hamburg',
    latitude: 53.5511,
    longitude: 9.9937,
    currency: 'EUR',
    timezone: 'Europe/Berlin',
    ownerId: rival.id,
  });

  const day = 24 * 60 * 60 * 1000;
  const now = Date.now();
  const asOwner = new Access(await services.viewers.resolve(DEMO_OWNER_TOKEN), prisma);
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

  const brunch = await services.campaigns.create(asOwner, plan(cafe.id, LIVE_CAMPAIGN_NAME, 'OFFERS_EVENTS', -7, 21));
  // Large enough for the demo's live traffic (a few cents a second) to run for days.
  await launch(brunch.id, 2_000_000);
  const sourdough = await services.campaigns.create(asOwner, plan(bakery.id, 'Sourdough launch', 'AWARENESS', -2, 12));
  await launch(sourdough.id, 15_000);
  // Close to the 75% alert threshold, so the first spend a newcomer records raises an alert.
  await services.budgets.recordSpend(asOwner, sourdough.id, {
    amountCents: 7_000,
    channel: 'IN_APP_AD' as const,
    reason: 'flyer print run',
    idempotencyKey: 'demo-flyers',
  });
  const terrace = await services.campaigns.create(asOwner, plan(cafe.id, 'Summer terrace', 'LOCAL', 30, 60));
  await launch(terrace.id, 80_000);
  const tasting = await services.campaigns.create(asOwner, plan(bakery.id, 'Tasting evening', 'ENGAGEMENT', 5, 1));
  await services.budgets.setBudget(asOwner, tasting.id, { totalCents: 20_000, currency: 'EUR' });
  await services.campaigns.transition(asOwner, tasting.id, 'SUBMIT', null);
  await services.campaigns.create(asOwner, plan(cafe.id, 'Loyalty card relaunch', 'SALES', 14, null));

  const profileIds = await loadDemoAudience(prisma, services, asAdmin, now);
  await services.driverRanking.rank(asAdmin.actor);
  await services.reach.materialize(asOwner, brunch.id, null);

  // A week of history for the brunch campaign and two days for the sourdough one, heavier in the
  // afternoon and evening, so trends, funnels and breakdowns have a shape from the first query.
  const events = [...historyEvents(brunch.id, profileIds, now, 7 * 24, 0), ...historyEvents(sourdough.id, profileIds, now, 2 * 24 - 1, 1)];
  for (let start = 0; start < events.length; start += 1000) {
    await services.ingestion.record(asOwner, events.slice(start, start + 1000));
  }
  const loaded = await findDemo(prisma, true);
  if (!loaded) throw new Error('the demo data was loaded but its owner is missing');
  return loaded;
}

/** Deterministic hourly traffic over the last `hours` hours: impressions, some clicks, a few purchases. */
function historyEvents(campaignId: string, profileIds: string[], now: number, hours: number, seed: number) {
  const hour = 3_600_000;
  const campaign = encodeGlobalId('Campaign', campaignId);
  return Array.from({ length: hours }, (_, h) => {
    const at = now - (hours - h) * hour;
    const localHour = new Date(at).getUTCHours() + 1;
    const impressions = 4 + ((h * 7 + seed) % 5) + (localHour >= 12 && localHour <= 21 ? 8 : 0);
    return Array.from({ length: impressions }, (_, i) => {
      const n = h * 31 + i * 7 + seed;
      const base = {
        campaignId: campaign,
        occurredAt: new Date(at + i * 60_000),
        profileId: encodeGlobalId('Profile', profileIds[n % profileIds.length]!),
        channel: 'IN_APP_AD' as const,
        placement: n % 3 === 0 ? 'story' : 'feed',
      };
      const events: Parameters<Services['ingestion']['record']>[1] = [{ ...base, id: `demo-${seed}-${h}-${i}-i`, type: 'IMPRESSION' }];
      if (n % 9 === 0) events.push({ ...base, id: `demo-${seed}-${h}-${i}-c`, type: 'CLICK' });
      if (n % 36 === 0)
        events.push({
          ...base,
          id: `demo-${seed}-${h}-${i}-p`,
          type: 'CONVERSION',
          conversionType: 'PURCHASE',
          valueCents: 1_200 + (n % 5) * 450,
          currency: 'EUR',
        });
      return events;
    }).flat();
  }).flat();
}

const DEMO_CITIES = ['Berlin', 'Hamburg'] as const;
const DEMO_AGE_RANGES = ['18-24', '25-34', '35-44', '45-54', '55-64'] as const;
const DEMO_GENDERS = ['FEMALE', 'MALE', 'NON_BINARY', 'UNDISCLOSED'] as const;
const DEMO_INTERESTS = ['coffee', 'brunch', 'baking', 'running', 'live music', 'wine'];
const DEMO_ACTIVITIES = ['COUPON_COLLECTED', 'COUPON_SHARED', 'COUPON_REDEEMED', 'CHECK_IN', 'REVIEW', 'SOCIAL_INTERACTION'] as const;

/**
 * 120 audience members in two cities with a few weeks of activity, some of them much more active
 * than the rest, so the Driver ranking and the reach estimates have something to show.
 */
async function loadDemoAudience(prisma: PrismaClient, services: Services, asAdmin: Access, now: number): Promise<string[]> {
  const day = 86_400_000;
  const profiles = Array.from({ length: 120 }, (_, i) => ({
    externalId: `demo-person-${i}`,
    city: DEMO_CITIES[i % 2]!,
    ageRange: DEMO_AGE_RANGES[i % DEMO_AGE_RANGES.length]!,
    gender: DEMO_GENDERS[i % DEMO_GENDERS.length]!,
    interests: [DEMO_INTERESTS[i % DEMO_INTERESTS.length]!, DEMO_INTERESTS[(i * 5 + 1) % DEMO_INTERESTS.length]!],
    createdAt: new Date(now - 200 * day),
  }));
  const activities = profiles.flatMap((profile, i) =>
    // Every tenth person is far more active: the Drivers-to-be.
    Array.from({ length: i % 10 === 0 ? 30 : (i % 7) + 1 }, (_, a) => ({
      externalId: `${profile.externalId}-activity-${a}`,
      profileExternalId: profile.externalId,
      kind: DEMO_ACTIVITIES[(i + a) % DEMO_ACTIVITIES.length]!,
      occurredAt: new Date(now - ((a * 3 + i) % 80) * day - 3_600_000),
    })),
  );
  const subscriptions = profiles.map((profile, i) => ({
    profileExternalId: profile.externalId,
    channel: 'EMAIL' as const,
    subscribed: i % 4 !== 0,
    changedAt: new Date(now - 100 * day),
    source: 'SIGNUP_FORM' as const,
  }));
  for (let start = 0; start < activities.length; start += 1000) {
    await services.audienceImport.import(asAdmin, {
      ...(start === 0 ? { profiles, subscriptions } : {}),
      activities: activities.slice(start, start + 1000),
    });
  }
  const stored = await prisma.profile.findMany({ where: { externalId: { startsWith: 'demo-person-' } }, select: { id: true } });
  return stored.map((profile) => profile.id);
}
