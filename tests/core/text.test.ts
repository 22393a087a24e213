// Folding takes a per-character table for Latin-1 text: its answers must be those of the definition
// (Unicode decomposition, accents dropped, spaces collapsed, lower case), written out here.
import { clearTextCaches } from '../../src/core/caches';
import { fold, foldWords } from '../../src/core/text';
import { SheetView } from '../../src/core/sheet-view';
import { sheet } from '../helpers/grids';

const byDefinition = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\s\u00a0\u2007\u202f\u200b]+/g, ' ')
    .trim()
    .toLowerCase();
const wordsByDefinition = (s: string): string =>
  byDefinition(s)
    .replace(/[º°]/g, '°')
    .replace(/[^\p{L}\p{N}#° ]+/gu, ' ')
    .replace(/ +/g, ' ')
    .trim();

describe('fold and foldWords', () => {
  afterEach(() => clearTextCaches());

  it.each([
    ['Recomendación de la Evaluación N° 1', 'recomendacion de la evaluacion n° 1', 'recomendacion de la evaluacion n° 1'],
    ['  EN  EJECUCIÓN.\n', 'en ejecucion.', 'en ejecucion'],
    ['Responsable/s', 'responsable/s', 'responsable s'],
    ['Nº\u00a0de  acción', 'nº de accion', 'n° de accion'],
    ['Ação — Status', 'acao — status', 'acao status'],
    ['ÆØÞ ß µ', 'æøþ ß µ', 'æøþ ß µ'],
    ['plain text', 'plain text', 'plain text'],
    ['\t-\t', '-', ''],
    ['', '', ''],
  ])('%j folds to %j (words: %j)', (text, folded, words) => {
    expect([fold(text), foldWords(text)]).toEqual([folded, words]);
    expect([byDefinition(text), wordsByDefinition(text)]).toEqual([folded, words]);
  });

  it('agrees with the definition for every Latin-1 character, alone, inside and at the ends of a text', () => {
    const wrong: string[] = [];
    for (let c = 0; c < 256; c++) {
      const ch = String.fromCharCode(c);
      for (const s of [ch, `a${ch}b`, `${ch}x`, `x${ch}`, `A ${ch} B`, `${ch}${ch}`]) {
        if (fold(s) !== byDefinition(s) || foldWords(s) !== wordsByDefinition(s)) wrong.push(JSON.stringify(s));
      }
    }
    expect(wrong).toEqual([]);
  });

  it('agrees with the definition on mixed texts, beyond Latin-1 too (a fixed pseudo-random sample)', () => {
    const alphabet = [...' \t\n\r\u00a0aAzZ09ÁáÉéÍíÓóÚúÑñÇçÜüºª°#.-:/()ßÆæ¿¡\u00ad\u00b4', '\u2007', '\u200b', '\u202f', 'İ', 'ǅ', 'ﬁ', '\u0301', 'Σ', 'ő', '—'];
    let seed = 7;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const wrong: string[] = [];
    for (let k = 0; k < 20000; k++) {
      let s = '';
      for (let i = next(12); i > 0; i--) s += alphabet[next(alphabet.length)];
      if (fold(s) !== byDefinition(s) || foldWords(s) !== wordsByDefinition(s)) wrong.push(JSON.stringify(s));
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });
});

describe('a sheet view’s row summaries', () => {
  it('tell blank rows, the longest text, and how many texts a row holds and whether they are one', () => {
    const view = new SheetView(
      sheet(
        'S',
        [
          ['Band text', null, null],
          [null, '  ', null],
          ['1.1', 'Acción', 42],
          ['<p></p>', null, null],
          [null, 'x', 'x'],
        ],
        { merges: ['A1:C1'] },
      ),
    );
    const rows = [0, 1, 2, 3, 4, 5];
    expect(rows.map((r) => [view.isBlankRow(r), view.longestText(r), view.textCount(r), view.firstTextCol(r), view.lastTextCol(r), view.allTextsSame(r)])).toEqual([
      [false, 9, 3, 0, 2, true],
      [true, 0, 0, -1, -1, true],
      [false, 6, 3, 0, 2, false],
      [false, 0, 0, -1, -1, true],
      [false, 1, 2, 1, 2, true],
      [true, 0, 0, -1, -1, true],
    ]);
    // Asked before the texts are built, a part of a row is read from its cells.
    const fresh = new SheetView(sheet('T', [[null, 'a', null]]));
    expect([fresh.isBlankRow(0, 0, 0), fresh.isBlankRow(0, 1, 2), fresh.isBlankRow(0)]).toEqual([true, false, false]);
  });
});
