import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR } from './support/chromium';
import { pageScripts, sizes, SIZE_BUDGETS } from '../bench/sizes';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

/** Shannon entropy in bits per character. */
function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts.values()].reduce((h, n) => h - (n / s.length) * Math.log2(n / s.length), 0);
}

/** Long random-looking strings that are allowed in the package, each with why. */
const ALLOWED = [
  // manifest.key: the PUBLIC half of the key that pins the unpacked extension id.
  /^MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA/,
];

const IMPLICIT = /response_type["'`]?\s*[:=,]\s*["'`]?(id_)?token\b/;

describe('The built package', () => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>;

  it('asks only for alarms, notifications, storage and identity; network hosts are optional', () => {
    expect(manifest.permissions).toEqual(['alarms', 'notifications', 'storage', 'identity']);
    expect(manifest.host_permissions).toBeUndefined();
    const optional = manifest.optional_host_permissions as string[];
    expect(optional.every((h) => /^https:\/\/[a-z0-9.-]+\/\*$/.test(h))).toBe(true);
    expect(optional).not.toContain('<all_urls>');
  });

  it('allows no remote code: no CSP override, no remote script in any page', () => {
    expect(manifest.content_security_policy).toBeUndefined(); // MV3 default: script-src 'self'
    for (const page of files(EXTENSION_DIR).filter((f) => f.endsWith('.html'))) {
      expect(readFileSync(page, 'utf8')).not.toMatch(/<script[^>]+src="https?:/);
    }
  });

  it('holds no client secret and no high-entropy string outside the allow-list', () => {
    const suspicious: string[] = [];
    for (const file of files(EXTENSION_DIR).filter((f) => /\.(js|json|html)$/.test(f))) {
      const text = readFileSync(file, 'utf8');
      expect(text).not.toMatch(/client_secret["']?\s*[:=]\s*["'][A-Za-z0-9_-]{8,}/);
      for (const m of text.matchAll(/["'`]([A-Za-z0-9+/_=-]{32,})["'`]/g)) {
        const s = m[1]!;
        if (entropy(s) > 4.5 && !ALLOWED.some((a) => a.test(s))) suspicious.push(`${file}: ${s.slice(0, 12)}…`);
      }
    }
    expect(suspicious).toEqual([]);
    // The detector works: the one allowed long key is flagged when not on the list.
    const key = JSON.stringify(manifest.key);
    expect([...key.matchAll(/["'`]([A-Za-z0-9+/_=-]{32,})["'`]/g)].filter((m) => entropy(m[1]!) > 4.5)).toHaveLength(1);
  });

  it('stays within the size budgets: popup JS ≤ 50 KB gzip (every chunk it loads), background ≤ 70 KB, zip ≤ 200 KB', () => {
    const measured = sizes(EXTENSION_DIR, null);
    expect(measured.popupJsGzip).toBeLessThanOrEqual(SIZE_BUDGETS.popupJsGzip);
    expect(measured.backgroundGzip).toBeLessThanOrEqual(SIZE_BUDGETS.backgroundGzip);
    expect(measured.zipBytes).toBeLessThanOrEqual(SIZE_BUDGETS.zipBytes);
  });

  it('has no implicit OAuth flow anywhere: no response_type=token in any script', () => {
    for (const file of files(EXTENSION_DIR).filter((f) => f.endsWith('.js'))) {
      expect(readFileSync(file, 'utf8')).not.toMatch(IMPLICIT);
    }
    // The detector works on the minified forms of an implicit request, and lets the code flow pass.
    for (const bad of ['response_type:`token`', 'response_type=token', '"response_type":"id_token"']) expect(bad).toMatch(IMPLICIT);
    expect('response_type:`code`').not.toMatch(IMPLICIT);
  });

  it('keeps Dexie out of the pages: they read IndexedDB through the small page store', () => {
    for (const page of ['popup.html', 'options.html', 'at-risk.html']) {
      const code = pageScripts(EXTENSION_DIR, page).map((f) => readFileSync(join(EXTENSION_DIR, f), 'utf8'));
      expect(code.length).toBeGreaterThan(0);
      // A string only Dexie's own source holds.
      expect(code.join('\n')).not.toContain('storagemutated');
    }
    expect(readFileSync(join(EXTENSION_DIR, 'background.js'), 'utf8')).toContain('storagemutated');
  });
});
