// The calendars part of `tablero check --format json` (see check-json.ts), as zod schemas.
import { z } from 'zod';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const statusId = z.enum(['completed', 'in_progress', 'not_started', 'not_applicable', 'missing', 'unknown']);

export const calendarJsonSchema = z.object({
  sheet: z.string(),
  range: z.string(),
  periods: z.array(z.object({ label: z.string(), start: isoDay.nullable(), end: isoDay.nullable() })),
  items: z.array(
    z.object({
      section: z.string().nullable(),
      partner: z.string(),
      period: z.string(),
      due: isoDay.nullable(),
      text: z.string(),
      cell: z.string(),
      status: statusId,
      statusText: z.string(),
      comments: z.string().nullable(),
      overdue: z.boolean(),
      daysOverdue: z.number().int().nullable(),
    }),
  ),
});

export const removedMilestoneJsonSchema = z.object({
  sheet: z.string().nullable(),
  section: z.string().nullable(),
  partner: z.string(),
  period: z.string(),
  due: isoDay.nullable(),
  text: z.string(),
  statusText: z.string(),
  comments: z.string().nullable(),
});
