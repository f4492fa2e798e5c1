import { requestJson, scrub, secretsOf } from '@/utils/networks/http';
import { facebook } from '@/utils/networks/facebook';
import { context, scriptedFetch } from './support/fake-fetch';

const TOKEN = 'EAAB-canary-access-token-0123456789';
const REFRESH = 'rt-canary-refresh-token-abcdefghij';

describe('an error answer that echoes the request never carries its secrets further', () => {
  it('finds the secrets of a request: query, form, JSON body and bearer header', () => {
    expect(secretsOf(`https://graph.facebook.com/debug_token?input_token=${TOKEN}&access_token=app|x`, {})).toEqual([TOKEN]);
    expect(secretsOf('https://x/t', { body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: REFRESH }) })).toEqual([
      REFRESH,
    ]);
    expect(secretsOf('https://x/t', { body: JSON.stringify({ network: 'tiktok', refresh_token: REFRESH }) })).toEqual([REFRESH]);
    expect(secretsOf('https://x/me', { headers: { Authorization: `Bearer ${TOKEN}` } })).toEqual([TOKEN]);
    expect(scrub(`bad token ${TOKEN} (${encodeURIComponent(TOKEN + '/+')})`, [TOKEN, TOKEN + '/+'])).toBe(
      'bad token [redacted] ([redacted])',
    );
  });

  it('an echoing 4xx body is scrubbed before anyone reads it; a 2xx body is left whole', async () => {
    const echo = { error: { message: `Invalid OAuth access token ${TOKEN}`, code: 190 } };
    const { fetch } = scriptedFetch({ status: 400, body: echo }, { status: 200, body: { access_token: TOKEN } });
    const bad = await requestJson(fetch, `https://graph.facebook.com/me?access_token=${TOKEN}`);
    expect(JSON.stringify(bad)).not.toContain(TOKEN);
    expect(JSON.stringify(bad)).toContain('[redacted]');
    const good = await requestJson(fetch, `https://graph.facebook.com/me?access_token=${TOKEN}`);
    expect(good).toEqual({ status: 200, body: { access_token: TOKEN } });
  });

  it("so an adapter's reason for a dead token holds no token", async () => {
    const { fetch } = scriptedFetch({
      status: 400,
      body: { error: { message: `Error validating access token ${TOKEN}: session invalid`, code: 190 } },
    });
    const result = await facebook.inspect(context(fetch, { exchangeUrl: 'https://t.example/x' }), {
      accessToken: TOKEN,
      accessExpiresAt: null,
      scopes: [],
    });
    expect(result.kind).toBe('invalid');
    expect(JSON.stringify(result)).not.toContain(TOKEN);
  });
});
