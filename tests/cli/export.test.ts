import * as fs from 'node:fs';
import * as path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { isoToSerial } from '../../src/core/dates';
import { dateCell, type Cell, type SheetGrid, type WorkbookGrid } from '../../src/core/grid';
import { readXlsx } from '../../src/hosts/xlsx/read';
import { makeXlsx } from '../helpers/make-xlsx';
import { ECUADOR, HONDURAS, cliRunner, sha256, tempDir } from '../helpers/cli';

const VERSION = (JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
const run = cliRunner('2011-09-16');
const tmp = tempDir('tablero-export-');
const sha = sha256;
const d = (iso: string) => dateCell(isoToSerial(iso));

function sheetOf(wb: WorkbookGrid, name: string): SheetGrid {
  const s = wb.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name} in ${wb.sheets.map((x) => x.name).join(', ')}`);
  return s;
}

/** The table at the top of an export sheet: header row, then records keyed by header. */
function records(s: SheetGrid): { headers: string[]; rows: Record<string, Cell>[] } {
  const headers = (s.rows[0] ?? []).map((c) => String(c));
  const rows = s.rows.slice(1).map((r) => Object.fromEntries(headers.map((h, i) => [h, r[i] ?? null])));
  return { headers, rows };
}

function tally(values: readonly Cell[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[String(v)] = (out[String(v)] ?? 0) + 1;
  return out;
}

/** The package's parts as text, to look at what the reader does not report (tables, panes, formats). */
function parts(file: string): Record<string, string> {
  const files = unzipSync(new Uint8Array(fs.readFileSync(file)));
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strFromU8(v)]));
}

/** Number format and fill colour of the style index `s` in styles.xml. */
function styleOf(p: Record<string, string>, s: number): { format: string | null; fill: string | null } {
  const styles = p['xl/styles.xml'] ?? '';
  const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1]?.match(/<xf\b[^>]*\/?>/g) ?? [];
  const xf = xfs[s] ?? '';
  const numFmtId = /numFmtId="(\d+)"/.exec(xf)?.[1];
  const fillId = Number(/fillId="(\d+)"/.exec(xf)?.[1] ?? 0);
  const format = numFmtId ? (new RegExp(`<numFmt numFmtId="${numFmtId}" formatCode="([^"]*)"`).exec(styles)?.[1] ?? `builtin:${numFmtId}`) : null;
  const fills = /<fills[^>]*>([\s\S]*?)<\/fills>/.exec(styles)?.[1]?.match(/<fill>[\s\S]*?<\/fill>/g) ?? [];
  const fill = /fgColor rgb="([0-9A-F]+)"/.exec(fills[fillId] ?? '')?.[1] ?? null;
  return { format, fill };
}

/** The worksheet part of the sheet called `name`, found through workbook.xml and its relationships. */
function sheetXml(p: Record<string, string>, name: string): string {
  const esc = name.replace(/&/g, '&amp;');
  const rId = new RegExp(`<sheet name="${esc}" sheetId="\\d+" r:id="([^"]+)"`).exec(p['xl/workbook.xml'] ?? '')?.[1];
  const target = new RegExp(`<Relationship Id="${rId}"[^>]*Target="([^"]+)"`).exec(p['xl/_rels/workbook.xml.rels'] ?? '')?.[1];
  const xml = target ? p[`xl/${target.replace(/^\/?xl\//, '')}`] : undefined;
  if (!xml) throw new Error(`no worksheet part for ${name}`);
  return xml;
}

function cellStyle(sheetXml: string, ref: string): number {
  const m = new RegExp(`<c r="${ref}"(?: s="(\\d+)")?`).exec(sheetXml);
  if (!m) throw new Error(`no cell ${ref}`);
  return Number(m[1] ?? 0);
}

describe('tablero export: Ecuador as of 2011-09-15 in English', () => {
  const out = path.join(tmp, 'ecuador-en.xlsx');
  let wb: WorkbookGrid;
  let stdout: string;
  const before = sha(ECUADOR);

  beforeAll(async () => {
    const r = await run('export', ECUADOR, '--out', out, '--as-of', '2011-09-15', '--lang', 'en');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    stdout = r.stdout;
    wb = readXlsx(new Uint8Array(fs.readFileSync(out)));
  });

  it('says what it wrote and leaves the input untouched', () => {
    const findings = records(sheetOf(wb, 'Findings')).rows.length;
    expect(stdout).toBe(`Wrote: ${out} (4 sheets, 36 actions, ${findings} findings)\n`);
    expect(sha(ECUADOR)).toBe(before);
  });

  it('is a new workbook of our own sheets only', () => {
    expect(wb.sheets.map((s) => [s.name, s.createdByTablero])).toEqual([
      ['About', true],
      ['Key actions', true],
      ['Summary', true],
      ['Findings', true],
    ]);
  });

  it('About holds the title, the source file, real dates, the version and the counts', () => {
    const about = sheetOf(wb, 'About').rows;
    expect(about[0]).toEqual(['Item', 'Value']);
    expect(about.slice(1)).toEqual([
      ['Programme', 'Gobernabilidad del sector agua y saneamiento en el Ecuador en el marco de los Objetivos de Desarrollo del Milenio'],
      ['Source file', 'plan-de-mejora-agua-ecuador-2011.xlsx'],
      ['As of', d('2011-09-15')],
      ['Date generated', d('2011-09-16')],
      ['Tablero version', VERSION],
      ['Number of actions', 36],
      ['Number of findings', records(sheetOf(wb, 'Findings')).rows.length],
    ]);
  });

  it('Key actions: 36 rows; Completed 5, Initiated 19, Not initiated 11, one blank; 20 overdue; real due dates', () => {
    const { headers, rows } = records(sheetOf(wb, 'Key actions'));
    expect(headers).toEqual([
      'Recommendation no.',
      'Recommendation',
      'Management response',
      'Action id',
      'Key action',
      'Responsible',
      'Lead organisation',
      'Due date',
      'Status',
      'Overdue',
      'Days overdue',
      'Latest comment',
      'Source',
    ]);
    expect(rows).toHaveLength(36);
    expect(tally(rows.map((r) => r['Status'] ?? null))).toEqual({ Completed: 5, Initiated: 19, 'Not initiated': 11, Blank: 1 });
    expect(tally(rows.map((r) => r['Overdue'] ?? null))).toEqual({ Yes: 20, No: 16 });
    const first = rows[0] ?? {};
    expect(first['Recommendation no.']).toBe(1);
    expect(first['Action id']).toBe('1.1');
    expect(first['Lead organisation']).toBe('MIDUVI');
    expect(first['Due date']).toEqual(d('2011-05-04'));
    expect(first['Days overdue']).toBeNull();
    const a12 = rows.find((r) => r['Action id'] === '1.2') ?? {};
    expect([a12['Due date'], a12['Status'], a12['Overdue'], a12['Days overdue']]).toEqual([d('2011-08-24'), 'Initiated', 'Yes', 22]);
    expect(rows.find((r) => r['Action id'] === '11.1')?.['Due date']).toBe('Continuous');
    expect(rows.find((r) => r['Action id'] === '1.7')?.['Status']).toBe('Blank');
    expect(rows.reduce((n, r) => n + (typeof r['Days overdue'] === 'number' ? 1 : 0), 0)).toBe(20);
  });

  it('Summary: the total share not overdue is 16/36, a real percent with a red fill', () => {
    const { headers, rows } = records(sheetOf(wb, 'Summary'));
    expect(headers).toEqual([
      'Recommendation no.',
      'Actions',
      'Completed',
      'Initiated',
      'Not initiated',
      'No longer applicable',
      'Blank',
      'Unknown',
      '% completed',
      'Overdue',
      'Share not overdue',
    ]);
    expect(rows).toHaveLength(12);
    const total = rows[11] ?? {};
    expect(Object.values(total)).toEqual(['Total', 36, 5, 19, 11, 0, 1, 0, 5 / 36, 20, 16 / 36]);

    const p = parts(out);
    const summaryXml = sheetXml(p, 'Summary');
    // Row 13 is the total; K is the share not overdue, I the % completed.
    expect(styleOf(p, cellStyle(summaryXml, 'K13'))).toEqual({ format: '0.0%', fill: 'FFFFC7CE' });
    expect(styleOf(p, cellStyle(summaryXml, 'I13')).format).toBe('0.0%');
    // Recommendation 7: nothing overdue → green; recommendation 1: 4/7 → red.
    expect(rows[6]?.['Share not overdue']).toBe(1);
    expect(styleOf(p, cellStyle(summaryXml, 'K8')).fill).toBe('FFC6EFCE');
    expect(styleOf(p, cellStyle(summaryXml, 'K2')).fill).toBe('FFFFC7CE');
  });

  it('every sheet is one Excel table with a frozen header row and no formulas', () => {
    const p = parts(out);
    const tables = Object.keys(p).filter((k) => /^xl\/tables\/.*\.xml$/.test(k)).map((k) => /displayName="([^"]+)"/.exec(p[k] ?? '')?.[1]);
    expect(tables.sort()).toEqual(['Tablero_About', 'Tablero_Findings', 'Tablero_KeyActions', 'Tablero_Summary']);
    const sheets = Object.keys(p).filter((k) => /^xl\/worksheets\/[^/]+\.xml$/.test(k));
    expect(sheets).toHaveLength(4);
    for (const k of sheets) {
      expect(p[k]).toMatch(/<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"\/>/);
      expect(p[k]).toMatch(/<tablePart r:id="rId\d+"\/>/);
      expect(p[k]).not.toMatch(/<f>/);
      expect(p[k]).toMatch(/<col min="1" max="1" width="[\d.]+" customWidth="1"\/>/);
    }
  });

  it('the Findings sheet lists every finding with code, severity, cell and message', () => {
    const { headers, rows } = records(sheetOf(wb, 'Findings'));
    expect(headers).toEqual(['Code', 'Severity', 'Cell', 'Action id', 'Message']);
    expect(rows.filter((r) => r['Code'] === 'overdue')).toHaveLength(20);
    expect(rows.find((r) => r['Code'] === 'missing_status')).toEqual({
      Code: 'missing_status',
      Severity: 'warning',
      Cell: "'Plan de Mejora'!E20",
      'Action id': '1.7',
      Message: 'Action 1.7 has no status.',
    });
  });
});

describe('tablero export in Spanish', () => {
  it('the same numbers under Spanish headers', async () => {
    const out = path.join(tmp, 'ecuador-es.xlsx');
    const r = await run('export', ECUADOR, '--out', out, '--as-of', '2011-09-15', '--lang', 'es');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Escrito: .*ecuador-es\.xlsx \(4 hojas, 36 acciones, \d+ hallazgos\)\n$/);
    const wb = readXlsx(new Uint8Array(fs.readFileSync(out)));
    expect(wb.sheets.map((s) => s.name)).toEqual(['Acerca de', 'Acciones clave', 'Resumen', 'Hallazgos']);
    const actions = records(sheetOf(wb, 'Acciones clave'));
    expect(actions.headers.slice(7, 11)).toEqual(['Plazo', 'Estado', 'Atrasada', 'Días de atraso']);
    expect(tally(actions.rows.map((x) => x['Estado'] ?? null))).toEqual({ Completada: 5, 'En curso': 19, 'Sin iniciar': 11, 'Sin estado': 1 });
    expect(tally(actions.rows.map((x) => x['Atrasada'] ?? null))).toEqual({ Sí: 20, No: 16 });
    expect(actions.rows.find((x) => x['N° de acción'] === '12.4')?.['Plazo']).toBe('Continuo');
    const summary = records(sheetOf(wb, 'Resumen'));
    expect(summary.rows.at(-1)).toEqual({
      'Recomendación N°': 'Total',
      Acciones: 36,
      Completada: 5,
      'En curso': 19,
      'Sin iniciar': 11,
      'Ya no aplica': 0,
      'Sin estado': 1,
      Desconocido: 0,
      '% completadas': 5 / 36,
      Atrasadas: 20,
      'Proporción no atrasada': 16 / 36,
    });
    expect(sheetOf(wb, 'Acerca de').rows[3]).toEqual(['Fecha de corte', d('2011-09-15')]);
  });
});

describe('tablero export --csv', () => {
  // A plan whose comments and texts try to run formulas when the CSV is opened.
  const plan = path.join(tmp, 'hostile.xlsx');
  const rows: (string | number | null)[][] = [
    ['Programa: prueba'],
    [],
    ['N°', 'Acción', 'Plazo', 'Responsable', 'Estado', 'Comentarios'],
    ['1', '+1+1', '2024-03-31', 'PNUD, UNICEF', 'Concluido', '=HYPERLINK("http://x","y")'],
    ['2', 'Taller "único" de cierre', '2024-06-30', '@SUM(A1)', 'En curso', '-2+3'],
    ['3', 'Informe\nfinal', '2024-12-31', 'MIDUVI', 'Sin iniciar', '\t=1+1'],
    ['4', 'Revisión', 'Continuo', 'SENAGUA', 'En curso', '\r=2+2'],
  ];
  const dir = path.join(tmp, 'csv-out', 'nested');
  const out = path.join(tmp, 'hostile-export.xlsx');
  let files: Record<string, string>;

  beforeAll(async () => {
    fs.writeFileSync(plan, makeXlsx([{ name: 'Plan', rows }]));
    const r = await run('export', plan, '--out', out, '--as-of', '2024-07-01', '--lang', 'es', '--csv', dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`CSV: 4 archivos en ${dir}`);
    files = Object.fromEntries(fs.readdirSync(dir).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
  });

  it('writes one CSV per table into a folder it creates, UTF-8 with BOM and CRLF', () => {
    expect(Object.keys(files).sort()).toEqual(['acciones-clave.csv', 'acerca-de.csv', 'hallazgos.csv', 'resumen.csv']);
    for (const text of Object.values(files)) {
      expect(text.charCodeAt(0)).toBe(0xfeff);
      expect(text.endsWith('\r\n')).toBe(true);
    }
    expect(fs.readFileSync(path.join(dir, 'acciones-clave.csv')).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    // No temporary files are left behind.
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('every formula-looking text arrives as text; numbers and ISO dates stay plain', () => {
    const lines = (files['acciones-clave.csv'] ?? '').slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'Recomendación N°,Recomendación,Respuesta de la gestión,N° de acción,Acción clave,Responsable/s,Organización líder,Plazo,Estado,Atrasada,Días de atraso,Último comentario,Origen',
    );
    expect(lines[1]).toBe(`,,,1,'+1+1,"PNUD, UNICEF",PNUD,2024-03-31,Completada,No,,"'=HYPERLINK(""http://x"",""y"")",Plan!A4`);
    expect(lines[2]).toBe(`,,,2,"Taller ""único"" de cierre",'@SUM(A1),'@SUM,2024-06-30,En curso,Sí,1,'-2+3,Plan!A5`);
    // The engine trims cell text, so the tab and CR go; what follows is still neutralised.
    // (Tab- and CR-led text reaching toCsv is covered in tests/core/export-csv.test.ts.)
    expect(lines[3]).toBe(`,,,3,"Informe\nfinal",MIDUVI,MIDUVI,2024-12-31,Sin iniciar,No,,'=1+1,Plan!A6`);
    expect(lines[4]).toBe(`,,,4,Revisión,SENAGUA,SENAGUA,Continuo,En curso,No,,'=2+2,Plan!A7`);
    expect(lines[5]).toBe('');
    expect(lines).toHaveLength(6);
  });

  it('the Summary CSV keeps shares as plain fractions', () => {
    const lines = (files['resumen.csv'] ?? '').slice(1).split('\r\n');
    expect(lines.at(-2)).toBe('Total,4,1,2,1,0,0,0,0.25,1,0.75');
  });

  it('in the workbook the same texts are plain text cells, never formulas', () => {
    const p = parts(out);
    for (const [k, v] of Object.entries(p)) if (k.startsWith('xl/worksheets/')) expect(v).not.toMatch(/<f[ >]/);
    const actions = records(sheetOf(readXlsx(new Uint8Array(fs.readFileSync(out))), 'Acciones clave')).rows;
    expect(actions.map((a) => a['Último comentario'])).toEqual(['=HYPERLINK("http://x","y")', '-2+3', '=1+1', '=2+2']);
  });
});

describe('tablero export: Honduras adds the Indicators sheet', () => {
  it('with the figures of the fixtures README', async () => {
    const out = path.join(tmp, 'honduras.xlsx');
    const r = await run('export', HONDURAS, '--out', out, '--as-of', '2017-12-31', '--lang', 'en');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const wb = readXlsx(new Uint8Array(fs.readFileSync(out)));
    expect(wb.sheets.map((s) => s.name)).toEqual(['About', 'Key actions', 'Summary', 'Indicators', 'Findings']);
    const { headers, rows } = records(sheetOf(wb, 'Indicators'));
    expect(headers).toEqual(['Area level', 'Area', 'Indicator', 'Numerator', 'Denominator', 'Value']);
    const total = (indicator: string) => {
      const hit = rows.filter((x) => x['Area level'] === 'Total' && x['Indicator'] === indicator);
      expect(hit).toHaveLength(1);
      return hit[0] ?? {};
    };
    const water = total('Water coverage (households)');
    expect([water['Numerator'], water['Denominator']]).toEqual([128865, 153228]);
    expect(water['Value']).toBeCloseTo(0.841002, 6);
    expect(total('Sanitation coverage (households)')['Value']).toBeCloseTo(0.807287, 6);
    expect(total('Municipalities with water coverage ≥ 80%')['Numerator']).toBe(18);
    expect(total('Municipalities with sanitation coverage ≥ 80%')['Numerator']).toBe(16);
    expect(['A', 'B', 'C', 'D'].map((c) => total(`Water systems in SIASAR category ${c}`)['Numerator'])).toEqual([410, 176, 8, 0]);
    expect(['A', 'B', 'C', 'D'].map((c) => total(`Providers in SIASAR category ${c}`)['Numerator'])).toEqual([54, 422, 109, 9]);
    const bact = total('Bacteriological samples passed');
    expect([bact['Numerator'], bact['Denominator']]).toEqual([453, 1772]);
    expect(bact['Value']).toBeCloseTo(0.255643, 6);
    expect(rows.filter((x) => x['Area level'] === 'Municipality' && x['Indicator'] === 'Water coverage (households)')).toHaveLength(26);
    // The value column is a real percent.
    const p = parts(out);
    const xml = sheetXml(p, 'Indicators');
    expect(styleOf(p, cellStyle(xml, 'F2')).format).toBe('0.0%');
  });
});

describe('tablero export --sheets', () => {
  it('writes only the sheets named (those the workbook has), in the export\'s order, the Summary with its chart', async () => {
    const out = path.join(tmp, 'picked.xlsx');
    const r = await run('export', ECUADOR, '--out', out, '--as-of', '2011-09-15', '--lang', 'en', '--sheets', 'findings, summary,indicators');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readXlsx(new Uint8Array(fs.readFileSync(out))).sheets.map((s) => s.name)).toEqual(['Summary', 'Findings']);
    expect(Object.keys(parts(out)).filter((k) => /^xl\/charts\/chart\d+\.xml$/.test(k))).toEqual(['xl/charts/chart1.xml']);
  });
});

describe('tablero export: bad usage and bad input write nothing', () => {
  it('--out is required', async () => {
    const r = await run('export', ECUADOR, '--lang', 'en');
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'tablero: --out FILE.xlsx is missing. Use --help.\n' });
  });

  it('never writes over its input', async () => {
    const copy = path.join(tmp, 'copy.xlsx');
    fs.copyFileSync(ECUADOR, copy);
    const before = sha(copy);
    const r = await run('export', copy, '--out', path.join(tmp, '.', 'copy.xlsx'), '--lang', 'en');
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'tablero: --out cannot be the same file as the input\n' });
    expect(sha(copy)).toBe(before);
  });

  it.each([
    [['--out', 'x.csv'], 'tablero: --out must end in .xlsx\n'],
    [['--out', 'x.xlsx', '--as-of', '2011-02-30'], 'tablero: invalid option: --as-of: YYYY-MM-DD\n'],
    [['--out', 'x.xlsx', '--lang', 'fr'], /^tablero: invalid option: --lang: /],
    [['--out', 'x.xlsx', '--bogus'], /^tablero: invalid option: /],
    [['--out', 'x.xlsx', '--sheets', 'summary,charts'], 'tablero: --sheets takes a comma-separated list of: about,actions,summary,indicators,iptt,milestones,findings\n'],
    [['--out', 'x.xlsx', '--sheets', ','], 'tablero: --sheets takes a comma-separated list of: about,actions,summary,indicators,iptt,milestones,findings\n'],
  ])('%j is a usage error', async (args, message) => {
    // --out points into the temporary folder should a bug let the command run.
    const argv = args.map((a) => (a.endsWith('.xlsx') || a.endsWith('.csv') ? path.join(tmp, a) : a));
    const r = await run('export', ECUADOR, '--lang', 'en', ...argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    if (typeof message === 'string') expect(r.stderr).toBe(message);
    else expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a missing input file: exit 3, no output, no CSV folder', async () => {
    const out = path.join(tmp, 'never.xlsx');
    const dir = path.join(tmp, 'never-csv');
    const r = await run('export', path.join(tmp, 'missing.xlsx'), '--out', out, '--csv', dir, '--lang', 'en');
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(`tablero: file ${path.join(tmp, 'missing.xlsx')} does not exist\n`);
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('a workbook with neither a plan nor record sheets: exit 4 and nothing written', async () => {
    const budget = path.join(tmp, 'budget.xlsx');
    fs.writeFileSync(budget, makeXlsx([{ name: 'Presupuesto', rows: [['Rubro', 'Monto'], ['Talleres', 3000]] }]));
    const out = path.join(tmp, 'budget-export.xlsx');
    const r = await run('export', budget, '--out', out, '--lang', 'en');
    expect(r.code).toBe(4);
    expect(r.stderr).toBe(`tablero: no key-action table found in ${budget}\n`);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('--help prints the export usage', async () => {
    const r = await run('export', '--help', '--lang', 'es');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Uso: tablero export <libro\.xlsx> --out ARCHIVO\.xlsx/);
    expect(r.stdout).toContain('--csv CARPETA');
  });
});
