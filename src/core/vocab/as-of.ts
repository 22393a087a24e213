// Labels that state a plan's cut-off date (es, en, pt), in title rows or a labelled cell above the table:
// "Corte: 31 de mayo de 2021", "Fecha de corte:" | 31/05/2021, "Tracking as of 30 June 2023", "Data de corte".
// Data only, compared after foldWords() (lower case, no accents, punctuation as spaces).

/** A label anywhere in the cell (at a word start), the date right after it or in the next cell. */
export const AS_OF_LABELS: readonly string[] = [
  // es
  'fecha de corte', 'fecha corte', 'con corte al', 'con corte a', 'corte al', 'corte a', 'corte',
  'fecha de reporte', 'fecha del reporte', 'fecha de informe', 'fecha del informe', 'fecha de actualizacion',
  'fecha de seguimiento', 'fecha de la informacion', 'actualizado al', 'actualizado a', 'actualizada al',
  'posicion al', 'situacion al', 'estado al', 'avance al', 'seguimiento al', 'informacion al', 'datos al',
  'reporte al', 'informe al', 'cumplimiento al',
  // en
  'tracking as of', 'status as of', 'progress as of', 'data as of', 'as of', 'as at', 'report date', 'reporting date',
  'date of report', 'cut off date', 'cutoff date', 'cut off', 'cutoff', 'last updated', 'updated on', 'updated',
  // pt
  'data de corte', 'data do corte', 'data de referencia', 'data do relatorio', 'posicao em', 'posicao ate',
  'situacao em', 'atualizado em', 'atualizada em',
];

/** Only at the very start of a cell: "Al 31 de mayo de 2021", "A 31 de mayo…", "Em 31 de maio de 2021". */
export const AS_OF_LEADING_LABELS: readonly string[] = ['al', 'a la fecha', 'em', 'at'];
