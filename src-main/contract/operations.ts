/**
 * THE service contract: every operation the UI (or the CLI) can call, written once.
 * Each is `domain.verb`, takes one JSON object, returns JSON. Both transports (Electron IPC,
 * HTTP bridge) hand raw payloads to `dispatch`, which validates them against these schemas.
 */
import { z } from 'zod';
import { CategoryCode } from './domain.ts';
import { AcademieCode, Id, label, Uai } from './primitives.ts';
import {
  Campaign, CampaignCreate, CampaignUpdate, Thematique, ThematiqueCreate, ThematiqueUpdate,
} from './schemas/campaign.ts';
import {
  ContributionCreate, ContributionFilter, ContributionPage, ContributionUpdate, Contribution, Retex, RetexCreate,
  RetexFilter, RetexPage, RetexUpdate, SectionText, SectionTextKey,
} from './schemas/content.ts';
import { Meeting, MeetingCreate, MeetingFilter, MeetingLinks, MeetingPage, MeetingUpdate } from './schemas/meeting.ts';
import { Missing } from './schemas/missing.ts';
import {
  FolderImport, FolderImportReport, FolderImportRequest, FolderPreview, Restitution, RestitutionAdd, RestitutionCutRequest, RestitutionInfo,
} from './schemas/restitutions.ts';
import {
  Comparison, ComparisonRequest, ContributionGroup, GroupCreate, GroupMerge, GroupMove, GroupRename, GroupReview, GroupsQuery, GroupSplit,
  GroupsView, ReadingProgress, ReviewEvent, ReviewRequest, ThematiqueMap, ThematiqueMapQuery, ThematiqueMapSave, Trace, TraceRequest,
} from './schemas/review.ts';
import { KitFollowUp } from './schemas/kit2015.ts';
import { CatalogueSearch, CatalogueSearchResult } from './schemas/search.ts';
import {
  BundleExportRequest, BundleSource, BundleWritten, CatalogueIdentity, CatalogueSetup, Conflict, ExchangeOverview, InboxBundle,
  MergeReport, Provenance, ProvenanceRequest,
} from './schemas/exchange.ts';
import { Finding, PreflightReport } from './schemas/preflight.ts';
import { ImportReport, ImportRequest, TemplateRequest, WorkbookRequest } from './schemas/spreadsheets.ts';
import { StyleImport, StyleTemplateInfo } from './schemas/style.ts';
import {
  Bilan, BilanScope, GeneratedDocument, GenerateRequest, Settings, SettingsUpdate, SynthesisTarget,
} from './schemas/reports.ts';
import {
  Bassin, BassinCreate, BassinFilter, BassinUpdate, Etablissement, EtablissementCreate, EtablissementFilter,
  EtablissementPage, EtablissementUpdate, RegionAcademique,
} from './schemas/territory.ts';
import { Placeholder, Trame, TrameCreate, TrameUpdate } from './schemas/trame.ts';

function op<I extends z.ZodType, O extends z.ZodType>(input: I, output: O, summary: string) {
  return { input, output, summary };
}

const ById = z.object({ id: Id });
const Deleted = z.object({ deleted: z.literal(true) });
const Empty = z.object({});

export const operations = {
  'campaigns.list': op(Empty, z.array(Campaign), 'Toutes les consultations du catalogue, avec leurs thématiques.'),
  'campaigns.get': op(ById, Campaign, 'Une consultation.'),
  'campaigns.create': op(CampaignCreate, Campaign, 'Crée une consultation et ses thématiques.'),
  'campaigns.update': op(CampaignUpdate, Campaign, "Modifie les champs donnés d'une consultation."),
  'campaigns.delete': op(ById, Deleted, 'Supprime une consultation et tout ce qui en dépend.'),
  'campaigns.installPreset': op(
    z.object({ slug: z.string() }), Campaign,
    'Installe une consultation prête à l’emploi (2015 ou 2020) avec sa trame ; renvoie l’existante si déjà installée.',
  ),
  'thematiques.create': op(ThematiqueCreate, Thematique, 'Ajoute une thématique à une consultation.'),
  'thematiques.update': op(ThematiqueUpdate, Thematique, 'Modifie une thématique (titre, sujets…).'),
  'thematiques.delete': op(ById, Deleted, 'Supprime une thématique qui n’est plus utilisée.'),

  'territory.tree': op(Empty, z.array(RegionAcademique), 'Régions académiques, académies et départements.'),
  'bassins.list': op(BassinFilter, z.array(Bassin), 'Bassins (ZAP, réseaux ECLORE).'),
  'bassins.create': op(BassinCreate, Bassin, 'Ajoute un bassin dans un département.'),
  'bassins.update': op(BassinUpdate, Bassin, 'Modifie un bassin.'),
  'bassins.delete': op(ById, Deleted, 'Supprime un bassin sans rencontre.'),
  'etablissements.list': op(EtablissementFilter, EtablissementPage, 'Une page des établissements (par UAI) trouvés par nom, commune ou UAI, et leur nombre.'),
  'etablissements.get': op(z.object({ uai: Uai }), Etablissement, 'Un établissement.'),
  'etablissements.create': op(EtablissementCreate, Etablissement, 'Ajoute un établissement.'),
  'etablissements.update': op(EtablissementUpdate, Etablissement, 'Modifie un établissement.'),
  'etablissements.delete': op(z.object({ uai: Uai }), Deleted, 'Supprime un établissement.'),

  'participantCategories.list': op(
    Empty, z.array(z.object({ code: CategoryCode, label: z.string() })), 'Catégories de participants, dans l’ordre des grilles.',
  ),
  'meetings.list': op(
    MeetingFilter, MeetingPage,
    'Une page de rencontres : périmètre, filtres (niveau, thématique, dates, état), recherche plein texte et tri ; avec le total.',
  ),
  'meetings.get': op(ById, Meeting, 'Une rencontre avec sa participation et ses ateliers.'),
  'meetings.create': op(MeetingCreate, Meeting, 'Enregistre une rencontre.'),
  'meetings.update': op(MeetingUpdate, Meeting, "Modifie les champs donnés d'une rencontre."),
  'meetings.delete': op(
    ById, Deleted.extend({ links: MeetingLinks }),
    'Supprime une rencontre ; dit quels retex et contributions la citaient, pour pouvoir l’annuler.',
  ),
  'meetings.restore': op(
    MeetingCreate.extend({ id: Id, links: MeetingLinks }), Meeting,
    'Rétablit une rencontre supprimée, sous sa référence (une nouvelle si elle a été reprise), avec les liens de ses retex et contributions.',
  ),

  'retex.list': op(
    RetexFilter, RetexPage,
    'Une page de retours d’expérience : périmètre, thématique, rencontre, sélection, recherche plein texte et tri (par défaut l’ordre de la synthèse) ; avec le total.',
  ),
  'retex.get': op(ById, Retex, 'Un retour d’expérience.'),
  'retex.create': op(RetexCreate, Retex, 'Ajoute un retour d’expérience.'),
  'retex.update': op(RetexUpdate, Retex, 'Modifie un retour d’expérience (dont sélection et ordre).'),
  'retex.delete': op(ById, Deleted, 'Supprime un retour d’expérience.'),

  'contributions.list': op(
    ContributionFilter, ContributionPage,
    'Une page de contributions : périmètre, thématique, type, rencontre, sélection, recherche plein texte et tri ; avec le total.',
  ),
  'contributions.get': op(ById, Contribution, 'Une contribution.'),
  'contributions.create': op(ContributionCreate, Contribution, 'Ajoute une contribution.'),
  'contributions.update': op(ContributionUpdate, Contribution, 'Modifie une contribution (dont sélection et ordre).'),
  'contributions.delete': op(ById, Deleted, 'Supprime une contribution.'),

  'contributions.review': op(
    ReviewRequest, z.object({ updated: z.number().int() }),
    'Met des contributions à traiter, retenues ou écartées ; chaque changement est inscrit dans leur historique.',
  ),
  'contributions.history': op(ById, z.array(ReviewEvent), 'Qui a changé quoi et quand, pour une contribution.'),
  'contributions.trace': op(
    TraceRequest, Trace,
    'D’où vient un énoncé de la synthèse : ses contributions, leurs rencontres et les passages des restitutions.',
  ),

  'restitutions.list': op(z.object({ meetingId: Id }), z.array(RestitutionInfo), 'Les restitutions d’une rencontre.'),
  'restitutions.get': op(ById, Restitution, 'Une restitution, ses passages et les contributions qui y ont été prises.'),
  'restitutions.add': op(
    RestitutionAdd, Restitution,
    'Joint une restitution à sa rencontre : fichier .docx, .odt, .pdf, .txt ou .md (nom et empreinte gardés), ou texte saisi.',
  ),
  'restitutions.delete': op(ById, Deleted, 'Retire une restitution ; les contributions qui en viennent restent, sans leur lien au passage.'),
  'restitutions.cut': op(
    RestitutionCutRequest, Contribution,
    'Fait d’un passage sélectionné une contribution (état des lieux, action, défi, proposition), liée au passage et à la rencontre.',
  ),
  'restitutions.previewFolder': op(
    FolderImportRequest, FolderPreview, 'Les fichiers d’un dossier de restitutions, chacun rapproché de sa rencontre, sans rien écrire.',
  ),
  'restitutions.importFolder': op(FolderImport, FolderImportReport, 'Joint les restitutions d’un dossier à leurs rencontres, en une transaction.'),
  'restitutions.progress': op(
    BilanScope, ReadingProgress, 'Ce qui reste à lire, par rencontre et par thématique.',
  ),

  'groups.list': op(GroupsQuery, GroupsView, 'Les groupes d’une thématique et d’un type, et les contributions sans groupe.'),
  'groups.get': op(ById, ContributionGroup, 'Un groupe et toutes ses contributions.'),
  'groups.propose': op(
    GroupsQuery, GroupsView,
    'Propose des groupes pour les contributions sans groupe (ou dans un groupe encore à traiter) qui disent la même chose.',
  ),
  'groups.review': op(GroupReview, ContributionGroup, 'Accepte (retient), écarte ou remet à traiter un groupe.'),
  'groups.rename': op(GroupRename, ContributionGroup, 'Change le libellé d’un groupe, celui de la synthèse.'),
  'groups.split': op(GroupSplit, GroupsView, 'Sort des contributions d’un groupe pour en faire un nouveau.'),
  'groups.merge': op(GroupMerge, ContributionGroup, 'Réunit des groupes en un seul.'),
  'groups.create': op(GroupCreate, GroupsView, 'Fait un nouveau groupe, à traiter, des contributions choisies (libellé : la première, sauf autre libellé donné).'),
  'groups.move': op(GroupMove, GroupsView, 'Met des contributions dans un groupe, ou hors de tout groupe (null).'),
  'groups.history': op(ById, z.array(ReviewEvent), 'Qui a changé quoi et quand, pour un groupe.'),

  'comparison.map': op(ThematiqueMapQuery, ThematiqueMap, 'La correspondance des thématiques d’une consultation à l’autre (2015 → 2020), enregistrée ou proposée.'),
  'comparison.saveMap': op(ThematiqueMapSave, ThematiqueMap, 'Enregistre la correspondance des thématiques.'),
  'comparison.thematique': op(
    ComparisonRequest, Comparison,
    'Pour une thématique, ce que disaient les deux consultations : propositions qui reviennent, nouvelles, disparues.',
  ),
  'comparison.generate': op(
    ComparisonRequest.extend({ outputDir: z.string().min(1).max(1_000) }), z.object({ document: GeneratedDocument }),
    'Écrit la comparaison d’une thématique en annexe Word (.docx).',
  ),

  'sectionTexts.list': op(z.object({ campaignId: Id }), z.array(SectionText), 'Textes rédigés dans l’application.'),
  'sectionTexts.set': op(SectionText, SectionText, 'Enregistre le texte d’une section (vide : le supprime).'),
  'sectionTexts.get': op(SectionTextKey, SectionText, 'Le texte d’une section (vide s’il n’est pas rédigé).'),

  'trames.list': op(z.object({ campaignId: Id.optional() }), z.array(Trame), 'Trames disponibles.'),
  'trames.get': op(ById, Trame, 'Une trame et ses sections.'),
  'trames.create': op(TrameCreate, Trame, 'Crée une trame.'),
  'trames.update': op(TrameUpdate, Trame, 'Modifie une trame (sections comprises).'),
  'trames.delete': op(ById, Deleted, 'Supprime une trame.'),
  'trames.duplicate': op(
    z.object({ id: Id, name: label(200).optional() }), Trame,
    'Copie une trame (par exemple une trame prête à l’emploi) pour l’adapter sans toucher à l’originale.',
  ),
  'trames.placeholders': op(
    BilanScope, z.array(Placeholder),
    'Les champs qu’un texte ou un titre peut citer ({{concertations}}, {{le_date_second_niveau}}…), avec leur valeur pour ce périmètre.',
  ),

  'styles.list': op(Empty, z.array(StyleTemplateInfo), 'Modèles de styles Word importés.'),
  'styles.import': op(
    StyleImport, StyleTemplateInfo,
    'Importe un document Word (.docx) comme modèle : ses styles et le logo de son en-tête habilleront les synthèses.',
  ),
  'styles.delete': op(ById, Deleted, 'Supprime un modèle de styles.'),

  'catalogue.info': op(
    Empty,
    z.object({
      path: z.string().nullable(), bytes: z.number().int().nullable(), schemaVersion: z.number().int(),
      lastChange: z.string(), meetings: z.number().int(), campaigns: z.number().int(),
    }),
    'Où vit le catalogue ouvert, sa taille, sa version de schéma et sa dernière modification.',
  ),
  'identity.get': op(Empty, CatalogueIdentity.nullable(), 'Pour qui est ce catalogue (null : premier lancement, à configurer).'),
  'identity.setup': op(
    CatalogueSetup, CatalogueIdentity,
    'Premier lancement : région académique, académie ou département, et un nom ; installe les consultations prêtes à l’emploi.',
  ),
  'identity.loadDemo': op(Empty, CatalogueIdentity, 'Premier lancement : ouvre le catalogue de démonstration (Nouvelle-Aquitaine 2020).'),
  'identity.leaveDemo': op(
    CatalogueSetup, z.object({ identity: CatalogueIdentity, demoCopy: z.string().nullable() }),
    'Quitte la démonstration pour un catalogue à soi (une copie de la démonstration est gardée).',
  ),
  'exchange.overview': op(Empty, ExchangeOverview, 'Mon catalogue, mes correspondants, l’historique des échanges, les conflits à régler.'),
  'exchange.export': op(BundleExportRequest, BundleWritten, 'Écrit un paquet d’échange (.synthese) : le catalogue entier ou une académie, un département.'),
  'exchange.preview': op(BundleSource, MergeReport, 'Ce que la fusion d’un paquet ajouterait, mettrait à jour, supprimerait, et ses conflits, sans rien écrire.'),
  'exchange.merge': op(BundleSource, MergeReport, 'Fusionne un paquet reçu, en une seule transaction.'),
  'exchange.conflicts': op(Empty, z.array(Conflict), 'Les conflits à régler : un même champ modifié des deux côtés.'),
  'exchange.resolve': op(
    z.object({ id: Id, keep: z.enum(['local', 'recu']) }), z.object({ remaining: z.number().int() }),
    'Règle un conflit : garder la valeur locale ou prendre la valeur reçue.',
  ),
  'exchange.setFolder': op(
    z.object({ folder: z.string().min(1).max(1_000).nullable() }), z.object({ folder: z.string().nullable() }),
    'Choisit le dossier partagé (Nextcloud, partage réseau) où publier et trouver les paquets.',
  ),
  'exchange.publish': op(Empty, BundleWritten, 'Publie le paquet de ce catalogue dans le dossier partagé, sous un nom stable.'),
  'exchange.inbox': op(Empty, z.array(InboxBundle), 'Les paquets présents dans le dossier partagé, nouveaux ou déjà fusionnés.'),
  'exchange.provenance': op(ProvenanceRequest, Provenance, 'D’où vient un enregistrement (« reçu de la DSDEN de la Vienne le 12 octobre 2020 »).'),
  'settings.get': op(Empty, Settings, 'Région, contact, consultation active et modèle de styles par défaut.'),
  'settings.update': op(SettingsUpdate, Settings, 'Modifie les paramètres.'),

  'stats.bilan': op(BilanScope, Bilan, 'Bilan des rencontres par académie, calculé depuis le catalogue.'),
  'stats.missing': op(
    BilanScope, Missing,
    'Ce qui manque dans un périmètre : bassins et départements sans rencontre, thématiques non couvertes, restitutions en retard.',
  ),
  'search.catalogue': op(
    CatalogueSearch, CatalogueSearchResult,
    'Recherche plein texte dans tout le catalogue : rencontres, retex, contributions et textes rédigés.',
  ),
  'synthesis.preflight': op(
    SynthesisTarget, PreflightReport,
    'Ce qui manque ou surprend avant d’écrire la synthèse, chaque point renvoyant à l’enregistrement à corriger.',
  ),
  'synthesis.preview': op(
    SynthesisTarget, z.object({ html: z.string(), title: z.string() }),
    'La synthèse en HTML, bloc par bloc comme le fichier Word : l’aperçu de l’écran Synthèse.',
  ),
  'synthesis.generate': op(
    GenerateRequest, z.object({ documents: z.array(GeneratedDocument) }),
    'Écrit la synthèse régionale (.docx) : le document entier et un fichier par thématique.',
  ),
  'kit2015.generate': op(
    z.object({
      campaignId: Id,
      outputDir: z.string().min(1).max(1_000),
      academieCode: AcademieCode.optional(),
      trameId: Id.optional(),
    }),
    z.object({
      archives: z.array(z.object({
        document: GeneratedDocument, academieCode: AcademieCode, academieName: z.string(), entries: z.array(z.string()),
      })),
      /** The checks of the meetings written (élus during the reserve period, categories over the total…). */
      findings: z.array(Finding),
    }),
    'Kit 2015 : pour chaque rencontre d’établissement, sa synthèse et ses fiches défi, dans un .zip par académie.',
  ),
  'kit2015.followUp': op(
    BilanScope, KitFollowUp,
    'Kit 2015 : la synthèse de chaque établissement, reçue, attendue ou en retard (quinze jours après la rencontre, avant le 10 mars).',
  ),
  'spreadsheets.attendanceTemplate': op(
    TemplateRequest, z.object({ path: z.string(), prefilledRows: z.number().int(), document: GeneratedDocument }),
    'Écrit le tableau à remplir (.xlsx) des rencontres d’une académie ou d’un département, avec listes déroulantes.',
  ),
  'spreadsheets.previewImport': op(
    ImportRequest, ImportReport,
    'Ce que l’import d’un tableau ajouterait, mettrait à jour ou refuserait, ligne par ligne, sans rien écrire.',
  ),
  'spreadsheets.importAttendance': op(
    ImportRequest, ImportReport,
    'Importe un tableau de rencontres en une seule transaction ; rien n’est écrit si une ligne est refusée, sauf acceptation.',
  ),
  'spreadsheets.exportBilan': op(
    WorkbookRequest, z.object({ path: z.string(), sheets: z.array(z.string()), document: GeneratedDocument }),
    'Écrit le bilan en classeur Excel : par académie, département, niveau et catégorie, et une feuille par type de fiche.',
  ),
  'documents.list': op(z.object({ campaignId: Id.optional() }), z.array(GeneratedDocument), 'Historique des documents produits.'),
  'documents.content': op(
    ById, z.object({ fileName: z.string(), contentBase64: z.string(), sha256: z.string() }),
    'Le contenu d’un document produit (pour l’enregistrer depuis le navigateur) ; refusé s’il a changé depuis.',
  ),
} as const;

export type Operations = typeof operations;
export type OperationName = keyof Operations;
/** What a caller sends (defaults still optional). */
export type OperationInput<N extends OperationName> = z.input<Operations[N]['input']>;
/** What a handler receives, after validation and defaults. */
export type ParsedInput<N extends OperationName> = z.output<Operations[N]['input']>;
export type OperationOutput<N extends OperationName> = z.output<Operations[N]['output']>;

export const OPERATION_NAMES = Object.keys(operations) as OperationName[];

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(operations, name);
}
