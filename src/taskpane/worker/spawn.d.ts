/** Starts the pane's worker (browser mode): see spawn.js. */
export function spawnPaneWorker(): Worker;
/** Starts Excel's engine worker: see spawn.js. */
export function spawnEngineWorker(): Worker;
