import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { XlsxHost } from '../../src/hosts/xlsx/file-host';
import { readFileBytes, writeFileAtomic } from '../../src/hosts/xlsx/node-files';
import { readXlsx, XlsxReadError } from '../../src/hosts/xlsx/read';
import type { OutputSheet } from '../../src/core/output';
import { ECUADOR, HONDURAS, makeXlsx, packageProblems, sheetXml, zipParts, workbookParts } from './xlsx-helpers';

const sheet = (name: string, text: string): OutputSheet => ({
  name,
  lines: [text],
  tables: [{ name: 'Resumen', columns: [{ header: 'Indicador', type: 'text' }, { header: 'Valor', type: 'percent' }], rows: [['Cobertura de agua', 0.841002]] }],
});

describe('XlsxHost', () => {
  it('reads once, writes our sheets into the workbook bytes and reads them back after', async () => {
    const original = new Uint8Array(readFileSync(HONDURAS));
    const host = new XlsxHost(original);
    const first = await host.read();
    expect(await host.read()).toBe(first); // cached
    expect(first.sheets.map((s) => s.name)).toEqual(['Comunidades', 'Sistemas', 'Prestadores']);
    expect(host.changed).toBe(false);
    expect(host.bytes()).toBe(original);

    expect(await host.writeSheets([sheet('Resumen', 'Primera')])).toEqual([{ requested: 'Resumen', name: 'Resumen' }]);
    expect(await host.writeSheets([sheet('Resumen', 'Segunda'), sheet('Comunidades', 'Choque')])).toEqual([
      { requested: 'Resumen', name: 'Resumen' },
      { requested: 'Comunidades', name: 'Comunidades (2)' },
    ]);
    expect(host.changed).toBe(true);
    const after = await host.read();
    expect(after.sheets.map((s) => [s.name, s.createdByTablero])).toEqual([
      ['Comunidades', false], ['Sistemas', false], ['Prestadores', false], ['Resumen', true], ['Comunidades (2)', true],
    ]);
    expect(after.sheets[3]!.rows.slice(0, 4)).toEqual([['Segunda'], [], ['Indicador', 'Valor'], ['Cobertura de agua', 0.841002]]);
    expect(after.sheets.slice(0, 3)).toEqual(first.sheets);
    expect(packageProblems(host.bytes())).toEqual([]);
    expect(readXlsx(host.bytes()).sheets).toHaveLength(5);
  });

  it('reads only the sheets it was asked for', async () => {
    const host = new XlsxHost(new Uint8Array(readFileSync(HONDURAS)), { sheets: ['Sistemas'] });
    expect((await host.read()).sheets.map((s) => s.name)).toEqual(['Sistemas']);
  });

  it('rejects bad bytes with XlsxReadError', async () => {
    await expect(new XlsxHost(new Uint8Array(0)).read()).rejects.toMatchObject({ kind: 'empty' });
    await expect(new XlsxHost(new Uint8Array([1, 2, 3, 4, 5])).writeSheets([sheet('X', 'x')])).rejects.toBeInstanceOf(XlsxReadError);
  });
});

describe('node file helpers', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'tablero-files-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a file as bytes', async () => {
    const bytes = await readFileBytes(ECUADOR);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(bytes).equals(readFileSync(ECUADOR))).toBe(true);
  });

  it('keeps the ENOENT code of a missing file', async () => {
    await expect(readFileBytes(path.join(dir, 'no-existe.xlsx'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('writes a new file, replaces an old one and leaves no temporary file', async () => {
    const target = path.join(dir, 'salida.xlsx');
    await writeFileAtomic(target, new Uint8Array([1, 2, 3]));
    expect([...readFileSync(target)]).toEqual([1, 2, 3]);
    await writeFileAtomic(target, new Uint8Array([4, 5]));
    expect([...readFileSync(target)]).toEqual([4, 5]);
    expect(readdirSync(dir)).toEqual(['salida.xlsx']);
  });

  it('on failure leaves the target as it was and nothing behind', async () => {
    const target = path.join(dir, 'ocupado');
    mkdirSync(target); // a directory where the file should go: the rename fails
    writeFileSync(path.join(target, 'dentro.txt'), 'x');
    await expect(writeFileAtomic(target, new Uint8Array([1]))).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['ocupado']);
    expect(readdirSync(target)).toEqual(['dentro.txt']);
    await expect(writeFileAtomic(path.join(dir, 'falta', 'x.xlsx'), new Uint8Array([1]))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(readdirSync(dir)).toEqual(['ocupado']);
  });
});

describe('the structural check used by these tests', () => {
  it('finds the problems Excel complains about', () => {
    const parts = workbookParts({
      sheets: [{
        name: 'S',
        // sheetData after pageMargins; a cell style out of range; tableParts pointing nowhere
        xml: sheetXml('', '<tableParts count="2"><tablePart r:id="rId7"/></tableParts>', '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>')
          .replace('<sheetData></sheetData>', '<sheetData><row r="2"><c r="A2" s="9"><v>1</v></c></row><row r="1"/></sheetData>'),
      }],
    });
    parts['xl/orphan.bin'] = new Uint8Array([1]);
    parts['[Content_Types].xml'] = (parts['[Content_Types].xml'] as string).replace('</Types>', '<Override PartName="/xl/missing.xml" ContentType="application/xml"/></Types>');
    const problems = packageProblems(zipParts(parts));
    expect(problems).toEqual(expect.arrayContaining([
      'content type for missing part /xl/missing.xml',
      'no content type for xl/orphan.bin',
      expect.stringMatching(/element sheetData out of order/),
      expect.stringMatching(/A2 style 9 out of range/),
      expect.stringMatching(/tableParts count 2 for 1/),
      expect.stringMatching(/tablePart rId7 without relationship/),
    ]));
    expect(packageProblems(makeXlsx({ sheets: [{ name: 'S', xml: sheetXml('') }] }))).toEqual([]);
  });
});

describe('browser safety', () => {
  it('keeps Node APIs out of every module the browser bundle loads', () => {
    const dirOf = path.join(__dirname, '..', '..', 'src', 'hosts', 'xlsx');
    const browserModules = readdirSync(dirOf).filter((f) => f.endsWith('.ts') && f !== 'node-files.ts');
    expect(browserModules).toEqual(expect.arrayContaining(['read.ts', 'write.ts', 'file-host.ts', 'zip.ts']));
    for (const f of browserModules) {
      const src = readFileSync(path.join(dirOf, f), 'utf8');
      const imports = [...src.matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]!);
      for (const i of imports) expect([f, i]).toEqual([f, expect.stringMatching(/^(\.{1,2}\/|fflate$)/)]);
      expect(src).not.toMatch(/\b(require\(|process\.|Buffer\b|__dirname)/);
      expect(imports).not.toContain('./node-files');
    }
  });
});
