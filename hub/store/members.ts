import type pg from 'pg';
import { hashSecret, newEnrollmentCode, newKey, normaliseCode, shortId } from '../crypto';
import { inChangeTx, inTx } from './tx';
import { countRequestSql, windowOf } from './request-budgets';

export type Role = 'owner' | 'manager' | 'member';
export const ROLES: readonly Role[] = ['owner', 'manager', 'member'];

export interface Member {
  id: number;
  email: string;
  role: Role;
}

export interface DeviceAuth {
  deviceId: string;
  member: Member;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Creates the member if new (or sets the role), and a one-time enrollment code valid 24 hours. */
export async function invite(pool: pg.Pool, email: string, role: Role, now: number): Promise<{ code: string; expiresAt: number }> {
  const code = newEnrollmentCode();
  const expiresAt = now + DAY_MS;
  await inTx(pool, async (tx) => {
    const { rows } = await tx.query<{ id: number }>(
      `insert into members (email, role, created_at) values (lower($1), $2, $3)
       on conflict (email) do update set role = excluded.role, revoked_at = null returning id`,
      [email, role, now],
    );
    await tx.query('insert into enrollment_codes (code_hash, member_id, expires_at) values ($1, $2, $3)', [
      hashSecret(normaliseCode(code)),
      rows[0]!.id,
      expiresAt,
    ]);
  });
  return { code, expiresAt };
}

/** Trades a one-time code for a device key; the hub keeps only the key's hash. null: unknown, used, expired or revoked. */
export async function enroll(
  pool: pg.Pool,
  code: string,
  deviceName: string,
  now: number,
): Promise<{ deviceKey: string; deviceId: string; member: Member } | null> {
  return inTx(pool, async (tx) => {
    const { rows } = await tx.query<{ member_id: number }>(
      `update enrollment_codes set used_at = $2 where code_hash = $1 and used_at is null and expires_at > $2 returning member_id`,
      [hashSecret(normaliseCode(code)), now],
    );
    if (!rows[0]) return null;
    const member = await tx.query<Member>('select id, email, role from members where id = $1 and revoked_at is null', [rows[0].member_id]);
    if (!member.rows[0]) return null;
    const deviceKey = newKey('twd');
    const deviceId = shortId('dev');
    await tx.query('insert into devices (id, member_id, key_hash, name, created_at) values ($1, $2, $3, $4, $5)', [
      deviceId,
      member.rows[0].id,
      hashSecret(deviceKey),
      deviceName.slice(0, 100),
      now,
    ]);
    return { deviceKey, deviceId, member: member.rows[0] };
  });
}

/** The device and member behind a device key, or null (unknown or revoked). */
export async function authenticateDevice(pool: pg.Pool, key: string, now: number): Promise<(DeviceAuth & { used: number }) | null> {
  const { rows } = await pool.query<{
    device_id: string;
    id: number;
    email: string;
    role: Role;
    last_seen_at: number | null;
    used: number;
  }>({
    name: 'authenticate-device', // every device request: parsed and planned once per connection
    // The key, and the request counted against its device's budget (shared by every hub process).
    text: `with d as (select d.id as device_id, d.last_seen_at, m.id, m.email, m.role from devices d join members m on m.id = d.member_id
       where d.key_hash = $1 and d.revoked_at is null and m.revoked_at is null),
     n as (${countRequestSql("'device:' || d.device_id", 'd', '$2')})
     select d.*, (select used from n) as used from d`,
    values: [hashSecret(key), windowOf(now)],
  });
  const r = rows[0];
  if (!r) return null;
  // "Last seen" to the minute: a write per request would queue a device's concurrent requests on its row.
  if (r.last_seen_at === null || now - r.last_seen_at >= 60_000) {
    await pool.query('update devices set last_seen_at = $2 where id = $1 and (last_seen_at is null or last_seen_at <= $3)', [
      r.device_id,
      now,
      now - 60_000,
    ]);
  }
  return { deviceId: r.device_id, member: { id: r.id, email: r.email, role: r.role }, used: r.used };
}

/** Cuts off a member (all devices) by e-mail, or one device by id. False when neither exists. */
export async function revoke(pool: pg.Pool, who: string, now: number): Promise<boolean> {
  if (who.includes('@')) {
    const { rowCount } = await pool.query('update members set revoked_at = $2 where email = lower($1) and revoked_at is null', [who, now]);
    await pool.query(
      'update devices set revoked_at = $2 where revoked_at is null and member_id = (select id from members where email = lower($1))',
      [who, now],
    );
    return (rowCount ?? 0) > 0;
  }
  const { rowCount } = await pool.query('update devices set revoked_at = $2 where id = $1 and revoked_at is null', [who, now]);
  return (rowCount ?? 0) > 0;
}

export async function setRole(pool: pg.Pool, email: string, role: Role): Promise<boolean> {
  const { rowCount } = await pool.query('update members set role = $2 where email = lower($1)', [email, role]);
  return (rowCount ?? 0) > 0;
}

export interface MemberListing extends Member {
  revokedAt: number | null;
  devices: { id: string; name: string; createdAt: number; lastSeenAt: number | null; revokedAt: number | null }[];
}

export async function listMembers(pool: pg.Pool): Promise<MemberListing[]> {
  const members = await pool.query<Member & { revoked_at: number | null }>(
    'select id, email, role, revoked_at from members order by email',
  );
  const devices = await pool.query<{
    id: string;
    member_id: number;
    name: string;
    created_at: number;
    last_seen_at: number | null;
    revoked_at: number | null;
  }>('select id, member_id, name, created_at, last_seen_at, revoked_at from devices order by created_at');
  return members.rows.map((m) => ({
    id: m.id,
    email: m.email,
    role: m.role,
    revokedAt: m.revoked_at,
    devices: devices.rows
      .filter((d) => d.member_id === m.id)
      .map((d) => ({ id: d.id, name: d.name, createdAt: d.created_at, lastSeenAt: d.last_seen_at, revokedAt: d.revoked_at })),
  }));
}

/** Lets a Member see and renew one profile. False when the member does not exist. */
export async function grantAccess(pool: pg.Pool, email: string, profileId: string): Promise<boolean> {
  const member = await pool.query<{ id: number }>('select id from members where email = lower($1)', [email]);
  if (!member.rows[0]) return false;
  await inChangeTx(pool, async (tx, change) => {
    const { rowCount } = await tx.query('insert into member_profiles (member_id, profile_id) values ($1, $2) on conflict do nothing', [
      member.rows[0]!.id,
      profileId,
    ]);
    if (!rowCount) return;
    // The Member's next sync brings what they may now see, whatever their cursor: the profile, its
    // grant, who can renew it and its history carry this change (the others get them again: the
    // extension's writes are idempotent and its history skips what it has).
    await tx.query('update profiles set change = $2 where id = $1', [profileId, change]);
    await tx.query('update grants set change = $2 where id = (select grant_id from profiles where id = $1)', [profileId, change]);
    await tx.query('update access set change = $2 where profile_id = $1', [profileId, change]);
    await tx.query('update history set change = $2 where profile_id = $1', [profileId, change]);
  });
  return true;
}

/** Owners and Managers see every profile; a Member those given to them. */
export function seesAll(member: Member): boolean {
  return member.role === 'owner' || member.role === 'manager';
}
