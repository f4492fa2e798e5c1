import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { sandboxSettings } from '../sandbox/settings-for';
import { addOne } from '../sandbox/fixtures';
import { launchExtension, type ExtensionBrowser } from './support/chromium';
import { command } from './support/extension';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    const st = statSync(path, { throwIfNoEntry: false });
    if (!st) return [];
    return st.isDirectory() ? filesUnder(path) : st.isFile() ? [path] : [];
  });
}

describe('No token in plain text anywhere in the browser profile on disk', () => {
  let sandbox: Sandbox;
  let ext: ExtensionBrowser;
  const CONTROL = 'control-client-id-7f3a9c1e5b';

  beforeAll(async () => {
    sandbox = await startSandbox();
    ext = await launchExtension();
    await ext.worker();
    const settings = sandboxSettings(sandbox.url);
    settings.networks.facebook!.clientId = CONTROL;
    const options = await ext.openPage('options.html');
    await command(options, 'importSettings', { text: JSON.stringify(settings) });
    for (const network of ['facebook', 'tiktok', 'linkedin', 'x'] as const) {
      addOne(sandbox.state, network, `Canary ${network}`, '42');
      await command(options, 'connect', { network });
    }
    // A refresh (TikTok rotates its refresh token) and a poll, so every flow has run.
    await command(options, 'renew', { profileId: 'tiktok:ti100002' }).catch(() => undefined);
    await command(options, 'pollNow', {});
    await ext.browser.close(); // flushes IndexedDB's LevelDB to disk
  });
  afterAll(async () => {
    await ext?.close().catch(() => undefined);
    await sandbox?.close();
  });

  it('finds the control value (so the scan works) and none of the issued tokens', () => {
    const files = filesUnder(ext.userDataDir);
    const blobs = files.map((f) => ({ f, data: readFileSync(f).toString('latin1') }));
    expect(blobs.some((b) => b.data.includes(CONTROL))).toBe(true);
    const tokens = [...sandbox.state.tokens.keys()];
    expect(tokens.length).toBeGreaterThanOrEqual(10);
    const leaks = tokens.flatMap((t) => blobs.filter((b) => b.data.includes(t.slice(0, 24))).map((b) => `${t.slice(0, 6)}… in ${b.f}`));
    expect(leaks).toEqual([]);
  });
});
