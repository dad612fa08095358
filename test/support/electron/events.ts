/** Electron's event objects: `Event<Params>` (preventDefault, defaultPrevented, its params) and the IPC events. */

export class StandInEvent {
  #prevented = false;

  constructor(params: Record<string, unknown> = {}) {
    Object.assign(this, params);
  }

  get defaultPrevented(): boolean {
    return this.#prevented;
  }

  preventDefault(): void {
    this.#prevented = true;
  }
}

/** What ipcMain's listeners and handlers receive: who sent it (its webContents and frame). */
export function ipcMainEvent(sender: { mainFrame: unknown }, extra: Record<string, unknown> = {}): StandInEvent {
  return new StandInEvent({ type: 'frame', sender, senderFrame: sender.mainFrame, frameId: 1, processId: 1, ...extra });
}
