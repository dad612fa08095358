/**
 * The French application menu (Fichier, Édition, Affichage, Aide) with the usual shortcuts, as plain
 * data: unit tests check it without Electron. The shortcuts of an Electron window are those of its
 * menu, so leaving the DevTools entry out of the installed app also takes away Ctrl+Maj+I and F12.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { ShellBuild } from './web-preferences.ts';

export interface MenuActions {
  openCatalogue: () => void;
  backupNow: () => void;
  restoreBackup: () => void;
  showBackups: () => void;
  about: () => void;
}

export function menuTemplate(actions: MenuActions, build: ShellBuild & { platform: NodeJS.Platform }): MenuItemConstructorOptions[] {
  const isMac = build.platform === 'darwin';
  const developer: MenuItemConstructorOptions[] = build.packaged
    ? []
    : [{ type: 'separator' }, { label: 'Outils de développement', role: 'toggleDevTools' }];
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'Fichier',
      submenu: [
        { label: 'Ouvrir un autre catalogue…', accelerator: 'CmdOrCtrl+O', click: actions.openCatalogue },
        { type: 'separator' },
        { label: 'Sauvegarder le catalogue maintenant', accelerator: 'CmdOrCtrl+S', click: actions.backupNow },
        { label: 'Restaurer une sauvegarde…', click: actions.restoreBackup },
        { label: 'Ouvrir le dossier des sauvegardes', click: actions.showBackups },
        { type: 'separator' },
        isMac ? { label: 'Fermer la fenêtre', role: 'close' } : { label: 'Quitter', role: 'quit', accelerator: 'Ctrl+Q' },
      ],
    },
    {
      label: 'Édition',
      submenu: [
        { label: 'Annuler', role: 'undo' },
        { label: 'Rétablir', role: 'redo' },
        { type: 'separator' },
        { label: 'Couper', role: 'cut' },
        { label: 'Copier', role: 'copy' },
        { label: 'Coller', role: 'paste' },
        { label: 'Tout sélectionner', role: 'selectAll' },
      ],
    },
    {
      label: 'Affichage',
      submenu: [
        { label: 'Actualiser', role: 'reload' },
        { type: 'separator' },
        { label: 'Taille réelle', role: 'resetZoom' },
        { label: 'Zoom avant', role: 'zoomIn' },
        { label: 'Zoom arrière', role: 'zoomOut' },
        { type: 'separator' },
        { label: 'Plein écran', role: 'togglefullscreen' },
        ...developer,
      ],
    },
    {
      label: 'Aide',
      submenu: [{ label: 'À propos de Synthèse régionale', click: actions.about }],
    },
  ];
  if (isMac) template.unshift({ label: 'Synthèse régionale', submenu: [{ label: 'Quitter Synthèse régionale', role: 'quit' }] });
  return template;
}
