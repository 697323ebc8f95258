#!/usr/bin/env python3
"""Reads an Earmark export back with independent parsers and prints what it holds as JSON.

The export tests run this, so that a file is checked by a reader Earmark did not write:
  read_export.py csv FILE            -> {"rows": [[cell, ...], ...]}       (Python's csv module)
  read_export.py json FILE SCHEMA    -> {"valid": true, "data": {...}}     (jsonschema)
  read_export.py html FILE           -> {"text": "...", "tags": [...]}     (html.parser)
  read_export.py markdown FILE       -> {"text": "...", "tags": [...]}     (Python-Markdown, then html.parser)
  read_export.py xlsx FILE           -> {"sheets": {name: [[cell, ...], ...]}} (zipfile + ElementTree)
"""
import csv
import html.parser
import io
import json
import re
import sys
import zipfile
import xml.etree.ElementTree as ElementTree


class TextAndTags(html.parser.HTMLParser):
    """The text a browser would show, and every element the page holds."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text = []
        self.tags = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag in ("style", "head"):
            self._skip += 1
        if tag in ("br", "p", "blockquote", "h1", "h2", "li", "tr"):
            self.text.append("\n")

    def handle_endtag(self, tag):
        if tag in ("style", "head"):
            self._skip -= 1

    def handle_data(self, data):
        if self._skip == 0:
            self.text.append(data)


def read_csv(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return {"rows": list(csv.reader(f))}


def read_json(path, schema_path):
    import jsonschema

    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    errors = [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(data)]
    return {"valid": not errors, "errors": errors, "data": data}


def text_of(markup):
    parser = TextAndTags()
    parser.feed(markup)
    parser.close()
    return {"text": "".join(parser.text), "tags": parser.tags}


def read_html(path):
    with open(path, encoding="utf-8") as f:
        return text_of(f.read())


def read_markdown(path):
    import markdown

    with open(path, encoding="utf-8") as f:
        return text_of(markdown.markdown(f.read()))


def column_index(ref):
    letters = re.match(r"[A-Z]+", ref).group(0)
    index = 0
    for letter in letters:
        index = index * 26 + (ord(letter) - ord("A") + 1)
    return index - 1


def read_xlsx(path):
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    sheets = {}
    with zipfile.ZipFile(path) as book:
        shared = []
        if "xl/sharedStrings.xml" in book.namelist():
            root = ElementTree.fromstring(book.read("xl/sharedStrings.xml"))
            for si in root.findall("m:si", ns):
                shared.append("".join(t.text or "" for t in si.iter("{%s}t" % ns["m"])))
        workbook = ElementTree.fromstring(book.read("xl/workbook.xml"))
        names = [s.get("name") for s in workbook.find("m:sheets", ns)]
        for number, name in enumerate(names, start=1):
            root = ElementTree.fromstring(book.read("xl/worksheets/sheet%d.xml" % number))
            rows = []
            for row in root.iter("{%s}row" % ns["m"]):
                cells = []
                for c in row.findall("m:c", ns):
                    index = column_index(c.get("r"))
                    while len(cells) < index:
                        cells.append("")
                    kind = c.get("t")
                    if kind == "s":
                        value = shared[int(c.find("m:v", ns).text)]
                    elif kind == "inlineStr":
                        value = "".join(t.text or "" for t in c.iter("{%s}t" % ns["m"]))
                    else:
                        v = c.find("m:v", ns)
                        value = float(v.text) if v is not None else ""
                    if c.find("m:f", ns) is not None:
                        value = {"formula": c.find("m:f", ns).text}
                    cells.append(value)
                rows.append(cells)
            sheets[name] = rows
    return {"sheets": sheets}


def main(argv):
    kind, path = argv[1], argv[2]
    if kind == "csv":
        out = read_csv(path)
    elif kind == "json":
        out = read_json(path, argv[3])
    elif kind == "html":
        out = read_html(path)
    elif kind == "markdown":
        out = read_markdown(path)
    elif kind == "xlsx":
        out = read_xlsx(path)
    else:
        raise SystemExit("unknown kind " + kind)
    sys.stdout.write(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv)
