// `npm run bench`: runs each benchmark in turn (or only those named: `npm run bench -- rollup`).
// Each bench module exports `async function (opts)` that prints its lines and returns `{ ok, … }`.
'use strict';

const path = require('node:path');
const { spawnSync } = require('node:child_process');

const BENCHES = {
  check: () => require('./bench-check.js'),
  rollup: () => require('./bench-rollup.js'),
  pane: () => require('./bench-pane.js'),
};

/** The benches time the compiled CLI modules (dist-cli/): compile them fresh first. */
function buildCli() {
  const tsc = path.join(__dirname, '..', 'node_modules', 'typescript', 'bin', 'tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', path.join(__dirname, '..', 'tsconfig.cli.json')], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('could not compile the CLI (tsc -p tsconfig.cli.json)');
}

async function main(names) {
  const chosen = names.length ? names : Object.keys(BENCHES);
  buildCli();
  let failed = false;
  for (const name of chosen) {
    const load = BENCHES[name];
    if (!load) {
      process.stderr.write(`bench: unknown benchmark "${name}" (known: ${Object.keys(BENCHES).join(', ')})\n`);
      process.exitCode = 2;
      return;
    }
    const result = await load()({});
    // A bench that returns ok: false missed a target; one that returns nothing only reports.
    if (result && result.ok === false) failed = true;
    process.stdout.write('\n');
  }
  if (failed) process.exitCode = 1;
}

main(process.argv.slice(2)).catch((e) => {
  process.stderr.write(`bench: ${e && e.message ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
