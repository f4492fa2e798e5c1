import type { CheckResult, Fetch } from './types';

type Unknown = Extract<CheckResult, { kind: 'unknown' }>;

export interface HttpAnswer {
  status: number;
  /** Parsed JSON body, or undefined when the body was not JSON. */
  body: unknown;
}

const REQUEST_TIMEOUT_MS = 15_000;
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
    // redirect 'error': a 307 would re-send the token or refresh token to a second host; 'omit': no
    // cookie of the person's browsing rides along with a token, and none is stored from the answer.
    response = await fetch(url, {
      ...init,
      cache: 'no-store',
      redirect: 'error',
      credentials: 'omit',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
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
  // An error that echoes the request would carry its token into a reason, a log or the inbox.
  return { status: response.status, body: parseJson(response.ok ? text : scrub(text, secretsOf(url, init))) };
}

/** Names under which a request carries a secret (query, form or JSON body). */
const SECRET_FIELDS = [
  'access_token',
  'input_token',
  'refresh_token',
  'fb_exchange_token',
  'code',
  'code_verifier',
  'client_secret',
  'token',
];

/** The secret values a request carries: those fields, and a bearer token. */
export function secretsOf(url: string, init: RequestInit): string[] {
  const found: string[] = [];
  const take = (get: (name: string) => unknown) => {
    for (const name of SECRET_FIELDS) {
      const value = get(name);
      if (typeof value === 'string' && value.length >= 8) found.push(value);
    }
  };
  try {
    const query = new URL(url).searchParams;
    take((n) => query.get(n));
  } catch {
    // not a URL: nothing to take from it
  }
  const body = init.body;
  if (body instanceof URLSearchParams) take((n) => body.get(n));
  else if (typeof body === 'string') {
    const parsed = parseJson(body);
    if (parsed && typeof parsed === 'object') take((n) => (parsed as Record<string, unknown>)[n]);
    else take((n) => new URLSearchParams(body).get(n));
  }
  const auth = new Headers(init.headers).get('authorization');
  if (auth?.toLowerCase().startsWith('bearer ')) found.push(auth.slice(7).trim());
  return found;
}

/**
 * The forms under which an echo can repeat a secret: as sent, URL-encoded
 * (`encodeURIComponent`), form-encoded (`!` as `%21`, `~` as `%7E`, space as
 * `+`), JSON-escaped (`/` as `\/`, as Graph writes it), and each encoding
 * with lower-case hex.
 */
export function echoForms(secret: string): string[] {
  const encoded = [encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2)];
  const lower = encoded.map((e) => e.replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase()));
  const json = JSON.stringify(secret).slice(1, -1);
  return [secret, ...encoded, ...lower, json, json.replaceAll('/', '\\/')];
}

/** The text with every secret, in every form an echo may take (`echoForms`), replaced. */
export function scrub(text: string, secrets: string[]): string {
  // Longest first: a secret inside another one's encoded form must not leave a tail behind.
  const forms = [...new Set(secrets.flatMap(echoForms))].sort((a, b) => b.length - a.length);
  return forms.reduce((out, form) => out.split(form).join('[redacted]'), text);
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
