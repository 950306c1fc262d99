import { createClient, type RedisClientType } from 'redis';
import { ConfigError, redactUrl } from '../../config';
import type { Logger } from '../../platform/logger';
import { CAP_WINDOW_MS, type FrequencyCap } from './rules';

const DAY_MS = 86_400_000;
/** Counts outlive the longest window by a day; a person unseen that long is rebuilt from PostgreSQL. */
const KEY_TTL_MS = CAP_WINDOW_MS + DAY_MS;

/** One cap to check for one person: its counts live under `key` (campaign, maybe placement, person). */
export interface CapUnit {
  key: string;
  cap: FrequencyCap;
}

/** A candidate passes when every one of its units does; its slot is then taken in all of them. */
export interface CapCandidate {
  units: CapUnit[];
}

export type CapLimit = 'perDay' | 'perWeek' | 'lifetime' | 'minSecondsBetween';

export type TakeOutcome =
  /** The first candidate (by index) that passed; its impression is counted. `refused` covers those before it. */
  | { kind: 'taken'; index: number; refused: Array<{ index: number; unit: number; limit: CapLimit }> }
  | { kind: 'none'; refused: Array<{ index: number; unit: number; limit: CapLimit }> }
  /** These keys have no counts in the store (first sight, or the store lost them): seed them first. */
  | { kind: 'unseeded'; keys: string[] };

/** What PostgreSQL knows of one key's impressions: all of them, and the times within the window. */
export interface CapHistory {
  key: string;
  total: number;
  times: number[];
}

/**
 * Frequency caps checked and taken atomically: concurrent serves, on one server or many, never
 * let a person see more than a cap allows. Counts that are missing (a new person, or a Redis that
 * restarted) are seeded from PostgreSQL's recorded impressions before any decision is made.
 */
export interface FrequencyCapStore {
  readonly kind: 'redis' | 'memory';
  take(candidates: CapCandidate[], impressionId: string, nowMs: number): Promise<TakeOutcome>;
  seed(histories: CapHistory[], nowMs: number): Promise<void>;
  close(): Promise<void>;
}

const limitsOf = (cap: FrequencyCap): [number, number, number, number] => [
  cap.perDay ?? 0,
  cap.perWeek ?? 0,
  cap.lifetime ?? 0,
  (cap.minSecondsBetween ?? 0) * 1000,
];

/**
 * KEYS: per unit, its times (sorted set), total (counter) and seeded marker. ARGV: now, the
 * impression id, window, ttl, candidate count, then per candidate its unit count and per unit
 * perDay, perWeek, lifetime, minimum gap in ms (0 = no limit).
 */
const TAKE_SCRIPT = `
local now = tonumber(ARGV[1])
local missing = {}
for i = 3, #KEYS, 3 do
  if redis.call('EXISTS', KEYS[i]) == 0 then table.insert(missing, KEYS[i]) end
end
if #missing > 0 then return {'unseeded', missing} end
local a = 6
local k = 1
local refused = {}
for c = 1, tonumber(ARGV[5]) do
  local units = tonumber(ARGV[a]); a = a + 1
  local first = k
  local refusal = false
  for u = 1, units do
    local perDay, perWeek, lifetime, gap = tonumber(ARGV[a]), tonumber(ARGV[a + 1]), tonumber(ARGV[a + 2]), tonumber(ARGV[a + 3])
    a = a + 4
    if not refusal then
      local times, total = KEYS[k], KEYS[k + 1]
      redis.call('ZREMRANGEBYSCORE', times, '-inf', '(' .. (now - tonumber(ARGV[3])))
      if lifetime > 0 and tonumber(redis.call('GET', total) or '0') >= lifetime then refusal = 'lifetime'
      elseif perWeek > 0 and redis.call('ZCARD', times) >= perWeek then refusal = 'perWeek'
      elseif perDay > 0 and redis.call('ZCOUNT', times, '(' .. (now - 86400000), '+inf') >= perDay then refusal = 'perDay'
      elseif gap > 0 then
        local last = redis.call('ZRANGE', times, -1, -1, 'WITHSCORES')
        if #last > 0 and now - tonumber(last[2]) < gap then refusal = 'minSecondsBetween' end
      end
      if refusal then table.insert(refused, (c - 1) .. ':' .. (u - 1) .. ':' .. refusal) end
    end
    k = k + 3
  end
  if not refusal then
    for j = first, k - 1, 3 do
      redis.call('ZADD', KEYS[j], now, ARGV[2])
      redis.call('INCR', KEYS[j + 1])
      redis.call('PEXPIRE', KEYS[j], ARGV[4])
      redis.call('PEXPIRE', KEYS[j + 1], ARGV[4])
      redis.call('PEXPIRE', KEYS[j + 2], ARGV[4])
    end
    return {'taken', tostring(c - 1), refused}
  end
end
return {'none', '-1', refused}
`;

/** KEYS: times, total, seeded. ARGV: ttl, total, then score/member pairs. Seeds only if nobody did. */
const SEED_SCRIPT = `
if redis.call('SET', KEYS[3], '1', 'NX', 'PX', ARGV[1]) then
  redis.call('DEL', KEYS[1], KEYS[2])
  if #ARGV > 2 then redis.call('ZADD', KEYS[1], unpack(ARGV, 3)) end
  redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[1])
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
end
return 1
`;

const keysOf = (key: string) => [`fc:{${key}}:t`, `fc:{${key}}:n`, `fc:{${key}}:s`];

function parseRefusals(raw: string[]): Array<{ index: number; unit: number; limit: CapLimit }> {
  return raw.map((entry) => {
    const [index, unit, limit] = entry.split(':');
    return { index: Number(index), unit: Number(unit), limit: limit as CapLimit };
  });
}

class RedisCapStore implements FrequencyCapStore {
  readonly kind = 'redis';
  private readonly shas = new Map<string, string>();

  constructor(private readonly client: RedisClientType) {}

  private async run(script: string, keys: string[], args: string[]): Promise<unknown> {
    let sha = this.shas.get(script);
    if (!sha) {
      sha = await this.client.scriptLoad(script);
      this.shas.set(script, sha);
    }
    try {
      return await this.client.evalSha(sha, { keys, arguments: args });
    } catch (error) {
      // A restarted Redis has forgotten its scripts.
      if (!(error instanceof Error) || !error.message.includes('NOSCRIPT')) throw error;
      this.shas.delete(script);
      return this.run(script, keys, args);
    }
  }

  async take(candidates: CapCandidate[], impressionId: string, nowMs: number): Promise<TakeOutcome> {
    const keys: string[] = [];
    const args = [String(nowMs), impressionId, String(CAP_WINDOW_MS), String(KEY_TTL_MS), String(candidates.length)];
    for (const candidate of candidates) {
      args.push(String(candidate.units.length));
      for (const unit of candidate.units) {
        keys.push(...keysOf(unit.key));
        args.push(...limitsOf(unit.cap).map(String));
      }
    }
    const [kind, second, third] = (await this.run(TAKE_SCRIPT, keys, args)) as [string, string | string[], string[] | undefined];
    if (kind === 'unseeded') {
      return { kind: 'unseeded', keys: (second as string[]).map((marker) => marker.slice('fc:{'.length, -'}:s'.length)) };
    }
    const refused = parseRefusals(third ?? []);
    return kind === 'taken' ? { kind: 'taken', index: Number(second), refused } : { kind: 'none', refused };
  }

  async seed(histories: CapHistory[], nowMs: number): Promise<void> {
    await Promise.all(
      histories.map((history) =>
        this.run(SEED_SCRIPT, keysOf(history.key), [
          String(KEY_TTL_MS),
          String(history.total),
          ...history.times.filter((t) => t > nowMs - CAP_WINDOW_MS).flatMap((time, i) => [String(time), `seeded-${i}`]),
        ]),
      ),
    );
  }

  async close(): Promise<void> {
    await this.client.close().catch(() => undefined);
  }
}

interface MemoryCounts {
  times: number[];
  total: number;
  expiresAt: number;
}

/** The embedded default's caps: one process, so a Map is atomic enough; same rules as the script. */
class MemoryCapStore implements FrequencyCapStore {
  readonly kind = 'memory';
  private readonly counts = new Map<string, MemoryCounts>();

  private live(key: string, nowMs: number): MemoryCounts | undefined {
    const counts = this.counts.get(key);
    if (counts && counts.expiresAt <= nowMs) {
      this.counts.delete(key);
      return undefined;
    }
    return counts;
  }

  async take(candidates: CapCandidate[], _impressionId: string, nowMs: number): Promise<TakeOutcome> {
    const missing = candidates.flatMap((c) => c.units.map((u) => u.key)).filter((key) => !this.live(key, nowMs));
    if (missing.length > 0) return { kind: 'unseeded', keys: [...new Set(missing)] };
    const refused: Array<{ index: number; unit: number; limit: CapLimit }> = [];
    for (const [index, candidate] of candidates.entries()) {
      const refusal = candidate.units
        .map((unit, unitIndex) => ({ unit: unitIndex, limit: refusalOf(this.counts.get(unit.key)!, unit.cap, nowMs) }))
        .find((r) => r.limit !== null);
      if (refusal) {
        refused.push({ index, unit: refusal.unit, limit: refusal.limit! });
        continue;
      }
      for (const unit of candidate.units) {
        const counts = this.counts.get(unit.key)!;
        counts.times.push(nowMs);
        counts.total += 1;
        counts.expiresAt = nowMs + KEY_TTL_MS;
      }
      return { kind: 'taken', index, refused };
    }
    return { kind: 'none', refused };
  }

  async seed(histories: CapHistory[], nowMs: number): Promise<void> {
    for (const history of histories) {
      if (this.live(history.key, nowMs)) continue;
      this.counts.set(history.key, {
        times: history.times.filter((t) => t > nowMs - CAP_WINDOW_MS).sort((a, b) => a - b),
        total: history.total,
        expiresAt: nowMs + KEY_TTL_MS,
      });
    }
  }

  async close(): Promise<void> {
    this.counts.clear();
  }
}

function refusalOf(counts: MemoryCounts, cap: FrequencyCap, nowMs: number): CapLimit | null {
  counts.times = counts.times.filter((t) => t > nowMs - CAP_WINDOW_MS);
  const [perDay, perWeek, lifetime, gapMs] = limitsOf(cap);
  if (lifetime > 0 && counts.total >= lifetime) return 'lifetime';
  if (perWeek > 0 && counts.times.length >= perWeek) return 'perWeek';
  if (perDay > 0 && counts.times.filter((t) => t > nowMs - DAY_MS).length >= perDay) return 'perDay';
  const last = counts.times[counts.times.length - 1];
  if (gapMs > 0 && last !== undefined && nowMs - last < gapMs) return 'minSecondsBetween';
  return null;
}

/** Redis when REDIS_URL is set (shared by every server), else this process's memory. */
export async function openFrequencyCapStore(redisUrl: string | undefined, logger: Logger): Promise<FrequencyCapStore> {
  if (!redisUrl) return new MemoryCapStore();
  let connectedOnce = false;
  const client: RedisClientType = createClient({
    url: redisUrl,
    // A serve must answer in milliseconds: while Redis is away, capped campaigns are skipped, not queued for.
    disableOfflineQueue: true,
    socket: { connectTimeout: 5_000, reconnectStrategy: (retries, cause) => (connectedOnce ? Math.min(50 * 2 ** retries, 2_000) : cause) },
  });
  client.on('error', (error: Error) => {
    if (connectedOnce) logger.warn({ err: error.message }, 'frequency cap store: redis connection problem');
  });
  try {
    await client.connect();
  } catch (error) {
    await client.destroy();
    throw new ConfigError(`Cannot connect to REDIS_URL ${redactUrl(redisUrl)}: ${(error as Error).message}`);
  }
  connectedOnce = true;
  return new RedisCapStore(client);
}
