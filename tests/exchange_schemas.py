"""The official XLIFF, TMX and TBX schemas from ../shared/schemas, loaded offline.

They are third-party files kept beside the repository, never in it. Where the folder is
absent a test skips, except in CI (``CI`` set), where it fails.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import pytest
from lxml import etree

SCHEMAS = Path(__file__).resolve().parent.parent.parent / "shared" / "schemas"


def need_schemas() -> Path:
    if not SCHEMAS.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"the official schemas must be at {SCHEMAS} in CI")
        pytest.skip(f"no schemas at {SCHEMAS}")
    return SCHEMAS


class _OfflineXmlXsd(etree.Resolver):
    """The W3C xml.xsd the XLIFF schemas import from the web, from the folder instead."""

    def __init__(self, local: Path) -> None:
        super().__init__()
        self.local = local

    def resolve(self, url, pubid, context):
        if url and url.endswith("xml.xsd"):
            return self.resolve_filename(str(self.local), context)
        return None


def _parser(xml_xsd: Path) -> etree.XMLParser:
    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(_OfflineXmlXsd(xml_xsd))
    return parser


@cache
def xliff12() -> etree.XMLSchema:
    folder = need_schemas() / "xliff-1.2"
    tree = etree.parse(str(folder / "xliff-core-1.2-strict.xsd"), _parser(folder / "xml.xsd"))
    return etree.XMLSchema(tree)


@cache
def xliff20() -> etree.XMLSchema:
    """The 2.0 core schema with the metadata module l10n uses, so it is validated too."""
    folder = need_schemas() / "xliff-2.0"
    wrapper = f"""<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:import namespace="urn:oasis:names:tc:xliff:document:2.0"
             schemaLocation="{(folder / 'xliff_core_2.0.xsd').as_uri()}"/>
  <xs:import namespace="urn:oasis:names:tc:xliff:metadata:2.0"
             schemaLocation="{(folder / 'modules' / 'metadata.xsd').as_uri()}"/>
</xs:schema>"""
    xml_xsd = folder / "informativeCopiesOf3rdPartySchemas" / "w3c" / "xml.xsd"
    root = etree.fromstring(wrapper.encode(), _parser(xml_xsd), base_url=folder.as_uri() + "/")
    return etree.XMLSchema(root)


@cache
def tmx14() -> etree.DTD:
    return etree.DTD(str(need_schemas() / "tmx" / "tmx14.dtd"))


@cache
def tbx_core() -> etree.DTD:
    return etree.DTD(str(need_schemas() / "tbx" / "TBXcoreStructV02.dtd"))


def assert_valid(validator, text: str) -> None:
    document = etree.fromstring(text.encode("utf-8"))
    if not validator.validate(document):
        raise AssertionError(str(validator.error_log))
