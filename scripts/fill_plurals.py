#!/usr/bin/env python3
"""Fills the English plural forms of a Qt .ts file made with `lupdate -pluralonly`.

"%n quote(s)" becomes "%n quote" and "%n quotes"; "Merge %n Pattern(s)" likewise. The
contexts of Q_OBJECT classes are given their namespace (lupdate does not read
`namespace earmark::ui {`), since tr() looks translations up under the class's full name;
contexts named in QCoreApplication::translate() calls stay as written.
"""
import glob
import os
import re
import sys
import xml.etree.ElementTree as ET

NAMESPACE = "earmark::ui::"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def qobject_classes():
    """Names of the classes in src/ui that declare Q_OBJECT."""
    names = set()
    for header in glob.glob(os.path.join(ROOT, "src", "ui", "**", "*.h"), recursive=True):
        text = open(header, encoding="utf-8").read()
        for match in re.finditer(r"class\s+(\w+)[^;{]*\{\s*Q_OBJECT", text):
            names.add(match.group(1))
    return names


def forms(source):
    """"quote(s)" -> quote/quotes; "opportunity(s)" -> opportunity/opportunities."""
    many = re.sub(r"([^aeiou])y\(s\)", r"\1ies", source).replace("(s)", "s")
    return source.replace("(s)", ""), many


def main(path):
    tree = ET.parse(path)
    classes = qobject_classes()
    for context in tree.getroot().iter("context"):
        name = context.find("name")
        if name.text in classes:
            name.text = NAMESPACE + name.text
        for message in context.iter("message"):
            if message.get("numerus") != "yes":
                continue
            one, many = forms(message.find("source").text)
            translation = message.find("translation")
            translation.attrib.pop("type", None)
            for child in list(translation):
                translation.remove(child)
            for text in (one, many):
                form = ET.SubElement(translation, "numerusform")
                form.text = text
    ET.indent(tree, space="    ")
    with open(path, "wb") as out:
        out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(out, encoding="utf-8", xml_declaration=False)
        out.write(b"\n")


if __name__ == "__main__":
    main(sys.argv[1])
