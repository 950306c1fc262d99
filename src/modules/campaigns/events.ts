import type { CampaignStatus } from '../../generated/prisma/enums';
import type { EventBus } from '../../platform/pubsub';

/** One lifecycle step, as published to subscribers after it committed. */
export interface LifecycleMessage {
  campaignId: string;
  businessId: string;
  fromStatus: CampaignStatus;
  toStatus: CampaignStatus;
  reason: string | null;
  actorId: string | null;
  /** The system actor that made the step (lifecycle sweep, budget rules, `rule <id>`), when no person did. */
  actorSystem: string | null;
  at: string;
}

declare module '../../platform/topics' {
  interface TopicRegistry {
    'campaign:lifecycle': [businessId: string, message: LifecycleMessage];
  }
}

/** Publishes committed lifecycle steps per business (topic `campaign:lifecycle`). */
export class LifecycleEvents {
  private readonly observers = new Set<(message: LifecycleMessage) => void>();

  constructor(private readonly bus: EventBus) {}

  publish(messages: LifecycleMessage[]): void {
    for (const message of messages) {
      this.bus.pubsub.publish('campaign:lifecycle', message.businessId, message);
      for (const observer of this.observers) observer(message);
    }
  }

  /** Steps this server commits, as they commit, for in-process caches (other servers' arrive by the topic). */
  observe(observer: (message: LifecycleMessage) => void): () => void {
    this.observers.add(observer);
    return () => this.observers.delete(observer);
  }

  subscribe(businessId: string): AsyncIterable<LifecycleMessage> {
    return this.bus.pubsub.subscribe('campaign:lifecycle', businessId);
  }
}
