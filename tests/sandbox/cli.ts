import { seedDemo } from './demo-seed';
import { startSandbox } from './server';
import { sandboxSettings } from './settings-for';

/** `npm run sandbox`: the sandbox on its own, seeded with the demo organisation. */
const port = Number(process.env.SANDBOX_PORT ?? 4010);
const sandbox = await startSandbox({ port });
const org = seedDemo(sandbox.state);
// Each "Connect" of a network logs into its next demo account, in order.
for (const login of org.logins)
  sandbox.state.loginQueue.set(login.network, [...(sandbox.state.loginQueue.get(login.network) ?? []), login.accountId]);
console.log(`Token Warden sandbox on ${sandbox.url}`);
console.log(`Control API: ${sandbox.url}/_control/{reset,accounts,login,authorize-mode,revoke,fault,log,tokens}`);
console.log('Settings to import in Options (points Facebook and TikTok here):');
console.log(JSON.stringify(sandboxSettings(sandbox.url), null, 2));
process.on('SIGINT', () => void sandbox.close().then(() => process.exit(0)));
