// A reader considered for `tablero rollup` and measured by scripts/bench-rollup.js: fflate to unzip,
// the saxes SAX parser (already in node_modules, via jsdom) to walk the XML, building the same
// rows-of-cells grid as src/hosts/xlsx/read.ts. Kept for the measurement only; see docs/bench-rollup.md.
'use strict';
const fs = require('node:fs');
const { unzipSync, strFromU8 } = require('fflate');
const { SaxesParser } = require('saxes');

function colIndex(ref) {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + c - 64;
  }
  return n - 1;
}

function sharedStrings(xml) {
  const out = [];
  let text = '';
  let inT = false;
  const p = new SaxesParser();
  p.on('opentag', (t) => {
    if (t.name === 'si') text = '';
    else if (t.name === 't') inT = true;
  });
  p.on('text', (s) => {
    if (inT) text += s;
  });
  p.on('closetag', (t) => {
    if (t.name === 't') inT = false;
    else if (t.name === 'si') out.push(text);
  });
  p.write(xml).close();
  return out;
}

function sheetRows(xml, sst) {
  const rows = [];
  let row = null;
  let col = -1;
  let type = '';
  let value = '';
  let inV = false;
  const p = new SaxesParser();
  p.on('opentag', (t) => {
    if (t.name === 'row') {
      row = [];
      rows[Number(t.attributes.r) - 1] = row;
    } else if (t.name === 'c') {
      col = colIndex(t.attributes.r);
      type = t.attributes.t || 'n';
      value = '';
    } else if (t.name === 'v' || t.name === 't') inV = true;
  });
  p.on('text', (s) => {
    if (inV) value += s;
  });
  p.on('closetag', (t) => {
    if (t.name === 'v' || t.name === 't') inV = false;
    else if (t.name === 'c' && row) row[col] = type === 's' ? sst[Number(value)] : type === 'n' ? Number(value) : value;
  });
  p.write(xml).close();
  return rows;
}

/** Reads every sheet to a grid and prints the number of cells as JSON (for the benchmark). */
function saxesCells(file) {
  const files = unzipSync(new Uint8Array(fs.readFileSync(file)));
  const sst = files['xl/sharedStrings.xml'] ? sharedStrings(strFromU8(files['xl/sharedStrings.xml'])) : [];
  let cells = 0;
  for (const name of Object.keys(files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    for (const r of sheetRows(strFromU8(files[name]), sst)) if (r) for (const v of r) if (v !== undefined) cells++;
  }
  process.stdout.write(JSON.stringify({ cells }) + '\n');
}

module.exports = { saxesCells };
