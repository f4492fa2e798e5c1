import { rewriteUrl } from '@/utils/networks/endpoint';
import { parseRedirect } from '@/utils/networks/oauth-redirect';
import { codeChallengeS256, createPkce } from '@/utils/networks/pkce';

describe('endpoint override (ARCHITECTURE §5)', () => {
  it('requests https://HOST/PATH?QUERY as B/HOST/PATH?QUERY', () => {
    expect(rewriteUrl('https://graph.facebook.com/v21.0/debug_token?input_token=x', 'http://127.0.0.1:4010/facebook')).toBe(
      'http://127.0.0.1:4010/facebook/graph.facebook.com/v21.0/debug_token?input_token=x',
    );
    expect(rewriteUrl('https://api.x.com/2/users/me', 'https://staging.example/x/')).toBe('https://staging.example/x/api.x.com/2/users/me');
  });
  it('keeps production with no base', () => {
    expect(rewriteUrl('https://api.x.com/2/users/me', '')).toBe('https://api.x.com/2/users/me');
  });
});

describe('PKCE S256', () => {
  it('matches the RFC 7636 appendix B example', async () => {
    expect(await codeChallengeS256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });
  it('writes the same digest in hex for TikTok (64 lower-case hex characters)', async () => {
    expect(await codeChallengeS256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk', 'hex')).toBe(
      '13d31e961a1ad8ec2f16b10c4c982e0876a878ad6df144566ee1894acb70f9c3',
    );
    expect((await createPkce('hex')).challenge).toMatch(/^[0-9a-f]{64}$/);
  });
  it('makes a fresh verifier and state every time, within the RFC length limits', async () => {
    const a = await createPkce();
    const b = await createPkce();
    expect(a.verifier).not.toBe(b.verifier);
    expect(a.state).not.toBe(b.state);
    expect(a.verifier.length).toBeGreaterThanOrEqual(43);
    expect(a.verifier.length).toBeLessThanOrEqual(128);
    expect(a.verifier).toMatch(/^[A-Za-z0-9_-]+$/);
  });
});

describe('parseRedirect', () => {
  const base = 'https://omfcflfnflfbndddpemfkaghdhgfanel.chromiumapp.org/';
  it('returns the code when the state matches', () => {
    expect(parseRedirect(`${base}?code=abc&state=s1`, 's1', base)).toEqual({ ok: true, code: 'abc' });
  });
  it('refuses a wrong or missing state, even with a code', () => {
    expect(parseRedirect(`${base}?code=abc&state=other`, 's1', base)).toMatchObject({ ok: false, kind: 'refused' });
    expect(parseRedirect(`${base}?code=abc`, 's1', base)).toMatchObject({ ok: false, kind: 'refused' });
  });
  it('treats access_denied as the person cancelling', () => {
    expect(parseRedirect(`${base}?error=access_denied&state=s1`, 's1', base)).toEqual({ ok: false, kind: 'cancelled' });
  });
  it('reports other errors with their description', () => {
    expect(parseRedirect(`${base}?error=server_error&error_description=Boom&state=s1`, 's1', base)).toEqual({
      ok: false,
      kind: 'refused',
      reason: 'Boom',
    });
  });
  it('refuses an address other than the extension’s redirect URL before reading its query', () => {
    const elsewhere = [
      'https://evil.example/?code=abc&state=s1',
      'https://omfcflfnflfbndddpemfkaghdhgfanel.chromiumapp.org.evil.example/?code=abc&state=s1',
      'https://omfcflfnflfbndddpemfkaghdhgfanel.chromiumapp.org/other?code=abc&state=s1',
      'http://omfcflfnflfbndddpemfkaghdhgfanel.chromiumapp.org/?code=abc&state=s1',
      'https://user@omfcflfnflfbndddpemfkaghdhgfanel.chromiumapp.org/?code=abc&state=s1',
      // An error from another address is not taken as the person cancelling either.
      'https://evil.example/?error=access_denied&state=s1',
    ];
    for (const url of elsewhere) {
      expect(parseRedirect(url, 's1', base)).toEqual({
        ok: false,
        kind: 'refused',
        reason: 'The sign-in window ended at another address than this extension’s redirect URL',
      });
    }
    expect(parseRedirect(`${base}?code=abc&state=s1#_=_`, 's1', base)).toEqual({ ok: true, code: 'abc' });
  });
  it('refuses an answer with no code', () => {
    expect(parseRedirect(`${base}?state=s1`, 's1', base)).toMatchObject({ ok: false, kind: 'refused' });
    expect(parseRedirect('not a url', 's1', base)).toMatchObject({ ok: false, kind: 'refused' });
  });
});
