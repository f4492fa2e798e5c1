import { parseSettingsFile } from '@/utils/settings';
import { tokenUrlChanges } from '@/utils/token-urls';
import { allConfirmed, confirmationKey, originsToGrant, urlProblem } from '@/utils/url-policy';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings';

const HTTPS_ONLY = 'must start with https:// (http:// only for 127.0.0.1, localhost or [::1])';

describe('a URL that receives tokens or messages', () => {
  it('is https, or plain http only on loopback', () => {
    for (const ok of ['https://tokens.example.org/x', 'http://127.0.0.1:4010/facebook', 'http://localhost:8080', 'http://[::1]:4010/'])
      expect(urlProblem(ok)).toBeNull();
    for (const bad of [
      'http://tokens.example.org/x',
      'http://127.0.0.2/',
      'http://localhost.evil.example/',
      'ftp://x.example/',
      'javascript:alert(1)',
    ])
      expect(urlProblem(bad)).toBe(HTTPS_ONLY);
    expect(urlProblem('https://user:pw@tokens.example.org/')).toBe('a URL must not carry a user name or password');
    expect(urlProblem('not a url')).toBe('not a valid URL');
  });

  it.each([
    ['networks.facebook.baseUrl', { networks: { facebook: { baseUrl: 'http://evil.example/' } } }],
    ['networks.tiktok.exchangeUrl', { networks: { tiktok: { exchangeUrl: 'http://10.0.0.5/exchange' } } }],
    ['channels.slackUrl', { channels: { slackUrl: 'http://hooks.slack.com/services/T/B/x' } }],
    ['channels.webhookUrl', { channels: { webhookUrl: 'http://ntfy.example/topic' } }],
  ])('a settings file with plain http in %s is refused with a message naming the field', (field, doc) => {
    expect(parseSettingsFile(JSON.stringify({ version: 2, ...doc }))).toEqual({
      ok: false,
      message: `This is not a Token Warden settings file: ${field}: ${HTTPS_ONLY}.`,
    });
  });
});

describe('changes of the URLs that receive tokens', () => {
  const next = (over: Partial<Settings['networks']>): Settings => ({
    ...DEFAULT_SETTINGS,
    networks: { ...DEFAULT_SETTINGS.networks, ...over },
  });

  it('lists each base and exchange URL that changes, old and new, and nothing else', () => {
    const current = next({ facebook: { clientId: 'a', baseUrl: '', exchangeUrl: 'https://old.example/x' } });
    const proposed = next({
      facebook: { clientId: 'b', baseUrl: '', exchangeUrl: 'https://new.example/x' },
      tiktok: { clientId: '', baseUrl: 'https://staging.example/tiktok', exchangeUrl: '' },
    });
    const changes = tokenUrlChanges(current, proposed);
    expect(changes).toEqual([
      {
        field: 'networks.facebook.exchangeUrl',
        label: 'Facebook token-exchange URL',
        from: 'https://old.example/x',
        to: 'https://new.example/x',
      },
      { field: 'networks.tiktok.baseUrl', label: 'TikTok endpoint base URL', from: '', to: 'https://staging.example/tiktok' },
    ]);
    expect(originsToGrant(changes)).toEqual(['https://new.example/*', 'https://staging.example/*']);
    // Without the port (a pattern covers every port; Firefox finds no port-ful pattern in a granted one).
    expect(originsToGrant([{ field: 'f', label: 'l', from: '', to: 'http://127.0.0.1:4010/tiktok' }])).toEqual(['http://127.0.0.1/*']);
    // A client ID or polling change alone needs no confirmation.
    expect(tokenUrlChanges(current, { ...current, polling: { intervalMinutes: 5 } })).toEqual([]);
  });

  it('a confirmation holds for exactly the URLs confirmed', () => {
    const change = { field: 'networks.x.baseUrl', label: 'X', from: '', to: 'https://a.example/' };
    expect(allConfirmed([change], [confirmationKey(change)])).toBe(true);
    expect(allConfirmed([{ ...change, to: 'https://b.example/' }], [confirmationKey(change)])).toBe(false);
    expect(allConfirmed([change], [])).toBe(false);
  });
});
