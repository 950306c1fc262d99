import { z } from 'zod';

/** Thrown for configuration a person must fix; main.ts prints its message as one line and exits. */
export class ConfigError extends Error {}

export interface Config {
  /** PostgreSQL connection string; absent means embedded PGlite. */
  databaseUrl: string | undefined;
  /** Where PGlite keeps its files, or `memory://` for a throwaway in-memory database. */
  dataDir: string;
  /** Redis connection string; absent means in-memory pub/sub (single process only). */
  redisUrl: string | undefined;
  host: string;
  port: number;
  production: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Load the demo data set on an empty database. */
  demoData: boolean;
  /** While demo data is loaded, record a little live traffic for the demo campaign every second. */
  demoTraffic: boolean;
  /** An admin bearer token to create on start when no admin exists yet (first deployment, tests). */
  bootstrapAdminToken: string | undefined;
  /** How long shutdown waits for in-flight requests before closing connections anyway. */
  shutdownGraceMs: number;
  /** How often this server looks for campaigns to launch or complete; 0 turns the sweeper off. */
  lifecycleSweepMs: number;
  /** Live updates of one campaign or dashboard are pushed at most this often. */
  liveCoalesceMs: number;
  /** Drivers are re-ranked this often (once across all servers); 0 leaves ranking to admins. */
  driverRankingIntervalMs: number;
  /** How often an idle server looks for due jobs in the outbox. */
  jobPollMs: number;
  /** Jobs one server runs at once. */
  jobConcurrency: number;
  /** Signs serving's tracking tokens; every server of a deployment needs the same one. Absent: random per process. */
  servingSecret: string | undefined;
  /** How often a server reloads which campaigns it can serve (its own changes apply at once). */
  servingRefreshMs: number;
  /** How often automation rules are swept (once across all servers); 0 leaves only the evaluation after changes. */
  ruleSweepMs: number;
  /** Changes of one campaign arriving within this are evaluated by the rules together. */
  ruleCoalesceMs: number;
}

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const urlWithScheme = (schemes: string[], example: string) =>
  z.string().refine(
    (value) => {
      try {
        return schemes.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { message: `must be a URL like ${example}` },
  );

const environmentSchema = z.object({
  DATABASE_URL: urlWithScheme(['postgres:', 'postgresql:'], 'postgresql://user@host:5432/db').optional(),
  REDIS_URL: urlWithScheme(['redis:', 'rediss:'], 'redis://host:6379').optional(),
  DATA_DIR: z.string().min(1).default('./.data'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number({ message: 'must be a number' }).int().min(0).max(65535).default(4000),
  NODE_ENV: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEMO_DATA: booleanFlag.optional(),
  DEMO_TRAFFIC: booleanFlag.default(true),
  BOOTSTRAP_ADMIN_TOKEN: z.string().min(24, 'must be at least 24 characters').optional(),
  SHUTDOWN_GRACE_MS: z.coerce.number({ message: 'must be a number' }).int().min(0).max(120_000).default(10_000),
  LIFECYCLE_SWEEP_MS: z.coerce.number({ message: 'must be a number' }).int().min(0).max(3_600_000).default(1_000),
  LIVE_COALESCE_MS: z.coerce.number({ message: 'must be a number' }).int().min(0).max(60_000).default(250),
  DRIVER_RANKING_INTERVAL_MS: z.coerce
    .number({ message: 'must be a number' })
    .int()
    .min(0)
    .max(7 * 86_400_000)
    .default(3_600_000),
  JOB_POLL_MS: z.coerce.number({ message: 'must be a number' }).int().min(10).max(60_000).default(500),
  JOB_CONCURRENCY: z.coerce.number({ message: 'must be a number' }).int().min(1).max(100).default(4),
  SERVING_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SERVING_REFRESH_MS: z.coerce.number({ message: 'must be a number' }).int().min(50).max(60_000).default(1_000),
  RULE_SWEEP_MS: z.coerce.number({ message: 'must be a number' }).int().min(0).max(3_600_000).default(60_000),
  RULE_COALESCE_MS: z.coerce.number({ message: 'must be a number' }).int().min(0).max(10_000).default(100),
});

/** Reads and validates the environment once; every problem is reported in one line. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = environmentSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && e.DEMO_DATA === true) {
    throw new ConfigError('Invalid configuration: DEMO_DATA must not be enabled in production (its tokens are public)');
  }
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    redisUrl: e.REDIS_URL,
    host: e.HOST,
    port: e.PORT,
    production: e.NODE_ENV === 'production',
    logLevel: e.LOG_LEVEL,
    demoData: e.DEMO_DATA ?? (e.DATABASE_URL === undefined && e.NODE_ENV !== 'production'),
    demoTraffic: e.DEMO_TRAFFIC,
    bootstrapAdminToken: e.BOOTSTRAP_ADMIN_TOKEN,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    lifecycleSweepMs: e.LIFECYCLE_SWEEP_MS,
    liveCoalesceMs: e.LIVE_COALESCE_MS,
    driverRankingIntervalMs: e.DRIVER_RANKING_INTERVAL_MS,
    jobPollMs: e.JOB_POLL_MS,
    jobConcurrency: e.JOB_CONCURRENCY,
    servingSecret: e.SERVING_SECRET,
    servingRefreshMs: e.SERVING_REFRESH_MS,
    ruleSweepMs: e.RULE_SWEEP_MS,
    ruleCoalesceMs: e.RULE_COALESCE_MS,
  };
}

/** Hides the password of a connection string in messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}
