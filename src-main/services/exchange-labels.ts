/**
 * Exchanged records and fields as a person reads them: « Rencontre « Concertation de la Vienne »
 * (14 octobre 2020) », « Effectif déclaré », a date in French, a place in words, never megabytes.
 */
import { CONTRIBUTION_KIND_LABELS, PARTICIPANT_CATEGORIES, REVIEW_STATE_LABELS } from '../contract/domain.ts';
import type { RecordKind } from '../contract/schemas/exchange.ts';
import { canonical, DELETED_FIELD, type Json } from '../exchange/record.ts';
import { frenchDate } from '../text/french.ts';

const FIELD_LABELS: Record<string, string> = {
  title: 'Titre', date: 'Date', lieu: 'Lieu', format: 'Format', level: 'Niveau', notes: 'Notes', declaredTotal: 'Effectif déclaré',
  restitutionReceived: 'Restitution reçue', thematiques: 'Thématiques', ateliers: 'Ateliers', academieCode: 'Académie',
  departementCode: 'Département', bassin: 'Bassin', etablissementUai: 'Établissement (UAI)', text: 'Texte', heading: 'Intertitre',
  scale: 'Échelle', parent: 'Défi auquel elle répond', selected: 'Retenu pour la synthèse', position: 'Ordre', sources: 'Rencontres sources',
  sourceMeeting: 'Rencontre où il a été présenté', links: 'Liens', niveau: 'Niveau', classes: 'Classes', kind: 'Type', thematique: 'Thématique',
  name: 'Nom', subtitle: 'Sous-titre', closingNote: 'Note de fin', sections: 'Sections', value: 'Valeur', nom: 'Nom', commune: 'Commune',
  type: 'Type', description: 'Description', dates: 'Dates de la consultation', shortTitle: 'Titre court', regionCode: 'Région académique',
  place: 'Place dans le territoire (niveau, académie, département, bassin, établissement)', campaign: 'Consultation', slug: 'Identifiant',
  presetSlug: 'Trame d’origine', sectionKey: 'Section', scope: 'Périmètre', uai: 'UAI', fileName: 'Fichier', sha256: 'Empreinte',
  stylesXml: 'Styles Word', fonts: 'Polices', headingFont: 'Police des titres', bodyFont: 'Police du texte', logo: 'Logo',
  logoType: 'Format du logo', logoWidthEmu: 'Largeur du logo', logoHeightEmu: 'Hauteur du logo', [DELETED_FIELD]: 'Supprimé',
  wording: 'Libellé du groupe', review: 'État de lecture', group: 'Groupe', passage: 'Passage de la restitution', pending: 'À traiter',
  meeting: 'Rencontre', passages: 'Texte de la restitution', addedAt: 'Ajoutée le', at: 'Date', who: 'Par', what: 'Changement',
  from: 'Avant', to: 'Après', contribution: 'Contribution',
  fromCampaign: 'Consultation de départ', toCampaign: 'Consultation d’arrivée',
  pairs: 'Correspondance des thématiques (numéros, de départ → d’arrivée)', savedAt: 'Enregistrée le',
};

export function fieldLabel(field: string): string {
  if (field.startsWith('attendance.')) {
    const category = PARTICIPANT_CATEGORIES.find((c) => c.code === field.slice('attendance.'.length));
    return `Participants : ${category?.label.toLowerCase() ?? field}`;
  }
  return FIELD_LABELS[field] ?? field;
}

export function recordLabel(kind: RecordKind, f: Record<string, Json>): string {
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
    case 'restitution': return `Restitution « ${short(f.fileName) || 'texte saisi'} »${typeof f.addedAt === 'string' ? ` (ajoutée le ${frenchDate(f.addedAt.slice(0, 10))})` : ''}`;
    case 'contributionGroup': return `Groupe « ${short(f.wording)} » (thématique ${f.thematique})`;
    case 'thematiqueMap': return `Correspondance des thématiques « ${short(f.fromCampaign)} » → « ${short(f.toCampaign)} »`;
    case 'reviewEvent': return `Historique de lecture (${typeof f.at === 'string' ? frenchDate(f.at.slice(0, 10)) : '?'}, ${short(f.who, 40)})`;
  }
}

/** A value as the conflict screen shows it. */
export function displayValue(field: string, value: Json): string {
  if (field === DELETED_FIELD) return value === true ? 'supprimé' : 'présent';
  if (value === null || value === '') return '(vide)';
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (field === 'review' && typeof value === 'string' && value in REVIEW_STATE_LABELS) return REVIEW_STATE_LABELS[value as keyof typeof REVIEW_STATE_LABELS];
  if (typeof value === 'number') return String(value);
  if (field === 'savedAt' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return frenchDate(value.slice(0, 10));
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return frenchDate(value);
    return value.length > 2_000 ? `${value.slice(0, 200)}… (${Math.round(value.length / 1024)} Ko en tout)` : value;
  }
  if (field === 'passage' && typeof value === 'object' && !Array.isArray(value) && typeof value.text === 'string') {
    return `« ${value.text.length > 300 ? `${value.text.slice(0, 299)}…` : value.text} »`;
  }
  if (field === 'pairs' && Array.isArray(value)) {
    // A saved map's pairs: « 1 → 1 ; 2 → 3 », empty when nothing maps.
    if (value.length === 0) return '(aucune)';
    return (value as Record<string, Json>[]).map((l) => `${String(l.from)} → ${String(l.to)}`).join(' ; ');
  }
  if (field === 'place' || field === 'dates') {
    return Object.values(value as Record<string, Json>).filter((v) => v !== null).map((v) => displayValue('', v)).join(' · ');
  }
  const text = canonical(value);
  return text.length > 2_000 ? `${text.slice(0, 200)}… (${Math.round(text.length / 1024)} Ko en tout)` : text;
}

