// What every Office host operation shares: the Excel.run entry, the features found, the language
// of messages, the per-sync byte budget.
import type { Lang } from '../../core/i18n';
import type { OfficeFeatures } from './requirements';

export type Ctx = Excel.RequestContext;
export type Run = <T>(batch: (ctx: Ctx) => Promise<T>) => Promise<T>;

export interface OfficeEnv {
  readonly features: OfficeFeatures;
  readonly lang: Lang;
  /** Bytes one sync may carry (requests and expected responses). */
  readonly budget: number;
}

/**
 * Every sync that writes goes through here: calculation (and, from ExcelApi 1.9, screen updating)
 * stays suspended until that sync, so a large write does not recalculate or repaint piece by piece.
 */
export async function syncWrite(ctx: Ctx, env: OfficeEnv): Promise<void> {
  ctx.application.suspendApiCalculationUntilNextSync();
  if (env.features.screenUpdating) ctx.application.suspendScreenUpdatingUntilNextSync();
  await ctx.sync();
}
