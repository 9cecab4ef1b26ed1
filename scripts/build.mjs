// Builds the CLI and the library as single bundles with esbuild.
// One bundle per entry keeps cold start low (no module graph to resolve at run time).
//
// The CLI is a CommonJS bundle, dist/cli.cjs, that bin/moonrise.js runs through vm.Script with a V8 code cache
// (see the header of bin/moonrise.js). The build makes it pure ASCII (the loader reads it as latin1) and
// appends its build id (a hash of its contents, the cache's key), then runs the CLI once so that the first cache,
// dist/cli.cache, exists before the first real run. dist/cli.js stays as an ES-module entry that runs the same
// loader, for `node dist/cli.js ...`.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(REPO, 'dist');
const CACHE = join(DIST, 'cli.cache');

const common = { bundle: true, platform: 'node', target: 'node18', format: 'esm', sourcemap: true, logLevel: 'warning' };
rmSync(CACHE, { force: true });
await Promise.all([
  buildCli(),
  // the main entry imports no Node module (browsers too); the node entry adds the Node host
  build({ ...common, platform: 'neutral', entryPoints: ['src/api/index.ts'], outfile: 'dist/index.js' }),
  build({ ...common, entryPoints: ['src/api/node.ts'], outfile: 'dist/node.js' }),
]);
writeFileSync(join(DIST, 'cli.js'), "// Runs the CLI like bin/moonrise.js (which see).\nimport { createRequire } from 'node:module';\n" +
  "createRequire(import.meta.url)('../bin/moonrise.js');\n");
warmCache();

async function buildCli() {
  const out = await build({
    ...common, format: 'cjs', entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.cjs', write: false,
    plugins: [builtins(['node:child_process'])],
  });
  for (const file of out.outputFiles) {
    if (!file.path.endsWith('.cjs')) {
      writeFileSync(file.path, file.contents);
      continue;
    }
    // esbuild escapes non-ASCII characters everywhere but in comments; escaping those too changes nothing
    const text = file.text.replace(/[^\0-\x7f]/gu, (c) => `\\u{${c.codePointAt(0).toString(16)}}`);
    const id = createHash('sha256').update(text).digest('hex').slice(0, 32);
    writeFileSync(file.path, `${text}//# moonrise-build-id=${id}\n`, 'latin1');
  }
}

/**
 * How the CLI bundle imports Node built-ins. esbuild's CommonJS output would turn `import * as fs from 'node:fs'`
 * into a copy of the module with a getter per property (its __toESM), made at start-up for every import and
 * paid again on each call; here an import resolves instead to a small ES module that re-exports the built-in's
 * properties as plain constants. Built-ins that most runs never use (`lazy`: child_process, for io.popen and
 * os.execute) are loaded at their first use instead: their functions load the real module when called.
 * Accessor properties (fs.promises...) are not re-exported, nor anything but functions of a lazy built-in:
 * importing one of those fails the build (no such export) rather than changing behaviour.
 */
function builtins(lazy) {
  const require = createRequire(import.meta.url);
  const IDENT = /^[A-Za-z_$][\w$]*$/;
  const shim = (name) => {
    const mod = require(name);
    const plain = Object.keys(mod).filter((k) => IDENT.test(k) && k !== 'default' && 'value' in Object.getOwnPropertyDescriptor(mod, k));
    if (!lazy.includes(name)) {
      return `const m = require(${JSON.stringify(name)});\n` + plain.map((k) => `export const ${k} = m.${k};\n`).join('');
    }
    const fns = plain.filter((k) => /^[a-z]/.test(k) && typeof mod[k] === 'function');
    return `let real;\nconst load = () => real ??= require(${JSON.stringify(name)});\n` +
      fns.map((f) => `export function ${f}(...args) { return load().${f}(...args); }\n`).join('');
  };
  return {
    name: 'builtins',
    setup(b) {
      b.onResolve({ filter: /^node:/ }, (a) => (a.kind === 'import-statement' ? { path: a.path, namespace: 'builtin' } : undefined));
      b.onLoad({ filter: /.*/, namespace: 'builtin' }, (a) => ({ contents: shim(a.path), loader: 'js', resolveDir: REPO }));
    },
  };
}

/** Runs the CLI once on a small program (output ignored; -E: no LUA_INIT) so that the loader writes dist/cli.cache. */
function warmCache() {
  const dir = mkdtempSync(join(tmpdir(), 'moonrise-build-'));
  try {
    const script = join(dir, 'warm.lua');
    writeFileSync(script, 'local t = {}\nfor i = 1, 3 do t[#t + 1] = tostring(i) end\nio.write(table.concat(t, " "), "\\n")\n');
    const r = spawnSync(process.execPath, [join(REPO, 'bin', 'moonrise.js'), '-E', script], { stdio: 'ignore' });
    if (r.status !== 0) console.warn(`build: the CLI failed on its warm-up run (status ${r.status}); no code cache`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
