// @vitest-environment node
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { en } from '@/utils/i18n/en';
import { OPTIONS_TEXTS } from '@/utils/i18n/options-texts';
import { PAGE_TEXTS } from '@/utils/i18n/page-texts';
import { VIEW_TEXTS } from '@/utils/i18n/view-texts';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !path.includes(join('utils', 'i18n')) ? [path] : [];
  });
}

/** Keys built at run time: `hub.role.${role}`, a checklist step's `setup.ok.${step}`. */
const DYNAMIC_PREFIXES = ['hub.role.', 'setup.ok.', 'setup.fail.'];

describe('every text is used', () => {
  const code = ['entrypoints', 'components', 'utils']
    .flatMap(sources)
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
  const used = (key: string) => {
    // A plural's base (`tn('key', n)`), a connect's variant (`${key}Connect`).
    const base = key.replace(/_(one|other)$/, '').replace(/Connect$/, '');
    return code.includes(`'${key}'`) || code.includes(`'${base}'`) || DYNAMIC_PREFIXES.some((p) => key.startsWith(p) && code.includes(p));
  };

  it.each([
    ['the shared dictionary', Object.keys(en)],
    ['the pages’ dictionary', Object.keys(PAGE_TEXTS.en)],
    ['the list’s dictionary', Object.keys(VIEW_TEXTS.en)],
    ['the options dictionary', Object.keys(OPTIONS_TEXTS.en)],
  ])('%s holds no text that no code says', (_, keys) => {
    expect(keys.filter((k) => !used(k))).toEqual([]);
  });
});
