// The "Seguimiento" sheet: every action with real dates, canonical status and overdue, plus findings.
import { catalogue, findingMessage, fill, type Lang } from './i18n';
import { findingLabel } from './i18n/wording';
import type { CheckResult } from './model';
import type { OutputSheet, OutputValue } from './output';

export function seguimientoSheet(result: CheckResult, lang: Lang, statusLine?: string): OutputSheet {
  const c = catalogue(lang);
  const s = c.seguimiento;
  const actions: OutputValue[][] = [];
  for (const t of result.tables) {
    for (const a of t.actions) {
      actions.push([
        t.sheet,
        a.recommendation,
        a.id,
        a.text,
        a.responsible,
        a.deadline ? { date: a.deadline } : null,
        a.deadlineText,
        c.deadlineKind[a.deadlineKind],
        c.status[a.status],
        a.statusText,
        a.overdue ? s.yes : s.no,
        a.daysOverdue,
        a.cells.action ?? null,
      ]);
    }
  }
  const findings: OutputValue[][] = result.findings.map((f) => [
    c.severity[f.severity],
    findingLabel(f.code, lang),
    f.sheet,
    f.cell,
    f.actionId,
    findingMessage(f, lang),
  ]);
  const line =
    statusLine ??
    fill(s.statusLine, { actions: result.summary.actions, overdue: result.summary.overdue, findings: result.findings.length });
  return {
    name: s.sheetName,
    lines: [s.title, fill(s.asOf, { asOf: result.asOf }), line],
    tables: [
      {
        name: 'Tablero_Acciones',
        caption: s.actionsCaption,
        columns: [
          { header: s.colSheet, type: 'text', width: 16 },
          { header: s.colRecommendation, type: 'text', width: 14 },
          { header: s.colId, type: 'text', width: 8 },
          { header: s.colAction, type: 'text', width: 60 },
          { header: s.colResponsible, type: 'text', width: 30 },
          { header: s.colDeadline, type: 'date', width: 12 },
          { header: s.colDeadlineText, type: 'text', width: 18 },
          { header: s.colDeadlineKind, type: 'text', width: 12 },
          { header: s.colStatus, type: 'text', width: 14 },
          { header: s.colStatusText, type: 'text', width: 22 },
          { header: s.colOverdue, type: 'text', width: 9 },
          { header: s.colDaysOverdue, type: 'integer', width: 10 },
          { header: s.colCell, type: 'text', width: 8 },
        ],
        rows: actions,
      },
      {
        name: 'Tablero_Hallazgos',
        caption: s.findingsCaption,
        columns: [
          { header: s.colSeverity, type: 'text', width: 12 },
          { header: s.colCode, type: 'text', width: 26 },
          { header: s.colSheet, type: 'text', width: 16 },
          { header: s.colCell, type: 'text', width: 8 },
          { header: s.colId, type: 'text', width: 8 },
          { header: s.colMessage, type: 'text', width: 80 },
        ],
        rows: findings,
      },
    ],
  };
}
