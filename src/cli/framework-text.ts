// The results-framework part of `tablero check`'s text report: bands, off-track indicators, missing
// actuals, actuals taken from the records (the findings are listed with the others).
import { bandLabel } from '../core/framework/sheets';
import { bandCountsText, figureText, percentMetText } from '../core/framework/format';
import type { FrameworkResult } from '../core/framework';
import { catalogue, fill, type Lang } from '../core/i18n';

export function frameworkLines(result: FrameworkResult | undefined, lang: Lang): string[] {
  if (!result?.frameworks.length) return [];
  const c = catalogue(lang);
  const x = c.framework;
  const lines: string[] = ['', fill(x.cliTitle, { count: result.frameworks.length })];
  for (const f of result.frameworks) {
    lines.push(fill(x.cliLine, { sheet: f.sheet, range: f.range, indicators: f.indicators.length, period: f.latestEndedPeriod ?? '—' }));
    // Only the bands of the scheme in use: TolaData's ±15% has no "at risk".
    lines.push(fill(x.cliBands, { bands: bandCountsText(f.bands, f.bandScheme, lang) }));
    const label = (id: string | null, text: string) => id ?? text;
    const off = f.indicators.filter((i) => i.band === 'under' || i.band === 'over' || i.band === 'at_risk');
    lines.push(x.cliOffTrack);
    if (!off.length) lines.push(x.cliNone);
    for (const i of off) {
      lines.push(fill(x.cliOffTrackLine, { id: label(i.id, ''), text: i.text, met: i.measure === 'qualitative' ? `${String(i.actualToDate)} / ${String(i.targetToDate)}` : fill(x.cliOfTarget, { percent: percentMetText(i.percentMet, lang) }), band: bandLabel(i.band, x), explained: i.comment ? '' : x.cliNoComment }));
    }
    const missing = result.findings.filter((m) => m.code === 'missing_actual' && m.sheet === f.sheet);
    lines.push(x.cliMissing);
    if (!missing.length) lines.push(x.cliNone);
    for (const m of missing) lines.push(fill(x.cliMissingLine, { id: String(m.params['indicator'] ?? ''), period: String(m.params['period'] ?? ''), cell: m.cell ?? '' }));
    const fromRecords = f.indicators.filter((i) => i.actualSource === 'records' && i.actualToDate !== null && i.records);
    if (fromRecords.length) {
      lines.push(x.cliRecords);
      for (const i of fromRecords) {
        const value = typeof i.actualToDate === 'number' ? figureText(i.actualToDate, lang) : String(i.actualToDate);
        lines.push(fill(x.cliRecordsLine, { id: label(i.id, i.text), measure: i.records ? x[`rec_${i.records.measure}`] : '', value }));
      }
    }
  }
  return lines;
}
