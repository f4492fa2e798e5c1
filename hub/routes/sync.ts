import type pg from 'pg';
import type { GrantRecord } from '../../utils/domain';
import { seesAll, type Member } from '../store/members';
import { GRANT_OPEN_COLUMNS, toGrantRecord, type GrantRow } from '../store/grant-rows';
import { inTx } from '../store/tx';
import { preferencesSince, type MemberPreferences } from './team';

const GRANT_COLUMNS = GRANT_OPEN_COLUMNS.map((c) => `g.${c}`).join(', ');

export interface SyncProfile {
  id: string;
  network: string;
  nativeId: string;
  kind: string;
  name: string;
  handle: string | null;
  avatar: string | null;
  grantId: string;
  createdAt: number;
}

export interface SyncAnswer {
  cursor: number;
  grants: GrantRecord[];
  profiles: SyncProfile[];
  /** Profiles no longer tracked, or no longer visible to this member. */
  removed: string[];
  /** Who can renew what: one row per native identity and profile, with the member who used it. */
  access: {
    identityId: string;
    network: string;
    name: string;
    memberEmail: string | null;
    profileId: string;
    can: string;
    reason: string | null;
    at: number;
  }[];
  history: { profileId: string; at: number; kind: string; text: string | null; fact: unknown }[];
  /** The member's reminder preferences, when they changed (on another device) after `since`. */
  preferences: MemberPreferences | null;
}

/**
 * What changed after `since` among what this member may see, in one answer: one request per
 * poll, whatever the number of profiles. `since` 0 is the whole picture.
 */
export async function sync(pool: pg.Pool, member: Member, since: number): Promise<SyncAnswer> {
  // One snapshot for every read. Rows carry their writer's transaction id: every writer older than
  // the snapshot's oldest running one is visible now, so that id is the next cursor; rows of
  // writers at or above it may come again (the extension's writes are idempotent).
  return inTx(
    pool,
    async (tx) => {
      const { rows } = await tx.query<{ xmin: string }>('select pg_snapshot_xmin(pg_current_snapshot())::text as xmin');
      return readChanges(tx, member, since, Number(rows[0]!.xmin));
    },
    'begin isolation level repeatable read read only',
  );
}

async function readChanges(pool: pg.PoolClient, member: Member, since: number, cursor: number): Promise<SyncAnswer> {
  const all = seesAll(member);
  const visible = all ? 'true' : 'p.id in (select profile_id from member_profiles where member_id = $2)';
  const args = all ? [since] : [since, member.id];
  const profiles = await pool.query<{
    id: string;
    network: string;
    native_id: string;
    kind: string;
    name: string;
    handle: string | null;
    avatar: string | null;
    grant_id: string;
    created_at: number;
    deleted_at: number | null;
  }>( // A removed profile is said to everyone (only its id): a Member's access to it went with it.
    `select p.* from profiles p where p.change >= $1 and (${visible} or p.deleted_at is not null)`,
    args,
  );
  // Every column a grant record needs, not its sealed tokens (never sent, and 10,000 of them cost time to read).
  const grants = await pool.query<Omit<GrantRow, 'token_iv' | 'token_ct'>>(
    `select ${GRANT_COLUMNS} from grants g where g.change >= $1
       and exists (select 1 from profiles p where p.grant_id = g.id and p.deleted_at is null and ${visible})`,
    args,
  );
  const access = await pool.query<{
    identity_id: string;
    network: string;
    name: string;
    email: string | null;
    profile_id: string;
    can: string;
    reason: string | null;
    at: number;
  }>(
    `select a.identity_id, i.network, i.name, m.email, a.profile_id, a.can, a.reason, a.at
     from access a join identities i on i.id = a.identity_id left join members m on m.id = i.member_id
     join profiles p on p.id = a.profile_id
     where a.change >= $1 and ${visible}`,
    args,
  );
  const history = await pool.query<{ profile_id: string; at: number; kind: string; text: string | null; fact: unknown }>(
    `select h.profile_id, h.at, h.kind, h.text, h.fact from history h join profiles p on p.id = h.profile_id
     where h.change >= $1 and ${visible} order by h.id`,
    args,
  );
  return {
    cursor,
    // Read as they are: toGrantRecord reads no token column (a copy of each of 10,000 rows costs ~50 ms).
    grants: grants.rows.map((g) => toGrantRecord(g as GrantRow)),
    profiles: profiles.rows
      .filter((p) => p.deleted_at === null)
      .map((p) => ({
        id: p.id,
        network: p.network,
        nativeId: p.native_id,
        kind: p.kind,
        name: p.name,
        handle: p.handle,
        avatar: p.avatar,
        grantId: p.grant_id,
        createdAt: p.created_at,
      })),
    removed: profiles.rows.filter((p) => p.deleted_at !== null).map((p) => p.id),
    access: access.rows.map((a) => ({
      identityId: a.identity_id,
      network: a.network,
      name: a.name,
      memberEmail: a.email,
      profileId: a.profile_id,
      can: a.can,
      reason: a.reason,
      at: a.at,
    })),
    history: history.rows.map((h) => ({ profileId: h.profile_id, at: h.at, kind: h.kind, text: h.text, fact: h.fact })),
    preferences: await preferencesSince(pool, member.id, since),
  };
}
