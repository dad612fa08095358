/**
 * The reading view's pure parts: a DOM selection mapped to passage points (each paragraph carries its
 * passage's index in `data-passage` and holds exactly the passage's text, marks included), a passage cut
 * into segments under the contributions taken from it, and the text between two points.
 */
import type { Passage, PassagePoint, RestitutionCut } from '../../../src-main/contract/schemas/restitutions.ts';

/** Between two passages, as the service joins them (restitutions/passages.ts PASSAGE_SEPARATOR). */
const SEPARATOR = '\n\n';

export function before(a: PassagePoint, b: PassagePoint): boolean {
  return a.passage < b.passage || (a.passage === b.passage && a.offset < b.offset);
}

/** The passage element holding `node`, or null (the selection left the text). */
function passageElement(node: Node | null): HTMLElement | null {
  for (let n: Node | null = node; n; n = n.parentNode) {
    if (n instanceof HTMLElement && n.dataset.passage !== undefined) return n;
  }
  return null;
}

/** How many characters of `root`'s text come before (`node`, `offset`), a DOM boundary point. */
function textOffset(root: HTMLElement, node: Node, offset: number): number {
  const range = document.createRange();
  range.selectNodeContents(root);
  range.setEnd(node, offset);
  return range.toString().length;
}

/** A DOM boundary point as a passage point, or null when it is not inside a passage. */
export function pointOf(node: Node | null, offset: number): PassagePoint | null {
  const element = passageElement(node);
  if (!element || !node) return null;
  const passage = Number(element.dataset.passage);
  return Number.isInteger(passage) ? { passage, offset: textOffset(element, node, offset) } : null;
}

/**
 * The window's selection over `container` as passage points, in reading order. A selection that runs
 * past the text — a triple-click on the last paragraph runs into what follows it, a drag starts above
 * it — is cut back to the text (from or to the first or last passage it covers); one that only ends at
 * the very start of a passage (a triple-click's) ends at the end of the passage before.
 */
export function selectionIn(container: HTMLElement, passages: readonly Passage[]): { start: PassagePoint; end: PassagePoint } | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer) && !container.contains(range.endContainer)) return null;
  let start = pointOf(range.startContainer, range.startOffset);
  let end = pointOf(range.endContainer, range.endOffset);
  if (start && !container.contains(range.startContainer)) start = null;
  if (end && !container.contains(range.endContainer)) end = null;
  if (!start || !end) {
    const covered = [...container.querySelectorAll<HTMLElement>('[data-passage]')].filter((el) => range.intersectsNode(el));
    if (covered.length === 0) return null;
    const first = Number(covered[0]!.dataset.passage);
    const last = Number(covered[covered.length - 1]!.dataset.passage);
    start ??= { passage: first, offset: 0 };
    end ??= { passage: last, offset: passages[last]?.text.length ?? 0 };
  }
  if (end.offset === 0 && end.passage > start.passage) {
    const previous = end.passage - 1;
    end = { passage: previous, offset: passages[previous]?.text.length ?? 0 };
  }
  return before(start, end) ? { start, end } : null;
}

/** The text between two points, passages joined as the service joins them. */
export function textBetween(passages: readonly Passage[], start: PassagePoint, end: PassagePoint): string {
  if (start.passage === end.passage) return passages[start.passage]?.text.slice(start.offset, end.offset) ?? '';
  const parts = [passages[start.passage]?.text.slice(start.offset) ?? ''];
  for (let i = start.passage + 1; i < end.passage; i++) parts.push(passages[i]?.text ?? '');
  parts.push(passages[end.passage]?.text.slice(0, end.offset) ?? '');
  return parts.join(SEPARATOR);
}

export interface Segment {
  text: string;
  /** The contributions covering this stretch of the passage. */
  cuts: RestitutionCut[];
}

/** A passage cut where contributions start and end, each stretch with the contributions covering it. */
export function segmentsOf(passage: Passage, cuts: readonly RestitutionCut[]): Segment[] {
  const length = passage.text.length;
  const spans = cuts
    .filter((c) => c.start.passage <= passage.index && c.end.passage >= passage.index)
    .map((c) => ({
      cut: c,
      from: c.start.passage === passage.index ? Math.min(c.start.offset, length) : 0,
      to: c.end.passage === passage.index ? Math.min(c.end.offset, length) : length,
    }))
    .filter((s) => s.from < s.to);
  const bounds = [...new Set([0, length, ...spans.flatMap((s) => [s.from, s.to])])].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i < bounds.length - 1; i++) {
    const [from, to] = [bounds[i]!, bounds[i + 1]!];
    segments.push({ text: passage.text.slice(from, to), cuts: spans.filter((s) => s.from <= from && s.to >= to).map((s) => s.cut) });
  }
  return segments.length > 0 ? segments : [{ text: passage.text, cuts: [] }];
}
