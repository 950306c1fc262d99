import { ConfigError, loadConfig, redactUrl, type Config } from '../../src/config';

/** The ConfigError loadConfig throws for `env`; fails the test when it does not throw one. */
function configErrorFor(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  it('starts on the embedded default with an empty environment', () => {
    expect(loadConfig({})).toMatchObject<Partial<Config>>({
      databaseUrl: undefined,
      dataDir: './.data',
      redisUrl: undefined,
      host: '0.0.0.0',
      port: 4000,
      production: false,
      logLevel: 'info',
      demoData: true,
      demoTraffic: true,
      bootstrapAdminToken: undefined,
      shutdownGraceMs: 10_000,
    });
  });

  it('treats empty variables as unset, as shells and compose files often leave them', () => {
    expect(loadConfig({ DATABASE_URL: '', REDIS_URL: '', PORT: '' })).toMatchObject({ databaseUrl: undefined, redisUrl: undefined, port: 4000 });
  });

  it('reads every variable it knows', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgresql://app:secret@db.internal:5432/campaigns',
      REDIS_URL: 'rediss://cache.internal:6380',
      DATA_DIR: '/var/lib/campaign-graph',
      HOST: '127.0.0.1',
      PORT: '8080',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      BOOTSTRAP_ADMIN_TOKEN: 'a-bootstrap-token-of-enough-length',
      SHUTDOWN_GRACE_MS: '2500',
      DEMO_TRAFFIC: 'false',
    });
    expect(config).toMatchObject<Partial<Config>>({
      databaseUrl: 'postgresql://app:secret@db.internal:5432/campaigns',
      redisUrl: 'rediss://cache.internal:6380',
      dataDir: '/var/lib/campaign-graph',
      host: '127.0.0.1',
      port: 8080,
      production: true,
      logLevel: 'warn',
      demoData: false,
      demoTraffic: false,
      bootstrapAdminToken: 'a-bootstrap-token-of-enough-length',
      shutdownGraceMs: 2500,
    });
  });

  it('loads demo data only on the embedded database unless told otherwise', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://localhost/db' }).demoData).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://localhost/db', DEMO_DATA: 'true' }).demoData).toBe(true);
    expect(loadConfig({ DEMO_DATA: 'no' }).demoData).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production' }).demoData).toBe(false);
  });

  it.each([
    ['DATABASE_URL', 'not a url'],
    ['DATABASE_URL', 'mysql://root@localhost/db'],
    ['REDIS_URL', 'localhost:6379'],
    ['REDIS_URL', 'http://localhost:6379'],
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['PORT', '80.5'],
    ['LOG_LEVEL', 'loud'],
    ['DEMO_DATA', 'maybe'],
    ['BOOTSTRAP_ADMIN_TOKEN', 'short'],
    ['SHUTDOWN_GRACE_MS', 'soon'],
  ])('refuses %s=%j with a message that names the variable', (name, value) => {
    const error = configErrorFor({ [name]: value });
    expect(error.message).toContain(name);
    // One line: main.ts prints it as is.
    expect(error.message).not.toContain('\n');
  });

  it('names every bad variable at once, so one restart fixes them all', () => {
    const { message } = configErrorFor({ DATABASE_URL: 'nope', REDIS_URL: 'nope', PORT: 'nope' });
    expect(message).toMatch(/DATABASE_URL.*REDIS_URL.*PORT/);
  });

  it('does not echo a bad DATABASE_URL, which may hold a password', () => {
    const { message } = configErrorFor({ DATABASE_URL: 'mysql://app:hunter2@db/x' });
    expect(message).not.toContain('hunter2');
  });

  it('refuses demo data in production, whose tokens are public', () => {
    expect(configErrorFor({ NODE_ENV: 'production', DEMO_DATA: 'true' }).message).toContain('DEMO_DATA');
  });
});

describe('redactUrl', () => {
  it('hides the password and keeps the rest', () => {
    expect(redactUrl('postgresql://app:hunter2@db:5432/x')).toBe('postgresql://app:***@db:5432/x');
    expect(redactUrl('redis://cache:6379')).toBe('redis://cache:6379');
    expect(redactUrl('::not a url::')).toBe('(unparseable URL)');
  });
});
