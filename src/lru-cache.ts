// A small least-recently-used map bounded by entry count and by total size, for serialized
// responses: a few hot version pairs answer from memory without touching the database.
export interface LruOptions {
  maxEntries: number;
  maxBytes: number;
}

export class LruCache<V> {
  readonly #entries = new Map<string, { value: V; size: number }>();
  readonly #options: LruOptions;
  #bytes = 0;

  constructor(options: LruOptions) {
    this.#options = options;
  }

  get size(): number {
    return this.#entries.size;
  }

  get bytes(): number {
    return this.#bytes;
  }

  get(key: string): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    // Map keeps insertion order; re-inserting marks the entry as the most recently used.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: V, size: number): void {
    this.delete(key);
    // Something larger than the whole budget would only evict everything else and then itself.
    if (size > this.#options.maxBytes) return;
    this.#entries.set(key, { value, size });
    this.#bytes += size;
    while (this.#entries.size > this.#options.maxEntries || this.#bytes > this.#options.maxBytes) {
      const oldest = this.#entries.keys().next().value as string;
      this.delete(oldest);
    }
  }

  delete(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    this.#bytes -= entry.size;
  }

  clear(): void {
    this.#entries.clear();
    this.#bytes = 0;
  }
}
