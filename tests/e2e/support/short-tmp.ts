import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let dir: string | undefined;

/**
 * The browsers' TMPDIR: a short folder under the system's temporary directory, whatever the
 * depth of the checkout. Chromium puts its sockets there, and a Unix socket path stops at 108
 * bytes: under a deep checkout every launch failed ("Target.setDiscoverTargets: Target closed").
 */
export function shortTmpDir(): string {
  if (!dir) {
    const made = mkdtempSync(join(tmpdir(), 'tw-'));
    dir = made;
    process.once('exit', () => rmSync(made, { recursive: true, force: true }));
  }
  return dir;
}
