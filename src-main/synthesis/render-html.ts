/**
 * The synthesis model as HTML, for the live preview: the same blocks as the Word file, in the same
 * order. Classes only, no inline style (the app's CSP forbids it); every text is escaped.
 */
import { cleanForXml } from '../text/clean.ts';
import { frenchSpacing } from '../text/french.ts';
import { type Block, type Inline, type ItemRef, numericColumns, type SynthesisDocument } from './model.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
const clean = (value: string) => escapeHtml(frenchSpacing(cleanForXml(value)));

/** An HTML fragment (an <article>), to be placed in the preview pane. */
export function renderHtml(doc: SynthesisDocument): string {
  return [
    '<article class="synthese">',
    `<h1 class="synthese-titre">${clean(doc.title)}</h1>`,
    doc.subtitle ? `<p class="synthese-sous-titre">${clean(doc.subtitle)}</p>` : '',
    ...doc.blocks.map(renderBlock),
    `<footer class="synthese-pied">${doc.footer.map((line) => `<p>${clean(line)}</p>`).join('')}</footer>`,
    '</article>',
  ].join('\n');
}

function renderBlock(block: Block): string {
  switch (block.kind) {
    case 'heading': {
      const level = block.level + 1; // h1 is the document title
      return `<h${level}>${clean(block.text)}</h${level}>`;
    }
    case 'paragraph': {
      const classes = [block.style && `synthese-${block.style}`, block.ref && 'synthese-source'].filter(Boolean).join(' ');
      return `<p${classes ? ` class="${classes}"` : ''}${refAttributes(block.ref)}>${block.inlines.map(renderInline).join('')}</p>`;
    }
    case 'list': {
      const items = block.items
        .map((item, i) => {
          const ref = block.refs?.[i] ?? undefined;
          return `<li${ref ? ' class="synthese-source"' : ''}${refAttributes(ref)}>${item.map(renderInline).join('')}</li>`;
        })
        .join('');
      return block.numbered ? `<ol class="synthese-numerotee">${items}</ol>` : `<ul>${items}</ul>`;
    }
    case 'table': {
      const numeric = numericColumns(block);
      return [
        '<table class="synthese-tableau">',
        `<caption>${clean(block.caption)}</caption>`,
        `<thead><tr>${block.header.map((h, i) => `<th scope="col"${numeric[i] ? ' class="nombre"' : ''}>${clean(h)}</th>`).join('')}</tr></thead>`,
        `<tbody>${block.rows.map((r) => row(r, numeric)).join('')}</tbody>`,
        block.total ? `<tfoot>${row(block.total, numeric)}</tfoot>` : '',
        '</table>',
      ].join('');
    }
    case 'image':
      return `<figure class="synthese-figure">${block.svg}<figcaption>${clean(block.caption)}</figcaption></figure>`;
  }
}

/**
 * A printed statement's origin, for the app to trace it back (the Synthèse screen opens its sources on a
 * click or Enter: focusable, hence tabindex). Ids are numbers: nothing to escape.
 */
function refAttributes(ref: ItemRef | undefined): string {
  if (!ref) return '';
  const attribute = 'groupId' in ref ? `data-group-id="${ref.groupId}"` : `data-contribution-id="${ref.contributionId}"`;
  return ` ${attribute} tabindex="0"`;
}

function row(cells: string[], numeric: boolean[]): string {
  return `<tr>${cells.map((c, i) => (i === 0 ? `<th scope="row">${clean(c)}</th>` : `<td${numeric[i] ? ' class="nombre"' : ''}>${clean(c)}</td>`)).join('')}</tr>`;
}

function renderInline(inline: Inline): string {
  if (inline.kind === 'link') {
    const safe = /^https?:\/\//i.test(inline.url) ? escapeHtml(inline.url) : '#';
    return `<a href="${safe}" rel="noopener noreferrer" target="_blank">${escapeHtml(cleanForXml(inline.text))}</a>`;
  }
  let html = clean(inline.text);
  if (inline.italic) html = `<em>${html}</em>`;
  if (inline.bold) html = `<strong>${html}</strong>`;
  return html;
}
