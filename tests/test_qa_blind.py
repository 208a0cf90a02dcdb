"""The held-out qa_blind corpus (tests/data/qa_blind): only what must never regress.

qa_blind is measured, never tuned on (its README has the figures). Its recall and
precision are reported, not asserted; the hard requirement of issue 15 is asserted: the
fully correct file, a fluent translation that follows the glossary, exits 0.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from l10n.checks import Severity, exit_code

from .qa_eval import TYPED, built_from_entries, typed_findings

FOLDER = TYPED["blind"]

# The first run of the checker on this corpus (commit 96eb365 labelled it before) found
# these errors on correct translations; each is reported to the lead, none is "fixed" by
# editing the corpus.
FALSE_ERRORS = (
    "G001 on 기도하셨다/기도한다 rendered 'pray'/'prays' (noun term used as a verb; the "
    "glossary note says so); G001 on 배낭여행했다 rendered 'backpacked'; G001 on the "
    "homographs 주식 'staple food' and 사찰 'surveillance' that the glossary note rules "
    "out; N001 on 음력 4월 8일 = 'the eighth day of the fourth lunar month'; N001 on "
    "50% 이상 = 'more than half'; N001 on 3천여 명 = 'about 3,000'"
)


@pytest.mark.xfail(strict=True, reason="issue 15: false errors on correct translations: "
                   + FALSE_ERRORS)
def test_the_fully_correct_file_exits_zero() -> None:
    findings = typed_findings(FOLDER, ("correct.po",))
    errors = [f"{f.line}: {f.code} {f.message}" for f in findings
              if f.severity is Severity.ERROR]
    assert exit_code(findings) == 0, errors


_FINDINGS = ("from tests.qa_eval import TYPED, typed_findings; print(sorted((f.path, f.line, "
             "f.code, f.message) for f in typed_findings(TYPED['blind'])))")


@pytest.mark.xfail(strict=True, reason="K004 breaks a tie between 'Jeong' and 'Yak-yong' "
                   "(3 mentions each) by the iteration order of a set of str, so whether "
                   "'Chong Yag-yong' is reported depends on PYTHONHASHSEED")
def test_findings_do_not_depend_on_the_hash_seed() -> None:
    """The same files give the same findings in every process (found on this corpus:
    PYTHONHASHSEED 0 misses the essay2 entry that seed 4 reports)."""
    root = Path(__file__).resolve().parent.parent
    outputs = set()
    for seed in ("0", "4"):
        env = {**os.environ, "PYTHONHASHSEED": seed,
               "PYTHONPATH": os.pathsep.join([str(root / "src"), str(root)])}
        outputs.add(subprocess.run([sys.executable, "-c", _FINDINGS], cwd=root, env=env,
                                   capture_output=True, text=True, check=True).stdout)
    assert len(outputs) == 1


def test_the_corpus_files_are_written_from_entries_py(tmp_path: Path) -> None:
    rows = built_from_entries(FOLDER, tmp_path)
    defects = [row for row in rows if row[3] != "none"]
    tricky = [row for row in rows if row[4].startswith("tricky/")]
    assert (len(rows), len(defects), len(tricky)) == (140, 77, 44)
