import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useState } from 'react';
import type { Finding, PreflightReport } from '../../../src-main/contract/schemas/preflight.ts';
import { href } from '../../app/routes.ts';
import { frenchNumber } from '../../components/format.ts';

const SHOWN = 8;

/** Where a finding's record is corrected. */
export function findingLink(finding: Finding): string {
  const { kind, id } = finding.target;
  switch (kind) {
    case 'meeting':
      return href(id !== null ? `/rencontres/${id}` : '/rencontres');
    case 'retex':
      return href(id !== null ? `/retex/${id}` : '/retex');
    case 'contribution':
      return href(id !== null ? `/contributions/${id}` : '/contributions');
    case 'thematique':
      if (finding.code === 'contributions-a-traiter' && id !== null) return href(`/contributions/a-traiter/${id}`);
      if (finding.code === 'groupes-a-examiner') return href(id !== null ? `/regroupements/${id}` : '/regroupements');
      return href(finding.code.startsWith('retex') ? '/retex' : '/contributions');
    case 'settings':
      return href('/parametres');
    case 'trame':
      return href(id !== null ? `/trames/${id}` : '/trames');
    case 'sectionText':
      return href('/trames');
  }
}

const GROUPS = [
  { severity: 'attention', title: 'À vérifier', badge: 'Attention', tone: 'warning', empty: 'Rien à vérifier.' },
  { severity: 'information', title: 'Pour information', badge: 'Information', tone: 'info', empty: 'Aucune information.' },
] as const;

/** What is missing or odd before writing, grouped by severity, each item linking to its record. */
export function PreflightList({ findings, omitted = [] }: { findings: Finding[]; omitted?: PreflightReport['omitted'] }) {
  return (
    <>
      {GROUPS.map((g) => (
        <FindingGroup
          key={g.severity}
          group={g}
          findings={findings.filter((f) => f.severity === g.severity)}
          omitted={omitted.filter((o) => o.severity === g.severity)}
        />
      ))}
    </>
  );
}

/** Where the records of an omitted kind of finding are found all together. */
function omittedLink(code: string): string {
  return href(code === 'retex-sans-lien' ? '/retex' : '/rencontres');
}

function FindingGroup({ group, findings, omitted }: { group: (typeof GROUPS)[number]; findings: Finding[]; omitted: PreflightReport['omitted'] }) {
  const total = findings.length + omitted.reduce((n, o) => n + o.count, 0);
  const [all, setAll] = useState(false);
  // Folding away one to three findings would hide as much as it saves: the list is then shown whole.
  const folds = findings.length > SHOWN + 3;
  const shown = all || !folds ? findings : findings.slice(0, SHOWN);
  const id = `preflight-${group.severity}`;
  return (
    <section aria-labelledby={id} className="fr-mb-3w">
      <h3 id={id} className="fr-h6 fr-mb-1w">
        {group.title} <span className="syn-count">({frenchNumber(total)})</span>
      </h3>
      {findings.length === 0 ? (
        <p className="fr-text--sm">{group.empty}</p>
      ) : (
        <ul className="syn-findings">
          {shown.map((f, index) => (
            <li key={`${f.code}-${f.target.kind}-${f.target.id ?? 'x'}-${index}`} className={`syn-finding syn-finding--${group.tone}`}>
              <Badge as="span" small severity={group.tone} className="fr-mb-1v">{group.badge}</Badge>
              <p className="fr-text--sm fr-mb-1v">{f.message}</p>
              <a className="fr-link fr-link--sm" href={findingLink(f)}>
                Ouvrir : {f.target.label}
              </a>
            </li>
          ))}
        </ul>
      )}
      {folds && (
        <Button size="small" priority="tertiary" onClick={() => setAll(!all)} nativeButtonProps={{ 'aria-expanded': all }}>
          {all ? 'Afficher moins' : `Afficher les ${frenchNumber(findings.length - SHOWN)} autres`}
        </Button>
      )}
      {omitted.length > 0 && (all || !folds) && (
        <ul className="syn-findings syn-findings--omitted">
          {omitted.map((o) => (
            <li key={o.code} className="fr-text--sm">
              … et {frenchNumber(o.count)} autre{o.count > 1 ? 's' : ''} {o.label}.{' '}
              <a className="fr-link fr-link--sm" href={omittedLink(o.code)}>Les retrouver</a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
