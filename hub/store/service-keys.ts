import type pg from 'pg';
import type { NetworkId } from '../../utils/networks/catalog';
import { hashSecret, newKey, shortId } from '../crypto';

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

export async function revokeServiceKey(pool: pg.Pool, nameOrId: string, now: number): Promise<boolean> {
  const { rowCount } = await pool.query('update service_keys set revoked_at = $2 where (id = $1 or name = $1) and revoked_at is null', [
    nameOrId,
    now,
  ]);
  return (rowCount ?? 0) > 0;
}
