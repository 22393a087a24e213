// The sheet plan's charts as DrawingML parts: one drawing per sheet (xl/drawings/drawingN.xml, a
// one-cell anchor per chart at the plan's row, sized in EMU) and one chart part each
// (xl/charts/chartN.xml). Series name the table's cells with c:f formulas, so Excel redraws them
// from the sheet; the cached values let viewers that do not calculate show the same figures.
import { columnLetter } from '../../core/grid';
import { isOutputDate, type OutputValue } from '../../core/output';
import type { PlannedChart, PlannedTable } from '../../core/sheet-plan';
import { sourceRef } from '../../core/export';
import { escapeAttr, escapeText } from './xml';

const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
export const NS_CHART = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
export const NS_DRAWING_MAIN = 'http://schemas.openxmlformats.org/drawingml/2006/main';
export const NS_SPREADSHEET_DRAWING = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
/** English Metric Units per point. */
const EMU_PER_POINT = 12_700;
const CATEGORY_AXIS = 500_000_001;
const VALUE_AXIS = 500_000_002;
/** The threshold line's colour (CHART_COLORS.threshold), 2 pt dashed as in Excel. */
const LINE_WIDTH_EMU = 25_400;

/** `'Sheet'!$B$6:$B$31`: one column of rows r0..r1 (0-based), absolute. */
function columnRef(sheet: string, col: number, r0: number, r1: number): string {
  const l = columnLetter(col);
  return sourceRef(sheet, r0 === r1 ? `$${l}$${r0 + 1}` : `$${l}$${r0 + 1}:$${l}$${r1 + 1}`) ?? '';
}

function categoryText(v: OutputValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (isOutputDate(v)) return v.date;
  return String(v);
}

function strRef(f: string, texts: readonly string[]): string {
  const pts = texts.map((t, i) => (t === '' ? '' : `<c:pt idx="${i}"><c:v>${escapeText(t)}</c:v></c:pt>`)).join('');
  return `<c:strRef><c:f>${escapeText(f)}</c:f><c:strCache><c:ptCount val="${texts.length}"/>${pts}</c:strCache></c:strRef>`;
}

function numRef(f: string, values: readonly (number | null)[], format: string): string {
  const pts = values.map((v, i) => (v === null ? '' : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`)).join('');
  return `<c:numRef><c:f>${escapeText(f)}</c:f><c:numCache><c:formatCode>${escapeText(format)}</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache></c:numRef>`;
}

function fill(color: string): string {
  return `<c:spPr><a:solidFill><a:srgbClr val="${color.replace(/^#/, '').toUpperCase()}"/></a:solidFill></c:spPr>`;
}

/** The chart part of one planned chart on the sheet named `sheet`. */
export function chartPartXml(sheet: string, planned: PlannedChart, table: PlannedTable): string {
  const { chart } = planned;
  const first = planned.headerRow + 1;
  const last = planned.headerRow + chart.rows;
  const rows = table.table.rows.slice(0, chart.rows);
  const col = (c: number): number => planned.firstCol + c;
  const cat = `<c:cat>${strRef(columnRef(sheet, col(chart.categoryColumn), first, last), rows.map((r) => categoryText(r[chart.categoryColumn])))}</c:cat>`;
  const format = chart.percent ? '0%' : 'General';
  const bars = chart.series
    .map((s, i) => {
      const values = rows.map((r) => {
        const v = r[s.column];
        return typeof v === 'number' && Number.isFinite(v) ? v : null;
      });
      const header = table.columns[s.column]?.header ?? s.name;
      return (
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx>${strRef(columnRef(sheet, col(s.column), planned.headerRow, planned.headerRow), [header])}</c:tx>` +
        `${fill(s.color)}<c:invertIfNegative val="0"/>${cat}<c:val>${numRef(columnRef(sheet, col(s.column), first, last), values, format)}</c:val></c:ser>`
      );
    })
    .join('');
  const stacked = chart.kind !== 'coverage';
  const axes = `<c:axId val="${CATEGORY_AXIS}"/><c:axId val="${VALUE_AXIS}"/>`;
  let plot =
    `<c:barChart><c:barDir val="col"/><c:grouping val="${stacked ? 'stacked' : 'clustered'}"/><c:varyColors val="0"/>${bars}` +
    `<c:gapWidth val="${stacked ? 60 : 150}"/>${stacked ? '<c:overlap val="100"/>' : ''}${axes}</c:barChart>`;
  if (chart.threshold && planned.threshold) {
    const n = chart.series.length;
    const th = chart.threshold;
    plot +=
      `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/><c:ser><c:idx val="${n}"/><c:order val="${n}"/>` +
      `<c:tx>${strRef(columnRef(sheet, planned.threshold.col, planned.headerRow, planned.headerRow), [th.label])}</c:tx>` +
      `<c:spPr><a:ln w="${LINE_WIDTH_EMU}"><a:solidFill><a:srgbClr val="C50F1F"/></a:solidFill><a:prstDash val="dash"/></a:ln></c:spPr>` +
      `<c:marker><c:symbol val="none"/></c:marker>${cat}` +
      `<c:val>${numRef(columnRef(sheet, planned.threshold.col, first, last), rows.map(() => th.value), '0%')}</c:val><c:smooth val="0"/></c:ser>` +
      `<c:marker val="1"/>${axes}</c:lineChart>`;
  }
  const scaling = chart.percent ? '<c:orientation val="minMax"/><c:max val="1"/><c:min val="0"/>' : '<c:orientation val="minMax"/>';
  plot +=
    `<c:catAx><c:axId val="${CATEGORY_AXIS}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>` +
    '<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    `<c:crossAx val="${VALUE_AXIS}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${VALUE_AXIS}"/><c:scaling>${scaling}</c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/>` +
    `<c:numFmt formatCode="${chart.percent ? '0%' : 'General'}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${CATEGORY_AXIS}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;
  const title =
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr><a:r><a:rPr sz="1200" b="1"/>` +
    `<a:t>${escapeText(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>`;
  return (
    `${XML_DECL}<c:chartSpace xmlns:c="${NS_CHART}" xmlns:a="${NS_DRAWING_MAIN}" xmlns:r="${NS_REL}"><c:roundedCorners val="0"/>` +
    `<c:chart>${title}<c:plotArea><c:layout/>${plot}</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>` +
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>'
  );
}

/** The drawing part: each chart anchored at its planned row in column A, at its planned size; `rIds` name the chart parts. */
export function drawingPartXml(charts: readonly PlannedChart[], rIds: readonly string[]): string {
  const anchors = charts
    .map((p, i) => {
      const cx = Math.round(p.width * EMU_PER_POINT);
      const cy = Math.round(p.height * EMU_PER_POINT);
      return (
        `<xdr:oneCellAnchor><xdr:from><xdr:col>${p.firstCol}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.anchorRow}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
        `<xdr:ext cx="${cx}" cy="${cy}"/><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeAttr(p.chart.name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${NS_CHART}">` +
        `<c:chart xmlns:c="${NS_CHART}" xmlns:r="${NS_REL}" r:id="${rIds[i]}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:oneCellAnchor>`
      );
    })
    .join('');
  return `${XML_DECL}<xdr:wsDr xmlns:xdr="${NS_SPREADSHEET_DRAWING}" xmlns:a="${NS_DRAWING_MAIN}">${anchors}</xdr:wsDr>`;
}
