import type { NetworkId } from './catalog';
import { rewriteUrl } from './endpoint';
import { FORM_HEADERS, formBody, requestJson, type HttpAnswer } from './http';
import type { AdapterContext, CheckResult } from './types';

/** Fields of a code exchange or refresh, as the network's token endpoint names them. */
export type TokenRequest = Record<string, string | undefined> & { grant_type: string };

/** Networks whose token endpoint takes the client credentials as HTTP Basic (RFC 6749 §2.3.1), not as fields. */
const BASIC_CLIENT_AUTH: ReadonlySet<NetworkId> = new Set(['pinterest', 'x']);

/**
 * Sends a token request either to the organisation's token-exchange URL
 * (which adds the client secret; ARCHITECTURE §5), or, in a runtime that holds
 * the secret (the hub), to the network's own endpoint with it, or else to the
 * network's own endpoint as a public client.
 */
export function sendTokenRequest(
  ctx: AdapterContext,
  network: NetworkId,
  productionUrl: string,
  fields: TokenRequest,
  method: 'GET' | 'POST' = 'POST',
): Promise<HttpAnswer | Extract<CheckResult, { kind: 'unknown' }>> {
  if (ctx.config.exchangeUrl) {
    return requestJson(ctx.fetch, ctx.config.exchangeUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ network, ...fields }),
    });
  }
  const url = rewriteUrl(productionUrl, ctx.config.baseUrl);
  const { fields: sent, headers } = withClientSecret(network, ctx.config, fields);
  if (method === 'GET') return requestJson(ctx.fetch, `${url}?${formBody(sent).toString()}`, { headers });
  return requestJson(ctx.fetch, url, { method: 'POST', headers: { ...FORM_HEADERS, ...headers }, body: formBody(sent) });
}

/** Adds the client secret where the network documents it: a form or query field, or HTTP Basic. */
function withClientSecret(
  network: NetworkId,
  config: AdapterContext['config'],
  fields: TokenRequest,
): { fields: TokenRequest; headers: Record<string, string> } {
  const secret = config.clientSecret;
  if (!secret) return { fields, headers: {} };
  if (BASIC_CLIENT_AUTH.has(network)) {
    const basic = btoa(`${encodeURIComponent(config.clientId)}:${encodeURIComponent(secret)}`);
    return { fields, headers: { authorization: `Basic ${basic}` } };
  }
  return { fields: { ...fields, client_secret: secret }, headers: {} };
}
