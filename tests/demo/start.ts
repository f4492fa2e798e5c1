import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { seedDemo } from '../sandbox/demo-seed';
import { startSandbox } from '../sandbox/server';
import { sandboxSettings } from '../sandbox/settings-for';
import { CHROMIUM_PATH, EXTENSION_DIR, launchExtension } from '../e2e/support/chromium';
import { importSettings } from '../e2e/support/extension';
import { connectDemo } from './connect-demo';
import { startDemoHub } from './demo-hub';

/**
 * `npm start`: the extension on the built-in sandbox, with a demo organisation.
 * With a display, Chromium opens with the extension loaded and stays open.
 * Without one, it runs headless once, saves a screenshot of the popup and says
 * how to load the extension by hand.
 */
const port = Number(process.env.SANDBOX_PORT ?? 4010);
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const sandbox = await startSandbox({ port });
const org = seedDemo(sandbox.state);
console.log(`Sandbox running on ${sandbox.url}`);

// A fresh profile each run: Chrome would otherwise keep the service worker of an earlier build with the same version.
const profileDir = resolve('.e2e-tmp/demo-profile');
rmSync(profileDir, { recursive: true, force: true });
const ext = await launchExtension({ headless: !hasDisplay, userDataDir: profileDir });
await ext.worker();
const options = await ext.openPage('options.html');
const imported = await importSettings(options, sandboxSettings(sandbox.url));
if (!imported.ok) throw new Error(`The sandbox settings were refused: ${imported.message}`);
// The organisation's hub (embedded PostgreSQL): it holds the apps' secrets and every token; the browser enrolls in it.
const demoHub = await startDemoHub(sandbox, { live: hasDisplay });
console.log(`Organisation hub running on ${demoHub.hub.url} (owner@demo.example)`);
await demoHub.enroll(options);
await connectDemo(
  sandbox,
  options,
  org,
  (line) => console.log(line),
  () => demoHub.checkAll(),
);
await options.close();

const popup = await ext.openPage('popup.html');
await popup.setViewport({ width: 400, height: 600 });
if (hasDisplay) {
  console.log('Chromium is open with Token Warden loaded: the popup is in the first tab. Press Ctrl+C to stop.');
  process.on(
    'SIGINT',
    () =>
      void ext
        .close()
        .then(() => demoHub.close())
        .then(() => sandbox.close())
        .then(() => process.exit(0)),
  );
} else {
  mkdirSync(resolve('.e2e-tmp'), { recursive: true });
  const shot = resolve('.e2e-tmp/demo-popup.png');
  await popup.waitForSelector('li.row');
  await popup.screenshot({ path: shot, fullPage: true });
  console.log(`
No display found (DISPLAY is not set), so Chromium ran headless (${CHROMIUM_PATH}).
A screenshot of the popup with the demo profiles is at ${shot}.

To try it in a browser on a machine with a display:
  1. npm run sandbox          (the sandbox with the demo organisation, on port ${port})
  2. open chrome://extensions, turn on Developer mode, "Load unpacked": ${EXTENSION_DIR}
  3. Options → "Import settings from a file": the JSON printed by npm run sandbox
  4. Popup → Connect a profile.`);
  await ext.close();
  await demoHub.close();
  await sandbox.close();
}
