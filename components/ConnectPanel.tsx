import { t } from '@/utils/i18n/index';
import { useState } from 'preact/hooks';
import { NETWORKS, type NetworkId } from '@/utils/networks/catalog';

export interface ConnectPanelProps {
  networks: NetworkId[];
  busy: boolean;
  onConnect: (network: NetworkId) => void;
}

export function ConnectPanel({ networks, busy, onConnect }: ConnectPanelProps) {
  const [network, setNetwork] = useState<NetworkId | undefined>(networks[0]);
  return (
    <form
      class="connect"
      onSubmit={(e) => {
        e.preventDefault();
        if (network) onConnect(network);
      }}
    >
      <label for="connect-network">{t('connect.network')}</label>
      <select id="connect-network" value={network} onChange={(e) => setNetwork(e.currentTarget.value as NetworkId)}>
        {networks.map((id) => (
          <option key={id} value={id}>
            {NETWORKS[id].name}
          </option>
        ))}
      </select>
      <button type="submit" class="primary" disabled={busy || !network}>
        {busy ? t('connect.busy') : t('connect.button')}
      </button>
    </form>
  );
}
