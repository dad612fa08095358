/**
 * The level, then the places it needs: académie, département, bassin or établissement. Choosing a coarser
 * place clears the finer ones; for a saved meeting the place is saved once the level's place is chosen.
 */
import { Select } from '@codegouvfr/react-dsfr/Select';
import { MEETING_LEVEL_LABELS, MEETING_LEVELS, type MeetingLevel } from '../../../src-main/contract/domain.ts';
import { AcademieOptions } from './AcademieOptions.tsx';
import { BassinField } from './BassinField.tsx';
import { EtablissementField } from './EtablissementField.tsx';
import type { Missing } from './GeneralFields.tsx';
import { missingPlace, PLACE_KEYS } from './meeting-draft.ts';
import type { FormApi } from './useMeetingDraft.ts';
import type { Territory } from './useTerritory.ts';

const PLACE = [...PLACE_KEYS];

const LEVEL_HINTS: Record<MeetingLevel, string> = {
  etablissement: 'Rencontre dans un établissement (consultation de 2015) : indiquez son UAI.',
  bassin: 'Premier niveau : un bassin (ZAP ou réseau ECLORE).',
  departemental: 'Second niveau : une concertation pour un département.',
  academique: 'Une concertation pour toute l’académie.',
  regional: 'Une rencontre de la région académique.',
};

interface Props {
  api: FormApi;
  territory: Territory;
  missing: Missing;
  /** A saved meeting whose new place is not complete yet. */
  pending: boolean;
}

export function PlaceFields({ api, territory, missing, pending }: Props) {
  const { draft, change } = api;
  const level = draft.level;
  const needsAcademie = level !== '' && level !== 'regional';
  const needsDepartement = level === 'etablissement' || level === 'bassin' || level === 'departemental';
  const departements = territory.departementsOf(draft.academieCode);
  const stillMissing = missingPlace(draft);

  return (
    <>
      <Select
        label="Niveau (obligatoire)"
        hint={level ? LEVEL_HINTS[level] : 'Le niveau dit quels lieux indiquer.'}
        state={missing.level ? 'error' : 'default'}
        stateRelatedMessage={missing.level}
        nativeSelectProps={{
          id: 'meeting-level',
          value: level,
          onChange: (e) => change({ level: e.target.value as MeetingLevel }, PLACE),
        }}
      >
        <option value="" disabled>Choisir un niveau</option>
        {MEETING_LEVELS.map((l) => (
          <option key={l} value={l}>{MEETING_LEVEL_LABELS[l]}</option>
        ))}
      </Select>
      {needsAcademie && (
        <Select
          label={level === 'academique' ? 'Académie (obligatoire)' : 'Académie'}
          state={missing.place && level === 'academique' ? 'error' : 'default'}
          stateRelatedMessage={missing.place}
          nativeSelectProps={{
            id: 'meeting-academie',
            value: draft.academieCode,
            onChange: (e) =>
              change({ academieCode: e.target.value, departementCode: '', bassinId: '', etablissementUai: '' }, PLACE),
          }}
        >
          <option value="">Choisir une académie</option>
          <AcademieOptions territory={territory} />
        </Select>
      )}
      {needsDepartement && (
        <Select
          label={level === 'departemental' ? 'Département (obligatoire)' : 'Département'}
          state={missing.place && level === 'departemental' ? 'error' : 'default'}
          stateRelatedMessage={missing.place}
          nativeSelectProps={{
            id: 'meeting-departement',
            value: draft.departementCode,
            onChange: (e) =>
              change({
                departementCode: e.target.value,
                academieCode: territory.academieOfDepartement(e.target.value) ?? draft.academieCode,
                bassinId: '',
                etablissementUai: '',
              }, PLACE),
          }}
        >
          <option value="">Choisir un département</option>
          {departements.map((d) => (
            <option key={d.code} value={d.code}>{d.code} — {d.nom}</option>
          ))}
        </Select>
      )}
      {level === 'bassin' && <BassinField api={api} missing={missing.place} />}
      {level === 'etablissement' && <EtablissementField api={api} missing={missing.place} />}
      <p className="fr-text--sm meetings-pending" aria-live="polite">
        {pending && stillMissing && `Le niveau et le lieu seront enregistrés dès que vous aurez choisi ${stillMissing}.`}
      </p>
    </>
  );
}
