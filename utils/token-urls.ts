import { t } from './i18n/index';
import { NETWORKS, NETWORK_IDS } from './networks/catalog';
import { networkConfig, type Settings } from './settings';
import { urlChanges, type UrlChange } from './url-policy';

/**
 * The URLs of the settings that receive tokens (each network's endpoint base
 * URL and token-exchange URL) whose value `next` changes.
 */
export function tokenUrlChanges(current: Settings, next: Settings): UrlChange[] {
  return urlChanges(
    NETWORK_IDS.flatMap((id) => {
      const [from, to] = [networkConfig(current, id), networkConfig(next, id)];
      const network = NETWORKS[id].name;
      return [
        { field: `networks.${id}.baseUrl`, label: t('url.baseUrl', { network }), from: from.baseUrl, to: to.baseUrl },
        { field: `networks.${id}.exchangeUrl`, label: t('url.exchangeUrl', { network }), from: from.exchangeUrl, to: to.exchangeUrl },
      ];
    }),
  );
}
