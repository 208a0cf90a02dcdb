"""The QA gate's error counts remembered in .l10n-cache (progress/gatecache.py)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from typer.testing import CliRunner

from l10n.cli import app
from l10n.config import load_config
from l10n.progress.gatecache import FILE_NAME, remembered

from .conftest import bundled  # noqa: F401  (fixture)


def _counter(asked: list[Path]):
    def count(path: Path, po=None) -> int:
        asked.append(path)
        return len(asked)
    return count


def test_a_count_is_reused_until_what_it_depends_on_changes(bundled):  # noqa: F811
    config = load_config(bundled)
    catalog = next((bundled / "locales/en/LC_MESSAGES").glob("*.po"))
    asked: list[Path] = []
    assert remembered(config, _counter(asked))(catalog) == 1
    assert remembered(config, _counter(asked))(catalog) == 1 and len(asked) == 1  # new run
    for changed in (catalog, bundled / "glossary.csv", bundled / "pyproject.toml"):
        changed.write_text(changed.read_text("utf-8") + "\n", "utf-8")
        before = len(asked)
        remembered(config, _counter(asked))(catalog)
        assert len(asked) == before + 1, changed  # counted again
    (bundled / ".l10n-cache" / FILE_NAME).write_text(
        json.dumps({"fingerprint": "another l10n", "counts": {}}), "utf-8")
    before = len(asked)
    remembered(config, _counter(asked))(catalog)
    assert len(asked) == before + 1  # another fingerprint: discarded


def test_without_a_cache_folder_every_count_is_made(bundled):  # noqa: F811
    config = replace(load_config(bundled), cache=None)
    catalog = next((bundled / "locales/en/LC_MESSAGES").glob("*.po"))
    asked: list[Path] = []
    remembered(config, _counter(asked))(catalog)
    remembered(config, _counter(asked))(catalog)
    assert len(asked) == 2


def test_status_with_the_gate_says_the_same_from_the_cache(bundled):  # noqa: F811
    (bundled / "pyproject.toml").write_text(
        (bundled / "pyproject.toml").read_text("utf-8") + "publish-threshold = 0\n", "utf-8")
    catalog = next((bundled / "locales/en/LC_MESSAGES").glob("*.po"))
    text = catalog.read_text("utf-8")  # one glossary error: a forbidden rendering
    catalog.write_text(text.replace("Hyper-connectivity", "Hyperconnectivity", 1), "utf-8")
    runner = CliRunner()
    first = runner.invoke(app, ["status", "-f", "json", "--project", str(bundled)])
    assert (bundled / ".l10n-cache" / FILE_NAME).exists()
    second = runner.invoke(app, ["status", "-f", "json", "--project", str(bundled)])
    assert first.exit_code == second.exit_code == 0, first.output
    assert first.output == second.output and "QA error" in first.output
