/**
 * The shared folder, watched while the app is open: read at start and every 30 s when a folder is
 * chosen, so that the shell can say when another catalogue has published a new bundle there.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { OperationOutput } from '../../../src-main/contract/operations.ts';
import { call, type CallError } from '../../api/client.ts';
import { asCallError } from '../../components/useCall.ts';

export type InboxBundle = OperationOutput<'exchange.inbox'>[number];

export const INBOX_PERIOD_MS = 30_000;

export interface InboxWatch {
  /** The shared folder, null when none is chosen. */
  folder: string | null;
  bundles: InboxBundle[];
  /** Bundles of other catalogues not merged yet. */
  fresh: InboxBundle[];
  error: CallError | null;
  /** Reads the folder setting and the folder again (after choosing a folder, merging a bundle). */
  refresh: () => void;
}

export function useInboxWatch(enabled: boolean): InboxWatch {
  const [folder, setFolder] = useState<string | null>(null);
  const [bundles, setBundles] = useState<InboxBundle[]>([]);
  const [error, setError] = useState<CallError | null>(null);
  const [tick, setTick] = useState(0);
  const refresh = useCallback(() => setTick((t) => t + 1), []);

  // Which folder: at start, and when asked (the Échanges screen changed it).
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    call('exchange.overview', {}).then(
      (overview) => live && setFolder(overview.folder),
      (e: unknown) => live && setError(asCallError(e)),
    );
    return () => {
      live = false;
    };
  }, [enabled, tick]);

  // What it holds: now, then every 30 s while a folder is chosen.
  useEffect(() => {
    if (!enabled || folder === null) {
      setBundles([]);
      setError(null);
      return;
    }
    let live = true;
    const read = () =>
      call('exchange.inbox', {}).then(
        (list) => {
          if (!live) return;
          setBundles(list);
          setError(null);
        },
        (e: unknown) => live && setError(asCallError(e)),
      );
    void read();
    const timer = setInterval(() => void read(), INBOX_PERIOD_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [enabled, folder, tick]);

  return useMemo(() => ({ folder, bundles, fresh: bundles.filter((b) => b.status === 'nouveau'), error, refresh }), [folder, bundles, error, refresh]);
}
