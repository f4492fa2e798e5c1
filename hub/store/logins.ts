import type pg from 'pg';
import { applyRefresh } from '../../utils/apply-check';
import type { GrantRecord } from '../../utils/domain';
import type { NetworkId } from '../../utils/networks/catalog';
import type { ListedProfile, NativeIdentity, TokenSet } from '../../utils/networks/types';
import { grantIdOf } from '../../utils/networks/grant-binding';
import { sealTokens, type TokenKeys } from '../crypto';
import { secretPart } from '../tokens';
import { grantStateValues, GRANT_STATE_COLUMNS } from './grant-rows';

export interface HubLogin {
  network: NetworkId;
  tokens: TokenSet;
  identity: NativeIdentity;
  /** The expiry the network reported at inspection, when it did (it wins over defaults). */
  reportedExpiry?: number | null;
  /** Profiles this login now covers and that are tracked. */
  profiles: ListedProfile[];
  /** Everything the network listed (for who can renew), tracked or not. */
  listed: ListedProfile[];
  memberId: number;
  /** 'connected' for a new login, 'renewal' when it renews tracked profiles. */
  historyKind: 'connected' | 'renewal';
  /** Who connected or renewed, for the timeline (a fact each browser says in its language). */
  historyBy: string;
  now: number;
  /** The one profile the consent bound this grant to (a YouTube channel): a grant of its own. */
  boundTo?: string;
}

/** What an exchange writes beside the login: its audit row, and the profile it was refused (✗, the permission named). */
export interface LoginOutcome {
  audit: { actor: string; action: string; profileId: string | null; detail: string };
  refused?: { profileId: string; reason: string };
}

const UNKNOWN_NOW = 'Held a token for this profile before; its current permission is not known';

/**
 * Writes one login in one statement (one round trip, one transaction, one change number: its
 * transaction id): the identity (and the member whose browser used it), who can renew what it
 * listed, and the audit row; when it covers tracked profiles, the grant with its sealed tokens,
 * those profiles, "?" for the identity behind a profile's previous grant, the Member's access to
 * what they connected, and the history. Resolves with the grant id ('' when it covers none) and
 * which covered profiles were tracked before (read in the same statement).
 */
export async function saveHubLogin(
  pool: pg.Pool,
  key: TokenKeys,
  login: HubLogin,
  outcome: LoginOutcome,
): Promise<{ grantId: string; trackedBefore: string[] }> {
  const { network, identity, now } = login;
  const identityId = `${network}:${identity.id}`;
  const access = new Map<string, { can: string; reason: string | null }>();
  for (const p of login.listed)
    access.set(
      `${network}:${p.nativeId}`,
      p.canManage ? { can: 'yes', reason: null } : { can: 'no', reason: 'The network refused this account' },
    );
  if (outcome.refused) access.set(outcome.refused.profileId, { can: 'no', reason: outcome.refused.reason });
  // Statements in one WITH see one snapshot: `before` is every profile as it was, and no row is written twice.
  const params: unknown[] = [
    identityId,
    network,
    identity.name,
    login.memberId,
    now,
    [...access.keys()],
    [...access.values()].map((a) => a.can),
    [...access.values()].map((a) => a.reason),
    outcome.audit.actor,
    outcome.audit.action,
    outcome.audit.profileId,
    outcome.audit.detail,
  ];
  const $ = (value: unknown) => `$${params.push(value)}`;
  let covered = '';
  let grantId = '';
  if (login.profiles.length > 0) {
    grantId = grantIdOf(network, identity.id, login.boundTo);
    const fresh: GrantRecord = applyRefresh(blankGrant(grantId, network, now), login.tokens, now);
    if (login.reportedExpiry !== undefined) {
      fresh.expiresAt = login.reportedExpiry;
      fresh.expirySource = 'network';
    }
    const sealed = sealTokens(key, grantId, secretPart(login.tokens));
    const g = $(grantId);
    const state = grantStateValues(fresh).map($).join(', ');
    const ids = login.profiles.map((p) => `${network}:${p.nativeId}`);
    const list = (pick: (p: ListedProfile) => string | undefined) => $(login.profiles.map((p) => pick(p) ?? null));
    covered = `,
    grant_row as (
      insert into grants (id, network, identity_id, ${GRANT_STATE_COLUMNS.join(', ')}, token_iv, token_ct, renewed_by, change)
      values (${g}, $2, $1, ${state}, ${$(sealed.iv)}, ${$(sealed.ct)}, $4, (select change from tx))
      on conflict (id) do update set ${GRANT_STATE_COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ')},
        token_iv = excluded.token_iv, token_ct = excluded.token_ct, renewed_by = excluded.renewed_by, change = excluded.change,
        leased_until = null, leased_by = null),
    covered as (
      select * from unnest(${$(ids)}::text[], ${list((p) => p.nativeId)}::text[], ${list((p) => p.kind)}::text[], ${list((p) => p.name)}::text[],
        ${list((p) => p.handle)}::text[], ${list((p) => p.avatar)}::text[]) with ordinality as p(id, native_id, kind, name, handle, avatar, n)),
    before as (select id, grant_id from profiles where id in (select id from covered) and deleted_at is null),
    profile_rows as (
      insert into profiles (id, network, native_id, kind, name, handle, avatar, grant_id, created_at, change)
      select p.id, $2, p.native_id, p.kind, p.name, p.handle, p.avatar, ${g}, $5, tx.change from covered p, tx
      on conflict (id) do update set kind = excluded.kind, name = excluded.name, handle = excluded.handle, avatar = excluded.avatar,
        grant_id = excluded.grant_id, deleted_at = null, change = excluded.change),
    unknown_now as (
      update access a set can = 'unknown', reason = ${$(UNKNOWN_NOW)}, at = $5, change = tx.change
      from before b join grants old on old.id = b.grant_id, tx
      where b.grant_id <> ${g} and a.profile_id = b.id and a.can <> 'no' and a.identity_id <> $1 and a.identity_id = old.identity_id),
    member_rows as (insert into member_profiles (member_id, profile_id) select $4, id from covered on conflict do nothing),
    history_rows as (
      insert into history (profile_id, at, kind, fact, member_id, change)
      select p.id, $5, case when b.id is null then ${$(login.historyKind)}::text else 'renewal' end,
        jsonb_build_object('code', case when b.id is null and ${$(login.historyKind)}::text = 'connected' then 'connected' else 'renewed' end,
          'by', ${$(login.historyBy)}::text), $4, tx.change
      from covered p left join before b on b.id = p.id, tx order by p.n)`;
  }
  // Named, so each connection parses and plans it once (two texts: with covered profiles, without).
  const { rows } = await pool.query<{ tracked: string[] }>({
    name: covered ? 'save-login-covering' : 'save-login',
    text: `with tx as (select pg_current_xact_id()::text::bigint as change),
    identity_row as (
      insert into identities (id, network, name, member_id) values ($1, $2, $3, $4)
      on conflict (id) do update set name = excluded.name, member_id = excluded.member_id),
    access_rows as (
      insert into access (identity_id, profile_id, can, reason, at, change)
      select $1, a.profile_id, a.can, a.reason, $5, tx.change from unnest($6::text[], $7::text[], $8::text[]) as a(profile_id, can, reason), tx
      on conflict (identity_id, profile_id) do update set can = excluded.can, reason = excluded.reason, at = excluded.at, change = excluded.change),
    audit_row as (insert into audit (at, actor, action, profile_id, detail) values ($5, $9, $10, $11, $12))${covered}
    select ${covered ? `coalesce((select array_agg(id) from before), '{}')` : `'{}'::text[]`} as tracked`,
    values: params,
  });
  return { grantId, trackedBefore: rows[0]!.tracked };
}

function blankGrant(id: string, network: NetworkId, now: number): GrantRecord {
  return {
    id,
    network,
    identityId: id,
    scopes: [],
    issuedAt: now,
    expiresAt: null,
    accessExpiresAt: null,
    invalidSince: null,
    invalidReason: null,
    refreshable: false,
    lastCheckAt: now,
    lastCheckResult: null,
    lastError: null,
    failures: 0,
    nextCheckAt: 0,
    renewal: null,
  };
}
