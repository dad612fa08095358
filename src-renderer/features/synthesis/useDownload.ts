/**
 * Saving a produced file from the browser: its bytes come back through the contract (base64), become
 * a Blob, and a temporary <a download> hands them to the browser's own "save" flow.
 */
import { useCallback, useState } from 'react';
import { useMutation } from '../../components/useCall.ts';

const TYPES: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
};

export function saveBase64(fileName: string, contentBase64: string): void {
  const binary = atob(contentBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const extension = fileName.split('.').pop()?.toLowerCase() ?? '';
  const url = URL.createObjectURL(new Blob([bytes], { type: TYPES[extension] ?? 'application/octet-stream' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled; give it a moment before freeing it.
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** `download(id)` fetches a logged document and saves it; `pending` is the id being fetched. */
export function useDownload() {
  const { run, error, clearError } = useMutation();
  const [pending, setPending] = useState<number | null>(null);
  const download = useCallback(async (id: number) => {
    setPending(id);
    const content = await run('documents.content', { id });
    setPending(null);
    if (content) saveBase64(content.fileName, content.contentBase64);
    return content !== undefined;
  }, [run]);
  return { download, pending, error, clearError };
}
