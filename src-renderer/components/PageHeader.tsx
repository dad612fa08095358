import type { ReactNode } from 'react';

/** The one h1 of a screen, and what the screen is for. */
export function PageHeader({ title, description, actions }: { title: string; description?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="app-page-header fr-mb-4w">
      <div>
        <h1 className="fr-h2 fr-mb-1w">{title}</h1>
        {description && <p className="fr-text--lead fr-mb-0">{description}</p>}
      </div>
      {actions && <div className="app-page-actions">{actions}</div>}
    </div>
  );
}
