// @vitest-environment node
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

/**
 * The import boundaries of ARCHITECTURE §3 are lint rules; these fixtures
 * prove each one reports a forbidden import (and lets the allowed form pass).
 * Type-aware rules are off here: the fixtures are virtual files.
 */
const eslint = new ESLint({ cwd: process.cwd(), overrideConfig: tseslint.configs.disableTypeChecked });

async function boundaryMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.message.includes('Boundary')).map((m) => `${m.ruleId}: ${m.message}`);
}

// ESLint with the TypeScript resolver takes seconds to start on a loaded machine: the first case pays for it.
describe('import boundaries are enforced by the linter', { timeout: 30_000 }, () => {
  it.each([
    [
      'utils/ imports a browser module',
      'utils/fixture.ts',
      "import { browser } from 'wxt/browser';\nexport const id = browser.runtime.id;",
      'no-restricted-imports',
    ],
    ['utils/ uses the chrome global', 'utils/fixture.ts', "export const f = () => chrome.alarms.clear('x');", 'no-restricted-globals'],
    ['utils/ uses the browser global', 'utils/networks/fixture.ts', 'export const f = () => browser.runtime.id;', 'no-restricted-globals'],
    ['utils/ calls fetch itself', 'utils/fixture.ts', "export const f = () => fetch('https://x');", 'no-restricted-globals'],
    ['utils/ imports Dexie', 'utils/fixture.ts', "import Dexie from 'dexie';\nexport const d = new Dexie('x');", 'no-restricted-imports'],
    [
      'utils/ imports a database value',
      'utils/fixture.ts',
      "import { WardenDb } from '@/utils/db/schema';\nexport const d = new WardenDb();",
      'no-restricted-imports',
    ],
    [
      'utils/ imports a type from utils/db/ (domain types live in utils/domain.ts)',
      'utils/fixture.ts',
      "import type { GrantRecord } from '@/utils/db/schema';\nexport const f = (g: GrantRecord) => g.id;",
      'no-restricted-imports',
    ],
    [
      'utils/ imports from entrypoints/',
      'utils/fixture.ts',
      "import { sharedDb } from '@/entrypoints/background/deps';\nexport const d = sharedDb;",
      'import-x/no-restricted-paths',
    ],
    [
      'utils/ imports from components/',
      'utils/fixture.ts',
      "import { Banner } from '@/components/Banner';\nexport const b = Banner;",
      'import-x/no-restricted-paths',
    ],
    ['components/ use a browser API', 'components/Fixture.tsx', 'export const f = () => chrome.runtime.id;', 'no-restricted-globals'],
    [
      'components/ import a browser module',
      'components/Fixture.tsx',
      "import { browser } from 'wxt/browser';\nexport const f = browser;",
      'no-restricted-imports',
    ],
    [
      'components/ import from entrypoints/',
      'components/Fixture.tsx',
      "import { createPopupModel } from '@/entrypoints/popup/model';\nexport const m = createPopupModel;",
      'import-x/no-restricted-paths',
    ],
    [
      'the background imports the hub',
      'entrypoints/background/fixture.ts',
      "import { hubFetch } from '../../hub/networks';\nexport const f = hubFetch;",
      'import-x/no-restricted-paths',
    ],
    [
      'the hub imports the background',
      'hub/fixture.ts',
      "import { pollGrants } from '../entrypoints/background/poll';\nexport const p = pollGrants;",
      'import-x/no-restricted-paths',
    ],
    [
      'the background writes a table itself',
      'entrypoints/background/fixture.ts',
      "export const f = (deps: { db: { profiles: { update(id: string, c: object): void } } }) => deps.db.profiles.update('x', {});",
      'no-restricted-syntax',
    ],
    [
      'the background opens a read-write transaction',
      'entrypoints/background/fixture.ts',
      "export const f = (db: { transaction(mode: string, t: unknown, fn: () => void): void }) => db.transaction('rw', null, () => undefined);",
      'no-restricted-syntax',
    ],
    [
      'the popup imports the background',
      'entrypoints/popup/fixture.ts',
      "import { pollGrants } from '@/entrypoints/background/poll';\nexport const p = pollGrants;",
      'import-x/no-restricted-paths',
    ],
    [
      'the popup imports Dexie',
      'entrypoints/popup/fixture.ts',
      "import Dexie from 'dexie';\nexport const d = new Dexie('x');",
      'no-restricted-imports',
    ],
    [
      'a page opens the database with Dexie',
      'entrypoints/options/fixture.ts',
      "import { WardenDb } from '@/utils/db/schema';\nexport const d = new WardenDb();",
      'no-restricted-imports',
    ],
    [
      'the background imports the options page',
      'entrypoints/background/fixture.ts',
      "import { createOptionsModel } from '../options/model';\nexport const m = createOptionsModel;",
      'import-x/no-restricted-paths',
    ],
    [
      'shipped code imports tests/',
      'entrypoints/background/fixture.ts',
      "import { startSandbox } from '../../tests/sandbox/server';\nexport const s = startSandbox;",
      'import-x/no-restricted-paths',
    ],
  ])('reports: %s', async (_, file, code, rule) => {
    const messages = await boundaryMessages(file, code);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.some((m) => m.startsWith(rule) || m.startsWith(`@typescript-eslint/${rule}`))).toBe(true);
  });

  it.each([
    [
      'utils/ imports its record types from utils/domain',
      'utils/fixture.ts',
      "import type { GrantRecord } from '@/utils/domain';\nexport type G = GrantRecord;",
    ],
    ['utils/db/ uses Dexie', 'utils/db/fixture.ts', "import Dexie from 'dexie';\nexport const d = new Dexie('x');"],
    [
      'a page imports its own model and components',
      'entrypoints/popup/fixture.ts',
      "import { createPopupModel } from './model';\nimport { Banner } from '@/components/Banner';\nexport const x = [createPopupModel, Banner];",
    ],
    [
      'a page reads through the page store and imports record types',
      'entrypoints/at-risk/fixture.ts',
      "import { openPageStore } from '@/utils/pages/page-store';\nimport type { GrantRecord } from '@/utils/db/schema';\nexport const s: [unknown, GrantRecord?] = [openPageStore];",
    ],
    [
      'the background uses the browser API',
      'entrypoints/background/fixture.ts',
      "import { browser } from 'wxt/browser';\nexport const id = browser.runtime.id;",
    ],
  ])('allows: %s', async (_, file, code) => {
    expect(await boundaryMessages(file, code)).toEqual([]);
  });
});
