import { existsSync, readFileSync } from 'node:fs';

/** SECURITY.md names, for each protection, the test that proves it: each of those must exist. */
describe('SECURITY.md', () => {
  const doc = readFileSync('SECURITY.md', 'utf8');
  const cited = [...doc.matchAll(/`(tests\/[^`]+\.test\.tsx?)` › “([^”]+)”/g)].map((m) => ({ file: m[1]!, name: m[2]! }));

  it('cites the tests that prove its protections, and every one exists under that name', () => {
    expect(cited.length).toBeGreaterThanOrEqual(30);
    const missing = cited.filter(({ file, name }) => {
      if (!existsSync(file)) return true;
      // Names are written as in the source (a \\ in the doc is the source's own escape).
      const source = readFileSync(file, 'utf8');
      return !source.includes(name) && !source.includes(name.replaceAll('\\\\', '\\'));
    });
    expect(missing).toEqual([]);
  });

  it('README says the fixed unpacked id is for development only and production apps register the store id', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toContain('**for development only**');
    expect(readme).toMatch(/with the \*\*store's id\*\* in production\s+OAuth apps, and only that one/);
  });
});

describe('page-only texts (kept out of the background bundle)', () => {
  it('French has every English string, with the same parameters', async () => {
    const { PAGE_TEXTS } = await import('@/utils/i18n/page-texts');
    const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(PAGE_TEXTS.en) as (keyof typeof PAGE_TEXTS.en)[]) {
      expect(PAGE_TEXTS.fr[key], key).toBeTruthy();
      expect(params(PAGE_TEXTS.fr[key]), key).toEqual(params(PAGE_TEXTS.en[key]));
    }
  });
});
