// A finding as every JSON output prints it (check, rollup, export): one schema, one mapping.
import { z } from 'zod';
import { FINDING_CODES, type Finding } from './findings';
import { findingMessage, type Lang } from './i18n';

export const findingJsonSchema = z.object({
  code: z.enum(FINDING_CODES),
  severity: z.enum(['error', 'warning', 'info']),
  sheet: z.string().nullable(),
  cell: z.string().nullable(),
  actionId: z.string().nullable(),
  message: z.string(),
  /** The values the message was built from, for tools that render their own text. */
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});

export type FindingJson = z.infer<typeof findingJsonSchema>;

export function findingJson(f: Finding, lang: Lang): FindingJson {
  return { code: f.code, severity: f.severity, sheet: f.sheet, cell: f.cell, actionId: f.actionId, message: findingMessage(f, lang), params: f.params };
}
