import { NETWORK_IDS, type NetworkId } from '../../utils/networks/catalog';
import { addOne } from '../sandbox/fixtures';
import { requireSecret, startTestHub, type TestHub } from './support/hub';

/** The sandbox paths (after the network prefix) of the token endpoints that need the secret. */
const TOKEN_PATH =
  /oauth\/access_token$|^graph\.threads\.net\/access_token$|oauth2\.googleapis\.com\/token$|oauth\/v2\/(accessToken|introspectToken)$|v5\/oauth\/token$|v2\/oauth\/token\/$|2\/oauth2\/token$/;

/** Networks whose grants the hub refreshes with a refresh token (and the secret). */
const REFRESHING: NetworkId[] = ['youtube', 'google-business', 'linkedin', 'pinterest', 'tiktok', 'x'];

describe('hub: the client secret reaches every network that needs it (the sandbox refuses without it)', () => {
  let t: TestHub;
  afterEach(async () => t.close());

  const connect = async (network: NetworkId, key: string) => {
    const { profileId } = addOne(t.sandbox.state, network, `${network} account`, `9${NETWORK_IDS.indexOf(network)}1`);
    const answer = await t.api('/v1/exchange', { key, body: { network, ...(await t.authorize(network)) } });
    return { profileId, answer };
  };

  it('connects all nine networks and refreshes those with refresh tokens, every token request accepted', async () => {
    t = await startTestHub();
    const owner = await t.device('owner@example.org', 'owner');
    for (const network of NETWORK_IDS) {
      const { profileId, answer } = await connect(network, owner);
      expect(answer.body, `${network}: ${JSON.stringify(answer.body)}`).toMatchObject({ outcome: 'connected' });
      if (REFRESHING.includes(network)) {
        const renewed = await t.api('/v1/renew', { key: owner, body: { profileId } });
        expect(renewed.body, network).toMatchObject({ outcome: 'renewed' });
      }
    }
    const tokenRequests = t.sandbox.state.log.filter((e) => TOKEN_PATH.test(e.path));
    // Every network's code exchange, Meta's long-lived exchanges, Threads' th_exchange_token,
    // LinkedIn's introspection and six refreshes: all with the secret, none refused.
    expect(new Set(tokenRequests.map((e) => e.network))).toEqual(new Set(NETWORK_IDS));
    expect(tokenRequests.some((e) => e.path.endsWith('introspectToken'))).toBe(true);
    expect(tokenRequests.filter((e) => e.status !== 200)).toEqual([]);
  });

  it('a hub with another secret is refused in the network’s own words, and keeps nothing', async () => {
    t = await startTestHub({ env: { TW_FACEBOOK_CLIENT_SECRET: 'not-the-secret', TW_X_CLIENT_SECRET: 'not-the-secret' } });
    const owner = await t.device('owner@example.org', 'owner');
    const facebook = await connect('facebook', owner);
    // (Graph's code 1 reads as transient to the adapter: "unreachable", with Graph's words.)
    expect(['failed', 'unreachable']).toContain(facebook.answer.body.outcome);
    expect(facebook.answer.body.reason).toContain('Error validating client secret');
    const x = await connect('x', owner);
    expect(['failed', 'unreachable']).toContain(x.answer.body.outcome);
    expect((await t.db.pool.query('select count(*)::int as n from grants')).rows[0]).toEqual({ n: 0 });
    // The refusal is the sandbox's doing, not the hub's: once the requirement is lifted the same hub connects.
    await requireSecret(t.sandbox.url, null);
    expect((await connect('facebook', owner)).answer.body).toMatchObject({ outcome: 'connected' });
  });

  it('each token endpoint refuses a request without the secret with its network’s error shape, the first test shows the same requests accepted with it', async () => {
    t = await startTestHub();
    const base = t.sandbox.url;
    const form = (fields: Record<string, string>) => ({
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
    const grant = { grant_type: 'authorization_code', code: 'nope', code_verifier: 'v'.repeat(43), redirect_uri: 'https://x.invalid/' };
    const cases: [string, string, RequestInit, (body: any) => unknown][] = [
      ['facebook', 'graph.facebook.com/v21.0/oauth/access_token?client_id=sandbox-app&code=nope', {}, (b) => b.error.type],
      ['threads', 'graph.threads.net/access_token?grant_type=th_exchange_token&access_token=x', {}, (b) => b.error.type],
      ['youtube', 'oauth2.googleapis.com/token', form({ client_id: 'sandbox-app', ...grant }), (b) => b.error],
      ['linkedin', 'www.linkedin.com/oauth/v2/introspectToken', form({ client_id: 'sandbox-app', token: 'x' }), (b) => b.error],
      ['tiktok', 'open.tiktokapis.com/v2/oauth/token/', form({ client_key: 'sandbox-app', ...grant }), (b) => b.error],
      ['pinterest', 'api.pinterest.com/v5/oauth/token', form({ client_id: 'sandbox-app', ...grant }), (b) => b.message],
      ['x', 'api.x.com/2/oauth2/token', form({ client_id: 'sandbox-app', ...grant }), (b) => b.error],
    ];
    const expected = [
      'OAuthException',
      'OAuthException',
      'invalid_request',
      'invalid_client',
      'invalid_client',
      'Authentication failed.',
      'unauthorized_client',
    ];
    for (const [i, [network, path, init, shape]] of cases.entries()) {
      const refused = await fetch(`${base}/${network}/${path}`, init);
      expect(refused.status, network).toBeGreaterThanOrEqual(400);
      expect(shape(await refused.json()), network).toBe(expected[i]);
    }
  });
});
