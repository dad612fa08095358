/** A select shows the user's choice at once, then follows the catalogue's value once the settings are read again. */
import { useEffect, useState } from 'react';

export function useShownValue(saved: string) {
  const [chosen, setChosen] = useState<string | null>(null);
  useEffect(() => setChosen(null), [saved]);
  return {
    shown: chosen ?? saved,
    /** Shows `value` until the catalogue answers; `ok` false (refused) shows the saved value again. */
    track: async (value: string, save: () => Promise<unknown>) => {
      setChosen(value);
      const ok = await save();
      if (!ok) setChosen(null);
    },
  };
}
