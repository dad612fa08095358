import type { Finding } from '../contract/schemas/preflight.ts';
import type { Bilan } from '../contract/schemas/reports.ts';

/** The Bilan as a plain-text table for a terminal. */
export function formatBilan(bilan: Bilan): string {
  // A consultation held in établissements (2015) shows those meetings and their participants too.
  const etab = bilan.totals.etablissementMeetings > 0;
  const figures = (f: Bilan['totals']) =>
    [f.bassinMeetings, f.secondLevelMeetings, f.departements, f.participants, ...(etab ? [f.etablissementMeetings, f.etablissementParticipants] : [])].map(String);
  const rows = [
    [bilan.rowKind === 'academie' ? 'Académie' : 'Département', 'Rencontres de bassin', 'Concertations 2nd niveau', 'Départements', 'Participants', ...(etab ? ['Rencontres d’établissement', 'Participants (établissements)'] : [])],
    ...bilan.rows.map((a) => [a.name, ...figures(a)]),
    ['Total', ...figures(bilan.totals)],
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return `Bilan des rencontres — ${bilan.scope.kind === 'region' ? 'région académique' : bilan.scope.kind} ${bilan.scope.name}\n\n${rows.map(line).join('\n')}\n`;
}

/** The pre-flight findings, most important first, for a terminal. */
export function formatFindings(findings: Finding[]): string {
  const sorted = [...findings].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'attention' ? -1 : 1));
  const lines = sorted.map((f) => `  ${f.severity === 'attention' ? '!' : 'i'} ${f.message}`);
  return `Vérifications avant génération (${findings.length}) :\n${lines.join('\n')}`;
}
