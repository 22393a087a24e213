// Property tests where the failures were (issue 8 §6): random workbooks written and read back equal,
// random sheet XML (every cell type, merges, date styles) read as built, text escaping that loses
// nothing, CSV neutralisation, and output paths that are the input under any spelling.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { readXlsx } from '../../src/hosts/xlsx/read';
import { writeXlsx } from '../../src/hosts/xlsx/write';
import { decodeCellText, escapeText } from '../../src/core/xml-text';
import { dateCell, errorCell, type Cell, type Merge } from '../../src/core/grid';
import { isoToSerial } from '../../src/core/dates';
import type { ColumnType, OutputSheet, OutputValue } from '../../src/core/output';
import { csvValue, neutraliseText, quoteField } from '../../src/core/export';
import { checkOutputPath, CliExit } from '../../src/cli/common';
import { sameFile } from '../../src/hosts/xlsx/node-files';
import { makeXlsx, packageProblems, sheetXml, stylesXml } from './xlsx-helpers';

// Text with what broke writers before: control characters, CR, lone surrogates, "_xHHHH_" lookalikes, edges of spaces.
const hostileChar = fc.constantFrom('\u0000', '\u0007', '\u001f', '\r', '\n', '\t', '\r\n', '\ud800', '\udc00', '\ufffe', '😀', '_x0041_', '_x005F_', '&', '<', '>', '"', ' ', 'é');
const text: fc.Arbitrary<string> = fc.array(fc.oneof(fc.string({ maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 4 }), hostileChar), { maxLength: 8 }).map((p) => p.join(''));

describe('escaping', () => {
  it('decodeCellText(escapeText(s)) is s, and the escaped text holds only what XML allows', () => {
    fc.assert(fc.property(text, (s) => {
      const e = escapeText(s);
      expect(decodeCellText(e)).toBe(s);
      // eslint-disable-next-line no-control-regex -- the characters XML 1.0 forbids, and raw CR
      expect(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\r\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|<|&(?!amp;|lt;|gt;)/.test(e)).toBe(false);
    }), { numRuns: 500 });
  });
});

// ---------------------------------------------------------------------------------------------
// Written, read back, equal.

type Kind = 'text' | 'integer' | 'number' | 'boolean' | 'date';
/** A cell holds no negative zero: -0 is written "0", as Excel writes it, and reads back 0. */
const plainZero = (v: number): number => (v === 0 ? 0 : v);
const value = (k: Kind): fc.Arbitrary<OutputValue> => {
  switch (k) {
    case 'text': return fc.oneof(text, fc.constant(null), fc.constant('x'.repeat(33000)));
    case 'integer': return fc.oneof(fc.integer({ min: -1e9, max: 1e9 }), fc.constant(null));
    case 'number': return fc.oneof(fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true }).map(plainZero), fc.constant(null));
    case 'boolean': return fc.oneof(fc.boolean(), fc.constant(null));
    case 'date': return fc.oneof(fc.date({ min: new Date('1901-01-01'), max: new Date('2099-12-31') }).map((d) => ({ date: d.toISOString().slice(0, 10) })), fc.constant(null));
  }
};
const fills = fc.constantFrom(undefined, 'green', 'yellow', 'orange', 'red', 'grey') as fc.Arbitrary<'green' | undefined>;

const table = fc.array(fc.constantFrom<Kind>('text', 'integer', 'number', 'boolean', 'date'), { minLength: 1, maxLength: 5 }).chain((kinds) =>
  fc.record({
    kinds: fc.constant(kinds),
    fills: fc.array(fills, { minLength: kinds.length, maxLength: kinds.length }),
    rows: fc.array(fc.tuple(...kinds.map(value)), { minLength: 1, maxLength: 6 }),
  }));

/** What the reader gives back for a value written into a column of this kind. */
function expected(v: OutputValue, k: Kind, date1904: boolean): Cell {
  if (v === null) return null;
  if (typeof v === 'object' && 'date' in v) return dateCell(isoToSerial(v.date, date1904));
  if (typeof v === 'string') return v.length > 32767 ? v.slice(0, 32767) : v;
  if (k === 'date' && typeof v === 'number') return dateCell(v);
  return v as Cell;
}

describe('random workbooks written and read back', () => {
  it.each([['a new workbook', false], ['the user workbook', true]])('%s: every value reads back as written', (_label, withBase) => {
    fc.assert(fc.property(fc.array(table, { minLength: 1, maxLength: 2 }), fc.array(text, { maxLength: 2 }), (tables, lines) => {
      const base = withBase ? makeXlsx({ sheets: [{ name: 'Plan', xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') }], styles: stylesXml([], [0]) }) : null;
      const sheet: OutputSheet = {
        name: 'Propiedad',
        lines: lines.map((l) => l || '-'),
        tables: tables.map((t, i) => ({
          name: `T${i}`,
          columns: t.kinds.map((k, c) => ({ header: `C${c}`, type: k as ColumnType, ...(t.fills[c] ? { fill: t.fills[c] } : {}) })),
          rows: t.rows,
        })),
      };
      const out = writeXlsx(base, [sheet]);
      expect(packageProblems(out.bytes)).toEqual([]);
      const wb = readXlsx(out.bytes);
      const s = wb.sheets.find((x) => x.name === 'Propiedad')!;
      // Layout: the lines, a blank row, then per table its header and rows, a blank row between tables.
      let r = sheet.lines.length;
      sheet.lines.forEach((l, i) => expect(s.rows[i]?.[0]).toBe(l));
      let truncated = 0;
      tables.forEach((t) => {
        if (r > 0) r += 1;
        r += 1; // header row
        expect(s.rows[r - 1]!.slice(0, t.kinds.length)).toEqual(t.kinds.map((_, c) => `C${c}`));
        for (const row of t.rows) {
          const got = (s.rows[r] ?? []).slice(0, t.kinds.length);
          const want = row.map((v, c) => expected(v, t.kinds[c]!, wb.date1904));
          while (got.length < want.length) got.push(null);
          expect(got).toEqual(want);
          truncated += row.filter((v) => typeof v === 'string' && v.length > 32767).length;
          r += 1;
        }
      });
      expect(out.findings.map((f) => f.code)).toEqual(Array<string>(truncated).fill('text_truncated'));
    }), { numRuns: 40 });
  });
});

// ---------------------------------------------------------------------------------------------
// Random sheet XML, every cell type and merges: read as built.

type XCell = { t: 'n'; v: number } | { t: 'str'; v: string } | { t: 'b'; v: boolean } | { t: 'e'; v: string } | { t: 'd'; v: number } | { t: 'sst'; v: string };
const xcell: fc.Arbitrary<XCell | null> = fc.oneof(
  fc.constant(null),
  fc.double({ min: -1e9, max: 1e9, noNaN: true }).map((v) => ({ t: 'n' as const, v: plainZero(v) })),
  text.map((v) => ({ t: 'str' as const, v })),
  text.map((v) => ({ t: 'sst' as const, v })),
  fc.boolean().map((v) => ({ t: 'b' as const, v })),
  fc.constantFrom('#N/A', '#REF!', '#DIV/0!').map((v) => ({ t: 'e' as const, v })),
  fc.integer({ min: 1, max: 80000 }).map((v) => ({ t: 'd' as const, v })),
);

describe('random sheet XML read back', () => {
  it('cells of every type, sparse rows and merges read as built', () => {
    const col = (c: number): string => String.fromCharCode(65 + c);
    fc.assert(fc.property(
      fc.array(fc.array(xcell, { maxLength: 6 }), { maxLength: 8 }),
      fc.array(fc.record({ r0: fc.nat(7), c0: fc.nat(5), h: fc.nat(2), w: fc.nat(2) }), { maxLength: 3 }),
      (grid, boxes) => {
        const sst: string[] = [];
        const rows = grid.map((cells, r) => `<row r="${r + 1}">${cells.map((x, c) => {
          if (!x) return '';
          const ref = `${col(c)}${r + 1}`;
          switch (x.t) {
            case 'n': return `<c r="${ref}"><v>${x.v}</v></c>`;
            case 'd': return `<c r="${ref}" s="1"><v>${x.v}</v></c>`;
            case 'str': return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeText(x.v)}</t></is></c>`;
            case 'sst': sst.push(x.v); return `<c r="${ref}" t="s"><v>${sst.length - 1}</v></c>`;
            case 'b': return `<c r="${ref}" t="b"><v>${x.v ? 1 : 0}</v></c>`;
            case 'e': return `<c r="${ref}" t="e"><v>${x.v}</v></c>`;
          }
        }).join('')}</row>`).join('');
        const merges: Merge[] = boxes.map((b) => ({ r0: b.r0, c0: b.c0, r1: b.r0 + b.h, c1: b.c0 + b.w }));
        const tail = merges.length ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${col(m.c0)}${m.r0 + 1}:${col(m.c1)}${m.r1 + 1}"/>`).join('')}</mergeCells>` : '';
        const bytes = makeXlsx({
          sheets: [{ name: 'S', xml: sheetXml(rows, tail) }],
          styles: stylesXml([], [0, 14]),
          sst: `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${sst.map((v) => `<si><t xml:space="preserve">${escapeText(v)}</t></si>`).join('')}</sst>`,
        });
        const s = readXlsx(bytes).sheets[0]!;
        const want = grid.map((cells) => {
          const row: Cell[] = cells.map((x) => {
            if (!x) return null;
            if (x.t === 'd') return dateCell(x.v);
            if (x.t === 'e') return errorCell(x.v);
            return x.v;
          });
          while (row.length && row[row.length - 1] === null) row.pop();
          return row;
        });
        while (want.length && want[want.length - 1]!.length === 0) want.pop();
        expect(s.rows).toEqual(want);
        expect(s.merges).toEqual(merges);
      }), { numRuns: 200 });
  });
});

// ---------------------------------------------------------------------------------------------
// CSV

/** RFC 4180 for one field: unquoted as is, quoted with doubled quotes. */
function unquote(field: string): string {
  return field.startsWith('"') ? field.slice(1, -1).replace(/""/g, '"') : field;
}

describe('CSV', () => {
  it('no text field starts like a formula, and quoting gives back the neutralised text', () => {
    fc.assert(fc.property(fc.oneof(text, fc.string().map((s) => `=${s}`), fc.string().map((s) => `+${s}`), fc.string().map((s) => `@${s}`), fc.string().map((s) => `-${s}`)), (s) => {
      const v = csvValue(s);
      expect(/^[=+\-@\t\r]/.test(v)).toBe(false);
      expect(v === s || v === `'${s}`).toBe(true);
      expect(v).toBe(neutraliseText(s));
      expect(unquote(quoteField(v))).toBe(v);
      // a field that needs quotes gets them
      if (/[",\r\n]/.test(v)) expect(quoteField(v).startsWith('"')).toBe(true);
    }), { numRuns: 500 });
  });

  it('numbers stay plain numbers (a negative number is not neutralised)', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
      expect(csvValue(n)).toBe(String(n));
    }));
  });
});

// ---------------------------------------------------------------------------------------------
// Output paths

describe('output paths', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tablero-prop-'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
  const a = path.join(root, 'a');
  fs.mkdirSync(path.join(a, 'b'), { recursive: true });
  fs.symlinkSync(path.join(a, 'b'), path.join(root, 'blink'));
  fs.symlinkSync(a, path.join(root, 'alink'));
  const input = path.join(a, 'plan.xlsx');
  fs.writeFileSync(input, 'x');
  fs.symlinkSync(input, path.join(root, 'plan-link.xlsx'));
  fs.writeFileSync(path.join(a, 'other.xlsx'), 'y');

  // Folders that all lead to `a`, spelled in different ways (walking through symlinks on disk).
  const toA = fc.array(fc.constantFrom('b/..', './', 'b/./..', ''), { maxLength: 3 }).chain((steps) =>
    fc.constantFrom(`${root}/a/`, `${root}/alink/`, `${root}/blink/../`, `${root}/alink/b/../`).map((start) => start + steps.map((x) => (x && !x.endsWith('/') ? `${x}/` : x)).join('')));

  it('every spelling of the input is refused as --out; other files are not', async () => {
    await fc.assert(fc.asyncProperty(toA, fc.boolean(), async (folder, viaLink) => {
      const spelled = `${folder}plan.xlsx`;
      const from = viaLink ? path.join(root, 'plan-link.xlsx') : input;
      expect(await sameFile(spelled, from)).toBe(true);
      await expect(checkOutputPath(spelled, from, 'en')).rejects.toBeInstanceOf(CliExit);
      expect(await sameFile(`${folder}other.xlsx`, from)).toBe(false);
      await expect(checkOutputPath(`${folder}other.xlsx`, from, 'en')).resolves.toBeUndefined();
      await expect(checkOutputPath(`${folder}new.xlsx`, from, 'en')).resolves.toBeUndefined();
    }), { numRuns: 60 });
  });
});
