/**
 * `npm run synthese -- <command>`: the headless commands, over the same services as the desktop app.
 * Messages are in French: the users run this too.
 */
import { parseArgs } from 'node:util';
import { AppError } from '../contract/errors.ts';
import { demoCommand, generateCommand, statsCommand } from './commands.ts';

const USAGE = `Synthèse régionale — commandes

  demo     --db FICHIER --out DOSSIER
           crée le catalogue de démonstration (Nouvelle-Aquitaine 2020) et écrit la synthèse régionale
  generate --db FICHIER --out DOSSIER [--thematique N] [--region CODE] [--campagne SLUG]
           écrit Synthese_<Région>.docx et un fichier par thématique
  stats    --db FICHIER [--json] [--region CODE] [--campagne SLUG]
           affiche le bilan des rencontres par académie
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      db: { type: 'string' },
      out: { type: 'string' },
      thematique: { type: 'string' },
      region: { type: 'string' },
      campagne: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const need = (name: 'db' | 'out') => {
    const value = values[name];
    if (!value) throw new AppError('INVALID_INPUT', `Option --${name} manquante.\n\n${USAGE}`);
    return value;
  };
  switch (command) {
    case 'demo':
      return demoCommand(need('db'), need('out'));
    case 'generate':
      return generateCommand(need('db'), need('out'), {
        thematique: values.thematique === undefined ? undefined : parseThematique(values.thematique),
        region: values.region,
        campagne: values.campagne,
      });
    case 'stats':
      return statsCommand(need('db'), { json: values.json ?? false, region: values.region, campagne: values.campagne });
    case undefined:
    case 'help':
    case '--help':
      process.stdout.write(USAGE);
      return 0;
    default:
      throw new AppError('INVALID_INPUT', `Commande inconnue : « ${command} ».\n\n${USAGE}`);
  }
}

function parseThematique(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new AppError('INVALID_INPUT', `--thematique attend un numéro (1, 2…), pas « ${value} ».`);
  return n;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`Erreur : ${message}\n`);
    if (error instanceof AppError) for (const i of error.issues) process.stderr.write(`  - ${i.path} : ${i.message}\n`);
    process.exit(error instanceof AppError ? 2 : 1);
  },
);
