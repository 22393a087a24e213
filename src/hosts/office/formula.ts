// Small, pure formula edits for conditional formats applied one area at a time.

/**
 * Shifts the relative row numbers of cell references ("$D14", "D14") by `delta`, outside string
 * literals. A rule written for the first of several row areas is re-anchored to each other area,
 * because Excel reads relative references from the top-left cell of the range a rule is applied to.
 * Absolute rows ("$D$14") and function names with digits ("LOG10(") are left alone.
 */
export function shiftRows(formula: string, delta: number): string {
  if (!delta) return formula;
  const parts = formula.split(/("(?:[^"]|"")*")/);
  return parts
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(/(?<![A-Za-z0-9_.$])(\$?[A-Za-z]{1,3})(\d+)(?![\d(A-Za-z_])/g, (whole, col: string, row: string) => {
            const n = Number(row) + delta;
            return n >= 1 ? `${col}${n}` : whole;
          }),
    )
    .join('');
}

/** First row (1-based) of an "A14:G20" area. */
export function areaFirstRow(area: string): number {
  const m = /^\$?[A-Za-z]{1,3}\$?(\d+)/.exec(area.trim());
  return m?.[1] ? Number(m[1]) : 1;
}
