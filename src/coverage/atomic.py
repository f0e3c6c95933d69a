"""Atomic writes: a temp file beside the target, then a rename.

A run killed midway never leaves a half-written table behind; the old one stays.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pandas as pd


def write_bytes(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically and return the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp creates 0600; outputs are shared with co-workers and web servers
        os.fchmod(fd, 0o644)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def write_text(path: Path, text: str) -> Path:
    """Write UTF-8 text atomically (Unix newlines, whatever the platform)."""
    return write_bytes(path, text.encode("utf-8"))


def write_csv(df: pd.DataFrame, path: Path) -> Path:
    """A CSV with stable formatting: UTF-8, ``\\n`` line ends, no index."""
    return write_text(path, df.to_csv(index=False, lineterminator="\n"))


def write_parquet(df: pd.DataFrame, path: Path) -> Path:
    """Parquet, written atomically."""
    import io

    buf = io.BytesIO()
    df.to_parquet(buf, index=False)
    return write_bytes(path, buf.getvalue())
