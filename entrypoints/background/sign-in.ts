import { saveLogin } from '@/utils/db/save-login';
import type { HistoryFact } from '@/utils/history-facts';
import { bindingOf } from '@/utils/networks/grant-binding';
import type { NetworkId } from '@/utils/networks/catalog';
import type { ListedProfile } from '@/utils/networks/types';
import type { FlowOutcome } from '@/utils/outcomes';
import type { Deps } from './deps';
import { oauthLogin, reportedExpiry, type During, type Login } from './oauth-login';

export interface ListedLogin extends Login {
  network: NetworkId;
  /** Everything the login gives access to (who can renew what), tracked or not. */
  listed: ListedProfile[];
}

/** The first half of a connect and of a renewal: the sign-in window, then what the login covers. */
export async function signInAndList(deps: Deps, network: NetworkId, during: During): Promise<ListedLogin | FlowOutcome> {
  const login = await oauthLogin(deps, network, during);
  if ('kind' in login) return login;
  const listed = await login.adapter.listProfiles(login.ctx, login.tokens.accessToken, login.identity);
  if ('kind' in listed) return login.fail(listed);
  return { ...login, network, listed };
}

/** The second half: the login stored for the profiles it is to cover (a connect: all; a renewal: those it renews). */
export async function storeLogin(deps: Deps, login: ListedLogin, profiles: ListedProfile[], historyFact: HistoryFact): Promise<void> {
  await saveLogin(deps.db, {
    network: login.network,
    tokens: login.tokens,
    identity: login.identity,
    reportedExpiry: await reportedExpiry(login),
    profiles,
    listed: login.listed,
    historyFact,
    boundTo: bindingOf(login.adapter, login.listed),
    now: deps.now(),
  });
}
