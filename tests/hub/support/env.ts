import { randomBytes } from 'node:crypto';
import { envName } from '../../../hub/config';
import { NETWORK_IDS } from '../../../utils/networks/catalog';

/** The unpacked extension's fixed id (wxt.config.ts's public key). */
export const EXTENSION_ID = 'omfcflfnflfbndddpemfkaghdhgfanel';

/** The client secret of every sandbox app the test hub uses; the sandbox requires it (see requireSecret). */
export const SANDBOX_SECRET = 'sandbox-secret';

/** A hub environment with every network's app pointed at a sandbox (tests, the demo, the bench). */
export function hubEnv(sandboxUrl: string, databaseUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {
    HUB_SECRET_KEY: randomBytes(32).toString('base64'),
    HUB_EXTENSION_IDS: EXTENSION_ID,
    HUB_PORT: '0',
    DATABASE_URL: databaseUrl,
  };
  for (const n of NETWORK_IDS) {
    env[`TW_${envName(n)}_CLIENT_ID`] = 'sandbox-app';
    env[`TW_${envName(n)}_CLIENT_SECRET`] = SANDBOX_SECRET;
    env[`TW_${envName(n)}_BASE_URL`] = `${sandboxUrl}/${n}`;
  }
  // Last, so a test can change a network's settings too.
  return { ...env, ...extra };
}
