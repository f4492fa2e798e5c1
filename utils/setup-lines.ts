import { NETWORKS, NETWORK_IDS, type NetworkId } from './networks/catalog';
import { networkConfig, type Settings } from './settings';

/** A network's line in the setup checklist. */
export interface SetupLine {
  network: NetworkId;
  clientId: boolean;
  /** Where the code exchange's secret lives: the hub, an exchange URL, not needed (public client or an override), or missing. */
  server: 'hub' | 'exchange' | 'not-needed' | 'missing';
  /** null until the background answered. */
  hosts: boolean | null;
  profiles: number;
}

/** Every network's setup state, from the settings, the hub enrolment, the granted hosts and the tracked profiles. */
export function setupLines(
  settings: Settings,
  inHub: boolean,
  hosts: Partial<Record<NetworkId, boolean>> | null,
  profiles: { network: NetworkId }[],
): SetupLine[] {
  return NETWORK_IDS.map((network) => {
    const config = networkConfig(settings, network);
    const needsServer = NETWORKS[network].needsSecret && !config.baseUrl;
    return {
      network,
      clientId: inHub || config.clientId !== '',
      server: inHub ? 'hub' : config.exchangeUrl ? 'exchange' : needsServer ? 'missing' : 'not-needed',
      hosts: hosts?.[network] ?? null,
      profiles: profiles.filter((p) => p.network === network).length,
    };
  });
}

/** A line is ready when nothing on it is ✗. */
export const lineReady = (l: SetupLine) => l.clientId && l.server !== 'missing' && l.hosts !== false;
