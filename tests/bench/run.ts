import { execSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { PER_NETWORK_CONCURRENCY } from '../../entrypoints/background/poll';
import { coldStart, popupReady, pollHeap, pollRun } from './browser';
import { hubBench, printRows } from './hub';
import { firstSync } from './hub-sync';
import { plannerMs, requestsPerDay } from './planner';
import { sizes, SIZE_BUDGETS } from './sizes';

/**
 * `npm run bench`: measures the production build in headless Chromium against the sandbox and
 * prints one table (`--json` for JSON), the hub's section last (hub.ts; `--hub` for it alone: no
 * build, no browser). `--check` exits non-zero when a budget is missed.
 */
const args = new Set(process.argv.slice(2));
if (args.has('--hub')) {
  const missed = printRows([...(await hubBench()), await firstSync()], args.has('--json'));
  process.exit(args.has('--check') && missed > 0 ? 1 : 0);
}
const KB = 1024;

execSync('TW_STORE=1 npx wxt zip', { stdio: 'ignore' });
const zip = readdirSync('.output').find((f) => f.endsWith('-chrome.zip'));
execSync('npx wxt build', { stdio: 'ignore' });
const size = sizes(resolve('.output/chrome-mv3'), zip ? resolve('.output', zip) : null);
const p1k = await popupReady(1000);
const p10k = await popupReady(10_000);
const poll = await pollRun(1000, 20);
const perNetwork = Math.ceil(poll.grants / 9);
const floorMs = Math.ceil(perNetwork / PER_NETWORK_CONCURRENCY) * 20;
const cold = await coldStart(1000);
const heap = await pollHeap(10_000);
const MB = 1024 * 1024;

type Row = { figure: string; value: number; unit: string; budget: number | null; floor: string };
const rows: Row[] = [
  {
    figure: 'Popup ready, 1,000 profiles / blank page',
    value: p1k.popupMs / p1k.blankMs,
    unit: '×',
    budget: 1.5,
    floor: `${p1k.popupMs.toFixed(0)} ms vs ${p1k.blankMs.toFixed(0)} ms`,
  },
  {
    figure: 'Popup ready, 10,000 profiles / blank page',
    value: p10k.popupMs / p10k.blankMs,
    unit: '×',
    budget: 2,
    floor: `${p10k.popupMs.toFixed(0)} ms vs ${p10k.blankMs.toFixed(0)} ms`,
  },
  {
    figure: `Poll of ${poll.grants.toLocaleString('en')} grants (9 networks, 20 ms, ${PER_NETWORK_CONCURRENCY}/network) / floor`,
    value: poll.wallMs / floorMs,
    unit: '×',
    budget: 1.5,
    floor: `${poll.wallMs.toFixed(0)} ms vs ${floorMs} ms`,
  },
  {
    figure: 'Requests sent in that poll, per grant',
    value: poll.requests / poll.grants,
    unit: '',
    budget: 1,
    floor: `${poll.requests} requests for ${poll.checked} grants checked`,
  },
  {
    figure: 'IndexedDB write transactions in that poll, per 50 grants',
    value: (poll.writeTransactions / poll.grants) * 50,
    unit: '',
    budget: 1,
    floor: `${poll.writeTransactions} transactions`,
  },
  {
    figure: 'Service worker cold start to badge, 1,000 grants (from worker start)',
    value: cold.fromWorkerStartMs,
    unit: 'ms',
    budget: 150,
    floor: `${cold.fromAlarmMs.toFixed(0)} ms from the alarm's scheduled time`,
  },
  {
    figure: `Service worker JS heap after a poll of ${heap.grants.toLocaleString('en')} grants`,
    value: heap.afterBytes / MB,
    unit: 'MB',
    budget: null,
    floor: `${(heap.beforeBytes / MB).toFixed(1)} MB before; poll took ${(heap.wallMs / 1000).toFixed(1)} s`,
  },
  { figure: 'Reminder planning, 10,000 grants (Node)', value: plannerMs(10_000), unit: 'ms', budget: 20, floor: '-' },
  {
    figure: 'Popup JavaScript (gzip, all chunks it loads)',
    value: size.popupJsGzip / KB,
    unit: 'KB',
    budget: SIZE_BUDGETS.popupJsGzip / KB,
    floor: '-',
  },
  { figure: 'Background (gzip)', value: size.backgroundGzip / KB, unit: 'KB', budget: SIZE_BUDGETS.backgroundGzip / KB, floor: '-' },
  { figure: 'Store zip', value: (size.zipBytes ?? 0) / KB, unit: 'KB', budget: SIZE_BUDGETS.zipBytes / KB, floor: '-' },
  ...[200, 30, 7, 2, 1].map((d) => ({
    figure: `Requests per grant per day, ${d} days from expiry`,
    value: requestsPerDay(d),
    unit: '',
    budget: null,
    floor: '-',
  })),
  ...(await hubBench()),
  await firstSync(),
];

if (args.has('--json')) console.log(JSON.stringify({ machine: `${cpus().length} cores, ${cpus()[0]?.model ?? ''}`, rows }, null, 2));
else {
  console.log(`machine: ${cpus().length} cores, ${cpus()[0]?.model ?? ''}\n`);
  console.log('| figure | value | budget | measured |\n|---|---|---|---|');
  for (const r of rows) {
    const over = r.budget !== null && r.value > r.budget ? ' **over**' : '';
    console.log(
      `| ${r.figure} | ${r.value.toFixed(r.unit === 'KB' || r.unit === '×' || r.unit === '' ? 2 : 1)} ${r.unit}${over} | ${r.budget ?? '-'} | ${r.floor} |`,
    );
  }
}
const missed = rows.filter((r) => r.budget !== null && r.value > r.budget);
if (args.has('--check') && missed.length > 0) process.exit(1);
