import { randomBytes } from 'node:crypto';
import { GraphQLClient } from 'graphql-request';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { createApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/platform/logger';
import {
  ApproveCampaignDocument,
  CreateBusinessDocument,
  CreateCampaignDocument,
  CreateUserDocument,
  SetCampaignBudgetDocument,
  SubmitCampaignDocument,
  ViewerDocument,
} from '../generated/graphql';
import { createTestDatabase, type TestDatabase } from './database';

export const hasRedis = Boolean(process.env.REDIS_URL);

export interface TestServer {
  app: App;
  url: string;
  /** The PostgreSQL database this server uses (undefined on embedded PGlite): a second instance can share it. */
  databaseUrl: string | undefined;
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
  /** Run on embedded PGlite in memory even when DATABASE_URL is set (the newcomer's default). */
  embedded?: boolean;
  env?: Record<string, string>;
}

/**
 * Starts the real server in this process on a free port, on its own database, and reaches it only
 * through public clients.
 */
export async function startServer(options: StartOptions = {}): Promise<TestServer> {
  const ownDatabase: TestDatabase | undefined = options.databaseUrl || options.embedded ? undefined : await createTestDatabase();
  const adminToken = `cg_test_admin_${randomBytes(16).toString('hex')}`;
  const useRedis = options.redis ?? hasRedis;
  const env: Record<string, string> = {
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: 'memory://',
    DEMO_DATA: 'false',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    BOOTSTRAP_ADMIN_TOKEN: adminToken,
    // Scheduled ranking runs would race the tests that start runs themselves; tests opt in.
    DRIVER_RANKING_INTERVAL_MS: '0',
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
    databaseUrl,
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
export async function createUser(
  server: TestServer,
  role: 'ADMIN' | 'BUSINESS_OWNER' | 'PARTNER',
  name = role.toLowerCase(),
): Promise<{ id: string; token: string }> {
  const { createUser: result } = await server.client(server.adminToken).request(CreateUserDocument, {
    input: { email: uniqueEmail(name), name, role },
  });
  if (result.__typename !== 'MutationCreateUserSuccess') throw new Error(`createUser failed: ${JSON.stringify(result)}`);
  return { id: result.data.user.id, token: result.data.token };
}

export async function createBusiness(server: TestServer, token: string, overrides: Partial<{ name: string; city: string }> = {}): Promise<string> {
  const { createBusiness: result } = await server.client(token).request(CreateBusinessDocument, {
    input: {
      name: overrides.name ?? 'Test Café',
      city: overrides.city ?? 'Berlin',
      currency: 'EUR',
      timezone: 'Europe/Berlin',
      latitude: 52.5,
      longitude: 13.4,
    },
  });
  if (result.__typename !== 'MutationCreateBusinessSuccess') throw new Error(`createBusiness failed: ${JSON.stringify(result)}`);
  return result.data.id;
}

export interface CampaignOptions {
  name?: string;
  startsAt?: Date;
  endsAt?: Date | null;
  channels?: Array<'IN_APP_AD' | 'WHATSAPP' | 'EMAIL' | 'SMS' | 'PUSH' | 'SOCIAL' | 'SEARCH' | 'DISPLAY'>;
  objective?: 'AWARENESS' | 'TRAFFIC' | 'ENGAGEMENT' | 'LEADS' | 'SALES' | 'APP_PROMOTION' | 'LOCAL' | 'REMARKETING' | 'OFFERS_EVENTS';
}

/** Creates a DRAFT campaign through the API; it starts a minute ago unless told otherwise. */
export async function createCampaign(server: TestServer, token: string, businessId: string, options: CampaignOptions | string = {}): Promise<string> {
  const opts = typeof options === 'string' ? { name: options } : options;
  const { createCampaign: result } = await server.client(token).request(CreateCampaignDocument, {
    input: {
      businessId,
      name: opts.name ?? 'Spring sale',
      objective: opts.objective ?? 'AWARENESS',
      kind: 'AD',
      channels: opts.channels ?? ['IN_APP_AD', 'EMAIL'],
      startsAt: (opts.startsAt ?? new Date(Date.now() - 60_000)).toISOString(),
      endsAt: opts.endsAt ? opts.endsAt.toISOString() : null,
    },
  });
  if (result.__typename !== 'MutationCreateCampaignSuccess') throw new Error(`createCampaign failed: ${JSON.stringify(result)}`);
  return result.data.id;
}

/** Gives a campaign a budget, submits it and has the admin approve it: ACTIVE, or SCHEDULED for a future start. */
export async function launchCampaign(server: TestServer, ownerToken: string, campaignId: string, totalCents = 1_000_000): Promise<void> {
  const owner = server.client(ownerToken);
  const budget = await owner.request(SetCampaignBudgetDocument, { campaignId, input: { totalCents, currency: 'EUR' } });
  if (budget.setCampaignBudget.__typename !== 'MutationSetCampaignBudgetSuccess') throw new Error(`setCampaignBudget failed: ${JSON.stringify(budget)}`);
  const submitted = await owner.request(SubmitCampaignDocument, { id: campaignId });
  if (submitted.submitCampaign.__typename !== 'MutationSubmitCampaignSuccess') throw new Error(`submit failed: ${JSON.stringify(submitted)}`);
  const approved = await server.client(server.adminToken).request(ApproveCampaignDocument, { id: campaignId });
  if (approved.approveCampaign.__typename !== 'MutationApproveCampaignSuccess') throw new Error(`approve failed: ${JSON.stringify(approved)}`);
}

/** An ACTIVE campaign of a new business of the owner. */
export async function createActiveCampaign(server: TestServer, ownerToken: string, businessId: string, options: CampaignOptions = {}): Promise<string> {
  const campaignId = await createCampaign(server, ownerToken, businessId, options);
  await launchCampaign(server, ownerToken, campaignId);
  return campaignId;
}

/**
 * The SQL statements the server sends while `read` runs for `token`: the fewest of three runs,
 * since the scheduled lifecycle sweep may add its own to any one of them. The token is looked up
 * before each run (the server caches it for a few seconds), so the lookup is never counted.
 */
export async function statementsOf(server: TestServer, token: string, read: () => Promise<unknown>): Promise<number> {
  const counts: number[] = [];
  for (let run = 0; run < 3; run += 1) {
    await server.client(token).request(ViewerDocument);
    const before = server.app.db.statementCount();
    await read();
    counts.push(server.app.db.statementCount() - before);
  }
  return Math.min(...counts);
}

/** Resolves with the first `count` messages of a subscription, or rejects after `timeoutMs`. */
export function collect<T>(
  client: Client,
  payload: { query: string; variables?: Record<string, unknown> },
  until: (messages: T[]) => boolean,
  timeoutMs = 10_000,
): { messages: T[]; times: number[]; done: Promise<T[]>; ready: Promise<void> } {
  const messages: T[] = [];
  const times: number[] = [];
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
        times.push(Date.now());
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
  return { messages, times, done, ready };
}

export interface OwnerFixture {
  server: TestServer;
  owner: { id: string; token: string };
  businessId: string;
}

/** A server with one business owner and their business: the starting point of most API tests. */
export async function startWithOwner(options: StartOptions = {}): Promise<OwnerFixture> {
  const server = await startServer(options);
  const owner = await createUser(server, 'BUSINESS_OWNER', 'owner');
  return { server, owner, businessId: await createBusiness(server, owner.token) };
}
