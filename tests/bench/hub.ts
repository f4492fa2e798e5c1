import { serve, type ServerType } from '@hono/node-server';
import { AsyncLocalStorage } from 'node:async_hooks';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { createApp } from '../../hub/app';
import { loadConfig, type HubConfig } from '../../hub/config';
import { openDatabase, startEmbedded, type Database } from '../../hub/db/database';
import { silentLogger } from '../../hub/log';
import { hubFetch } from '../../hub/networks';
import { nodeFetch } from '../../hub/node-fetch';
import { enroll, invite } from '../../hub/store/members';
import { createServiceKey } from '../../hub/store/service-keys';
import { NETWORK_IDS } from '../../utils/networks/catalog';
import { rewriteUrl } from '../../utils/networks/endpoint';
import { adapterFor } from '../../utils/networks/index';
import { createPkce } from '../../utils/networks/pkce';
import type { Fetch } from '../../utils/networks/types';
import { childEnv } from '../hub/support/child';
import { EXTENSION_ID, hubEnv, SANDBOX_SECRET } from '../hub/support/env';
import { startSandboxChild, type SandboxChild } from '../hub/support/sandbox-child';
import { issueOverHttp, seedGrants } from '../hub/support/seed';

/**
 * `npm run bench`, hub section: the hub measured on a real PostgreSQL (embedded) against the
 * sandbox in a process of its own. Standalone: `tsx tests/bench/hub.ts` prints the rows as JSON.
 */
export interface HubRow {
  figure: string;
  value: number;
  unit: string;
  budget: number | null;
  floor: string;
}

const REDIRECT = `https://${EXTENSION_ID}.chromiumapp.org/`;
const GRANTS = 10_000;
const LATENCY_MS = 20;
const MB = 1024 * 1024;

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Rig {
  sandbox: SandboxChild;
  /** CPU seconds used so far by the sandbox process and by PostgreSQL (its server and every backend, live or finished); null off Linux. */
  cpu(): Promise<{ sandbox: number; postgres: number } | null>;
  freshDatabase(): Promise<string>;
  close(): Promise<void>;
}

async function startRig(): Promise<Rig> {
  const dir = await mkdtemp(join(tmpdir(), 'tw-bench-pg-'));
  const server = await startEmbedded(dir);
  const sandbox = await startSandboxChild();
  await control(sandbox.url, 'require-secret', { secret: SANDBOX_SECRET });
  let n = 0;
  return {
    sandbox,
    async cpu() {
      try {
        const postmaster = Number((await readFile(join(dir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]);
        const children = (await readFile(`/proc/${postmaster}/task/${postmaster}/children`, 'utf8')).split(' ').filter(Boolean);
        // Its finished backends are in its own figure; the live ones (the pool's) are counted one by one.
        const live = await Promise.all(children.map((pid) => cpuSeconds(Number(pid)).catch(() => 0)));
        return { sandbox: await cpuSeconds(sandbox.pid), postgres: (await cpuSeconds(postmaster)) + live.reduce((a, b) => a + b, 0) };
      } catch {
        return null;
      }
    },
    async freshDatabase() {
      const name = `bench_${process.pid}_${++n}`;
      const admin = new pg.Client({ connectionString: server.url });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      return server.url.replace(/\/postgres$/, `/${name}`);
    },
    async close() {
      await sandbox.close();
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Share of the last minute some task waited for a CPU (Linux PSI), in %: how busy the machine was. */
async function cpuPressure(): Promise<number> {
  const psi = await readFile('/proc/pressure/cpu', 'utf8').catch(() => '');
  return Number(/avg60=([\d.]+)/.exec(psi)?.[1] ?? NaN);
}

/** A process's CPU seconds from /proc (its own, and its reaped children's: a server's finished backends). */
async function cpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime, stime, cutime, cstime: fields 14 to 17 of proc(5), 12 to 15 after the name.
  return fields.slice(11, 15).reduce((sum, f) => sum + Number(f), 0) / 100;
}

async function control<T = unknown>(sandboxUrl: string, action: string, body: unknown): Promise<T> {
  return (await (await fetch(`${sandboxUrl}/_control/${action}`, { method: 'POST', body: JSON.stringify(body) })).json()) as T;
}

/** An authorization code for `accountId`'s Facebook login, as the OAuth window would bring back. */
async function facebookCode(sandboxUrl: string, accountId: string) {
  await control(sandboxUrl, 'login', { network: 'facebook', accountId });
  const pkce = await createPkce();
  const url = adapterFor('facebook')!.authorizeUrl({
    clientId: 'sandbox-app',
    redirectUri: REDIRECT,
    state: pkce.state,
    codeChallenge: pkce.challenge,
  });
  const res = await fetch(rewriteUrl(url, `${sandboxUrl}/facebook`), { redirect: 'manual' });
  const code = new URL(res.headers.get('location') ?? 'about:blank').searchParams.get('code');
  if (!code) throw new Error(`authorize: ${res.status}`);
  return { code, codeVerifier: pkce.verifier, redirectUri: REDIRECT };
}

/** The hub's API on a port, with every network call timed per request (AsyncLocalStorage). */
async function timedHub(db: Database, config: HubConfig) {
  const request = new AsyncLocalStorage<{ netMs: number }>();
  const timedFetch: Fetch = async (input, init) => {
    const t = performance.now();
    try {
      return await hubFetch(input, init);
    } finally {
      const s = request.getStore();
      if (s) s.netMs += performance.now() - t;
    }
  };
  const app = createApp({ pool: db.pool, config, log: silentLogger, now: Date.now, fetch: timedFetch });
  const samples: { route: string; totalMs: number; netMs: number }[] = [];
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve(
      {
        port: 0,
        hostname: '127.0.0.1',
        fetch: (req) => {
          const store = { netMs: 0 };
          const t = performance.now();
          return request.run(store, async () => {
            const res = await app.fetch(req);
            samples.push({ route: new URL(req.url).pathname, totalMs: performance.now() - t, netMs: store.netMs });
            return res;
          });
        },
      },
      () => resolve(s),
    );
  });
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return { url, samples, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** `hub/main.ts` in a process of its own (as `npm run hub` runs it), on `env`'s database; its URL once ready. */
async function hubProcess(env: Record<string, string>) {
  const prof = process.env.TW_BENCH_CPU_PROF;
  const child = spawn(process.execPath, [...(prof ? ['--cpu-prof', `--cpu-prof-dir=${prof}`] : []), '--import', 'tsx', 'hub/main.ts'], {
    env: childEnv(env),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((r) => child.once('exit', r));
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const ready = /^Token Warden hub ready at (\S+)$/.exec(line);
      if (ready) resolve(ready[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the hub exited (${code}) before it was ready`)));
  });
  return {
    url,
    pid: child.pid!,
    close: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** `hub;dur=…, network;dur=…` of an answer's Server-Timing header, in ms. */
function timingOf(header: string | null): { hub: number; network: number } | null {
  const m = /hub;dur=([\d.]+), network;dur=([\d.]+)/.exec(header ?? '');
  return m ? { hub: Number(m[1]), network: Number(m[2]) } : null;
}

/**
 * (a) The hub's own time per code exchange (its Server-Timing: handler time minus time inside
 * network calls), 50 at once, the hub in a process of its own (`npm run hub`; the 50 clients in
 * this one, as browsers are elsewhere). Every network call answers after `latencyMs` (20 ms, as
 * for the checks; real networks take longer): with none at all, 50 clients that send the next
 * exchange the moment one ends keep the two cores saturated, and the hub's own time becomes the
 * wait for a core.
 */
async function exchanges(rig: Rig, concurrency = 50, perWorker = 8, latencyMs = LATENCY_MS) {
  const env = hubEnv(rig.sandbox.url, await rig.freshDatabase(), { HUB_RATE_LIMIT: '100000' });
  const config = loadConfig(env);
  const db = await openDatabase(config.databaseUrl, '');
  const hub = await hubProcess(env);
  const workers = await Promise.all(
    Array.from({ length: concurrency }, async (_, w) => {
      const { code } = await invite(db.pool, `m${w}@bench.example`, 'manager', Date.now());
      const device = (await enroll(db.pool, code, `bench ${w}`, Date.now()))!.deviceKey;
      const account = await control<{ id: string }>(rig.sandbox.url, 'accounts', {
        network: 'facebook',
        name: `Bench ${w}`,
        pages: [{ id: String(900_000 + w), name: `Page ${w}` }],
      });
      return { device, accountId: account.id };
    }),
  );
  // Codes first (the sandbox picks who logs in globally): the timed part is the exchanges alone.
  const codes: Awaited<ReturnType<typeof facebookCode>>[][] = [];
  for (const w of workers) {
    const mine = [];
    for (let i = 0; i < perWorker; i++) mine.push(await facebookCode(rig.sandbox.url, w.accountId));
    codes.push(mine);
  }
  const failures: string[] = [];
  const timings: { hub: number; network: number }[] = [];
  await control(rig.sandbox.url, 'fault', { network: 'facebook', mode: 'none', latencyMs });
  const cpuBefore = { hub: await cpuSeconds(hub.pid), others: await rig.cpu() };
  const started = performance.now();
  await Promise.all(
    workers.map(async (w, i) => {
      for (const body of codes[i]!) {
        // node:http with keep-alive, as for token reads.
        const res = await nodeFetch(`${hub.url}/v1/exchange`, {
          method: 'POST',
          headers: { authorization: `Bearer ${w.device}`, 'content-type': 'application/json' },
          body: JSON.stringify({ network: 'facebook', ...body }),
        });
        const answer = (await res.json()) as { outcome?: string };
        if (answer.outcome !== 'connected' && answer.outcome !== 'renewed') failures.push(JSON.stringify(answer).slice(0, 200));
        const timing = timingOf(res.headers.get('server-timing'));
        if (timing) timings.push(timing);
        else failures.push('no Server-Timing');
      }
    }),
  );
  const wallMs = performance.now() - started;
  // CPU milliseconds per exchange: the hub's process, the sandbox, PostgreSQL.
  const hubAfter = await cpuSeconds(hub.pid);
  const others = await rig.cpu();
  const n = codes.flat().length;
  const cpuMs = {
    hub: ((hubAfter - cpuBefore.hub) * 1000) / n,
    sandbox: others && cpuBefore.others ? ((others.sandbox - cpuBefore.others.sandbox) * 1000) / n : NaN,
    postgres: others && cpuBefore.others ? ((others.postgres - cpuBefore.others.postgres) * 1000) / n : NaN,
  };
  await control(rig.sandbox.url, 'fault', { network: 'facebook', mode: 'none' });
  await hub.close();
  await db.close();
  if (failures.length > 0) throw new Error(`exchanges failed: ${failures[0]}`);
  const own = timings.map((t) => t.hub);
  return {
    n: own.length,
    p50: quantile(own, 0.5),
    p99: quantile(own, 0.99),
    netP50: quantile(
      timings.map((t) => t.network),
      0.5,
    ),
    perSecond: (n * 1000) / wallMs,
    cpuMs,
    pressure: await cpuPressure(),
  };
}

/** (b) Service-key token reads at a steady 200 requests per second, 10,000 profiles stored (client-side round trip). */
async function tokenReads(rig: Rig, perSecond = 200, seconds = 8) {
  const config = loadConfig(hubEnv(rig.sandbox.url, await rig.freshDatabase()));
  const db = await openDatabase(config.databaseUrl, '');
  const ids = await seedGrants(db.pool, config.secretKey, issueOverHttp(rig.sandbox.seedUrl), GRANTS, Date.now());
  await db.pool.query(
    `insert into profiles (id, network, native_id, kind, name, grant_id, created_at, change)
     select g.network || ':p' || i, g.network, 'p' || i, 'page', 'Profile ' || i, g.id, 0, 0
     from unnest($1::text[]) with ordinality as t(id, i) join grants g on g.id = t.id`,
    [ids],
  );
  const { key } = await createServiceKey(db.pool, 'bench', [...NETWORK_IDS], Date.now());
  const hub = await timedHub(db, config);
  const profiles = (await db.pool.query<{ network: string; native_id: string }>('select network, native_id from profiles')).rows;
  const latencies: number[] = [];
  const total = perSecond * seconds;
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  let failures = 0;
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / perSecond;
    if (due > performance.now()) await sleep(due - performance.now());
    const p = profiles[(i * 7919) % profiles.length]!;
    inFlight.push(
      (async () => {
        const t = performance.now();
        // node:http with keep-alive, as a publishing tool's client would: undici's fetch would cost
        // this process (which also serves) more CPU per request than the route itself.
        const res = await nodeFetch(`${hub.url}/v1/profiles/${p.network}/${p.native_id}/token`, {
          headers: { authorization: `Bearer ${key}` },
        });
        await res.arrayBuffer();
        if (res.status !== 200) failures++;
        latencies.push(performance.now() - t);
      })(),
    );
  }
  await Promise.all(inFlight);
  const achieved = total / ((performance.now() - started) / 1000);
  const serverSide = hub.samples.filter((s) => s.route.endsWith('/token')).map((s) => s.totalMs);
  await hub.close();
  await db.close();
  if (failures > 0) throw new Error(`${failures} token reads failed`);
  return {
    n: total,
    achieved,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    serverP50: quantile(serverSide, 0.5),
    pressure: await cpuPressure(),
  };
}

/** Starts `n` checker processes on one database, lets them go together, and waits for all. */
async function checkers(env: Record<string, string>, n: number) {
  const procs = Array.from({ length: n }, () =>
    spawn(
      process.execPath,
      [
        ...(process.env.TW_BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.TW_BENCH_CPU_PROF}`] : []),
        '--expose-gc',
        '--import',
        'tsx',
        'tests/bench/hub-checker.ts',
      ],
      {
        env: { ...process.env, ...env },
        stdio: ['pipe', 'pipe', 'inherit'],
      },
    ),
  );
  // Listened for from the start: a checker may exit before its answer is read.
  const exits = procs.map((p) => new Promise((r) => p.once('exit', r)));
  const lines = procs.map((p) => {
    const queue: string[] = [];
    const waiting: ((l: string) => void)[] = [];
    createInterface({ input: p.stdout }).on('line', (l) => {
      const waiter = waiting.shift();
      if (waiter) waiter(l);
      else queue.push(l);
    });
    return () => new Promise<string>((resolve) => (queue.length ? resolve(queue.shift()!) : waiting.push(resolve)));
  });
  await Promise.all(lines.map((next) => next()));
  const started = performance.now();
  for (const p of procs) p.stdin.write('go\n');
  const results = await Promise.all(
    lines.map(
      async (next) =>
        JSON.parse(await next()) as { checked: number; wallMs: number; cpuMs: number; rssBytes: number; heapUsedBytes: number },
    ),
  );
  const wallMs = performance.now() - started;
  await Promise.all(exits);
  return { wallMs, results };
}

/** (c) and (d): 10,000 grants checked at 20 ms of network latency by one hub process, then by two. */
async function checks(rig: Rig) {
  for (const network of NETWORK_IDS) await control(rig.sandbox.url, 'fault', { network, mode: 'none', latencyMs: LATENCY_MS });
  const runs = [];
  for (const processes of [1, 2]) {
    const env = hubEnv(rig.sandbox.url, await rig.freshDatabase());
    const config = loadConfig(env);
    const db = await openDatabase(config.databaseUrl, '', 4);
    await seedGrants(db.pool, config.secretKey, issueOverHttp(rig.sandbox.seedUrl), GRANTS, Date.now());
    const before = [...(await rig.sandbox.requests()).values()].reduce((a, b) => a + b, 0);
    const cpuBefore = await rig.cpu();
    const load = loadavg()[0]!;
    const run = await checkers(env, processes);
    const cpuAfter = await rig.cpu();
    const cpu = {
      hub: run.results.reduce((s, r) => s + r.cpuMs / 1000, 0),
      sandbox: cpuAfter && cpuBefore ? cpuAfter.sandbox - cpuBefore.sandbox : NaN,
      postgres: cpuAfter && cpuBefore ? cpuAfter.postgres - cpuBefore.postgres : NaN,
      load,
      pressure: await cpuPressure(),
    };
    const requests = [...(await rig.sandbox.requests()).values()].reduce((a, b) => a + b, 0) - before;
    const checked = (await db.pool.query<{ n: number }>('select count(*)::int as n from grants where last_check_at is not null')).rows[0]!
      .n;
    await db.close();
    runs.push({ processes, ...run, requests, checked, cpu, concurrency: config.checkConcurrency });
  }
  await control(rig.sandbox.url, 'fault', { network: 'facebook', mode: 'none' });
  return runs;
}

/** Where the CPU went during a check run (2 cores are 2 CPU-seconds a second), and the machine's load when it began. */
const cpuNote = (c: { hub: number; sandbox: number; postgres: number; load: number; pressure: number }) =>
  `CPU s: hub ${c.hub.toFixed(1)}, sandbox ${c.sandbox.toFixed(1)}, PostgreSQL ${c.postgres.toFixed(1)}; load average ${c.load.toFixed(1)}, CPU pressure ${c.pressure}%`;

export async function hubBench(): Promise<HubRow[]> {
  const rig = await startRig();
  try {
    const ex = await exchanges(rig);
    process.stderr.write(`hub bench: exchanges ${JSON.stringify(ex)}\n`);
    // The same exchanges one at a time: the hub's work per exchange without any queue.
    const alone = await exchanges(rig, 1, 40);
    process.stderr.write(`hub bench: exchanges one at a time ${JSON.stringify(alone)}\n`);
    const saturated = await exchanges(rig, 50, 8, 0);
    process.stderr.write(`hub bench: exchanges with no network latency ${JSON.stringify(saturated)}\n`);
    const reads = await tokenReads(rig);
    process.stderr.write(`hub bench: token reads ${JSON.stringify(reads)}\n`);
    const [one, two] = await checks(rig);
    process.stderr.write(`hub bench: checks ${JSON.stringify([one, two])}\n`);
    const perNetwork = Math.ceil(GRANTS / NETWORK_IDS.length);
    const floorMs = Math.ceil(perNetwork / one!.concurrency) * LATENCY_MS;
    const mem = one!.results[0]!;
    return [
      {
        figure: `Hub's own time per exchange (network excluded), 50 at once, p50`,
        value: ex.p50,
        unit: 'ms',
        budget: 5,
        floor: `${ex.n} Facebook exchanges, each network call ${LATENCY_MS} ms; network ${ex.netP50.toFixed(1)} ms p50 (not counted); CPU pressure ${ex.pressure}%`,
      },
      { figure: `Hub's own time per exchange, 50 at once, p99`, value: ex.p99, unit: 'ms', budget: 20, floor: '-' },
      {
        figure: `Hub's own time per exchange, one at a time, p50`,
        value: alone.p50,
        unit: 'ms',
        budget: null,
        floor: `p99 ${alone.p99.toFixed(1)} ms; ${alone.n} exchanges`,
      },
      {
        figure: `Hub's own time per exchange, 50 at once, no network latency at all (the 2 cores saturated), p50`,
        value: saturated.p50,
        unit: 'ms',
        budget: null,
        floor: `p99 ${saturated.p99.toFixed(1)} ms; network ${saturated.netP50.toFixed(1)} ms p50; CPU pressure ${saturated.pressure}%`,
      },
      {
        figure: `Token read by service key, ${reads.achieved.toFixed(0)} requests/s, 10,000 profiles, p50`,
        value: reads.p50,
        unit: 'ms',
        budget: 5,
        floor: `p99 ${reads.p99.toFixed(1)} ms; server-side p50 ${reads.serverP50.toFixed(1)} ms; ${reads.n} reads; CPU pressure ${reads.pressure}%`,
      },
      {
        figure: `Hub checks of 10,000 grants, one process (9 networks, 20 ms, ${one!.concurrency}/network) / floor`,
        value: one!.wallMs / floorMs,
        unit: '×',
        budget: 1.5,
        floor: `${one!.wallMs.toFixed(0)} ms vs ${floorMs} ms; ${one!.requests} requests, ${one!.checked} checked; ${cpuNote(one!.cpu)}`,
      },
      {
        figure: 'The same, two processes on one database / one process',
        value: two!.wallMs / one!.wallMs,
        unit: '×',
        budget: 0.6,
        floor: `${two!.wallMs.toFixed(0)} ms; ${two!.results.map((r) => r.checked).join(' + ')} checked; ${two!.requests} requests; ${cpuNote(two!.cpu)}`,
      },
      {
        figure: 'Hub process memory after checking 10,000 grants (RSS)',
        value: mem.rssBytes / MB,
        unit: 'MB',
        budget: null,
        floor: `JS heap ${(mem.heapUsedBytes / MB).toFixed(1)} MB after a GC`,
      },
    ];
  } finally {
    await rig.close();
  }
}

/** Prints rows as run.ts does (a Markdown table, or JSON); returns how many missed their budget. */
export function printRows(rows: HubRow[], json: boolean): number {
  if (json) console.log(JSON.stringify({ machine: `${cpus().length} cores, ${cpus()[0]?.model ?? ''}`, rows }, null, 2));
  else {
    console.log(`machine: ${cpus().length} cores, ${cpus()[0]?.model ?? ''}\n`);
    console.log('| figure | value | budget | measured |\n|---|---|---|---|');
    for (const r of rows) {
      const over = r.budget !== null && r.value > r.budget ? ' **over**' : '';
      console.log(`| ${r.figure} | ${r.value.toFixed(r.unit === '×' ? 2 : 1)} ${r.unit}${over} | ${r.budget ?? '-'} | ${r.floor} |`);
    }
  }
  return rows.filter((r) => r.budget !== null && r.value > r.budget).length;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // `tsx tests/bench/hub.ts [exchanges|reads|checks]`: one part alone, its raw figures.
  const part = process.argv[2] as 'exchanges' | 'exchanges1' | 'exchanges0' | 'reads' | 'checks' | undefined;
  if (part) {
    const rig = await startRig();
    const run = {
      exchanges,
      exchanges1: (r: Rig) => exchanges(r, 1, 40),
      exchanges0: (r: Rig) => exchanges(r, 50, 8, 0),
      reads: tokenReads,
      checks,
    }[part];
    console.log(JSON.stringify(await run(rig), null, 2));
    await rig.close();
  } else printRows(await hubBench(), false);
  process.exit(0);
}
