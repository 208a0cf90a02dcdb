"""What update imports, and where: a module its forked workers all need is imported once,
by the parent, before it forks (not by each worker); babel only for a catalog that lacks
a Plural-Forms header. Each case runs in a fresh interpreter, so sys.modules tells."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .conftest import make_project

SCRIPT = """
import json, sys
from pathlib import Path
from l10n import essays, pipeline
from l10n.config import load_config
from l10n.pipeline import update_project

seen = {}

def watch(where, pool):
    def start(jobs):
        seen[where] = sorted(m for m in WATCH if m in sys.modules)
        return pool(jobs)
    return start

WATCH = ("markdown_it", "rapidfuzz.distance", "rapidfuzz.process", "babel", "numpy")
essays.process_pool = watch("drafts", essays.process_pool)
pipeline.process_pool = watch("update", pipeline.process_pool)
pretranslator = pipeline._pretranslator

def threads_then_pretranslator(*args, **kwargs):
    import threading
    seen["pretranslator"] = sorted(m for m in WATCH if m in sys.modules)
    seen["threads"] = sorted(t.name for t in threading.enumerate() if t.name.startswith("l10n"))
    return pretranslator(*args, **kwargs)

pipeline._pretranslator = threads_then_pretranslator
update_project(load_config(Path(sys.argv[1])), jobs=int(sys.argv[2]))
seen["end"] = sorted(m for m in WATCH if m in sys.modules)
print(json.dumps(seen))
"""


def _run(root: Path, jobs: int) -> dict:
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(root), str(jobs)],
                          capture_output=True, text=True, check=True,
                          env={"PATH": "/usr/bin:/bin", "L10N_ANALYSER": "0",
                               "PYTHONPATH": str(Path(__file__).parents[1] / "src")})
    return json.loads(done.stdout.strip().splitlines()[-1])


def _essays(count: int, edit: str = "") -> dict[str, str]:
    return {f"e{i}.md": f"# 글 {i}\n\n{i}번째 문장이다.{edit} 다음 문장이 온다.\n"
            for i in range(count)}


def test_workers_get_markdown_and_rapidfuzz_from_the_parent(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", _essays(8))
    _run(root, 1)
    for i in range(8):  # an edit: fuzzy matches to look for
        (root / f"source/ko/e{i}.md").write_text(
            f"# 글 {i}\n\n{i}번째 문장이다. 다음 문장이 또 온다.\n", encoding="utf-8")
    seen = _run(root, 2)
    assert "markdown_it" in seen["drafts"]
    assert {"rapidfuzz.distance", "rapidfuzz.process"} <= set(seen["update"])


def test_an_update_of_catalogs_with_plural_forms_imports_no_babel(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", _essays(1))
    _run(root, 1)  # creates the catalog (babel names its team and plural forms)
    assert "Plural-Forms: nplurals=2" in (root / "locales/en/LC_MESSAGES/e0.po").read_text()
    (root / "source/ko/e0.md").write_text("# 글 0\n\n새 문장이다.\n", encoding="utf-8")
    assert "babel" not in _run(root, 1)["end"]


def test_the_memory_s_numpy_is_imported_while_the_workers_parse_the_essays(
        tmp_path: Path) -> None:
    """The translation memory needs numpy (a tenth of a second to import) right after the
    essays are read; with workers reading them, a thread of the parent imports it
    meanwhile, and is joined before the next step (no thread lives on into a fork)."""
    root = make_project(tmp_path / "p", _essays(8))
    _run(root, 1)
    for i in range(8):
        (root / f"source/ko/e{i}.md").write_text(
            f"# 글 {i}\n\n{i}번째 문장이다. 다음 문장이 또 온다.\n", encoding="utf-8")
    seen = _run(root, 2)
    assert "numpy" not in seen["drafts"]  # not before the workers were forked
    assert "numpy" in seen["pretranslator"] and seen["threads"] == []
