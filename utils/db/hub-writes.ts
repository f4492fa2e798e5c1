import type { SyncAnswer } from '../hub-protocol';
import type { HistoryRecord } from '../domain';
import { recordHistory } from './history-writes';
import { loadSettings, storeSettings } from './settings-store';
import { NEVER } from '../poll-schedule';
import type { GrantRecord, HubRecord, IdentityRecord, WardenDb } from './schema';
import { sealTokens, openTokens, vaultKey } from './vault';

/** The device key's place in `secrets` (sealed under the vault key, like any token). */
const HUB_DEVICE_SECRET = 'hub:device';

/**
 * Writes what the hub says changed, in one transaction: grants (never polled here: the hub
 * checks them), profiles, who can renew what (each native identity with the member who used
 * it), history; profiles the member no longer sees are removed with grants left without one.
 */
export async function applyHubSync(db: WardenDb, answer: SyncAnswer, now: number): Promise<void> {
  await db.transaction('rw', [db.grants, db.profiles, db.identities, db.history, db.hub, db.settings], async () => {
    if (answer.preferences) {
      // Set on another device of this member: every device follows the member's preferences.
      const { settings } = await loadSettings(db);
      const { reminders, notifications, startupWarning } = answer.preferences;
      await storeSettings(db, { ...settings, reminders, channels: { ...settings.channels, notifications, startupWarning } });
    }
    const before = new Map(
      (await db.grants.bulkGet(answer.grants.map((g) => g.id))).filter((g): g is GrantRecord => !!g).map((g) => [g.id, g]),
    );
    await db.grants.bulkPut(
      answer.grants.map((g) => ({ ...g, hub: true, nextCheckAt: NEVER, renewal: before.get(g.id)?.renewal ?? null, leasedUntil: 0 })),
    );
    // Bulk reads and writes: a first sync brings every profile of the organisation at once.
    const existing = await db.profiles.bulkGet(answer.profiles.map((p) => p.id));
    const gone = (await db.profiles.bulkGet(answer.removed)).filter((p) => p !== undefined);
    // Grants that may be left without a profile: those of removed profiles, and those a profile left.
    const maybeOrphans = new Set([
      ...gone.map((p) => p.grantId),
      ...existing.flatMap((e, i) => (e && e.grantId !== answer.profiles[i]!.grantId ? [e.grantId] : [])),
    ]);
    await db.profiles.bulkPut(
      answer.profiles.map((p, i) => ({
        ...p,
        handle: p.handle ?? undefined,
        avatar: p.avatar ?? undefined,
        snoozedUntil: existing[i]?.snoozedUntil,
      })),
    );
    await db.profiles.bulkDelete(answer.removed);
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
    const previous = (await db.hub.get('hub'))?.cursor ?? 0;
    const entries = answer.history.map(({ text, fact, ...e }) => ({
      ...e,
      ...(fact ? { fact: fact } : {}),
      ...(text ? { text } : {}),
    }));
    await recordHistory(db, previous === 0 ? entries : await notYetRecorded(db, entries));
    for (const id of maybeOrphans) if ((await db.profiles.where('grantId').equals(id).count()) === 0) await db.grants.delete(id);
    await db.hub.update('hub', { cursor: answer.cursor, lastSyncAt: now, lastError: null });
  });
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
  await db.transaction('rw', [db.hub, db.secrets, db.grants, db.profiles], async () => {
    const hubGrants = await db.grants.filter((g) => g.hub === true).primaryKeys();
    await db.profiles.where('grantId').anyOf(hubGrants).delete();
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
