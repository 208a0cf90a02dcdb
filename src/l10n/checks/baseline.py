"""A baseline (``l10n check --baseline FILE``): the findings of an earlier run, read back
from the JSON report ``--write-baseline`` wrote."""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import ConfigError


def read_baseline(path: Path) -> list[dict]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return list(data["findings"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ConfigError(f"cannot read baseline: {exc}", path=path,
                          hint="write one with --write-baseline FILE") from exc
