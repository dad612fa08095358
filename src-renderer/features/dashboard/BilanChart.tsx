import type { Bilan } from '../../../src-main/contract/schemas/reports.ts';
import { frenchNumber } from '../../components/format.ts';
import { chartRows } from './national-bilan.ts';

/** The class giving a bar its length, in 5 % steps (strict CSP: no inline width). A non-zero value shows at least one step. */
export function barWidthClass(value: number, max: number): string {
  if (value <= 0 || max <= 0) return 'dash-bar-w-0';
  const step = Math.max(1, Math.round((value / max) * 20));
  return `dash-bar-w-${Math.min(20, step) * 5}`;
}

/**
 * Participants and meetings per row of the Bilan, as HTML bars. Each bar is labelled and carries its number
 * in text, so neither its colour nor its length is needed to read it; the bars themselves are hidden from
 * screen readers, which read the labels and numbers (the same as the Bilan table).
 */
export function BilanChart({ bilan }: { bilan: Bilan }) {
  // The whole country: one pair of bars per région académique (its académies are in the table).
  const rows = chartRows(bilan);
  const maxParticipants = Math.max(0, ...rows.map((r) => r.participants));
  const maxMeetings = Math.max(0, ...rows.map((r) => r.meetings));
  const by = bilan.regions ? 'par région académique' : bilan.rowKind === 'academie' ? 'par académie' : 'par département';
  return (
    <figure className="fr-m-0 fr-mb-4w" aria-labelledby="dash-chart-caption">
      <figcaption id="dash-chart-caption" className="fr-mb-1w">
        Participants et rencontres {by} — {bilan.scope.name}.{' '}
        <span className="dash-note fr-text--sm">
          Chaque barre est proportionnelle au plus grand chiffre de sa série ; les mêmes chiffres figurent dans le tableau du Bilan.
        </span>
      </figcaption>
      <ul className="dash-legend" aria-label="Légende">
        <li><span className="dash-legend__swatch dash-bar" aria-hidden="true" />Participants (second niveau et établissements)</li>
        <li><span className="dash-legend__swatch dash-bar dash-bar--meetings" aria-hidden="true" />Rencontres (tous niveaux), barre hachurée</li>
      </ul>
      <ul className="dash-chart">
        {rows.map((r) => (
          <li key={r.key} className="dash-chart__row">
            <p className="dash-chart__name">{r.name}</p>
            <div className="dash-chart__bars">
              <p className="dash-chart__line">
                <span className="dash-chart__label">Participants</span>
                <span className="dash-bar-track" aria-hidden="true">
                  <span className={`dash-bar ${barWidthClass(r.participants, maxParticipants)}`} />
                </span>
                <span className="dash-chart__value">{frenchNumber(r.participants)}</span>
              </p>
              <p className="dash-chart__line">
                <span className="dash-chart__label">Rencontres</span>
                <span className="dash-bar-track" aria-hidden="true">
                  <span className={`dash-bar dash-bar--meetings ${barWidthClass(r.meetings, maxMeetings)}`} />
                </span>
                <span className="dash-chart__value">{frenchNumber(r.meetings)}</span>
              </p>
            </div>
          </li>
        ))}
      </ul>
    </figure>
  );
}
