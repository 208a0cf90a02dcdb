"""What the exchange formats share: a safe XML reader, a deterministic writer, language
tags, and the text of an element with inline codes."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from ..errors import L10nError, decode_utf8, read_input

XML_NS = "http://www.w3.org/XML/1998/namespace"
XML_LANG = f"{{{XML_NS}}}lang"
XML_SPACE = f"{{{XML_NS}}}space"

# the regions CAT tools expect for the languages l10n knows; others pass through
_REGIONS = {"ko": "ko-KR", "en": "en-US"}
# characters XML 1.0 cannot carry at all, even escaped
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def language_tag(code: str) -> str:
    """The BCP 47 tag with region that CAT tools pair on: ko -> ko-KR, en -> en-US."""
    return _REGIONS.get(code.replace("_", "-").lower(), code.replace("_", "-"))


def same_language(tag: str | None, code: str) -> bool:
    """True when ``tag`` (ko-KR, EN-us, en) names the language ``code`` (ko, en-US)."""
    if not tag:
        return False
    return tag.replace("_", "-").lower().split("-")[0] == code.replace("_", "-").lower(
        ).split("-")[0]


def check_text(text: str, *, what: str, error: type[L10nError], path: Path | str | None = None
               ) -> str:
    """``text`` unchanged, or one clear error if XML cannot carry one of its characters."""
    bad = _NOT_XML.search(text)
    if bad:
        raise error(f"{what} holds the control character U+{ord(bad.group()):04X}, which "
                    "XML cannot carry", path=path,
                    hint="remove it from the catalog (msgfmt shows the entry)")
    return text


def serialize(root: etree._Element, *, doctype: str | None = None) -> str:
    """The document as text: a double-quoted declaration, two-space indents, final newline."""
    etree.indent(root, space="  ")
    head = '<?xml version="1.0" encoding="UTF-8"?>\n'
    if doctype:
        head += doctype + "\n"
    return head + etree.tostring(root, encoding="unicode") + "\n"


def parse_xml(path: Path, error: type[L10nError], *, what: str) -> etree._Element:
    """The root element of an XML file; no DTD, no entities, no network; errors with a line."""
    data = read_input(path, error, what=what, missing_hint="check the path")
    decode_utf8(data, path, error, hint="save the file as UTF-8")  # the line of a bad byte
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             remove_comments=True, remove_pis=True, huge_tree=False)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise error(f"not well-formed XML: {exc.msg}", path=path, line=exc.lineno or None,
                    hint=f"the {what} is damaged; export it again from the tool") from exc


def local(tag) -> str:
    """An element's name without its namespace."""
    return etree.QName(tag).localname if isinstance(tag, str) else ""


# inline codes whose content is the original markup, not text (XLIFF 1.2, TMX)
_CODES = {"bpt", "ept", "ph", "it", "ut", "bx", "ex", "x", "cp", "ec", "sc"}


def inline_text(element: etree._Element | None) -> str:
    """The text of a segment: inline codes (bpt, ph, x ...) dropped, marks (g, mrk, hi,
    pc) unwrapped, entity references kept as written."""
    if element is None:
        return ""
    parts = [element.text or ""]
    for child in element:
        name = local(child.tag)
        if isinstance(child, etree._Entity):
            parts.append(f"&{child.name};")
        elif name and name not in _CODES:
            parts.append(inline_text(child))
        parts.append(child.tail or "")
    return "".join(parts)
