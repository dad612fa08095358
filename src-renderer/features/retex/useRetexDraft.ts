/**
 * The retex being written: a new one (kept here until "Enregistrer") or an existing one, each field
 * saved as it is left (text) or chosen (lists).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Retex } from '../../../src-main/contract/schemas/content.ts';
import { call } from '../../api/client.ts';
import { useUnsavedWork } from '../../app/unsaved.ts';
import { useQuery } from '../../components/useCall.ts';
import { checkWebAddress } from './links.ts';
import { type LinkRow, linkRow, validLinks } from './RetexLinksEditor.tsx';
import { useSaveQueue } from './useSaveQueue.ts';

export type RetexFields = Omit<Retex, 'id' | 'campaignId' | 'links'>;
export interface Draft extends RetexFields {
  linkRows: LinkRow[];
}

function toDraft(r: Retex): Draft {
  const { id: _id, campaignId: _c, links, ...fields } = r;
  return { ...fields, linkRows: links.map((l) => linkRow(l.kind, l.url, l.label)) };
}

function emptyDraft(thematiqueId: number): Draft {
  return {
    thematiqueId, title: '', text: '', niveau: null, classes: null, etablissementUai: null, sourceMeetingId: null,
    selected: true, position: 0, linkRows: [],
  };
}

/** Where a retex kept for the synthesis goes in a thématique: after the last one kept. */
async function nextPosition(campaignId: number, thematiqueId: number): Promise<number> {
  const last = await call('retex.list', { campaignId, thematiqueId, selection: 'retenu', sort: { by: 'position', direction: 'desc' }, limit: 1 });
  return (last.items[0]?.position ?? 0) + 1;
}

export function useRetexDraft(campaignId: number, retexId: number | null, thematiqueId: number) {
  const query = useQuery('retex.get', { id: retexId ?? 1 }, retexId === null);
  const queue = useSaveQueue();
  const [draft, setDraft] = useState<Draft | null>(() => (retexId === null ? emptyDraft(thematiqueId) : null));
  const [titleError, setTitleError] = useState<string | null>(null);
  const saved = useRef<Retex | null>(null);
  useEffect(() => {
    if (!query.data) return;
    saved.current = query.data;
    setDraft(toDraft(query.data));
  }, [query.data]);

  const update = useCallback((patch: Partial<Draft>) => setDraft((d) => (d ? { ...d, ...patch } : d)), []);
  // A new retex not yet saved, or an address being corrected, would be lost by leaving: the page asks.
  const typed = !!draft && (draft.title.trim() !== '' || draft.text.trim() !== '' || draft.linkRows.some((r) => r.url.trim() !== ''));
  const refusedLink = !!draft && draft.linkRows.some((r) => r.url.trim() !== '' && !checkWebAddress(r.url).ok);
  useUnsavedWork(`retex-${retexId ?? 'nouveau'}`, (retexId === null && typed) || refusedLink);

  /** A field is left or chosen: kept in the draft, and saved at once for an existing retex. */
  const commit = useCallback(
    (patch: Partial<RetexFields>) => {
      update(patch);
      if ('title' in patch) {
        if (!patch.title?.trim()) {
          setTitleError('Le titre est obligatoire : le document l’imprime après « Retex n : ».');
          return;
        }
        setTitleError(null);
      }
      const before = saved.current;
      if (retexId === null || !before) return;
      const changed = Object.fromEntries(
        Object.entries(patch).filter(([key, value]) => JSON.stringify(before[key as keyof Retex]) !== JSON.stringify(value)),
      ) as Partial<RetexFields>;
      if (Object.keys(changed).length === 0) return;
      void queue.save(async () => {
        if (changed.thematiqueId !== undefined && before.selected) changed.position = await nextPosition(campaignId, changed.thematiqueId);
        saved.current = await call('retex.update', { id: retexId, ...changed });
      });
    },
    [update, retexId, campaignId, queue.save],
  );

  const commitLinks = useCallback(
    (rows: LinkRow[]) => {
      update({ linkRows: rows });
      const before = saved.current;
      if (retexId === null || !before) return;
      // An address being corrected is not a link removed: until it is accepted, the catalogue keeps the
      // links it had (dropping the refused row here would delete the saved link it replaces).
      if (rows.some((r) => r.url.trim() !== '' && !checkWebAddress(r.url).ok)) return;
      const links = validLinks(rows);
      if (JSON.stringify(links) === JSON.stringify(before.links)) return;
      void queue.save(async () => {
        saved.current = await call('retex.update', { id: retexId, links });
      });
    },
    [update, retexId, queue.save],
  );

  /** "Enregistrer" for a new retex; resolves to the created record, or undefined (error in `queue.error`). */
  const create = useCallback(async (): Promise<Retex | undefined> => {
    if (!draft) return undefined;
    if (!draft.title.trim()) {
      setTitleError('Le titre est obligatoire : le document l’imprime après « Retex n : ».');
      return undefined;
    }
    let created: Retex | undefined;
    const { linkRows, ...fields } = draft;
    const ok = await queue.save(async () => {
      const position = fields.selected ? await nextPosition(campaignId, fields.thematiqueId) : 0;
      created = await call('retex.create', { ...fields, campaignId, position, links: validLinks(linkRows) });
    }, 'Enregistré');
    return ok ? created : undefined;
  }, [draft, campaignId, queue.save]);

  return { query, draft, saved, queue, titleError, update, commit, commitLinks, create };
}
