import type pg from 'pg';
import type { NetworkId } from '../../utils/networks/catalog';
import { hashSecret, newKey, shortId } from '../crypto';
import { GRANT_ROW_COLUMNS, type GrantRow } from './grant-rows';
import { countRequestSql, windowOf } from './request-budgets';

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

/** The key, not revoked, with the request counted against its budget (`used`, this one included); null when not valid. */
export async function authenticateService(pool: pg.Pool, key: string, now: number): Promise<(ServiceKey & { used: number }) | null> {
  const { rows } = await pool.query<ServiceKey & { used: number }>({
    name: 'authenticate-service',
    text: `with k as (select id, name, networks from service_keys where key_hash = $1 and revoked_at is null),
     n as (${countRequestSql("'service:' || k.id", 'k', '$2')})
     select k.*, (select used from n) as used from k`,
    values: [hashSecret(key), windowOf(now)],
  });
  return rows[0] ?? null;
}

/**
 * A token read's one round trip: the key (not revoked), the read counted against its budget, and
 * the grant behind the profile (null when no such profile is tracked); null when the key is not valid.
 */
export async function authenticateServiceFor(
  pool: pg.Pool,
  key: string,
  profileId: string,
  now: number,
): Promise<{ service: ServiceKey; used: number; grant: GrantRow | null } | null> {
  const { rows } = await pool.query<GrantRow & { key_id: string; key_name: string; key_networks: NetworkId[]; key_used: number }>({
    name: 'authenticate-token-read', // the busiest query: parsed and planned once per connection
    text: `with k as (select id, name, networks from service_keys where key_hash = $1 and revoked_at is null),
     n as (${countRequestSql("'service:' || k.id", 'k', '$3')})
     select k.id as key_id, k.name as key_name, k.networks as key_networks, (select used from n) as key_used,
       ${GRANT_ROW_COLUMNS.map((c) => `g.${c}`).join(', ')}
     from k
     left join profiles p on p.id = $2 and p.deleted_at is null
     left join grants g on g.id = p.grant_id`,
    values: [hashSecret(key), profileId, windowOf(now)],
  });
  const r = rows[0];
  if (!r) return null;
  const { key_id: id, key_name: name, key_networks: networks, key_used: used, ...grant } = r;
  return { service: { id, name, networks }, used, grant: grant.id === null ? null : grant };
}

export async function revokeServiceKey(pool: pg.Pool, nameOrId: string, now: number): Promise<boolean> {
  const { rowCount } = await pool.query('update service_keys set revoked_at = $2 where (id = $1 or name = $1) and revoked_at is null', [
    nameOrId,
    now,
  ]);
  return (rowCount ?? 0) > 0;
}
