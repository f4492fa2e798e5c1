import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { loadConfig, type HubConfig } from '../../../hub/config';
import { openDatabase, type Database } from '../../../hub/db/database';
import { createApp } from '../../../hub/app';
import { jsonLogger, silentLogger } from '../../../hub/log';
import { serveHub, type RunningHub } from '../../../hub/serve';
import { runCommand } from '../../../hub/cli/commands';
import type { NetworkId } from '../../../utils/networks/catalog';
import { rewriteUrl } from '../../../utils/networks/endpoint';
import { adapterFor } from '../../../utils/networks/index';
import { createPkce } from '../../../utils/networks/pkce';
import { startSandbox, type Sandbox } from '../../sandbox/server';

import { EXTENSION_ID, hubEnv, SANDBOX_SECRET } from './env';

export { EXTENSION_ID, hubEnv, SANDBOX_SECRET };
export const REDIRECT = `https://${EXTENSION_ID}.chromiumapp.org/`;

/** A fresh database in the test PostgreSQL. */
export async function freshDatabaseUrl(): Promise<string> {
  const base = inject('pgUrl');
  const name = `hub_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return base.replace(/\/postgres$/, `/${name}`);
}

export interface TestHub {
  url: string;
  sandbox: Sandbox;
  db: Database;
  config: HubConfig;
  hub: RunningHub;
  logs: string[];
  /** Another hub process on the same database and clock (as behind a load balancer, or restarted with other settings). */
  otherProcess(config?: Partial<HubConfig>): ReturnType<typeof createApp>;
  /** Moves the hub's clock (not the sandbox's) forward. */
  advance(ms: number): void;
  /** The hub's clock now. */
  now(): number;
  /** Moves the hub's clock to a second after the next whole minute: a request budget's window then holds for the test. */
  startOfMinute(): void;
  command(...argv: string[]): Promise<string[]>;
  /** Invites and enrolls one browser; its device key. */
  device(email: string, role: 'owner' | 'manager' | 'member'): Promise<string>;
  serviceKey(networks: NetworkId[]): Promise<string>;
  /** The OAuth window against the sandbox: an authorization code and its PKCE verifier. */
  authorize(network: NetworkId): Promise<{ code: string; codeVerifier: string; redirectUri: string }>;
  api(path: string, init?: { key?: string; body?: unknown; method?: string }): Promise<{ status: number; body: any; headers: Headers }>;
  control(action: string, body?: unknown): Promise<any>;
  close(): Promise<void>;
}

/** Makes the sandbox's token endpoints refuse any request without `secret`, as the networks do (null: stop). */
export async function requireSecret(sandboxUrl: string, secret: string | null): Promise<void> {
  const res = await fetch(`${sandboxUrl}/_control/require-secret`, { method: 'POST', body: JSON.stringify({ secret }) });
  if (!res.ok) throw new Error(`require-secret: ${res.status}`);
}

/** A code for `network`'s current sandbox login, as the OAuth window would bring back to the extension. */
export async function authorizeAt(sandboxUrl: string, network: NetworkId) {
  const adapter = adapterFor(network)!;
  const pkce = await createPkce(adapter.challengeEncoding);
  const url = adapter.authorizeUrl({
    clientId: 'sandbox-app',
    redirectUri: REDIRECT,
    state: pkce.state,
    codeChallenge: pkce.challenge,
  });
  const res = await fetch(rewriteUrl(url, `${sandboxUrl}/${network}`), { redirect: 'manual' });
  const location = new URL(res.headers.get('location') ?? 'about:blank');
  const code = location.searchParams.get('code');
  if (!code) throw new Error(`authorize: ${res.status} ${location.toString()}`);
  return { code, codeVerifier: pkce.verifier, redirectUri: REDIRECT };
}

export async function startTestHub(options: { env?: Record<string, string>; sandbox?: Sandbox } = {}): Promise<TestHub> {
  const sandbox = options.sandbox ?? (await startSandbox());
  // As strict as the networks: a hub that dropped its client secret would fail every connect.
  await requireSecret(sandbox.url, SANDBOX_SECRET);
  const config = loadConfig(hubEnv(sandbox.url, await freshDatabaseUrl(), options.env));
  const db = await openDatabase(config.databaseUrl, '');
  const logs: string[] = [];
  let offset = 0;
  const hub = await serveHub(
    db,
    config,
    jsonLogger((l) => logs.push(l)),
    { autoCheck: false, now: () => Date.now() + offset },
  );
  const t: TestHub = {
    advance: (ms) => void (offset += ms),
    now: () => Date.now() + offset,
    otherProcess: (changes = {}) => createApp({ pool: db.pool, config: { ...config, ...changes }, log: silentLogger, now: () => t.now() }),
    startOfMinute: () => void (offset += 61_000 - ((Date.now() + offset) % 60_000)),
    url: hub.url,
    sandbox,
    db,
    config,
    hub,
    logs,
    async command(...argv) {
      const lines: string[] = [];
      await runCommand(db.pool, argv, (l) => lines.push(l), t.now(), config.secretKey); // on the hub's clock, with its keys
      return lines;
    },
    async device(email, role) {
      const code = (await t.command('invite', email, '--role', role)).at(-1)!;
      const r = await t.api('/v1/enroll', { body: { code, deviceName: `${role} browser` } });
      if (r.status !== 200) throw new Error(`enroll: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body.deviceKey as string;
    },
    async serviceKey(networks) {
      return (await t.command('service-key', 'create', `tool-${randomBytes(3).toString('hex')}`, '--networks', networks.join(','))).at(-1)!;
    },
    authorize: (network) => authorizeAt(sandbox.url, network),
    async api(path, init = {}) {
      const headers: Record<string, string> = {};
      if (init.key) headers.authorization = `Bearer ${init.key}`;
      if (init.body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(`${hub.url}${path}`, {
        method: init.method ?? (init.body !== undefined ? 'POST' : 'GET'),
        headers,
        body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
      });
      const text = await res.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // not JSON: kept as text
      }
      return { status: res.status, body, headers: res.headers };
    },
    control: async (action, body = {}) =>
      (await fetch(`${sandbox.url}/_control/${action}`, { method: 'POST', body: JSON.stringify(body) })).json(),
    async close() {
      await hub.close();
      await db.close();
      if (!options.sandbox) await sandbox.close();
    },
  };
  return t;
}

/** Alex's Facebook login with two pages (Café and Bakery), connected through the hub by `owner`. */
export async function connectTwoPages(t: TestHub, owner: string) {
  await t.control('accounts', {
    network: 'facebook',
    name: 'Alex',
    pages: [
      { id: '1', name: 'Café' },
      { id: '2', name: 'Bakery' },
    ],
  });
  const r = await t.api('/v1/exchange', { key: owner, body: { network: 'facebook', ...(await t.authorize('facebook')) } });
  expect(r.body).toMatchObject({ outcome: 'connected', profiles: 2 });
}
