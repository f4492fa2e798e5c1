import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'puppeteer-core';
import { addOne } from '../sandbox/fixtures';
import { command } from './support/extension';
import { openSession, type Session } from './support/session';

// Evaluated over DevTools: the extension pages' CSP (rightly) refuses an injected inline script.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core, run in the page itself (WCAG 2.1 A and AA rules). */
async function violations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })).violations;
  });
  return found.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

describe('Accessibility (axe-core) of the popup, options and at-risk pages, light and dark', () => {
  let s: Session;

  beforeAll(async () => {
    s = await openSession();
    const fb = s.sandbox.state.addAccount({
      network: 'facebook',
      name: 'Alex',
      pages: [{ id: '801', name: 'Blue Fern Café', tasks: ['MANAGE'] }],
    });
    await command(s.page, 'connect', { network: 'facebook' });
    addOne(s.sandbox.state, 'tiktok', 'Fern Coffee Lab', '1', { refreshLifetimeSec: 3 * 86_400 });
    await command(s.page, 'connect', { network: 'tiktok' });
    addOne(s.sandbox.state, 'x', 'Fern on X', '1');
    await command(s.page, 'connect', { network: 'x' });
    s.sandbox.state.revokeAccount(fb.id, 'password');
    await command(s.page, 'pollNow', {});
  });
  afterAll(() => s?.close());

  for (const scheme of ['light', 'dark'] as const) {
    for (const path of ['popup.html', 'options.html', 'at-risk.html']) {
      it(`${path} in ${scheme} mode has no violations`, async () => {
        const page = await s.ext.browser.newPage();
        await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
        await page.goto(`chrome-extension://${s.ext.extensionId}/${path}`);
        await page.waitForSelector(path === 'options.html' ? 'form' : 'li.row');
        if (path === 'popup.html') {
          await page.click('li.row .row-name'); // a row's details open
          await page.click('li.row .row-links button:first-child'); // the managers dialog too
          await page.waitForSelector('dialog.dialog[open]');
        }
        expect(await violations(page)).toEqual([]);
        await page.close();
      });
    }
  }
});
