import type { CheckResult, Fetch } from './types';

type Unknown = Extract<CheckResult, { kind: 'unknown' }>;

export interface HttpAnswer {
  status: number;
  /** Parsed JSON body, or undefined when the body was not JSON. */
  body: unknown;
}

export const REQUEST_TIMEOUT_MS = 15_000;
const MAX_BODY_CHARS = 1_000_000;

/**
 * One HTTP call that never throws: transport failures, timeouts, 429, 5xx and
 * oversized or non-JSON bodies come back as `unknown` (they never change a
 * status); any other answer is handed to the adapter's classifier.
 */
export async function requestJson(fetch: Fetch, url: string, init: RequestInit = {}): Promise<HttpAnswer | Unknown> {
  let response: Response;
  try {
    // no-store: Graph takes the token in the URL, and the HTTP cache would write it to disk (keyed by URL).
    response = await fetch(url, { ...init, cache: 'no-store', signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    return { kind: 'unknown', reason: timedOut ? 'The network did not answer in time' : 'Network unreachable' };
  }
  if (response.status === 429) {
    return { kind: 'unknown', reason: 'Rate limited by the network', retryAfterMs: retryAfterMs(response.headers.get('retry-after')) };
  }
  if (response.status >= 500) return { kind: 'unknown', reason: `The network had an error (HTTP ${response.status})` };
  let text: string;
  try {
    text = await response.text();
  } catch {
    return { kind: 'unknown', reason: 'The answer was cut off' };
  }
  if (text.length > MAX_BODY_CHARS) return { kind: 'unknown', reason: 'The answer was too large' };
  return { status: response.status, body: parseJson(text) };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  return undefined;
}

export function isUnknown(x: HttpAnswer | Unknown): x is Unknown {
  return 'kind' in x;
}

export function unparseable(status: number): Unknown {
  return { kind: 'unknown', reason: `Unexpected answer from the network (HTTP ${status})` };
}

export function formBody(fields: Record<string, string | undefined>): URLSearchParams {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) body.set(k, v);
  return body;
}

export const FORM_HEADERS = { 'content-type': 'application/x-www-form-urlencoded' };
