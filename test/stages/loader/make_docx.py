#!/usr/bin/env python3
"""make_docx.py REPORT.html OUT.docx: a Word file made from an HTML report.

The page's paragraphs become Word paragraphs and its tables Word tables, merged
cells as Word keeps them: colspan as w:gridSpan, rowspan as a w:vMerge cell
that continues the one above (an empty cell in the file); <br> inside a cell
starts a new paragraph in that cell.  The result is a minimal but valid .docx
(content types, package relationships, word/document.xml), built with zipfile
so that the test needs no office suite.
"""
import html.parser
import sys
import zipfile
from xml.sax.saxutils import escape

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


class Page(html.parser.HTMLParser):
    """Blocks in order: ("p", text) or ("table", rows); a row is a list of
    (paragraphs, colspan, rowspan)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks, self.text, self.table, self.cell, self.skip = [], [], None, None, 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("script", "style", "title"):
            self.skip += 1
        elif tag == "table":
            self.flush()
            self.table = []
        elif tag == "tr" and self.table is not None:
            self.table.append([])
        elif tag in ("td", "th") and self.table is not None:
            self.cell = [[]]
            self.table[-1].append((self.cell, int(a.get("colspan", 1)), int(a.get("rowspan", 1))))
        elif tag == "br" and self.cell is not None:
            self.cell.append([])
        elif tag in ("p", "div", "h1", "h2", "h3", "br") and self.cell is None:
            self.flush()

    def handle_endtag(self, tag):
        if tag in ("script", "style", "title"):
            self.skip -= 1
        elif tag == "table":
            self.blocks.append(("table", self.table))
            self.table = None
        elif tag in ("td", "th"):
            self.cell = None
        elif tag in ("p", "div", "h1", "h2", "h3") and self.cell is None:
            self.flush()

    def handle_data(self, data):
        if self.skip:
            return
        if self.cell is not None:
            self.cell[-1].append(data.strip())
        elif self.table is None:
            self.text.append(data)

    def flush(self):
        t = "".join(self.text).strip()
        if t:
            self.blocks.append(("p", t))
        self.text = []


def run(text):
    return '<w:r><w:t xml:space="preserve">%s</w:t></w:r>' % escape(text)


def paragraph(text):
    return "<w:p>%s</w:p>" % (run(text) if text else "")


def table(rows):
    out, below = ["<w:tbl>"], {}  # grid column -> (rows still merged, span)
    for row in rows:
        out.append("<w:tr>")
        col, cells = 0, list(row)

        def continued():
            nonlocal col
            while col in below:
                left, span = below[col]
                out.append('<w:tc><w:tcPr>%s<w:vMerge/></w:tcPr><w:p/></w:tc>'
                           % ('<w:gridSpan w:val="%d"/>' % span if span > 1 else ""))
                if left == 1:
                    del below[col]
                else:
                    below[col] = (left - 1, span)
                col += span

        for paras, colspan, rowspan in cells:
            continued()
            props = ('<w:gridSpan w:val="%d"/>' % colspan if colspan > 1 else "") + \
                    ('<w:vMerge w:val="restart"/>' if rowspan > 1 else "")
            out.append("<w:tc>%s%s</w:tc>" % ("<w:tcPr>%s</w:tcPr>" % props if props else "",
                                              "".join(paragraph("".join(p)) for p in paras)))
            if rowspan > 1:
                below[col] = (rowspan - 1, colspan)
            col += colspan
        continued()
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def main():
    page = Page()
    page.feed(open(sys.argv[1], encoding="utf-8").read())
    page.flush()
    body = "".join(paragraph(b) if kind == "p" else table(b) for kind, b in page.blocks)
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<w:document xmlns:w="%s"><w:body>%s</w:body></w:document>' % (W, body))
    with zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("_rels/.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml", document)


if __name__ == "__main__":
    main()
