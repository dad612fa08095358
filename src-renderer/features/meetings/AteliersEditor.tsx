/** The ateliers: a thématique, the défi worked on, the participants; rows added and removed in place. */
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useEffect, useRef, useState } from 'react';
import { useApp } from '../../app/AppContext.tsx';
import type { Campaign } from '../../../src-main/contract/schemas/campaign.ts';
import { CheckMessage } from './CheckMessage.tsx';
import type { MeetingChecks } from './meeting-checks.ts';
import { type AtelierDraft, COUNT_PROBLEM, countProblems, newAtelierKey } from './meeting-draft.ts';
import type { FormApi } from './useMeetingDraft.ts';

export function AteliersEditor({ api, campaign, checks }: { api: FormApi; campaign: Campaign; checks: MeetingChecks }) {
  const { draft, change, commit } = api;
  const { notify } = useApp();
  const problems = countProblems(draft);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const addRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (focusKey === null) return;
    if (focusKey === 'add') addRef.current?.focus();
    else document.getElementById(`${focusKey}-thematique`)?.focus();
    setFocusKey(null);
  }, [focusKey]);

  const add = () => {
    const key = newAtelierKey();
    const thematiqueId = draft.thematiqueIds[0] ?? campaign.thematiques[0]?.id;
    if (thematiqueId === undefined) return;
    change((d) => ({ ateliers: [...d.ateliers, { key, thematiqueId, defi: '', participants: '' }] }), ['ateliers']);
    setFocusKey(key);
  };
  const remove = (atelier: AtelierDraft, index: number) => {
    change((d) => ({ ateliers: d.ateliers.filter((a) => a.key !== atelier.key) }), ['ateliers']);
    setFocusKey('add');
    notify({
      message: `Atelier ${index + 1} retiré${atelier.defi ? ` (« ${atelier.defi.slice(0, 60)}${atelier.defi.length > 60 ? '…' : ''} »)` : ''}.`,
      severity: 'info',
      action: {
        label: 'Annuler',
        run: () => change((d) => {
          const ateliers = [...d.ateliers];
          ateliers.splice(Math.min(index, ateliers.length), 0, atelier);
          return { ateliers };
        }, ['ateliers']),
      },
    });
  };
  const edit = (key: string, changes: Partial<AtelierDraft>, save = false) =>
    change((d) => ({ ateliers: d.ateliers.map((a) => (a.key === key ? { ...a, ...changes } : a)) }), save ? ['ateliers'] : undefined);

  return (
    <>
      {draft.ateliers.length === 0 && <p>Aucun atelier indiqué.</p>}
      {draft.ateliers.map((a, index) => (
        <fieldset key={a.key} className="fr-fieldset meetings-atelier" aria-labelledby={`${a.key}-legend`}>
          <legend id={`${a.key}-legend`} className="fr-fieldset__legend">Atelier {index + 1}</legend>
          <div className="fr-fieldset__element">
            <Select
              label="Thématique"
              nativeSelectProps={{
                id: `${a.key}-thematique`,
                value: String(a.thematiqueId),
                onChange: (e) => edit(a.key, { thematiqueId: Number(e.target.value) }, true),
              }}
            >
              {campaign.thematiques.map((t) => (
                <option key={t.id} value={t.id}>{t.number}. {t.title}</option>
              ))}
            </Select>
            <Input
              label="Défi travaillé"
              textArea
              nativeTextAreaProps={{
                rows: 2,
                maxLength: 2_000,
                value: a.defi,
                onChange: (e) => edit(a.key, { defi: e.target.value }),
                onBlur: () => commit(['ateliers']),
              }}
            />
            <div className="meetings-atelier__row">
              <div>
                <Input
                  label="Participants"
                  state={problems.has(`ateliers.${a.key}`) ? 'error' : 'default'}
                  stateRelatedMessage={COUNT_PROBLEM}
                  nativeInputProps={{
                    id: `${a.key}-participants`,
                    inputMode: 'numeric',
                    autoComplete: 'off',
                    className: 'meetings-count',
                    value: a.participants,
                    'aria-describedby': `${a.key}-check`,
                    onChange: (e) => edit(a.key, { participants: e.target.value }),
                    onBlur: () => commit(['ateliers']),
                  }}
                />
                <CheckMessage id={`${a.key}-check`} messages={[checks.ateliers[a.key]]} />
              </div>
              <Button type="button" priority="tertiary" size="small" iconId="fr-icon-delete-line" onClick={() => remove(a, index)}>
                Retirer l’atelier {index + 1}
              </Button>
            </div>
          </div>
        </fieldset>
      ))}
      <CheckMessage id="ateliers-sum-check" messages={[checks.ateliersSum]} />
      <Button ref={addRef} type="button" priority="secondary" iconId="fr-icon-add-line" onClick={add}>
        Ajouter un atelier
      </Button>
    </>
  );
}
