import { DEFAULT_SETTINGS, parseSettingsFile, serializeSettings } from '@/utils/settings';

describe('settings file', () => {
  const good = {
    version: 1,
    networks: {
      facebook: { clientId: '123', baseUrl: 'http://127.0.0.1:4010/facebook', exchangeUrl: 'https://tokens.example.org/exchange' },
    },
    polling: { intervalMinutes: 30 },
  };

  it('round-trips through export and import', () => {
    const parsed = parseSettingsFile(JSON.stringify(good));
    expect(parsed).toEqual({ ok: true, value: good });
    expect(parseSettingsFile(serializeSettings(DEFAULT_SETTINGS))).toEqual({ ok: true, value: DEFAULT_SETTINGS });
  });

  it('fills defaults for what a file leaves out', () => {
    const parsed = parseSettingsFile('{"version":1}');
    expect(parsed.ok && parsed.value.polling.intervalMinutes).toBe(15);
  });

  it.each([
    ['not JSON', '{', 'This file is not valid JSON.'],
    ['a wrong version', JSON.stringify({ ...good, version: 2 }), 'version'],
    ['an unknown network', JSON.stringify({ ...good, networks: { myspace: {} } }), 'networks'],
    ['a client secret', JSON.stringify({ ...good, networks: { facebook: { clientId: 'x', client_secret: 's' } } }), 'networks.facebook'],
    [
      'a non-http base URL',
      JSON.stringify({ ...good, networks: { facebook: { baseUrl: 'javascript:alert(1)' } } }),
      'networks.facebook.baseUrl',
    ],
    ['a polling interval out of range', JSON.stringify({ ...good, polling: { intervalMinutes: 0 } }), 'polling.intervalMinutes'],
    ['an array', '[]', 'the file'],
  ])('refuses %s with a message naming the problem', (_, text, where) => {
    const parsed = parseSettingsFile(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(where);
  });
});
