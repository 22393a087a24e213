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
    // Plain scripts of the pane run in the browser.
    files: ['src/taskpane/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
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
          { group: ['**/hosts/**', '**/taskpane/**', '**/commands/**', '**/cli/**', '**/workflow/**'], message: 'src/core must not import its callers.' },
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'Office', 'Excel', 'process', 'require'],
    },
  },
  // Walls between the other layers. Each block lists what its files must not import; anything else in
  // src/ is allowed (core, and the host interfaces hosts/host.ts and hosts/pane-host.ts, are for all).
  ...walls({
    // Hosts are adapters: none imports the pane, the ribbon, the CLI or the workflow above it, nor
    // another host — except hosts/shared/ (pure Excel helpers any host may use) and, for the browser
    // host, hosts/xlsx/ (the .xlsx package layer the browser's in-memory workbook stands on).
    'src/hosts/*.ts': ['hosts/office', 'hosts/xlsx', 'hosts/browser', 'hosts/shared'],
    'src/hosts/shared/**': ['hosts/office', 'hosts/xlsx', 'hosts/browser'],
    'src/hosts/office/**': ['hosts/xlsx', 'hosts/browser'],
    'src/hosts/xlsx/**': ['hosts/office', 'hosts/browser'],
    'src/hosts/browser/**': ['hosts/office'],
    // The workflow (check, refresh) is host-neutral: the host interfaces only.
    'src/workflow/**': ['hosts/office', 'hosts/xlsx', 'hosts/browser', 'hosts/shared'],
    // The ribbon runs in Excel: the Office host and the workflow, never the file layers.
    'src/commands/**': ['hosts/xlsx', 'hosts/browser'],
    // The CLI reads files: the .xlsx layer, never Office or the browser.
    'src/cli/**': ['hosts/office', 'hosts/browser'],
    'src/taskpane/**': [],
  }),
);

/** How an import of src/<dir> can be spelled: through any path, or relative from a sibling host folder. */
function importSpellings(dir) {
  const out = [`**/${dir}`, `**/${dir}/**`];
  const host = /^hosts\/(\w+)$/.exec(dir);
  if (host) out.push(`../${host[1]}`, `../${host[1]}/**`, `./${host[1]}`, `./${host[1]}/**`);
  return out;
}

/** no-restricted-imports for each folder: its forbidden folders, plus the layers above every host. */
function walls(spec) {
  const above = { 'src/hosts/': ['taskpane', 'commands', 'cli', 'workflow'], 'src/workflow/': ['taskpane', 'commands', 'cli'],
    'src/commands/': ['taskpane', 'cli'], 'src/cli/': ['taskpane', 'commands'], 'src/taskpane/': ['commands', 'cli'] };
  return Object.entries(spec).map(([files, own]) => {
    const layer = Object.keys(above).find((k) => files.startsWith(k)) ?? '';
    const forbidden = [...own, ...(above[layer] ?? [])];
    return {
      files: [files],
      rules: {
        'no-restricted-imports': ['error', {
          patterns: forbidden.map((dir) => ({
            group: importSpellings(dir),
            message: `${files} must not import src/${dir} (see the walls in eslint.config.js).`,
          })),
        }],
      },
    };
  });
}
