/**
 * The attendance grid: one count per participant category (empty = not counted, distinct from 0), the
 * declared total, the live sum of the categories, and the figure the reports will use.
 */
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useId } from 'react';
import { type CategoryCode, PARTICIPANT_CATEGORIES } from '../../../src-main/contract/domain.ts';
import { frenchNumber } from '../../components/format.ts';
import { CheckMessage } from './CheckMessage.tsx';
import type { MeetingChecks } from './meeting-checks.ts';
import { categorySum, COUNT_PROBLEM, countProblems, participantsOf } from './meeting-draft.ts';
import type { FormApi } from './useMeetingDraft.ts';

const SOURCE_TEXT = { declare: 'le total déclaré', categories: 'la somme des catégories', inconnu: '' } as const;

export function AttendanceGrid({ api, checks }: { api: FormApi; checks: MeetingChecks }) {
  const { draft, change, commit } = api;
  const problems = countProblems(draft);
  const { sum, given } = categorySum(draft);
  const retained = participantsOf(draft);
  const elusCheckId = useId();
  const totalCheckId = useId();
  const hintId = useId();

  const setCount = (code: CategoryCode, value: string) =>
    change((d) => ({ attendance: { ...d.attendance, [code]: value } }));

  return (
    <>
      <fieldset className="fr-fieldset meetings-attendance" aria-describedby={hintId}>
        <legend className="fr-fieldset__legend">Participants par catégorie</legend>
        <p id={hintId} className="fr-hint-text fr-fieldset__element">
          Laissez vide une catégorie qui n’a pas été comptée ; 0 signifie qu’elle a été comptée et que personne n’est venu.
        </p>
        <div className="meetings-attendance__grid fr-fieldset__element">
          {PARTICIPANT_CATEGORIES.map(({ code, label }) => {
            const isElus = code === 'elus_collectivites';
            const bad = problems.has(`attendance.${code}`);
            return (
              <div key={code}>
                <Input
                  label={label}
                  state={bad ? 'error' : 'default'}
                  stateRelatedMessage={COUNT_PROBLEM}
                  nativeInputProps={{
                    id: `attendance-${code}`,
                    inputMode: 'numeric',
                    autoComplete: 'off',
                    className: 'meetings-count',
                    value: draft.attendance[code] ?? '',
                    ...(isElus && { 'aria-describedby': elusCheckId }),
                    onChange: (e) => setCount(code, e.target.value),
                    onBlur: () => commit(['attendance']),
                  }}
                />
                {isElus && <CheckMessage id={elusCheckId} messages={[checks.elus]} />}
              </div>
            );
          })}
        </div>
      </fieldset>
      <p className="meetings-sum" aria-live="polite" aria-atomic="true">
        Somme des catégories : <strong>{frenchNumber(sum)}</strong>{' '}
        ({given === 0 ? 'aucune catégorie renseignée' : `${given} catégorie${given > 1 ? 's' : ''} renseignée${given > 1 ? 's' : ''} sur ${PARTICIPANT_CATEGORIES.length}`})
      </p>
      <div className="meetings-total">
        <Input
          label="Total déclaré"
          hintText="Le nombre de participants annoncé par l’organisateur, s’il est connu ; laissez vide sinon."
          state={problems.has('declaredTotal') ? 'error' : 'default'}
          stateRelatedMessage={COUNT_PROBLEM}
          nativeInputProps={{
            id: 'attendance-total',
            inputMode: 'numeric',
            autoComplete: 'off',
            className: 'meetings-count',
            value: draft.declaredTotal,
            'aria-describedby': totalCheckId,
            onChange: (e) => change({ declaredTotal: e.target.value }),
            onBlur: () => commit(['declaredTotal']),
          }}
        />
        <CheckMessage id={totalCheckId} messages={[checks.total]} />
      </div>
      <p className="meetings-retained">
        {retained.value === null
          ? 'Participants retenus par les bilans : inconnu (ni total déclaré, ni catégorie renseignée).'
          : `Participants retenus par les bilans : ${frenchNumber(retained.value)} (${SOURCE_TEXT[retained.source]}).`}
      </p>
    </>
  );
}
