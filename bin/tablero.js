#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist-cli/ by `npm ci` (the prepare script).
'use strict';
require('../dist-cli/cli/main.js').main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`tablero: ${err && err.message ? err.message : String(err)}\n`); process.exitCode = 1; },
);
