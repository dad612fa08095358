import { useEffect, useRef } from 'react';
import type { GeneratedDocument } from '../../../src-main/contract/schemas/reports.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { frenchNumber } from '../../components/format.ts';
import { DownloadButton } from './DownloadButton.tsx';
import { useDownload } from './useDownload.ts';

/**
 * Files just written: where they are on this computer, and a button to save each through the browser.
 * Shown, the list takes the focus: the button pressed was disabled while it worked, and the focus would
 * otherwise fall back to the top of the page.
 */
export function DocumentFiles({ title, documents }: { title: string; documents: GeneratedDocument[] }) {
  const { download, pending, error, clearError } = useDownload();
  const titleRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (document.activeElement === document.body || document.activeElement === null) titleRef.current?.focus();
  }, []);
  return (
    <div className="syn-files fr-mt-2w">
      <p ref={titleRef} tabIndex={-1} className="fr-text--bold fr-mb-1w">{title}</p>
      <ErrorNotice error={error} onClose={clearError} />
      <ul className="syn-files__list">
        {documents.map((d) => (
          <li key={d.id} className="syn-files__item">
            <span>
              <span className="fr-text--bold">{d.fileName}</span>
              <span className="fr-text--xs fr-mb-0 syn-files__path">{d.path} — {frenchNumber(Math.max(1, Math.round(d.bytes / 1024)))} Ko</span>
            </span>
            <DownloadButton fileName={d.fileName} busy={pending === d.id} onClick={() => void download(d.id)} />
          </li>
        ))}
      </ul>
    </div>
  );
}
