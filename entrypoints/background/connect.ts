import type { NetworkId } from '@/utils/networks/catalog';
import type { FlowOutcome } from '@/utils/outcomes';
import type { Deps } from './deps';
import { hubRecord } from './hub-client';
import { connectThroughHub } from './hub-login';
import { signInAndList, storeLogin } from './sign-in';
import { stateChanged } from './state-changed';

/** "Connect a profile": log in, list what the login covers, track it all. */
export async function connectNetwork(deps: Deps, network: NetworkId): Promise<FlowOutcome> {
  // Enrolled in an organisation hub: the hub exchanges the code and keeps the tokens.
  if (await hubRecord(deps)) {
    const outcome = await connectThroughHub(deps, network);
    await stateChanged(deps);
    return outcome;
  }
  const login = await signInAndList(deps, network, 'connect');
  if ('kind' in login) return login;
  const { listed } = login;
  if (listed.length === 0)
    return { kind: 'failed', reason: `${login.identity.name} manages no profile on this network`, during: 'connect' };
  const ids = listed.map((p) => `${network}:${p.nativeId}`);
  const tracked = new Set(await deps.db.profiles.where('id').anyOf(ids).primaryKeys());
  await storeLogin(deps, login, listed, { code: 'connected', by: login.identity.name });
  await stateChanged(deps);
  return {
    kind: 'connected',
    profiles: listed.length,
    listed: listed.map((p, i) => ({ id: ids[i]!, name: p.name, alreadyTracked: tracked.has(ids[i]!) })),
  };
}
