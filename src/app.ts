import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { PothosValidationError } from '@pothos/core';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { execute, GraphQLError, subscribe, type ExecutionArgs } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { WebSocketServer } from 'ws';
import { ConfigError, type Config } from './config';
import type { Context } from './context';
import { loadDemoData, type DemoData } from './demo/seed';
import { demoTraffic } from './demo/traffic';
import { DomainError, UnauthenticatedError } from './errors';
import { Access } from './modules/access/policy';
import { BEACON_PATH, handleBeacon } from './modules/analytics/beacon';
import { dashboardHandler, isDashboardRequest } from './modules/dashboard/assets';
import { credentialFromHeader, type Credential } from './modules/identity/tokens';
import { openDatabase, type Database } from './platform/db';
import { createLogger, type Logger } from './platform/logger';
import { migrate } from './platform/migrate';
import { openEventBus, type EventBus } from './platform/pubsub';
import { openFrequencyCapStore } from './modules/serving/frequency-caps';
import { handleServing, isServingPath } from './modules/serving/http';
import { getSchema } from './schema';
import { createServices, type Services } from './services';

export const GRAPHQL_PATH = '/graphql';

export interface App {
  readonly config: Config;
  readonly db: Database;
  readonly bus: EventBus;
  readonly services: Services;
  readonly logger: Logger;
  readonly server: Server;
  /** The demo data set, when the configuration asks for it (loaded now or found from an earlier start). */
  readonly demo: DemoData | undefined;
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql. */
  url(): string;
  /** Stops accepting, finishes in-flight requests, closes sockets, Redis and the database. */
  close(): Promise<void>;
}

/** What yoga's context factory receives: an HTTP request, or the graphql-ws connection params. */
interface ServerContext {
  req?: IncomingMessage;
  connectionParams?: Readonly<Record<string, unknown>>;
}

/** graphql-ws clients send credentials as `{ authorization: "Bearer <token>" }` (or `{ token }`) in connectionParams. */
function credentialFromConnectionParams(params: Readonly<Record<string, unknown>> | undefined): Credential {
  const header = params?.authorization ?? params?.Authorization;
  if (header !== undefined) return typeof header === 'string' ? credentialFromHeader(header) : { kind: 'malformed' };
  if (params?.token === undefined) return { kind: 'none' };
  return typeof params.token === 'string' && params.token !== '' ? { kind: 'token', token: params.token } : { kind: 'malformed' };
}

/** Close code for a WebSocket whose credentials are not valid, by analogy with HTTP 401. */
const WS_UNAUTHENTICATED = 4401;

/** Domain failures and input errors reach the client as they are; anything else is masked and logged. */
function maskError(logger: Logger) {
  return (error: unknown, message: string): Error => {
    const original = error instanceof GraphQLError ? error.originalError : error;
    if (original instanceof UnauthenticatedError) {
      return new GraphQLError(original.message, {
        extensions: { code: original.code, http: { status: 401, headers: { 'www-authenticate': 'Bearer error="invalid_token"' } } },
      });
    }
    if (original instanceof DomainError) {
      return new GraphQLError(original.message, { extensions: { code: original.code } });
    }
    if (original instanceof PothosValidationError) {
      return new GraphQLError(original.message, { extensions: { code: 'VALIDATION' } });
    }
    // Parse, validation and variable-coercion errors are GraphQL's own and name the problem.
    if (error instanceof GraphQLError && (!error.originalError || error.originalError instanceof GraphQLError)) return error;
    logger.error({ err: original }, 'unexpected error while handling a request');
    return new GraphQLError(message, { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  };
}

/** Limits that keep one request from costing the server too much. */
/**
 * Executes with graphql-js itself. Yoga's default executor (for @defer/@stream, which this schema
 * does not use) first copies every variable value, which for a batch of 1,000 events is a
 * measurable part of the request.
 */
function graphqlJsExecution(): Plugin {
  return {
    onExecute: ({ setExecuteFn }) => setExecuteFn(execute),
    onSubscribe: ({ setSubscribeFn }) => setSubscribeFn(subscribe),
  };
}

function armorPlugin(): Plugin {
  return EnvelopArmorPlugin({
    maxDepth: { n: 10 },
    maxAliases: { n: 15 },
    costLimit: { maxCost: 5000 },
    maxTokens: { n: 2000 },
    maxDirectives: { n: 20 },
    blockFieldSuggestion: { enabled: true },
  }) as Plugin;
}

export async function createApp(config: Config, logger: Logger = createLogger(config.logLevel)): Promise<App> {
  // Redis first: it answers or fails in milliseconds, while the embedded database takes seconds to open.
  const bus = await openEventBus(config.redisUrl, logger);
  const caps = await openFrequencyCapStore(config.redisUrl, logger).catch(async (error: unknown) => {
    await bus.close().catch(() => undefined);
    throw error;
  });
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }).catch(async (error: unknown) => {
    await caps.close().catch(() => undefined);
    await bus.close().catch(() => undefined);
    throw error;
  });
  try {
    const applied = await migrate(db);
    if (applied.length > 0) logger.info({ migrations: applied }, 'applied database migrations');
  } catch (error) {
    await db.close().catch(() => undefined);
    await caps.close().catch(() => undefined);
    await bus.close().catch(() => undefined);
    throw error;
  }
  if (config.production && !config.servingSecret) {
    logger.warn('SERVING_SECRET is not set: tracking tokens are signed with a random key of this process, so other servers refuse them');
  }
  const services = createServices(db, bus, {
    liveCoalesceMs: config.liveCoalesceMs,
    logger,
    jobPollMs: config.jobPollMs,
    jobConcurrency: config.jobConcurrency,
    serving: { caps, secret: config.servingSecret ?? randomBytes(32).toString('hex'), refreshMs: config.servingRefreshMs },
    ruleCoalesceMs: config.ruleCoalesceMs,
  });
  if (config.bootstrapAdminToken) await services.identity.ensureBootstrapAdmin(config.bootstrapAdminToken);
  // Before listening, so /readyz never answers 200 while the demo data is still loading.
  const demo = config.demoData ? await loadDemoData(db.prisma, services) : undefined;

  const contextFor = async (credential: Credential, requestId: string): Promise<Context> => {
    const viewer = await services.viewers.authenticate(credential);
    return {
      requestId,
      viewer,
      access: new Access(viewer, db.prisma),
      prisma: db.prisma,
      services,
      logger: logger.child({ requestId }),
    };
  };

  const yoga: YogaServerInstance<ServerContext, Context> = createYoga<ServerContext, Context>({
    schema: getSchema(),
    graphqlEndpoint: GRAPHQL_PATH,
    healthCheckEndpoint: '/healthz',
    landingPage: false,
    graphiql: config.production ? false : { title: 'campaign-graph', subscriptionsProtocol: 'WS' },
    // GraphiQL's scripts and styles inlined from the package, so the page works without the internet.
    renderGraphiQL,
    logging: {
      debug: (...args) => logger.debug(args.map(String).join(' ')),
      info: (...args) => logger.info(args.map(String).join(' ')),
      warn: (...args) => logger.warn(args.map(String).join(' ')),
      error: (...args) => logger.error(args.map(String).join(' ')),
    },
    maskedErrors: { maskError: maskError(logger) },
    plugins: [graphqlJsExecution(), ...(config.production ? [useDisableIntrospection(), armorPlugin()] : [])],
    context: ({ connectionParams, request }) => {
      const credential = connectionParams ? credentialFromConnectionParams(connectionParams) : credentialFromHeader(request?.headers.get('authorization'));
      return contextFor(credential, request?.headers.get('x-request-id') ?? randomUUID());
    },
  });

  let inFlight = 0;
  let drained: (() => void) | undefined;
  // SSE responses stay open as long as their subscription: shutdown ends them, as it closes WebSockets.
  const eventStreams = new Set<ServerResponse>();
  const serveDashboard = dashboardHandler();
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = process.hrtime.bigint();
    const requestId = (typeof req.headers['x-request-id'] === 'string' && req.headers['x-request-id']) || randomUUID();
    req.headers['x-request-id'] = requestId;
    res.setHeader('x-request-id', requestId);
    inFlight += 1;
    if (req.headers.accept?.includes('text/event-stream')) eventStreams.add(res);
    res.on('close', () => {
      inFlight -= 1;
      eventStreams.delete(res);
      if (inFlight === 0) drained?.();
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info({ requestId, method: req.method, path: req.url?.split('?')[0], status: res.statusCode, durationMs }, 'request');
    });
    if (req.url === '/readyz') {
      const checks = await Promise.allSettled([db.ping(), bus.ping()]);
      const [database, redis] = checks.map((check) => (check.status === 'fulfilled' ? 'ok' : `down: ${(check.reason as Error).message}`));
      const ready = checks.every((check) => check.status === 'fulfilled');
      res.writeHead(ready ? 200 : 503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ready, database, pubsub: bus.kind === 'redis' ? redis : 'in-memory' }));
      return;
    }
    if (req.url === BEACON_PATH || req.url?.startsWith(`${BEACON_PATH}?`)) {
      await handleBeacon(req, res, db.prisma, services);
      return;
    }
    if (isServingPath(req.url?.split('?')[0] ?? '')) {
      await handleServing(req, res, db.prisma, services);
      return;
    }
    if (isDashboardRequest(req.url)) {
      await serveDashboard(req, res);
      return;
    }
    await yoga.requestListener(req, res);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      logger.error({ err: error }, 'request handler failed');
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  // Listen before the WebSocket server exists: it would also report a failed listen, with a stack trace.
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await bus.close().catch(() => undefined);
    await caps.close().catch(() => undefined);
    await db.close().catch(() => undefined);
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new ConfigError(`PORT ${config.port} is already in use on HOST ${config.host}`);
    }
    throw error;
  }
  const wsServer = new WebSocketServer({ server, path: GRAPHQL_PATH });
  const graphqlWs = useServer<Record<string, unknown>>(
    {
      execute: (args) => (args.rootValue as { execute: (a: ExecutionArgs) => unknown }).execute(args) as never,
      subscribe: (args) => (args.rootValue as { subscribe: (a: ExecutionArgs) => unknown }).subscribe(args) as never,
      // Credentials are checked once when the socket opens: a wrong token closes it with 4401 at once.
      onConnect: async (ctx) => {
        try {
          await services.viewers.authenticate(credentialFromConnectionParams(ctx.connectionParams));
          return true;
        } catch (error) {
          if (!(error instanceof UnauthenticatedError)) throw error;
          ctx.extra.socket.close(WS_UNAUTHENTICATED, 'Unauthorized: the bearer token is not valid');
          return false;
        }
      },
      onSubscribe: async (ctx, _id, params) => {
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          connectionParams: ctx.connectionParams,
          req: ctx.extra.request,
          params,
        });
        const document = parse(params.query);
        const errors = validate(schema, document);
        if (errors.length > 0) return errors;
        return {
          schema,
          document,
          operationName: params.operationName,
          variableValues: params.variables,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe },
        };
      },
    },
    wsServer,
  );

  const eventBus = bus;
  // Scheduled work runs on the job runner: once per interval across all servers, with a history.
  if (config.lifecycleSweepMs > 0) services.jobs.every('campaigns.lifecycle-sweep', config.lifecycleSweepMs, () => services.sweeper.sweep());
  if (config.driverRankingIntervalMs > 0) {
    const interval = config.driverRankingIntervalMs;
    // Checked often, run once per interval: a server that starts late does not delay the schedule.
    services.jobs.every('audiences.driver-ranking', Math.min(interval, 60_000), () => services.driverRanking.rankIfDue(interval), 60_000);
  }
  if (config.ruleSweepMs > 0) services.jobs.every('automation.rules-sweep', config.ruleSweepMs, () => services.ruleEngine.sweep());
  services.ruleEngine.start();
  // The demo's traffic is this process's own: it only feeds the demo campaign, it is no shared job.
  const demoTrafficJob =
    demo?.liveCampaignId && config.demoTraffic
      ? demoTraffic({ prisma: db.prisma, ingestion: services.ingestion, access: demo.trafficAccess, campaignId: demo.liveCampaignId, logger })
      : undefined;
  demoTrafficJob?.start();
  services.jobs.every('serving.promote-winners', 60_000, async () => {
    await services.serving.promoteWinners();
  });
  services.servingCatalog.start();
  await services.jobs.start();

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      for (const stream of eventStreams) stream.destroy();
      if (inFlight > 0) {
        await Promise.race([
          new Promise<void>((resolve) => {
            drained = resolve;
          }),
          new Promise<void>((resolve) => setTimeout(resolve, config.shutdownGraceMs).unref()),
        ]);
      }
      for (const socket of wsServer.clients) socket.close(1001, 'server shutting down');
      await graphqlWs.dispose();
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
      server.closeAllConnections();
      await stopped;
      await demoTrafficJob?.stop();
      await services.ruleEngine.stop();
      await services.jobs.stop(config.shutdownGraceMs);
      services.servingCatalog.stop();
      await caps.close();
      await eventBus.close();
      await db.close();
    })();
    return closing;
  };

  return {
    config,
    db,
    bus: eventBus,
    services,
    logger,
    server,
    demo,
    url() {
      const address = server.address() as AddressInfo;
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      return `http://${host === '0.0.0.0' || host === '[::]' ? '127.0.0.1' : host}:${address.port}${GRAPHQL_PATH}`;
    },
    close,
  };
}
