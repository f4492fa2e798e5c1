import type { MiddlewareHandler } from 'hono';

const EXTENSION_ORIGIN = /^(chrome|moz)-extension:\/\//;
const METHODS = 'GET,HEAD,PUT,POST,DELETE,PATCH';
const REQUEST_HEADERS = 'authorization,content-type';

/**
 * CORS for the extension's own pages: an extension origin may call the API (keys ride in the
 * Authorization header, never in cookies), any other origin gets no CORS header at all. The
 * headers go onto the route's answer as it is (Hono's cors() adds Vary through `c.header` once
 * the answer exists, which rebuilds every answer as a full Response: a copy per request).
 */
export function extensionCors(): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('origin');
    const allowed = origin !== undefined && EXTENSION_ORIGIN.test(origin) ? origin : null;
    if (c.req.method === 'OPTIONS') {
      return c.body(null, 204, {
        ...(allowed ? { 'access-control-allow-origin': allowed } : {}),
        'access-control-allow-methods': METHODS,
        'access-control-allow-headers': REQUEST_HEADERS,
        'access-control-max-age': '600',
        vary: 'Origin, Access-Control-Request-Headers',
      });
    }
    await next();
    const headers = c.res.headers;
    if (allowed) headers.set('access-control-allow-origin', allowed);
    headers.append('vary', 'Origin');
  };
}
