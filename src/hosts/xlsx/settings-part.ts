// Tablero's settings stored inside the workbook as a custom XML part (namespace below), the same
// place Office.js reaches with workbook.customXmlParts.getByNamespace(SETTINGS_NAMESPACE). The browser
// host reads and writes it here; the CLI reads it (readSavedSettings) so it honours what the pane saved.
// The settings' schema and text form are src/core/workbook-state; this file only finds and writes the part.
import { isSettingsXml, parseSettingsXml, SETTINGS_NAMESPACE, settingsXml } from '../../core/workbook-state';
import type { Parts } from './edit';
import { addWorkbookRel, ensureDefaultXml, ensureOverride, readText, unzipParts, workbookRelTargets, writeText } from './edit';

export { SETTINGS_NAMESPACE };
const CUSTOM_XML_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml';
const PROPS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps';
const PROPS_TYPE = 'application/vnd.openxmlformats-officedocument.customXmlProperties+xml';

function findPart(parts: Parts): string | null {
  for (const target of workbookRelTargets(parts, CUSTOM_XML_REL)) {
    const xml = readText(parts, target);
    if (xml && isSettingsXml(xml)) return target;
  }
  return null;
}

/** The stored JSON, parsed; undefined when there is none, or the raw text when it is not JSON. */
export function readSettingsPart(parts: Parts): unknown {
  const path = findPart(parts);
  return path ? parseSettingsXml(readText(parts, path) ?? '') : undefined;
}

/** The settings saved in .xlsx bytes, raw (validate with parseSettings); undefined when there are none. */
export function readSavedSettings(bytes: Uint8Array): unknown {
  return readSettingsPart(unzipParts(bytes));
}

function newGuid(): string {
  const hex = '0123456789ABCDEF';
  let s = '';
  for (let i = 0; i < 32; i++) s += hex[Math.floor(Math.random() * 16)];
  return `{${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}}`;
}

export function writeSettingsPart(parts: Parts, settings: unknown): void {
  const body = settingsXml(settings);
  const existing = findPart(parts);
  if (existing) {
    writeText(parts, existing, body);
    return;
  }
  let n = 1;
  while (parts.has(`customXml/item${n}.xml`)) n++;
  const item = `customXml/item${n}.xml`;
  const props = `customXml/itemProps${n}.xml`;
  writeText(parts, item, body);
  writeText(
    parts,
    props,
    `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="${newGuid()}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="${SETTINGS_NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>`,
  );
  writeText(
    parts,
    `customXml/_rels/item${n}.xml.rels`,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${PROPS_REL}" Target="itemProps${n}.xml"/></Relationships>`,
  );
  ensureOverride(parts, props, PROPS_TYPE);
  if (!ensureDefaultXml(parts)) ensureOverride(parts, item, 'application/xml');
  addWorkbookRel(parts, CUSTOM_XML_REL, `../${item}`);
}
