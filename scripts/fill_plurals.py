#!/usr/bin/env python3
"""Fills the English plural forms of a Qt .ts file made with `lupdate -pluralonly`.

"%n quote(s)" becomes "%n quote" and "%n quotes"; "Merge %n Pattern(s)" likewise. Contexts
are given their namespace (lupdate does not read `namespace earmark::ui {`), since tr()
looks translations up under the class's full name.
"""
import sys
import xml.etree.ElementTree as ET

NAMESPACE = "earmark::ui::"


def forms(source):
    return source.replace("(s)", ""), source.replace("(s)", "s")


def main(path):
    tree = ET.parse(path)
    for context in tree.getroot().iter("context"):
        name = context.find("name")
        if "::" not in name.text:
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
