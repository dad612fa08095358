import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import type { OperationInput } from '../../../src-main/contract/operations.ts';
import type { RegionAcademique } from '../../../src-main/contract/schemas/territory.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useQuery } from '../../components/useCall.ts';
import type { CallError } from '../../api/client.ts';
import { CatalogueScopeFields } from './CatalogueScopeFields.tsx';
import { useCatalogueSetup } from './useCatalogueSetup.ts';
import './identity.css';

/**
 * Who a catalogue is for: région académique, académie or département, and its name. The first launch
 * creates it with this form; leaving the demo too.
 */
interface SetupFormProps {
  submitLabel: string;
  initialRegion: string | null;
  busy: boolean;
  error: CallError | null;
  onClearError: () => void;
  onSubmit: (input: OperationInput<'identity.setup'>) => void;
}

export function CatalogueSetupForm(props: SetupFormProps) {
  const tree = useQuery('territory.tree', {});
  if (!tree.data) return tree.error ? <ErrorNotice error={tree.error} /> : <Loading what="Chargement du territoire" />;
  return <SetupFields regions={tree.data} {...props} />;
}

function SetupFields({ regions, submitLabel, initialRegion, busy, error, onClearError, onSubmit }: SetupFormProps & { regions: RegionAcademique[] }) {
  const setup = useCatalogueSetup(regions, initialRegion);
  return (
    <form
      className="idt-form"
      aria-labelledby="idt-form-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setup.check();
        if (setup.input) onSubmit(setup.input);
        else setTimeout(() => document.querySelector<HTMLElement>('.idt-form [aria-invalid="true"]')?.focus());
      }}
    >
      <h2 id="idt-form-title" className="fr-h4">Votre territoire</h2>
      <CatalogueScopeFields regions={regions} setup={setup} disabled={busy} />
      <Input
        label="Nom du catalogue"
        hintText="Il est montré aux autres postes quand vous leur envoyez vos rencontres : le nom d’un service plutôt que d’une personne."
        state={setup.problems.name ? 'error' : 'default'}
        stateRelatedMessage={setup.problems.name}
        disabled={busy}
        nativeInputProps={{ value: setup.name, maxLength: 120, required: true, 'aria-invalid': Boolean(setup.problems.name), autoComplete: 'organization', onChange: (e) => setup.typeName(e.target.value) }}
      />
      <ErrorNotice error={error} onClose={onClearError} />
      <Button type="submit" iconId="fr-icon-check-line" disabled={busy}>
        {busy ? 'Création…' : submitLabel}
      </Button>
    </form>
  );
}
