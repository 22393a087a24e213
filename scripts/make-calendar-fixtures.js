#!/usr/bin/env node
// Writes the two milestone-calendar fixtures (tests/fixtures/calendario-metas-guatemala-2011.xlsx and
// milestone-calendar-water-2024.xlsx) as an officer would paste them into Excel: band rows merged across
// each grid (one band left unmerged), two header rows ("Trimestre 5" over "Oct – Dic 2010"), multi-line
// wrapped cells, bullets here and there, empty cells. The Guatemala texts are the seed's
// (plan-implementacion-guatemala-2011.txt, "Calendario de metas"), trailing spaces and double spaces kept.
// Deterministic (fixed zip dates): rebuilding gives the same bytes. Usage: node scripts/make-calendar-fixtures.js
const fs = require('fs');
const path = require('path');
const { strToU8, zipSync } = require('fflate');

const OUT = path.join(__dirname, '..', 'tests', 'fixtures');

// ---------------------------------------------------------------------------------------------
// The workbooks, as rows of cells (null: empty). `merges`: bands spanning their grid.

const GUATEMALA = {
  file: 'calendario-metas-guatemala-2011.xlsx',
  sheet: 'Calendario de metas',
  widths: [28, 48, 48, 48, 48],
  rows: [
    ['Calendario de metas'],
    [],
    ['La Gestión Transparente.'],
    ['Socio', 'Trimestre 5', 'Trimestre 6'],
    [null, 'Oct – Dic 2010', 'Ene – Mar 2011'],
    ['MIFAPRO',
      'Equipo para automatizar la información, en proceso de compra.\nContratación de empresa para la capacitación de vocalías y promotores.',
      '9 Sedes de información regionales instaladas. \nFuncionarios capacitados.\nVocalías Capacitadas.\nPromotores Capacitados.\n\n'],
    ['MSPAS',
      'Desarrollo módulo  de comunicación e información permanente al usuario de hospitales mediante Kioscos de información- iPad-. \nContratación empresas para: Atención a la población demandante de los servicios hospitalarios; Sistema de suministro de medicamentos y; Sistema informático que unifique las compras de medicamentos del nivel central a nivel local – DAM- en proceso de compra.\n',
      '• Instalación kioscos de información  en red hospitalaria.\n• Modelo de atención a la población demandante de servicios de hospitales operando.\n• Implementación de sistema de compras de medicamentos unificado.\n• Estudio de mejora de las Unidades Ejecutoras en compras de medicamentos del nivel departamental y local de una muestra de país.\n'],
    ['MINEDUC',
      'Sistema informático  compras  en proceso de adquisición.\nProceso de contratación de empresas para mejorar funcionalidad: de DIGEPSA y los programas de apoyo becas y nutrición  y; la funcionalidad ESIRH en manejo de RRHH \n',
      'Sistema informático  compras implementado.\n\nDIGEPSA y ESIRH fortalecidas.\n'],
    ['Municipios', 'Contratación de ONG´s para  acuerdos locales y foros, contratadas', 'Foros territoriales para acuerdos políticos en salud y educación, establecidos'],
    ['Comunicación', 'Empresas de comunicación para derechos de salud y educación,  en proceso de contratación. ', 'Mensajes difundidos a nivel nacional y local.'],
    [],
    ['Estrategia Electoral'],
    [null, 'Trimestre 5', 'Trimestre 6', 'Trimestre 7', 'Trimestre 8'],
    [null, 'Oct – Dic 2010', 'Ene – Mar 2011', 'Abr – Jun 2011', 'Jul-Sep 2011'],
    ['Socios USAID',
      'Estrategia coordinada con socios en salud y educación',
      'Estrategia coordinada con socios en salud y educación. \nEstrategia puesta en ejecución según acuerdos entre socios y reparto de responsabilidades',
      null, null],
    ['Partidos políticos',
      'Consulta con los partidos políticos que cuentan con bancada en el Congreso. ',
      'Consulta  y acuerdos con equipos de los partidos que cuentan con bancada en el Congreso.\n',
      '- Producción de cuaderno técnico de inversión social\n- Suplemento juvenil en prensa, divulgado.\n\n- Desarrollo de talleres para   incorporación de  agenda en programas de candidatos  a puestos públicos. ',
      'Eventos públicos con candidatos a diputaciones , alcaldías y presidencia sobre la inclusión en sus  programas de gobierno de las áreas de salud y educación (se espera financiamiento compartido con los otros proyectos de USAID)'],
    ['Medios de comunicación ', null,
      'Servicio web sala de prensa, funcionando\nRed de Comunicadores de RNTC-AL reactivada \n',
      'Curso sobre periodismo y políticas sociales, dictado\n',
      'Debates públicos entre expertos de las áreas de salud y educación  y políticos  '],
    ['Ciudadanos y ciudadanas', null,
      'Mini-reportajes TV para sensibilizar, producidos\nSpot Radio, producidos ',
      'Mini-reportajes TV, transmitidos\nSpot Radio, transmitidos ',
      null],
    ['Empresas que hacen encuestas electorales', null, 'Propuesta para incluir los temas sociales en las encuestas electorales', null, null],
    [],
    ['Planes de Inversión Municipal en 12 Municipios'],
    [null, 'Trimestre 5', 'Trimestre 6', 'Trimestre 7', 'Trimestre 8'],
    [null, 'Oct – Dic 2010', 'Ene – Mar 2011', 'Abr – Jun 2011', 'Jul – Sep 2011'],
    ['Autoridades y equipos municipales', 'Convenios con alcaldes, firmados', 'Capacidades fortalecidas',
      'Herramientas TIC desarrolladas\nPlanes elaborados', 'Herramientas en aplicación\nPlanes en aplicación'],
    ['Organizaciones comunitarias', null, 'Instalación de mesas de diálogo',
      'Capacitación en auditoría social\nObservatorios establecidos', 'Propuesta para distritos escolares y de salud, presentada'],
    [],
    // Pasted without its merge: the band is a lone text in column A.
    ['PISI Expandida y Consolidada'],
    [null, 'Trimestre 5', 'Trimestre 6', 'Trimestre 7', 'Trimestre 8'],
    [null, 'Oct – Dic 2010', 'Ene – Mar 2011', 'Abr – Jun 2011', 'Jul – Sep 2011'],
    ['Consolidación', 'Comisión de articulación establecida', 'Marco legal y conceptual de la PISI', 'Política de acceso y seguridad elaborada', 'PISI consolidada'],
    ['Expansión', 'Plan de ejecución de sugerencias elaborado', 'Reevaluación de necesidades y carencias', 'Estructura tecnológica consolidada', 'Soporte técnico a los socios para consolidación'],
    ['Ampliación de usuarios', '• Plan de apoyos a comunidad de usuarios\n• Plan de formación y capacitación de usuarios',
      'Promoción para incorporar nuevos usuarios', 'Programa de becas para desarrollo de aplicaciones', 'Base de usuarios y analistas ampliada y desarrollada'],
  ],
  // 0-based rows and columns, inclusive.
  merges: [[2, 0, 2, 2], [11, 0, 11, 4], [20, 0, 20, 4]],
};

const WATER = {
  file: 'milestone-calendar-water-2024.xlsx',
  sheet: 'Milestone calendar',
  widths: [30, 40, 40, 40, 40],
  rows: [
    ['Water Governance Joint Programme — Milestone calendar 2024–2025'],
    [],
    ['Outcome 1: Policy and regulation'],
    // "Milestones" spans the quarters: with "Lead", the row also reads as an action table's header.
    ['Lead', 'Milestones'],
    [null, 'Q1 2024', 'Q2 2024', 'Q3 2024', 'Q4 2024'],
    ['Ministry of Environment', '• National water policy drafted\n• Stakeholder consultation held', 'Policy submitted to Cabinet', null, 'Policy approved'],
    ['Water Regulator (ARAS)', null, '- Tariff study commissioned', '- Tariff study delivered\n- Tariff proposal published', null],
    ['Municipal associations', 'Workshop on the regulation', null, null, '12 municipal bylaws adopted'],
    [],
    ['Outcome 2: Services'],
    ['Partner', 'Q1 FY25', 'Q2 FY25', 'Q3 FY25'],
    ['Water boards (JAAPs)', 'Board members trained\nAccounts opened', '* Tariffs collected monthly', 'Annual assembly held'],
    ['NGO partners', 'Baseline survey completed', null, 'Follow-up survey completed\nReport published'],
    [],
    ['Outcome 3: Knowledge'],
    ['Responsible', 'H1 2025', 'H2 2025'],
    ['Programme team', 'Mid-term review\nLessons learned note', 'Final evaluation'],
  ],
  merges: [[2, 0, 2, 4], [3, 1, 3, 4], [9, 0, 9, 3], [14, 0, 14, 2]],
};

// ---------------------------------------------------------------------------------------------
// A minimal .xlsx: inline strings, a wrap-text style for every cell, merges, column widths.

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function col(c) {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
const ref = (r, c) => `${col(c)}${r + 1}`;

function sheetXml(book) {
  const rows = book.rows
    .map((row, r) => {
      const cells = row
        .map((v, c) => (v === null || v === undefined ? '' : `<c r="${ref(r, c)}" s="1" t="inlineStr"><is><t xml:space="preserve">${esc(v)}</t></is></c>`))
        .join('');
      return cells ? `<row r="${r + 1}">${cells}</row>` : '';
    })
    .join('');
  const cols = book.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  const merges = book.merges.length
    ? `<mergeCells count="${book.merges.length}">${book.merges.map(([r0, c0, r1, c1]) => `<mergeCell ref="${ref(r0, c0)}:${ref(r1, c1)}"/>`).join('')}</mergeCells>`
    : '';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cols>${cols}</cols><sheetData>${rows}</sheetData>${merges}</worksheet>`;
}

const STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

function workbook(book) {
  const files = {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    'xl/workbook.xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      `<sheets><sheet name="${esc(book.sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    'xl/styles.xml': STYLES,
    'xl/worksheets/sheet1.xml': sheetXml(book),
  };
  const entries = {};
  for (const [name, text] of Object.entries(files)) entries[name] = [strToU8(text), { mtime: new Date('2024-01-01T00:00:00Z') }];
  return zipSync(entries, { level: 6 });
}

if (require.main === module) {
  for (const book of [GUATEMALA, WATER]) {
    fs.writeFileSync(path.join(OUT, book.file), workbook(book));
    console.log(`wrote tests/fixtures/${book.file}`);
  }
}

module.exports = { GUATEMALA, WATER, workbook };
