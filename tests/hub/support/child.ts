import { spawn, type ChildProcess } from 'node:child_process';

export interface HubChild {
  /** Every stdout line so far. */
  out: string[];
  /** Every stderr line so far. */
  err: string[];
  /** Resolves with the first stdout line matching, or rejects when the process ends first or after `ms`. */
  waitFor(pattern: RegExp, ms?: number): Promise<string>;
  /** Resolves with the exit code (or the signal's name). */
  exited: Promise<number | string>;
  /** Signals the whole process group (npm → sh → tsx → node), which this helper started; `direct`: the hub's process alone. */
  kill(signal?: NodeJS.Signals): void;
  pid: number;
}

/** The environment of a child hub: this process's, without any hub setting that could leak in, plus `env`. */
export function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(HUB_|TW_|DATABASE_URL$)/.test(k) && !k.startsWith('VITEST')),
  );
  return { ...base, NODE_ENV: 'production', ...env };
}

/**
 * `npm run hub -- …args` as a real process (its own process group, so a kill reaches tsx's node
 * too). `direct`: the hub's node process itself, signalled alone (as a container's PID 1 is).
 */
export function spawnHub(env: Record<string, string>, args: string[] = [], { direct = false } = {}): HubChild {
  const child: ChildProcess = direct
    ? spawn(process.execPath, ['--import', 'tsx', 'hub/main.ts', ...args], { env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn('npm', ['run', '--silent', 'hub', ...(args.length ? ['--', ...args] : [])], {
        env: childEnv(env),
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
  const out: string[] = [];
  const err: string[] = [];
  const waiters = new Set<() => void>();
  const collect = (into: string[]) => {
    let rest = '';
    return (chunk: Buffer) => {
      const lines = (rest + chunk.toString('utf8')).split('\n');
      rest = lines.pop() ?? '';
      into.push(...lines);
      for (const w of waiters) w();
    };
  };
  child.stdout!.on('data', collect(out));
  child.stderr!.on('data', collect(err));
  let done = false;
  const exited = new Promise<number | string>((resolve) =>
    child.once('close', (code, signal) => {
      done = true;
      resolve(code ?? signal ?? -1);
      for (const w of waiters) w();
    }),
  );
  return {
    out,
    err,
    exited,
    pid: child.pid!,
    kill: (signal = 'SIGTERM') => {
      try {
        process.kill(direct ? child.pid! : -child.pid!, signal);
      } catch {
        // already gone
      }
    },
    waitFor: (pattern, ms = 30_000) =>
      new Promise<string>((resolve, reject) => {
        const timer = setTimeout(
          () => finish(new Error(`no line matching ${String(pattern)} within ${ms} ms; stderr: ${err.join(' | ')}`)),
          ms,
        );
        const finish = (error: Error | null, line?: string) => {
          clearTimeout(timer);
          waiters.delete(check);
          if (error) reject(error);
          else resolve(line!);
        };
        const check = () => {
          const line = out.find((l) => pattern.test(l));
          if (line !== undefined) finish(null, line);
          else if (done) finish(new Error(`exited before a line matching ${String(pattern)}; stderr: ${err.join(' | ')}`));
        };
        waiters.add(check);
        check();
      }),
  };
}

/** Runs `npm run hub -- …args` to its end. */
export async function runHub(
  env: Record<string, string>,
  args: string[] = [],
): Promise<{ code: number | string; out: string[]; err: string[] }> {
  const child = spawnHub(env, args);
  const code = await child.exited;
  return { code, out: child.out.filter(Boolean), err: child.err.filter(Boolean) };
}
