// Browser mode only: the workbook's sheet next to the pane, so "select" has somewhere to land.
// Read-only; merged cells span, overdue rows and framework bands are tinted when highlights are on, as Excel would show them.
import * as React from 'react';
import { makeStyles, tokens, Tab, TabList, Caption1, mergeClasses, Badge } from '@fluentui/react-components';
import type { Cell, SheetGrid, WorkbookGrid } from '../../core/grid';
import { a1, columnLetter, isDateCell, isErrorCell, parseRange, sheetWidth } from '../../core/grid';
import { BAND_LOOK, bandCells } from '../../core/framework/highlight';
import { serialToISO } from '../../core/dates';
import type { Lang } from '../../core/i18n';
import type { CheckResult } from '../../core/model';
import { useStrings } from '../strings';

const MAX_ROWS = 400;
const MAX_COLS = 30;
/** Rows added to the preview per step. */
const ROW_SLICE = 40;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0, backgroundColor: tokens.colorNeutralBackground1 },
  head: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  sheetName: { fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground3 },
  scroller: { flexGrow: 1, overflow: 'auto', minHeight: 0, position: 'relative' },
  table: { borderCollapse: 'separate', borderSpacing: 0, fontSize: '12px', fontFamily: tokens.fontFamilyBase, tableLayout: 'fixed' },
  corner: { position: 'sticky', top: 0, left: 0, zIndex: 3, backgroundColor: '#F3F2F1', width: '40px', borderRight: '1px solid #D1D1D1', borderBottom: '1px solid #D1D1D1' },
  colHead: {
    position: 'sticky',
    top: 0,
    zIndex: 2,
    backgroundColor: '#F3F2F1',
    color: '#605E5C',
    fontWeight: 400,
    height: '22px',
    borderRight: '1px solid #E1DFDD',
    borderBottom: '1px solid #D1D1D1',
  },
  rowHead: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    backgroundColor: '#F3F2F1',
    color: '#605E5C',
    textAlign: 'center',
    borderRight: '1px solid #D1D1D1',
    borderBottom: '1px solid #E1DFDD',
    width: '40px',
  },
  cell: {
    borderRight: '1px solid #EDEBE9',
    borderBottom: '1px solid #EDEBE9',
    padding: '3px 6px',
    verticalAlign: 'top',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    maxWidth: '320px',
    color: '#201F1E',
    backgroundColor: '#fff',
  },
  merged: { whiteSpace: 'normal', backgroundColor: '#F7F9FC', fontWeight: 600 },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  overdue: { backgroundColor: '#FFC7CE', color: '#9C0006' },
  selected: { outline: '2px solid #107C41', outlineOffset: '-2px', backgroundColor: '#E8F3EC' },
  selectedHead: { backgroundColor: '#D2E7D9', color: '#0E5C2F', fontWeight: 600 },
  badge: { marginLeft: tokens.spacingHorizontalXS },
  note: { color: tokens.colorNeutralForeground3, padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}` },
});

// The grid carries no number formats: a fraction such as a coverage of 0.87640449… is shown rounded
// to 4 decimals (4 significant digits when smaller), with the pane language's decimal mark.
const DECIMALS = 4;
const numberFormats: Partial<Record<Lang, { plain: Intl.NumberFormat; small: Intl.NumberFormat }>> = {};

export function showNumber(v: number, lang: Lang): string {
  if (Number.isInteger(v) || !Number.isFinite(v)) return String(v);
  const f = (numberFormats[lang] ??= {
    plain: new Intl.NumberFormat(lang, { maximumFractionDigits: DECIMALS, useGrouping: false }),
    small: new Intl.NumberFormat(lang, { maximumSignificantDigits: DECIMALS, useGrouping: false }),
  });
  return Math.abs(v) >= 10 ** -DECIMALS ? f.plain.format(v) : f.small.format(v);
}

export function show(v: Cell | undefined, date1904: boolean, lang: Lang): string {
  if (v === null || v === undefined) return '';
  if (isDateCell(v)) return serialToISO(v.serial, date1904) ?? String(v.serial);
  if (isErrorCell(v)) return v.code;
  if (typeof v === 'number') return showNumber(v, lang);
  return String(v);
}

export function SheetPreview({
  grid,
  result,
  overdueShown,
  selection,
  onSheet,
}: {
  grid: WorkbookGrid;
  result: CheckResult | null;
  overdueShown: boolean;
  selection: { sheet: string; address: string } | null;
  onSheet: (name: string) => void;
}): React.JSX.Element {
  const s = useStrings();
  const styles = useStyles();
  const sheetName = selection?.sheet ?? result?.tables[0]?.sheet ?? grid.sheets[0]?.name ?? '';
  const sheet: SheetGrid | undefined = grid.sheets.find((x) => x.name === sheetName) ?? grid.sheets[0];
  const box = selection && selection.sheet === sheet?.name ? parseRange(selection.address) : null;
  const firstSelected = React.useRef<HTMLTableCellElement | null>(null);

  // Rows are drawn a slice at a time: a 400-row table laid out at once freezes the page for most of a second.
  const wanted = Math.min(sheet?.rows.length ?? 0, MAX_ROWS);
  const selectedRow = box ? box.r1 + 1 : 0;
  const [drawn, setDrawn] = React.useState(ROW_SLICE);
  React.useEffect(() => setDrawn(ROW_SLICE), [sheet]);
  React.useEffect(() => {
    if (drawn >= wanted) return;
    const timer = setTimeout(() => setDrawn((d) => Math.max(d + ROW_SLICE, Math.min(selectedRow, wanted))), 30);
    return () => clearTimeout(timer);
  }, [drawn, wanted, selectedRow]);

  React.useEffect(() => {
    firstSelected.current?.scrollIntoView({ block: 'center', inline: 'nearest' });
  }, [selection, drawn >= selectedRow]);

  const overdueRows = React.useMemo(() => {
    const rows = new Set<number>();
    if (overdueShown && result) for (const t of result.tables) if (t.sheet === sheet?.name) for (const a of t.actions) if (a.overdue) rows.add(a.row - 1);
    return rows;
  }, [overdueShown, result, sheet]);
  // Results-framework bands, in the colours the highlight gives them in the workbook (src/core/framework/highlight.ts).
  const bandCellLooks = React.useMemo(() => {
    const looks = new Map<string, React.CSSProperties>();
    if (!overdueShown || !result?.frameworks) return looks;
    for (const f of result.frameworks.frameworks) {
      if (f.sheet !== sheet?.name || f.latestEndedPeriod === null) continue;
      for (const i of f.indicators) {
        const look = { backgroundColor: `#${BAND_LOOK[i.band].fill}`, color: `#${BAND_LOOK[i.band].font}` };
        for (const cell of bandCells(f, i)) looks.set(cell, look);
      }
    }
    return looks;
  }, [overdueShown, result, sheet]);

  if (!sheet) return <div className={styles.root} />;
  const width = Math.min(sheetWidth(sheet), MAX_COLS);
  const height = Math.min(sheet.rows.length, MAX_ROWS, Math.max(drawn, selectedRow));
  // Widths from every row the preview will hold, so they do not change while rows are added.
  const colWidths = Array.from({ length: width }, (_, c) => {
    let w = 4;
    for (let r = 0; r < wanted; r++) {
      const len = show(sheet.rows[r]?.[c], grid.date1904, s.lang).length;
      if (len > w) w = len;
    }
    return Math.min(300, Math.max(64, w * 6.5));
  });
  const covered = new Set<string>();
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  for (const m of sheet.merges) {
    spans.set(`${m.r0}:${m.c0}`, { rowSpan: m.r1 - m.r0 + 1, colSpan: Math.min(m.c1, width - 1) - m.c0 + 1 });
    for (let r = m.r0; r <= m.r1; r++) for (let c = m.c0; c <= m.c1; c++) if (r !== m.r0 || c !== m.c0) covered.add(`${r}:${c}`);
  }
  const inBox = (r: number, c: number): boolean => !!box && r >= box.r0 && r <= box.r1 && c >= box.c0 && c <= box.c1;
  let anchored = false;

  return (
    <div className={styles.root} data-testid="sheet-preview">
      <div className={styles.head}>
        <h2 className={styles.title}>
          {s('previewTitle')}
          <span className={styles.sheetName}> · {sheet.createdByTablero ? s('ourSheetName', { sheet: sheet.name }) : sheet.name}</span>
        </h2>
        {selection ? <Caption1 data-testid="preview-selection">{s('previewSelected', { ref: `${selection.sheet}!${selection.address}` })}</Caption1> : null}
      </div>
      {grid.sheets.length > 1 ? (
        <TabList size="small" selectedValue={sheet.name} onTabSelect={(_, d) => onSheet(String(d.value))} aria-label={s('previewSheets')}>
          {grid.sheets.map((x) => (
            <Tab key={x.name} value={x.name} data-ours={x.createdByTablero || undefined}>
              {x.name}
              {/* Our sheets are told apart from the user's look-alikes ("Seguimiento" beside "Seguimiento 2024"). */}
              {x.createdByTablero ? (
                <Badge size="small" appearance="tint" color="brand" className={styles.badge} data-testid="our-sheet-badge">
                  {s('ourSheetBadge')}
                </Badge>
              ) : null}
            </Tab>
          ))}
        </TabList>
      ) : null}
      <div className={styles.scroller} tabIndex={0} role="region" aria-label={`${s('previewTitle')}: ${sheet.name}`}>
        <table className={styles.table} aria-label={sheet.name}>
          <colgroup>
            <col style={{ width: '40px' }} />
            {colWidths.map((w, c) => (
              <col key={c} style={{ width: `${w}px` }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th className={styles.corner} aria-hidden />
              {colWidths.map((_, c) => (
                <th key={c} scope="col" className={mergeClasses(styles.colHead, !!box && c >= box.c0 && c <= box.c1 && styles.selectedHead)}>
                  {columnLetter(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: height }, (_, r) => (
              <tr key={r} data-row={r + 1}>
                <th scope="row" className={mergeClasses(styles.rowHead, !!box && r >= box.r0 && r <= box.r1 && styles.selectedHead)}>
                  {r + 1}
                </th>
                {colWidths.map((_, c) => {
                  if (covered.has(`${r}:${c}`)) return null;
                  const v = sheet.rows[r]?.[c];
                  const text = show(v, grid.date1904, s.lang);
                  const span = spans.get(`${r}:${c}`);
                  const sel = inBox(r, c);
                  const ref = sel && !anchored ? firstSelected : undefined;
                  if (sel) anchored = true;
                  return (
                    <td
                      key={c}
                      ref={ref}
                      rowSpan={span?.rowSpan}
                      colSpan={span?.colSpan}
                      // A rounded number keeps its full value in the tooltip.
                      title={text.length > 30 ? text : typeof v === 'number' && text !== String(v) ? String(v) : undefined}
                      data-selected={sel || undefined}
                      style={sel ? undefined : bandCellLooks.get(a1(r, c))}
                      className={mergeClasses(
                        styles.cell,
                        span && styles.merged,
                        (typeof v === 'number' || isDateCell(v)) && styles.number,
                        overdueRows.has(r) && styles.overdue,
                        sel && styles.selected,
                      )}
                    >
                      {text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {sheet.rows.length > MAX_ROWS ? <Caption1 className={styles.note}>{s('previewTruncated', { rows: MAX_ROWS })}</Caption1> : null}
    </div>
  );
}
