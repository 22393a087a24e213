// The pane's pure parts: settings validation, grouping, conversions, dropdown words, column mapping,
// Office detection. Engine results come from the real engine on the real fixture.
import * as fs from 'fs';
import { readXlsx } from '../../src/hosts/xlsx/read';
import { checkWorkbook } from '../../src/core/check';
import { leadOrganisation } from '../../src/core/responsible';
import type { WorkbookGrid } from '../../src/core/grid';
import { DEFAULT_SETTINGS, parseSettings, cleanWords, applyMappings, mappingUsable } from '../../src/core/workbook-state';
import {
  chartBars,
  groupOverdue,
  listedFindings,
  overdueItems,
  rowAddress,
  statusDropdownWords,
  textDateConversions,
  hasConversionRecord,
} from '../../src/taskpane/logic';
import { columnOptions, guessHeaderRow, headerRowOptions } from '../../src/taskpane/mapping';
import { detectOffice } from '../../src/taskpane/office-detect';
import { formatDate } from '../../src/taskpane/strings';

import { ECUADOR_PLAN as FIXTURE } from '../fixtures';
const wb = readXlsx(new Uint8Array(fs.readFileSync(FIXTURE)));
const result = checkWorkbook(wb, { asOf: '2011-09-15' });

describe('settings', () => {
  it('are the defaults, without a notice, when the workbook holds none', () => {
    expect(parseSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, notice: null });
  });

  it('are read back when valid', () => {
    const s = {
      version: 1,
      language: 'en',
      extraStatusWords: { completed: ['Listo'] },
      columnMappings: { Hoja1: { headerRow: 3, columns: { action: 'A', status: 'D' } } },
    };
    expect(parseSettings(s)).toEqual({ settings: s, notice: null });
  });

  it.each([
    ['a string', 'not json', 'invalid'],
    ['a bad language', { version: 1, language: 'fr', extraStatusWords: {}, columnMappings: {} }, 'invalid'],
    ['an unknown status key', { version: 1, language: null, extraStatusWords: { done: ['x'] }, columnMappings: {} }, 'invalid'],
    ['a lower-case column', { version: 1, language: null, extraStatusWords: {}, columnMappings: { S: { headerRow: 1, columns: { action: 'a' } } } }, 'invalid'],
    ['a mapping without action', { version: 1, language: null, extraStatusWords: {}, columnMappings: { S: { headerRow: 1, columns: { status: 'B' } } } }, 'invalid'],
    ['row 0', { version: 1, language: null, extraStatusWords: {}, columnMappings: { S: { headerRow: 0, columns: { action: 'A' } } } }, 'invalid'],
    ['version 0', { version: 0, language: 'es' }, 'old'],
    ['no version', { language: 'es' }, 'old'],
  ])('fall back to the defaults with a notice for %s', (_label, raw, kind) => {
    const out = parseSettings(raw);
    expect(out.settings).toEqual(DEFAULT_SETTINGS);
    expect(out.notice?.kind).toBe(kind);
    if (out.notice?.kind === 'invalid') expect(out.notice.detail.length).toBeGreaterThan(0);
  });

  it('drop blank and repeated words before they are saved', () => {
    expect(cleanWords({ completed: [' Listo ', '', 'Listo', 'Hecho'], in_progress: ['  '] })).toEqual({ completed: ['Listo', 'Hecho'] });
  });
});

describe('overdue list', () => {
  const items = overdueItems(result);

  it('lists the 20 overdue actions, most days overdue first, each with its row across the table', () => {
    expect(items.map((i) => i.action.id).sort()).toEqual(
      ['1.2', '1.5', '1.7', '2.1', '2.2', '2.3', '3.1', '4.1', '4.2', '4.3', '5.1', '6.1', '8.2', '10.1', '11.2', '11.3', '11.4', '12.1', '12.2', '12.3'].sort(),
    );
    const days = items.map((i) => i.action.daysOverdue ?? 0);
    expect([...days].sort((a, b) => b - a)).toEqual(days);
    const first12 = items.find((i) => i.action.id === '1.2');
    expect(first12?.address).toBe('A15:G15');
  });

  it('groups by recommendation in plan order, numerically', () => {
    const groups = groupOverdue(items, 'recommendation', leadOrganisation);
    const labels = groups.map((g) => g.label);
    expect(labels).toEqual([...labels].sort((a, b) => (a ?? '').localeCompare(b ?? '', undefined, { numeric: true })));
    expect(groups[0]?.items.map((i) => i.action.id)).toEqual(['1.2', '1.5', '1.7']);
    expect(groups.reduce((n, g) => n + g.items.length, 0)).toBe(20);
  });

  it('groups by lead organisation, largest group first, every action once', () => {
    const groups = groupOverdue(items, 'lead', leadOrganisation);
    const sizes = groups.filter((g) => g.label !== null).map((g) => g.items.length);
    expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
    expect(groups.flatMap((g) => g.items.map((i) => i.action.id)).sort()).toEqual(items.map((i) => i.action.id).sort());
    expect(groups.map((g) => g.label)).toContain('MIDUVI');
  });

  it('builds a row address from the table range', () => {
    expect(rowAddress(result.tables[0]!, 40)).toBe('A40:G40');
  });
});

describe('what the buttons work on', () => {
  it('offers every deadline typed as text that reads as a date, once', () => {
    const conv = textDateConversions(result);
    expect(conv.length).toBeGreaterThan(0);
    expect(conv.every((c) => c.sheet === 'Plan de Mejora' && /^B\d+$/.test(c.cell) && /^2011-08-\d\d$/.test(c.iso))).toBe(true);
    expect(new Set(conv.map((c) => c.cell)).size).toBe(conv.length);
    expect(conv.find((c) => c.cell === 'B15')).toEqual({ sheet: 'Plan de Mejora', cell: 'B15', originalText: '24-Aug-11', iso: '2011-08-24' });
  });

  it('offers the canonical words first, then every variant the plan uses', () => {
    const es = statusDropdownWords(result, 'es');
    expect(es.slice(0, 4)).toEqual(['Completada', 'En curso', 'Sin iniciar', 'Ya no aplica']);
    expect(es).toEqual(expect.arrayContaining(['Concluido.', 'Concluido y en marcha.', 'En construcción', 'Sin iniciar', 'En proceso de definición de Agenda.']));
    expect(new Set(es.map((w) => w.toLowerCase())).size).toBe(es.length);
    expect(statusDropdownWords(result, 'en').slice(0, 4)).toEqual(['Completed', 'In progress', 'Not started', 'No longer applicable']);
  });

  it('lists findings errors first and leaves overdue actions to their own list', () => {
    const all = listedFindings(result, 'all');
    expect(all.some((f) => f.code === 'overdue')).toBe(false);
    const rank = { error: 0, warning: 1, info: 2 } as const;
    expect(all.map((f) => rank[f.severity])).toEqual([...all.map((f) => rank[f.severity])].sort());
    expect(listedFindings(result, 'warning').every((f) => f.severity === 'warning')).toBe(true);
  });

  it('charts the fixture’s figures', () => {
    expect(chartBars(result)).toEqual([
      { id: 'completed', count: 5 },
      { id: 'in_progress', count: 19 },
      { id: 'not_started', count: 11 },
      { id: 'missing', count: 1 },
      { id: 'overdue', count: 20 },
    ]);
  });

  it('sees no conversion record in a plain workbook', () => {
    expect(hasConversionRecord(wb)).toBe(false);
  });
});

describe('column mapping', () => {
  const plain: WorkbookGrid = {
    date1904: false,
    sheets: [
      {
        name: 'Hoja1',
        merges: [],
        rows: [
          ['Seguimiento del comité'],
          [],
          ['Qué haremos', 'Para cuándo', 'Quién', 'Cómo va', 'Notas'],
          ['Capacitar a las juntas de agua', '2024-03-31', 'SENAGUA', 'En curso', ''],
          ['Actualizar el catastro', '30/06/2024', 'Municipio', 'Sin iniciar', 'x'],
          ['Publicar el informe', '2024-01-15', 'UCP', 'Concluido', ''],
        ],
      },
    ],
  };

  it('makes a table the engine did not recognise readable, without touching other rows', () => {
    expect(checkWorkbook(plain, { asOf: '2024-05-01' }).tables).toHaveLength(0);
    const mapped = applyMappings(plain, { Hoja1: { headerRow: 3, columns: { action: 'A', deadline: 'B', responsible: 'C', status: 'D' } } });
    const r = checkWorkbook(mapped, { asOf: '2024-05-01' });
    expect(r.tables).toHaveLength(1);
    expect(r.tables[0]?.columns).toEqual({ action: 'A', deadline: 'B', responsible: 'C', status: 'D' });
    expect(r.summary.actions).toBe(3);
    expect(r.summary.overdue).toBe(1);
    expect(mapped.sheets[0]?.rows.filter((_, i) => i !== 2)).toEqual(plain.sheets[0]?.rows.filter((_, i) => i !== 2));
    // The user's own grid object is not modified.
    expect(plain.sheets[0]?.rows[2]?.[0]).toBe('Qué haremos');
  });

  it('offers header rows and columns to choose from, guessing the fullest row', () => {
    const sheet = plain.sheets[0]!;
    expect(guessHeaderRow(sheet)).toBe(3);
    expect(headerRowOptions(sheet).map((o) => o.row)).toEqual([3, 4, 5, 6]);
    expect(columnOptions(sheet, 3).slice(0, 2)).toEqual([
      { col: 'A', header: 'Qué haremos' },
      { col: 'B', header: 'Para cuándo' },
    ]);
  });

  it.each([
    [{ action: 'A', deadline: 'B' }, true],
    [{ action: 'A', status: 'D' }, true],
    [{ action: 'A' }, false],
    [{ deadline: 'B', status: 'D' }, false],
  ])('a mapping %j is usable: %s', (cols, ok) => {
    expect(mappingUsable(cols)).toBe(ok);
  });
});

describe('Office detection', () => {
  it('is browser mode without Office.js', async () => {
    expect(await detectOffice(10, {})).toBeNull();
  });

  it('is browser mode when Office.js loads outside Office (no host)', async () => {
    expect(await detectOffice(10, { Office: { onReady: async () => ({ host: null, platform: null }), context: {} } })).toBeNull();
  });

  it('is browser mode when Office.onReady never answers', async () => {
    expect(await detectOffice(20, { Office: { onReady: () => new Promise(() => undefined), context: {} } })).toBeNull();
  });

  it('is Office with a host and a context, with Office’s display language', async () => {
    expect(await detectOffice(50, { Office: { onReady: async () => ({ host: 'Excel', platform: 'PC' }), context: { displayLanguage: 'es-EC' } } })).toEqual({
      host: 'Excel',
      displayLanguage: 'es-EC',
    });
  });
});

describe('dates in the pane', () => {
  it.each([
    ['2011-09-15', 'es', /^15 sept?\.? 2011$/],
    ['2011-09-15', 'en', /^15 Sept? 2011$/],
    ['not a date', 'en', /^not a date$/],
  ] as const)('formatDate(%s, %s)', (iso, lang, re) => {
    expect(formatDate(iso, lang)).toMatch(re);
  });
});
