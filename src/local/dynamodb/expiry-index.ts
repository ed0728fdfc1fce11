// The local TTL process's agenda: the expiry time of every item it has seen written with a TTL attribute, in
// a min-heap, so a sweep costs what expires rather than a scan of every table.

/** An item by its `keyId` (table and canonical keys) and its expiry in epoch seconds. */
export type ExpiryEntry = { id: string; at: number };

export type ExpiryIndex = {
  /** Records an item's current expiry, replacing what was known; `undefined` forgets the item. */
  note(id: string, at: number | undefined): void;
  /** Like `note`, but keeps what a write already told: for entries read by a scan that writes may overtake. */
  noteIfUnknown(id: string, at: number): void;
  /** Removes and returns up to `limit` entries due before `nowS`, earliest first. */
  takeDue(nowS: number, limit: number): ExpiryEntry[];
  /** Forgets every item of a table (deleted, or its TTL turned off). */
  dropTable(table: string): void;
  /** Items whose expiry is known. */
  size(): number;
};

/**
 * Lazy deletion: the heap may hold entries an item's later writes made stale; `latest` is the truth, and a
 * popped entry counts only if it still matches it.
 */
export function createExpiryIndex(): ExpiryIndex {
  const latest = new Map<string, number>();
  const heap: ExpiryEntry[] = [];

  const less = (a: ExpiryEntry, b: ExpiryEntry) => a.at < b.at;
  function push(entry: ExpiryEntry): void {
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!less(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }
  function pop(): ExpiryEntry | undefined {
    const top = heap[0];
    const last = heap.pop();
    if (heap.length === 0 || !last) return top;
    heap[0] = last;
    for (let i = 0; ;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < heap.length && less(heap[left]!, heap[smallest]!)) smallest = left;
      if (right < heap.length && less(heap[right]!, heap[smallest]!)) smallest = right;
      if (smallest === i) break;
      [heap[i], heap[smallest]] = [heap[smallest]!, heap[i]!];
      i = smallest;
    }
    return top;
  }
  /** Stale entries outnumbering live ones by far: rebuild the heap from `latest`. */
  function compact(): void {
    if (heap.length < 1024 || heap.length < 4 * latest.size) return;
    heap.length = 0;
    for (const [id, at] of latest) push({ id, at });
  }

  const note = (id: string, at: number | undefined) => {
    if (at === undefined || !Number.isFinite(at)) {
      latest.delete(id);
      return;
    }
    if (latest.get(id) === at) return;
    latest.set(id, at);
    push({ id, at });
    compact();
  };

  return {
    note,
    noteIfUnknown(id, at) {
      if (!latest.has(id)) note(id, at);
    },
    takeDue(nowS, limit) {
      const out: ExpiryEntry[] = [];
      while (out.length < limit && heap.length > 0 && heap[0]!.at < nowS) {
        const entry = pop()!;
        if (latest.get(entry.id) !== entry.at) continue;
        latest.delete(entry.id);
        out.push(entry);
      }
      return out;
    },
    dropTable(table) {
      const prefix = `${table}\u0000`;
      for (const id of latest.keys()) if (id.startsWith(prefix)) latest.delete(id);
      compact();
    },
    size: () => latest.size,
  };
}
