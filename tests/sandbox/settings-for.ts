/** A Token Warden settings document that points the extension at a running sandbox. */
export function sandboxSettings(sandboxUrl: string, intervalMinutes = 15) {
  const network = (id: string) => ({ clientId: 'sandbox-app', baseUrl: `${sandboxUrl}/${id}`, exchangeUrl: `${sandboxUrl}/exchange` });
  return {
    version: 1,
    networks: { facebook: network('facebook'), tiktok: network('tiktok') },
    polling: { intervalMinutes },
  };
}
