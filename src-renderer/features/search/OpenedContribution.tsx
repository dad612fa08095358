/**
 * A contribution opened by its address (`#/contributions/<id>`: a search hit, a pre-flight finding): shown
 * first on the Contributions screen, on its thématique, its heading focused, with where it came from.
 */
import type { Contribution } from '../../../src-main/contract/schemas/content.ts';
import { href } from '../../app/routes.ts';
import { useMeetingLabels } from '../../components/useMeetingLabels.ts';
import { ReviewBadge } from '../groups/ReviewBadge.tsx';
import { ReviewHistory } from '../groups/ReviewHistory.tsx';
import { CONTRIBUTION_KIND_LABELS, excerpt } from '../contributions/kinds.ts';
import { RichText } from '../retex/RichText.tsx';

export function OpenedContribution({ contribution: c, onClose }: { contribution: Contribution; onClose: () => void }) {
  const meetingLabel = useMeetingLabels(c.sourceMeetingIds);
  const passageMeeting = c.sourceMeetingIds[0];
  return (
    <section className="fr-card fr-p-3w fr-mb-4w opened-contribution" aria-labelledby="opened-contribution-title">
      <h2 id="opened-contribution-title" className="fr-h5" tabIndex={-1}>
        {`${CONTRIBUTION_KIND_LABELS[c.kind]} n° ${c.id}`}
      </h2>
      <p className="fr-mb-1w"><ReviewBadge review={c.review} /></p>
      <div className="fr-mb-2w opened-contribution__text"><RichText text={c.text} /></div>
      <p className="fr-text--sm fr-mb-1w">
        {c.sourceMeetingIds.length === 0 ? 'Aucune rencontre d’origine.' : `Rencontre${c.sourceMeetingIds.length > 1 ? 's' : ''} d’origine : ${c.sourceMeetingIds.map(meetingLabel).join(' ; ')}.`}
      </p>
      {c.passage && passageMeeting !== undefined && (
        <p className="fr-text--sm fr-mb-1w">
          <a className="fr-link" href={href(`/restitutions/${passageMeeting}/${c.passage.restitutionId}/${c.passage.start.passage}`)}>
            Lire le passage de la restitution d’où elle vient
          </a>
        </p>
      )}
      <ReviewHistory target="contribution" id={c.id} label={excerpt(c.text, 60)} />
      <p className="fr-mt-2w fr-mb-0">
        <button type="button" className="fr-btn fr-btn--tertiary fr-btn--sm" onClick={onClose}>
          Fermer et voir toute la liste
        </button>
      </p>
    </section>
  );
}
