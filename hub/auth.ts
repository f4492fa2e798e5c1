import type { Context, MiddlewareHandler } from 'hono';
import type pg from 'pg';
import { fail } from './http-errors';
import type { NetworkClock } from './network-clock';
import { authenticateDevice, type DeviceAuth } from './store/members';
import { authenticateService, type ServiceKey } from './store/service-keys';

export interface HubVariables {
  device: DeviceAuth;
  service: ServiceKey;
  /** The fetch a route calls networks with (timed for the answer's Server-Timing). */
  network: NetworkClock;
}

export function bearer(c: Context): string | null {
  const h = c.req.header('authorization') ?? '';
  return /^Bearer\s+/i.test(h) ? h.replace(/^Bearer\s+/i, '').trim() : null;
}

/** Routes for enrolled browsers: a device key of a member not revoked, or 401. */
export function deviceAuth(pool: pg.Pool, now: () => number): MiddlewareHandler<{ Variables: HubVariables }> {
  return async (c, next) => {
    const key = bearer(c);
    const device = key?.startsWith('twd_') ? await authenticateDevice(pool, key, now()) : null;
    if (!device) return fail(c, 401, 'unauthorized', 'A valid device key is needed (enroll this browser in Options → Organisation hub)');
    c.set('device', device);
    await next();
  };
}

/** The 401 of a route for publishing tools. */
export const noServiceKey = (c: Context): Response =>
  fail(c, 401, 'unauthorized', 'A valid service key is needed (npm run hub -- service-key create <name>)');

/** Routes for publishing tools: a service key not revoked, or 401. */
export function serviceAuth(pool: pg.Pool): MiddlewareHandler<{ Variables: HubVariables }> {
  return async (c, next) => {
    const key = bearer(c);
    const service = key?.startsWith('tws_') ? await authenticateService(pool, key) : null;
    if (!service) return noServiceKey(c);
    c.set('service', service);
    await next();
  };
}

/** A per-key request budget: a fixed one-minute window kept in this process. */
export interface Limiter {
  /** Counts one request of `id`: null when within the budget, else the seconds until the window ends. */
  take(id: string): number | null;
  perMinute: number;
}

export function limiter(perMinute: number, now: () => number): Limiter {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    perMinute,
    take(id) {
      const t = now();
      let w = windows.get(id);
      if (!w || t - w.start >= 60_000) {
        w = { start: t, count: 0 };
        windows.set(id, w);
        if (windows.size > 10_000) for (const [k, v] of windows) if (t - v.start >= 60_000) windows.delete(k);
      }
      return ++w.count > perMinute ? Math.max(1, Math.ceil((w.start + 60_000 - t) / 1000)) : null;
    },
  };
}

/** The 429 of a key past its budget, with Retry-After in seconds. */
export function tooMany(c: Context, limit: Limiter, retryAfter: number): Response {
  c.header('Retry-After', String(retryAfter));
  return fail(c, 429, 'rate-limited', `More than ${limit.perMinute} requests in a minute from this key; try again later`);
}

/** A budget as a middleware, counted per device (or service key): past it a 429 with Retry-After. */
export function rateLimit(
  limit: Limiter,
  who: (c: Context<{ Variables: HubVariables }>) => string,
): MiddlewareHandler<{ Variables: HubVariables }> {
  return async (c, next) => {
    const retryAfter = limit.take(who(c));
    if (retryAfter !== null) return tooMany(c, limit, retryAfter);
    await next();
  };
}
