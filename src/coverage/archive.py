"""The study's raw archive: every HTTP response, as received, in WARC files.

Each response is one WARC ``response`` record (HTTP status line, headers and body) in
its own gzip member, appended to a file that only grows. A run killed midway therefore
leaves every record written before the kill readable; at worst the last member is cut
short, and :func:`read_responses` skips it with a warning naming the file.

Three non-standard WARC header fields say what a record is for the study:

- ``X-Coverage-Source-Id``: the registry id the response was fetched for;
- ``X-Coverage-Via``: ``live`` (the outlet's own server) or ``wayback`` (Internet
  Archive capture);
- ``X-Coverage-Final``: ``true`` for the response a fetch ended with, ``false`` for a
  redirect hop or a failed attempt (429, 5xx...). Every response is archived; only
  final ones are candidates for extraction.
- ``X-Coverage-Requested-URI`` (optional): the registry URL the fetch started from
  (a final record's own URI is where redirects ended);
- ``X-Coverage-Note`` (optional): why this record exists, e.g. why a Wayback capture
  was fetched instead of the live page.

A response the collector refused to read in full (over the size cap, not HTML) is
archived with its status and headers, an empty body and the standard
``WARC-Truncated`` field, so the archive shows what the server answered.

Standard tools (``warcio index``, pywb, replayweb.page) read these files as they are.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import io
import os
import threading
import uuid
import warnings
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from .errors import StudyError

SOURCE_ID = "X-Coverage-Source-Id"
VIA = "X-Coverage-Via"
FINAL = "X-Coverage-Final"
REQUESTED = "X-Coverage-Requested-URI"
NOTE = "X-Coverage-Note"
VIAS = ("live", "wayback")

_locks: dict[Path, threading.Lock] = {}
_locks_guard = threading.Lock()
_run_names: dict[int, str] = {}  # pid -> this process's WARC file name


class ArchiveWarning(UserWarning):
    """A WARC file could not be read to its end (e.g. the run writing it was killed)."""


@dataclass(frozen=True)
class ArchivedResponse:
    """One archived HTTP response, as the collector and the extractor see it."""

    source_id: str
    url: str
    status: int
    headers: dict[str, str]  # lower-case names; repeated fields joined with ", "
    body: bytes
    via: str
    fetched_at: str  # WARC-Date, ISO 8601 UTC ("2020-05-04T10:00:00Z")
    final: bool = True
    requested_url: str = ""  # "" when the writer did not say
    note: str = ""
    truncated: str = ""  # WARC-Truncated value ("length", "unspecified"...) or ""
    # Where the record lies, so it can be copied byte for byte (seed archive -> DIR/raw).
    warc_path: str = field(default="", compare=False, repr=False)
    offset: int = field(default=0, compare=False, repr=False)
    length: int = field(default=0, compare=False, repr=False)

    @property
    def content_type(self) -> str:
        """The media type without parameters, lower case ("" when absent)."""
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    def raw_record(self) -> bytes:
        """The gzip member holding this record, exactly as stored."""
        with open(self.warc_path, "rb") as fh:
            fh.seek(self.offset)
            return fh.read(self.length)


# -- writing ------------------------------------------------------------------------------


def warc_date(fetched_at: str | _dt.datetime | None = None) -> str:
    """A WARC-Date (``YYYY-MM-DDThh:mm:ssZ``, UTC) for ``fetched_at`` (None: now).

    Accepts ISO 8601 strings with ``Z``, an offset, or none (taken as UTC), and plain
    dates (midnight UTC). Raises StudyError for anything else.
    """
    if fetched_at is None:
        t = _dt.datetime.now(_dt.timezone.utc)
    elif isinstance(fetched_at, _dt.datetime):
        t = fetched_at
    else:
        s = str(fetched_at).strip()
        try:
            t = _dt.datetime.fromisoformat(s[:-1] + "+00:00" if s.endswith(("Z", "z")) else s)
        except ValueError:
            raise StudyError(
                f"fetched_at {fetched_at!r} is not an ISO 8601 time; write e.g. 2020-05-04T10:00:00Z"
            ) from None
    if t.tzinfo is None:
        t = t.replace(tzinfo=_dt.timezone.utc)
    return t.astimezone(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def run_warc_name() -> str:
    """This process's WARC file name: ``<UTC start time>-<pid>.warc.gz`` (one per run)."""
    pid = os.getpid()
    if pid not in _run_names:
        stamp = _dt.datetime.now(_dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
        _run_names[pid] = f"{stamp}-{pid}.warc.gz"
    return _run_names[pid]


def _lock_for(path: Path) -> threading.Lock:
    with _locks_guard:
        return _locks.setdefault(path, threading.Lock())


def write_response(
    raw_dir: str | Path,
    *,
    source_id: str,
    url: str,
    status: int,
    headers: list[tuple[str, str]],
    body: bytes,
    via: str,
    fetched_at: str | None = None,
    warc_name: str | None = None,
    final: bool = True,
    status_text: str = "",
    requested_url: str | None = None,
    note: str | None = None,
    truncated: str | None = None,
    record_id: str | None = None,
) -> str:
    """Append one WARC response record to ``raw_dir`` and return the WARC file's path.

    ``headers`` are the HTTP header fields in the order received; ``body`` the payload
    bytes as served (never re-encoded). Optional: ``status_text`` the HTTP reason phrase
    ("" gives the standard one); ``requested_url``, ``note`` and ``truncated`` (the
    WARC-Truncated reason when ``body`` is not the whole payload) go into WARC headers
    (see the module docstring); ``record_id`` overrides the WARC-Record-ID (a live fetch
    passes a random one with its own ``fetched_at``: two identical answers in one second
    are still two records). With ``fetched_at`` given the record is a pure function of the
    arguments (record id from a content hash, gzip mtime 0), so an archive rebuilt from
    the same pages is byte-identical. The file is ``warc_name`` or this process's
    :func:`run_warc_name`; thread-safe.
    """
    if via not in VIAS:
        raise ValueError(f"via must be one of {VIAS}, not {via!r}")
    if not isinstance(body, (bytes, bytearray)):
        raise TypeError("body must be bytes as served (do not decode it)")
    status = int(status)
    date = warc_date(fetched_at)
    headers = [(str(k), str(v)) for k, v in headers]
    if record_id is None and fetched_at is not None:
        h = hashlib.sha256()
        for part in (source_id, url, str(status), status_text, repr(headers), via, str(bool(final)), date,
                     requested_url or "", note or "", truncated or ""):
            h.update(part.encode("utf-8", "surrogateescape") + b"\0")
        h.update(bytes(body))
        record_id = f"<urn:uuid:{uuid.UUID(bytes=h.digest()[:16], version=5)}>"
    elif record_id is None:
        record_id = f"<urn:uuid:{uuid.uuid4()}>"

    writer_buf = io.BytesIO()
    writer = WARCWriter(writer_buf, gzip=True)  # one gzip member per record; zlib writes mtime 0
    http_headers = StatusAndHeaders(
        f"{status} {status_text or _reason(status)}".rstrip(), headers, protocol="HTTP/1.1"
    )
    extra = {REQUESTED: requested_url, NOTE: " ".join((note or "").split()), "WARC-Truncated": truncated}
    record = writer.create_warc_record(
        url,
        "response",
        payload=io.BytesIO(bytes(body)),
        length=len(body),
        http_headers=http_headers,
        warc_headers_dict={
            "WARC-Record-ID": record_id,
            "WARC-Date": date,
            SOURCE_ID: source_id,
            VIA: via,
            FINAL: "true" if final else "false",
            **{k: v for k, v in extra.items() if v},
        },
    )
    writer.write_record(record)

    raw = Path(raw_dir)
    raw.mkdir(parents=True, exist_ok=True)
    path = raw / (warc_name or run_warc_name())
    with _lock_for(path.resolve()):
        with open(path, "ab") as fh:
            fh.write(writer_buf.getvalue())  # one write: a record is whole or cut at the end
            fh.flush()
            os.fsync(fh.fileno())
    return str(path)


def copy_record(resp: ArchivedResponse, raw_dir: str | Path, warc_name: str | None = None) -> str:
    """Append ``resp``'s stored gzip member, byte for byte, to a WARC file in ``raw_dir``."""
    raw = Path(raw_dir)
    raw.mkdir(parents=True, exist_ok=True)
    path = raw / (warc_name or run_warc_name())
    data = resp.raw_record()
    with _lock_for(path.resolve()):
        with open(path, "ab") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    return str(path)


def _reason(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


# -- reading ------------------------------------------------------------------------------


def _members(path: Path) -> Iterator[tuple[int, int, bytes]]:
    """(offset, length, decompressed bytes) of each complete gzip member of ``path``.

    A trailing member cut short (a killed run) or bytes that are not gzip end the
    iteration with an :class:`ArchiveWarning` naming the file.
    """
    chunk = 1 << 16
    with open(path, "rb") as fh:
        pos = 0  # file offset where the current member starts
        pending = b""  # bytes read from the file but not yet given to a decompressor
        while True:
            if not pending:
                pending = fh.read(chunk)
                if not pending:
                    return
            d = zlib.decompressobj(zlib.MAX_WBITS | 16)
            parts: list[bytes] = []
            used = 0
            try:
                while True:
                    parts.append(d.decompress(pending))
                    if d.eof:
                        used += len(pending) - len(d.unused_data)
                        pending = d.unused_data
                        break
                    used += len(pending)
                    pending = fh.read(chunk)
                    if not pending:
                        break
            except zlib.error as exc:
                warnings.warn(f"{path}: unreadable gzip data at byte {pos} ({exc}); records after it are skipped",
                              ArchiveWarning, stacklevel=3)
                return
            if not d.eof:
                warnings.warn(f"{path}: the last record (byte {pos} on) is cut short, probably by a killed run; "
                              "it is skipped (re-run collect to fetch it again)", ArchiveWarning, stacklevel=3)
                return
            yield pos, used, b"".join(parts)
            pos += used


def iter_responses(raw_dirs: str | Path | Iterable[str | Path], *, final_only: bool = False) -> Iterator[ArchivedResponse]:
    """Every response record in ``*.warc.gz`` under ``raw_dirs``, files in sorted order.

    Folders that do not exist are skipped. Records without a source id (written by
    another tool) are skipped too.
    """
    dirs = [Path(raw_dirs)] if isinstance(raw_dirs, (str, Path)) else [Path(d) for d in raw_dirs]
    for d in dirs:
        if not d.is_dir():
            continue
        for path in sorted(d.glob("*.warc.gz")):
            for offset, length, data in _members(path):
                for rec in ArchiveIterator(io.BytesIO(data)):
                    if rec.rec_type != "response" or rec.http_headers is None:
                        continue
                    sid = rec.rec_headers.get_header(SOURCE_ID)
                    if not sid:
                        continue
                    final = rec.rec_headers.get_header(FINAL, "true").lower() != "false"
                    if final_only and not final:
                        continue
                    hdrs: dict[str, str] = {}
                    for k, v in rec.http_headers.headers:
                        k = k.lower()
                        hdrs[k] = f"{hdrs[k]}, {v}" if k in hdrs else v
                    try:
                        status = int(rec.http_headers.get_statuscode())
                    except (TypeError, ValueError):
                        status = 0
                    yield ArchivedResponse(
                        source_id=sid,
                        url=rec.rec_headers.get_header("WARC-Target-URI", ""),
                        status=status,
                        headers=hdrs,
                        body=rec.content_stream().read(),
                        via=rec.rec_headers.get_header(VIA, "live"),
                        fetched_at=rec.rec_headers.get_header("WARC-Date", ""),
                        final=final,
                        requested_url=rec.rec_headers.get_header(REQUESTED, ""),
                        note=rec.rec_headers.get_header(NOTE, ""),
                        truncated=rec.rec_headers.get_header("WARC-Truncated", ""),
                        warc_path=str(path),
                        offset=offset,
                        length=length,
                    )


def read_responses(raw_dirs: str | Path | Iterable[str | Path]) -> dict[str, ArchivedResponse]:
    """The latest final response per source id across all ``*.warc.gz`` in ``raw_dirs``.

    "Latest" is by WARC-Date; equal dates go to the record read later (folders in the
    order given, files sorted by name, records in file order), so the result does not
    depend on the file system. A truncated trailing record is skipped with a warning.
    """
    latest: dict[str, ArchivedResponse] = {}
    for resp in iter_responses(raw_dirs, final_only=True):
        prev = latest.get(resp.source_id)
        if prev is None or resp.fetched_at >= prev.fetched_at:
            latest[resp.source_id] = resp
    return dict(sorted(latest.items()))
