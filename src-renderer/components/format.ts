/** French display of dates and numbers, shared by the screens. */

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** "2020-10-14" (or a full ISO timestamp) → "14 octobre 2020"; "1er" for the first day of a month. */
export function frenchDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  const [, year, month, day] = match;
  const d = Number(day);
  const name = MONTHS[Number(month) - 1];
  if (!name) return iso;
  return `${d === 1 ? '1er' : d} ${name} ${year}`;
}

/** 1234 → "1 234" (French grouping, narrow no-break space). */
export function frenchNumber(n: number): string {
  return n.toLocaleString('fr-FR');
}

/** "2025-11-23T18:33:00Z" → "23 novembre 2025 à 19 h 33" (in this computer's time zone). */
export function frenchDateTime(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
  return `${frenchDate(day)} à ${at.getHours()} h ${pad(at.getMinutes())}`;
}
