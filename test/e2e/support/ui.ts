/**
 * Small helpers shared by the end-to-end specs: moving through the main navigation like a user, waiting for a
 * screen to settle, and the accessibility / page-error assertions every spec ends with.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { pageErrors, seriousViolations } from './app.ts';

/** The header's main navigation. */
export function mainNav(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Menu principal' });
}

/** Clicks an entry of the main navigation and waits for the screen's one h1. */
export async function openScreen(page: Page, entry: string, heading: string | RegExp = entry): Promise<void> {
  await mainNav(page).getByRole('link', { name: entry, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
  await settled(page);
}

/** No "Chargement…" line left on the page (the shared <Loading> component). */
export async function settled(page: Page): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: /^Chargement[^…]*…$/ })).toHaveCount(0);
}

/** Fails with the whole list when axe finds a serious or critical violation. */
export async function expectNoSeriousViolations(page: Page, where: string): Promise<void> {
  const violations = await seriousViolations(page);
  expect(violations, `axe (serious/critical) sur ${where} :\n${violations.join('\n')}`).toEqual([]);
}

export interface AxeCounts {
  critical: number;
  serious: number;
  moderate: number;
  minor: number;
  /** Rules that passed: proof that the scan ran on a real page. */
  passes: number;
  /** "impact id ×nodes", for the report. */
  details: string[];
}

/** Every axe violation (WCAG 2.1 A/AA), counted by impact: for information, printed by the screens spec. */
export async function axeCounts(page: Page): Promise<AxeCounts> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.evaluate(readFileSync(join(process.cwd(), 'node_modules/axe-core/axe.min.js'), 'utf8'));
  }
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ passes: unknown[]; violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return { passes: r.passes.length, violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length })) };
  });
  const counts: AxeCounts = { critical: 0, serious: 0, moderate: 0, minor: 0, passes: result.passes, details: [] };
  for (const v of result.violations) {
    const impact = v.impact as keyof Omit<AxeCounts, 'details'>;
    if (impact in counts) counts[impact] += v.nodes;
    counts.details.push(`${v.impact} ${v.id} ×${v.nodes}`);
  }
  return counts;
}

/** No console error, uncaught exception or CSP violation since the app was opened. */
export function expectNoPageErrors(page: Page): void {
  const errors = pageErrors(page);
  expect(errors, `Erreurs de la page :\n${errors.join('\n')}`).toEqual([]);
}

/** The label of the element that has the keyboard focus (throws when focus is lost on <body>). */
export async function focused(page: Page): Promise<string> {
  const info = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body || el === document.documentElement) return null;
    const box = el.getBoundingClientRect();
    // Focus must be seen: the browser's keyboard heuristic applies (DSFR draws its outline on :focus-visible)
    // and the element takes room on the page (DSFR radios/checkboxes are transparent, not hidden).
    // (A date field whose calendar button has the focus: that button lives in the browser's own shadow tree,
    // ringed by the browser; the field itself then matches neither :focus nor :focus-visible.)
    const pickerFocused = /^(date|time|month|week|datetime-local)$/.test((el as HTMLInputElement).type) && !el.matches(':focus');
    if ((!el.matches(':focus-visible') && !pickerFocused) || box.width === 0 || box.height === 0) return `INVISIBLE ${el.outerHTML.slice(0, 120)}`;
    const labelled = el.getAttribute('aria-label')
      ?? (el as HTMLInputElement).labels?.[0]?.textContent
      ?? el.textContent
      ?? '';
    return `${el.tagName.toLowerCase()}${el.getAttribute('type') ? `[${el.getAttribute('type')}]` : ''} ${labelled.replace(/\s+/g, ' ').trim()}${pickerFocused ? ' (bouton du calendrier)' : ''}`;
  });
  expect(info, 'le focus clavier doit rester sur un élément de la page, pas sur <body>').not.toBeNull();
  expect(info!, 'le focus clavier doit être visible').not.toMatch(/^INVISIBLE/);
  return info!;
}

/** Reads a French-formatted integer ("1 234" with a no-break space) as a number. */
export function frenchInt(text: string): number {
  return Number(text.replace(/[\s\u00a0\u202f]/g, ''));
}

/**
 * Reads the catalogue back through the page's own bridge (`POST /api/call` with the launch token the app
 * keeps in sessionStorage): for final checks only, never for the actions under test.
 */
export async function apiCall<T>(page: Page, name: string, input: unknown): Promise<T> {
  const envelope = await page.evaluate(async ({ name, input }) => {
    const token = sessionStorage.getItem('synthese.token');
    const response = await fetch('/api/call', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ name, input }),
    });
    return (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  }, { name, input });
  if (!envelope.ok) throw new Error(`${name} : ${envelope.error?.message}`);
  return envelope.value as T;
}

/** Every page of a list operation ({items, total}), read in pages of 500: for final checks only. */
export async function allPages<T>(page: Page, name: string, input: Record<string, unknown>): Promise<T[]> {
  const items: T[] = [];
  for (;;) {
    const answer = await apiCall<{ items: T[]; total: number }>(page, name, { ...input, offset: items.length, limit: 500 });
    items.push(...answer.items);
    if (answer.items.length === 0 || items.length >= answer.total) return items;
  }
}

/** The active consultation's meetings, as the catalogue holds them. */
export async function catalogueMeetings(page: Page): Promise<{ id: number; title: string; date: string; level: string; departementCode: string | null }[]> {
  const settings = await apiCall<{ activeCampaignId: number | null }>(page, 'settings.get', {});
  return allPages(page, 'meetings.list', { campaignId: settings.activeCampaignId });
}
