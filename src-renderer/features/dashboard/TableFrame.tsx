import type { ReactNode } from 'react';

/** A DSFR table (current markup) with its caption; rows are given as <thead>/<tbody> children. */
export function TableFrame({ caption, children, bordered = true }: { caption: ReactNode; children: ReactNode; bordered?: boolean }) {
  return (
    <div className={`fr-table dash-table fr-table--sm fr-table--multiline${bordered ? ' fr-table--bordered' : ''} fr-mb-2w`}>
      <div className="fr-table__wrapper">
        <div className="fr-table__container">
          <div className="fr-table__content">
            <table>
              <caption>{caption}</caption>
              {children}
            </table>
          </div>
        </div>
      </div>
    </div>
  );
}
