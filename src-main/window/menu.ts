/** The application menu (its content: menu-template.ts), for this build and platform. */
import { app, Menu } from 'electron';
import { type MenuActions, menuTemplate } from './menu-template.ts';

export type { MenuActions };

export function buildMenu(actions: MenuActions): Menu {
  return Menu.buildFromTemplate(menuTemplate(actions, { packaged: app.isPackaged, platform: process.platform }));
}
