"""The WARC archive: what goes in comes out, byte for byte; killed runs stay readable.

All pages here are synthetic, written for these tests.
"""

from __future__ import annotations

import gzip
import subprocess
import sys
import warnings

import pytest
from warcio.archiveiterator import ArchiveIterator

from coverage.archive import ArchiveWarning, copy_record, iter_responses, read_responses, warc_date, write_response

PAGE = "<html><head><meta charset='windows-1252'></head><body><p>Synthetic test page: caf\xe9</p></body></html>".encode("cp1252")
HEADERS = [("Content-Type", "text/html; charset=windows-1252"), ("Set-Cookie", "a=1"), ("Set-Cookie", "b=2")]


def _write(raw, sid="s1", body=PAGE, **kw):
    kw.setdefault("url", f"http://news.example/{sid}")
    kw.setdefault("status", 200)
    kw.setdefault("headers", HEADERS)
    kw.setdefault("via", "live")
    return write_response(raw, source_id=sid, body=body, **kw)


def test_round_trip_keeps_status_headers_and_exact_bytes(tmp_path):
    path = _write(tmp_path, fetched_at="2020-05-04T10:00:00Z")
    got = read_responses(tmp_path)
    assert list(got) == ["s1"]
    r = got["s1"]
    assert (r.url, r.status, r.via, r.fetched_at, r.final) == (
        "http://news.example/s1", 200, "live", "2020-05-04T10:00:00Z", True)
    assert r.body == PAGE  # not decoded, not re-encoded
    assert r.headers == {"content-type": "text/html; charset=windows-1252", "set-cookie": "a=1, b=2"}
    assert path.endswith(".warc.gz") and path.startswith(str(tmp_path))


def test_each_record_is_its_own_gzip_member_and_standard_readers_agree(tmp_path):
    for sid in ("a", "b", "c"):
        path = _write(tmp_path, sid=sid, warc_name="run.warc.gz")
    data = open(path, "rb").read()
    # three gzip headers (1f 8b 08) open three members
    assert data.count(b"\x1f\x8b\x08") == 3
    with open(path, "rb") as fh:
        uris = [rec.rec_headers.get_header("WARC-Target-URI") for rec in ArchiveIterator(fh)]
    assert uris == ["http://news.example/a", "http://news.example/b", "http://news.example/c"]
    text = gzip.decompress(data).decode("latin-1")
    assert "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1252\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2" in text
    assert "X-Coverage-Source-Id: b" in text and "X-Coverage-Via: live" in text


def test_fetched_at_makes_the_archive_byte_identical(tmp_path):
    def build(folder):
        for sid in ("a", "b"):
            p = _write(folder, sid=sid, fetched_at="2020-05-04T10:00:00Z", warc_name="demo.warc.gz")
        return open(p, "rb").read()

    first, second = build(tmp_path / "one"), build(tmp_path / "two")
    assert first == second
    # without fetched_at the record id is random
    x = _write(tmp_path / "three", warc_name="x.warc.gz")
    y = _write(tmp_path / "four", warc_name="x.warc.gz")
    assert open(x, "rb").read() != open(y, "rb").read()


def test_latest_final_record_wins_and_non_final_are_ignored(tmp_path):
    _write(tmp_path, status=404, fetched_at="2024-01-01T00:00:00Z", warc_name="a.warc.gz")
    _write(tmp_path, status=200, body=b"<p>new</p>", fetched_at="2024-01-02T00:00:00Z", via="wayback", warc_name="a.warc.gz")
    _write(tmp_path, status=503, body=b"busy", fetched_at="2024-01-03T00:00:00Z", final=False, warc_name="b.warc.gz")
    got = read_responses([tmp_path])["s1"]
    assert (got.status, got.body, got.via) == (200, b"<p>new</p>", "wayback")
    all_records = list(iter_responses(tmp_path))
    assert [(r.status, r.final) for r in all_records] == [(404, True), (200, True), (503, False)]


def test_equal_dates_go_to_the_record_read_last(tmp_path):
    _write(tmp_path, body=b"first", fetched_at="2024-01-01T00:00:00Z", warc_name="a.warc.gz")
    _write(tmp_path, body=b"second", fetched_at="2024-01-01T00:00:00Z", warc_name="b.warc.gz")
    assert read_responses(tmp_path)["s1"].body == b"second"


def test_truncated_trailing_record_is_skipped_with_a_warning_naming_the_file(tmp_path):
    path = _write(tmp_path, sid="kept", warc_name="killed.warc.gz")
    size = len(open(path, "rb").read())
    _write(tmp_path, sid="cut", body=b"x" * 5000, warc_name="killed.warc.gz")
    with open(path, "r+b") as fh:
        fh.truncate(size + 40)  # the second member loses its end, as when a run is SIGKILLed
    with pytest.warns(ArchiveWarning, match="killed.warc.gz"):
        got = read_responses(tmp_path)
    assert list(got) == ["kept"]


def test_missing_folder_reads_as_empty(tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert read_responses([tmp_path / "nope"]) == {}


def test_copy_record_is_byte_identical(tmp_path):
    _write(tmp_path / "seed", fetched_at="2020-05-02T00:00:00Z", warc_name="seed.warc.gz")
    rec = read_responses(tmp_path / "seed")["s1"]
    out = copy_record(rec, tmp_path / "run", warc_name="copy.warc.gz")
    assert open(out, "rb").read() == open(tmp_path / "seed" / "seed.warc.gz", "rb").read()
    assert read_responses(tmp_path / "run")["s1"] == rec


def test_warc_date_forms():
    assert warc_date("2020-05-04T10:00:00Z") == "2020-05-04T10:00:00Z"
    assert warc_date("2020-05-04T17:00:00+07:00") == "2020-05-04T10:00:00Z"
    assert warc_date("2020-05-04") == "2020-05-04T00:00:00Z"
    from coverage.errors import StudyError

    with pytest.raises(StudyError, match="ISO 8601"):
        warc_date("4 May 2020")


def test_bad_via_is_refused(tmp_path):
    with pytest.raises(ValueError, match="via"):
        _write(tmp_path, via="cache")


def test_default_file_name_is_one_per_process(tmp_path):
    code = (
        "import sys; from coverage.archive import write_response as w\n"
        "a = w(sys.argv[1], source_id='a', url='http://x.example/', status=200, headers=[], body=b'', via='live')\n"
        "b = w(sys.argv[1], source_id='b', url='http://x.example/', status=200, headers=[], body=b'', via='live')\n"
        "print(a == b)"
    )
    res = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, check=True)
    assert res.stdout.strip() == "True"
    (name,) = [p.name for p in tmp_path.iterdir()]
    assert name.endswith(".warc.gz") and "-" in name
