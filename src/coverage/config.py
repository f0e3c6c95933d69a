"""One place for paths and run-wide settings.

Every stage takes its paths from here; the command line and notebook parameters override
them. Relative paths given by a user are resolved against the project root, never the
current working directory, so papermill (caller's cwd), nbval and JupyterLab (notebook's
folder) all see the same files.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import __version__

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
SOURCES = DATA / "sources.csv"
CODEBOOK = DATA / "codebook"
DEMO = DATA / "demo"
DEMO_SOURCES = DEMO / "sources.csv"
NOTEBOOKS = ROOT / "notebooks"
FIGURES = ROOT / "figures"
BUILD = ROOT / "build"

USER_AGENT = (
    f"xiaomi-coverage-study/{__version__} (academic media research; "
    "collects each article once, politely; +https://github.com/xiaomi-coverage-study)"
)

GROUPS = ("indonesia", "international")
SPEAKER_TYPES = ("company", "researcher", "media", "government", "civil_society", "user", "other")
FRAME_IDS = (
    "privacy_surveillance",
    "security_weakness",
    "corporate_reassurance",
    "china_geopolitics",
    "law_regulation",
    "consumer_advice",
    "market_business",
    "conflict",
)
ANALYSED_LANGUAGES = ("id", "en")


def resolve(path: str | Path) -> Path:
    """An absolute path: relative ones are taken from the project root."""
    p = Path(path).expanduser()
    return p if p.is_absolute() else (ROOT / p)


@dataclass(frozen=True)
class RunPaths:
    """The files of one output folder (the contract's DIR)."""

    out: Path

    @classmethod
    def at(cls, out: str | Path) -> "RunPaths":
        return cls(resolve(out))

    @property
    def raw(self) -> Path:
        return self.out / "raw"

    @property
    def sources(self) -> Path:
        """The validated registry this run used (copied by collect, read by extract)."""
        return self.out / "sources.csv"

    @property
    def fetch_log(self) -> Path:
        return self.out / "fetch_log.csv"

    @property
    def articles_csv(self) -> Path:
        return self.out / "articles.csv"

    @property
    def articles_parquet(self) -> Path:
        return self.out / "articles.parquet"

    @property
    def dates_log(self) -> Path:
        return self.out / "date_disagreements.csv"

    @property
    def quotes(self) -> Path:
        return self.out / "quotes.csv"

    @property
    def citations(self) -> Path:
        return self.out / "citations.csv"

    @property
    def frames(self) -> Path:
        return self.out / "frames.csv"

    @property
    def frame_sentences(self) -> Path:
        return self.out / "frame_sentences.csv"

    @property
    def figures(self) -> Path:
        return self.out / "figures"

    @property
    def reports(self) -> Path:
        return self.out / "reports"

    @property
    def manifest(self) -> Path:
        return self.out / "manifest.json"
