// The vocabularies of the roll-ups: what they accept and what they reject.
import { bandScore, isTotalLabel, matchHeader, parseCategory, parseLadder, parseYesNo } from '../../src/core/rollup/vocab';
import { parseNumberText } from '../../src/core/rollup/numbers';

describe('header synonyms', () => {
  it.each([
    // es
    ['Departamento', 'department'],
    ['Provincia', 'department'],
    ['Región', 'region'],
    ['Municipio', 'municipality'],
    ['Cantón', 'municipality'],
    ['Distrito', 'municipality'],
    ['Comunidad', 'community'],
    ['Localidad', 'community'],
    ['Viviendas', 'households'],
    ['N° de viviendas', 'households'],
    ['Total viviendas', 'households'],
    ['Hogares', 'households'],
    ['Población', 'households'],
    ['Viviendas con agua', 'water'],
    ['Viviendas con agua potable', 'water'],
    ['Hogares con acceso a agua segura', 'water'],
    ['Viviendas con saneamiento', 'sanitation'],
    ['Escuelas', 'schools'],
    ['Escuelas con APS', 'schoolsWash'],
    ['Centros de salud', 'healthCentres'],
    ['Centros de salud con APS', 'healthWash'],
    ['Categoría SIASAR', 'category'],
    ['Muestras analizadas', 'samplesTested'],
    ['Muestras aptas', 'samplesPassed'],
    ['Cloración', 'chlorination'],
    ['Tipo de sistema', 'systemType'],
    ['Código sistema', 'system'],
    ['Prestador', 'provider'],
    ['Tipo de prestador', 'providerType'],
    ['Puntaje SIASAR', 'score'],
    ['Nivel de servicio JMP', 'ladder'],
    // en
    ['Province', 'department'],
    ['Region', 'region'],
    ['District', 'municipality'],
    ['Community', 'community'],
    ['Households', 'households'],
    ['Population', 'households'],
    ['Households with safe water', 'water'],
    ['Households with improved sanitation', 'sanitation'],
    ['Schools with WASH', 'schoolsWash'],
    ['Health centres', 'healthCentres'],
    ['Category', 'category'],
    ['Samples tested', 'samplesTested'],
    ['Samples passed', 'samplesPassed'],
    ['Provider', 'provider'],
    ['Score', 'score'],
    ['JMP service level', 'ladder'],
    // pt
    ['Município', 'municipality'],
    ['Comunidade', 'community'],
    ['Domicílios', 'households'],
    ['Domicílios com água', 'water'],
    ['Domicílios com saneamento', 'sanitation'],
    ['Amostras analisadas', 'samplesTested'],
    ['Categoria SIASAR', 'category'],
    // case, accents and spacing ignored
    ['  VIVIENDAS   CON  AGUA ', 'water'],
    ['categoria siasar', 'category'],
    ['Municipio\n', 'municipality'],
  ])('%j is %s', (header, role) => {
    expect(matchHeader(header)).toBe(role);
  });

  it.each([
    'Viviendas sin agua',
    'Viviendas con agua y saneamiento',
    'Cobertura de agua (%)',
    'Código municipio',
    'Observaciones',
    'Estado',
    'Total',
    '',
  ])('%j is not a role', (header) => {
    expect(matchHeader(header)).toBeNull();
  });
});

describe('SIASAR categories', () => {
  it.each([
    ['A', 'A'],
    ['b', 'B'],
    ['Categoría C', 'C'],
    ['Cat. D', 'D'],
    ['SIASAR A', 'A'],
    ['B - funciona con deficiencias', 'B'],
  ])('%j is %s', (text, cat) => {
    expect(parseCategory(text)).toBe(cat);
  });

  it.each(['E', 'AB', 'Buena', 'n/d', 'Alta'])('%j is not a category', (text) => {
    expect(parseCategory(text)).toBeNull();
  });

  it.each([
    [1, 'A'],
    [0.9, 'A'],
    [0.8999, 'B'],
    [0.7, 'B'],
    [0.69, 'C'],
    [0.4, 'C'],
    [0.39, 'D'],
    [0, 'D'],
  ])('score %d bands to %s', (score, cat) => {
    expect(bandScore(score)).toBe(cat);
  });
});

describe('yes/no answers', () => {
  it.each([
    ['Sí', true],
    ['si', true],
    ['SI', true],
    ['Yes', true],
    ['sim', true],
    ['x', true],
    [true, true],
    ['No', false],
    ['não', false],
    ['N', false],
    [false, false],
    [0, false],
  ] as const)('%j is %s', (v, yes) => {
    expect(parseYesNo(v)).toBe(yes);
  });

  it.each(['quizás', 'a veces', 'n/d', 2])('%j is neither', (v) => {
    expect(parseYesNo(v)).toBeNull();
  });
});

describe('JMP ladder', () => {
  it.each([
    ['Gestionado de forma segura', 'safelyManaged'],
    ['Safely managed', 'safelyManaged'],
    ['Básico', 'basic'],
    ['limited', 'limited'],
    ['No mejorado', 'unimproved'],
    ['Água superficial', 'surfaceWater'],
  ])('%j is %s', (text, rung) => {
    expect(parseLadder(text)).toBe(rung);
  });

  it.each(['Bueno', 'A', ''])('%j is not a rung', (text) => {
    expect(parseLadder(text)).toBeNull();
  });
});

describe('total labels', () => {
  it.each(['TOTAL', 'Total', 'Total Alpha', 'Subtotal', 'Sub-total', 'Intibucá Total', 'Total general', 'Grand total', 'Totales'])('%j is a total', (text) => {
    expect(isTotalLabel(text)).toBe(true);
  });

  it.each(['Totalá', 'Santa Rosa', 'La Suma Norte', 'Cobertura total de agua', 'Jesús de Otoro'])('%j is not a total', (text) => {
    expect(isTotalLabel(text)).toBe(false);
  });
});

describe('numbers typed as text', () => {
  it.each([
    ['1,234', 'count', 1234],
    ['1.234', 'count', 1234],
    ['1.234.567', 'count', 1234567],
    ['1,234,567', 'count', 1234567],
    ['1 234', 'count', 1234],
    ['1.234,5', 'count', 1234.5],
    ['1,234.5', 'count', 1234.5],
    ['12,5', 'count', 12.5],
    ['0.85', 'fraction', 0.85],
    ['0,85', 'fraction', 0.85],
    ['85%', 'fraction', 0.85],
    ['85 %', 'fraction', 0.85],
    ['1,234', 'fraction', 1.234],
    ['-3', 'count', -3],
    [' 42 ', 'count', 42],
  ] as const)('%j (%s) reads as %d', (text, kind, value) => {
    expect(parseNumberText(text, kind)).toBeCloseTo(value, 9);
  });

  it.each(['n/d', 'abc', '1,23,4', '1.2.3', '12-5', '', '—', '1..2', '%'])('%j is unreadable', (text) => {
    expect(parseNumberText(text, 'count')).toBeNull();
  });
});
