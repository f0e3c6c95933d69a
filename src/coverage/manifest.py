"""The run manifest: DIR/manifest.json says when and from what a run was made.

Time (UTC), the registry's checksum, the codebook versions, the versions of the packages that
shape the results, and the counts a reader checks first (fetched, failed, extracted, coded).
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import platform
from importlib import metadata
from pathlib import Path
from typing import Iterable

import pandas as pd

from . import __version__, atomic
from .codebook import read_yaml, shown
from .config import CODEBOOK, ROOT, RunPaths, resolve
from .errors import StudyError

# Packages whose version can change a number in the study (distribution names).
PACKAGES = ("pandas", "numpy", "newspaper3k", "trafilatura", "htmldate", "lxml", "matplotlib", "papermill",
            "nbconvert", "ipykernel", "scipy", "warcio")


def sha256_file(path: Path) -> str:
    """Hex SHA-256 of a file's bytes."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _display_path(path: Path) -> str:
    """Project-relative where possible; elsewhere only the file's name, so a manifest never
    carries one machine's folders."""
    return shown(path) if path.resolve().is_relative_to(ROOT) else path.name


def codebook_versions(folder: Path = CODEBOOK) -> dict[str, dict]:
    """Each codebook YAML's ``version`` (None when it has none) and checksum, by file stem."""
    out: dict[str, dict] = {}
    for path in sorted(Path(folder).glob("*.y*ml")):
        try:
            version = read_yaml(path).get("version")
        except StudyError:  # a broken codebook already failed its stage; the manifest still records the file
            version = None
        out[path.stem] = {"version": None if version is None else str(version), "sha256": sha256_file(path)}
    return out


def package_versions() -> dict[str, str | None]:
    """Python's and the result-shaping packages' versions (None: not installed)."""
    versions: dict[str, str | None] = {"python": platform.python_version(), "xiaomi-coverage-study": __version__}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return versions


def _rows(path: Path) -> int | None:
    if not path.is_file():
        return None
    return len(pd.read_csv(path, dtype=str, keep_default_na=False))


def run_counts(paths: RunPaths) -> dict[str, int | None]:
    """Counts from the run's tables (None where a table does not exist yet)."""
    counts: dict[str, int | None] = {
        "sources": _rows(paths.sources), "fetched": None, "failed": None, "via_wayback": None,
        "extracted": _rows(paths.articles_csv), "quotes": _rows(paths.quotes),
        "citations": _rows(paths.citations), "frames": _rows(paths.frames),
    }
    if paths.fetch_log.is_file():
        log = pd.read_csv(paths.fetch_log, dtype=str, keep_default_na=False)
        counts["fetched"] = int((log.get("status") == "ok").sum())
        counts["failed"] = int((log.get("status") == "failed").sum())
        if "via" in log:
            counts["via_wayback"] = int(((log["status"] == "ok") & (log["via"] == "wayback")).sum())
    return counts


def write_manifest(
    out: str | Path,
    *,
    sources_path: str | Path,
    stages_run: Iterable[str],
    status: str = "ok",
    extra: dict | None = None,
) -> dict:
    """Write DIR/manifest.json and return it.

    ``stages_run`` lists the notebooks executed this time (earlier ones reused with --from
    are not in it); ``status`` is "ok" or the one-line failure.
    """
    from .plots import is_demo_run, read_index

    paths = RunPaths.at(out)
    src = resolve(sources_path)
    figures = read_index(paths.figures)
    manifest = {
        "created_utc": _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
        "status": status,
        "stages_run": list(stages_run),
        "demo": is_demo_run(paths.out),
        "sources": {
            "path": _display_path(src),
            "sha256": sha256_file(src) if src.is_file() else None,
            "run_copy_sha256": sha256_file(paths.sources) if paths.sources.is_file() else None,
        },
        "codebooks": codebook_versions(),
        "packages": package_versions(),
        "counts": run_counts(paths),
        "figures": {
            name: sha256_file(paths.figures / f"{name}.png")
            for name in sorted(figures) if (paths.figures / f"{name}.png").is_file()
        },
    }
    if extra:
        manifest.update(extra)
    atomic.write_text(paths.manifest, json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
    return manifest
