"""The PO format: reading, writing (GNU wrapping), merging.

polib imports :mod:`textwrap` at its top, for its own writer (``POEntry.__unicode__``);
l10n writes catalogs with ``po.catalog`` and never asks polib to wrap. textwrap, with the
expressions it compiles, is about 2 ms, a twentieth of a small ``l10n merge``; so polib is
imported here with a stand-in that loads the real module on its first attribute access.
Only polib's namespace holds the stand-in: ``sys.modules`` has the real module (or none)
once polib is in.
"""

from __future__ import annotations

import sys


def _import_polib() -> None:
    if "polib" in sys.modules or "textwrap" in sys.modules:
        return

    class Deferred(type(sys)):
        def __getattr__(self, name: str):
            import textwrap  # the real one: the stand-in left sys.modules

            vars(self).update(vars(textwrap))
            return getattr(textwrap, name)

    sys.modules["textwrap"] = Deferred("textwrap")
    try:
        import polib  # noqa: F401
    finally:
        del sys.modules["textwrap"]


_import_polib()
