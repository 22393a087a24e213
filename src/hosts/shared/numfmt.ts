// Every host may use src/hosts/shared/ (the .xlsx reader and the Office host alike): pure helpers about Excel itself.
// Which number formats show a date: a numeric cell with one of these is a date to the user.

/** Built-in ids that are dates or times (14–22; 27–36, 50–58 are the East Asian date forms; 45–47 times). */
export function isBuiltinDateFormat(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/**
 * A custom format code shows a date or time when, outside quoted text, escaped characters and
 * [brackets] (colours, locales, conditions), it has a d, m, y, h or s token. "[h]:mm" (elapsed time)
 * counts as time; "0.00", "#,##0", "0%", "@" and "General" do not.
 */
export function isDateFormatCode(code: string): boolean {
  let bare = '';
  for (let i = 0; i < code.length; i++) {
    const ch = code[i]!;
    if (ch === '"') {
      const q = code.indexOf('"', i + 1);
      if (q < 0) break;
      i = q;
    } else if (ch === '\\' || ch === '_' || ch === '*') {
      i++; // the next character is literal (or a width / fill character)
    } else if (ch === '[') {
      const q = code.indexOf(']', i + 1);
      const inner = q < 0 ? '' : code.slice(i + 1, q);
      if (/^(h+|m+|s+)$/i.test(inner)) bare += inner; // elapsed time
      if (q < 0) break;
      i = q;
    } else {
      bare += ch;
    }
  }
  if (/^general$/i.test(bare.trim())) return false;
  return /[dmyhs]/i.test(bare);
}

export function isDateFormat(id: number, code: string | undefined): boolean {
  if (code !== undefined) return isDateFormatCode(code);
  return isBuiltinDateFormat(id);
}
