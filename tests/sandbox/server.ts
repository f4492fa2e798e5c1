import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { requireSecretRoute, secretRefusal } from './client-secret';
import { controlRoutes } from './control';
import { exchangeRoute } from './exchange';
import { graphRoutes } from './facebook';
import { googleRoutes } from './google';
import type { SandboxRequest, SandboxResponse } from './http';
import { linkedinRoutes } from './linkedin';
import { pinterestRoutes } from './pinterest';
import { revokeRoute } from './revoke';
import { SandboxState, type SandboxNetwork } from './state';
import { threadsRoutes } from './threads';
import { tiktokRoutes } from './tiktok';
import { xRoutes } from './x';

/** Each network under its own prefix: `/<network>/<production host>/<path>`. */
const ROUTES: Record<SandboxNetwork, (state: SandboxState, req: SandboxRequest) => SandboxResponse | null> = {
  youtube: googleRoutes('youtube'),
  'google-business': googleRoutes('google-business'),
  facebook: graphRoutes('facebook'),
  instagram: graphRoutes('instagram'),
  threads: threadsRoutes,
  linkedin: linkedinRoutes,
  pinterest: pinterestRoutes,
  tiktok: tiktokRoutes,
  x: xRoutes,
};

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type, linkedin-version, x-restli-protocol-version',
  // Retry-After is not CORS-safelisted: without this a page (or an extension without host access) cannot read it.
  'access-control-expose-headers': 'retry-after',
  'access-control-allow-private-network': 'true',
  'access-control-max-age': '600',
};

export interface Sandbox {
  url: string;
  port: number;
  state: SandboxState;
  close(): Promise<void>;
}

/**
 * Starts the sandbox on 127.0.0.1 (port 0 = any free port). Pass another sandbox's `state`
 * to serve the same networks on one more port.
 */
export async function startSandbox({
  port = 0,
  state = new SandboxState(),
}: { port?: number; state?: SandboxState } = {}): Promise<Sandbox> {
  const held = new Set<ServerResponse>();
  const server = createServer((req, res) => void handle(state, req, res, held));
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    state,
    close: () =>
      new Promise((resolve) => {
        for (const res of held) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The request's body (events rather than an async iterator: a few microseconds less per request, thousands of requests). */
function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('end', () => resolve(chunks.length === 0 ? '' : Buffer.concat(chunks).toString('utf8')));
    req.once('error', reject);
  });
}

async function handle(state: SandboxState, req: IncomingMessage, res: ServerResponse, held: Set<ServerResponse>): Promise<void> {
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
  if (req.method === 'OPTIONS') {
    res.writeHead(204, CORS).end();
    return;
  }
  const [, first = '', ...rest] = url.pathname.split('/');
  const sreq: SandboxRequest = {
    method: req.method ?? 'GET',
    path: rest.join('/'),
    query: url.searchParams,
    headers: req.headers as Record<string, string | undefined>,
    body: await readBody(req),
    url,
  };
  let response: SandboxResponse | null;
  if (first === '_control')
    response = sreq.path === 'require-secret' ? requireSecretRoute(state, sreq) : controlRoutes(state, sreq, sreq.path);
  else if (first === 'exchange') {
    response = exchangeRoute(state, sreq);
    state.log.push({ at: Date.now(), network: 'exchange', method: sreq.method, path: 'exchange', status: response.status });
  } else if (first === 'health') response = { status: 200, json: { ok: true } };
  else {
    const route = ROUTES[first as SandboxNetwork] as (typeof ROUTES)[SandboxNetwork] | undefined;
    const isAuthorize = /authorize|dialog\/oauth|oauth2\/v2\/auth|authorization$|pinterest\.com\/oauth\/$/.test(sreq.path);
    const fault = isAuthorize ? undefined : await applyFault(state, first, sreq);
    if (fault === 'hold') {
      held.add(res);
      res.on('close', () => held.delete(res));
      return; // never answers: the client's timeout fires
    }
    response = fault ?? revokeRoute(state, first, sreq) ?? secretRefusal(state, first, sreq) ?? (route ? route(state, sreq) : null);
    state.log.push({ at: Date.now(), network: first, method: sreq.method, path: sreq.path, status: response?.status ?? 404 });
  }
  send(res, response ?? { status: 404, json: { error: 'not_found', path: url.pathname } });
}

/** A scripted fault for this network's request, if one is armed. */
async function applyFault(state: SandboxState, network: string, req: SandboxRequest): Promise<SandboxResponse | 'hold' | undefined> {
  const fault = state.faults.get(network);
  if (!fault) return undefined;
  if (fault.latencyMs) await new Promise((r) => setTimeout(r, fault.latencyMs));
  if (fault.mode === 'none') return undefined;
  if (fault.rate !== undefined && (fault.random ?? Math.random)() >= fault.rate) return undefined;
  if (fault.remaining !== undefined) {
    if (fault.remaining <= 0) return undefined;
    fault.remaining -= 1;
  }
  switch (fault.mode) {
    case '5xx':
      return { status: 503, json: { error: { message: 'Service temporarily unavailable', code: 2 } } };
    case '429':
      return {
        status: 429,
        json: { error: { message: 'Too many calls', code: 4 } },
        headers: { 'retry-after': String(fault.retryAfterSec ?? 60) },
      };
    case 'malformed':
      return { status: 200, text: '<html><body>Bad gateway</body>' };
    case 'timeout':
      return 'hold';
    case 'echo': {
      const message = `Invalid token in ${req.method} ${req.url.toString()} authorization=${req.headers.authorization ?? ''} body=${req.body}`;
      // Every network's error shape at once: each adapter's classifier finds its own. Slashes
      // escaped as Graph writes them (`\/`): the token is repeated URL-, form- and JSON-encoded.
      const json = {
        error: { message, type: 'OAuthException', code: 190, status: 'UNAUTHENTICATED' },
        message,
        error_description: message,
        serviceErrorCode: 65601,
        status: 401,
        errors: [{ message, code: 89 }],
      };
      return { status: 401, text: JSON.stringify(json).replaceAll('/', '\\/') };
    }
  }
}

/** The usual answer's headers, built once. */
const JSON_HEADERS = { ...CORS, 'content-type': 'application/json' };

function send(res: ServerResponse, r: SandboxResponse): void {
  if (!r.headers && !r.redirect && r.html === undefined && r.text === undefined) {
    res.writeHead(r.status, JSON_HEADERS).end(JSON.stringify(r.json ?? null));
    return;
  }
  const headers: Record<string, string> = { ...CORS, ...r.headers };
  if (r.redirect) {
    res.writeHead(r.status, { ...headers, location: r.redirect }).end();
  } else if (r.html !== undefined) {
    res.writeHead(r.status, { ...headers, 'content-type': 'text/html; charset=utf-8' }).end(r.html);
  } else if (r.text !== undefined) {
    res.writeHead(r.status, { ...headers, 'content-type': 'text/plain; charset=utf-8' }).end(r.text);
  } else {
    res.writeHead(r.status, { ...headers, 'content-type': 'application/json' }).end(JSON.stringify(r.json ?? null));
  }
}
