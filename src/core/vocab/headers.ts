// Header synonyms (es, en, pt) for each column role of a key-action table. Data, compared folded.
import { foldWords } from '../text';
import type { Role } from '../model';

export const HEADER_SYNONYMS: Readonly<Record<Role, readonly string[]>> = {
  action: [
    'Acciones clave', 'Acción clave', 'Acciones', 'Acción', 'Actividad', 'Actividades', 'Hito', 'Hitos',
    'Key action', 'Key actions', 'Action', 'Actions', 'Activity', 'Activities', 'Milestone', 'Milestones',
    'Ação', 'Ações', 'Ação chave', 'Ações chave', 'Atividade', 'Atividades',
  ],
  deadline: [
    'Plazo', 'Plazos', 'Fecha límite', 'Fecha de cumplimiento', 'Fecha de vencimiento', 'Fecha de término',
    'Fecha de finalización', 'Fecha fin', 'Fecha prevista', 'Fecha de entrega', 'Fecha', 'Período', 'Período de ejecución',
    'Período de cumplimiento', 'Cronograma',
    'Due date', 'Deadline', 'Completion date', 'Target date', 'End date', 'Time frame', 'Timeframe', 'Period', 'Timeline',
    'Prazo', 'Data limite', 'Data de conclusão', 'Data prevista', 'Período de execução', 'Cronograma',
  ],
  responsible: [
    'Responsable/s', 'Responsables', 'Responsable', 'Unidad responsable', 'Unidades responsables', 'Encargado',
    'Responsible', 'Responsible unit', 'Responsible units', 'Responsible party', 'Lead',
    'Responsável', 'Responsáveis', 'Unidade responsável',
  ],
  status: [
    'Estado', 'Estado de avance', 'Estado actual', 'Nivel de cumplimiento', 'Situación', 'Avance',
    'Status', 'Tracking status', 'Progress', 'Completion level',
    'Situação', 'Estado de execução', 'Andamento',
  ],
  comments: [
    'Comentarios', 'Comentario', 'Observaciones', 'Observación', 'Comentarios de seguimiento',
    'Comments', 'Comment', 'Remarks', 'Notes', 'Tracking comments',
    'Observações', 'Observação', 'Comentários',
  ],
  id: ['N°', 'Nº', 'No.', 'No', 'Nro.', 'Núm.', 'Número', '#', 'Id', 'ID'],
};

/** A header cell folded for comparison; a trailing "(dd/mm/aaaa)"-style note is dropped. */
export function headerKey(text: string): string {
  return foldWords(text.replace(/\([^)]*\)\s*$/, ''));
}

const ROLE_BY_KEY: ReadonlyMap<string, Role> = (() => {
  const m = new Map<string, Role>();
  for (const [role, words] of Object.entries(HEADER_SYNONYMS) as [Role, readonly string[]][]) {
    for (const w of words) m.set(headerKey(w), role);
  }
  return m;
})();

/** The role a header cell names, or null. */
const roleCache = new Map<string, Role | null>();

export function roleOf(text: string): Role | null {
  if (text.length > 60 || text.length === 0) return null; // headers are short; long cells are data
  // Every cell of every row is asked: short cells repeat (names, statuses), so answers are kept.
  const hit = roleCache.get(text);
  if (hit !== undefined) return hit;
  const role = ROLE_BY_KEY.get(headerKey(text)) ?? null;
  if (roleCache.size > 20_000) roleCache.clear();
  roleCache.set(text, role);
  return role;
}
