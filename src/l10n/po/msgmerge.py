"""``l10n merge``: msgmerge's command line as a library function (files in, bytes out).

``merge_files`` reads DEF.po and REF.pot, merges them (``po.lean`` where both are in
the layout gettext writes, which is most files: the same bytes in a fraction of the
time; else ``po.merge.msgmerge``) and returns the bytes for standard output, or writes
them: ``-o FILE`` atomically, ``-U`` over DEF.po only when the result differs (as
msgmerge, a change of ``POT-Creation-Date`` alone does not count), after a backup made
as msgmerge makes it (``--backup``/``$VERSION_CONTROL``, ``--suffix``/
``$SIMPLE_BACKUP_SUFFIX``). An ``-U`` run compares DEF.po with the bytes it read just
before replacing it, so a translator's save made while it ran is never overwritten.
"""

from __future__ import annotations

import os
import re

from ..errors import CatalogError, ConfigError, read_input
from . import lean
from .catalog import decode_catalog, encode_catalog, format_catalog, parse_catalog
from .merge import msgmerge

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["merge_files", "load_catalog", "merge_arguments"]

_BACKUPS = {"none": "none", "off": "none", "simple": "simple", "never": "simple",
            "numbered": "numbered", "t": "numbered", "existing": "existing",
            "nil": "existing"}


# ``l10n merge``'s options (the merge command (cli/catalogs.py)) -> merge_files' keyword and value
_FLAGS = {"-U": "update", "--update": "update", "--previous": "previous", "-q": "quiet",
          "--quiet": "quiet", "--silent": "quiet", "-N": "no_fuzzy",
          "--no-fuzzy-matching": "no_fuzzy", "--no-wrap": "no_wrap", "--force-po": "force_po",
          "--no-resegment": "no_resegment"}
_VALUES = {"-o": "output", "--output-file": "output", "--backup": "backup",
           "--suffix": "suffix", "-w": "width", "--width": "width"}


def merge_arguments(args: list[str]) -> dict | None:
    """``merge_files``' arguments for ``l10n merge ARGS``, read without the command-line
    framework (whose import is most of a small merge's time), or None for anything but a
    plain command line: help, a usage error, a repeated option, combined short flags, a
    value starting with ``-``. The typer command handles those, so its help, messages and
    exit codes are the only ones; where this returns arguments, they are the ones the
    typer command passes (tests/test_merge_cli.py compares the two), but for the paths,
    strings where typer gives a ``Path`` (``pathlib``'s import is a tenth of a small
    merge)."""
    found: dict = {}
    paths: list[str] = []
    items = iter(args)
    for arg in items:
        if not arg or not arg.isprintable() or arg == "--":
            return None
        if not arg.startswith("-"):
            paths.append(arg)
            continue
        name, equals, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        key = _FLAGS.get(name) if not equals else None
        if key is None:
            key = _VALUES.get(name)
            if key is None:
                return None
            if not equals:
                value = next(items, "")
            if not value or value.startswith("-") and value != "-" \
                    or not value.isprintable():
                return None
            if key == "width":
                if not (value.isascii() and value.isdigit()):
                    return None
                value = int(value)
        else:
            value = True
        if key in found:
            return None
        found[key] = value
    if len(paths) != 2:
        return None
    output = found.get("output")
    return {"old": paths[0], "template": paths[1],
            "output": None if output == "-" else output, "update": "update" in found,
            "backup": found.get("backup"), "suffix": found.get("suffix"),
            "previous": "previous" in found, "fuzzy": "no_fuzzy" not in found,
            "wrap": "no_wrap" not in found, "width": found.get("width", 79),
            "resegment": "no_resegment" not in found, "force_po": "force_po" in found}


def load_catalog(path: Path | str):
    """A catalog and the bytes it was read from."""
    data = read_input(path, CatalogError, what="catalog", missing_hint="check the path")
    text, codec = decode_catalog(data, path)
    po = parse_catalog(text, path=path)
    po.encoding = codec
    return po, data


def merge_files(old: Path | str, template: Path | str, *,
                output: str | Path | None = None,
                update: bool = False, backup: str | None = None, suffix: str | None = None,
                previous: bool = False, fuzzy: bool = True, wrap: bool = True,
                width: int = 79, resegment: bool = True,
                force_po: bool = False) -> bytes | None:
    """Merge; the output bytes when they go to standard output, else None."""
    if not update and (backup is not None or suffix is not None):
        raise ConfigError(f"{'--backup' if backup is not None else '--suffix'} is only "
                          "valid with --update", hint="add -U, or drop the option")
    if update and output is not None:
        raise ConfigError("--update and --output-file are mutually exclusive",
                          hint="use one of them")
    # msgmerge -U always writes the catalog whole; otherwise a result with nothing but
    # its header is written as nothing, and an -o file is then left as it was
    force_po = force_po or update
    read = read_input(old, CatalogError, what="catalog", missing_hint="check the path")
    text, codec = decode_catalog(read, old)
    found = None
    lean_old = lean.scan(text) if wrap else None
    if lean_old is not None:
        # the common case, files as gettext writes them (in any charset): po.lean, same
        # bytes
        data = read_input(template, CatalogError, what="catalog",
                          missing_hint="check the path")
        pot_text, _ = decode_catalog(data, template)
        found = lean.merge_scanned(lean_old, pot_text, previous=previous, fuzzy=fuzzy,
                                   resegment=resegment, width=width, force_po=force_po,
                                   codec=codec)
    if found is not None:
        merged, written = found
    else:
        po = parse_catalog(text, path=old)
        po.encoding = codec
        pot, _ = load_catalog(template)
        merged = msgmerge(po, pot, previous=previous, fuzzy_matching=fuzzy,
                          resegment=resegment)
        written = None if not force_po and not len(merged) else format_catalog(
            merged, width=width, wrap=wrap)
    # None: no message but the header, and no file is written (b"" on standard output);
    # b"": messages that print as nothing, and an empty file is written
    data = None if written is None else encode_catalog(merged, written, output or old)
    if update:
        if _without_creation_date(read) == _without_creation_date(data) \
                or _same_messages(text, codec, old, data, width=width, wrap=wrap,
                                  scanned=lean_old if found is not None else None,
                                  written=written):
            return None  # as msgmerge -U: the same messages, the file left as it is
        _backup(old, backup, suffix)
        import hashlib

        # the digest of the bytes as read: a save made since is refused, never replaced
        _write(old, data, expected_digest=hashlib.sha256(read).hexdigest())
        return None
    if output is None:
        return data or b""
    if data is not None:
        _write(output, data, expected_digest="any")
    return None


def _same_messages(old_text: str, codec: str, path: Path | str, data: bytes, *,
                   width: int, wrap: bool, scanned=None, written: str = "") -> bool:
    """Does the merge hold the same messages as the old file, as msgmerge -U compares
    them (``msgdomain_list_equal``, the POT-Creation-Date aside)? Then it leaves the file
    alone, even where its text is not in gettext's form (a long line unwrapped, an
    untranslated obsolete entry it would not print). The messages are the same exactly
    when the old file, written as gettext writes it, is the result: the writer is a
    function of the messages, and drops such entries from both alike. Told first, where
    it can be, from the records of both (``scanned``: the old file's, by po.lean)."""
    if scanned is not None and (again := lean.scan(written)) is not None:
        verdict = lean.same_messages(scanned, again)
        if verdict is not None:
            return verdict
    po = parse_catalog(old_text, path=path)
    po.encoding = codec
    again = encode_catalog(po, format_catalog(po, width=width, wrap=wrap), path)
    return _without_creation_date(again) == _without_creation_date(data)


def _without_creation_date(data: bytes) -> bytes:
    return re.sub(lean.CREATION_DATE.encode(), b"", data, count=1)


def _write(path: Path | str, data: bytes, *, expected_digest: str | None) -> None:
    from ..files import write_text_atomic

    write_text_atomic(path, data.decode("latin-1"), expected_digest=expected_digest,
                      encoding="latin-1")


def _backup(path: Path | str, control: str | None, suffix: str | None) -> None:
    """Copy DEF.po aside before replacing it, as msgmerge -U does."""
    from pathlib import Path

    path = Path(path)
    control = control if control is not None else os.environ.get("VERSION_CONTROL") or ""
    kind = _BACKUPS.get(control or "existing")
    if kind is None:
        raise ConfigError(f"invalid backup type {control!r}",
                          hint="use none, simple, numbered or existing")
    if kind == "none":
        return
    suffix = suffix or os.environ.get("SIMPLE_BACKUP_SUFFIX") or "~"
    numbers = [int(m.group(1)) for p in path.parent.glob(f"{glob_escape(path.name)}.~*~")
               if (m := re.fullmatch(re.escape(path.name) + r"\.~(\d+)~", p.name))]
    if kind == "numbered" or (kind == "existing" and numbers):
        target = path.with_name(f"{path.name}.~{max(numbers, default=0) + 1}~")
    else:
        target = path.with_name(path.name + suffix)
    import shutil

    try:
        shutil.copy2(path, target)
    except OSError as exc:
        raise CatalogError(f"cannot make the backup {target.name}: {exc.strerror}",
                           path=path, hint="check the folder is writable") from exc


def glob_escape(name: str) -> str:
    import glob

    return glob.escape(name)
