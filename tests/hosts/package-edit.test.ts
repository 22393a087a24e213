// The browser host edits the workbook through the xlsx package layer: parts it did not change stay
// byte for byte (compressed data, CRC), parts are found through relationships, and what it writes
// into the user's own sheet stays XML whatever the text holds (control characters as _xHHHH_).
import * as fs from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { BrowserHost } from '../../src/hosts/browser';
import { PackageEdit } from '../../src/hosts/xlsx/edit';
import { readZipDirectory, rawEntryData } from '../../src/hosts/xlsx/zip';
import { readXlsx } from '../../src/hosts/xlsx/read';
import { checkWorkbook } from '../../src/core/check';
import { ECUADOR_PLAN } from '../fixtures';
import { makeXlsx, packageProblems, sheetXml, stylesXml, workbookParts, zipParts } from './xlsx-helpers';

const raw = (bytes: Uint8Array): Map<string, string> => {
  const out = new Map<string, string>();
  for (const e of readZipDirectory(bytes)) out.set(e.name, `${e.crc}:${Buffer.from(rawEntryData(bytes, e)).toString('base64')}`);
  return out;
};

describe('PackageEdit', () => {
  it('copies every part it did not edit byte for byte and returns the input when nothing changed', () => {
    const bytes = new Uint8Array(fs.readFileSync(ECUADOR_PLAN));
    expect(PackageEdit.open(bytes).build()).toBe(bytes);
    const edit = PackageEdit.open(bytes);
    const path = edit.sheetPath('Plan de Mejora')!;
    edit.setText(path, edit.text(path)!.replace('</worksheet>', '<!-- x --></worksheet>'));
    const before = raw(bytes);
    const after = raw(edit.build());
    const differ = [...before.keys()].filter((k) => before.get(k) !== after.get(k));
    expect(differ).toEqual([path]);
    expect([...after.keys()]).toEqual([...before.keys()]);
  });

  it('finds the styles part through the workbook relationships', () => {
    const parts = workbookParts({ sheets: [{ name: 'S', xml: sheetXml('') }], styles: stylesXml([], [0]) });
    const moved: Record<string, string | Uint8Array> = {};
    for (const [k, v] of Object.entries(parts)) {
      const text = typeof v === 'string' ? v.replace(/styles\.xml/g, 'estilos/propios.xml') : v;
      moved[k === 'xl/styles.xml' ? 'xl/estilos/propios.xml' : k] = text;
    }
    expect(PackageEdit.open(zipParts(moved)).stylesPath()).toBe('xl/estilos/propios.xml');
  });
});

describe('the browser host writes valid XML into the user sheet', () => {
  const BELL = '\u0007';
  const US = '\u001f';
  // A plan whose status and responsible texts were pasted from Word with control characters.
  const plan = (): Uint8Array => {
    const rows = [
      ['Acciones clave', 'Plazo', 'Responsable/s', 'Estado'],
      ['1.1 Taller', '2011-01-31', `Equipo${BELL}técnico`, `En curso${US}`],
      ['1.2 Informe', '2011-02-28', 'UGP', `Por hacer${BELL}`],
    ];
    const xml = rows.map((r, i) => `<row r="${i + 1}">${r.map((v, c) => `<c r="${String.fromCharCode(65 + c)}${i + 1}" t="inlineStr"><is><t>${escapeCtl(v)}</t></is></c>`).join('')}</row>`).join('');
    return makeXlsx({ sheets: [{ name: 'Plan', xml: sheetXml(xml) }], styles: stylesXml([], [0]) });
  };
  // eslint-disable-next-line no-control-regex -- escaping control characters is the point
  const escapeCtl = (s: string): string => s.replace(/[\u0000-\u001f]/g, (c) => `_x${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}_`);

  it('dropdown lists and highlight formulas with control characters stay XML and keep their text', async () => {
    const bytes = plan();
    const grid = readXlsx(bytes);
    expect(grid.sheets[0]!.rows[1]![3]).toBe(`En curso${US}`);
    const host = new BrowserHost(bytes, 'plan.xlsx', { today: () => '2011-09-15', grid });
    const result = checkWorkbook(grid, { asOf: '2011-09-15' });
    await host.addStatusDropdowns(result, ['Completada', `En curso${US}`, `Por hacer${BELL}`]);
    await host.highlightOverdue(result);
    const out = host.currentBytes();
    expect(packageProblems(out)).toEqual([]);
    const files = unzipSync(out);
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
    // eslint-disable-next-line no-control-regex -- looking for raw control characters
    expect(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(sheet)).toBe(false);
    expect(sheet).toContain('En curso_x001F_');
    expect(readXlsx(out).sheets[0]!.rows).toEqual(grid.sheets[0]!.rows);
  });
});
