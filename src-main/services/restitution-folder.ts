/**
 * A folder's restitution matched to its meeting by its file name alone, never by a guess between two:
 * first a reference written in the name (« réf 12 », « R-12 », the meeting's uid: the number the
 * attendance sheet's first column carries), then the meeting's words (title, place, établissement and its
 * commune) found in the name, each weighed by how few meetings share it, a date in the name adding to it.
 */
import type { MeetingToMatch } from '../catalogue/repos/restitution.repo.ts';
import { STOP_WORDS, words } from '../grouping/words.ts';
import { frenchDate } from '../text/french.ts';

export interface NameMatch {
  meetingId: number | null;
  reason: string;
}

/** Words any file of a folder of restitutions may hold: they tell no meeting apart. */
const FILE_WORDS = new Set([
  'restitution', 'restitutions', 'compte', 'rendu', 'cr', 'synthese', 'rencontre', 'reunion', 'version', 'final', 'finale',
  'definitif', 'definitive', 'copie', 'docx', 'pdf', 'odt', 'txt', 'md', 'scan', 'ref', 'reference',
]);

const REFERENCE = /(?:^|[^a-z0-9])(?:ref(?:erence)?|r)[\s._#°:-]*(?:n[°o]?[\s._-]*)?(\d{1,9})(?![0-9])/;
const UID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

/** A date written in the name: 2020-01-15, 20200115, 15-01-2020, 15.01.2020, 15_01_2020. */
export function datesInName(name: string): string[] {
  const dates = new Set<string>();
  for (const m of name.matchAll(/(?<![0-9])(20\d\d)[-_.]?([01]\d)[-_.]?([0-3]\d)(?![0-9])/g)) dates.add(`${m[1]}-${m[2]}-${m[3]}`);
  for (const m of name.matchAll(/(?<![0-9])([0-3]\d)[-_.]([01]\d)[-_.](20\d\d)(?![0-9])/g)) dates.add(`${m[3]}-${m[2]}-${m[1]}`);
  return [...dates];
}

/** The words of a meeting that may tell it apart from the others. */
function meetingWords(m: MeetingToMatch): Set<string> {
  const text = [m.title, m.lieu, m.etablissement ?? '', m.commune ?? ''].join(' ');
  return new Set(words(text).filter((w) => (w.length > 2 || /^\d+$/.test(w)) && !STOP_WORDS.has(w) && !FILE_WORDS.has(w)));
}

export function meetingLabel(m: Pick<MeetingToMatch, 'title' | 'date'>): string {
  return `${m.title} (${frenchDate(m.date)})`;
}

/** Matches file names to the consultation's meetings; build once per folder. */
export function nameMatcher(meetings: readonly MeetingToMatch[]): (fileName: string) => NameMatch {
  const byId = new Map(meetings.map((m) => [m.id, m]));
  const byUid = new Map(meetings.map((m) => [m.uid, m]));
  const wordsOf = new Map(meetings.map((m) => [m.id, meetingWords(m)]));
  // How many meetings share each word: a word of one meeting only weighs 1, of two ½, and so on.
  const shared = new Map<string, number>();
  for (const set of wordsOf.values()) for (const w of set) shared.set(w, (shared.get(w) ?? 0) + 1);

  return (fileName) => {
    const stem = fileName.replace(/\.[^.]+$/, '');
    const folded = words(stem).join(' ');
    const uid = UID.exec(stem.toLowerCase());
    const viaUid = uid ? byUid.get(uid[0]) : undefined;
    if (viaUid) return { meetingId: viaUid.id, reason: 'identifiant de la rencontre dans le nom' };
    const reference = REFERENCE.exec(folded);
    let unknownReference = '';
    if (reference) {
      const meeting = byId.get(Number(reference[1]));
      if (meeting) return { meetingId: meeting.id, reason: `référence ${meeting.id} dans le nom` };
      unknownReference = `la référence ${reference[1]} du nom n’est pas une rencontre de cette consultation ; `;
    }
    const nameWords = new Set(words(stem));
    const dates = new Set(datesInName(stem));
    const scored = meetings
      .map((m) => {
        const found = [...wordsOf.get(m.id)!].filter((w) => nameWords.has(w));
        const score = found.reduce((sum, w) => sum + 1 / shared.get(w)!, 0) + (dates.has(m.date) ? 1 : 0);
        return { m, found, score, dated: dates.has(m.date) };
      })
      .filter((s) => s.score > 0)
      .sort((a, b) => b.score - a.score || a.m.id - b.m.id);
    const [best, second] = scored;
    if (!best || best.score < 1) {
      return { meetingId: null, reason: `${unknownReference}aucune rencontre reconnue dans le nom : choisissez-la` };
    }
    // Within half a distinctive word of each other: two meetings fit as well, the user says which.
    if (second && best.score - second.score < 0.5) {
      const tied = scored.filter((s) => best.score - s.score < 0.5).slice(0, 3).map((s) => `« ${meetingLabel(s.m)} »`);
      return { meetingId: null, reason: `${unknownReference}plusieurs rencontres possibles (${tied.join(', ')}) : choisissez-la` };
    }
    const said = [...best.found.slice(0, 5).map((w) => `« ${w} »`), ...(best.dated ? ['la date'] : [])];
    return { meetingId: best.m.id, reason: `${unknownReference}reconnue par ${said.join(', ')} dans le nom` };
  };
}
