// Results-framework bands in the user's sheet: one conditional format per sheet and band over each
// indicator's text cell and the actual cell the band was decided on (the latest ended period's). The
// formulas carry the highlights' mark, so "remove highlights" removes them with the overdue rules; the
// band is the check's answer at the time (Refresh status, in the pane or the ribbon, works it out again).
// Only formats are added: no value of the user's cells changes.
import { cellAreas, CF_MARKER, type CfRuleSpec } from '../workbook-state/highlight-rules';
import { BANDS, type Band, type Framework, type FrameworkIndicator, type FrameworkResult } from './model';

/**
 * How a band looks (RRGGBB), in the sheet and in the Results tab alike: a light fill with dark text of
 * the same hue (as Excel's presets), hues from Okabe & Ito's colour-blind-safe palette (bluish green,
 * orange, vermillion, blue, grey), so on track and under never rest on red against green. `strong` is the
 * palette's own colour, for the pane's small charts.
 */
export const BAND_LOOK: Readonly<Record<Band, { readonly fill: string; readonly font: string; readonly strong: string }>> = {
  on_track: { fill: 'C4EBDD', font: '00573F', strong: '009E73' },
  at_risk: { fill: 'FBE3B0', font: '6B4700', strong: 'E69F00' },
  under: { fill: 'F8CFB5', font: '8A2E00', strong: 'D55E00' },
  over: { fill: 'CCE3F4', font: '004B75', strong: '0072B2' },
  no_data: { fill: 'E4E4E4', font: '404040', strong: '8A8886' },
};

/** The bands a scheme can give: at_risk only under the semáforo. */
export function schemeBands(scheme: Framework['bandScheme']): Band[] {
  return BANDS.filter((b) => b !== 'at_risk' || scheme === 'semaforo');
}

/** The cells an indicator's band lights up: its text and the actual cell of the latest ended period. */
export function bandCells(f: Framework, i: FrameworkIndicator): string[] {
  const latest = f.periods.findIndex((p) => p.label === f.latestEndedPeriod && p.ended);
  const actual = latest >= 0 ? i.cells.actuals[latest] : null;
  return actual ? [i.cells.indicator, actual] : [i.cells.indicator];
}

/**
 * One rule per framework sheet and band. A framework with no ended period lights nothing up: its
 * indicators have no data because nothing is due yet, not because an actual is missing.
 */
export function frameworkBandRules(result: FrameworkResult | undefined): CfRuleSpec[] {
  const bySheet = new Map<string, Map<Band, string[]>>();
  for (const f of result?.frameworks ?? []) {
    if (f.latestEndedPeriod === null) continue;
    const bands = bySheet.get(f.sheet) ?? new Map<Band, string[]>();
    for (const i of f.indicators) bands.set(i.band, [...(bands.get(i.band) ?? []), ...bandCells(f, i)]);
    bySheet.set(f.sheet, bands);
  }
  const rules: CfRuleSpec[] = [];
  for (const [sheet, bands] of bySheet) {
    for (const band of BANDS) {
      const cells = bands.get(band);
      if (!cells?.length) continue;
      const { fill, font } = BAND_LOOK[band];
      // The second mark names the band (for whoever reads the rule in Excel's manager); it is always true.
      rules.push({ sheet, sqref: cellAreas(cells).join(' '), formula: `AND(${CF_MARKER},N("band:${band}")=0)`, look: { fill, font } });
    }
  }
  return rules;
}
