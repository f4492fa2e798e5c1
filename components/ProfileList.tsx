import { t } from '@/utils/i18n/index';
import { useState } from 'preact/hooks';
import type { ProfileRowView } from '@/utils/profile-view';
import { ProfileRow } from './ProfileRow';

export interface ProfileListProps {
  rows: ProfileRowView[];
  onRenew: (id: string) => void;
  onDetails?: (id: string) => void;
  onManagers?: (id: string) => void;
  highlighted?: string | null;
  label?: string;
}

/** Above this many rows the list is windowed: only the rows in view (and a margin) are rendered. */
export const WINDOW_FROM = 150;
export const ROW_HEIGHT = 112;
const VIEWPORT = 460;
const OVERSCAN = 6;

export function ProfileList({ rows, onRenew, onDetails, onManagers, highlighted = null, label = t('popup.list') }: ProfileListProps) {
  const [scrollTop, setScrollTop] = useState(0);
  const windowed = rows.length > WINDOW_FROM;
  const first = windowed ? Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN) : 0;
  const last = windowed ? Math.min(rows.length, Math.ceil((scrollTop + VIEWPORT) / ROW_HEIGHT) + OVERSCAN) : rows.length;
  const items = rows
    .slice(first, last)
    .map((row) => (
      <ProfileRow
        key={row.id}
        row={row}
        onRenew={onRenew}
        onDetails={onDetails}
        onManagers={onManagers}
        highlight={row.id === highlighted}
      />
    ));
  if (!windowed) {
    return (
      <ul class="profile-list" aria-label={label}>
        {items}
      </ul>
    );
  }
  return (
    <div
      class="profile-window"
      style={{ height: `${VIEWPORT}px` }}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      data-rows={rows.length}
    >
      <ul
        class="profile-list windowed"
        aria-label={label}
        aria-rowcount={rows.length}
        style={{ height: `${rows.length * ROW_HEIGHT}px`, paddingTop: `${first * ROW_HEIGHT}px` }}
      >
        {items}
      </ul>
    </div>
  );
}
