// Byte estimates and chunk planning: Excel on the web rejects any request or response over 5 MB,
// so every large read or write is cut into pieces and the pieces are packed into syncs under a budget.

/** Excel on the web's payload limit per request and per response (read as 5,000,000 bytes, the strict reading). */
export const PAYLOAD_LIMIT_BYTES = 5_000_000;
/** What one sync may carry: a fifth below the limit for the envelope JSON and estimate error. */
export const DEFAULT_BATCH_BUDGET = 4_000_000;
/** Envelope of one queued operation (object path, method, ids) in the request JSON, roughly. */
export const OP_OVERHEAD_BYTES = 200;

/** UTF-8 length of a string (what travels), without allocating an encoder. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code < 0x80) n += 1;
    else if (code < 0x800) n += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      n += 4; // a surrogate pair is one 4-byte character
      i++;
    } else n += 3;
  }
  return n;
}

/** Bytes a value takes as JSON in a request or response. */
export function jsonBytes(v: unknown): number {
  return utf8Length(JSON.stringify(v) ?? '');
}

export interface RowPiece {
  /** 0-based offset of the first row within the block. */
  readonly start: number;
  readonly count: number;
  readonly bytes: number;
}

/** Cuts consecutive rows (their sizes given) into pieces under the budget; a row bigger than the budget goes alone. */
export function splitRowsByBytes(rowBytes: readonly number[], budget: number): RowPiece[] {
  const out: RowPiece[] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < rowBytes.length; i++) {
    const b = rowBytes[i] ?? 0;
    if (i > start && bytes + b > budget) {
      out.push({ start, count: i - start, bytes });
      start = i;
      bytes = 0;
    }
    bytes += b;
  }
  if (rowBytes.length > start) out.push({ start, count: rowBytes.length - start, bytes });
  return out;
}

/** Rows of an unread block in pieces of at most `budget` estimated bytes. */
export function planReadPieces(rowCount: number, bytesPerRow: number, budget: number): RowPiece[] {
  const per = Math.max(1, Math.floor(budget / Math.max(1, bytesPerRow)));
  const out: RowPiece[] = [];
  for (let start = 0; start < rowCount; start += per) {
    const count = Math.min(per, rowCount - start);
    out.push({ start, count, bytes: count * bytesPerRow });
  }
  return out;
}

/** Packs items, in order, into batches whose summed bytes stay under the budget (an oversized item goes alone). */
export function packBatches<T>(items: readonly T[], bytesOf: (item: T) => number, budget: number): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const b = bytesOf(item);
    if (current.length && bytes + b > budget) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += b;
  }
  if (current.length) batches.push(current);
  return batches;
}
