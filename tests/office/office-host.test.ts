// The Office host against the fake Excel object model: sync counts, 5 MB payloads, marks and
// collisions, the workbook as users keep it (merges, hidden rows, protected sheets, 1904 dates),
// and every PaneHost method.
import { checkWorkbook } from '../../src/core/check';
import { isoToSerial } from '../../src/core/dates';
import type { OutputSheet } from '../../src/core/output';
import { seguimientoSheet } from '../../src/core/seguimiento';
import { OfficeHost, OfficeHostError } from '../../src/hosts/office';
import { DEFAULT_BATCH_BUDGET } from '../../src/hosts/office/chunks';
import { MARK_KEY, REGISTRY_SIGNATURE } from '../../src/hosts/office/registry';
import { cellAreas, statusCells } from '../../src/core/workbook-state';
import { hasConversionRecord } from '../../src/taskpane/logic';
import { FAKE_PAYLOAD_LIMIT, FakeWorkbook } from './fake-excel';
import { bigPlan, ECUADOR, fakeFromGrid, normalise, xlsxGrid } from './workbooks';

const AS_OF = '2011-09-15';
/** isSetSupported for an Excel that has every ExcelApi set up to 1.`max`. */
const upTo =
  (max: number) =>
  (name: string, version?: string): boolean =>
    name === 'ExcelApi' && Number(version?.split('.')[1]) <= max;
const LATEST = upTo(17);

function host(wb: FakeWorkbook, opts: { max?: number; budget?: number; lang?: 'es' | 'en' } = {}): OfficeHost {
  return new OfficeHost({
    run: wb.run,
    isSetSupported: upTo(opts.max ?? 17),
    today: () => AS_OF,
    lang: opts.lang ?? 'es',
    ...(opts.budget ? { batchBudget: opts.budget } : {}),
  });
}

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

describe('a 5,000-action plan', () => {
  const N = 5000;

  it('is read in 3 syncs (sheets, used ranges and marks, then one data sync) with no request or response over 5 MB', async () => {
    const { wb } = bigPlan(N);
    const grid = await host(wb).read();
    // Two syncs to learn the sheets and their used ranges whatever their number, then the data:
    // 5,003 rows × 6 columns fit one sync under the 4 MB budget.
    expect(wb.syncCount).toBe(3);
    expect(wb.rejections).toBe(0);
    expect(wb.maxResponseBytes).toBeLessThan(FAKE_PAYLOAD_LIMIT);
    expect(wb.maxResponseBytes).toBeGreaterThan(1_000_000); // the data did come back in that one sync
    const sheet = grid.sheets[0]!;
    expect(sheet.rows).toHaveLength(N + 3);
    expect(sheet.rows[3]).toEqual(['1.1', 'Acción clave número 1: fortalecer la mesa técnica municipal de agua y saneamiento', { kind: 'date', serial: isoToSerial('2011-01-01') }, 'UCP / Ministerio', 'Concluido.', 'Seguimiento trimestral con actas firmadas por las juntas de agua']);
    expect(sheet.rows[8]?.[5]).toEqual({ kind: 'error', code: '#N/A' });
    expect(sheet.rows[10]?.[2]).toBe('15/08/2011');
    expect(sheet.merges).toEqual([{ r0: 0, c0: 0, r1: 0, c1: 5 }]);
    expect(sheet.hiddenRows).toHaveLength(N / 50);
    expect(sheet.hiddenRows?.slice(0, 3)).toEqual([3, 53, 103]);
    const result = checkWorkbook(grid, { asOf: AS_OF });
    expect(result.summary.actions).toBe(N);
  });

  it('needs more syncs only as the bytes grow, never per row: 50 actions read in the same 3 syncs', async () => {
    const { wb } = bigPlan(50);
    await host(wb).read();
    expect(wb.syncCount).toBe(3);
  });

  it('has its Seguimiento sheet written in 3 syncs, values before formats, calculation and screen updating suspended', async () => {
    const { wb } = bigPlan(N);
    const h = host(wb);
    const result = checkWorkbook(await h.read(), { asOf: AS_OF });
    wb.resetCounters();
    const written = await h.writeSheets([seguimientoSheet(result, 'es')]);
    expect(written).toEqual([{ requested: 'Seguimiento', name: 'Seguimiento' }]);
    // Two syncs to learn sheets, marks, tables and protection; one carries ~1.8 MB of values,
    // formats, tables, widths, freeze and the mark.
    expect(wb.syncCount).toBe(3);
    expect(wb.rejections).toBe(0);
    expect(wb.maxRequestBytes).toBeLessThan(DEFAULT_BATCH_BUDGET);
    expect(wb.maxRequestBytes).toBeGreaterThan(1_000_000);
    expect(wb.calcSuspensions).toBe(1);
    expect(wb.screenSuspensions).toBe(1);

    const seg = wb.sheet('Seguimiento');
    expect(seg.valuesOf('A1:A3')).toEqual([['Seguimiento del plan de mejora — generado por Tablero'], [`Fecha de corte: ${AS_OF}`], [`Estado: ${N} acciones, ${result.summary.overdue} vencidas, ${result.findings.length} hallazgos.`]]);
    expect(seg.tables.map((t) => [t.name, t.style, t.box])).toEqual([
      ['Tablero_Acciones', 'TableStyleMedium2', { r0: 5, c0: 0, r1: 5 + N, c1: 12 }],
      ['Tablero_Hallazgos', 'TableStyleMedium2', { r0: 5 + N + 3, c0: 0, r1: 5 + N + 3 + result.findings.length, c1: 5 }],
    ]);
    // Text stays text (ids like "1.10" are not numbers, nothing becomes a formula), dates are real dates.
    const firstAction = seg.rows[6]!;
    expect(firstAction.map((c) => c?.value)).toEqual(['Plan de Mejora', '1', '1.1', 'Acción clave número 1: fortalecer la mesa técnica municipal de agua y saneamiento', 'UCP / Ministerio', isoToSerial('2011-01-01'), '2011-01-01', 'fecha', 'Completada', 'Concluido.', 'no', '', 'B4']);
    expect(seg.rows[15]?.[2]?.value).toBe('1.10');
    expect(seg.rows.flat().filter((c) => c?.formula)).toEqual([]);
    expect(firstAction[5]?.format).toBe('yyyy-mm-dd');
    expect(seg.rows[5 + N]?.[5]?.format).toBe('yyyy-mm-dd');
    expect(seg.frozenRows).toBe(6);
    expect(seg.colWidths.get(3)).toBeGreaterThan(seg.colWidths.get(2)!);
    expect([seg.cell(0, 0)?.bold, seg.cell(0, 0)?.fontSize]).toEqual([true, undefined]);
    expect(JSON.parse(seg.customProps.get(MARK_KEY)!)).toEqual({ v: 1, requested: 'Seguimiento', statusRow: 3 });

    // The next refresh reads the plan and our 5,000-row sheet (flagged as ours): one more data sync.
    wb.resetCounters();
    const again = await h.read();
    expect(wb.syncCount).toBe(4);
    expect(wb.rejections).toBe(0);
    expect(again.sheets.map((s) => [s.name, s.createdByTablero, s.rows.length])).toEqual([
      ['Plan de Mejora', false, N + 3],
      ['Seguimiento', true, 5 + N + 3 + 1 + result.findings.length],
    ]);
    expect(checkWorkbook(again, { asOf: AS_OF }).summary).toEqual(result.summary);
  });

  it('is read and written in pieces when the budget is small, each sync under it, with the same result', async () => {
    const { wb } = bigPlan(N);
    const budget = 300_000;
    const small = host(wb, { budget });
    const grid = await small.read();
    expect(wb.syncCount).toBeGreaterThan(5);
    expect(wb.maxResponseBytes).toBeLessThanOrEqual(budget * 1.5);
    const reference = bigPlan(N).wb;
    expect(normalise(grid)).toEqual(normalise(await host(reference).read()));

    const result = checkWorkbook(grid, { asOf: AS_OF });
    wb.resetCounters();
    await small.writeSheets([seguimientoSheet(result, 'es')]);
    expect(wb.syncCount).toBeGreaterThan(5);
    expect(wb.maxRequestBytes).toBeLessThanOrEqual(budget);
    await host(reference).writeSheets([seguimientoSheet(result, 'es')]);
    const strip = (s: string) => s.replace(/\{ws-\d+\}/g, '');
    expect(strip(wb.sheet('Seguimiento').snapshot())).toEqual(strip(reference.sheet('Seguimiento').snapshot()));
  });

  it('recovers when Excel refuses a response over its limit: the rows are read again in smaller pieces', async () => {
    const { wb } = bigPlan(N);
    wb.limit = 400_000; // an Excel stricter than the host's estimate
    const grid = await host(wb).read();
    expect(wb.rejections).toBeGreaterThan(0);
    expect(wb.syncs.filter((s) => !s.rejected).every((s) => s.responseBytes <= wb.limit)).toBe(true);
    expect(normalise(grid)).toEqual(normalise(await host(bigPlan(N).wb).read()));
  });
});

describe('the Ecuador fixture', () => {
  it('reads to the same grid as the .xlsx host (dates, merged headers, text dates)', async () => {
    const expected = xlsxGrid(ECUADOR);
    const wb = fakeFromGrid(expected);
    const grid = await host(wb).read();
    expect(normalise(grid)).toEqual(normalise(expected));
    const r = checkWorkbook(grid, { asOf: AS_OF });
    expect(r.summary.actions).toBe(36);
    expect(r.summary.overdue).toBe(20);
  });

  it('without ExcelApi 1.13 still reads, without merges; without 1.9 hidden rows come from whole pieces only', async () => {
    const expected = xlsxGrid(ECUADOR);
    const grid = await host(fakeFromGrid(expected), { max: 8 }).read();
    expect(grid.sheets[0]?.merges).toEqual([]);
    expect(normalise(grid).sheets[0]?.rows).toEqual(normalise(expected).sheets[0]?.rows);
  });

  it('reads 1904-system workbooks and writes dates in that system', async () => {
    const g = xlsxGrid(ECUADOR);
    const wb = fakeFromGrid({ ...g, date1904: true });
    const h = host(wb);
    const grid = await h.read();
    expect(grid.date1904).toBe(true);
    await h.writeSheets([{ name: 'Fechas', lines: [], tables: [{ name: 'F', columns: [{ header: 'Día', type: 'date' }], rows: [[{ date: '2011-09-15' }]] }] }]);
    expect(wb.sheet('Fechas').cell(1, 0)?.value).toBe(isoToSerial('2011-09-15', true));
  });
});

describe("Tablero's sheets and the user's", () => {
  const small: OutputSheet = {
    name: 'Seguimiento',
    lines: ['Título', 'Fecha de corte: 2011-09-15', 'Estado: 1 acción'],
    tables: [{ name: 'Tablero_Acciones', columns: [{ header: 'N°', type: 'text' }, { header: 'Plazo', type: 'date' }], rows: [['1.10', { date: '2011-09-15' }]] }],
  };

  it('leaves a user sheet named "Seguimiento" untouched and writes "Seguimiento (2)", then rewrites that one in place', async () => {
    const wb = new FakeWorkbook();
    const user = wb.addSheet('Seguimiento', [['Mis notas de seguimiento', 42], ['no tocar', '=A1']]);
    user.tables.push({ name: 'Tablero_Acciones', box: { r0: 0, c0: 0, r1: 1, c1: 1 }, style: 'TableStyleLight1' });
    const before = user.snapshot();
    const h = host(wb);
    expect(await h.writeSheets([small])).toEqual([{ requested: 'Seguimiento', name: 'Seguimiento (2)' }]);
    expect(await h.writeSheets([{ ...small, lines: ['Título', 'otra fecha', 'Estado: 2'] }])).toEqual([{ requested: 'Seguimiento', name: 'Seguimiento (2)' }]);
    expect(user.snapshot()).toBe(before);
    expect(wb.sheets.map((s) => s.name)).toEqual(['Seguimiento', 'Seguimiento (2)']);
    const ours = wb.sheet('Seguimiento (2)');
    // The user's table kept its name; ours got a free one, and only one table exists on our sheet.
    expect(ours.tables.map((t) => t.name)).toEqual(['Tablero_Acciones_2']);
    expect(ours.valuesOf('A2:A3')).toEqual([['otra fecha'], ['Estado: 2']]);
    const grid = await h.read();
    expect(grid.sheets.map((s) => [s.name, s.createdByTablero])).toEqual([
      ['Seguimiento', false],
      ['Seguimiento (2)', true],
    ]);
  });

  it('recognises a Seguimiento sheet another host marked (the .xlsx mark) and replaces it', async () => {
    const wb = new FakeWorkbook();
    const old = wb.addSheet('Seguimiento', [['viejo'], ['viejo'], ['viejo'], [], ['x']]);
    old.customProps.set('Tablero', 'anything');
    await host(wb).writeSheets([small]);
    expect(wb.sheets.map((s) => s.name)).toEqual(['Seguimiento']);
    expect(old.valuesOf('A1:A5')).toEqual([['Título'], ['Fecha de corte: 2011-09-15'], ['Estado: 1 acción'], [''], ['N°']]);
  });

  it('without worksheet custom properties (before ExcelApi 1.12) marks its sheets in a hidden registry', async () => {
    const wb = new FakeWorkbook();
    const user = wb.addSheet('Seguimiento', [['del usuario']]);
    const before = user.snapshot();
    const h = host(wb, { max: 11 });
    expect(await h.writeSheets([small])).toEqual([{ requested: 'Seguimiento', name: 'Seguimiento (2)' }]);
    expect(await h.writeSheets([small])).toEqual([{ requested: 'Seguimiento', name: 'Seguimiento (2)' }]);
    expect(user.snapshot()).toBe(before);
    const reg = wb.sheet('Tablero_Registro');
    expect(reg.visibility).toBe('Hidden');
    expect(reg.cell(0, 0)?.value).toBe(REGISTRY_SIGNATURE);
    expect(reg.valuesOf('A3:E3')).toEqual([[wb.sheet('Seguimiento (2)').id, 'Seguimiento (2)', 'Seguimiento', 'Título', 3]]);
    expect(wb.sheets.map((s) => s.name)).toEqual(['Seguimiento', 'Seguimiento (2)', 'Tablero_Registro']);
    expect((await h.read()).sheets.map((s) => [s.name, s.createdByTablero])).toEqual([
      ['Seguimiento', false],
      ['Seguimiento (2)', true],
      ['Tablero_Registro', true],
    ]);
  });

  it('the registry recognises a sheet by name only together with the title it wrote (a new id after reopening)', async () => {
    const wb = new FakeWorkbook();
    const h = host(wb, { max: 11 });
    await h.writeSheets([small]);
    const reg = wb.sheet('Tablero_Registro');
    reg.ensure(2, 0).value = '{old-id}';
    await h.writeSheets([small]);
    expect(wb.sheets.map((s) => s.name)).toEqual(['Seguimiento', 'Tablero_Registro']);
    // A user's sheet that took the name after ours was deleted is not ours: its A1 differs.
    wb.sheets = wb.sheets.filter((s) => s.name !== 'Seguimiento');
    const theirs = wb.addSheet('Seguimiento', [['Otro título']]);
    const before = theirs.snapshot();
    expect(await h.writeSheets([small])).toEqual([{ requested: 'Seguimiento', name: 'Seguimiento (2)' }]);
    expect(theirs.snapshot()).toBe(before);
  });

  it('reads protected sheets, and says clearly when a write to one is refused', async () => {
    const { wb, sheet } = bigPlan(20);
    sheet.protected = true;
    const h = host(wb);
    const result = checkWorkbook(await h.read(), { asOf: AS_OF });
    expect(result.summary.actions).toBe(20);
    await h.writeSheets([seguimientoSheet(result, 'es')]);
    wb.sheet('Seguimiento').protected = true;
    const e = await rejection(h.writeSheets([seguimientoSheet(result, 'es')]));
    expect(e).toBeInstanceOf(OfficeHostError);
    expect((e as Error).message).toBe('La hoja «Seguimiento» está protegida y Excel no permite escribir en ella. Desprotéjala (Revisar > Desproteger hoja) y vuelva a intentarlo.');
    const before = sheet.snapshot();
    const e2 = await rejection(h.highlightOverdue(result));
    expect((e2 as OfficeHostError).key).toBe('officeWriteProtected');
    expect(sheet.snapshot()).toBe(before);
  });

  it('turns Excel errors into one-line messages (cell edit mode)', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('Plan', [['x']]);
    wb.failWith = 'InvalidOperationInCellEditMode';
    const e = await rejection(host(wb, { lang: 'en' }).read());
    expect((e as Error).message).toBe('Excel is editing a cell: finish editing (Enter or Esc) and try again.');
  });
});

describe('PaneHost methods', () => {
  async function ecuador(max = 17) {
    const wb = fakeFromGrid(xlsxGrid(ECUADOR));
    const h = host(wb, { max });
    const result = checkWorkbook(await h.read(), { asOf: AS_OF });
    return { wb, h, result, plan: wb.sheet('Plan de Mejora') };
  }

  it('highlights overdue rows with live formula rules and removes only its own rules', async () => {
    const { wb, h, result, plan } = await ecuador();
    plan.cfs.push({ id: 'user', boxes: [{ r0: 0, c0: 0, r1: 5, c1: 5 }], type: 'Custom', formula: '=A1>0', fill: '#00FF00' });
    plan.cfs.push({ id: 'user-bar', boxes: [{ r0: 0, c0: 0, r1: 5, c1: 5 }], type: 'DataBar', formula: '' });
    wb.resetCounters();
    await h.highlightOverdue(result);
    expect(wb.syncCount).toBe(5);
    const ours = plan.cfs.filter((c) => c.id.startsWith('{cf'));
    expect(ours.length).toBeGreaterThan(0);
    expect(ours.every((c) => c.formula.startsWith('=AND(N("tablero:overdue")=0,') && c.fill === '#FFC7CE' && c.fontColor === '#9C0006')).toBe(true);
    // Real-date rows compare the cell with TODAY(); the "…-Aug-11" text deadlines compare their date.
    expect(ours.some((c) => /ISNUMBER\(\$B\d+\),\$B\d+<TODAY\(\)/.test(c.formula))).toBe(true);
    expect(ours.some((c) => c.formula.includes('DATE(2011,8,'))).toBe(true);
    const covered = new Set(ours.flatMap((c) => c.boxes.flatMap((b) => Array.from({ length: b.r1 - b.r0 + 1 }, (_, i) => b.r0 + i + 1))));
    const overdueRows = result.tables.flatMap((t) => t.actions.filter((a) => a.overdue).map((a) => a.row));
    expect(overdueRows.every((r) => covered.has(r))).toBe(true);

    // Again: the old rules are replaced, not doubled.
    await h.highlightOverdue(result);
    expect(plan.cfs.filter((c) => c.id.startsWith('{cf'))).toHaveLength(ours.length);
    await h.removeHighlights();
    expect(plan.cfs.map((c) => c.id)).toEqual(['user', 'user-bar']);
  });

  it('before ExcelApi 1.9 adds one rule per row area, each anchored at its own first row', async () => {
    const { h, result, plan } = await ecuador(8);
    await h.highlightOverdue(result);
    const ours = plan.cfs.filter((c) => c.id.startsWith('{cf'));
    expect(ours.every((c) => c.boxes.length === 1)).toBe(true);
    for (const c of ours) {
      const row = c.boxes[0]!.r0 + 1;
      const refs = [...c.formula.matchAll(/\$[A-Z]+(\d+)/g)].map((m) => Number(m[1]));
      expect(refs.every((r) => r === row)).toBe(true);
    }
  });

  it('adds status dropdowns with the given words plus those already in the cells, skipping a user validation', async () => {
    const { h, result, plan } = await ecuador();
    const statusCol = result.tables[0]!.columns.status!;
    const firstRow = result.tables[0]!.actions[0]!.row;
    const userArea = { r0: firstRow - 1, c0: statusCol.charCodeAt(0) - 65, r1: firstRow - 1, c1: statusCol.charCodeAt(0) - 65 };
    plan.validations.push({ box: userArea, rule: { wholeNumber: {} }, errorAlert: { title: 'Mine' } });
    const report = await h.addStatusDropdownsReport(result, ['Completada', 'En curso', 'Sin iniciar', 'Ya no aplica']);
    // The area holding the user's rule is left alone, whole; the others get ours.
    const areas = cellAreas(statusCells(result)[0]!.cells);
    expect(report.skipped).toEqual([{ sheet: 'Plan de Mejora', range: areas[0] }]);
    expect(report.applied).toEqual(areas.slice(1).map((a) => `Plan de Mejora!${a}`));
    expect(report.words.slice(0, 4)).toEqual(['Completada', 'En curso', 'Sin iniciar', 'Ya no aplica']);
    expect(report.words).toEqual(expect.arrayContaining(['Concluido.', 'En ejecución.', 'En proceso de definición de Agenda.']));
    const ours = plan.validations.filter((v) => v.errorAlert?.title === 'Tablero');
    expect(ours).toHaveLength(report.applied.length);
    const sources = new Set(ours.map((v) => (v.rule as { list: { source: string } }).list.source));
    expect([...sources]).toEqual([report.words.join(',')]);
    expect(plan.validations).toContainEqual({ box: userArea, rule: { wholeNumber: {} }, errorAlert: { title: 'Mine' } });
    // The status cells' values are unchanged.
    const again = checkWorkbook(await h.read(), { asOf: AS_OF });
    expect(again.summary).toEqual(result.summary);
  });

  it('puts a list too long for Excel (255 characters) in its own marked list sheet and points the rule there', async () => {
    const { wb, h, result, plan } = await ecuador();
    const words = Array.from({ length: 30 }, (_, i) => `Estado propio número ${i + 1}`);
    const report = await h.addStatusDropdownsReport(result, words);
    const source = (plan.validations[0]!.rule as { list: { source: string } }).list.source;
    const m = /^='Tablero listas'!\$A\$(\d+):\$A\$(\d+)$/.exec(source);
    expect(m).not.toBeNull();
    const list = wb.sheet('Tablero listas');
    expect(list.valuesOf(`A${m![1]}:A${m![2]}`).flat()).toEqual(report.words);
    expect(list.customProps.has('Tablero')).toBe(true);
  });

  it('without data validation (before ExcelApi 1.8) does nothing and says so', async () => {
    const { h, result, plan } = await ecuador(7);
    expect(await h.addStatusDropdownsReport(result, ['Completada'])).toEqual({ applied: [], skipped: [], unsupported: true, words: [] });
    expect(plan.validations).toEqual([]);
    expect((await h.capabilities()).notes).toContain('officeNoDataValidation');
  });

  it('converts text dates, keeps the originals in its record sheet, and undoes only unchanged cells', async () => {
    const { h, result, plan } = await ecuador();
    const findings = result.findings.filter((f) => f.code === 'deadline_as_text');
    expect(findings.length).toBeGreaterThan(2);
    const changes = findings.map((f) => ({ sheet: f.sheet!, cell: f.cell!, originalText: String(f.params.text), iso: String(f.params.deadline) }));
    const [first, second] = changes;
    const at = (cell: string) => {
      const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
      return plan.cell(Number(m[2]) - 1, m[1]!.charCodeAt(0) - 65)!;
    };
    // One cell changed since the check: it is left alone.
    at(second!.cell).value = 'otra cosa';
    const report = await h.convertTextDatesReport(changes);
    expect(report.skipped).toEqual([second]);
    expect(at(first!.cell).value).toBe(isoToSerial(first!.iso));
    expect(at(first!.cell).format).toBe('d-mmm-yy'); // like the real dates in the column
    expect(await h.conversionRecord()).toEqual(changes.filter((c) => c !== second));
    // The pane finds the record in the grid it reads (its "undo" button).
    expect(hasConversionRecord(await h.read())).toBe(true);

    // The user edits one converted date; undo restores the others and keeps that record.
    const third = changes[2]!;
    at(third.cell).value = 12345;
    await h.undoConvertTextDates();
    expect(at(first!.cell).value).toBe(first!.originalText);
    expect(at(first!.cell).quotePrefix).toBe(true);
    expect(at(third.cell).value).toBe(12345);
    expect(await h.conversionRecord()).toEqual([third]);
    expect(hasConversionRecord(await h.read())).toBe(true);
  });

  it('keeps settings in the workbook (custom XML part) and reads back what it saved', async () => {
    const { wb, h } = await ecuador();
    expect(await h.loadSettings()).toBeUndefined();
    const s = { version: 1, language: 'en', extraStatusWords: { completed: ['Listo'] }, columnMappings: {} };
    await h.saveSettings(s);
    await h.saveSettings({ ...s, language: 'es' });
    expect(wb.customXmlParts).toHaveLength(1);
    expect(await h.loadSettings()).toEqual({ ...s, language: 'es' });
  });

  it('selects a range, and says so when the sheet does not exist', async () => {
    const { h, plan } = await ecuador();
    await h.select('Plan de Mejora', 'A14:G14');
    expect(plan.selected).toBe('A14:G14');
    expect(plan.activated).toBe(1);
    expect(((await rejection(h.select('Nada', 'A1'))) as OfficeHostError).key).toBe('officeSheetNotFound');
  });

  it('reports capabilities from the requirement sets', async () => {
    expect(await host(new FakeWorkbook(), { max: 17 }).capabilities()).toEqual({
      customProperties: true,
      conditionalFormats: true,
      dataValidation: true,
      createWorkbook: true,
      notes: [],
    });
    expect(await host(new FakeWorkbook(), { max: 8 }).capabilities()).toEqual({
      customProperties: false,
      conditionalFormats: true,
      dataValidation: true,
      createWorkbook: true,
      notes: ['officeNoRowProperties', 'officeNoCustomProperties', 'officeNoMergedAreas'],
    });
    expect(LATEST('ExcelApi', '1.7')).toBe(true);
  });

  it('writes a status line on its own sheet only', async () => {
    const { wb, h, result } = await ecuador();
    expect(await h.writeStatusLine('Seguimiento', 'Error: x')).toBe(false);
    wb.addSheet('Notas', [['a'], ['b'], ['c']]);
    await h.writeSheets([seguimientoSheet(result, 'es')]);
    expect(await h.writeStatusLine('Seguimiento', '=Error: x')).toBe(true);
    expect(wb.sheet('Seguimiento').cell(2, 0)).toMatchObject({ value: '=Error: x', quotePrefix: true });
    expect(wb.sheet('Notas').valuesOf('A1:A3')).toEqual([['a'], ['b'], ['c']]);
  });
});
