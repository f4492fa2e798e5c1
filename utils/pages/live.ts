import { signal, type ReadonlySignal } from '@preact/signals';
import type { PageStore, TableName } from './page-store';

export interface LiveSignal<T> {
  value: ReadonlySignal<T>;
  error: ReadonlySignal<string | null>;
  dispose(): void;
}

/**
 * A query over the page store as a signal: read now, read again after every
 * background write to one of `tables` (reads never overlap; the last one wins).
 */
export function liveSignal<T>(store: PageStore, tables: readonly TableName[], query: () => Promise<T>, initial: T): LiveSignal<T> {
  const value = signal(initial);
  const error = signal<string | null>(null);
  let running = false;
  let again = false;
  let disposed = false;
  const run = async () => {
    if (running) return void (again = true);
    running = true;
    do {
      again = false;
      try {
        const next = await query();
        if (!disposed) {
          value.value = next;
          error.value = null;
        }
      } catch (e) {
        if (!disposed) error.value = e instanceof Error ? e.message : String(e);
      }
    } while (again && !disposed);
    running = false;
  };
  const stop = store.onChange((changed) => {
    if (tables.some((t) => changed.has(t))) void run();
  });
  void run();
  return {
    value,
    error,
    dispose: () => {
      disposed = true;
      stop();
    },
  };
}
