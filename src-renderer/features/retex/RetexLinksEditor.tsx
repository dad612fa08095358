import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useEffect, useRef } from 'react';
import { type LinkKind, LinkKind as LinkKindSchema } from '../../../src-main/contract/domain.ts';
import { checkWebAddress, LINK_KIND_LABELS } from './links.ts';

export interface LinkRow {
  key: number;
  kind: LinkKind;
  url: string;
  label: string;
}

export const MAX_LINKS = 20;
let nextKey = 0;
export function linkRow(kind: LinkKind = 'video', url = '', label = ''): LinkRow {
  return { key: ++nextKey, kind, url, label };
}

/** The retex's links: kind, address (checked as it is typed: http(s) only), label; added and removed. */
export function RetexLinksEditor({ rows, onChange, onCommit }: {
  rows: LinkRow[];
  onChange: (rows: LinkRow[]) => void;
  /** The rows once a field is left (or a kind chosen, a row removed): time to save the valid ones. */
  onCommit: (rows: LinkRow[]) => void;
}) {
  const focusKey = useRef<number | null>(null);
  useEffect(() => {
    if (focusKey.current === null) return;
    document.getElementById(`retex-link-url-${focusKey.current}`)?.focus();
    focusKey.current = null;
  }, [rows]);
  const set = (key: number, patch: Partial<LinkRow>) => rows.map((r) => (r.key === key ? { ...r, ...patch } : r));

  return (
    <div className="retex-links">
      {rows.length === 0 && <p className="fr-text--sm">Aucun lien. Un lien vers une vidéo, une fiche ou un article aide le lecteur.</p>}
      {rows.map((row, index) => {
        const check = checkWebAddress(row.url);
        const state = row.url.trim() === '' ? 'default' : check.ok ? (check.message ? 'info' : 'success') : 'error';
        const message = check.ok ? (check.message ?? 'Adresse valide.') : `${check.message ?? ''} Ce lien n’est pas enregistré tant que l’adresse est refusée.`;
        return (
          <fieldset key={row.key} className="fr-fieldset retex-link">
            <legend id={`retex-link-legend-${row.key}`} className="fr-fieldset__legend fr-text--bold fr-mb-1w">Lien {index + 1}</legend>
            <div className="retex-link__fields">
              <Select
                label="Type de ressource"
                className="retex-link__kind"
                nativeSelectProps={{
                  value: row.kind,
                  onChange: (e) => {
                    const next = set(row.key, { kind: LinkKindSchema.parse(e.target.value) });
                    onChange(next);
                    onCommit(next);
                  },
                }}
              >
                {LinkKindSchema.options.map((k) => <option key={k} value={k}>{LINK_KIND_LABELS[k]}</option>)}
              </Select>
              <Input
                className="retex-link__url"
                label="Adresse web"
                hintText="Commence par https:// (ou http://)"
                state={state}
                stateRelatedMessage={state === 'default' ? undefined : message}
                nativeInputProps={{
                  id: `retex-link-url-${row.key}`,
                  type: 'url',
                  inputMode: 'url',
                  spellCheck: false,
                  autoComplete: 'off',
                  value: row.url,
                  onChange: (e) => onChange(set(row.key, { url: e.target.value })),
                  onBlur: () => onCommit(rows),
                }}
              />
              <Input
                className="retex-link__label"
                label="Intitulé (facultatif)"
                hintText="Sinon le document écrit le type"
                nativeInputProps={{
                  value: row.label,
                  maxLength: 200,
                  onChange: (e) => onChange(set(row.key, { label: e.target.value })),
                  onBlur: () => onCommit(rows),
                }}
              />
            </div>
            <Button
              size="small"
              priority="tertiary"
              iconId="fr-icon-close-line"
              nativeButtonProps={{ 'aria-label': `Retirer le lien ${index + 1}${row.url ? ` (${row.url})` : ''}` }}
              onClick={() => {
                const next = rows.filter((r) => r.key !== row.key);
                onChange(next);
                onCommit(next);
                document.getElementById('retex-link-add')?.focus();
              }}
            >
              Retirer ce lien
            </Button>
          </fieldset>
        );
      })}
      <Button
        id="retex-link-add"
        size="small"
        priority="secondary"
        iconId="fr-icon-add-line"
        disabled={rows.length >= MAX_LINKS}
        onClick={() => {
          const row = linkRow();
          focusKey.current = row.key;
          onChange([...rows, row]);
        }}
      >
        Ajouter un lien
      </Button>
    </div>
  );
}

/** The rows the catalogue can take: an accepted address, the label trimmed. */
export function validLinks(rows: LinkRow[]) {
  return rows
    .filter((r) => checkWebAddress(r.url).ok)
    .map((r) => ({ kind: r.kind, url: r.url.trim(), label: r.label.trim() }));
}

export function hasRefusedLink(rows: LinkRow[]): boolean {
  return rows.some((r) => !checkWebAddress(r.url).ok);
}
