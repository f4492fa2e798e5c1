import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { shortTmpDir } from './short-tmp';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { waitFor } from './chromium';

/** Where Firefox is found: $FIREFOX_PATH, else Debian's /usr/bin/firefox-esr. */
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = resolve('.output/firefox-mv3');
export const GECKO_ID = 'token-warden@example.org';
/** The extension's internal UUID, fixed through a pref so its pages have a known address. */
const UUID = '3c8d5b8e-6f5a-4d3e-9a51-7f2b1c0d9e11';
/** Profiles and copies live in the checkout (inspectable after a failure); the browsers' TMPDIR does not (short-tmp.ts). */
const tmpRoot = () => resolve('.e2e-tmp');

export interface FirefoxExtension {
  browser: Browser;
  dir: string;
  /** An extension page (popup.html, options.html), reached through a 127.0.0.1 page (see DEVELOPERS.md). */
  openPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * firefox-esr over WebDriver BiDi with the Firefox build installed as a temporary add-on.
 * Puppeteer refuses to navigate to moz-extension:// URLs, so the test copy of the package
 * makes its pages web-accessible from 127.0.0.1, and a page there navigates to them itself.
 * That, and the sandbox's host granted up front, are the only differences from the shipped package.
 */
export async function launchFirefoxExtension(): Promise<FirefoxExtension> {
  mkdirSync(tmpRoot(), { recursive: true });
  const dir = mkdtempSync(join(tmpRoot(), 'firefox-ext-'));
  cpSync(FIREFOX_EXTENSION_DIR, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  writeFileSync(
    manifestPath,
    JSON.stringify({
      ...manifest,
      web_accessible_resources: [{ resources: ['*.html'], matches: ['http://127.0.0.1/*'] }],
      // The sandbox's host, granted up front (no test can click the permission prompt), as in the Chromium e2e build.
      host_permissions: ['http://127.0.0.1/*'],
    }),
  );

  const host: Server = createServer((_, res) =>
    res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>host</title>'),
  );
  await new Promise<void>((r) => host.listen(0, '127.0.0.1', r));
  const hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}/`;

  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    env: { ...process.env, TMPDIR: shortTmpDir() },
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }) },
  });
  await browser.installExtension(dir);

  return {
    browser,
    dir,
    async openPage(path) {
      const page = await browser.newPage();
      await page.goto(hostUrl);
      await page.evaluate((url) => void (location.href = url), `moz-extension://${UUID}/${path}`);
      // Puppeteer keeps the host page's URL; the document is the extension page once `browser` is there.
      await waitFor(
        () => page.evaluate(() => document.readyState === 'complete' && typeof (globalThis as { browser?: unknown }).browser === 'object'),
        `${path} in Firefox`,
      );
      return page;
    },
    async close() {
      await browser.close();
      host.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
