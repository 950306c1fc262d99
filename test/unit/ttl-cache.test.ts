import { TtlCache } from '../../src/platform/ttl-cache';

afterEach(() => {
  jest.useRealTimers();
});

describe('a cache whose entries expire', () => {
  it('answers an entry until its time is up, then forgets it', () => {
    jest.useFakeTimers({ now: new Date('2026-11-21T12:00:00Z') });
    const cache = new TtlCache<string, number>(5_000, 10);
    cache.set('a', 1);
    jest.advanceTimersByTime(4_999);
    expect(cache.get('a')).toBe(1);
    jest.advanceTimersByTime(1);
    expect(cache.get('a')).toBeUndefined();
  });

  it('makes room by dropping the oldest entry, and a set entry starts its time afresh', () => {
    jest.useFakeTimers({ now: new Date('2026-11-21T12:00:00Z') });
    const cache = new TtlCache<string, number>(5_000, 2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('a', 3);
    cache.set('c', 4);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([3, undefined, 4]);
    jest.advanceTimersByTime(3_000);
    cache.set('a', 5);
    jest.advanceTimersByTime(3_000);
    expect([cache.get('a'), cache.get('c')]).toEqual([5, undefined]);
  });
});
