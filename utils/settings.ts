import { z } from 'zod';
import { migrateSettings } from './settings-migrations';
import { NETWORKS, NETWORK_IDS, type NetworkId } from './networks/catalog';

const urlOrEmpty = z.union([
  z.literal(''),
  z
    .string()
    .max(500)
    .url()
    .refine((u) => /^https?:\/\//.test(u), 'must start with http:// or https://'),
]);

export const networkSettings = z
  .object({
    clientId: z.string().max(300).default(''),
    baseUrl: urlOrEmpty.default(''),
    exchangeUrl: urlOrEmpty.default(''),
  })
  .strict();
export type NetworkSettings = z.infer<typeof networkSettings>;

const networksShape = Object.fromEntries(NETWORK_IDS.map((id) => [id, networkSettings.optional()])) as Record<
  NetworkId,
  z.ZodOptional<typeof networkSettings>
>;

export const SETTINGS_VERSION = 2;

const historyShape = Object.fromEntries(NETWORK_IDS.map((id) => [id, z.number().int().min(0).max(3650).optional()])) as Record<
  NetworkId,
  z.ZodOptional<z.ZodNumber>
>;

const threshold = z.number().int().min(0).max(365);
const thresholdList = z.array(threshold).min(1).max(10);

export const reminderSettings = z
  .object({
    /** Days before expiry; 0 = at expiry. */
    thresholds: thresholdList.default([7, 3, 1, 0]),
    mode: z.enum(['all', 'per-profile']).default('all'),
    profiles: z
      .record(z.string().max(300), z.object({ muted: z.boolean().optional(), thresholds: thresholdList.optional() }).strict())
      .default({}),
  })
  .strict();

export const channelSettings = z
  .object({
    notifications: z.boolean().default(true),
    startupWarning: z.boolean().default(false),
    slackUrl: urlOrEmpty.default(''),
    webhookUrl: urlOrEmpty.default(''),
  })
  .strict();

/**
 * The preferences document (one row in `settings`; also the export/import
 * file format). It never holds a token or a client secret: `.strict()`
 * refuses any key it does not know.
 */
export const settingsSchema = z
  .object({
    version: z.literal(SETTINGS_VERSION),
    networks: z.object(networksShape).strict().default({}),
    polling: z
      .object({ intervalMinutes: z.number().min(0.1).max(1440).default(15) })
      .strict()
      .default({ intervalMinutes: 15 }),
    reminders: reminderSettings.default({ thresholds: [7, 3, 1, 0], mode: 'all', profiles: {} }),
    channels: channelSettings.default({ notifications: true, startupWarning: false, slackUrl: '', webhookUrl: '' }),
    /** Per network: days of history recoverable after a gap (SPEC §7), overriding the catalog. */
    historyLimits: z.object(historyShape).strict().default({}),
  })
  .strict();
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({ version: SETTINGS_VERSION });

export function networkConfig(settings: Settings, network: NetworkId): NetworkSettings {
  return settings.networks[network] ?? { clientId: '', baseUrl: '', exchangeUrl: '' };
}

/** What a person is told when a network that needs a client secret has no token-exchange URL. */
export function exchangeUrlNeeded(network: NetworkId): string {
  return `${NETWORKS[network].name} needs a token-exchange URL (Options, Advanced): its code exchange requires a client secret, which Token Warden never holds.`;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** Validates a settings file's text; the message names what is wrong and where. */
export function parseSettingsFile(text: string): ParseResult<Settings> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: 'This file is not valid JSON.' };
  }
  const parsed = settingsSchema.safeParse(migrateSettings(json));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'the file';
    return { ok: false, message: `This is not a Token Warden settings file: ${where}: ${issue?.message ?? 'invalid'}.` };
  }
  return { ok: true, value: parsed.data };
}

export function serializeSettings(settings: Settings): string {
  return `${JSON.stringify(settings, null, 2)}\n`;
}
