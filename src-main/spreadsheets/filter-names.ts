/**
 * The hidden `_xlnm._FilterDatabase` name that Excel writes beside every sheet's filter. exceljs writes
 * the filter but not the name, and LibreOffice drops a filter that has no name: a Bilan opened and saved
 * again there lost its filters. Added here, once the workbook is written.
 */
import JSZip from 'jszip';

export async function withFilterNames(xlsx: Buffer, stamp: Date): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const workbookXml = await zip.file('xl/workbook.xml')?.async('string');
  const relsXml = await zip.file('xl/_rels/workbook.xml.rels')?.async('string');
  if (!workbookXml || !relsXml) return xlsx;
  const targets = new Map([...relsXml.matchAll(/<Relationship\b[^>]*\bId="([^"]+)"[^>]*\bTarget="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
  const names: string[] = [];
  const sheets = [...workbookXml.matchAll(/<sheet\b[^>]*\bname="([^"]*)"[^>]*\br:id="([^"]+)"/g)];
  for (const [index, [, name, relId]] of sheets.entries()) {
    const target = targets.get(relId!)?.replace(/^\/?(xl\/)?/, 'xl/');
    const sheetXml = target ? await zip.file(target)?.async('string') : undefined;
    const ref = sheetXml && /<autoFilter\b[^>]*\bref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/.exec(sheetXml);
    if (!ref) continue;
    const quoted = `'${name!.replace(/'/g, "''")}'`;
    names.push(`<definedName name="_xlnm._FilterDatabase" localSheetId="${index}" hidden="1">${quoted}!$${ref[1]}$${ref[2]}:$${ref[3]}$${ref[4]}</definedName>`);
  }
  if (names.length === 0) return xlsx;
  const patched = workbookXml.includes('<definedNames>')
    ? workbookXml.replace('<definedNames>', `<definedNames>${names.join('')}`)
    : workbookXml.replace('</sheets>', `</sheets><definedNames>${names.join('')}</definedNames>`);
  zip.file('xl/workbook.xml', patched);
  for (const file of Object.values(zip.files)) file.date = stamp;
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
