// Progress as the pane says it: the step, and how far along when the work has more than one step.
import type { Progress } from './worker/protocol';
import type { Strings } from './strings';

/** 0–1 when the work has steps to count; undefined: the bar runs without a value. */
export function progressValue(p: Progress): number | undefined {
  return p.total > 1 ? Math.min(1, p.done / p.total) : undefined;
}

/** "Leyendo las hojas… 40 %" (or only the step when there is nothing to count). */
export function progressText(s: Strings, p: Progress): string {
  const v = progressValue(p);
  return v === undefined ? s(p.step) : s('progressPercent', { step: s(p.step), percent: Math.round(v * 100) });
}
