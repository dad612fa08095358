/** Building blocks of the service contract: identifiers, dates, checked texts. */
import { z } from 'zod';
import { findForbiddenCharacter } from '../text/clean.ts';

export const Id = z
  .number({ message: 'identifiant attendu (un nombre)' })
  .int({ message: 'identifiant attendu (un nombre entier)' })
  .positive({ message: 'identifiant attendu (un nombre positif)' });

/** A text typed by a user: any length up to `max`, but no character that would corrupt a document. */
export function text(max = 20_000) {
  return z
    .string()
    .max(max, { message: `texte trop long (${max} caractères au plus)` })
    .superRefine((value, ctx) => {
      const bad = findForbiddenCharacter(value);
      if (bad) {
        ctx.addIssue({
          code: 'custom',
          message: `caractère invisible interdit (${bad.code}) à la position ${bad.position} : effacez-le (il vient souvent d’un copier-coller)`,
        });
      }
    });
}

/** A non-empty, trimmed text (names, titles). */
export function label(max = 500) {
  return text(max)
    // One line: a tab or a line break pasted into a title becomes a space.
    .transform((value) => value.replace(/[\t\r\n]+/g, ' ').trim())
    .refine((value) => value.length > 0, { message: 'ce champ ne peut pas être vide' });
}

export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date attendue au format AAAA-MM-JJ' })
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, { message: "cette date n'existe pas" });

export const Count = z
  .number({ message: 'un nombre est attendu' })
  .int({ message: 'un nombre entier est attendu' })
  .min(0, { message: 'un effectif ne peut pas être négatif' })
  .max(1_000_000, { message: 'effectif invraisemblable (plus d’un million)' });

export const HttpUrl = z
  .string()
  .max(2_000)
  // The URL parser would accept them, escaped; the address as typed is what the .docx relationships carry.
  .refine((value) => !/[\s\u0000-\u001F\u007F-\u009F\u200B-\u200F\u2028-\u202E\u2066-\u2069\uFEFF\uFFFE\uFFFF]/.test(value) && findForbiddenCharacter(value) === null, {
    message: 'adresse web invalide : elle contient une espace ou un caractère invisible (recopiez-la depuis la barre d’adresse du navigateur)',
  })
  .refine((value) => {
    try {
      const url = new URL(value);
      // No "user:password@" part: a link in a synthesis never carries credentials.
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0 && url.username === '' && url.password === '';
    } catch {
      return false;
    }
  }, { message: 'adresse web invalide (http:// ou https:// attendu, sans identifiant ni mot de passe)' });

/** UAI: the 8-character code of an établissement (7 digits or 2A/2B for Corsica, then a letter). */
export const Uai = z
  .string()
  .transform((value) => value.trim().toUpperCase())
  .refine((value) => /^(\d{7}|\d2[AB]\d{4})[A-Z]$/.test(value), {
    message: 'code UAI invalide (8 caractères : 7 chiffres et une lettre, ex. 0860034V)',
  });

// Codes as people type them ("poitiers", "2a"): normalised before they are checked.
export const DepartementCode = z.string().trim().toUpperCase().regex(/^(\d{2}|2[AB]|97\d)$/, {
  message: 'code de département invalide (ex. 33, 2A, 974)',
});

export const AcademieCode = z.string().trim().toUpperCase().regex(/^[A-Z][A-Z-]*$/, { message: "code d'académie invalide" });
export const RegionCode = z.string().regex(/^[A-Z]{3}$/, { message: 'code de région académique invalide' });

/**
 * An update schema: every field optional and WITHOUT its default. zod's `.partial()` keeps defaults,
 * which would silently reset fields a patch did not mention.
 */
export function patchOf<T extends z.ZodRawShape>(schema: z.ZodObject<T>) {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([key, field]) => {
      const bare = field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType);
      return [key, bare.optional()];
    }),
  );
  return z.object(shape) as unknown as z.ZodObject<{ [K in keyof T]: z.ZodOptional<T[K]> }>;
}
