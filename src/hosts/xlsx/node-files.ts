// Node-only file helpers for the CLI (kept apart so read.ts / write.ts stay browser-safe).
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import { useNativeInflate } from './zip';

// In Node the reader inflates with zlib: native speed, and maxOutputLength stops a zip bomb at once.
useNativeInflate((raw, maxBytes) => {
  const out = inflateRawSync(raw, { maxOutputLength: Math.max(1, maxBytes) });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
});

/** The whole file as bytes. Errors keep their Node code (ENOENT, EISDIR, EACCES…) for the CLI to map. */
export async function readFileBytes(file: string): Promise<Uint8Array> {
  const buf = await fs.readFile(file);
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

/**
 * Writes a file completely or not at all: a temporary file in the same directory (same file system,
 * so the rename is atomic), flushed to disk, then renamed over the target. On any failure the
 * temporary file is removed and the target is left as it was.
 */
export async function writeFileAtomic(file: string, bytes: Uint8Array): Promise<void> {
  // The folder as spelled (not path.resolve'd: "dirlink/.." must mean what the file system says it means),
  // so the temporary file sits beside the real target and the rename stays on one file system.
  const tmp = `${path.dirname(file)}${path.sep}.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  let handle: fs.FileHandle | null = null;
  try {
    handle = await fs.open(tmp, 'wx');
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
    handle = null;
    await fs.rename(tmp, file);
  } catch (e) {
    if (handle) await handle.close().catch(() => undefined);
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
}

/** What an output path is now: absent, a regular file (with its identity), or something we must not replace. */
export type OutputTarget =
  | { readonly kind: 'absent' }
  | { readonly kind: 'file'; readonly dev: number; readonly ino: number }
  | { readonly kind: 'symlink' | 'special' | 'directory' };

export async function outputTarget(file: string): Promise<OutputTarget> {
  let st;
  try {
    st = await fs.lstat(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'absent' };
    throw e;
  }
  if (st.isSymbolicLink()) return { kind: 'symlink' };
  if (st.isDirectory()) return { kind: 'directory' };
  if (!st.isFile()) return { kind: 'special' }; // device, FIFO, socket
  return { kind: 'file', dev: st.dev, ino: st.ino };
}

/**
 * True when `a` and `b` are the same file, whatever their spelling: symlinks followed, "dir/../x"
 * resolved on disk, hard links by device and inode. A path that does not exist is nobody's file.
 */
export async function sameFile(a: string, b: string): Promise<boolean> {
  const [sa, sb] = await Promise.all([fs.stat(a).catch(() => null), fs.stat(b).catch(() => null)]);
  if (!sa || !sb) return false;
  return sa.dev === sb.dev && sa.ino === sb.ino;
}

/**
 * Writes a set of files into `dir` completely or not at all: every file goes to a temporary folder
 * inside `dir` first, then each is renamed into place (an existing file set aside until the end).
 * On any failure the renamed files are taken back and the set-aside ones restored; a folder we
 * created is removed. `check` may refuse a target (it runs just before that target is replaced).
 * Returns `rollback` for the caller to undo a finished set when something after it fails.
 */
export async function writeFileSetAtomic(
  dir: string,
  files: readonly { readonly name: string; readonly bytes: Uint8Array }[],
  check: (target: string) => Promise<void> = async () => undefined,
): Promise<{ commit(): Promise<void>; rollback(): Promise<void> }> {
  // mkdir tells us the first folder it made: the one to remove if the set fails.
  const made = await fs.mkdir(dir, { recursive: true });
  const tmp = await fs.mkdtemp(path.join(dir, '.tablero-'));
  const placed: { target: string; backup: string | null }[] = [];
  const rollback = async (): Promise<void> => {
    for (const p of placed.reverse()) {
      await fs.rm(p.target, { force: true }).catch(() => undefined);
      if (p.backup) await fs.rename(p.backup, p.target).catch(() => undefined);
    }
    placed.length = 0;
    await fs.rm(tmp, { recursive: true, force: true }).catch(() => undefined);
    if (made !== undefined) await fs.rm(made, { recursive: true, force: true }).catch(() => undefined);
  };
  try {
    for (const f of files) {
      const handle = await fs.open(path.join(tmp, f.name), 'wx');
      try {
        await handle.writeFile(f.bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
    for (const f of files) {
      const target = path.join(dir, f.name);
      await check(target);
      let backup: string | null = path.join(tmp, `${f.name}.old`);
      try {
        await fs.rename(target, backup);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
        backup = null;
      }
      placed.push({ target, backup });
      await fs.rename(path.join(tmp, f.name), target);
    }
  } catch (e) {
    await rollback();
    throw e;
  }
  return {
    commit: async () => {
      placed.length = 0;
      await fs.rm(tmp, { recursive: true, force: true }).catch(() => undefined);
    },
    rollback,
  };
}
