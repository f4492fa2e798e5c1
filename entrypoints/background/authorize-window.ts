import { NETWORKS, type NetworkId } from '@/utils/networks/catalog';
import { rewriteUrl } from '@/utils/networks/endpoint';
import { parseRedirect } from '@/utils/networks/oauth-redirect';
import { createPkce } from '@/utils/networks/pkce';
import type { NetworkAdapter } from '@/utils/networks/types';
import type { FlowOutcome } from '@/utils/outcomes';
import type { Deps } from './deps';

/** Whether a sign-in connects a new login or renews a tracked one (what a failure is told as). */
export type During = 'connect' | 'renewal';

export interface Authorized {
  code: string;
  codeVerifier: string;
  redirectUri: string;
}

/**
 * The network's sign-in window: authorization code + PKCE (the network's challenge encoding)
 * + a fresh state that must come back unchanged. Personal mode exchanges the code itself; hub
 * mode hands it to the hub.
 */
export async function authorizeInWindow(
  deps: Pick<Deps, 'authFlow' | 'redirectUrl'>,
  adapter: NetworkAdapter,
  network: NetworkId,
  app: { clientId: string; baseUrl: string },
  during: During,
): Promise<Authorized | FlowOutcome> {
  const pkce = await createPkce(adapter.challengeEncoding);
  const redirectUri = deps.redirectUrl();
  const url = rewriteUrl(
    adapter.authorizeUrl({ clientId: app.clientId, redirectUri, state: pkce.state, codeChallenge: pkce.challenge }),
    app.baseUrl,
  );
  const flow = await deps.authFlow(url, true);
  if (!flow.ok) {
    if (flow.kind === 'cancelled') return { kind: 'cancelled' };
    return flow.kind === 'unreachable'
      ? { kind: 'unreachable', reason: flow.reason, network: NETWORKS[network].name, during }
      : { kind: 'failed', reason: flow.reason, during };
  }
  const redirect = parseRedirect(flow.redirectUrl, pkce.state, redirectUri);
  if (!redirect.ok) return redirect.kind === 'cancelled' ? { kind: 'cancelled' } : { kind: 'failed', reason: redirect.reason, during };
  return { code: redirect.code, codeVerifier: pkce.verifier, redirectUri };
}
