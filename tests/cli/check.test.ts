import * as fs from 'node:fs';
import * as path from 'node:path';
import { readXlsx } from '../../src/hosts/xlsx/read';
import type { CheckJson } from '../../src/cli/check-json';
import { makeXlsx } from '../helpers/make-xlsx';
import { ECUADOR, cliRunner, sha256, tempDir } from '../helpers/cli';
import { HONDURAS_FRAMEWORK } from '../fixtures';

const run = cliRunner('2011-09-15');
const tmp = tempDir('tablero-cli-');
const sha = sha256;

describe('tablero check on the Ecuador fixture', () => {
  let json: CheckJson;
  beforeAll(async () => {
    const r = await run('check', ECUADOR, '--as-of', '2011-09-15', '--format', 'json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    json = JSON.parse(r.stdout) as CheckJson;
  });

  it('finds one table of 36 actions, ids 1.1 … 12.6', () => {
    expect(json.tables.map((t) => [t.sheet, t.layout, t.actions.length])).toEqual([['Plan de Mejora', 'recommendation-blocks', 36]]);
    const ids = json.tables[0]!.actions.map((a) => a.id);
    expect(ids[0]).toBe('1.1');
    expect(ids[ids.length - 1]).toBe('12.6');
    expect(new Set(ids).size).toBe(36);
  });

  it('reports the figures of the fixtures README', () => {
    expect(json.summary).toEqual({
      actions: 36,
      overdue: 20,
      continuous: 4,
      byStatus: { completed: 5, in_progress: 19, not_started: 11, not_applicable: 0, missing: 1, unknown: 0 },
    });
    const actions = json.tables[0]!.actions;
    expect(actions.filter((a) => a.overdue).map((a) => a.id)).toEqual(
      '1.2 1.5 1.7 2.1 2.2 2.3 3.1 4.1 4.2 4.3 5.1 6.1 8.2 10.1 11.2 11.3 11.4 12.1 12.2 12.3'.split(' '),
    );
    expect(actions.filter((a) => a.status === 'completed').map((a) => a.id)).toEqual(['1.1', '1.3', '1.4', '1.6', '8.1']);
    expect(actions.find((a) => a.id === '1.6')?.statusText).toBe('Concluido y en marcha.');
    expect(actions.filter((a) => a.status === 'missing').map((a) => a.id)).toEqual(['1.7']);
    expect(actions.filter((a) => a.deadlineKind === 'continuous').map((a) => a.id)).toEqual(['11.1', '11.5', '12.4', '12.5']);
  });

  it('finds 11 blocks, one without its "Recomendación" header, and the numbering shift', () => {
    const t = json.tables[0]!;
    expect(t.blocks.map((b) => [b.recommendation, b.headerFound])).toEqual([
      ['1', true], ['2', true], ['3', true], ['4', true], ['5', true], ['6', true], ['7', true], ['8', true],
      ['9', false], ['10', true], ['11', true],
    ]);
    expect(json.findings.filter((f) => f.code === 'missing_recommendation_header').map((f) => [f.sheet, f.severity])).toEqual([
      ['Plan de Mejora', 'warning'],
    ]);
    expect(json.findings.filter((f) => f.code === 'numbering').map((f) => f.actionId)).toEqual(['10.1', '11.1', '12.1']);
    expect(t.actions.filter((a) => a.id?.startsWith('11.')).map((a) => a.recommendation)).toEqual(Array(6).fill('10'));
  });

  it('reads real dates and the "…-Aug-11" texts', () => {
    const a = (id: string) => json.tables[0]!.actions.find((x) => x.id === id)!;
    expect([a('1.1').deadline, a('1.1').deadlineKind]).toEqual(['2011-05-04', 'date']);
    expect([a('1.2').deadline, a('1.2').deadlineText, a('1.2').daysOverdue]).toEqual(['2011-08-24', '24-Aug-11', 22]);
    const asText = json.findings.filter((f) => f.code === 'deadline_as_text').map((f) => f.actionId);
    expect(asText).toContain('1.2');
    expect(asText).not.toContain('1.1');
  });

  it('prints a readable summary with the overdue list', async () => {
    const r = await run('check', ECUADOR, '--as-of', '2011-09-15', '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Tables found: 1');
    expect(r.stdout).toContain('Overdue actions: 20');
    expect(r.stdout).toMatch(/^ {2}1\.2 {2}22 days {2}due 2011-08-24 {2}Lidera: MIDUVI/m);
    const es = await run('check', ECUADOR, '--as-of', '2011-09-15', '--lang', 'es');
    expect(es.stdout).toContain('Acciones vencidas: 20');
  });

  it('prints no status block and no "0 overdue" for a workbook whose only table is a results framework', async () => {
    const r = await run('check', HONDURAS_FRAMEWORK, '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Tables found: 0');
    expect(r.stdout).not.toContain('By status');
    expect(r.stdout).not.toContain('Overdue actions');
    expect(r.stdout).toMatch(/15 indicators/);
  });
});

describe('tablero check --out', () => {
  it('writes a new workbook with the original sheet and a marked Seguimiento table; the input is untouched', async () => {
    const before = sha(ECUADOR);
    const out = path.join(tmp, 'seguimiento.xlsx');
    const r = await run('check', ECUADOR, '--as-of', '2011-09-15', '--out', out);
    expect(r.code).toBe(0);
    expect(sha(ECUADOR)).toBe(before);
    const wb = readXlsx(new Uint8Array(fs.readFileSync(out)));
    expect(wb.sheets.map((s) => [s.name, !!s.createdByTablero])).toEqual([
      ['Plan de Mejora', false],
      ['Seguimiento', true],
    ]);
    const seg = wb.sheets[1]!;
    const flat = seg.rows.map((row) => row.map((c) => (typeof c === 'object' && c !== null && 'kind' in c ? c.kind : c)));
    const headerRow = flat.findIndex((row) => row.includes('Acción clave'));
    expect(headerRow).toBeGreaterThan(0);
    // 36 actions under the header, the first with a real date.
    const first = seg.rows[headerRow + 1]!;
    expect(first[2]).toBe('1.1');
    expect(first[5]).toEqual({ kind: 'date', serial: 40667 });
    expect(seg.rows.slice(headerRow + 1, headerRow + 37).every((row) => typeof row[2] === 'string')).toBe(true);
  });

  it('refuses to write over its input', async () => {
    const copy = path.join(tmp, 'copy.xlsx');
    fs.copyFileSync(ECUADOR, copy);
    const before = sha(copy);
    const r = await run('check', copy, '--out', copy, '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('tablero: --out cannot be the same file as the input\n');
    expect(sha(copy)).toBe(before);
  });
});

describe('bad input: one line, non-zero exit, no stack trace', () => {
  const ecuador = fs.readFileSync(ECUADOR);
  const files: Record<string, Buffer> = {
    'empty.xlsx': Buffer.alloc(0),
    'text.xlsx': Buffer.from('Acciones clave;Plazo\nTaller;2024-01-01\n'),
    'truncated.xlsx': ecuador.subarray(0, Math.floor(ecuador.length / 2)),
    'encrypted.xlsx': Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(504),
      Buffer.from('EncryptedPackage', 'utf16le'),
      Buffer.alloc(512),
    ]),
    'old.xls': Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]),
  };
  beforeAll(() => {
    for (const [name, bytes] of Object.entries(files)) fs.writeFileSync(path.join(tmp, name), bytes);
  });

  it.each([
    ['missing.xlsx', 3, /^tablero: file .*missing\.xlsx does not exist$/],
    ['empty.xlsx', 3, /^tablero: file .*empty\.xlsx is empty$/],
    ['text.xlsx', 3, /^tablero: .*text\.xlsx is not an \.xlsx workbook$/],
    ['truncated.xlsx', 3, /^tablero: .*truncated\.xlsx is damaged or incomplete \(.+\)$/],
    ['encrypted.xlsx', 3, /^tablero: .*encrypted\.xlsx is encrypted or password-protected/],
    ['old.xls', 3, /^tablero: .*old\.xls is an old \.xls workbook; save it as \.xlsx$/],
  ])('%s → exit %i', async (name, code, message) => {
    const r = await run('check', path.join(tmp, name), '--lang', 'en');
    expect(r.code).toBe(code);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr.trimEnd()).toMatch(message);
  });

  it('speaks Spanish by default', async () => {
    const r = await run('check', path.join(tmp, 'empty.xlsx'));
    expect(r.stderr).toMatch(/^tablero: el archivo .*empty\.xlsx está vacío\n$/);
  });

  it.each([
    [['check'], /the \.xlsx workbook is missing/],
    [['check', ECUADOR, '--as-of', '2011-02-30'], /invalid option: --as-of/],
    [['check', ECUADOR, '--format', 'xml'], /invalid option: --format/],
    [['check', ECUADOR, '--bogus'], /invalid option/],
    [['check', ECUADOR, '--sheet', 'Nope'], /sheet "Nope" does not exist/],
    [['frobnicate'], /unknown command "frobnicate"/],
  ])('bad usage %j → exit 2', async (argv, message) => {
    const r = await run(...argv, '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });

  it('says when no table is found (exit 4), still printing the report', async () => {
    const budget = path.join(tmp, 'budget.xlsx');
    fs.writeFileSync(budget, makeXlsx([{ name: 'Presupuesto', rows: [['Rubro', 'Monto'], ['Talleres', 3000], ['Total', 3000]] }]));
    const r = await run('check', budget, '--lang', 'en', '--format', 'json');
    expect(r.code).toBe(4);
    expect(r.stderr).toBe(`tablero: no key-action table found in ${budget}\n`);
    expect((JSON.parse(r.stdout) as CheckJson).findings.map((f) => f.code)).toEqual(['no_table']);
  });
});

describe('--vocabulary', () => {
  it('adds the user’s words', async () => {
    const vocab = path.join(tmp, 'vocab.json');
    fs.writeFileSync(vocab, JSON.stringify({ completed: ['En proceso de definición de Agenda'] }));
    const r = await run('check', ECUADOR, '--as-of', '2011-09-15', '--format', 'json', '--vocabulary', vocab);
    const json = JSON.parse(r.stdout) as CheckJson;
    expect(json.summary.byStatus.completed).toBe(6);
    expect(json.summary.byStatus.in_progress).toBe(18);
    expect(json.summary.overdue).toBe(19); // 11.4 is done now
  });

  it.each([
    ['{ "completed": "Listo" }', /vocabulary .* is not valid: completed: /],
    ['{ "done": ["Listo"] }', /vocabulary .* is not valid: /],
    ['not json', /vocabulary .* is not valid: /],
  ])('rejects %s with one line and exit 2', async (content, message) => {
    const vocab = path.join(tmp, 'bad-vocab.json');
    fs.writeFileSync(vocab, content);
    const r = await run('check', ECUADOR, '--vocabulary', vocab, '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });
});
