import type pg from 'pg';
import { sealTokens, type TokenKeys } from '../../../hub/crypto';
import { NETWORK_IDS, type NetworkId } from '../../../utils/networks/catalog';
import type { SandboxState } from '../../sandbox/state';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Issues `count` live access tokens of one network (to one sandbox account), as thousands of OAuth flows would. */
export type IssueTokens = (network: NetworkId, count: number) => Promise<string[]>;

/** Tokens from a sandbox in this process. */
export const issueInProcess =
  (state: SandboxState): IssueTokens =>
  (network, count) => {
    const account = state.addAccount({ network, name: `Seed ${network}`, accessLifetimeSec: 60 * 86_400 });
    return Promise.resolve(Array.from({ length: count }, () => state.issue(network, account.id, 'access', 60 * 86_400).value));
  };

/** Tokens from a sandbox in its own process (sandbox-process.ts). */
export const issueOverHttp =
  (seedUrl: string): IssueTokens =>
  async (network, count) => {
    const res = await fetch(`${seedUrl}/issue`, { method: 'POST', body: JSON.stringify({ network, count }) });
    return ((await res.json()) as { tokens: string[] }).tokens;
  };

/**
 * `count` grants spread over the nine networks, all due at `now`, written straight into the
 * hub's tables (no exchange: fast enough for 10,000). Each holds, sealed as the hub seals, a
 * real access token the sandbox issued, so every check the hub runs is a real inspection the
 * sandbox answers "valid". Grant ids are `<network>:seed-<i>`.
 */
export async function seedGrants(pool: pg.Pool, key: TokenKeys, issue: IssueTokens, count: number, now: number): Promise<string[]> {
  const perNetwork = new Map<NetworkId, string[]>();
  for (const [n, network] of NETWORK_IDS.entries()) {
    const share = Math.floor(count / NETWORK_IDS.length) + (n < count % NETWORK_IDS.length ? 1 : 0);
    perNetwork.set(network, await issue(network, share));
  }
  const ids: string[] = [];
  const networks: string[] = [];
  const ivs: Buffer[] = [];
  const cts: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    const network = NETWORK_IDS[i % NETWORK_IDS.length]!;
    const id = `${network}:seed-${i}`;
    const sealed = sealTokens(key, id, { accessToken: perNetwork.get(network)!.pop()! });
    ids.push(id);
    networks.push(network);
    ivs.push(sealed.iv);
    cts.push(sealed.ct);
  }
  // In slices: one statement per 2,000 rows keeps each parameter array small.
  for (let from = 0; from < count; from += 2_000) {
    const slice = (a: unknown[]) => a.slice(from, from + 2_000);
    await pool.query(
      `insert into identities (id, network, name) select id, network, 'Seed' from unnest($1::text[], $2::text[]) as t(id, network)`,
      [slice(ids), slice(networks)],
    );
    await pool.query(
      `insert into grants (id, network, identity_id, issued_at, expires_at, refreshable, next_check_at, token_iv, token_ct, change)
       select id, network, id, $3, $4, false, $5, iv, ct, 0 from unnest($1::text[], $2::text[], $6::bytea[], $7::bytea[]) as t(id, network, iv, ct)`,
      [slice(ids), slice(networks), now, now + 30 * DAY_MS, now - 1, slice(ivs), slice(cts)],
    );
  }
  return ids;
}

/**
 * Test-only bookkeeping in the hub's database: one row per check stored (a grant's last_check_at
 * moving) with the lease it was checked under, and one row per lease taken. What "checked
 * exactly once" and "taken over" are counted from.
 */
export async function recordChecks(pool: pg.Pool): Promise<void> {
  await pool.query(`
    create table check_log (grant_id text not null, checked_at bigint not null, leased_by text);
    create table lease_log (grant_id text not null, leased_by text not null);
    create function log_check() returns trigger language plpgsql as $$
    begin
      if old.last_check_at is distinct from new.last_check_at then
        insert into check_log values (new.id, new.last_check_at, old.leased_by);
      end if;
      if new.leased_by is distinct from old.leased_by and new.leased_by is not null then
        insert into lease_log values (new.id, new.leased_by);
      end if;
      return new;
    end $$;
    create trigger log_check after update on grants for each row execute function log_check();
  `);
}
