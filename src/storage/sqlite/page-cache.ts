/**
 * The last few pages a store answered, each kept until the store's next write. In a check-in meeting
 * every open tab asks for the same page within seconds of each change (the live tracker reloads its
 * view), so the second and later asks read no rows. `generation` must change with every write, from
 * any connection: the SQLite store passes the head of its append-only history.
 */
export class PageCache<T> {
  private readonly entries = new Map<string, T>();
  private generation: number | null = null;

  constructor(private readonly capacity = 64) {}

  get(key: string, generation: number, compute: () => T): T {
    if (generation !== this.generation) {
      this.entries.clear();
      this.generation = generation;
    }
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      // Least recently used goes first: a Map iterates in insertion order, so re-insert on a hit.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const value = compute();
    if (this.capacity === 0) return value;
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, value);
    return value;
  }
}

/** Frozen all the way down: a cached page is shared by every caller, so none may change it under another. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
