import { Hono } from 'hono';
import type pg from 'pg';
import * as z from 'zod';
import { isNetworkId, NETWORK_IDS, NETWORKS } from '../utils/networks/catalog';
import type { Fetch } from '../utils/networks/types';
import { bearer, deviceAuth, noServiceKey, overBudget, rateLimit, serviceAuth, tooMany, type HubVariables } from './auth';
import type { HubConfig } from './config';
import { TokenKeyError } from './crypto';
import { checkNowFor } from './checks/on-demand';
import type { CheckRunner } from './checks/runner';
import { refreshGrant } from './custody';
import { extensionCors } from './cors';
import { bodyWithinLimit, fail, readJson } from './http-errors';
import type { Logger } from './log';
import { networkClock, serverTiming } from './network-clock';
import { hubContext, hubFetch } from './networks';
import { OPENAPI } from './routes/openapi';
import { exchange, exchangeBody, mayRenew } from './routes/exchange';
import { disconnectProfile } from './routes/disconnect';
import { sync } from './routes/sync';
import { claimBody, claimReminders, preferencesBody, profileBody, savePreferences } from './routes/team';
import { currentToken } from './routes/tokens';
import { enroll } from './store/members';
import { authenticateServiceFor } from './store/service-keys';

export interface HubDeps {
  pool: pg.Pool;
  config: HubConfig;
  log: Logger;
  now: () => number;
  /** The network fetch (tests may count requests); redirects are never followed. */
  fetch?: Fetch;
  /** This process's checks ("Check now" in a popup runs them at once); without them a sync only makes grants due. */
  checks?: CheckRunner;
}

/** Routes for enrolled browsers (a device key); `/v1/profiles…` are for publishing tools (a service key). */
const DEVICE_ROUTES = ['/me', '/exchange', '/renew', '/sync', '/reminders/claim', '/preferences', '/disconnect'] as const;

const enrollBody = z.object({ code: z.string().min(4).max(64), deviceName: z.string().min(1).max(100) }).strict();

/** The hub's HTTP API (see routes/openapi.ts for every route). */
export function createApp(deps: HubDeps): Hono<{ Variables: HubVariables }> {
  const app = new Hono<{ Variables: HubVariables }>();
  const { pool, config, log, now } = deps;

  app.use('*', async (c, next) => {
    const started = performance.now();
    const network = networkClock(deps.fetch ?? hubFetch);
    c.set('network', network);
    await next();
    const ms = performance.now() - started;
    // On the answer as it is (`c.header` now would rebuild it as a full Response).
    if (network.calls() > 0) c.res.headers.set('Server-Timing', serverTiming(ms, network));
    // The route pattern, never the URL: a query or a path may carry what must not be logged.
    log.info('request', {
      method: c.req.method,
      route: c.req.routePath,
      status: c.res.status,
      ms: Math.round(ms),
      ...(network.calls() > 0 ? { networkMs: Math.round(network.ms()) } : {}),
    });
  });
  app.use('/v1/*', extensionCors());
  app.use('/v1/*', bodyWithinLimit());
  app.onError((error, c) => {
    if (error instanceof TokenKeyError) {
      log.error('token key', { route: c.req.routePath });
      return fail(c, 500, 'token-key', error.message);
    }
    log.error('unhandled', { route: c.req.routePath, error: error.name });
    return fail(c, 500, 'internal', 'The hub had an error; nothing was changed');
  });
  app.notFound((c) => fail(c, 404, 'not-found', 'No such route (see /v1/openapi.json)'));

  app.get('/healthz', async (c) => {
    try {
      await pool.query('select 1');
      return c.json({ ok: true });
    } catch {
      return c.json({ ok: false }, 503);
    }
  });
  app.get('/v1/openapi.json', (c) => c.json(OPENAPI));

  app.post(
    '/v1/enroll',
    // The address the hub's own proxy appended (the last one: a client writes the others itself),
    // cut short (a header is not a database key of any length).
    rateLimit(pool, now, 20, (c) => `enroll:${(c.req.header('x-forwarded-for') ?? '').split(',').at(-1)!.trim().slice(0, 64) || 'any'}`),
    async (c) => {
      const body = await readJson(c, enrollBody);
      if (!body.ok) return body.response;
      const enrolled = await enroll(pool, body.value.code, body.value.deviceName, now());
      if (!enrolled) return fail(c, 403, 'invalid-code', 'This enrollment code is unknown, used or expired: ask an Owner for a new one');
      log.info('device enrolled', { device: enrolled.deviceId, member: enrolled.member.id });
      return c.json({
        deviceKey: enrolled.deviceKey,
        deviceId: enrolled.deviceId,
        member: { email: enrolled.member.email, role: enrolled.member.role },
      });
    },
  );

  for (const path of DEVICE_ROUTES) app.use(`/v1${path}`, deviceAuth(pool, now, config.rateLimitPerMinute));
  app.get('/v1/me', (c) => {
    const { member, deviceId } = c.get('device');
    const networks = Object.fromEntries(NETWORK_IDS.map((n) => [n, { clientId: config.networks[n]?.clientId ?? null }]));
    return c.json({ member: { email: member.email, role: member.role }, deviceId, networks });
  });
  app.post('/v1/exchange', async (c) => {
    const body = await readJson(c, exchangeBody);
    if (!body.ok) return body.response;
    const origin = new URL(body.value.redirectUri).origin;
    if (!config.redirectOrigins.includes(origin))
      return fail(c, 400, 'redirect-not-allowed', `redirectUri ${origin} is not among HUB_EXTENSION_IDS`);
    if (body.value.renewProfileId && !(await mayRenew(deps, c.get('device'), body.value.renewProfileId))) {
      return fail(c, 403, 'forbidden', 'This profile was not given to you; ask an Owner or Manager');
    }
    return c.json(await exchange({ ...deps, fetch: c.var.network.fetch }, c.get('device'), body.value));
  });
  app.post('/v1/renew', async (c) => {
    const body = await readJson(c, profileBody);
    if (!body.ok) return body.response;
    const { profileId } = body.value;
    if (!(await mayRenew(deps, c.get('device'), profileId)))
      return fail(c, 403, 'forbidden', 'This profile was not given to you; ask an Owner or Manager');
    const { rows } = await pool.query<{ grant_id: string; network: (typeof NETWORK_IDS)[number] }>(
      'select grant_id, network from profiles where id = $1 and deleted_at is null',
      [profileId],
    );
    if (!rows[0]) return fail(c, 404, 'not-found', 'This profile is no longer tracked');
    const ctx = hubContext(config, rows[0].network, now(), c.var.network.fetch);
    const refreshed = ctx ? await refreshGrant(pool, config.secretKey, ctx, rows[0].grant_id) : null;
    if (refreshed?.ok) {
      const covered = await pool.query('select 1 from profiles where grant_id = $1 and deleted_at is null', [rows[0].grant_id]);
      return c.json({ outcome: 'renewed', profiles: covered.rowCount ?? 0 });
    }
    if (refreshed?.result?.kind === 'unknown') return c.json({ outcome: 'unreachable', reason: refreshed.result.reason });
    return c.json({ outcome: 'needs-consent', reason: refreshed?.result?.reason ?? `${NETWORKS[rows[0].network].name} needs a sign-in` });
  });
  app.get('/v1/sync', async (c) => {
    const since = Number(c.req.query('since') ?? '0');
    if (!Number.isSafeInteger(since) || since < 0) return fail(c, 400, 'invalid-field', 'since: a whole number ≥ 0');
    const { member } = c.get('device');
    // "Check now" in the popup: what this member sees is checked first, then the changes are read.
    const fresh = c.req.query('fresh') === '1' ? await checkNowFor(pool, deps.checks, member, now) : null;
    return c.json({ ...(await sync(pool, member, since)), ...fresh });
  });
  app.post('/v1/disconnect', async (c) => {
    const body = await readJson(c, profileBody);
    if (!body.ok) return body.response;
    if (!(await mayRenew(deps, c.get('device'), body.value.profileId))) {
      return fail(c, 403, 'forbidden', 'This profile was not given to you; ask an Owner or Manager');
    }
    const done = await disconnectProfile(pool, c.get('device'), body.value.profileId, now());
    return done ? c.json({ ok: true }) : fail(c, 404, 'not-found', 'This profile is no longer tracked');
  });
  app.post('/v1/reminders/claim', async (c) => {
    const body = await readJson(c, claimBody);
    if (!body.ok) return body.response;
    return c.json({ claimed: await claimReminders(pool, c.get('device'), body.value.keys, now()) });
  });
  app.post('/v1/preferences', async (c) => {
    const body = await readJson(c, preferencesBody);
    if (!body.ok) return body.response;
    await savePreferences(pool, c.get('device'), body.value, now());
    return c.json({ ok: true });
  });

  const serviceBudget = config.rateLimitPerMinute * 100;
  // The token route authenticates in its own query (below) and takes from the same budget.
  app.use('/v1/profiles', serviceAuth(pool, now, serviceBudget));
  app.get('/v1/profiles', async (c) => {
    const { rows } = await pool.query<{
      id: string;
      network: string;
      native_id: string;
      name: string;
      kind: string;
      expires_at: number | null;
      invalid_since: number | null;
    }>(
      `select p.id, p.network, p.native_id, p.name, p.kind, g.expires_at, g.invalid_since
       from profiles p join grants g on g.id = p.grant_id where p.deleted_at is null and p.network = any($1) order by p.id`,
      [c.get('service').networks],
    );
    return c.json({
      profiles: rows.map((r) => ({
        network: r.network,
        profileId: r.native_id,
        name: r.name,
        kind: r.kind,
        expiresAt: r.expires_at,
        renewalNeeded: r.invalid_since !== null,
      })),
    });
  });
  // The busiest route: the key, the profile and its grant in one query, then the audit row.
  app.get('/v1/profiles/:network/:profileId/token', async (c) => {
    const key = bearer(c);
    const network = c.req.param('network');
    const nativeId = c.req.param('profileId');
    const t = now();
    const read = key?.startsWith('tws_') ? await authenticateServiceFor(pool, key, `${network}:${nativeId}`, t) : null;
    if (!read) return noServiceKey(c);
    const over = overBudget(read.used, serviceBudget, t);
    if (over !== null) return tooMany(c, serviceBudget, over);
    if (!isNetworkId(network)) return fail(c, 404, 'not-found', 'Unknown network');
    if (!read.service.networks.includes(network)) return fail(c, 403, 'forbidden', `This service key is not for ${NETWORKS[network].name}`);
    const audit = (detail: string) =>
      pool.query({
        name: 'audit-token-read',
        text: `insert into audit (at, actor, action, profile_id, detail) values ($1, $2, 'token-read', $3, $4)`,
        values: [now(), read.service.id, `${network}:${nativeId}`, detail],
      });
    let answer;
    try {
      answer = await currentToken({ ...deps, fetch: c.var.network.fetch }, network, nativeId, read.grant);
    } catch (error) {
      // A read that failed is audited too (a token no key opens: `500 token-key`).
      await audit(`500 ${error instanceof TokenKeyError ? 'token-key' : 'internal'}`).catch(() => undefined);
      throw error;
    }
    await audit(String(answer.status));
    return c.json(answer.body, answer.status);
  });
  return app;
}
