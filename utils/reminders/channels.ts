import type { MessageKey } from '../i18n/en';
import { slackBody, webhookBody, type ReminderMessage } from './messages';

/**
 * The reminder channels that post to a URL, in one list: settings, the outbox, the options page,
 * "Send test" and the manifest's host permissions all iterate over it. A new channel (Microsoft
 * Teams, an e-mail relay…) is one entry here, its settings key in settings.ts, and its texts.
 */
export const CHANNEL_IDS = ['slack', 'webhook'] as const;
export type ChannelId = (typeof CHANNEL_IDS)[number];

export interface ReminderChannel {
  id: ChannelId;
  /** Where its URL is kept in the settings' `channels` (a credential: left out of exports unless asked). */
  settingsKey: `${ChannelId}Url`;
  /** The options page's label for its URL. */
  label: MessageKey;
  /** A fixed host the browser is asked for when the URL is saved; null where the person chooses the host. */
  hostPermission: string | null;
  /** What a reminder posts. */
  body(m: ReminderMessage): string;
  /** What "Send test" posts. */
  testBody(): string;
}

const TEST_TEXT = 'Token Warden test message: reminders will arrive here.';

export const CHANNELS: Readonly<Record<ChannelId, ReminderChannel>> = {
  slack: {
    id: 'slack',
    settingsKey: 'slackUrl',
    label: 'opt.slackUrl',
    hostPermission: 'https://hooks.slack.com/*',
    body: slackBody,
    testBody: () => JSON.stringify({ text: `:white_check_mark: ${TEST_TEXT}` }),
  },
  webhook: {
    id: 'webhook',
    settingsKey: 'webhookUrl',
    label: 'opt.webhookUrl',
    hostPermission: null,
    body: webhookBody,
    testBody: () => JSON.stringify({ event: 'token-warden.test', title: 'Token Warden', message: TEST_TEXT }),
  },
};

export const CHANNEL_LIST: readonly ReminderChannel[] = CHANNEL_IDS.map((id) => CHANNELS[id]);

/** The URL set for a channel now ('' = off). */
export function channelUrl(channels: Record<ReminderChannel['settingsKey'], string>, id: ChannelId): string {
  return channels[CHANNELS[id].settingsKey];
}

/** Host permissions the channels need, for the manifest's optional hosts. */
export const CHANNEL_HOSTS: readonly string[] = CHANNEL_LIST.flatMap((c) => (c.hostPermission ? [c.hostPermission] : []));
