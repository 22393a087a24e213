// Generates a SIASAR-style monitoring workbook for the roll-up benchmark: N communities with one water
// system and one service provider each, laid out like ../shared/fixtures/monitoreo-ptps-honduras-2017.xlsx
// (three sheets, one header row), written the way Excel writes (shared strings, r= on rows and cells),
// with the mess real sheets carry: a "Total <departamento>" row after each department, blank rows,
// and some counts typed as text with a Spanish thousands dot ("1.234").
'use strict';
const { zipSync, strToU8 } = require('fflate');

/** Small deterministic PRNG (mulberry32): the same seed gives the same workbook. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function colLetters(c) {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Builds sheet XML row by row with a shared-string table common to the workbook. */
class SheetWriter {
  constructor(sst) {
    this.sst = sst;
    this.parts = [];
    this.r = 0;
    this.letters = Array.from({ length: 16 }, (_, c) => colLetters(c));
  }
  row(cells) {
    const r = ++this.r;
    let xml = `<row r="${r}">`;
    for (let c = 0; c < cells.length; c++) {
      const v = cells[c];
      if (v === null || v === undefined || v === '') continue;
      const ref = this.letters[c] + r;
      if (typeof v === 'number') xml += `<c r="${ref}"><v>${v}</v></c>`;
      else xml += `<c r="${ref}" t="s"><v>${this.sst.index(v)}</v></c>`;
    }
    this.parts.push(xml + '</row>');
  }
  /** A blank row: Excel stores nothing for it, the row numbers just skip one. */
  skip() {
    this.r++;
  }
  xml() {
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      `<dimension ref="A1:J${this.r}"/><sheetData>` +
      this.parts.join('') +
      '</sheetData></worksheet>'
    );
  }
}

class SharedStrings {
  constructor() {
    this.map = new Map();
    this.list = [];
    this.count = 0;
  }
  index(s) {
    this.count++;
    let i = this.map.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.map.set(s, i);
      this.list.push(s);
    }
    return i;
  }
  xml() {
    return (
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.count}" uniqueCount="${this.list.length}">` +
      this.list.map((s) => `<si><t>${esc(s)}</t></si>`).join('') +
      '</sst>'
    );
  }
}

const DEPARTMENTS = [
  'Atlántida', 'Colón', 'Comayagua', 'Copán', 'Cortés', 'Choluteca', 'El Paraíso', 'Francisco Morazán', 'Gracias a Dios',
  'Intibucá', 'Islas de la Bahía', 'La Paz', 'Lempira', 'Ocotepeque', 'Olancho', 'Santa Bárbara', 'Valle', 'Yoro',
];
const SYSTEM_TYPES = ['Gravedad', 'Gravedad', 'Gravedad', 'Bombeo', 'Pozo con bomba manual'];
const PROVIDER_TYPES = ['Junta de Agua', 'Junta de Agua', 'Junta de Agua', 'Prestador municipal', 'Empresa privada'];

/** Weighted pick: cumulative weights in [0, 1]. */
function pick(rand, cats, cum) {
  const x = rand();
  for (let i = 0; i < cum.length; i++) if (x < cum[i]) return cats[i];
  return cats[cats.length - 1];
}

/** Spanish thousands dot: 1234 → "1.234". */
const asSpanishText = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/**
 * The workbook as bytes, plus what was put in it (so a run can check both tools found the same sums).
 * `communities` is the number of community rows; systems and providers come one per community.
 */
function generateMonitoringWorkbook({ communities = 100000, seed = 2017, municipalitiesPerDepartment = 17 } = {}) {
  const rand = prng(seed);
  const sst = new SharedStrings();
  const com = new SheetWriter(sst);
  const sys = new SheetWriter(sst);
  const prov = new SheetWriter(sst);
  com.row(['Departamento', 'Municipio', 'Comunidad', 'Viviendas', 'Viviendas con agua', 'Viviendas con saneamiento', 'Escuelas', 'Escuelas con APS', 'Centros de salud', 'Centros de salud con APS']);
  sys.row(['Código sistema', 'Departamento', 'Municipio', 'Comunidad', 'Tipo de sistema', 'Categoría SIASAR', 'Cloración', 'Muestras analizadas', 'Muestras aptas']);
  prov.row(['Prestador', 'Departamento', 'Municipio', 'Tipo de prestador', 'Categoría SIASAR', 'Cobra tarifa', 'Rinde cuentas']);

  const expected = { communities: 0, households: 0, water: 0, sanitation: 0, textNumbers: 0, totalRows: 0, blankRows: 0 };
  const perDept = Math.ceil(communities / DEPARTMENTS.length);
  let n = 0;
  for (let d = 0; d < DEPARTMENTS.length && n < communities; d++) {
    const dept = DEPARTMENTS[d];
    const sum = [0, 0, 0, 0, 0, 0, 0];
    const inDept = Math.min(perDept, communities - n);
    for (let i = 0; i < inDept; i++, n++) {
      const m = Math.floor((i * municipalitiesPerDepartment) / inDept);
      const muni = `${dept} - Municipio ${String(m + 1).padStart(2, '0')}`;
      const name = `${muni} - Comunidad ${String(i + 1).padStart(5, '0')}`;
      // Municipal coverage levels differ so that the threshold counts mean something.
      const level = 0.55 + 0.4 * (((m * 7 + d * 3) % 10) / 10);
      const big = rand() < 0.01;
      const hh = big ? 1000 + Math.floor(rand() * 2500) : 40 + Math.floor(rand() * 320);
      const water = Math.min(hh, Math.round(hh * (level + (rand() - 0.5) * 0.2)));
      const san = Math.min(hh, Math.round(hh * (level - 0.03 + (rand() - 0.5) * 0.2)));
      const schools = Math.floor(rand() * 4);
      const schoolsWash = Math.min(schools, Math.round(schools * (0.7 + rand() * 0.4)));
      const health = rand() < 0.3 ? 1 : 0;
      const healthWash = health && rand() < 0.75 ? 1 : 0;
      // Large communities were typed by hand as text in a Spanish-locale sheet.
      const hhCell = big ? asSpanishText(hh) : hh;
      if (big) expected.textNumbers++;
      com.row([dept, muni, name, hhCell, water, san, schools, schoolsWash, health, healthWash]);
      const vals = [hh, water, san, schools, schoolsWash, health, healthWash];
      for (let k = 0; k < 7; k++) sum[k] += vals[k];
      expected.communities++;
      expected.households += hh;
      expected.water += water;
      expected.sanitation += san;

      const code = `HN-${String(d + 1).padStart(2, '0')}-${String(i + 1).padStart(5, '0')}`;
      const cat = pick(rand, ['A', 'B', 'C', 'D'], [0.67, 0.99, 0.999]);
      const tested = Math.floor(rand() * 5);
      const passed = Math.floor(tested * rand() * 0.6);
      sys.row([code, dept, muni, name, SYSTEM_TYPES[i % SYSTEM_TYPES.length], cat, rand() < 0.5 ? 'Sí' : 'No', tested, passed]);

      const pcat = pick(rand, ['A', 'B', 'C', 'D'], [0.08, 0.79, 0.98]);
      prov.row([`Junta Administradora de Agua ${name}`, dept, muni, PROVIDER_TYPES[i % PROVIDER_TYPES.length], pcat, rand() < 0.58 ? 'Sí' : 'No', rand() < 0.42 ? 'Sí' : 'No']);

      if (n % 20000 === 19999) {
        com.skip();
        sys.skip();
        expected.blankRows++;
      }
    }
    // The officer's subtotal under each department: the rows a hand roll-up adds twice.
    com.row([`Total ${dept}`, null, null, ...sum]);
    expected.totalRows++;
  }

  const sheets = [
    ['Comunidades', com],
    ['Sistemas', sys],
    ['Prestadores', prov],
  ];
  const files = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    'xl/workbook.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' +
        sheets.map(([name], i) => `<sheet name="${esc(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
        '</sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
        `<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>` +
        `<Relationship Id="rId${sheets.length + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    ),
    'xl/styles.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>',
    ),
  };
  sheets.forEach(([, w], i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(w.xml());
  });
  files['xl/sharedStrings.xml'] = strToU8(sst.xml());
  return { bytes: zipSync(files, { level: 6 }), expected };
}

module.exports = { generateMonitoringWorkbook, SheetWriter, SharedStrings };
