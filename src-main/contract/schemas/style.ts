/** Word style templates: a rectorat's .docx whose styles and header logo dress the generated documents. */
import { z } from 'zod';
import { Id, label } from '../primitives.ts';

export const StyleTemplateInfo = z.object({
  id: Id,
  name: z.string(),
  fileName: z.string(),
  sha256: z.string(),
  fonts: z.array(z.string()),
  headingFont: z.string().nullable(),
  bodyFont: z.string().nullable(),
  hasLogo: z.boolean(),
  importedAt: z.string(),
});
export type StyleTemplateInfo = z.infer<typeof StyleTemplateInfo>;

/** A file on this computer (desktop app, CLI), or its content sent by the browser (base64). */
export const StyleImport = z
  .object({
    name: label(200).optional(),
    path: z.string().min(1).max(2_000).optional(),
    fileName: z.string().min(1).max(255).optional(),
    contentBase64: z.string().max(28_000_000).optional(),
  })
  .refine((v) => (v.path !== undefined) !== (v.fileName !== undefined && v.contentBase64 !== undefined), {
    message: 'indiquez soit le chemin du fichier, soit son nom et son contenu',
  });
