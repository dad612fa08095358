"""Builds a rectorat's Word style template (.docx) the way a DANE would make one, for the tests.

Usage: python3 make-word-template.py OUT.docx [--english-ids] [--body-font NAME] [--heading-font NAME]
                                     [--theme-minor-font NAME]

- Normal: "Liberation Serif" 11 pt; Heading 1: "Liberation Sans" bold, colour 000091 (Bleu France);
  Title: "Liberation Sans" 20 pt, 000091. The fonts are chosen as Word does when a user picks one
  in the style dialog: explicit names, the theme references removed.
- A header holding a small PNG logo (made here with zlib/struct, no PIL), a footer with a line of text.
- By default the style ids are those French Word writes ("Titre1", "Titre", "Paragraphedeliste"...),
  names staying the built-in English ones ("heading 1"); --english-ids keeps Word's English ids.
- --body-font / --heading-font change the two fonts; --body-font theme leaves Normal on the theme's
  body font (as Word's own default template does), and --theme-minor-font sets that theme font.
"""
import argparse
import re
import struct
import tempfile
import zipfile
import zlib
import os

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor


def png(width: int, height: int) -> bytes:
    """A small RGB PNG: blue, white and red vertical bands (a stand-in for the Marianne block)."""
    rows = bytearray()
    for _y in range(height):
        rows.append(0)  # filter: none
        for x in range(width):
            third = x * 3 // width
            rows.extend((0, 0, 145) if third == 0 else (255, 255, 255) if third == 1 else (225, 0, 15))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack('>IIBBBBB', width, height, 8, 2, 0, 0, 0)
    return b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', header) + chunk(b'IDAT', zlib.compress(bytes(rows), 9)) + chunk(b'IEND', b'')


def set_font(style, name: str) -> None:
    """Like Word's style dialog: explicit font names, no theme reference left to override them."""
    style.font.name = name
    rfonts = style.element.rPr.rFonts
    for attr in ('w:asciiTheme', 'w:hAnsiTheme', 'w:eastAsiaTheme', 'w:cstheme'):
        if rfonts.get(qn(attr)) is not None:
            del rfonts.attrib[qn(attr)]
    rfonts.set(qn('w:cs'), name)


# French Word's ids for the built-in styles the generated documents use.
FRENCH_IDS = {
    'Heading1': 'Titre1', 'Heading2': 'Titre2', 'Heading3': 'Titre3', 'Title': 'Titre', 'Subtitle': 'Sous-titre',
    'Heading1Char': 'Titre1Car', 'Heading2Char': 'Titre2Car', 'Heading3Char': 'Titre3Car', 'TitleChar': 'TitreCar',
    'SubtitleChar': 'Sous-titreCar', 'Header': 'En-tte', 'HeaderChar': 'En-tteCar', 'Footer': 'Pieddepage',
    'FooterChar': 'PieddepageCar', 'ListParagraph': 'Paragraphedeliste', 'Hyperlink': 'Lienhypertexte',
}
ID_REFERENCE = re.compile(r'(<w:(?:style\b[^>]*?\bw:styleId|basedOn w:val|next w:val|link w:val|pStyle w:val|rStyle w:val)=")([^"]+)(")')


def frenchify(path: str) -> None:
    with zipfile.ZipFile(path) as source:
        entries = [(info, source.read(info.filename)) for info in source.infolist()]
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as target:
        for info, data in entries:
            if info.filename.endswith('.xml'):
                text = data.decode('utf-8')
                text = ID_REFERENCE.sub(lambda m: m.group(1) + FRENCH_IDS.get(m.group(2), m.group(2)) + m.group(3), text)
                data = text.encode('utf-8')
            target.writestr(info.filename, data)


def set_theme_minor_font(path: str, name: str) -> None:
    with zipfile.ZipFile(path) as source:
        entries = [(info, source.read(info.filename)) for info in source.infolist()]
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as target:
        for info, data in entries:
            if info.filename == 'word/theme/theme1.xml':
                text = data.decode('utf-8')
                text = re.sub(r'(<a:minorFont>\s*<a:latin typeface=")[^"]*(")', lambda m: m.group(1) + name + m.group(2), text)
                data = text.encode('utf-8')
            target.writestr(info.filename, data)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument('out')
    parser.add_argument('--english-ids', action='store_true')
    parser.add_argument('--body-font', default='Liberation Serif')
    parser.add_argument('--heading-font', default='Liberation Sans')
    parser.add_argument('--theme-minor-font')
    parser.add_argument('--language', default='fr-FR')
    args = parser.parse_args()
    out = args.out
    english = args.english_ids
    document = Document()
    styles = document.styles

    normal = styles['Normal']
    if args.body_font != 'theme':
        set_font(normal, args.body_font)
    normal.font.size = Pt(11)

    heading = styles['Heading 1']
    set_font(heading, args.heading_font)
    heading.font.bold = True
    heading.font.size = Pt(16)
    heading.font.color.rgb = RGBColor(0x00, 0x00, 0x91)

    title = styles['Title']
    set_font(title, args.heading_font)
    title.font.size = Pt(20)
    title.font.color.rgb = RGBColor(0x00, 0x00, 0x91)

    # The documents of a French rectorat: French spelling and hyphenation by default.
    defaults = styles.element.find(qn('w:docDefaults'))
    lang = defaults.find(qn('w:rPrDefault')).find(qn('w:rPr')).find(qn('w:lang'))
    lang.set(qn('w:val'), args.language)
    if args.language != 'fr-FR':
        # A template made abroad names its language in its styles too, not only in the defaults.
        heading_lang = heading.element.get_or_add_rPr().makeelement(qn('w:lang'), {qn('w:val'): args.language})
        heading.element.get_or_add_rPr().append(heading_lang)

    section = document.sections[0]
    with tempfile.TemporaryDirectory() as scratch:
        logo = os.path.join(scratch, 'logo-region-academique.png')
        with open(logo, 'wb') as file:
            file.write(png(120, 40))
        section.header.paragraphs[0].add_run().add_picture(logo, width=Cm(3))
    footer = section.footer.paragraphs[0]
    footer.text = 'Région académique Nouvelle-Aquitaine — Délégation régionale au numérique éducatif'
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER

    document.add_paragraph('Modèle de document', style='Title')
    document.add_paragraph('Titre de partie', style='Heading 1')
    document.add_paragraph('Texte courant du modèle de la région académique.')
    document.save(out)
    if args.theme_minor_font:
        set_theme_minor_font(out, args.theme_minor_font)
    if not english:
        frenchify(out)


if __name__ == '__main__':
    main()
