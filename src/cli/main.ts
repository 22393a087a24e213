// The `tablero` command: dispatches to check, rollup and export; turns every failure into one line.
import { isoFromLocalDate } from '../core/dates';
import { catalogue, parseLang, type Lang } from '../core/i18n';
import { runCheck } from './check';
import { CliExit, EXIT_OK, EXIT_USAGE, type CliIO } from './common';

type Command = (argv: readonly string[], io: CliIO) => Promise<number>;

/** Commands by name; each parses its own options. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  check: async () => runCheck,
  rollup: async () => (await import('./rollup')).runRollup,
  export: async () => (await import('./export')).runExport,
};

/** The user's language for messages before --lang is parsed: --lang, else LANG, else Spanish. */
export function guessLang(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const fromArg = i >= 0 ? (argv[i]?.includes('=') ? argv[i]?.split('=')[1] : argv[i + 1]) : undefined;
  return parseLang(fromArg) ?? parseLang(env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG']) ?? 'es';
}

export function nodeIO(): CliIO {
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
