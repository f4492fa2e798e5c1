import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hubFetch } from '../../hub/networks';

/** The hub's HTTP client keeps fetch's contract where the adapters rely on it. */
describe('hub: HTTP client', () => {
  let server: Server;
  let base: string;
  const seen: { method: string; url: string; headers: IncomingMessage['headers']; body: string }[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push({ method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        if (req.url === '/redirect') res.writeHead(307, { location: '/elsewhere' }).end();
        else if (req.url === '/slow') setTimeout(() => res.end('{}'), 2_000);
        else if (req.url === '/empty') res.writeHead(204).end();
        else res.writeHead(429, { 'retry-after': '7', 'set-cookie': ['a=1', 'b=2'], 'content-type': 'application/json' }).end('{"ok":1}');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('sends a form body with its type and length, and answers status, headers and text', async () => {
    const res = await hubFetch(`${base}/token`, {
      method: 'POST',
      body: new URLSearchParams({ code: 'a b&c' }),
      headers: { authorization: 'Basic x' },
    });
    expect(seen.at(-1)).toMatchObject({ method: 'POST', body: 'code=a+b%26c' });
    expect(seen.at(-1)!.headers['content-type']).toBe('application/x-www-form-urlencoded;charset=UTF-8');
    expect(seen.at(-1)!.headers.authorization).toBe('Basic x');
    expect(seen.at(-1)!.headers.cookie).toBeUndefined();
    expect([res.status, res.ok, res.headers.get('retry-after'), await res.text()]).toEqual([429, false, '7', '{"ok":1}']);
    expect((await hubFetch(`${base}/empty`)).status).toBe(204);
  });

  it('never follows a redirect (a secret or a token would go to another host)', async () => {
    const before = seen.length;
    await expect(hubFetch(`${base}/redirect`, { method: 'POST', body: 'client_secret=s' })).rejects.toThrow(TypeError);
    expect(seen.slice(before).map((s) => s.url)).toEqual(['/redirect']);
  });

  it('gives up on its abort signal with the signal’s reason, as fetch does (the adapters’ timeout)', async () => {
    const error = await hubFetch(`${base}/slow`, { signal: AbortSignal.timeout(100) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe('TimeoutError');
    await expect(hubFetch('http://127.0.0.1:1/')).rejects.toThrow(TypeError);
  });

  it('sends headers given as an object, a Headers or pairs, names lower-cased as fetch sends them', async () => {
    for (const headers of [
      { Authorization: 'Bearer t1', 'X-Restli-Protocol-Version': '2.0.0' },
      new Headers({ Authorization: 'Bearer t1' }),
      [['Authorization', 'Bearer t1']] as [string, string][],
    ]) {
      await hubFetch(`${base}/h`, { headers });
      expect(seen.at(-1)!.headers.authorization).toBe('Bearer t1');
    }
    expect(seen.at(-3)!.headers['x-restli-protocol-version']).toBe('2.0.0');
  });

  it('refuses a URL with credentials, as fetch does, without sending anything', async () => {
    const before = seen.length;
    await expect(hubFetch(base.replace('http://', 'http://user:secret@'))).rejects.toThrow(TypeError);
    expect(seen.length).toBe(before);
  });
});
