/**
 * A row of a contributions sheet → a contribution to add, or the row's problems, each naming its column
 * in French. Forgiving like the attendance import: « Etats des lieux », « DÉFIS », « propositions » are
 * understood; a thématique is given by its number (« 3 », « Thématique 3 », « 3. Enseigner… ») or by its
 * title, accents and case aside.
 */
import { type ContributionKind, CONTRIBUTION_KIND_LABELS } from '../contract/domain.ts';
import { ContributionCreate } from '../contract/schemas/content.ts';
import { cleanForXml } from '../text/clean.ts';
import { foldText } from '../text/fold.ts';
import type { ContributionCell, ContributionColumnKey, ContributionSheet } from './contribution-sheet.ts';

export interface RowProblem {
  row: number;
  /** Column letter, when one cell is at fault. */
  column: string | null;
  field: string;
  message: string;
}

export interface ContributionDraft {
  row: number;
  meetingId: number;
  thematiqueId: number;
  kind: ContributionKind;
  text: string;
}

export interface RowContext {
  thematiques: readonly { id: number; number: number; title: string }[];
  /** Is this meeting one of the consultation's? */
  meetingExists: (id: number) => boolean;
}

const FIELD: Record<ContributionColumnKey, string> = {
  reference: 'Référence de la rencontre',
  thematique: 'Thématique',
  nature: 'Nature',
  texte: 'Texte',
};

/** Folded, singular words: « États des lieux » → « etat de lieu », « Défis » → « defi ». */
function natureKey(value: string): string {
  return foldText(value)
    .replace(/[^a-z]+/g, ' ')
    .trim()
    .split(' ')
    .map((w) => (w.length > 3 ? w.replace(/[sx]$/, '') : w.replace(/s$/, '')))
    .join(' ');
}

const KINDS = new Map<string, ContributionKind>([
  ...(Object.entries(CONTRIBUTION_KIND_LABELS) as [ContributionKind, string][]).map(([kind, label]) => [natureKey(label), kind] as const),
  [natureKey('état des lieux'), 'etat_des_lieux'],
  [natureKey('etat de lieux'), 'etat_des_lieux'],
  [natureKey('constat'), 'etat_des_lieux'],
  [natureKey('action'), 'action'],
  [natureKey('actions et acteurs'), 'action'],
  [natureKey('défi'), 'defi'],
  [natureKey('défi à relever'), 'defi'],
  [natureKey('proposition'), 'proposition'],
  [natureKey('attente'), 'attente'],
]);

export function parseNature(value: string): ContributionKind | null {
  return KINDS.get(natureKey(value)) ?? null;
}

function cellText(cell: ContributionCell | undefined): string {
  if (!cell || cell.value === null) return '';
  if (cell.value instanceof Date) return Number.isNaN(cell.value.getTime()) ? '' : cell.value.toISOString().slice(0, 10);
  return String(cell.value).trim();
}

export function parseContributionRow(raw: ContributionSheet['rows'][number], context: RowContext): ContributionDraft | RowProblem[] {
  const problems: RowProblem[] = [];
  const problem = (key: ContributionColumnKey, message: string) =>
    problems.push({ row: raw.row, column: raw.cells[key]?.column ?? null, field: FIELD[key], message });
  for (const key of Object.keys(FIELD) as ContributionColumnKey[]) {
    const unreadable = raw.cells[key]?.unreadable;
    if (unreadable !== undefined) problem(key, unreadable);
  }
  if (problems.length > 0) return problems;

  const reference = cellText(raw.cells.reference);
  let meetingId: number | null = null;
  if (reference === '') problem('reference', 'référence de la rencontre manquante');
  else if (!/^\d{1,9}$/.test(reference.replace(/\.0+$/, ''))) problem('reference', `« ${reference} » n’est pas une référence de rencontre (un numéro, comme dans le tableau des rencontres)`);
  else {
    meetingId = Number(reference.replace(/\.0+$/, ''));
    if (!context.meetingExists(meetingId)) problem('reference', `aucune rencontre ${meetingId} dans cette consultation`);
  }

  const thematiqueText = cellText(raw.cells.thematique);
  const thematique = thematiqueText === '' ? undefined : findThematique(thematiqueText, context.thematiques);
  if (thematiqueText === '') problem('thematique', 'thématique manquante');
  else if (!thematique) {
    problem('thematique', `thématique « ${thematiqueText} » inconnue (numéros : ${context.thematiques.map((t) => t.number).join(', ')})`);
  }

  const natureText = cellText(raw.cells.nature);
  const kind = natureText === '' ? null : parseNature(natureText);
  if (natureText === '') problem('nature', 'nature manquante (état des lieux, action, défi ou proposition)');
  else if (kind === null) problem('nature', `nature « ${natureText} » inconnue : état des lieux, action, défi ou proposition`);

  const text = cleanForXml(cellText(raw.cells.texte));
  if (text === '') problem('texte', 'texte manquant');
  else {
    // The contract's own rule for a contribution's text (length, one line).
    const checked = ContributionCreate.shape.text.safeParse(text);
    if (!checked.success) problem('texte', checked.error.issues[0]?.message ?? 'texte refusé');
  }
  if (problems.length > 0 || meetingId === null || !thematique || kind === null) return problems;
  return { row: raw.row, meetingId, thematiqueId: thematique.id, kind, text: ContributionCreate.shape.text.parse(text) };
}

function findThematique(value: string, thematiques: RowContext['thematiques']) {
  const folded = foldText(value).replace(/\s+/g, ' ').trim();
  const number = /^(?:th[ea]matique|theme)?\s*(?:n\s*[°o.]?\s*)?(\d{1,2})(?:[\s.):,-]|$)/.exec(folded);
  if (number) return thematiques.find((t) => t.number === Number(number[1]));
  const bare = (s: string) => foldText(s).replace(/[^a-z0-9]+/g, ' ').trim();
  return thematiques.find((t) => bare(t.title) === bare(value));
}
