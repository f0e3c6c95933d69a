"""Reading the study's YAML codebooks (data/codebook/*.yml) with errors a researcher can act on.

Every codebook is a mapping at the top level; a missing file or a YAML syntax error raises
:class:`StudyError` naming the file, the line and the fix, so a typo made while extending a
codebook never surfaces as a traceback from deep inside an analysis stage.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .config import ROOT
from .errors import StudyError


def shown(path: Path) -> str:
    """The path as a reader should see it: relative to the project when inside it."""
    try:
        return Path(path).resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


def parse_yaml(text: str, path: Path) -> dict[str, Any]:
    """Parse codebook text read from ``path``; StudyError with the line on a syntax error."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or " ".join(str(exc).split())
        raise StudyError(f"{shown(path)}{at}: not valid YAML ({problem}); fix the indentation or quoting") from None
    if not isinstance(data, dict):
        raise StudyError(f"{shown(path)}: expected a mapping at the top level; see the file's header for the layout")
    bad = next(_control_strings(data), None)
    if bad is not None:
        # a regular expression written in double quotes ("\bword\b") reads \b as a backspace and
        # silently never matches
        line = next((i for i, ln in enumerate(text.splitlines(), 1) if re.search(r'"[^"]*(?<!\\)\\[abfv]', ln)), None)
        at = f" line {line}" if line else ""
        raise StudyError(f"{shown(path)}{at}: {bad[:60]!r} holds a control character (a backslash escape in "
                         "double quotes); write regular expressions in single quotes or double the backslash")
    return data


def _control_strings(node: Any):
    """The strings in a parsed codebook that hold control characters (tab and newline allowed)."""
    if isinstance(node, str):
        if any(ord(c) < 32 and c not in "\t\n\r" for c in node):
            yield node
    elif isinstance(node, dict):
        for v in node.values():
            yield from _control_strings(v)
    elif isinstance(node, list):
        for v in node:
            yield from _control_strings(v)


def read_yaml(path: str | Path) -> dict[str, Any]:
    """A codebook file as a dict; StudyError names the file (and line) and what to do."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise StudyError(f"{shown(p)}: codebook not found; restore it from the repository or pass its path") from None
    return parse_yaml(text, p)


@lru_cache(maxsize=16)
def load_yaml(path: Path) -> dict[str, Any]:
    """Cached :func:`read_yaml` for codebooks read many times in one run (treat the result as read-only)."""
    return read_yaml(path)
