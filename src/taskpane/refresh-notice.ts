// The words the pane says after "Refresh status" and after writing our sheets: what changed since the
// last refresh (from the history the workbook keeps), and which of our sheets went under another name
// because a sheet of the user's already had it.
import type { RefreshEntry } from '../core/refresh-history';
import type { WrittenSheet } from '../hosts/host';
import type { Strings } from './strings';

/** Ids named in a notice; the rest are only counted. */
const IDS_IN_NOTICE = 8;

function idList(ids: readonly string[], total: number): string {
  if (!total || !ids.length) return '';
  const shown = ids.slice(0, IDS_IN_NOTICE).join(', ');
  return ` (${shown}${total > IDS_IN_NOTICE ? ', …' : ''})`;
}

/** "Since the last refresh: 2 newly overdue actions (3.2, 5.2), 1 newly completed (1.1)." — or nothing on a first refresh. */
export function refreshNotice(s: Strings, e: RefreshEntry | undefined): string {
  if (!e?.compared) return '';
  if (!e.newlyOverdueCount && !e.newlyCompletedCount) return s('refreshNoChanges');
  return s('refreshChangesIds', {
    overdue: e.newlyOverdueCount,
    completed: e.newlyCompletedCount,
    overdueIds: idList(e.newlyOverdue, e.newlyOverdueCount),
    completedIds: idList(e.newlyCompleted, e.newlyCompletedCount),
  });
}

/** One sentence per sheet of ours written under another name than asked (a user's sheet has that name). */
export function writtenElsewhere(s: Strings, written: readonly WrittenSheet[]): string {
  return written
    .filter((w) => w.name.toLowerCase() !== w.requested.toLowerCase())
    .map((w) => s('writtenElsewhere', { requested: w.requested, name: w.name }))
    .join(' ');
}
