// What the workbook carries: the settings' stored form (as the Office host, the browser host and the
// .xlsx reader all read and write it) and how saved status words join the CLI's --vocabulary.
import { DEFAULT_SETTINGS, isSettingsXml, mergeVocabularies, parseSettings, parseSettingsXml, settingsXml, type Settings } from '../../src/core/workbook-state';

const settings: Settings = {
  ...DEFAULT_SETTINGS,
  language: 'es',
  extraStatusWords: { completed: ['Listo <ok> & "fin"'] },
  columnMappings: { 'Plan & "metas"': { headerRow: 3, columns: { action: 'A', status: 'D' } } },
};

describe('the settings part', () => {
  it('round-trips through its XML text and validates', () => {
    const xml = settingsXml(settings);
    expect(xml).toContain('<settings xmlns="urn:tablero:settings">');
    expect(xml).not.toMatch(/<ok>/);
    expect(isSettingsXml(xml)).toBe(true);
    expect(parseSettings(parseSettingsXml(xml))).toEqual({ settings, notice: null });
  });

  it.each([
    // Office may hand the part back re-serialised: another prefix, entities for quotes, numeric references.
    ['<?xml version="1.0"?><t:settings xmlns:t="urn:tablero:settings">{&quot;a&quot;:&#49;,&quot;b&quot;:&#x32;}</t:settings>', { a: 1, b: 2 }],
    ["<settings xmlns='urn:tablero:settings'>{\"w\":\"&lt;&amp;&gt;&apos;\"}</settings>", { w: "<&>'" }],
    ['<settings xmlns="urn:tablero:settings">not json</settings>', 'not json'],
    ['<other/>', undefined],
  ])('reads %s', (xml, expected) => {
    expect(parseSettingsXml(xml)).toEqual(expected);
  });

  it.each([
    ['<settings xmlns="urn:tablero:settings"/>', true],
    ['<x:settings xmlns:x="urn:tablero:settings">', true],
    ['<settings xmlns="urn:other">{}</settings>', false],
    ['<ds:datastoreItem xmlns:ds="urn:tablero:settings"/>', false],
  ])('knows %s as ours: %s', (xml, ours) => {
    expect(isSettingsXml(xml)).toBe(ours);
  });
});

describe('status words from the workbook and from --vocabulary', () => {
  it('are joined, each word once', () => {
    expect(mergeVocabularies({ completed: ['Listo'], not_started: ['Por arrancar'] }, { completed: ['Hecho', 'Listo'], in_progress: ['Andando'] })).toEqual({
      completed: ['Listo', 'Hecho'],
      not_started: ['Por arrancar'],
      in_progress: ['Andando'],
    });
    expect(mergeVocabularies({ completed: ['Listo'] }, undefined)).toEqual({ completed: ['Listo'] });
  });
});
