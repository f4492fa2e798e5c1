import type { GrantRecord, ProfileRecord, WardenDb } from './schema';

/** What a list row needs: a profile and its grant (never its secret). */
export interface ProfileRow {
  profile: ProfileRecord;
  grant: GrantRecord | undefined;
}

export function joinProfileRows(profiles: ProfileRecord[], grants: GrantRecord[]): ProfileRow[] {
  const byId = new Map(grants.map((g) => [g.id, g]));
  return profiles.map((profile) => ({ profile, grant: byId.get(profile.grantId) }));
}

export async function readProfileRows(db: WardenDb): Promise<ProfileRow[]> {
  const [profiles, grants] = await Promise.all([db.profiles.toArray(), db.grants.toArray()]);
  return joinProfileRows(profiles, grants);
}
