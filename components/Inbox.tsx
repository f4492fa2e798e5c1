import { t } from '@/utils/i18n/index';
import { formatDateTime } from '@/utils/format';
import type { InboxRecord } from '@/utils/db/schema';

export interface InboxProps {
  entries: InboxRecord[];
  unread: number;
  onOpen: (entry: InboxRecord) => void;
  onMarkAllRead: () => void;
}

/** The in-app inbox (always on): newest first; an entry opens its profile. */
export function Inbox({ entries, unread, onOpen, onMarkAllRead }: InboxProps) {
  if (entries.length === 0) return null;
  return (
    <details class="inbox" open={unread > 0}>
      <summary>
        {t('inbox.title')}{' '}
        <span class="inbox-count" aria-label={t('inbox.unread', { n: unread })}>
          {unread}
        </span>
      </summary>
      <ul aria-label={t('inbox.list')}>
        {entries.map((e) => (
          <li key={e.id} class={e.read ? 'inbox-entry' : 'inbox-entry unread'}>
            <button type="button" class="link inbox-open" onClick={() => onOpen(e)}>
              <span class="inbox-title">{e.title}</span>
              <span class="inbox-time muted">{formatDateTime(e.createdAt)}</span>
            </button>
          </li>
        ))}
      </ul>
      {unread > 0 && (
        <button type="button" class="link" onClick={onMarkAllRead}>
          {t('inbox.markAll')}
        </button>
      )}
    </details>
  );
}
