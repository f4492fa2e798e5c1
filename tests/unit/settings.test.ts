import { DEFAULT_SETTINGS, parseSettingsFile, serializeSettings } from '@/utils/settings';

describe('settings file', () => {
  const good = {
    version: 2,
    networks: {
      facebook: { clientId: '123', baseUrl: 'http://127.0.0.1:4010/facebook', exchangeUrl: 'https://tokens.example.org/exchange' },
    },
    polling: { intervalMinutes: 30 },
    reminders: { thresholds: [14, 7, 1, 0], mode: 'per-profile', profiles: { 'facebook:1': { muted: true } } },
    channels: { notifications: true, startupWarning: true, slackUrl: 'https://hooks.slack.com/services/T0/B0/x', webhookUrl: '' },
    historyLimits: { youtube: 7 },
  };

  it('round-trips through export and import', () => {
    const parsed = parseSettingsFile(JSON.stringify(good));
    expect(parsed).toEqual({ ok: true, value: good });
    expect(parseSettingsFile(serializeSettings(DEFAULT_SETTINGS))).toEqual({ ok: true, value: DEFAULT_SETTINGS });
  });

  it('fills defaults for what a file leaves out', () => {
    const parsed = parseSettingsFile('{"version":2}');
    expect(parsed.ok && parsed.value.polling.intervalMinutes).toBe(15);
    expect(parsed.ok && parsed.value.reminders.thresholds).toEqual([7, 3, 1, 0]);
  });

  it('migrates a version 1 file (from an earlier release) to version 2', () => {
    const v1 = { version: 1, networks: { tiktok: { clientId: 'ck' } }, polling: { intervalMinutes: 20 } };
    const parsed = parseSettingsFile(JSON.stringify(v1));
    expect(parsed).toEqual({
      ok: true,
      value: {
        version: 2,
        networks: { tiktok: { clientId: 'ck', baseUrl: '', exchangeUrl: '' } },
        polling: { intervalMinutes: 20 },
        reminders: { thresholds: [7, 3, 1, 0], mode: 'all', profiles: {} },
        channels: { notifications: true, startupWarning: false, slackUrl: '', webhookUrl: '' },
        historyLimits: {},
      },
    });
  });

  it.each([
    ['not JSON', '{', 'This file is not valid JSON.'],
    ['a version from the future', JSON.stringify({ ...good, version: 3 }), 'version'],
    ['a negative threshold', JSON.stringify({ ...good, reminders: { thresholds: [-1] } }), 'reminders.thresholds'],
    ['a Slack URL that is not a URL', JSON.stringify({ ...good, channels: { slackUrl: 'slack' } }), 'channels.slackUrl'],
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
