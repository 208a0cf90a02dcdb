"""The QA gate's error counts remembered in ``.l10n-cache``, so a repeated ``status``
(or ``build``) runs no check on a catalog that has not changed.

A catalog's error count depends on nothing but its bytes, its path, the glossary's bytes,
the project's configuration file (severities, the glossary's name) and the code that
checks it. The count is kept under a digest of all of them in
``.l10n-cache/qa-errors.json``, beside a fingerprint of l10n (its version and every module
of the package, and the versions of the analysers and libraries the checks use): another
fingerprint discards the file. A catalog that cannot be digested (a link, a folder) is
counted afresh, so its error is reported as before; a cache that cannot be read or
written is a warning, as the other caches are.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from ..cache import RecordCache, package_fingerprint
from ..errors import L10nError
from ..files import file_digest

FILE_NAME = "qa-errors.json"


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """l10n's code as a whole and the libraries the checks read: counts made by another
    one are not used."""
    return package_fingerprint(("kiwipiepy", "kiwipiepy_model", "lemminflect", "rapidfuzz",
                                "polib", "babel"), "qa")


def remembered(config, count: Callable[..., int]) -> Callable[..., int]:
    """``count`` (path, po=None) -> errors, answered from the cache when nothing it
    depends on has changed; without a cache folder, ``count`` itself."""
    if config.cache is None:
        return count
    cache = _Counts(config.cache)
    try:
        settings = "\0".join(file_digest(path) or "-" for path in
                             (config.config_file, config.glossary) if path is not None)
    except L10nError:
        return count  # a link or a folder where a file should be: the count says so

    def counted(path: Path, po=None) -> int:
        try:
            digest = file_digest(path)
        except L10nError:
            digest = None
        if digest is None:
            return count(path, po)
        key = hashlib.sha256(f"{path}\0{digest}\0{settings}".encode()).hexdigest()[:32]
        known = cache.records.get(key)
        if type(known) is int and known >= 0:
            return known
        errors = count(path, po)
        cache.records[key] = errors
        cache.dirty = True
        cache.save()
        return errors
    return counted


def error_counter(config, glossary=None, findings=None):
    """QA errors per catalog, for the publication gate (the glossary is read once; with
    ``findings``, a run's findings, the checks are not run again; without, a catalog's
    count is remembered in the cache and the glossary read only when one is counted)."""
    jobs = os.cpu_count() or 1  # spread over processes only for large catalogs
    if findings is not None or glossary is not None:
        from ..checks import count_errors
        from ..glossary.terms import project_glossary

        chosen = glossary if glossary is not None else project_glossary(config)
        return lambda path, po=None: count_errors(config, path, po, chosen, jobs=jobs,
                                                  findings=findings)
    loaded: list = []

    def count(path, po=None):  # the checks are imported only when a count is not known
        from ..checks import count_errors
        from ..glossary.terms import project_glossary

        if not loaded:
            loaded.append(project_glossary(config))
        return count_errors(config, path, po, loaded[0], jobs=jobs)
    return remembered(config, count)


class _Counts(RecordCache):
    """Error counts by a digest of (catalog, its bytes, the settings)."""

    FILE_NAME = FILE_NAME
    SECTION = "counts"
    WHAT = "QA count cache"

    FINGERPRINT = staticmethod(fingerprint)
