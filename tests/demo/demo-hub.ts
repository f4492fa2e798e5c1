import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { runCommand } from '../../hub/cli/commands';
import { checkNow } from '../../hub/cli/jobs';
import { loadConfig } from '../../hub/config';
import { openDatabase, type Database } from '../../hub/db/database';
import { jsonLogger } from '../../hub/log';
import { serveHub, type RunningHub } from '../../hub/serve';
import { confirmationKey } from '../../utils/url-policy';
import { command, type SaveReply } from '../e2e/support/extension';
import { hubEnv } from '../hub/support/env';
import type { Sandbox } from '../sandbox/server';

export interface DemoHub {
  hub: RunningHub;
  db: Database;
  /** Enrolls the browser of `page` (an extension page) as the demo organisation's Owner. */
  enroll(page: Page): Promise<void>;
  /** Every live grant checked now (the demo's deaths found at once, not within a day). */
  checkAll(): Promise<number>;
  close(): Promise<void>;
}

/**
 * The demo's hub: a real one, with its embedded PostgreSQL in `.hub-data/demo`, every network's
 * app pointed at the sandbox (the sandbox's apps' secrets), on HUB_PORT (default 4020).
 */
export async function startDemoHub(sandbox: Sandbox, options: { live: boolean; port?: string; dataDir?: string }): Promise<DemoHub> {
  const dataDir = resolve(options.dataDir ?? '.hub-data/demo');
  mkdirSync(dataDir, { recursive: true });
  const env = hubEnv(sandbox.url, '', { HUB_DATA_DIR: dataDir, HUB_PORT: options.port ?? process.env.HUB_PORT ?? '4020' });
  delete env.DATABASE_URL;
  const config = loadConfig(env);
  const db = await openDatabase(null, dataDir);
  // Each run starts from an empty organisation (the demo profile is new each run too).
  await db.pool.query(
    'truncate members, enrollment_codes, devices, service_keys, identities, grants, profiles, access, member_profiles, history, network_pauses, audit, reminder_claims, member_preferences, org_reminders restart identity cascade',
  );
  const quiet = jsonLogger(() => undefined);
  // Left open (a display), it checks on its own; a one-shot run checks when told.
  const hub = await serveHub(db, config, quiet, { autoCheck: options.live });
  return {
    hub,
    db,
    async enroll(page) {
      const lines: string[] = [];
      await runCommand(db.pool, ['invite', 'owner@demo.example', '--role', 'owner'], (l) => lines.push(l));
      const code = lines.at(-1)!;
      const first = await command<SaveReply>(page, 'hubEnroll', { url: hub.url, code });
      const done =
        first.ok || !first.confirm
          ? first
          : await command<SaveReply>(page, 'hubEnroll', { url: hub.url, code, confirmed: first.confirm.map(confirmationKey) });
      if (!done.ok) throw new Error(`Enrolling in the demo hub failed: ${done.message}`);
    },
    async checkAll() {
      await checkNow(db.pool, Date.now());
      return hub.checks.runOnce();
    },
    async close() {
      await hub.close();
      await db.close();
    },
  };
}
