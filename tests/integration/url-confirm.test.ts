import { handleMessage } from '@/entrypoints/background/commands';
import { loadSettings } from '@/utils/db/settings-store';
import { confirmationKey, type UrlChange } from '@/utils/url-policy';
import { harness, type Harness } from './support/harness';

const self = { id: 'ext', origin: 'chrome-extension://ext' };
const page = { id: 'ext', url: 'chrome-extension://ext/options.html' };

describe('a change of a URL that receives tokens applies only once confirmed and granted', () => {
  let h: Harness;
  let granted: string[][];
  let grant: boolean;
  beforeEach(async () => {
    h = await harness();
    granted = [];
    grant = true;
    h.deps.hasHosts = (origins) => (granted.push(origins), Promise.resolve(grant));
  });
  afterEach(() => h.close());

  const stored = async () => JSON.stringify((await loadSettings(h.deps.db)).settings);
  const teamFile = async (url: string) => {
    const { settings } = await loadSettings(h.deps.db);
    settings.networks.facebook!.exchangeUrl = url;
    settings.networks.tiktok!.baseUrl = url;
    return JSON.stringify(settings);
  };
  const send = (command: string, payload: unknown) => handleMessage(h.deps, { command, payload }, page, self);

  it('an imported file that moves the exchange and base URLs is shown (old → new) and changes nothing until confirmed', async () => {
    const before = await stored();
    const text = await teamFile('https://collect.evil.example/t');
    const reply = await send('importSettings', { text });
    expect(reply).toMatchObject({ ok: true, result: { ok: false, confirm: expect.any(Array) } });
    const changes = (reply as { result: { confirm: UrlChange[] } }).result.confirm;
    expect(changes.map((c) => [c.field, new URL(c.from).host, new URL(c.to).host])).toEqual([
      ['networks.facebook.exchangeUrl', new URL(h.sandbox.url).host, 'collect.evil.example'],
      ['networks.tiktok.baseUrl', new URL(h.sandbox.url).host, 'collect.evil.example'],
    ]);
    expect(await stored()).toBe(before);
    expect(granted).toEqual([]);

    // Confirmed: the browser's grant of the new host is checked, then it applies.
    expect(await send('importSettings', { text, confirmed: changes.map(confirmationKey) })).toEqual({ ok: true, result: { ok: true } });
    expect(granted).toEqual([['https://collect.evil.example/*']]);
    expect((await loadSettings(h.deps.db)).settings.networks.facebook!.exchangeUrl).toBe('https://collect.evil.example/t');
  });

  it('a confirmation of other URLs does not apply these', async () => {
    const before = await stored();
    const confirmedA = [
      confirmationKey({ field: 'networks.facebook.exchangeUrl', label: '', from: '', to: 'https://a.example/t' }),
      confirmationKey({ field: 'networks.tiktok.baseUrl', label: '', from: '', to: 'https://a.example/t' }),
    ];
    const reply = await send('importSettings', { text: await teamFile('https://b.example/t'), confirmed: confirmedA });
    expect(reply).toMatchObject({ ok: true, result: { ok: false, confirm: expect.any(Array) } });
    expect(await stored()).toBe(before);
  });

  it('without the browser’s grant of the new host nothing applies, and the host is named', async () => {
    grant = false;
    const before = await stored();
    const { settings } = await loadSettings(h.deps.db);
    settings.networks.x!.baseUrl = 'https://staging.example.org/x';
    const confirmed = [`networks.x.baseUrl=https://staging.example.org/x`];
    expect(await send('saveSettings', { settings, confirmed })).toEqual({
      ok: true,
      result: { ok: false, message: 'Not applied: the browser did not grant access to staging.example.org.' },
    });
    expect(await stored()).toBe(before);
  });

  it('plain http to another host is refused, naming the field, and the settings stay unchanged', async () => {
    const before = await stored();
    const reply = await send('importSettings', { text: await teamFile('http://collect.evil.example/t'), confirmed: [] });
    expect(reply).toEqual({
      ok: true,
      result: {
        ok: false,
        message:
          'This is not a Token Warden settings file: networks.facebook.exchangeUrl: must start with https:// (http:// only for 127.0.0.1, localhost or [::1]).',
      },
    });
    expect(await stored()).toBe(before);
  });

  it('a change that moves no token URL applies at once', async () => {
    const { settings } = await loadSettings(h.deps.db);
    settings.polling.intervalMinutes = 5;
    settings.networks.facebook!.clientId = 'another-app';
    expect(await send('saveSettings', { settings })).toEqual({ ok: true, result: { ok: true } });
    expect((await loadSettings(h.deps.db)).settings.polling.intervalMinutes).toBe(5);
  });
});
