/**
 * The défis that propositions on screen answer, known by id only: asked one by one ('contributions.get') and
 * kept while the screen is open, so that a page of contributions never loads every défi of the thématique.
 */
import { useEffect, useState } from 'react';
import { call } from '../../api/client.ts';

const texts = new Map<number, string>();
const asked = new Map<number, Promise<void>>();

function ask(id: number): Promise<void> {
  let running = asked.get(id);
  if (!running) {
    running = call('contributions.get', { id }).then(
      (c) => void texts.set(id, c.text),
      () => void asked.delete(id),
    );
    asked.set(id, running);
  }
  return running;
}

/** A défi's text just read or edited here. */
export function rememberDefi(id: number, text: string): void {
  texts.set(id, text);
}

/** `text(id)`: the défi's text once known, null meanwhile. */
export function useDefiTexts(ids: readonly number[]): (id: number) => string | null {
  const key = [...new Set(ids)].sort((a, b) => a - b).join(',');
  const [, setTick] = useState(0);
  useEffect(() => {
    const missing = key === '' ? [] : key.split(',').map(Number).filter((id) => !texts.has(id));
    if (missing.length === 0) return;
    let live = true;
    void Promise.all(missing.map(ask)).then(() => live && setTick((t) => t + 1));
    return () => {
      live = false;
    };
  }, [key]);
  return (id) => texts.get(id) ?? null;
}
