import { t } from './i18n/index';
import { tv } from './i18n/view-texts';
import { NETWORKS, type NetworkId } from './networks/catalog';
import { describeOutcome, type FlowOutcome } from './outcomes';
import { reminderTitle, type ReminderMessage } from './reminders/messages';
import type { TokenStatus } from './status';

/**
 * What happened to a profile, stored as a fact (a code and its parameters) and put into words
 * when shown, in the language of the page showing it (SPEC §8 timeline).
 */
export type HistoryFact =
  | { code: 'connected'; by: string }
  | { code: 'renewed'; by: string }
  | { code: 'renewedSilently' }
  | { code: 'renewalFailed'; outcome: FlowOutcome }
  | { code: 'statusChanged'; from: TokenStatus; to: TokenStatus; reason?: string }
  | { code: 'lostRole'; who: string; permission: string }
  | { code: 'reminderSent'; message: ReminderMessage }
  | { code: 'snoozed' }
  | { code: 'disconnected'; network: NetworkId; revoked?: 'revoked' | 'no-endpoint' | 'failed'; by?: string };

const STATUS_KEY = {
  expired: 'status.expired',
  expiring: 'status.expiring',
  valid: 'status.valid',
  'no-expiry': 'status.noExpiry',
} as const;

/** The words of a timeline entry: its fact translated, or the sentence an older entry (or the hub) stored. */
export function historyText(entry: { fact?: HistoryFact; text?: string }): string {
  const f = entry.fact;
  if (!f) return entry.text ?? '';
  switch (f.code) {
    case 'connected':
      return tv('history.connected', { by: f.by });
    case 'renewed':
      return tv('history.renewed', { by: f.by });
    case 'renewedSilently':
      return tv('history.renewedSilently');
    case 'renewalFailed':
      return describeOutcome(f.outcome);
    case 'statusChanged': {
      const change = tv('history.statusChanged', { from: t(STATUS_KEY[f.from]), to: t(STATUS_KEY[f.to]) });
      return f.reason ? `${change}: ${f.reason}` : change;
    }
    case 'lostRole':
      return tv('history.lostRole', { who: f.who, permission: f.permission });
    case 'reminderSent':
      return tv('history.reminderSent', { title: reminderTitle(f.message) });
    case 'snoozed':
      return tv('history.snoozed');
    case 'disconnected': {
      const network = NETWORKS[f.network].name;
      if (f.revoked === 'revoked') return tv('history.disconnectedRevoked', { network });
      if (f.revoked === 'no-endpoint') return tv('history.disconnectedNoEndpoint', { network });
      if (f.revoked === 'failed') return tv('history.disconnectedUnconfirmed', { network });
      return f.by ? tv('history.disconnectedBy', { by: f.by }) : tv('history.disconnected');
    }
  }
}
