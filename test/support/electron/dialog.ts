/** dialog: every call recorded; answers scripted by the test, in order; none scripted: the user cancels. */
import { record, nextAnswer } from './state.ts';

type Options = Record<string, unknown> & { buttons?: string[]; cancelId?: number };

/** Electron's optional first argument: the window the dialog belongs to. */
function split(args: unknown[]): Options {
  const options = args.length > 1 ? args[1] : args[0];
  return (options ?? {}) as Options;
}

function messageAnswer(options: Options): number {
  const scripted = nextAnswer('showMessageBox');
  if (typeof scripted === 'number') return scripted;
  return options.cancelId ?? (options.buttons && options.buttons.length > 0 ? options.buttons.length - 1 : 0);
}

function openAnswer(): { canceled: boolean; filePaths: string[] } {
  const scripted = nextAnswer('showOpenDialog') as string[] | undefined;
  return scripted ? { canceled: false, filePaths: scripted } : { canceled: true, filePaths: [] };
}

function saveAnswer(): { canceled: boolean; filePath: string } {
  const scripted = nextAnswer('showSaveDialog') as string | undefined;
  return scripted ? { canceled: false, filePath: scripted } : { canceled: true, filePath: '' };
}

export const dialog = {
  async showMessageBox(...args: unknown[]): Promise<{ response: number; checkboxChecked: boolean }> {
    record('dialog', 'showMessageBox', args);
    return { response: messageAnswer(split(args)), checkboxChecked: false };
  },
  showMessageBoxSync(...args: unknown[]): number {
    record('dialog', 'showMessageBoxSync', args);
    return messageAnswer(split(args));
  },
  showErrorBox(title: string, content: string): void {
    record('dialog', 'showErrorBox', [title, content]);
  },
  async showOpenDialog(...args: unknown[]): Promise<{ canceled: boolean; filePaths: string[] }> {
    record('dialog', 'showOpenDialog', args);
    return openAnswer();
  },
  showOpenDialogSync(...args: unknown[]): string[] | undefined {
    record('dialog', 'showOpenDialogSync', args);
    const answer = openAnswer();
    return answer.canceled ? undefined : answer.filePaths;
  },
  async showSaveDialog(...args: unknown[]): Promise<{ canceled: boolean; filePath: string }> {
    record('dialog', 'showSaveDialog', args);
    return saveAnswer();
  },
  showSaveDialogSync(...args: unknown[]): string {
    record('dialog', 'showSaveDialogSync', args);
    return saveAnswer().filePath;
  },
};
