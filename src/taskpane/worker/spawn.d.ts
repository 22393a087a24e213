/** Starts the pane's worker (browser mode): see spawn.js. */
export function spawnPaneWorker(): Worker;
