import { useMemo } from 'react';
import type { CallError } from '../../api/client.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { demoteHeadings } from './preview-html.ts';
import { type TraceTarget, traceTargetOf } from './trace-target.ts';

interface Props {
  preview: { html: string; title: string } | undefined;
  loading: boolean;
  error: CallError | null;
  /** A printed statement chosen (click, or Enter on it): where it came from is asked for. */
  onTrace?: (target: TraceTarget, element: HTMLElement) => void;
}

/**
 * The synthesis as the Word file will show it, block by block. The HTML is built and escaped by the
 * synthesis renderer on the service side: it is the one place the app inserts HTML.
 */
export function PreviewPane({ preview, loading, error, onTrace }: Props) {
  const choose = (node: EventTarget | null): boolean => {
    const found = onTrace ? traceTargetOf(node) : null;
    if (found) onTrace!(found.target, found.element);
    return found !== null;
  };
  const html = useMemo(() => (preview ? demoteHeadings(preview.html) : ''), [preview]);
  return (
    <>
      <ErrorNotice error={error} />
      <div className="syn-preview-status">
        {loading ? (
          <Loading what="Mise à jour de l’aperçu" />
        ) : preview && error ? (
          <p className="fr-text--sm fr-mb-1w">Aperçu précédent, non mis à jour : {preview.title}</p>
        ) : preview ? (
          <p className="fr-text--sm fr-mb-1w">Aperçu à jour : {preview.title}</p>
        ) : null}
        {preview && onTrace && (
          <p className="fr-text--xs fr-mb-1w">Cliquez sur un énoncé (ou Entrée) pour voir ses contributions, leurs rencontres et les passages des restitutions.</p>
        )}
      </div>
      {preview && (
        <div
          className={`app-preview syn-preview${loading || error ? ' syn-preview--stale' : ''}`}
          role="region"
          aria-label="Aperçu de la synthèse"
          aria-busy={loading}
          tabIndex={0}
          onClick={(e) => choose(e.target)}
          onKeyDown={(e) => {
            if ((e.key === 'Enter' || e.key === ' ') && e.target !== e.currentTarget && choose(e.target)) e.preventDefault();
          }}
          dangerouslySetInnerHTML={{ __html: html }}
        />
      )}
    </>
  );
}
