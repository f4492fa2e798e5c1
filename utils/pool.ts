/** Runs `task` over `items` with at most `limit` in flight; one failure never stops the others. */
export async function runPool<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      try {
        await task(item);
      } catch {
        // task reports its own failures; the pool just keeps going
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * Collects items and writes them in batches of `size`, one write at a time, without making
 * the producers wait; a partial batch is written after `maxWaitMs` (a worker stopped early
 * keeps what it learned). `close()` writes the rest, waits for every write and rethrows the
 * first failure (later batches are still attempted).
 */
export function batchWriter<T>(size: number, write: (batch: T[]) => Promise<void>, maxWaitMs = Infinity) {
  const pending: T[] = [];
  let chain = Promise.resolve();
  let failure: unknown = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const drain = (all: boolean) => {
    while (pending.length >= (all ? 1 : size)) {
      const batch = pending.splice(0, size);
      chain = chain.then(() => write(batch)).catch((error: unknown) => void (failure ??= error));
    }
    if (timer !== null && pending.length === 0) {
      clearTimeout(timer);
      timer = null;
    }
  };
  return {
    push(item: T) {
      pending.push(item);
      drain(false);
      if (pending.length > 0 && timer === null && Number.isFinite(maxWaitMs)) {
        timer = setTimeout(() => {
          timer = null;
          drain(true);
        }, maxWaitMs);
      }
    },
    async close() {
      drain(true);
      await chain;
      if (failure !== null) throw failure instanceof Error ? failure : new Error('A batched write failed');
    },
  };
}
