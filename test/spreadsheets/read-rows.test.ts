import { describe, expect, it } from 'vitest';
import { saxesRows, worksheetRows, type RowModel, type WorkbookParts } from '../../src-main/spreadsheets/read-rows.ts';

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
