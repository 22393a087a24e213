// Roll-ups on grids built in code: recognition, rows that are not records, numbers as text, scores, gaps.
import type { Cell, SheetGrid, WorkbookGrid } from '../../src/core/grid';
import { findingMessage } from '../../src/core/i18n';
import { rollupSheets, rollupWorkbook, parseRollupMap, type RollupResult } from '../../src/core/rollup';
import { rollupJson } from '../../src/core/rollup/json';
import type { Finding } from '../../src/core/findings';

function sheet(name: string, rows: Cell[][], extra: Partial<SheetGrid> = {}): SheetGrid {
  return { name, rows, merges: [], ...extra };
}
function book(...sheets: SheetGrid[]): WorkbookGrid {
  return { sheets, date1904: false };
}
/** Findings as [code, severity, cell] triples: short to read, exact to compare. */
function brief(fs: readonly Finding[], codes?: readonly string[]): [string, string, string | null][] {
  return fs.filter((f) => !codes || codes.includes(f.code)).map((f) => [f.code, f.severity, f.cell]);
}

describe('coverage', () => {
  const rows: Cell[][] = [
    ['Departamento', 'Municipio', 'Comunidad', 'Viviendas', 'Viviendas con agua', 'Viviendas con saneamiento'],
    ['Alpha', 'Uno', 'C1', 100, 90, 50],
    ['Alpha', 'Uno', 'C2', 10, 1, 10],
    ['Alpha', 'Dos', 'C3', 200, 150, 190],
    ['Beta', 'Uno', 'C4', 50, 45, 40],
  ];
  const r = rollupWorkbook(book(sheet('Datos', rows)), { lang: 'es' });

  it('divides sums, never averages percentages', () => {
    const c = r.coverage!;
    expect(c.total).toEqual({
      records: 4,
      households: 360,
      water: 286 / 360,
      sanitation: 290 / 360,
      schools: null,
      healthCentres: null,
      counts: { water: { numerator: 286, denominator: 360 }, sanitation: { numerator: 290, denominator: 360 } },
    });
    // Uno in Alpha: (90 + 1) / (100 + 10) = 0.827…, while the mean of 0.9 and 0.1 would be 0.5.
    const uno = c.areas.find((a) => a.name === 'Uno' && a.parent === 'Alpha')!;
    expect(uno.water).toBeCloseTo(91 / 110, 12);
  });

  it('keeps two municipalities with the same name apart, in hierarchical order', () => {
    expect(r.coverage!.areas.map((a) => [a.level, a.path.join(' / '), a.households])).toEqual([
      ['department', 'Alpha', 310],
      ['municipality', 'Alpha / Uno', 110],
      ['municipality', 'Alpha / Dos', 200],
      ['department', 'Beta', 50],
      ['municipality', 'Beta / Uno', 50],
    ]);
  });

  it('counts the lowest area level against the threshold (at or above)', () => {
    expect(r.coverage!.areasAboveThreshold).toEqual({ level: 'municipality', levelHeader: 'Municipio', of: 3, water: 2, sanitation: 2, schools: null, healthCentres: null });
    const strict = rollupWorkbook(book(sheet('Datos', rows)), { lang: 'es', threshold: 0.9 });
    expect(strict.coverage!.areasAboveThreshold).toMatchObject({ of: 3, water: 1, sanitation: 1 });
    // 45/50 is exactly 0.9 and counts.
    const beta = strict.coverage!.areas.find((a) => a.path.join('/') === 'Beta/Uno')!;
    expect(beta.water).toBe(0.9);
  });

  it('reads English headers', () => {
    const en = rollupWorkbook(
      book(
        sheet('Communities', [
          ['Province', 'District', 'Community', 'Households', 'Households with safe water', 'Households with improved sanitation', 'Schools', 'Schools with WASH'],
          ['North', 'Riverside', 'A', 40, 30, 20, 2, 1],
          ['North', 'Hilltop', 'B', 60, 60, 30, 1, 1],
        ]),
      ),
      { lang: 'en' },
    );
    expect(en.coverage!.total).toMatchObject({ households: 100, water: 0.9, sanitation: 0.5, schools: 2 / 3 });
    expect(en.coverage!.levels.map((l) => [l.level, l.header])).toEqual([
      ['department', 'Province'],
      ['municipality', 'District'],
    ]);
  });

  it('reads Portuguese headers', () => {
    const pt = rollupWorkbook(
      book(
        sheet('Comunidades', [
          ['Região', 'Município', 'Comunidade', 'Domicílios', 'Domicílios com água', 'Domicílios com saneamento'],
          ['Norte', 'Belém', 'X', 80, 40, 8],
          ['Norte', 'Belém', 'Y', 20, 20, 2],
        ]),
      ),
      { lang: 'es' },
    );
    expect(pt.coverage!.total).toMatchObject({ households: 100, water: 0.6, sanitation: 0.1 });
    expect(pt.coverage!.areas.map((a) => a.level)).toEqual(['region', 'municipality']);
  });

  it('finds the header under title rows', () => {
    const titled = rollupWorkbook(book(sheet('Datos', [['Monitoreo 2017'], [], ...rows])), { lang: 'es' });
    expect(titled.coverage!.source).toMatchObject({ headerRow: 3, firstRow: 4, lastRow: 7, records: 4 });
    expect(titled.coverage!.total.households).toBe(360);
  });
});

describe('rows that are not records', () => {
  const rows: Cell[][] = [
    ['Departamento', 'Municipio', 'Comunidad', 'Viviendas', 'Viviendas con agua'],
    ['Alpha', 'Uno', 'C1', 100, 80], // row 2
    ['Alpha', 'Uno', 'C2', 50, 40],
    [null, '', null, null, null], // row 4: blank between records
    ['Alpha', 'Dos', 'C3', 30, 30],
    ['Total Alpha', null, null, 180, 150], // row 6: labelled subtotal
    ['Beta', 'Tres', 'C4', 20, 10],
    ['Beta', 'Tres', 'C5', 20, 10],
    ['Beta', '', '', 40, 20], // row 9: subtotal without a label, equal to the rows above
    [null, null, null, 220, 170], // row 10: grand total without a label
    ['TOTAL', null, null, 220, 170], // row 11
    [null, null, null, null, null], // trailing blanks are not reported
    [],
  ];
  const r = rollupWorkbook(book(sheet('Comunidades', rows)), { lang: 'es' });

  it('skips blank, subtotal and total rows; totals are findings, blank rows only counted', () => {
    const c = r.coverage!;
    expect(c.total.households).toBe(220);
    expect(c.total.counts.water).toEqual({ numerator: 170, denominator: 220 });
    expect(c.source).toMatchObject({ records: 5, skippedBlank: 1, skippedTotal: 4, firstRow: 2, lastRow: 11 });
    expect(brief(r.findings, ['row_skipped_blank', 'row_skipped_total'])).toEqual([
      ['row_skipped_total', 'info', 'A6'],
      ['row_skipped_total', 'info', 'A9'],
      ['row_skipped_total', 'info', 'A10'],
      ['row_skipped_total', 'info', 'A11'],
    ]);
    const msgs = r.findings.filter((f) => f.code === 'row_skipped_total').map((f) => findingMessage(f, 'es'));
    expect(msgs[0]).toBe('Fila 6 es un total o subtotal («Total Alpha»): se omitió para no contarla dos veces.');
    expect(msgs[1]).toBe('Fila 9 es un total o subtotal (igual a la suma de las filas 7 a 8): se omitió para no contarla dos veces.');
    expect(msgs[2]).toBe('Fila 10 es un total o subtotal (igual a la suma de las filas 2 a 8): se omitió para no contarla dos veces.');
  });

  it('reads a blank area cell as the area of the record above (merged cells, names typed once)', () => {
    const grouped = rollupWorkbook(
      book(
        sheet(
          'C',
          [
            ['Departamento', 'Municipio', 'Comunidad', 'Viviendas', 'Viviendas con agua'],
            ['Alpha', 'Uno', 'C1', 10, 5],
            [null, null, 'C2', 10, 5],
            [null, 'Dos', 'C3', 10, 10],
            ['Beta', '', 'C4', 10, 0],
          ],
          { merges: [{ r0: 1, c0: 0, r1: 3, c1: 0 }] },
        ),
      ),
      { lang: 'en' },
    );
    expect(grouped.coverage!.areas.map((a) => [a.path.join('/'), a.records])).toEqual([
      ['Alpha', 3],
      ['Alpha/Uno', 2],
      ['Alpha/Dos', 1],
      ['Beta', 1],
      ['Beta/', 1],
    ]);
    expect(grouped.findings.filter((f) => f.code === 'area_filled_down').map((f) => [f.cell, findingMessage(f, 'en')])).toEqual([
      ['A3', 'Column "Departamento": 2 blank cells read as the area of the row above (merged cells, or the name typed once per block).'],
      ['B3', 'Column "Municipio": 1 blank cell read as the area of the row above (merged cells, or the name typed once per block).'],
    ]);
  });

  it('keeps a record without a name whose numbers are not a sum', () => {
    const odd = rollupWorkbook(
      book(
        sheet('C', [
          ['Municipio', 'Comunidad', 'Viviendas', 'Viviendas con agua'],
          ['Uno', 'C1', 10, 5],
          ['Uno', 'C2', 10, 5],
          ['Uno', null, 7, 7],
        ]),
      ),
      { lang: 'es' },
    );
    expect(odd.coverage!.total.households).toBe(27);
    expect(odd.coverage!.source.skippedTotal).toBe(0);
  });
});

describe('numbers stored as text', () => {
  const r = rollupWorkbook(
    book(
      sheet('Comunidades', [
        ['Municipio', 'Comunidad', 'Viviendas', 'Viviendas con agua'],
        ['Uno', 'C1', '1,234', '1.000'],
        ['Uno', 'C2', '1.234', 1000],
        ['Uno', 'C3', 'n/d', 5],
        ['Uno', 'C4', 100, { kind: 'error', code: '#N/A' }],
        ['Uno', 'C5', -4, 0],
      ]),
    ),
    { lang: 'en' },
  );

  it('reads them with one info finding per column and skips what it cannot read, naming the cell', () => {
    const c = r.coverage!;
    expect(c.total.households).toBe(2568);
    // Only rows with both numbers count towards coverage.
    expect(c.total.counts.water).toEqual({ numerator: 2000, denominator: 2468 });
    expect(c.source).toMatchObject({ records: 5, unreadableCells: 3, numbersAsText: 3 });
    expect(brief(r.findings, ['unreadable_number', 'value_out_of_range', 'number_as_text'])).toEqual([
      ['unreadable_number', 'warning', 'C4'],
      ['unreadable_number', 'warning', 'D5'],
      ['value_out_of_range', 'warning', 'C6'],
      ['number_as_text', 'info', 'C2'],
      ['number_as_text', 'info', 'D2'],
    ]);
    const byCode = (code: string) => r.findings.filter((f) => f.code === code).map((f) => findingMessage(f, 'en'));
    expect(byCode('unreadable_number')).toEqual(['Could not read "n/d" as a number (column "Viviendas"): cell skipped.', 'Could not read "#N/A" as a number (column "Viviendas con agua"): cell skipped.']);
    expect(byCode('number_as_text')).toEqual([
      'Numbers typed as text in column "Viviendas": 2 cells; e.g. "1,234" read as 1234.',
      'Numbers typed as text in column "Viviendas con agua": 1 cell; e.g. "1.000" read as 1000.',
    ]);
  });
});

describe('service levels', () => {
  const r = rollupWorkbook(
    book(
      sheet('Systems', [
        ['District', 'Community', 'System type', 'Score', 'Chlorination', 'Samples tested', 'Samples passed', 'JMP service level'],
        ['East', 'a', 'Gravity', 0.95, 'Yes', 4, 1, 'Safely managed'],
        ['East', 'b', 'Gravity', 0.9, 'No', 2, 2, 'Basic'],
        ['East', 'c', 'Pumped', 0.75, 'yes', '3', 0, 'basic'],
        ['West', 'd', 'Gravity', '45%', '', 0, 0, 'Surface water'],
        ['West', 'e', 'Gravity', 0.1, 'maybe', 1, 1, 'Limited'],
        ['West', 'f', 'Gravity', null, 'No', 2, 3, 'Wells'],
      ]),
    ),
    { lang: 'en' },
  );

  it('bands a score column as SIASAR does and counts A–D per area', () => {
    const s = r.serviceLevels!;
    expect(s.byCategory).toEqual({ A: 2, B: 1, C: 1, D: 1 });
    expect(s.unclassified).toBe(1);
    expect(s.scoreBanded).toBe(5);
    expect(s.shares.A).toBeCloseTo(0.4, 12);
    expect(s.areas.map((a) => [a.name, a.systems, a.byCategory])).toEqual([
      ['East', 3, { A: 2, B: 1, C: 0, D: 0 }],
      ['West', 3, { A: 0, B: 0, C: 1, D: 1 }],
    ]);
  });

  it('computes compliance, chlorination and the JMP ladder', () => {
    const s = r.serviceLevels!;
    expect(s.bacteriological).toEqual({ samples: 12, passed: 7, rate: 7 / 12 });
    expect(s.chlorination).toEqual({ answered: 4, yes: 2, share: 0.5 });
    expect(s.ladder).toEqual({
      answered: 5,
      counts: { safelyManaged: 1, basic: 2, limited: 1, unimproved: 0, surfaceWater: 1 },
      shares: { safelyManaged: 0.2, basic: 0.4, limited: 0.2, unimproved: 0, surfaceWater: 0.2 },
    });
    expect(brief(r.findings, ['unknown_answer', 'unknown_category', 'numerator_exceeds_total', 'number_as_text'])).toEqual([
      ['unknown_answer', 'warning', 'E6'],
      ['numerator_exceeds_total', 'warning', 'G7'],
      ['unknown_category', 'warning', 'H7'],
      ['number_as_text', 'info', 'D5'],
      ['number_as_text', 'info', 'F4'],
    ]);
  });

  it('uses the category column first and the score only where the category is blank', () => {
    const both = rollupWorkbook(
      book(
        sheet('Sistemas', [
          ['Municipio', 'Categoría SIASAR', 'Puntaje SIASAR'],
          ['Uno', 'A', 0.1],
          ['Uno', '', 0.5],
          ['Uno', 'Z', 0.8],
        ]),
      ),
      { lang: 'es' },
    );
    expect(both.serviceLevels!.byCategory).toEqual({ A: 1, B: 1, C: 1, D: 0 });
    expect(both.serviceLevels!.scoreBanded).toBe(2);
    expect(brief(both.findings, ['unknown_category'])).toEqual([['unknown_category', 'warning', 'B4']]);
  });
});

describe('provider performance', () => {
  const r = rollupWorkbook(
    book(
      sheet('Prestadores', [
        ['Prestador', 'Departamento', 'Municipio', 'Tipo de prestador', 'Categoría SIASAR', 'Cobra tarifa', 'Rinde cuentas', 'Socios', 'Notas'],
        ['J1', 'Alpha', 'Uno', 'Junta', 'A', 'Sí', 'No', 1, 'ok'],
        ['J2', 'Alpha', 'Uno', 'Junta', 'B', 'Sí', 'Sí', 0, ''],
        ['J3', 'Alpha', 'Dos', 'Municipal', 'b', 'No', '', 1, 'revisar'],
        ['J4', 'Beta', 'Tres', 'Junta', 'D', 'sí', 'No', 0, null],
      ]),
    ),
    { lang: 'es' },
  );

  it('counts A–D, the good-performance share and each yes/no column found by its answers', () => {
    const p = r.providerPerformance!;
    expect(p.providers).toBe(4);
    expect(p.byCategory).toEqual({ A: 1, B: 2, C: 0, D: 1 });
    expect(p.goodPerformanceShare).toBe(0.25);
    // "Socios" holds 0/1 counts and "Notas" free text: neither is a yes/no column.
    expect(p.yesNoColumns).toEqual([
      { header: 'Cobra tarifa', column: 'F' },
      { header: 'Rinde cuentas', column: 'G' },
    ]);
    expect(p.yesNo).toEqual([
      { answered: 4, yes: 3, share: 0.75 },
      { answered: 3, yes: 1, share: 1 / 3 },
    ]);
    expect(p.areas.filter((a) => a.level === 'municipality').map((a) => [a.path.join('/'), a.goodPerformanceShare])).toEqual([
      ['Alpha/Uno', 0.5],
      ['Alpha/Dos', 0],
      ['Beta/Tres', 0],
    ]);
  });

  it('does not mistake the providers sheet for systems', () => {
    expect(r.serviceLevels).toBeNull();
    expect(r.findings.filter((f) => f.code === 'no_record_sheet').map((f) => findingMessage(f, 'es'))).toEqual([
      'No se encontró ninguna hoja de registros de cobertura (viviendas por comunidad).',
      'No se encontró ninguna hoja de registros de sistemas de agua.',
    ]);
  });
});

describe('missing columns', () => {
  it('says which figure cannot be computed and why, without failing', () => {
    const r = rollupWorkbook(
      book(
        sheet('Comunidades', [
          ['Comunidad', 'Viviendas', 'Viviendas con agua', 'Escuelas con APS'],
          ['C1', 10, 5, 1],
        ]),
        sheet('Sistemas', [
          ['Comunidad', 'Categoría SIASAR', 'Muestras analizadas'],
          ['C1', 'A', 3],
        ]),
      ),
      { lang: 'es' },
    );
    expect(r.coverage!.total).toMatchObject({ households: 10, water: 0.5, sanitation: null, schools: null });
    expect(r.serviceLevels!.bacteriological).toBeNull();
    expect(r.coverage!.areasAboveThreshold).toBeNull();
    const msgs = r.findings.filter((f) => f.code === 'missing_column').map((f) => [f.severity, findingMessage(f, 'es')]);
    expect(msgs).toEqual([
      ['warning', 'Falta la columna «Escuelas» en la hoja Comunidades: no se calcula la cobertura de APS en escuelas.'],
      ['warning', 'Falta la columna «Muestras aptas» en la hoja Sistemas: no se calcula el cumplimiento bacteriológico.'],
      ['info', 'Falta la columna «Viviendas con saneamiento» en la hoja Comunidades: no se calcula la cobertura de saneamiento.'],
      ['info', 'Falta la columna «Municipio» en la hoja Comunidades: no se calcula el desglose por área.'],
      ['info', 'Falta la columna «Cloración» en la hoja Sistemas: no se calcula la proporción de sistemas con cloración.'],
      ['info', 'Falta la columna «Municipio» en la hoja Sistemas: no se calcula el desglose por área.'],
    ]);
    expect(rollupSheets(r, 'es').map((s) => s.tables.map((tb) => tb.name))).toEqual([['Tablero_Coverage_total'], ['Tablero_ServiceLevels_total']]);
  });

  it('reports a workbook with no record sheet at all', () => {
    const r = rollupWorkbook(book(sheet('Hoja1', [['Nombre', 'Edad'], ['Ana', 3]]), sheet('Vacía', [])), { lang: 'en' });
    expect(r).toEqual({
      coverage: null,
      serviceLevels: null,
      providerPerformance: null,
      findings: [
        { code: 'no_record_sheet', severity: 'warning', sheet: null, cell: null, actionId: null, params: { kind: 'coverage (households by community)' } },
        { code: 'no_record_sheet', severity: 'warning', sheet: null, cell: null, actionId: null, params: { kind: 'water systems' } },
        { code: 'no_record_sheet', severity: 'warning', sheet: null, cell: null, actionId: null, params: { kind: 'service providers' } },
      ],
    });
    expect(rollupSheets(r, 'en')).toEqual([]);
  });

  it('never reads back the sheets Tablero wrote', () => {
    const ours = sheet('Cobertura', [['Departamento', 'Viviendas', 'Viviendas con agua'], ['Alpha', 10, 5]], { createdByTablero: true });
    expect(rollupWorkbook(book(ours), { lang: 'es' }).coverage).toBeNull();
  });
});

describe('the user column map', () => {
  const rows: Cell[][] = [
    ['Zona', 'Lugar', 'Casas censadas', 'Conexiones', 'Letrinas ok'],
    ['Alpha', 'C1', 10, 8, 2],
    ['Alpha', 'C2', 30, 12, 3],
  ];

  it('maps columns by header text or letters when recognition does not know them', () => {
    expect(rollupWorkbook(book(sheet('Datos', rows)), { lang: 'es' }).coverage).toBeNull();
    const parsed = parseRollupMap({ coverage: { sheet: 'Datos', columns: { department: 'Zona', community: 'B', households: 'casas censadas', water: 'D', sanitation: 'Letrinas ok' } } });
    if (!parsed.ok) throw new Error(parsed.error);
    const r = rollupWorkbook(book(sheet('Datos', rows)), { lang: 'es', map: parsed.map });
    expect(r.coverage!.total).toMatchObject({ households: 40, water: 0.5, sanitation: 0.125 });
    expect(r.coverage!.source.mapped).toBe(true);
    expect(r.coverage!.areas.map((a) => a.name)).toEqual(['Alpha']);
  });

  it('drops a recognised column mapped to null and reports a mapped column that does not exist', () => {
    const wb = book(sheet('C', [['Municipio', 'Viviendas', 'Viviendas con agua', 'Viviendas con saneamiento'], ['Uno', 10, 5, 1]]));
    const parsed = parseRollupMap({ coverage: { columns: { sanitation: null, water: 'Agua potable' } } });
    if (!parsed.ok) throw new Error(parsed.error);
    const r = rollupWorkbook(wb, { lang: 'en', map: parsed.map });
    expect(r.coverage).toBeNull();
    expect(r.findings.filter((f) => f.severity === 'error').map((f) => findingMessage(f, 'en'))).toEqual([
      'Column "Agua potable" is missing on sheet C: Households with water is not computed.',
      'Column "Households and Households with water or with sanitation" is missing on sheet C: coverage (households by community) is not computed.',
    ]);
  });

  it.each([
    [{ coverage: { columns: { water: 3 } } }, 'coverage.columns.water'],
    [{ coverage: { columns: { category: 'B' } } }, 'coverage.columns'],
    [{ systems: {} }, '(root)'],
    [{ providerPerformance: { headerRow: 0 } }, 'providerPerformance.headerRow'],
  ])('rejects %j', (json, where) => {
    const r = parseRollupMap(json);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(where);
  });
});

describe('output sheets', () => {
  const wb = book(
    sheet('Comunidades', [
      ['Departamento', 'Municipio', 'Comunidad', 'Viviendas', 'Viviendas con agua'],
      ['Alpha', 'Uno', 'C1', 100, 90],
      ['Alpha', 'Dos', 'C2', 100, 50],
    ]),
    sheet('Sistemas', [
      ['Departamento', 'Municipio', 'Categoría SIASAR'],
      ['Alpha', 'Uno', 'A'],
      ['Alpha', 'Dos', 'D'],
    ]),
  );
  const result: RollupResult = rollupWorkbook(wb, { lang: 'es' });

  it('lays out coverage by level with the hierarchy, percents, a total row and a note', () => {
    const [cov] = rollupSheets(result, 'es');
    expect(cov!.name).toBe('Cobertura');
    const muni = cov!.tables[1]!;
    expect(muni.name).toBe('Tablero_Coverage_municipality');
    expect(muni.columns.map((c) => [c.header, c.type])).toEqual([
      ['Departamento', 'text'],
      ['Municipio', 'text'],
      ['Comunidad', 'integer'],
      ['Viviendas', 'integer'],
      ['Viviendas con agua', 'integer'],
      ['Cobertura de agua', 'percent'],
    ]);
    expect(muni.columns[5]!.bands).toEqual([{ atLeast: 0.8, fill: 'green' }]);
    expect(muni.rows).toEqual([
      ['Alpha', 'Uno', 1, 100, 90, 0.9],
      ['Alpha', 'Dos', 1, 100, 50, 0.5],
      ['Total', null, 2, 200, 140, 0.7],
    ]);
    expect(muni.totalRow).toBe(true);
    expect(cov!.notes).toEqual([
      'Fuente: hoja «Comunidades», encabezados en la fila 1, datos de la fila 2 a la 3.',
      'Filas usadas: 2. Filas omitidas: 0 (0 vacías, 0 totales o subtotales).',
      'Celdas ilegibles omitidas: 0. Números escritos como texto y leídos: 0.',
      'Cobertura = suma de los numeradores ÷ suma de los totales de las filas con ambos datos (nunca un promedio de porcentajes).',
      'Hoja generada por Tablero: se puede borrar y volver a generar.',
    ]);
  });

  it('colours the A–D columns and names the sheets in English in English', () => {
    const sheets = rollupSheets(result, 'en');
    expect(sheets.map((s) => s.name)).toEqual(['Coverage', 'Service levels']);
    const dept = sheets[1]!.tables[0]!;
    expect(dept.columns.map((c) => [c.header, c.fill ?? null])).toEqual([
      ['Departamento', null],
      ['Systems', null],
      ['A', 'green'],
      ['B', 'yellow'],
      ['C', 'orange'],
      ['D', 'red'],
      ['% A', 'green'],
      ['% B', 'yellow'],
      ['% C', 'orange'],
      ['% D', 'red'],
    ]);
    expect(dept.rows).toEqual([
      ['Alpha', 2, 1, 0, 0, 1, 0.5, 0, 0, 0.5],
      ['Total', 2, 1, 0, 0, 1, 0.5, 0, 0, 0.5],
    ]);
  });

  it('shapes the JSON through its schema with ratios rounded to 6 decimals', () => {
    const j = rollupJson('x.xlsx', rollupWorkbook(wb, { lang: 'en' }), 'en');
    expect(j.coverage!.total.water).toBe(0.7);
    expect(j.coverage!.areasAboveThreshold).toEqual({ level: 'municipality', levelHeader: 'Municipio', of: 2, water: 1, sanitation: null, schools: null, healthCentres: null });
    expect(j.serviceLevels!.byCategory).toEqual({ A: 1, B: 0, C: 0, D: 1 });
    expect(j.providerPerformance).toBeNull();
    expect(j.findings.map((f) => f.message)).toContain('No service providers record sheet found.');
  });
});
