/** "Ce qui manque": who has not reported yet, which thématique nobody covered, which restitution is late. */
import { useMemo } from 'react';
import type { Campaign } from '../../../src-main/contract/schemas/campaign.ts';
import type { Meeting } from '../../../src-main/contract/schemas/meeting.ts';
import type { Bassin } from '../../../src-main/contract/schemas/territory.ts';
import { useQuery } from '../../components/useCall.ts';
import type { ScopeInfo } from './useScope.ts';

type Thematique = Campaign['thematiques'][number];
type Place = ScopeInfo['departements'][number];

export interface Missing {
  /** Bassins without a bassin-level meeting, grouped by département (only départements with some). */
  bassins: { departement: Place; bassins: Bassin[] }[];
  bassinCount: number;
  /** Bassins the catalogue knows in the scope. */
  bassinTotal: number;
  /** Départements of académies whose second level is départemental, without their concertation. */
  departements: Place[];
  /** Per département, the thématiques none of its meetings (nor an académie-wide one) covered. */
  thematiques: { departement: Place; thematiques: Thematique[] }[];
  /** Past meetings whose restitution has not been received, oldest first. */
  late: Meeting[];
  /**
   * False for a consultation held in établissements (2015): it has établissement meetings and neither bassin nor
   * départemental ones, so no bassin or département is expected to report.
   */
  territorialLevels: boolean;
  /** Académies whose second level is one académique concertation (their départements are not expected to hold one). */
  academiqueLevel: string[];
}

export function useMissing(campaign: Campaign, scope: ScopeInfo) {
  // One académie's meetings for an académie or a département (its académie-wide meetings count for it too).
  const academieCode = scope.kind === 'region' ? undefined : scope.academies[0]?.code;
  const meetings = useQuery('meetings.list', academieCode ? { campaignId: campaign.id, academieCode } : { campaignId: campaign.id });
  const bassins = useQuery('bassins.list', academieCode ? { academieCode } : {});
  const missing = useMemo(
    () => (meetings.data && bassins.data ? computeMissing(campaign, scope, meetings.data, bassins.data, today()) : undefined),
    [campaign, scope, meetings.data, bassins.data],
  );
  return {
    missing,
    loading: meetings.loading || bassins.loading,
    error: meetings.error ?? bassins.error,
    reload: () => {
      meetings.reload();
      bassins.reload();
    },
  };
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function computeMissing(campaign: Campaign, scope: ScopeInfo, meetings: Meeting[], bassins: Bassin[], todayIso: string): Missing {
  const departementCodes = new Set(scope.departements.map((d) => d.code));
  const academieCodes = new Set(scope.academies.map((a) => a.code));
  // As the Bilan counts them: a département's scope includes its académie's académie-wide concertations.
  const inScope = meetings.filter((m) =>
    m.departementCode
      ? departementCodes.has(m.departementCode)
      : scope.kind !== 'departement'
        ? m.academieCode === null || academieCodes.has(m.academieCode)
        : m.level === 'academique' && m.academieCode !== null && academieCodes.has(m.academieCode),
  );

  const metBassins = new Set(meetings.filter((m) => m.level === 'bassin' && m.bassinId !== null).map((m) => m.bassinId));
  const scopeBassins = bassins.filter((b) => departementCodes.has(b.departementCode));
  const silentBassins = scopeBassins.filter((b) => !metBassins.has(b.id));
  const bassinGroups = scope.departements
    .map((departement) => ({ departement, bassins: silentBassins.filter((b) => b.departementCode === departement.code) }))
    .filter((g) => g.bassins.length > 0);

  const academiqueLevel = scope.academies
    .filter((a) => meetings.some((m) => m.level === 'academique' && m.academieCode === a.code))
    .map((a) => a.code);
  const departementalHeld = new Set(meetings.filter((m) => m.level === 'departemental').map((m) => m.departementCode));
  const departements = scope.departements.filter((d) => !academiqueLevel.includes(d.academieCode) && !departementalHeld.has(d.code));

  const thematiques = scope.departements
    .map((departement) => {
      const covered = new Set<number>();
      for (const m of meetings) {
        const ofDepartement = m.departementCode === departement.code;
        const academieWide = m.departementCode === null && m.academieCode === departement.academieCode;
        if (!ofDepartement && !academieWide) continue;
        m.thematiqueIds.forEach((id) => covered.add(id));
        m.ateliers.forEach((a) => covered.add(a.thematiqueId));
      }
      return { departement, thematiques: campaign.thematiques.filter((t) => !covered.has(t.id)) };
    })
    .filter((g) => g.thematiques.length > 0);

  const late = inScope
    .filter((m) => !m.restitutionReceived && m.date < todayIso)
    .sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title, 'fr'));

  const territorialLevels =
    !meetings.some((m) => m.level === 'etablissement') || meetings.some((m) => m.level === 'bassin' || m.level === 'departemental');
  return { territorialLevels, bassins: bassinGroups, bassinCount: silentBassins.length, bassinTotal: scopeBassins.length, departements, thematiques, late, academiqueLevel };
}
