import { describe, expect, it } from 'vitest';
import { htmlBlocks } from '../../src-main/restitutions/html-blocks.ts';
import { pdfBlocks } from '../../src-main/restitutions/pdf-blocks.ts';
import { toPassages } from '../../src-main/restitutions/passages.ts';

describe('htmlBlocks (mammoth’s HTML)', () => {
  it('makes each paragraph, heading, list item and table cell a block; footnote back-links and images dropped', () => {
    const html =
      '<h1>Défi 2 : <strong>l’orientation</strong></h1><p>Les familles &amp; les élèves<br />ont parlé.</p>' +
      '<ul><li>Former les équipes</li><li>Équiper<ul><li>les collèges</li></ul></li></ul>' +
      '<table><tr><td><p>Poitiers</p></td><td><p>12 &lt; 15</p></td></tr></table>' +
      '<p>Voir la note<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup>.<img src="" /></p>' +
      '<ol><li id="footnote-1"><p>Une note. <a href="#footnote-ref-1">↑</a></p></li></ol>';
    expect(toPassages(htmlBlocks(html)).map((p) => [p.text, p.heading])).toEqual([
      ['Défi 2 : l’orientation', true],
      ['Les familles & les élèves ont parlé.', false],
      ['Former les équipes', false],
      ['Équiper', false],
      ['les collèges', false],
      ['Poitiers', false],
      ['12 < 15', false],
      ['Voir la note[1].', false],
      ['Une note.', false],
    ]);
  });
});

describe('pdfBlocks (pdftotext -bbox-layout)', () => {
  const line = (height: number, words: string[]) =>
    `<line xMin="72" yMin="100" xMax="300" yMax="${100 + height}">${words.map((w) => `<word xMin="1" yMin="1" xMax="2" yMax="2">${w}</word>`).join('')}</line>`;
  const block = (...lines: string[]) => `<block xMin="72" yMin="100" xMax="300" yMax="200">${lines.join('')}</block>`;

  it('makes each block a passage, its lines joined; a short block in a larger font is a heading', () => {
    const xhtml = `<doc><page><flow>${block(line(20.8, ['Défi', '1']))}${block(line(13, ['Les', 'élèves', '«', 'éloignés', '»']), line(13, ['ont', 'parlé', '&amp;', 'écrit.']))}` +
      `${block(line(13.2, ['Court.']))}${block(line(20.8, ['Un']), line(20.8, ['long']), line(20.8, ['titre']), line(20.8, ['encadré']))}</flow></page></doc>`;
    expect(toPassages(pdfBlocks(xhtml)).map((p) => [p.text, p.heading])).toEqual([
      ['Défi 1', true],
      ['Les élèves « éloignés » ont parlé & écrit.', false],
      ['Court.', false],
      ['Un long titre encadré', false], // four lines: a framed paragraph, not a heading
    ]);
  });
});
