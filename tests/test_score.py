"""`l10n score`: figures equal the sacrebleu command line; revisions; drafts; skipped."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from l10n.po.catalog import parse_catalog
from l10n.progress.score import merge_pairs, pair_catalogs, score_pairs, worst_segments

from .conftest import make_project, tool
from .test_status import catalog_text, git

HYP = {
    "초연결 사회는 우리의 삶을 바꾸었다.": "The hyper-connected society has changed our lives.",
    "플랫폼만이 살길이다.": "Only platforms can survive.",
    "중소기업은 어렵다.": "SMEs are having a hard time.",
    "대기업은 현금을 쌓았다.": "Big companies piled up cash.",
    "번역되지 않았다.": "",
}
REF = {
    "초연결 사회는 우리의 삶을 바꾸었다.": "The hyper-connected society has changed our lives.",
    "플랫폼만이 살길이다.": "Platforms are the only way to survive.",
    "중소기업은 어렵다.": "SMEs are struggling.",
    "대기업은 현금을 쌓았다.": "",
    "번역되지 않았다.": "Not translated.",
}


def scored():
    pairs = pair_catalogs("e", parse_catalog(catalog_text(HYP)), parse_catalog(catalog_text(REF)))
    return pairs, score_pairs(pairs)


def test_only_entries_translated_in_both_are_scored() -> None:
    pairs, scores = scored()
    assert scores.segments == 3
    assert scores.skipped == {"untranslated in the reference": 1,
                              "untranslated in the translation": 1}


@pytest.mark.skipif(tool("sacrebleu") is None, reason="sacrebleu CLI not installed")
def test_figures_equal_the_sacrebleu_command_line(tmp_path: Path) -> None:
    pairs, scores = scored()
    (tmp_path / "hyp.txt").write_text("\n".join(pairs.hypotheses) + "\n", encoding="utf-8")
    (tmp_path / "ref.txt").write_text("\n".join(pairs.references) + "\n", encoding="utf-8")

    def cli(*metric_args: str) -> float:
        out = subprocess.run([tool("sacrebleu"), str(tmp_path / "ref.txt"), "-i",
                              str(tmp_path / "hyp.txt"), "-b", "-w", "2", *metric_args],
                             capture_output=True, text=True, check=True).stdout
        return float(out.strip())

    assert cli("-m", "bleu") == round(scores.bleu, 2)
    assert cli("-m", "chrf") == round(scores.chrf, 2)
    assert cli("-m", "chrf", "--chrf-word-order", "2") == round(scores.chrfpp, 2)
    assert cli("-m", "ter") == round(scores.ter, 2)


def test_worst_segments_come_first() -> None:
    pairs, _ = scored()
    worst = worst_segments(pairs, 2)
    assert [w["msgid"] for w in worst] == ["중소기업은 어렵다.", "플랫폼만이 살길이다."]
    assert worst[0]["chrf"] <= worst[1]["chrf"]


def test_draft_comments_give_hter() -> None:
    text = catalog_text({"플랫폼만이 살길이다.": "Platforms are the only way to survive."})
    text = text.replace('msgid "플랫폼만이', '#. draft: Platform only survival road.\nmsgid "플랫폼만이')
    pairs = pair_catalogs("e", parse_catalog(text), None)
    scores = score_pairs(pairs)
    assert scores.drafts == 1 and scores.hter is not None and scores.hter > 50
    assert merge_pairs([pairs]).drafts == pairs.drafts


def test_against_a_revision_with_a_known_edit(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", {"e.md": "플랫폼만이 살길이다.\n"})
    po = root / "locales/en/LC_MESSAGES/e.po"
    po.parent.mkdir(parents=True)
    git(root, "init", "-q")
    po.write_text(catalog_text({"플랫폼만이 살길이다.": "Only platforms can survive.",
                                "중소기업은 어렵다.": "SMEs are struggling."}), "utf-8")
    git(root, "add", "-A", author="Kim:kim@x", when="2026-01-01T00:00:00+00:00")
    git(root, "commit", "-qm", "draft", author="Kim:kim@x", when="2026-01-01T00:00:00+00:00")
    git(root, "tag", "v1")
    po.write_text(catalog_text({"플랫폼만이 살길이다.": "Platforms are the only way to survive.",
                                "중소기업은 어렵다.": "SMEs are struggling."}), "utf-8")
    git(root, "commit", "-qam", "review", author="Lee:lee@x", when="2026-01-02T00:00:00+00:00")
    result = subprocess.run([sys.executable, "-c", "from l10n.cli import main; main()", "score",
                             "--against", "v1", "--project", str(root), "-f", "json"],
                            capture_output=True, text=True)
    data = json.loads(result.stdout)
    assert data["total"]["segments"] == 2 and data["total"]["bleu"] < 100
    assert data["total"]["hter"] > 0
    assert set(data["hter_by_translator"]) == {"Kim <kim@x>", "Lee <lee@x>"}
    assert data["hter_by_translator"]["Kim <kim@x>"] == 0.0  # Kim's entry was not edited
    assert data["signatures"]["bleu"].startswith("nrefs:1|case:mixed")
    bad = subprocess.run([sys.executable, "-c", "from l10n.cli import main; main()", "score",
                          "--against", "nope", "--project", str(root)], capture_output=True,
                         text=True)
    assert bad.returncode == 2 and "unknown git revision" in bad.stderr


def test_check_warns_when_far_from_a_configured_reference(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", {"e.md": "플랫폼만이 살길이다.\n"})
    config = root / "pyproject.toml"  # no glossary here (a configured one must exist: L004)
    config.write_text(config.read_text("utf-8").replace('glossary = "glossary.csv"\n', ""),
                      "utf-8")
    with open(root / "pyproject.toml", "a", encoding="utf-8") as handle:
        handle.write('reference = "reviewed"\n')
    (root / "reviewed").mkdir()
    (root / "reviewed/e.po").write_text(
        catalog_text({"플랫폼만이 살길이다.": "Platforms are the only way to survive."}), "utf-8")
    po = root / "locales/en/LC_MESSAGES/e.po"
    po.parent.mkdir(parents=True)
    po.write_text(catalog_text({"플랫폼만이 살길이다.": "The platform is a banana."}), "utf-8")
    result = subprocess.run([sys.executable, "-c", "from l10n.cli import main; main()", "check",
                             "--project", str(root)], capture_output=True, text=True)
    assert "R001 far-from-reference: chrF" in result.stdout
    assert result.returncode == 0  # a warning
