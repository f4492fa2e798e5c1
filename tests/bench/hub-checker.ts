import { createInterface } from 'node:readline';
import { startChecks } from '../../hub/checks/runner';
import { loadConfig } from '../../hub/config';
import { openDatabase } from '../../hub/db/database';
import { silentLogger } from '../../hub/log';

/**
 * One hub process's checks, for the bench (`node --expose-gc --import tsx tests/bench/hub-checker.ts`,
 * configured by the hub's own environment variables): opens the database, prints "ready", waits
 * for a line on stdin, then runs check rounds until no grant is due and none is leased, and
 * prints one JSON line: how many it checked, how long it took, its CPU time, and its memory after the run
 * (after a garbage collection).
 */
const config = loadConfig();
const db = await openDatabase(config.databaseUrl, config.dataDir, 20);
const runner = startChecks(db.pool, config, silentLogger, { processId: `bench-${process.pid}`, autoStart: false });
process.stdout.write('ready\n');
await new Promise((resolve) => createInterface({ input: process.stdin }).once('line', resolve));

const started = performance.now();
const cpu = process.cpuUsage();
let checked = 0;
for (;;) {
  checked += await runner.runOnce();
  const { rows } = await db.pool.query<{ n: number }>(
    'select count(*)::int as n from grants where next_check_at <= $1 or leased_until is not null',
    [Date.now()],
  );
  if (rows[0]!.n === 0) break;
  // Another process still holds some: wait for its verdicts (or its leases to lapse).
  await new Promise((r) => setTimeout(r, 20));
}
const wallMs = performance.now() - started;
const used = process.cpuUsage(cpu);
const cpuMs = (used.user + used.system) / 1000;
(globalThis as { gc?: () => void }).gc?.();
const memory = process.memoryUsage();
process.stdout.write(`${JSON.stringify({ checked, wallMs, cpuMs, rssBytes: memory.rss, heapUsedBytes: memory.heapUsed })}\n`);
await runner.stop();
await db.close();
process.exit(0);
