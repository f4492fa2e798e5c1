import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { filesUnder } from './support/files';
import { join, resolve } from 'node:path';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { sandboxSettings } from '../sandbox/settings-for';
import { addOne } from '../sandbox/fixtures';
import { launchExtension, waitFor, type ExtensionBrowser } from './support/chromium';
import { command, importSettings, readTable } from './support/extension';

/** The profile's IndexedDB files (LevelDB) holding this bytes sequence. */
const filesHolding = (profileDir: string, needle: Buffer) =>
  filesUnder(profileDir)
    .filter((f) => f.includes('IndexedDB'))
    .filter((f) => readFileSync(f).includes(needle));

const PASSPHRASE = 'harbour lights at dawn';

/**
 * The default vault key is non-extractable for script, but Chromium writes its raw bytes into
 * the IndexedDB files next to the ciphertexts. With the lock on, those bytes must not be on disk.
 */
describe('The vault lock keeps the key off the disk', () => {
  let sandbox: Sandbox;
  let ext: ExtensionBrowser;
  const profileDir = mkdtempSync(join(resolve('.e2e-tmp'), 'profile-lock-'));
  let raw: Buffer;

  beforeAll(async () => {
    sandbox = await startSandbox();
    ext = await launchExtension({ userDataDir: profileDir });
    await ext.worker();
    const options = await ext.openPage('options.html');
    expect(await importSettings(options, sandboxSettings(sandbox.url))).toEqual({ ok: true });
    addOne(sandbox.state, 'facebook', 'Harbour Books', '501');
    await command(options, 'connect', { network: 'facebook' });
    expect(await command(options, 'lockOn', { passphrase: PASSPHRASE })).toEqual({ ok: true });
    // The unwrapped key, as this session holds it (storage.session: memory only).
    const b64 = await (await ext.worker()).evaluate(async () => (await chrome.storage.session.get('vaultKey')).vaultKey as string);
    raw = Buffer.from(b64, 'base64');
    expect(raw).toHaveLength(32);
    await ext.browser.close(); // the browser closes: the session (and the key in it) is gone; IndexedDB is flushed
  }, 120_000);
  afterAll(async () => {
    await ext?.close().catch(() => undefined);
    await sandbox?.close();
    rmSync(profileDir, { recursive: true, force: true });
  });

  it('while locked, no IndexedDB file of the profile holds the raw key bytes', () => {
    expect(filesUnder(profileDir).some((f) => f.includes('IndexedDB'))).toBe(true);
    expect(filesHolding(profileDir, raw)).toEqual([]);
  });

  it('after a browser restart checks wait and the popup offers Unlock, which works', async () => {
    ext = await launchExtension({ userDataDir: profileDir, atStartup: true });
    const worker = await ext.worker();
    const popup = await ext.openPage('popup.html');
    await popup.waitForSelector('form.unlock');
    expect(await command(popup, 'vaultState', {})).toEqual({ mode: 'locked' });
    expect(await command(popup, 'pollNow', {})).toEqual({ checked: 0 });
    await popup.type('#unlock-passphrase', PASSPHRASE);
    await popup.click('form.unlock button[type="submit"]');
    await waitFor(async () => (await popup.$('form.unlock')) === null, 'the Unlock form to go');
    expect(await command(popup, 'vaultState', {})).toEqual({ mode: 'unlocked' });
    expect(await command(popup, 'pollNow', {})).toEqual({ checked: 1 });
    const [grant] = await readTable<{ lastCheckResult: string }>(worker, 'grants');
    expect(grant!.lastCheckResult).toBe('valid');
  });

  it('control: with the lock turned off (the default), the same key bytes are found on disk, so the scan works', async () => {
    const options = await ext.openPage('options.html');
    expect(await command(options, 'lockOff', {})).toEqual({ ok: true });
    await ext.browser.close();
    await waitFor(() => filesHolding(profileDir, raw).length > 0, 'the key bytes on disk', 5_000);
  });
});
