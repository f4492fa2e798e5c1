import { createHash } from 'node:crypto';
import { connectNetwork } from '@/entrypoints/background/connect';
import { addOne } from '../sandbox/fixtures';
import { harness, REDIRECT, type Harness } from './support/harness';

/** One authorize + token exchange by hand against the sandbox, with the challenge written as given. */
async function exchangeWith(h: Harness, network: 'tiktok' | 'pinterest', challenge: (verifier: string) => string) {
  const verifier = 'v'.repeat(20) + 'Abc-._~0123456789xyzXYZ0123';
  const base = `${h.sandbox.url}/${network}`;
  const authorize =
    network === 'tiktok'
      ? `${base}/www.tiktok.com/v2/auth/authorize/?client_key=sandbox-app`
      : `${base}/www.pinterest.com/oauth/?client_id=sandbox-app`;
  const q = new URLSearchParams({
    redirect_uri: REDIRECT,
    response_type: 'code',
    state: 'state-0123456789',
    code_challenge: challenge(verifier),
    code_challenge_method: 'S256',
  });
  const redirect = (await fetch(`${authorize}&${q.toString()}`, { redirect: 'manual' })).headers.get('location')!;
  const code = new URL(redirect).searchParams.get('code')!;
  const res = await fetch(`${h.sandbox.url}/exchange`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      network,
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
      redirect_uri: REDIRECT,
      ...(network === 'tiktok' ? { client_key: 'sandbox-app' } : { client_id: 'sandbox-app' }),
    }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const hex = (v: string) => createHash('sha256').update(v).digest('hex');
const b64url = (v: string) => createHash('sha256').update(v).digest('base64url');

describe('TikTok PKCE: HEX(SHA-256(code_verifier)), as Login Kit documents it', () => {
  let h: Harness;
  afterEach(() => h?.close());

  it('the sandbox refuses an RFC 7636 base64url challenge for TikTok with TikTok’s words, and takes hex', async () => {
    h = await harness();
    h.sandbox.state.addAccount({ network: 'tiktok', name: 'Mika' });
    expect(await exchangeWith(h, 'tiktok', b64url)).toMatchObject({
      status: 400,
      body: { error: 'invalid_request', error_description: 'Code verifier or code challenge is invalid.' },
    });
    expect((await exchangeWith(h, 'tiktok', hex)).status).toBe(200);
  });

  it('the other networks keep RFC 7636 base64url (hex is refused there)', async () => {
    h = await harness();
    h.sandbox.state.addAccount({ network: 'pinterest', name: 'Mika' });
    expect((await exchangeWith(h, 'pinterest', hex)).status).toBe(401); // Pinterest's refusal of a bad code
    expect((await exchangeWith(h, 'pinterest', b64url)).status).toBe(200);
  });

  it('connects a TikTok account: the authorize URL carries 64 hex characters and the exchange succeeds', async () => {
    h = await harness();
    const { profileId } = addOne(h.sandbox.state, 'tiktok', 'Mika', '1');
    expect(await connectNetwork(h.deps, 'tiktok')).toMatchObject({ kind: 'connected', profiles: 1 });
    expect(await h.deps.db.profiles.get(profileId)).toBeDefined();
    const q = new URL(h.authCalls[0]!).searchParams;
    expect(q.get('code_challenge')).toMatch(/^[0-9a-f]{64}$/);
    expect(q.get('code_challenge_method')).toBe('S256');
  });
});
