import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NETWORK_IDS, type NetworkId } from '../../../utils/networks/catalog';
import { startSandbox } from '../../sandbox/server';

/**
 * The sandbox in a process of its own (`tsx tests/hub/support/sandbox-process.ts`), so a
 * measurement of the hub is not a measurement of the sandbox sharing its event loop. Beside it,
 * a seeding port: `POST /issue {network, count}` creates an account and issues `count` access
 * tokens to it (what thousands of OAuth flows would give), answering their values. Prints one
 * JSON line, {url, seedUrl}, once both listen; stops on SIGTERM or when stdin closes.
 */
const sandbox = await startSandbox();
const seeder = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { network?: NetworkId; count?: number };
    if (!body.network || !NETWORK_IDS.includes(body.network) || !Number.isInteger(body.count)) {
      res.writeHead(400).end('{"error":"network and count"}');
      return;
    }
    const account = sandbox.state.addAccount({ network: body.network, name: `Seed ${body.network}`, accessLifetimeSec: 60 * 86_400 });
    const tokens = Array.from({ length: body.count! }, () => sandbox.state.issue(body.network!, account.id, 'access', 60 * 86_400).value);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ tokens }));
  });
});
await new Promise<void>((resolve) => seeder.listen(0, '127.0.0.1', resolve));
process.stdout.write(`${JSON.stringify({ url: sandbox.url, seedUrl: `http://127.0.0.1:${(seeder.address() as AddressInfo).port}` })}\n`);
const stop = () => void sandbox.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.stdin.on('end', stop);
process.stdin.resume();
