import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';

/**
 * Writes the files of one save (a workbook; or a CSV with its codebook, SPSS syntax and R script)
 * the safe way: every file first goes to a temporary file beside its target and is synced; only
 * when all are written are they renamed into place, the first (main) file last. A failure on the way removes the
 * temporary files and leaves no half-written file behind (a target is only ever replaced by a
 * complete file).
 */
export function writeFilesAtomically(files: readonly { path: string; bytes: Uint8Array }[]): void {
  const written: { tmp: string; target: string }[] = [];
  try {
    for (const file of files) {
      const tmp = `${file.path}.${randomBytes(6).toString('hex')}.tmp`;
      const fd = openSync(tmp, 'wx');
      written.push({ tmp, target: file.path });
      try {
        writeSync(fd, file.bytes);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
    // The first file is the main one (the CSV beside its syntax files): it is renamed last, so if
    // any rename fails the main file does not appear without its companions.
    for (const { tmp, target } of [...written].reverse()) renameSync(tmp, target);
  } catch (err) {
    for (const { tmp } of written) rmSync(tmp, { force: true });
    throw err;
  }
}

/** Writes bytes to a temporary file beside the target, syncs it, then renames it into place. */
export function writeFileAtomically(target: string, bytes: Uint8Array): void {
  writeFilesAtomically([{ path: target, bytes }]);
}

/** A file beside `path` with another extension: `/x/data.csv` → `/x/data.sps`. */
export function siblingPath(path: string, extension: string): string {
  const ext = extname(path);
  return join(dirname(path), `${basename(path, ext)}${extension}`);
}

/** A file name without characters that Windows or macOS refuse. */
export function safeFileName(parts: string[]): string {
  return parts
    .join('-')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .slice(0, 120);
}
