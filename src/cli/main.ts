// The `tablero` command: dispatches to check, rollup and export; turns every failure into one line.
import { isoFromLocalDate } from '../core/dates';
import { catalogue } from '../core/i18n';
import { runCheck } from './check';
import { CliExit, endQuietlyOnBrokenPipe, EXIT_OK, EXIT_USAGE, guessLang, type CliIO } from './common';

export { guessLang };

type Command = (argv: readonly string[], io: CliIO) => Promise<number>;

/** Commands by name; each parses its own options. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  check: async () => runCheck,
  rollup: async () => (await import('./rollup')).runRollup,
  export: async () => (await import('./export')).runExport,
};

export function nodeIO(): CliIO {
  endQuietlyOnBrokenPipe(process.stdout);
  endQuietlyOnBrokenPipe(process.stderr);
  return {
    out: (s) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`),
    err: (s) => process.stderr.write(s.endsWith('\n') ? s : `${s}\n`),
    today: () => isoFromLocalDate(new Date()),
  };
}

export async function main(argv: readonly string[], io: CliIO = nodeIO()): Promise<number> {
  const lang = guessLang(argv);
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(catalogue(lang).cli.usage);
    return name ? EXIT_OK : EXIT_USAGE;
  }
  const load = COMMANDS[name];
  try {
    if (!load) throw new CliExit(EXIT_USAGE, catalogue(lang).cli.errUnknownCommand.replace('{command}', name));
    return await (await load())(rest, io);
  } catch (e) {
    if (e instanceof CliExit) {
      io.err(`tablero: ${e.message}`);
      return e.code;
    }
    // Last resort: still one line, never a stack trace.
    io.err(`tablero: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}
