import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Import boundaries keep the structure visible: shared/ is pure, the renderer never reaches
// Node or SQLite, and the preload only bridges.
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'net', 'url', 'util', 'stream', 'worker_threads'];

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'dist/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/electron/**', '**/renderer/**', '**/test/**'], message: 'shared/ is pure: it imports nothing from electron/, renderer/ or test/.' },
            { group: [...nodeBuiltins, 'electron', 'react', 'react-dom', 'react/*', 'better-sqlite3', 'xlsx', 'recharts'], message: 'shared/ is pure: no Node, Electron, React, database or file libraries.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/electron/**', '**/test/**'], message: 'The renderer talks to the main process only through window.api.' },
            { group: [...nodeBuiltins, 'electron', 'better-sqlite3', 'xlsx'], message: 'The renderer never touches Node, Electron or SQLite.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['*', '!electron'], message: 'The preload imports only electron (and types).', allowTypeImports: true },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/db/**/*.ts', 'electron/services/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', '**/renderer/**', '**/main/**'], message: 'Services and repositories are plain functions over a database handle: no Electron, so the harness and tests run them in Node.' },
          ],
        },
      ],
    },
  },
);
