// The CLI loader (bin/moonrise.js): the V8 code cache it keeps in dist/cli.cache must be used when it belongs to
// this bundle and this Node, and must never change what the CLI does when it is absent, stale, corrupt or
// unwritable. Every case runs on a private copy of bin/ and dist/cli.cjs in a temporary folder, so the
// repository's own cache (which the other suites use in parallel) is never touched. Needs a build.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('..', import.meta.url)).replace(/[\\/]$/, '');
const BUILT = existsSync(join(REPO, 'dist', 'cli.cjs'));
const skip = !BUILT && 'run `npm run build` first (dist/cli.cjs is missing)';
const work = mkdtempSync(join(tmpdir(), 'moonrise-loader-'));
after(() => rmSync(work, { recursive: true, force: true }));

const PROGRAM = 'local t = {}\nfor i = 1, 3 do t[i] = i * i end\nprint(table.concat(t, ","), ...)\nerror("boom")\n';
const EXPECTED_OUT = '1,4,9\tx\n';
const EXPECTED_ERR = /^lua: [^\n]*prog\.lua:4: boom\nstack traceback:\n/;

// Reports, at exit, what V8 said about the cached data the loader passed (loaded with --require, which is a Node
// option, not a V8 flag, so it does not change whether V8 accepts a cache).
const PROBE = join(work, 'probe.cjs');
writeFileSync(PROBE, `
const vm = require('node:vm');
const Script = vm.Script;
vm.Script = class extends Script {
  constructor(src, opts) {
    super(src, opts);
    const given = opts && opts.cachedData !== undefined;
    process.on('exit', () => require('node:fs').writeSync(2, '\\n@cache ' + (given ? (this.cachedDataRejected ? 'rejected' : 'used') : 'none') + '\\n'));
  }
};
`);

let copies = 0;
/** A fresh copy of the installed layout (bin/ and dist/cli.cjs), with `cache` as dist/cli.cache when given. */
function install({ cache, bundle } = {}) {
  const root = join(work, `copy${copies++}`);
  mkdirSync(join(root, 'bin'), { recursive: true });
  mkdirSync(join(root, 'dist'));
  for (const f of ['moonrise.js', 'package.json']) copyFileSync(join(REPO, 'bin', f), join(root, 'bin', f));
  writeFileSync(join(root, 'dist', 'cli.cjs'), bundle ?? readFileSync(join(REPO, 'dist', 'cli.cjs')));
  if (cache !== undefined) writeFileSync(join(root, 'dist', 'cli.cache'), cache);
  writeFileSync(join(root, 'prog.lua'), PROGRAM);
  return root;
}

/** Runs the copy's CLI on prog.lua; returns the cache status the probe saw and the CLI's own output. */
function run(root, nodeArgs = []) {
  const r = spawnSync(process.execPath, [...nodeArgs, '--require', PROBE, join(root, 'bin', 'moonrise.js'), join(root, 'prog.lua'), 'x'], { encoding: 'latin1' });
  const m = /\n@cache (\w+)\n$/.exec(r.stderr);
  assert.ok(m, `no probe report in stderr: ${r.stderr}`);
  const stderr = r.stderr.slice(0, m.index);
  assert.equal(r.stdout, EXPECTED_OUT);
  assert.match(stderr, EXPECTED_ERR);
  assert.equal(r.status, 1);
  return m[1];
}

const cacheOf = (root) => readFileSync(join(root, 'dist', 'cli.cache'));
const header = (buf) => buf.toString('latin1', 0, buf.indexOf(10) + 1);
const leftovers = (root) => readdirSync(join(root, 'dist')).filter((f) => f.endsWith('.tmp'));

test('the built bundle is ASCII and ends with its build id', { skip }, () => {
  const text = readFileSync(join(REPO, 'dist', 'cli.cjs'), 'latin1');
  assert.ok(!/[^\0-\x7f]/.test(text), 'dist/cli.cjs has non-ASCII bytes (the loader reads it as latin1)');
  assert.match(text, /\n\/\/# moonrise-build-id=[0-9a-f]{32}\n$/);
});

test('the build leaves a cache that this Node uses', { skip }, () => {
  assert.equal(run(install({ cache: readFileSync(join(REPO, 'dist', 'cli.cache')) })), 'used');
});

test('without a cache: runs, then writes one that the next run uses', { skip }, () => {
  const root = install();
  assert.equal(run(root), 'none');
  const h = header(cacheOf(root));
  assert.match(h, new RegExp(`^moonrise-code-cache 1 node-${process.versions.node} ${process.arch} v8-\\S+ [0-9a-f]{32} \\d+\\n$`));
  assert.equal(run(root), 'used');
  assert.deepEqual(leftovers(root), []);
});

test('a corrupt cache is rejected by V8 and replaced', { skip }, () => {
  const good = cacheOf((() => { const r = install(); run(r); return r; })());
  const h = header(good);
  const bad = Buffer.concat([Buffer.from(h, 'latin1'), Buffer.alloc(good.length - h.length, 0x5a)]);
  const root = install({ cache: bad });
  assert.equal(run(root), 'rejected');
  assert.equal(run(root), 'used');
});

test('a cache with another key (Node version, bundle) is not even given to V8', { skip }, () => {
  const seed = install();
  run(seed);
  const good = cacheOf(seed);
  const h = header(good);
  for (const wrong of [h.replace(/ node-\S+/, ' node-0.0.0'), h.replace(/ [0-9a-f]{32} /, ` ${'0'.repeat(32)} `)]) {
    const root = install({ cache: Buffer.concat([Buffer.from(wrong, 'latin1'), good.subarray(h.length)]) });
    assert.equal(run(root), 'none');
    assert.equal(header(cacheOf(root)), h);
  }
  const truncated = install({ cache: good.subarray(0, 10) });
  assert.equal(run(truncated), 'none');
});

test('another bundle never runs with this bundle\'s cache', { skip }, () => {
  const seed = install();
  run(seed);
  // same length, different contents and build id: the cache must not be used for it
  const text = readFileSync(join(seed, 'dist', 'cli.cjs'), 'latin1');
  const other = text.replace(/moonrise-build-id=([0-9a-f]{32})/, (_, id) => `moonrise-build-id=${[...id].reverse().join('')}`);
  assert.equal(other.length, text.length);
  assert.equal(run(install({ bundle: Buffer.from(other, 'latin1'), cache: cacheOf(seed) })), 'none');
});

test('a cache that cannot be written changes nothing', { skip }, () => {
  const root = install();
  mkdirSync(join(root, 'dist', 'cli.cache')); // renaming a file over a directory fails
  assert.equal(run(root), 'none');
  assert.equal(run(root), 'none');
  assert.deepEqual(leftovers(root), []);
});

test('other V8 flags: the cache is rejected, the CLI behaves the same', { skip }, () => {
  const root = install();
  run(root);
  assert.equal(run(root, ['--stack-size=900']), 'rejected');
});

test('a bundle without a build id runs without a cache', { skip }, () => {
  const text = readFileSync(join(REPO, 'dist', 'cli.cjs'), 'latin1').replace(/\/\/# moonrise-build-id=\w+\n$/, '');
  const root = install({ bundle: Buffer.from(text, 'latin1') });
  assert.equal(run(root), 'none');
  assert.ok(!existsSync(join(root, 'dist', 'cli.cache')));
});
