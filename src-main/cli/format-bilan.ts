import type { Finding, PreflightReport } from '../contract/schemas/preflight.ts';
import type { Bilan } from '../contract/schemas/reports.ts';

/** The Bilan as a plain-text table for a terminal. */
export function formatBilan(bilan: Bilan): string {
  // A consultation held in établissements (2015) shows those meetings and their participants too.
  const etab = bilan.totals.etablissementMeetings > 0;
  // "—" where an académie held one académie-wide concertation: no département counts, as in the document.
  const figures = (f: Bilan['totals'] & { academiqueLevel?: boolean }) =>
    [String(f.bassinMeetings), String(f.secondLevelMeetings), f.departements === 0 && f.academiqueLevel ? '—' : String(f.departements), String(f.participants),
      ...(etab ? [f.etablissementMeetings, f.etablissementParticipants].map(String) : [])];
  const rows = [
    [bilan.rowKind === 'academie' ? 'Académie' : 'Département', 'Rencontres de bassin', 'Concertations 2nd niveau', 'Départements', 'Participants', ...(etab ? ['Rencontres d’établissement', 'Participants (établissements)'] : [])],
    ...bilan.rows.map((a) => [a.name, ...figures(a)]),
    ['Total', ...figures(bilan.totals)],
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  const scope = { region: 'région académique ', academie: 'académie de ', departement: 'département ', national: '' }[bilan.scope.kind];
  const regional = bilan.regional.meetings > 0 ? `\nRencontres régionales : ${bilan.regional.meetings} (${bilan.regional.participants} participants)\n` : '';
  return `Bilan des rencontres — ${scope}${bilan.scope.name}\n\n${nationalLines(bilan, figures)}${rows.map(line).join('\n')}\n${regional}`;
}

/** The national Bilan's régions académiques first, with the country's total; then every académie. */
function nationalLines(bilan: Bilan, figures: (f: Bilan['totals']) => string[]): string {
  if (!bilan.regions) return '';
  const rows = [
    ['Région académique', 'Rencontres de bassin', 'Concertations 2nd niveau', 'Départements', 'Participants', ...(bilan.totals.etablissementMeetings > 0 ? ['Rencontres d’établissement', 'Participants (établissements)'] : [])],
    ...bilan.regions.map((r) => [r.name, ...figures(r.totals)]),
    ['France entière', ...figures(bilan.totals)],
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return `${rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')).join('\n')}\n\n`;
}

/** The pre-flight findings, most important first, for a terminal. */
export function formatFindings(findings: Finding[], omitted: PreflightReport['omitted'] = []): string {
  const first = (a: { severity: string }, b: { severity: string }) => (a.severity === b.severity ? 0 : a.severity === 'attention' ? -1 : 1);
  const lines = [
    ...[...findings].sort(first).map((f) => `  ${f.severity === 'attention' ? '!' : 'i'} ${f.message}`),
    ...[...omitted].sort(first).map((o) => `  ${o.severity === 'attention' ? '!' : 'i'} … et ${o.count} autre${o.count > 1 ? 's' : ''} ${o.label}.`),
  ];
  const total = findings.length + omitted.reduce((n, o) => n + o.count, 0);
  return `Vérifications avant génération (${total}) :\n${lines.join('\n')}`;
}
