// Entry point for results frameworks: find them, read each indicator, work out targets and actuals to
// date (actuals from the record sheets where the words name a roll-up measure), band them, and report.
// The rules are in README.md ("Results frameworks") and src/core/framework/rules.ts.
import { withTextCaches } from '../caches';
import { finding, type Finding, type FindingCode, type Severity } from '../findings';
import { a1, rangeA1, type WorkbookGrid } from '../grid';
import { rollupWorkbook } from '../rollup';
import { SheetView } from '../sheet-view';
import {
  emptyBandCounts,
  type Band,
  type BandScheme,
  type Direction,
  type Framework,
  type FrameworkIndicator,
  type FrameworkPeriod,
  type FrameworkResult,
  type IndicatorNote,
  type Measure,
  type PeriodValues,
  type Scale,
  type Value,
} from './model';
import { recordsFigures, RECORDS_TOLERANCE_POINTS } from './records';
import { findFrameworks, type FrameworkLayout } from './recognise';
import { anchorNumberedPeriod, bandOf, percentMet, readValue, sameAnswer, sameNumber, toDateRule, type ReadValue } from './rules';
import {
  isPercentUnit,
  isQualitativeUnit,
  parseAccumulation,
  parseDirection,
  recordsMeasureOf,
  type RecordsMeasure,
} from './vocab';
import { parseYesNo } from '../rollup/vocab';

export * from './model';
export { actualWrites, stillAsSeen, type ActualWrite } from './write-actual';
export { findFrameworks, type FrameworkLayout } from './recognise';

export interface FrameworkOptions {
  /** As-of date, YYYY-MM-DD: a period has ended when its last day is before it. */
  readonly asOf: string;
  /** Only this sheet. */
  readonly sheet?: string;
  /** TolaData's ±15% (default) or the semáforo's ±5% / ±15%. */
  readonly bandScheme?: BandScheme;
}

/** 0-based [first, last] rows each framework covers on a sheet, header included: check.ts leaves them out. */
export function frameworkRows(view: SheetView, date1904: boolean): { start: number; end: number }[] {
  return findFrameworks(view, date1904).map((f) => ({ start: f.headerRows[0] ?? f.firstRow, end: f.lastRow }));
}

export function checkFrameworks(wb: WorkbookGrid, opts: FrameworkOptions): FrameworkResult {
  return withTextCaches(() => frameworksPass(wb, opts));
}

/** The frameworks found on one sheet, with the view they were found in. */
export interface SheetFrameworks {
  readonly view: SheetView;
  readonly layouts: readonly FrameworkLayout[];
}

/**
 * One pass over the workbook's frameworks, inside a caller's engine pass (checkWorkbook hands over what it
 * found while looking for plans, so no sheet is searched twice).
 */
export function frameworksPass(wb: WorkbookGrid, opts: FrameworkOptions, found?: readonly SheetFrameworks[]): FrameworkResult {
  const layouts: FrameworkLayout[] = [];
  const views = new Map<string, SheetView>();
  const sheets: readonly SheetFrameworks[] =
    found ??
    wb.sheets
      .filter((sheet) => !sheet.createdByTablero && (opts.sheet === undefined || sheet.name === opts.sheet))
      .map((sheet) => {
        const view = new SheetView(sheet);
        return { view, layouts: findFrameworks(view, wb.date1904) };
      });
  for (const s of sheets) {
    if (!s.layouts.length) continue;
    views.set(s.view.name, s.view);
    layouts.push(...s.layouts);
  }
  if (!layouts.length) return { asOf: opts.asOf, frameworks: [], findings: [] };
  // The record sheets are rolled up once, and only when some indicator names a roll-up measure.
  let figures: Readonly<Record<RecordsMeasure, number | null>> | null | undefined;
  const records = (): Readonly<Record<RecordsMeasure, number | null>> | null => {
    if (figures === undefined) {
      const rollup = rollupWorkbook(wb, { lang: 'es' });
      figures = rollup.coverage || rollup.serviceLevels || rollup.providerPerformance ? recordsFigures(rollup) : null;
    }
    return figures;
  };
  const frameworks: Framework[] = [];
  const findings: Finding[] = [];
  for (const layout of layouts) {
    const view = views.get(layout.sheet) as SheetView;
    const fw = readFramework(view, layout, opts, records, findings);
    frameworks.push(fw);
  }
  return { asOf: opts.asOf, frameworks, findings };
}

interface Ctx {
  readonly view: SheetView;
  readonly layout: FrameworkLayout;
  readonly periods: readonly FrameworkPeriod[];
  /** Index of the latest ended period, -1 when none has ended. */
  readonly latest: number;
  readonly scheme: BandScheme;
  readonly records: () => Readonly<Record<RecordsMeasure, number | null>> | null;
}

function readFramework(
  view: SheetView,
  layout: FrameworkLayout,
  opts: FrameworkOptions,
  records: Ctx['records'],
  findings: Finding[],
): Framework {
  const periods: FrameworkPeriod[] = layout.periods.map((p) => {
    // "Año 1", "Year 2": dated from the baseline's year when the header names one (rules.ts).
    const dated = p.end === null && p.label ? anchorNumberedPeriod(p.label, layout.baselineYear) : null;
    const start = dated?.start ?? p.start;
    const end = dated?.end ?? p.end;
    // A framework that names no period is read as it stands: its one period counts as ended.
    return { label: p.label, start, end, ended: end !== null ? end < opts.asOf : p.label === '' };
  });
  // Periods left without dates never end: said once, at the first one's header cell.
  const undated = layout.periods.filter((p, i) => p.label !== '' && periods[i]?.end === null);
  const firstUndated = undated[0];
  if (firstUndated) {
    const col = Math.min(...[firstUndated.target, firstUndated.actual, firstUndated.percentMet].filter((c): c is number => c !== undefined));
    findings.push(
      finding('undated_periods', 'info', { sheet: layout.sheet, cell: a1(layout.headerRows[0] ?? layout.firstRow - 1, col) }, { periods: undated.map((p) => p.label).join(', '), count: undated.length }),
    );
  }
  let latest = -1;
  periods.forEach((p, i) => {
    if (!p.ended) return;
    const best = periods[latest];
    if (!best || (p.end ?? '') >= (best.end ?? '')) latest = i;
  });
  const ctx: Ctx = { view, layout, periods, latest, scheme: opts.bandScheme ?? 'toladata', records };
  const indicators: FrameworkIndicator[] = [];
  const idCol = layout.columns.id;
  const componentCol = layout.columns.component;
  let component: string | null = null;
  for (let r = layout.firstRow; r <= layout.lastRow; r++) {
    if (view.isBlankRow(r, layout.first, layout.last)) continue;
    const band = bandText(view, layout, r);
    if (band !== null) {
      component = band;
      continue;
    }
    const text = view.text(r, layout.columns.indicator as number);
    if (!text) continue;
    if (componentCol !== undefined) component = view.text(r, componentCol) || component;
    const id = idCol !== undefined ? view.text(r, idCol) || null : null;
    indicators.push(readIndicator(ctx, r, id, text, component, findings));
  }
  const bands = emptyBandCounts();
  for (const i of indicators) bands[i.band]++;
  const lastRow = indicators.length ? Math.max(layout.lastRow, (indicators[indicators.length - 1]?.row ?? 1) - 1) : layout.lastRow;
  return {
    sheet: layout.sheet,
    range: rangeA1(layout.headerRows[0] ?? layout.firstRow, layout.first, lastRow, layout.last),
    headerRows: layout.headerRows.map((r) => r + 1),
    baselineYear: layout.baselineYear,
    periods,
    latestEndedPeriod: latest >= 0 ? (periods[latest]?.label ?? null) : null,
    bandScheme: ctx.scheme,
    indicators,
    bands,
  };
}

/**
 * A component or level band: every non-blank cell of the row holds the same text (a merged band, or a
 * lone title) and no value column holds a number. Null when the row is not one.
 */
function bandText(view: SheetView, layout: FrameworkLayout, r: number): string | null {
  let text: string | null = null;
  let cells = 0;
  let firstCol = -1;
  for (let c = layout.first; c <= layout.last; c++) {
    const t = view.text(r, c);
    if (!t) continue;
    if (text !== null && t !== text) return null;
    text = t;
    cells++;
    if (firstCol < 0) firstCol = c;
  }
  if (text === null) return null;
  // A lone text in the indicator column with nothing else is an indicator still to be filled in… unless
  // it stands left of the indicator column (a band typed in column A, unmerged).
  if (cells === 1 && firstCol >= (layout.columns.indicator as number)) return null;
  return text;
}

function addFinding(
  out: { cells: { col: number; f: Finding }[] },
  ctx: Ctx,
  code: FindingCode,
  severity: Severity,
  r: number,
  c: number,
  params: Record<string, string | number>,
): void {
  out.cells.push({ col: c, f: finding(code, severity, { sheet: ctx.view.name, cell: a1(r, c) }, params) });
}

function readIndicator(ctx: Ctx, r: number, id: string | null, text: string, component: string | null, findings: Finding[]): FrameworkIndicator {
  const { view, layout, periods, latest } = ctx;
  const cols = layout.columns;
  const label = id ?? text;
  const notes: IndicatorNote[] = [];
  const found = { cells: [] as { col: number; f: Finding }[] };
  const cellText = (c: number | undefined) => (c !== undefined ? view.text(r, c) : '');

  const unit = cellText(cols.unit) || null;
  const numberKindText = cellText(cols.numberKind);
  const directionText = cellText(cols.direction);
  const accumulationText = cols.accumulation !== undefined ? cellText(cols.accumulation) : null;
  const comment = cellText(cols.comments) || null;
  const source = cellText(cols.source) || null;

  // Every value cell, read once: baseline, per period target and actual, final target.
  const percentHint = (unit !== null && isPercentUnit(unit)) || isPercentUnit(numberKindText);
  const kind = percentHint ? 'fraction' : 'count';
  const read = (c: number | undefined): ReadValue | null => (c !== undefined ? readValue(view.sheet.rows[r]?.[c], kind) : null);
  const raw = { baseline: read(cols.baseline), final: read(cols.finalTarget), targets: layout.periods.map((p) => read(p.target)), actuals: layout.periods.map((p) => read(p.actual)) };
  const rawTargets = raw.targets;

  const qualitative =
    (unit !== null && isQualitativeUnit(unit)) ||
    (rawTargets.some((v) => v && !v.blank) && rawTargets.every((v) => !v || v.blank || (v.number === null && parseYesNo(v.text) !== null)));
  const measure: Measure = qualitative ? 'qualitative' : percentHint ? 'percentage' : 'unit';

  // The scale: fractions when every number is at most 1.5, else percent points. "85%" typed as text says
  // its own scale (read as 0.85), so it does not vote, and is 85 in a framework kept in points.
  const percentText = (v: ReadValue | null) => !!v && v.fromText && v.text.endsWith('%');
  const all = [raw.baseline, raw.final, ...raw.targets, ...raw.actuals];
  const numbers = all.flatMap((v) => (v && v.number !== null && !percentText(v) ? [v.number] : []));
  const scale: Scale | null =
    measure !== 'percentage' ? null : numbers.length ? (numbers.every((n) => Math.abs(n) <= 1.5) ? 'fraction' : 'points') : all.some(percentText) ? 'fraction' : 'points';
  const inScale = (v: ReadValue | null): ReadValue | null => (v && percentText(v) && scale === 'points' && v.number !== null ? { ...v, number: v.number * 100 } : v);
  const baselineCell = inScale(raw.baseline);
  const finalCell = inScale(raw.final);
  const targetCells = raw.targets.map(inScale);
  const actualCells = raw.actuals.map(inScale);

  // Numbers typed as text: read, and said (one finding per cell, at the cell).
  const noteText = (v: ReadValue | null, c: number | undefined) => {
    if (!v || !v.fromText || c === undefined || v.number === null || measure === 'qualitative') return;
    if (!notes.includes('decimal_comma') && v.text.includes(',')) notes.push('decimal_comma');
    addFinding(found, ctx, 'number_as_text', 'info', r, c, { column: layout.labels[c] ?? '', count: 1, text: v.text, value: v.number });
  };
  noteText(baselineCell, cols.baseline);
  layout.periods.forEach((p, i) => {
    noteText(targetCells[i] ?? null, p.target);
    noteText(actualCells[i] ?? null, p.actual);
  });
  noteText(finalCell, cols.finalTarget);

  const stated = parseDirection(directionText);
  if (!stated) notes.push('direction_unspecified');
  const direction: Direction = stated ?? 'increase';
  const accumulationKind = accumulationText !== null ? parseAccumulation(accumulationText) : 'unspecified';
  const rule = toDateRule(accumulationKind, measure);
  if (accumulationKind === 'unspecified' && measure === 'unit') notes.push('accumulation_unspecified');

  const asValue = (v: ReadValue | null): Value => (!v || v.blank ? null : measure === 'qualitative' ? v.text : (v.number ?? v.text));
  const baseline = asValue(baselineCell);
  const finalTarget = asValue(finalCell);

  // The records' figure for the latest ended period, in the framework's scale.
  const recordsMeasure = measure === 'percentage' ? recordsMeasureOf(text) : null;
  let recordsValue: number | null = null;
  if (recordsMeasure) {
    const fraction = ctx.records()?.[recordsMeasure] ?? null;
    recordsValue = fraction === null ? null : scale === 'fraction' ? fraction : fraction * 100;
  }

  const values: PeriodValues[] = layout.periods.map((p, i) => {
    const t = targetCells[i] ?? null;
    const a = actualCells[i] ?? null;
    let actual = asValue(a);
    let actualSource: 'typed' | 'records' = 'typed';
    if (i === latest && (!a || a.blank) && recordsValue !== null) {
      actual = recordsValue;
      actualSource = 'records';
      notes.push('records_latest_period');
    }
    return { label: p.label, target: asValue(t), actual, actualSource };
  });

  // Ended periods: a blank or non-numeric actual is missing (the records fill the latest one's blank).
  const endedIdx = periods.flatMap((p, i) => (p.ended ? [i] : []));
  for (const i of endedIdx) {
    const v = values[i] as PeriodValues;
    const p = layout.periods[i];
    const missing = measure === 'qualitative' ? v.actual === null : typeof v.actual !== 'number';
    if (missing && p?.actual !== undefined) {
      const raw = actualCells[i];
      addFinding(found, ctx, 'missing_actual', 'warning', r, p.actual, { indicator: label, period: p.label, text: raw && !raw.blank ? raw.text : '' });
    }
  }

  // A typed actual the records contradict.
  const latestValues = latest >= 0 ? values[latest] : undefined;
  const latestActualCol = latest >= 0 ? layout.periods[latest]?.actual : undefined;
  if (recordsValue !== null && latestValues?.actualSource === 'typed' && typeof latestValues.actual === 'number' && latestActualCol !== undefined) {
    const apart = Math.abs(latestValues.actual - recordsValue) * (scale === 'fraction' ? 100 : 1);
    if (apart > RECORDS_TOLERANCE_POINTS) {
      addFinding(found, ctx, 'actual_differs_from_records', 'warning', r, latestActualCol, {
        indicator: label,
        period: latestValues.label,
        actual: latestValues.actual,
        records: round6(recordsValue),
      });
    }
  }

  // Targets and actuals to date, % met and band.
  let targetToDate: Value = null;
  let actualToDate: Value = null;
  let actualSource: 'typed' | 'records' = 'typed';
  let pm: number | null = null;
  let band: Band = 'no_data';
  if (latest < 0 || !latestValues) notes.push('no_period_ended');
  else if (measure === 'qualitative') {
    const t = latestValues.target;
    const a = latestValues.actual;
    if (a !== null && t !== null) {
      targetToDate = t;
      actualToDate = a;
      band = sameAnswer(String(a), String(t)) ? 'on_track' : 'under';
    } else if (t === null) notes.push('no_target');
  } else {
    let target: number | null = null;
    let actual: number | null = null;
    if (rule === 'sum') {
      const ended = endedIdx.map((i) => values[i] as PeriodValues);
      const targets = ended.flatMap((v) => (typeof v.target === 'number' ? [v.target] : []));
      target = targets.length ? targets.reduce((x, y) => x + y, 0) : null;
      actual = ended.every((v) => typeof v.actual === 'number') ? ended.reduce((x, v) => x + (v.actual as number), 0) : null;
      if (ended.some((v) => v.actualSource === 'records')) actualSource = 'records';
    } else {
      target = typeof latestValues.target === 'number' ? latestValues.target : null;
      actual = typeof latestValues.actual === 'number' ? latestValues.actual : null;
      actualSource = latestValues.actualSource;
    }
    if (target === null) notes.push('no_target');
    if (target !== null && actual !== null) {
      const base = typeof baseline === 'number' ? baseline : null;
      if (direction === 'decrease' && base === null) notes.push('decrease_without_baseline');
      pm = percentMet(target, actual, direction, base);
      band = bandOf(pm, ctx.scheme);
      if (band !== 'no_data') {
        targetToDate = target;
        actualToDate = actual;
      }
    }
  }
  if (band === 'no_data') actualSource = latestValues?.actualSource ?? 'typed';

  // A final target that is not what the periods add up to.
  if (finalTarget !== null && cols.finalTarget !== undefined) {
    const targets = values.map((v) => v.target).filter((t): t is number | string => t !== null);
    let expected: Value = null;
    if (measure === 'qualitative') expected = targets[targets.length - 1] ?? null;
    else {
      const nums = targets.filter((t): t is number => typeof t === 'number');
      if (nums.length) expected = rule === 'sum' ? nums.reduce((x, y) => x + y, 0) : (nums[nums.length - 1] as number);
    }
    const differs =
      expected !== null &&
      (typeof expected === 'number' && typeof finalTarget === 'number' ? !sameNumber(expected, finalTarget) : !sameAnswer(String(expected), String(finalTarget)));
    if (differs) {
      addFinding(found, ctx, 'final_target_mismatch', 'warning', r, cols.finalTarget, {
        indicator: label,
        finalTarget: String(finalTarget),
        expected: typeof expected === 'number' ? round6(expected) : String(expected),
      });
    }
  }

  // Off track and nothing says why.
  if ((band === 'under' || band === 'over') && !comment) {
    addFinding(found, ctx, 'off_track_unexplained', 'warning', r, cols.comments ?? (cols.indicator as number), {
      indicator: label,
      band,
      percent: pm !== null ? `${Math.round(pm * 1000) / 10}%` : '—',
      // The % met itself: messages show it in the reader's number form.
      ...(pm !== null ? { ratio: round6(pm) } : {}),
    });
  }

  found.cells.sort((x, y) => x.col - y.col);
  for (const x of found.cells) findings.push(x.f);

  const at = (c: number | undefined) => (c !== undefined ? a1(r, c) : undefined);
  const cells: FrameworkIndicator['cells'] = {
    ...(at(cols.id) ? { id: at(cols.id) } : {}),
    indicator: a1(r, cols.indicator as number),
    ...(at(cols.baseline) ? { baseline: at(cols.baseline) } : {}),
    ...(at(cols.finalTarget) ? { finalTarget: at(cols.finalTarget) } : {}),
    ...(at(cols.comments) ? { comments: at(cols.comments) } : {}),
    targets: layout.periods.map((p) => at(p.target) ?? null),
    actuals: layout.periods.map((p) => at(p.actual) ?? null),
  };
  return {
    id,
    row: r + 1,
    text,
    component,
    unit,
    measure,
    scale,
    direction,
    accumulation: accumulationText || null,
    accumulationKind,
    baseline,
    finalTarget,
    values,
    targetToDate,
    actualToDate,
    actualSource,
    records: recordsMeasure ? { measure: recordsMeasure, value: recordsValue } : null,
    percentMet: pm,
    band,
    comment,
    source,
    notes,
    cells,
  };
}

export function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}
