import { describe, expect, it } from 'vitest';
import { linkText } from '../../src-main/synthesis/link-text.ts';
import { inlines } from '../../src-main/synthesis/markup.ts';

describe('web addresses in a document', () => {
  it('reads a short address as typed, as seed 004 prints its links', () => {
    expect(linkText('https://ent2d.ac-bordeaux.fr/mediacad/m/24059')).toBe('https://ent2d.ac-bordeaux.fr/mediacad/m/24059');
  });

  it('reads a long one by its domain, the whole address staying the target', () => {
    const url = 'https://www.padlet.com/dane-poitiers/retours-experience-continuite-pedagogique-2020-lycees-xk42';
    expect(linkText(url)).toBe('padlet.com');
    expect(inlines(`Voir ${url} pour le détail.`)).toEqual([
      { kind: 'text', text: 'Voir ' },
      { kind: 'link', text: 'padlet.com', url },
      { kind: 'text', text: ' pour le détail.' },
    ]);
  });
});
