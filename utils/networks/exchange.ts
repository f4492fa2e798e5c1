import type { NetworkId } from './catalog';
import { rewriteUrl } from './endpoint';
import { FORM_HEADERS, formBody, requestJson, type HttpAnswer } from './http';
import type { AdapterContext, CheckResult } from './types';

/** Fields of a code exchange or refresh, as the network's token endpoint names them. */
export type TokenRequest = Record<string, string | undefined> & { grant_type: string };

/**
 * Sends a token request either to the organisation's token-exchange URL
 * (which adds the client secret; ARCHITECTURE §5) or, when none is set, to
 * the network's own endpoint as a public client.
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
  if (method === 'GET') return requestJson(ctx.fetch, `${url}?${formBody(fields).toString()}`);
  return requestJson(ctx.fetch, url, { method: 'POST', headers: FORM_HEADERS, body: formBody(fields) });
}
