// Runs the CLI in-process with a fake terminal: what it printed, and its exit code.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { main } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/common';

export { ECUADOR_PLAN as ECUADOR, HONDURAS_MONITORING as HONDURAS } from '../fixtures';

export interface FakeTerminal extends CliIO {
  stdout: string;
  stderr: string;
}

export function fakeTerminal(today: string): FakeTerminal {
  const o: FakeTerminal = {
    stdout: '',
    stderr: '',
    out(s: string) {
      o.stdout += s.endsWith('\n') ? s : `${s}\n`;
    },
    err(s: string) {
      o.stderr += s.endsWith('\n') ? s : `${s}\n`;
    },
    today: () => today,
  };
  return o;
}

/** `tablero …argv` as the bin runs it (main() turns clean failures into a code and one stderr line). */
export function cliRunner(today: string) {
  return async (...argv: string[]) => {
    const x = fakeTerminal(today);
    const code = await main(argv, x);
    return { code, stdout: x.stdout, stderr: x.stderr };
  };
}

/** A temporary folder removed after the test file. */
export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
