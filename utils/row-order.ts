import type { ProfileWithGrant as ProfileRow } from './domain';
import { profileStatus } from './at-risk';
import { consequencesOf } from './consequences';
import { compareUrgency, type UrgencyItem } from './urgency';

/** What the list's order depends on (kept free of formatting, so the background can sort cheaply). */
export interface Orderable extends UrgencyItem {
  consequences: { deletionInDays: number | null } | null;
}

/** YouTube's deletion countdown outranks everything (SPEC §7): fewest days first, then the §2 order. */
export function compareRows(a: Orderable, b: Orderable): number {
  const da = a.consequences?.deletionInDays ?? null;
  const db = b.consequences?.deletionInDays ?? null;
  if (da !== null || db !== null) {
    if (da === null) return 1;
    if (db === null) return -1;
    if (da !== db) return da - db;
  }
  return compareUrgency(a, b);
}

/** A row's place in the list at `now` (history limits from the catalog). */
export function orderOf({ profile, grant }: ProfileRow, now: number): Orderable {
  const view = profileStatus(grant, now);
  return {
    status: view.status,
    expiredSince: view.expiredSince,
    expiresAt: grant?.expiresAt ?? null,
    name: profile.name,
    consequences: view.expiredSince === null ? null : consequencesOf(profile.network, view.expiredSince, now),
  };
}
