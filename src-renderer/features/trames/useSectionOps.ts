/**
 * Moving, adding and removing sections, with the focus kept where the user was (a moved section's
 * DOM node may lose it) and a sentence for screen readers after each move.
 */
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { TrameSection } from '../../../src-main/contract/schemas/trame.ts';
import { useApp } from '../../app/AppContext.tsx';
import { sectionKey } from './labels.ts';
import type { SectionHandlers } from './SectionEditor.tsx';
import type { useTrameEditor } from './useTrameEditor.ts';

type Editor = ReturnType<typeof useTrameEditor>;

interface PendingFocus {
  key: string;
  element: HTMLElement | null;
}

export function useSectionOps(editor: Editor) {
  const { notify } = useApp();
  const { draftRef, commit, edit, editSection, commitSection, save } = editor;
  const [announcement, setAnnouncement] = useState('');
  const pending = useRef<PendingFocus | null>(null);

  useLayoutEffect(() => {
    const target = pending.current;
    if (!target) return;
    pending.current = null;
    const item = document.querySelector<HTMLElement>(`[data-section="${target.key}"]`);
    const element = target.element;
    if (element && element.isConnected && !(element as HTMLButtonElement).disabled && item?.contains(element)) {
      if (document.activeElement !== element) element.focus();
    } else {
      // A button that just became disabled (top or bottom reached): the other one, else the section.
      const other = item?.querySelector<HTMLButtonElement>('[data-move]:not([disabled])');
      (element?.dataset.move && other ? other : item)?.focus();
    }
  }, [editor.draft]);

  const move = useCallback((key: string, direction: -1 | 1) => {
    const sections = [...draftRef.current.sections];
    const index = sections.findIndex((s) => s.key === key);
    const section = sections[index];
    if (!section) return;
    let other = index + direction;
    while (other >= 0 && other < sections.length && sections[other]!.scope !== section.scope) other += direction;
    if (other < 0 || other >= sections.length) return;
    sections[index] = sections[other]!;
    sections[other] = section;
    pending.current = { key, element: document.activeElement as HTMLElement | null };
    const group = sections.filter((s) => s.scope === section.scope);
    setAnnouncement(`Section « ${section.title} » déplacée en position ${group.indexOf(section) + 1} sur ${group.length}.`);
    void commit({ sections });
  }, [draftRef, commit]);

  const remove = useCallback((key: string) => {
    const before = draftRef.current.sections;
    const index = before.findIndex((s) => s.key === key);
    const removed = before[index];
    if (!removed) return;
    const sections = before.filter((s) => s.key !== key);
    const next = sections.slice(index).find((s) => s.scope === removed.scope) ?? [...sections.slice(0, index)].reverse().find((s) => s.scope === removed.scope);
    if (next) pending.current = { key: next.key, element: null };
    else window.setTimeout(() => document.getElementById(`trm-group-${removed.scope}`)?.focus(), 0);
    void commit({ sections }).then((done) => {
      if (!done) return;
      notify({
        severity: 'success',
        message: `Section « ${removed.title} » supprimée de la trame.`,
        action: {
          label: 'Annuler',
          run: async () => {
            const current = draftRef.current.sections;
            if (current.some((s) => s.key === removed.key)) return;
            const restored = [...current];
            restored.splice(Math.min(index, restored.length), 0, removed);
            pending.current = { key: removed.key, element: null };
            await commit({ sections: restored });
          },
        },
      });
    });
  }, [draftRef, commit, notify]);

  const add = useCallback((section: Omit<TrameSection, 'key'>) => {
    const current = draftRef.current.sections;
    const key = sectionKey(section.title, current.map((s) => s.key));
    pending.current = { key, element: null };
    setAnnouncement(`Section « ${section.title} » ajoutée.`);
    void commit({ sections: [...current, { ...section, key }] });
  }, [draftRef, commit]);

  const handlers: SectionHandlers = {
    edit: editSection,
    commit: (key, patch) => {
      if (patch.scope) pending.current = { key, element: null };
      void commitSection(key, patch);
    },
    save: () => void save(),
    move,
    remove,
  };
  return { handlers, add, announcement, edit };
}
