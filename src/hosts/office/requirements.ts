// Which ExcelApi requirement sets this Excel supports, and what Tablero does without each.
//
// The manifest declares ExcelApi 1.7, the lowest set the core features need:
//   reading:  Range.values / numberFormat (1.1), rowHidden (1.2), getUsedRangeOrNullObject (1.4),
//             workbook.functions.date for the 1904 date system (1.2);
//   writing:  tables (1.1), column widths (1.2), getItemOrNullObject (1.4), custom XML parts for
//             settings (1.5), conditional formats and suspendApiCalculationUntilNextSync (1.6),
//             freezePanes and getRangeByIndexes (1.7).
// Everything above 1.7 is detected at run time and degrades with a note, never an exception:
//   1.8  data validation (status dropdowns), Excel.createWorkbook, chart axis number formats;
//   1.9  getRowProperties (hidden rows one by one), suspendScreenUpdatingUntilNextSync,
//        getRanges (one highlight rule over many row areas);
//   1.12 worksheet custom properties (the mark on our sheets; else a hidden registry sheet);
//   1.13 getMergedAreasOrNullObject (merged header cells).

export const MIN_EXCEL_API = '1.7';

export type IsSetSupported = (name: string, minVersion?: string) => boolean;

export interface OfficeFeatures {
  readonly minimum: boolean;
  readonly conditionalFormats: boolean;
  readonly dataValidation: boolean;
  readonly createWorkbook: boolean;
  /** ChartAxis.numberFormat (the roll-up charts' 0–100 % axis); charts themselves need 1.7. */
  readonly chartAxisFormat: boolean;
  readonly rowProperties: boolean;
  readonly screenUpdating: boolean;
  readonly rangeAreas: boolean;
  readonly customProperties: boolean;
  readonly mergedAreas: boolean;
}

/** Catalogue keys (section "pane") of the notes shown when a feature degrades. */
export type OfficeNoteKey =
  | 'officeBelowMinimum'
  | 'officeNoDataValidation'
  | 'officeNoCreateWorkbook'
  | 'officeNoRowProperties'
  | 'officeNoCustomProperties'
  | 'officeNoMergedAreas';

export function detectFeatures(isSetSupported: IsSetSupported): OfficeFeatures {
  const has = (v: string): boolean => {
    try {
      return isSetSupported('ExcelApi', v) === true;
    } catch {
      return false; // an older Office.js without requirements: treat as unsupported
    }
  };
  return {
    minimum: has(MIN_EXCEL_API),
    conditionalFormats: has('1.6'),
    dataValidation: has('1.8'),
    createWorkbook: has('1.8'),
    chartAxisFormat: has('1.8'),
    rowProperties: has('1.9'),
    screenUpdating: has('1.9'),
    rangeAreas: has('1.9'),
    customProperties: has('1.12'),
    mergedAreas: has('1.13'),
  };
}

export function featureNotes(f: OfficeFeatures): OfficeNoteKey[] {
  const notes: OfficeNoteKey[] = [];
  if (!f.minimum) notes.push('officeBelowMinimum');
  if (!f.dataValidation) notes.push('officeNoDataValidation');
  if (!f.createWorkbook) notes.push('officeNoCreateWorkbook');
  if (!f.rowProperties) notes.push('officeNoRowProperties');
  if (!f.customProperties) notes.push('officeNoCustomProperties');
  if (!f.mergedAreas) notes.push('officeNoMergedAreas');
  return notes;
}
