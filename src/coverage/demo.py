"""The synthetic demo corpus: pages written by the study team, served from a seed archive.

``data/demo/`` holds a small corpus that lets anyone run the whole study offline:

- ``pages/*.html``: article pages written for the study and marked synthetic (fictional
  outlets on reserved ``.example`` domains); the bytes are stored exactly as "served",
  so the wrong-charset page is windows-1252 on disk on purpose;
- ``sources.csv``: the registry of those pages (validated like ``data/sources.csv``);
- ``responses.csv``: how each page is served: ``id, url, status, content_type, file, via,
  final, fetched_at, note`` (an empty ``url`` means the registry URL; ``note`` is what the
  collector records on a Wayback fetch: why the live page was not used); a source may
  have several rows (a live consent wall, then a Wayback capture);
- ``raw/demo.warc.gz``: the seed archive built from the two above by :func:`build_archive`.
  The collector replays it with ``--offline``, so the demo needs no network.

``python -m coverage.demo`` rebuilds the archive. With fixed ``fetched_at`` values the
archive writer is a pure function of its arguments, so a rebuild is byte-identical and
the committed ``.warc.gz`` only changes when a page or a row changes.
"""

from __future__ import annotations

import csv
import io
import tempfile
from dataclasses import dataclass
from pathlib import Path

from . import atomic, config
from .errors import StudyError

RESPONSE_COLUMNS = ("id", "url", "status", "content_type", "file", "via", "final", "fetched_at", "note")
WARC_NAME = "demo.warc.gz"
# Every demo page carries both: an HTML comment for people reading the source, a visible
# footer line for people reading the page.
SYNTHETIC_COMMENT = "<!-- SYNTHETIC PAGE"
SYNTHETIC_LINES = (
    "Halaman ini sintetis, ditulis untuk korpus demo studi.",
    "Synthetic page written for the study's demo corpus.",
)


@dataclass(frozen=True)
class DemoResponse:
    """One row of ``responses.csv``: a response the demo archive holds."""

    source_id: str
    url: str
    requested_url: str  # the registry URL the response was fetched for
    status: int
    content_type: str
    file: str
    via: str
    final: bool
    fetched_at: str
    note: str
    line: int  # CSV line (header = 1), for error messages


def _display(p: Path) -> str:
    try:
        return p.resolve().relative_to(config.ROOT).as_posix()
    except ValueError:
        return str(p)


def load_responses(demo_dir: str | Path = config.DEMO) -> list[DemoResponse]:
    """The validated rows of ``demo_dir/responses.csv``, in file order.

    Checks that every row names a registry id, an existing page file, an integer status,
    ``via`` live|wayback, ``final`` true|false and a fetched_at; an empty url is filled
    from the registry. Raises StudyError naming the file, line and fix.
    """
    from .archive import VIAS, warc_date
    from .sources import load_sources

    d = config.resolve(demo_dir)
    path = d / "responses.csv"
    name = _display(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise StudyError(f"{name}: no such file; the demo folder needs responses.csv "
                         f"with columns {','.join(RESPONSE_COLUMNS)}") from None
    urls = dict(zip(*load_sources(d / "sources.csv")[["id", "url"]].T.values))

    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [h.strip() for h in (reader.fieldnames or [])]
    if tuple(header) != RESPONSE_COLUMNS:
        raise StudyError(f"{name}, line 1: the header is {','.join(header) or '(empty)'}; "
                         f"write exactly {','.join(RESPONSE_COLUMNS)}")
    rows: list[DemoResponse] = []
    for rec in reader:
        line = reader.line_num
        at = f"{name}, line {line}:"
        rec = {k.strip(): (v or "").strip() for k, v in rec.items()}
        sid = rec["id"]
        if sid not in urls:
            raise StudyError(f"{at} id '{sid}' is not in sources.csv; add it there or fix the id")
        try:
            status = int(rec["status"])
        except ValueError:
            raise StudyError(f"{at} status '{rec['status']}' is not an HTTP status; write e.g. 200 or 404") from None
        if rec["via"] not in VIAS:
            raise StudyError(f"{at} via '{rec['via']}' is not one of {', '.join(VIAS)}")
        if rec["final"] not in ("true", "false"):
            raise StudyError(f"{at} final '{rec['final']}' must be true or false")
        if not rec["fetched_at"]:
            raise StudyError(f"{at} fetched_at is empty; a fixed time keeps the archive byte-stable, "
                             "write e.g. 2020-05-21T09:00:00Z")
        warc_date(rec["fetched_at"])  # raises StudyError for a malformed time
        page = d / "pages" / rec["file"]
        if not rec["file"] or not page.is_file():
            raise StudyError(f"{at} page file '{rec['file']}' not found in {_display(d / 'pages')}; "
                             "write the page there or fix the file name")
        rows.append(DemoResponse(
            source_id=sid, url=rec["url"] or urls[sid], requested_url=urls[sid], status=status, content_type=rec["content_type"],
            file=rec["file"], via=rec["via"], final=rec["final"] == "true",
            fetched_at=rec["fetched_at"], note=rec["note"], line=line,
        ))
    if not rows:
        raise StudyError(f"{name}: no responses after the header line; add one row per served page")
    return rows


def build_archive(demo_dir: str | Path = config.DEMO) -> Path:
    """Write ``demo_dir/raw/demo.warc.gz`` from the pages and ``responses.csv``; return its path.

    Records are written in ``responses.csv`` order with
    :func:`coverage.archive.write_response`. The archive is built in a temporary folder and
    then replaces the old one atomically, so a failed rebuild leaves the committed archive
    intact. Deterministic: the same pages and rows give the same bytes.
    """
    from .archive import write_response

    d = config.resolve(demo_dir)
    rows = load_responses(d)
    with tempfile.TemporaryDirectory(prefix="demo-warc-") as tmp:
        for r in rows:
            body = (d / "pages" / r.file).read_bytes()
            headers = [("Content-Type", r.content_type), ("Content-Length", str(len(body)))]
            write_response(
                tmp, source_id=r.source_id, url=r.url, status=r.status, headers=headers, body=body,
                via=r.via, fetched_at=r.fetched_at, warc_name=WARC_NAME, final=r.final,
                requested_url=r.requested_url, note=r.note or None,
            )
        data = (Path(tmp) / WARC_NAME).read_bytes()
    return atomic.write_bytes(d / "raw" / WARC_NAME, data)


def main() -> int:
    """``python -m coverage.demo``: rebuild the demo archive and say what it holds."""
    import sys

    try:
        path = build_archive()
    except StudyError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    n = len(load_responses())
    print(f"wrote {_display(path)}: {n} responses, {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
