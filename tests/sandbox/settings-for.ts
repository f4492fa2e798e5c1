import { SANDBOX_NETWORKS } from './state';

/** A Token Warden settings document that points every network at a running sandbox. */
export function sandboxSettings(sandboxUrl: string, intervalMinutes = 15) {
  const networks = Object.fromEntries(
    SANDBOX_NETWORKS.map((id) => [
      id,
      { clientId: 'sandbox-app', baseUrl: `${sandboxUrl}/${id}`, exchangeUrl: id === 'x' ? '' : `${sandboxUrl}/exchange` },
    ]),
  );
  return { version: 2, networks, polling: { intervalMinutes } };
}
