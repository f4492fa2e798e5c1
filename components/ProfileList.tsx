import { t } from '@/utils/i18n/index';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ProfileRowView } from '@/utils/profile-view';
import { rowWindow } from '@/utils/row-window';
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
/** Estimates until a row is measured: one line, or two for a row with a second line. */
const ONE_LINE = 41;
const TWO_LINES = 60;
const VIEWPORT = 440;

const twoLines = (r: ProfileRowView) => r.consequences !== null || r.lastCheckFailed || r.renewing || r.outcome !== null;

export function ProfileList({ rows, onRenew, onDetails, onManagers, highlighted = null, label = t('popup.list') }: ProfileListProps) {
  const [scrollTop, setScrollTop] = useState(0);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const [, remeasured] = useState(0);
  const heights = useRef(new Map<string, number>());
  const list = useRef<HTMLUListElement>(null);
  const windowed = rows.length > WINDOW_FROM;
  const heightOf = (i: number) => heights.current.get(rows[i]!.id) ?? (twoLines(rows[i]!) ? TWO_LINES : ONE_LINE);
  const win = windowed ? rowWindow(rows.length, heightOf, scrollTop, VIEWPORT) : null;

  // Windowed: rows are measured once rendered, and the window re-laid out when one differs from its estimate.
  useLayoutEffect(() => {
    if (!windowed || !list.current) return;
    let changed = false;
    for (const li of list.current.children as HTMLCollectionOf<HTMLElement>) {
      const id = li.dataset.profileId;
      // Fractional heights, or the rounding adds up down a long list.
      const h = li.getBoundingClientRect().height;
      if (id && h > 0 && Math.abs((heights.current.get(id) ?? 0) - h) > 0.1) {
        heights.current.set(id, h);
        changed = true;
      }
    }
    if (changed) remeasured((n) => n + 1);
  }, [windowed, rows, open, win?.first, win?.last]);

  const toggle = (id: string) =>
    setOpen((was) => {
      const next = new Set(was);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const items = rows
    .slice(win?.first ?? 0, win?.last ?? rows.length)
    .map((row) => (
      <ProfileRow
        key={row.id}
        row={row}
        open={open.has(row.id)}
        onToggle={toggle}
        onRenew={onRenew}
        onDetails={onDetails}
        onManagers={onManagers}
        highlight={row.id === highlighted}
      />
    ));
  if (!win) {
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
        ref={list}
        class="profile-list windowed"
        aria-label={label}
        aria-rowcount={rows.length}
        style={{ height: `${win.total}px`, paddingTop: `${win.top}px` }}
      >
        {items}
      </ul>
    </div>
  );
}
