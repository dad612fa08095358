/**
 * Bundles opened from the file manager: a double-click gives their path on the command line (of this
 * instance, or of a second one that hands its arguments over), macOS gives it by `open-file`, possibly
 * before the app is ready. The paths wait here until the page says it listens, then go to it one by one.
 * Pure: no Electron, the file system behind `isFile`.
 */
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The exchange's bundle extension (exchange/bundle.ts BUNDLE_EXTENSION; a test holds them equal). */
export const BUNDLE_EXTENSION = '.synthese';

/**
 * The bundle paths among command-line arguments, absolute, in order, once each: flags (Electron's and
 * Chromium's own), the executable, the app's folder, missing files and other extensions are left out.
 * `file://` URLs (what some Linux file managers pass) count as their path.
 */
export function bundlePathsIn(argv: readonly string[], workingDirectory: string, isFile: (path: string) => boolean): string[] {
  const found: string[] = [];
  for (const arg of argv) {
    if (typeof arg !== 'string' || arg === '' || arg.startsWith('-')) continue;
    let path: string;
    try {
      path = arg.startsWith('file://') ? fileURLToPath(arg) : arg;
    } catch {
      continue;
    }
    if (!path.toLowerCase().endsWith(BUNDLE_EXTENSION)) continue;
    const absolute = isAbsolute(path) ? path : resolve(workingDirectory, path);
    if (found.includes(absolute) || !safeIsFile(isFile, absolute)) continue;
    found.push(absolute);
  }
  return found;
}

function safeIsFile(isFile: (path: string) => boolean, path: string): boolean {
  try {
    return isFile(path);
  } catch {
    return false;
  }
}

export interface BundleInbox {
  /** Bundles opened: delivered now if the page listens, else kept for it. */
  offer(paths: readonly string[]): void;
  /**
   * The page listens: what waited goes first, in the order it came. `deliver` answers false when the
   * page is gone: the path waits again, and so do the next ones.
   */
  listen(deliver: (path: string) => boolean): void;
  /** The page is gone or reloading: keep what comes until it listens again. */
  pause(): void;
  /** What waits, for the shell's tests and logs. */
  pending(): readonly string[];
}

export function bundleInbox(): BundleInbox {
  const waiting: string[] = [];
  let deliver: ((path: string) => boolean) | null = null;
  const flush = () => {
    while (deliver && waiting.length > 0) {
      if (deliver(waiting[0]!)) waiting.shift();
      else deliver = null;
    }
  };
  return {
    offer(paths) {
      for (const path of paths) if (!waiting.includes(path)) waiting.push(path);
      flush();
    },
    listen(next) {
      deliver = next;
      flush();
    },
    pause() {
      deliver = null;
    },
    pending: () => [...waiting],
  };
}
