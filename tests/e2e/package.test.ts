import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { E2E_EXTENSION_DIR, EXTENSION_DIR } from './support/chromium';
import { ensureE2eBuild } from './support/e2e-build';
import { pageScripts, sizes, SIZE_BUDGETS } from '../bench/sizes';
import { suspiciousStrings } from './support/secret-scan';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

/** Long random-looking strings that are allowed in the package, each with why. */
const ALLOWED = [
  // manifest.key: the PUBLIC half of the key that pins the unpacked extension id.
  /^MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA/,
];

const IMPLICIT = /response_type["'`]?\s*[:=,]\s*["'`]?(id_)?token\b/;

describe('The built package', () => {
  ensureE2eBuild(E2E_EXTENSION_DIR);
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>;

  it('asks only for alarms, notifications, storage and identity; network hosts are optional', () => {
    expect(manifest.permissions).toEqual(['alarms', 'notifications', 'storage', 'identity']);
    expect(manifest.host_permissions).toBeUndefined();
    const optional = manifest.optional_host_permissions as string[];
    // Network hosts, and for endpoint overrides any https host or plain http on loopback only.
    const override = ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*', 'http://[::1]/*'];
    expect(optional.filter((h) => !override.includes(h)).every((h) => /^https:\/\/[a-z0-9.-]+\/\*$/.test(h))).toBe(true);
    expect(optional.filter((h) => h.startsWith('http:'))).toEqual(override.slice(1));
    expect(optional).not.toContain('<all_urls>');
  });

  it('states its CSP (no remote code, no plugin, no <base>, never framed) and its minimum Chrome version', () => {
    expect(manifest.content_security_policy).toEqual({
      extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    });
    expect(manifest.minimum_chrome_version).toBe('120');
    for (const page of files(EXTENSION_DIR).filter((f) => f.endsWith('.html'))) {
      expect(readFileSync(page, 'utf8')).not.toMatch(/<script[^>]+src="https?:/);
    }
  });

  it('holds no test hook: no __tokenWarden… global in any script (the e2e build has them)', () => {
    for (const file of files(EXTENSION_DIR).filter((f) => f.endsWith('.js')))
      expect(readFileSync(file, 'utf8')).not.toContain('__tokenWarden');
    expect(readFileSync(join(E2E_EXTENSION_DIR, 'background.js'), 'utf8')).toContain('__tokenWardenReady');
  });

  it('holds no client secret and no high-entropy string outside the allow-list', () => {
    const suspicious: string[] = [];
    for (const file of files(EXTENSION_DIR).filter((f) => /\.(js|json|html)$/.test(f))) {
      const text = readFileSync(file, 'utf8');
      expect(text).not.toMatch(/client_secret["']?\s*[:=]\s*["'][A-Za-z0-9_-]{8,}/);
      for (const s of suspiciousStrings(text, ALLOWED)) suspicious.push(`${file}: ${s.slice(0, 12)}…`);
    }
    expect(suspicious).toEqual([]);
    // The detector works: the one allowed long key is flagged when not on the list, and so are a
    // 32-hex Meta app secret, a Google client secret and a TikTok-like secret, however quoted.
    expect(suspiciousStrings(JSON.stringify(manifest.key))).toHaveLength(1);
    const planted = [
      'const a="9f4c2e7b1d0a8e6f3b5c7d9e1f2a4b6c"',
      "appSecret:'0a1b2c3d4e5f60718293a4b5c6d7e8f9'",
      'secret:`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`',
    ];
    for (const code of planted) expect(suspiciousStrings(code)).toHaveLength(1);
    // …and lets pass what is not random: a run of one digit, a hex colour table, a word.
    expect(suspiciousStrings('"00000000000000000000000000000000" "abababababababababababababababab"')).toEqual([]);
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
