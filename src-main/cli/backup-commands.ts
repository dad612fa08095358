/** `sauvegarder` and `restaurer`: the catalogue's rotating backups, from the command line. */
import { isAbsolute, join } from 'node:path';
import { backupCatalogue, listBackups } from '../catalogue/backup.ts';
import { backupsDirFor } from '../catalogue/paths.ts';
import { restoreBackup } from '../catalogue/restore.ts';
import { openCatalogue } from '../catalogue/database.ts';
import { AppError } from '../contract/errors.ts';
import { requireFile } from './commands.ts';

const out = (line: string) => process.stdout.write(`${line}\n`);
const defaultDir = backupsDirFor;

export async function backupCommand(dbPath: string, dir?: string): Promise<number> {
  requireFile(dbPath);
  const db = openCatalogue(dbPath, { create: false });
  try {
    const backup = await backupCatalogue(db, dir ?? defaultDir(dbPath), new Date());
    out(`Sauvegarde écrite : ${backup.path}`);
  } finally {
    db.close();
  }
  for (const b of listBackups(dir ?? defaultDir(dbPath))) out(`  ${b.fileName}  (${Math.round(b.bytes / 1024)} Ko)`);
  return 0;
}

export async function restoreCommand(dbPath: string, name: string | undefined, dir?: string): Promise<number> {
  const folder = dir ?? defaultDir(dbPath);
  const backups = listBackups(folder);
  if (!name) {
    if (backups.length === 0) throw new AppError('FILE', `Aucune sauvegarde dans « ${folder} ».`);
    out(`Sauvegardes disponibles (la plus récente d’abord) dans ${folder} :`);
    for (const b of backups) out(`  ${b.fileName}`);
    out('Relancez avec --sauvegarde NOM pour restaurer.');
    return 0;
  }
  const { saved, damagedCopy } = await restoreBackup(isAbsolute(name) ? name : join(folder, name), dbPath, folder, new Date());
  out(`Catalogue restauré depuis ${name}.`);
  if (saved) out(`L’état précédent a été gardé : ${saved.fileName} (pour annuler, restaurez-le).`);
  if (damagedCopy) out(`Le catalogue endommagé a été gardé de côté, tel quel : ${damagedCopy}`);
  return 0;
}
