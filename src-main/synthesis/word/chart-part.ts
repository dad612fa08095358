/**
 * The Bilan's chart as Word's own chart (DrawingML), editable in Word with its data in an embedded
 * workbook: participants on the left scale, meetings on the right, every bar labelled, every text at
 * 8 pt or more in the document's body font. Bars of both scales sit side by side through the usual
 * placeholder series (empty, and left out of the legend), since each scale's group places its bars alone.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { BilanChartData, ChartSeries } from '../chart-data.ts';
import { writeZip } from '../zip-writer.ts';
import { escapeXml } from './xml-text.ts';

const SHEET = 'Feuil1';
/** The embedded workbook's date: fixed, so that the document's bytes depend on its figures alone. */
const WORKBOOK_DATE = new Date('2000-01-01T00:00:00Z');
const AXES = { category: 501, left: 502, hiddenCategory: 503, right: 504 } as const;

/** Column letters of the workbook: A names the row, B… one per series. */
const column = (index: number) => String.fromCharCode(66 + index);

export function chartXml(data: BilanChartData, font: string): string {
  const n = data.rows.length;
  const text = (size: number, bold = false) =>
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"><a:solidFill><a:srgbClr val="161616"/></a:solidFill><a:latin typeface="${escapeXml(font)}"/><a:cs typeface="${escapeXml(font)}"/></a:defRPr></a:pPr><a:endParaRPr lang="fr-FR"/></a:p></c:txPr>`;
  const run = (value: string, size: number, bold: boolean) =>
    `<a:r><a:rPr lang="fr-FR" sz="${size}" b="${bold ? 1 : 0}"><a:latin typeface="${escapeXml(font)}"/></a:rPr><a:t>${escapeXml(value)}</a:t></a:r>`;
  const title = (lines: { value: string; size: number; bold: boolean }[]) =>
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/>${lines.map((l) => `<a:p><a:pPr><a:defRPr sz="${l.size}" b="${l.bold ? 1 : 0}"/></a:pPr>${run(l.value, l.size, l.bold)}</a:p>`).join('')}</c:rich></c:tx><c:overlay val="0"/></c:title>`;
  const categories = `<c:cat><c:strRef><c:f>${SHEET}!$A$2:$A$${n + 1}</c:f><c:strCache><c:ptCount val="${n}"/>${data.rows.map((r, i) => `<c:pt idx="${i}"><c:v>${escapeXml(r.name)}</c:v></c:pt>`).join('')}</c:strCache></c:strRef></c:cat>`;
  const labels = `<c:dLbls><c:numFmt formatCode="#,##0" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>${text(800)}<c:dLblPos val="outEnd"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>`;
  const series = (s: ChartSeries, index: number, idx: number) =>
    `<c:ser><c:idx val="${idx}"/><c:order val="${idx}"/><c:tx><c:strRef><c:f>${SHEET}!$${column(index)}$1</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${escapeXml(s.name)}</c:v></c:pt></c:strCache></c:strRef></c:tx>` +
    `<c:spPr><a:solidFill><a:srgbClr val="${s.color}"/></a:solidFill><a:ln w="6350"><a:solidFill><a:srgbClr val="${s.color === '000091' ? '000091' : '6A6AF4'}"/></a:solidFill></a:ln></c:spPr><c:invertIfNegative val="0"/>${labels}${categories}` +
    `<c:val><c:numRef><c:f>${SHEET}!$${column(index)}$2:$${column(index)}$${n + 1}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${n}"/>${s.values.map((v, i) => `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`).join('')}</c:numCache></c:numRef></c:val></c:ser>`;
  const placeholder = (idx: number) =>
    `<c:ser><c:idx val="${idx}"/><c:order val="${idx}"/><c:spPr><a:noFill/></c:spPr><c:invertIfNegative val="0"/><c:val><c:numLit><c:formatCode>General</c:formatCode><c:ptCount val="${n}"/></c:numLit></c:val></c:ser>`;
  // Slots: every series has its place in both groups; each group fills its own and leaves the others empty.
  const slots = data.series.length;
  const group = (axis: 'left' | 'right', base: number) =>
    data.series.map((s, i) => (s.axis === axis ? series(s, i, base + i) : placeholder(base + i))).join('');
  const barChart = (axis: 'left' | 'right', base: number, axIds: [number, number]) =>
    `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${group(axis, base)}<c:gapWidth val="70"/><c:overlap val="0"/><c:axId val="${axIds[0]}"/><c:axId val="${axIds[1]}"/></c:barChart>`;
  const valueAxis = (id: number, cross: number, position: 'l' | 'r', name: string, gridlines: boolean) =>
    `<c:valAx><c:axId val="${id}"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="${position}"/>` +
    `${gridlines ? '<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="E5E5E5"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>' : ''}` +
    `${title([{ value: name, size: 900, bold: true }])}<c:numFmt formatCode="#,##0" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${text(900)}` +
    `<c:crossAx val="${cross}"/><c:crosses val="${position === 'l' ? 'autoZero' : 'max'}"/><c:crossBetween val="between"/></c:valAx>`;
  const categoryAxis = (id: number, cross: number, hidden: boolean) =>
    `<c:catAx><c:axId val="${id}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="${hidden ? 1 : 0}"/><c:axPos val="b"/>` +
    `${hidden ? '' : title([{ value: data.categoryTitle, size: 900, bold: false }])}<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${hidden ? '' : text(900)}` +
    `<c:crossAx val="${cross}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  // Only the real series in the legend (the placeholders' entries are deleted).
  const hiddenEntries = [...Array(2 * slots).keys()]
    .filter((idx) => (idx < slots ? data.series[idx]!.axis !== 'left' : data.series[idx - slots]!.axis !== 'right'))
    .map((idx) => `<c:legendEntry><c:idx val="${idx}"/><c:delete val="1"/></c:legendEntry>`)
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<c:date1904 val="0"/><c:lang val="fr-FR"/><c:roundedCorners val="0"/><c:chart>' +
    title([{ value: data.title, size: 1200, bold: true }, ...(data.scopeLabel ? [{ value: data.scopeLabel, size: 1000, bold: false }] : [])]) +
    '<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>' +
    barChart('left', 0, [AXES.category, AXES.left]) + barChart('right', slots, [AXES.hiddenCategory, AXES.right]) +
    categoryAxis(AXES.category, AXES.left, false) + valueAxis(AXES.left, AXES.category, 'l', 'Participants', true) +
    categoryAxis(AXES.hiddenCategory, AXES.right, true) + valueAxis(AXES.right, AXES.hiddenCategory, 'r', 'Nombre de rencontres', false) +
    `</c:plotArea><c:legend><c:legendPos val="t"/>${hiddenEntries}<c:overlay val="0"/>${text(900)}</c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `${text(900)}<c:externalData r:id="rId1"><c:autoUpdate val="0"/></c:externalData></c:chartSpace>`
  );
}

/** The chart part's link to its workbook (word/embeddings/donnees-graphiqueN.xlsx). */
export const chartRelationships = (number: number) =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/package" Target="../embeddings/donnees-graphique${number}.xlsx"/></Relationships>`;

/** The chart's data as the workbook Word opens from « Modifier les données », in reproducible bytes. */
export async function chartWorkbook(data: BilanChartData): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Synthèse régionale';
  workbook.created = WORKBOOK_DATE;
  workbook.modified = WORKBOOK_DATE;
  const sheet = workbook.addWorksheet(SHEET);
  sheet.addRow([data.categoryTitle, ...data.series.map((s) => s.name)]).font = { bold: true };
  for (const [i, row] of data.rows.entries()) sheet.addRow([row.name, ...data.series.map((s) => s.values[i]!)]);
  sheet.getColumn(1).width = Math.min(60, Math.max(14, ...data.rows.map((r) => r.name.length + 2)));
  for (let c = 2; c <= data.series.length + 1; c++) sheet.getColumn(c).width = 22;
  const written = Buffer.from(await workbook.xlsx.writeBuffer());
  // exceljs stamps its zip entries with the wall clock: the parts are written again, dated once.
  const zip = await JSZip.loadAsync(written);
  const entries = await Promise.all(
    Object.values(zip.files).filter((f) => !f.dir).sort((a, b) => (a.name < b.name ? -1 : 1)).map(async (f) => ({ name: f.name, data: await f.async('uint8array') })),
  );
  return writeZip(entries, WORKBOOK_DATE);
}
