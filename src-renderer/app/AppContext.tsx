/**
 * What every screen needs: who the catalogue is for, the active consultation, the settings, the shared
 * folder's new bundles, and a way to tell the user.
 */
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import type { Campaign } from '../../src-main/contract/schemas/campaign.ts';
import type { CatalogueIdentity } from '../../src-main/contract/schemas/exchange.ts';
import type { Settings } from '../../src-main/contract/schemas/reports.ts';
import { call, type CallError } from '../api/client.ts';
import { useQuery } from '../components/useCall.ts';
import { type InboxWatch, useInboxWatch } from '../features/exchange/useInboxWatch.ts';

export interface Notice {
  id: number;
  message: string;
  severity: 'success' | 'info' | 'warning' | 'error';
  /** "Annuler" after a deletion, for instance. */
  action?: { label: string; run: () => void | Promise<void> };
  /** Stays until closed (a path to note, say). */
  lasting?: boolean;
}

interface AppState {
  /** Null on the first launch: the catalogue does not know yet who it is for; undefined while read. */
  identity: CatalogueIdentity | null | undefined;
  /** Why the identity could not be read (the service stopped, say). */
  identityError: CallError | null;
  /** Changes when the catalogue was replaced (first setup, demo left): the screens start afresh. */
  generation: number;
  /** After identity.setup, identity.loadDemo or identity.leaveDemo: everything is read again. */
  catalogueReplaced: () => void;
  inbox: InboxWatch;
  campaigns: Campaign[];
  campaign: Campaign | null;
  settings: Settings | null;
  loading: boolean;
  reload: () => void;
  setActiveCampaign: (id: number) => Promise<void>;
  notices: Notice[];
  notify: (notice: Omit<Notice, 'id'>) => void;
  dismiss: (id: number) => void;
}

const Context = createContext<AppState | null>(null);
let noticeIds = 0;

export function AppProvider({ children }: { children: ReactNode }) {
  const campaigns = useQuery('campaigns.list', {});
  const settings = useQuery('settings.get', {});
  const identity = useQuery('identity.get', {});
  const inbox = useInboxWatch(Boolean(identity.data));
  const [notices, setNotices] = useState<Notice[]>([]);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => {
    campaigns.reload();
    settings.reload();
  }, [campaigns.reload, settings.reload]);
  const catalogueReplaced = useCallback(() => {
    reload();
    identity.reload();
    inbox.refresh();
    setGeneration((g) => g + 1);
  }, [reload, identity.reload, inbox.refresh]);
  const dismiss = useCallback((id: number) => setNotices((list) => list.filter((n) => n.id !== id)), []);
  const notify = useCallback((n: Omit<Notice, 'id'>) => {
    const id = ++noticeIds;
    setNotices((list) => [...list.slice(-2), { ...n, id }]);
    // Confirmations fade; an "Annuler" and an error stay until closed (no time limit on an action: WCAG 2.2.1).
    if (n.severity !== 'error' && !n.action && !n.lasting) setTimeout(() => dismiss(id), 8_000);
  }, [dismiss]);
  const setActiveCampaign = useCallback(async (id: number) => {
    await call('settings.update', { activeCampaignId: id });
    settings.reload();
  }, [settings.reload]);
  const value = useMemo<AppState>(() => {
    const list = campaigns.data ?? [];
    const active = list.find((c) => c.id === settings.data?.activeCampaignId) ?? list[0] ?? null;
    return {
      identity: identity.data, identityError: identity.error, generation, catalogueReplaced, inbox,
      campaigns: list, campaign: active, settings: settings.data ?? null, loading: campaigns.loading || settings.loading,
      reload, setActiveCampaign, notices, notify, dismiss,
    };
  }, [
    identity.data, identity.error, generation, catalogueReplaced, inbox,
    campaigns.data, campaigns.loading, settings.data, settings.loading, reload, setActiveCampaign, notices, notify, dismiss,
  ]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useApp(): AppState {
  const state = useContext(Context);
  if (!state) throw new Error('useApp hors de AppProvider');
  return state;
}
