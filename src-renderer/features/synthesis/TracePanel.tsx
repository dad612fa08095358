/**
 * Where a statement of the synthesis comes from (issue 13): its contributions, the meetings that raised
 * each one, and the restitution's passage it was cut from, with links to the meeting and to its reading.
 */
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useEffect, useRef } from 'react';
import { REVIEW_STATE_LABELS } from '../../../src-main/contract/domain.ts';
import type { Trace } from '../../../src-main/contract/schemas/review.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { frenchDate, frenchNumber } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { useQuery } from '../../components/useCall.ts';
import type { TraceTarget } from './trace-target.ts';

interface Props {
  target: TraceTarget;
  onClose: () => void;
}

export function TracePanel({ target, onClose }: Props) {
  const trace = useQuery('contributions.trace', target);
  const titleRef = useRef<HTMLHeadingElement>(null);
  // The keyboard lands on the panel that opened, the same way for every statement chosen.
  useEffect(() => titleRef.current?.focus(), [target]);
  return (
    <section className="syn-trace fr-mb-3w" aria-labelledby="syn-trace-title" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="syn-trace__head">
        <h3 id="syn-trace-title" className="fr-h6 fr-mb-1w" tabIndex={-1} ref={titleRef}>D’où vient cet énoncé</h3>
        <Button size="small" priority="tertiary no outline" iconId="fr-icon-close-line" onClick={onClose}>Fermer</Button>
      </div>
      <ErrorNotice error={trace.error} />
      {trace.loading && <Loading what="Recherche des sources" />}
      {trace.data && !trace.loading && <TraceBody trace={trace.data} />}
    </section>
  );
}

function TraceBody({ trace }: { trace: Trace }) {
  const { reach } = trace;
  return (
    <div aria-live="polite">
      <blockquote className="syn-trace__wording">{trace.wording}</blockquote>
      <p className="fr-text--sm">
        {reach.meetings === 0
          ? 'Aucune rencontre n’est indiquée comme source.'
          : `Évoquée dans ${frenchNumber(reach.meetings)} rencontre${reach.meetings > 1 ? 's' : ''}${reach.departements.length > 0 ? ` : ${reach.departements.join(', ')}` : ''}.`}
        {' '}{trace.sources.length} contribution{trace.sources.length > 1 ? 's' : ''}.
      </p>
      <ol className="syn-trace__sources">
        {trace.sources.map((s) => (
          <li key={s.contributionId}>
            <p className="fr-mb-1v">{s.text} <span className="fr-badge fr-badge--sm">{REVIEW_STATE_LABELS[s.review]}</span></p>
            {s.meetings.length > 0 ? (
              <ul className="fr-text--sm fr-mb-1v" aria-label="Rencontres">
                {s.meetings.map((m) => (
                  <li key={m.id}>
                    <a href={`#/rencontres/${m.id}`}>{m.title}</a> — {frenchDate(m.date)}{m.departement ? `, ${m.departement}` : ''}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="fr-text--sm fr-mb-1v">Sans rencontre d’origine (écrite pour toute la région).</p>
            )}
            {s.passage && (
              <figure className="syn-trace__passage fr-mb-1v">
                <blockquote className="fr-text--sm">{s.passage.text}</blockquote>
                <figcaption className="fr-text--xs">
                  {s.passage.fileName || 'Restitution saisie'} — <a href={`#/restitutions/${s.passage.meetingId}`}>lire la restitution</a>
                </figcaption>
              </figure>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
