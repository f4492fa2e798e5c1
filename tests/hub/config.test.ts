import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig } from '../../hub/config';
import { runHub } from './support/child';
import { EXTENSION_ID } from './support/hub';

const KEY = randomBytes(32).toString('base64');
const good = (): Record<string, string> => ({
  HUB_SECRET_KEY: KEY,
  HUB_EXTENSION_IDS: EXTENSION_ID,
  TW_FACEBOOK_CLIENT_ID: 'app',
  TW_FACEBOOK_CLIENT_SECRET: 'secret',
});

/** The one line a bad environment stops the start with. */
function refusal(env: Record<string, string | undefined>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('the configuration was accepted');
}

describe('hub: configuration from the environment', () => {
  it('accepts a complete environment and applies the defaults', () => {
    const config = loadConfig({ ...good(), TW_FACEBOOK_BASE_URL: 'http://127.0.0.1:4010/facebook/' });
    expect(config).toMatchObject({ port: 4020, host: '127.0.0.1', databaseUrl: null, dataDir: '.hub-data', checkConcurrency: 8 });
    expect(config.secretKey.current).toHaveLength(32);
    expect(config.secretKey.previous).toBeNull();
    expect(config.redirectOrigins).toEqual([`https://${EXTENSION_ID}.chromiumapp.org`]);
    expect(config.networks.facebook).toEqual({ clientId: 'app', clientSecret: 'secret', baseUrl: 'http://127.0.0.1:4010/facebook' });
    expect(config.networks.x).toBeUndefined();
  });

  const cases: [string, Record<string, string | undefined>, string][] = [
    ['HUB_SECRET_KEY missing', { HUB_SECRET_KEY: undefined }, 'HUB_SECRET_KEY is missing'],
    ['HUB_SECRET_KEY of 16 bytes', { HUB_SECRET_KEY: randomBytes(16).toString('base64') }, 'HUB_SECRET_KEY is invalid'],
    ['HUB_SECRET_KEY not base64', { HUB_SECRET_KEY: 'correct horse battery staple' }, 'HUB_SECRET_KEY is invalid'],
    ['HUB_EXTENSION_IDS missing', { HUB_EXTENSION_IDS: undefined }, 'HUB_EXTENSION_IDS is missing'],
    ['HUB_EXTENSION_IDS empty', { HUB_EXTENSION_IDS: ' , ' }, 'HUB_EXTENSION_IDS is invalid'],
    ['HUB_EXTENSION_IDS not an id', { HUB_EXTENSION_IDS: 'http://evil.example/' }, 'HUB_EXTENSION_IDS is invalid'],
    ['TW_FACEBOOK_BASE_URL not a URL', { TW_FACEBOOK_BASE_URL: 'sandbox' }, 'TW_FACEBOOK_BASE_URL is invalid'],
    [
      'TW_LINKEDIN_BASE_URL not http(s)',
      { TW_LINKEDIN_BASE_URL: 'ftp://127.0.0.1/', TW_LINKEDIN_CLIENT_ID: 'a' },
      'TW_LINKEDIN_BASE_URL is invalid',
    ],
    [
      'TW_GOOGLE_BUSINESS_CLIENT_SECRET without an id',
      { TW_GOOGLE_BUSINESS_CLIENT_SECRET: 's' },
      'TW_GOOGLE_BUSINESS_CLIENT_ID is missing',
    ],
    ['DATABASE_URL not postgres', { DATABASE_URL: 'mysql://root@db/hub' }, 'DATABASE_URL is invalid'],
    ['HUB_PORT out of range', { HUB_PORT: '70000' }, 'HUB_PORT is invalid'],
  ];
  it.each(cases)('stops on %s with one line naming the variable', (_, change, expected) => {
    const env: Record<string, string | undefined> = { ...good(), ...change };
    const line = refusal(env);
    expect(line.startsWith(expected)).toBe(true);
    expect(line).not.toContain('\n');
    // The line never repeats the value: it may be a secret.
    for (const value of Object.values(change)) if (value && value.length > 6) expect(line).not.toContain(value);
  });

  it('`npm run hub` with a malformed HUB_SECRET_KEY exits non-zero with that one line, before any database starts', async () => {
    const { code, out, err } = await runHub({ ...good(), HUB_SECRET_KEY: 'dG9vIHNob3J0', HUB_DATA_DIR: '/nonexistent/never-created' });
    expect(code).not.toBe(0);
    expect(err).toEqual([expect.stringMatching(/^Token Warden hub: HUB_SECRET_KEY is invalid: must be 32 random bytes in base64/)]);
    expect(out).toEqual([]);
  });

  it('`npm run hub` without HUB_EXTENSION_IDS names it', async () => {
    const { HUB_EXTENSION_IDS: _drop, ...rest } = good();
    const { code, err } = await runHub({ ...rest, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(code).not.toBe(0);
    expect(err).toEqual(['Token Warden hub: HUB_EXTENSION_IDS is missing']);
  });
});
