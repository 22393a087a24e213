// The settings the pane saved in a workbook (a custom XML part in Tablero's namespace, as the Office
// host and the browser host write it), read from .xlsx bytes so the CLI honours them too. The part's
// schema and text form are src/core/workbook-state; this file only finds the part.
import { isSettingsXml, parseSettingsXml } from '../../core/workbook-state';
import { openPackage, relKind, type XlsxPackage } from './package';

/** The stored settings, raw (validate with parseSettings); undefined when the workbook holds none. */
export function readSavedSettings(source: Uint8Array | XlsxPackage): unknown {
  const pkg = source instanceof Uint8Array ? openPackage(source) : source;
  for (const rel of pkg.workbookRels) {
    if (relKind(rel.type) !== 'customXml' || !rel.path) continue;
    const xml = pkg.textOf(rel.path);
    if (xml !== null && isSettingsXml(xml)) return parseSettingsXml(xml);
  }
  return undefined;
}
