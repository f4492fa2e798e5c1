import type pg from 'pg';
import type { NetworkId } from '../../utils/networks/catalog';
import { hashSecret, newKey, shortId } from '../crypto';
import { GRANT_ROW_COLUMNS, type GrantRow } from './grant-rows';

export interface ServiceKey {
  id: string;
  name: string;
  networks: NetworkId[];
}

/** A key for a publishing tool, limited to some networks. The key is shown once; the hub keeps its hash. */
export async function createServiceKey(
  pool: pg.Pool,
  name: string,
  networks: NetworkId[],
  now: number,
): Promise<{ id: string; key: string }> {
  const key = newKey('tws');
  const id = shortId('svc');
  await pool.query('insert into service_keys (id, name, key_hash, networks, created_at) values ($1, $2, $3, $4, $5)', [
    id,
    name,
    hashSecret(key),
    networks,
    now,
  ]);
  return { id, key };
}

export async function authenticateService(pool: pg.Pool, key: string): Promise<ServiceKey | null> {
  const { rows } = await pool.query<ServiceKey>('select id, name, networks from service_keys where key_hash = $1 and revoked_at is null', [
    hashSecret(key),
  ]);
  return rows[0] ?? null;
}

/**
 * A token read's one round trip: the key (not revoked) and the grant behind the profile (null
 * when no such profile is tracked); null when the key is not valid.
 */
export async function authenticateServiceFor(
  pool: pg.Pool,
  key: string,
  profileId: string,
): Promise<{ service: ServiceKey; grant: GrantRow | null } | null> {
  const { rows } = await pool.query<GrantRow & { key_id: string; key_name: string; key_networks: NetworkId[] }>({
    name: 'authenticate-token-read', // the busiest query: parsed and planned once per connection
    text: `select k.id as key_id, k.name as key_name, k.networks as key_networks, ${GRANT_ROW_COLUMNS.map((c) => `g.${c}`).join(', ')}
     from service_keys k
     left join profiles p on p.id = $2 and p.deleted_at is null
     left join grants g on g.id = p.grant_id
     where k.key_hash = $1 and k.revoked_at is null`,
    values: [hashSecret(key), profileId],
  });
  const r = rows[0];
  if (!r) return null;
  const { key_id: id, key_name: name, key_networks: networks, ...grant } = r;
  return { service: { id, name, networks }, grant: grant.id === null ? null : grant };
}

export async function revokeServiceKey(pool: pg.Pool, nameOrId: string, now: number): Promise<boolean> {
  const { rowCount } = await pool.query('update service_keys set revoked_at = $2 where (id = $1 or name = $1) and revoked_at is null', [
    nameOrId,
    now,
  ]);
  return (rowCount ?? 0) > 0;
}
