// CSV for donors' own tools: UTF-8 with BOM, RFC 4180, and no cell that a spreadsheet would run as a formula.
import { isOutputDate, type OutputSheet, type OutputTable, type OutputValue } from '../output';
import { fold } from '../text';

/** Excel needs the BOM to read UTF-8 (accents) instead of the machine's code page. */
export const BOM = '\uFEFF';

/**
 * Text that a spreadsheet would read as a formula (or as DDE) when it opens the CSV: = + - @, and a
 * leading tab or carriage return (OWASP "CSV injection"). Only text cells: -5 the number stays -5.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixing a single quote makes the cell plain text in Excel, LibreOffice and Google Sheets. */
export function neutraliseText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** RFC 4180: a field with a comma, quote, CR or LF goes in quotes, its quotes doubled. */
export function quoteField(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/** One value as CSV text: numbers and ISO dates plainly (machine-readable), text neutralised. */
export function csvValue(v: OutputValue): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isOutputDate(v)) return v.date;
  return neutraliseText(v);
}

/** The table as one CSV document: BOM, header row, data rows, CRLF line ends (RFC 4180). */
export function toCsv(table: OutputTable): string {
  const lines = [table.columns.map((c) => quoteField(neutraliseText(c.header)))];
  for (const row of table.rows) lines.push(table.columns.map((_, i) => quoteField(csvValue(row[i] ?? null))));
  return BOM + lines.map((l) => l.join(',')).join('\r\n') + '\r\n';
}

export interface CsvFile {
  /** A plain file name: "key-actions.csv", "acciones-clave.csv". */
  readonly name: string;
  readonly text: string;
}

/** One CSV per table, named after its sheet (and the table when a sheet has several). */
export function csvFiles(sheets: readonly OutputSheet[]): CsvFile[] {
  const out: CsvFile[] = [];
  const used = new Set<string>();
  for (const sheet of sheets) {
    sheet.tables.forEach((table, i) => {
      const base = slug(sheet.tables.length > 1 ? `${sheet.name} ${i + 1}` : sheet.name) || slug(table.name) || 'table';
      let name = base;
      for (let n = 2; used.has(name); n++) name = `${base}-${n}`;
      used.add(name);
      out.push({ name: `${name}.csv`, text: toCsv(table) });
    });
  }
  return out;
}

/** "Acciones clave" → "acciones-clave": safe on every file system. */
function slug(s: string): string {
  return fold(s)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
