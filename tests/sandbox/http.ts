/** The sandbox's request/response shapes, independent of node:http. */
export interface SandboxRequest {
  method: string;
  /** Network path after the network prefix: `graph.facebook.com/v21.0/me`. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | undefined>;
  body: string;
  /** The full URL the request came to (for interactive pages linking back). */
  url: URL;
}

export interface SandboxResponse {
  status: number;
  json?: unknown;
  html?: string;
  text?: string;
  redirect?: string;
  headers?: Record<string, string>;
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): SandboxResponse => ({ status, json: body, headers });

export function formOf(req: SandboxRequest): URLSearchParams {
  const type = req.headers['content-type'] ?? '';
  if (type.includes('application/json')) {
    try {
      const parsed = JSON.parse(req.body) as Record<string, unknown>;
      return new URLSearchParams(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
    } catch {
      return new URLSearchParams();
    }
  }
  return new URLSearchParams(req.body);
}

export function bearer(req: SandboxRequest): string | null {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7) : null;
}

export function redirectWith(base: string, params: Record<string, string>): SandboxResponse {
  const url = new URL(base);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return { status: 302, redirect: url.toString() };
}
