/**
 * The preview HTML comes escaped from the synthesis renderer (every text goes through its escaper),
 * with its own h1–h3. Inside this page, whose h1 is the screen's, its headings are moved two levels
 * down so the outline stays logical. Only tag names are touched: text cannot contain "<" here.
 */
export function demoteHeadings(html: string, by = 2): string {
  return html.replace(/<(\/?)h([1-6])(\s[^>]*)?>/g, (_match, slash: string, level: string, attributes: string | undefined) => {
    const next = Math.min(6, Number(level) + by);
    return `<${slash}h${next}${attributes ?? ''}>`;
  });
}
