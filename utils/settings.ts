import { z } from 'zod';
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

export const SETTINGS_VERSION = 1;

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
  const parsed = settingsSchema.safeParse(json);
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
