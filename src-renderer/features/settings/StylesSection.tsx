import { Select } from '@codegouvfr/react-dsfr/Select';
import { useRef, useState } from 'react';
import type { StyleTemplateInfo } from '../../../src-main/contract/schemas/style.ts';
import { useApp } from '../../app/AppContext.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useMutation, useQuery } from '../../components/useCall.ts';
import { SavedStatus } from './SavedStatus.tsx';
import { StyleDeleteConfirm } from './StyleDeleteConfirm.tsx';
import { StyleImportForm } from './StyleImportForm.tsx';
import { StyleTemplatesTable } from './StyleTemplatesTable.tsx';
import { useSaveSetting } from './useSaveSetting.ts';
import { useShownValue } from './useShownValue.ts';

/** The Word style templates: which one dresses the syntheses by default, import, delete. */
export function StylesSection({ defaultId }: { defaultId: number | null }) {
  const { notify, reload } = useApp();
  const styles = useQuery('styles.list', {});
  const choice = useSaveSetting();
  const defaultChoice = useShownValue(defaultId === null ? '' : String(defaultId));
  const remove = useMutation();
  const [pending, setPending] = useState<StyleTemplateInfo | null>(null);
  const returnFocus = useRef<HTMLButtonElement | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const templates = styles.data ?? [];

  const cancel = () => {
    setPending(null);
    remove.clearError();
    returnFocus.current?.focus();
  };
  const confirm = async () => {
    if (!pending) return;
    const done = await remove.run('styles.delete', { id: pending.id });
    if (!done) return;
    const name = pending.name;
    setPending(null);
    styles.reload();
    if (pending.id === defaultId) reload(); // the service cleared the default: read the settings again
    notify({ severity: 'success', message: `Modèle « ${name} » supprimé.` });
    heading.current?.focus();
  };
  const imported = (template: StyleTemplateInfo) => {
    const known = templates.some((t) => t.id === template.id);
    styles.reload();
    notify({
      severity: known ? 'info' : 'success',
      message: known ? `Ce fichier était déjà importé : c’est le modèle « ${template.name} ».` : `Modèle « ${template.name} » importé.`,
      ...(template.id !== defaultId
        ? { action: { label: 'En faire le modèle par défaut', run: async () => void (await choice.save({ styleTemplateId: template.id })) } }
        : {}),
    });
  };

  return (
    <section className="set-section" aria-labelledby="set-styles">
      <h2 id="set-styles" className="fr-h4" ref={heading} tabIndex={-1}>Modèle de styles Word</h2>
      <p>
        Un document Word de votre rectorat (charte graphique) peut servir de modèle : ses styles et le logo de son en-tête
        habillent les synthèses produites. Il est conservé dans le catalogue, si bien qu’une synthèse se régénère à
        l’identique sur un autre poste.
      </p>
      <ErrorNotice error={styles.error} />
      {styles.loading && !styles.data && <Loading what="Chargement des modèles" />}
      {styles.data && (
        <>
          <div className="set-field">
            <Select
              label="Modèle par défaut des synthèses"
              hint="Utilisé quand une synthèse n’en précise pas d’autre."
              nativeSelectProps={{
                value: defaultChoice.shown,
                disabled: choice.busy,
                onChange: (e) => {
                  const v = e.target.value;
                  void defaultChoice.track(v, () => choice.save({ styleTemplateId: v ? Number(v) : null }));
                },
              }}
            >
              <option value="">Aucun : styles de l’application</option>
              {templates.map((t) => (
                <option key={t.id} value={t.id}>{t.name}</option>
              ))}
            </Select>
            <SavedStatus busy={choice.busy} saved={choice.saved} />
            <ErrorNotice error={choice.error} onClose={choice.clearError} />
          </div>
          {templates.length === 0 ? (
            <p>Aucun modèle importé : les synthèses utilisent les styles de l’application.</p>
          ) : (
            <StyleTemplatesTable
              templates={templates}
              defaultId={defaultId}
              onDelete={(t, button) => {
                returnFocus.current = button;
                remove.clearError();
                setPending(t);
              }}
            />
          )}
          {pending && (
            <>
              <StyleDeleteConfirm
                key={pending.id}
                template={pending}
                isDefault={pending.id === defaultId}
                busy={remove.busy}
                onConfirm={() => void confirm()}
                onCancel={cancel}
              />
              <ErrorNotice error={remove.error} onClose={remove.clearError} />
            </>
          )}
        </>
      )}
      <StyleImportForm onImported={imported} />
    </section>
  );
}
