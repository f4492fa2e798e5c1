import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCommand } from '../../hub/cli/commands';
import { loadConfig } from '../../hub/config';
import { openDatabase, startEmbedded } from '../../hub/db/database';
import { silentLogger } from '../../hub/log';
import { serveHub } from '../../hub/serve';
import { NETWORK_IDS } from '../../utils/networks/catalog';
import { confirmationKey } from '../../utils/url-policy';
import { launchExtension } from '../e2e/support/chromium';
import { command, readTable, type SaveReply } from '../e2e/support/extension';
import { hubEnv } from '../hub/support/env';
import type { HubRow } from './hub';

const PROFILES = 10_000;
const DAY_MS = 86_400_000;

/**
 * #14: an extension's first status sync from a hub holding 10,000 profiles: from the enrollment
 * command to every profile and grant in the extension's IndexedDB and the badge set (one request).
 */
export async function firstSync(): Promise<HubRow> {
  const dir = await mkdtemp(join(tmpdir(), 'tw-bench-sync-'));
  const server = await startEmbedded(dir);
  const db = await openDatabase(server.url, '');
  const config = loadConfig({ ...hubEnv('http://127.0.0.1:9', server.url), HUB_RATE_LIMIT: '100000' });
  const hub = await serveHub(db, config, silentLogger, { autoCheck: false });
  const ext = await launchExtension();
  try {
    const now = Date.now();
    const ids = Array.from({ length: PROFILES }, (_, i) => `${NETWORK_IDS[i % NETWORK_IDS.length]}:bench-${i}`);
    const networks = ids.map((id) => id.split(':')[0]!);
    await db.pool.query(
      `insert into identities (id, network, name) select id, network, 'Bench' from unnest($1::text[], $2::text[]) as t(id, network)`,
      [ids, networks],
    );
    await db.pool.query(
      `insert into grants (id, network, identity_id, issued_at, expires_at, refreshable, next_check_at, token_iv, token_ct, change)
       select id, network, id, $3, $3 + (row_number() over ()) * 60000, false, $4, $5, $5, 1 from unnest($1::text[], $2::text[]) as t(id, network)`,
      [ids, networks, now, now + DAY_MS, randomBytes(12)],
    );
    await db.pool.query(
      `insert into profiles (id, network, native_id, kind, name, grant_id, created_at, change)
       select id, network, split_part(id, ':', 2), 'page', 'Profile ' || split_part(id, ':', 2), id, $3, 1 from unnest($1::text[], $2::text[]) as t(id, network)`,
      [ids, networks, now],
    );
    const lines: string[] = [];
    await runCommand(db.pool, ['invite', 'owner@example.org', '--role', 'owner'], (l) => lines.push(l));
    const code = lines.at(-1)!;
    await ext.worker();
    const page = await ext.openPage('options.html');
    const started = performance.now();
    const first = await command<SaveReply>(page, 'hubEnroll', { url: hub.url, code });
    const done =
      first.ok || !first.confirm
        ? first
        : await command<SaveReply>(page, 'hubEnroll', { url: hub.url, code, confirmed: first.confirm.map(confirmationKey) });
    const ms = performance.now() - started;
    if (!done.ok) throw new Error(`enroll: ${done.message}`);
    const again = performance.now();
    await command(page, 'pollNow', {});
    // Check now: the hub first checks the 10,000 grants the Owner sees (their networks unreachable here: each fails fast).
    process.stderr.write(
      `hub-sync bench: first ${ms.toFixed(0)} ms; then Check now (10,000 hub checks, then a sync) ${(performance.now() - again).toFixed(0)} ms\n`,
    );
    const stored = (await readTable(page, 'profiles')).length;
    if (stored !== PROFILES) throw new Error(`${stored} profiles synced, not ${PROFILES}`);
    return {
      figure: `First status sync of ${PROFILES.toLocaleString('en')} profiles into the extension (enrollment to every row in IndexedDB)`,
      value: ms,
      unit: 'ms',
      budget: 2000,
      floor: `${stored.toLocaleString('en')} profiles and grants written, badge set; one sync request`,
    };
  } finally {
    await ext.close();
    await hub.close();
    await db.close();
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await firstSync(), null, 2));
