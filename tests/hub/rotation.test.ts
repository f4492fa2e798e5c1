import { startTestHub, type TestHub } from './support/hub';

describe('hub: refresh with rotation (TikTok)', () => {
  let t: TestHub;
  beforeEach(async () => {
    t = await startTestHub();
  });
  afterEach(async () => t.close());

  async function connectTikTok() {
    const owner = await t.device('owner@example.org', 'owner');
    // An access token that lapses in 2 minutes: a read by a publishing tool refreshes it first.
    await t.control('accounts', { network: 'tiktok', name: 'Clips', accessLifetimeSec: 120 });
    const r = await t.api('/v1/exchange', { key: owner, body: { network: 'tiktok', ...(await t.authorize('tiktok')) } });
    expect(r.body).toMatchObject({ outcome: 'connected', profiles: 1 });
    const [profile] = (await t.api('/v1/sync?since=0', { key: owner })).body.profiles as { nativeId: string }[];
    return { tool: await t.serviceKey(['tiktok']), nativeId: profile!.nativeId };
  }

  it('a token read within 5 minutes of expiry refreshes first; the rotated refresh token replaces the old one', async () => {
    const { tool, nativeId } = await connectTikTok();
    const before = await t.db.pool.query<{ token_ct: Buffer }>('select token_ct from grants');
    const read = await t.api(`/v1/profiles/tiktok/${nativeId}/token`, { key: tool });
    expect(read.status).toBe(200);
    const issued = (await t.control('tokens', { network: 'tiktok' })) as { kind: string; dead: string | null; value: string }[];
    const refreshTokens = issued.filter((x) => x.kind === 'refresh');
    expect(refreshTokens).toHaveLength(2);
    expect(refreshTokens.filter((x) => x.dead === null)).toHaveLength(1); // the first was retired by the rotation
    const after = await t.db.pool.query<{ token_ct: Buffer; refresh_started_at: number | null }>(
      'select token_ct, refresh_started_at from grants',
    );
    expect(after.rows[0]!.token_ct.equals(before.rows[0]!.token_ct)).toBe(false);
    expect(after.rows[0]!.refresh_started_at).toBeNull();
    // The new access token lapses within 5 minutes too: the next read refreshes again, with the rotated token.
    const again = await t.api(`/v1/profiles/tiktok/${nativeId}/token`, { key: tool });
    expect(again.status).toBe(200);
    expect(again.body.accessToken).not.toBe(read.body.accessToken);
  });

  it('an answer lost to a crash is journaled: the next refresh, refused for the retired token, says a sign-in is needed and why', async () => {
    const { tool, nativeId } = await connectTikTok();
    const sealed = await t.db.pool.query<{ token_iv: Buffer; token_ct: Buffer }>('select token_iv, token_ct from grants');
    expect((await t.api(`/v1/profiles/tiktok/${nativeId}/token`, { key: tool })).status).toBe(200);
    // As if the process died after TikTok rotated but before the new tokens were committed: old tokens, journal set.
    await t.db.pool.query('update grants set token_iv = $1, token_ct = $2, refresh_started_at = $3', [
      sealed.rows[0]!.token_iv,
      sealed.rows[0]!.token_ct,
      Date.now(),
    ]);
    const dead = await t.api(`/v1/profiles/tiktok/${nativeId}/token`, { key: tool });
    expect(dead.status).toBe(409);
    expect(dead.body.message).toContain('interrupted before its new token could be saved');
    const grant = await t.db.pool.query<{ invalid_since: number | null }>('select invalid_since from grants');
    expect(grant.rows[0]!.invalid_since).not.toBeNull();
  });
});
