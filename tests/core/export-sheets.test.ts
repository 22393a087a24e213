// The donor export's sheets by key (what the pane's dialog offers and `--sheets` picks), their names
// in both languages, the Summary's total row as the dialog previews it, and the Summary's chart.
import * as fs from 'node:fs';
import { checkWorkbook } from '../../src/core/check';
import { EXPORT_SHEET_KEYS, buildExport, exportSheetKeySchema, exportSheetKeys, exportSheetName, exportSummaryFigures } from '../../src/core/export';
import { rollupWorkbook } from '../../src/core/rollup';
import { readXlsx } from '../../src/hosts/xlsx/read';
import { exportPreview } from '../../src/taskpane/export';
import { ECUADOR_PLAN, HONDURAS_MONITORING } from '../fixtures';

const ecuador = readXlsx(new Uint8Array(fs.readFileSync(ECUADOR_PLAN)));
const honduras = readXlsx(new Uint8Array(fs.readFileSync(HONDURAS_MONITORING)));
const check = checkWorkbook(ecuador, { asOf: '2011-09-15' });

describe('export sheets by key', () => {
  it('offers the optional sheets only with content: a plan alone, record sheets alone', () => {
    expect(exportSheetKeys({ check })).toEqual(['about', 'actions', 'summary', 'findings']);
    const records = checkWorkbook(honduras, { asOf: '2017-12-31' });
    expect(exportSheetKeys({ check: records, rollup: rollupWorkbook(honduras, { lang: 'es' }) })).toEqual(['about', 'actions', 'summary', 'indicators', 'findings']);
  });

  it.each([
    ['es', ['Acerca de', 'Acciones clave', 'Resumen', 'Indicadores', 'IPTT', 'Hitos', 'Hallazgos']],
    ['en', ['About', 'Key actions', 'Summary', 'Indicators', 'IPTT', 'Milestones', 'Findings']],
  ] as const)('names every sheet in %s as buildExport writes it', (lang, names) => {
    expect(EXPORT_SHEET_KEYS.map((k) => exportSheetName(k, lang))).toEqual(names);
    const written = buildExport({ check, sourceFile: 'plan.xlsx', generatedAt: '2011-09-16', version: '0', lang }).map((s) => s.name);
    expect(written).toEqual(exportSheetKeys({ check }).map((k) => exportSheetName(k, lang)));
  });

  it.each([
    ['summary', true],
    ['iptt', true],
    ['Summary', false],
    ['charts', false],
    ['', false],
  ])('accepts the key %j: %s', (key, ok) => {
    expect(exportSheetKeySchema.safeParse(key).success).toBe(ok);
  });

  it('writes only the sheets picked, in the export order; a key without content writes nothing', () => {
    const sheets = buildExport({ check, sourceFile: 'plan.xlsx', generatedAt: '2011-09-16', version: '0', lang: 'en', sheets: ['findings', 'iptt', 'about'] });
    expect(sheets.map((s) => s.name)).toEqual(['About', 'Findings']);
  });
});

describe('the Summary previewed and charted', () => {
  it('previews the total row: 36 actions, 5 / 19 / 11 / 1 blank, 20 overdue, 16/36 not overdue', () => {
    expect(exportSummaryFigures(check)).toEqual({
      actions: 36,
      byStatus: { completed: 5, in_progress: 19, not_started: 11, not_applicable: 0, missing: 1, unknown: 0 },
      overdue: 20,
      completedShare: 5 / 36,
      notOverdueShare: 16 / 36,
    });
    const summary = buildExport({ check, sourceFile: 'plan.xlsx', generatedAt: '2011-09-16', version: '0', lang: 'en' }).find((s) => s.name === 'Summary')!;
    const total = summary.tables[0]!.rows.at(-1)!;
    expect(total).toEqual(['Total', 36, 5, 19, 11, 0, 1, 0, 5 / 36, 20, 16 / 36]);
  });

  it('the pane preview: names in the language picked, figures from the pane\'s own check', () => {
    const en = exportPreview(check, null, 'en');
    expect(en).toEqual({
      hasContent: true,
      sheets: [
        { key: 'about', name: 'About' },
        { key: 'actions', name: 'Key actions' },
        { key: 'summary', name: 'Summary' },
        { key: 'findings', name: 'Findings' },
      ],
      figures: exportSummaryFigures(check),
    });
    expect(exportPreview(check, null, 'es').sheets.map((s) => s.name)).toEqual(['Acerca de', 'Acciones clave', 'Resumen', 'Hallazgos']);
    const empty = checkWorkbook({ date1904: false, sheets: [{ name: 'Hoja1', rows: [['hola']], merges: [] }] }, { asOf: '2011-09-15' });
    expect(exportPreview(empty, null, 'es').hasContent).toBe(false);
  });

  it('charts the recommendations\' actions stacked by the statuses in use, above the total row', () => {
    const summary = buildExport({ check, sourceFile: 'plan.xlsx', generatedAt: '2011-09-16', version: '0', lang: 'es' }).find((s) => s.name === 'Resumen')!;
    const rows = summary.tables[0]!.rows.length;
    expect(summary.charts).toEqual([
      {
        kind: 'status',
        name: 'Tablero_Chart_Summary',
        table: 'Tablero_Summary',
        title: 'Acciones clave por estado, por recomendación',
        categoryColumn: 0,
        rows: rows - 1,
        series: [
          { column: 2, name: 'Completada', color: '#3F9C35' },
          { column: 3, name: 'En curso', color: '#0F6CBD' },
          { column: 4, name: 'Sin iniciar', color: '#F7893B' },
          { column: 6, name: 'Sin estado', color: '#C8C6C4' },
        ],
        threshold: null,
        percent: false,
      },
    ]);
  });
});
