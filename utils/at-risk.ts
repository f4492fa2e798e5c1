import type { IdentityRecord } from './domain';
import { grantStatus, type StatusInput, type StatusView, type TokenStatus } from './status';

/** A profile whose grant is gone has nothing to publish with: it counts as expired, everywhere. */
export function profileStatus(grant: StatusInput | undefined, now: number): StatusView {
  return grant ? grantStatus(grant, now) : { status: 'expired', daysLeft: null, expiredSince: now };
}

/** At risk: expired or expiring (the badge's count, the startup window, "Try renewing all"). */
export function isAtRisk(status: TokenStatus): boolean {
  return status === 'expired' || status === 'expiring';
}

/**
 * Profiles this member can renew in an organisation hub: those a native identity they used is
 * not known to lack the permission for (SPEC §10: their reminders, their startup window).
 */
export function renewableByMember(identities: readonly IdentityRecord[], memberEmail: string): Set<string> {
  const mine = new Set<string>();
  for (const identity of identities) {
    if (identity.memberEmail !== memberEmail) continue;
    for (const [profileId, access] of Object.entries(identity.access)) if (access.can !== 'no') mine.add(profileId);
  }
  return mine;
}

/**
 * Whether this person can renew a profile (SPEC §4, §5): alone, unless the login behind it is
 * known to lack the permission; in a hub (`memberEmail`), if one of their own identities can.
 * Built once for a list (the member's profiles and the identities by id are computed here, not
 * per row).
 */
export function renewRule(
  identities: readonly IdentityRecord[],
  memberEmail: string | null,
): (profile: { id: string }, grant: { identityId: string } | undefined) => boolean {
  if (memberEmail !== null) {
    const mine = renewableByMember(identities, memberEmail);
    return (profile) => mine.has(profile.id);
  }
  const byId = new Map(identities.map((i) => [i.id, i]));
  return (profile, grant) => (grant ? byId.get(grant.identityId) : undefined)?.access[profile.id]?.can !== 'no';
}

/** `renewRule` for one profile. */
export function canRenew(
  profile: { id: string },
  grant: { identityId: string } | undefined,
  identities: readonly IdentityRecord[],
  memberEmail: string | null,
): boolean {
  return renewRule(identities, memberEmail)(profile, grant);
}
