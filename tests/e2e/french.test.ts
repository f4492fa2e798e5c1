import { startSandbox, type Sandbox } from '../sandbox/server';
import { sandboxSettings } from '../sandbox/settings-for';
import { addOne } from '../sandbox/fixtures';
import { launchExtension, type ExtensionBrowser } from './support/chromium';
import { command, importSettings, popupRows } from './support/extension';

describe('The popup in French (browser language fr)', () => {
  let sandbox: Sandbox;
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    sandbox = await startSandbox();
    ext = await launchExtension({ lang: 'fr-FR' });
    await ext.worker();
    const options = await ext.openPage('options.html');
    await importSettings(options, sandboxSettings(sandbox.url));
    addOne(sandbox.state, 'tiktok', 'Fern Coffee Lab', '1', { refreshLifetimeSec: 2 * 86_400 });
    await command(options, 'connect', { network: 'tiktok' });
  });
  afterAll(async () => {
    await ext?.close();
    await sandbox?.close();
  });

  it('speaks French: statuses, buttons, filters', async () => {
    const popup = await ext.openPage('popup.html');
    await popup.waitForSelector('li.row');
    expect(await popup.$eval('html', (h) => h.lang)).toBe('fr');
    expect((await popupRows(popup))[0]!.text).toBe('Expire dans 2 jours');
    expect(await popup.$eval('li.row button.renew', (b) => b.textContent)).toBe('Renouveler');
    expect(await popup.$eval('.chip[data-status="expiring"]', (b) => b.getAttribute('aria-label'))).toBe(
      'Bientôt expiré 1: expire dans les 7 jours',
    );
    await popup.click('li.row .row-name'); // the last check is in the row's details
    expect(await popup.$eval('.row-meta', (m) => m.textContent)).toMatch(/^Vérifié le \d{1,2} \S+ \d{4}, \d\d:\d\d/);
    expect(await popup.$eval('form.connect button', (b) => b.textContent)).toBe('Connecter un profil');
  });

  it('says a date Google never gave is the renewal policy’s, and why a killed token needs a sign-in', async () => {
    addOne(sandbox.state, 'youtube', 'Fern Kitchen TV', 'UC9');
    await command(await ext.openPage('options.html'), 'connect', { network: 'youtube' });
    const fb = addOne(sandbox.state, 'facebook', 'Fern Harbour', '31');
    const options = await ext.openPage('options.html');
    await command(options, 'connect', { network: 'facebook' });
    sandbox.state.revokeAccount(fb.account.id, 'password');
    await command(options, 'pollNow', {});
    const popup = await ext.openPage('popup.html');
    await popup.waitForSelector('li.row[data-profile-id="youtube:UC9"]');
    const rows = new Map((await popupRows(popup)).map((r) => [r.id, r.text]));
    expect(rows.get('youtube:UC9')).toMatch(/^À renouveler avant le \d{1,2} \S+ \d{4} · YouTube le demande tous les 30 jours$/);
    expect(rows.get('facebook:31')).toBe('Reconnexion nécessaire : mot de passe modifié');
  });
});
