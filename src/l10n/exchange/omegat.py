"""A ready OmegaT project for a CAT-tool translator: what to send, and where OmegaT
puts the work to take back.

OmegaT's XLIFF filter translates the ``<target>`` of each unit (it expects the source
copied there, as Okapi's translation kits do) and takes translations from TMX files:
those in ``tm/auto/`` are inserted as they are, those in ``tm/`` shown as matches. So
the project holds

* ``source/<essay>.<lang>.xlf``: XLIFF 1.2, every target pre-filled with the source,
  with our notes (glossary hints, translator comments, locations) and the export record;
* ``tm/auto/<essay>.<lang>.tmx``: the essay's translations, inserted by OmegaT;
* ``tm/<essay>.<lang>.fuzzy.tmx``: fuzzy translations against the source they
  translated, offered as matches;
* ``glossary/glossary.txt``: the glossary, in OmegaT's tab-separated form;
* ``omegat.project``: Korean to English, one unit one segment (our units are sentences).

The translator's "Create translated documents" writes ``target/<essay>.<lang>.xlf``,
which ``l10n import`` takes back.
"""

from __future__ import annotations

from lxml import etree

from .tmx import MemoryEntry, write_tmx
from .xliff import Document, write_xliff
from .xmltext import language_tag, serialize

FOLDERS = ("source", "target", "tm/auto", "glossary", "dictionary", "omegat")


def project_file(source_language: str, target_language: str) -> str:
    """omegat.project for a Korean->English project with l10n's folders."""
    root = etree.Element("omegat")
    project = etree.SubElement(root, "project", version="1.0")
    settings = [("source_dir", "source"), ("source_dir_excludes", None),
                ("target_dir", "target"), ("tm_dir", "tm"), ("glossary_dir", "glossary"),
                ("glossary_file", "glossary/glossary.txt"), ("dictionary_dir", "dictionary"),
                ("source_lang", language_tag(source_language)),
                ("target_lang", language_tag(target_language)),
                ("source_tok", "org.omegat.tokenizer.LuceneCJKTokenizer"),
                ("target_tok", "org.omegat.tokenizer.LuceneEnglishTokenizer"),
                ("sentence_seg", "false"), ("support_default_translations", "true"),
                ("remove_tags", "false")]
    for name, value in settings:
        element = etree.SubElement(project, name)
        element.text = value
    return serialize(root)


def _cell(text: str) -> str:
    return " ".join(text.split())  # one line, no tabs


def glossary_text(terms) -> str:
    """OmegaT's glossary format: source, target and comment, tab-separated, per line."""
    lines = []
    for term in terms:
        for english in (term.en, *term.en_variants):
            note = term.note if english == term.en else f"variant of {term.en}"
            if term.forbidden and english == term.en:
                note = f"{note} Not: {', '.join(term.forbidden)}."
            for korean in (term.ko, *term.ko_variants):
                lines.append(f"{_cell(korean)}\t{_cell(english)}\t{_cell(note)}")
    return "".join(line + "\n" for line in lines)


def omegat_files(kits: list[tuple[str, Document, list[MemoryEntry], list[MemoryEntry]]], *,
                 source_language: str, target_language: str, glossary=None
                 ) -> dict[str, str]:
    """Relative path -> text of the project's files, for (name, document, translated
    memory, fuzzy memory) per essay."""
    files = {"omegat.project": project_file(source_language, target_language)}
    for name, document, memory, fuzzy in kits:
        files[f"source/{name}.xlf"] = write_xliff(document, prefill=True)
        files[f"tm/auto/{name}.tmx"] = write_tmx(memory, source_language=source_language,
                                                 target_language=target_language)
        if fuzzy:
            files[f"tm/{name}.fuzzy.tmx"] = write_tmx(fuzzy, source_language=source_language,
                                                      target_language=target_language)
    if glossary is not None and len(glossary):
        files["glossary/glossary.txt"] = glossary_text(glossary.terms)
    return files
