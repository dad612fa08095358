/**
 * Receiving a bundle: a preview first (nothing written), then the merge at the user's word. A bundle
 * whose sender's signing key changed is refused until the user says the sender confirmed it.
 */
import { useState } from 'react';
import type { MergeReport } from '../../../src-main/contract/schemas/exchange.ts';
import { useMutation } from '../../components/useCall.ts';
import { focusSoon } from '../../components/focus.ts';

export type BundleSource = { path: string } | { fileName: string; contentBase64: string };

interface Chosen {
  source: BundleSource;
  /** The file's name, as the screen says it. */
  label: string;
  acceptNewKey: boolean;
}

export const REPORT_TITLE_ID = 'xch-report-title';

export function useBundleMerge(onMerged: (report: MergeReport) => void) {
  const { run, busy, error, clearError, progress, cancel: cancelWork, cancelling, cancelled } = useMutation();
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [report, setReport] = useState<MergeReport | null>(null);
  const [stage, setStage] = useState<'preview' | 'merge'>('preview');

  const preview = async (source: BundleSource, label: string, acceptNewKey = false) => {
    setChosen({ source, label, acceptNewKey });
    setReport(null);
    setStage('preview');
    const result = await run('exchange.preview', { ...source, acceptNewKey });
    if (!result) return;
    setReport(result);
    focusSoon(REPORT_TITLE_ID);
  };

  const merge = async () => {
    if (!chosen) return;
    setStage('merge');
    const result = await run('exchange.merge', { ...chosen.source, acceptNewKey: chosen.acceptNewKey });
    if (!result) return;
    setReport(result);
    onMerged(result);
    focusSoon(REPORT_TITLE_ID);
  };

  const cancel = () => {
    setChosen(null);
    setReport(null);
    clearError();
  };

  /** Refused because the sender's key changed, and not yet accepted: the screen asks before trying again. */
  const keyChanged = error !== null && chosen !== null && !chosen.acceptNewKey && error.payload.issues?.some((i) => i.path === 'acceptNewKey') ? error : null;

  return {
    chosen, report, busy, progress, stage, keyChanged, cancelWork, cancelling, cancelled,
    error: keyChanged ? null : error,
    clearError, preview, merge, cancel,
    acceptNewKey: () => chosen && void preview(chosen.source, chosen.label, true),
  };
}

export type BundleMerge = ReturnType<typeof useBundleMerge>;
