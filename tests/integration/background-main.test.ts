import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background/index';
import { handleMessage, isOwnPage } from '@/entrypoints/background/commands';
import { harness, type Harness } from './support/harness';

describe('background wiring (WXT fake browser)', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    // Not implemented by the fake browser.
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
  });

  it('creates the poll alarm on start, and only once across restarts', async () => {
    background.main();
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get('poll')).toBeDefined());
    const first = await fakeBrowser.alarms.get('poll');
    expect(first!.periodInMinutes).toBe(15);
    const asked = vi.spyOn(fakeBrowser.alarms, 'get');
    const created = vi.spyOn(fakeBrowser.alarms, 'create');
    background.main(); // a second worker start
    // Its start looks for the poll alarm; once that answer is in and the tasks queued after it ran, a create would have been called.
    await vi.waitFor(() => expect(asked.mock.calls.some(([name]) => name === 'poll')).toBe(true));
    await Promise.all(asked.mock.results.map((r) => r.value as Promise<unknown>));
    await new Promise((r) => setImmediate(r));
    expect(created.mock.calls.filter(([name]) => name === 'poll')).toEqual([]);
    expect(await fakeBrowser.alarms.getAll()).toHaveLength(1);
    expect((await fakeBrowser.alarms.get('poll'))!.scheduledTime).toBe(first!.scheduledTime);
  });
});

describe('the message door', () => {
  let h: Harness;
  afterEach(() => h?.close());
  const self = { id: 'ext-id', origin: 'chrome-extension://ext-id' };
  const page = { id: 'ext-id', url: 'chrome-extension://ext-id/popup.html' };

  it("accepts only the extension's own pages", () => {
    expect(isOwnPage(page, self)).toBe(true);
    expect(isOwnPage({ id: 'other', url: 'chrome-extension://other/x.html' }, self)).toBe(false);
    expect(isOwnPage({ id: 'ext-id', url: 'https://evil.example/' }, self)).toBe(false);
    expect(isOwnPage({ id: 'ext-id' }, self)).toBe(false);
  });

  it('refuses malformed commands with a message and changes nothing', async () => {
    h = await harness();
    const before = await h.deps.db.settings.toArray();
    const bad = [
      null,
      'renew',
      { command: 'renew' },
      { command: 'renew', payload: { profileId: 42 } },
      { command: 'deleteEverything', payload: {} },
      { command: 'saveSettings', payload: { settings: { version: 1, networks: { facebook: { client_secret: 'x' } } } } },
      { command: 'pollNow', payload: {}, extra: true },
    ];
    for (const message of bad) {
      const reply = await handleMessage(h.deps, message, page, self);
      expect(reply.ok).toBe(false);
      if (!reply.ok) expect(reply.error).toMatch(/^Refused: /);
    }
    expect(await handleMessage(h.deps, { command: 'pollNow', payload: {} }, { id: 'evil', url: 'https://x/' }, self)).toEqual({
      ok: false,
      error: 'Refused: not sent by a Token Warden page',
    });
    expect(await h.deps.db.settings.toArray()).toEqual(before);
  });

  it('an invalid settings import changes nothing and says why', async () => {
    h = await harness();
    const before = await h.deps.db.settings.toArray();
    const reply = await handleMessage(
      h.deps,
      { command: 'importSettings', payload: { text: '{"version":1,"networks":{"facebook":{"baseUrl":"ftp://x"}}}' } },
      page,
      self,
    );
    expect(reply).toEqual({ ok: true, result: { ok: false, message: expect.stringContaining('networks.facebook.baseUrl') } });
    expect(await h.deps.db.settings.toArray()).toEqual(before);
  });
});
