import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { FIELD_LABELS } from './labels.ts';
import type { Problem } from './useTrameEditor.ts';

/** What the service refused in one section, next to it. */
export function ProblemList({ problems }: { problems: Problem[] }) {
  if (problems.length === 0) return null;
  return (
    <Alert
      severity="error"
      small
      className="fr-mb-2w"
      description={
        <span role="alert">
          {problems.map((p) => `${FIELD_LABELS[p.field] ?? p.field} : ${p.message}`).join(' ; ')}
        </span>
      }
    />
  );
}
