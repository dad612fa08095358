/** A file given to the app: a path on this computer (desktop app, CLI), or its content from a browser. */
import { z } from 'zod';

export const FileSourceFields = z.object({
  path: z.string().min(1).max(2_000).optional(),
  fileName: z.string().min(1).max(255).optional(),
  /** Base64; 100 MB at most once decoded. */
  contentBase64: z.string().max(140_000_000).optional(),
});

export function exactlyOneSource(v: z.infer<typeof FileSourceFields>): boolean {
  return (v.path !== undefined) !== (v.fileName !== undefined && v.contentBase64 !== undefined);
}
export const ONE_SOURCE = { message: 'indiquez soit le chemin du fichier, soit son nom et son contenu' };
