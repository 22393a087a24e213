// Which number formats show a date: moved to src/hosts/shared/numfmt.ts (the Office host needs it too).
export { isBuiltinDateFormat, isDateFormat, isDateFormatCode } from '../shared/numfmt';
