/** A template that is not a zip: say what it is (an old .doc, a renamed file…) rather than "damaged". */
import { AppError } from '../contract/errors.ts';

export function startsWith(bytes: Buffer, prefix: Buffer): boolean {
  return bytes.length >= prefix.length && bytes.subarray(0, prefix.length).equals(prefix);
}

export function notAZip(bytes: Buffer): string {
  const head = bytes.subarray(0, 16).toString('latin1');
  if (head.startsWith('%PDF')) return 'c’est un fichier PDF.';
  if (head.startsWith('{\\rtf')) return 'c’est un fichier RTF (texte enrichi), pas un .docx.';
  if (/^\s*<(\?xml|!doctype html|html)/i.test(head)) return 'c’est un fichier texte (XML ou page web), pas un .docx.';
  return 'son contenu n’est pas celui d’un fichier .docx (ce n’est pas une archive Office Open XML).';
}

/** A zip ends with its central directory's end record ("PK\x05\x06"), within the last 64 KiB + 22 bytes. */
export function hasEndOfCentralDirectory(bytes: Buffer): boolean {
  const from = Math.max(0, bytes.length - (0xffff + 22));
  return bytes.lastIndexOf(Buffer.from('PK\x05\x06', 'latin1')) >= from && bytes.length >= 22;
}

export function oleRefusal(bytes: Buffer, quoted: string): AppError {
  const names = compoundFileNames(bytes);
  if (names.has('EncryptedPackage') || names.has('EncryptionInfo')) {
    return new AppError(
      'FILE',
      `${quoted} est protégé par un mot de passe : Word l’a chiffré dans un conteneur OLE, que l’application ne peut pas lire. ` +
        'Ouvrez-le dans Word, retirez le mot de passe (Fichier > Informations > Protéger le document > Chiffrer avec mot de passe, ' +
        'effacez-le), enregistrez, puis choisissez-le de nouveau.',
    );
  }
  const what = names.has('WordDocument') ? 'au format Word 97-2003 (.doc)' : 'au format binaire ancien d’Office (conteneur OLE, comme les .doc de Word 97-2003)';
  return new AppError(
    'FILE',
    `${quoted} est ${what}, que l’application ne lit pas : il lui faut un document Word (.docx). ` +
      'Ouvrez-le dans Word (ou LibreOffice), enregistrez-le sous « Document Word (*.docx) », puis choisissez ce nouveau fichier.',
  );
}

/**
 * The names of the storages and streams of an OLE compound file (MS-CFB): "WordDocument" for a
 * .doc, "EncryptionInfo" and "EncryptedPackage" for an encrypted .docx. Empty if unreadable.
 */
export function compoundFileNames(bytes: Buffer): Set<string> {
  const names = new Set<string>();
  if (bytes.length < 512) return names;
  const shift = bytes.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) return names;
  const size = 1 << shift;
  const sectorCount = Math.floor((bytes.length - 512) / size) + 1;
  const sector = (n: number) => (n + 1) * size;
  // The FAT, from the header's DIFAT (its first 109 sectors: enough for the directory's chain in practice).
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const n = bytes.readUInt32LE(0x4c + 4 * i);
    if (n < sectorCount) fatSectors.push(n);
  }
  const next = (n: number): number => {
    const perSector = size / 4;
    const fatSector = fatSectors[Math.floor(n / perSector)];
    if (fatSector === undefined || sector(fatSector) + size > bytes.length) return 0xfffffffe;
    return bytes.readUInt32LE(sector(fatSector) + 4 * (n % perSector));
  };
  let current = bytes.readUInt32LE(0x30);
  for (let guard = 0; current < sectorCount && guard < sectorCount; guard++) {
    const start = sector(current);
    if (start + size > bytes.length) break;
    for (let entry = start; entry + 128 <= start + size; entry += 128) {
      const nameLength = bytes.readUInt16LE(entry + 0x40);
      const type = bytes[entry + 0x42];
      if ((type === 1 || type === 2) && nameLength >= 2 && nameLength <= 64) {
        names.add(bytes.subarray(entry, entry + nameLength - 2).toString('utf16le'));
      }
    }
    current = next(current);
  }
  if (names.size === 0) {
    // Unreadable directory: look for the names themselves.
    for (const wanted of ['EncryptedPackage', 'EncryptionInfo', 'WordDocument']) {
      if (bytes.includes(Buffer.from(wanted, 'utf16le'))) names.add(wanted);
    }
  }
  return names;
}

