/** Restitutions as sources (issue 13): a meeting's report, read into passages, cut into contributions. */
import { z } from 'zod';
import { ContributionKind, ReviewState } from '../domain.ts';
import { Id, text } from '../primitives.ts';
import { FileSourceFields } from './files.ts';

export const RestitutionFormat = z.enum(['docx', 'odt', 'pdf', 'texte', 'saisie']);
export type RestitutionFormat = z.infer<typeof RestitutionFormat>;
export const RESTITUTION_FORMAT_LABELS: Record<RestitutionFormat, string> = {
  docx: 'Word', odt: 'OpenDocument', pdf: 'PDF', texte: 'Texte', saisie: 'Texte saisi',
};

/** A place in a restitution's text: the passage (0-based) and the offset in its text (UTF-16 units). */
export const PassagePoint = z.object({ passage: z.number().int().min(0), offset: z.number().int().min(0) });
export type PassagePoint = z.infer<typeof PassagePoint>;

/** What a contribution keeps of the span it was cut from (restitutions/passages.ts PassageRange). */
export const ContributionPassage = z.object({
  restitutionId: Id,
  start: PassagePoint,
  end: PassagePoint,
  /** The text the span covered when it was cut. */
  text: z.string(),
});
export type ContributionPassage = z.infer<typeof ContributionPassage>;

export const Passage = z.object({ index: z.number().int().min(0), text: z.string(), heading: z.boolean() });
export type Passage = z.infer<typeof Passage>;

export const RestitutionInfo = z.object({
  id: Id,
  meetingId: Id,
  /** '' for a text typed or pasted. */
  fileName: z.string(),
  format: RestitutionFormat,
  sha256: z.string(),
  addedAt: z.string(),
  passageCount: z.number().int(),
  /** Contributions cut from it, and of those still to be read (à traiter). */
  contributionCount: z.number().int(),
  pendingCount: z.number().int(),
});
export type RestitutionInfo = z.infer<typeof RestitutionInfo>;

/** A contribution cut from a restitution, where it lies (for the reading view's marks). */
export const RestitutionCut = z.object({
  contributionId: Id,
  thematiqueId: Id,
  kind: ContributionKind,
  review: ReviewState,
  start: PassagePoint,
  end: PassagePoint,
  /** The contribution's wording, as the synthesis will print it (the passage itself, or the wording typed). */
  text: z.string(),
});
export type RestitutionCut = z.infer<typeof RestitutionCut>;

export const Restitution = RestitutionInfo.extend({
  passages: z.array(Passage),
  cuts: z.array(RestitutionCut),
});
export type Restitution = z.infer<typeof Restitution>;

/** A restitution given to the app: a file (path or content), or its text typed or pasted. */
export const RestitutionAdd = FileSourceFields.extend({
  meetingId: Id,
  text: text(500_000).optional(),
}).refine(
  (v) => [v.path !== undefined, v.fileName !== undefined && v.contentBase64 !== undefined, v.text !== undefined].filter(Boolean).length === 1,
  { message: 'indiquez soit le chemin du fichier, soit son nom et son contenu, soit le texte de la restitution' },
);

/** A selected span made a contribution: it keeps its link to the passage and to the meeting. */
export const RestitutionCutRequest = z.object({
  restitutionId: Id,
  start: PassagePoint,
  end: PassagePoint,
  thematiqueId: Id,
  kind: ContributionKind,
  /** The contribution's wording when it differs from the passage (shortened, corrected). */
  text: text(10_000).optional(),
});

/** A folder of restitutions: each file matched to its meeting, or said why not. */
export const FolderImportRequest = z.object({
  campaignId: Id,
  folder: z.string().min(1).max(2_000),
});
export const FolderMatch = z.object({
  fileName: z.string(),
  /** The meeting the file will be attached to (null: none found, or several). */
  meetingId: Id.nullable(),
  meetingLabel: z.string().nullable(),
  /** How it was matched (« référence R-12 dans le nom », « titre de la rencontre »…) or why not. */
  reason: z.string(),
  /** Already attached to that meeting (same SHA-256): skipped on import. */
  alreadyThere: z.boolean(),
  /** Not a format read here, too large…: said, and skipped. */
  problem: z.string().nullable(),
});
export type FolderMatch = z.infer<typeof FolderMatch>;
export const FolderPreview = z.object({ folder: z.string(), files: z.array(FolderMatch) });
export const FolderImport = FolderImportRequest.extend({
  /** The matches as the user left them after the preview (a file left out is not imported). */
  assignments: z.array(z.object({ fileName: z.string().min(1).max(255), meetingId: Id })).max(2_000),
});
export const FolderImportReport = z.object({
  added: z.array(z.object({ fileName: z.string(), meetingId: Id, restitutionId: Id })),
  skipped: z.array(z.object({ fileName: z.string(), reason: z.string() })),
});

/**
 * A restitution as a deleted meeting took it away: everything needed to put it back when the deletion
 * is undone (a typed restitution exists nowhere else), with the contributions that were cut from it.
 */
export const RestitutionSnapshot = z.object({
  uid: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
  fileName: z.string().max(255),
  format: RestitutionFormat,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  addedAt: z.string().max(40),
  passages: z.array(Passage.extend({ text: text(100_000) })).max(50_000),
  cuts: z.array(z.object({ contributionId: Id, start: PassagePoint, end: PassagePoint, text: text(100_000) })).max(10_000),
});
export type RestitutionSnapshot = z.infer<typeof RestitutionSnapshot>;
