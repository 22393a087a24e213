// The browser host on the real Ecuador plan: what it writes into the workbook's XML, and that the
// user's cells never change unless the user asked for that exact change.
import * as fs from 'fs';
import { BrowserHost } from '../../src/hosts/browser';
import { readSettingsPart, SETTINGS_NAMESPACE } from '../../src/hosts/xlsx/settings-part';
import { addDxf, cloneXfWithNumFmt, insertWorksheetChild, topChildren } from '../../src/hosts/xlsx/part-edits';
import { readText, sheetPartPath, unzipParts, writeText, zipParts } from '../../src/hosts/xlsx/edit';
import { CF_MARKER, cellAreas, inlineList, overdueRules, rowAreas } from '../../src/core/workbook-state';
import { readXlsx } from '../../src/hosts/xlsx/read';
import { checkWorkbook } from '../../src/core/check';
import { cellText, isDateCell, type SheetGrid, type WorkbookGrid } from '../../src/core/grid';
import { serialToISO } from '../../src/core/dates';
import type { CheckResult } from '../../src/core/model';
import { textDateConversions, statusDropdownWords } from '../../src/taskpane/logic';
import { makeXlsx } from '../helpers/make-xlsx';

import { ECUADOR_PLAN as FIXTURE } from '../fixtures';
const PLAN = 'Plan de Mejora';
const AS_OF = '2011-09-15';

function fixtureBytes(): Uint8Array {
  return new Uint8Array(fs.readFileSync(FIXTURE));
}

function sheetXml(bytes: Uint8Array, name = PLAN): string {
  const parts = unzipParts(bytes);
  return readText(parts, sheetPartPath(parts, name) ?? '') ?? '';
}

function sheet(wb: WorkbookGrid, name: string): SheetGrid {
  const s = wb.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

async function hostAndResult(lang: 'es' | 'en' = 'es'): Promise<{ host: BrowserHost; result: CheckResult; wb: WorkbookGrid }> {
  const host = new BrowserHost(fixtureBytes(), 'plan.xlsx', { lang, today: () => '2025-01-10' });
  const wb = await host.read();
  return { host, wb, result: checkWorkbook(wb, { asOf: AS_OF }) };
}

/** The rows one rule covers, expanded from its sqref. */
function rowsOf(sqref: string): number[] {
  return sqref.split(' ').flatMap((a) => {
    const m = /^[A-Z]+(\d+):[A-Z]+(\d+)$/.exec(a);
    if (!m) return [];
    const out: number[] = [];
    for (let r = Number(m[1]); r <= Number(m[2]); r++) out.push(r);
    return out;
  });
}

describe('overdue highlight rules', () => {
  it('cover exactly the rows of actions with a deadline, and compare with the as-of date when it is not today', async () => {
    const { result, wb } = await hostAndResult();
    const rules = overdueRules(result, wb, { today: '2025-01-10', done: ['Concluido'] });
    const covered = rules.flatMap((r) => rowsOf(r.sqref)).sort((a, b) => a - b);
    const dated = result.tables[0]!.actions.filter((a) => a.deadline && a.deadlineKind !== 'continuous').map((a) => a.row);
    expect(covered).toEqual([...dated].sort((a, b) => a - b));
    expect(rules.every((r) => r.formula.includes(CF_MARKER) && r.formula.includes('<DATE(2011,9,15)'))).toBe(true);
    // Real date cells are compared live; deadlines typed as text carry the date the check read.
    expect(rules[0]!.formula).toMatch(/^AND\(N\("tablero:overdue"\)=0,ISNUMBER\(\$B14\),\$B14<DATE\(2011,9,15\),NOT\(OR\(TRIM\(\$E14\)="Concluido"\)\)\)$/);
    expect(rules.slice(1).every((r) => /DATE\(2011,\d+,\d+\)<DATE\(2011,9,15\)/.test(r.formula))).toBe(true);
  });

  it('use TODAY() when the as-of date is today, so they stay live with the pane closed', async () => {
    const { wb } = await hostAndResult();
    const today = checkWorkbook(wb, { asOf: '2025-01-10' });
    const rules = overdueRules(today, wb, { today: '2025-01-10', done: [] });
    expect(rules.length).toBeGreaterThan(0);
    expect(rules.every((r) => r.formula.includes('<TODAY()'))).toBe(true);
  });

  it.each([
    [[14, 15, 16, 18], ['A14:G16', 'A18:G18']],
    [[5], ['A5:G5']],
    [[3, 2, 1, 1], ['A1:G3']],
    [[], []],
  ])('rowAreas(%j) → %j', (rows, areas) => {
    expect(rowAreas(rows, 'A', 'G')).toEqual(areas);
  });

  it.each([
    [['E14', 'E15', 'E16', 'E20'], ['E14:E16', 'E20']],
    [['F3', 'E3'], ['F3', 'E3']],
  ])('cellAreas(%j) → %j', (cells, areas) => {
    expect(cellAreas(cells)).toEqual(areas);
  });

  it.each([
    [['Concluido', 'En curso'], '"Concluido,En curso"'],
    [['Uno, dos'], null],
    [['Say "hi"'], null],
    [[('x'.repeat(50) + ' ').repeat(6).split(' ').filter(Boolean)], null],
  ])('inlineList(%j) → %j', (words, list) => {
    expect(inlineList(words.flat())).toBe(list);
  });
});

describe('BrowserHost', () => {
  it('highlights overdue rows with conditional formats in CT_Worksheet order, and removing them restores the sheet XML', async () => {
    const { host, result } = await hostAndResult();
    const before = sheetXml(host.currentBytes());
    await host.highlightOverdue(result);
    const after = sheetXml(host.currentBytes());
    const order = topChildren(after, 'worksheet').map((c) => c.local);
    const cf = order.indexOf('conditionalFormatting');
    expect(cf).toBeGreaterThan(order.indexOf('mergeCells'));
    expect(cf).toBeLessThan(order.indexOf('pageMargins'));
    expect(after).toContain('<cfRule type="expression" dxfId="0" priority="1">');
    expect(await host.hasHighlights()).toBe(true);
    // No cell value moved.
    expect(sheet(readXlsx(host.currentBytes()), PLAN).rows).toEqual(sheet(readXlsx(fixtureBytes()), PLAN).rows);
    // Highlighting twice replaces ours instead of stacking them.
    await host.highlightOverdue(result);
    expect(sheetXml(host.currentBytes()).split('<conditionalFormatting').length).toBe(after.split('<conditionalFormatting').length);
    await host.removeHighlights();
    expect(sheetXml(host.currentBytes())).toBe(before);
    expect(await host.hasHighlights()).toBe(false);
  });

  it('removes only its own rules where the user grouped a rule of theirs with ours', async () => {
    const { host, result } = await hostAndResult();
    await host.highlightOverdue(result);
    const parts = unzipParts(host.currentBytes());
    const p = sheetPartPath(parts, PLAN) ?? '';
    const userRule = '<cfRule type="expression" dxfId="0" priority="99"><formula>$A14="x"</formula></cfRule>';
    writeText(parts, p, (readText(parts, p) ?? '').replace('</cfRule></conditionalFormatting>', `</cfRule>${userRule}</conditionalFormatting>`));
    const edited = new BrowserHost(zipParts(parts), 'plan.xlsx');
    await edited.removeHighlights();
    const xml = sheetXml(edited.currentBytes());
    expect(xml).toContain(userRule);
    expect(xml.match(/<conditionalFormatting /g)).toHaveLength(1);
    expect(xml).not.toContain('tablero:overdue');
  });

  it('adds one list validation on the status cells of every action, leaving cells the user already validates alone', async () => {
    const { host, result } = await hostAndResult();
    // The user has their own validation on E14:E15.
    const parts = unzipParts(host.currentBytes());
    const p = sheetPartPath(parts, PLAN) ?? '';
    const mine = '<dataValidation type="whole" sqref="E14:E15"><formula1>0</formula1></dataValidation>';
    writeText(parts, p, insertWorksheetChild(readText(parts, p) ?? '', 'dataValidations', `<dataValidations count="1">${mine}</dataValidations>`));
    const withUser = new BrowserHost(zipParts(parts), 'plan.xlsx');
    const words = statusDropdownWords(result, 'es');
    await withUser.addStatusDropdowns(result, words);
    await withUser.addStatusDropdowns(result, words);
    const xml = sheetXml(withUser.currentBytes());
    expect(xml).toContain(mine);
    expect(xml.match(/<dataValidations /g)).toHaveLength(1);
    expect(xml).toContain('<dataValidations count="2">');
    const ours = /<dataValidation type="list"[^>]*errorTitle="Tablero" sqref="([^"]+)"><formula1>([^<]+)<\/formula1>/.exec(xml);
    expect(ours?.[1]?.split(' ')[0]).toBe('E16:E20');
    const listed = (ours?.[2] ?? '').replace(/&quot;|"/g, '');
    // Every status word the plan uses is in the list, so no filled cell becomes invalid.
    for (const a of result.tables[0]!.actions) if (a.statusText.trim()) expect(listed.split(',')).toContain(a.statusText.replace(/\s+/g, ' ').trim());
    expect(listed.startsWith('Completada,En curso,Sin iniciar,Ya no aplica,')).toBe(true);
    expect(sheet(readXlsx(withUser.currentBytes()), PLAN).rows).toEqual(sheet(readXlsx(fixtureBytes()), PLAN).rows);
  });

  it('puts a word list too long for Excel inline into a sheet of ours and points the validation at it', async () => {
    const { host, result } = await hostAndResult('en');
    const words = Array.from({ length: 40 }, (_, i) => `Status word number ${i + 1}`);
    await host.addStatusDropdowns(result, words);
    const wb = readXlsx(host.currentBytes());
    const list = sheet(wb, 'Tablero lists');
    expect(list.createdByTablero).toBe(true);
    const f = /<formula1>([^<]+)<\/formula1>/.exec(sheetXml(host.currentBytes()))?.[1] ?? '';
    const m = /^'Tablero lists'!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/.exec(f);
    expect(m).not.toBeNull();
    const first = Number(m?.[2]) - 1;
    expect(cellText(list.rows[first]?.[0])).toBe('Status word number 1');
    expect(cellText(list.rows[Number(m?.[4]) - 1]?.[0])).toBe('Status word number 40');
  });

  it('converts the text dates the user confirmed, records the originals, and undoes exactly', async () => {
    const { host, result } = await hostAndResult('en');
    const before = sheetXml(host.currentBytes());
    const changes = textDateConversions(result);
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.every((c) => /Aug-11$/.test(c.originalText))).toBe(true);
    await host.convertTextDates(changes);
    const wb = await host.read();
    const plan = sheet(wb, PLAN);
    const original = sheet(readXlsx(fixtureBytes()), PLAN);
    for (const c of changes) {
      const m = /^([A-Z]+)(\d+)$/.exec(c.cell)!;
      const v = plan.rows[Number(m[2]) - 1]?.[m[1]!.charCodeAt(0) - 65];
      expect(isDateCell(v) && serialToISO(v.serial)).toBe(c.iso);
    }
    // Only the confirmed cells changed.
    const changed: string[] = [];
    plan.rows.forEach((row, r) => row.forEach((v, c) => JSON.stringify(v) !== JSON.stringify(original.rows[r]?.[c]) && changed.push(`${String.fromCharCode(65 + c)}${r + 1}`)));
    expect(changed.sort()).toEqual(changes.map((c) => c.cell).sort());
    // The record lives in a sheet of ours.
    expect(sheet(wb, 'Tablero dates').createdByTablero).toBe(true);
    expect(await host.conversionRecord()).toEqual(changes);
    // Converted cells take the number format of the real dates next to them (d-mmm-yy).
    const check = checkWorkbook(wb, { asOf: AS_OF });
    expect(textDateConversions(check)).toEqual([]);
    expect(check.summary.overdue).toBe(20);

    await host.undoConvertTextDates();
    expect(sheetXml(host.currentBytes())).toBe(before);
    expect(await host.conversionRecord()).toEqual([]);
  });

  it('undoes from the record alone in a later session (text restored, values as before)', async () => {
    const { host, result } = await hostAndResult('es');
    await host.convertTextDates(textDateConversions(result));
    const later = new BrowserHost(host.currentBytes(), 'plan (Tablero).xlsx', { lang: 'en' });
    expect((await later.conversionRecord()).length).toBe(textDateConversions(result).length);
    await later.undoConvertTextDates();
    const plan = sheet(await later.read(), PLAN);
    const original = sheet(readXlsx(fixtureBytes()), PLAN);
    expect(plan.rows.map((r) => r.map(cellText))).toEqual(original.rows.map((r) => r.map(cellText)));
    expect(await later.conversionRecord()).toEqual([]);
  });

  it('leaves a date the user changed after the conversion alone on undo', async () => {
    const { host, result } = await hostAndResult('en');
    const changes = textDateConversions(result);
    await host.convertTextDates(changes);
    const first = changes[0]!;
    const parts = unzipParts(host.currentBytes());
    const p = sheetPartPath(parts, PLAN) ?? '';
    writeText(parts, p, (readText(parts, p) ?? '').replace(new RegExp(`(<c r="${first.cell}"[^>]*><v>)\\d+(</v>)`), '$140000$2'));
    const edited = new BrowserHost(zipParts(parts), 'plan.xlsx', { lang: 'en' });
    await edited.undoConvertTextDates();
    expect(await edited.conversionRecord()).toEqual([first]);
  });

  it('keeps settings in a custom XML part that survives a round trip and is replaced, not duplicated', async () => {
    const { host } = await hostAndResult();
    expect(await host.loadSettings()).toBeUndefined();
    const settings = { version: 1, language: 'en', extraStatusWords: { completed: ['Listo <ok> & "done"'] }, columnMappings: {} };
    await host.saveSettings(settings);
    await host.saveSettings({ ...settings, language: 'es' });
    const again = new BrowserHost(host.currentBytes(), 'x.xlsx');
    expect(await again.loadSettings()).toEqual({ ...settings, language: 'es' });
    const parts = unzipParts(host.currentBytes());
    expect([...parts.keys()].filter((k) => /^customXml\/item\d+\.xml$/.test(k))).toEqual(['customXml/item1.xml']);
    expect(readText(parts, 'customXml/item1.xml')).toContain(`xmlns="${SETTINGS_NAMESPACE}"`);
    expect(readText(parts, 'xl/_rels/workbook.xml.rels')).toContain('Target="../customXml/item1.xml"');
    expect(readText(parts, '[Content_Types].xml')).toContain('PartName="/customXml/itemProps1.xml"');
    expect(readSettingsPart(parts)).toEqual({ ...settings, language: 'es' });
    // The workbook still reads, with the same sheets and values.
    expect(sheet(readXlsx(host.currentBytes()), PLAN).rows).toEqual(sheet(readXlsx(fixtureBytes()), PLAN).rows);
  });

  it('writes Seguimiento next to the user sheet and offers a download name that is never the input name', async () => {
    const { host } = await hostAndResult();
    const written = await host.writeSheets([{ name: 'Seguimiento', lines: ['x'], tables: [] }]);
    expect(written).toEqual([{ requested: 'Seguimiento', name: 'Seguimiento' }]);
    expect((await host.read()).sheets.map((s) => s.name)).toEqual([PLAN, 'Seguimiento']);
    expect(host.downloadName()).toBe('plan (Tablero).xlsx');
  });

  it('reports every selection to the page', async () => {
    const { host } = await hostAndResult();
    const seen: string[] = [];
    const off = host.onSelect((s, a) => seen.push(`${s}!${a}`));
    await host.select(PLAN, 'A15:G15');
    off();
    await host.select(PLAN, 'B2');
    expect(seen).toEqual(['Plan de Mejora!A15:G15']);
  });
});

describe('styles.xml edits', () => {
  const styles = (dxfs: string) =>
    `<?xml version="1.0"?><styleSheet xmlns="x"><cellXfs count="2"><xf numFmtId="0" fontId="0"/><xf numFmtId="0" fontId="1" applyFont="1"><alignment wrapText="1"/></xf></cellXfs><cellStyles count="1"/>${dxfs}<tableStyles count="0"/></styleSheet>`;

  it.each([
    ['self-closing', '<dxfs count="0"/>', 0],
    ['absent', '', 0],
    ['with one', '<dxfs count="1"><dxf><font><b/></font></dxf></dxfs>', 1],
  ])('adds a dxf when <dxfs> is %s', (_label, dxfs, id) => {
    const out = addDxf(styles(dxfs), '<font><i/></font>');
    expect(out.id).toBe(id);
    expect(out.xml).toContain(`<dxfs count="${id + 1}">`);
    expect(out.xml.indexOf('<dxfs')).toBeLessThan(out.xml.indexOf('<tableStyles'));
    expect(out.xml.indexOf('<dxfs')).toBeGreaterThan(out.xml.indexOf('<cellStyles'));
    // The same format again is reused.
    expect(addDxf(out.xml, '<font><i/></font>')).toEqual({ xml: out.xml, id });
  });

  it('clones a cell style with a date format, keeping its font and alignment', () => {
    const out = cloneXfWithNumFmt(styles(''), 1, 15);
    expect(out.id).toBe(2);
    expect(out.xml).toContain('<cellXfs count="3">');
    expect(out.xml).toContain('<xf numFmtId="15" applyNumberFormat="1" fontId="1" applyFont="1"><alignment wrapText="1"/></xf></cellXfs>');
  });
});

describe('BrowserHost leaves formulas alone', () => {
  it('does not convert a text deadline that a formula produces', async () => {
    const parts = unzipParts(fixtureBytes());
    const p = sheetPartPath(parts, PLAN) ?? '';
    // B15 holds "24-Aug-11" typed as text; make it the result of a formula instead.
    const xml = (readText(parts, p) ?? '').replace(/<c r="B15"([^>]*) t="s"><v>\d+<\/v><\/c>/, '<c r="B15"$1 t="str"><f>"24-Aug-11"</f><v>24-Aug-11</v></c>');
    expect(xml).toContain('<f>"24-Aug-11"</f>');
    writeText(parts, p, xml);
    const host = new BrowserHost(zipParts(parts), 'plan.xlsx', { lang: 'en' });
    const result = checkWorkbook(await host.read(), { asOf: AS_OF });
    const changes = textDateConversions(result);
    expect(changes.map((c) => c.cell)).toContain('B15');
    await host.convertTextDates(changes);
    expect(sheetXml(host.currentBytes())).toContain('<c r="B15" s="3" t="str"><f>"24-Aug-11"</f><v>24-Aug-11</v></c>');
    expect((await host.conversionRecord()).map((c) => c.cell)).not.toContain('B15');
    expect((await host.conversionRecord()).length).toBe(changes.length - 1);
  });
});

describe('a workbook with no styles part (files from other tools)', () => {
  const plain = () =>
    makeXlsx([
      {
        name: 'Plan',
        rows: [
          ['N°', 'Acción', 'Responsable', 'Plazo', 'Estado'],
          ['1.1', 'Instalar medidores', 'MIDUVI', '24/08/2011', 'En curso'],
          ['1.2', 'Capacitar juntas', 'SENAGUA', '30/06/2011', 'Sin iniciar'],
        ],
      },
    ]);

  it('gets a blank styles part (relationship and content type) when dates are converted and rows highlighted', async () => {
    const bytes = plain();
    expect(unzipParts(bytes).stylesPath()).toBeNull();
    const host = new BrowserHost(bytes, 'plan.xlsx', { lang: 'es', today: () => AS_OF });
    const result = checkWorkbook(await host.read(), { asOf: AS_OF });
    const changes = textDateConversions(result);
    expect(changes.map((c) => c.cell)).toEqual(['D2', 'D3']);
    await host.convertTextDates(changes);
    await host.highlightOverdue(checkWorkbook(await host.read(), { asOf: AS_OF }));
    const parts = unzipParts(host.currentBytes());
    expect(parts.stylesPath()).toBe('xl/styles.xml');
    expect(parts.contentType('xl/styles.xml')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml');
    const plan = sheet(readXlsx(host.currentBytes()), 'Plan');
    expect([isDateCell(plan.rows[1]![3]!), isDateCell(plan.rows[2]![3]!)]).toEqual([true, true]);
    expect(sheetXml(host.currentBytes(), 'Plan')).toContain('<conditionalFormatting');
  });
});
