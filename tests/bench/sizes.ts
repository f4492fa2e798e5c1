import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const gz = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

/** Gzip size of every script a page loads (its module and the chunks it preloads). */
export function pageJsGzip(dir: string, page: string): number {
  const html = readFileSync(join(dir, page), 'utf8');
  const scripts = [...html.matchAll(/(?:src|href)="\/([^"]+\.js)"/g)].map((m) => m[1]!);
  return scripts.reduce((sum, file) => sum + gz(join(dir, file)), 0);
}

export function sizes(dir: string, zip: string | null) {
  return {
    popupJsGzip: pageJsGzip(dir, 'popup.html'),
    backgroundGzip: gz(join(dir, 'background.js')),
    zipBytes: zip ? statSync(zip).size : null,
  };
}
