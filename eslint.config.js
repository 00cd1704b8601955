// Lint and the layering rules (STYLE.md): a wrong import between layers fails the lint, not a review.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const IO_MODULES = [
  'better-sqlite3', 'electron', 'electron-log', 'electron-log/node', 'node-schedule', 'undici', 'nodemailer',
  'fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'http', 'node:http', 'https', 'node:https', 'net', 'node:net',
  'child_process', 'node:child_process', 'worker_threads', 'node:worker_threads',
];

/** Pure rule code: plain data in, plain data out; nothing that touches disk, network or clock. */
const PURE = ['main/shared/**', 'main/campaigns/rules/**', 'main/monitors/transforms/**', 'main/shadow/diff/**'];
/** Pure modules of I/O folders that rule code may use (typed card rows and value parsing). */
const PURE_FILES = ['main/sources/rows.ts', 'main/sources/values.ts', 'main/sources/card-result.ts', 'main/sources/types.ts', 'main/sources/source-ref.ts'];
const PURE_IMPORTS_ALLOWED = ['!**/sources/rows.js', '!**/sources/values.js', '!**/sources/card-result.js', '!**/sources/types.js', '!**/sources/source-ref.js'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'bench/results.json', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['main/app/**', 'preload/**', 'test/fakes/electron/**', 'test/unit/app/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only main/app/ (and preload/) may import electron.' }] }],
    },
  },
  {
    files: PURE.map((p) => `${p}.ts`).concat(PURE, PURE_FILES),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: IO_MODULES.map((name) => ({ name, message: 'Pure rule code does no I/O: take data in, return data.' })),
          patterns: [
            {
              group: ['**/db/*', '**/logging/*', '**/outbox/*', '**/channels/*', '**/sources/*', '**/sources/**', '**/core/*', ...PURE_IMPORTS_ALLOWED],
              message: 'Pure rule code does no I/O.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks to the core only through the API client.' }],
          patterns: [{ regex: '^(\\.\\./)+main/(?!api/contract/)', message: 'The renderer imports only the API contract from main/.' }],
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'bin/**/*.mjs', 'test/fixtures-app/**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
);
