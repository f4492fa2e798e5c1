import ICAL from 'ical.js';
import type { Page } from 'puppeteer-core';
import { addOne } from '../sandbox/fixtures';
import type { Account } from '../sandbox/state';
import { waitFor } from './support/chromium';
import { command, patchGrants, popupRows } from './support/extension';
import { openSession, type Session } from './support/session';

const DAY_SEC = 86_400;

/** Captures what the page hands to URL.createObjectURL (the export downloads). */
async function captureDownloads(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __blobs: Blob[] };
    w.__blobs = [];
    const original = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (b: Blob | MediaSource) => (w.__blobs.push(b as Blob), original(b));
  });
  return () => page.evaluate(() => Promise.all((window as unknown as { __blobs: Blob[] }).__blobs.map((b) => b.text())));
}

describe('The popup as a daily tool, on a mixed set of 20 profiles', () => {
  let s: Session;
  let popup: Page;
  const owners: Account[] = [];

  beforeAll(async () => {
    s = await openSession();
    const connect = async (network: string) => expect(await command(s.page, 'connect', { network })).toMatchObject({ kind: 'connected' });
    for (const i of [1, 2, 3, 4, 5]) {
      owners.push(
        s.sandbox.state.addAccount({
          network: 'facebook',
          name: `Owner ${i}`,
          pages: [{ id: `50${i}`, name: `Page ${i}`, tasks: ['MANAGE'] }],
        }),
      );
      await connect('facebook');
    }
    const add = async (network: Parameters<typeof addOne>[1], name: string, id: string, extra: Partial<Account> = {}) => {
      addOne(s.sandbox.state, network, name, id, extra);
      await connect(network);
    };
    for (const i of [1, 2, 3]) await add('tiktok', `Clip ${i}`, '1', { refreshLifetimeSec: 2 * DAY_SEC });
    for (const i of [1, 2]) await add('threads', `Thread ${i}`, '1', { tokenLifetimeSec: 5 * DAY_SEC });
    for (const i of [1, 2, 3]) await add('pinterest', `Pins ${i}`, '1');
    await add('linkedin', 'Fern & Co.', '6101');
    for (const i of [1, 2]) await add('x', `Fern X ${i}`, '1');
    for (const i of [1, 2]) await add('google-business', `Location ${i}`, `710${i}`);
    const yt = addOne(s.sandbox.state, 'youtube', 'Fern Kitchen TV', 'UC77');
    await connect('youtube');
    for (const a of [...owners, yt.account]) s.sandbox.state.revokeAccount(a.id, 'password');
    await command(s.page, 'pollNow', {});
    // The YouTube token died 5 days ago: moved back in time in the stored grant (a test cannot wait 5 days).
    await patchGrants(await s.ext.worker(), { invalidSince: Date.now() - 5 * DAY_SEC * 1000 }, 'youtube');
    popup = await s.ext.openPage('popup.html');
    await popup.waitForSelector('.chips');
  });
  afterAll(() => s?.close());

  const chip = (status: string) => popup.$eval(`.chip[data-status="${status}"]`, (b) => b.getAttribute('aria-label'));

  it('counts each status, and the filters combine', async () => {
    expect(await popupRows(popup)).toHaveLength(20);
    expect([await chip('expired'), await chip('expiring'), await chip('valid'), await chip('no-expiry')]).toEqual([
      'Expired 6: expired',
      'Expiring 5: expiring within 7 days',
      'Valid 7: valid',
      'No expiry 2: no expiration date',
    ]);
    await popup.click('.chip[data-status="expired"]');
    expect((await popupRows(popup)).map((r) => r.status)).toEqual(Array(6).fill('expired'));
    await popup.select('#filter-network', 'facebook');
    expect(await popupRows(popup)).toHaveLength(5);
    await popup.type('#filter-text', 'page 3');
    expect((await popupRows(popup)).map((r) => r.name)).toEqual(['Page 3']);
    expect(await chip('expired')).toBe('Expired 1: expired');
    // The choice is kept when the popup is opened again.
    const again = await s.ext.openPage('popup.html');
    await again.waitForSelector('.chips');
    expect((await popupRows(again)).map((r) => r.name)).toEqual(['Page 3']);
    await again.close();
    await popup.click('#filter-text', { count: 3 });
    await popup.keyboard.press('Backspace');
    await popup.click('.chip[data-status="expired"]');
    await popup.select('#filter-network', 'all');
    expect(await popupRows(popup)).toHaveLength(20);
  });

  it('a YouTube profile expired 5 days ago shows "data deleted in 2 days" and sorts first', async () => {
    const first = await popup.$eval('li.row', (r) => ({
      id: r.getAttribute('data-profile-id'),
      text: r.querySelector('.row-sub')?.textContent,
    }));
    expect(first.id).toBe('youtube:UC77');
    expect(first.text).toContain('Data deleted in 2 days');
    // The full sentence is in the row's details.
    await popup.click('li.row[data-profile-id="facebook:501"] .row-name');
    const fb = await popup.$eval('li.row[data-profile-id="facebook:501"] .row-more .consequences', (c) => c.textContent);
    expect(fb).toMatch(
      /^Publishing and sync paused since \d{1,2} \w{3} \d{4} · 90 days before data from this gap can no longer be recovered$/,
    );
  });

  it('"Try renewing all" on a network of 5, one refused and one without permission, sums up right', async () => {
    const editor = s.sandbox.state.addAccount({
      network: 'facebook',
      name: 'Robin Editor',
      pages: [{ id: '504', name: 'Page 4', tasks: ['CREATE_CONTENT'] }],
    });
    const other = s.sandbox.state.addAccount({
      network: 'facebook',
      name: 'Sam Other',
      pages: [{ id: '505', name: 'Page 5', tasks: ['MANAGE'] }],
    });
    await s.control('login-queue', { network: 'facebook', accountIds: [owners[0]!.id, 'deny', owners[2]!.id, editor.id, other.id] });
    await s.control('fault', { network: 'facebook', latencyMs: 150 });
    await popup.select('#filter-network', 'facebook');
    await popup.waitForSelector('.bulk button.primary');
    expect(await popup.$eval('.bulk button.primary', (b) => b.textContent)).toBe('Try renewing all Facebook (5)');
    await popup.click('.bulk button.primary');
    await popup.waitForSelector('.bulk-progress');
    expect(await popup.$eval('.bulk-progress', (p) => p.textContent)).toMatch(/^\d of 5$/);
    await popup.waitForSelector('.bulk-summary', { timeout: 30_000 });
    expect(await popup.$eval('.bulk-summary p', (p) => p.textContent)).toBe('Renewed 3 · Cancelled 1 · Failed 1');
    expect(await popup.$$eval('.bulk-summary li', (l) => l.map((x) => x.textContent))).toEqual([
      'Page 4: Not renewed: Robin Editor lacks the permission needed (Full control of the Page (or of the Business Manager that owns it))',
    ]);
    const statuses = Object.fromEntries((await popupRows(popup)).map((r) => [r.name, r.status]));
    expect(statuses).toEqual({ 'Page 1': 'valid', 'Page 2': 'expired', 'Page 3': 'valid', 'Page 4': 'expired', 'Page 5': 'valid' });
    await s.control('fault', { network: 'facebook', mode: 'none' });
  }, 60_000);

  it('"See who can renew" shows ✓ ✗ ?', async () => {
    const managers = async (profileId: string) => {
      if (!(await popup.$(`li.row[data-profile-id="${profileId}"] .row-more`)))
        await popup.click(`li.row[data-profile-id="${profileId}"] .row-name`);
      await popup.click(`li.row[data-profile-id="${profileId}"] .row-links button:first-child`);
      await popup.waitForSelector('dialog.dialog');
      const items = await popup.$$eval('.managers li', (l) =>
        l.map((x) => `${x.querySelector('.mark')?.textContent} ${x.querySelector('strong')?.textContent}`),
      );
      await popup.click('dialog.dialog button');
      return items.sort();
    };
    expect(await managers('facebook:504')).toEqual(['✓ Owner 4', '✗ Robin Editor']);
    expect(await managers('facebook:505')).toEqual(['? Owner 5', '✓ Sam Other']);
  });

  it('exports: CSV with one row per profile and no token; an .ics with one event per upcoming expiry', async () => {
    await popup.select('#filter-network', 'all');
    const downloads = await captureDownloads(popup);
    await popup.click('.footer-actions button:nth-child(1)');
    await popup.click('.footer-actions button:nth-child(3)');
    const [csv, ics] = await waitFor(async () => {
      const d = await downloads();
      return d.length === 2 && d;
    }, 'two downloads');
    const lines = csv!.trimEnd().split('\r\n');
    expect(lines).toHaveLength(21);
    const tokens = [...s.sandbox.state.tokens.keys()];
    expect(tokens.length).toBeGreaterThan(30);
    for (const t of tokens) expect(csv).not.toContain(t.slice(0, 20));
    const rows = await popupRows(popup);
    const upcoming = rows.filter((r) => r.status === 'expiring' || r.status === 'valid').length;
    const vcalendar = new ICAL.Component(ICAL.parse(ics!));
    const events = vcalendar.getAllSubcomponents('vevent');
    expect(events).toHaveLength(upcoming);
    expect(events.every((e) => new ICAL.Event(e).startDate.toJSDate().getTime() > Date.now())).toBe(true);
  });

  it("a profile's detail shows its timeline; Disconnect asks first and keeps the history", async () => {
    await popup.click('li.row[data-profile-id="facebook:502"] .row-name');
    await popup.click('li.row[data-profile-id="facebook:502"] .row-links button:nth-child(2)');
    await popup.waitForSelector('.timeline li');
    const timeline = await popup.$$eval('.timeline li', (l) => l.map((x) => x.textContent ?? ''));
    expect(timeline.some((t) => t.includes('Connected by Owner 2'))).toBe(true);
    expect(timeline.some((t) => t.includes('Status changed from Valid to Expired'))).toBe(true);
    expect(timeline.some((t) => t.includes('Cancelled: nothing was changed'))).toBe(true);
    await popup.click('.detail-actions button:nth-child(3)');
    await popup.waitForSelector('[role="alertdialog"]');
    await popup.click('[role="alertdialog"] button:first-of-type');
    await waitFor(async () => (await popupRows(popup)).length === 19, 'one profile fewer');
    expect(await popup.$eval('.banner', (b) => b.textContent)).toContain('Disconnected');
  });
});
