import { handleMessage } from '@/entrypoints/background/commands';
import { connectNetwork } from '@/entrypoints/background/connect';
import { adapterFor } from '@/utils/networks/index';
import { NETWORK_IDS } from '@/utils/networks/catalog';
import type { Fetch } from '@/utils/networks/types';
import { addOne } from '../sandbox/fixtures';
import { harness } from './support/harness';

/** A small seeded PRNG, so a failure can be replayed. */
function prng(seed: number) {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

function randomValue(rand: () => number, depth = 0): unknown {
  const pick = Math.floor(rand() * 10);
  if (depth > 3) return null;
  switch (pick) {
    case 0:
      return null;
    case 1:
      return rand() * 1e12 - 5e11;
    case 2:
      return 'x'.repeat(Math.floor(rand() * 50));
    case 3:
      return rand() > 0.5;
    case 4:
      return Array.from({ length: Math.floor(rand() * 4) }, () => randomValue(rand, depth + 1));
    case 5:
      return {
        command: ['connect', 'renew', 'pollNow', 'saveSettings', 'importSettings', 'disconnect', 'renewAll', 'sendTest', 'evil'][
          Math.floor(rand() * 9)
        ],
        payload: randomValue(rand, depth + 1),
      };
    case 6:
      return { profileId: randomValue(rand, depth + 1), network: ['facebook', 'x', 'nope', 42][Math.floor(rand() * 4)] };
    case 7:
      return {
        settings: {
          version: Math.floor(rand() * 4),
          networks: { facebook: { clientId: randomValue(rand, depth + 1), client_secret: 's' } },
        },
      };
    case 8:
      return { text: JSON.stringify(randomValue(rand, depth + 1)) };
    default:
      return undefined;
  }
}

const self = { id: 'ext', origin: 'chrome-extension://ext' };
const page = { id: 'ext', url: 'chrome-extension://ext/popup.html' };

describe('fuzz', () => {
  it('10,000 malformed messages: no exception, no state change', async () => {
    const h = await harness();
    addOne(h.sandbox.state, 'facebook', 'Café', '1');
    await connectNetwork(h.deps, 'facebook');
    const snapshot = async () =>
      JSON.stringify(
        await Promise.all(['profiles', 'grants', 'identities', 'settings', 'history', 'jobs'].map((t) => h.deps.db.table(t).toArray())),
      );
    const before = await snapshot();
    const rand = prng(20261126);
    let refused = 0;
    for (let i = 0; i < 10_000; i += 1) {
      const message = randomValue(rand);
      const sender = rand() > 0.2 ? page : { id: rand() > 0.5 ? 'other' : 'ext', url: 'https://evil.example/' };
      // pollNow with an empty payload is valid; everything else here must be refused.
      const valid =
        sender === page &&
        typeof message === 'object' &&
        message !== null &&
        JSON.stringify(message) === '{"command":"pollNow","payload":{}}';
      if (valid) continue;
      const reply = await handleMessage(h.deps, message, sender, self);
      if (!reply.ok) refused += 1;
    }
    expect(refused).toBeGreaterThan(9_000);
    expect(await snapshot()).toBe(before);
    await h.close();
  }, 60_000);

  it('valid commands from wrong senders are refused and change nothing', async () => {
    const h = await harness();
    addOne(h.sandbox.state, 'facebook', 'Café', '1');
    await connectNetwork(h.deps, 'facebook');
    const snapshot = async () =>
      JSON.stringify(
        await Promise.all(
          ['profiles', 'grants', 'identities', 'settings', 'history', 'jobs', 'inbox'].map((t) => h.deps.db.table(t).toArray()),
        ),
      );
    const before = await snapshot();
    const requestsBefore = h.sandbox.state.log.length;
    const authCallsBefore = h.authCalls.length;
    const valid = [
      { command: 'pollNow', payload: {} },
      { command: 'connect', payload: { network: 'facebook' } },
      { command: 'renew', payload: { profileId: 'facebook:1' } },
      { command: 'disconnect', payload: { profileId: 'facebook:1' } },
      { command: 'renewAll', payload: { network: 'facebook' } },
      { command: 'snooze', payload: { profileId: 'facebook:1' } },
      { command: 'markInboxRead', payload: {} },
      { command: 'importSettings', payload: { text: '{"version":2}' } },
      { command: 'sendTest', payload: { channel: 'webhook', url: 'https://evil.example/hook' } },
    ];
    const wrongSenders = [
      { id: 'another-extension-id', url: 'chrome-extension://another-extension-id/popup.html' },
      // Our id, but a web page (a content script's sender, or a forged one).
      { id: 'ext', url: 'https://evil.example/popup.html' },
      // Our id, an origin that merely starts like ours.
      { id: 'ext', url: 'chrome-extension://ext-evil/popup.html' },
      { url: 'chrome-extension://ext/popup.html' },
      { id: 'ext' },
      {},
    ];
    for (const sender of wrongSenders) {
      for (const message of valid) {
        expect(await handleMessage(h.deps, message, sender, self)).toEqual({
          ok: false,
          error: 'Refused: not sent by a Token Warden page',
        });
      }
    }
    expect(await snapshot()).toBe(before);
    expect(h.sandbox.state.log.length).toBe(requestsBefore);
    expect(h.authCalls.length).toBe(authCallsBefore);
    // The same command from our own page is carried out (so the refusals above are the sender's).
    expect(await handleMessage(h.deps, { command: 'snooze', payload: { profileId: 'facebook:1' } }, page, self)).toMatchObject({
      ok: true,
    });
    await h.close();
  });

  it('random network answers: every adapter call returns a classified result, never throws', async () => {
    const rand = prng(7);
    const bodies = () => {
      const r = rand();
      if (r < 0.2) return '<html>bad gateway</html>';
      if (r < 0.3) return 'x'.repeat(1_200_000);
      if (r < 0.4) return '';
      return JSON.stringify(randomValue(rand));
    };
    const fetch: Fetch = () => {
      const status = [200, 200, 200, 201, 204, 301, 400, 401, 403, 404, 418, 429, 500, 503][Math.floor(rand() * 14)]!;
      if (rand() < 0.05) return Promise.reject(new TypeError('Failed to fetch'));
      return Promise.resolve(new Response(status === 204 ? null : bodies(), { status }));
    };
    const ctx = { fetch, now: Date.now(), config: { clientId: 'c', baseUrl: '', exchangeUrl: rand() > 0.5 ? 'https://t.example/x' : '' } };
    const tokens = { accessToken: 'a', refreshToken: 'r', accessExpiresAt: Date.now() + 1000, scopes: [] };
    let calls = 0;
    for (let round = 0; round < 60; round += 1) {
      for (const id of NETWORK_IDS) {
        const adapter = adapterFor(id)!;
        const results = await Promise.all([
          adapter.inspect(ctx, tokens),
          adapter.whoAmI(ctx, 'a'),
          adapter.listProfiles(ctx, 'a', { id: 'u', name: 'U' }),
          adapter.exchangeCode(ctx, 'code', 'verifier', 'https://r/'),
          adapter.refresh ? adapter.refresh(ctx, tokens) : Promise.resolve({ ok: false }),
        ]);
        calls += results.length;
        expect(['valid', 'invalid', 'unknown']).toContain(results[0].kind);
      }
    }
    expect(calls).toBe(60 * 9 * 5);
  }, 60_000);
});
