/** One thématique's three lists side by side: what returns (the later wording, then the earlier), what is new, what is gone. */
import type { ContributionKind } from '../../../src-main/contract/domain.ts';
import type { Comparison } from '../../../src-main/contract/schemas/review.ts';
import { LIST_TITLES, meetingsText, noneText } from './comparison-choices.ts';

export function ComparisonLists({ comparison, kind }: { comparison: Comparison; kind: ContributionKind }) {
  const titles = LIST_TITLES[kind];
  const none = noneText(kind);
  const { fromYear, toYear } = comparison;
  return (
    <div className="cmp-lists">
      <section aria-labelledby="cmp-returning" className="cmp-lists__column">
        <h3 id="cmp-returning" className="fr-h6">{titles.returning} ({comparison.returning.length})</h3>
        {comparison.returning.length === 0 ? <p className="fr-text--sm">{none}</p> : (
          <ul aria-labelledby="cmp-returning" className="cmp-lists__items">
            {comparison.returning.map((r) => (
              <li key={`${r.to.contributionIds[0]}-${r.from.contributionIds[0]}`}>
                <p className="fr-mb-1v"><span className="fr-badge fr-badge--sm fr-badge--info fr-badge--no-icon fr-mr-1v">{toYear}</span>{r.to.wording} <span className="cmp-meetings">({meetingsText(r.to.meetings)})</span></p>
                <p className="fr-text--sm fr-mb-0"><span className="fr-badge fr-badge--sm fr-mr-1v">{fromYear}</span>{r.from.wording} <span className="cmp-meetings">({meetingsText(r.from.meetings)})</span></p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <ItemColumn id="cmp-added" title={titles.added} items={comparison.added} none={none} />
      <ItemColumn id="cmp-gone" title={titles.gone} items={comparison.gone} none={none} />
    </div>
  );
}

function ItemColumn({ id, title, items, none }: { id: string; title: string; items: Comparison['added']; none: string }) {
  return (
    <section aria-labelledby={id} className="cmp-lists__column">
      <h3 id={id} className="fr-h6">{title} ({items.length})</h3>
      {items.length === 0 ? <p className="fr-text--sm">{none}</p> : (
        <ul aria-labelledby={id} className="cmp-lists__items">
          {items.map((i) => (
            <li key={i.contributionIds[0]}>
              {i.wording} <span className="cmp-meetings">({meetingsText(i.meetings)})</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
