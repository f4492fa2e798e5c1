import { t } from '@/utils/i18n/index';
import { inboxTitle } from '@/utils/reminders/messages';
import { tv, tvn } from '@/utils/i18n/view-texts';
import { formatDateTime } from '@/utils/format';
import type { InboxRecord } from '@/utils/db/schema';

export interface InboxProps {
  entries: InboxRecord[];
  unread: number;
  onOpen: (entry: InboxRecord) => void;
  onMarkAllRead: () => void;
  onClose: () => void;
}

/** The header's way in to the inbox: the unread count, opening the inbox in place of the list. */
export function InboxButton({ unread, open, onToggle }: { unread: number; open: boolean; onToggle: () => void }) {
  return (
    <button
      type="button"
      class={`inbox-button${unread > 0 ? ' has-unread' : ''}`}
      aria-expanded={open}
      aria-controls={open ? 'inbox-panel' : undefined}
      aria-label={`${t('inbox.title')}: ${tvn('inbox.unreadCount', unread)}`}
      title={t('inbox.title')}
      onClick={onToggle}
    >
      <svg class="bell" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
        <path d="M12 2a6 6 0 0 0-6 6v5l-2 3h16l-2-3V8a6 6 0 0 0-6-6zm-2 16a2 2 0 0 0 4 0z" fill="currentColor" />
      </svg>
      {unread > 0 && (
        <span class="inbox-count" aria-hidden="true">
          {unread}
        </span>
      )}
    </button>
  );
}

/** The in-app inbox (always on): newest first; an entry opens its profile. */
export function Inbox({ entries, unread, onOpen, onMarkAllRead, onClose }: InboxProps) {
  return (
    <section class="inbox" id="inbox-panel" aria-labelledby="inbox-title">
      <div class="inbox-head">
        <h2 id="inbox-title">{t('inbox.title')}</h2>
        {unread > 0 && (
          <button type="button" class="link" onClick={onMarkAllRead}>
            {t('inbox.markAll')}
          </button>
        )}
        <button type="button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      {entries.length === 0 ? (
        <p class="muted">{tv('inbox.empty')}</p>
      ) : (
        <ul aria-label={t('inbox.list')}>
          {entries.map((e) => (
            <li key={e.id} class={e.read ? 'inbox-entry' : 'inbox-entry unread'}>
              <button type="button" class="link inbox-open" onClick={() => onOpen(e)}>
                <span class="inbox-title">{inboxTitle(e)}</span>
                <span class="inbox-time muted">{formatDateTime(e.createdAt)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
