import { startSandbox } from '../sandbox/server';
import { addOne } from '../sandbox/fixtures';
import { waitFor } from './support/chromium';
import { command, patchGrants, popupRows, readTable } from './support/extension';
import { openSession, type Session } from './support/session';

describe('Offline: the sandbox down changes no status, says so, and polling resumes by itself', () => {
  let s: Session;
  afterAll(() => s?.close());

  it('goes offline and back', async () => {
    s = await openSession();
    const port = s.sandbox.port;
    const state = s.sandbox.state;
    for (const network of ['facebook', 'tiktok', 'x'] as const) {
      addOne(state, network, `Fern ${network}`, '1');
      await command(s.page, 'connect', { network });
    }
    // A poll every 6 s, so "by itself" can be seen in a test.
    const settings = JSON.parse(JSON.stringify((await readTable<{ doc: object }>(await s.ext.worker(), 'settings'))[0]!.doc)) as {
      polling: { intervalMinutes: number };
    };
    settings.polling.intervalMinutes = 0.1;
    await command(s.page, 'saveSettings', { settings });
    const popup = await s.ext.openPage('popup.html');
    await popup.waitForSelector('li.row');
    const before = (await popupRows(popup)).map((r) => [r.id, r.status, r.text]);

    await s.sandbox.close();
    await command(s.page, 'pollNow', {});
    await popup.waitForSelector('.banner');
    expect(await popup.$$eval('.banner', (b) => b.map((x) => x.textContent))).toContain(
      'Offline: the last checks could not reach the networks. Statuses are unchanged; checks resume by themselves.',
    );
    expect((await popupRows(popup)).map((r) => [r.id, r.status, r.text])).toEqual(before);

    // The sandbox is back on the same port; the next checks are due (backoff elapsed): the alarm alone polls.
    s.sandbox = await startSandbox({ port });
    s.sandbox.state.accounts = state.accounts;
    s.sandbox.state.tokens = state.tokens;
    await patchGrants(await s.ext.worker(), { nextCheckAt: 0 });
    await waitFor(
      async () => (await popup.$$eval('.banner', (b) => b.map((x) => x.textContent ?? ''))).every((t) => !t.startsWith('Offline')),
      'back online',
      30_000,
    );
    const grants = await readTable<{ lastCheckResult: string }>(await s.ext.worker(), 'grants');
    expect(grants.map((g) => g.lastCheckResult)).toEqual(['valid', 'valid', 'valid']);
    expect((await popupRows(popup)).map((r) => [r.id, r.status])).toEqual(before.map(([id, status]) => [id, status]));
  }, 90_000);

  it('a full disk, recorded by the background in session storage, is said in the popup until it clears', async () => {
    const popup = await s.ext.openPage('popup.html');
    await popup.waitForSelector('li.row');
    const worker = await s.ext.worker();
    const bannerText = () => popup.$$eval('[role="alert"], .banner', (els) => els.map((e) => e.textContent ?? '').join(' '));
    expect(await bannerText()).not.toContain('Storage is full');
    await worker.evaluate(() => chrome.storage.session.set({ storageProblem: { at: Date.now(), error: 'QuotaExceededError' } }));
    await waitFor(async () => (await bannerText()).includes('Storage is full'), 'the storage banner');
    await worker.evaluate(() => chrome.storage.session.remove('storageProblem'));
    await waitFor(async () => !(await bannerText()).includes('Storage is full'), 'the banner gone');
  });
});
