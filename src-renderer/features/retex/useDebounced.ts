import { useEffect, useState } from 'react';

/** `value`, once it has stopped changing for `delay` ms (a search typed letter by letter asks once). */
export function useDebounced<T>(value: T, delay = 250): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), delay);
    return () => window.clearTimeout(timer);
  }, [value, delay]);
  return settled;
}
