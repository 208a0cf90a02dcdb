"""What the last ``update`` wrote for each essay, so an essay nothing has touched since is
not read, segmented, merged and formatted again: it costs a hash of its source and of
its outputs.

An essay's template and catalogs are a function of its source, its catalogs, the
project's configuration and glossary, and the code, plus two inputs from the rest of the
project that only reach entries without a translation: the compendium (translations of
retired essays and obsolete entries) and the translation memory (for sentences new to
the catalog). So an essay is skipped only if

* its source has the bytes it had, and its template and every catalog have the bytes
  that run wrote (a translator's save, a deleted file, a checkout: redone);
* that run left no untranslated entry in any of its catalogs (so the compendium is not
  consulted, and the memory, asked only about sentences new to a catalog, has none);
* l10n (every module of the package, and the versions of the libraries that shape the
  output), the configuration file and the glossary are those of that run.

Running the update again then gives exactly what is on disk (an update is idempotent), so
skipping it changes nothing but the time; the report still lists the files, unchanged.
The record is ``.l10n-cache/essay-outputs.json`` (``cache`` in ``[tool.l10n]``), written
after a run commits; a record that is not well formed is not used.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .cache import RecordCache, package_fingerprint

FILE_NAME = "essay-outputs.json"
# the libraries whose versions change what an update writes: (module, distribution)
_LIBRARIES = (("polib", "polib"), ("babel", "babel"), ("markdown_it", "markdown_it_py"),
              ("mdit_py_plugins", "mdit_py_plugins"), ("yaml", "pyyaml"),
              ("kiwipiepy", "kiwipiepy"), ("kiwipiepy_model", "kiwipiepy_model"))


@lru_cache(maxsize=1)
def code_digest() -> str:
    """Every file of the l10n package and the libraries' versions."""
    return package_fingerprint(_LIBRARIES, "outputs")


def run_key(config, glossary) -> str:
    """What every essay's outputs depend on besides its own files: the code, the
    configuration file, what the configuration takes from elsewhere when the file does not
    say (the project's name is its folder's), and the glossary."""
    from .glossary.notes import glossary_fingerprint

    digest = hashlib.sha256(code_digest().encode())
    digest.update(b"\0" + config.project_name.encode())
    config_file = config.config_file
    if config_file is not None:
        try:
            digest.update(config_file.read_bytes())
        except OSError:
            digest.update(b"\0unreadable")
    digest.update(b"\0" + (glossary_fingerprint(glossary) if glossary is not None
                           else "no glossary").encode())
    return digest.hexdigest()[:24]


@dataclass(frozen=True)
class Output:
    """One file an essay's update wrote (its template, then each catalog), as the report
    gives it."""

    digest: str
    entries: int
    fuzzy: int
    untranslated: int
    obsolete: int


@dataclass(frozen=True)
class EssayOutputs:
    """What one run made of an essay."""

    source: str  # digest of the source's bytes
    outputs: tuple[Output, ...]  # the template, then each language's catalog
    notes: tuple[str, ...]  # the essay's warnings (what cannot be translated)
    paragraphs: tuple[str, ...]  # segmentation cache keys of its paragraphs
    sentences: tuple[str, ...]  # glossary note cache keys of its sentences


class OutputRecord(RecordCache):
    """Per essay name, what the last update wrote; for one ``run_key``."""

    FILE_NAME = FILE_NAME
    SECTION = "essays"
    WHAT = "essay output record"

    def __init__(self, folder: Path | None, key: str) -> None:
        self.FINGERPRINT = lambda: key  # another key: every record discarded
        super().__init__(folder)

    def unchanged(self, name: str, source: str, paths: list[Path],
                  digest_of) -> EssayOutputs | None:
        """The record of ``name`` if it still holds: the source's digest is ``source`` and
        ``digest_of(path)`` of each of its outputs (``paths``) is the one written."""
        found = _read(self.records.get(name))
        if found is None or found.source != source or len(found.outputs) != len(paths):
            return None
        for path, output in zip(paths, found.outputs, strict=True):
            if digest_of(path) != output.digest:
                return None
        return found

    def remember(self, name: str, outputs: EssayOutputs | None) -> None:
        """Record (or, with None, forget) what this run made of ``name``."""
        value = None if outputs is None else _write(outputs)
        if self.records.get(name) != value:
            if value is None:
                self.records.pop(name, None)
            else:
                self.records[name] = value
            self.dirty = True


def _write(record: EssayOutputs) -> dict:
    return {"source": record.source,
            "outputs": [[o.digest, o.entries, o.fuzzy, o.untranslated, o.obsolete]
                        for o in record.outputs],
            "notes": list(record.notes), "paragraphs": list(record.paragraphs),
            "sentences": list(record.sentences)}


def _read(value) -> EssayOutputs | None:
    """A record, if it is well formed (else None: not used)."""
    if not isinstance(value, dict):
        return None
    try:
        outputs = tuple(Output(*item) for item in value["outputs"])
        record = EssayOutputs(value["source"], outputs, tuple(value["notes"]),
                              tuple(value["paragraphs"]), tuple(value["sentences"]))
    except (KeyError, TypeError, ValueError):
        return None
    texts = (record.source, *record.notes, *record.paragraphs, *record.sentences,
             *(o.digest for o in outputs))
    counts = [n for o in outputs for n in (o.entries, o.fuzzy, o.untranslated, o.obsolete)]
    if not outputs or not all(isinstance(text, str) for text in texts) or \
            not all(type(n) is int and n >= 0 for n in counts):
        return None
    return record
