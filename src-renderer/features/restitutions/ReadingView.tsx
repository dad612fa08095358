/**
 * One restitution read: its passages as paragraphs (headings marked), the contributions already taken
 * from it marked in the text and listed beside it, and the selection — with the mouse, or with the
 * keyboard (↑ ↓ between passages, Entrée takes one whole, Maj+Entrée extends to it) — made a contribution.
 */
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { CONTRIBUTION_KIND_LABELS, REVIEW_STATE_LABELS } from '../../../src-main/contract/domain.ts';
import type { PassagePoint, Restitution } from '../../../src-main/contract/schemas/restitutions.ts';
import { useApp } from '../../app/AppContext.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useQuery } from '../../components/useCall.ts';
import { CUT_KINDS, CutForm } from './CutForm.tsx';
import { restitutionName } from './RestitutionList.tsx';
import { before, segmentsOf, selectionIn, textBetween } from './selection.ts';

export interface Span {
  start: PassagePoint;
  end: PassagePoint;
}

interface Props {
  restitutionId: number;
  campaignId: number;
  meetingThematiqueIds: number[];
  /** A passage found by the search: shown and focused when the text opens. */
  foundPassage: number | null;
  onCut: () => void;
}

export function ReadingView({ restitutionId, campaignId, meetingThematiqueIds, foundPassage, onCut }: Props) {
  const { campaigns } = useApp();
  const thematiques = campaigns.find((c) => c.id === campaignId)?.thematiques ?? [];
  const restitution = useQuery('restitutions.get', { id: restitutionId });
  const textRef = useRef<HTMLDivElement>(null);
  const [span, setSpan] = useState<Span | null>(null);
  const [focused, setFocused] = useState(foundPassage ?? 0);
  const data = restitution.data?.id === restitutionId ? restitution.data : undefined;

  // The mouse's (or caret browsing's) selection, kept while the user goes to the form.
  useEffect(() => {
    if (!data) return;
    const update = () => {
      const container = textRef.current;
      if (!container) return;
      const selected = selectionIn(container, data.passages);
      if (selected) setSpan(selected);
    };
    document.addEventListener('selectionchange', update);
    return () => document.removeEventListener('selectionchange', update);
  }, [data]);

  // A passage found by the search: brought into view, with the keyboard's focus.
  const shown = useRef(false);
  useEffect(() => {
    if (!data || foundPassage === null || shown.current) return;
    shown.current = true;
    const element = textRef.current?.querySelector<HTMLElement>(`[data-passage="${foundPassage}"]`);
    element?.scrollIntoView({ block: 'center' });
    element?.focus({ preventScroll: true });
  }, [data, foundPassage]);

  if (restitution.error) return <ErrorNotice error={restitution.error} />;
  if (!data) return <Loading what="Lecture de la restitution" />;

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const index = Number((e.target as HTMLElement).dataset.passage);
    if (!Number.isInteger(index)) return;
    const move = (to: number) => {
      e.preventDefault();
      const next = Math.max(0, Math.min(data.passages.length - 1, to));
      setFocused(next);
      textRef.current?.querySelector<HTMLElement>(`[data-passage="${next}"]`)?.focus();
    };
    if (e.key === 'ArrowDown') move(index + 1);
    else if (e.key === 'ArrowUp') move(index - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(data.passages.length - 1);
    else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      const whole = { start: { passage: index, offset: 0 }, end: { passage: index, offset: data.passages[index]!.text.length } };
      if (e.shiftKey && span) {
        const start = before(whole.start, span.start) ? whole.start : span.start;
        const end = before(span.end, whole.end) ? whole.end : span.end;
        setSpan({ start, end });
      } else setSpan(whole);
    }
  };

  return (
    <section aria-labelledby="rst-reading-title" className="fr-mb-4w">
      <h2 id="rst-reading-title" className="fr-h4">Lecture : {restitutionName(data)}</h2>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-lg-7">
          <p id="rst-text-help" className="fr-text--sm">
            Sélectionnez un passage à la souris ; au clavier, ↑ et ↓ passent d’un paragraphe à l’autre, Entrée prend le paragraphe
            entier, Maj+Entrée étend la sélection jusqu’à lui.
          </p>
          <HighlightLegend />
          <div ref={textRef} className="rst-text" role="region" aria-label={`Texte de la restitution ${restitutionName(data)}`} aria-describedby="rst-text-help" onKeyDown={onKeyDown}>
            {data.passages.map((p) => {
              const Tag = p.heading ? 'h3' : 'p';
              const chosen = Boolean(span && span.start.passage <= p.index && span.end.passage >= p.index);
              const className = [
                p.heading ? 'rst-passage rst-passage--heading' : 'rst-passage',
                p.index === foundPassage ? 'rst-passage--found' : '',
                chosen ? 'rst-passage--selected' : '',
              ].filter(Boolean).join(' ');
              return (
                <Tag key={p.index} data-passage={p.index} tabIndex={p.index === focused ? 0 : -1} className={className} onFocus={() => setFocused(p.index)}>
                  {segmentsOf(p, data.cuts).map((s, i) =>
                    s.cuts.length === 0 ? (
                      <span key={i}>{s.text}</span>
                    ) : (
                      <mark key={i} className={`rst-cut rst-cut--${s.cuts[0]!.kind}`} title={s.cuts.map((c) => CONTRIBUTION_KIND_LABELS[c.kind]).join(', ')}>
                        {s.text}
                      </mark>
                    ),
                  )}
                </Tag>
              );
            })}
          </div>
        </div>
        <div className="fr-col-12 fr-col-lg-5">
          <CutForm
            restitution={data}
            span={span}
            thematiques={thematiques}
            meetingThematiqueIds={meetingThematiqueIds}
            onCut={() => {
              // Back where the user was cutting (the button, disabled while saving, lost the focus): ↑ ↓ Entrée go on from there.
              const at = span?.start.passage ?? focused;
              setSpan(null);
              window.getSelection()?.removeAllRanges();
              setFocused(at);
              textRef.current?.querySelector<HTMLElement>(`[data-passage="${at}"]`)?.focus();
              restitution.reload();
              onCut();
            }}
          />
          <CutList restitution={data} thematiques={thematiques} />
        </div>
      </div>
    </section>
  );
}

/** The key to the marks in the text: each nature's own highlight. */
function HighlightLegend() {
  return (
    <div className="rst-legend fr-text--sm">
      <p id="rst-legend-title" className="fr-text--sm fr-mb-0">Surlignage des contributions :</p>
      <ul className="rst-legend__list" aria-labelledby="rst-legend-title">
        {CUT_KINDS.map((k) => (
          <li key={k} className="rst-legend__item"><mark className={`rst-cut rst-cut--${k}`}>{CONTRIBUTION_KIND_LABELS[k]}</mark></li>
        ))}
      </ul>
    </div>
  );
}

/** A text on one line, as the service words a contribution from its passage. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

function CutList({ restitution, thematiques }: { restitution: Restitution; thematiques: { id: number; number: number; title: string }[] }) {
  const byId = new Map(thematiques.map((t) => [t.id, t]));
  return (
    <section aria-labelledby="rst-cuts-title" className="fr-mt-4w">
      <h3 id="rst-cuts-title" className="fr-h6">Contributions prises dans cette restitution ({restitution.cuts.length})</h3>
      {restitution.cuts.length === 0 ? (
        <p className="fr-text--sm">Aucune pour l’instant.</p>
      ) : (
        <ul className="rst-cuts" aria-label="Contributions prises dans cette restitution">
          {restitution.cuts.map((c) => {
            const t = byId.get(c.thematiqueId);
            const passage = textBetween(restitution.passages, c.start, c.end);
            return (
              <li key={c.contributionId} className="rst-cuts__item">
                <p className="fr-mb-1v">
                  <Badge small severity="info" noIcon>{CONTRIBUTION_KIND_LABELS[c.kind]}</Badge>{' '}
                  <Badge small severity={c.review === 'retenue' ? 'success' : c.review === 'a_traiter' ? 'new' : undefined} noIcon>{REVIEW_STATE_LABELS[c.review]}</Badge>
                </p>
                <p className="fr-text--sm fr-mb-0 rst-cuts__wording">{c.text}</p>
                {oneLine(c.text) !== oneLine(passage) && <p className="fr-text--xs fr-mb-0 rst-cuts__passage">Passage : « {passage.length > 300 ? `${passage.slice(0, 299)}…` : passage} »</p>}
                {t && <p className="fr-text--xs fr-mb-0">Thématique {t.number} : {t.title}</p>}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
