/**
 * Pre-flight check of a synthesis: what is missing or odd, in French, each finding pointing to the
 * record to fix. Generation stays possible; the document itself never states what is not so.
 */
import type { Catalogue } from '../catalogue/database.ts';
import { meetingsToCheck, type MeetingToCheck } from '../catalogue/repos/meeting.repo.ts';
import { leftToReview } from '../catalogue/repos/reading.repo.ts';
import type { Campaign } from '../contract/schemas/campaign.ts';
import type { Finding, PreflightReport } from '../contract/schemas/preflight.ts';
import type { TrameSection } from '../contract/schemas/trame.ts';
import type { SynthesisSource } from '../synthesis/source.ts';
import { statedFigures } from '../synthesis/figures.ts';
import { headingText, sectionTitle } from '../synthesis/sections.ts';
import { frenchDate } from '../text/french.ts';
import { ATELIER_MAX, kitRulesApply, restitutionDueDate, restitutionStatus } from '../kit2015/rules.ts';

/** At most this many findings of one kind are listed; the others are counted (a région at ten times the
 * nation's scale had 7 000 findings, 2.3 MB, that nobody reads one by one: the Rencontres screen filters them). */
export const FINDINGS_PER_CODE = 20;

/** What a finding's code says of the records left uncounted, after « et N autres ». */
const OMITTED_LABELS: Record<string, [one: string, many: string]> = {
  'restitution-absente': ['rencontre sans restitution reçue', 'rencontres sans restitution reçue'],
  'categories-superieures': ['rencontre dont les catégories dépassent le total déclaré', 'rencontres dont les catégories dépassent le total déclaré'],
  'categories-partielles': ['rencontre au détail par catégorie partiel', 'rencontres au détail par catégorie partiel'],
  'effectif-inconnu': ['rencontre sans effectif', 'rencontres sans effectif'],
  'hors-periode': ['rencontre datée hors de la consultation', 'rencontres datées hors de la consultation'],
  'elus-periode-reserve': ['rencontre comptant des élus pendant la période de réserve', 'rencontres comptant des élus pendant la période de réserve'],
  'restitution-attendue': ['synthèse d’établissement attendue', 'synthèses d’établissement attendues'],
  'atelier-trop-nombreux': ['rencontre dont un atelier dépasse 15 personnes', 'rencontres dont un atelier dépasse 15 personnes'],
  'ateliers-superieurs': ['rencontre dont les ateliers comptent plus de participants qu’elle', 'rencontres dont les ateliers comptent plus de participants qu’elles'],
  'retex-sans-lien': ['retex sans lien', 'retex sans lien'],
  'concertations-multiples': ['département aux concertations multiples', 'départements aux concertations multiples'],
};

/** The pre-flight's findings, the first FINDINGS_PER_CODE of each code listed, the rest counted. */
export function preflightReport(db: Catalogue, source: SynthesisSource, thematique?: number): PreflightReport {
  const listed: Finding[] = [];
  const counts = new Map<string, { severity: Finding['severity']; count: number }>();
  for (const finding of preflight(db, source, thematique)) {
    const seen = counts.get(finding.code) ?? { severity: finding.severity, count: 0 };
    counts.set(finding.code, { ...seen, count: seen.count + 1 });
    if (seen.count < FINDINGS_PER_CODE) listed.push(finding);
  }
  const omitted = [...counts].filter(([, c]) => c.count > FINDINGS_PER_CODE).map(([code, c]) => {
    const count = c.count - FINDINGS_PER_CODE;
    const [one, many] = OMITTED_LABELS[code] ?? ['autre constat du même type', 'autres constats du même type'];
    return { code, severity: c.severity, count, label: count > 1 ? many : one };
  });
  return { findings: listed, omitted };
}

export function preflight(db: Catalogue, source: SynthesisSource, thematique?: number): Finding[] {
  const thematiques = source.campaign.thematiques.filter((t) => thematique === undefined || t.number === thematique);
  const findings: Finding[] = [];
  if (source.contact.trim() === '') {
    findings.push(info('contact-absent', 'Le pied de page n’indiquera aucun contact : renseignez-le dans les Paramètres.', { kind: 'settings', id: null, label: 'Paramètres' }));
  }
  for (const section of source.trame.sections) {
    if (section.scope === 'document' && section.source === 'text' && !source.texts.get(`${section.key}:0`)?.trim()) {
      // Texts are written per scope: the région's is not an académie's, and is not taken over.
      const where = source.scope.kind === 'region' ? '' : ' pour ce périmètre (le texte écrit pour la région n’y est pas repris)';
      const title = headingText(section.title, source);
      findings.push(info('texte-vide', `La section « ${title} » n’est pas rédigée${where} : elle ne sera pas imprimée. Rédigez-la dans l’écran Trames (« Périmètre des textes »).`, { kind: 'sectionText', id: null, label: title }));
    }
    if (section.scope !== 'thematique') continue;
    for (const t of thematiques) findings.push(...sectionFindings(source, section, t));
  }
  findings.push(...reviewFindings(db, source, thematiques), ...meetingFindings(db, source), ...writtenFigures(source));
  return findings;
}

/**
 * What is still to read (issue 13): contributions à traiter (neither retained nor set aside: not printed) and
 * groups still to examine, in the thématiques written. One line each, counted per thématique, pointing to the
 * first thématique concerned; for information: generation stays possible.
 */
function reviewFindings(db: Catalogue, source: SynthesisSource, thematiques: Campaign['thematiques']): Finding[] {
  const wanted = new Set(thematiques.map((t) => t.id));
  const progress = leftToReview(db, source.campaign.id).filter((t) => wanted.has(t.thematiqueId));
  const line = (
    code: string, count: (t: (typeof progress)[number]) => number, noun: [string, string], consequence: string,
  ): Finding[] => {
    const concerned = progress.filter((t) => count(t) > 0);
    if (concerned.length === 0) return [];
    const total = concerned.reduce((n, t) => n + count(t), 0);
    const where = concerned.length === 1 && thematiques.length === 1
      ? ''
      : ` (${concerned.map((t) => `thématique ${t.number} : ${count(t)}`).join(' ; ')})`;
    const first = concerned[0]!;
    return [info(code, `${total} ${total > 1 ? noun[1] : noun[0]}${where}. ${consequence}`, {
      kind: 'thematique', id: first.thematiqueId, label: `Thématique ${first.number} : ${first.title}`,
    })];
  };
  return [
    ...line('contributions-a-traiter', (t) => t.pending, ['contribution encore à traiter', 'contributions encore à traiter'],
      'Ni retenues ni écartées, elles ne seront pas imprimées : relisez-les dans Contributions (filtre « À traiter ») si elles doivent compter. La génération reste possible.'),
    ...line('groupes-a-examiner', (t) => t.groupsToReview, ['regroupement encore à examiner', 'regroupements encore à examiner'],
      'Seuls les regroupements retenus comptent dans la synthèse : examinez-les dans Regroupements. La génération reste possible.'),
  ];
}

/** A text that states "10 concertations" when the Bilan counts 12: written before the catalogue changed. */
function writtenFigures(source: SynthesisSource): Finding[] {
  const findings: Finding[] = [];
  const figures = statedFigures(source.bilan);
  for (const [key, text] of source.texts) {
    // Document-wide texts state the région's figures; a thématique's "ateliers de 15 participants" does not.
    const section = source.trame.sections.find((s) => s.scope === 'document' && key === `${s.key}:0`);
    if (!section) continue;
    for (const { pattern, value, name } of figures) {
      for (const match of text.matchAll(pattern)) {
        const stated = Number(match[1]!.replace(/\D/g, ''));
        if (stated === value) continue;
        findings.push(attention(
          'chiffre-perime',
          `La section « ${headingText(section.title, source)} » écrit « ${match[0].trim()} », le bilan en compte ${value} : corrigez le texte, ou écrivez {{${name}}} pour que le chiffre suive le catalogue.`,
          { kind: 'sectionText', id: null, label: headingText(section.title, source) },
        ));
      }
    }
  }
  return findings;
}

function sectionFindings(source: SynthesisSource, section: TrameSection, t: Campaign['thematiques'][number]): Finding[] {
  const where = `Thématique ${t.number}, « ${headingText(sectionTitle(section, t.number), source).replace(/\.$/, '')} »`;
  const target = { kind: 'thematique' as const, id: t.id, label: `Thématique ${t.number} : ${t.title}` };
  if (section.source === 'retex') {
    const where = `Thématique ${t.number}, retours d’expérience`;
    const selected = source.retex.filter((r) => r.thematiqueId === t.id);
    const findings: Finding[] = [];
    if (selected.length < section.retexMin) {
      // Empty slots are printed in the région's document only (sections.ts).
      const consequence = source.scope.kind === 'region'
        ? ' Les emplacements vides resteront visibles.'
        : selected.length === 0 ? ' La section ne sera pas imprimée.' : '';
      findings.push(attention('retex-manquants', `${where} : ${plural(selected.length, 'retex sélectionné')}, la trame en demande au moins ${section.retexMin}.${consequence}`, target));
    }
    if (section.retexMax > 0 && selected.length > section.retexMax) {
      findings.push(attention('retex-en-trop', `${where} : ${selected.length} retex sélectionnés, la trame en prévoit ${section.retexMax} au plus. Tous seront imprimés : désélectionnez-en ou acceptez l’écart.`, target));
    }
    for (const r of selected.filter((x) => x.links.length === 0)) {
      findings.push(info('retex-sans-lien', `Le retex « ${r.title} » n’a aucun lien vers une ressource (vidéo, fiche, article).`, { kind: 'retex', id: r.id, label: r.title }));
    }
    return findings;
  }
  if (section.source === 'contributions' || section.source === 'defis_propositions') {
    const kinds = section.source === 'contributions' ? section.contributionKinds : ['defi', 'proposition'];
    const count = source.contributions.filter((c) => c.thematiqueId === t.id && kinds.includes(c.kind)).length;
    if (count === 0) return [info('section-vide', `${where} : aucune contribution sélectionnée, la section ne sera pas imprimée.`, target)];
  }
  return [];
}

function meetingFindings(db: Catalogue, source: SynthesisSource): Finding[] {
  const { scope, campaign } = source;
  // The meetings the Bilan counts: a département's académie-wide concertation is checked there too.
  const meetings = meetingsToCheck(db, campaign.id, scope.stats);
  return [...meetings.flatMap((m) => checkMeeting(m, campaign)), ...repeatedConcertations(meetings)];
}

/** Two départementales concertations in one département: often a duplicate, sometimes a second session. */
function repeatedConcertations(meetings: MeetingToCheck[]): Finding[] {
  const byDepartement = new Map<string, MeetingToCheck[]>();
  for (const m of meetings.filter((x) => x.level === 'departemental' && x.departementCode)) {
    byDepartement.set(m.departementCode!, [...(byDepartement.get(m.departementCode!) ?? []), m]);
  }
  return [...byDepartement.entries()]
    .filter(([, list]) => list.length > 1)
    .map(([code, list]) =>
      info(
        'concertations-multiples',
        `Le département ${code} compte ${list.length} concertations départementales (${list.map((m) => frenchDate(m.date)).join(', ')}) : vérifiez qu’il ne s’agit pas d’un doublon. Toutes sont comptées dans le bilan.`,
        { kind: 'meeting', id: list[1]!.id, label: `${list[1]!.title} (${frenchDate(list[1]!.date)})` },
      ),
    );
}

type CampaignToCheck = Pick<Campaign, 'startDate' | 'endDate' | 'reserveDate'> & Partial<Pick<Campaign, 'slug' | 'thematiques'>>;
type AtelierToCheck = { participants: number | null; thematiqueId?: number };

/**
 * The checks of one meeting; also what the meeting form shows as the user types. The 2015 kit's établissement
 * meetings also follow its rules (kit2015/rules.ts); `today`, when known, tells a synthesis still due from a late one.
 */
export function checkMeeting(m: Omit<MeetingToCheck, 'ateliers'> & { ateliers: AtelierToCheck[] }, campaign: CampaignToCheck, today?: string): Finding[] {
  const target = { kind: 'meeting' as const, id: m.id, label: `${m.title} (${frenchDate(m.date)})` };
  const where = `Rencontre « ${m.title} » du ${frenchDate(m.date)}`;
  const findings: Finding[] = [];
  const counts = Object.values(m.attendance).filter((n): n is number => n !== undefined);
  const sum = counts.reduce((a, b) => a + b, 0);
  const kit = m.level === 'etablissement' && kitRulesApply(campaign);
  if (!m.restitutionReceived && kit) findings.push(kitRestitution(m, campaign, where, target, today));
  else if (!m.restitutionReceived) findings.push(attention('restitution-absente', `${where} : restitution non reçue.`, target));
  if (m.declaredTotal !== null && counts.length > 0 && sum > m.declaredTotal) {
    findings.push(attention('categories-superieures', `${where} : les catégories totalisent ${sum} participants pour un total déclaré de ${m.declaredTotal}.`, target));
  } else if (m.declaredTotal !== null && counts.length > 0 && sum < m.declaredTotal) {
    findings.push(info('categories-partielles', `${where} : le détail par catégorie couvre ${sum} des ${m.declaredTotal} participants déclarés (le bilan retient ${m.declaredTotal}).`, target));
  }
  if ((m.level === 'departemental' || m.level === 'academique') && m.participants === null) {
    findings.push(attention('effectif-inconnu', `${where} : aucun effectif (ni total déclaré, ni catégories) ; elle compte 0 participant dans le bilan.`, target));
  }
  if (m.date < campaign.startDate || m.date > campaign.endDate) {
    findings.push(attention('hors-periode', `${where} : date en dehors de la consultation (du ${frenchDate(campaign.startDate)} au ${frenchDate(campaign.endDate)}).`, target));
  }
  if (campaign.reserveDate && m.date > campaign.reserveDate && (m.attendance.elus_collectivites ?? 0) > 0) {
    // Seed 000: « il n’est pas possible d’organiser les rencontres en présence d’élus après le 8 février 2015 ».
    findings.push(attention('elus-periode-reserve', `${where} : des élus sont comptés, or aucune rencontre ne peut se tenir en présence d’élus après le ${frenchDate(campaign.reserveDate)} (période de réserve).`, target));
  }
  if (kit) {
    for (const [i, a] of m.ateliers.entries()) {
      if (a.participants === null || a.participants <= ATELIER_MAX) continue;
      const theme = campaign.thematiques?.find((t) => t.id === a.thematiqueId);
      const which = theme ? `l’atelier du thème ${theme.number}` : `l’atelier n° ${i + 1}`;
      findings.push(attention('atelier-trop-nombreux', `${where} : ${which} compte ${a.participants} participants ; le kit prévoit des ateliers de ${ATELIER_MAX} personnes ou moins.`, target));
    }
  }
  const inAteliers = m.ateliers.reduce((a, x) => a + (x.participants ?? 0), 0);
  if (m.participants !== null && inAteliers > m.participants) {
    findings.push(attention('ateliers-superieurs', `${where} : les ateliers comptent ${inAteliers} participants, plus que ${m.participants === 1 ? 'le participant' : `les ${m.participants} participants`} de la rencontre.`, target));
  }
  return findings;
}

/** « dans la quinzaine qui suit la rencontre et avant le 10 mars »: due, or late when `today` is past the day. */
function kitRestitution(m: { date: string; restitutionReceived: boolean }, campaign: CampaignToCheck, where: string, target: Finding['target'], today?: string): Finding {
  const due = frenchDate(restitutionDueDate(m.date, campaign));
  const rule = `dans la quinzaine qui suit la rencontre, au plus tard le ${frenchDate(campaign.endDate)}`;
  if (today !== undefined && restitutionStatus(m, campaign, today) === 'due') {
    return info('restitution-attendue', `${where} : synthèse de l’établissement attendue au DAN au plus tard le ${due} (${rule}).`, target);
  }
  const state = today === undefined ? 'non reçue' : 'en retard, non reçue';
  return attention('restitution-absente', `${where} : synthèse de l’établissement ${state} ; attendue au DAN au plus tard le ${due} (${rule}).`, target);
}

const attention = (code: string, message: string, target: Finding['target']): Finding => ({ severity: 'attention', code, message, target });
const info = (code: string, message: string, target: Finding['target']): Finding => ({ severity: 'information', code, message, target });
const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? 's' : ''}`;
