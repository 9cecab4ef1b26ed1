#!/usr/bin/env node
// CI guard: re-records the whole corpus with `lua5.4` into a temporary folder and fails (exit 1, listing
// the files) when anything differs from the committed tests/expected/ — a missing, extra or changed
// .out/.err/.code file. So expectations can never drift from the reference or be edited by hand.
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { tmpdir } from 'node:os';
import { REPO, EXPECTED_DIR } from '../tests/support/corpus.mjs';
import { record } from './record.mjs';

function listFiles(root) {
  const out = [];
  const walk = (d) => {
    if (!existsSync(d)) return;
    for (const ent of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, ent.name);
      if (ent.isDirectory()) walk(p);
      else out.push(relative(root, p).split('\\').join('/'));
    }
  };
  walk(root);
  return out.sort();
}

const tmp = mkdtempSync(join(tmpdir(), 'moonrise-expected-'));
try {
  const { count, problems } = await record({ outDir: tmp, quiet: true });
  const committedDir = join(REPO, EXPECTED_DIR);
  const fresh = listFiles(tmp);
  const committed = listFiles(committedDir);
  const diffs = [];
  const committedSet = new Set(committed);
  for (const f of fresh) {
    if (!committedSet.has(f)) diffs.push(`missing from ${EXPECTED_DIR}: ${f}`);
    else if (!readFileSync(join(tmp, f)).equals(readFileSync(join(committedDir, f)))) diffs.push(`differs: ${EXPECTED_DIR}/${f}`);
  }
  const freshSet = new Set(fresh);
  for (const f of committed) if (!freshSet.has(f)) diffs.push(`not produced by ${f.replace(/\.\w+$/, '.lua')} any more: ${EXPECTED_DIR}/${f}`);
  for (const p of problems) diffs.push(p);
  if (diffs.length) {
    console.error(`check-recordings: ${diffs.length} difference(s) between lua5.4 and ${EXPECTED_DIR}/:`);
    for (const d of diffs) console.error('  ' + d);
    console.error('Re-record with `npm run record` (and review the diff) if the change is intended.');
    process.exitCode = 1;
  } else {
    console.log(`check-recordings: ${count} test(s), all ${fresh.length} expectation files match lua5.4`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
