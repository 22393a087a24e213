import { StatusMatcher, statusVocabularySchema } from '../../src/core/vocab/status';

const m = new StatusMatcher();

describe('status vocabulary', () => {
  it.each([
    // seeds
    ['Concluido.', 'completed'],
    ['Concluido', 'completed'],
    ['Concluido y en marcha.', 'completed'],
    ['En construcción', 'in_progress'],
    ['En ejecución.', 'in_progress'],
    ['En proceso de definición de Agenda.', 'in_progress'],
    ['Sin iniciar', 'not_started'],
    ['Sin iniciar.', 'not_started'],
    // UNDP
    ['Completed', 'completed'],
    ['Initiated', 'in_progress'],
    ['Not initiated', 'not_started'],
    ['No longer applicable', 'not_applicable'],
    // open government completion levels
    ['Completo', 'completed'],
    ['Sustancial', 'in_progress'],
    ['Limitado', 'in_progress'],
    ['No iniciado', 'not_started'],
    // Portuguese
    ['Concluída', 'completed'],
    ['Em andamento', 'in_progress'],
    ['Em execução', 'in_progress'],
    ['Não iniciada', 'not_started'],
    ['Cancelada', 'not_applicable'],
    // common variants
    ['Finalizado', 'completed'],
    ['Cumplido', 'completed'],
    ['Terminado', 'completed'],
    ['En curso', 'in_progress'],
    ['En proceso', 'in_progress'],
    ['Pendiente', 'not_started'],
    ['Ya no aplica', 'not_applicable'],
    // case, accents, punctuation, spaces
    ['  CONCLUIDO  ', 'completed'],
    ['en ejecucion', 'in_progress'],
    ['En\u00a0ejecución…', 'in_progress'],
    ['sin   iniciar!', 'not_started'],
    ['<p>Sin iniciar</p>', 'not_started'],
    ['', 'missing'],
    ['   ', 'missing'],
  ])('%j → %s', (text, status) => {
    expect(m.match(text).status).toBe(status);
  });

  it.each([
    ['Concluidoo', 'Concluido'],
    ['En ejecucón', 'En ejecución'],
    ['Sin inciar', 'Sin iniciar'],
  ])('rejects %j as unknown and suggests %j', (text, suggestion) => {
    expect(m.match(text)).toEqual({ status: 'unknown', suggestion });
  });

  it.each(['Retrasado', 'Ver comentarios', '50%', 'Sí', 'iniciarse pronto'])('rejects %j as unknown', (text) => {
    expect(m.match(text).status).toBe('unknown');
  });

  it('does not read "No iniciado" as started because it contains "iniciado"', () => {
    expect(m.match('No iniciado').status).toBe('not_started');
    expect(m.match('Not initiated yet').status).toBe('not_started');
  });

  it('takes the user’s own words, which win over built-in ones', () => {
    const own = new StatusMatcher({ completed: ['Listo'], not_applicable: ['Pendiente'] });
    expect(own.match('listo.').status).toBe('completed');
    expect(own.match('Pendiente').status).toBe('not_applicable');
    expect(own.wordsFor('completed')).toContain('Listo');
  });

  it('validates vocabulary files', () => {
    expect(statusVocabularySchema.safeParse({ completed: ['Listo'] }).success).toBe(true);
    expect(statusVocabularySchema.safeParse({ done: ['Listo'] }).success).toBe(false);
    expect(statusVocabularySchema.safeParse({ completed: 'Listo' }).success).toBe(false);
    expect(statusVocabularySchema.safeParse({ completed: [''] }).success).toBe(false);
  });
});
