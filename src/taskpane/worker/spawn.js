// Kept in plain JavaScript: webpack 5 bundles `new Worker(new URL(…, import.meta.url))` as a worker
// chunk, and TypeScript's commonjs settings (jest, tsc) would refuse import.meta in a .ts file.
export function spawnPaneWorker() {
  return new Worker(new URL('./pane.worker.ts', import.meta.url), { name: 'tablero-pane' });
}
