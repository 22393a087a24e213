// Types into cells of an existing .xlsx the way a user would in Excel (inline strings), independent of
// our writer: unzip, edit the sheet XML, zip again. Only what the tests need: text into any cell.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { parseA1 } from '../../src/core/grid';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function sheetPath(files: Record<string, Uint8Array>, name: string): string {
  const wb = strFromU8(files['xl/workbook.xml'] as Uint8Array);
  const rels = strFromU8(files['xl/_rels/workbook.xml.rels'] as Uint8Array);
  const sheet = [...wb.matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0]).find((tag) => tag.includes(`name="${esc(name)}"`));
  const rid = sheet && /r:id="([^"]+)"/.exec(sheet)?.[1];
  const rel = rid && [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((tag) => tag.includes(`Id="${rid}"`));
  const target = rel && /Target="([^"]+)"/.exec(rel)?.[1];
  if (!target) throw new Error(`no sheet ${name}`);
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

/** Sets text cells ({"G8": "Completada"}) on the named sheet; returns the new workbook's bytes. */
export function typeIntoCells(bytes: Uint8Array, sheet: string, cells: Readonly<Record<string, string>>): Uint8Array {
  const files = unzipSync(bytes);
  const path = sheetPath(files, sheet);
  let xml = strFromU8(files[path] as Uint8Array);
  for (const [ref, text] of Object.entries(cells)) {
    const p = parseA1(ref);
    if (!p) throw new Error(`bad address ${ref}`);
    const cell = `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${esc(text)}</t></is></c>`;
    const existing = new RegExp(`<c r="${ref}"(?:[^>]*/>|[^>]*>[\\s\\S]*?</c>)`);
    if (existing.test(xml)) {
      xml = xml.replace(existing, cell);
      continue;
    }
    const row = new RegExp(`(<row r="${p.r + 1}"[^>]*>)([\\s\\S]*?)(</row>)`);
    if (!row.test(xml)) throw new Error(`row ${p.r + 1} is not in the sheet`);
    // Cells stay in column order: the new one goes before the first cell to its right.
    xml = xml.replace(row, (_m, open: string, body: string, close: string) => {
      const cellsIn = [...body.matchAll(/<c r="([A-Z]+)\d+"(?:[^>]*\/>|[^>]*>[\s\S]*?<\/c>)/g)];
      const after = cellsIn.find((m) => (parseA1(`${m[1]}1`)?.c ?? 0) > p.c);
      return after && after.index !== undefined
        ? open + body.slice(0, after.index) + cell + body.slice(after.index) + close
        : open + body + cell + close;
    });
  }
  files[path] = strToU8(xml);
  return zipSync(files);
}
