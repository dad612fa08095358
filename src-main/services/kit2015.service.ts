/**
 * The 2015 kit's outputs: for each établissement meeting, its synthesis on the 2015 trame and one
 * fiche défi per atelier, named as the kit asks, in one .zip per académie.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import JSZip from 'jszip';
import { inTransaction } from '../catalogue/database.ts';
import { getCampaign } from '../catalogue/repos/campaign.repo.ts';
import { lastChange, logDocument } from '../catalogue/repos/document.repo.ts';
import { meetingsToCheck, queryMeetings } from '../catalogue/repos/meeting.repo.ts';
import { departementName, getEtablissement } from '../catalogue/repos/territory.repo.ts';
import { conflict } from '../contract/errors.ts';
import { FOLLOW_UP_LISTED, type KitFollowUp } from '../contract/schemas/kit2015.ts';
import type { Campaign } from '../contract/schemas/campaign.ts';
import { defiFileName, etablissementLabels, kitPart, synthesisFileName, uniqueNames } from '../kit2015/file-names.ts';
import { ficheDefi, meetingSynthesis } from '../kit2015/meeting-documents.ts';
import { kitRulesApply, restitutionDueDate, restitutionStatus } from '../kit2015/rules.ts';
import { renderReproducibleDocx } from '../synthesis/render-docx.ts';
import { DocumentStamps } from '../catalogue/repos/document-stamp.repo.ts';
import { loadSource, type SynthesisSource } from '../synthesis/source.ts';
import type { Catalogue } from '../catalogue/database.ts';
import type { Meeting } from '../contract/schemas/meeting.ts';
import type { StyleTemplate } from '../synthesis/style-template.ts';
import type { SynthesisDocument } from '../synthesis/model.ts';
import type { HandlerGroup } from './context.ts';
import { checkMeeting } from './preflight.service.ts';
import { chosenStyle, documentOrigin } from './synthesis.service.ts';
import { makeDir, outputFolder, writeAtomically } from './output-files.ts';
import { requireCampaign } from './ownership.ts';
import { resolveScope } from './scope.ts';

export const kit2015Handlers: HandlerGroup<'kit2015'> = {
  'kit2015.generate': async ({ campaignId, outputDir, academieCode, trameId }, ctx) => {
    const { db, now, onProgress } = ctx;
    requireCampaign(db, campaignId);
    const meetings = queryMeetings(db, { campaignId, level: 'etablissement', ...(academieCode ? { academieCode } : {}) });
    if (meetings.length === 0) {
      throw conflict('Aucune rencontre d’établissement dans cette consultation' + (academieCode ? ` pour l’académie ${academieCode}.` : '.'));
    }
    const stamps = new DocumentStamps(db, lastChange(db));
    const style = chosenStyle(db, undefined);
    const dir = outputFolder(ctx, outputDir);
    makeDir(dir);
    const academies = [...new Set(meetings.map((m) => m.academieCode!))].sort();
    const archives: Archive[] = [];
    for (const [index, code] of academies.entries()) {
      onProgress?.({ operation: 'kit2015.generate', done: index, total: academies.length, message: `Académie ${code}` });
      const source = loadSource(db, { campaignId, scope: `academie:${code}`, ...(trameId ? { trameId } : {}) });
      const archive = await academieArchive(db, source, meetings.filter((m) => m.academieCode === code), stamps, style);
      writeAtomically(join(dir, archive.fileName), archive.bytes);
      archives.push({ ...archive, academieCode: code, path: join(dir, archive.fileName) });
    }
    const logged = inTransaction(db, () => {
      stamps.keep();
      return archives.map((a) => {
        const doc = logDocument(db, {
          campaignId, trameId: a.source.trame.id, scope: `academie:${a.academieCode}`, thematiqueNumber: null,
          fileName: a.fileName, path: a.path, sha256: createHash('sha256').update(a.bytes).digest('hex'),
          bytes: a.bytes.length, generatedAt: now().toISOString(),
        });
        return { document: doc, academieCode: a.academieCode, academieName: a.academieName, entries: a.entries };
      });
    });
    onProgress?.({ operation: 'kit2015.generate', done: academies.length, total: academies.length, message: 'Terminé' });
    const { campaign } = archives[0]!.source;
    const today = localDay(now());
    return { archives: logged, findings: meetings.flatMap((m) => checkMeeting(m, campaign, today)) };
  },

  'kit2015.followUp': ({ campaignId, regionCode, scope }, { db, now }) => {
    requireCampaign(db, campaignId);
    const campaign = getCampaign(db, campaignId)!;
    // Another consultation follows nothing: its meetings are not read.
    const meetings = kitRulesApply(campaign) ? meetingsToCheck(db, campaignId, resolveScope(db, scope, regionCode).stats) : [];
    return followUp(campaign, meetings, localDay(now()));
  },
};

/** The day as the user's calendar says: a synthesis is late from the day after its due day. */
function localDay(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Each établissement meeting's synthesis on `today`: counted received, due or late; the awaited ones listed. */
export function followUp(
  campaign: Pick<Campaign, 'slug' | 'endDate'>,
  meetings: { id: number; title: string; date: string; level: string; restitutionReceived: boolean; academieCode?: string | null }[],
  today: string,
): KitFollowUp {
  const result: KitFollowUp = { applies: kitRulesApply(campaign), today, lastDay: campaign.endDate, received: 0, due: 0, late: 0, awaited: [] };
  if (!result.applies) return result;
  const awaited: KitFollowUp['awaited'] = [];
  for (const m of meetings.filter((x) => x.level === 'etablissement')) {
    const status = restitutionStatus(m, campaign, today);
    result[status] += 1;
    if (status === 'received') continue;
    awaited.push({ meetingId: m.id, title: m.title, date: m.date, academieCode: m.academieCode ?? null, dueDate: restitutionDueDate(m.date, campaign), status });
  }
  const rank = (r: KitFollowUp['awaited'][number]) => (r.status === 'late' ? 0 : 1);
  awaited.sort((a, b) => rank(a) - rank(b) || a.dueDate.localeCompare(b.dueDate) || a.title.localeCompare(b.title, 'fr') || a.meetingId - b.meetingId);
  result.awaited = awaited.slice(0, FOLLOW_UP_LISTED);
  return result;
}

interface Archive {
  academieCode: string;
  academieName: string;
  fileName: string;
  path: string;
  entries: string[];
  bytes: Buffer;
  source: SynthesisSource;
}

/** One académie's .zip: each meeting's synthesis, then its fiches défi, names unique per établissement. */
async function academieArchive(db: Catalogue, source: SynthesisSource, meetings: Meeting[], stamps: DocumentStamps, style: StyleTemplate | null) {
  const academieName = source.scope.name;
  const zip = new JSZip();
  const etablissements = new Map(meetings.map((m) => [m.etablissementUai!, getEtablissement(db, m.etablissementUai!)!]));
  const labels = etablissementLabels([...etablissements.values()]);
  const planned: { name: string; document: () => SynthesisDocument }[] = [];
  for (const meeting of meetings) {
    const etablissement = etablissements.get(meeting.etablissementUai!)!;
    const label = labels.get(etablissement.uai)!;
    const departement = departementName(db, etablissement.departementCode) ?? etablissement.departementCode;
    const ctx = { meeting, etablissement, academieName, departementName: departement, source };
    planned.push({ name: synthesisFileName(academieName, label), document: () => meetingSynthesis(ctx) });
    for (const atelier of meeting.ateliers) {
      const theme = source.campaign.thematiques.find((t) => t.id === atelier.thematiqueId)!;
      planned.push({ name: defiFileName(theme.number, academieName, label), document: () => ficheDefi(ctx, atelier) });
    }
  }
  // Unique over the whole archive: two meetings of one établissement, two ateliers on one thème.
  const entries = uniqueNames(planned.map((p) => p.name));
  // Each document keeps the date its content first had (document-stamp.repo.ts), its entry too.
  let dated = stamps.changed;
  const stampOf = (digest: string) => (dated = stamps.of(digest));
  const origin = documentOrigin(db, source);
  for (const [i, { document }] of planned.entries()) {
    const bytes = await renderReproducibleDocx(document(), style, stampOf, origin);
    zip.file(entries[i]!, bytes, { date: zipDate(dated) });
  }
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'DOS' });
  const fileName = `Concertation2015_${kitPart(academieName).replace(/ /g, '-')}.zip`;
  return { academieName, fileName, entries, bytes, source };
}

/** Zip dates are local DOS times in 2 s steps: one fixed value keeps archives reproducible. */
function zipDate(stamp: Date): Date {
  return new Date(Math.floor(stamp.getTime() / 2000) * 2000);
}
