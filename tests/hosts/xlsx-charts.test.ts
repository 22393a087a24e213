/**
 * @jest-environment jsdom
 */
// Charts in the .xlsx writer: the sheet plan's charts come out as DrawingML parts (drawing, chart,
// their relationships and content types), every part parses as XML, the series formulas name the
// cells that hold the figures (read back from the written workbook), and rewrites leave no orphan part.
import '../taskpane/jsdom-text';
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { readXlsx } from '../../src/hosts/xlsx/read';
import { writeXlsx } from '../../src/hosts/xlsx/write';
import { rollupSheets, rollupWorkbook } from '../../src/core/rollup';
import { exportWorkbook } from '../../src/core/export';
import { cellAt, parseA1, type WorkbookGrid } from '../../src/core/grid';
import type { OutputSheet } from '../../src/core/output';
import { planSheet } from '../../src/core/sheet-plan';
import { ECUADOR_PLAN, HONDURAS_MONITORING } from '../fixtures';
import { packageProblems } from './xlsx-helpers';

const NS_C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const NS_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

type Parts = Record<string, string>;

function parts(bytes: Uint8Array): Parts {
  const out: Parts = {};
  for (const [name, data] of Object.entries(unzipSync(bytes))) if (/\.(xml|rels)$/.test(name)) out[name] = strFromU8(data);
  return out;
}

/** Parses strictly (jsdom's XML parser); throws on a document that is not well formed. */
function xml(text: string | undefined): Document {
  if (text === undefined) throw new Error('missing part');
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  const err = doc.getElementsByTagName('parsererror')[0];
  if (err) throw new Error(`not well formed: ${err.textContent ?? ''}`);
  return doc;
}

function rels(p: Parts, source: string): { id: string; type: string; target: string }[] {
  const i = source.lastIndexOf('/');
  const doc = xml(p[`${source.slice(0, i)}/_rels/${source.slice(i + 1)}.rels`]);
  return [...doc.getElementsByTagNameNS(NS_REL, 'Relationship')].map((r) => ({
    id: r.getAttribute('Id') ?? '',
    type: (r.getAttribute('Type') ?? '').replace(/^.*\//, ''),
    target: r.getAttribute('Target') ?? '',
  }));
}

/** "../charts/chart1.xml" from xl/drawings/drawing1.xml → xl/charts/chart1.xml. */
function resolve(source: string, target: string): string {
  const dir = source.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') dir.pop();
    else if (seg !== '.') dir.push(seg);
  }
  return dir.join('/');
}

interface Chart {
  part: string;
  grouping: string[];
  /** Per series: name formula, category formula, value formula, cached values. */
  series: { tx: string; cat: string; val: string; cache: (number | null)[] }[];
  title: string;
}

/** The charts of the sheet named `name`, following workbook → sheet → drawing → chart relationships. */
function chartsOf(p: Parts, name: string): { anchors: { row: number; name: string }[]; charts: Chart[] } {
  const wb = xml(p['xl/workbook.xml']);
  const sheet = [...wb.getElementsByTagName('sheet')].find((s) => s.getAttribute('name') === name);
  const rid = sheet?.getAttribute('r:id') ?? '';
  const sheetPath = resolve('xl/workbook.xml', rels(p, 'xl/workbook.xml').find((r) => r.id === rid)!.target);
  const drawingEl = xml(p[sheetPath]).getElementsByTagName('drawing')[0];
  if (!drawingEl) return { anchors: [], charts: [] };
  const drawingRel = rels(p, sheetPath).find((r) => r.id === drawingEl.getAttribute('r:id'))!;
  expect(drawingRel.type).toBe('drawing');
  const drawingPath = resolve(sheetPath, drawingRel.target);
  const drawing = xml(p[drawingPath]);
  const dRels = rels(p, drawingPath);
  const anchors = [...drawing.getElementsByTagNameNS(NS_XDR, 'oneCellAnchor')].map((a) => ({
    row: Number(a.getElementsByTagNameNS(NS_XDR, 'row')[0]?.textContent),
    name: a.getElementsByTagNameNS(NS_XDR, 'cNvPr')[0]?.getAttribute('name') ?? '',
  }));
  const charts = [...drawing.getElementsByTagNameNS(NS_C, 'chart')].map((el) => {
    const rel = dRels.find((r) => r.id === el.getAttribute('r:id'))!;
    expect(rel.type).toBe('chart');
    const part = resolve(drawingPath, rel.target);
    const doc = xml(p[part]);
    const f = (ser: Element, tag: string): string => ser.getElementsByTagNameNS(NS_C, tag)[0]?.getElementsByTagNameNS(NS_C, 'f')[0]?.textContent ?? '';
    return {
      part,
      grouping: [...doc.getElementsByTagNameNS(NS_C, 'grouping')].map((g) => g.getAttribute('val') ?? ''),
      title: [...doc.getElementsByTagNameNS(NS_C, 'title')[0]!.getElementsByTagName('a:t')].map((t) => t.textContent).join(''),
      series: [...doc.getElementsByTagNameNS(NS_C, 'ser')].map((ser) => {
        const val = ser.getElementsByTagNameNS(NS_C, 'val')[0]!;
        const count = Number(val.getElementsByTagNameNS(NS_C, 'ptCount')[0]?.getAttribute('val'));
        const cache: (number | null)[] = new Array(count).fill(null);
        for (const pt of val.getElementsByTagNameNS(NS_C, 'pt')) cache[Number(pt.getAttribute('idx'))] = Number(pt.textContent);
        return { tx: f(ser, 'tx'), cat: f(ser, 'cat'), val: f(ser, 'val'), cache };
      }),
    };
  });
  return { anchors, charts };
}

/** The values of the cells a formula like 'Cobertura'!$B$7:$B$32 names, read back from the workbook. */
function cellsOf(grid: WorkbookGrid, formula: string): unknown[] {
  const m = /^'((?:[^']|'')+)'!\$([A-Z]+)\$(\d+)(?::\$([A-Z]+)\$(\d+))?$/.exec(formula) ?? /^([^'!]+)!\$([A-Z]+)\$(\d+)(?::\$([A-Z]+)\$(\d+))?$/.exec(formula);
  if (!m) throw new Error(`unexpected formula ${formula}`);
  const sheet = grid.sheets.find((s) => s.name === m[1]!.replace(/''/g, "'"))!;
  const a = parseA1(`${m[2]}${m[3]}`)!;
  const b = parseA1(`${m[4] ?? m[2]}${m[5] ?? m[3]}`)!;
  const out: unknown[] = [];
  for (let r = a.r; r <= b.r; r++) out.push(cellAt(sheet, r, a.c));
  return out;
}

const honduras = readXlsx(new Uint8Array(readFileSync(HONDURAS_MONITORING)));
const ecuador = readXlsx(new Uint8Array(readFileSync(ECUADOR_PLAN)));

function rollupOut(lang: 'es' | 'en', threshold?: number): OutputSheet[] {
  return rollupSheets(rollupWorkbook(honduras, { lang, threshold }), lang);
}

describe('roll-up charts in a written workbook', () => {
  const bytes = writeXlsx(null, rollupOut('es')).bytes;
  const p = parts(bytes);
  const back = readXlsx(bytes);

  it('declares every drawing and chart part and leaves the package well formed', () => {
    expect(packageProblems(bytes)).toEqual([]);
    for (const [name, text] of Object.entries(p)) expect(() => xml(text)).not.toThrow(`${name}`);
    const types = xml(p['[Content_Types].xml']);
    const overrides = [...types.getElementsByTagName('Override')]
      .map((o) => [o.getAttribute('PartName'), (o.getAttribute('ContentType') ?? '').replace(/^application\/vnd\.openxmlformats-officedocument\./, '')])
      .filter(([part]) => /drawing|chart/.test(part ?? ''));
    expect(overrides).toEqual([
      ['/xl/drawings/drawing1.xml', 'drawing+xml'],
      ['/xl/charts/chart1.xml', 'drawingml.chart+xml'],
      ['/xl/drawings/drawing2.xml', 'drawing+xml'],
      ['/xl/charts/chart2.xml', 'drawingml.chart+xml'],
      ['/xl/drawings/drawing3.xml', 'drawing+xml'],
      ['/xl/charts/chart3.xml', 'drawingml.chart+xml'],
    ]);
  });

  it('coverage: water and sanitation by municipality, clustered, with the 80 % threshold line; series read the table', () => {
    const { anchors, charts } = chartsOf(p, 'Cobertura');
    expect(anchors.map((a) => a.name)).toEqual(['Tablero_Chart_Coverage']);
    const [chart] = charts;
    expect(chart!.title).toBe('Cobertura por Municipio');
    expect(chart!.grouping).toEqual(['clustered', 'standard']);
    const [water, sanitation, threshold] = chart!.series;
    expect(chart!.series.map((s) => cellsOf(back, s.tx))).toEqual([['Cobertura de agua'], ['Cobertura de saneamiento'], ['Umbral 80\u00a0%']]); // es-ES puts a no-break space before %
    // 26 municipalities; the categories are the municipality column of that table.
    const names = cellsOf(back, water!.cat);
    expect(names).toHaveLength(26);
    expect(new Set(chart!.series.map((s) => s.cat))).toEqual(new Set([water!.cat]));
    const table = rollupOut('es')[0]!.tables.find((t) => t.name === 'Tablero_Coverage_municipality')!;
    expect(names).toEqual(table.rows.slice(0, 26).map((r) => r[1]));
    // The values and their caches are the roll-up's figures.
    const waterCol = table.columns.findIndex((c) => c.header === 'Cobertura de agua');
    const expected = table.rows.slice(0, 26).map((r) => r[waterCol]);
    expect(cellsOf(back, water!.val)).toEqual(expected);
    expect(water!.cache).toEqual(expected);
    expect(cellsOf(back, sanitation!.val)).toEqual(sanitation!.cache);
    expect(cellsOf(back, threshold!.val)).toEqual(new Array(26).fill(0.8));
    // The anchor is under the sheet's content: the last row holding anything is above it.
    const sheet = back.sheets.find((s) => s.name === 'Cobertura')!;
    expect(anchors[0]!.row).toBeGreaterThanOrEqual(sheet.rows.length);
  });

  it('systems and providers: A–D stacked, one series per category present', () => {
    for (const [name, title] of [
      ['Niveles de servicio', 'Sistemas de agua por categoría SIASAR, por Municipio'],
      ['Desempeño de prestadores', 'Prestadores por categoría SIASAR, por Municipio'],
    ] as const) {
      const [chart] = chartsOf(p, name).charts;
      expect(chart!.title).toBe(title);
      expect(chart!.grouping).toEqual(['stacked']);
      expect(chart!.series.map((s) => cellsOf(back, s.tx)[0])).toEqual(['A', 'B', 'C', 'D']);
      for (const s of chart!.series) expect(cellsOf(back, s.val).map((v) => (v === null ? null : v))).toEqual(s.cache);
    }
  });

  it('a rewrite replaces our charts (no orphan parts), also into a workbook that has its own parts', () => {
    const again = writeXlsx(bytes, rollupOut('es', 0.9)).bytes;
    expect(packageProblems(again)).toEqual([]);
    const q = parts(again);
    // New parts take fresh names (as tables do); the old ones are gone.
    expect(Object.keys(q).filter((n) => /^xl\/(charts|drawings)\/[^/]+\.xml$/.test(n)).sort()).toEqual([
      'xl/charts/chart4.xml', 'xl/charts/chart5.xml', 'xl/charts/chart6.xml',
      'xl/drawings/drawing4.xml', 'xl/drawings/drawing5.xml', 'xl/drawings/drawing6.xml',
    ]);
    expect(chartsOf(q, 'Cobertura').charts[0]!.series.map((s) => s.cache[0])[2]).toBe(0.9);

    // The same sheet twice in one call: the second replaces the first, its drawing included.
    const twice = writeXlsx(null, [...rollupOut('en'), rollupOut('en')[0]!]).bytes;
    expect(packageProblems(twice)).toEqual([]);
    expect(Object.keys(parts(twice)).filter((n) => /^xl\/charts\/[^/]+\.xml$/.test(n))).toHaveLength(3);

    // Into the user's workbook: its own parts stay, ours are added beside them.
    const user = new Uint8Array(readFileSync(HONDURAS_MONITORING));
    const into = writeXlsx(user, rollupOut('en')).bytes;
    expect(packageProblems(into)).toEqual([]);
    const r = parts(into);
    for (const name of Object.keys(parts(user))) expect(Object.keys(r)).toContain(name);
    expect(chartsOf(r, 'Coverage').charts[0]!.title).toBe('Coverage by Municipio');
  });
});

describe('the donor export carries its Summary chart', () => {
  it('stacks the actions of each recommendation by status; the sheets picked are the ones written', () => {
    const out = exportWorkbook(ecuador, { asOf: '2011-09-15', sourceFile: 'plan.xlsx', generatedAt: '2011-09-15', version: '0', lang: 'en' });
    const bytes = writeXlsx(null, out.sheets).bytes;
    expect(packageProblems(bytes)).toEqual([]);
    const p = parts(bytes);
    const back = readXlsx(bytes);
    const { charts } = chartsOf(p, 'Summary');
    expect(charts).toHaveLength(1);
    const chart = charts[0]!;
    expect(chart.title).toBe('Key actions by status, per recommendation');
    expect(chart.grouping).toEqual(['stacked']);
    const names = chart.series.map((s) => cellsOf(back, s.tx)[0]);
    // The statuses the plan uses (the total row's non-zero counts), in the Summary's column order.
    expect(names).toEqual(['Completed', 'Initiated', 'Not initiated', 'Blank']);
    // Twelve recommendations (10 holds 11.1–11.6): the categories stop above the total row.
    const cats = cellsOf(back, chart.series[0]!.cat);
    expect(cats).toHaveLength(back.sheets.find((s) => s.name === 'Summary')!.rows.filter((r) => typeof r[0] === 'number').length);
    const sum = chart.series.reduce((n, s) => n + s.cache.reduce<number>((m, v) => m + (v ?? 0), 0), 0);
    expect(sum).toBe(36);
    for (const other of ['About', 'Key actions', 'Findings']) expect(chartsOf(p, other).charts).toEqual([]);

    const picked = exportWorkbook(ecuador, { asOf: '2011-09-15', sourceFile: 'plan.xlsx', generatedAt: '2011-09-15', version: '0', lang: 'es', sheets: ['actions', 'findings', 'indicators'] });
    expect(picked.sheets.map((s) => s.name)).toEqual(['Acciones clave', 'Hallazgos']);
  });
});

describe('the sheet plan places the charts (both writers render this)', () => {
  const table = {
    name: 'T',
    columns: [
      { header: 'Área', type: 'text' as const },
      { header: 'Agua', type: 'percent' as const },
    ],
    rows: [['a', 0.5], ['b', 0.9], ['Total', 0.7]],
    totalRow: true,
  };
  const chart = {
    kind: 'coverage' as const, name: 'Tablero_Chart_X', table: 'T', title: 'X', categoryColumn: 0, rows: 2,
    series: [{ column: 1, name: 'Agua', color: '#0F6CBD' }], threshold: { value: 0.8, label: 'Umbral 80 %' }, percent: true,
  };

  it('under everything, one under the other, the threshold one blank column right of the table', () => {
    const plan = planSheet({ name: 'S', lines: ['Título'], tables: [table], notes: ['Fuente'], charts: [chart, { ...chart, name: 'Tablero_Chart_Y', threshold: null }] });
    // Title 0, blank, header 2, rows 3–4, total 5, blank, note 7: the sheet ends at row 8.
    expect(plan.rowCount).toBe(8);
    expect(plan.charts.map((c) => [c.chart.name, c.headerRow, c.anchorRow, c.threshold, c.width, c.height])).toEqual([
      ['Tablero_Chart_X', 2, 9, { col: 3, width: 13 }, 480, 320],
      ['Tablero_Chart_Y', 2, 9 + 23, null, 480, 320],
    ]);
  });

  it.each([
    ['another table', { table: 'U' }],
    ['more rows than the data', { rows: 3 }],
    ['no rows', { rows: 0 }],
    ['a series outside the table', { series: [{ column: 2, name: 'x', color: '#000000' }] }],
    ['no series', { series: [] }],
    ['categories outside the table', { categoryColumn: 5 }],
  ])('leaves out a chart naming %s', (_what, patch) => {
    expect(planSheet({ name: 'S', lines: [], tables: [table], charts: [{ ...chart, ...patch }] }).charts).toEqual([]);
  });
});
