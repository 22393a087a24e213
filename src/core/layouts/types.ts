// The one signature every recognised layout implements; the engine loops over the list.
import type { Finding } from '../findings';
import type { Block } from '../model';
import type { Region } from '../rows';

export interface DraftAction {
  /** 0-based sheet row. */
  readonly row: number;
  readonly id: string | null;
  readonly text: string;
  /** Index into blocks, or null. */
  readonly block: number | null;
}

export interface LayoutReading {
  readonly blocks: readonly Block[];
  readonly actions: readonly DraftAction[];
  readonly findings: readonly Finding[];
}

export interface Layout {
  /** Stable name reported in the JSON ("layout"). */
  readonly id: string;
  /** How well this layout explains the region: 0 means not at all; the highest score reads it. */
  score(region: Region): number;
  read(region: Region): LayoutReading;
}
