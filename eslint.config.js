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
    // The model builder handles arrays as long as the model: spread into a call, one overflows the stack (80 sites did).
    files: ['shared/optimizer/model.ts', 'shared/optimizer/lp.ts', 'electron/backend/optimizer/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', { selector: 'CallExpression > SpreadElement', message: 'Loop instead: a spread of a model-sized array into a call overflows the stack.' }] },
  },
  {
    // Only electron/app and the preload may touch Electron.
    files: ['db/**/*.ts', 'electron/backend/**/*.ts', 'electron/web/**/*.ts', 'electron/cli/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { paths: ['electron'] }] },
  },
);
