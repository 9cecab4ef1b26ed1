#!/usr/bin/env node
// Benchmark runner (`npm run bench`): runs every bench/*.lua on every available engine — each Moonrise tier,
// lua5.4 (the reference), luajit, fengari and wasmoon — interleaved (run 1 of every engine on every
// benchmark, then run 2, ...), checks that each engine prints what lua5.4 prints, and reports median wall
// times and ratios to lua5.4 with their geometric mean: a table on stdout, bench/results.md and
// bench/results.svg. Timings are informative only; nothing here asserts them.
//
//   node bench/run.mjs [--runs N] [--only name[,name]] [--quick] [--engines a,b] [--timeout S] [--no-write]
//
// Benchmark headers: `-- quick: <arg>` gives the scaled-down argument used by --quick; `-- skip: luajit`
// (a comma list of engine names) skips engines that cannot run it (luajit is Lua 5.1: no integers,
// `//`, bitwise operators, <const>/<close>).
// fengari and wasmoon are used when their npm packages resolve from the repo or from $BENCH_ENGINES_DIR
// (e.g. `npm install --prefix /tmp/engines fengari wasmoon` then BENCH_ENGINES_DIR=/tmp/engines); they are
// deliberately not dependencies of the project.
import { execFileSync, execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const REPO = dirname(BENCH_DIR);
/** Moonrise execution tiers, each benchmarked as its own engine. */
const TIERS = ['interp', 'jit'];

function parseArgs(argv) {
  const o = { runs: 3, only: undefined, quick: false, engines: undefined, timeout: 300, write: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => (a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i]);
    if (a.startsWith('--runs')) o.runs = Math.max(1, Number(val()));
    else if (a.startsWith('--only')) o.only = val().split(',').filter(Boolean);
    else if (a === '--quick') o.quick = true;
    else if (a.startsWith('--engines')) o.engines = val().split(',').filter(Boolean);
    else if (a.startsWith('--timeout')) o.timeout = Number(val());
    else if (a === '--no-write') o.write = false;
    else if (a === '--help' || a === '-h') {
      console.log('usage: node bench/run.mjs [--runs N] [--only name[,name]] [--quick] [--engines a,b] [--timeout S] [--no-write]');
      process.exit(0);
    } else throw new Error(`unknown option ${a}`);
  }
  return o;
}

function hasCommand(cmd, args = ['-v']) {
  try {
    execFileSync(cmd, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function resolvePackage(name) {
  const bases = [join(REPO, 'package.json')];
  if (process.env.BENCH_ENGINES_DIR) bases.push(join(process.env.BENCH_ENGINES_DIR, 'package.json'), join(process.env.BENCH_ENGINES_DIR, 'node_modules', '.keep'));
  for (const b of bases) {
    try {
      return createRequire(b).resolve(name);
    } catch {}
  }
  return undefined;
}

/** Every engine we know, with why it is unavailable when it is. */
function discoverEngines() {
  const engines = [];
  const notes = [];
  const moonrise = existsSync(join(REPO, 'dist/cli.js'));
  for (const tier of TIERS) {
    const name = `moonrise-${tier}`;
    if (moonrise) engines.push({ name, cmd: process.execPath, args: [join(REPO, 'bin/moonrise.js'), `--tier=${tier}`] });
    else notes.push(`${name}: skipped (dist/cli.js not built: run \`npm run build\`)`);
  }
  engines.push({ name: 'lua5.4', cmd: 'lua5.4', args: [], reference: true });
  if (hasCommand('luajit')) engines.push({ name: 'luajit', cmd: 'luajit', args: [] });
  else notes.push('luajit: skipped (not installed: `apt-get install luajit`)');
  for (const pkg of ['fengari', 'wasmoon']) {
    const resolved = resolvePackage(pkg);
    if (resolved) engines.push({ name: pkg, cmd: process.execPath, args: [join(BENCH_DIR, 'engines', `${pkg}.mjs`)], env: { BENCH_PKG: resolved } });
    else notes.push(`${pkg}: skipped (npm package not installed; see the header of bench/run.mjs)`);
  }
  if (!hasCommand('lua5.4')) throw new Error('lua5.4 is required as the reference engine (apt-get install lua5.4)');
  return { engines, notes };
}

function listBenchmarks(only, quick) {
  return readdirSync(BENCH_DIR)
    .filter((f) => f.endsWith('.lua'))
    .sort()
    .map((f) => {
      const src = readFileSync(join(BENCH_DIR, f), 'latin1');
      const quickArgs = src.match(/^-- quick:\s*(.+)$/m)?.[1].trim().split(/\s+/);
      const skip = (src.match(/^-- skip:\s*(.+)$/m)?.[1] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
      return { name: f.replace(/\.lua$/, ''), file: join('bench', f), args: quick && quickArgs ? quickArgs : [], skip };
    })
    .filter((b) => !only || only.some((o) => b.name === o || b.name.includes(o)));
}

function runOnce(engine, bench, timeoutS) {
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const child = execFile(
      engine.cmd,
      [...engine.args, bench.file, ...bench.args],
      { cwd: REPO, timeout: timeoutS * 1000, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ...engine.env } },
      (err, stdout, stderr) => {
        const ms = Number(process.hrtime.bigint() - t0) / 1e6;
        resolve({ ms, stdout, stderr, ok: !err, error: err ? (err.killed ? `timeout after ${timeoutS} s` : (stderr || err.message).trim().split('\n')[0]) : undefined });
      },
    );
    child.stdin?.end();
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const geomean = (xs) => (xs.length ? Math.exp(xs.reduce((a, x) => a + Math.log(x), 0) / xs.length) : NaN);
const fmtMs = (ms) => (ms >= 10000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);
const fmtRatio = (r) => (r >= 10 ? r.toFixed(1) : r.toFixed(2)) + 'x';

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  let { engines, notes } = discoverEngines();
  if (opts.engines) engines = engines.filter((e) => e.reference || opts.engines.some((n) => e.name === n || e.name.startsWith(n)));
  const benches = listBenchmarks(opts.only, opts.quick);
  if (benches.length === 0) throw new Error('no benchmark matches --only');
  console.log(`engines: ${engines.map((e) => e.name).join(', ')}${opts.quick ? ' (quick sizes)' : ''}; ${opts.runs} run(s) each`);
  for (const n of notes) console.log(`  note: ${n}`);

  // results[bench][engine] = { times: [], output, error, skipped }
  const results = Object.fromEntries(benches.map((b) => [b.name, Object.fromEntries(engines.map((e) => [e.name, { times: [] }]))]));
  for (let run = 1; run <= opts.runs; run++) {
    for (const b of benches) {
      for (const e of engines) {
        const r = results[b.name][e.name];
        if (b.skip.includes(e.name)) { r.skipped = `benchmark marked "skip: ${e.name}"`; continue; }
        if (r.error) continue; // a failing engine is not retried
        const res = await runOnce(e, b, opts.timeout);
        if (!res.ok) r.error = res.error;
        else {
          r.times.push(res.ms);
          r.output ??= res.stdout;
        }
        if (process.stdout.isTTY) process.stdout.write(`\r  run ${run}/${opts.runs}  ${b.name.padEnd(16)} ${e.name.padEnd(16)} ${res.ok ? fmtMs(res.ms).padStart(8) : 'FAILED'}   `);
      }
    }
    if (process.stdout.isTTY) process.stdout.write('\r' + ' '.repeat(72) + '\r');
    else console.log(`  run ${run}/${opts.runs} done`);
  }

  // Output check against the reference.
  for (const b of benches) {
    const ref = results[b.name]['lua5.4'];
    for (const e of engines) {
      const r = results[b.name][e.name];
      if (e.reference || r.error || r.skipped || ref.error) continue;
      if (r.output !== ref.output) r.error = `output differs from lua5.4: ${JSON.stringify(firstDiffLine(ref.output, r.output))}`;
    }
  }
  const report = summarise(benches, engines, results);
  console.log(report.text);
  if (opts.write) {
    const meta = { date: new Date().toISOString().slice(0, 10), runs: opts.runs, quick: opts.quick, node: process.version, notes };
    writeFileSync(join(BENCH_DIR, 'results.md'), markdown(report, meta));
    writeFileSync(join(BENCH_DIR, 'results.svg'), svgChart(report, meta));
    console.log('wrote bench/results.md and bench/results.svg');
  }
  if (report.problems.length) process.exitCode = 1;
}

function firstDiffLine(a, b) {
  const x = a.split('\n');
  const y = b.split('\n');
  for (let i = 0; i < Math.max(x.length, y.length); i++) if (x[i] !== y[i]) return { line: i + 1, expected: x[i], got: y[i] };
  return {};
}

/** Medians, ratios to lua5.4 and per-engine geometric means (over benchmarks every compared engine ran). */
function summarise(benches, engines, results) {
  const rows = [];
  const problems = [];
  const ratios = Object.fromEntries(engines.map((e) => [e.name, []]));
  for (const b of benches) {
    const ref = results[b.name]['lua5.4'];
    const refMs = ref.times.length ? median(ref.times) : NaN;
    const cells = engines.map((e) => {
      const r = results[b.name][e.name];
      if (r.skipped) return { text: 'skip', ms: NaN };
      if (r.error) {
        problems.push(`${b.name} on ${e.name}: ${r.error}`);
        return { text: 'FAIL', ms: NaN };
      }
      const ms = median(r.times);
      const ratio = ms / refMs;
      if (!e.reference && Number.isFinite(ratio)) ratios[e.name].push(ratio);
      return { text: e.reference ? fmtMs(ms) : `${fmtMs(ms)} (${fmtRatio(ratio)})`, ms, ratio };
    });
    rows.push({ name: b.name, cells });
  }
  const gm = engines.map((e) => (e.reference ? 1 : geomean(ratios[e.name])));
  const header = ['benchmark', ...engines.map((e) => e.name)];
  const body = rows.map((r) => [r.name, ...r.cells.map((c) => c.text)]);
  const foot = ['geometric mean', ...gm.map((g, i) => (engines[i].reference ? '1.00x' : Number.isFinite(g) ? fmtRatio(g) : '-'))];
  const widths = header.map((_, i) => Math.max(...[header, ...body, foot].map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const text = [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line), line(foot), ...problems.map((p) => `PROBLEM: ${p}`)].join('\n');
  return { engines, rows, gm, header, body, foot, problems, text };
}

function markdown(report, meta) {
  const esc = (s) => s.replace(/\|/g, '\\|');
  const lines = [
    '# Moonrise benchmarks',
    '',
    `Median wall time of ${meta.runs} interleaved run(s) per engine${meta.quick ? ' (quick sizes)' : ''}, including process start-up;`,
    `in parentheses the ratio to lua5.4 (lower is faster). ${meta.date}, Node ${meta.node}. Generated by \`npm run bench\`.`,
    '',
    `| ${report.header.map(esc).join(' | ')} |`,
    `| ${report.header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...report.body.map((r) => `| ${r.map(esc).join(' | ')} |`),
    `| **${report.foot[0]}** | ${report.foot.slice(1).map((c) => `**${c}**`).join(' | ')} |`,
    '',
  ];
  if (meta.notes.length) lines.push(...meta.notes.map((n) => `- ${n}`), '');
  if (report.problems.length) lines.push('Problems:', '', ...report.problems.map((p) => `- ${esc(p)}`), '');
  lines.push('![chart](results.svg)', '');
  return lines.join('\n');
}

/** A hand-written horizontal bar chart: one group of bars per benchmark (one bar per non-reference engine),
 * bar length = ratio to lua5.4 on a log scale, with the lua5.4 line at 1x. */
function svgChart(report, meta) {
  const others = report.engines.map((e, i) => ({ e, i })).filter((x) => !x.e.reference);
  const palette = ['#d9480f', '#1971c2', '#2f9e44', '#9c36b5', '#e8590c', '#0c8599', '#5c940d'];
  const groups = [...report.rows.map((r) => ({ name: r.name, vals: others.map((o) => r.cells[o.i].ratio) })),
    { name: 'geometric mean', vals: others.map((o) => report.gm[o.i]) }];
  const all = groups.flatMap((g) => g.vals).filter((v) => Number.isFinite(v) && v > 0);
  const lo = Math.min(0.1, ...all), hi = Math.max(10, ...all);
  const minExp = Math.floor(Math.log10(lo)), maxExp = Math.ceil(Math.log10(hi));
  const left = 150, width = 560, barH = 12, gap = 6, top = 54, right = 90;
  const groupH = Math.max(1, others.length) * barH + gap * 2;
  const height = top + groups.length * groupH + 40 + others.length * 16;
  const x = (v) => left + ((Math.log10(v) - minExp) / (maxExp - minExp)) * width;
  const out = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${left + width + right}" height="${height}" font-family="sans-serif" font-size="11">`);
  out.push(`<rect width="100%" height="100%" fill="white"/>`);
  out.push(`<text x="${left}" y="18" font-size="14" font-weight="bold">Time relative to lua5.4 (log scale, lower is faster)</text>`);
  out.push(`<text x="${left}" y="34" fill="#555">median of ${meta.runs} run(s)${meta.quick ? ', quick sizes' : ''}, ${meta.date}</text>`);
  for (let p = minExp; p <= maxExp; p++) {
    for (const m of p < maxExp ? [1, 2, 5] : [1]) {
      const v = m * 10 ** p;
      const gx = x(v).toFixed(1);
      out.push(`<line x1="${gx}" y1="${top - 6}" x2="${gx}" y2="${top + groups.length * groupH}" stroke="${m === 1 ? (v === 1 ? '#000' : '#bbb') : '#eee'}"/>`);
      if (m === 1) out.push(`<text x="${gx}" y="${top - 10}" text-anchor="middle" fill="#333">${v >= 1 ? v : v.toPrecision(1)}x</text>`);
    }
  }
  groups.forEach((g, gi) => {
    const gy = top + gi * groupH;
    if (gi === groups.length - 1) out.push(`<line x1="0" y1="${gy}" x2="${left + width + right}" y2="${gy}" stroke="#888"/>`);
    out.push(`<text x="${left - 8}" y="${gy + groupH / 2 + 4}" text-anchor="end"${gi === groups.length - 1 ? ' font-weight="bold"' : ''}>${g.name}</text>`);
    g.vals.forEach((v, k) => {
      const y = gy + gap + k * barH;
      if (!Number.isFinite(v) || v <= 0) {
        out.push(`<text x="${x(1) + 4}" y="${y + barH - 2}" fill="#999">n/a</text>`);
        return;
      }
      const x0 = x(Math.min(1, v)), x1 = x(Math.max(1, v));
      out.push(`<rect x="${x0.toFixed(1)}" y="${y}" width="${Math.max(1, x1 - x0).toFixed(1)}" height="${barH - 2}" fill="${palette[k % palette.length]}"/>`);
      out.push(`<text x="${(x1 + 4).toFixed(1)}" y="${y + barH - 3}" fill="#333">${fmtRatio(v)}</text>`);
    });
  });
  const ly = top + groups.length * groupH + 22;
  others.forEach((o, k) => {
    out.push(`<rect x="${left}" y="${ly + k * 16 - 9}" width="10" height="10" fill="${palette[k % palette.length]}"/>`);
    out.push(`<text x="${left + 16}" y="${ly + k * 16}">${o.e.name}</text>`);
  });
  if (others.length === 0) out.push(`<text x="${left}" y="${ly}">only lua5.4 was available</text>`);
  out.push('</svg>');
  return out.join('\n') + '\n';
}

main().catch((e) => {
  console.error(e.message ?? e);
  process.exit(2);
});
