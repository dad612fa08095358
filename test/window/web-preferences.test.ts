import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src-main/window/content-security-policy.ts';
import { isSafeExternalUrl } from '../../src-main/window/link-guard.ts';
import type { MenuItemConstructorOptions } from 'electron';
import { menuTemplate } from '../../src-main/window/menu-template.ts';
import { secureWebPreferences } from '../../src-main/window/web-preferences.ts';

describe('window security checklist', () => {
  it('isolates and sandboxes the renderer, without Node', () => {
    const prefs = secureWebPreferences('/app/preload.cjs', { packaged: true });
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('keeps DevTools out of the installed app, not out of development', () => {
    expect(secureWebPreferences('/app/preload.cjs', { packaged: true }).devTools).toBe(false);
    expect(secureWebPreferences('/app/preload.cjs', { packaged: false }).devTools).toBe(true);
  });

  it('has a strict CSP: own content only, no inline script, no remote origin', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    // Inline styles only by hash: the design system's two color-scheme rules.
    expect(CONTENT_SECURITY_POLICY.match(/'sha256-[^']+'/g)).toHaveLength(2);
  });
});

describe('external link guard', () => {
  it.each(['https://ent2d.ac-bordeaux.fr/mediacad/m/24061', 'mailto:dane@region-academique-nouvelle-aquitaine.fr'])('lets %s out', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true);
  });
  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://serveur/partage',
    'http://www.lyc-darnet.ac-limoges.fr/spip.php?article1037',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox',
    'https://user:secret@example.org/',
    'ms-msdt:/id PCWDiagnostic',
    'mailto:',
    'pas une adresse',
    'mailto:%E0@x.fr',
  ])('refuses %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });
});

describe('application menu', () => {
  const actions = { openCatalogue: () => {}, backupNow: () => {}, restoreBackup: () => {}, showBackups: () => {}, about: () => {} };
  /** Every item, submenus included. */
  const items = (template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
    template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
  const devToolsEntries = (template: MenuItemConstructorOptions[]) =>
    items(template).filter((item) => item.role === 'toggleDevTools' || /devtools|développement/i.test(`${item.label} ${item.accelerator ?? ''}`));

  it.each(['linux', 'win32', 'darwin'] as const)('offers no DevTools entry (nor its shortcut) in the installed app (%s)', (platform) => {
    const template = menuTemplate(actions, { packaged: true, platform });
    expect(devToolsEntries(template)).toEqual([]);
    expect(items(template).map((item) => item.accelerator).filter(Boolean)).not.toContain('F12');
  });

  it('offers them in development', () => {
    expect(devToolsEntries(menuTemplate(actions, { packaged: false, platform: 'linux' }))).toHaveLength(1);
  });

  it('speaks French, with the usual shortcuts', () => {
    const template = menuTemplate(actions, { packaged: true, platform: 'linux' });
    expect(template.map((item) => item.label)).toEqual(['Fichier', 'Édition', 'Affichage', 'Aide']);
    expect(items(template).find((item) => item.accelerator === 'CmdOrCtrl+S')?.label).toBe('Sauvegarder le catalogue maintenant');
  });
});
