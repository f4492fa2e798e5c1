import { loadSettings } from '@/utils/db/settings-store';
import { NETWORKS, NETWORK_IDS, type NetworkId } from '@/utils/networks/catalog';
import { baseUrlOrigin, rewriteUrl } from '@/utils/networks/endpoint';
import { adapterFor } from '@/utils/networks/index';
import { networkConfig, type NetworkSettings } from '@/utils/settings';
import type { SetupCheck } from '@/utils/messages';
import type { Deps } from './deps';
import { hubRecord } from './hub-client';
import { hasHosts } from './permissions';

/** The hosts a network is reached on: its own, or the override's origin. */
const hostsOf = (network: NetworkId, config: NetworkSettings) => {
  const override = baseUrlOrigin(config.baseUrl);
  return override ? [override] : [...NETWORKS[network].hosts];
};

/** Per network: has the browser granted the hosts its checks and renewals go to? */
export async function hostAccess(deps: Pick<Deps, 'db'>): Promise<Record<NetworkId, boolean>> {
  const { settings } = await loadSettings(deps.db);
  const entries = await Promise.all(NETWORK_IDS.map(async (id) => [id, await hasHosts(hostsOf(id, networkConfig(settings, id)))] as const));
  return Object.fromEntries(entries) as Record<NetworkId, boolean>;
}

/** One request: answered (any HTTP status) or not reached at all. */
async function probe(deps: Pick<Deps, 'fetch'>, url: string, init: RequestInit): Promise<Response | string> {
  try {
    return await deps.fetch(url, { ...init, redirect: 'manual', credentials: 'omit', signal: AbortSignal.timeout(8000) });
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * The setup checklist's "Test": client ID, hub or token exchange, host access, then the network's
 * authorize URL (a redirect or a page means it knows the app; 4xx that it refused it) and the
 * exchange URL (any answer means it is up). Each step says what fails.
 */
export async function testNetwork(deps: Pick<Deps, 'db' | 'fetch' | 'redirectUrl'>, network: NetworkId): Promise<SetupCheck[]> {
  const { settings } = await loadSettings(deps.db);
  const config = networkConfig(settings, network);
  const hub = await hubRecord(deps);
  const checks: SetupCheck[] = [{ step: 'clientId', ok: hub !== null || config.clientId !== '' }];
  const serverNeeded = NETWORKS[network].needsSecret && !config.baseUrl;
  checks.push({ step: 'server', ok: hub !== null || !serverNeeded || config.exchangeUrl !== '', detail: hub ? 'hub' : undefined });
  const hosts = await hasHosts(hostsOf(network, config));
  checks.push({ step: 'hosts', ok: hosts });
  const adapter = adapterFor(network);
  if (hub || !config.clientId || !hosts || !adapter) return checks;
  const url = rewriteUrl(
    adapter.authorizeUrl({ clientId: config.clientId, redirectUri: deps.redirectUrl(), state: 'setup-test', codeChallenge: 'setup-test' }),
    config.baseUrl,
  );
  const answer = await probe(deps, url, {});
  checks.push(
    typeof answer === 'string'
      ? { step: 'authorize', ok: false, detail: answer }
      : {
          step: 'authorize',
          ok: answer.type === 'opaqueredirect' || answer.status < 400,
          detail: answer.status ? `HTTP ${answer.status}` : undefined,
        },
  );
  if (config.exchangeUrl) {
    const reply = await probe(deps, config.exchangeUrl, { method: 'OPTIONS' });
    checks.push({ step: 'exchange', ok: typeof reply !== 'string', detail: typeof reply === 'string' ? reply : `HTTP ${reply.status}` });
  }
  return checks;
}
