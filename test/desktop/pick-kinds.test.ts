import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chosenPath, dialogFor, isPickKind, PICK_KIND_NAMES, PICK_KINDS } from '../../src-main/desktop/pick-kinds.ts';
import { DESKTOP_PICK_KINDS } from '../../src-renderer/api/desktop.ts';

describe('dialog kinds', () => {
  it('are a fixed list, the renderer’s the same', () => {
    expect([...DESKTOP_PICK_KINDS].sort()).toEqual([...PICK_KIND_NAMES].sort());
    expect(isPickKind('bundle')).toBe(true);
    for (const bad of ['toString', '__proto__', 'constructor', '/etc/passwd', '', 3, null, { kind: 'bundle' }]) expect(isPickKind(bad)).toBe(false);
  });

  it('each have a French title and button', () => {
    for (const kind of PICK_KIND_NAMES) {
      expect(PICK_KINDS[kind].title).toMatch(/^(Ouvrir|Choisir|Enregistrer) /);
      expect(PICK_KINDS[kind].buttonLabel).not.toMatch(/open|save|choose/i);
    }
  });

  it('open a received bundle with its filter, save one with its name suggested', () => {
    expect(dialogFor('bundle', '/home/anne/Documents', posix.join)).toEqual({
      save: false,
      options: {
        title: 'Choisir un paquet reçu', buttonLabel: 'Choisir', defaultPath: '/home/anne/Documents',
        filters: [{ name: 'Paquet Synthèse régionale', extensions: ['synthese'] }], properties: ['openFile'],
      },
    });
    const save = dialogFor('bundle-save', '/home/anne/Documents', posix.join);
    expect(save.save).toBe(true);
    expect(save.options.defaultPath).toBe('/home/anne/Documents/paquet.synthese');
    expect(save.options.properties).toContain('showOverwriteConfirmation');
  });

  it('choose folders without a filter, sheets and Word files with theirs', () => {
    const folder = dialogFor('folder', '/d', posix.join);
    expect(folder.options.properties).toEqual(['openDirectory', 'createDirectory']);
    expect(folder.options.filters).toBeUndefined();
    expect(dialogFor('sheet', '/d', posix.join).options.filters).toEqual([{ name: 'Classeur Excel', extensions: ['xlsx'] }]);
    expect(dialogFor('sheet-save', '/d', posix.join).options.defaultPath).toBe('/d/classeur.xlsx');
    expect(dialogFor('style-template', '/d', posix.join).options.filters).toEqual([{ name: 'Document Word', extensions: ['docx'] }]);
  });

  it('answer the chosen path, or null when cancelled', () => {
    expect(chosenPath({ canceled: false, filePaths: ['/a/b.synthese'] })).toBe('/a/b.synthese');
    expect(chosenPath({ canceled: false, filePath: '/a/c.xlsx' })).toBe('/a/c.xlsx');
    expect(chosenPath({ canceled: true, filePaths: ['/a/b.synthese'] })).toBeNull();
    expect(chosenPath({ canceled: false, filePaths: [] })).toBeNull();
    expect(chosenPath({ canceled: false, filePath: '' })).toBeNull();
  });
});
