"""A Word document as python-docx reads it, in body order, as JSON: each paragraph with its style, its
text (hyperlinks' words included) and its links' targets; each table with its rows of cell texts.
Usage: docx-outline.py FILE.docx"""
import json
import sys

import docx
from docx.oxml.ns import qn

R_ID = '{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id'


def text_of(element) -> str:
    return ''.join(t.text or '' for t in element.iter(qn('w:t')))


def main() -> None:
    document = docx.Document(sys.argv[1])
    rels = document.part.rels
    items = []
    for child in document.element.body.iterchildren():
        if child.tag == qn('w:p'):
            style = child.find(qn('w:pPr') + '/' + qn('w:pStyle'))
            links = [rels[h.get(R_ID)].target_ref for h in child.iter(qn('w:hyperlink')) if h.get(R_ID)]
            numbered = child.find(qn('w:pPr') + '/' + qn('w:numPr')) is not None
            items.append({'kind': 'p', 'style': style.get(qn('w:val')) if style is not None else 'Normal',
                          'text': text_of(child), 'links': links, 'listItem': numbered})
        elif child.tag == qn('w:tbl'):
            rows = [[text_of(cell) for cell in row.iter(qn('w:tc'))] for row in child.iter(qn('w:tr'))]
            items.append({'kind': 'table', 'rows': rows})
    json.dump(items, sys.stdout, ensure_ascii=False)


main()
