/**
 * A synthesis preview without the local ids its items carry (data-contribution-id, data-group-id: they
 * trace an item back in the app, and differ from one catalogue to another): what two catalogues holding
 * the same records must print alike.
 */
export function withoutLocalIds(html: string): string {
  return html.replace(/ data-(?:contribution|group)-id="\d+"/g, '');
}
