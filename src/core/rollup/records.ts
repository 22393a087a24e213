// One pass over a record sheet: which rows are records, which are blank or totals, and their numbers.
import { a1, columnLetter, isDateCell, isErrorCell, type Cell, type SheetGrid } from '../grid';
import { finding, type Finding } from '../findings';
import { t, type Lang } from '../i18n';
import { parseNumberText, type NumberKind } from './numbers';
import { isTotalLabel } from './vocab';

export interface NumericColumn {
  readonly col: number;
  readonly kind: NumberKind;
  readonly header: string;
  /** Counts are checked against sums of the rows above to spot unlabelled totals. */
  readonly sumCheck: boolean;
  /** Values outside [min, max] are skipped with a warning. */
  readonly min: number;
  readonly max: number;
}

export interface ScanSpec {
  readonly sheet: SheetGrid;
  /** 0-based header row. */
  readonly headerRow: number;
  /** Every column with a role: a row with none of them filled is blank. */
  readonly used: readonly number[];
  /** Text columns whose "Total …" marks a total row. */
  readonly labels: readonly number[];
  /** The record's own name (deepest area, system, provider): empty on a subtotal row. */
  readonly identity: readonly number[];
  readonly numeric: readonly NumericColumn[];
}

export interface ScanStats {
  /** 1-based first and last rows read. */
  readonly firstRow: number;
  readonly lastRow: number;
  readonly records: number;
  readonly skippedBlank: number;
  readonly skippedTotal: number;
  readonly unreadable: number;
  readonly asText: number;
}

/** Called once per record with the row and its numbers (NaN where blank or unreadable); `nums` is reused. */
export type OnRecord = (row: readonly Cell[], r: number, nums: Float64Array) => void;

const EPS = 1e-9;

function blank(v: Cell | undefined): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v !== 'string') return false;
  // Most strings start with a visible character: skip trim() for them.
  const c = v.charCodeAt(0);
  return v.length === 0 || ((c === 32 || c === 9 || c === 10 || c === 13 || c === 160) && v.trim() === '');
}

function same(a: number, b: number): boolean {
  return Math.abs(a - b) <= EPS * Math.max(1, Math.abs(a), Math.abs(b));
}

function formatValue(v: number): string {
  return String(Math.round(v * 1e9) / 1e9);
}

/** Growing prefix sums of a column over the records, for "equals the sum of the rows above". */
class Prefix {
  data = new Float64Array(1024);
  length = 1; // data[0] = 0: the sum of no records
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    const prev = this.data[this.length - 1] ?? 0;
    this.data[this.length++] = prev + (v > 0 ? v : 0);
  }
  /** Smallest index i with data[i] ≥ x (the array never decreases: negative values are skipped). */
  lowerBound(x: number): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.data[mid] ?? 0) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

export function scanRecords(spec: ScanSpec, lang: Lang, findings: Finding[], onRecord: OnRecord): ScanStats {
  const { sheet, numeric } = spec;
  const rows = sheet.rows;
  const name = sheet.name;
  // Trailing blank rows are not "rows skipped": the sheet simply ends there.
  let end = rows.length - 1;
  while (end > spec.headerRow && isRowBlank(rows[end], spec.used)) end--;

  const n = numeric.length;
  // Column facts as flat arrays: the row loop reads them 300,000 times.
  const cols = Int32Array.from(numeric, (c) => c.col);
  const mins = Float64Array.from(numeric, (c) => c.min);
  const maxs = Float64Array.from(numeric, (c) => c.max);
  const nums = new Float64Array(n);
  const status = new Int8Array(n); // 0 number or blank, 1 text read as number, 2 unreadable, 3 out of range
  const asText = numeric.map(() => ({ count: 0, cell: '', text: '', value: 0 }));
  const sumCols = numeric.map((c, i) => (c.sumCheck ? i : -1)).filter((i) => i >= 0);
  const prefix = numeric.map((c) => (c.sumCheck ? new Prefix() : null));
  let recordRows = new Int32Array(1024);
  const canSumCheck = sumCols.length > 0 && spec.identity.length > 0;

  // The label cells of the previous record: a department name repeated on every row needs one look.
  const prevLabels: (Cell | undefined)[] = spec.labels.map(() => undefined);
  let records = 0;
  let skippedBlank = 0;
  let skippedTotal = 0;
  let unreadable = 0;
  let textCount = 0;

  for (let r = spec.headerRow + 1; r <= end; r++) {
    const row = rows[r] ?? [];
    if (isRowBlank(row, spec.used)) {
      // Counted in the sheet's notes, never a finding: a blank row is nothing to fix (issue 10).
      skippedBlank++;
      continue;
    }
    // Label rule: "TOTAL", "Total Alpha", "Intibucá Total".
    let label: string | null = null;
    for (let j = 0; j < spec.labels.length; j++) {
      const v = row[spec.labels[j] as number];
      if (typeof v === 'string' && v !== prevLabels[j] && isTotalLabel(v)) {
        label = v.trim();
        break;
      }
    }
    if (label !== null) {
      skippedTotal++;
      findings.push(finding('row_skipped_total', 'info', { sheet: name, cell: a1(r, 0) }, { row: r + 1, label: t(lang, 'rollup', 'quoted', { text: label }) }));
      continue;
    }
    // Numbers: typed, typed as text, or unreadable.
    let anyValue = false;
    for (let i = 0; i < n; i++) {
      const v = row[cols[i] as number];
      let x = NaN;
      let st = 0;
      if (typeof v === 'number') x = v;
      else if (!blank(v)) {
        if (typeof v === 'string') {
          const p = parseNumberText(v, (numeric[i] as NumericColumn).kind);
          if (p === null) st = 2;
          else {
            x = p;
            st = 1;
          }
        } else st = 2;
      }
      // NaN fails both comparisons: blanks stay blank.
      if (x < (mins[i] as number) || x > (maxs[i] as number)) {
        st = 3;
        x = NaN;
      }
      nums[i] = x;
      status[i] = st;
      if (x === x) anyValue = true;
    }
    // Sum rule: no name of its own, and its numbers equal the sum of the records just above.
    if (canSumCheck && anyValue && records >= 2 && isRowBlank(row, spec.identity)) {
      const from = matchesSuffixSum(nums, sumCols, prefix, records);
      if (from >= 0) {
        skippedTotal++;
        const label = t(lang, 'rollup', 'sumLabel', { from: (recordRows[from] ?? 0) + 1, to: (recordRows[records - 1] ?? 0) + 1 });
        findings.push(finding('row_skipped_total', 'info', { sheet: name, cell: a1(r, 0) }, { row: r + 1, label }));
        continue;
      }
    }
    // A record: report its cells, remember its sums, hand it over.
    for (let i = 0; i < n; i++) {
      const st = status[i];
      if (!st) continue;
      const col = numeric[i] as NumericColumn;
      const v = row[col.col];
      if (st === 1) {
        textCount++;
        const acc = asText[i];
        if (acc && acc.count++ === 0) {
          acc.cell = a1(r, col.col);
          acc.text = String(v);
          acc.value = nums[i] ?? 0;
        }
      } else if (st === 2) {
        unreadable++;
        const text = isErrorCell(v) ? v.code : isDateCell(v) ? String(v.serial) : String(v);
        findings.push(finding('unreadable_number', 'warning', { sheet: name, cell: a1(r, col.col) }, { text, column: col.header }));
      } else {
        unreadable++;
        findings.push(
          finding('value_out_of_range', 'warning', { sheet: name, cell: a1(r, col.col) }, { value: String(v), column: col.header, range: `${col.min}–${col.max === Infinity ? '∞' : col.max}` }),
        );
      }
    }
    for (const i of sumCols) prefix[i]?.push(nums[i] ?? 0);
    if (records === recordRows.length) {
      const next = new Int32Array(recordRows.length * 2);
      next.set(recordRows);
      recordRows = next;
    }
    recordRows[records++] = r;
    for (let j = 0; j < spec.labels.length; j++) prevLabels[j] = row[spec.labels[j] as number];
    onRecord(row, r, nums);
  }

  // One finding per column, left to right.
  const order = numeric.map((_, i) => i).sort((a, b) => (numeric[a]?.col ?? 0) - (numeric[b]?.col ?? 0));
  for (const i of order) {
    const col = numeric[i] as NumericColumn;
    const acc = asText[i];
    if (!acc || !acc.count) continue;
    findings.push(
      finding('number_as_text', 'info', { sheet: name, cell: acc.cell }, { column: col.header || columnLetter(col.col), count: acc.count, text: acc.text, value: formatValue(acc.value) }),
    );
  }

  return { firstRow: spec.headerRow + 2, lastRow: end + 1, records, skippedBlank, skippedTotal, unreadable, asText: textCount };
}

function isRowBlank(row: readonly Cell[] | undefined, cols: readonly number[]): boolean {
  if (!row) return true;
  for (const c of cols) if (!blank(row[c])) return false;
  return true;
}

/**
 * The index of the first record of a run of at least two records, ending with the last one, whose sums
 * equal this row's numbers in every count column it fills; -1 when there is none.
 */
function matchesSuffixSum(nums: Float64Array, sumCols: readonly number[], prefix: readonly (Prefix | null)[], records: number): number {
  let lead = -1;
  for (const i of sumCols) {
    const v = nums[i] ?? NaN;
    if (!Number.isNaN(v) && v > 0) {
      lead = i;
      break;
    }
  }
  if (lead < 0) return -1;
  const p = prefix[lead] as Prefix;
  const total = p.data[records] ?? 0;
  const target = total - (nums[lead] ?? 0);
  if (target < -EPS * Math.max(1, total)) return -1;
  // Every start index m whose suffix sum matches the lead column (zeros make a plateau of them).
  let m = p.lowerBound(target - EPS * Math.max(1, total));
  for (let guard = 0; m <= records - 2 && guard < 10000; m++, guard++) {
    const pm = p.data[m] ?? 0;
    if (!same(pm, target)) break;
    let ok = true;
    for (const i of sumCols) {
      const v = nums[i] ?? NaN;
      if (Number.isNaN(v)) continue;
      const q = prefix[i] as Prefix;
      if (!same((q.data[records] ?? 0) - (q.data[m] ?? 0), v)) {
        ok = false;
        break;
      }
    }
    if (ok) return m;
  }
  return -1;
}
