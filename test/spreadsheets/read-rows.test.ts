import type { Row } from 'exceljs';
import { describe, expect, it } from 'vitest';
import { CellProblems, guardWorksheet } from '../../src-main/spreadsheets/cell-guard.ts';
import { MalformedXml, saxesRows, sharedStringsOf, worksheetRows, type RowModel, type WorkbookParts } from '../../src-main/spreadsheets/read-rows.ts';

const parts: WorkbookParts = { styles: undefined, sharedStrings: ['un', 'deux'], date1904: () => false };

async function rowsOf(read: typeof worksheetRows, xml: string, chunk = 7): Promise<RowModel[]> {
  const text = (async function* () {
    for (let i = 0; i < xml.length; i += chunk) yield xml.slice(i, i + chunk);
  })();
  const rows: RowModel[] = [];
  for await (const batch of read(text, parts)) rows.push(...batch);
  return rows;
}

const sheet = (data: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${data}</sheetData></worksheet>`;

describe('worksheet rows', () => {
  it('gives a row’s cells by column, the last of a column given twice, as exceljs does', async () => {
    const xml = sheet(
      '<row r="2"><c r="C2"><v>3</v></c><c r="A2" t="s"><v>1</v></c><c r="C2"><v>4</v></c><c r="B2" t="str"><v>b</v></c></row>' +
        '<row r="3"><c r="A3"><v>1</v></c><c r="B3"><v>2</v></c><c r="B3" t="s"><v>0</v></c></row>',
    );
    for (const read of [worksheetRows, saxesRows]) {
      const rows = await rowsOf(read, xml);
      expect(rows.map((r) => [r.number, r.cells.map((c) => [c.column, c.value])])).toEqual([
        [2, [[1, 'deux'], [2, 'b'], [3, 4]]],
        [3, [[1, 1], [2, 'un']]],
      ]);
    }
  });
});

describe('worksheet rows beside exceljs', () => {
  /** `xml` as the only sheet of a workbook exceljs wrote, then read back by exceljs's own streaming reader. */
  async function exceljsRows(xml: string): Promise<[number, [number, unknown][]][]> {
    const ExcelJS = (await import('exceljs')).default;
    const JSZip = (await import('jszip')).default;
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Rencontres').addRow(['x']);
    const written = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
    // The workbook's parts first, the sheet last: exceljs's streaming reader needs them in that order.
    const zip = new JSZip();
    for (const [name, file] of Object.entries(written.files)) {
      if (name !== 'xl/worksheets/sheet1.xml' && !file.dir) zip.file(name, await file.async('nodebuffer'));
    }
    zip.file('xl/worksheets/sheet1.xml', xml);
    const bytes = await zip.generateAsync({ type: 'nodebuffer' });
    const { Readable } = await import('node:stream');
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), { worksheets: 'emit', sharedStrings: 'cache' });
    const rows: [number, [number, unknown][]][] = [];
    for await (const worksheet of reader) {
      for await (const row of worksheet as AsyncIterable<Row>) {
        const cells: [number, unknown][] = [];
        row.eachCell((cell, column) => cells.push([column, cell.value]));
        rows.push([row.number, cells]);
      }
    }
    return rows;
  }

  it('makes of whitespace, formulas, inline strings and empty cells what exceljs makes of them', async () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\n <sheetData>\n' +
      '  <row r="1">\n    <c r="A1" t="str">\n      <v>un</v>\n    </c>\n    <c r="B1">\n      <f>1+1</f>\n      <v>2</v>\n    </c>\n' +
      '    <c r="C1" t="inlineStr"><is> <t>texte</t> </is></c>\n    <c r="D1" s="0"/>\n    <c r="E1"><v>3.5</v></c>\n    <c r="F1">\n    </c>\n  </row>\n' +
      '  <row r="2" spans="1:3"/>\n' +
      '  <row r="3"><c r="A3" t="b"><v>1</v></c><c r="B3" t="e"><v>#N/A</v></c><c r="C3" t="str"><f>A1</f><v>un &amp; deux</v></c><c r="D3"></c></row>\n' +
      '  <row r="4"><c r="B4"><v>7</v></c>\n  </row>\n' +
      ' </sheetData>\n</worksheet>';
    const expected = await exceljsRows(xml);
    for (const chunk of [7, 64, 100_000]) {
      const rows = await rowsOf(worksheetRows, xml, chunk);
      const ours = rows
        .map((r) => [r.number, r.cells.filter((c) => c.value !== null && c.value !== undefined).map((c) => [c.column, c.value])] as const)
        .filter(([, cells]) => cells.length > 0);
      expect(ours, `morceaux de ${chunk} caractères`).toEqual(expected.filter(([, cells]) => cells.length > 0));
    }
    expect(expected.length).toBeGreaterThanOrEqual(3);
  });

  it('reads plain cells at once as exceljs reads them, and any other form tag by tag', async () => {
    // Cells the scanner takes whole (Scanner.plainCell) beside near forms it must leave to the tags.
    const xml = sheet(
      '<row r="1"><c r="A1" t="str"><v>un &amp; deux</v></c><c r="B1" s="0" t="str"><v>b</v></c><c t="n" r="C1"><v>2.5</v></c>' +
        '<c r="D1" t="inlineStr"><is><t xml:space="preserve">  espacé  </t></is></c><c r="E1" t="inlineStr"><is><t>a &gt; b</t></is></c>' +
        "<c r='F1'><v>6</v></c><c r=\"G1\"  t=\"str\"><v>deux espaces</v></c><c r=\"H1\" t=\"s\"/><c r=\"I1\"></c><c r=\"J1\"><v></v></c>" +
        '<c r="K1" t="str"><v>ligne\r\nsuivante</v></c><c r="L1" t="str"><v>7</v> </c><c r="M1" t="b"><v>0</v></c><c r="N1" t="str"><v>R&amp;amp;D caf&#233;</v></c></row>' +
        '<row r="2"><c r="A2" t="str"><v>x</v></c><c r="B2"><v>8</v></c><c r="$C$2" t="str"><v>dollar</v></c><c r="D2" s="00"><v>4</v></c>' +
        '<c r="E2" t="str" s="0"><v>ordre</v></c><c r="XFD2"><v>9</v></c></row>',
    );
    const expected = await exceljsRows(xml);
    expect(expected[0]![1].length).toBeGreaterThanOrEqual(10);
    for (const chunk of [7, 64, 100_000]) {
      const rows = await rowsOf(worksheetRows, xml, chunk);
      const ours = rows.map((r) => [r.number, r.cells.filter((c) => c.value !== null && c.value !== undefined).map((c) => [c.column, c.value])]);
      expect(ours, `morceaux de ${chunk} caractères`).toEqual(expected);
    }
  });

  it('judges plain cells read at once as the cell guard judges them', async () => {
    const xml = sheet(
      '<row r="1"><c r="A1" t="s"><is><t>texte</t></is></c><c r="B1" t="s"><v>texte</v></c><c r="C1"><v>abc</v></c><c r="D1"><v></v></c>' +
        '<c r="E1" t="s"><v>5</v></c><c r="F1" t="b"><v>2</v></c><c r="G1" t="n"><is><t>12</t></is></c><c r="H1" t="s"><v>1</v></c></row>',
    );
    const judged = async (read: (chunks: AsyncIterable<string>, problems: CellProblems) => Promise<void>) => {
      const problems = new CellProblems();
      await read((async function* () {
        yield xml;
      })(), problems);
      return { problems: [...(problems.inRow(1) ?? [])], blanks: [...(problems.blanksInRow(1) ?? [])] };
    };
    const shared = { count: 2, unreadable: new Map<number, string>() };
    const byGuard = await judged(async (chunks, problems) => {
      for await (const _ of guardWorksheet(chunks, 'Rencontres', shared, problems));
    });
    const byRows = await judged(async (chunks, problems) => {
      for await (const _ of worksheetRows(chunks, { ...parts, judge: { shared, problems, sheetName: 'Rencontres' } }));
    });
    expect(byGuard.problems.map(([column]) => column)).toEqual([2, 3, 5, 6]);
    expect(byGuard.blanks).toEqual([4]);
    expect(byRows).toEqual(byGuard);
  });

  it('refuses a plain cell given an attribute twice, as the tags read one by one refuse it', async () => {
    for (const cell of ['<c r="A1" r="B1"><v>1</v></c>', '<c r="A1" t="s" t="n"/>', '<c r="A1"><v>1<v></c>']) {
      await expect(rowsOf(worksheetRows, sheet(`<row r="1">${cell}</row>`), 100_000), cell).rejects.toThrow(MalformedXml);
      await expect(rowsOf(saxesRows, sheet(`<row r="1">${cell}</row>`), 100_000), cell).rejects.toThrow();
    }
  });
});

describe('shared strings beside exceljs', () => {
  it('keeps what exceljs keeps of plain texts, runs, phonetic runs, references and whitespace', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const { Readable } = await import('node:stream');
    const xml =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="7" uniqueCount="7">\n' +
      '  <si><t>Réseau ECLORE Belleville-d’Aval</t></si>\n' +
      '  <si>\n    <t xml:space="preserve"> espacé </t>\n  </si>\n' +
      '  <si><r><rPr><b/><sz val="11"/><rFont val="Calibri"/></rPr><t>gras</t></r><r><t xml:space="preserve"> et maigre</t></r></si>\n' +
      '  <si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh><phoneticPr fontId="1"/></si>\n' +
      '  <si><t>R &amp; D &lt;3 &#233;</t></si>\n' +
      '  <si><t/></si>\n' +
      '  <si></si>\n' +
      '</sst>';
    const chunked = (size: number) => (async function* () {
      for (let i = 0; i < xml.length; i += size) yield xml.slice(i, i + size);
    })();
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), { sharedStrings: 'cache' }) as unknown as {
      sharedStrings: unknown[]; _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncIterable<unknown>;
    };
    for await (const _ of reader._parseSharedStrings(Readable.from(chunked(1000))));
    // Fonts aside (the import reads text only), the same entries.
    const textOnly = (entry: unknown) =>
      entry !== null && typeof entry === 'object' ? { richText: (entry as { richText: { text: unknown }[] }).richText.map((r) => ({ text: r.text })) } : entry;
    const expected = reader.sharedStrings.map(textOnly);
    expect(expected).toHaveLength(7);
    for (const size of [5, 64, 100_000]) expect(await sharedStringsOf(chunked(size)), `morceaux de ${size}`).toEqual(expected);
    // A prolog beyond the declaration is left to exceljs.
    const withDoctype = (async function* () {
      yield '<?xml version="1.0"?><!DOCTYPE sst><sst><si><t>a</t></si></sst>';
    })();
    expect(await sharedStringsOf(withDoctype)).toBeNull();
  });
});
