import { loadSettings } from '@/utils/db/settings-store';
import { NETWORKS, type NetworkId } from '@/utils/networks/catalog';
import { rewriteUrl } from '@/utils/networks/endpoint';
import { adapterFor } from '@/utils/networks/index';
import { parseRedirect } from '@/utils/networks/oauth-redirect';
import { createPkce } from '@/utils/networks/pkce';
import type { AdapterContext, CheckResult, NativeIdentity, NetworkAdapter, TokenSet } from '@/utils/networks/types';
import type { FlowOutcome } from '@/utils/outcomes';
import { exchangeUrlNeeded, networkConfig } from '@/utils/settings';
import type { Deps } from './deps';

export interface Login {
  adapter: NetworkAdapter;
  ctx: AdapterContext;
  tokens: TokenSet;
  identity: NativeIdentity;
}

export async function adapterContext(deps: Deps, network: NetworkId): Promise<AdapterContext | FlowOutcome> {
  const { settings } = await loadSettings(deps.db);
  const config = networkConfig(settings, network);
  if (!config.clientId) {
    return { kind: 'not-configured', reason: `Set the ${NETWORKS[network].name} client ID in Options (Advanced) first.` };
  }
  // Production endpoints refuse a code exchange without the secret, which only the organisation's backend holds.
  if (NETWORKS[network].needsSecret && !config.exchangeUrl && !config.baseUrl) {
    return { kind: 'not-configured', reason: exchangeUrlNeeded(network) };
  }
  return { fetch: deps.fetch, config, now: deps.now() };
}

/** Turns a failed network call into what the person is told. */
export function outcomeOfFailure(result: Exclude<CheckResult, { kind: 'valid' }>): FlowOutcome {
  return result.kind === 'unknown' ? { kind: 'unreachable', reason: result.reason } : { kind: 'failed', reason: result.reason };
}

/**
 * The interactive OAuth dance, run in the background: authorization code +
 * PKCE S256 + a random state that must come back unchanged.
 */
export async function oauthLogin(deps: Deps, network: NetworkId): Promise<Login | FlowOutcome> {
  const adapter = adapterFor(network);
  if (!adapter) return { kind: 'not-configured', reason: `${NETWORKS[network].name} is not supported yet.` };
  const ctx = await adapterContext(deps, network);
  if ('kind' in ctx) return ctx;
  const pkce = await createPkce(adapter.challengeEncoding);
  const redirectUri = deps.redirectUrl();
  const url = rewriteUrl(
    adapter.authorizeUrl({ clientId: ctx.config.clientId, redirectUri, state: pkce.state, codeChallenge: pkce.challenge }),
    ctx.config.baseUrl,
  );
  const flow = await deps.authFlow(url, true);
  if (!flow.ok) return flow.kind === 'cancelled' ? { kind: 'cancelled' } : { kind: flow.kind, reason: flow.reason };
  const redirect = parseRedirect(flow.redirectUrl, pkce.state, redirectUri);
  if (!redirect.ok) return redirect.kind === 'cancelled' ? { kind: 'cancelled' } : { kind: 'failed', reason: redirect.reason };

  const exchanged = await adapter.exchangeCode({ ...ctx, now: deps.now() }, redirect.code, pkce.verifier, redirectUri);
  if (!exchanged.ok) return outcomeOfFailure(exchanged.result);
  const identity = await adapter.whoAmI(ctx, exchanged.tokens.accessToken);
  if ('kind' in identity) return outcomeOfFailure(identity);
  return { adapter, ctx, tokens: exchanged.tokens, identity };
}

/** The expiry the network reports for fresh tokens, when it reports one (debug_token etc.). */
export async function reportedExpiry(login: Login): Promise<number | null | undefined> {
  const check = await login.adapter.inspect(login.ctx, login.tokens);
  return check.kind === 'valid' ? check.expiresAt : undefined;
}
