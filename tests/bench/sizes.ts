import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { deflateRawSync, gzipSync } from 'node:zlib';

const gz = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

/** The chunks a module imports (statically or with import()), as paths inside the package. */
function importsOf(dir: string, file: string): string[] {
  const code = readFileSync(join(dir, file), 'utf8');
  return [...code.matchAll(/(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+\.js|\/[^"]+\.js)"/g)].map((m) =>
    m[1]!.startsWith('/') ? m[1]!.slice(1) : posix.join(posix.dirname(file), m[1]!),
  );
}

/** Every script a page loads: its module, the chunks it preloads, and all they import, each once. */
export function pageScripts(dir: string, page: string): string[] {
  const html = readFileSync(join(dir, page), 'utf8');
  const queue = [...html.matchAll(/(?:src|href)="\/([^"]+\.js)"/g)].map((m) => m[1]!);
  const seen = new Set<string>();
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...importsOf(dir, file));
  }
  return [...seen];
}

export function pageJsGzip(dir: string, page: string): number {
  return pageScripts(dir, page).reduce((sum, file) => sum + gz(join(dir, file)), 0);
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

/**
 * The size of a zip of `dir` as zip tools write it: per file a local header (30 B + name),
 * the deflated (or stored) data and a central-directory entry (46 B + name), then 22 B.
 */
export function zipSizeOf(dir: string): number {
  return (
    files(dir).reduce((sum, path) => {
      const name = relative(dir, path);
      const data = readFileSync(path);
      return sum + 76 + 2 * Buffer.byteLength(name) + Math.min(deflateRawSync(data, { level: 9 }).length, data.length);
    }, 0) + 22
  );
}

export function sizes(dir: string, zip: string | null) {
  return {
    popupJsGzip: pageJsGzip(dir, 'popup.html'),
    backgroundGzip: gz(join(dir, 'background.js')),
    zipBytes: zip ? statSync(zip).size : zipSizeOf(dir),
  };
}

/** Package budgets (issue #6), in bytes: checked by the e2e package test and printed by the bench. */
export const SIZE_BUDGETS = { popupJsGzip: 50 * 1024, backgroundGzip: 70 * 1024, zipBytes: 200 * 1024 } as const;
