import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { E2E_EXTENSION_DIR, launchExtension } from './support/chromium';
import { ensureE2eBuild } from './support/e2e-build';

describe('a checkout at any depth', () => {
  it('launches Chromium with the extension from a folder 150 characters deep (Unix socket paths stop at 108 bytes)', async () => {
    ensureE2eBuild(E2E_EXTENSION_DIR);
    const root = join(tmpdir(), `tw-deep-${process.pid}`);
    const deep = join(root, 'a-person-s-clone-can-live-at-any-depth'.repeat(2), 'projects'.repeat(6), 'token-warden');
    mkdirSync(deep, { recursive: true });
    expect(deep.length).toBeGreaterThan(150);
    const cwd = process.cwd();
    process.chdir(deep);
    try {
      const ext = await launchExtension({ extensionDir: E2E_EXTENSION_DIR });
      try {
        const worker = await ext.worker();
        expect(await worker.evaluate(() => typeof chrome.runtime.id)).toBe('string');
      } finally {
        await ext.close();
      }
    } finally {
      process.chdir(cwd);
      rmSync(root, { recursive: true, force: true });
    }
  });
});
