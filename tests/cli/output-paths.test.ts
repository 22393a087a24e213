// Outputs can never replace the input (issue 8 §5): paths compared by what they are (real path, device
// and inode), not by spelling; an --out that is a symlink, device or FIFO is refused; a CSV set is
// written completely or not at all; a closed pipe ends the command quietly.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { cliRunner, ECUADOR, HONDURAS, sha256, tempDir } from '../helpers/cli';
import { endQuietlyOnBrokenPipe } from '../../src/cli/common';

const run = cliRunner('2011-09-15');
const dir = tempDir('tablero-out-');
let n = 0;

/** A fresh folder holding a copy of the Ecuador plan as plan.xlsx. */
function folder(source = ECUADOR): { d: string; plan: string } {
  const d = path.join(dir, `case${++n}`);
  fs.mkdirSync(d);
  const plan = path.join(d, 'plan.xlsx');
  fs.copyFileSync(source, plan);
  return { d, plan };
}

const SAME_ES = 'tablero: --out no puede ser el mismo archivo que la entrada\n';

describe('--out is never the input, whatever its spelling', () => {
  it.each(['check', 'export'])('%s: the input is a symlink to --out', async (cmd) => {
    const { d, plan } = folder();
    const link = path.join(d, 'current.xlsx');
    fs.symlinkSync(plan, link);
    const before = sha256(plan);
    const r = await run(cmd, link, '--out', plan, '--lang', 'es', '--as-of', '2011-09-15');
    expect([r.code, r.stderr]).toEqual([2, SAME_ES]);
    expect(sha256(plan)).toBe(before);
  });

  it.each(['check', 'export', 'rollup'])('%s: --out dirlink/../plan.xlsx where dirlink points into the input folder', async (cmd) => {
    const { d, plan } = folder(cmd === 'rollup' ? HONDURAS : ECUADOR);
    const sub = path.join(d, 'sub');
    fs.mkdirSync(sub);
    const other = path.join(dir, `elsewhere${n}`);
    fs.mkdirSync(other);
    fs.symlinkSync(sub, path.join(other, 'dirlink'));
    // other/dirlink/.. is d on disk, though other/ spelled lexically (path.join would fold it)
    const out = `${other}/dirlink/../plan.xlsx`;
    const before = sha256(plan);
    const r = await run(cmd, plan, '--out', out, '--lang', 'es', ...(cmd === 'rollup' ? [] : ['--as-of', '2011-09-15']));
    expect([r.code, r.stderr]).toEqual([2, SAME_ES]);
    expect(sha256(plan)).toBe(before);
  });

  it('a hard link to the input is the input', async () => {
    const { d, plan } = folder();
    const hard = path.join(d, 'hard.xlsx');
    fs.linkSync(plan, hard);
    const r = await run('check', plan, '--out', hard, '--lang', 'en', '--as-of', '2011-09-15');
    expect([r.code, r.stderr]).toEqual([2, 'tablero: --out cannot be the same file as the input\n']);
  });

  it.each([
    ['a symlink to another file', (d: string) => { const t = path.join(d, 'target.xlsx'); fs.writeFileSync(t, 'x'); const l = path.join(d, 'out.xlsx'); fs.symlinkSync(t, l); return l; }],
    ['a dangling symlink', (d: string) => { const l = path.join(d, 'out.xlsx'); fs.symlinkSync(path.join(d, 'nowhere.xlsx'), l); return l; }],
    ['a FIFO', (d: string) => { const f = path.join(d, 'out.xlsx'); spawnSync('mkfifo', [f]); return f; }],
    ['a device', () => '/dev/null'],
    ['a folder', (d: string) => { const f = path.join(d, 'out.xlsx'); fs.mkdirSync(f); return f; }],
  ])('--out that is %s is refused, and left as it was', async (_label, make) => {
    const { d, plan } = folder();
    const out = make(d);
    const before = fs.lstatSync(out);
    const r = await run('check', plan, '--out', out, '--lang', 'en', '--as-of', '2011-09-15');
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', `tablero: ${out} is a symbolic link, a device, a pipe (FIFO) or a folder: Tablero only writes regular files\n`]);
    const after = fs.lstatSync(out);
    expect([after.ino, after.mode]).toEqual([before.ino, before.mode]);
  });
});

describe('export --csv writes the set completely or not at all', () => {
  it('writes every CSV and the workbook', async () => {
    const { d, plan } = folder();
    const csv = path.join(d, 'csv');
    const r = await run('export', plan, '--out', path.join(d, 'out.xlsx'), '--csv', csv, '--lang', 'en', '--as-of', '2011-09-15');
    expect(r.code).toBe(0);
    expect(fs.readdirSync(csv).every((f) => f.endsWith('.csv'))).toBe(true);
    expect(fs.readdirSync(csv).length).toBeGreaterThan(2);
  });

  it('a failure half-way leaves the folder as it was and no workbook', async () => {
    const { d, plan } = folder();
    const probe = path.join(d, 'probe');
    await run('export', plan, '--out', path.join(d, 'probe.xlsx'), '--csv', probe, '--lang', 'en', '--as-of', '2011-09-15');
    const names = fs.readdirSync(probe).sort();
    expect(names.length).toBeGreaterThan(2);
    // The folder already holds an old copy of the first file, and a folder where the last one must go.
    const csv = path.join(d, 'csv');
    fs.mkdirSync(csv);
    fs.writeFileSync(path.join(csv, names[0]!), 'old');
    fs.mkdirSync(path.join(csv, names[names.length - 1]!));
    const out = path.join(d, 'out.xlsx');
    const r = await run('export', plan, '--out', out, '--csv', csv, '--lang', 'en', '--as-of', '2011-09-15');
    expect(r.code).toBe(2);
    expect(fs.readdirSync(csv).sort()).toEqual([names[0], names[names.length - 1]].sort());
    expect(fs.readFileSync(path.join(csv, names[0]!), 'utf8')).toBe('old');
    expect(fs.existsSync(out)).toBe(false);
  });

  it('a folder it had to create is removed when the workbook cannot be written', async () => {
    const { d, plan } = folder();
    const csv = path.join(d, 'new', 'csv');
    const out = path.join(d, 'missing-folder', 'out.xlsx');
    const r = await run('export', plan, '--out', out, '--csv', csv, '--lang', 'en', '--as-of', '2011-09-15');
    expect(r.code).toBe(3);
    expect(fs.existsSync(path.join(d, 'new'))).toBe(false);
  });
});

describe('a closed pipe ends the command quietly', () => {
  it('EPIPE on the output stream exits 0 without a stack trace', async () => {
    // A real pipe (a FIFO) whose reader, head -c 1, goes away after one byte.
    const fifo = path.join(dir, 'pipe');
    spawnSync('mkfifo', [fifo]);
    const child = spawn('head', ['-c', '1', fifo], { stdio: 'ignore' });
    const gone = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    const stream = fs.createWriteStream(fifo);
    const exits: number[] = [];
    endQuietlyOnBrokenPipe(stream as unknown as NodeJS.WriteStream, (code) => exits.push(code));
    stream.write('x');
    await gone;
    for (let i = 0; i < 50 && !exits.length; i++) {
      stream.write('x'.repeat(65536));
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(exits).toEqual([0]);
  });
});
