// Kept in plain JavaScript: webpack 5 bundles `new Worker(new URL(…, import.meta.url))` as a worker
// chunk, and TypeScript's commonjs settings (jest, tsc) would refuse import.meta in a .ts file.
export function spawnPaneWorker() {
  return new Worker(new URL('./pane.worker.ts', import.meta.url), { name: 'tablero-pane' });
}

/** Excel's engine worker (engine.worker.ts): the engine between Office.js syncs. */
export function spawnEngineWorker() {
  return new Worker(new URL('./engine.worker.ts', import.meta.url), { name: 'tablero-engine' });
}
