"""The source registry: one row per news article the study collects.

``data/sources.csv`` is curated by hand, so it is validated strictly on load and every
problem is reported with the file, the CSV line, the field, the bad value and the fix,
all problems at once, so a researcher can correct the file in one pass.

Columns (header names are matched case-insensitively, surrounding spaces ignored):

- required: ``id``, ``url``, ``outlet``, ``country``, ``language``, ``published``
- optional: ``group``, ``kind``, ``notes``
- any other column (the starter file's ``domain``, for instance) is accepted and
  dropped: the returned frame always has exactly :data:`COLUMNS`, so every stage and
  every registry copy (``DIR/sources.csv``) has one shape. The domain is the URL's host.

Rules:

- ``id``: letters, digits, ``_``, ``.``, ``-``; unique in the file.
- ``url``: ``http``/``https`` with a host; unique after :func:`normalise_url`
  (tracking parameters, fragments and trailing slashes do not make a new article).
  Reserved ``.example`` hosts are allowed (the synthetic demo corpus uses them), and so
  are loopback hosts (the collector's tests serve pages from 127.0.0.1).
- ``country``: ISO 3166-1 alpha-2, upper case (``ID``, ``GB``); may be empty only when
  ``group`` is given (an aggregator of unknown location).
- ``language``: ISO 639-1, lower case (``id``, ``en``).
- ``published``: ``YYYY-MM-DD`` and a real calendar date, or empty (unknown: the
  extraction stage reads it from the page).
- ``group``: ``indonesia`` | ``international``; when empty it is derived from the
  country (:func:`group_for_country`: ``ID`` -> indonesia, anything else -> international).
- ``kind``: ``news`` | ``blog`` | ``aggregator`` | ``press-release``, or empty.
- ``notes``: free text (provenance, e.g. "copy of KompasTekno").
"""

from __future__ import annotations

import csv
import datetime as _dt
import hashlib
import io
import re
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import pandas as pd

from .config import GROUPS, ROOT, resolve
from .errors import StudyError

REQUIRED = ("id", "url", "outlet", "country", "language", "published")
OPTIONAL = ("group", "kind", "notes")
COLUMNS = REQUIRED + OPTIONAL
KINDS = ("news", "blog", "aggregator", "press-release")
INDONESIA = "ID"

# ISO 639-1 two-letter language codes (184 codes, from the iso-codes project's
# ISO 639-2 table, entries that carry an alpha-2 code; "bh" is kept although withdrawn).
ISO_639_1 = frozenset(
    """
    aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu
    cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi
    ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks
    ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl
    nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl
    sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve
    vi vo wa wo xh yi yo za zh zu
    """.split()
)

# ISO 3166-1 alpha-2 country codes (249 officially assigned codes, iso-codes project).
ISO_3166_1 = frozenset(
    """
    AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO
    BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ
    DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP
    GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG
    KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML
    MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE
    PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL
    SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM
    US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW
    """.split()
)

# Codes people write by habit, with the code they meant (a hint in the error message).
_COUNTRY_HINTS = {"UK": "GB", "EN": "GB", "INA": "ID", "IDN": "ID", "USA": "US", "IND": "IN"}
_LANGUAGE_HINTS = {
    "in": "id",  # Indonesian's withdrawn ISO 639 code, still used by Java locales
    "ind": "id",
    "eng": "en",
    "iw": "he",
    "ji": "yi",
    "jw": "jv",
    "msa": "ms",
    "may": "ms",
    "zho": "zh",
    "chi": "zh",
    "por": "pt",
    "spa": "es",
    "fre": "fr",
    "fra": "fr",
    "ger": "de",
    "deu": "de",
    "vie": "vi",
}

# Query parameters that only track a click; they never select a different article.
_TRACKING_EXACT = frozenset(
    {"fbclid", "gclid", "dclid", "igshid", "mc_cid", "mc_eid", "amp", "__twitter_impression"}
)
_TRACKING_PREFIXES = ("utm_",)

_ID_RE = re.compile(r"[A-Za-z0-9_.-]+")
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_LOOSE_DATE_RE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_HOST_RE = re.compile(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.?")
_MAX_REPORTED = 60  # a file wrong in every row is reported by its first problems


def group_for_country(country: str) -> str:
    """The comparison group of an outlet's country: ``ID`` -> indonesia, else international.

    Raises ValueError for an empty country: an outlet of unknown location needs its group
    decided (and written in the registry) by a person.
    """
    code = country.strip().upper()
    if not code:
        raise ValueError("no country given: write the group (indonesia or international) instead")
    return "indonesia" if code == INDONESIA else "international"


def normalise_url(url: str) -> str:
    """The URL as used for duplicate detection.

    Lower-case scheme and host, no default port, no fragment, no trailing slash on the
    path, and tracking parameters (``utm_*``, ``fbclid``, ``gclid``, ``amp``...) dropped;
    the remaining query parameters keep their order.
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    try:
        port = parts.port
    except ValueError:
        port = None
    if port is not None and (scheme, port) not in {("http", 80), ("https", 443)}:
        host = f"{host}:{port}"
    path = parts.path.rstrip("/")
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if k.lower() not in _TRACKING_EXACT and not k.lower().startswith(_TRACKING_PREFIXES)
    ]
    return urlunsplit((scheme, host, path, urlencode(query), ""))


def registry_sha256(path: str | Path) -> str:
    """SHA-256 (hex) of the registry file's bytes, for the run manifest."""
    p = resolve(path)
    try:
        return hashlib.sha256(p.read_bytes()).hexdigest()
    except FileNotFoundError:
        raise StudyError(
            f"{_display(p)}: no such file; check the path (relative paths start at the project root)"
        ) from None
    except IsADirectoryError:
        raise StudyError(f"{_display(p)} is a folder; give the registry CSV file inside it") from None


def load_sources(path: str | Path) -> pd.DataFrame:
    """Read and validate a source registry CSV.

    Returns one row per source, in file order, with exactly :data:`COLUMNS`, all ``str``
    (missing optional values are ``""``); ``group`` is filled in from the country where
    the file leaves it empty. Raises StudyError listing every problem found, each with the
    file, CSV line (header = line 1), field, bad value and the fix.
    """
    p = resolve(path)
    name = _display(p)
    text = _read_text(p, name)
    if not text.strip():
        raise StudyError(f"{name}: the file is empty; write a header line first: {','.join(COLUMNS)}")

    # strict: a quote left open would otherwise swallow the rest of the file into one field
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header_raw = next(reader)
    except csv.Error as exc:
        raise StudyError(
            f"{name}, line 1: the header cannot be read as CSV ({exc}); write: {','.join(COLUMNS)}"
        ) from None
    header = [h.strip().lower() for h in header_raw]
    _check_header(header, name)

    problems: list[tuple[int, str]] = []
    records: list[dict[str, str]] = []
    lines: list[int] = []
    while True:
        start = reader.line_num + 1  # the record starts on the line after the previous one ended
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append((start, f"{name}, line {start}: the row cannot be read as CSV ({exc}); "
                                    "check its quotes: close every opened quote, write a value with a comma "
                                    'as "like, this" and double a quote inside it ""'))
            break  # the reader cannot resynchronise after a broken quote
        if not row or all(not c.strip() for c in row):
            continue  # blank lines carry no source
        if len(row) != len(header):
            problems.append((start, f"{name}, line {start}: the row has {len(row)} fields but the header has "
                                    f"{len(header)}; put values containing commas in double quotes, close "
                                    "every opened quote, and leave empty fields as nothing between two commas"))
            continue
        rec = {h: v.strip() for h, v in zip(header, row)}
        out = {c: rec.get(c, "") for c in COLUMNS}
        problems.extend((start, msg) for msg in _check_row(out, name, start))
        records.append(out)
        lines.append(start)

    if not records and not problems:
        raise StudyError(f"{name}: no sources after the header line; add one line per article")
    problems.extend(_check_duplicates(records, lines, name))
    if problems:
        problems.sort(key=lambda t: t[0])
        n = len(problems)
        # one problem per line: a line break inside a bad value is shown escaped
        shown = [msg.replace("\r", "\\r").replace("\n", "\\n") for _, msg in problems[:_MAX_REPORTED]]
        if n > _MAX_REPORTED:
            shown.append(f"... and {n - _MAX_REPORTED} more")
        plural, them = ("s", "them") if n != 1 else ("", "it")
        head = f"{name}: {n} problem{plural} in the source registry; fix {them} and load again:"
        raise StudyError("\n".join([head, *("  " + s for s in shown)]))

    # No df.attrs: pandas writes attrs into parquet metadata, and a machine path must not
    # travel into the study's outputs.
    return pd.DataFrame.from_records(records, columns=list(COLUMNS)).astype(object)


# -- helpers -----------------------------------------------------------------------------


def _display(p: Path) -> str:
    """A path as a researcher reads it: relative to the project root when inside it."""
    try:
        return p.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(p)


def _read_text(p: Path, name: str) -> str:
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise StudyError(
            f"{name}: no such file; check the path (relative paths start at the project root), "
            "or start from data/demo/sources.csv"
        ) from None
    except IsADirectoryError:
        raise StudyError(f"{name} is a folder; give the registry CSV file inside it") from None
    try:
        return raw.decode("utf-8-sig")  # a BOM from spreadsheet exports is fine
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise StudyError(
            f"{name}, line {line}: the file is not UTF-8 (byte {raw[exc.start]:#04x}); "
            "save it as 'CSV UTF-8' from the spreadsheet"
        ) from None


def _check_header(header: list[str], name: str) -> None:
    dupes = sorted({h for h in header if h and header.count(h) > 1})
    if dupes:
        raise StudyError(f"{name}, line 1: column {', '.join(repr(d) for d in dupes)} appears twice; keep one")
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        found = ",".join(header) or "(nothing)"
        raise StudyError(
            f"{name}, line 1: the header lacks the required column{'s' if len(missing) > 1 else ''} "
            f"{', '.join(missing)} (found: {found}); the header must name {','.join(REQUIRED)} "
            f"and may add {','.join(OPTIONAL)}"
        )


def _check_row(r: dict[str, str], name: str, line: int) -> list[str]:
    """Problems in one row (and fill in its group when the row allows it)."""
    at = f"{name}, line {line}:"
    out: list[str] = []

    if not r["id"]:
        out.append(f"{at} id is empty; give each source an id such as id_kompas_0504")
    elif not _ID_RE.fullmatch(r["id"]):
        suggestion = re.sub(r"[^A-Za-z0-9_.-]+", "_", r["id"]).strip("_") or "id_outlet_mmdd"
        out.append(f"{at} id '{r['id']}' has characters other than letters, digits, _ . -; write e.g. {suggestion}")

    out.extend(f"{at} {m}" for m in _url_problems(r["url"]))

    if not r["outlet"]:
        out.append(f"{at} outlet is empty; write the outlet's name, e.g. Kompas.com")

    country = r["country"]
    if country and country not in ISO_3166_1:
        hint = _COUNTRY_HINTS.get(country.upper())
        if hint is None and country.upper() in ISO_3166_1:
            hint = country.upper()
        fix = f"write {hint}" if hint else "write the ISO 3166-1 alpha-2 code in upper case, e.g. ID, US, GB"
        out.append(f"{at} country '{country}' is not an ISO 3166-1 alpha-2 code; {fix}")

    lang = r["language"]
    if not lang:
        out.append(f"{at} language is empty; write the ISO 639-1 code of the article's language, e.g. id or en")
    elif lang not in ISO_639_1:
        hint = _LANGUAGE_HINTS.get(lang.lower())
        if hint is None and lang.lower() in ISO_639_1:
            hint = lang.lower()
        fix = f"write {hint}" if hint else "write the ISO 639-1 code in lower case, e.g. id, en, de"
        out.append(f"{at} language '{lang}' is not an ISO 639-1 code; {fix}")

    pub = r["published"]
    if pub:
        problem = _date_problem(pub)
        if problem:
            out.append(f"{at} published '{pub}' {problem}")

    group = r["group"]
    if group:
        if group not in GROUPS:
            lowered = group.lower()
            fix = f"write {lowered}" if lowered in GROUPS else f"write {' or '.join(GROUPS)}"
            out.append(f"{at} group '{group}' is not a study group; {fix}")
    elif not country:
        out.append(f"{at} country is empty and no group is given; write the outlet's country "
                   "(ISO 3166-1 alpha-2, e.g. ID) or the group (indonesia or international)")
    elif country in ISO_3166_1:
        r["group"] = group_for_country(country)

    kind = r["kind"]
    if kind and kind not in KINDS:
        lowered = kind.lower().replace(" ", "-").replace("_", "-")
        fix = f"write {lowered}" if lowered in KINDS else f"write one of {', '.join(KINDS)} (or leave it empty)"
        out.append(f"{at} kind '{kind}' is not a known kind; {fix}")
    return out


def _url_problems(url: str) -> list[str]:
    if not url:
        return ["url is empty; paste the article's address, starting with https://"]
    if any(c.isspace() for c in url):
        return [f"url '{url}' contains a space or line break; remove it (a space inside a path is written %20)"]
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        return [f"url '{url}' is not an http(s) address; write the full address, starting with https://"]
    host = parts.hostname or ""
    try:
        parts.port
    except ValueError:
        return [f"url '{url}' has a bad port number; remove it or write a number after the colon"]
    if not host:
        return [f"url '{url}' has no host; write the full address, e.g. https://tekno.kompas.com/read/..."]
    if not (_HOST_RE.fullmatch(host) or _is_ip(host)):
        return [f"url '{url}' has an invalid host '{host}'; copy the address from the browser's address bar"]
    return []


def _is_ip(host: str) -> bool:
    import ipaddress

    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _date_problem(value: str) -> str | None:
    """Why ``value`` is not a YYYY-MM-DD calendar date (None when it is)."""
    if _DATE_RE.fullmatch(value):
        try:
            _dt.date.fromisoformat(value)
        except ValueError:
            return "is not a real calendar date; check the day and month (YYYY-MM-DD), or leave it empty if unknown"
        return None
    m = _LOOSE_DATE_RE.fullmatch(value)
    if m:
        try:
            d = _dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            pass
        else:
            return f"is not a date; write YYYY-MM-DD, e.g. {d.isoformat()}"
    return "is not a date; write YYYY-MM-DD, e.g. 2020-05-02, or leave it empty if unknown"


def _check_duplicates(records: list[dict[str, str]], lines: list[int], name: str) -> list[tuple[int, str]]:
    """Rows that repeat an earlier row's id or (normalised) URL, naming both lines."""
    out: list[tuple[int, str]] = []
    seen_id: dict[str, int] = {}
    seen_url: dict[str, tuple[int, str]] = {}
    for rec, line in zip(records, lines):
        rid = rec["id"]
        if rid:
            if rid in seen_id:
                out.append((line, f"{name}, line {line}: id '{rid}' is already used on line {seen_id[rid]}; "
                                  "give each source its own id"))
            else:
                seen_id[rid] = line
        if rec["url"] and not _url_problems(rec["url"]):
            key = normalise_url(rec["url"])
            if key in seen_url:
                first_line, first_url = seen_url[key]
                same = "is already listed" if first_url == rec["url"] else f"is the same address as '{first_url}'"
                out.append((line, f"{name}, line {line}: url '{rec['url']}' {same} on line {first_line}"
                                  " (ignoring tracking parameters, fragment and trailing slash); "
                                  "remove one of the two rows"))
            else:
                seen_url[key] = (line, rec["url"])
    return out
