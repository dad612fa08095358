import type { Finding } from '../contract/schemas/preflight.ts';
import type { Bilan } from '../contract/schemas/reports.ts';

/** The Bilan as a plain-text table for a terminal. */
export function formatBilan(bilan: Bilan): string {
  const rows = [
    [bilan.rowKind === 'academie' ? 'Académie' : 'Département', 'Rencontres de bassin', 'Concertations 2nd niveau', 'Départements', 'Participants'],
    ...bilan.rows.map((a) => [a.name, a.bassinMeetings, a.secondLevelMeetings, a.departements, a.participants].map(String)),
    ['Total', bilan.totals.bassinMeetings, bilan.totals.secondLevelMeetings, bilan.totals.departements, bilan.totals.participants].map(String),
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
