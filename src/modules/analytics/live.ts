import { Repeater } from 'graphql-yoga';
import type { PrismaClient } from '../../generated/prisma/client';
import type { Logger } from '../../platform/logger';
import type { EventBus } from '../../platform/pubsub';
import type { Access } from '../access/policy';
import { type CounterField, countersFromFields, type EventCounters } from './counters';

/**
 * A campaign's counters after one committed change. They are complete totals, not increments, so
 * a subscriber that misses a message loses nothing by taking the next one.
 */
export interface CampaignStatsMessage extends EventCounters {
  campaignId: string;
  businessId: string;
  /** Grows by one with every committed change of the campaign's counters. */
  sequence: number;
  reach: number;
  spendCents: number;
  unbilledCents: number;
  updatedAt: string;
}

export interface CampaignStatsSnapshot extends CampaignStatsMessage {
  /** True when read from the database (first message, after a gap or a reconnect), false for a pushed update. */
  snapshot: boolean;
}

/** A business's campaigns changed: dashboards of the business recompute. */
export interface BusinessStatsMessage {
  businessId: string;
  campaignId: string;
  sequence: number;
}

declare module '../../platform/topics' {
  interface TopicRegistry {
    'campaign:stats': [campaignId: string, message: CampaignStatsMessage];
    'business:stats': [businessId: string, message: BusinessStatsMessage];
  }
}

interface StatsRow extends Record<CounterField, bigint> {
  sequence: bigint;
  reach: bigint;
  unbilledCents: bigint;
  updatedAt: Date;
}

/** A campaign's stats from its rows; a campaign without a stats row has counted nothing yet. */
export function statsFromRow(campaign: { id: string; businessId: string }, row: StatsRow | null, budget: { spentCents: bigint } | null): CampaignStatsMessage {
  return {
    campaignId: campaign.id,
    businessId: campaign.businessId,
    sequence: Number(row?.sequence ?? 0),
    ...countersFromFields(row),
    reach: Number(row?.reach ?? 0),
    spendCents: Number(budget?.spentCents ?? 0),
    unbilledCents: Number(row?.unbilledCents ?? 0),
    updatedAt: (row?.updatedAt ?? new Date(0)).toISOString(),
  };
}

export const STATS_SELECT = { id: true, businessId: true, stats: true, budget: { select: { spentCents: true } } } as const;

export async function readCampaignStats(prisma: PrismaClient, campaignId: string): Promise<CampaignStatsMessage> {
  const campaign = await prisma.campaign.findUniqueOrThrow({ where: { id: campaignId }, select: STATS_SELECT });
  return statsFromRow(campaign, campaign.stats, campaign.budget);
}

type Listener<T> = (value: T) => void;

/**
 * Limits how often a feed pushes: the first change after a quiet period goes out at once, later
 * ones at most every `intervalMs`, and the last one of a burst always goes out.
 */
class Throttle {
  private timer: NodeJS.Timeout | undefined;
  private lastRun = 0;

  constructor(
    private readonly intervalMs: number,
    private readonly run: () => void,
  ) {}

  request(): void {
    if (this.timer) return;
    const wait = this.lastRun + this.intervalMs - Date.now();
    if (wait <= 0) {
      this.fire();
      return;
    }
    this.timer = setTimeout(() => this.fire(), wait);
  }

  private fire(): void {
    this.timer = undefined;
    this.lastRun = Date.now();
    this.run();
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/**
 * One campaign's live counters on this server, shared by all its local subscribers: one pub/sub
 * subscription, one database read per resync, and coalesced pushes however many watch.
 */
class CampaignFeed {
  readonly listeners = new Set<Listener<CampaignStatsSnapshot>>();
  /** The highest sequence this server has seen, from pub/sub or the database. */
  private seen = -1;
  private pending: CampaignStatsSnapshot | undefined;
  private readonly throttle: Throttle;
  private readonly updates: AsyncIterator<CampaignStatsMessage> & AsyncIterable<CampaignStatsMessage>;
  private resyncing: Promise<void> | undefined;

  constructor(
    private readonly campaignId: string,
    private readonly prisma: PrismaClient,
    bus: EventBus,
    intervalMs: number,
    private readonly logger: Logger,
  ) {
    this.throttle = new Throttle(intervalMs, () => this.flush());
    const updates = bus.pubsub.subscribe('campaign:stats', campaignId);
    this.updates = updates;
    void (async () => {
      for await (const message of updates) this.receive(message);
    })();
  }

  private receive(message: CampaignStatsMessage): void {
    if (message.sequence <= this.seen) return;
    if (this.seen >= 0 && message.sequence > this.seen + 1) {
      // A message was lost between servers: the database has every change.
      void this.resync();
      return;
    }
    this.seen = message.sequence;
    this.offer({ ...message, snapshot: false });
  }

  /** Reads the counters from the database and pushes them if they moved on. */
  resync(): Promise<void> {
    this.resyncing ??= readCampaignStats(this.prisma, this.campaignId)
      .then((current) => {
        if (current.sequence > this.seen) {
          this.seen = current.sequence;
          this.offer({ ...current, snapshot: true });
        }
      })
      .catch((error: unknown) => this.logger.warn({ err: error, campaignId: this.campaignId }, 'live stats resync failed'))
      .finally(() => {
        this.resyncing = undefined;
      });
    return this.resyncing;
  }

  /** Notes the sequence a new subscriber's snapshot showed, so older messages are not pushed as news. */
  observe(sequence: number): void {
    if (sequence > this.seen) this.seen = sequence;
  }

  private offer(update: CampaignStatsSnapshot): void {
    if (!this.pending || update.sequence > this.pending.sequence) this.pending = update;
    this.throttle.request();
  }

  private flush(): void {
    const update = this.pending;
    this.pending = undefined;
    if (!update) return;
    for (const listener of this.listeners) listener(update);
  }

  async close(): Promise<void> {
    this.throttle.cancel();
    await this.updates.return?.();
  }
}

export class LiveStats {
  private readonly feeds = new Map<string, CampaignFeed>();

  constructor(
    private readonly prisma: PrismaClient,
    private readonly bus: EventBus,
    private readonly coalesceMs: number,
    private readonly logger: Logger,
  ) {
    bus.onReconnect(() => {
      for (const feed of this.feeds.values()) void feed.resync();
    });
  }

  /** Announces a committed change, to subscribers of the campaign and dashboards of its business. */
  publish(message: CampaignStatsMessage): void {
    this.bus.pubsub.publish('campaign:stats', message.campaignId, message);
    this.bus.pubsub.publish('business:stats', message.businessId, {
      businessId: message.businessId,
      campaignId: message.campaignId,
      sequence: message.sequence,
    });
  }

  /**
   * A snapshot from PostgreSQL first, then coalesced updates with growing sequence numbers. A gap
   * between servers or a Redis reconnect is answered with a fresh snapshot from the database.
   */
  async subscribe(access: Access, campaignId: string): Promise<AsyncIterable<CampaignStatsSnapshot>> {
    await access.requireCampaign(campaignId, 'read');
    return new Repeater<CampaignStatsSnapshot>(async (push, stop) => {
      let feed = this.feeds.get(campaignId);
      if (!feed) {
        feed = new CampaignFeed(campaignId, this.prisma, this.bus, this.coalesceMs, this.logger);
        this.feeds.set(campaignId, feed);
      }
      const activeFeed = feed;
      let last = -1;
      const listener = (update: CampaignStatsSnapshot) => {
        if (update.sequence <= last) return;
        last = update.sequence;
        void push(update);
      };
      activeFeed.listeners.add(listener);
      // Listening before reading the snapshot, so no change falls between the two.
      const snapshot = await readCampaignStats(this.prisma, campaignId);
      activeFeed.observe(snapshot.sequence);
      listener({ ...snapshot, snapshot: true });
      await stop;
      activeFeed.listeners.delete(listener);
      if (activeFeed.listeners.size === 0) {
        this.feeds.delete(campaignId);
        await activeFeed.close();
      }
    });
  }

  /**
   * Calls `read` for a first snapshot of a business view, and again (coalesced) whenever one of the
   * business's campaigns changes or Redis reconnects.
   */
  watchBusiness<T>(businessId: string, read: () => Promise<T>): AsyncIterable<T> {
    return new Repeater<T>(async (push, stop) => {
      let reading: Promise<void> = Promise.resolve();
      const refresh = () => {
        reading = reading
          .then(async () => void (await push(await read())))
          .catch((error: unknown) => this.logger.warn({ err: error, businessId }, 'live dashboard refresh failed'));
      };
      const throttle = new Throttle(this.coalesceMs, refresh);
      const changes = this.bus.pubsub.subscribe('business:stats', businessId);
      const stopReconnect = this.bus.onReconnect(() => throttle.request());
      refresh();
      void stop.then(() => {
        throttle.cancel();
        stopReconnect();
        void changes.return?.();
      });
      for await (const _change of changes) throttle.request();
      await stop;
    });
  }
}
