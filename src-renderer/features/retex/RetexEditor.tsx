import { Button } from '@codegouvfr/react-dsfr/Button';
import { ToggleSwitch } from '@codegouvfr/react-dsfr/ToggleSwitch';
import type { Campaign } from '../../../src-main/contract/schemas/campaign.ts';
import { useApp } from '../../app/AppContext.tsx';
import { href, navigate } from '../../app/routes.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProvenanceLine } from '../../components/ProvenanceLine.tsx';
import { ConfirmDelete } from './ConfirmDelete.tsx';
import { RetexForm } from './RetexForm.tsx';
import { deleteRetexWithUndo } from './retexDeletion.ts';
import { hasRefusedLink } from './RetexLinksEditor.tsx';
import { SaveStatus } from './SaveStatus.tsx';
import { useRetexDraft } from './useRetexDraft.ts';
import { rememberThematique, sortedThematiques } from './useThematiqueChoice.ts';

/** A retex on its own page: `#/retex/12` (saved as edited) or `#/retex/nouveau/7` (saved with "Enregistrer"). */
export function RetexEditor({ campaign, retexId, thematiqueId }: { campaign: Campaign; retexId: number | null; thematiqueId?: number }) {
  const { notify } = useApp();
  const fallback = sortedThematiques(campaign)[0]?.id ?? 0;
  const chosen = campaign.thematiques.some((t) => t.id === thematiqueId) ? thematiqueId! : fallback;
  const editor = useRetexDraft(campaign.id, retexId, chosen);
  const { draft, queue } = editor;
  const isNew = retexId === null;
  const thematique = campaign.thematiques.find((t) => t.id === draft?.thematiqueId);
  const backToList = () => {
    if (draft) rememberThematique('retex', campaign.id, draft.thematiqueId);
    navigate('/retex');
  };

  const header = (
    <PageHeader
      title={isNew ? 'Nouveau retex' : 'Modifier le retex'}
      description={thematique ? `Thématique ${thematique.number} : ${thematique.title}` : undefined}
      actions={
        <Button priority="secondary" iconId="fr-icon-arrow-left-line" onClick={backToList}>
          Retour à la liste des retex
        </Button>
      }
    />
  );
  if (editor.query.error) return <>{header}<ErrorNotice error={editor.query.error} /></>;
  if (!draft) return <>{header}<Loading what="Chargement du retex" /></>;

  const refused = hasRefusedLink(draft.linkRows);
  return (
    <>
      {header}
      <div className="retex-editor">
        {!isNew && (
          <p className="fr-text--sm">
            {draft.selected
              ? 'Retenu pour la synthèse.'
              : 'Pas retenu pour la synthèse.'}{' '}
            <a href={href('/retex')} onClick={(e) => { e.preventDefault(); backToList(); }}>Choisir et ordonner les retex de la thématique</a>
            . Chaque champ est enregistré dès que vous le quittez.
          </p>
        )}
        {retexId !== null && <ProvenanceLine kind="retex" id={retexId} />}
        {!isNew && <SaveStatus phase={queue.phase} message={queue.message} />}
        {!isNew && <ErrorNotice error={queue.error} onClose={queue.clearError} />}
        <RetexForm
          campaign={campaign}
          draft={draft}
          titleError={editor.titleError}
          update={editor.update}
          commit={editor.commit}
          commitLinks={editor.commitLinks}
        />
        {isNew ? (
          <div className="fr-mt-4w">
            <ToggleSwitch
              label="Retenu pour la synthèse (placé après les retex déjà retenus)"
              labelPosition="left"
              showCheckedHint={false}
              checked={draft.selected}
              onChange={(selected) => editor.update({ selected })}
            />
            {refused && (
              <p className="fr-error-text" role="alert">Un lien a une adresse refusée : corrigez-la ou retirez ce lien avant d’enregistrer.</p>
            )}
            <SaveStatus phase={queue.phase} message={queue.message} />
            <ErrorNotice error={queue.error} onClose={queue.clearError} />
            <div className="retex-editor__actions">
              <Button
                iconId="fr-icon-save-line"
                disabled={queue.phase === 'saving' || refused}
                onClick={async () => {
                  const created = await editor.create();
                  if (!created) return;
                  notify({ message: `Retex « ${created.title} » enregistré.`, severity: 'success' });
                  rememberThematique('retex', campaign.id, created.thematiqueId);
                  navigate('/retex');
                }}
              >
                Enregistrer
              </Button>
              <Button priority="secondary" onClick={backToList}>Abandonner</Button>
            </div>
          </div>
        ) : (
          <div className="fr-mt-4w retex-editor__danger">
            <h2 className="fr-h5">Supprimer ce retex</h2>
            <ConfirmDelete
              size="medium"
              name={draft.title || 'sans titre'}
              what="le retex"
              onConfirm={async () => {
                const current = editor.saved.current;
                if (!current) return;
                const ok = await queue.save(() => deleteRetexWithUndo(current, notify, (restored) => navigate(`/retex/${restored.id}`)));
                if (ok) backToList();
              }}
            />
          </div>
        )}
      </div>
    </>
  );
}
