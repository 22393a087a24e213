// Benchmark for `tablero rollup`: a generated workbook of 100,000 communities with their water systems
// and service providers (300,000 record rows), rolled up by the CLI and by a pandas + openpyxl script
// doing the same sums, in the same run (the machine's speed cancels out in the ratio).
// Targets: rollup at least 8× faster than pandas, peak memory at most 400 MB.
// Also measures the .xlsx readers considered for the CLI on the same file (see docs/bench-rollup.md).
//
//   node scripts/bench-rollup.js [--communities N] [--runs N] [--no-readers]
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = path.join(__dirname, '..');
const OUT = path.join(ROOT, 'bench-out');
const PYTHON = '/usr/bin/python3';
const TIME = '/usr/bin/time';
const TARGET_RATIO = 8;
const TARGET_RSS_MB = 400;

function log(line) {
  process.stdout.write(line + '\n');
}

/** dist-cli/ is what `tablero` runs: build it unless it is newer than every source file. */
function ensureBuild() {
  const stamp = path.join(ROOT, 'dist-cli', 'cli', 'main.js');
  const newest = (dir) => {
    let t = 0;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
    }
    return t;
  };
  const src = Math.max(newest(path.join(ROOT, 'src', 'core')), newest(path.join(ROOT, 'src', 'cli')), newest(path.join(ROOT, 'src', 'hosts', 'xlsx')));
  if (fs.existsSync(stamp) && fs.statSync(stamp).mtimeMs >= src) return;
  log('building dist-cli/ (npm run build:cli) …');
  const r = spawnSync('npx', ['tsc', '-p', 'tsconfig.cli.json'], { cwd: ROOT, encoding: 'utf8' });
  // Type errors elsewhere in the tree still emit JavaScript; only a missing output is fatal.
  if (!fs.existsSync(stamp)) throw new Error(`build failed:\n${r.stdout}${r.stderr}`);
}

function pythonReady() {
  if (!fs.existsSync(PYTHON)) return 'no /usr/bin/python3';
  const r = spawnSync(PYTHON, ['-c', 'import pandas, openpyxl; print(pandas.__version__, openpyxl.__version__)'], { encoding: 'utf8' });
  return r.status === 0 ? null : 'pandas or openpyxl missing for /usr/bin/python3';
}

/** Runs a command under GNU time: wall seconds, peak RSS (MB) and stdout. */
function timed(cmd, args) {
  const r = spawnSync(TIME, ['-f', '__TIME__ %e %M', cmd, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30 });
  const m = /__TIME__ ([\d.]+) (\d+)/.exec(r.stderr ?? '');
  if (r.status !== 0 || !m) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${(r.stderr ?? '').slice(-2000)}`);
  return { seconds: Number(m[1]), rssMB: Number(m[2]) / 1024, stdout: r.stdout };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function workbook(communities) {
  fs.mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, `rollup-${communities}.xlsx`);
  const meta = `${file}.json`;
  const generator = path.join(__dirname, 'bench-rollup-data.js');
  // Cached between runs; regenerated when the generator changes.
  if (fs.existsSync(file) && fs.existsSync(meta) && fs.statSync(meta).mtimeMs >= fs.statSync(generator).mtimeMs) {
    return { file, expected: JSON.parse(fs.readFileSync(meta, 'utf8')) };
  }
  const { generateMonitoringWorkbook } = require('./bench-rollup-data.js');
  const t = Date.now();
  const { bytes, expected } = generateMonitoringWorkbook({ communities });
  fs.writeFileSync(file, bytes);
  fs.writeFileSync(meta, JSON.stringify(expected));
  log(`generated ${path.relative(ROOT, file)} (${(bytes.length / 1e6).toFixed(1)} MB) in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  return { file, expected };
}

/** The readers considered, each on its own process so memory is its own: see docs/bench-rollup.md. */
function measureReaders(file, pyOk) {
  const rows = [];
  const js = (name, code) => {
    const r = timed(process.execPath, ['-e', code, file]);
    const info = JSON.parse(r.stdout.trim().split('\n').pop());
    rows.push({ name, seconds: r.seconds, rssMB: r.rssMB, cells: info.cells });
  };
  js(
    'tablero readXlsx (fflate + indexOf scanner)',
    `const fs=require('fs');const {readXlsx}=require(${JSON.stringify(path.join(ROOT, 'dist-cli/hosts/xlsx/read.js'))});` +
      `const wb=readXlsx(new Uint8Array(fs.readFileSync(process.argv[1])));let cells=0;for(const s of wb.sheets)for(const r of s.rows)for(const v of r)if(v!==null&&v!==undefined)cells++;console.log(JSON.stringify({cells}))`,
  );
  js('fflate unzip + saxes SAX parser', `require(${JSON.stringify(path.join(__dirname, 'bench-rollup-readers.js'))}).saxesCells(process.argv[1])`);
  if (pyOk) {
    const r = timed(PYTHON, [
      '-c',
      'import sys,json,openpyxl\nwb=openpyxl.load_workbook(sys.argv[1],read_only=True,data_only=True)\nn=0\nfor ws in wb.worksheets:\n  for row in ws.iter_rows(values_only=True):\n    n+=sum(1 for v in row if v is not None)\nprint(json.dumps({"cells":n}))',
      file,
    ]);
    rows.push({ name: 'openpyxl load_workbook(read_only=True)', seconds: r.seconds, rssMB: r.rssMB, cells: JSON.parse(r.stdout.trim()).cells });
  }
  return rows;
}

/** Same figures from both tools, or the comparison means nothing. */
function compare(ours, theirs) {
  const c = ours.coverage;
  const s = ours.serviceLevels;
  const p = ours.providerPerformance;
  const checks = [
    ['households', c.total.households, theirs.households],
    ['water', c.total.water, theirs.water],
    ['sanitation', c.total.sanitation, theirs.sanitation],
    ['municipalities', c.areasAboveThreshold.of, theirs.municipalities],
    ['water ≥ threshold', c.areasAboveThreshold.water, theirs.waterAbove],
    ['sanitation ≥ threshold', c.areasAboveThreshold.sanitation, theirs.sanitationAbove],
    ['systems A–D', JSON.stringify(s.byCategory), JSON.stringify(theirs.systems)],
    ['samples', s.bacteriological.samples, theirs.samples],
    ['passed', s.bacteriological.passed, theirs.passed],
    ['chlorinating', s.chlorination.share, theirs.chlorinating],
    ['providers A–D', JSON.stringify(p.byCategory), JSON.stringify(theirs.providers)],
  ];
  return checks.filter(([, a, b]) => (typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) > 1e-6 * Math.max(1, Math.abs(b)) : a !== b));
}

/** Prints its lines and returns the figures; `ok` is false when a target is missed. */
module.exports = async function benchRollup(opts = {}) {
  const communities = opts.communities ?? 100000;
  const runs = opts.runs ?? 3;
  log(`== rollup: ${communities.toLocaleString('en')} communities + systems + providers`);
  ensureBuild();
  const { file, expected } = workbook(communities);
  const rel = path.relative(ROOT, file);
  const pyMissing = pythonReady();

  const ours = [];
  let json = null;
  for (let i = 0; i < runs; i++) {
    const r = timed(process.execPath, [path.join(ROOT, 'bin', 'tablero.js'), 'rollup', file, '--format', 'json', '--lang', 'es']);
    ours.push(r);
    json = JSON.parse(r.stdout);
  }
  const oursSec = median(ours.map((r) => r.seconds));
  const oursRss = Math.max(...ours.map((r) => r.rssMB));
  log(`tablero rollup ${rel} --format json: ${oursSec.toFixed(2)} s (median of ${runs}), peak RSS ${oursRss.toFixed(0)} MB`);
  if (json.coverage.total.households !== expected.households) log(`  MISMATCH: households ${json.coverage.total.households}, generated ${expected.households}`);

  const result = { communities, rollupSeconds: oursSec, rollupRssMB: oursRss, pandasSeconds: null, ratio: null, readers: [], ok: true };
  if (pyMissing) {
    log(`pandas: skipped (${pyMissing}). Install Debian's packages: apt-get install -y python3-pandas python3-openpyxl`);
    result.ok = false;
  } else {
    // pandas is slow and steady: one run is enough to see the ratio.
    const r = timed(PYTHON, [path.join(__dirname, 'bench-rollup.py'), file, String(json.coverage.threshold)]);
    const theirs = JSON.parse(r.stdout.trim().split('\n').pop());
    result.pandasSeconds = r.seconds;
    result.ratio = r.seconds / oursSec;
    log(`pandas + openpyxl (scripts/bench-rollup.py): ${r.seconds.toFixed(2)} s (read_excel ${theirs.readSeconds.toFixed(2)} s), peak RSS ${(r.rssMB).toFixed(0)} MB`);
    const diff = compare(json, theirs);
    if (diff.length) {
      result.ok = false;
      for (const [what, a, b] of diff) log(`  MISMATCH ${what}: tablero ${a}, pandas ${b}`);
    } else log('  same figures from both (households, coverage, threshold counts, A–D, samples, chlorination)');
    log(`ratio: rollup is ${result.ratio.toFixed(1)}× faster than pandas (target ≥ ${TARGET_RATIO}×) ${result.ratio >= TARGET_RATIO ? 'OK' : 'MISSED'}`);
    if (result.ratio < TARGET_RATIO) result.ok = false;
  }
  log(`peak memory: ${oursRss.toFixed(0)} MB (target ≤ ${TARGET_RSS_MB} MB) ${oursRss <= TARGET_RSS_MB ? 'OK' : 'MISSED'}`);
  if (oursRss > TARGET_RSS_MB) result.ok = false;

  if (opts.readers !== false) {
    log('readers on the same file (whole workbook to cells, own process each):');
    result.readers = measureReaders(file, !pyMissing);
    for (const r of result.readers) log(`  ${r.name.padEnd(44)} ${r.seconds.toFixed(2).padStart(6)} s  ${r.rssMB.toFixed(0).padStart(5)} MB  ${r.cells.toLocaleString('en')} cells`);
  }
  return result;
};

if (require.main === module) {
  const args = process.argv.slice(2);
  const val = (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : undefined;
  };
  module.exports({ communities: val('--communities'), runs: val('--runs'), readers: !args.includes('--no-readers') }).then(
    (r) => {
      process.exitCode = r.ok ? 0 : 1;
    },
    (e) => {
      process.stderr.write(`bench-rollup: ${e.message}\n`);
      process.exitCode = 1;
    },
  );
}
