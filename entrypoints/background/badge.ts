import { browser } from 'wxt/browser';
import { profileStatus } from '@/utils/at-risk';
import { badgeFor, type BadgeState } from '@/utils/badge';
import { readProfileRows, type ProfileRow } from '@/utils/db/profile-rows';
import type { WardenDb } from '@/utils/db/schema';
import { nextStatusChange } from '@/utils/status';

/** The only writer of the toolbar badge. */
export async function setBadge(state: BadgeState): Promise<void> {
  await browser.action.setBadgeText({ text: state.text });
  await browser.action.setBadgeBackgroundColor({ color: state.color });
  await browser.action.setTitle({ title: state.title });
}

/**
 * Recomputes the badge from the database (one count per profile at risk).
 * Returns when the badge will next change by the clock alone, for an alarm.
 */
export async function badgeFromDb(
  db: WardenDb,
  now: number,
  read?: ProfileRow[],
): Promise<{ state: BadgeState; nextChange: number | null; rows: ProfileRow[] }> {
  const rows = read ?? (await readProfileRows(db));
  const state = badgeFor(rows.map(({ grant }) => profileStatus(grant, now).status));
  const changes = rows.map(({ grant }) => (grant ? nextStatusChange(grant, now) : null)).filter((t): t is number => t !== null);
  return { state, nextChange: changes.length ? Math.min(...changes) : null, rows };
}
