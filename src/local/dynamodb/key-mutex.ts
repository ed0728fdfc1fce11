// Per-item-key locks: the DynamoDB service serialises writes to one item so the old and new images it
// reads around a write belong to that write alone.

export type KeyMutex = {
  /** Runs `fn` holding every key (taken in sorted order, so overlapping sets cannot deadlock). */
  run<T>(keys: string[], fn: () => Promise<T>): Promise<T>;
  /** Keys currently held or awaited: for tests and diagnostics. */
  size(): number;
};

export function createKeyMutex(): KeyMutex {
  const tails = new Map<string, Promise<void>>();

  async function acquire(key: string): Promise<() => void> {
    const previous = tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => held);
    tails.set(key, tail);
    await previous;
    return () => {
      release();
      if (tails.get(key) === tail) tails.delete(key);
    };
  }

  return {
    async run<T>(keys: string[], fn: () => Promise<T>): Promise<T> {
      const releases: (() => void)[] = [];
      try {
        for (const key of [...new Set(keys)].sort()) releases.push(await acquire(key));
        return await fn();
      } finally {
        for (const release of releases.reverse()) release();
      }
    },
    size: () => tails.size,
  };
}
