import { useMemo } from 'react';
import type { CallError } from '../../api/client.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { demoteHeadings } from './preview-html.ts';

interface Props {
  preview: { html: string; title: string } | undefined;
  loading: boolean;
  error: CallError | null;
}

/**
 * The synthesis as the Word file will show it, block by block. The HTML is built and escaped by the
 * synthesis renderer on the service side: it is the one place the app inserts HTML.
 */
export function PreviewPane({ preview, loading, error }: Props) {
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
      </div>
      {preview && (
        <div
          className={`app-preview syn-preview${loading || error ? ' syn-preview--stale' : ''}`}
          role="region"
          aria-label="Aperçu de la synthèse"
          aria-busy={loading}
          tabIndex={0}
          dangerouslySetInnerHTML={{ __html: html }}
        />
      )}
    </>
  );
}
