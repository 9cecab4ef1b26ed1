/*
 * Differential checker for the compiler (owned by the compiler engineer). Build and run:
 *   npx esbuild scripts/compile-check.ts --bundle --platform=node --format=esm --outfile=/tmp/compile-check.mjs
 *   node /tmp/compile-check.mjs run --cwd /work/lua-5.4.4/testes --pre "_port=true _soft=true" constructs.lua ...
 *   node dist-scripts/compile-check.mjs disasm FILE...   diff our disassembly with `luac5.4 -l -l`
 *   node dist-scripts/compile-check.mjs run FILE...      dump our bytecode, run it with lua5.4, compare with source run
 * Options: --cwd DIR (run directory), --pre CODE (lua5.4 -e prefix), --show (print diffs), --strip.
 */
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, basename, resolve } from 'node:path';
import { parse } from '../src/syntax/parser.js';
import { compile, disassemble, dump } from '../src/compiler/index.js';

const args = process.argv.slice(2);
const mode = args.shift();
let cwd = process.cwd();
let pre: string | undefined;
let show = false;
let strip = false;
let timeout = 60000;
const files: string[] = [];
while (args.length) {
  const a = args.shift()!;
  if (a === '--cwd') cwd = args.shift()!;
  else if (a === '--pre') pre = args.shift()!;
  else if (a === '--show') show = true;
  else if (a === '--strip') strip = true;
  else if (a === '--timeout') timeout = Number(args.shift());
  else files.push(a);
}
const tmp = mkdtempSync(join(tmpdir(), 'ccheck-'));

function ours(file: string) {
  let src = readFileSync(resolve(cwd, file), 'latin1');
  if (src.startsWith('#')) src = src.replace(/^[^\n]*/, '');
  const chunkname = '@' + (mode === 'disasm' ? basename(file) : file);
  return compile(parse(src, chunkname));
}

function normAddr(s: string): string {
  const ids = new Map<string, string>();
  return s.replace(/0x[0-9a-f]+/g, (m) => {
    if (!ids.has(m)) ids.set(m, '0x' + String(ids.size + 1).padStart(8, '0'));
    return ids.get(m)!;
  });
}

let failed = 0;
for (const file of files) {
  try {
    if (mode === 'disasm') {
      const mine = disassemble(ours(file), true);
      const theirs = execFileSync('luac5.4', ['-l', '-l', '-o', '/dev/null', basename(file)], { cwd: resolve(cwd, file, '..'), encoding: 'latin1', maxBuffer: 1 << 28 });
      const a = normAddr(mine), b = normAddr(theirs);
      if (a === b) console.log(`same  ${file}`);
      else {
        failed++;
        const al = a.split('\n'), bl = b.split('\n');
        let diffs = 0;
        for (let i = 0; i < Math.max(al.length, bl.length); i++) if (al[i] !== bl[i]) diffs++;
        console.log(`DIFF  ${file} (${diffs} lines differ of ${bl.length})`);
        if (show) {
          writeFileSync(join(tmp, 'a.txt'), a);
          writeFileSync(join(tmp, 'b.txt'), b);
          const d = spawnSync('diff', [join(tmp, 'b.txt'), join(tmp, 'a.txt')], { encoding: 'latin1' });
          console.log(d.stdout.split('\n').slice(0, 80).join('\n'));
        }
      }
    } else if (mode === 'run') {
      const p = ours(file);
      const out = join(tmp, basename(file) + '.luac');
      writeFileSync(out, Buffer.from(dump(p, strip), 'latin1'));
      const run = (f: string) => {
        const argv = pre !== undefined ? ['-e', pre, f] : [f];
        const r = spawnSync('lua5.4', argv, { cwd, encoding: 'latin1', timeout, maxBuffer: 1 << 28 });
        return `${r.stdout}\n--stderr--\n${r.stderr}\n--status ${r.status}`;
      };
      const a = run(file);
      const b = run(out).split(out).join(file);
      if (a === b) console.log(`same  ${file}`);
      else {
        failed++;
        console.log(`DIFF  ${file}`);
        if (show) {
          console.log('--- source run:\n' + a.slice(-3000));
          console.log('--- our bytecode:\n' + b.slice(-3000));
        }
      }
    }
  } catch (e) {
    failed++;
    console.log(`ERROR ${file}: ${(e as Error).message}`);
  }
}
console.log(`${files.length - failed}/${files.length} identical`);
process.exit(failed ? 1 : 0);
