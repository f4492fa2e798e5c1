import { t } from '../i18n/index';
import { DAY } from '../time';

/** Days before expiry; 0 = "at expiry". */
export type Threshold = number;

export interface ReminderPrefs {
  thresholds: Threshold[];
  /** 'all': one set of thresholds for every profile; 'per-profile': overrides below apply. */
  mode: 'all' | 'per-profile';
  profiles: Record<string, { muted?: boolean; thresholds?: Threshold[] }>;
}

export interface PlannerProfile {
  id: string;
  grantId: string;
  snoozedUntil?: number;
}

export interface PlannerGrant {
  expiresAt: number | null;
  invalidSince: number | null;
}

export interface PlannerInput {
  profiles: PlannerProfile[];
  grants: ReadonlyMap<string, PlannerGrant>;
  prefs: ReminderPrefs;
  /** Ledger keys already recorded (sent or superseded). */
  recorded: ReadonlySet<string>;
  now: number;
}

export interface DueReminder {
  key: string;
  profileId: string;
  grantId: string;
  threshold: Threshold;
  /** Less severe thresholds crossed at the same time: recorded, never sent (no burst after a sleep). */
  superseded: string[];
}

/** Ledger key: one per profile, grant, expiry and threshold; a renewal (new expiry) makes new keys. */
export function reminderKey(profileId: string, grantId: string, expiresAt: number | null, threshold: Threshold): string {
  return `${grantId}:${expiresAt ?? 'none'}:${threshold}:${profileId}`;
}

function thresholdsFor(prefs: ReminderPrefs, profileId: string): Threshold[] | null {
  const own = prefs.mode === 'per-profile' ? prefs.profiles[profileId] : undefined;
  if (own?.muted) return null;
  return [...new Set(own?.thresholds ?? prefs.thresholds)].sort((a, b) => b - a);
}

/** Thresholds crossed at `now`: an early-invalid token has crossed only "at expiry". */
function crossed(grant: PlannerGrant, thresholds: Threshold[], now: number): Threshold[] {
  if (grant.invalidSince !== null) return [0];
  if (grant.expiresAt === null) return [];
  const at = grant.expiresAt;
  return thresholds.filter((t) => now >= at - t * DAY);
}

/**
 * Which reminders are due now (pure). Each key is sent at most once: the
 * ledger (`recorded`) holds every key sent or superseded, so restarts, sleeps
 * and clock jumps in either direction cannot repeat one.
 */
export function planReminders({ profiles, grants, prefs, recorded, now }: PlannerInput): DueReminder[] {
  const due: DueReminder[] = [];
  for (const profile of profiles) {
    const grant = grants.get(profile.grantId);
    const thresholds = thresholdsFor(prefs, profile.id);
    if (!grant || !thresholds || (profile.snoozedUntil ?? 0) > now) continue;
    const hit = crossed(grant, thresholds, now);
    if (hit.length === 0) continue;
    const key = (t: Threshold) => reminderKey(profile.id, profile.grantId, grant.expiresAt, t);
    const worst = Math.min(...hit);
    if (recorded.has(key(worst))) continue;
    due.push({
      key: key(worst),
      profileId: profile.id,
      grantId: profile.grantId,
      threshold: worst,
      superseded: hit
        .filter((t) => t !== worst)
        .map(key)
        .filter((k) => !recorded.has(k)),
    });
  }
  return due;
}

/** The next instant after `now` at which a reminder may become due (threshold crossing or snooze end). */
export function nextReminderAt({ profiles, grants, prefs, now }: Omit<PlannerInput, 'recorded'>): number | null {
  let next: number | null = null;
  const consider = (t: number) => {
    if (t > now && (next === null || t < next)) next = t;
  };
  for (const profile of profiles) {
    const grant = grants.get(profile.grantId);
    const thresholds = thresholdsFor(prefs, profile.id);
    if (!grant || !thresholds || grant.invalidSince !== null || grant.expiresAt === null) continue;
    for (const t of thresholds) consider(grant.expiresAt - t * DAY);
    if (profile.snoozedUntil) consider(profile.snoozedUntil);
  }
  return next;
}

/** Words for a reminder: "expires within 7 days", "expires within a day", "has expired". */
export function reminderText(threshold: Threshold, invalid: boolean): string {
  if (invalid || threshold === 0) return t('rem.expired');
  if (threshold === 1) return t('rem.withinDay');
  return t('rem.within', { n: threshold });
}
