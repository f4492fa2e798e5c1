import type { ComponentChildren } from 'preact';
import { t, tn } from '@/utils/i18n/index';
import { tv } from '@/utils/i18n/view-texts';
import type { ConsequenceFacts as C } from '@/utils/consequences';
import { formatDate } from '@/utils/format';

const deletion = (days: number) => (days === 0 ? t('cons.deletedToday') : tn('cons.deletedIn', days));

/** SPEC §7 on an expired profile: what is paused since when, and what will be lost when. */
export function Consequences({ c }: { c: C }) {
  return (
    <div class="consequences">
      <span>{t('cons.paused', { date: formatDate(c.pausedSince) })}</span>
      {c.deletionInDays !== null && <strong class="deletion"> · {deletion(c.deletionInDays)}</strong>}
      {c.deletionInDays === null && c.historyDaysLeft !== null && <span> · {tn('cons.history', c.historyDaysLeft)}</span>}
    </div>
  );
}

const capital = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);

/**
 * The same in an expired row's second line, the most urgent first: a deletion countdown, then
 * the status (`children`), then since when.
 */
export function ConsequenceLine({ c, children }: { c: C; children?: ComponentChildren }) {
  return (
    <>
      {c.deletionInDays !== null && <strong class="deletion">{capital(deletion(c.deletionInDays))}</strong>}
      {children}
      <span class="consequences paused">{tv('cons.pausedShort', { date: formatDate(c.pausedSince) })}</span>
    </>
  );
}
