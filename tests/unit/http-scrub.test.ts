import { requestJson, scrub, secretsOf } from '@/utils/networks/http';
import { facebook } from '@/utils/networks/facebook';
import { context, scriptedFetch } from './support/fake-fetch';

// Like real TikTok and Google tokens: `! * / ~ + .` change under every encoding.
const TOKEN = 'EAAB-canary!*/~+.access-token-0123456789';
const REFRESH = 'rt-canary!*/~+.refresh-token-abcdefghij';

describe('an error answer that echoes the request never carries its secrets further', () => {
  it('finds the secrets of a request: query, form, JSON body and bearer header', () => {
    expect(secretsOf(`https://graph.facebook.com/debug_token?input_token=${encodeURIComponent(TOKEN)}&access_token=app|x`, {})).toEqual([
      TOKEN,
    ]);
    expect(secretsOf('https://x/t', { body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: REFRESH }) })).toEqual([
      REFRESH,
    ]);
    expect(secretsOf('https://x/t', { body: JSON.stringify({ network: 'tiktok', refresh_token: REFRESH }) })).toEqual([REFRESH]);
    expect(secretsOf('https://x/me', { headers: { Authorization: `Bearer ${TOKEN}` } })).toEqual([TOKEN]);
    expect(scrub(`bad token ${TOKEN} (${encodeURIComponent(TOKEN + '/+')})`, [TOKEN, TOKEN + '/+'])).toBe(
      'bad token [redacted] ([redacted])',
    );
  });

  it('scrubs every form an echo can take: plain, URL-encoded, form-encoded (%21, +), lower-case hex, JSON-escaped (\\/)', () => {
    const form = new URLSearchParams({ refresh_token: REFRESH }).toString().slice('refresh_token='.length);
    expect(form).toContain('%21');
    const forms = [
      REFRESH,
      encodeURIComponent(REFRESH),
      form,
      form.replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase()),
      encodeURIComponent(REFRESH).replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase()),
      JSON.stringify(REFRESH).slice(1, -1).replaceAll('/', '\\/'),
    ];
    const echo = forms.map((f, i) => `${i}:${f}`).join(' ');
    const scrubbed = scrub(echo, [REFRESH]);
    expect(scrubbed).toBe(forms.map((_, i) => `${i}:[redacted]`).join(' '));
    // A token with a space is sent form-encoded with a +.
    expect(scrub('t=a+b+c+d+e+f+g', ['a b c d e f g'])).toBe('t=[redacted]');
  });

  it('an echo that escapes slashes the way Graph does is scrubbed before JSON parsing turns \\/ back into /', async () => {
    const raw = JSON.stringify({
      error: { message: `Invalid token ${TOKEN} in refresh_token=${new URLSearchParams({ r: REFRESH }).toString().slice(2)}` },
    });
    const { fetch } = scriptedFetch({ status: 400, raw: raw.replaceAll('/', '\\/') });
    const answer = await requestJson(fetch, 'https://t.example/x', {
      method: 'POST',
      body: new URLSearchParams({ refresh_token: REFRESH, access_token: TOKEN }),
    });
    expect(JSON.stringify(answer)).not.toContain('canary');
    expect(JSON.stringify(answer)).toContain('[redacted]');
  });

  it('an echoing 4xx body is scrubbed before anyone reads it; a 2xx body is left whole', async () => {
    const echo = { error: { message: `Invalid OAuth access token ${TOKEN}`, code: 190 } };
    const { fetch } = scriptedFetch({ status: 400, body: echo }, { status: 200, body: { access_token: TOKEN } });
    const bad = await requestJson(fetch, `https://graph.facebook.com/me?access_token=${encodeURIComponent(TOKEN)}`);
    expect(JSON.stringify(bad)).not.toContain(TOKEN);
    expect(JSON.stringify(bad)).toContain('[redacted]');
    const good = await requestJson(fetch, `https://graph.facebook.com/me?access_token=${encodeURIComponent(TOKEN)}`);
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
