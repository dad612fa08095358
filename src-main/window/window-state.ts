/** The window's size and place, remembered between launches (plain data: testable without Electron). */
import { readFileSync, writeFileSync } from 'node:fs';

export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_STATE: WindowState = { width: 1280, height: 860, maximized: false };

export function readWindowState(path: string): WindowState {
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as Partial<WindowState>;
    const ok = (n: unknown, min: number) => typeof n === 'number' && Number.isFinite(n) && n >= min;
    if (!ok(value.width, 400) || !ok(value.height, 300)) return DEFAULT_STATE;
    return {
      width: Math.min(value.width!, 10_000),
      height: Math.min(value.height!, 10_000),
      maximized: value.maximized === true,
      ...(ok(value.x, -10_000) && ok(value.y, -10_000) ? { x: value.x!, y: value.y! } : {}),
    };
  } catch {
    return DEFAULT_STATE;
  }
}

export function writeWindowState(path: string, state: WindowState): void {
  try {
    writeFileSync(path, JSON.stringify(state));
  } catch {
    // Losing the window's place is not worth an error.
  }
}
