// `tablero rollup`: coverage, service levels and provider performance by area, from record sheets.
import { z } from 'zod';
import { catalogue, fill, findingMessage, t, type Lang } from '../core/i18n';
import { parseNumberText } from '../core/rollup/numbers';
import { fold } from '../core/text';
import { rollupJson } from '../core/rollup/json';
import { parseRollupMap, rollupSheets, rollupWorkbook, type RollupMap, type RollupResult } from '../core/rollup';
import { fmt as num, fraction6, pct } from '../core/rollup/sheets';
import { COVERAGE_INDICATORS, DEFAULT_THRESHOLD, type AreaRef } from '../core/rollup/types';
import { CATEGORIES, LADDER_RUNGS } from '../core/rollup/vocab';
import { writeXlsx } from '../hosts/xlsx/write';
import {
  CliExit,
  EXIT_NO_TABLE,
  EXIT_OK,
  EXIT_USAGE,
  loadWorkbookFile,
  optionError,
  parseCommandLine,
  readJsonFile,
  withHelp,
  writeOutputFile,
  reportWriteFindings,
  type CliIO,
} from './common';

export const rollupOptionsSchema = z.object({
  file: z.string().min(1),
  lang: z.enum(['es', 'en']),
  format: z.enum(['text', 'json']),
  out: z.string().min(1).optional(),
  threshold: z.number().min(0).max(1),
  map: z.string().min(1).optional(),
});
export type RollupCliOptions = z.infer<typeof rollupOptionsSchema>;

/** Findings listed in the text output; JSON has them all. */
const TEXT_FINDINGS = 30;

/** "0.8", "0,8", "80%" and "80" all mean 80 %. */
export function parseThreshold(text: string): number | null {
  const v = parseNumberText(text, 'fraction');
  if (v === null) return null;
  return v > 1 && v <= 100 && !text.includes('%') ? v / 100 : v;
}

export function parseRollupArgs(argv: readonly string[], lang: Lang): RollupCliOptions {
  const { file, values: v } = parseCommandLine(argv, lang, ['format', 'out', 'threshold', 'lang', 'map']);
  let threshold = DEFAULT_THRESHOLD;
  if (v['threshold'] !== undefined) {
    const th = parseThreshold(v['threshold']);
    if (th === null || th < 0 || th > 1) throw new CliExit(EXIT_USAGE, t(lang, 'rollup', 'errThreshold', { value: v['threshold'] }));
    threshold = th;
  }
  const result = rollupOptionsSchema.safeParse({ file, lang: v['lang'] ?? lang, format: v['format'] ?? 'text', out: v['out'], threshold, map: v['map'] });
  if (!result.success) throw optionError(lang, result.error);
  return result.data;
}

export async function loadRollupMap(file: string, lang: Lang): Promise<RollupMap> {
  const fail = (detail: string) => new CliExit(EXIT_USAGE, t(lang, 'rollup', 'errMap', { file, detail }));
  const r = parseRollupMap(await readJsonFile(file, lang, fail));
  if (!r.ok) throw fail(r.error);
  return r.map;
}

/** A ratio for people: "84,1 % (0,841002)" — the percentage to read, the fraction to check. */
function rate(lang: Lang, v: number | null): string {
  if (v === null) return '—';
  return `${pct(lang, v)} (${fraction6(lang, v)})`;
}

function areaLabel(a: AreaRef, depth: number, width: number): string {
  return ('  '.repeat(depth + 2) + (a.name || '—')).padEnd(width);
}

function labelWidth(areas: readonly AreaRef[], levels: readonly { level: string }[]): number {
  let w = 12;
  for (const a of areas) w = Math.max(w, 2 * (levels.findIndex((l) => l.level === a.level) + 2) + a.name.length);
  return Math.min(w + 2, 48);
}

export function rollupText(file: string, result: RollupResult, lang: Lang): string {
  const c = catalogue(lang);
  const r = c.rollup;
  const lines: string[] = [fill(r.cliTitle, { file })];
  const section = (title: string, s: { sheet: string; source: { records: number; skippedBlank: number; skippedTotal: number } }) =>
    lines.push('', fill(r.cliSection, { title, sheet: s.sheet, records: num(lang, s.source.records), skipped: num(lang, s.source.skippedBlank + s.source.skippedTotal) }));

  const cov = result.coverage;
  if (cov) {
    section(r.sheetCoverage, cov);
    lines.push(`  ${r.short_households}: ${num(lang, cov.total.households)}`);
    for (const k of cov.indicators) lines.push(`  ${r[`cov_${k}`]}: ${rate(lang, cov.total[k])}`);
    const above = cov.areasAboveThreshold;
    if (above) {
      for (const k of cov.indicators) {
        const n = above[k];
        if (n !== null) lines.push('  ' + fill(r.aboveLine, { indicator: r[`cov_${k}`], count: n, of: above.of, level: above.levelHeader, threshold: pct(lang, cov.threshold) }));
      }
    }
    if (cov.areas.length) {
      lines.push(r.cliAreasTitle);
      const w = labelWidth(cov.areas, cov.levels);
      for (const a of cov.areas) {
        const depth = cov.levels.findIndex((l) => l.level === a.level);
        const figs = COVERAGE_INDICATORS.filter((k) => cov.indicators.includes(k)).map((k) => `${r[`short_${k}`]} ${pct(lang, a[k])}`);
        lines.push(`${areaLabel(a, depth, w)}${num(lang, a.households).padStart(9)} ${r.short_households}  ${figs.join('  ')}`);
      }
    }
  } else lines.push('', fill(r.cliNotFound, { kind: r.kind_coverage }));

  const sv = result.serviceLevels;
  if (sv) {
    section(r.sheetService, sv);
    lines.push(fill(r.cliCategories, { items: CATEGORIES.map((k) => `${k} ${num(lang, sv.byCategory[k])} (${pct(lang, sv.shares[k])})`).join(', ') + (sv.unclassified ? `; ${r.colUnclassified} ${num(lang, sv.unclassified)}` : '') }));
    const b = sv.bacteriological;
    if (b) lines.push(fill(r.cliBacterio, { rate: rate(lang, b.rate), passed: num(lang, b.passed), samples: num(lang, b.samples) }));
    const ch = sv.chlorination;
    if (ch) lines.push(fill(r.cliChlorination, { share: pct(lang, ch.share), yes: num(lang, ch.yes), answered: num(lang, ch.answered) }));
    const ld = sv.ladder;
    if (ld) lines.push(fill(r.cliLadder, { items: LADDER_RUNGS.map((k) => `${r[`ladder_${k}`]} ${pct(lang, ld.shares[k])}`).join(', ') }));
    if (sv.areas.length) {
      lines.push(r.cliAreasTitle);
      const w = labelWidth(sv.areas, sv.levels);
      for (const a of sv.areas) {
        const depth = sv.levels.findIndex((l) => l.level === a.level);
        const cats = CATEGORIES.map((k) => `${k} ${String(a.byCategory[k]).padStart(4)}`).join(' ');
        const extra = a.bacteriological ? `  ${r.short_bacteriological} ${pct(lang, a.bacteriological.rate)}` : '';
        lines.push(`${areaLabel(a, depth, w)}${String(a.systems).padStart(6)}  ${cats}${extra}`);
      }
    }
  } else lines.push('', fill(r.cliNotFound, { kind: r.kind_systems }));

  const pp = result.providerPerformance;
  if (pp) {
    section(r.sheetProviders, pp);
    lines.push(fill(r.cliCategories, { items: CATEGORIES.map((k) => `${k} ${num(lang, pp.byCategory[k])} (${pct(lang, pp.shares[k])})`).join(', ') + (pp.unclassified ? `; ${r.colUnclassified} ${num(lang, pp.unclassified)}` : '') }));
    lines.push(fill(r.cliGood, { share: rate(lang, pp.goodPerformanceShare) }));
    pp.yesNoColumns.forEach((col, j) => {
      const y = pp.yesNo[j];
      if (y) lines.push(fill(r.cliYesNo, { column: col.header, share: pct(lang, y.share), yes: num(lang, y.yes), answered: num(lang, y.answered) }));
    });
    if (pp.areas.length) {
      lines.push(r.cliAreasTitle);
      const w = labelWidth(pp.areas, pp.levels);
      for (const a of pp.areas) {
        const depth = pp.levels.findIndex((l) => l.level === a.level);
        const cats = CATEGORIES.map((k) => `${k} ${String(a.byCategory[k]).padStart(4)}`).join(' ');
        lines.push(`${areaLabel(a, depth, w)}${String(a.providers).padStart(6)}  ${cats}  ${r.short_good} ${pct(lang, a.goodPerformanceShare)}`);
      }
    }
  } else lines.push('', fill(r.cliNotFound, { kind: r.kind_providers }));

  lines.push('', fill(c.cli.findingsTitle, { count: result.findings.length }));
  for (const f of result.findings.slice(0, TEXT_FINDINGS)) {
    const where = f.sheet && f.cell ? `${f.sheet}!${f.cell}` : (f.sheet ?? '');
    lines.push(fill(c.cli.findingLine, { severity: c.severity[f.severity], where, message: findingMessage(f, lang) }));
  }
  if (result.findings.length > TEXT_FINDINGS) lines.push(fill(r.cliMore, { count: result.findings.length - TEXT_FINDINGS }));
  return lines.join('\n');
}

export async function runRollup(argv: readonly string[], io: CliIO): Promise<number> {
  return withHelp(argv, io, (lang) => catalogue(lang).rollup.usage, async (lang0) => rollupCommand(parseRollupArgs(argv, lang0), io));
}

async function rollupCommand(opts: RollupCliOptions, io: CliIO): Promise<number> {
  const lang = opts.lang;
  const fileMap = opts.map ? await loadRollupMap(opts.map, lang) : undefined;
  const wb = await loadWorkbookFile(opts.file, lang);
  // --map wins; else the roll-up map the pane saved in the workbook.
  const map = fileMap ?? wb.settings.rollupMap;
  if (map) {
    // A sheet the map names must exist: that is a usage mistake, not a finding.
    for (const m of [map.coverage, map.serviceLevels, map.providerPerformance]) {
      if (m?.sheet !== undefined && !wb.grid.sheets.some((s) => fold(s.name) === fold(m.sheet ?? ''))) throw new CliExit(EXIT_USAGE, t(lang, 'cli', 'errSheetNotFound', { sheet: m.sheet }));
    }
  }
  const result = rollupWorkbook(wb.grid, { threshold: opts.threshold, map, lang });
  const found = Boolean(result.coverage || result.serviceLevels || result.providerPerformance);
  if (opts.out && found) {
    const { bytes, findings: written } = writeXlsx(wb.bytes, rollupSheets(result, lang), { keepMacros: /\.xlsm$/i.test(opts.out) });
    await writeOutputFile(opts.out, opts.file, bytes, lang);
    reportWriteFindings(io, lang, written);
  }
  io.out(opts.format === 'json' ? JSON.stringify(rollupJson(opts.file, result, lang), null, 2) : rollupText(opts.file, result, lang));
  if (opts.out && found && opts.format === 'text') io.out(t(lang, 'cli', 'wrote', { file: opts.out }));
  if (!found) {
    // The report is printed, but batch scripts must see that nothing was rolled up.
    io.err(`tablero: ${t(lang, 'rollup', 'errNoRecords', { file: opts.file })}`);
    return EXIT_NO_TABLE;
  }
  return EXIT_OK;
}
