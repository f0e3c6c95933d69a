"""``python -m coverage evaluate quotes|frames --gold FILE``: automatic coding against a hand-coded sample.

The scoring itself lives beside each measure (coverage.evaluate_quotes, coverage.evaluate_frames);
this module only chooses one and checks the gold file exists.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .config import resolve
from .errors import StudyError


def evaluate(what: str, gold: str | Path) -> pd.DataFrame:
    """Score the automatic ``what`` ("quotes" or "frames") against the gold file; one row per measure."""
    path = resolve(gold)
    if not path.is_file():
        raise StudyError(f"{gold}: gold file not found; see the README section 'Validation' for its format")
    if what == "quotes":
        from .evaluate_quotes import evaluate_quotes

        return evaluate_quotes(path)
    if what == "frames":
        from .evaluate_frames import evaluate_frames

        return evaluate_frames(path)
    raise StudyError(f"evaluate: unknown measure {what!r}; use quotes or frames")
