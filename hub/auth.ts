import type { Context, MiddlewareHandler } from 'hono';
import type pg from 'pg';
import { fail } from './http-errors';
import type { NetworkClock } from './network-clock';
import { authenticateDevice, type DeviceAuth } from './store/members';
import { countRequest, windowOf } from './store/request-budgets';
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

/** Requests a key may make in a minute; past them, a 429 with Retry-After. */
export type Budget = number;

/** Routes for enrolled browsers: a device key of a member not revoked, or 401; within its device's budget, or 429. */
export function deviceAuth(pool: pg.Pool, now: () => number, budget: Budget): MiddlewareHandler<{ Variables: HubVariables }> {
  return async (c, next) => {
    const key = bearer(c);
    const t = now();
    const device = key?.startsWith('twd_') ? await authenticateDevice(pool, key, t) : null;
    if (!device) return fail(c, 401, 'unauthorized', 'A valid device key is needed (enroll this browser in Options → Organisation hub)');
    const over = overBudget(device.used, budget, t);
    if (over !== null) return tooMany(c, budget, over);
    c.set('device', { deviceId: device.deviceId, member: device.member });
    await next();
  };
}

/** The 401 of a route for publishing tools. */
export const noServiceKey = (c: Context): Response =>
  fail(c, 401, 'unauthorized', 'A valid service key is needed (npm run hub -- service-key create <name>)');

/** Routes for publishing tools: a service key not revoked, or 401; within its budget, or 429. */
export function serviceAuth(pool: pg.Pool, now: () => number, budget: Budget): MiddlewareHandler<{ Variables: HubVariables }> {
  return async (c, next) => {
    const key = bearer(c);
    const t = now();
    const service = key?.startsWith('tws_') ? await authenticateService(pool, key, t) : null;
    if (!service) return noServiceKey(c);
    const over = overBudget(service.used, budget, t);
    if (over !== null) return tooMany(c, budget, over);
    c.set('service', { id: service.id, name: service.name, networks: service.networks });
    await next();
  };
}

/**
 * A key's `used` requests this minute (counted in the database: one budget whatever the number of
 * hub processes) against its budget: null within it, else the seconds until the window ends.
 */
export function overBudget(used: number, budget: Budget, now: number): number | null {
  return used > budget ? Math.max(1, Math.ceil((windowOf(now) + 60_000 - now) / 1000)) : null;
}

/** The 429 of a key past its budget, with Retry-After in seconds. */
export function tooMany(c: Context, budget: Budget, retryAfter: number): Response {
  c.header('Retry-After', String(retryAfter));
  return fail(c, 429, 'rate-limited', `More than ${budget} requests in a minute from this key; try again later`);
}

/** A budget as a middleware, for requests no key identifies (enrollment): counted per `who`, shared by every hub process. */
export function rateLimit(
  pool: pg.Pool,
  now: () => number,
  budget: Budget,
  who: (c: Context<{ Variables: HubVariables }>) => string,
): MiddlewareHandler<{ Variables: HubVariables }> {
  return async (c, next) => {
    const t = now();
    const over = overBudget(await countRequest(pool, who(c), t), budget, t);
    if (over !== null) return tooMany(c, budget, over);
    await next();
  };
}
