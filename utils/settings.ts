import * as z from 'zod/mini';
import { migrateSettings } from './settings-migrations';
import { urlProblem } from './url-policy';
import { NETWORKS, NETWORK_IDS, type NetworkId } from './networks/catalog';

// zod/mini (not the classic build): pages load these schemas, and mini is a fraction of the size.
/** '' or a URL that may receive tokens or messages: https, or plain http on loopback only. */
export const urlOrEmpty = z.string().check(
  z.maxLength(500),
  z.superRefine((value, ctx) => {
    const problem = value === '' ? null : urlProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, input: value });
  }),
);

const networkSettings = z.strictObject({
  clientId: z._default(z.string().check(z.maxLength(300)), ''),
  baseUrl: z._default(urlOrEmpty, ''),
  exchangeUrl: z._default(urlOrEmpty, ''),
});
export type NetworkSettings = z.infer<typeof networkSettings>;

const networksShape = Object.fromEntries(NETWORK_IDS.map((id) => [id, z.optional(networkSettings)])) as Record<
  NetworkId,
  z.ZodMiniOptional<typeof networkSettings>
>;

const SETTINGS_VERSION = 2;

const historyLimit = z.int().check(z.gte(0), z.lte(3650));
const historyShape = Object.fromEntries(NETWORK_IDS.map((id) => [id, z.optional(historyLimit)])) as Record<
  NetworkId,
  z.ZodMiniOptional<typeof historyLimit>
>;

const threshold = z.int().check(z.gte(0), z.lte(365));
const thresholdList = z.array(threshold).check(z.minLength(1), z.maxLength(10));

const reminderSettings = z.strictObject({
  /** Days before expiry; 0 = at expiry. */
  thresholds: z._default(thresholdList, [7, 3, 1, 0]),
  mode: z._default(z.enum(['all', 'per-profile']), 'all'),
  profiles: z._default(
    z.record(z.string().check(z.maxLength(300)), z.strictObject({ muted: z.optional(z.boolean()), thresholds: z.optional(thresholdList) })),
    {},
  ),
});

const channelSettings = z.strictObject({
  notifications: z._default(z.boolean(), true),
  startupWarning: z._default(z.boolean(), false),
  slackUrl: z._default(urlOrEmpty, ''),
  webhookUrl: z._default(urlOrEmpty, ''),
});

/**
 * The preferences document (one row in `settings`; also the export/import
 * file format). It never holds a token or a client secret: strict objects
 * refuse any key they do not know.
 */
export const settingsSchema = z.strictObject({
  version: z.literal(SETTINGS_VERSION),
  networks: z._default(z.strictObject(networksShape), {}),
  polling: z._default(z.strictObject({ intervalMinutes: z._default(z.number().check(z.gte(0.1), z.lte(1440)), 15) }), {
    intervalMinutes: 15,
  }),
  reminders: z._default(reminderSettings, { thresholds: [7, 3, 1, 0], mode: 'all', profiles: {} }),
  channels: z._default(channelSettings, { notifications: true, startupWarning: false, slackUrl: '', webhookUrl: '' }),
  /** Per network: days of history recoverable after a gap (SPEC §7), overriding the catalog. */
  historyLimits: z._default(z.strictObject(historyShape), {}),
});
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
    return { ok: false, message: `This is not a Token Warden settings file: ${where}: ${issue ? describeIssue(issue) : 'invalid'}.` };
  }
  return { ok: true, value: parsed.data };
}

/**
 * The settings file's text. Slack and webhook URLs are credentials (anyone holding them can
 * post to the channel): left out unless the person asks for them.
 */
export function serializeSettings(settings: Settings, options: { includeWebhooks?: boolean } = {}): string {
  const { slackUrl: _slack, webhookUrl: _webhook, ...channels } = settings.channels;
  const doc = options.includeWebhooks ? settings : { ...settings, channels };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/**
 * An imported file without Slack or webhook URL keys (exported without them) keeps the ones
 * already set, instead of clearing them; a key present in the file, even empty, wins.
 */
export function keepAbsentWebhooks(text: string, imported: Settings, current: Settings): Settings {
  const channels = (JSON.parse(text) as { channels?: Record<string, unknown> }).channels ?? {};
  return {
    ...imported,
    channels: {
      ...imported.channels,
      slackUrl: 'slackUrl' in channels ? imported.channels.slackUrl : current.channels.slackUrl,
      webhookUrl: 'webhookUrl' in channels ? imported.channels.webhookUrl : current.channels.webhookUrl,
    },
  };
}

/** zod/mini carries no message texts: say what is wrong in words. */
function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown ${issue.keys.length === 1 ? 'key' : 'keys'} ${issue.keys.join(', ')}`;
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'too_big':
      return `at most ${String(issue.maximum)}`;
    case 'too_small':
      return `at least ${String(issue.minimum)}`;
    case 'invalid_format':
      return issue.format === 'url' ? 'not a valid URL' : `not a valid ${issue.format}`;
    case 'invalid_value':
      return `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
    default:
      return issue.message;
  }
}
