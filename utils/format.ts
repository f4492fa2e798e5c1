import { format } from 'date-fns';
import { dateLocale, t, tn } from './i18n/index';
import { CAUSE_KEYS, type SignInCause } from './sign-in-cause';
import type { StatusView } from './status';
import { DAY } from './time';

/**
 * The list label of a status (SPEC §2), in the page's language. A token the network killed
 * before its expiry (`signIn`) says why a sign-in is needed rather than "Expired".
 */
export function statusLabel(view: StatusView, expiresAt: number | null, now: number, signIn: SignInCause | null = null): string {
  switch (view.status) {
    case 'expired': {
      if (signIn) return t('label.signIn', { cause: t(CAUSE_KEYS[signIn]) });
      const days = Math.floor((now - (view.expiredSince ?? now)) / DAY);
      return days < 1 ? t('label.expiredToday') : tn('label.expiredAgo', days);
    }
    case 'expiring':
      return view.daysLeft === 0 ? t('label.expiresToday') : tn('label.expiresIn', view.daysLeft ?? 0);
    case 'valid':
      return t('label.validUntil', { date: formatDate(expiresAt ?? now) });
    case 'no-expiry':
      return t('label.noExpiry');
  }
}

export function formatDate(epochMs: number): string {
  return format(epochMs, 'd MMM yyyy', { locale: dateLocale() });
}

export function formatDateTime(epochMs: number): string {
  return format(epochMs, 'd MMM yyyy, HH:mm', { locale: dateLocale() });
}
