/** A default output path that follows the chosen scope (and the territory, once loaded) until the user types their own. */
import { useState } from 'react';

export function usePathFor(defaultFor: (scope: string) => string, initialScope: string) {
  const [scope, setScope] = useState(initialScope);
  const [typed, setTyped] = useState<string | null>(null);
  const path = typed ?? defaultFor(scope);
  // Emptied by the user: the field stays empty (and says so) rather than jumping back to the default.
  const setPath = (next: string) => setTyped(next);
  return { scope, setScope, path, setPath };
}
