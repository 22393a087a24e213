// Every layout Tablero recognises. To add one: a file with a Layout, and a line here.
import { flat } from './flat';
import { recommendationBlocks } from './recommendation-blocks';
import type { Layout } from './types';

export const LAYOUTS: readonly Layout[] = [recommendationBlocks, flat];
export type { Layout } from './types';
