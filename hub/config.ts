import * as z from 'zod';
import { NETWORK_IDS, type NetworkId } from '../utils/networks/catalog';
import type { TokenKeys } from './crypto';

/** What a network needs on the hub: the organisation's OAuth app and, for tests and staging, an endpoint override. */
export interface HubNetworkConfig {
  clientId: string;
  clientSecret: string;
  baseUrl: string;
}

export interface HubConfig {
  port: number;
  host: string;
  /** null: an embedded PostgreSQL in `dataDir`. */
  databaseUrl: string | null;
  dataDir: string;
  /** The AES-256-GCM keys of tokens at rest: HUB_SECRET_KEY, and HUB_SECRET_KEY_PREVIOUS while tokens move to it. */
  secretKey: TokenKeys;
  /** Allowed OAuth redirect origins (extension ids or full origins). */
  redirectOrigins: string[];
  networks: Partial<Record<NetworkId, HubNetworkConfig>>;
  /** Requests per device per minute before a 429. */
  rateLimitPerMinute: number;
  /** How many checks run at once per network. */
  checkConcurrency: number;
  /** How often a process looks for due checks. */
  checkIntervalMs: number;
  /** How long a process holds the grants it checks: a killed process's grants are taken over after it. */
  checkLeaseMs: number;
  /** Audit entries older than this many days are deleted. */
  auditDays: number;
  /** The organisation's channels: one message per reminder, sent by the hub ('' = off). */
  slackUrl: string;
  webhookUrl: string;
  /** Days before expiry at which the organisation's channels are told (0 = at expiry). */
  reminderThresholds: number[];
}

/** `google-business` → `GOOGLE_BUSINESS`: the network's part of its variable names. */
export const envName = (network: NetworkId) => network.toUpperCase().replace(/-/g, '_');

const httpUrl = z.url({ protocol: /^https?$/ });
const secretKey = z
  .string()
  .transform((s) => Buffer.from(s, 'base64'))
  .refine((b) => b.length === 32, 'must be 32 random bytes in base64 (openssl rand -base64 32)');
const extensionId = z.string().regex(/^([a-p]{32}|[0-9a-f-]{36}|https:\/\/[a-z0-9.-]+\/?|[A-Za-z0-9._@{}-]+)$/, 'not an extension id');

/** Channel URLs carry messages about the organisation's profiles: https, or http on loopback (tests). */
const channelUrl = z
  .string()
  .default('')
  .refine(
    (u) => u === '' || /^https:\/\//.test(u) || /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\//.test(u),
    'must be https:// (http:// only on loopback)',
  );

const base = z.object({
  HUB_PORT: z.coerce.number().int().min(0).max(65535).default(4020),
  HUB_HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  HUB_DATA_DIR: z.string().min(1).default('.hub-data'),
  HUB_SECRET_KEY: secretKey,
  HUB_SECRET_KEY_PREVIOUS: secretKey.optional(),
  HUB_EXTENSION_IDS: z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(extensionId).min(1, 'name at least one extension id')),
  HUB_RATE_LIMIT: z.coerce.number().int().min(1).default(120),
  HUB_CHECK_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
  HUB_CHECK_INTERVAL_MS: z.coerce.number().int().min(100).default(15_000),
  // Under a second a slow database round trip could outlast a lease and let a second process in.
  HUB_CHECK_LEASE_MS: z.coerce.number().int().min(1_000).default(30_000),
  HUB_AUDIT_DAYS: z.coerce.number().int().min(1).max(36_500).default(400),
  HUB_SLACK_URL: channelUrl,
  HUB_WEBHOOK_URL: channelUrl,
  HUB_REMINDER_THRESHOLDS: z
    .string()
    .default('7,3,1,0')
    .transform((s) => s.split(',').map((x) => Number(x.trim())))
    .pipe(z.array(z.number().int().min(0).max(365)).min(1, 'name at least one threshold')),
});

/** The redirect origins OAuth windows come back to, for an extension id (Chrome) or an origin (Firefox). */
function redirectOrigin(id: string): string {
  if (id.startsWith('https://')) return id.replace(/\/$/, '');
  return `https://${id}.chromiumapp.org`;
}

/**
 * Reads and validates the environment. A missing or malformed value throws one line
 * naming the variable (the start stops there).
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): HubConfig {
  const parsed = base.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    throw new ConfigError(env[name] === undefined ? `${name} is missing` : `${name} is invalid: ${issue.message}`);
  }
  const networks: HubConfig['networks'] = {};
  for (const network of NETWORK_IDS) {
    const prefix = `TW_${envName(network)}_`;
    const clientId = env[`${prefix}CLIENT_ID`]?.trim() ?? '';
    const clientSecret = env[`${prefix}CLIENT_SECRET`]?.trim() ?? '';
    const baseUrl = env[`${prefix}BASE_URL`]?.trim() ?? '';
    if (baseUrl && !httpUrl.safeParse(baseUrl).success) throw new ConfigError(`${prefix}BASE_URL is invalid: not an http(s) URL`);
    if (clientSecret && !clientId) throw new ConfigError(`${prefix}CLIENT_ID is missing (${prefix}CLIENT_SECRET is set)`);
    if (clientId) networks[network] = { clientId, clientSecret, baseUrl: baseUrl.replace(/\/$/, '') };
  }
  const p = parsed.data;
  return {
    port: p.HUB_PORT,
    host: p.HUB_HOST,
    databaseUrl: p.DATABASE_URL ?? null,
    dataDir: p.HUB_DATA_DIR,
    secretKey: { current: p.HUB_SECRET_KEY, previous: p.HUB_SECRET_KEY_PREVIOUS ?? null },
    redirectOrigins: p.HUB_EXTENSION_IDS.map(redirectOrigin),
    networks,
    rateLimitPerMinute: p.HUB_RATE_LIMIT,
    checkConcurrency: p.HUB_CHECK_CONCURRENCY,
    checkIntervalMs: p.HUB_CHECK_INTERVAL_MS,
    checkLeaseMs: p.HUB_CHECK_LEASE_MS,
    auditDays: p.HUB_AUDIT_DAYS,
    slackUrl: p.HUB_SLACK_URL,
    webhookUrl: p.HUB_WEBHOOK_URL,
    reminderThresholds: p.HUB_REMINDER_THRESHOLDS,
  };
}

export class ConfigError extends Error {}
