import { signal, type ReadonlySignal } from '@preact/signals';
import { liveQuery } from 'dexie';

export interface LiveSignal<T> {
  value: ReadonlySignal<T>;
  error: ReadonlySignal<string | null>;
  dispose(): void;
}

/** A Dexie liveQuery as a signal: background writes reach open pages without any message. */
export function liveSignal<T>(query: () => Promise<T>, initial: T): LiveSignal<T> {
  const value = signal(initial);
  const error = signal<string | null>(null);
  const subscription = liveQuery(query).subscribe({
    next: (v) => {
      value.value = v;
      error.value = null;
    },
    error: (e: unknown) => {
      error.value = e instanceof Error ? e.message : String(e);
    },
  });
  return { value, error, dispose: () => subscription.unsubscribe() };
}
