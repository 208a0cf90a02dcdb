"""Digests of merge outputs, to prove a change of the merge changes no byte:

    .venv/bin/python bench/merge_digests.py [OLD.po,NEW.pot ...] > before.txt
    (change the code)
    .venv/bin/python bench/merge_digests.py [OLD.po,NEW.pot ...] > after.txt
    cmp before.txt after.txt

Every pair of ``../shared/po-corpus/pairs``, the ``tests/data/po`` cases (CRLF, EUC-KR,
no header), every fifth corpus file merged with itself and any extra pairs given, under
the 8 combinations of --previous / fuzzy / resegment, at widths 79 and 40 and with
--no-wrap, through ``merge_files`` (the command's path: ``po.lean`` where it applies) and
through ``msgmerge()`` + ``format_catalog`` (the general path), plus ``merge_catalog``
(``l10n update``'s merge). An error is digested as its message.
"""

from __future__ import annotations

import hashlib
import itertools
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from l10n.errors import L10nError  # noqa: E402
from l10n.po.catalog import encode_catalog, format_catalog, read_catalog  # noqa: E402
from l10n.po.merge import merge_catalog, msgmerge  # noqa: E402
from l10n.po.msgmerge import merge_files  # noqa: E402

CORPUS = ROOT.parent / "shared" / "po-corpus"
DATA = ROOT / "tests" / "data" / "po"


def _digest(make, *args, **options) -> str:
    try:
        data = make(*args, **options) or b""
    except L10nError as exc:
        data = f"ERR {exc}".encode()
    return hashlib.sha256(data).hexdigest()


def _general(old: Path, pot: Path, **options) -> bytes:
    merged = msgmerge(read_catalog(old), read_catalog(pot), **options)
    return encode_catalog(merged, format_catalog(merged, force_po=False))


def _update(old: Path, pot: Path) -> bytes:
    merged = merge_catalog(read_catalog(old), read_catalog(pot), {"Language": "ko"})
    return format_catalog(merged).encode()


def main() -> None:
    pairs = [(p / "old.po", p / "new.pot") for p in sorted((CORPUS / "pairs").iterdir())]
    pairs.append((DATA / "old.po", DATA / "new.pot"))
    pairs += [tuple(Path(x) for x in arg.split(",")) for arg in sys.argv[1:]]
    files = sorted(f for f in (CORPUS / "files").glob("*.po")
                   if not f.name.endswith(".msgcat.po"))
    pairs += [(f, f) for f in files[::5]]
    pairs += [(DATA / name, DATA / "new.pot") for name in ("crlf.po", "nohdr.po", "euckr.po")]
    for old, pot in pairs:
        for prev, fuzzy, reseg in itertools.product((True, False), repeat=3):
            for width, wrap in ((79, True), (40, True), (79, False)):
                found = _digest(merge_files, old, pot, previous=prev, fuzzy=fuzzy,
                                resegment=reseg, width=width, wrap=wrap)
                print(old, pot, "files", prev, fuzzy, reseg, width, wrap, found)
            print(old, pot, "api", prev, fuzzy, reseg, _digest(
                _general, old, pot, previous=prev, fuzzy_matching=fuzzy, resegment=reseg))
        print(old, pot, "update", _digest(_update, old, pot))


if __name__ == "__main__":
    main()
