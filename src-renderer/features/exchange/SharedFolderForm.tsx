import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useState } from 'react';
import type { CatalogueIdentity } from '../../../src-main/contract/schemas/exchange.ts';
import { useApp } from '../../app/AppContext.tsx';
import { browseAddon } from '../../components/BrowseButton.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useMutation } from '../../components/useCall.ts';
import { type BundleWritten, BundleWrittenView } from './BundleWrittenView.tsx';

/**
 * The folder a sync service keeps in step between laptops: this catalogue publishes its bundle there,
 * and the others' are looked for there.
 */
export function SharedFolderForm({ identity, folder, publishName, onChanged }: {
  identity: CatalogueIdentity;
  folder: string | null;
  publishName: string | null;
  onChanged: () => void;
}) {
  const { notify } = useApp();
  const [typed, setTyped] = useState<string | null>(null);
  const shown = typed ?? folder ?? '';
  const choose = useMutation();
  const publish = useMutation();
  const [published, setPublished] = useState<BundleWritten | null>(null);

  const setFolder = async (next: string | null) => {
    const done = await choose.run('exchange.setFolder', { folder: next });
    if (!done) return;
    setTyped(null);
    onChanged();
    notify({ severity: 'success', message: done.folder ? `Dossier partagé : ${done.folder}.` : 'Plus de dossier partagé : les paquets s’échangent par fichier.' });
  };
  const publishNow = async () => {
    setPublished(null);
    const written = await publish.run('exchange.publish', {});
    if (!written) return;
    setPublished(written);
    onChanged();
    notify({ severity: 'success', message: `Catalogue publié dans le dossier partagé : ${written.fileName}.` });
  };

  return (
    <div className="xch-form">
      <h3 id="xch-folder-title" className="fr-h6">Dossier partagé</h3>
      <p className="fr-text--sm">
        Un dossier que votre service de synchronisation (Nextcloud, partage réseau) tient à jour sur chaque poste. Chaque catalogue y
        publie son paquet ; tant que l’application est ouverte, elle y cherche ceux des autres toutes les 30 secondes.
      </p>
      <form
        className="xch-inline"
        aria-labelledby="xch-folder-title"
        onSubmit={(e) => {
          e.preventDefault();
          if (shown.trim() !== '') void setFolder(shown.trim());
        }}
      >
        <Input
          label="Chemin du dossier partagé"
          hintText="Le chemin complet du dossier sur cet ordinateur."
          nativeInputProps={{ value: shown, autoComplete: 'off', spellCheck: false, onChange: (e) => setTyped(e.target.value) }}
          addon={browseAddon({ kind: 'folder', what: 'le dossier partagé', onChosen: setTyped, disabled: choose.busy })}
        />
        <Button type="submit" priority="secondary" iconId="fr-icon-folder-2-line" disabled={choose.busy || shown.trim() === '' || shown.trim() === folder}>
          Utiliser ce dossier
        </Button>
        {folder && (
          <Button type="button" priority="tertiary" disabled={choose.busy} onClick={() => void setFolder(null)}>
            Ne plus utiliser de dossier partagé
          </Button>
        )}
      </form>
      <ErrorNotice error={choose.error} onClose={choose.clearError} />
      {folder && (
        <>
          <p className="fr-text--sm fr-mt-2w">
            Ce catalogue y publie {identity.scopeKind === 'region' ? 'tout son contenu' : `son territoire (${identity.scopeLabel})`} sous
            le nom <span className="xch-path">{publishName}</span>, remplacé à chaque publication.
          </p>
          <Button type="button" iconId="fr-icon-share-line" disabled={publish.busy} onClick={() => void publishNow()}>
            {publish.busy ? 'Publication…' : 'Publier mon catalogue'}
          </Button>
          <ErrorNotice error={publish.error} onClose={publish.clearError} />
        </>
      )}
      <BundleWrittenView written={published} what="Catalogue publié" />
    </div>
  );
}
