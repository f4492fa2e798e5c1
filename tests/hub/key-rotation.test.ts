import { randomBytes } from 'node:crypto';
import { runCommand } from '../../hub/cli/commands';
import { openTokens, sealedUnderCurrent, sealTokens, type TokenKeys } from '../../hub/crypto';
import { resealOne } from '../../hub/cli/reseal';
import { startTestHub, type TestHub } from './support/hub';

describe('hub: replacing HUB_SECRET_KEY', () => {
  let t: TestHub;
  beforeEach(async () => {
    t = await startTestHub();
  });
  afterEach(async () => t.close());

  it('opens tokens under the previous key meanwhile, `reseal` moves them all to the new one, then the old key can go', async () => {
    const owner = await t.device('owner@example.org', 'owner');
    await t.control('accounts', { network: 'facebook', name: 'Alex', pages: [{ id: '1', name: 'Café' }] });
    await t.api('/v1/exchange', { key: owner, body: { network: 'facebook', ...(await t.authorize('facebook')) } });
    const tool = await t.serviceKey(['facebook']);
    const token = (await t.api('/v1/profiles/facebook/1/token', { key: tool })).body.accessToken as string;

    const old = t.config.secretKey.current;
    const fresh = randomBytes(32);
    // A hub process restarted with its keys (as the environment gives them), on the same database.
    const hubWith = (keys: TokenKeys) => t.otherProcess({ secretKey: keys });
    const read = async (keys: TokenKeys) => {
      const res = await hubWith(keys).request('/v1/profiles/facebook/1/token', { headers: { authorization: `Bearer ${tool}` } });
      const body = (await res.json()) as { accessToken?: string; error?: string };
      return res.status === 200 ? body.accessToken : `${res.status} ${body.error}`;
    };
    const command = async (keys: TokenKeys, ...argv: string[]) => {
      const lines: string[] = [];
      const code = await runCommand(t.db.pool, argv, (l) => lines.push(l), Date.now(), keys);
      return { code, lines };
    };

    // The new key alone opens nothing yet; with the old one beside it, every token still reads.
    expect(await read({ current: fresh, previous: null })).toBe('500 token-key');
    // That failed read is in the audit log too.
    expect((await t.db.pool.query("select detail from audit where action = 'token-read' order by id")).rows.at(-1)).toEqual({
      detail: '500 token-key',
    });
    expect(await read({ current: fresh, previous: old })).toBe(token);

    expect((await command({ current: fresh, previous: null }, 'reseal')).code).toBe(2); // needs the previous key
    const resealed = await command({ current: fresh, previous: old }, 'reseal');
    expect(resealed).toEqual({
      code: 0,
      lines: [
        '1 token set(s) sealed again under HUB_SECRET_KEY; 0 already were; 0 still under the previous key; 0 opened under neither key.',
        'HUB_SECRET_KEY_PREVIOUS can now be removed (restart every hub process without it).',
      ],
    });
    // Run again: nothing left to move.
    expect((await command({ current: fresh, previous: old }, 'reseal')).lines[0]).toMatch(
      /^0 token set\(s\) sealed again under HUB_SECRET_KEY; 1 already were/,
    );

    // Now the new key alone reads it, and the old one no longer does.
    expect(await read({ current: fresh, previous: null })).toBe(token);
    expect(await read({ current: old, previous: null })).toBe('500 token-key');
    const dump = await t.db.pool.query("select string_agg(t::text, ' ') as all from (select * from grants) t");
    expect(dump.rows[0].all).not.toContain(token);
  });

  it('reseal leaves a token set written since it was read (a refresh): the newer one stands, and it says whether the old key may go', async () => {
    const owner = await t.device('owner@example.org', 'owner');
    await t.control('accounts', { network: 'facebook', name: 'Alex', pages: [{ id: '1', name: 'Café' }] });
    await t.api('/v1/exchange', { key: owner, body: { network: 'facebook', ...(await t.authorize('facebook')) } });
    const old = t.config.secretKey.current;
    const keys = { current: randomBytes(32), previous: old };
    const select = async () =>
      (await t.db.pool.query<{ id: string; token_iv: Buffer; token_ct: Buffer }>('select id, token_iv, token_ct from grants')).rows[0]!;
    const read = await select();
    // Meanwhile a refresh by a process still on the old key writes a newer set under it.
    const newer = sealTokens({ current: old, previous: null }, read.id, { accessToken: 'newer', refreshToken: 'newer-refresh' });
    await t.db.pool.query('update grants set token_iv = $2, token_ct = $3 where id = $1', [read.id, newer.iv, newer.ct]);
    expect(await resealOne(t.db.pool, keys, read)).toBe('changed');
    const after = await select();
    expect(openTokens(keys, after.id, after.token_iv, after.token_ct)).toMatchObject({ refreshToken: 'newer-refresh' });
    // The command, run after, moves that newer set too (the refresh token kept), and then the old key may go.
    const lines: string[] = [];
    expect(await runCommand(t.db.pool, ['reseal'], (l) => lines.push(l), Date.now(), keys)).toBe(0);
    expect(lines[0]).toMatch(/^1 token set\(s\) sealed again/);
    const final = await select();
    expect(sealedUnderCurrent(keys, final.id, final.token_iv, final.token_ct)).toBe(true);
    expect(openTokens({ current: keys.current, previous: null }, final.id, final.token_iv, final.token_ct)).toMatchObject({
      refreshToken: 'newer-refresh',
    });
  });
});
