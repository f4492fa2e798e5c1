import { grantExpiry, grantExpirySource } from '../networks/grant-expiry';
import type { HistoryFact } from '../history-facts';
import { recordHistory } from './history-writes';
import { dropGrantIfUnused } from './profile-writes';
import { grantIdOf } from '../networks/grant-binding';
import type { NetworkId } from '../networks/catalog';
import type { ListedProfile, NativeIdentity, TokenSet } from '../networks/types';
import { nextCheckAt } from '../poll-schedule';
import type { GrantRecord, HistoryRecord, IdentityRecord, ProfileRecord, WardenDb } from './schema';
import { sealTokens, secretPart, vaultKey } from './vault';

export interface LoginToSave {
  network: NetworkId;
  tokens: TokenSet;
  identity: NativeIdentity;
  /** The expiry the network reported at inspection, when it did (it wins over defaults). */
  reportedExpiry?: number | null;
  /** Profiles this login now covers and that are to be tracked. */
  profiles: ListedProfile[];
  /** Profiles listed by the network (for who-can-renew), tracked or not. */
  listed: ListedProfile[];
  /** What the timeline says of it (who connected or renewed). */
  historyFact: HistoryFact;
  now: number;
  /** The one profile a grant is bound to by the network's consent (a YouTube channel): its own grant. */
  boundTo?: string;
}

/**
 * Writes one login in a single transaction: the grant, its encrypted
 * secret, the identity, the profiles it covers, and their history. Grants
 * left without any profile are removed with their secret.
 */
export async function saveLogin(db: WardenDb, login: LoginToSave): Promise<GrantRecord> {
  const { network, tokens, identity, now } = login;
  const grantId = grantIdOf(network, identity.id, login.boundTo);
  const identityId = `${network}:${identity.id}`;
  const expiresAt = login.reportedExpiry !== undefined ? login.reportedExpiry : grantExpiry(network, tokens, now);
  const grant: GrantRecord = {
    id: grantId,
    network,
    identityId,
    scopes: tokens.scopes,
    issuedAt: now,
    expiresAt,
    expirySource: login.reportedExpiry !== undefined ? 'network' : grantExpirySource(network, tokens),
    accessExpiresAt: tokens.accessExpiresAt,
    invalidSince: null,
    invalidReason: null,
    refreshable: Boolean(tokens.refreshToken),
    lastCheckAt: now,
    lastCheckResult: 'valid',
    lastError: null,
    failures: 0,
    nextCheckAt: 0,
    renewal: null,
  };
  grant.nextCheckAt = nextCheckAt(grant, 'valid', 0, now);
  const secret = await sealTokens(await vaultKey(db), grantId, secretPart(tokens));

  await db.transaction('rw', [db.grants, db.secrets, db.identities, db.profiles, db.history], async () => {
    const previous = await db.grants.get(grantId);
    if (previous?.renewal) grant.renewal = previous.renewal;
    await db.grants.put(grant);
    await db.secrets.put(secret);
    const known = await db.identities.get(identityId);
    const access: IdentityRecord['access'] = { ...(known?.access ?? {}) };
    for (const p of login.listed) access[`${network}:${p.nativeId}`] = { can: p.canManage ? 'yes' : 'no', at: now };
    await db.identities.put({ id: identityId, network, name: identity.name, access });

    const movedFrom = new Set<string>();
    const history: HistoryRecord[] = [];
    for (const listed of login.profiles) {
      const id = `${network}:${listed.nativeId}`;
      const existing = await db.profiles.get(id);
      if (existing && existing.grantId !== grantId) {
        movedFrom.add(existing.grantId);
        await markUnknown(db, existing.grantId, identityId, id, now);
      }
      const profile: ProfileRecord = {
        id,
        network,
        nativeId: listed.nativeId,
        kind: listed.kind,
        name: listed.name,
        handle: listed.handle,
        avatar: listed.avatar,
        grantId,
        createdAt: existing?.createdAt ?? now,
      };
      await db.profiles.put(profile);
      history.push({ profileId: id, at: now, kind: existing ? 'renewal' : 'connected', fact: login.historyFact });
    }
    await recordHistory(db, history);
    for (const oldGrant of movedFrom) await dropGrantIfUnused(db, oldGrant);
  });
  return grant;
}

/**
 * SPEC §4 "?": the identity behind the previous grant held a token for this
 * profile, but whether it still has the permission is no longer known.
 */
async function markUnknown(db: WardenDb, oldGrantId: string, newIdentityId: string, profileId: string, now: number): Promise<void> {
  const old = await db.grants.get(oldGrantId);
  // The same identity moving a profile to a grant of its own (one per YouTube channel) still has it.
  const identity = old && old.identityId !== newIdentityId && (await db.identities.get(old.identityId));
  if (!identity || identity.access[profileId]?.can === 'no') return;
  identity.access[profileId] = {
    can: 'unknown',
    reason: 'Held a token for this profile before; its current permission is not known',
    at: now,
  };
  await db.identities.put(identity);
}
