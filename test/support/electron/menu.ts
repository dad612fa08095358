/** Menu and MenuItem: templates built as Electron builds them (roles and types checked), the application menu kept. */
import { EventEmitter } from 'node:events';
import { state } from './state.ts';

const TYPES = ['normal', 'separator', 'submenu', 'checkbox', 'radio', 'header', 'palette'];
// Electron 38's roles (MenuItemConstructorOptions['role']); an unknown one is refused as Electron does.
export const ROLES = [
  'undo', 'redo', 'cut', 'copy', 'paste', 'pasteAndMatchStyle', 'delete', 'selectAll', 'reload', 'forceReload', 'toggleDevTools',
  'resetZoom', 'zoomIn', 'zoomOut', 'toggleSpellChecker', 'togglefullscreen', 'window', 'minimize', 'close', 'help', 'about',
  'services', 'hide', 'hideOthers', 'unhide', 'quit', 'showSubstitutions', 'toggleSmartQuotes', 'toggleSmartDashes',
  'toggleTextReplacement', 'startSpeaking', 'stopSpeaking', 'zoom', 'front', 'appMenu', 'fileMenu', 'editMenu', 'viewMenu',
  'shareMenu', 'recentDocuments', 'toggleTabBar', 'selectNextTab', 'selectPreviousTab', 'showAllTabs', 'mergeAllWindows',
  'clearRecentDocuments', 'moveTabToNewWindow', 'windowMenu',
];

type Template = Record<string, unknown> & { submenu?: Template[] | Menu };

export class MenuItem {
  readonly label: string;
  readonly type: string;
  readonly role: string | undefined;
  readonly accelerator: string | undefined;
  readonly enabled: boolean;
  readonly visible: boolean;
  readonly submenu: Menu | undefined;
  readonly click: (...args: unknown[]) => void;

  constructor(options: Template) {
    const type = (options.type as string | undefined) ?? (options.submenu ? 'submenu' : 'normal');
    if (!TYPES.includes(type)) throw new Error(`Unknown menu item type: ${type}`);
    if (options.role !== undefined && !ROLES.includes(options.role as string)) throw new Error(`Unknown menu item role: ${String(options.role)}`);
    this.label = (options.label as string | undefined) ?? '';
    this.type = type;
    this.role = options.role as string | undefined;
    this.accelerator = options.accelerator as string | undefined;
    this.enabled = options.enabled !== false;
    this.visible = options.visible !== false;
    this.submenu = options.submenu === undefined ? undefined : options.submenu instanceof Menu ? options.submenu : Menu.buildFromTemplate(options.submenu);
    const click = options.click as ((...args: unknown[]) => void) | undefined;
    const role = this.role;
    this.click = (...args: unknown[]) => {
      if (click) click(...args);
      else if (role === 'quit') void import('./app.ts').then(({ app }) => app.quit());
    };
  }
}

export class Menu extends EventEmitter {
  readonly items: MenuItem[] = [];

  static buildFromTemplate(template: (Template | MenuItem)[]): Menu {
    const menu = new Menu();
    for (const item of template) menu.append(item instanceof MenuItem ? item : new MenuItem(item));
    return menu;
  }

  static setApplicationMenu(menu: Menu | null): void {
    state.applicationMenu = menu;
  }

  static getApplicationMenu(): Menu | null {
    return (state.applicationMenu as Menu | null) ?? null;
  }

  append(item: MenuItem): void {
    this.items.push(item);
  }

  getMenuItemById(id: string): MenuItem | null {
    return (this.items.find((i) => (i as unknown as { id?: string }).id === id) ?? null);
  }
}

/** The menu as data (labels, roles, accelerators), for the driver's report. */
export function describeMenu(menu: Menu | null): unknown {
  return menu?.items.map((i) => ({ label: i.label, type: i.type, role: i.role, accelerator: i.accelerator, submenu: i.submenu ? describeMenu(i.submenu) : undefined }));
}
