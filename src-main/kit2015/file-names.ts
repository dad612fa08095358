/**
 * File names as the 2015 kit asks (`Synthese_Académie_Nom de l'établissement`,
 * `Defi_Theme N°_Nom de l'academie_Nom de l'établissement`), made safe for Windows, macOS and Linux:
 * no accents (old archivers mangle them), none of < > : " / \ | ? *, no control character, no
 * trailing dot or space, no reserved Windows name, and short enough for deep folders.
 */
import { asciiLetters } from '../text/french.ts';

const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;

export function kitPart(text: string): string {
  const cleaned = asciiLetters(text)
    .replace(/[’']/g, ' ')
    .replace(/[<>:"/\\|?*\u0000-\u001f\u007f]/g, ' ')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '')
    .slice(0, 60)
    .trim();
  if (cleaned === '') return 'Sans nom';
  return RESERVED.test(cleaned) ? `${cleaned}_` : cleaned;
}

export function synthesisFileName(academie: string, etablissement: string): string {
  return `Synthese_${kitPart(academie)}_${kitPart(etablissement)}.docx`;
}

export function defiFileName(themeNumber: number, academie: string, etablissement: string): string {
  return `Defi_Theme ${themeNumber}_${kitPart(academie)}_${kitPart(etablissement)}.docx`;
}

/**
 * The name each établissement goes by in one académie's archive: its own, unless another
 * établissement there has the same (many collèges are called Jean Moulin); then with its commune,
 * and with its UAI if the commune is shared too. Nothing may overwrite another's file.
 */
export function etablissementLabels(etablissements: { uai: string; nom: string; commune: string }[]): Map<string, string> {
  const distinct = [...new Map(etablissements.map((e) => [e.uai, e])).values()];
  const clash = (label: (e: (typeof distinct)[number]) => string) => {
    const uais = new Map<string, Set<string>>();
    for (const e of distinct) {
      const key = kitPart(label(e)).toLowerCase();
      uais.set(key, (uais.get(key) ?? new Set()).add(e.uai));
    }
    return (e: (typeof distinct)[number]) => uais.get(kitPart(label(e)).toLowerCase())!.size > 1;
  };
  const sameName = clash((e) => e.nom);
  const sameNameAndCommune = clash((e) => `${e.nom} ${e.commune}`);
  return new Map(
    distinct.map((e) => [e.uai, !sameName(e) ? e.nom : !sameNameAndCommune(e) ? `${e.nom} ${e.commune}` : `${e.nom} ${e.uai}`]),
  );
}

/** Two ateliers on the same thème in one établissement: "… (2).docx" for the second. */
export function uniqueNames(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const key = name.toLowerCase();
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    return count === 1 ? name : name.replace(/\.docx$/, ` (${count}).docx`);
  });
}
