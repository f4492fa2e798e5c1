import { format } from 'date-fns';
import type { StatusView } from './status';
import { DAY } from './time';

/** The list label of a status (SPEC §2). */
export function statusLabel(view: StatusView, expiresAt: number | null, now: number): string {
  switch (view.status) {
    case 'expired': {
      const since = view.expiredSince ?? now;
      const days = Math.floor((now - since) / DAY);
      return days < 1 ? 'Expired today' : `Expired ${days} day${days === 1 ? '' : 's'} ago`;
    }
    case 'expiring':
      return view.daysLeft === 0 ? 'Expires today' : `Expires in ${view.daysLeft} day${view.daysLeft === 1 ? '' : 's'}`;
    case 'valid':
      return `Valid until ${formatDate(expiresAt ?? now)}`;
    case 'no-expiry':
      return 'No expiration date';
  }
}

export function formatDate(epochMs: number): string {
  return format(epochMs, 'd MMM yyyy');
}

export function formatDateTime(epochMs: number): string {
  return format(epochMs, 'd MMM yyyy, HH:mm');
}
