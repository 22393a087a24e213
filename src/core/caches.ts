// Caches keyed by cell text (folding, header roles, parsed deadlines) speed up one pass over a
// workbook, where the same words repeat thousands of times. Their keys can be slices of the whole
// decoded sheet XML, so keeping them between passes would keep that XML alive (a long pane session):
// each engine entry point clears them when it is done.

const textCaches: Map<string, unknown>[] = [];

/** A cache keyed by cell text, cleared by clearTextCaches(). */
export function textCache<V>(): Map<string, V> {
  const m = new Map<string, V>();
  textCaches.push(m as Map<string, unknown>);
  return m;
}

export function clearTextCaches(): void {
  for (const m of textCaches) m.clear();
}

/** Runs one engine pass and drops its text caches afterwards, whatever happens. */
export function withTextCaches<T>(pass: () => T): T {
  try {
    return pass();
  } finally {
    clearTextCaches();
  }
}
