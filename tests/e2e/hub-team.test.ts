import { mkdtempSync, rmSync } from 'node:fs';
import { inboxTitle } from '../../utils/reminders/messages';
import type { InboxRecord } from '../../utils/domain';
import type { HistoryRecord } from '../../utils/domain';
import { historyText } from '../../utils/history-facts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, WebWorker } from 'puppeteer-core';
import { runCommand } from '../../hub/cli/commands';
import { loadConfig } from '../../hub/config';
import { openDatabase, type Database } from '../../hub/db/database';
import { silentLogger } from '../../hub/log';
import { serveHub, type RunningHub } from '../../hub/serve';
import { confirmationKey } from '../../utils/url-policy';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { sandboxSettings } from '../sandbox/settings-for';
import { startWebhookSink, type WebhookSink } from '../sandbox/webhook-sink';
import { hubEnv } from '../hub/support/hub';
import { launchExtension, waitFor, type ExtensionBrowser } from './support/chromium';
import { badge, command, importSettings, popupRows, readTable, type SaveReply } from './support/extension';

const HOUR = 60 * 60 * 1000;

interface Browser {
  ext: ExtensionBrowser;
  worker: WebWorker;
  page: Page;
}

describe('a team on one hub: one check for everybody, the reminder to who can renew, a Member renews for the Manager', () => {
  let sandbox: Sandbox;
  let sink: WebhookSink;
  let db: Database;
  let hub: RunningHub;
  let dataDir: string;
  let offset = 0;
  let manager: Browser;
  let member: Browser;
  let account: { id: string };

  const cli = async (...argv: string[]) => {
    const lines: string[] = [];
    await runCommand(db.pool, argv, (l) => lines.push(l));
    return lines;
  };
  const browserFor = async (email: string, role: string): Promise<Browser> => {
    const ext = await launchExtension();
    const worker = await ext.worker();
    const page = await ext.openPage('options.html');
    await importSettings(page, sandboxSettings(sandbox.url));
    const code = (await cli('invite', email, '--role', role)).at(-1)!;
    const first = await command<SaveReply>(page, 'hubEnroll', { url: hub.url, code });
    const enrolled =
      first.ok || !first.confirm
        ? first
        : await command<SaveReply>(page, 'hubEnroll', { url: hub.url, code, confirmed: first.confirm.map(confirmationKey) });
    expect(enrolled).toEqual({ ok: true });
    return { ext, worker, page };
  };
  const rows = async (b: Browser) => {
    const popup = await b.ext.openPage('popup.html');
    await popup.waitForSelector('li.row, section.empty');
    const r = await popupRows(popup);
    await popup.close();
    return r;
  };

  beforeAll(async () => {
    sandbox = await startSandbox();
    sink = await startWebhookSink();
    dataDir = mkdtempSync(join(tmpdir(), 'tw-hub-team-'));
    const env = hubEnv(sandbox.url, '', { HUB_DATA_DIR: dataDir, HUB_SLACK_URL: `${sink.url}/slack` });
    delete env.DATABASE_URL;
    db = await openDatabase(null, dataDir);
    hub = await serveHub(db, loadConfig(env), silentLogger, { autoCheck: false, now: () => Date.now() + offset });
    const created = await fetch(`${sandbox.url}/_control/accounts`, {
      method: 'POST',
      body: JSON.stringify({ network: 'facebook', name: 'Sam Okafor', pages: [{ id: '300301', name: 'Harbour Books' }] }),
    });
    account = (await created.json()) as { id: string };
    manager = await browserFor('manager@example.org', 'manager');
    member = await browserFor('member@example.org', 'member');
  });
  afterAll(async () => {
    await manager?.ext.close();
    await member?.ext.close();
    await hub?.close();
    await db?.close();
    await sink?.close();
    await sandbox?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('the Member connects a page; the Manager sees it after one sync, a colleague who can renew named', async () => {
    expect(await command(member.page, 'connect', { network: 'facebook' })).toMatchObject({ kind: 'connected', profiles: 1 });
    await command(manager.page, 'pollNow', {});
    expect(await rows(manager)).toMatchObject([{ id: 'facebook:300301', status: 'valid' }]);
    const identities = await readTable<{ name: string; memberEmail: string; access: Record<string, { can: string }> }>(
      manager.worker,
      'identities',
    );
    expect(identities).toMatchObject([
      { name: 'Sam Okafor (member@example.org)', memberEmail: 'member@example.org', access: { 'facebook:300301': { can: 'yes' } } },
    ]);
  });

  it('one hub check finds the password change: both badges show it, only the Member is reminded, once; Slack once for the organisation', async () => {
    await fetch(`${sandbox.url}/_control/revoke`, {
      method: 'POST',
      body: JSON.stringify({ network: 'facebook', accountId: account.id, reason: 'password' }),
    });
    offset += 25 * HOUR;
    expect(await hub.checks.runOnce()).toBe(1);
    await hub.orgReminders();
    await hub.orgReminders();
    for (const b of [manager, member]) {
      await command(b.page, 'pollNow', {});
      await waitFor(async () => (await badge(b.worker)).text === '1', 'badge 1');
    }
    await command(member.page, 'pollNow', {});
    const memberInbox = await readTable<InboxRecord>(member.worker, 'inbox');
    expect(memberInbox).toHaveLength(1);
    expect(inboxTitle(memberInbox[0]!)).toContain('Harbour Books');
    expect(await readTable(manager.worker, 'inbox')).toHaveLength(0);
    expect(sink.received.filter((r) => r.path === '/slack')).toHaveLength(1);
    expect(JSON.stringify(sink.received[0]!.body)).toContain('Harbour Books');
  });

  it("the Member renews; the Manager's badge clears after a sync and the history names the Member", async () => {
    expect(await command(member.page, 'renew', { profileId: 'facebook:300301' })).toMatchObject({ kind: 'renewed' });
    await command(manager.page, 'pollNow', {});
    await waitFor(async () => (await badge(manager.worker)).text === '', 'manager badge clears');
    expect(await rows(manager)).toMatchObject([{ id: 'facebook:300301', status: 'valid' }]);
    const history = await readTable<HistoryRecord>(manager.worker, 'history');
    expect(history.map(historyText)).toContain('Renewed by Sam Okafor (member@example.org)');
  });
});
