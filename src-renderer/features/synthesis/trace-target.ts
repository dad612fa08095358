/**
 * The preview marks each printed statement with where it came from (render-html.ts: data-group-id or
 * data-contribution-id): the statement an event landed on, as `contributions.trace` asks for it.
 */
export type TraceTarget = { groupId: number } | { contributionId: number };

export function traceTargetOf(node: EventTarget | null): { target: TraceTarget; element: HTMLElement } | null {
  if (!(node instanceof Element)) return null;
  // A link inside a statement keeps its own job.
  if (node.closest('a')) return null;
  const element = node.closest<HTMLElement>('[data-group-id], [data-contribution-id]');
  if (!element) return null;
  const group = Number(element.dataset.groupId);
  const contribution = Number(element.dataset.contributionId);
  if (Number.isInteger(group) && group > 0) return { target: { groupId: group }, element };
  if (Number.isInteger(contribution) && contribution > 0) return { target: { contributionId: contribution }, element };
  return null;
}
