import type { ConsequenceFacts as C } from '@/utils/consequences';
import { formatDate } from '@/utils/format';

/** SPEC §7 on an expired profile: what is paused since when, and what will be lost when. */
export function Consequences({ c }: { c: C }) {
  return (
    <div class="consequences">
      <span>Publishing and sync paused since {formatDate(c.pausedSince)}</span>
      {c.deletionInDays !== null && (
        <strong class="deletion">
          {' '}
          · {c.deletionInDays === 0 ? 'data deleted today' : `data deleted in ${c.deletionInDays} day${c.deletionInDays === 1 ? '' : 's'}`}
        </strong>
      )}
      {c.deletionInDays === null && c.historyDaysLeft !== null && (
        <span>
          {' '}
          · {c.historyDaysLeft} day{c.historyDaysLeft === 1 ? '' : 's'} before data from this gap can no longer be recovered
        </span>
      )}
    </div>
  );
}
