/**
 * « Regroupements »: contributions of a thématique and kind that say the same thing, proposed as groups by
 * the app, then reviewed: renamed, retained (with their members à traiter), set aside, split, merged,
 * members taken out. Keyboard first: arrows between groups, letters for the actions (listed on screen),
 * every control reachable with Tab too; each result said in an aria-live region.
 */
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { CONTRIBUTION_KIND_LABELS, ContributionKind } from '../../../src-main/contract/domain.ts';
import type { Campaign } from '../../../src-main/contract/schemas/campaign.ts';
import type { Contribution } from '../../../src-main/contract/schemas/content.ts';
import type { ContributionGroup } from '../../../src-main/contract/schemas/review.ts';
import { call } from '../../api/client.ts';
import { useApp } from '../../app/AppContext.tsx';
import { BusyStatus } from '../../components/BusyStatus.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useMeetingLabels } from '../../components/useMeetingLabels.ts';
import { excerpt } from '../contributions/kinds.ts';
import { sortedThematiques, useThematiqueChoice } from '../retex/useThematiqueChoice.ts';
import { GroupCard } from './GroupCard.tsx';
import { UngroupedList } from './UngroupedList.tsx';
import { groupCommand, SHORTCUTS } from './shortcuts.ts';
import { useGroups } from './useGroups.ts';
import './groups.css';

/** The commands that letters give: they also work from a control inside a card. */
const LETTER_COMMANDS = new Set(['retain', 'setAside', 'split', 'merge', 'rename']);

/** A field where keys are text (a textarea, a text input, anything editable). */
function typingIn(target: EventTarget): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
}

/** Groups drawn at a time (a large thématique proposes hundreds). */
const STEP = 50;

/** `#/regroupements/<thématique>` opens on that thématique (a pre-flight finding, the dashboard). */
export function GroupsScreen({ params }: { params: string[] }) {
  const { campaign } = useApp();
  if (!campaign) {
    return (
      <>
        <PageHeader title="Regroupements" />
        <p>Aucune consultation dans le catalogue : installez-en une depuis les paramètres.</p>
      </>
    );
  }
  const wanted = params[0] !== undefined && /^\d+$/.test(params[0]) ? Number(params[0]) : null;
  return <GroupsBoard key={campaign.id} campaign={campaign} wanted={wanted} />;
}

function GroupsBoard({ campaign, wanted }: { campaign: Campaign; wanted: number | null }) {
  const [thematique, chooseThematique] = useThematiqueChoice(campaign, 'regroupements', wanted);
  const [kind, setKind] = useState<ContributionKind>('proposition');
  return (
    <>
      <PageHeader
        title="Regroupements"
        description="Les contributions qui disent la même chose, réunies sous un libellé : retenez, écartez, séparez ou fusionnez les regroupements proposés."
      />
      <div className="groups-choice">
        <Select label="Thématique" nativeSelectProps={{ id: 'groups-thematique', value: thematique?.id ?? '', onChange: (e) => chooseThematique(Number(e.target.value)) }}>
          {sortedThematiques(campaign).map((t) => <option key={t.id} value={t.id}>{`${t.number}. ${t.title}`}</option>)}
        </Select>
        <Select label="Nature" nativeSelectProps={{
          id: 'groups-kind',
          value: kind,
          onChange: (e) => {
            const k = ContributionKind.safeParse(e.target.value);
            if (k.success) setKind(k.data);
          },
        }}>
          {ContributionKind.options.map((k) => <option key={k} value={k}>{CONTRIBUTION_KIND_LABELS[k]}</option>)}
        </Select>
      </div>
      {!thematique ? <p>Cette consultation n’a pas encore de thématique.</p> : (
        <GroupsPanel key={`${thematique.id}-${kind}`} campaignId={campaign.id} thematiqueId={thematique.id} kind={kind} />
      )}
    </>
  );
}

function GroupsPanel({ campaignId, thematiqueId, kind }: { campaignId: number; thematiqueId: number; kind: ContributionKind }) {
  const g = useGroups(campaignId, thematiqueId, kind);
  const groups = useMemo(() => g.view?.groups ?? [], [g.view]);
  const [limit, setLimit] = useState(STEP);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [checked, setChecked] = useState<ReadonlySet<number>>(new Set());
  const [renaming, setRenaming] = useState<number | null>(null);
  const focusAfter = useRef<string | null>(null);
  const busy = g.mutation.busy;
  // Groups shown whole (a list carries each group's first members; groups.get gives all), until the view changes.
  const [whole, setWhole] = useState<ReadonlyMap<number, Contribution[]>>(new Map());
  useEffect(() => setWhole(new Map()), [g.view]);
  const meetingLabel = useMeetingLabels(useMemo(
    () => groups.slice(0, limit).flatMap((x) => (whole.get(x.id) ?? x.members).flatMap((m) => m.sourceMeetingIds)), [groups, limit, whole],
  ));
  const showAll = (id: number) => {
    void call('groups.get', { id }).then((x) => setWhole((m) => new Map(m).set(id, x.members)), () => undefined);
  };

  // Chosen groups that are gone, and checked contributions that changed group (split, moved), are let go;
  // the focus goes where the action asked.
  const placeBefore = useRef(new Map<number, number | null>());
  useEffect(() => {
    const ids = new Set(groups.map((x) => x.id));
    const place = new Map<number, number | null>([
      ...groups.flatMap((x) => (whole.get(x.id) ?? x.members).map((m): [number, number | null] => [m.id, x.id])),
      ...(g.view?.ungrouped ?? []).map((c): [number, number | null] => [c.id, null]),
    ]);
    const before = placeBefore.current;
    placeBefore.current = place;
    setSelected((s) => new Set([...s].filter((id) => ids.has(id))));
    setChecked((s) => new Set([...s].filter((id) => place.has(id) && place.get(id) === before.get(id))));
    if (focusAfter.current) {
      const el = document.getElementById(focusAfter.current) ?? document.getElementById('groups-list-title');
      focusAfter.current = null;
      el?.focus();
    }
  }, [groups, g.view, whole]);

  const toggle = (set: ReadonlySet<number>, id: number) => {
    const next = new Set(set);
    if (!next.delete(id)) next.add(id);
    return next;
  };

  const merge = useCallback(async () => {
    const ids = groups.filter((x) => selected.has(x.id)).map((x) => x.id);
    if (ids.length < 2) {
      g.setAnnounce('Fusionner : choisissez au moins deux groupes (Entrée ou Espace sur un groupe, ou sa case).');
      return;
    }
    focusAfter.current = `group-${ids[0]!}`;
    if (await g.merge(ids)) setSelected(new Set());
  }, [groups, selected, g]);

  const split = useCallback(async (group: ContributionGroup) => {
    const ids = (whole.get(group.id) ?? group.members).filter((m) => checked.has(m.id)).map((m) => m.id);
    if (ids.length === 0 || ids.length === group.memberTotal) {
      g.setAnnounce(`Séparer : cochez une partie des contributions de « ${excerpt(group.wording, 60)} », pas toutes.`);
      return;
    }
    focusAfter.current = `group-${group.id}`;
    await g.split(group.id, ids);
  }, [checked, g, whole]);

  const cardActions = (group: ContributionGroup) => ({
    retain: () => {
      focusAfter.current = `group-${group.id}`;
      void g.review(group, 'retenue');
    },
    setAside: () => {
      focusAfter.current = `group-${group.id}`;
      void g.review(group, 'ecartee');
    },
    toReview: () => {
      focusAfter.current = `group-${group.id}`;
      void g.review(group, 'a_traiter');
    },
    rename: async (wording: string) => {
      focusAfter.current = `group-${group.id}`;
      return g.rename(group.id, wording);
    },
    split: () => void split(group),
    moveOut: (id: number, text: string) => {
      focusAfter.current = `group-${group.id}`;
      void g.moveOut(id, text);
    },
    toggleSelected: () => setSelected((s) => toggle(s, group.id)),
    toggleMember: (id: number) => setChecked((s) => toggle(s, id)),
  });

  const onCardKey = (index: number) => (event: React.KeyboardEvent<HTMLLIElement>) => {
    const inside = event.target !== event.currentTarget;
    // Never while typing; from a member's checkbox or a button, the letters act on this group, while
    // arrows, Entrée and Espace stay the control's own (ticking a box, pressing a button).
    if (inside && typingIn(event.target)) return;
    const command = groupCommand(event.key, event);
    if (!command || (inside && !LETTER_COMMANDS.has(command))) return;
    event.preventDefault();
    const group = groups[index]!;
    const focus = (i: number) => {
      const target = Math.max(0, Math.min(Math.min(groups.length, limit) - 1, i));
      document.getElementById(`group-${groups[target]!.id}`)?.focus();
    };
    switch (command) {
      case 'previous': return focus(index - 1);
      case 'next': return focus(index + 1);
      case 'first': return focus(0);
      case 'last': return focus(groups.length - 1);
      case 'select': {
        const on = !selected.has(group.id);
        setSelected((s) => toggle(s, group.id));
        g.setAnnounce(`Groupe « ${excerpt(group.wording, 60)} » ${on ? 'choisi' : 'plus choisi'} pour la fusion.`);
        return;
      }
      case 'retain': return busy ? undefined : cardActions(group).retain();
      case 'setAside': return busy ? undefined : cardActions(group).setAside();
      case 'split': return busy ? undefined : void split(group);
      case 'merge': return busy ? undefined : void merge();
      case 'rename': return setRenaming(group.id);
    }
  };

  if (g.query.error && !g.view) return <ErrorNotice error={g.query.error} />;
  if (!g.view) return <Loading what="Chargement des regroupements" />;
  const view = g.view;
  const pending = groups.filter((x) => x.review === 'a_traiter').length;

  return (
    <div className="groups-panel">
      <div className="groups-toolbar">
        <Button iconId="fr-icon-git-merge-line" disabled={busy} onClick={() => void g.propose()}>Proposer des regroupements</Button>
        <Button priority="secondary" disabled={busy || selected.size < 2} onClick={() => void merge()}
          nativeButtonProps={{ 'aria-label': `Fusionner les ${selected.size} groupes choisis (F)` }}>
          {`Fusionner les groupes choisis (${selected.size})`}
        </Button>
      </div>
      <p id="groups-status" className="groups-status" role="status" aria-live="polite" aria-atomic="true">{g.announce}</p>
      <BusyStatus
        busy={busy} message="Enregistrement…" progress={g.mutation.progress}
        onCancel={g.mutation.cancel} cancelling={g.mutation.cancelling} cancelled={g.mutation.cancelled}
      />
      <ErrorNotice error={g.mutation.error} onClose={g.mutation.clearError} />
      <p id="groups-keys" className="groups-keys fr-text--sm">
        {'Au clavier, sur un groupe : '}
        {SHORTCUTS.map((k, i) => <span key={k.keys}>{i > 0 ? ' ; ' : ''}<kbd>{k.keys}</kbd> {k.what}</span>)}
        {'. Les lettres agissent aussi depuis une case ou un bouton du groupe. Tab atteint chaque case et chaque bouton.'}
      </p>
      <h2 id="groups-list-title" tabIndex={-1} className="fr-h5">
        {groups.length === 0
          ? 'Aucun regroupement'
          : view.groupTotal > groups.length
            ? `${view.groupTotal.toLocaleString('fr-FR')} regroupements (les ${groups.length.toLocaleString('fr-FR')} premiers chargés, dont ${pending.toLocaleString('fr-FR')} à traiter)`
            : `${groups.length.toLocaleString('fr-FR')} regroupement${groups.length > 1 ? 's' : ''}, dont ${pending.toLocaleString('fr-FR')} à traiter`}
      </h2>
      {groups.length === 0 && (
        <p id="groups-empty">
          {view.ungroupedTotal === 0
            ? 'Aucune contribution de cette nature dans cette thématique.'
            : g.proposed
              ? 'L’application n’a trouvé aucune contribution assez proche d’une autre pour les réunir : chacune reste seule. Si certaines disent pourtant la même chose, cochez-les ci-dessous dans « Contributions sans groupe » puis choisissez « Faire un groupe des contributions cochées » ; vous pourrez ensuite renommer le groupe.'
              : 'Choisissez « Proposer des regroupements » : l’application réunira les contributions qui disent la même chose. Vous pouvez aussi cocher des contributions ci-dessous et en faire un groupe vous-même.'}
        </p>
      )}
      <ul className="groups-list" aria-labelledby="groups-list-title">
        {groups.slice(0, limit).map((group, index) => (
          <GroupCard
            key={group.id}
            group={group}
            members={whole.get(group.id) ?? group.members}
            onShowAll={() => showAll(group.id)}
            index={index}
            count={groups.length}
            selected={selected.has(group.id)}
            checkedMembers={checked}
            renaming={renaming === group.id}
            onRenaming={(on) => {
              setRenaming(on ? group.id : null);
              if (!on) document.getElementById(`group-${group.id}`)?.focus();
            }}
            meetingLabel={meetingLabel}
            busy={busy}
            actions={cardActions(group)}
            onKeyDown={onCardKey(index)}
          />
        ))}
      </ul>
      {view.groupTotal > limit && (
        <Button priority="secondary" onClick={() => {
          if (limit + STEP > groups.length && view.groupTotal > groups.length) g.loadMore();
          setLimit((l) => l + STEP);
        }}>
          {`Afficher ${Math.min(STEP, view.groupTotal - limit)} regroupements de plus (sur ${view.groupTotal - limit} restants)`}
        </Button>
      )}
      <UngroupedList
        ungrouped={view.ungrouped}
        total={view.ungroupedTotal}
        groups={groups}
        checked={checked}
        busy={busy}
        onCheck={(id) => setChecked((s) => toggle(s, id))}
        onMove={async (ids, group) => {
          if (await g.moveInto(ids, group.id, group.wording)) setChecked(new Set());
        }}
        onCreate={async (ids) => {
          const made = await g.create(ids);
          if (made !== null) {
            setChecked(new Set());
            focusAfter.current = `group-${made}`;
          }
        }}
      />
    </div>
  );
}
