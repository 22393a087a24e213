// Status words: placeholder type until the table lands.
export type StatusVocabulary = Partial<Record<'completed' | 'in_progress' | 'not_started' | 'not_applicable', readonly string[]>>;
