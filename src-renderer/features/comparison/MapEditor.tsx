/**
 * The map of the earlier consultation's thématiques onto the later's: per earlier thématique, the later
 * ones it is compared with (boxes to tick). Saved as a whole; the proposed map is one button away.
 */
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { useEffect, useMemo, useState } from 'react';
import type { Campaign } from '../../../src-main/contract/schemas/campaign.ts';
import type { ThematiqueMap } from '../../../src-main/contract/schemas/review.ts';
import { useApp } from '../../app/AppContext.tsx';
import { useUnsavedWork } from '../../app/unsaved.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useMutation, useQuery } from '../../components/useCall.ts';
import { linksKey, yearOf } from './comparison-choices.ts';

type Link = ThematiqueMap['links'][number];

export function MapEditor({ from, to, onSaved }: { from: Campaign; to: Campaign; onSaved: () => void }) {
  const { notify } = useApp();
  const pair = { fromCampaignId: from.id, toCampaignId: to.id };
  const map = useQuery('comparison.map', pair);
  const { run, busy, error, clearError } = useMutation();
  const [draft, setDraft] = useState<Link[] | null>(null);
  // A new answer (another pair, a save) replaces the draft.
  useEffect(() => setDraft(map.data ? map.data.links : null), [map.data]);
  const dirty = draft !== null && map.data !== undefined && linksKey(draft) !== linksKey(map.data.links);
  useUnsavedWork('correspondance-thematiques', dirty);
  const checked = useMemo(() => new Set((draft ?? []).map((l) => `${l.fromThematiqueId}>${l.toThematiqueId}`)), [draft]);
  const [fromYear, toYear] = [yearOf(from), yearOf(to)];
  const earlier = [...from.thematiques].sort((a, b) => a.number - b.number);
  const later = [...to.thematiques].sort((a, b) => a.number - b.number);

  const toggle = (link: Link, on: boolean) =>
    setDraft((d) => {
      const rest = (d ?? []).filter((l) => !(l.fromThematiqueId === link.fromThematiqueId && l.toThematiqueId === link.toThematiqueId));
      return on ? [...rest, link] : rest;
    });
  const save = async () => {
    if (!draft) return;
    const saved = await run('comparison.saveMap', { ...pair, links: draft });
    if (!saved) return;
    map.reload();
    onSaved();
    notify({ severity: 'success', message: 'Correspondance des thématiques enregistrée.' });
  };
  const proposed = async () => {
    const answer = await run('comparison.map', { ...pair, proposed: true });
    if (answer) setDraft(answer.links);
  };

  if (!map.data) return map.error ? <ErrorNotice error={map.error} /> : <Loading what="Chargement de la correspondance" />;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <p className="fr-text--sm" aria-live="polite">
        {dirty
          ? 'Modifiée, pas encore enregistrée : la comparaison suit la correspondance enregistrée.'
          : map.data.saved
            ? 'Correspondance enregistrée.'
            : 'Correspondance proposée d’après les titres et les sujets des thématiques ; cochez ou décochez, puis enregistrez.'}
      </p>
      <div className="cmp-map">
        {earlier.map((f) => (
          <Checkbox
            key={f.id}
            small
            legend={`${fromYear} — Thématique ${f.number} : ${f.title}`}
            hintText={`Thématiques de ${toYear} avec lesquelles la comparer`}
            options={later.map((t) => {
              const link = { fromThematiqueId: f.id, toThematiqueId: t.id };
              return {
                label: `${t.number}. ${t.title}`,
                nativeInputProps: {
                  checked: checked.has(`${f.id}>${t.id}`),
                  onChange: (e) => toggle(link, e.target.checked),
                },
              };
            })}
          />
        ))}
      </div>
      <ErrorNotice error={error} onClose={clearError} />
      <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
        <li>
          <Button type="submit" iconId="fr-icon-save-line" disabled={busy || !dirty && map.data.saved}>Enregistrer la correspondance</Button>
        </li>
        <li>
          <Button type="button" priority="secondary" iconId="fr-icon-refresh-line" disabled={busy} onClick={() => void proposed()}>
            Revenir à la correspondance proposée
          </Button>
        </li>
      </ul>
    </form>
  );
}
