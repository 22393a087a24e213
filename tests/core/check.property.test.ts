// Random grids (every cell type, merges, blanks, errors, header words) never make the engine throw.
import fc from 'fast-check';
import { checkWorkbook } from '../../src/core/check';
import { dateCell, errorCell, type Cell, type Merge, type SheetGrid } from '../../src/core/grid';
import { findingMessage } from '../../src/core/i18n';
import { seguimientoSheet } from '../../src/core/seguimiento';

const words = [
  'Acciones clave', 'Plazo', 'Responsable/s', 'Estado', 'Comentarios', 'Seguimiento', 'N°', 'Key action', 'Due date',
  'Status', 'Recomendación de la Evaluación N° 3', 'Respuesta de la gestión', 'Concluido.', 'Sin iniciar', '1.1. Taller',
  '24-Aug-11', 'Continuo', 'Total acciones: 3', '31/02/2024', 'T2 2024', '', '  ', '<p>2.1. Reunión</p>',
];

const cell: fc.Arbitrary<Cell> = fc.oneof(
  fc.constant(null),
  fc.constantFrom(...words),
  fc.string({ maxLength: 30 }),
  fc.double({ noNaN: false }),
  fc.integer({ min: -100000, max: 3000000 }),
  fc.boolean(),
  fc.double({ min: -10, max: 3e6, noNaN: true }).map((s) => dateCell(s)),
  fc.constantFrom('#N/A', '#REF!', '#DIV/0!').map((c) => errorCell(c)),
);

const merge: fc.Arbitrary<Merge> = fc
  .record({ r0: fc.nat(14), c0: fc.nat(7), h: fc.nat(3), w: fc.nat(7) })
  .map(({ r0, c0, h, w }) => ({ r0, c0, r1: r0 + h, c1: c0 + w }));

const grid: fc.Arbitrary<SheetGrid> = fc.record({
  name: fc.string({ minLength: 1, maxLength: 10 }),
  rows: fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 16 }),
  merges: fc.array(merge, { maxLength: 5 }),
  hiddenRows: fc.array(fc.nat(16), { maxLength: 3 }),
  createdByTablero: fc.boolean(),
});

describe('recognition and checking never throw', () => {
  it('on random grids', () => {
    fc.assert(
      fc.property(fc.array(grid, { minLength: 1, maxLength: 3 }), fc.boolean(), (sheets, date1904) => {
        const r = checkWorkbook({ sheets, date1904 }, { asOf: '2024-06-30' });
        // Every result is usable downstream too: messages and the Seguimiento sheet.
        for (const f of r.findings) expect(typeof findingMessage(f, 'en')).toBe('string');
        seguimientoSheet(r, 'es');
        const counted = Object.values(r.summary.byStatus).reduce((a, b) => a + b, 0);
        expect(counted).toBe(r.summary.actions);
      }),
      { numRuns: 400 },
    );
  });

  it('on random rows under a real header (deep paths: bands, blocks, ids, dates)', () => {
    const header: Cell[] = ['Acciones clave', 'Plazo', 'Responsable/s', 'Seguimiento', 'Estado'];
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 25 }), fc.array(merge, { maxLength: 4 }), (rows, merges) => {
        const sheet: SheetGrid = { name: 'Plan', rows: [header, ...rows], merges, hiddenRows: [] };
        const r = checkWorkbook({ sheets: [sheet], date1904: false }, { asOf: '2011-09-15' });
        for (const t of r.tables) for (const a of t.actions) expect(a.row).toBeGreaterThan(1);
        seguimientoSheet(r, 'en');
      }),
      { numRuns: 400 },
    );
  });
});
