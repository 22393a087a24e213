// Status words → canonical status. Data, matched after folding (case, accents, punctuation, spaces).
import { z } from 'zod';
import { foldWords, levenshtein } from '../text';
import type { StatusId } from '../model';

export type CanonicalStatus = Exclude<StatusId, 'missing' | 'unknown'>;
export const CANONICAL_STATUSES: readonly CanonicalStatus[] = ['completed', 'in_progress', 'not_started', 'not_applicable'];

/** Built-in words, as users write them (seeds, UNDP, open government, Portuguese, common variants). */
export const BUILTIN_STATUS_WORDS: Readonly<Record<CanonicalStatus, readonly string[]>> = {
  completed: [
    'Concluido', 'Concluida', 'Concluido y en marcha', 'Completado', 'Completada', 'Completo', 'Completa',
    'Finalizado', 'Finalizada', 'Cumplido', 'Cumplida', 'Terminado', 'Terminada', 'Ejecutado', 'Ejecutada',
    'Realizado', 'Realizada', 'Logrado', 'Lograda', 'Hecho',
    'Completed', 'Complete', 'Done', 'Finished', 'Achieved', 'Fully implemented',
    'Concluída', 'Concluído', 'Finalizada', 'Realizada', 'Cumprido', 'Cumprida',
  ],
  in_progress: [
    'En ejecución', 'En construcción', 'En proceso', 'En proceso de definición de Agenda', 'En curso', 'En marcha',
    'En desarrollo', 'En progreso', 'En elaboración', 'En preparación', 'En trámite', 'En revisión',
    'En implementación', 'Iniciado', 'Iniciada', 'Avanzado', 'Parcial', 'Parcialmente cumplido',
    'Parcialmente cumplida', 'Sustancial', 'Limitado',
    'Initiated', 'In progress', 'Ongoing', 'Underway', 'Under way', 'Started', 'Partially completed', 'Partially implemented',
    'Em andamento', 'Em execução', 'Em curso', 'Em progresso', 'Em construção', 'Em elaboração', 'Iniciado', 'Parcialmente cumprido',
  ],
  not_started: [
    'Sin iniciar', 'No iniciado', 'No iniciada', 'Pendiente', 'Por iniciar', 'No comenzado', 'No comenzada', 'Sin comenzar',
    'Not initiated', 'Not started', 'Pending', 'Not yet started',
    'Não iniciada', 'Não iniciado', 'Pendente', 'A iniciar', 'Por iniciar',
  ],
  not_applicable: [
    'Ya no aplica', 'No aplica', 'Cancelada', 'Cancelado', 'Descartada', 'Descartado', 'Anulada', 'Anulado', 'Desestimada',
    'No longer applicable', 'Not applicable', 'Cancelled', 'Canceled', 'Dropped', 'N/A',
    'Não se aplica', 'Não aplicável', 'Cancelada',
  ],
};

/** A user's own words (CLI --vocabulary FILE.json, pane settings): validated at the boundary. */
export const statusVocabularySchema = z
  .object({
    completed: z.array(z.string().min(1)).optional(),
    in_progress: z.array(z.string().min(1)).optional(),
    not_started: z.array(z.string().min(1)).optional(),
    not_applicable: z.array(z.string().min(1)).optional(),
  })
  .strict();

export type StatusVocabulary = z.infer<typeof statusVocabularySchema>;

export interface StatusMatch {
  readonly status: StatusId;
  /** For unknown words: the nearest word in the vocabulary. */
  readonly suggestion?: string;
}

/** Shared answers for known words: matching runs once per action and allocates nothing. */
const MATCHED: Readonly<Record<CanonicalStatus | 'missing', StatusMatch>> = {
  completed: { status: 'completed' },
  in_progress: { status: 'in_progress' },
  not_started: { status: 'not_started' },
  not_applicable: { status: 'not_applicable' },
  missing: { status: 'missing' },
};

interface Entry {
  readonly key: string;
  readonly display: string;
  readonly status: CanonicalStatus;
}

/** Folded like statuses are compared: no case, accents, punctuation or extra spaces. */
function statusKey(s: string): string {
  return foldWords(s.includes('<') ? s.replace(/<\/?p>/gi, ' ') : s);
}

/** Words that turn a status into its opposite (compared folded). */
export const NEGATION_WORDS: readonly string[] = ['no', 'sin', 'not', 'nao', 'non', 'ningun', 'ninguna', 'nunca', 'never', 'un', 'falta'];
const NEGATIONS: ReadonlySet<string> = new Set(NEGATION_WORDS);

function isNegated(key: string): boolean {
  for (const w of key.split(' ')) if (NEGATIONS.has(w)) return true;
  return false;
}

/** The most edits a typo makes: 2, or a quarter of the longer word (one slip every four letters). */
function typoDistance(a: string, b: string): number {
  return Math.max(2, Math.floor(Math.max(a.length, b.length) / 4));
}

/** Bound on the answers a matcher keeps (cleared when full). */
const ANSWERS_KEPT = 5_000;

/** A vocabulary ready to match: its words by folded key, and all of them longest first. */
interface Compiled {
  readonly exact: ReadonlyMap<string, Entry>;
  readonly entries: readonly Entry[];
}

function compile(extra: StatusVocabulary): Compiled {
  const exact = new Map<string, Entry>();
  const entries: Entry[] = [];
  const add = (word: string, status: CanonicalStatus): void => {
    const key = statusKey(word);
    if (!key || exact.has(key)) return;
    const e = { key, display: word, status };
    exact.set(key, e);
    entries.push(e);
  };
  // User words first: they win over a built-in word folded to the same key.
  for (const status of CANONICAL_STATUSES) for (const w of extra[status] ?? []) add(w, status);
  for (const status of CANONICAL_STATUSES) for (const w of BUILTIN_STATUS_WORDS[status]) add(w, status);
  // Longest first, so "no iniciado" is tried before a shorter word it starts with.
  entries.sort((a, b) => b.key.length - a.key.length);
  return { exact, entries };
}

/** The built-in vocabulary, compiled once (every check builds matchers; most add no words of their own). */
let builtin: Compiled | undefined;

export class StatusMatcher {
  private readonly exact: ReadonlyMap<string, Entry>;
  private readonly entries: readonly Entry[];
  /** Answers per cell text: a plan repeats a handful of statuses thousands of times (answers are immutable). */
  private readonly answers = new Map<string, StatusMatch>();

  constructor(extra: StatusVocabulary = {}) {
    const own = CANONICAL_STATUSES.some((status) => (extra[status] ?? []).length > 0);
    const compiled = own ? compile(extra) : (builtin ??= compile({}));
    this.exact = compiled.exact;
    this.entries = compiled.entries;
  }

  match(text: string): StatusMatch {
    const hit = this.answers.get(text);
    if (hit) return hit;
    const answer = this.answer(text);
    if (this.answers.size >= ANSWERS_KEPT) this.answers.clear();
    this.answers.set(text, answer);
    return answer;
  }

  private answer(text: string): StatusMatch {
    const key = statusKey(text);
    if (!key) return MATCHED.missing;
    const hit = this.exact.get(key);
    if (hit) return MATCHED[hit.status];
    // A known word followed by more words ("Concluido y en marcha", "En proceso de definición de Agenda").
    for (const e of this.entries) {
      if (key.startsWith(`${e.key} `)) return MATCHED[e.status];
    }
    return { status: 'unknown', suggestion: this.nearest(key) };
  }

  /**
   * The vocabulary word the text is a typo of, or '' when none is close: a far word would change the meaning
   * ("Revisar" is not «Realizado»), and so would one that drops or adds a negation ("No completado" ≠ «Completado»).
   */
  private nearest(key: string): string {
    let best: Entry | undefined;
    let bestD = Infinity;
    const head = key.slice(0, 40);
    const negated = isNegated(head);
    for (const e of this.entries) {
      if (isNegated(e.key) !== negated) continue;
      const d = levenshtein(head, e.key);
      if (d < bestD) {
        bestD = d;
        best = e;
      }
    }
    if (!best || bestD > typoDistance(head, best.key)) return '';
    return best.display;
  }

  /** Every word that maps to a status (for dropdowns): user and built-in. */
  wordsFor(status: CanonicalStatus): string[] {
    return this.entries.filter((e) => e.status === status).map((e) => e.display);
  }
}
