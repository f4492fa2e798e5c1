import { readFileSync } from 'node:fs';
import { connectNetwork } from '@/entrypoints/background/connect';
import { pollGrants } from '@/entrypoints/background/poll';
import { renewProfile } from '@/entrypoints/background/renew';
import { clientIdField, contractBreach, EXCHANGE_FIELDS } from '../sandbox/exchange-contract';
import { addOne } from '../sandbox/fixtures';
import { SANDBOX_NETWORKS } from '../sandbox/state';
import { harness, type Harness } from './support/harness';

/** The fields README's "Token-exchange requests" table documents. */
function documentedFields(): string[] {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.split('### Token-exchange requests')[1]!.split('\n## ')[0]!;
  return [...section.matchAll(/^\| `(\w+)` +\|/gm)].map((m) => m[1]!);
}

/** Every JSON body the extension posts to the token-exchange URL. */
function recordExchange(h: Harness): Record<string, unknown>[] {
  const bodies: Record<string, unknown>[] = [];
  const fetchBefore = h.deps.fetch;
  h.deps.fetch = (input, init) => {
    if (String(input).startsWith(`${h.sandbox.url}/exchange`)) bodies.push(JSON.parse(init?.body as string) as Record<string, unknown>);
    return fetchBefore(input, init);
  };
  return bodies;
}

describe('the token-exchange URL’s contract (README "Token-exchange requests")', () => {
  let h: Harness;
  afterEach(() => h?.close());

  it('the sandbox holds requests to exactly the fields README documents', () => {
    expect(documentedFields().sort()).toEqual([...EXCHANGE_FIELDS].sort());
  });

  it('the sandbox refuses an undocumented field and a request without its client-id field', async () => {
    h = await harness();
    const post = async (body: unknown) => {
      const res = await fetch(`${h.sandbox.url}/exchange`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as unknown };
    };
    expect(await post({ network: 'threads', grant_type: 'th_exchange_token', access_token: 'short-lived-token' })).toEqual({
      status: 400,
      body: { error: 'invalid_request', error_description: 'Fields not in the token-exchange contract: access_token' },
    });
    expect(await post({ network: 'threads', grant_type: 'th_exchange_token', fb_exchange_token: 'short-lived-token' })).toEqual({
      status: 400,
      body: { error: 'invalid_request', error_description: 'Missing fields: client_id' },
    });
    expect(await post({ network: 'tiktok', grant_type: 'refresh_token', client_id: 'a', refresh_token: 'r' })).toMatchObject({
      status: 400,
      body: { error_description: 'Missing fields: client_key' },
    });
  });

  it.each(SANDBOX_NETWORKS.filter((n) => n !== 'x'))(
    '%s: every request of a connect, a renewal and a poll keeps the contract and carries the client-id field',
    async (network) => {
      h = await harness();
      const bodies = recordExchange(h);
      const { profileId } = addOne(h.sandbox.state, network, `Contract ${network}`, '7001');
      expect(await connectNetwork(h.deps, network)).toMatchObject({ kind: 'connected' });
      expect(await renewProfile(h.deps, profileId)).toMatchObject({ kind: 'renewed' });
      await pollGrants(h.deps, { force: true });
      expect(bodies.length).toBeGreaterThan(0);
      for (const body of bodies) {
        expect(contractBreach(network, body), JSON.stringify(Object.keys(body))).toBeNull();
        expect(body[clientIdField(network)]).toBe('sandbox-app');
      }
      if (network === 'threads') expect(bodies.map((b) => b.grant_type)).toContain('th_exchange_token');
      if (network === 'linkedin') expect(bodies.map((b) => b.grant_type)).toContain('introspect');
    },
  );
});
