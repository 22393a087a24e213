// Which name to ask the writers for when rewriting a sheet of ours that was found by its mark and
// content: the base name it was written under, so both writers (whose "ours" follows the name asked,
// the Office one by the mark's requested name) land on the same sheet and never add "(2) (2)".
import { LANGS, t, type Catalogue } from './i18n';

/**
 * `existing`: the name of our sheet as found ("Tablero historial (2)" beside a user's "Tablero historial").
 * Returns the catalogue name it carries in any language, bare ("Tablero historial"), else the name itself
 * (a user renamed it), else undefined (no sheet yet: the caller's language names it).
 */
export function rewriteName(existing: string | undefined, key: keyof Catalogue['pane']): string | undefined {
  if (existing === undefined) return undefined;
  const lower = existing.toLowerCase();
  for (const l of LANGS) {
    const base = t(l, 'pane', key);
    const b = base.toLowerCase();
    if (lower === b || (lower.startsWith(`${b} (`) && /^ \(\d+\)$/.test(lower.slice(b.length)))) return base;
  }
  return existing;
}
