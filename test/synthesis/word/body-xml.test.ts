import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { frenchSpacing } from '../../../src-main/text/french.ts';
import { paragraph, text } from '../../../src-main/synthesis/model.ts';
import { bodyXml, PartRelations, ListNumbering } from '../../../src-main/synthesis/word/body-xml.ts';
import { ChartDrawings } from '../../../src-main/synthesis/word/chart-drawing.ts';

const contextOf = (links: PartRelations) => ({ links, numbering: new ListNumbering(), charts: new ChartDrawings(links, 'Arial') });

const NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** The texts of the `w:t` elements, in order, as an XML reader sees them (throws on malformed XML). */
function texts(xml: string): string[] {
  const parser = new SaxesParser({ xmlns: false });
  const found: string[] = [];
  let inText = false;
  parser.on('opentag', (tag) => (inText = tag.name === 'w:t'));
  parser.on('closetag', () => (inText = false));
  parser.on('text', (t) => inText && found.push(t));
  parser.write(`<w:body ${NS}>${xml}</w:body>`).close();
  return found;
}

describe('the body written for Word', () => {
  it('writes typed text as a reader will read it: escaped, cleaned of what XML refuses, in French spacing', () => {
    const links = new PartRelations();
    const xml = bodyXml('Synthèse & bilan <2020>', '', [
      paragraph([text('Des « ateliers » : 3 < 5 & "oui"\uFFFE\u0007', { bold: true })]),
      { kind: 'list', items: [[text('un')], [text('deux')]] },
      { kind: 'table', caption: 'Participants', header: ['Catégorie', 'Nombre'], rows: [['Élèves', '12']], total: ['Total', '12'] },
    ], contextOf(links));
    expect(texts(xml)).toEqual([
      'Synthèse & bilan <2020>',
      frenchSpacing('Des « ateliers » : 3 < 5 & "oui"'),
      'un', 'deux', 'Participants', 'Catégorie', 'Nombre', 'Élèves', '12', 'Total', '12',
    ]);
    expect(texts(xml)[1]).not.toMatch(/ [»:]/); // the spaces before « » » and « : » do not break
    // Bullets use the numbering `docx` always writes (numId 1); the bold run is bold.
    expect(xml.match(/<w:numId w:val="1"\/>/g)).toHaveLength(2);
    expect(xml).toContain('<w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">Des');
  });

  it('gives each address one relationship, escaped, and a chart its picture, its SVG and its chart part', () => {
    const links = new PartRelations();
    const url = 'https://eduscol.education.fr/?a=1&b=2';
    const xml = bodyXml('T', 'S', [
      paragraph([{ kind: 'link', text: 'Éduscol', url }]),
      { kind: 'image', caption: 'Graphique', svg: '<svg/>', widthPx: 10, heightPx: 10 },
      paragraph([{ kind: 'link', text: 'encore', url }, { kind: 'link', text: 'autre', url: 'https://a.fr' }]),
    ], contextOf(links));
    expect(xml.match(/r:id="rIdLink1"/g)).toHaveLength(2);
    expect(xml).toContain('r:embed="rIdLink2"');
    expect(xml).toContain('r:embed="rIdLink3"');
    expect(xml).toContain('r:id="rIdLink4"');
    expect(links.xml()).toBe(
      '<Relationship Id="rIdLink1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://eduscol.education.fr/?a=1&amp;b=2" TargetMode="External"/>' +
        '<Relationship Id="rIdLink2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/graphique1.png"/>' +
        '<Relationship Id="rIdLink3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/graphique1.svg"/>' +
        '<Relationship Id="rIdLink4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://a.fr" TargetMode="External"/>',
    );
    expect(texts(xml)).toEqual(['T', 'S', 'Éduscol', 'Graphique', 'encore', 'autre']);
  });
});
