import type pg from 'pg';
import * as z from 'zod';
import type { DeviceAuth } from '../store/members';
import { inChangeTx } from '../store/tx';

/** A body naming one profile (renew, disconnect). */
export const profileBody = z.object({ profileId: z.string().min(3).max(300) }).strict();

export const claimBody = z.object({ keys: z.array(z.string().min(1).max(400)).max(500) }).strict();

/**
 * A member's reminder is delivered by one of their devices only: the first device to claim a
 * key gets it, every other device of the same member is told it went elsewhere.
 */
export async function claimReminders(pool: pg.Pool, device: DeviceAuth, keys: string[], now: number): Promise<string[]> {
  if (keys.length === 0) return [];
  const { rows } = await pool.query<{ key: string }>(
    `insert into reminder_claims (member_id, key, device_id, claimed_at)
     select $1, k, $2, $3 from unnest($4::text[]) as k
     on conflict (member_id, key) do nothing returning key`,
    [device.member.id, device.deviceId, now, keys],
  );
  // A device asking again for what it claimed before (an answer lost on the way) gets it again.
  const mine = await pool.query<{ key: string }>(
    'select key from reminder_claims where member_id = $1 and device_id = $2 and key = any($3)',
    [device.member.id, device.deviceId, keys],
  );
  return [...new Set([...rows.map((r) => r.key), ...mine.rows.map((r) => r.key)])];
}

/** A member's reminder preferences (thresholds, per profile, muted; notification and startup-window switches). */
export const preferencesBody = z
  .object({
    reminders: z.object({
      thresholds: z.array(z.number().int().min(0).max(365)).min(1).max(20),
      mode: z.enum(['all', 'per-profile']),
      profiles: z.record(
        z.string().max(300),
        z.object({ muted: z.boolean().optional(), thresholds: z.array(z.number().int().min(0).max(365)).max(20).optional() }).strict(),
      ),
    }),
    notifications: z.boolean(),
    startupWarning: z.boolean(),
  })
  .strict();
export type MemberPreferences = z.infer<typeof preferencesBody>;

/** Kept in the hub so every device of the member follows them; a change moves the sync cursor. */
export async function savePreferences(pool: pg.Pool, device: DeviceAuth, doc: MemberPreferences, now: number): Promise<void> {
  await inChangeTx(pool, (tx, change) =>
    tx.query(
      `insert into member_preferences (member_id, doc, updated_at, change) values ($1, $2, $3, $4)
       on conflict (member_id) do update set doc = excluded.doc, updated_at = excluded.updated_at, change = excluded.change`,
      [device.member.id, JSON.stringify(doc), now, change],
    ),
  );
}

export async function preferencesSince(db: pg.Pool | pg.PoolClient, memberId: number, since: number): Promise<MemberPreferences | null> {
  const { rows } = await db.query<{ doc: MemberPreferences }>('select doc from member_preferences where member_id = $1 and change >= $2', [
    memberId,
    since,
  ]);
  return rows[0]?.doc ?? null;
}
