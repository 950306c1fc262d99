import { randomUUID } from 'node:crypto';
import { openFrequencyCapStore, type CapCandidate, type FrequencyCapStore } from '../../src/modules/serving/frequency-caps';
import { createLogger } from '../../src/platform/logger';

const logger = createLogger('silent');
const stores: Array<[string, () => Promise<FrequencyCapStore>]> = [['memory', () => openFrequencyCapStore(undefined, logger)]];
if (process.env.REDIS_URL) stores.push(['redis', () => openFrequencyCapStore(process.env.REDIS_URL, logger)]);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe.each(stores)('frequency caps in %s', (_kind, open) => {
  let store: FrequencyCapStore;
  beforeAll(async () => {
    store = await open();
  });
  afterAll(async () => {
    await store.close();
  });

  /** Takes for a fresh key, seeding it empty first as the service would. */
  async function take(candidates: CapCandidate[], now: number) {
    const first = await store.take(candidates, randomUUID(), now);
    if (first.kind !== 'unseeded') return first;
    await store.seed(
      first.keys.map((key) => ({ key, total: 0, times: [] })),
      now,
    );
    return store.take(candidates, randomUUID(), now);
  }

  it('asks for counts it does not have before deciding anything', async () => {
    const key = randomUUID();
    const outcome = await store.take([{ units: [{ key, cap: { perDay: 1 } }] }], randomUUID(), Date.now());
    expect(outcome).toEqual({ kind: 'unseeded', keys: [key] });
  });

  it('counts per day in a moving 24 hours, and a minimum time between impressions', async () => {
    const key = randomUUID();
    const candidate = { units: [{ key, cap: { perDay: 2, minSecondsBetween: 600 } }] };
    const t0 = Date.now();
    expect((await take([candidate], t0)).kind).toBe('taken');
    expect(await take([candidate], t0 + 5 * MINUTE)).toEqual({ kind: 'none', refused: [{ index: 0, unit: 0, limit: 'minSecondsBetween' }] });
    expect((await take([candidate], t0 + 11 * MINUTE)).kind).toBe('taken');
    expect(await take([candidate], t0 + 12 * HOUR)).toEqual({ kind: 'none', refused: [{ index: 0, unit: 0, limit: 'perDay' }] });
    // 24 hours after the first impression, one slot is free again.
    expect((await take([candidate], t0 + 24 * HOUR + MINUTE)).kind).toBe('taken');
  });

  it('takes the first candidate that passes, and names the caps of the ones before it', async () => {
    const full = randomUUID();
    const free = randomUUID();
    const now = Date.now();
    await store.seed([{ key: full, total: 3, times: [now - HOUR, now - 2 * HOUR, now - 3 * HOUR] }], now);
    const outcome = await take([{ units: [{ key: full, cap: { lifetime: 3 } }] }, { units: [{ key: free, cap: { perWeek: 10 } }] }], now);
    expect(outcome).toEqual({ kind: 'taken', index: 1, refused: [{ index: 0, unit: 0, limit: 'lifetime' }] });
  });

  it('needs every unit of a candidate to pass, and then counts in all of them', async () => {
    const campaignKey = randomUUID();
    const placementKey = randomUUID();
    const now = Date.now();
    const candidate = {
      units: [
        { key: campaignKey, cap: { perDay: 5 } },
        { key: placementKey, cap: { perDay: 1 } },
      ],
    };
    expect((await take([candidate], now)).kind).toBe('taken');
    expect(await take([candidate], now + 1)).toEqual({ kind: 'none', refused: [{ index: 0, unit: 1, limit: 'perDay' }] });
    // The campaign-wide count only moved once: the refused attempt took nothing.
    const other = { units: [{ key: campaignKey, cap: { perDay: 2 } }] };
    expect((await take([other], now + 2)).kind).toBe('taken');
    expect((await take([other], now + 3)).kind).toBe('none');
  });

  it('lets exactly the cap through when many serves race for one person', async () => {
    const key = randomUUID();
    const now = Date.now();
    await store.seed([{ key, total: 0, times: [] }], now);
    const outcomes = await Promise.all(Array.from({ length: 200 }, () => store.take([{ units: [{ key, cap: { perDay: 3 } }] }], randomUUID(), now)));
    expect(outcomes.filter((o) => o.kind === 'taken')).toHaveLength(3);
  });

  it('seeds once: a second seed of the same key changes nothing', async () => {
    const key = randomUUID();
    const now = Date.now();
    await store.seed([{ key, total: 1, times: [now - MINUTE] }], now);
    await store.seed([{ key, total: 0, times: [] }], now);
    expect(await store.take([{ units: [{ key, cap: { lifetime: 1 } }] }], randomUUID(), now)).toEqual({
      kind: 'none',
      refused: [{ index: 0, unit: 0, limit: 'lifetime' }],
    });
  });
});
