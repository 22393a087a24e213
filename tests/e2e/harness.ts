// What every Chromium test needs: the production build (made once, even when several test files start
// together), dist/ served on a free loopback port, and Debian's Chromium with the flags this network needs.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { AddressInfo, Server } from 'net';
import { chromium, type Browser } from 'playwright-core';
import { build, buildIsStale, serve } from '../../scripts/serve';

export const ROOT = path.join(__dirname, '..', '..');
export const DIST = path.join(ROOT, 'dist');
export const ARTIFACTS = path.join(ROOT, 'tests', 'artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];
/** One build at a time: jest may start several e2e files at once on a clean clone. */
const LOCK = path.join(os.tmpdir(), `tablero-build-${Buffer.from(ROOT).toString('hex').slice(-32)}.lock`);
const LOCK_STALE_MS = 15 * 60_000;

export interface Pane {
  readonly browser: Browser;
  readonly baseUrl: string;
  close(): Promise<void>;
}

async function buildOnce(): Promise<void> {
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
    } catch {
      // Another worker builds: wait for it, unless its lock was left behind by a killed run.
      const age = Date.now() - (fs.statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > LOCK_STALE_MS) fs.rmSync(LOCK, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 500));
      continue;
    }
    try {
      // CI runs `npm test` only: build here when dist/ is missing or older than its sources.
      if (buildIsStale()) build({ quiet: true });
      return;
    } finally {
      fs.rmSync(LOCK, { recursive: true, force: true });
    }
  }
}

export async function startPane(): Promise<Pane> {
  await buildOnce();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const server = (await serve(DIST, { port: 0 })) as unknown as Server;
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  return {
    browser,
    baseUrl,
    async close() {
      await browser.close();
      await new Promise((r) => server.close(r));
    },
  };
}
