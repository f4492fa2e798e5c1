import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['entrypoints', 'components', 'utils', 'public', 'wxt.config.ts', 'package.json'];

function newestMtime(path: string): number {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

let checked = false;

/**
 * Builds the end-to-end variant (`wxt build --mode e2e`: the test hooks, 127.0.0.1 granted)
 * when it is missing or older than a source file, so `npx wxt build` + the e2e tests keep
 * working. The production build (`.output/chrome-mv3`) has no hook at all.
 */
export function ensureE2eBuild(dir: string): void {
  if (checked) return;
  checked = true;
  const built = newestMtime(join(dir, 'manifest.json'));
  if (built > 0 && built >= Math.max(...SOURCES.map(newestMtime))) return;
  execFileSync('npx', ['wxt', 'build', '--mode', 'e2e'], { stdio: 'ignore' });
}
