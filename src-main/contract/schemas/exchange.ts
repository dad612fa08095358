/** Catalogues exchanged between laptops: identity, bundles, merges, conflicts, the shared folder. */
import { z } from 'zod';
import { AcademieCode, DepartementCode, Id, label, RegionCode } from '../primitives.ts';
import { FileSourceFields, exactlyOneSource, ONE_SOURCE } from './files.ts';
import { ScopeRef } from './reports.ts';

/**
 * In the order a merge applies them: what a record points to comes before it (a restitution its meeting,
 * a contribution its group and restitution, a review event its contribution or group, a saved map of
 * thématiques its two consultations).
 */
export const RECORD_KINDS = [
  'campaign', 'style', 'bassin', 'etablissement', 'meeting', 'restitution', 'retex', 'contributionGroup', 'contribution',
  'reviewEvent', 'trame', 'sectionText', 'thematiqueMap', 'setting',
] as const;
export const RecordKind = z.enum(RECORD_KINDS);
export type RecordKind = z.infer<typeof RecordKind>;

export const RECORD_KIND_LABELS: Record<RecordKind, { one: string; many: string }> = {
  campaign: { one: 'consultation', many: 'consultations' },
  style: { one: 'modèle de styles', many: 'modèles de styles' },
  bassin: { one: 'bassin', many: 'bassins' },
  etablissement: { one: 'établissement', many: 'établissements' },
  meeting: { one: 'rencontre', many: 'rencontres' },
  restitution: { one: 'restitution', many: 'restitutions' },
  retex: { one: 'retex', many: 'retex' },
  contributionGroup: { one: 'groupe de contributions', many: 'groupes de contributions' },
  contribution: { one: 'contribution', many: 'contributions' },
  reviewEvent: { one: 'entrée d’historique de lecture', many: 'entrées d’historique de lecture' },
  trame: { one: 'trame', many: 'trames' },
  sectionText: { one: 'texte rédigé', many: 'textes rédigés' },
  thematiqueMap: { one: 'correspondance des thématiques', many: 'correspondances des thématiques' },
  setting: { one: 'paramètre', many: 'paramètres' },
};

export const ScopeKind = z.enum(['region', 'academie', 'departement']);
export type ScopeKind = z.infer<typeof ScopeKind>;

/** Who a catalogue is for: « DSDEN de la Vienne », for the département 86. */
export const CatalogueIdentity = z.object({
  uid: z.string(),
  name: z.string(),
  scopeKind: ScopeKind,
  scopeCode: z.string(),
  /** « Vienne (86) », « Académie de Poitiers », « Région académique Nouvelle-Aquitaine ». */
  scopeLabel: z.string(),
  regionCode: RegionCode,
  isDemo: z.boolean(),
  /** The first characters of the signing key's hash, to read out over the phone. */
  fingerprint: z.string(),
  createdAt: z.string(),
});
export type CatalogueIdentity = z.infer<typeof CatalogueIdentity>;

export const CatalogueSetup = z
  .object({
    regionCode: RegionCode,
    academieCode: AcademieCode.optional(),
    departementCode: DepartementCode.optional(),
    name: label(120),
    /** The demo catalogue: a banner says so while it is open. */
    demo: z.boolean().default(false),
  })
  .refine((v) => !(v.academieCode && v.departementCode), { message: 'une académie ou un département, pas les deux' });

/** A bundle given to the app: a path, or a file's content from the browser. */
export const BundleSource = FileSourceFields.extend({
  /** The sender's key changed since the first exchange: merge anyway (after checking with them). */
  acceptNewKey: z.boolean().default(false),
}).refine(exactlyOneSource, ONE_SOURCE);

export const BundleExportRequest = z.object({
  /** A whole catalogue when left out (with settings, trames and style templates). */
  scope: ScopeRef.optional(),
  /** The .synthese file to write (relative: under the documents folder). */
  outPath: z.string().min(1).max(1_000),
});

export const BundleCounts = z.record(z.string(), z.number().int());

export const BundleWritten = z.object({
  path: z.string(),
  fileName: z.string(),
  sha256: z.string(),
  bytes: z.number().int(),
  scope: z.string(),
  counts: BundleCounts,
});

export const Conflict = z.object({
  id: Id,
  uid: z.string(),
  kind: RecordKind,
  /** « Rencontre « Concertation départementale de la Vienne » (14/10/2020) ». */
  recordLabel: z.string(),
  field: z.string(),
  /** « Effectif déclaré », « Supprimée ». */
  fieldLabel: z.string(),
  local: z.string(),
  incoming: z.string(),
  peerName: z.string(),
  detectedAt: z.string(),
});
export type Conflict = z.infer<typeof Conflict>;

export const MergeReport = z.object({
  added: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  deleted: z.number().int(),
  /** A preview's conflicts have no id: they are rolled back with it. */
  conflicts: z.array(Conflict.extend({ id: Id.nullable() })),
  /** Per kind: what would be (or was) added, updated, deleted. */
  byKind: z.array(z.object({ kind: RecordKind, label: z.string(), added: z.number().int(), updated: z.number().int(), deleted: z.number().int() })),
  source: z.object({
    uid: z.string(), name: z.string(), scope: z.string(), scopeLabel: z.string(), createdAt: z.string(), sha256: z.string(),
    /** Of the key that signed it: to compare with the sender's before a first merge. */
    fingerprint: z.string(),
  }),
  /** 'new': first bundle from this catalogue, its key is now remembered. */
  key: z.enum(['new', 'known', 'changed']),
  dryRun: z.boolean(),
});
export type MergeReport = z.infer<typeof MergeReport>;

export const ExchangePeer = z.object({
  uid: z.string(),
  name: z.string(),
  scopeLabel: z.string(),
  fingerprint: z.string(),
  firstSeenAt: z.string(),
  lastMergedAt: z.string().nullable(),
});

export const ExchangeLogEntry = z.object({
  id: Id,
  direction: z.enum(['sent', 'received']),
  peerName: z.string(),
  scope: z.string(),
  fileName: z.string(),
  at: z.string(),
  added: z.number().int(),
  updated: z.number().int(),
  deleted: z.number().int(),
  conflicts: z.number().int(),
});

export const InboxBundle = z.object({
  fileName: z.string(),
  path: z.string(),
  /** Who sent it and when it was made; null when the file could not be read. */
  sourceName: z.string().nullable(),
  scopeLabel: z.string().nullable(),
  createdAt: z.string().nullable(),
  sha256: z.string().nullable(),
  status: z.enum(['nouveau', 'fusionne', 'le-mien', 'illisible']),
  problem: z.string().nullable(),
});

export const ExchangeOverview = z.object({
  identity: CatalogueIdentity.nullable(),
  peers: z.array(ExchangePeer),
  log: z.array(ExchangeLogEntry),
  openConflicts: z.number().int(),
  /** The folder a sync service (Nextcloud, a network share) keeps in step between laptops. */
  folder: z.string().nullable(),
  /** The stable name this catalogue publishes under in that folder. */
  publishName: z.string().nullable(),
});

export const Provenance = z.object({
  uid: z.string().nullable(),
  /** « créé dans ce catalogue », « créé par la DSDEN de la Vienne ». */
  createdIn: z.string().nullable(),
  receivedFrom: z.string().nullable(),
  receivedAt: z.string().nullable(),
  /** « reçu de « DSDEN de la Vienne » le 12 octobre 2020 », or null when it never travelled. */
  summary: z.string().nullable(),
});

export const ProvenanceRequest = z.object({ kind: z.enum(['meeting', 'retex', 'contribution', 'trame']), id: Id });
