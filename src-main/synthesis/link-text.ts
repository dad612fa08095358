/**
 * How a web address reads in a document: as typed when short (seed 004 prints its links whole), else by
 * its domain, the address itself staying the link's target — a long address breaks mid-string across
 * lines and reads as noise.
 */
const LONGEST_SHOWN = 60;

export function linkText(url: string): string {
  if (url.length <= LONGEST_SHOWN) return url;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}
