// Header synonyms (es, en, pt) for each column role of a key-action table. Data, compared folded.
import { textCache } from '../caches';
import { foldWords, plainCode } from '../text';
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
    'Institución responsable', 'Instituciones responsables', 'Institución', 'Entidad', 'Entidad responsable',
    'Entidades responsables', 'Organismo responsable', 'Institución líder', 'Entidad líder',
    'Responsible', 'Responsible unit', 'Responsible units', 'Responsible party', 'Lead', 'Lead agency', 'Lead institution',
    'Lead organisation', 'Lead organization', 'Responsible institution', 'Responsible agency', 'Responsible entity',
    'Responsável', 'Responsáveis', 'Unidade responsável', 'Instituição responsável', 'Órgão responsável', 'Entidade responsável',
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
  id: [
    'N°', 'Nº', 'No.', 'No', 'Nro.', 'Núm.', 'Número', '#', 'Id', 'ID',
    'N° hito', 'N° de hito', 'Número de hito', 'N° acción', 'N° de acción', 'Número de acción', 'N° actividad', 'Código', 'Cód.',
    'Code', 'Ref.', 'Ref', 'Item', 'Action No.', 'Action #', 'Milestone No.', 'Milestone #', 'Nr.', 'N.º', 'Código da ação',
  ],
  // A grouping column: its number (or its text) is the action's recommendation, as a band would say.
  recommendation: [
    'Compromiso', 'Compromisos', 'Componente', 'Componentes', 'Eje', 'Ejes', 'Eje estratégico', 'Eje temático', 'Objetivo',
    'Objetivos', 'Objetivo estratégico', 'Recomendación', 'Recomendaciones', 'Recomendación N°', 'Pilar', 'Línea de acción',
    'Commitment', 'Commitments', 'Component', 'Outcome', 'Outcomes', 'Objective', 'Recommendation', 'Recommendations', 'Pillar',
    'Compromisso', 'Compromissos', 'Eixo', 'Eixo estratégico', 'Recomendação', 'Recomendações',
  ],
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

/**
 * The first three characters of a text packed in a number, when folding keeps them as they are: plain ones (see
 * plainCode), or one space between plain ones ("En curso", as status cells read); else -1.
 */
function plainHead(text: string): number {
  let head = 0;
  for (let i = 0; i < 3; i++) {
    let c = plainCode(text, i);
    if (c === -1 && i > 0 && text.charCodeAt(i) === 32 && plainCode(text, i + 1) !== -1) c = 32;
    if (c === -1) return -1;
    head = head * 128 + c;
  }
  return head;
}

/** Every header word's plain head: a cell with a plain head not among them names no role. */
const KEY_HEADS: ReadonlySet<number> = new Set([...ROLE_BY_KEY.keys()].map(plainHead).filter((h) => h !== -1));

/** The role a header cell names, or null. */
const roleCache = textCache<Role | null>();

export function roleOf(text: string): Role | null {
  if (text.length > 60 || text.length === 0) return null; // headers are short; long cells are data
  // Most cells are data: rule them out by their first letters before hashing them for the cache.
  const head = plainHead(text);
  if (head !== -1 && !KEY_HEADS.has(head)) return null;
  // Every cell of every row is asked: short cells repeat (names, statuses), so answers are kept.
  const hit = roleCache.get(text);
  if (hit !== undefined) return hit;
  const role = ROLE_BY_KEY.get(headerKey(text)) ?? null;
  if (roleCache.size > 20_000) roleCache.clear();
  roleCache.set(text, role);
  return role;
}
