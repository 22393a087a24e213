// TEMP until src/hosts/office/index.ts lands.
import type { PaneHost } from '../hosts/pane-host';

export async function createOfficePaneHost(): Promise<PaneHost> {
  throw new Error('Office host not available yet');
}
