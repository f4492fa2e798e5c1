import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { filesUnder } from './support/files';
import type { HistoryRecord } from '../../utils/domain';
import { historyText } from '../../utils/history-facts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { runCommand } from '../../hub/cli/commands';
import { loadConfig } from '../../hub/config';
import { openDatabase, type Database } from '../../hub/db/database';
import { jsonLogger } from '../../hub/log';
import { serveHub, type RunningHub } from '../../hub/serve';
import { EXTENSION_ID, hubEnv } from '../hub/support/hub';
import { waitFor } from './support/chromium';
import { badge, command, popupRows, readTable } from './support/extension';
import { openSession, type Session } from './support/session';

const HOUR = 60 * 60 * 1000;

describe('hub mode in real Chromium: enroll, connect through the hub, a tool reads the token, a password change, Renew', () => {
  let s: Session;
  let db: Database;
  let hub: RunningHub;
  let dataDir: string;
  let offset = 0;
  const logs: string[] = [];
  let popup: Page;
  let tool: string;
  let firstToken: string;
  let account: { id: string };
  const tokens: string[] = [];
  let deviceKey = '';
  let secretKey = '';

  const read = async (path: string) => {
    const res = await fetch(`${hub.url}${path}`, { headers: { authorization: `Bearer ${tool}` } });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const cli = async (...argv: string[]) => {
    const lines: string[] = [];
    await runCommand(db.pool, argv, (l) => lines.push(l));
    return lines;
  };

  beforeAll(async () => {
    s = await openSession();
    expect(s.ext.extensionId).toBe(EXTENSION_ID);
    dataDir = mkdtempSync(join(tmpdir(), 'tw-hub-e2e-'));
    const env = hubEnv(s.sandbox.url, '');
    delete env.DATABASE_URL;
    const config = loadConfig({ ...env, HUB_DATA_DIR: dataDir });
    secretKey = env.HUB_SECRET_KEY!;
    db = await openDatabase(null, dataDir);
    hub = await serveHub(
      db,
      config,
      jsonLogger((l) => logs.push(l)),
      { autoCheck: false, now: () => Date.now() + offset },
    );
    account = await s.control('accounts', { network: 'facebook', name: 'Alex Rivera', pages: [{ id: '200101', name: 'Blue Fern Café' }] });
  });
  afterAll(async () => {
    await s?.close();
    await hub?.close();
    await db?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('enrolls from Options with the hub URL and a one-time code, after the host is confirmed', async () => {
    const code = (await cli('invite', 'owner@example.org', '--role', 'owner')).at(-1)!;
    const options = s.page;
    await options.reload();
    await options.waitForSelector('#hub-url');
    await options.type('#hub-url', hub.url);
    await options.type('#hub-code', code);
    await options.click('#hub-enroll');
    await options.waitForSelector('[data-action="confirm-urls"]');
    expect(await options.$eval('.confirm-urls', (e) => e.textContent)).toContain(new URL(hub.url).host);
    await options.click('[data-action="confirm-urls"]');
    await options.waitForSelector('#hub-status');
    expect(await options.$eval('#hub-status', (e) => e.textContent)).toBe(`Signed in to ${hub.url} as owner@example.org (Owner)`);
    expect((await cli('members')).join('\n')).toMatch(/owner@example\.org {2}owner\n {2}dev_\S+ {2}Chrome on Linux/);
  });

  it('connects a Facebook page through the hub: the browser keeps no token, a publishing tool reads it', async () => {
    popup = await s.ext.openPage('popup.html');
    await popup.waitForSelector('#connect-network');
    await popup.select('#connect-network', 'facebook');
    await popup.click('form.connect button[type=submit]');
    await popup.waitForSelector('li.row[data-profile-id="facebook:200101"]');
    expect((await popupRows(popup))[0]).toMatchObject({ name: 'Blue Fern Café', status: 'valid' });

    tool = (await cli('service-key', 'create', 'publisher', '--networks', 'facebook')).at(-1)!;
    const token = await read('/v1/profiles/facebook/200101/token');
    expect(token.status).toBe(200);
    firstToken = token.body.accessToken as string;

    const secrets = await readTable<{ grantId: string }>(s.worker, 'secrets');
    expect(secrets.map((r) => r.grantId)).toEqual(['hub:device']);
    const dump = JSON.stringify(
      await Promise.all(['profiles', 'grants', 'identities', 'history', 'hub'].map((t) => readTable(s.worker, t))),
    );
    expect(dump).not.toContain(firstToken);
    expect(dump).toContain('owner@example.org');
  });

  it("the hub's check finds a password change; the badge turns red after one sync", async () => {
    await s.control('revoke', { network: 'facebook', accountId: account.id, reason: 'password' });
    offset += 25 * HOUR;
    expect(await hub.checks.runOnce()).toBe(1);
    expect((await read('/v1/profiles/facebook/200101/token')).status).toBe(409);
    await command(s.page, 'pollNow', {});
    await waitFor(async () => (await popupRows(popup))[0]?.status === 'expired', 'row turns expired');
    expect((await badge(s.worker)).text).toBe('1');
  });

  it('Renew in the popup signs in here, the hub takes the code, and the tool reads the new token', async () => {
    await popup.click('li.row[data-profile-id="facebook:200101"] button.renew');
    await waitFor(async () => (await popupRows(popup))[0]?.status === 'valid', 'row turns valid');
    expect((await badge(s.worker)).text).toBe('');
    const fresh = await read('/v1/profiles/facebook/200101/token');
    expect(fresh.status).toBe(200);
    expect(fresh.body.accessToken).not.toBe(firstToken);
    const history = await readTable<HistoryRecord>(s.worker, 'history');
    expect(history.map(historyText)).toContain('Renewed by Alex Rivera (owner@example.org)');
    for (const secret of [firstToken, fresh.body.accessToken as string, tool]) expect(logs.join('\n')).not.toContain(secret);
    tokens.push(firstToken, fresh.body.accessToken as string);
  });

  it('hub down: the popup says so and nothing changes; the next poll after it returns clears it', async () => {
    deviceKey = await s.worker.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('token-warden');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error ?? new Error('open'));
      });
      const get = <T>(table: string, key: string) =>
        new Promise<T>((resolve) => {
          const req = db.transaction(table).objectStore(table).get(key);
          req.onsuccess = () => resolve(req.result as T);
        });
      const { key } = await get<{ key: CryptoKey }>('keys', 'vault');
      const secret = await get<{ iv: Uint8Array<ArrayBuffer>; ciphertext: ArrayBuffer; grantId: string }>('secrets', 'hub:device');
      const plain = await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: secret.iv, additionalData: new TextEncoder().encode(secret.grantId) },
        key,
        secret.ciphertext,
      );
      return (JSON.parse(new TextDecoder().decode(plain)) as { a: string }).a;
    });
    expect(deviceKey).toMatch(/^twd_/);
    const port = new URL(hub.url).port;
    await hub.close();
    await command(s.page, 'pollNow', {});
    const down = await s.ext.openPage('popup.html');
    await down.waitForSelector('li.row');
    expect(await down.$$eval('.banner', (bs) => bs.map((b) => b.textContent).join(' '))).toContain(
      'The organisation hub could not be reached',
    );
    expect((await popupRows(down))[0]).toMatchObject({ status: 'valid' });
    const env = hubEnv(s.sandbox.url, '', { HUB_DATA_DIR: dataDir, HUB_PORT: port, HUB_SECRET_KEY: secretKey });
    delete env.DATABASE_URL;
    hub = await serveHub(
      db,
      loadConfig(env),
      jsonLogger((l) => logs.push(l)),
      { autoCheck: false, now: () => Date.now() + offset },
    );
    await command(s.page, 'pollNow', {});
    await waitFor(
      async () => !(await down.$$eval('.banner', (bs) => bs.map((b) => b.textContent).join(' '))).includes('could not be reached'),
      'the banner goes',
    );
  });

  it("Check now in the popup has the hub check this member's logins at once: an app removal is found without waiting for the schedule", async () => {
    await s.control('revoke', { network: 'facebook', accountId: account.id, reason: 'app-removed' });
    offset += 2 * 60_000; // the renewal's own check is no longer fresh (a minute)
    const calls = () => s.sandbox.state.log.filter((e) => e.network === 'facebook' && e.path.endsWith('/debug_token')).length;
    const before = calls();
    const page = await s.ext.openPage('popup.html');
    await page.waitForSelector('li.row');
    expect((await popupRows(page))[0]).toMatchObject({ status: 'valid' });
    await page.locator('button::-p-text(Check now)').click();
    await waitFor(async () => (await popupRows(page))[0]?.status === 'expired', 'row turns expired');
    expect(await page.$$eval('.banner', (bs) => bs.map((b) => b.textContent).join(' '))).toContain('Checked 1 login');
    expect((await badge(s.worker)).text).toBe('1');
    expect(calls() - before).toBe(1); // the hub checked it: one inspection, nothing in between
  });

  it("no token is in the browser profile's files, nor the device key in clear (a control value is, so the scan works)", async () => {
    const control = 'hub-control-value-51c9e2';
    await s.page.evaluate((v) => localStorage.setItem('control', v), control);
    await s.ext.browser.close(); // every write flushed to disk
    const blobs = filesUnder(s.ext.userDataDir).map((f) => readFileSync(f).toString('latin1'));
    expect(blobs.some((b) => b.includes(control))).toBe(true);
    expect(tokens).toHaveLength(2);
    for (const secret of [...tokens, deviceKey]) expect(blobs.filter((b) => b.includes(secret))).toEqual([]);
  });
});
