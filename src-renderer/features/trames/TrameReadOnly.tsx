import { CONTRIBUTION_KIND_LABELS } from '../../../src-main/contract/domain.ts';
import type { Trame } from '../../../src-main/contract/schemas/trame.ts';
import { SCOPE_GROUPS, SOURCE_LABELS } from './labels.ts';

/** A ready-made trame, as it is: to adapt it, the user duplicates it. */
export function TrameReadOnly({ trame }: { trame: Trame }) {
  return (
    <>
      <section aria-labelledby="trm-document-title" className="fr-mb-4w">
        <h2 id="trm-document-title" className="fr-h4">Document</h2>
        <dl className="trm-facts">
          <dt>Titre du document</dt>
          <dd>{trame.title}</dd>
          <dt>Sous-titre</dt>
          <dd>{trame.subtitle || '—'}</dd>
          <dt>Note de fin de thématique</dt>
          <dd>{trame.closingNote || '—'}</dd>
        </dl>
      </section>
      <section aria-labelledby="trm-outline-title">
        <h2 id="trm-outline-title" className="fr-h4">Plan</h2>
        {SCOPE_GROUPS.map((group) => {
          let numbered = 0;
          const sections = trame.sections.filter((s) => s.scope === group.scope);
          return (
            <section key={group.scope} aria-labelledby={`trm-group-${group.scope}`} className="fr-mb-3w">
              <h3 id={`trm-group-${group.scope}`} className="fr-h5 fr-mb-1w">{group.title}</h3>
              <p className="fr-text--sm">{group.description}</p>
              {sections.length === 0 ? (
                <p className="fr-text--sm">Aucune section.</p>
              ) : (
                <ol className="trm-sections">
                  {sections.map((s) => (
                    <li key={s.key} className="trm-section trm-section--readonly">
                      <p className="fr-text--bold fr-mb-1v">
                        {group.scope === 'thematique' && s.numbered ? `${++numbered}. ` : ''}{s.title}
                      </p>
                      <p className="fr-text--sm fr-mb-1v">
                        Contenu : {SOURCE_LABELS[s.source]}
                        {s.source === 'contributions' && ` (${s.contributionKinds.map((k) => CONTRIBUTION_KIND_LABELS[k].toLowerCase()).join(', ')})`}
                        {s.source === 'retex' && ` (de ${s.retexMin} à ${s.retexMax}, « ${s.entryLabel} 1 : »)`}
                        {s.meetingCounts && ' ; ordonnée par nombre de rencontres, « évoquée dans N rencontres »'}
                      </p>
                      {group.scope === 'thematique' && Object.keys(s.titleByThematique).length > 0 && (
                        <ul className="fr-text--sm fr-mb-1v" aria-label={`Intitulés propres à une thématique de « ${s.title} »`}>
                          {Object.entries(s.titleByThematique).map(([number, title]) => (
                            <li key={number}>Thématique {number} : {title}</li>
                          ))}
                        </ul>
                      )}
                      {s.guidance && <p className="fr-text--sm fr-mb-0 trm-guidance">Consigne : {s.guidance}</p>}
                    </li>
                  ))}
                </ol>
              )}
            </section>
          );
        })}
      </section>
    </>
  );
}
