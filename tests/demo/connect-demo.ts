import type { Page } from 'puppeteer-core';
import type { Sandbox } from '../sandbox/server';
import type { DemoOrganisation } from '../sandbox/demo-seed';
import { command } from '../e2e/support/extension';

/**
 * Connects every login of the demo organisation through the extension's real OAuth flow
 * (`page` is an extension page), then lets the doomed ones die and polls, so every status shows.
 */
export async function connectDemo(
  sandbox: Sandbox,
  page: Page,
  org: DemoOrganisation,
  log: (line: string) => void = () => undefined,
  /** Runs after the deaths, before the browser's poll (the hub checks its grants here). */
  beforePoll: () => Promise<unknown> = () => Promise.resolve(),
) {
  for (const login of org.logins) {
    sandbox.state.nextLogin.set(login.network, login.accountId);
    if (login.channelId) sandbox.state.nextChannel.set(login.network, login.channelId);
    const outcome = await command<{ kind: string; reason?: string; profiles?: number }>(page, 'connect', { network: login.network });
    log(`Connect ${login.network} (${login.accountId}): ${outcome.kind}${outcome.reason ? `: ${outcome.reason}` : ''}`);
  }
  for (const death of org.deaths) sandbox.state.revokeAccount(death.accountId, death.reason);
  await beforePoll();
  await command(page, 'pollNow', {});
}
