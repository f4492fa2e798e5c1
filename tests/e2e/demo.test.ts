import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemo } from '../sandbox/demo-seed';
import { startDemoHub } from '../demo/demo-hub';
import { connectDemo } from '../demo/connect-demo';
import { NETWORK_IDS } from '../../utils/networks/catalog';
import { popupRows, readTable } from './support/extension';
import { openSession, type Session } from './support/session';

type Identity = { access: Record<string, { can: string }> };

describe('The demo organisation (npm start)', () => {
  let s: Session;
  afterAll(() => s?.close());

  it('connects about 40 profiles over all nine networks, in every status', async () => {
    s = await openSession();
    await connectDemo(s.sandbox, s.page, seedDemo(s.sandbox.state));
    await expectDemoSpread(s);
    // Google gave no expiry: the YouTube channels' dates are the renewal policy's, and say so.
    const popup = await s.ext.openPage('popup.html?view=tab');
    await popup.setViewport({ width: 800, height: 6000 });
    await popup.waitForSelector('li.row');
    const youtube = (await popupRows(popup)).filter((r) => r.id === 'youtube:300201' || r.id === 'youtube:300202');
    expect(youtube).toHaveLength(2);
    for (const row of youtube) expect(row.text).toMatch(/^Renew by \d{1,2} \w{3} \d{4} · YouTube asks every 30 days$/);
  }, 120_000);

  it('the same through the organisation hub, as npm start runs it: the browser holds no token', async () => {
    await s.close();
    s = await openSession();
    const dataDir = mkdtempSync(join(tmpdir(), 'tw-demo-hub-'));
    const demoHub = await startDemoHub(s.sandbox, { live: false, port: '0', dataDir });
    try {
      await demoHub.enroll(s.page);
      await connectDemo(
        s.sandbox,
        s.page,
        seedDemo(s.sandbox.state),
        () => undefined,
        () => demoHub.checkAll(),
      );
      await expectDemoSpread(s);
      expect((await readTable<{ grantId: string }>(s.page, 'secrets')).map((r) => r.grantId)).toEqual(['hub:device']);
    } finally {
      await demoHub.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});

async function expectDemoSpread(s: Session): Promise<void> {
  {
    const profiles = await readTable<{ id: string; network: string }>(s.page, 'profiles');
    expect(profiles.length).toBeGreaterThanOrEqual(38);
    expect(new Set(profiles.map((p) => p.network))).toEqual(new Set(NETWORK_IDS));

    const popup = await s.ext.openPage('popup.html?view=tab');
    await popup.setViewport({ width: 800, height: 6000 }); // every row in view (the list is windowed past 150)
    await popup.waitForSelector('li.row');
    const rows = await popupRows(popup);
    expect(rows).toHaveLength(profiles.length);
    const texts = (status: string) => rows.filter((r) => r.status === status).map((r) => r.text);
    expect(texts('expired').length).toBeGreaterThanOrEqual(4);
    for (const left of [/today|\b1 day\b/, /\b3 days\b/, /\b6 days\b/]) expect(texts('expiring').some((t) => left.test(t))).toBe(true);
    expect(texts('valid').length).toBeGreaterThanOrEqual(15);
    expect(texts('no-expiry')).toHaveLength(4);

    // Killed early: the network's reason (Sam changed a password), still Expired.
    expect(texts('expired').filter((t) => t.includes('Sign-in needed: password changed'))).toHaveLength(2);
    // One grant per channel: both channels of the Fern Media Google login are tracked.
    expect(profiles.filter((p) => p.id === 'youtube:300201' || p.id === 'youtube:300202')).toHaveLength(2);

    // The YouTube channel whose login died is first, with its deletion countdown.
    const first = await popup.$eval('li.row', (r) => ({ id: r.getAttribute('data-profile-id'), text: r.textContent ?? '' }));
    expect(first.id).toBe('youtube:300211');
    expect(first.text).toMatch(/delet/i);

    // Two profiles that the login connecting them cannot renew (no full control / not Super Admin).
    const access = (await readTable<Identity>(s.page, 'identities')).flatMap((i) => Object.entries(i.access));
    const cannot = access.filter(([, a]) => a.can === 'no').map(([id]) => id);
    expect(cannot.sort()).toEqual(['facebook:200104', 'linkedin:org-300503']);
  }
}
