// How Tablero recognises the sheets it wrote. Where Excel supports worksheet custom properties
// (ExcelApi 1.12) each sheet carries the property "Tablero" — the same mark the .xlsx host reads
// (TABLERO_MARK in src/hosts/xlsx/read.ts). On older Excel a hidden registry sheet lists our sheets
// by worksheet id, name and title, and the registry is itself recognised by its first cell.
import type { WriteValue } from './layout';
import { textValue } from './layout';

/** Worksheet custom property key: the same name the .xlsx host looks for. */
export const MARK_KEY = 'Tablero';

export interface MarkMeta {
  /** The name the sheet was asked for ("Seguimiento"), or null when unknown (marked by another host). */
  readonly requested: string | null;
  /** 1-based row of the status line. */
  readonly statusRow: number | null;
}

export function markValue(meta: MarkMeta): string {
  return JSON.stringify({ v: 1, requested: meta.requested, statusRow: meta.statusRow });
}

/** Any value counts as our mark; what we can read of it is kept. */
export function parseMark(value: unknown): MarkMeta {
  if (typeof value !== 'string') return { requested: null, statusRow: null };
  try {
    const o = JSON.parse(value) as { requested?: unknown; statusRow?: unknown };
    return {
      requested: typeof o.requested === 'string' ? o.requested : null,
      statusRow: typeof o.statusRow === 'number' && Number.isInteger(o.statusRow) && o.statusRow > 0 ? o.statusRow : null,
    };
  } catch {
    return { requested: null, statusRow: null };
  }
}

export const REGISTRY_NAME = 'Tablero_Registro';
/**
 * First cell of the registry. A fixed bilingual text, not a catalogue message: it is how the sheet is
 * recognised, so it must not change with the user's language.
 */
export const REGISTRY_SIGNATURE = 'Tablero: registro interno de hojas / internal sheet registry (no editar / do not edit)';
const REGISTRY_HEADER = ['id', 'hoja / sheet', 'pedida / requested', 'título / title', 'fila de estado / status row'];

export interface RegistryRecord {
  /** Worksheet.id: survives renames. */
  readonly id: string;
  readonly name: string;
  readonly requested: string | null;
  /** What we wrote in A1: with the name, recognises our sheet when Excel gives it a new id. */
  readonly title: string;
  readonly statusRow: number | null;
}

export function isRegistryName(name: string): boolean {
  const n = name.toLowerCase();
  const base = REGISTRY_NAME.toLowerCase();
  return n === base || n.startsWith(`${base} (`);
}

/** The registry's cells, A1 down. */
export function registryValues(records: readonly RegistryRecord[]): WriteValue[][] {
  return [
    [textValue(REGISTRY_SIGNATURE), '', '', '', ''],
    REGISTRY_HEADER.map(textValue),
    ...records.map((r) => [textValue(r.id), textValue(r.name), r.requested ? textValue(r.requested) : '', r.title ? textValue(r.title) : '', r.statusRow ?? '']),
  ];
}

/** The records, or null when these values are not a registry (a user sheet that took the name). */
export function parseRegistry(values: readonly (readonly unknown[])[]): RegistryRecord[] | null {
  if (values[0]?.[0] !== REGISTRY_SIGNATURE) return null;
  const out: RegistryRecord[] = [];
  for (const row of values.slice(2)) {
    const id = typeof row[0] === 'string' ? row[0] : '';
    const name = typeof row[1] === 'string' ? row[1] : '';
    if (!id && !name) continue;
    const status = typeof row[4] === 'number' && row[4] > 0 ? row[4] : null;
    out.push({
      id,
      name,
      requested: typeof row[2] === 'string' && row[2] ? row[2] : null,
      title: typeof row[3] === 'string' ? row[3] : '',
      statusRow: status,
    });
  }
  return out;
}
