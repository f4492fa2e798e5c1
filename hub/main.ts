import { rmSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCommand } from './cli/commands';
import { ConfigError, loadConfig } from './config';
import { openDatabase, signalsHandledByCaller } from './db/database';
import { jsonLogger } from './log';
import { serveHub } from './serve';
import { openForCommand } from './cli/open-for-command';

/** `npm run hub` serves; `npm run hub -- <command> …` manages members, devices and keys (see cli/commands.ts). */
async function main(argv: string[]): Promise<number> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Token Warden hub: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  if (argv.length > 0) {
    const db = await openForCommand(config);
    try {
      return await runCommand(db.pool, argv, (line) => process.stdout.write(`${line}\n`), Date.now(), config.secretKey);
    } finally {
      await db.close();
    }
  }
  const log = jsonLogger();
  const db = await openDatabase(config.databaseUrl, config.dataDir);
  log.info('database ready', { migrationsApplied: db.migrated?.join(',') || 'none' });
  const hub = await serveHub(db, config, log).catch(async (error: unknown) => {
    await db.close(); // its embedded server too: nothing is left running
    throw error;
  });
  // Commands run while an embedded database is served reach it through this file (readable by its owner only).
  const urlFile = join(config.dataDir, 'db-url');
  if (!config.databaseUrl) {
    await mkdir(config.dataDir, { recursive: true });
    await writeFile(urlFile, db.url, { mode: 0o600 });
    // The file naming that server goes on any exit (a crash too), not only after `stop` below.
    process.once('exit', () => rmSync(urlFile, { force: true }));
  }
  process.stdout.write(`Token Warden hub ready at ${hub.url}\n`);
  // In order: no new request, the ones in flight answered (they may still need the database),
  // the checks stopped, then the pool and the embedded server.
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await hub.close();
      await db.close();
      if (!config.databaseUrl) await rm(urlFile, { force: true });
      process.exit(0);
    })());
  // Kept for every signal: a second one (tsx passes on what the process group already got) waits
  // for the same stop rather than cutting it short; SIGKILL remains for a hub that hangs.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop());
  signalsHandledByCaller();
  return new Promise<number>(() => undefined);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`Token Warden hub: ${error instanceof Error ? error.message : 'failed to start'}\n`);
    process.exit(1);
  },
);
