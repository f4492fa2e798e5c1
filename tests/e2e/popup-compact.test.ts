import type { Page, WebWorker } from 'puppeteer-core';
import { connectDemo } from '../demo/connect-demo';
import { seedDemo } from '../sandbox/demo-seed';
import { waitFor } from './support/chromium';
import { popupRows } from './support/extension';
import { openSession, type Session } from './support/session';

const RANK: Record<string, number> = { expired: 0, expiring: 1, valid: 2, 'no-expiry': 3 };

/** Rows whose whole box is inside the 600 px popup. */
const rowsInView = (page: Page) =>
  page.$$eval('li.row', (rows) => rows.filter((r) => r.getBoundingClientRect().bottom <= window.innerHeight).length);

describe('The compact popup on the demo organisation (400 × 600)', () => {
  let s: Session;
  let popup: Page;

  beforeAll(async () => {
    s = await openSession();
    await connectDemo(s.sandbox, s.page, seedDemo(s.sandbox.state));
    popup = await s.ext.openPage('popup.html');
    await popup.setViewport({ width: 400, height: 600 });
    await popup.waitForSelector('li.row');
  }, 120_000);
  afterAll(() => s?.close());

  it('shows at least 8 rows, the most urgent first; a healthy row is one line, an expired one at most two', async () => {
    expect(await rowsInView(popup)).toBeGreaterThanOrEqual(8);
    const rows = await popupRows(popup);
    const ranks = rows.map((r) => RANK[r.status]!);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(rows[0]!.id).toBe('youtube:300211');
    const heights = await popup.$$eval('li.row', (lis) =>
      lis.map((li) => ({
        status: li.getAttribute('data-status'),
        h: li.getBoundingClientRect().height,
        sub: !!li.querySelector('.row-sub'),
      })),
    );
    for (const row of heights.filter((r) => !r.sub)) expect(row.h).toBeLessThanOrEqual(44);
    for (const row of heights.filter((r) => r.status === 'expired')) expect(row.h).toBeLessThanOrEqual(64);
    // Each row carries its network's mark, named.
    expect(await popup.$eval('li.row svg.net-mark', (m) => m.getAttribute('aria-label'))).toBe('YouTube');
  });

  it('details open on demand: consequences, last check, who can renew', async () => {
    const row = 'li.row[data-profile-id="youtube:300211"]';
    expect(await popup.$(`${row} .row-more`)).toBeNull();
    expect(await popup.$eval(`${row} .row-sub`, (e) => e.textContent)).toMatch(/^Data deleted in \d days?✕Sign-in needed: .+Paused since/);
    await popup.click(`${row} .row-name`);
    await popup.waitForSelector(`${row} .row-more .row-links`);
    expect(await popup.$eval(`${row} .row-more .consequences`, (e) => e.textContent)).toMatch(/^Publishing and sync paused since/);
    await popup.click(`${row} .row-name`);
    await waitFor(async () => (await popup.$(`${row} .row-more`)) === null, 'details closed');
  });

  it('"See who can renew" is a modal dialog: centred over a backdrop, focus kept inside, Escape closes', async () => {
    const row = 'li.row[data-profile-id="facebook:200104"]';
    await popup.click(`${row} .row-name`);
    await popup.click(`${row} .row-links button:first-child`);
    await popup.waitForSelector('dialog.dialog[open]');
    const box = await popup.$eval('dialog.dialog', (d) => {
      const r = d.getBoundingClientRect();
      return {
        modal: d.matches(':modal'),
        x: r.left + r.width / 2,
        y: r.top + r.height / 2,
        backdrop: getComputedStyle(d, '::backdrop').backgroundColor,
      };
    });
    expect(box.modal).toBe(true);
    expect(Math.abs(box.x - 200)).toBeLessThanOrEqual(2);
    expect(Math.abs(box.y - 300)).toBeLessThanOrEqual(2);
    expect(box.backdrop).not.toBe('rgba(0, 0, 0, 0)');
    const inside = () => popup.evaluate(() => !!document.activeElement?.closest('dialog'));
    for (let i = 0; i < 3; i += 1) {
      await popup.keyboard.press('Tab');
      expect(await inside()).toBe(true);
    }
    await popup.keyboard.down('Shift');
    await popup.keyboard.press('Tab');
    await popup.keyboard.up('Shift');
    expect(await inside()).toBe(true);
    await popup.keyboard.press('Escape');
    await waitFor(async () => (await popup.$('dialog.dialog')) === null, 'dialog closed');
  });

  it('the tab view and the at-risk page show what lapses when: a strip per network, today a line; a mark opens its profile', async () => {
    const tab = await s.ext.openPage('popup.html?view=tab');
    await tab.setViewport({ width: 900, height: 900 });
    await tab.waitForSelector('.lapse .lapse-mark');
    const strips = await tab.$$eval('.lapse-strip', (l) => l.map((x) => x.getAttribute('data-network')));
    expect(strips.length).toBeGreaterThanOrEqual(6);
    const today = await tab.$eval('.lapse-strip .lapse-today', (t) => t.getBoundingClientRect().width);
    expect(today).toBeGreaterThan(0);
    const mark = await tab.$eval('.lapse-strip[data-network="youtube"] .lapse-mark.lapse-expired', (m) => m.getAttribute('aria-label'));
    expect(mark).toMatch(/^YouTube, \d{1,2} \w{3} \d{4}: /);
    await tab.click('.lapse-strip[data-network="youtube"] .lapse-mark.lapse-expired');
    await tab.waitForSelector('#detail-title');
    expect(await tab.$eval('#detail-title', (h) => h.textContent)).toContain('YouTube');
    await tab.close();

    const atRisk = await s.ext.openPage('at-risk.html');
    await atRisk.waitForSelector('.lapse .lapse-mark');
    const target = await atRisk.$eval('.lapse-mark.lapse-expiring', (m) => m.getAttribute('aria-label')!);
    await atRisk.click('.lapse-mark.lapse-expiring');
    const highlighted = await atRisk.waitForSelector('li.row.highlight');
    const name = await highlighted!.$eval('.row-name', (n) => n.textContent);
    expect(target).toContain(name);
    await atRisk.close();
  });

  it('windowed past 150 rows: rows measured, none overlapping nor clipped, expired two-line rows and open ones included', async () => {
    await cloneProfiles(await s.ext.worker(), 400);
    const big = await s.ext.openPage('popup.html');
    await big.setViewport({ width: 400, height: 600 });
    await big.waitForSelector('.profile-window');
    await waitFor(async () => (await big.$eval('.profile-window', (w) => w.getAttribute('data-rows'))) === '400', 'all 400 rows');
    const layout = () =>
      big.$$eval('.profile-window li.row', (lis) =>
        lis.map((li) => {
          const r = li.getBoundingClientRect();
          const inner = [...li.querySelectorAll('button, .row-sub, .row-more')].map((e) => e.getBoundingClientRect().bottom);
          return { id: li.getAttribute('data-profile-id'), top: r.top, bottom: r.bottom, clipped: inner.some((b) => b > r.bottom + 0.5) };
        }),
      );
    const check = async () => {
      const rows = await layout();
      expect(rows.length).toBeGreaterThan(5);
      expect(rows.filter((r) => r.clipped)).toEqual([]);
      for (let i = 1; i < rows.length; i += 1)
        expect(Math.abs(rows[i]!.top - rows[i - 1]!.bottom), JSON.stringify(rows.slice(Math.max(0, i - 2), i + 2))).toBeLessThanOrEqual(1);
      return rows;
    };
    // The first rows are expired (two lines): open one, then scroll through the whole list.
    const first = (await check())[0]!.id!;
    await big.click(`li.row[data-profile-id="${first}"] .row-name`);
    await big.waitForSelector(`li.row[data-profile-id="${first}"] .row-more`);
    await check();
    const seen = new Set<string>();
    for (let top = 0; ; top += 300) {
      await big.$eval('.profile-window', (w, y) => w.scrollTo(0, y), top);
      await new Promise((r) => setTimeout(r, 60));
      for (const r of await check()) seen.add(r.id!);
      const end = await big.$eval('.profile-window', (w) => w.scrollTop + w.clientHeight >= w.scrollHeight - 1);
      if (end) break;
    }
    expect(seen.size).toBe(400);
    // The last row ends at the bottom of the list: the total height is the measured one.
    const gap = await big.$eval('.profile-window', (w) => {
      const last = w.querySelector('li.row:last-child')!.getBoundingClientRect().bottom;
      return w.getBoundingClientRect().bottom - last;
    });
    expect(Math.abs(gap)).toBeLessThanOrEqual(2);
    await big.close();
  }, 120_000);
});

/** Copies the demo's profiles (each copy on its original's grant, so every status recurs) up to `total` rows. */
async function cloneProfiles(worker: WebWorker, total: number): Promise<void> {
  await worker.evaluate(async (target) => {
    const req = <T>(r: IDBRequest<T>) =>
      new Promise<T>((res, rej) => ((r.onsuccess = () => res(r.result)), (r.onerror = () => rej(new Error(String(r.error))))));
    const db = await req(indexedDB.open('token-warden'));
    const profiles = (await req(db.transaction('profiles').objectStore('profiles').getAll())) as { id: string; name: string }[];
    const write = db.transaction('profiles', 'readwrite');
    for (let i = 0; profiles.length + i < target; i += 1) {
      const p = profiles[i % profiles.length]!;
      write.objectStore('profiles').put({ ...p, id: `${p.id}~${i}`, name: `${p.name} ${i}` });
    }
    await new Promise((res, rej) => ((write.oncomplete = res), (write.onerror = rej)));
    db.close();
  }, total);
}
