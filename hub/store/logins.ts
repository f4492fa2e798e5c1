import { applyRefresh } from '../../utils/apply-check';
import type { GrantRecord } from '../../utils/domain';
import type { NetworkId } from '../../utils/networks/catalog';
import type { ListedProfile, NativeIdentity, TokenSet } from '../../utils/networks/types';
import { grantIdOf } from '../../utils/networks/grant-binding';
import { sealTokens } from '../crypto';
import { secretPart } from '../tokens';
import { grantStateValues, GRANT_STATE_COLUMNS, stateAssignments } from './grant-rows';
import type { Tx } from './tx';

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

/**
 * Writes one login in the caller's change transaction: the identity (and the member whose
 * browser used it), the grant with its sealed tokens, the profiles it covers, who can renew
 * what, and the history. A Member who connects a profile may see it from then on.
 */
export async function saveHubLogin(tx: Tx, key: Buffer, login: HubLogin, change: number): Promise<string> {
  const { network, tokens, identity, now } = login;
  const identityId = `${network}:${identity.id}`;
  const id = grantIdOf(network, identity.id, login.boundTo);
  await tx.query(
    `insert into identities (id, network, name, member_id) values ($1, $2, $3, $4)
     on conflict (id) do update set name = excluded.name, member_id = excluded.member_id`,
    [identityId, network, identity.name, login.memberId],
  );
  const fresh: GrantRecord = applyRefresh(blankGrant(id, network, now), tokens, now);
  if (login.reportedExpiry !== undefined) {
    fresh.expiresAt = login.reportedExpiry;
    fresh.expirySource = 'network';
  }
  const sealed = sealTokens(key, id, secretPart(tokens));
  const cols = GRANT_STATE_COLUMNS.join(', ');
  const params = GRANT_STATE_COLUMNS.map((_, i) => `$${i + 4}`).join(', ');
  const n = GRANT_STATE_COLUMNS.length;
  await tx.query(
    `insert into grants (id, network, identity_id, ${cols}, token_iv, token_ct, renewed_by, change)
     values ($1, $2, $3, ${params}, $${n + 4}, $${n + 5}, $${n + 6}, $${n + 7})
     on conflict (id) do update set ${stateAssignments(4)}, token_iv = $${n + 4}, token_ct = $${n + 5},
       renewed_by = $${n + 6}, change = $${n + 7}, leased_until = null`,
    [id, network, identityId, ...grantStateValues(fresh), sealed.iv, sealed.ct, login.memberId, change],
  );
  for (const p of login.listed) {
    await tx.query(
      `insert into access (identity_id, profile_id, can, reason, at, change) values ($1, $2, $3, $4, $5, $6)
       on conflict (identity_id, profile_id) do update set can = excluded.can, reason = excluded.reason, at = excluded.at, change = excluded.change`,
      [
        identityId,
        `${network}:${p.nativeId}`,
        p.canManage ? 'yes' : 'no',
        p.canManage ? null : 'The network refused this account',
        now,
        change,
      ],
    );
  }
  for (const p of login.profiles) {
    const profileId = `${network}:${p.nativeId}`;
    const before = await tx.query<{ grant_id: string }>('select grant_id from profiles where id = $1 and deleted_at is null', [profileId]);
    const moved = before.rows[0] && before.rows[0].grant_id !== id ? before.rows[0].grant_id : null;
    await tx.query(
      `insert into profiles (id, network, native_id, kind, name, handle, avatar, grant_id, created_at, change)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       on conflict (id) do update set kind = excluded.kind, name = excluded.name, handle = excluded.handle, avatar = excluded.avatar,
         grant_id = excluded.grant_id, deleted_at = null, change = excluded.change`,
      [profileId, network, p.nativeId, p.kind, p.name, p.handle ?? null, p.avatar ?? null, id, now, change],
    );
    if (moved) await markUnknown(tx, moved, identityId, profileId, now, change);
    await tx.query('insert into member_profiles (member_id, profile_id) values ($1, $2) on conflict do nothing', [
      login.memberId,
      profileId,
    ]);
    await tx.query('insert into history (profile_id, at, kind, fact, member_id, change) values ($1, $2, $3, $4::jsonb, $5, $6)', [
      profileId,
      now,
      before.rows[0] ? 'renewal' : login.historyKind,
      JSON.stringify({ code: before.rows[0] ? 'renewed' : login.historyKind === 'renewal' ? 'renewed' : 'connected', by: login.historyBy }),
      login.memberId,
      change,
    ]);
  }
  return id;
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

/** SPEC §4 "?": the identity behind the previous grant held a token for this profile; its permission now is not known. */
async function markUnknown(
  tx: Tx,
  oldGrantId: string,
  newIdentityId: string,
  profileId: string,
  now: number,
  change: number,
): Promise<void> {
  // The same identity moving a profile to a grant of its own (one per YouTube channel) still has it.
  await tx.query(
    `update access set can = 'unknown', reason = 'Held a token for this profile before; its current permission is not known', at = $3, change = $4
     where profile_id = $2 and can <> 'no' and identity_id <> $5 and identity_id = (select identity_id from grants where id = $1)`,
    [oldGrantId, profileId, now, change, newIdentityId],
  );
}
