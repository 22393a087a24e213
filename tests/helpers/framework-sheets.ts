// Results-framework sheets the tests build as real workbooks: an English IPTT and a Portuguese matrix.
export type Row = (string | number | null)[];

/** An IPTT: two header rows, quarters over Target | Actual | % Met (unmerged: the label over the first column). */
export const IPTT_ROWS: Row[] = [
  ['Indicator Performance Tracking Table — WASH Activity FY2023'],
  [],
  ['No.', 'Indicator', 'Unit of measure', 'Change (+/-)', 'C / NC', '# / %', 'Baseline', 'Q1 2023 (Jan 1 - Mar 31)', null, null, 'Q2 2023 (Apr 1 - Jun 30)', null, null, 'Q3 2023 (Jul 1 - Sep 30)', null, null, 'LoP Target', 'Comments'],
  [null, null, null, null, null, null, null, 'Target', 'Actual', '% Met', 'Target', 'Actual', '% Met', 'Target', 'Actual', '% Met'],
  ['Outcome 1: Improved access to WASH services'],
  ['1', 'Number of people gaining access to basic drinking water services', 'People', '+', 'NC', '#', 0, 1000, 950, 0.95, 1500, 1200, 0.8, 2000, null, null, 4500, null],
  ['2', 'Percentage of water points functional', 'Percent', '+', 'C', '%', 60, 65, 66, 1.015, 70, 58, 0.83, 75, null, null, 75, null],
  ['3', 'Open defecation rate', '%', '-', null, '%', 40, 35, 36, null, 30, 33, null, 25, null, null, 25, 'Dry season delayed latrine construction.'],
  ['Output 1.1: Water committees trained'],
  ['4', 'Water committees trained', 'Committees', '+', 'C', '#', 0, 10, 10, 1, 20, 24, 1.2, 30, null, null, 30, null],
  ['5', 'Hygiene promotion sessions held', 'Sessions', '+', null, '#', 0, 30, null, null, 40, 39, null, 40, null, null, 40, 'Q1 report late.'],
];

/** A Portuguese sheet: one header row, periods inline, components as a column (filled down), polarity words. */
export const PT_ROWS: Row[] = [
  ['Matriz de resultados 2021–2023'],
  ['Eixo', 'Código', 'Indicador', 'Unidade de medida', 'Polaridade', 'Linha de base', 'Meta 2021', 'Realizado 2021', 'Meta 2022', 'Realizado 2022', 'Meta 2023', 'Realizado 2023', 'Fonte de verificação', 'Observações'],
  ['Eixo 1 — Acesso', '1.1', 'Domicílios com água canalizada', '%', 'Quanto maior, melhor', 70, 75, 76, 80, '81,2', 85, null, 'Censo', null],
  [null, '1.2', 'Perdas de água na distribuição', '%', 'Quanto menor, melhor', 40, 38, 37, 35, 36, 30, null, 'Relatórios', null],
  ['Eixo 2 — Gestão', '2.1', 'Prestadores com tarifa aprovada', 'Número', 'Quanto maior, melhor', 5, 8, 8, 12, 'n/d', 15, null, 'Agência reguladora', 'Aguardando dados'],
];

