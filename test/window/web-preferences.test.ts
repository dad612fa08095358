import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src-main/window/content-security-policy.ts';
import { isSafeExternalUrl } from '../../src-main/window/link-guard.ts';
import { secureWebPreferences } from '../../src-main/window/web-preferences.ts';

describe('window security checklist', () => {
  it('isolates and sandboxes the renderer, without Node', () => {
    const prefs = secureWebPreferences('/app/preload.cjs');
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
