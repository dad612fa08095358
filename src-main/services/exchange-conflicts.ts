/**
 * Conflicts as a person reads them (« Rencontre « Concertation de la Vienne » (14/10/2020) —
 * Effectif déclaré : 325 ici, 330 reçu de la DSDEN de la Vienne »), and settling one: the chosen value
 * stays or comes in, with a clock that has seen both sides so that it travels on without a new conflict.
 */
import type { Catalogue } from '../catalogue/database.ts';
import { LocalIds, removeRecord, writeRecord } from '../catalogue/repos/exchange-apply.repo.ts';
import {
  advanceClock, closeConflict, readConflict, readExchangeRecord, writeExchangeRecord, type ConflictRow, type IdentityRow,
} from '../catalogue/repos/exchange.repo.ts';
import { CONTRIBUTION_KIND_LABELS, PARTICIPANT_CATEGORIES } from '../contract/domain.ts';
import { conflict as conflictError, notFound } from '../contract/errors.ts';
import type { Conflict, RecordKind } from '../contract/schemas/exchange.ts';
import { settleField } from '../exchange/merge-record.ts';
import { canonical, DELETED_FIELD, type Json } from '../exchange/record.ts';
import { frenchDate } from '../text/french.ts';
import { markInStep, stampCatalogue } from './exchange-state.ts';

const FIELD_LABELS: Record<string, string> = {
  title: 'Titre', date: 'Date', lieu: 'Lieu', format: 'Format', level: 'Niveau', notes: 'Notes', declaredTotal: 'Effectif déclaré',
  restitutionReceived: 'Restitution reçue', thematiques: 'Thématiques', ateliers: 'Ateliers', academieCode: 'Académie',
  departementCode: 'Département', bassin: 'Bassin', etablissementUai: 'Établissement (UAI)', text: 'Texte', heading: 'Intertitre',
  scale: 'Échelle', parent: 'Défi auquel elle répond', selected: 'Retenu pour la synthèse', position: 'Ordre', sources: 'Rencontres sources',
  sourceMeeting: 'Rencontre où il a été présenté', links: 'Liens', niveau: 'Niveau', classes: 'Classes', kind: 'Type', thematique: 'Thématique',
  name: 'Nom', subtitle: 'Sous-titre', closingNote: 'Note de fin', sections: 'Sections', value: 'Valeur', nom: 'Nom', commune: 'Commune',
  type: 'Type', description: 'Description', startDate: 'Début', endDate: 'Fin', shortTitle: 'Titre court', regionCode: 'Région académique',
  [DELETED_FIELD]: 'Supprimé',
};

export function fieldLabel(field: string): string {
  if (field.startsWith('attendance.')) {
    const category = PARTICIPANT_CATEGORIES.find((c) => c.code === field.slice('attendance.'.length));
    return `Participants : ${category?.label.toLowerCase() ?? field}`;
  }
  return FIELD_LABELS[field] ?? field;
}

function recordLabel(kind: RecordKind, f: Record<string, Json>): string {
  const short = (s: Json | undefined, n = 70) => {
    const t = String(s ?? '').replace(/\s+/g, ' ').replace(/\*\*/g, '');
    return t.length > n ? `${t.slice(0, n - 1)}…` : t;
  };
  switch (kind) {
    case 'meeting': return `Rencontre « ${short(f.title)} » (${typeof f.date === 'string' ? frenchDate(f.date) : '?'})`;
    case 'retex': return `Retex « ${short(f.title)} » (thématique ${f.thematique})`;
    case 'contribution': return `${CONTRIBUTION_KIND_LABELS[f.kind as keyof typeof CONTRIBUTION_KIND_LABELS] ?? 'Contribution'} « ${short(f.text)} » (thématique ${f.thematique})`;
    case 'trame': return `Trame « ${short(f.name)} »`;
    case 'sectionText': return `Texte rédigé « ${short(f.sectionKey)} »${f.thematique ? ` (thématique ${f.thematique})` : ''} — ${short(f.scope)}`;
    case 'setting': return `Paramètre « ${f.key === 'contact' ? 'contact' : f.key === 'activeCampaign' ? 'consultation active' : 'modèle de styles'} »`;
    case 'bassin': return `Bassin « ${short(f.nom)} »`;
    case 'etablissement': return `Établissement « ${short(f.nom)} » (${f.uai})`;
    case 'campaign': return `Consultation « ${short(f.title)} »`;
    case 'style': return `Modèle de styles « ${short(f.name)} »`;
  }
}

/** A value as the conflict screen shows it. */
export function displayValue(field: string, value: Json): string {
  if (field === DELETED_FIELD) return value === true ? 'supprimé' : 'présent';
  if (value === null || value === '') return '(vide)';
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (typeof value === 'string') return field === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? frenchDate(value) : value;
  if (typeof value === 'number') return String(value);
  return canonical(value);
}

export function describeConflicts(db: Catalogue, rows: ConflictRow[]): Conflict[] {
  return rows.map((c) => {
    const record = readExchangeRecord(db, c.uid);
    return {
      id: c.id, uid: c.uid, kind: c.kind, recordLabel: record ? recordLabel(c.kind, record.fields) : c.uid, field: c.field,
      fieldLabel: fieldLabel(c.field), local: displayValue(c.field, c.localValue), incoming: displayValue(c.field, c.incomingValue),
      peerName: c.peerName, detectedAt: c.detectedAt,
    };
  });
}

export function settleConflict(db: Catalogue, identity: IdentityRow, id: number, keep: 'local' | 'recu', now: Date): void {
  db.transaction(() => {
    stampCatalogue(db, identity);
    const c = readConflict(db, id);
    if (!c) throw notFound('Conflit');
    if (c.resolvedAt !== null) throw conflictError(`Ce conflit est déjà réglé (le ${frenchDate(c.resolvedAt.slice(0, 10))}).`);
    const record = readExchangeRecord(db, c.uid);
    if (!record) throw notFound('Enregistrement en conflit');
    const settled = settleField(record, c.field, keep, c.incomingValue, c.incomingClock, identity.uid, advanceClock(db));
    const ids = new LocalIds(db);
    if (settled.deleted) removeRecord(db, ids, settled.kind, settled.uid, settled.fields);
    else writeRecord(db, ids, settled.kind, settled.uid, settled.fields, now.toISOString());
    writeExchangeRecord(db, settled, canonical(settled.fields));
    closeConflict(db, id, keep, now.toISOString());
    // As after a merge: a deletion or an untied reference changed more than this record, to be stamped next time.
    if (!settled.deleted && ids.misses === 0) markInStep(db, identity);
  })();
}
