/*
 * Command-line parsing for the `lua`-compatible CLI. The rules follow lua.c exactly: options are read up to
 * the first non-option (the script), `-e`/`-l` take their argument either glued (`-eprint(1)`) or as the next
 * word (which may not start with '-'), `-i` implies `-v`, `--` stops option handling, `-` means stdin.
 * Moonrise's own long options (`--dump`, `--tier`, ...) may appear anywhere before the script.
 */

export interface RunStep {
  kind: 'e' | 'l' | 'W';
  arg: string;
}

export interface CliOptions {
  /** Ordered -e / -l / -W steps, run before the script. */
  steps: RunStep[];
  interactive: boolean;
  version: boolean;
  hasE: boolean;
  ignoreEnv: boolean;
  /** Index into argv of the script name, or argv.length when there is none. */
  script: number;
  dump: 'tokens' | 'ast' | 'bytecode' | undefined;
  tier: string | undefined;
  /** The offending option when parsing failed (print usage). */
  badOption: string | undefined;
}

const DUMP_KINDS = ['tokens', 'ast', 'bytecode'] as const;

/** Parses argv (without node and the script path of the CLI itself). */
export function parseArgs(argv: string[]): CliOptions {
  const o: CliOptions = {
    steps: [], interactive: false, version: false, hasE: false, ignoreEnv: false,
    script: argv.length, dump: undefined, tier: undefined, badOption: undefined,
  };
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i];
    o.script = i;
    if (a[0] !== '-') return o;
    if (a.startsWith('--') && a.length > 2) {
      const used = parseLongOption(o, a, argv[i + 1]);
      if (used < 0) return fail(o, a);
      i += used;
      continue;
    }
    switch (a[1]) {
      case '-': // '--'
        o.script = i + 1;
        return o;
      case undefined: // '-': the script is stdin
        return o;
      case 'E':
        if (a.length !== 2) return fail(o, a);
        o.ignoreEnv = true;
        break;
      case 'W':
        if (a.length !== 2) return fail(o, a);
        o.steps.push({ kind: 'W', arg: '' });
        break;
      case 'i':
        if (a.length !== 2) return fail(o, a);
        o.interactive = o.version = true;
        break;
      case 'v':
        if (a.length !== 2) return fail(o, a);
        o.version = true;
        break;
      case 'e':
      case 'l': {
        let arg = a.slice(2);
        if (arg === '') {
          i++;
          if (i >= argv.length || argv[i][0] === '-') return fail(o, a);
          arg = argv[i];
        }
        if (a[1] === 'e') o.hasE = true;
        o.steps.push({ kind: a[1], arg });
        break;
      }
      default:
        return fail(o, a);
    }
  }
  o.script = argv.length;
  return o;
}

function fail(o: CliOptions, bad: string): CliOptions {
  o.badOption = bad;
  return o;
}

/** Reads `--name=value` or `--name value`; returns how many extra words it used, or -1 if invalid. */
function parseLongOption(o: CliOptions, a: string, next: string | undefined): number {
  const eq = a.indexOf('=');
  const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
  const value = eq < 0 ? next : a.slice(eq + 1);
  const used = eq < 0 ? 1 : 0;
  if (value === undefined) return -1;
  switch (name) {
    case 'dump':
      if (!(DUMP_KINDS as readonly string[]).includes(value)) return -1;
      o.dump = value as CliOptions['dump'];
      return used;
    case 'tier':
      o.tier = value;
      return used;
    default:
      return -1;
  }
}

export function usage(progname: string, badOption: string): string {
  const head = badOption[1] === 'e' || badOption[1] === 'l'
    ? `'${badOption}' needs argument\n`
    : `unrecognized option '${badOption}'\n`;
  return `${progname}: ${head}` +
    `usage: ${progname} [options] [script [args]]\n` +
    'Available options are:\n' +
    "  -e stat   execute string 'stat'\n" +
    "  -i        enter interactive mode after executing 'script'\n" +
    "  -l mod    require library 'mod' into global 'mod'\n" +
    "  -l g=mod  require library 'mod' into global 'g'\n" +
    '  -v        show version information\n' +
    '  -E        ignore environment variables\n' +
    '  -W        turn warnings on\n' +
    '  --        stop handling options\n' +
    '  -         stop handling options and execute stdin\n' +
    'Moonrise options:\n' +
    '  --dump=tokens|ast|bytecode  print the chosen stage for the script and exit\n' +
    '  --tier=interp               choose the execution tier\n';
}
