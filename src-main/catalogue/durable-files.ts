/**
 * A file is only trusted under its final name once its bytes are on the disk: written beside it,
 * synced, renamed (atomic on one volume), then the folder synced so the rename itself survives a crash.
 */
import { closeSync, fsyncSync, openSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';

export function syncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Some file systems (and Windows) refuse to open a folder for syncing: the rename is then as durable as they make it. */
export function syncFolder(path: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    fsyncSync(fd);
  } catch {
    // best effort, see above
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** `from` synced, renamed to `to`, the folder synced. */
export function renameDurably(from: string, to: string): void {
  syncFile(from);
  renameSync(from, to);
  syncFolder(dirname(to));
}
