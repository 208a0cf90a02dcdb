"""po/__init__.py imports polib with textwrap deferred: polib's own writer still wraps
as it does with the real module, and no other module is handed the stand-in."""

from __future__ import annotations

import subprocess
import sys

from .conftest import ROOT

LONG = "import polib; print(str(polib.POEntry(msgid='word ' * 40, msgstr='x ' * 50)))"


def _run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, cwd=ROOT, env={"PYTHONPATH": str(ROOT / "src")})
    return done.stdout


def test_textwrap_is_not_loaded_until_polib_wraps():
    assert _run("import sys, l10n.po.msgmerge; print('textwrap' in sys.modules)") == "False\n"


def test_polib_wraps_as_with_the_real_module():
    plain = _run(LONG)  # polib first: the real textwrap
    assert plain.count("\n") > 3
    assert _run(f"import l10n.po; {LONG}") == plain


def test_other_importers_get_the_real_module():
    found = _run("import l10n.po, textwrap, types; "
                 "print(type(textwrap) is types.ModuleType, textwrap.dedent(' a'))")
    assert found == "True a\n"
