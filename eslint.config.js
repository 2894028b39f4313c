import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'docs/**', '.scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty-pattern': 'off',
    },
  },
  {
    files: ['build/**/*.mjs', 'build/**/*.cjs'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly' } },
  },
  {
    files: ['tests/support/**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'readonly', process: 'readonly', console: 'readonly', setImmediate: 'readonly', Request: 'readonly', URL: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // shared/ is pure: used by the renderer and the backend alike.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:*', 'electron', 'react', 'react-dom', 'better-sqlite3', '../../db/*', '../../electron/*', '../../renderer/*'] }],
    },
  },
  {
    // Every layer of the app handles lists as long as the fleet or the file read: spread into a call, one overflows the stack
    // (the optimizer's model at 80 sites, a batch rotating 150,000 units, a 200,000-model catalog, a selection of a
    // hall's 150,000 units). Literal spreads ([...a, ...b]) build an array without the stack, so they stay.
    files: ['shared/**/*.ts', 'db/**/*.ts', 'electron/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': ['error', { selector: ':matches(CallExpression, NewExpression) > SpreadElement', message: 'Loop instead (appendAll, largest, smallest in shared/arrays.ts): a spread of a data-sized array into a call overflows the stack.' }],
    },
  },
  {
    // Only electron/app and the preload may touch Electron.
    files: ['db/**/*.ts', 'electron/backend/**/*.ts', 'electron/web/**/*.ts', 'electron/cli/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { paths: ['electron'] }] },
  },
);
