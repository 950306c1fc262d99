import { randomBytes } from 'node:crypto';
import { GraphQLClient } from 'graphql-request';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { createApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/platform/logger';
import { CreateBusinessDocument, CreateCampaignDocument, CreateUserDocument } from '../generated/graphql';
import { createTestDatabase, type TestDatabase } from './database';

export const hasRedis = Boolean(process.env.REDIS_URL);

export interface TestServer {
  app: App;
  url: string;
  adminToken: string;
  /** A graphql-request client, with a bearer token when given. */
  client(token?: string): GraphQLClient;
  /** A graphql-ws client; closed by `close()`. */
  ws(token?: string): Client;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Share another server's database (a second instance); by default each call creates its own. */
  databaseUrl?: string;
  /** Use Redis pub/sub (REDIS_URL must be set); default: when REDIS_URL is set. */
  redis?: boolean;
  env?: Record<string, string>;
}

/**
 * Starts the real server in this process on a free port, on its own database, and reaches it only
 * through public clients.
 */
export async function startServer(options: StartOptions = {}): Promise<TestServer> {
  const ownDatabase: TestDatabase | undefined = options.databaseUrl ? undefined : await createTestDatabase();
  const adminToken = `cg_test_admin_${randomBytes(16).toString('hex')}`;
  const useRedis = options.redis ?? hasRedis;
  const env: Record<string, string> = {
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: 'memory://',
    DEMO_DATA: 'false',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    BOOTSTRAP_ADMIN_TOKEN: adminToken,
    ...options.env,
  };
  const databaseUrl = options.databaseUrl ?? ownDatabase?.url;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  if (useRedis && process.env.REDIS_URL) env.REDIS_URL = process.env.REDIS_URL;
  const config = loadConfig(env);
  const app = await createApp(config, createLogger(config.logLevel));
  const url = app.url();
  const sockets: Client[] = [];
  return {
    app,
    url,
    adminToken,
    client: (token) => new GraphQLClient(url, { headers: token ? { authorization: `Bearer ${token}` } : {} }),
    ws(token) {
      const client = createClient({
        url: url.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        connectionParams: token ? { authorization: `Bearer ${token}` } : {},
        retryAttempts: 0,
      });
      sockets.push(client);
      return client;
    },
    async close() {
      await Promise.all(sockets.map((socket) => socket.dispose()));
      await app.close();
      await ownDatabase?.drop();
    },
  };
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}@example.test`;
}

/** Creates a user through the API and returns their token. */
export async function createUser(server: TestServer, role: 'ADMIN' | 'BUSINESS_OWNER' | 'PARTNER', name = role.toLowerCase()): Promise<{ id: string; token: string }> {
  const { createUser: result } = await server.client(server.adminToken).request(CreateUserDocument, {
    input: { email: uniqueEmail(name), name, role },
  });
  if (result.__typename !== 'MutationCreateUserSuccess') throw new Error(`createUser failed: ${JSON.stringify(result)}`);
  return { id: result.data.user.id, token: result.data.token };
}

export async function createBusiness(server: TestServer, token: string, overrides: Partial<{ name: string; city: string }> = {}): Promise<string> {
  const { createBusiness: result } = await server.client(token).request(CreateBusinessDocument, {
    input: { name: overrides.name ?? 'Test Café', city: overrides.city ?? 'Berlin', currency: 'EUR', timezone: 'Europe/Berlin', latitude: 52.5, longitude: 13.4 },
  });
  if (result.__typename !== 'MutationCreateBusinessSuccess') throw new Error(`createBusiness failed: ${JSON.stringify(result)}`);
  return result.data.id;
}

export async function createCampaign(server: TestServer, token: string, businessId: string, name = 'Spring sale'): Promise<string> {
  const { createCampaign: result } = await server.client(token).request(CreateCampaignDocument, {
    input: { businessId, name, startsAt: new Date(Date.now() - 60_000).toISOString() },
  });
  if (result.__typename !== 'MutationCreateCampaignSuccess') throw new Error(`createCampaign failed: ${JSON.stringify(result)}`);
  return result.data.id;
}

/** Resolves with the first `count` messages of a subscription, or rejects after `timeoutMs`. */
export function collect<T>(
  client: Client,
  payload: { query: string; variables?: Record<string, unknown> },
  until: (messages: T[]) => boolean,
  timeoutMs = 10_000,
): { messages: T[]; done: Promise<T[]>; ready: Promise<void> } {
  const messages: T[] = [];
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  const done = new Promise<T[]>((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`subscription timed out after ${timeoutMs} ms with ${JSON.stringify(messages)}`));
    }, timeoutMs);
    const unsubscribe = client.subscribe<T>(payload, {
      next: (message) => {
        if (message.errors) {
          clearTimeout(timer);
          unsubscribe();
          reject(new Error(JSON.stringify(message.errors)));
          return;
        }
        messages.push(message.data as T);
        if (messages.length === 1) markReady();
        if (until(messages)) {
          clearTimeout(timer);
          unsubscribe();
          resolve(messages);
        }
      },
      error: (error) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(JSON.stringify(error)));
      },
      complete: () => {
        clearTimeout(timer);
        resolve(messages);
      },
    });
  });
  return { messages, done, ready };
}
