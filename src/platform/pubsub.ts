import { createPubSub, type PubSub } from 'graphql-yoga';
import type { TypedEvent, TypedEventListenerOrEventListenerObject, TypedEventTarget } from '@graphql-yoga/typed-event-target';
import { createClient, type RedisClientType } from 'redis';
import { ConfigError, redactUrl } from '../config';
import type { Logger } from './logger';
import type { Topics } from './topics';

export type AppPubSub = PubSub<Topics>;

/** One message this process published, as `onPublish` listeners see it. */
export type Published = { [Topic in keyof Topics]: { topic: Topic; id: Topics[Topic][0]; message: Topics[Topic][1] } }[keyof Topics];

export interface EventBus {
  readonly kind: 'redis' | 'memory';
  readonly pubsub: AppPubSub;
  /**
   * Calls `listener` for every message this process publishes, right after the commit that caused
   * it, on the server that made the change: what reacts to changes once per change (automation
   * rules) listens here rather than on pub/sub, which delivers every message to every server.
   */
  onPublish(listener: (published: Published) => void): () => void;
  /** Called after the Redis subscriber reconnects: messages sent meanwhile are lost, so live views resync. */
  onReconnect(listener: () => void): () => void;
  ping(): Promise<void>;
  close(): Promise<void>;
}

type Listener = TypedEventListenerOrEventListenerObject<TypedEvent>;

/** The pub/sub with its publishes also handed to local listeners (see EventBus.onPublish). */
function observed(pubsub: AppPubSub): { pubsub: AppPubSub; onPublish: EventBus['onPublish'] } {
  const listeners = new Set<(published: Published) => void>();
  const publish = ((topic: keyof Topics, id: string, message: never) => {
    pubsub.publish(topic, id, message);
    for (const listener of listeners) listener({ topic, id, message } as Published);
  }) as AppPubSub['publish'];
  return {
    pubsub: { publish, subscribe: pubsub.subscribe },
    onPublish(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * An EventTarget over Redis pub/sub for yoga's createPubSub, written for the `redis` package
 * (yoga's own Redis target needs ioredis). A channel is subscribed on its first local listener and
 * unsubscribed on its last, so each server only receives the topics its clients watch.
 */
class RedisEventTarget extends EventTarget implements TypedEventTarget<TypedEvent> {
  private readonly listeners = new Map<string, Set<Listener>>();

  constructor(
    private readonly publisher: RedisClientType,
    private readonly subscriber: RedisClientType,
    private readonly logger: Logger,
  ) {
    super();
  }

  override addEventListener(type: string, callback: Listener | null): void {
    if (!callback) return;
    let set = this.listeners.get(type);
    if (!set) {
      set = new Set();
      this.listeners.set(type, set);
      this.subscriber
        .subscribe(type, (message) => this.deliver(type, message))
        .catch((error: unknown) => this.logger.error({ err: error, channel: type }, 'redis subscribe failed'));
    }
    set.add(callback);
  }

  override removeEventListener(type: string, callback: Listener | null): void {
    const set = this.listeners.get(type);
    if (!set || !callback) return;
    set.delete(callback);
    if (set.size === 0) {
      this.listeners.delete(type);
      this.subscriber.unsubscribe(type).catch((error: unknown) => this.logger.warn({ err: error, channel: type }, 'redis unsubscribe failed'));
    }
  }

  override dispatchEvent(event: TypedEvent): boolean {
    this.publisher
      .publish(event.type, JSON.stringify(event.detail))
      .catch((error: unknown) => this.logger.error({ err: error, channel: event.type }, 'redis publish failed'));
    return true;
  }

  private deliver(type: string, message: string): void {
    const set = this.listeners.get(type);
    if (!set) return;
    const event = new CustomEvent(type, { detail: JSON.parse(message) as unknown }) as TypedEvent;
    for (const listener of set) {
      if (typeof listener === 'function') listener(event);
      else listener.handleEvent(event);
    }
  }
}

async function connectRedis(url: string, logger: Logger): Promise<EventBus> {
  let connectedOnce = false;
  const publisher: RedisClientType = createClient({
    url,
    // Pub/sub is at-most-once anyway: while Redis is down, drop messages instead of queueing them,
    // and let subscribers resync from PostgreSQL when it is back.
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 5_000,
      // Before the first connection a failure is a configuration problem; after it, Redis is
      // restarting and we keep trying with a capped backoff.
      reconnectStrategy: (retries, cause) => (connectedOnce ? Math.min(50 * 2 ** retries, 2_000) : cause),
    },
  });
  const subscriber = publisher.duplicate();
  const reconnectListeners = new Set<() => void>();
  for (const client of [publisher, subscriber]) {
    client.on('error', (error: Error) => {
      if (connectedOnce) logger.warn({ err: error.message }, 'redis connection problem');
    });
  }
  subscriber.on('ready', () => {
    if (!connectedOnce) return;
    logger.info('redis subscriber reconnected; live views resync');
    for (const listener of reconnectListeners) listener();
  });
  try {
    await Promise.all([publisher.connect(), subscriber.connect()]);
  } catch (error) {
    await Promise.allSettled([publisher.destroy(), subscriber.destroy()]);
    throw new ConfigError(`Cannot connect to REDIS_URL ${redactUrl(url)}: ${(error as Error).message}`);
  }
  connectedOnce = true;
  const eventTarget = new RedisEventTarget(publisher, subscriber, logger);
  return {
    kind: 'redis',
    ...observed(createPubSub<Topics>({ eventTarget })),
    onReconnect(listener) {
      reconnectListeners.add(listener);
      return () => reconnectListeners.delete(listener);
    },
    async ping() {
      await publisher.ping();
    },
    async close() {
      await Promise.allSettled([subscriber.close(), publisher.close()]);
    },
  };
}

function inMemory(): EventBus {
  return {
    kind: 'memory',
    ...observed(createPubSub<Topics>()),
    onReconnect: () => () => false,
    ping: async () => undefined,
    close: async () => undefined,
  };
}

export function openEventBus(redisUrl: string | undefined, logger: Logger): Promise<EventBus> {
  return redisUrl ? connectRedis(redisUrl, logger) : Promise.resolve(inMemory());
}
