"""A real CAT tool: OmegaT, in console mode, on the project `l10n export -f omegat` writes.

The exported XLIFF has the Korean copied into every target (OmegaT's XLIFF filter
translates the target) and no English at all; the English comes only from the TMX
files in ``tm/auto``: the essay's own translations, and a second TMX standing for the
work of a CAT translator (two sentences the catalog lacks). So English in OmegaT's
target file proves OmegaT read both our XLIFF and our TMX; ``l10n import`` of that
file then gives back the complete catalog, byte for byte.

One OmegaT run, about 15 seconds (JVM start-up and project load), measured in
bench/RESULTS.md.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from l10n.cli import app
from l10n.exchange import tmx, xliff
from l10n.po.catalog import format_catalog, read_catalog

from .conftest import ROOT
from .exchange_schemas import assert_valid, xliff12

ESSAY = "fourth-industrial-revolution"
PO_REL = f"locales/en/LC_MESSAGES/{ESSAY}.po"
TRANSLATED_BY_THE_CAT_TRANSLATOR = ("3차는 있었나?", "중소기업들에게 4차 산업 혁명이란...")


def omegat() -> str:
    found = shutil.which("omegat")
    if found is None or shutil.which("java") is None:
        if os.environ.get("CI"):
            pytest.fail("OmegaT must be installed in CI (.ci/run installs the omegat package)")
        pytest.skip("OmegaT is not installed (apt-get install omegat)")
    return found


def test_omegat_translates_our_xliff_from_our_tmx_and_the_work_comes_back(
        bundled: Path, tmp_path: Path) -> None:
    program = omegat()
    po_path = bundled / PO_REL
    complete = read_catalog(po_path)
    expected = {e.msgid: e.msgstr for e in complete if e.msgstr and not e.obsolete}
    for msgid in TRANSLATED_BY_THE_CAT_TRANSLATOR:  # work still to do in the catalog
        complete.find(msgid).msgstr = ""
    po_path.write_text(format_catalog(complete), encoding="utf-8")

    kit = tmp_path / "omegat-project"
    result = CliRunner().invoke(app, ["export", "-p", str(bundled), "-f", "omegat",
                                      "-o", str(kit)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    source = kit / "source" / f"{ESSAY}.en.xlf"
    assert not any(u.offered for u in xliff.read_xliff(source).units)  # no English in it
    work = [tmx.MemoryEntry(msgid, expected[msgid], essay=ESSAY)
            for msgid in TRANSLATED_BY_THE_CAT_TRANSLATOR]
    (kit / "tm" / "auto" / "translator.tmx").write_text(tmx.write_tmx(work), encoding="utf-8")

    run = subprocess.run([program, str(kit), "--mode=console-translate",
                          f"--config-dir={tmp_path / 'omegat-config'}", "--quiet"],
                         capture_output=True, text=True, timeout=600,
                         env={**os.environ, "HOME": str(tmp_path)})
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    translated = kit / "target" / f"{ESSAY}.en.xlf"
    assert translated.exists(), run.stdout[-2000:]

    back = xliff.read_xliff(translated)
    got = {unit.source: unit.target for unit in back.units if unit.offered}
    assert got == expected  # every translation, ours and the translator's, as we wrote it
    assert_valid(xliff12(), translated.read_text(encoding="utf-8"))

    result = CliRunner().invoke(app, ["import", "-p", str(bundled), str(translated)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "2 updated, 0 conflict(s), 0 stale" in result.output
    assert po_path.read_bytes() == (ROOT / PO_REL).read_bytes()
