import { t, tn } from './i18n/index';
import type { TokenStatus } from './status';

export const BADGE_RED = '#c62828';
export const BADGE_AMBER = '#b26a00';

export interface BadgeState {
  /** '' when all is well. */
  text: string;
  color: string;
  /** Tooltip of the toolbar button: says what is at risk. */
  title: string;
}

/** SPEC §5: count of Expired + Expiring; red when any is expired, amber otherwise, empty when all is well; the tooltip in the browser's language. */
export function badgeFor(statuses: Iterable<TokenStatus>): BadgeState {
  let expired = 0;
  let expiring = 0;
  for (const s of statuses) {
    if (s === 'expired') expired += 1;
    else if (s === 'expiring') expiring += 1;
  }
  const count = expired + expiring;
  if (count === 0) return { text: '', color: BADGE_AMBER, title: t('badge.healthy') };
  const parts = [expired && tn('badge.expired', expired), expiring && tn('badge.expiring', expiring)].filter(Boolean);
  return {
    text: count > 999 ? '999+' : String(count),
    color: expired > 0 ? BADGE_RED : BADGE_AMBER,
    title: t('badge.title', { parts: parts.join(', ') }),
  };
}
