// The CLI honours what the pane saved in the workbook: a plan column mapping, status words and the
// roll-up map, stored by the browser host's saveSettings (the Office host writes the same part).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CheckJson } from '../../src/cli/check-json';
import type { RollupJson } from '../../src/core/rollup/json';
import { BrowserHost } from '../../src/hosts/browser';
import { readSavedSettings } from '../../src/hosts/xlsx/settings-part';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '../../src/core/workbook-state';
import { readXlsx } from '../../src/hosts/xlsx/read';
import { HONDURAS_FRAMEWORK } from '../fixtures';
import { makeXlsx } from '../helpers/make-xlsx';
import { cliRunner, tempDir } from '../helpers/cli';

const run = cliRunner('2024-05-01');
const tmp = tempDir('tablero-saved-');

// Headers no vocabulary knows: only the user's mapping makes this a plan.
const rows = [
  ['Seguimiento del comité'],
  [],
  ['Qué haremos', 'Para cuándo', 'Quién', 'Cómo va', 'Notas'],
  ['Capacitar a las juntas de agua', '2024-03-31', 'SENAGUA', 'En curso', ''],
  ['Actualizar el catastro', '30/06/2024', 'Municipio', 'Arrancando', 'x'],
  ['Publicar el informe', '2024-01-15', 'UCP', 'Concluido', ''],
];

const mapped: Settings = {
  ...DEFAULT_SETTINGS,
  extraStatusWords: { not_started: ['Arrancando'] },
  columnMappings: { Hoja1: { headerRow: 3, columns: { action: 'A', deadline: 'B', responsible: 'C', status: 'D' } } },
};

async function savedBy(settings: Settings | null, name: string): Promise<string> {
  const host = new BrowserHost(makeXlsx([{ name: 'Hoja1', rows }]), `${name}.xlsx`);
  if (settings) await host.saveSettings(settings);
  const file = path.join(tmp, `${name}.xlsx`);
  fs.writeFileSync(file, host.currentBytes());
  return file;
}

describe('settings saved in the workbook', () => {
  it('are read back from the .xlsx as the pane saved them', async () => {
    const file = await savedBy(mapped, 'read-back');
    expect(readSavedSettings(new Uint8Array(fs.readFileSync(file)))).toEqual(mapped);
    expect(readSavedSettings(new Uint8Array(fs.readFileSync(await savedBy(null, 'none'))))).toBeUndefined();
  });

  it('make `tablero check` use the saved column mapping and status words', async () => {
    const without = await run('check', await savedBy(null, 'plain'), '--format', 'json');
    expect(without.code).toBe(4);
    expect((JSON.parse(without.stdout) as CheckJson).tables).toEqual([]);

    const r = await run('check', await savedBy(mapped, 'mapped'), '--format', 'json', '--as-of', '2024-05-01');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as CheckJson;
    expect(json.tables.map((t) => [t.sheet, t.range, t.columns])).toEqual([
      ['Hoja1', 'A3:D6', { action: 'A', deadline: 'B', responsible: 'C', status: 'D' }],
    ]);
    expect(json.tables[0]!.actions.map((a) => [a.row, a.status, a.overdue])).toEqual([
      [4, 'in_progress', true],
      [5, 'not_started', false],
      [6, 'completed', false],
    ]);
    expect(json.summary.byStatus.unknown).toBe(0);
  });

  it('make `tablero export` export the actions of the saved mapping', async () => {
    const out = path.join(tmp, 'export.xlsx');
    const r = await run('export', await savedBy(mapped, 'to-export'), '--out', out, '--as-of', '2024-05-01');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Escrito: .*export\.xlsx \(\d+ hojas, 3 acciones, \d+ hallazgos\)$/m);
  });

  it('are still used, and broken ones ignored, alongside --vocabulary', async () => {
    const vocab = path.join(tmp, 'vocab.json');
    fs.writeFileSync(vocab, JSON.stringify({ completed: ['Listo'] }));
    const r = await run('check', await savedBy(mapped, 'with-vocab'), '--format', 'json', '--as-of', '2024-05-01', '--vocabulary', vocab);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as CheckJson).summary.byStatus).toMatchObject({ not_started: 1, unknown: 0 });

    const broken = await savedBy({ ...mapped, version: 7 } as unknown as Settings, 'broken');
    const b = await run('check', broken, '--format', 'json', '--as-of', '2024-05-01');
    expect(b.code).toBe(4);
    expect(b.stderr).not.toMatch(/at .*\.ts/);
  });

  it('make `tablero rollup` use the saved roll-up map, unless --map names another', async () => {
    const host = new BrowserHost(makeXlsx([{ name: 'Datos', rows: [['Zona', 'Casas', 'Conectadas', 'Otra fuente'], ['Alpha', 10, 7, 5], ['Beta', 30, 3, 1]] }]), 'odd.xlsx');
    const bare = path.join(tmp, 'odd-bare.xlsx');
    fs.writeFileSync(bare, host.currentBytes());
    expect((await run('rollup', bare, '--format', 'json')).code).toBe(4);

    await host.saveSettings({ ...DEFAULT_SETTINGS, rollupMap: { coverage: { sheet: 'Datos', columns: { municipality: 'Zona', households: 'B', water: 'Conectadas' } } } });
    const saved = path.join(tmp, 'odd-saved.xlsx');
    fs.writeFileSync(saved, host.currentBytes());
    const r = await run('rollup', saved, '--format', 'json');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as RollupJson).coverage!.total).toMatchObject({ households: 40, water: 0.25 });

    // A --map file wins over the saved map: here it takes water from column D.
    const map = path.join(tmp, 'map.json');
    fs.writeFileSync(map, JSON.stringify({ coverage: { sheet: 'Datos', columns: { municipality: 'Zona', households: 'B', water: 'D' } } }));
    const m = await run('rollup', saved, '--format', 'json', '--map', map);
    expect(m.code).toBe(0);
    expect((JSON.parse(m.stdout) as RollupJson).coverage!.total).toMatchObject({ households: 40, water: 0.15 });
  });
});

describe('the band scheme saved in the workbook (the pane\'s Settings tab)', () => {
  async function framework(settings: Settings | null, name: string): Promise<string> {
    const host = new BrowserHost(new Uint8Array(fs.readFileSync(HONDURAS_FRAMEWORK)), `${name}.xlsx`);
    if (settings) await host.saveSettings(settings);
    const file = path.join(tmp, `${name}.xlsx`);
    fs.writeFileSync(file, host.currentBytes());
    return file;
  }
  const bands = (stdout: string) => (JSON.parse(stdout) as CheckJson).frameworks.map((f) => [f.bandScheme, f.bands]);

  it('is what `tablero check` bands with when --bands is not given; --bands wins', async () => {
    const semaforo = await framework({ ...DEFAULT_SETTINGS, bandScheme: 'semaforo' }, 'fw-semaforo');
    const r = await run('check', semaforo, '--format', 'json', '--as-of', '2018-02-15');
    expect(r.code).toBe(0);
    expect(bands(r.stdout)).toEqual([['semaforo', { on_track: 4, at_risk: 4, under: 4, over: 1, no_data: 2 }]]);
    const told = await run('check', semaforo, '--format', 'json', '--as-of', '2018-02-15', '--bands', 'toladata');
    expect(bands(told.stdout)).toEqual([['toladata', { on_track: 8, at_risk: 0, under: 4, over: 1, no_data: 2 }]]);
    const plain = await run('check', await framework(null, 'fw-plain'), '--format', 'json', '--as-of', '2018-02-15');
    expect(bands(plain.stdout)).toEqual([['toladata', { on_track: 8, at_risk: 0, under: 4, over: 1, no_data: 2 }]]);
  });

  it('is read back as saved; an unknown scheme reads as none and keeps the other settings', async () => {
    const saved = await framework({ ...mapped, bandScheme: 'semaforo' }, 'fw-read-back');
    expect(readSavedSettings(new Uint8Array(fs.readFileSync(saved)))).toEqual({ ...mapped, bandScheme: 'semaforo' });
    expect(parseSettings({ ...mapped, bandScheme: 'rainbow' })).toEqual({ settings: mapped, notice: null });
    const odd = await framework({ ...mapped, bandScheme: 'rainbow' } as unknown as Settings, 'fw-odd');
    const r = await run('check', odd, '--format', 'json', '--as-of', '2018-02-15');
    expect(bands(r.stdout)).toEqual([['toladata', { on_track: 8, at_risk: 0, under: 4, over: 1, no_data: 2 }]]);
  });

  it('bands the IPTT of `tablero export` too', async () => {
    const out = path.join(tmp, 'fw-export.xlsx');
    const r = await run('export', await framework({ ...DEFAULT_SETTINGS, bandScheme: 'semaforo' }, 'fw-export-in'), '--out', out, '--as-of', '2018-02-15', '--lang', 'en');
    expect(r.code).toBe(0);
    const iptt = readXlsx(new Uint8Array(fs.readFileSync(out))).sheets.find((s) => s.name === 'IPTT')!;
    expect(iptt.rows.flat().filter((v) => v === 'at risk')).toHaveLength(4);
  });
});
