/** "Something changed elsewhere" between screens' lists (an undo run after leaving an editor, for instance). */
import { useEffect } from 'react';

type Topic = 'retex' | 'contributions';

export function signalChanged(topic: Topic): void {
  window.dispatchEvent(new Event(`synthese:${topic}-changed`));
}

export function useChangeSignal(topic: Topic, onChange: () => void): void {
  useEffect(() => {
    const name = `synthese:${topic}-changed`;
    window.addEventListener(name, onChange);
    return () => window.removeEventListener(name, onChange);
  }, [topic, onChange]);
}
