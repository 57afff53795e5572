// A cache that lives as long as a build session and keeps only what the last load used.
// The preview (`npm start`) loads the whole site again after every save: entries let an
// unchanged file skip parsing and rendering. A file that was deleted or renamed is never
// asked for again, so without trimming its entry would stay for the rest of a long
// session; a load that neither reads nor writes an entry lets it go.

export class KeptWhileUsed<K, V> {
  readonly #entries = new Map<K, { value: V; load: number }>();
  #load = 0;
  #changed = false;

  get(key: K): V | undefined {
    const entry = this.#entries.get(key);
    if (entry) entry.load = this.#load;
    return entry?.value;
  }

  set(key: K, value: V): void {
    this.#entries.set(key, { value, load: this.#load });
    this.#changed = true;
  }

  /** Every entry, for keeping them on disk (lib/content/stored.ts). */
  *entries(): IterableIterator<[K, V]> {
    for (const [key, entry] of this.#entries) yield [key, entry.value];
  }

  /** Whether an entry was set or let go since the last call (something new to keep). */
  takeChanged(): boolean {
    const changed = this.#changed;
    this.#changed = false;
    return changed;
  }

  has(key: K): boolean {
    return this.#entries.has(key);
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Ends a load: drops every entry it did not use, and returns their keys. */
  trim(): K[] {
    const dropped: K[] = [];
    for (const [key, entry] of this.#entries) {
      if (entry.load === this.#load) continue;
      this.#entries.delete(key);
      dropped.push(key);
      this.#changed = true;
    }
    this.#load++;
    return dropped;
  }
}
