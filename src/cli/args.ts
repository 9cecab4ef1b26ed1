/*
 * Command-line parsing for the `lua`-compatible CLI. The rules are lua.c's: options are read up to the first
 * word that does not start with '-' (the script); `-e`/`-l` take their argument glued (`-eprint(1)`) or as the
 * next word, which may not start with '-'; `-i` implies `-v`; `-E`, `-W`, `-i`, `-v` take no extra characters;
 * `--` stops option handling (the next word is the script); `-` is the script "stdin".
 *
 * Moonrise's own long options (`--dump=KIND`, `--tier=NAME`, also as two words) may appear anywhere among the
 * options. Everything lua.c rejects that is not one of them is rejected with lua.c's exact usage text; only
 * when the offending word is a long option (`--something`) is a short section on Moonrise's options added, so
 * the text for every lua-style mistake stays byte-identical to lua5.4's.
 */

export interface RunStep {
  kind: 'e' | 'l' | 'W';
  /** The chunk for -e, the `[global=]module` spec for -l, '' for -W. */
  arg: string;
}

export type DumpKind = 'tokens' | 'ast' | 'bytecode';

/** Why the command line was refused. `usage` problems print lua.c's usage text; `message` ones one line. */
export type ArgProblem =
  | { kind: 'usage'; option: string; needsArgument: boolean }
  | { kind: 'message'; text: string };

export interface CliOptions {
  /** Ordered -e / -l / -W steps, run before the script. */
  steps: RunStep[];
  interactive: boolean;
  version: boolean;
  hasE: boolean;
  ignoreEnv: boolean;
  /** Index into argv of the script name, or argv.length when there is none. */
  script: number;
  dump: DumpKind | undefined;
  tier: string | undefined;
  /** --jit-threshold=N: calls before the jit tier compiles a function. */
  jitThreshold: number | undefined;
  /** --trace-jit: compile/deopt events on stderr. */
  traceJit: boolean;
  /** --dump js: run, printing the generated JavaScript of each compiled function on stderr. */
  dumpJs: boolean;
  problem: ArgProblem | undefined;
}

const DUMP_KINDS: readonly string[] = ['tokens', 'ast', 'bytecode'];

/** Parses argv (the words after the command itself). */
export function parseArgs(argv: string[]): CliOptions {
  const o: CliOptions = {
    steps: [], interactive: false, version: false, hasE: false, ignoreEnv: false,
    script: argv.length, dump: undefined, tier: undefined, jitThreshold: undefined, traceJit: false, dumpJs: false,
    problem: undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    o.script = i;
    if (a[0] !== '-') return o; // the script
    if (a === '--') {
      o.script = i + 1;
      return o;
    }
    if (a === '-') return o; // the script is stdin
    if (a[1] === '-') {
      const used = parseLongOption(o, a, argv[i + 1]);
      if (o.problem) return o;
      i += used;
      continue;
    }
    const opt = a[1];
    switch (opt) {
      case 'E': case 'W': case 'i': case 'v':
        if (a.length !== 2) return usageProblem(o, a, false);
        if (opt === 'E') o.ignoreEnv = true;
        else if (opt === 'W') o.steps.push({ kind: 'W', arg: '' });
        else {
          o.version = true;
          if (opt === 'i') o.interactive = true;
        }
        break;
      case 'e': case 'l': {
        let arg = a.slice(2);
        if (arg === '') {
          const next = argv[i + 1];
          if (next === undefined || next[0] === '-') return usageProblem(o, a, true);
          arg = next;
          i++;
        }
        if (opt === 'e') o.hasE = true;
        o.steps.push({ kind: opt, arg });
        break;
      }
      default:
        return usageProblem(o, a, false);
    }
  }
  o.script = argv.length;
  return o;
}

function usageProblem(o: CliOptions, option: string, needsArgument: boolean): CliOptions {
  o.problem = { kind: 'usage', option, needsArgument };
  return o;
}

/** Reads `--name=value` or `--name value`; returns how many following words it used. Sets o.problem when the
 * option is unknown or its value is missing or invalid. */
function parseLongOption(o: CliOptions, a: string, next: string | undefined): number {
  const eq = a.indexOf('=');
  const name = eq < 0 ? a : a.slice(0, eq);
  if (a === '--trace-jit') {
    o.traceJit = true;
    return 0;
  }
  if (name !== '--dump' && name !== '--tier' && name !== '--jit-threshold') {
    usageProblem(o, a, false);
    return 0;
  }
  const value = eq < 0 ? next : a.slice(eq + 1);
  if (value === undefined || value === '' || (eq < 0 && value[0] === '-')) {
    usageProblem(o, name, true);
    return 0;
  }
  if (name === '--jit-threshold') {
    if (!/^\d+$/.test(value)) o.problem = { kind: 'message', text: `bad value '${value}' for '--jit-threshold'` };
    o.jitThreshold = Number(value);
  } else if (name === '--dump' && value === 'js') {
    o.dumpJs = true;
  } else if (name === '--dump') {
    if (!DUMP_KINDS.includes(value)) {
      o.problem = { kind: 'message', text: `unknown stage '${value}' for '--dump' (use tokens, ast or bytecode)` };
    }
    o.dump = value as DumpKind;
  } else {
    o.tier = value; // checked when the state is created, against the tiers the engine has
  }
  return eq < 0 ? 1 : 0;
}

/** lua.c's print_usage, plus Moonrise's options when the offending word was a long option. */
export function usageText(progname: string, option: string, needsArgument: boolean): string {
  const head = needsArgument ? `'${option}' needs argument\n` : `unrecognized option '${option}'\n`;
  let text = `${progname}: ${head}` +
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
    '  -         stop handling options and execute stdin\n';
  if (option.startsWith('--')) {
    text += 'Moonrise options:\n' +
      '  --dump=tokens|ast|bytecode  print that stage of the pipeline for the script (or stdin) and exit\n' +
      '  --tier=interp|jit           choose the execution tier\n' +
      '  --jit-threshold=N           jit: calls before a function is compiled (0: first call)\n' +
      '  --dump=js                   jit: print the generated JavaScript of each function (stderr)\n' +
      '  --trace-jit                 jit: print compile and deoptimisation events (stderr)\n';
  }
  return text;
}

/** Command-line words and environment values are UTF-8 text in JS; Lua sees their bytes. */
export function toBytes(s: string): string {
  return /[^\x00-\x7f]/.test(s) ? Buffer.from(s, 'utf8').toString('latin1') : s;
}
