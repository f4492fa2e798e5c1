import { t } from '../i18n/index';
import { NETWORKS, type NetworkId } from '../networks/catalog';
import { reminderText, type Threshold } from './planner';

/** What one reminder says, on every channel. Never holds a token. */
export interface ReminderMessage {
  key: string;
  profileId: string;
  profileName: string;
  network: NetworkId;
  threshold: Threshold;
  invalid: boolean;
  expiresAt: number | null;
}

export function reminderTitle(m: ReminderMessage): string {
  return `${m.profileName} (${NETWORKS[m.network].name}) ${reminderText(m.threshold, m.invalid)}`;
}

export function reminderBody(m: ReminderMessage): string {
  const permission = NETWORKS[m.network].permissionNeeded;
  return m.invalid || m.threshold === 0 ? t('rem.bodyExpired', { permission }) : t('rem.bodyExpiring', { permission });
}

/**
 * Slack's control characters: a name from a network could otherwise say `<!channel>` (pinging
 * everyone) or `<https://evil|Renew here>` (a disguised link). Slack wants exactly these three.
 */
export function slackEscape(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** Slack incoming-webhook body; every name that comes from a network is escaped. */
export function slackBody(m: ReminderMessage): string {
  const text = `:warning: *${slackEscape(m.profileName)}* (${NETWORKS[m.network].name}) ${reminderText(m.threshold, m.invalid)}. ${reminderBody(m)}`;
  return JSON.stringify({ text });
}

/** Generic webhook body (ntfy-style push, an e-mail relay…). */
export function webhookBody(m: ReminderMessage): string {
  return JSON.stringify({
    event: 'token-warden.reminder',
    title: reminderTitle(m),
    message: reminderBody(m),
    profile: { id: m.profileId, name: m.profileName, network: m.network },
    threshold: m.threshold,
    status: m.invalid || m.threshold === 0 ? 'expired' : 'expiring',
    expiresAt: m.expiresAt === null ? null : new Date(m.expiresAt).toISOString(),
  });
}

/** Backoff between webhook attempts; after the last one the delivery is marked failed (and shown). */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000, 6 * 60 * 60_000];

/** An inbox entry's title in the language of the page showing it (an older entry keeps its words). */
export function inboxTitle(entry: { message?: ReminderMessage; title?: string }): string {
  return entry.message ? reminderTitle(entry.message) : (entry.title ?? '');
}

export function inboxBody(entry: { message?: ReminderMessage; body?: string }): string {
  return entry.message ? reminderBody(entry.message) : (entry.body ?? '');
}
