// @ts-check
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const globals = require('globals');

module.exports = tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'dist-cli/', 'coverage/', 'tests/artifacts/', 'bench-out/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.js'],
    languageOptions: { globals: { ...globals.node }, sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The engine is pure: it runs in Excel, in a plain browser and in Node alike.
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['react', 'react-*', 'react/*', '@fluentui/*'], message: 'src/core must not depend on the UI.' },
          { group: ['office-js', '@microsoft/office-js', '@types/office-js', 'office-addin-*'], message: 'src/core must not depend on Office.' },
          { group: ['fs', 'fs/*', 'node:*', 'path', 'os', 'child_process', 'fflate', 'exceljs', 'xlsx'], message: 'src/core must not read files: hosts do.' },
          { group: ['**/hosts/**', '**/taskpane/**', '**/commands/**', '**/cli/**'], message: 'src/core must not import its callers.' },
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'Office', 'Excel', 'process', 'require'],
    },
  },
);
