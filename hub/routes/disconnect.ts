import type pg from 'pg';
import { NEVER } from '../../utils/poll-schedule';
import type { DeviceAuth } from '../store/members';
import { inChangeTx } from '../store/tx';

/**
 * Stops tracking a profile for the whole organisation (every member's browser drops it at its
 * next sync). A login left with no tracked profile has its tokens erased and is never checked.
 */
export async function disconnectProfile(pool: pg.Pool, device: DeviceAuth, profileId: string, now: number): Promise<boolean> {
  return inChangeTx(pool, async (tx, change) => {
    const { rows } = await tx.query<{ grant_id: string; network: string }>(
      'update profiles set deleted_at = $2, change = $3 where id = $1 and deleted_at is null returning grant_id, network',
      [profileId, now, change],
    );
    if (!rows[0]) return false;
    await tx.query('delete from member_profiles where profile_id = $1', [profileId]);
    await tx.query("insert into history (profile_id, at, kind, fact, member_id, change) values ($1, $2, 'status', $3::jsonb, $4, $5)", [
      profileId,
      now,
      JSON.stringify({ code: 'disconnected', network: rows[0].network, by: device.member.email }),
      device.member.id,
      change,
    ]);
    await tx.query(
      `update grants set token_iv = ''::bytea, token_ct = ''::bytea, next_check_at = $2, change = $3
       where id = $1 and not exists (select 1 from profiles where grant_id = $1 and deleted_at is null)`,
      [rows[0].grant_id, NEVER, change],
    );
    await tx.query('insert into audit (at, actor, action, profile_id, detail) values ($1, $2, $3, $4, $5)', [
      now,
      device.deviceId,
      'disconnect',
      profileId,
      device.member.email,
    ]);
    return true;
  });
}
