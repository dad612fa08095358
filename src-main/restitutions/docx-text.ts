/**
 * A checked .docx read with mammoth: convertToHtml, whose style map keeps Word's headings (h1–h6, the
 * document's title as h1), then cut into blocks (html-blocks.ts). Images are not read at all.
 */
import mammoth from 'mammoth';
import { AppError } from '../contract/errors.ts';
import { htmlBlocks } from './html-blocks.ts';
import type { Block } from './passages.ts';

/** Added to mammoth's default map (Heading 1–6 → h1–h6): titles and French style names. */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Titre'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  "p[style-name='Sous-titre'] => h2:fresh",
  "p[style-name='Titre 1'] => h1:fresh",
  "p[style-name='Titre 2'] => h2:fresh",
  "p[style-name='Titre 3'] => h3:fresh",
];

/** No image is inflated or written into the HTML: only the text is wanted. */
const NO_IMAGES = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));

export async function docxBlocks(bytes: Buffer, fileName: string): Promise<Block[]> {
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: bytes },
      { styleMap: STYLE_MAP, convertImage: NO_IMAGES, externalFileAccess: false, ignoreEmptyParagraphs: true },
    );
    html = result.value;
  } catch {
    throw new AppError(
      'FILE',
      `La restitution « ${fileName} » n'a pas pu être lue comme un document Word : ouvrez-la dans Word ou LibreOffice, ` +
        'enregistrez-la à nouveau au format Word (.docx), puis lisez-la à nouveau.',
    );
  }
  return htmlBlocks(html);
}
