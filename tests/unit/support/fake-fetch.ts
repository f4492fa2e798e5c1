import type { AdapterContext, Fetch } from '@/utils/networks/types';

export interface Call {
  url: string;
  method: string;
  body: string;
  headers: Record<string, string>;
}

type Answer = { status?: number; body?: unknown; raw?: string; headers?: Record<string, string> } | Error;

/** A fetch that answers from a script (in order) and records what was sent. */
export function scriptedFetch(...answers: Answer[]): { fetch: Fetch; calls: Call[] } {
  const calls: Call[] = [];
  const fetch: Fetch = (url, init = {}) => {
    calls.push({
      url,
      method: init.method ?? 'GET',
      body: typeof init.body === 'string' || init.body instanceof URLSearchParams ? init.body.toString() : '',
      headers: Object.fromEntries(new Headers(init.headers).entries()),
    });
    const a = answers.shift() ?? new Error('no scripted answer left');
    if (a instanceof Error) return Promise.reject(a);
    return Promise.resolve(new Response(a.raw ?? JSON.stringify(a.body ?? {}), { status: a.status ?? 200, headers: a.headers }));
  };
  return { fetch, calls };
}

export const NOW = 1_800_000_000_000;

export function context(fetch: Fetch, over: Partial<AdapterContext['config']> = {}): AdapterContext {
  return { fetch, now: NOW, config: { clientId: 'app-1', baseUrl: '', exchangeUrl: '', ...over } };
}
