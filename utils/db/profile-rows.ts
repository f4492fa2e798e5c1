import type { GrantRecord, ProfileRecord, ProfileWithGrant as ProfileRow } from '../domain';
import type { WardenDb } from './schema';

export type { ProfileRow };

export function joinProfileRows(profiles: ProfileRecord[], grants: GrantRecord[]): ProfileRow[] {
  const byId = new Map(grants.map((g) => [g.id, g]));
  return profiles.map((profile) => ({ profile, grant: byId.get(profile.grantId) }));
}

export async function readProfileRows(db: WardenDb): Promise<ProfileRow[]> {
  const [profiles, grants] = await Promise.all([db.profiles.toArray(), db.grants.toArray()]);
  return joinProfileRows(profiles, grants);
}
