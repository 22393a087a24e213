import { conversionRecordSheet, findConversionSheet, parseConversionRecord } from '../../src/core/workbook-state';
import { readXlsx } from '../../src/hosts/xlsx/read';
import { writeXlsx } from '../../src/hosts/xlsx/write';
import type { DateConversion } from '../../src/hosts/pane-host';

const records: DateConversion[] = [
  { sheet: 'Plan de Mejora', cell: 'B15', originalText: '24-Aug-11', iso: '2011-08-24' },
  { sheet: 'Plan de Mejora', cell: 'B20', originalText: '22-Aug-11', iso: '2011-08-22' },
];

describe('the record of converted dates', () => {
  it.each(['es', 'en'] as const)('round-trips through a written workbook (%s)', (lang) => {
    const { bytes } = writeXlsx(null, [conversionRecordSheet(records, lang)]);
    const wb = readXlsx(bytes);
    const sheet = findConversionSheet(wb.sheets);
    expect(sheet?.createdByTablero).toBe(true);
    expect(parseConversionRecord(sheet!, wb.date1904)).toEqual(records);
  });

  it('is found only among our own sheets', () => {
    expect(findConversionSheet([{ name: 'Tablero fechas', createdByTablero: false }])).toBeUndefined();
    expect(findConversionSheet([{ name: 'TABLERO FECHAS', createdByTablero: true }])?.name).toBe('TABLERO FECHAS');
  });

  it('reads nothing from a sheet without its header', () => {
    expect(parseConversionRecord({ rows: [['Hola'], ['B15']] }, false)).toEqual([]);
  });
});
