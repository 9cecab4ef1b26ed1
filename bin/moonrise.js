#!/usr/bin/env node
/*
 * The `moonrise` command's loader. The CLI itself is one CommonJS bundle (dist/cli.cjs, built from
 * src/cli/main.ts by scripts/build.mjs); this file runs it through vm.Script with a V8 code cache
 * (dist/cli.cache), because compiling the ~600 KB bundle from source was the largest single cost of a cold
 * start (Node 20 has no compile cache for modules). This file is CommonJS (bin/package.json) because Node
 * starts a CommonJS entry faster than an ES module one (no ES module loader to set up).
 *
 * Cache file: one ASCII header line, then V8's cached data. The header is the cache key: the Node version,
 * architecture, V8 version and the bundle's build id (a hash of its contents that the build appends as the
 * bundle's last line) and length. A cache is used only when its key is this process's key and V8 accepts it
 * (V8 also rejects data from other V8 flags); otherwise the bundle compiles from source as if there were no
 * cache, and at exit a new cache is written (to a temporary file renamed into place, so concurrent runs never
 * see half a file). The cache is taken after the run, so it holds the functions the run compiled lazily. Any
 * failure to read or write it is ignored: the cache can only change how fast the CLI starts, never what it does.
 * The build writes the first cache (it runs the CLI once), so a fresh clone's first run is fast too.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const dist = path.join(__dirname, '..', 'dist');
const bundlePath = path.join(dist, 'cli.cjs');
const cachePath = path.join(dist, 'cli.cache');
const BUILD_ID_MARK = '\n//# moonrise-build-id=';

// The build makes the bundle pure ASCII: latin1 decoding is then exact, cheap, and gives V8 a one-byte string.
const source = fs.readFileSync(bundlePath, 'latin1');
const key = cacheKey(source);
const cached = key === undefined ? undefined : readCache(key);
const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
  filename: bundlePath,
  cachedData: cached,
});
if (key !== undefined && (cached === undefined || script.cachedDataRejected)) {
  process.once('exit', () => writeCache(key));
}
const bundleModule = { exports: {} };
script.runInThisContext()(bundleModule.exports, require, bundleModule, bundlePath, dist);

/** The header line a cache must start with to belong to this bundle and this Node; undefined without a build id. */
function cacheKey(text) {
  const at = text.lastIndexOf(BUILD_ID_MARK);
  if (at < 0) return undefined;
  const id = text.slice(at + BUILD_ID_MARK.length).trim();
  const v = process.versions;
  return `moonrise-code-cache 1 node-${v.node} ${process.arch} v8-${v.v8} ${id} ${text.length}\n`;
}

/** The cached data after the header when the header is `header`. */
function readCache(header) {
  let data;
  try {
    data = fs.readFileSync(cachePath);
  } catch {
    return undefined;
  }
  const n = header.length;
  return data.length > n && data.toString('latin1', 0, n) === header ? data.subarray(n) : undefined;
}

function writeCache(header) {
  const tmp = `${cachePath}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, Buffer.concat([Buffer.from(header, 'latin1'), script.createCachedData()]));
    fs.renameSync(tmp, cachePath);
  } catch {
    try {
      fs.unlinkSync(tmp);
    } catch {
      // nothing was written
    }
  }
}
