// Which chart goes with each roll-up sheet, as data: rollupSheets attaches it to the sheet
// (OutputSheet.charts), the sheet plan places it, and both writers draw it (Excel through Office.js,
// the .xlsx writer as DrawingML). Derived from the OutputSheet alone, by its stable table names.
import { t, LANGS, type Lang } from './i18n';
import type { OutputChart, OutputChartSeries, OutputSheet, OutputTable } from './output';

/** Charts we add carry this prefix, so a rewrite removes ours and leaves any other chart alone. */
export const CHART_NAME_PREFIX = 'Tablero_Chart_';

/** Past this many areas a column chart is unreadable: a higher level is charted instead. */
export const MAX_CHART_AREAS = 40;

/** Series colours: the SIASAR A–D scale (strong tones of the sheet's fills), water and sanitation. */
export const CHART_COLORS = {
  A: '#3F9C35',
  B: '#F2C811',
  C: '#F7893B',
  D: '#D13438',
  water: '#0F6CBD',
  sanitation: '#8764B8',
  threshold: '#C50F1F',
} as const;

export type RollupChartSeries = OutputChartSeries;
export type RollupChartSpec = OutputChart;

type Kind = 'Coverage' | 'ServiceLevels' | 'Providers';
const CATEGORY_LETTERS = ['A', 'B', 'C', 'D'] as const;

function kindOf(table: OutputTable): Kind | null {
  const m = /^Tablero_(Coverage|ServiceLevels|Providers)_/.exec(table.name);
  return m ? (m[1] as Kind) : null;
}

function dataRows(table: OutputTable): number {
  return table.totalRow && table.rows.length > 1 ? table.rows.length - 1 : table.totalRow ? 0 : table.rows.length;
}

/** Leading text columns: the area hierarchy, top level first. */
function areaColumns(table: OutputTable): number {
  let n = 0;
  while (n < table.columns.length && table.columns[n]?.type === 'text') n++;
  return n;
}

/** The deepest level that stays readable, else the level with the fewest areas. */
function pickTable(tables: readonly OutputTable[]): OutputTable | null {
  const usable = tables.filter((tb) => areaColumns(tb) > 0 && dataRows(tb) > 0 && tb.columns[0]?.header !== '');
  const readable = usable.filter((tb) => dataRows(tb) <= MAX_CHART_AREAS);
  if (readable.length) return readable[readable.length - 1] ?? null;
  return [...usable].sort((a, b) => dataRows(a) - dataRows(b))[0] ?? null;
}

/** "80 %" / "80%": the threshold as the sheet's percentages read. */
function percentText(v: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'es' ? 'es-ES' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(v);
}

/** A roll-up sheet (it may have a chart now, or had one when written before). */
export function isRollupSheet(sheet: OutputSheet): boolean {
  return sheet.tables.some((tb) => kindOf(tb) !== null);
}

/** The chart for a roll-up sheet, or null for any other sheet (or one with no area to chart). */
export function rollupChartSpec(sheet: OutputSheet, lang: Lang): RollupChartSpec | null {
  const kinds = new Set(sheet.tables.map(kindOf));
  if (kinds.size !== 1) return null;
  const kind = [...kinds][0];
  if (!kind) return null;
  const table = pickTable(sheet.tables);
  if (!table) return null;
  const categoryColumn = areaColumns(table) - 1;
  const level = table.columns[categoryColumn]?.header ?? '';
  const rows = dataRows(table);

  if (kind === 'Coverage') {
    const wanted: { key: 'cov_water' | 'cov_sanitation'; color: string }[] = [
      { key: 'cov_water', color: CHART_COLORS.water },
      { key: 'cov_sanitation', color: CHART_COLORS.sanitation },
    ];
    const series: RollupChartSeries[] = [];
    let threshold: number | null = null;
    for (const w of wanted) {
      // The sheet may be in either language whatever the pane's.
      const names = new Set(LANGS.map((l) => t(l, 'rollup', w.key)));
      const column = table.columns.findIndex((c) => c.type === 'percent' && names.has(c.header));
      const col = table.columns[column];
      if (!col) continue;
      series.push({ column, name: col.header, color: w.color });
      const band = col.bands?.[0]?.atLeast;
      if (threshold === null && band !== undefined) threshold = band;
    }
    if (!series.length) return null;
    return {
      kind: 'coverage',
      name: `${CHART_NAME_PREFIX}Coverage`,
      table: table.name,
      title: t(lang, 'pane', 'chartCoverageTitle', { level }),
      categoryColumn,
      rows,
      series,
      threshold: threshold === null ? null : { value: threshold, label: t(lang, 'pane', 'chartThreshold', { threshold: percentText(threshold, lang) }) },
      percent: true,
    };
  }

  const series: RollupChartSeries[] = [];
  for (const letter of CATEGORY_LETTERS) {
    const column = table.columns.findIndex((c) => c.type === 'integer' && c.header === letter);
    if (column >= 0) series.push({ column, name: letter, color: CHART_COLORS[letter] });
  }
  if (!series.length) return null;
  return {
    kind: 'categories',
    name: `${CHART_NAME_PREFIX}${kind}`,
    table: table.name,
    title: t(lang, 'pane', kind === 'ServiceLevels' ? 'chartServiceTitle' : 'chartProvidersTitle', { level }),
    categoryColumn,
    rows,
    series,
    threshold: null,
    percent: false,
  };
}

/** The sheet with its chart attached (as it was when there is none to draw). */
export function withRollupChart(sheet: OutputSheet, lang: Lang): OutputSheet {
  const spec = rollupChartSpec(sheet, lang);
  return spec ? { ...sheet, charts: [spec] } : sheet;
}
