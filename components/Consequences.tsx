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

/** The same in a row's second line: the most urgent fact first (a deletion countdown), then since when. */
export function ConsequenceLine({ c }: { c: C }) {
  return (
    <span class="consequences">
      {c.deletionInDays !== null && <strong class="deletion">{deletion(c.deletionInDays)} · </strong>}
      {tv('cons.pausedShort', { date: formatDate(c.pausedSince) })}
    </span>
  );
}
