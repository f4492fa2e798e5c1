import { connectNetwork } from '@/entrypoints/background/connect';
import { pollGrants } from '@/entrypoints/background/poll';
import { renewProfile } from '@/entrypoints/background/renew';
import { grantStatus } from '@/utils/status';
import { addOne } from '../sandbox/fixtures';
import { SANDBOX_NETWORKS } from '../sandbox/state';
import { harness, type Harness } from './support/harness';

describe.each(SANDBOX_NETWORKS)('%s: connect, revocation found by a poll, renewal', (network) => {
  let h: Harness;
  afterEach(() => h?.close());

  it('goes Valid → Expired → Valid against the sandbox', async () => {
    h = await harness();
    const { account, profileId } = addOne(h.sandbox.state, network, `Blue Fern ${network}`, '5001');
    expect(await connectNetwork(h.deps, network)).toMatchObject({ kind: 'connected' });
    const profile = await h.deps.db.profiles.get(profileId);
    expect(profile?.network).toBe(network);
    const status = async () => grantStatus((await h.deps.db.grants.get(profile!.grantId))!, h.deps.now()).status;
    expect(await status()).toBe(network === 'x' ? 'no-expiry' : 'valid');

    h.sandbox.state.revokeAccount(account.id, 'revoked');
    await pollGrants(h.deps, { force: true });
    expect(await status()).toBe('expired');

    expect(await renewProfile(h.deps, profileId)).toMatchObject({ kind: 'renewed' });
    // Both windows: the authorization-code flow with PKCE S256, a fresh challenge and state each time; no implicit flow.
    const [first, second] = h.authCalls.map((u) => new URL(u).searchParams);
    for (const q of [first!, second!]) {
      expect(q.get('response_type')).toBe('code');
      expect(q.get('code_challenge_method')).toBe('S256');
      // TikTok documents HEX(SHA-256(verifier)); the others RFC 7636's base64url.
      expect(q.get('code_challenge')).toMatch(network === 'tiktok' ? /^[0-9a-f]{64}$/ : /^[A-Za-z0-9_-]{43}$/);
      expect(q.get('state')?.length).toBeGreaterThanOrEqual(16);
    }
    expect(first!.get('code_challenge')).not.toBe(second!.get('code_challenge'));
    expect(first!.get('state')).not.toBe(second!.get('state'));
    expect(await status()).toBe(network === 'x' ? 'no-expiry' : 'valid');
    await pollGrants(h.deps, { force: true });
    expect(await status()).toBe(network === 'x' ? 'no-expiry' : 'valid');
  });
});
