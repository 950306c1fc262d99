/**
 * A bounded map whose entries expire: for answers the database gave that may be trusted for a
 * few seconds. When full, the oldest entry makes room.
 */
export class TtlCache<K, V> {
  private readonly entries = new Map<K, { value: V; expiresAt: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
  ) {}

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt > Date.now()) return entry.value;
    this.entries.delete(key);
    return undefined;
  }

  /** Keeps `value` for the cache's time to live, or for `ttlMs` when that is shorter. */
  set(key: K, value: V, ttlMs?: number): void {
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { value, expiresAt: Date.now() + Math.min(this.ttlMs, ttlMs ?? this.ttlMs) });
  }

  delete(key: K): void {
    this.entries.delete(key);
  }
}
