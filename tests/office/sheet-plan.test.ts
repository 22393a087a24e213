// One sheet plan, two writers: the .xlsx writer and the Office writer (on the fake Excel) give the same
// sheet the same cells, number formats, bold rows, fills (bands included), tables, total row, widths
// and frozen rows. The plan itself is checked against hand-counted figures.
import { unzipSync } from 'fflate';
import type { OutputSheet } from '../../src/core/output';
import { FILL_COLORS, NUMBER_FORMATS, inlineListSource, planSheet } from '../../src/core/sheet-plan';
import { OfficeHost } from '../../src/hosts/office';
import { writeXlsx } from '../../src/hosts/xlsx/write';
import { FakeWorkbook, type SheetModel } from './fake-excel';

const sheet: OutputSheet = {
  name: 'Cobertura',
  lines: ['Cobertura de agua', 'Fecha de corte: 2011-09-15', 'Estado: 3 áreas'],
  tables: [
    {
      name: 'Cobertura María',
      caption: 'Por municipio',
      columns: [
        { header: 'Municipio', type: 'text' },
        { header: 'Viviendas', type: 'integer' },
        { header: 'Cobertura', type: 'percent', bands: [{ atLeast: 0.8, fill: 'green' }, { atLeast: 0.5, fill: 'yellow' }, { atLeast: 0, fill: 'red' }] },
        { header: 'Monto', type: 'number', fill: 'grey' },
        { header: 'Desde', type: 'date' },
        { header: 'Nota', type: 'text', width: 20 },
        { header: 'Municipio', type: 'boolean' },
      ],
      rows: [
        ['Gracias', 12345, 0.9, 1500.5, { date: '2011-01-31' }, 'Una nota bastante larga que no cabe en veinte', true],
        ['San Marcos', 800, 0.55, null, null, '', false],
        ['Total', 13145, 0.42, 1500.5, null, null, null],
      ],
      totalRow: true,
    },
    // One row and a total-row flag: the row is data (a total needs data above it).
    { name: 'Solo', columns: [{ header: 'Total', type: 'integer' }], rows: [[5]], totalRow: true },
  ],
  notes: ['Fuente: registros 2011'],
};

interface Look {
  value: unknown;
  format: string | null;
  bold: boolean;
  fill: string | null;
  wrap: boolean;
}

interface Rendered {
  cells: Map<string, Look>;
  tables: string[];
  widths: number[];
  frozen: number;
}

const BUILTIN: Record<number, string> = { 3: '#,##0', 4: '#,##0.00' };
const letter = (c: number) => String.fromCharCode(65 + c);

function fromXlsx(): Rendered {
  const files = unzipSync(writeXlsx(null, [sheet]).bytes);
  const text = (p: string) => new TextDecoder().decode(files[p]);
  const styles = text('xl/styles.xml');
  const xml = text('xl/worksheets/sheet1.xml');
  const sst = [...text('xl/sharedStrings.xml').matchAll(/<si><t[^>]*>([^<]*)<\/t><\/si>/g)].map((m) => m[1]!);
  const numFmts = new Map([...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"\/>/g)].map((m) => [Number(m[1]), m[2]!]));
  const fonts = [.../<fonts[^>]*>([\s\S]*?)<\/fonts>/.exec(styles)![1]!.matchAll(/<font>([\s\S]*?)<\/font>/g)].map((m) => m[1]!.includes('<b/>'));
  const fills = [.../<fills[^>]*>([\s\S]*?)<\/fills>/.exec(styles)![1]!.matchAll(/<fill>([\s\S]*?)<\/fill>/g)].map((m) => /rgb="FF(\w+)"/.exec(m[1]!)?.[1] ?? null);
  const xfs = [.../<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1]!.matchAll(/<xf ([^>]*?)(\/>|>([\s\S]*?)<\/xf>)/g)].map((m) => {
    const id = Number(/numFmtId="(\d+)"/.exec(m[1]!)![1]);
    return {
      format: id === 0 ? null : (numFmts.get(id) ?? BUILTIN[id] ?? `builtin ${id}`),
      bold: fonts[Number(/fontId="(\d+)"/.exec(m[1]!)![1])]!,
      fill: fills[Number(/fillId="(\d+)"/.exec(m[1]!)![1])] ?? null,
      wrap: (m[3] ?? '').includes('wrapText="1"'),
    };
  });
  const cells = new Map<string, Look>();
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"(?: s="(\d+)")?(?: t="(\w+)")?(?:\/>|>(?:<v>([^<]*)<\/v>)?<\/c>)/g)) {
    const xf = xfs[Number(m[2] ?? 0)]!;
    const raw = m[4];
    const value = m[3] === 's' ? sst[Number(raw)] : m[3] === 'b' ? raw === '1' : raw === undefined ? null : Number(raw);
    const empty = value === '' || value === null || value === undefined;
    if (!empty || xf.fill || xf.bold) cells.set(m[1]!, { ...xf, value: empty ? null : value });
  }
  const tables = Object.keys(files).filter((p) => /tables\/table\d+\.xml$/.test(p)).sort().map((p) => {
    const t = text(p);
    return `${/displayName="([^"]*)"/.exec(t)![1]} ${/ref="([^"]*)"/.exec(t)![1]}`;
  });
  const widths = [...xml.matchAll(/<col min="\d+" max="\d+" width="([\d.]+)"/g)].map((m) => Number(m[1]));
  const frozen = Number(/<pane ySplit="(\d+)"/.exec(xml)?.[1] ?? 0);
  return { cells, tables, widths, frozen };
}

/** The fill a value band (a conditional format) gives the cell, as Excel would evaluate the rule. */
function bandFill(s: SheetModel, r: number, c: number, v: unknown): string | null {
  for (const cf of s.cfs) {
    if (!cf.boxes.some((b) => r >= b.r0 && r <= b.r1 && c >= b.c0 && c <= b.c1)) continue;
    const m = /^=AND\(ISNUMBER\(\w+\),\w+>=([\d.]+)(?:,\w+<([\d.]+))?\)$/.exec(cf.formula);
    if (!m || typeof v !== 'number') continue;
    if (v >= Number(m[1]) && (m[2] === undefined || v < Number(m[2]))) return cf.fill?.replace(/^#/, '') ?? null;
  }
  return null;
}

async function fromOffice(): Promise<Rendered> {
  const wb = new FakeWorkbook();
  wb.addSheet('Hoja1', [['x']]);
  const host = new OfficeHost({ run: wb.run, isSetSupported: () => true, today: () => '2011-09-15' });
  await host.writeSheets([sheet]);
  const s = wb.sheet('Cobertura');
  const cells = new Map<string, Look>();
  s.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!cell) return;
      const empty = cell.value === '' || cell.value === null;
      const fill = bandFill(s, r, c, cell.value) ?? cell.fill?.replace(/^#/, '') ?? null;
      const look: Look = {
        format: cell.format === 'General' || cell.format === '' ? null : cell.format,
        bold: !!cell.bold,
        fill,
        wrap: !!cell.wrap,
        value: empty ? null : cell.value,
      };
      // Blank cells count when they show a fill or bold (the .xlsx writer leaves other blanks out).
      if (!empty || look.fill || look.bold) cells.set(`${letter(c)}${r + 1}`, look);
    }),
  );
  const tables = s.tables.map((t) => `${t.name} ${letter(t.box.c0)}${t.box.r0 + 1}:${letter(t.box.c1)}${t.box.r1 + 1}`);
  // Points back to characters: 7 px a character plus 5 px padding, 0.75 pt a pixel.
  const widths = [...s.colWidths.entries()].sort(([a], [b]) => a - b).map(([, pt]) => Math.round(((pt / 0.75 - 5) / 7) * 100) / 100);
  return { cells, tables, widths, frozen: s.frozenRows };
}

describe('the sheet plan', () => {
  it('places the parts and picks formats, colours, total rows and widths once', () => {
    const plan = planSheet(sheet);
    expect(plan.lines.map((l) => [l.row, l.bold])).toEqual([[0, true], [1, false], [2, false], [4, true], [13, false]]);
    expect(plan.tables.map((t) => [t.captionRow, t.headerRow, t.dataCount, t.lastRow, t.totalRow])).toEqual([
      [4, 5, 2, 7, 8],
      [null, 10, 1, 11, null],
    ]);
    expect(plan.rowCount).toBe(14);
    const cols = plan.tables[0]!.columns;
    expect(cols.map((c) => c.numberFormat)).toEqual([null, '#,##0', '0.0%', '#,##0.00', 'yyyy-mm-dd', null, null]);
    expect(cols.map((c) => c.header)).toEqual(['Municipio', 'Viviendas', 'Cobertura', 'Monto', 'Desde', 'Nota', 'Municipio 2']);
    expect(cols[3]!.fill).toBe(FILL_COLORS.grey);
    expect(cols[2]!.bands).toEqual([
      { atLeast: 0.8, below: null, color: 'C6EFCE' },
      { atLeast: 0.5, below: 0.8, color: 'FFEB9C' },
      { atLeast: 0, below: 0.5, color: 'FFC7CE' },
    ]);
    expect(cols.map((c) => c.wrap)).toEqual([false, false, false, false, false, true, false]);
    // Header + 3 for the filter button, or the longest value ("12,345" is 6), plus 2; at least 8.
    expect(plan.widths).toEqual([14, 14, 14, 10, 12, 20, 16]);
    expect(plan.freezeRows).toBe(6);
    expect(NUMBER_FORMATS.integer).toBe('#,##0');
  });
});

describe('drop-down lists in the plan', () => {
  it.each([
    [['Completada', 'En curso'], 'Completada,En curso'],
    [['Sí, a medias', 'No'], null], // a comma would split the word
    [Array.from({ length: 30 }, (_, i) => `Estado número ${i}`), null], // over Excel's 255 characters
    [[], null],
    [undefined, null],
  ])('list %#', (words, source) => {
    expect(inlineListSource(words)).toBe(source);
  });
});

describe('the .xlsx writer and the Office writer render the same plan', () => {
  let xlsx: Rendered;
  let office: Rendered;
  beforeAll(async () => {
    xlsx = fromXlsx();
    office = await fromOffice();
  });

  it('give every cell the same value, number format, bold, fill and wrap', () => {
    const keys = [...new Set([...xlsx.cells.keys(), ...office.cells.keys()])].sort();
    const pairs = keys.map((k) => [k, xlsx.cells.get(k), office.cells.get(k)] as const);
    expect(pairs.filter(([, a, b]) => JSON.stringify(a) !== JSON.stringify(b))).toEqual([]);
    expect(xlsx.cells.get('B7')).toEqual({ format: '#,##0', bold: false, fill: null, wrap: false, value: 12345 });
    expect(xlsx.cells.get('C8')).toEqual({ value: 0.55, format: '0.0%', bold: false, fill: 'FFEB9C', wrap: false });
    expect(xlsx.cells.get('C9')).toEqual({ value: 0.42, format: '0.0%', bold: true, fill: 'FFC7CE', wrap: false });
    expect(xlsx.cells.get('D8')).toEqual({ value: null, format: '#,##0.00', bold: false, fill: 'D9D9D9', wrap: false });
    expect(xlsx.cells.get('A11')).toEqual({ value: 'Total', format: null, bold: false, fill: null, wrap: false });
    expect(xlsx.cells.get('A12')).toEqual({ value: 5, format: '#,##0', bold: false, fill: null, wrap: false });
  });

  it('give the same tables (the total row outside), widths and frozen rows', () => {
    expect(xlsx.tables).toEqual(['Cobertura_Maria A6:G8', 'Solo A11:A12']);
    expect(office.tables).toEqual(xlsx.tables);
    expect(xlsx.widths).toEqual([14, 14, 14, 10, 12, 20, 16]);
    expect(office.widths).toEqual(xlsx.widths);
    expect(xlsx.frozen).toBe(6);
    expect(office.frozen).toBe(xlsx.frozen);
  });
});
