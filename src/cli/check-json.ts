// The documented JSON of `tablero check --format json`, as a zod schema: the output is parsed
// through it, so a field that drifts from the contract fails loudly in tests.
import { z } from 'zod';
import { findingJsonSchema } from '../core/finding-json';
import { frameworkJsonSchema } from '../core/framework/json';
import { calendarJsonSchema, removedMilestoneJsonSchema } from './calendar-json';

const statusId = z.enum(['completed', 'in_progress', 'not_started', 'not_applicable', 'missing', 'unknown']);
const role = z.enum(['id', 'action', 'deadline', 'responsible', 'status', 'comments', 'recommendation']);

export const checkJsonSchema = z.object({
  file: z.string(),
  asOf: z.string(),
  /** Where asOf came from: --as-of (option), the cut-off the workbook states (workbook: its sheet, cell and text), or today. */
  asOfSource: z.object({
    kind: z.enum(['option', 'workbook', 'today']),
    sheet: z.string().nullable(),
    cell: z.string().nullable(),
    text: z.string().nullable(),
  }),
  tables: z.array(
    z.object({
      sheet: z.string(),
      layout: z.string(),
      range: z.string(),
      columns: z.partialRecord(role, z.string()),
      secondary: z.array(z.object({ role, column: z.string(), group: z.string() })),
      blocks: z.array(
        z.object({
          recommendation: z.string().nullable(),
          recommendationText: z.string().nullable(),
          response: z.string().nullable(),
          headerFound: z.boolean(),
          row: z.number().int(),
        }),
      ),
      titleLines: z.array(z.string()),
      actions: z.array(
        z.object({
          id: z.string().nullable(),
          recommendation: z.string().nullable(),
          row: z.number().int(),
          text: z.string(),
          responsible: z.string().nullable(),
          deadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
          deadlineKind: z.enum(['date', 'period', 'continuous', 'missing', 'invalid']),
          deadlineText: z.string(),
          status: statusId,
          statusText: z.string(),
          overdue: z.boolean(),
          daysOverdue: z.number().int().nullable(),
          comments: z.string().nullable(),
          cells: z.partialRecord(role, z.string()),
        }),
      ),
    }),
  ),
  findings: z.array(findingJsonSchema),
  summary: z.object({
    actions: z.number().int(),
    overdue: z.number().int(),
    continuous: z.number().int(),
    byStatus: z.record(statusId, z.number().int()),
  }),
  /** Milestone calendars (partner × period grids): statuses come from Tablero's tracking sheet. */
  calendars: z.array(calendarJsonSchema),
  /** Tracking-sheet rows whose milestone is in no calendar any more (kept there, marked as removed). */
  milestonesRemoved: z.array(removedMilestoneJsonSchema),
  /** Results frameworks (targets against actuals): src/core/framework/json.ts; their findings are in `findings`. */
  frameworks: z.array(frameworkJsonSchema),
});

export type CheckJson = z.infer<typeof checkJsonSchema>;
