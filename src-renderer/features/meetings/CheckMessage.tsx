/** Warnings about what was typed, next to the field, announced as they appear (never blocking). */
export function CheckMessage({ id, messages }: { id: string; messages: (string | null | undefined)[] }) {
  const shown = messages.filter((m): m is string => Boolean(m));
  return (
    <div id={id} className="fr-messages-group meetings-check" aria-live="polite">
      {shown.map((m) => (
        <p key={m} className="fr-message fr-message--warning">
          <span className="app-sr-only">Attention : </span>
          {m}
        </p>
      ))}
    </div>
  );
}
