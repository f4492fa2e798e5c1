import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every file below `dir` (a browser profile, to look for secrets on disk). */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    const st = statSync(path, { throwIfNoEntry: false });
    if (!st) return [];
    return st.isDirectory() ? filesUnder(path) : st.isFile() ? [path] : [];
  });
}
