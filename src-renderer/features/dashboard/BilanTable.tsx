import type { Bilan } from '../../../src-main/contract/schemas/reports.ts';
import { frenchNumber } from '../../components/format.ts';
import { regionGroups } from './national-bilan.ts';
import { TableFrame } from './TableFrame.tsx';

type Row = Bilan['rows'][number];
type Figures = Bilan['totals'];

const NUM = 'app-number fr-cell--right';

/**
 * The Bilan des rencontres per académie (région) or per département (académie, département), with its totals;
 * for the whole country, région académique by région académique: its totals, then its académies.
 */
export function BilanTable({ bilan }: { bilan: Bilan }) {
  const national = bilan.regions !== undefined;
  const rowHeading = national ? 'Région académique et académie' : bilan.rowKind === 'academie' ? 'Académie' : 'Département';
  const t = bilan.totals;
  const withEtablissements = t.etablissementMeetings > 0;
  // A consultation held in établissements (2015) has no bassin or second-level figures to show.
  const withTerritorial = !withEtablissements || t.bassinMeetings > 0 || t.secondLevelMeetings > 0;
  const academieWide = bilan.rowKind === 'departement' && bilan.rows.some((r) => r.code === '' && r.academiqueLevel);
  const cells = (f: Figures, level: string, kinds: string) => (
    <>
      {withTerritorial && (
        <>
          <td className={NUM}>{frenchNumber(f.bassinMeetings)}{kinds}</td>
          <td className={NUM}>{frenchNumber(f.secondLevelMeetings)}</td>
          <td>{level}</td>
          <td className={NUM}>{frenchNumber(f.participants)}</td>
        </>
      )}
      {withEtablissements && (
        <>
          <td className={NUM}>{frenchNumber(f.etablissementMeetings)}</td>
          <td className={NUM}>{frenchNumber(f.etablissementParticipants)}</td>
        </>
      )}
    </>
  );
  return (
    <>
      <TableFrame
        caption={national
          ? `Bilan des rencontres — ${bilan.scope.name}, par région académique (ses totaux, puis ses académies)`
          : `Bilan des rencontres — ${bilan.scope.name}, par ${rowHeading.toLowerCase()}`}
      >
        <thead>
          <tr>
            <th scope="col">{rowHeading}</th>
            {withTerritorial && (
              <>
                <th scope="col" className={NUM}>Rencontres de bassin</th>
                <th scope="col" className={NUM}>Concertations de second niveau</th>
                <th scope="col">Niveau de la concertation</th>
                <th scope="col" className={NUM}>Participants (second niveau)</th>
              </>
            )}
            {withEtablissements && (
              <>
                <th scope="col" className={NUM}>Rencontres d’établissement</th>
                <th scope="col" className={NUM}>Participants (établissements)</th>
              </>
            )}
          </tr>
        </thead>
        {national ? (
          <>
            {regionGroups(bilan).map((g) => (
              // One group per région académique: its row of totals heads its académies' rows.
              <tbody key={g.code} className="dash-region-group">
                <tr className="dash-region-row">
                  <th scope="rowgroup">{g.name}</th>
                  {cells(g.totals, regionLevel(g.totals, g.academies.length), '')}
                </tr>
                {g.academies.map((r) => (
                  <tr key={r.code}>
                    <th scope="row" className="dash-academie-cell">{r.name}</th>
                    {cells(r, levelOf(r, false), r.bassinKinds.length > 0 ? ` (${r.bassinKinds.join(', ')})` : '')}
                  </tr>
                ))}
              </tbody>
            ))}
            <tbody>
              <tr className="dash-total-row">
                <th scope="row">Total France entière</th>
                {cells(t, regionLevel(t, bilan.rows.length), '')}
              </tr>
            </tbody>
          </>
        ) : (
          <tbody>
            {bilan.rows.map((r) => (
              <tr key={r.code || 'academie-wide'}>
                <th scope="row">{r.name}</th>
                {cells(r, levelOf(r, academieWide), r.bassinKinds.length > 0 ? ` (${r.bassinKinds.join(', ')})` : '')}
              </tr>
            ))}
            <tr className="dash-total-row">
              <th scope="row">Total</th>
              {cells(t, t.departements > 0 ? `${frenchNumber(t.departements)} département${t.departements > 1 ? 's' : ''}` : '—', '')}
            </tr>
          </tbody>
        )}
      </TableFrame>
      {withTerritorial && (
        <p className="fr-text--sm dash-note">
          D’où viennent les participants des concertations de second niveau : {sourceSentence(t)}
        </p>
      )}
    </>
  );
}

/** A région's (or the country's) level cell: its académies, and how many départements held their own concertation. */
function regionLevel(f: Figures, academies: number): string {
  const of = `${frenchNumber(academies)} académie${academies > 1 ? 's' : ''}`;
  return f.departements > 0 ? `${of} ; départementale dans ${frenchNumber(f.departements)} département${f.departements > 1 ? 's' : ''}` : of;
}

function levelOf(r: Row, academieWide: boolean): string {
  if (r.academiqueLevel) return 'Académique';
  if (academieWide && r.secondLevelMeetings === 0) return 'Comprise dans la concertation académique';
  if (r.departements > 0) return r.departements > 1 ? `Départementale (${r.departements} départements)` : 'Départementale';
  return r.secondLevelMeetings > 0 ? 'Autre' : 'Aucune pour l’instant';
}

function sourceSentence(t: Figures): string {
  const part = (n: number, one: string, many: string) => `${frenchNumber(n)} ${n > 1 ? many : one}`;
  return [
    part(t.meetingsWithDeclaredTotal, 'rencontre avec un total déclaré', 'rencontres avec un total déclaré'),
    part(t.meetingsCountedByCategories, 'rencontre comptée par la somme de ses catégories', 'rencontres comptées par la somme de leurs catégories'),
    part(t.meetingsWithoutFigure, 'rencontre sans aucun chiffre', 'rencontres sans aucun chiffre'),
  ].join(', ') + '.';
}
