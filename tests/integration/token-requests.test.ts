import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendTokenRequest } from '@/utils/networks/exchange';
import type { Fetch } from '@/utils/networks/types';

/** A local server that records every request it gets and answers with `answer`. */
async function server(answer: (path: string) => { status: number; headers?: Record<string, string>; body?: string }) {
  const seen: { path: string; body: string; cookie?: string }[] = [];
  const s: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ path: req.url ?? '', body, cookie: req.headers.cookie });
      const a = answer(req.url ?? '');
      res.writeHead(a.status, { 'content-type': 'application/json', ...a.headers }).end(a.body ?? '{}');
    });
  });
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
  return { url, seen, close: () => new Promise<void>((r) => s.close(() => r())) };
}

const REFRESH = 'rft.canary!*/~+.refresh-0123456789';

describe('a request that carries a token or a secret', () => {
  it('does not follow a redirect: a 307 from the exchange URL never re-sends the refresh token to a second host', async () => {
    const elsewhere = await server(() => ({ status: 200, body: '{"access_token":"stolen"}' }));
    const exchange = await server(() => ({ status: 307, headers: { location: `${elsewhere.url}/collect` } }));
    try {
      const answer = await sendTokenRequest(
        { fetch: (input, init) => fetch(input, init), now: Date.now(), config: { clientId: 'c', baseUrl: '', exchangeUrl: exchange.url } },
        'tiktok',
        'https://open.tiktokapis.com/v2/oauth/token/',
        { grant_type: 'refresh_token', refresh_token: REFRESH },
      );
      expect(exchange.seen).toHaveLength(1);
      expect(exchange.seen[0]!.body).toContain('refresh_token');
      expect(elsewhere.seen).toEqual([]);
      expect(answer).toEqual({ kind: 'unknown', reason: 'Network unreachable' });
    } finally {
      await elsewhere.close();
      await exchange.close();
    }
  });

  it("is sent with redirect 'error' and credentials 'omit' (no cookie rides along)", async () => {
    const inits: RequestInit[] = [];
    const recording: Fetch = (_url, init = {}) => (inits.push(init), Promise.resolve(new Response('{}')));
    const ctx = { fetch: recording, now: 0, config: { clientId: 'c', baseUrl: '', exchangeUrl: '' } };
    await sendTokenRequest(ctx, 'x', 'https://api.x.com/2/oauth2/token', { grant_type: 'refresh_token', refresh_token: REFRESH });
    await sendTokenRequest(
      { ...ctx, config: { ...ctx.config, exchangeUrl: 'https://t.example/x' } },
      'x',
      'https://api.x.com/2/oauth2/token',
      {
        grant_type: 'refresh_token',
        refresh_token: REFRESH,
      },
    );
    expect(inits.map((i) => [i.redirect, i.credentials])).toEqual([
      ['error', 'omit'],
      ['error', 'omit'],
    ]);
  });
});
