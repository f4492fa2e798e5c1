import { format } from 'date-fns';
import { dateLocale, t, tn } from './i18n/index';
import { CAUSE_KEYS, type SignInCause } from './sign-in-cause';
import type { StatusView } from './status';
import { DAY } from './time';

/** A date the network never gave: the renewal policy's ("YouTube asks every 30 days"). */
export interface RenewalPolicy {
  network: string;
  everyDays: number;
}

/**
 * The list label of a status (SPEC §2), in the page's language. A token the network killed
 * before its expiry (`signIn`) says why a sign-in is needed rather than "Expired"; a date from
 * the renewal policy (`policy`) reads "Renew by", distinct from an expiry the network reported.
 */
export function statusLabel(
  view: StatusView,
  expiresAt: number | null,
  now: number,
  signIn: SignInCause | null = null,
  policy: RenewalPolicy | null = null,
): string {
  if (policy && !signIn && view.status !== 'no-expiry') return policyLabel(view, expiresAt ?? now, policy);
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

function policyLabel(view: StatusView, renewBy: number, policy: RenewalPolicy): string {
  // "30 days" as YouTube's policy says it; 180 days read "6 months".
  const inMonths = policy.everyDays >= 60 && policy.everyDays % 30 === 0;
  const every = inMonths ? tn('label.months', policy.everyDays / 30) : tn('label.days', policy.everyDays);
  const why = t('label.policy', { network: policy.network, every });
  if (view.status === 'valid') return `${t('label.renewBy', { date: formatDate(renewBy) })} · ${why}`;
  if (view.status === 'expiring') {
    return `${view.daysLeft ? tn('label.renewWithin', view.daysLeft) : t('label.renewToday')} · ${why}`;
  }
  return `${t('label.renewDue', { date: formatDate(renewBy) })} · ${why}`;
}

export function formatDate(epochMs: number): string {
  return format(epochMs, 'd MMM yyyy', { locale: dateLocale() });
}

export function formatDateTime(epochMs: number): string {
  return format(epochMs, 'd MMM yyyy, HH:mm', { locale: dateLocale() });
}

export function formatTime(epochMs: number): string {
  return format(epochMs, 'HH:mm', { locale: dateLocale() });
}
