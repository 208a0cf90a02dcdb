"""The reviewed translations of ``reference`` in [tool.l10n], for the checks that compare
with them (``check`` and ``build --review``); the catalogs are read only when one is
configured."""

from __future__ import annotations


def reference_translations(config, catalogs) -> dict[str, str] | None:
    """msgid -> reference translation, from the configured reference catalogs."""
    if config is None or config.reference is None:
        return None
    from ..po.catalog import read_catalog
    from .counts import entry_state
    from .score import reference_for

    found: dict[str, str] = {}
    for path, _ in catalogs:
        for entry in read_catalog(reference_for(path, config.reference)):
            if not entry.obsolete and entry_state(entry) == "translated":
                found[entry.msgid] = entry.msgstr
    return found
