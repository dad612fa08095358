/** Word style templates: a rectorat's .docx whose styles and header logo dress the generated documents. */
import { z } from 'zod';
import { Id, label } from '../primitives.ts';
import { exactlyOneSource, FileSourceFields, ONE_SOURCE } from './files.ts';

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
export const StyleImport = FileSourceFields.extend({ name: label(200).optional() }).refine(exactlyOneSource, ONE_SOURCE);
