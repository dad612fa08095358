/** shell: nothing leaves the stand-in; every link or folder the app would open is recorded. */
import { record } from './state.ts';

export const shell = {
  async openExternal(url: string, options?: unknown): Promise<void> {
    record('shell', 'openExternal', options === undefined ? [url] : [url, options]);
  },
  async openPath(path: string): Promise<string> {
    record('shell', 'openPath', [path]);
    return '';
  },
  showItemInFolder(fullPath: string): void {
    record('shell', 'showItemInFolder', [fullPath]);
  },
};
