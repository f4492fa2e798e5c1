import type { SyncAnswer } from '../hub-protocol';
import type { HistoryRecord } from '../domain';
import { recordHistory } from './history-writes';
import { loadSettings, storeSettings } from './settings-store';
import type { HubRecord, IdentityRecord, WardenDb } from './schema';
import { joinProfileRows, type ProfileRow } from './profile-rows';
import { sealTokens, openTokens, vaultKey } from './vault';

/** The device key's place in `secrets` (sealed under the vault key, like any token). */
const HUB_DEVICE_SECRET = 'hub:device';

/**
 * Writes what the hub says changed, in one transaction: grants (never polled here: the hub
 * checks them), profiles, who can renew what (each native identity with the member who used
 * it), history; profiles the member no longer sees are removed with grants left without one.
 * Returns every profile with its grant as committed (what `readProfileRows` would read back),
 * or null when the answer changed no profile or grant (nothing was read). An answer asked from
 * `since` is dropped (false) when another sync has moved the cursor meanwhile (two polls, or a
 * poll and a disconnect): it may be older, and what it held comes again from the newer cursor.
 */
export async function applyHubSync(db: WardenDb, answer: SyncAnswer, now: number, since: number): Promise<ProfileRow[] | null | false> {
  const tables = [db.grants, db.profiles, db.identities, db.history, db.hub, db.settings, db.secrets];
  return db.transaction('rw', tables, async () => {
    const previous = (await db.hub.get('hub'))?.cursor ?? 0;
    if (previous !== since) return false;
    if (answer.preferences) {
      // Set on another device of this member: every device follows the member's preferences.
      const { settings } = await loadSettings(db);
      const { reminders, notifications, startupWarning } = answer.preferences;
      await storeSettings(db, { ...settings, reminders, channels: { ...settings.channels, notifications, startupWarning } });
    }
    const changed = answer.grants.length + answer.profiles.length + answer.removed.length > 0;
    const rows = changed ? await writeProfilesAndGrants(db, answer) : null;
    const identityIds = [...new Set(answer.access.map((a) => a.identityId))];
    const identities = new Map<string, IdentityRecord>();
    for (const known of await db.identities.bulkGet(identityIds)) if (known) identities.set(known.id, known);
    for (const a of answer.access) {
      const known = identities.get(a.identityId);
      const name = a.memberEmail ? `${a.name} (${a.memberEmail})` : a.name;
      const access = { ...(known?.access ?? {}), [a.profileId]: { can: a.can, reason: a.reason ?? undefined, at: a.at } };
      identities.set(a.identityId, { id: a.identityId, network: a.network, name, memberEmail: a.memberEmail ?? undefined, access });
    }
    await db.identities.bulkPut([...identities.values()]);
    // A sync may bring again what the last one brought (its cursor is the oldest writer still running then): once each.
    const entries = answer.history.map(({ text, fact, ...e }) => ({
      ...e,
      ...(fact ? { fact: fact } : {}),
      ...(text ? { text } : {}),
    }));
    await recordHistory(db, previous === 0 ? entries : await notYetRecorded(db, entries));
    await db.hub.update('hub', { cursor: answer.cursor, lastSyncAt: now, lastError: null });
    return rows;
  });
}

/**
 * One read of both tables (a first sync finds them empty), the answer merged in memory, then
 * only the answer's rows written: every put is queued at once, and no row is read back.
 */
async function writeProfilesAndGrants(db: WardenDb, answer: SyncAnswer): Promise<ProfileRow[]> {
  const [profileList, grantList] = await Promise.all([db.profiles.toArray(), db.grants.toArray()]);
  const profiles = new Map(profileList.map((p) => [p.id, p]));
  const grants = new Map(grantList.map((g) => [g.id, g]));
  // No nextCheckAt: the hub checks them, and a grant without one writes no index entry.
  const hubGrants = answer.grants.map(({ nextCheckAt: _, ...g }) => ({
    ...g,
    hub: true,
    renewal: grants.get(g.id)?.renewal ?? null,
    leasedUntil: 0,
  }));
  // A login of this browser's own that the hub now holds keeps no token here (the hub has its own).
  const tokensGone = hubGrants.filter((g) => grants.has(g.id) && grants.get(g.id)!.hub !== true).map((g) => g.id);
  for (const g of hubGrants) grants.set(g.id, g);
  // Grants that may be left without a profile: those of removed profiles, and those a profile left.
  const maybeOrphans = new Set<string>();
  const hubProfiles = answer.profiles.map((p) => {
    const known = profiles.get(p.id);
    if (known && known.grantId !== p.grantId) maybeOrphans.add(known.grantId);
    return { ...p, handle: p.handle ?? undefined, avatar: p.avatar ?? undefined, snoozedUntil: known?.snoozedUntil };
  });
  for (const p of hubProfiles) profiles.set(p.id, p);
  for (const id of answer.removed) {
    const gone = profiles.get(id);
    if (gone) maybeOrphans.add(gone.grantId);
    profiles.delete(id);
  }
  const held = new Set([...profiles.values()].map((p) => p.grantId));
  const orphans = [...maybeOrphans].filter((id) => !held.has(id));
  for (const id of orphans) grants.delete(id);
  // Queued together (no wait between tables); what is removed is not also written.
  await Promise.all([
    db.grants.bulkPut(hubGrants.filter((g) => grants.has(g.id))),
    db.profiles.bulkPut(hubProfiles.filter((p) => profiles.has(p.id))),
    db.profiles.bulkDelete(answer.removed),
    db.grants.bulkDelete(orphans),
    db.secrets.bulkDelete([...tokensGone, ...orphans]),
  ]);
  // In the table's own order (by id, each once), as a read would give them.
  const sorted = [...profiles.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  return joinProfileRows(sorted, [...grants.values()]);
}

/** A sync that failed (offline, hub down, key revoked): said, nothing else changes. */
export async function recordHubProblem(db: WardenDb, problem: string): Promise<void> {
  await db.hub.update('hub', { lastError: problem });
}

/** Enrolled: where, as whom, and the device key sealed. */
export async function enterHubMode(db: WardenDb, record: HubRecord, deviceKey: string): Promise<void> {
  const secret = await sealTokens(await vaultKey(db), HUB_DEVICE_SECRET, { accessToken: deviceKey });
  await db.transaction('rw', db.hub, db.secrets, async () => {
    await db.hub.put(record);
    await db.secrets.put(secret);
  });
}

/** Back to personal mode: the hub's profiles and grants go with it (they are the hub's). */
export async function leaveHubMode(db: WardenDb): Promise<void> {
  await db.transaction('rw', [db.hub, db.secrets, db.grants, db.profiles, db.history], async () => {
    const hubGrants = await db.grants.filter((g) => g.hub === true).primaryKeys();
    const gone = new Set(await db.profiles.where('grantId').anyOf(hubGrants).primaryKeys());
    await db.profiles.bulkDelete([...gone]);
    // Their timeline is the organisation's: it comes back whole with a new enrollment (not twice).
    await db.history.filter((h) => gone.has(h.profileId)).delete();
    await db.grants.bulkDelete(hubGrants);
    await db.hub.delete('hub');
    await db.secrets.delete(HUB_DEVICE_SECRET);
  });
}

export async function hubDeviceKey(db: WardenDb): Promise<string | null> {
  const record = await db.secrets.get(HUB_DEVICE_SECRET);
  return record ? (await openTokens(await vaultKey(db), record)).accessToken : null;
}

/** History entries not already in the timeline (the same profile, instant, kind and text). */
async function notYetRecorded(db: WardenDb, entries: HistoryRecord[]): Promise<HistoryRecord[]> {
  const fresh: HistoryRecord[] = [];
  for (const e of entries) {
    const same = await db.history
      .where('[profileId+at]')
      .equals([e.profileId, e.at])
      .filter((h) => h.kind === e.kind && h.text === e.text && JSON.stringify(h.fact) === JSON.stringify(e.fact))
      .count();
    if (same === 0) fresh.push(e);
  }
  return fresh;
}
