import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { optionalHostPermissions } from './utils/networks/catalog';
import { CHANNEL_HOSTS } from './utils/reminders/channels';

/**
 * Public half of the key that pins the unpacked extension id
 * (omfcflfnflfbndddpemfkaghdhgfanel), so OAuth redirect URLs registered with the
 * networks stay valid across machines. Not a secret. Store packages drop it
 * (TW_STORE=1): the stores assign their own id.
 */
const EXTENSION_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAyXbUsOtX199bOCk8GEceqWoKWQNttSCe4Hs0DgfZthB57YcdtuTNOvKoCtGsDdUYKd2RAGBkplwrxo3GzOlRM6N1KEp/PCx7TmBoR5nMlSY03nAOL2GpX1N6AjXlb2BKrb7YcGpwVuO3ldnknPLdWmLNZR2pt3iEfJlovHquzfde1UpOwvH9PVCsF4wdU8ePAx75IzdOBDtH1EXOj0gGLQMl/LcW3Eg6MI+bHAfv9z+AyabkiLz/NuvegTA54bteQLB8QvUWjkJES+7MTWy+RJpci0ceFoBZZIH5r0lG274WhfPkcpwyyHnkYzdthlcrs7Dp3CsGXe7P9mjwWiWAgwIDAQAB';

/** Origins an endpoint override may use (utils/url-policy.ts): any https host, plain http on loopback. */
const OVERRIDE_HOSTS = ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*', 'http://[::1]/*'];

export default defineConfig({
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser, mode }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['alarms', 'notifications', 'storage', 'identity'],
    // Slack's incoming webhooks answer without CORS headers: asked for when a Slack URL is saved.
    // Endpoint overrides (base, exchange URLs): each origin is asked for when its change is
    // confirmed, so the browser itself names the host; https anywhere, plain http on loopback only.
    optional_host_permissions: [...optionalHostPermissions(), ...CHANNEL_HOSTS, ...OVERRIDE_HOSTS],
    // The end-to-end build (--mode e2e) talks to the sandbox on 127.0.0.1: granted up front, as
    // no test can click the browser's permission prompt.
    ...(mode === 'e2e' ? { host_permissions: ['http://127.0.0.1/*'] } : {}),
    // Stated, not left to the default: only the package's own scripts, no plugins, no <base>, never framed.
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    },
    action: { default_title: 'Token Warden' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'token-warden@example.org',
              // 140: the first ESR with optional_host_permissions (128) and the data consent key (140).
              strict_min_version: '140.0',
              // Nothing goes to the developer: only to the networks and the webhooks the person set (PRIVACY.md).
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads that key from 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {
          // 120: storage.session, optional_host_permissions and AbortSignal.timeout all present.
          minimum_chrome_version: '120',
          ...(process.env.TW_STORE === '1' ? {} : { key: EXTENSION_KEY }),
        }),
  }),
});
