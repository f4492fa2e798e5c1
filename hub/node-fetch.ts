import http from 'node:http';
import https from 'node:https';
import type { Fetch } from '../utils/networks/types';

/** Past this an answer is cut off (the adapters refuse anything over 1 MB of text anyway). */
const MAX_BODY_BYTES = 4 * 1024 * 1024;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
// Keep-alive: the checks call the same few hosts thousands of times. Idle sockets are dropped
// after 4 s, before a server's usual keep-alive timeout (Node's is 5 s) closes them under us.
const AGENTS = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 256, timeout: 4_000 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 256, timeout: 4_000 }),
};
const IDEMPOTENT = new Set(['GET', 'HEAD']);

/** The part of Headers the adapters read, over node's parsed headers (lower-case names). */
class AnswerHeaders {
  constructor(private readonly raw: http.IncomingHttpHeaders) {}
  get(name: string): string | null {
    const value = this.raw[name.toLowerCase()];
    return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
  }
  has(name: string): boolean {
    return this.raw[name.toLowerCase()] !== undefined;
  }
}

/**
 * An answer already read into memory, with the part of Response the adapters use (status, ok,
 * statusText, headers.get, text, json, arrayBuffer). A real Response costs about a quarter of a
 * check's CPU to build and read (streams, body mixins), for a body that is already a Buffer; a
 * class, so an answer allocates no closures of its own.
 */
class BufferedAnswer {
  readonly ok: boolean;
  readonly redirected = false;
  readonly headers: AnswerHeaders;
  constructor(
    readonly status: number,
    readonly statusText: string,
    raw: http.IncomingHttpHeaders,
    private readonly body: Buffer,
  ) {
    this.ok = status >= 200 && status < 300;
    this.headers = new AnswerHeaders(raw);
  }
  text(): Promise<string> {
    return Promise.resolve(this.body.toString('utf8'));
  }
  json(): Promise<unknown> {
    return Promise.resolve(JSON.parse(this.body.toString('utf8')) as unknown);
  }
  arrayBuffer(): Promise<ArrayBuffer> {
    const b = this.body;
    return Promise.resolve(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer);
  }
}

function bufferedAnswer(status: number, statusText: string, raw: http.IncomingHttpHeaders, body: Buffer): Response {
  // Only the members above exist; no caller in the hub or utils/networks reads another (the
  // adapters read answers through utils/networks/http.ts requestJson).
  return new BufferedAnswer(status, statusText, raw, body) as unknown as Response;
}

/** Header names lower-cased, as fetch sends them; a plain object (what the adapters pass) without building a Headers. */
function headersOf(init: HeadersInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (init === undefined) return out;
  if (init instanceof Headers || Array.isArray(init)) {
    for (const [name, value] of new Headers(init).entries()) out[name] = value;
    return out;
  }
  for (const name of Object.keys(init)) out[name.toLowerCase()] = String(init[name]).trim();
  return out;
}

function bodyOf(body: RequestInit['body']): { bytes: Buffer | null; type: string | null } {
  if (body === undefined || body === null) return { bytes: null, type: null };
  if (typeof body === 'string') return { bytes: Buffer.from(body, 'utf8'), type: 'text/plain;charset=UTF-8' };
  if (body instanceof URLSearchParams)
    return { bytes: Buffer.from(body.toString(), 'utf8'), type: 'application/x-www-form-urlencoded;charset=UTF-8' };
  throw new TypeError('Only string and URLSearchParams bodies are sent by the hub');
}

/**
 * The hub's HTTP client: the subset of `fetch` the adapters use, on node:http with keep-alive
 * (undici's fetch costs several times the CPU per request, and the checks make thousands).
 * Like fetch with `redirect: 'error'` it fails on any redirect, so a secret or a token is never
 * re-sent to another host; it has no cookie jar; it honours the abort signal (the adapters'
 * timeout) and fails as fetch does, with a TypeError or the signal's reason.
 */
export const nodeFetch: Fetch = (input, init = {}) => send(input, init, true);

/**
 * One request. A server may close an idle keep-alive socket just as it is reused: the request
 * then fails with a reset before any answer, never having been read. An idempotent one is sent
 * once more on a fresh socket (as Node's documentation advises); a POST is not (it could be a
 * code exchange the server did read).
 */
function send(input: string, init: RequestInit, mayRetry: boolean): Promise<Response> {
  return new Promise<Response>((resolve, reject) => {
    const url = new URL(input);
    const agent = url.protocol === 'http:' || url.protocol === 'https:' ? AGENTS[url.protocol] : null;
    if (!agent) return reject(new TypeError(`Unsupported protocol ${url.protocol}`));
    // As fetch: a URL with credentials is refused (never turned into an Authorization header).
    if (url.username || url.password) return reject(new TypeError('Request URL includes credentials'));
    const signal = init.signal ?? undefined;
    if (signal?.aborted) return reject(signal.reason as Error);
    const { bytes, type } = bodyOf(init.body);
    const headers = headersOf(init.headers);
    if (bytes) {
      headers['content-type'] ??= type!;
      headers['content-length'] = String(bytes.length);
    }
    // Options rather than the URL: node:http would convert the URL into these anyway, at a cost per request.
    const options: http.RequestOptions = {
      protocol: url.protocol,
      hostname: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
      port: url.port,
      path: url.pathname + url.search,
      method: init.method ?? 'GET',
      headers,
      agent,
    };
    const request = (url.protocol === 'https:' ? https : http).request(options, (res) => {
      const status = res.statusCode ?? 0;
      if (REDIRECTS.has(status)) {
        res.resume();
        return reject(new TypeError('fetch failed: redirect refused'));
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) res.destroy(new TypeError('fetch failed: answer too large'));
        else chunks.push(chunk);
      });
      res.once('error', reject);
      res.once('end', () =>
        resolve(bufferedAnswer(status, res.statusMessage ?? '', res.headers, chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks))),
      );
    });
    const abort = () => request.destroy(signal!.reason as Error);
    signal?.addEventListener('abort', abort, { once: true });
    request.once('close', () => signal?.removeEventListener('abort', abort));
    request.once('error', (error: NodeJS.ErrnoException) => {
      if (signal?.aborted) return reject(signal.reason as Error);
      const method = (init.method ?? 'GET').toUpperCase();
      if (mayRetry && request.reusedSocket && error.code === 'ECONNRESET' && IDEMPOTENT.has(method))
        return resolve(send(input, init, false));
      reject(new TypeError('fetch failed', { cause: error }));
    });
    request.end(bytes ?? undefined);
  });
}
