// jsdom has no TextEncoder/TextDecoder; the .xlsx writer the pane uses for exports needs them.
// Imported first by the jsdom tests, before anything that reaches src/hosts/xlsx.
import { TextDecoder, TextEncoder } from 'util';

Object.assign(globalThis, { TextDecoder, TextEncoder });
