import { SANDBOX_NETWORKS } from './state';

/**
 * A Token Warden settings document that points every network at a running sandbox
 * (`networkUrl` can give each network its own listener, as each real network has its own hosts).
 */
export function sandboxSettings(sandboxUrl: string, intervalMinutes = 15, networkUrl: (id: string) => string = () => sandboxUrl) {
  const networks = Object.fromEntries(
    SANDBOX_NETWORKS.map((id) => [
      id,
      { clientId: 'sandbox-app', baseUrl: `${networkUrl(id)}/${id}`, exchangeUrl: id === 'x' ? '' : `${sandboxUrl}/exchange` },
    ]),
  );
  return { version: 2, networks, polling: { intervalMinutes } };
}
