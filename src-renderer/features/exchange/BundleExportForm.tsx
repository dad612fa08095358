import { Button } from '@codegouvfr/react-dsfr/Button';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { useId, useState } from 'react';
import type { CatalogueIdentity } from '../../../src-main/contract/schemas/exchange.ts';
import { useApp } from '../../app/AppContext.tsx';
import { BusyStatus } from '../../components/BusyStatus.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useMutation } from '../../components/useCall.ts';
import { OutputPathInput } from '../imports/OutputPathInput.tsx';
import { usePathFor } from '../imports/usePathFor.ts';
import { fileStem } from './bundleWords.ts';
import { type BundleWritten, BundleWrittenView } from './BundleWrittenView.tsx';

/** A bundle to a file: the whole catalogue, or only the catalogue's own académie or département. */
export function BundleExportForm({ identity, onWritten }: { identity: CatalogueIdentity; onWritten: () => void }) {
  const { notify } = useApp();
  const ownScope = identity.scopeKind === 'region' ? null : `${identity.scopeKind}:${identity.scopeCode}`;
  const { scope, setScope, path, setPath } = usePathFor(
    (s) => `${fileStem(identity.name)}${s === 'entier' ? '' : `-${identity.scopeCode}`}.synthese`,
    ownScope ? 'territoire' : 'entier',
  );
  const radios = useId();
  const { run, busy, error, clearError, progress, cancel, cancelling, cancelled } = useMutation();
  const [written, setWritten] = useState<BundleWritten | null>(null);

  const write = async () => {
    setWritten(null);
    const result = await run('exchange.export', { outPath: path.trim(), ...(scope === 'territoire' && ownScope ? { scope: ownScope } : {}) });
    if (!result) return;
    setWritten(result);
    onWritten();
    notify({ severity: 'success', message: `Paquet écrit : ${result.path}.` });
  };

  return (
    <form
      className="xch-form"
      aria-labelledby="xch-export-title"
      onSubmit={(e) => {
        e.preventDefault();
        void write();
      }}
    >
      <h3 id="xch-export-title" className="fr-h6">Écrire un paquet à envoyer</h3>
      <p className="fr-text--sm">
        Un fichier .synthese, signé par ce catalogue, à transmettre par courriel, clé USB ou espace partagé. Le destinataire voit ce
        qu’il apporte avant de le fusionner.
      </p>
      {ownScope && (
        <RadioButtons
          legend="Contenu du paquet"
          name={radios}
          options={[
            {
              label: `Mon territoire : ${identity.scopeLabel}`,
              hintText: 'Ses rencontres, bassins et établissements, les retex et contributions qui en viennent, ses textes rédigés.',
              nativeInputProps: { value: 'territoire', checked: scope === 'territoire', onChange: () => setScope('territoire') },
            },
            {
              label: 'Tout le catalogue',
              hintText: 'Avec les paramètres, les trames et les modèles de styles.',
              nativeInputProps: { value: 'entier', checked: scope === 'entier', onChange: () => setScope('entier') },
            },
          ]}
        />
      )}
      <OutputPathInput label="Fichier du paquet (.synthese)" value={path} onChange={setPath} browse="bundle-save" />
      <Button type="submit" iconId="fr-icon-send-plane-line" disabled={busy || path.trim() === ''}>
        {busy ? 'Écriture…' : 'Écrire le paquet'}
      </Button>
      <BusyStatus busy={busy} progress={progress} message="Écriture du paquet…" onCancel={cancel} cancelling={cancelling} cancelled={cancelled} />
      <ErrorNotice error={error} onClose={clearError} />
      <BundleWrittenView written={written} />
    </form>
  );
}
