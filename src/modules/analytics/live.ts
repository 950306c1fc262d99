import { Repeater } from 'graphql-yoga';
import type { PrismaClient } from '../../generated/prisma/client';
import type { Access } from '../access/policy';
import type { EventBus } from '../../platform/pubsub';

/** A campaign's counters after one committed change; `sequence` grows by one per change. */
export interface CampaignStatsMessage {
  campaignId: string;
  sequence: number;
  impressions: number;
  clicks: number;
  updatedAt: string;
}

export interface CampaignStatsSnapshot extends CampaignStatsMessage {
  /** True when read from the database (first message, after a gap or a reconnect), false for a pushed update. */
  snapshot: boolean;
}

interface StatsRow {
  sequence: bigint;
  impressions: bigint;
  clicks: bigint;
  updatedAt: Date;
}

/** A campaign's stats from its `campaign_stats` row; a campaign without one has counted nothing yet. */
export function statsFromRow(campaignId: string, row: StatsRow | null): CampaignStatsMessage {
  return {
    campaignId,
    sequence: Number(row?.sequence ?? 0),
    impressions: Number(row?.impressions ?? 0),
    clicks: Number(row?.clicks ?? 0),
    updatedAt: (row?.updatedAt ?? new Date(0)).toISOString(),
  };
}

export async function readCampaignStats(prisma: PrismaClient, campaignId: string): Promise<CampaignStatsMessage> {
  return statsFromRow(campaignId, await prisma.campaignStats.findUnique({ where: { campaignId } }));
}

export class LiveStats {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly bus: EventBus,
  ) {}

  publish(message: CampaignStatsMessage): void {
    this.bus.pubsub.publish('campaign:stats', message.campaignId, message);
  }

  /**
   * A snapshot from PostgreSQL first, then each newer update. Pub/sub is at-most-once, so a gap in
   * sequence numbers or a Redis reconnect is answered with a fresh snapshot: the database is the
   * source of truth and the subscriber's numbers end up exact.
   */
  async subscribe(access: Access, campaignId: string): Promise<AsyncIterable<CampaignStatsSnapshot>> {
    await access.requireCampaign(campaignId, 'read');
    const { prisma, bus } = this;
    return new Repeater<CampaignStatsSnapshot>(async (push, stop) => {
      let last = -1;
      let resyncing: Promise<void> | undefined;
      const resync = (): Promise<void> => {
        resyncing ??= readCampaignStats(prisma, campaignId)
          .then(async (current) => {
            if (current.sequence > last) {
              last = current.sequence;
              await push({ ...current, snapshot: true });
            }
          })
          .finally(() => {
            resyncing = undefined;
          });
        return resyncing;
      };
      // Subscribe before reading the snapshot so no update falls between the two.
      const updates = bus.pubsub.subscribe('campaign:stats', campaignId);
      const stopReconnect = bus.onReconnect(() => void resync());
      stop.then(() => {
        stopReconnect();
        void updates.return?.();
      });
      await resync();
      for await (const message of updates) {
        if (resyncing) await resyncing;
        if (message.sequence <= last) continue;
        if (message.sequence === last + 1) {
          last = message.sequence;
          await push({ ...message, snapshot: false });
        } else {
          await resync();
        }
      }
      stop();
    });
  }
}
