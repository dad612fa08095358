/**
 * « Rechercher » (`#/recherche/mots`): one search over the whole consultation — meetings, retex, contributions,
 * the texts written in the app and the restitutions' passages — by the catalogue's full-text index, each hit linking to its record.
 */
import { Fragment, useEffect, useState } from 'react';
import type { CatalogueSearchResult, SearchHit } from '../../../src-main/contract/schemas/search.ts';
import { useApp } from '../../app/AppContext.tsx';
import { href } from '../../app/routes.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { frenchNumber } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SearchField } from '../../components/SearchField.tsx';
import { useQuery } from '../../components/useCall.ts';
import { SEARCH_DELAY_MS } from '../../components/usePagedList.ts';
import { rememberThematique } from '../retex/useThematiqueChoice.ts';
import './search.css';

type Kind = SearchHit['kind'];
const SECTIONS: { kind: Kind; title: string; noun: readonly [string, string] }[] = [
  { kind: 'meeting', title: 'Rencontres', noun: ['rencontre', 'rencontres'] },
  { kind: 'retex', title: 'Retours d’expérience', noun: ['retex', 'retex'] },
  { kind: 'contribution', title: 'Contributions', noun: ['contribution', 'contributions'] },
  { kind: 'texte', title: 'Textes rédigés', noun: ['texte', 'textes'] },
  { kind: 'restitution', title: 'Passages des restitutions', noun: ['passage', 'passages'] },
];

/** « … les [tablettes] en classe … » → the matched words marked. */
function Snippet({ text }: { text: string }) {
  const parts = text.split(/\[([^\]]*)\]/);
  return <>{parts.map((part, i) => (i % 2 === 1 ? <mark key={i}>{part}</mark> : <Fragment key={i}>{part}</Fragment>))}</>;
}

export function SearchScreen({ params }: { params: string[] }) {
  const { campaign } = useApp();
  const [text, setText] = useState(params[0] ?? '');
  const [sent, setSent] = useState(text.trim());
  // A search typed in the header while this screen is open.
  useEffect(() => setText(params[0] ?? ''), [params]);
  useEffect(() => {
    const timer = window.setTimeout(() => setSent(text.trim().slice(0, 200)), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text]);
  const result = useQuery('search.catalogue', { campaignId: campaign?.id ?? 0, search: sent, limit: 10 }, !campaign || sent === '');

  if (!campaign) {
    return <PageHeader title="Rechercher" description="Aucune consultation n’est installée : installez-en une dans les paramètres." />;
  }
  const data = sent === '' ? undefined : result.data;
  const all = data ? Object.values(data.totals).reduce((a, b) => a + b, 0) : 0;
  return (
    <>
      <PageHeader
        title="Rechercher"
        description={`Dans toute la consultation « ${campaign.shortTitle} » : rencontres, retours d’expérience, contributions, textes rédigés et restitutions.`}
      />
      <form role="search" aria-label="Rechercher dans le catalogue" onSubmit={(e) => e.preventDefault()} className="search-form">
        <SearchField
          id="catalogue-search"
          label="Rechercher"
          hint="Des mots, même partiels ; accents et majuscules indifférents ; tous les mots sont cherchés"
          value={text}
          onChange={setText}
        />
      </form>
      <p className="fr-text--bold" role="status" aria-live="polite" aria-atomic="true">
        {sent === '' ? '' : !data ? (result.loading ? 'Recherche…' : '') : all === 0 ? `Aucun résultat pour « ${sent} ».` : `${frenchNumber(all)} résultat${all > 1 ? 's' : ''} pour « ${sent} ».`}
      </p>
      <ErrorNotice error={result.error} />
      {data && all > 0 && SECTIONS.map((s) => <HitSection key={s.kind} section={s} data={data} campaignId={campaign.id} />)}
    </>
  );
}

function HitSection({ section, data, campaignId }: { section: (typeof SECTIONS)[number]; data: CatalogueSearchResult; campaignId: number }) {
  const hits = data.hits.filter((h) => h.kind === section.kind);
  const total = data.totals[section.kind];
  if (total === 0) return null;
  const id = `search-${section.kind}`;
  return (
    <section aria-labelledby={id} className="fr-mb-4w">
      <h2 id={id} className="fr-h5">
        {section.title} <span className="search-count">({frenchNumber(total)}{total > hits.length ? `, les ${frenchNumber(hits.length)} premiers` : ''})</span>
      </h2>
      <ul className="search-hits">
        {hits.map((hit, index) => {
          // Found in its title: the title itself shows the words found, not a second copy of it below.
          const inTitle = hit.snippet.replace(/[[\]]/g, '') === hit.title;
          return (
            <li key={`${hit.id ?? hit.sectionKey}-${index}`}>
              <a className="fr-link" href={href(target(hit))} onClick={() => hit.thematiqueId !== null && remember(hit, campaignId)}>
                {inTitle ? <Snippet text={hit.snippet} /> : hit.title}
              </a>
              {!inTitle && <p className="fr-text--sm fr-mb-0 search-snippet"><Snippet text={hit.snippet} /></p>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function target(hit: SearchHit): string {
  switch (hit.kind) {
    case 'meeting':
      return `/rencontres/${hit.id}`;
    case 'retex':
      return `/retex/${hit.id}`;
    case 'contribution':
      // The contribution itself, opened first on the Contributions screen, on its thématique.
      return hit.id !== null ? `/contributions/${hit.id}` : '/contributions';
    case 'restitution':
      // The meeting's reading view, this restitution open on the passage found.
      return `/restitutions/${hit.meetingId ?? 0}/${hit.id}/${hit.passageIndex ?? 0}`;
    default:
      return '/trames';
  }
}

/** The Contributions screen opens on the hit's thématique. */
function remember(hit: SearchHit, campaignId: number): void {
  if (hit.kind === 'contribution' && hit.thematiqueId !== null) rememberThematique('contributions', campaignId, hit.thematiqueId);
}
