import { loadSettings } from '@/utils/db/settings-store';
import { NETWORKS, type NetworkId } from '@/utils/networks/catalog';
import { adapterFor } from '@/utils/networks/index';
import type { AdapterContext, CheckResult, Fetch, NativeIdentity, NetworkAdapter, TokenSet } from '@/utils/networks/types';
import { failureOutcome, type FlowOutcome, type LastAnswer } from '@/utils/outcomes';
import { exchangeUrlNeeded, networkConfig } from '@/utils/settings';
import { authorizeInWindow, type During } from './authorize-window';
import type { Deps } from './deps';

export interface Login {
  adapter: NetworkAdapter;
  ctx: AdapterContext;
  tokens: TokenSet;
  identity: NativeIdentity;
  /** What the person is told when a later call of this flow fails (listing the profiles). */
  fail(result: Failure): FlowOutcome;
}

type Failure = Exclude<CheckResult, { kind: 'valid' }>;
export type { During } from './authorize-window';

/**
 * A fetch that remembers whether the network answered its last request (and with which
 * status): a failed flow is told "could not be reached" only when it did not.
 */
export function watchAnswers(fetch: Fetch): { fetch: Fetch; last: () => LastAnswer } {
  let last: LastAnswer;
  return {
    last: () => last,
    fetch: async (input, init) => {
      last = null;
      const response = await fetch(input, init);
      last = response.status;
      return response;
    },
  };
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

/** Turns a failed network call into what the person is told (connect or renewal; refused or unreachable). */
export function outcomeOfFailure(result: Failure, during: During, network: NetworkId, lastAnswer: LastAnswer): FlowOutcome {
  return failureOutcome(result, { during, network: NETWORKS[network].name, lastAnswer });
}

/**
 * The interactive OAuth dance, run in the background: authorization code +
 * PKCE S256 + a random state that must come back unchanged.
 */
export async function oauthLogin(deps: Deps, network: NetworkId, during: During): Promise<Login | FlowOutcome> {
  const adapter = adapterFor(network);
  if (!adapter) return { kind: 'not-configured', reason: `${NETWORKS[network].name} is not supported yet.` };
  const configured = await adapterContext(deps, network);
  if ('kind' in configured) return configured;
  const answers = watchAnswers(configured.fetch);
  const ctx: AdapterContext = { ...configured, fetch: answers.fetch };
  const fail = (result: Failure) => outcomeOfFailure(result, during, network, answers.last());
  const authorized = await authorizeInWindow(deps, adapter, network, ctx.config, during);
  if ('kind' in authorized) return authorized;

  const exchanged = await adapter.exchangeCode(
    { ...ctx, now: deps.now() },
    authorized.code,
    authorized.codeVerifier,
    authorized.redirectUri,
  );
  if (!exchanged.ok) return fail(exchanged.result);
  const identity = await adapter.whoAmI(ctx, exchanged.tokens.accessToken);
  if ('kind' in identity) return fail(identity);
  return { adapter, ctx, tokens: exchanged.tokens, identity, fail };
}

/** The expiry the network reports for fresh tokens, when it reports one (debug_token etc.). */
export async function reportedExpiry(login: Login): Promise<number | null | undefined> {
  const check = await login.adapter.inspect(login.ctx, login.tokens);
  return check.kind === 'valid' ? check.expiresAt : undefined;
}
