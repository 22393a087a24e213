// The Office host's public face: the pane and the ribbon command import from here.
export { OfficeHost, createOfficeHost, type OfficeHostOptions } from './office-host';
export { OfficeHostError } from './errors';
export { MIN_EXCEL_API, type OfficeNoteKey } from './requirements';
export type { DropdownReport, ConversionReport } from './pane-ops';
