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

/** Publishes committed lifecycle steps per business (topic `campaign:lifecycle`). */
export class LifecycleEvents {
  constructor(private readonly bus: EventBus) {}

  publish(messages: LifecycleMessage[]): void {
    for (const message of messages) this.bus.pubsub.publish('campaign:lifecycle', message.businessId, message);
  }

  subscribe(businessId: string): AsyncIterable<LifecycleMessage> {
    return this.bus.pubsub.subscribe('campaign:lifecycle', businessId);
  }
}
