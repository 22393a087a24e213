// A small zip layer over fflate: read the central directory ourselves so we can inflate only the parts we
// need, and copy untouched entries byte for byte (compressed data, CRC, sizes) when we write a workbook.
// No Node APIs: this runs in the browser too.
import { Deflate, deflateSync, Inflate } from 'fflate';

/** Why an archive was refused: damaged, a part too large to inflate safely, a wrong CRC-32, a name used twice. */
export type ZipProblem = 'format' | 'too_large' | 'crc' | 'duplicate';

export class ZipFormatError extends Error {
  constructor(message: string, readonly problem: ZipProblem = 'format', readonly part = '', readonly limit = 0) {
    super(message);
    this.name = 'ZipFormatError';
  }
}

/** No part may inflate past this by default (a sheet of 300k rows is about 120 MB of XML). */
export const DEFAULT_MAX_PART_BYTES = 256 * 1024 * 1024;
/**
 * Compressed bytes fed to the streaming inflater at a time. Deflate expands at most ~1032×, so one piece
 * overshoots a lying size by at most ~1032× its length; pieces much under a deflate block are slow
 * (fflate decodes a partial block again on every push), hence 64 KB to 1 MB, smaller as less is expected.
 */
const MIN_INFLATE_PIECE = 1 << 16;
const MAX_INFLATE_PIECE = 1 << 20;
const inflatePiece = (size: number, pos: number): number => Math.min(MAX_INFLATE_PIECE, Math.max(MIN_INFLATE_PIECE, Math.ceil((size - pos) / 64)));

/**
 * A native raw-inflate that stops past `maxBytes` (Node's zlib with maxOutputLength), registered by the
 * Node side (node-files.ts); the browser uses fflate's streaming inflater below.
 */
export type BoundedInflate = (raw: Uint8Array, maxBytes: number) => Uint8Array;
let nativeInflate: BoundedInflate | null = null;

export function useNativeInflate(fn: BoundedInflate | null): void {
  nativeInflate = fn;
}

export interface ZipEntry {
  /** Name as stored, with "\" turned into "/". */
  readonly name: string;
  readonly flags: number;
  readonly method: number;
  readonly dosTime: number;
  readonly dosDate: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const U32_MAX = 0xffffffff;

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function u64(dv: DataView, at: number): number {
  // Two halves: safe up to 2^53, far beyond any workbook.
  return dv.getUint32(at, true) + dv.getUint32(at + 4, true) * 0x100000000;
}

/** True when the bytes start like a zip archive (a local header, or an empty archive's end record). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b &&
    ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
}

const utf8 = new TextDecoder('utf-8');
const latin1 = new TextDecoder('latin1');

/** Lists the archive's entries from its central directory (zip64 records understood). */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  const n = bytes.length;
  if (n < 22) throw new ZipFormatError('too short for a zip archive');
  const dv = view(bytes);
  let eocd = -1;
  const stop = Math.max(0, n - 22 - 0xffff);
  for (let i = n - 22; i >= stop; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 5 && bytes[i + 3] === 6) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError('no end of central directory (truncated?)');
  let count = dv.getUint16(eocd + 10, true);
  let cdSize = dv.getUint32(eocd + 12, true);
  let cdOffset = dv.getUint32(eocd + 16, true);
  if (count === 0xffff || cdSize === U32_MAX || cdOffset === U32_MAX) {
    const loc = eocd - 20;
    if (loc >= 0 && dv.getUint32(loc, true) === SIG_EOCD64_LOCATOR) {
      const at = u64(dv, loc + 8);
      if (at + 56 > n || dv.getUint32(at, true) !== SIG_EOCD64) throw new ZipFormatError('bad zip64 end record');
      count = u64(dv, at + 32);
      cdSize = u64(dv, at + 40);
      cdOffset = u64(dv, at + 48);
    }
  }
  if (cdOffset + cdSize > n) throw new ZipFormatError('central directory outside the file (truncated?)');
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > n || dv.getUint32(p, true) !== SIG_CENTRAL) throw new ZipFormatError('bad central directory entry');
    const flags = dv.getUint16(p + 8, true);
    const method = dv.getUint16(p + 10, true);
    const dosTime = dv.getUint16(p + 12, true);
    const dosDate = dv.getUint16(p + 14, true);
    const crc = dv.getUint32(p + 16, true);
    let compressedSize = dv.getUint32(p + 20, true);
    let size = dv.getUint32(p + 24, true);
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    let localOffset = dv.getUint32(p + 42, true);
    const nameStart = p + 46;
    if (nameStart + nameLen + extraLen + commentLen > n) throw new ZipFormatError('bad central directory entry');
    const rawName = bytes.subarray(nameStart, nameStart + nameLen);
    const name = ((flags & 0x800) ? utf8 : latin1).decode(rawName).replace(/\\/g, '/');
    if (size === U32_MAX || compressedSize === U32_MAX || localOffset === U32_MAX) {
      // zip64 extended information: only the fields that overflowed, in this order.
      let e = nameStart + nameLen;
      const eEnd = e + extraLen;
      while (e + 4 <= eEnd) {
        const id = dv.getUint16(e, true);
        const len = dv.getUint16(e + 2, true);
        if (id === 1) {
          let q = e + 4;
          if (size === U32_MAX) { size = u64(dv, q); q += 8; }
          if (compressedSize === U32_MAX) { compressedSize = u64(dv, q); q += 8; }
          if (localOffset === U32_MAX) localOffset = u64(dv, q);
          break;
        }
        e += 4 + len;
      }
    }
    entries.push({ name, flags, method, dosTime, dosDate, crc, compressedSize, size, localOffset });
    p = nameStart + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** The entry's stored (usually deflated) bytes, as a view into `bytes`. */
export function rawEntryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const at = entry.localOffset;
  if (at + 30 > bytes.length) throw new ZipFormatError(`${entry.name}: local header outside the file`);
  const dv = view(bytes);
  if (dv.getUint32(at, true) !== SIG_LOCAL) throw new ZipFormatError(`${entry.name}: bad local header`);
  const start = at + 30 + dv.getUint16(at + 26, true) + dv.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ZipFormatError(`${entry.name}: data outside the file (truncated?)`);
  return bytes.subarray(start, end);
}

/**
 * Inflates one entry and checks its CRC-32. The result may share memory with `bytes` (stored entries)
 * or with `scratch` (a buffer the caller reuses across entries, at least entry.size long).
 * Guarded against zip bombs: a declared size over `maxBytes` is refused before any work, and the
 * inflater is fed in small pieces and stopped as soon as it yields more than the declared size, so
 * a lying size costs one piece of work and no more than entry.size of memory.
 */
export function extractEntry(bytes: Uint8Array, entry: ZipEntry, scratch?: Uint8Array, maxBytes = DEFAULT_MAX_PART_BYTES): Uint8Array {
  if (entry.flags & 1) throw new ZipFormatError(`${entry.name}: encrypted zip entry`, 'format', entry.name);
  if (entry.size > maxBytes) {
    throw new ZipFormatError(`${entry.name}: inflates to ${entry.size} bytes, over the limit of ${maxBytes}`, 'too_large', entry.name, maxBytes);
  }
  const raw = rawEntryData(bytes, entry);
  let out: Uint8Array;
  if (entry.method === 0) {
    if (raw.length !== entry.size) throw new ZipFormatError(`${entry.name}: stored size differs from the directory`, 'format', entry.name);
    out = raw;
  } else if (entry.method === 8) {
    out = inflateBounded(raw, entry, scratch);
  } else {
    throw new ZipFormatError(`${entry.name}: unsupported compression method ${entry.method}`, 'format', entry.name);
  }
  if (crc32(out) !== entry.crc) throw new ZipFormatError(`${entry.name}: CRC-32 mismatch`, 'crc', entry.name);
  return out;
}

function inflateBounded(raw: Uint8Array, entry: ZipEntry, scratch?: Uint8Array): Uint8Array {
  const size = entry.size;
  if (nativeInflate) {
    let out: Uint8Array;
    try {
      out = nativeInflate(raw, size);
    } catch (e) {
      const tooBig = (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
      throw new ZipFormatError(tooBig ? `${entry.name}: inflates past its declared size of ${size} bytes` : `${entry.name}: ${e instanceof Error ? e.message : String(e)}`, 'format', entry.name);
    }
    if (out.length !== size) throw new ZipFormatError(`${entry.name}: inflated size differs from the directory`, 'format', entry.name);
    return out;
  }
  const target = scratch && scratch.length >= size ? scratch.subarray(0, size) : new Uint8Array(size);
  const overflow = (): ZipFormatError =>
    new ZipFormatError(`${entry.name}: inflates past its declared size of ${size} bytes`, 'format', entry.name);
  let pos = 0;
  let ended = false;
  const inflater = new Inflate((data, final) => {
    if (pos + data.length > size) throw overflow();
    target.set(data, pos);
    pos += data.length;
    if (final) ended = true;
  });
  try {
    for (let i = 0; i < raw.length && !ended;) {
      const end = Math.min(raw.length, i + inflatePiece(size, pos));
      inflater.push(raw.subarray(i, end), end === raw.length);
      i = end;
    }
  } catch (e) {
    if (e instanceof ZipFormatError) throw e;
    throw new ZipFormatError(`${entry.name}: ${e instanceof Error ? e.message : String(e)}`, 'format', entry.name);
  }
  if (pos !== size) throw new ZipFormatError(`${entry.name}: inflated size differs from the directory`, 'format', entry.name);
  return target;
}

/** The platform's own raw-inflate stream (browsers, workers, Node 18+), or null where there is none. */
function streamInflater(): (() => TransformStream<Uint8Array, Uint8Array>) | null {
  const DS = (globalThis as { DecompressionStream?: new (format: string) => TransformStream<Uint8Array, Uint8Array> }).DecompressionStream;
  if (typeof DS !== 'function') return null;
  try {
    new DS('deflate-raw');
  } catch {
    return null; // an older engine without "deflate-raw"
  }
  return () => new DS('deflate-raw');
}
let nativeStream: (() => TransformStream<Uint8Array, Uint8Array>) | null | undefined;

/** Stream-inflate failed for a reason of its own (not a guard): the caller inflates with fflate instead. */
class StreamInflateError extends Error {}

/**
 * extractEntry with the platform's native inflater (several times faster than fflate), off the caller's
 * stack: the pane's worker reads a 10 MB workbook this way. Same guards: a declared size over `maxBytes`
 * is refused first; compressed pieces go in one at a time (sized as in inflateBounded), so a lying size
 * costs at most one piece's worth of output before the stream is stopped; the CRC-32 is computed as the
 * bytes come. Where there is no native stream, or it refuses data fflate would take, extractEntry does it.
 */
export async function extractEntryAsync(bytes: Uint8Array, entry: ZipEntry, scratch?: Uint8Array, maxBytes = DEFAULT_MAX_PART_BYTES): Promise<Uint8Array> {
  if (nativeStream === undefined) nativeStream = streamInflater();
  // Small parts are not worth a stream; a registered native inflater (Node) is synchronous and fast already.
  if (!nativeStream || nativeInflate || entry.method !== 8 || entry.flags & 1 || entry.size > maxBytes || entry.size < 1 << 16) {
    return extractEntry(bytes, entry, scratch, maxBytes);
  }
  const raw = rawEntryData(bytes, entry);
  const size = entry.size;
  const target = scratch && scratch.length >= size ? scratch.subarray(0, size) : new Uint8Array(size);
  const stream = nativeStream();
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  let pos = 0;
  let crc = 0;
  let stop = false;
  const feed = (async () => {
    for (let i = 0; i < raw.length && !stop;) {
      const end = Math.min(raw.length, i + inflatePiece(size, pos));
      await writer.write(raw.subarray(i, end));
      i = end;
    }
    if (!stop) await writer.close();
  })();
  feed.catch(() => undefined); // its failure shows on the reading side
  try {
    for (;;) {
      let got: ReadableStreamReadResult<Uint8Array>;
      try {
        got = await reader.read();
      } catch (e) {
        throw new StreamInflateError(e instanceof Error ? e.message : String(e));
      }
      if (got.done) break;
      const data = got.value;
      if (pos + data.length > size) throw new ZipFormatError(`${entry.name}: inflates past its declared size of ${size} bytes`, 'format', entry.name);
      target.set(data, pos);
      crc = crc32(data, crc);
      pos += data.length;
    }
  } catch (e) {
    stop = true;
    void reader.cancel().catch(() => undefined);
    // Data the native stream refuses (trailing bytes, say) goes through fflate, whose verdict stands.
    if (e instanceof StreamInflateError) return extractEntry(bytes, entry, scratch, maxBytes);
    throw e;
  }
  if (pos !== size) throw new ZipFormatError(`${entry.name}: inflated size differs from the directory`, 'format', entry.name);
  if (crc !== entry.crc) throw new ZipFormatError(`${entry.name}: CRC-32 mismatch`, 'crc', entry.name);
  return target;
}

// ---------------------------------------------------------------------------------------------
// CRC-32, slicing by 8: every part read is checked, and the writer checksums every byte of large sheets.

const CRC_TABLES: Int32Array[] = (() => {
  const t0 = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t0[n] = c;
  }
  const tables = [t0];
  for (let t = 1; t < 8; t++) {
    const prev = tables[t - 1]!;
    const cur = new Int32Array(256);
    for (let n = 0; n < 256; n++) cur[n] = (prev[n]! >>> 8) ^ t0[prev[n]! & 0xff]!;
    tables.push(cur);
  }
  return tables;
})();

/** Whole 32-bit words read through an Int32Array are little-endian only on a little-endian machine. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

export function crc32(data: Uint8Array, seed = 0): number {
  const [t0, t1, t2, t3, t4, t5, t6, t7] = CRC_TABLES as [Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array];
  let c = ~seed;
  let i = 0;
  const n = data.length;
  if (LITTLE_ENDIAN && n >= 64) {
    // Bytes up to a 4-byte boundary, then 8 bytes a step read as two words (a quarter faster than bytes).
    while (((data.byteOffset + i) & 3) !== 0) c = t0[(c ^ data[i++]!) & 0xff]! ^ (c >>> 8);
    const pairs = (n - i) >>> 3;
    const w = new Int32Array(data.buffer, data.byteOffset + i, pairs * 2);
    for (let k = 0; k < w.length; k += 2) {
      c ^= w[k]!;
      const hi = w[k + 1]!;
      c = t7[c & 0xff]! ^ t6[(c >>> 8) & 0xff]! ^ t5[(c >>> 16) & 0xff]! ^ t4[c >>> 24]! ^
        t3[hi & 0xff]! ^ t2[(hi >>> 8) & 0xff]! ^ t1[(hi >>> 16) & 0xff]! ^ t0[hi >>> 24]!;
    }
    i += pairs * 8;
  }
  for (; i < n; i++) c = t0[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

// ---------------------------------------------------------------------------------------------
// Writer: entries are prepared first (compressed, checksummed) and laid out by buildZip in the order
// the caller wants. Local headers carry the CRC and sizes (no data descriptors): every reader accepts that.

export type DeflateLevel = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

export interface PreparedEntry {
  readonly name: string;
  readonly flags: number;
  readonly method: number;
  readonly dosTime: number;
  readonly dosDate: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly chunks: readonly Uint8Array[];
}

/** 1980-01-01 00:00, the DOS epoch: new entries get a fixed time so equal input gives equal bytes. */
const DOS_DATE_1980 = (0 << 9) | (1 << 5) | 1;

/** An entry of another archive, copied without inflating it. */
export function prepareRaw(entry: ZipEntry, raw: Uint8Array): PreparedEntry {
  return {
    name: entry.name,
    flags: entry.flags & 0x6, // keep the deflate option bits; sizes now sit in the local header
    method: entry.method,
    dosTime: entry.dosTime,
    dosDate: entry.dosDate,
    crc: entry.crc,
    compressedSize: raw.length,
    size: entry.size,
    chunks: [raw],
  };
}

export function prepareBytes(name: string, data: Uint8Array, level: DeflateLevel = 6): PreparedEntry {
  const packed = level > 0 && data.length > 0 ? deflateSync(data, { level }) : data;
  return {
    name, flags: 0, method: packed === data ? 0 : 8, dosTime: 0, dosDate: DOS_DATE_1980,
    crc: crc32(data), compressedSize: packed.length, size: data.length, chunks: [packed],
  };
}

const encoder = new TextEncoder();

export function prepareText(name: string, text: string, level: DeflateLevel = 6): PreparedEntry {
  return prepareBytes(name, encoder.encode(text), level);
}

/** An entry whose content arrives in pieces: deflated and checksummed as it comes. */
export class EntryStream {
  private crc = 0;
  private size = 0;
  private readonly deflate: Deflate;
  private readonly chunks: Uint8Array[] = [];
  private result: PreparedEntry | null = null;

  constructor(private readonly name: string, level: DeflateLevel = 6) {
    this.deflate = new Deflate({ level: level === 0 ? 1 : level }, (data) => {
      if (data.length) this.chunks.push(data);
    });
  }

  push(data: Uint8Array): void {
    if (this.result) throw new Error('zip entry already closed');
    if (!data.length) return;
    this.crc = crc32(data, this.crc);
    this.size += data.length;
    this.deflate.push(data, false);
  }

  end(): PreparedEntry {
    if (this.result) return this.result;
    this.deflate.push(new Uint8Array(0), true);
    let compressedSize = 0;
    for (const c of this.chunks) compressedSize += c.length;
    this.result = {
      name: this.name, flags: 0, method: 8, dosTime: 0, dosDate: DOS_DATE_1980,
      crc: this.crc, compressedSize, size: this.size, chunks: this.chunks,
    };
    return this.result;
  }
}

/**
 * Archives whose every entry has been checked (CRC-32, sizes), or that we built ourselves: copying their
 * entries raw needs no new check. Held weakly: an archive dropped by its owner drops out.
 */
const verifiedArchives = new WeakSet<Uint8Array>();

export function isVerifiedArchive(bytes: Uint8Array): boolean {
  return verifiedArchives.has(bytes);
}

export function markVerifiedArchive(bytes: Uint8Array): void {
  verifiedArchives.add(bytes);
}

export function buildZip(entries: readonly PreparedEntry[]): Uint8Array {
  const seen = new Set<string>();
  const names = entries.map((e) => {
    const key = e.name.toLowerCase();
    if (seen.has(key)) throw new Error(`duplicate zip entry ${e.name}`);
    seen.add(key);
    return encoder.encode(e.name);
  });
  let total = 22;
  entries.forEach((e, k) => {
    if (e.size > U32_MAX - 1 || e.compressedSize > U32_MAX - 1) throw new Error(`${e.name}: entry too large`);
    total += 30 + 46 + 2 * names[k]!.length + e.compressedSize;
  });
  if (total > U32_MAX || entries.length > 0xffff) throw new Error('workbook too large for a zip without zip64');
  const out = new Uint8Array(total);
  const dv = view(out);
  let p = 0;
  const offsets: number[] = [];
  entries.forEach((e, k) => {
    const name = names[k]!;
    const flags = e.flags | (name.length !== e.name.length ? 0x800 : 0);
    offsets.push(p);
    dv.setUint32(p, SIG_LOCAL, true);
    dv.setUint16(p + 4, 20, true);
    dv.setUint16(p + 6, flags, true);
    dv.setUint16(p + 8, e.method, true);
    dv.setUint16(p + 10, e.dosTime, true);
    dv.setUint16(p + 12, e.dosDate, true);
    dv.setUint32(p + 14, e.crc, true);
    dv.setUint32(p + 18, e.compressedSize, true);
    dv.setUint32(p + 22, e.size, true);
    dv.setUint16(p + 26, name.length, true);
    dv.setUint16(p + 28, 0, true);
    out.set(name, p + 30);
    p += 30 + name.length;
    for (const c of e.chunks) {
      out.set(c, p);
      p += c.length;
    }
  });
  const cdStart = p;
  entries.forEach((e, k) => {
    const name = names[k]!;
    const flags = e.flags | (name.length !== e.name.length ? 0x800 : 0);
    dv.setUint32(p, SIG_CENTRAL, true);
    dv.setUint16(p + 4, 20, true);
    dv.setUint16(p + 6, 20, true);
    dv.setUint16(p + 8, flags, true);
    dv.setUint16(p + 10, e.method, true);
    dv.setUint16(p + 12, e.dosTime, true);
    dv.setUint16(p + 14, e.dosDate, true);
    dv.setUint32(p + 16, e.crc, true);
    dv.setUint32(p + 20, e.compressedSize, true);
    dv.setUint32(p + 24, e.size, true);
    dv.setUint16(p + 28, name.length, true);
    // extra, comment, disk number and attributes stay 0
    dv.setUint32(p + 42, offsets[k]!, true);
    out.set(name, p + 46);
    p += 46 + name.length;
  });
  dv.setUint32(p, SIG_EOCD, true);
  dv.setUint16(p + 8, entries.length, true);
  dv.setUint16(p + 10, entries.length, true);
  dv.setUint32(p + 12, p - cdStart, true);
  dv.setUint32(p + 16, cdStart, true);
  // Raw-copied entries were checked before they were copied (verifyArchive); ours have fresh CRCs.
  markVerifiedArchive(out);
  return out;
}
