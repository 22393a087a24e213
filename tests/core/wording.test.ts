// What findings say to an officer, in both languages.
import { checkWorkbook } from '../../src/core/check';
import { isoToSerial } from '../../src/core/dates';
import { finding } from '../../src/core/findings';
import { dateCell, errorCell, type Cell } from '../../src/core/grid';
import { fill, findingMessage, type Lang } from '../../src/core/i18n';
import { formatDate } from '../../src/core/i18n/format-date';
import { findingLabel } from '../../src/core/i18n/wording';
import { StatusMatcher } from '../../src/core/vocab/status';
import { readErrorText } from '../../src/hosts/xlsx/read-error';
import { XlsxReadError } from '../../src/hosts/xlsx/package';
import { book, sheet } from '../helpers/grids';

const d = (iso: string) => dateCell(isoToSerial(iso));

describe('plurals', () => {
  it.each([
    ['es', 1, '1 día'],
    ['es', 3, '3 días'],
    ['es', 0, '0 días'],
    ['en', 1, '1 day'],
    ['en', 22, '22 days'],
  ] as const)('%s %i → %s', (lang, days, text) => {
    const template = lang === 'es' ? '{days} {days|día|días}' : '{days} {days|day|days}';
    expect(fill(template, { days })).toBe(text);
  });

  it('overdue findings say "1 día" / "1 day"', () => {
    const f = finding('overdue', 'warning', { sheet: 'P', cell: 'C2', actionId: '1.1' }, { actionId: '1.1', deadline: '2024-06-29', days: 1, status: 'in_progress' });
    expect(findingMessage(f, 'es')).toBe('Acción 1.1 vencida: plazo 29 jun 2024, 1 día de atraso (estado: En curso).');
    expect(findingMessage(f, 'en')).toBe('Action 1.1 overdue: due 29 Jun 2024, 1 day late (status: In progress).');
  });

  it('leaves an unfilled plural visible rather than guessing', () => {
    expect(fill('{days|día|días}', {})).toBe('{days|día|días}');
  });
});

describe('dates in findings read as the pane shows them', () => {
  it.each([
    ['es', '2011-08-24', '24 ago 2011'],
    ['en', '2011-08-24', '24 Aug 2011'],
    ['es', 'not a date', 'not a date'],
  ] as const)('%s %s → %s', (lang, iso, text) => {
    expect(formatDate(iso, lang)).toBe(text);
  });

  it('deadline_as_text shows the date read the pane’s way', () => {
    const f = finding('deadline_as_text', 'info', { sheet: 'P', cell: 'C2' }, { actionId: '1.2', text: '24-Aug-11', deadline: '2011-08-24' });
    expect(findingMessage(f, 'es')).toBe('El plazo «24-Aug-11» está escrito como texto; se leyó como 24 ago 2011.');
  });

  it.each([
    ['es', 'Indicador 1.2: el valor real escrito para 2017 (82) difiere de los registros (80,728718) en más de medio punto.'],
    ['en', 'Indicator 1.2: the actual typed for 2017 (82) differs from the records (80.728718) by more than half a point.'],
  ] as const)('decimals in a finding are written the reader’s way (%s); whole numbers stay as they are', (lang, text) => {
    const f = finding('actual_differs_from_records', 'warning', { sheet: 'M', cell: 'L8' }, { indicator: '1.2', period: '2017', actual: 82, records: 80.728718 });
    expect(findingMessage(f, lang)).toBe(text);
  });

  it('a number typed as text with a decimal comma is quoted as typed and read back with a comma in Spanish', () => {
    const f = finding('number_as_text', 'info', { sheet: 'M', cell: 'H21' }, { column: '2015 Real', count: 1, text: '11,5', value: 11.5 });
    expect(findingMessage(f, 'es')).toBe('Números escritos como texto en la columna «2015 Real»: 1 celda; p. ej. «11,5» se leyó como 11,5.');
  });
});

describe('no placeholders an officer would have to decode', () => {
  it.each([
    ['es', 'Este texto de recomendación no tiene antes su encabezado «Recomendación» con número: agréguelo para que sus acciones se agrupen bien.'],
    ['en', 'This recommendation text has no “Recommendation” heading with its number above it: add one so its actions are grouped right.'],
  ] as const)('a missing heading whose number cannot be told (%s)', (lang, text) => {
    const f = finding('missing_recommendation_header', 'warning', { sheet: 'P', cell: 'A1' }, { recommendation: '' });
    expect(findingMessage(f, lang)).toBe(text);
    expect(findingMessage(f, lang)).not.toMatch(/\?|\{/);
  });

  it('a missing heading whose number can be told still names it', () => {
    const f = finding('missing_recommendation_header', 'warning', { sheet: 'P', cell: 'A1' }, { recommendation: '9' });
    expect(findingMessage(f, 'es')).toBe('Falta el encabezado «Recomendación N° 9» antes del texto de esta recomendación.');
  });

  it.each([
    ['es', 'La acción (sin número) no tiene plazo.'],
    ['en', 'Action (no number) has no deadline.'],
  ] as const)('an action without a number (%s)', (lang, text) => {
    expect(findingMessage(finding('missing_deadline', 'warning', { sheet: 'P', cell: 'B3' }, { actionId: '' }), lang)).toBe(text);
  });
});

describe('status suggestions never reverse the meaning', () => {
  const m = new StatusMatcher();
  it.each(['Revisar', 'Retrasado', 'Ver comentarios', 'Sí'])('%j gets no suggestion', (text) => {
    expect(m.match(text)).toEqual({ status: 'unknown', suggestion: '' });
  });

  it.each([
    ['No completado', 'Completado'],
    ['No finalizado', 'Finalizado'],
    ['Not complete', 'Complete'],
  ])('%j is not offered %j', (text, opposite) => {
    const r = m.match(text);
    expect(r.status).toBe('unknown');
    expect(r.suggestion).not.toBe(opposite);
  });

  it.each([
    ['Concluidoo', 'Concluido'],
    ['Finalisado', 'Finalizado'],
    ['Sin inciar', 'Sin iniciar'],
  ])('a typo %j still gets %j', (text, word) => {
    expect(m.match(text)).toEqual({ status: 'unknown', suggestion: word });
  });

  it.each([
    ['es', 'Estado desconocido «Revisar»: no es una palabra de estado que Tablero conozca. Use una de la lista o agréguela en Ajustes.'],
    ['en', 'Unknown status “Revisar”: not a status word Tablero knows. Use one from the list or add it in Settings.'],
  ] as const)('without a suggestion the message asks nothing (%s)', (lang, text) => {
    expect(findingMessage(finding('unknown_status', 'warning', { sheet: 'P', cell: 'E2' }, { actionId: '1', text: 'Revisar', suggestion: '' }), lang)).toBe(text);
  });
});

describe('error values and blank rows', () => {
  const rows: Cell[][] = [
    ['N°', 'Acción', 'Plazo', 'Responsable', 'Estado'],
    ['1', 'Taller', d('2024-03-01'), errorCell('#REF!'), 'Completado'],
    [null, null, null, null, null],
    ['  ', '', null, ' ', null],
    ['2', 'Informe', d('2024-03-01'), 'MIDUVI', errorCell('#N/A')],
  ];
  const r = checkWorkbook(book(sheet('Plan', rows)), { asOf: '2024-02-01' });

  it('an error in the Responsible or Status cell is a finding of its own; blank rows are none', () => {
    expect(r.findings.map((f) => [f.code, f.cell, f.params])).toEqual([
      ['error_value', 'D2', { actionId: '1', column: 'responsible', text: '#REF!' }],
      ['error_value', 'E5', { actionId: '2', column: 'status', text: '#N/A' }],
    ]);
    expect(r.tables[0]!.actions.map((a) => [a.id, a.responsible, a.status])).toEqual([
      ['1', null, 'completed'],
      ['2', 'MIDUVI', 'unknown'],
    ]);
  });

  it.each([
    ['es', 'La celda de responsable de la acción 1 tiene un error de Excel (#REF!); corrija la fórmula o escriba el valor.'],
    ['en', 'The responsible cell of action 1 holds an Excel error (#REF!); fix the formula or type the value.'],
  ] as const)('says so in words (%s)', (lang, text) => {
    expect(findingMessage(r.findings[0]!, lang)).toBe(text);
  });
});

describe('exports and damaged files speak the user’s language', () => {
  it.each([
    ['overdue', 'vencida', 'overdue'],
    ['missing_recommendation_header', 'falta encabezado de recomendación', 'missing_recommendation_header'],
    ['no_table', 'sin tabla', 'no_table'],
  ])('code %s → %s / %s', (code, es, en) => {
    expect(findingLabel(code, 'es')).toBe(es);
    expect(findingLabel(code, 'en')).toBe(en);
  });

  it.each([
    ['no end of central directory (truncated?)', 'es', 'p.xlsx está dañado o incompleto (el archivo está cortado: parece que no se terminó de copiar o descargar; pida otra copia)'],
    ['invalid zip data', 'en', 'p.xlsx is damaged or incomplete (the file is cut short: it seems it was not completely copied or downloaded; ask for another copy)'],
    ['sheet "Plan": unterminated sheetData', 'en', 'p.xlsx is damaged or incomplete (the file is cut short: it seems it was not completely copied or downloaded; ask for another copy)'],
    ['sheet "Plan" has no relationship rId3', 'es', 'p.xlsx está dañado o incompleto (la hoja «Plan» no se puede leer; ábralo en Excel y guárdelo de nuevo)'],
    ['no xl/workbook.xml', 'en', 'p.xlsx is damaged or incomplete (the main part of the workbook is missing; open it in Excel and save it again)'],
    ['bad central directory entry', 'es', 'p.xlsx está dañado o incompleto (su contenido no se puede leer; ábralo en Excel y guárdelo de nuevo)'],
  ] as const)('%j → one line without the library’s words (%s)', (detail, lang: Lang, text) => {
    expect(readErrorText(new XlsxReadError('corrupt', detail), 'p.xlsx', lang)).toBe(text);
  });
});

describe('where the as-of date came from', () => {
  it.each([
    ['es', 'Fecha de corte tomada de Plan!C2 («Fecha de corte: 2021-05-31»): 31 may 2021.'],
    ['en', 'As-of date taken from Plan!C2 (“Fecha de corte: 2021-05-31”): 31 May 2021.'],
  ] as const)('%s', (lang, text) => {
    const f = finding('as_of_from_workbook', 'info', { sheet: 'Plan', cell: 'C2' }, { sheet: 'Plan', cell: 'C2', text: 'Fecha de corte: 2021-05-31', asOf: '2021-05-31' });
    expect(findingMessage(f, lang)).toBe(text);
  });
});
