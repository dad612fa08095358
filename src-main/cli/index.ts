/**
 * `npm run synthese -- <command>`: the headless commands, over the same services as the desktop app.
 * Messages are in French: the users run this too.
 */
import { parseArgs } from 'node:util';
import { AppError } from '../contract/errors.ts';
import { errorLogPathFor } from '../transport/error-log.ts';
import { toAppError } from '../transport/to-app-error.ts';
import { demoCommand, generateCommand, kit2015Command, statsCommand, tramesCommand } from './commands.ts';
import { backupCommand, restoreCommand } from './backup-commands.ts';
import { bundleExportCommand, bundleMergeCommand, conflictsCommand, newCatalogueCommand, resolveCommand } from './exchange-commands.ts';
import { exportBilanCommand, importCommand, templateCommand } from './spreadsheet-commands.ts';
import { nationalDemoCommand } from './national-commands.ts';
import { importContributionsCommand, regroupCommand } from './contributions-commands.ts';

const USAGE = `Synthèse régionale — commandes

  demo     --db FICHIER --out DOSSIER
           crée le catalogue de démonstration (Nouvelle-Aquitaine 2020 et rencontres d'établissement 2015)
           et écrit la synthèse régionale
  demo-national --db FICHIER [--echelle N]
           crée le catalogue national du banc d'essai (18 régions académiques, 30 académies, 101 départements ;
           à l'échelle 1 : 3 000 rencontres, 5 000 retex, 30 000 contributions), le même pour la même échelle
  generate --db FICHIER --out DOSSIER [--thematique N] [--scope PÉRIMÈTRE] [--trame ID] [--style MODELE.docx]
           [--region CODE] [--campagne SLUG]
           écrit la synthèse (document entier et un fichier par thématique) après les vérifications
           PÉRIMÈTRE : region (par défaut), academie:CODE (ex. academie:BORDEAUX), departement:CODE (ex. departement:33),
           national (toute la France : bilan par région académique puis par académie)
  stats    --db FICHIER [--json] [--scope PÉRIMÈTRE] [--region CODE] [--campagne SLUG]
           affiche le bilan des rencontres
  kit2015  --db FICHIER --out DOSSIER [--academie CODE] [--campagne SLUG]
           synthèses et fiches défi des rencontres d'établissement 2015, un .zip par académie
  template-attendance --db FICHIER --out FICHIER.xlsx [--academie CODE | --departement CODE] [--campagne SLUG]
           tableau des rencontres à remplir (listes déroulantes, rencontres connues pré-remplies)
  import-attendance   --db FICHIER FICHIER.xlsx [--dry-run] [--accepter] [--campagne SLUG]
           importe un tableau de rencontres : --dry-run montre sans écrire ; --accepter importe les lignes
           valides même si d'autres sont refusées (sinon rien n'est écrit)
  import-contributions --db FICHIER FICHIER.xlsx [--dry-run] [--campagne SLUG]
           importe des contributions (colonnes Référence de la rencontre, Thématique, Nature, Texte) ;
           une ligne refusée et rien n'est écrit ; --dry-run montre sans écrire
  regrouper --db FICHIER --thematique N [--nature proposition] [--json] [--campagne SLUG]
           propose des groupes de contributions qui disent la même chose (une thématique, une nature)
  export-bilan        --db FICHIER --out FICHIER.xlsx [--scope PÉRIMÈTRE] [--campagne SLUG]
           le bilan en classeur Excel (formules de totaux, filtres) et une feuille par type de fiche
  sauvegarder --db FICHIER [--dossier DOSSIER]
           copie le catalogue dans DOSSIER (par défaut : sauvegardes/ à côté), les 10 dernières sont gardées
  trames   --db FICHIER [--campagne SLUG]
           liste les trames (numéro à donner à --trame, sections dans l'ordre) ; elles se modifient dans l'interface
  restaurer   --db FICHIER [--sauvegarde NOM] [--dossier DOSSIER]
           sans NOM : liste les sauvegardes ; avec : remet cette sauvegarde en place (l'état actuel est gardé)

Échanges entre postes (DSDEN, DANE, région académique)
  nouveau  --db FICHIER --region CODE [--academie CODE | --departement CODE] --nom "DSDEN de la Vienne"
           crée un catalogue vide pour une région académique, une académie ou un département
  bundle-export --db FICHIER --out FICHIER.synthese [--scope academie:CODE|departement:CODE]
           écrit un paquet signé : le catalogue entier (paramètres, trames, modèles compris) ou un périmètre
  bundle-merge  --db FICHIER PAQUET.synthese [--dry-run] [--json] [--accepter-nouvelle-cle]
           fusionne un paquet reçu (--dry-run : montre sans écrire) ; un champ modifié des deux côtés
           devient un conflit, la valeur locale est gardée
  conflits --db FICHIER [--json]
           les conflits à régler
  resoudre --db FICHIER --conflit ID --garder local|recu
           règle un conflit
`;

const OPTIONS = {
  db: { type: 'string' },
  out: { type: 'string' },
  thematique: { type: 'string' },
  scope: { type: 'string' },
  trame: { type: 'string' },
  style: { type: 'string' },
  region: { type: 'string' },
  academie: { type: 'string' },
  departement: { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
  dossier: { type: 'string' },
  sauvegarde: { type: 'string' },
  accepter: { type: 'boolean', default: false },
  campagne: { type: 'string' },
  json: { type: 'boolean', default: false },
  nom: { type: 'string' },
  conflit: { type: 'string' },
  garder: { type: 'string' },
  'accepter-nouvelle-cle': { type: 'boolean', default: false },
  echelle: { type: 'string' },
  nature: { type: 'string' },
} as const;

function options(args: string[]) {
  try {
    const { values, positionals } = parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: true });
    return { ...values, files: positionals };
  } catch (error) {
    const detail = (error as Error).message.replace(/^Unknown option '([^']+)'.*$/s, 'option inconnue « $1 »');
    throw new AppError('INVALID_INPUT', `Ligne de commande incorrecte : ${detail}.\n\n${USAGE}`);
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(USAGE);
    return 0;
  }
  const values = options(rest);
  const need = (name: 'db' | 'out') => {
    const value = values[name];
    if (!value) throw new AppError('INVALID_INPUT', `Option --${name} manquante.\n\n${USAGE}`);
    return value;
  };
  const common = { region: values.region, campagne: values.campagne, scope: values.scope };
  switch (command) {
    case 'demo':
      return demoCommand(need('db'), need('out'));
    case 'demo-national':
      return nationalDemoCommand(need('db'), values.echelle);
    case 'generate':
      return generateCommand(need('db'), need('out'), {
        ...common,
        thematique: values.thematique === undefined ? undefined : positive(values.thematique, '--thematique'),
        trame: values.trame === undefined ? undefined : positive(values.trame, '--trame'),
        style: values.style,
      });
    case 'trames':
      return tramesCommand(need('db'), { campagne: values.campagne });
    case 'stats':
      return statsCommand(need('db'), { ...common, json: values.json ?? false });
    case 'kit2015':
      return kit2015Command(need('db'), need('out'), { campagne: values.campagne, academie: values.academie });
    case 'template-attendance':
      return templateCommand(need('db'), need('out'), { campagne: values.campagne, academie: values.academie, departement: values.departement });
    case 'import-attendance': {
      const [file, ...extra] = values.files;
      if (!file || extra.length > 0) throw new AppError('INVALID_INPUT', `Indiquez un seul fichier .xlsx à importer.\n\n${USAGE}`);
      return importCommand(need('db'), file, { campagne: values.campagne, dryRun: values['dry-run'] ?? false, accept: values.accepter ?? false });
    }
    case 'import-contributions': {
      const [file, ...extra] = values.files;
      if (!file || extra.length > 0) throw new AppError('INVALID_INPUT', `Indiquez un seul fichier .xlsx à importer.\n\n${USAGE}`);
      return importContributionsCommand(need('db'), file, { campagne: values.campagne, dryRun: values['dry-run'] ?? false });
    }
    case 'regrouper':
      if (values.thematique === undefined) throw new AppError('INVALID_INPUT', `Option --thematique manquante (son numéro).\n\n${USAGE}`);
      return regroupCommand(need('db'), { thematique: positive(values.thematique, '--thematique'), nature: values.nature, campagne: values.campagne, json: values.json ?? false });
    case 'sauvegarder':
      return backupCommand(need('db'), values.dossier);
    case 'restaurer':
      return restoreCommand(need('db'), values.sauvegarde, values.dossier);
    case 'export-bilan':
      return exportBilanCommand(need('db'), need('out'), { campagne: values.campagne, scope: values.scope });
    case 'nouveau':
      return newCatalogueCommand(need('db'), { region: values.region, academie: values.academie, departement: values.departement, nom: values.nom });
    case 'bundle-export':
      return bundleExportCommand(need('db'), need('out'), values.scope);
    case 'bundle-merge': {
      const [file, ...extra] = values.files;
      if (!file || extra.length > 0) throw new AppError('INVALID_INPUT', `Indiquez un seul paquet .synthese à fusionner.\n\n${USAGE}`);
      return bundleMergeCommand(need('db'), file, { dryRun: values['dry-run'] ?? false, json: values.json ?? false, acceptNewKey: values['accepter-nouvelle-cle'] ?? false });
    }
    case 'conflits':
      return conflictsCommand(need('db'), values.json ?? false);
    case 'resoudre':
      if (!values.conflit) throw new AppError('INVALID_INPUT', 'Option --conflit manquante (le numéro affiché par « conflits »).');
      return resolveCommand(need('db'), positive(values.conflit, '--conflit'), values.garder);
    default:
      throw new AppError('INVALID_INPUT', `Commande inconnue : « ${command} ».\n\n${USAGE}`);
  }
}

function positive(value: string, option: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new AppError('INVALID_INPUT', `${option} attend un numéro (1, 2…), pas « ${value} ».`);
  return n;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    // As every transport: French, summarised; what the user cannot act on goes to the catalogue's journal.
    const dbArg = process.argv.slice(2).find((_, i, all) => all[i - 1] === '--db');
    const shown = toAppError(error, { logPath: errorLogPathFor(dbArg), operation: process.argv[2] }).toPayload();
    process.stderr.write(`Erreur : ${shown.message}\n`);
    for (const i of shown.issues ?? []) process.stderr.write(`  - ${i.path ? `${i.path} : ` : ''}${i.message}\n`);
    process.exit(error instanceof AppError ? 2 : 1);
  },
);
