import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { shortTmpDir } from './short-tmp';
import { join, resolve } from 'node:path';
import { ensureE2eBuild } from './e2e-build';
import puppeteer, { TargetType, type Browser, type Page, type Target, type WebWorker } from 'puppeteer-core';

/** Where Chromium is found: $CHROMIUM_PATH, else Debian's /usr/bin/chromium. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The production build (`wxt build`): what ships, checked by the package test. */
export const EXTENSION_DIR = resolve('.output/chrome-mv3');
/**
 * The end-to-end build (`wxt build --mode e2e`, made by the e2e project's global set-up):
 * the production code plus the test hooks, and 127.0.0.1 (the sandbox) granted up front.
 */
export const E2E_EXTENSION_DIR = resolve('.output/chrome-mv3-e2e');
/** Profiles and copies live in the checkout (inspectable after a failure); the browsers' TMPDIR does not (short-tmp.ts). */
const tmpRoot = () => resolve('.e2e-tmp');

export interface ExtensionBrowser {
  browser: Browser;
  extensionId: string;
  userDataDir: string;
  /** The running service worker (woken if stopped), once its start-up has finished; `fresh`: not one seen before. */
  worker(options?: { fresh?: boolean }): Promise<WebWorker>;
  /** An extension page (popup.html, options.html) opened as a tab. */
  openPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/** Headless Chromium with the built extension installed, in a fresh profile. */
export interface LaunchOptions {
  userDataDir?: string;
  headless?: boolean;
  /** Load the extension with the browser (--load-extension), as after a restart: runtime.onStartup fires. */
  atStartup?: boolean;
  /** The browser's UI language (e.g. 'fr-FR'): headless Chromium ignores --lang, so pages get a DevTools locale override. */
  lang?: string;
  /** Install the extension from this directory instead of the build output (e.g. a copy to update in place). */
  extensionDir?: string;
}

export async function launchExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  mkdirSync(tmpRoot(), { recursive: true });
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpRoot(), 'profile-'));
  mkdirSync(join(userDataDir, 'Default'), { recursive: true });
  // Lets chrome.runtime.reload() keep an unpacked extension enabled.
  writeFileSync(join(userDataDir, 'Default', 'Preferences'), JSON.stringify({ extensions: { ui: { developer_mode: true } } }));
  if (!options.extensionDir) ensureE2eBuild(E2E_EXTENSION_DIR);
  const dir = options.extensionDir ?? E2E_EXTENSION_DIR;
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    pipe: true,
    enableExtensions: options.atStartup ? [dir] : true,
    userDataDir,
    // On Linux, Chromium takes its UI language (i18n.getUILanguage) from LANGUAGE/LANG as well as --lang.
    env: {
      ...process.env,
      TMPDIR: shortTmpDir(),
      ...(options.lang ? { LANGUAGE: options.lang, LANG: `${options.lang}_FR.UTF-8` } : {}),
    },
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const extensionId = options.atStartup
    ? new URL((await browser.waitForTarget((t) => t.url().startsWith('chrome-extension://'), { timeout: 20_000 })).url()).host
    : await browser.installExtension(dir);
  const origin = `chrome-extension://${extensionId}`;

  const known = new Set<unknown>();
  async function worker(options: { fresh?: boolean } = {}): Promise<WebWorker> {
    // fresh: a worker started after the last one returned (the extension was reloaded, updated or re-enabled).
    const matches = (t: Target) => t.type() === TargetType.SERVICE_WORKER && t.url().startsWith(origin) && !(options.fresh && known.has(t));
    // The newest one: after a reload an older, stopped worker's target can linger in the list.
    const target = browser.targets().filter(matches).at(-1) ?? (await browser.waitForTarget(matches, { timeout: 20_000 }));
    known.add(target);
    const w = (await target.worker())!;
    await waitFor(() => w.evaluate(() => (globalThis as { __tokenWardenReady?: boolean }).__tokenWardenReady === true), 'worker start-up');
    return w;
  }

  return {
    browser,
    extensionId,
    userDataDir,
    worker,
    async openPage(path) {
      const page = await browser.newPage();
      if (options.lang) await (await page.createCDPSession()).send('Emulation.setLocaleOverride', { locale: options.lang });
      await page.goto(`${origin}/${path}`);
      return page;
    },
    async close() {
      await browser.close();
      if (!options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Polls until `check` is true (or returns a truthy value), failing with `what` after `timeoutMs`. */
export async function waitFor<T>(
  check: () => Promise<T> | T,
  what: string,
  timeoutMs = 15_000,
): Promise<Exclude<T, false | null | undefined | '' | 0>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as Exclude<T, false | null | undefined | '' | 0>;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
