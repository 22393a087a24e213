#!/usr/bin/env node
// Why: the registries reachable here omit some platform-only optional packages (e.g. jest 30's
// @unrs/resolver-binding-win32-*), so `npm install` leaves them out of package-lock.json and `npm ci`
// then refuses the lock as out of sync. This adds a lock entry for each missing optional package,
// restricted to its platform, so npm ci skips it on Linux without fetching. Run after `npm install`.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const LOCK = path.join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(LOCK, 'utf8'));
const pkgs = lock.packages;

const OS = ['android', 'darwin', 'freebsd', 'linux', 'win32', 'openharmony', 'openbsd', 'netbsd', 'sunos', 'aix'];
const CPU = ['arm64', 'arm', 'x64', 'ia32', 'loong64', 'ppc64', 'riscv64', 's390x', 'wasm32'];

/** "@unrs/resolver-binding-linux-arm-gnueabihf" → { os: ["linux"], cpu: ["arm"] }: a platform that is not this one. */
function platformOf(name) {
  const parts = name.split(/[/-]/);
  const os = OS.find((o) => parts.includes(o));
  const cpu = CPU.find((c) => parts.includes(c));
  return { os: [os ?? 'none'], cpu: [cpu ?? 'none'] };
}

let added = 0;
for (const [where, meta] of Object.entries(pkgs)) {
  for (const [dep, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const nested = `${where ? `${where}/` : ''}node_modules/${dep}`;
    const hoisted = `node_modules/${dep}`;
    if (pkgs[nested] || pkgs[hoisted]) continue;
    const { os, cpu } = platformOf(dep);
    pkgs[hoisted] = { version, ...(meta.dev ? { dev: true } : {}), optional: true, os, cpu };
    added++;
  }
}
fs.writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`lock-optional-stubs: ${added} platform-only optional package(s) recorded`);
