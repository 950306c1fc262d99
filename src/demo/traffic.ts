import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '../generated/prisma/client';
import type { Access } from '../modules/access/policy';
import type { EventInput, IngestionService } from '../modules/analytics/ingest';
import type { Logger } from '../platform/logger';
import { encodeGlobalId } from '../schema/ids';

/** How often the demo's live campaign gets a small batch of events while the server runs. */
export const DEMO_TRAFFIC_INTERVAL_MS = 1_000;

/** Chances per impression, close to an in-app ad's: a few clicks per hundred, a purchase per few clicks. */
const CLICK_RATE = 0.05;
const CONVERSION_RATE = 0.25;

/**
 * A small built-in traffic source for the demo: every second a few impressions (and now and then a
 * click and a purchase) for the live demo campaign go through the ordinary ingestion path, so a
 * newcomer's subscription shows numbers moving. It stops recording when the campaign is no longer
 * ACTIVE (ingestion refuses the events), and never runs outside the demo.
 */
export function demoTraffic(options: { prisma: PrismaClient; ingestion: IngestionService; access: Access; campaignId: string; logger: Logger }): DemoTraffic {
  const { prisma, ingestion, access, campaignId, logger } = options;
  let profiles: string[] | undefined;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = async (): Promise<void> => {
    profiles ??= (await prisma.profile.findMany({ where: { externalId: { startsWith: 'demo-person-' } }, select: { id: true } })).map((profile) =>
      encodeGlobalId('Profile', profile.id),
    );
    const result = await ingestion.record(access, liveEvents(encodeGlobalId('Campaign', campaignId), profiles, new Date()));
    if (result.rejected > 0) logger.debug({ problems: result.problems.slice(0, 1) }, 'demo traffic not recorded');
  };
  const schedule = (): void => {
    timer = setTimeout(() => {
      running = tick()
        .catch((error: unknown) => logger.warn({ err: error }, 'demo traffic failed'))
        .finally(() => {
          if (timer) schedule();
        });
    }, DEMO_TRAFFIC_INTERVAL_MS);
  };
  return {
    start: schedule,
    async stop() {
      clearTimeout(timer);
      timer = undefined;
      await running;
    },
  };
}

export interface DemoTraffic {
  start(): void;
  /** Stops the timer and waits for a batch in flight. */
  stop(): Promise<void>;
}

function pick<T>(items: readonly T[]): T | undefined {
  return items[Math.floor(Math.random() * items.length)];
}

function liveEvents(campaignId: string, profiles: readonly string[], now: Date): EventInput[] {
  const events: EventInput[] = [];
  const impressions = 1 + Math.floor(Math.random() * 4);
  for (let i = 0; i < impressions; i += 1) {
    const common = { campaignId, occurredAt: now, profileId: pick(profiles), channel: 'IN_APP_AD' as const, placement: Math.random() < 0.3 ? 'story' : 'feed' };
    events.push({ ...common, id: `demo-live-${randomUUID()}`, type: 'IMPRESSION' });
    if (Math.random() >= CLICK_RATE) continue;
    events.push({ ...common, id: `demo-live-${randomUUID()}`, type: 'CLICK' });
    if (Math.random() >= CONVERSION_RATE) continue;
    const valueCents = 800 + Math.floor(Math.random() * 2_400);
    events.push({ ...common, id: `demo-live-${randomUUID()}`, type: 'CONVERSION', conversionType: 'PURCHASE', valueCents, currency: 'EUR' });
  }
  return events;
}
