import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface SandboxChild {
  url: string;
  pid: number;
  seedUrl: string;
  /** Requests the sandbox answered per network (its log; control calls not counted). */
  requests(): Promise<Map<string, number>>;
  close(): Promise<void>;
}

/** The sandbox in its own process (sandbox-process.ts): on a second core, not in the measured process's event loop. */
export async function startSandboxChild(): Promise<SandboxChild> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/hub/support/sandbox-process.ts'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', () => reject(new Error('the sandbox process ended before it listened')));
  });
  const { url, seedUrl } = JSON.parse(line) as { url: string; seedUrl: string };
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    pid: child.pid!,
    seedUrl,
    async requests() {
      const log = (await (await fetch(`${url}/_control/log`, { method: 'POST' })).json()) as { network: string }[];
      const counts = new Map<string, number>();
      for (const e of log) counts.set(e.network, (counts.get(e.network) ?? 0) + 1);
      return counts;
    },
    async close() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
