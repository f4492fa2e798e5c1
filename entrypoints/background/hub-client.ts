import { hubDeviceKey } from '@/utils/db/hub-writes';
import type { HubRecord } from '@/utils/db/schema';
import type { Parser } from '@/utils/fast-parse';
import { hubError } from '@/utils/hub-protocol';
import type { Deps } from './deps';

export type HubCall<T> = { ok: true; value: T } | { ok: false; kind: 'unreachable' | 'refused'; reason: string; status?: number };

/** The hub this browser is enrolled in, or null (personal mode). */
export async function hubRecord(deps: Pick<Deps, 'db'>): Promise<HubRecord | null> {
  return (await deps.db.hub.get('hub')) ?? null;
}

/**
 * One request to a hub, parsed with `schema`: a device key in the Authorization header (never in
 * a URL), no redirect followed, no cookie sent. Transport trouble is `unreachable`; a hub's error
 * answer is `refused` with its message.
 */
export async function callHub<T>(
  deps: Pick<Deps, 'fetch'>,
  url: string,
  path: string,
  schema: Parser<T>,
  init: { key?: string; body?: unknown } = {},
): Promise<HubCall<T>> {
  let res: Response;
  try {
    res = await deps.fetch(`${url.replace(/\/$/, '')}${path}`, {
      method: init.body === undefined ? 'GET' : 'POST',
      headers: {
        ...(init.key ? { authorization: `Bearer ${init.key}` } : {}),
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      redirect: 'error',
      credentials: 'omit',
      cache: 'no-store',
      signal: AbortSignal.timeout(30_000),
    });
  } catch {
    return { ok: false, kind: 'unreachable', reason: 'The organisation hub could not be reached' };
  }
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    return { ok: false, kind: 'unreachable', reason: `The organisation hub answered HTTP ${res.status} without JSON` };
  }
  if (!res.ok) {
    const e = hubError.safeParse(body);
    const kind = res.status >= 500 || res.status === 429 ? 'unreachable' : 'refused';
    return { ok: false, kind, status: res.status, reason: e.success ? e.data.message : `The organisation hub answered HTTP ${res.status}` };
  }
  const parsed = schema.safeParse(body);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, kind: 'refused', reason: 'The organisation hub answered in an unexpected shape' };
}

/** A call as this enrolled device; null when not enrolled. */
export async function callOwnHub<T>(
  deps: Pick<Deps, 'fetch' | 'db'>,
  path: string,
  schema: Parser<T>,
  body?: unknown,
): Promise<HubCall<T> | null> {
  const hub = await hubRecord(deps);
  const key = hub && (await hubDeviceKey(deps.db));
  if (!hub || !key) return null;
  return callHub(deps, hub.url, path, schema, { key, body });
}
