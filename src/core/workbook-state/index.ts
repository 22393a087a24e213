// What a workbook carries for Tablero, in one place: the settings (language, status words, plan
// column mappings, roll-up map and threshold) with their schema and stored form, how a plan mapping
// is applied, the highlight and dropdown rules with their marks, and the record of converted dates.
// Pure: the pane, the ribbon command, the CLI and every host use it.
export * from './settings';
export * from './column-mapping';
export * from './highlight-rules';
export * from './conversion-record';
export * from './dropdown-record';
