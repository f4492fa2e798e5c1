import { serve, type ServerType } from '@hono/node-server';
import { randomBytes } from 'node:crypto';
import { createApp, type HubDeps } from './app';
import { startChecks, type CheckRunner } from './checks/runner';
import type { HubConfig } from './config';
import type { Database } from './db/database';
import type { Logger } from './log';
import { deliverOrgReminders, recordOrgReminders } from './reminders/org-channels';
import { pruneAudit } from './store/audit-retention';
import { forgetPastWindows } from './store/request-budgets';

export interface RunningHub {
  url: string;
  checks: CheckRunner;
  /** Records and delivers the organisation channels' reminders now (also run after every check round). */
  orgReminders(): Promise<number>;
  close(): Promise<void>;
}

/** Serves the API and runs the checks on one database until closed. */
export async function serveHub(
  db: Database,
  config: HubConfig,
  log: Logger,
  options: { checkIntervalMs?: number; now?: () => number; autoCheck?: boolean } = {},
): Promise<RunningHub> {
  const now = options.now ?? Date.now;
  const deps: HubDeps = { pool: db.pool, config, log, now };
  const app = createApp(deps);
  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
    s.once('error', (e: NodeJS.ErrnoException) =>
      reject(new Error(`cannot listen on ${config.host}:${config.port} (${e.code ?? e.message}): set HUB_PORT to a free port`)),
    );
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  // Once serving (a port already taken stops the start before any check leases a grant); "Check
  // now" in a popup runs them at once from then on.
  const checks = startChecks(db.pool, config, log, {
    processId: `hub-${process.pid}-${randomBytes(3).toString('hex')}`,
    intervalMs: options.checkIntervalMs,
    now,
    autoStart: options.autoCheck,
  });
  deps.checks = checks;
  const orgReminders = async () => {
    await recordOrgReminders(db.pool, config, now());
    return deliverOrgReminders(db.pool, config, now());
  };
  // Once a minute: the request budgets' past minutes go, and audit entries past HUB_AUDIT_DAYS
  // (a batch at a time). Every process does it: deleting twice is harmless.
  const prune = () => {
    void forgetPastWindows(db.pool, now()).catch(() => log.error('request budgets not pruned'));
    void pruneAudit(db.pool, now(), config.auditDays).catch(() => log.error('audit not pruned'));
  };
  const pruneTimer = setInterval(prune, 60_000);
  pruneTimer.unref();
  const reminderTimer =
    options.autoCheck === false ? undefined : setInterval(() => void orgReminders().catch(() => log.error('org reminders failed')), 15_000);
  return {
    url: `http://${config.host}:${port}`,
    checks,
    orgReminders,
    close: async () => {
      clearInterval(reminderTimer);
      clearInterval(pruneTimer);
      // No new request; those in flight are answered (a "Check now" among them with the checks still running), then the checks stop.
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await checks.stop();
    },
  };
}
