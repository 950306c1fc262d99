import { createApp } from './app';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './platform/logger';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const app = await createApp(config, logger);
  const { demo } = app;
  const url = app.url();
  logger.info({ url, database: app.db.kind, pubsub: app.bus.kind }, 'campaign-graph is ready');
  if (demo) {
    process.stdout.write(
      [
        '',
        `  GraphQL API and GraphiQL: ${url}`,
        `  Demo data ${demo.loadedNow ? 'loaded' : 'already present'}. Add this header in GraphiQL (Headers tab):`,
        `    { "Authorization": "Bearer ${demo.ownerToken}" }`,
        '  and try:',
        '    { campaigns(first: 5) { totalCount edges { node { name status business { name } stats { impressions clicks ctr } } } } }',
        `  Admin token: ${demo.adminToken}`,
        '',
      ].join('\n') + '\n',
    );
  }

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  // A configuration problem is one clear line; anything else is a bug worth its stack trace.
  if (error instanceof ConfigError) process.stderr.write(`campaign-graph: ${error.message}\n`);
  else process.stderr.write(`campaign-graph failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
