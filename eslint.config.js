// @ts-check
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Browser extension APIs, reached as globals or through a module. */
const BROWSER_MODULES = ['wxt/browser', 'webextension-polyfill', 'wxt/testing/fake-browser'];
const BROWSER_GLOBALS = ['browser', 'chrome'].map((name) => ({
  name,
  message: `Boundary (ARCHITECTURE §3.1/§2): no browser API here; the background and the pages own "${name}".`,
}));
const browserImports = (where) =>
  BROWSER_MODULES.map((name) => ({ name, message: `Boundary: ${where} imports no browser API (${name}).` }));

/** Zones for import-x/no-restricted-paths: `target` may not import from `from`. */
const ZONES = [
  { target: './utils', from: './entrypoints', message: 'Boundary: utils/ imports nothing from entrypoints/.' },
  { target: './utils', from: './components', message: 'Boundary: utils/ imports nothing from components/.' },
  { target: './components', from: './entrypoints', message: 'Boundary: components/ imports nothing from entrypoints/.' },
  ...['background', 'popup', 'options', 'at-risk'].map((entry) => ({
    target: `./entrypoints/${entry}`,
    from: './entrypoints',
    except: [`./${entry}`],
    message: 'Boundary: entrypoints never import each other (share through utils/ or components/).',
  })),
  { target: ['./entrypoints', './components', './utils'], from: './tests', message: 'Boundary: nothing ships code from tests/.' },
  {
    target: ['./entrypoints', './components', './utils'],
    from: './hub',
    message: 'Boundary: the extension imports nothing from hub/ (a server with secrets; it shares utils/ the other way round).',
  },
  {
    target: './hub',
    from: ['./entrypoints', './components'],
    message: 'Boundary: hub/ reuses the pure utils/ only, never the extension’s pages or background.',
  },
];

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', '.e2e-tmp/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['eslint.config.js'] }, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })] },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-unused-expressions': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      'import-x/no-restricted-paths': ['error', { zones: ZONES }],
      'import-x/no-cycle': 'error',
    },
  },
  {
    files: ['**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // Pure domain: no browser, no Dexie, nothing of utils/db/ (its record types live in utils/domain.ts).
    files: ['utils/**/*.{ts,tsx}'],
    ignores: ['utils/db/**', 'utils/pages/**'],
    rules: {
      'no-restricted-globals': ['error', ...BROWSER_GLOBALS, { name: 'fetch', message: 'Boundary: utils/ takes fetch as a parameter.' }],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [...browserImports('utils/'), { name: 'dexie', message: 'Boundary: utils/ (outside utils/db/) imports no Dexie.' }],
          patterns: [
            {
              group: ['**/db/*', '@/utils/db/*'],
              message: 'Boundary: pure utils/ imports nothing from utils/db/ (domain types live in utils/domain.ts).',
            },
          ],
        },
      ],
    },
  },
  {
    // Writes have one home: the background calls utils/db/*-writes.ts, it does not write tables itself.
    files: ['entrypoints/background/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...['db', 'deps.db'].flatMap((owner) => {
          const object = owner === 'db' ? "[callee.object.object.name='db']" : "[callee.object.object.property.name='db']";
          return [
            {
              selector: `CallExpression[callee.property.name=/^(put|add|bulkAdd|bulkPut|update|bulkUpdate|delete|bulkDelete|clear)$/]${object}`,
              message: 'Boundary: the background writes through utils/db/ (one home for writes), not to a table directly.',
            },
          ];
        }),
        {
          selector: "CallExpression[callee.property.name='modify']",
          message: 'Boundary: the background writes through utils/db/ (one home for writes), not to a table directly.',
        },
        {
          selector: "CallExpression[callee.property.name='transaction'][arguments.0.value='rw']",
          message: 'Boundary: read-write transactions live in utils/db/ (one home for writes).',
        },
      ],
    },
  },
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-globals': ['error', ...BROWSER_GLOBALS],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [...browserImports('components/'), { name: 'dexie', message: 'Boundary: components/ take data as props; no Dexie.' }] },
      ],
    },
  },
  {
    // Pages, and their read side in utils/pages/ (the page store, live queries, the list's model), read raw
    // IndexedDB: Dexie is 30 KB gzip the popup does not load, and the background's writers are not theirs.
    files: ['entrypoints/{popup,options,at-risk}/**/*.{ts,tsx}', 'utils/pages/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'dexie', message: 'Boundary: pages read with the page store; only the background loads Dexie.' }],
          patterns: [
            {
              group: ['**/db/schema', '**/db/announce-changes', '**/db/*-writes', '**/db/save-login', '**/db/vault', '**/db/poll-leases'],
              allowTypeImports: true,
              message: 'Boundary: pages import only types from the background side of utils/db/.',
            },
          ],
        },
      ],
    },
  },
  {
    // Tests and tooling talk to Chromium and Node freely; page.evaluate bodies use `chrome`.
    files: ['tests/**/*.{ts,tsx}', '*.config.{ts,js}'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
