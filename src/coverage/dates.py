"""Publication dates: from the URL, the page's markup, and Indonesian date forms.

``find_published(html, url, lang)`` tries, in order, and returns the first hit as
``YYYY-MM-DD`` ("" when nothing is found):

1. the URL: news portals put the publication date in the path (``/2020/05/02/``,
   ``/read/2020/05/04/``, ``/read/20200502/``, Riau Pos' ``/03/05/2020/``);
2. the date the markup states (JSON-LD ``datePublished``, meta ``article:published_time``,
   Dublin Core, the meta names Indonesian CMSs use);
3. our parser on the date elements after the headline (class/id with date, time, tanggal,
   waktu, publish...; ``<time>``), a publication stamp before an "updated" one:
   htmldate does not read "Sabtu, 2 Mei 2020 10:15 WIB" or "02/05/2020, 10:15 WIB";
4. our parser on the text that follows the headline (bylines in unclassed elements:
   "Rabu 29 April 2020, 14:21 WIB", "1 Mei 2020 | 09:00 WIB");
5. htmldate on the markup only (``original_date=True``), then its extensive search.

Dates before the headline are never used: portals print today's date in the site header,
which is the crawl date; an htmldate answer equal to such a date is refused.

The registry's date wins over all of these (coverage.extract.extract_run logs a
disagreement). Indonesian numeric dates are day first (02/05/2020 is 2 May).
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator

# Month names and the abbreviations Indonesian portals print (Agu/Agt/Ags for Agustus,
# Okt for Oktober, Des for Desember, Peb/Nop in older spelling), plus English names
# (Indonesian sites mix them: "02 May 2020").
MONTHS = {
    "januari": 1, "jan": 1, "january": 1,
    "februari": 2, "feb": 2, "peb": 2, "pebruari": 2, "february": 2,
    "maret": 3, "mar": 3, "march": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "agst": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "oct": 10, "october": 10,
    "november": 11, "nov": 11, "nop": 11, "nopember": 11,
    "desember": 12, "des": 12, "dec": 12, "december": 12,
}
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
DAYS = ("senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu", "ahad")

# "Sabtu, 2 Mei 2020", "Senin 04 Mei 2020", "2 Agt. 2020", "02-Mei-2020"
_DAY_MONTH_YEAR = re.compile(
    rf"(?<![\w])(\d{{1,2}})[\s.\-/]*({_MONTH_ALT})\.?[\s.,\-/]*((?:19|20)\d{{2}})(?!\d)", re.I
)
# "Mei 2, 2020", "May 02 2020"
_MONTH_DAY_YEAR = re.compile(
    rf"(?<![\w])({_MONTH_ALT})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{{2}})(?!\d)", re.I
)
# "02/05/2020", "2-5-2020", "02.05.2020": day first
_NUMERIC_DMY = re.compile(r"(?<![\d/.\-])(\d{1,2})([/.\-])(\d{1,2})\2((?:19|20)\d{2})(?![\d/])")
# "2020-05-02", "2020/05/02"
_NUMERIC_YMD = re.compile(r"(?<![\d/.\-])((?:19|20)\d{2})([/.\-])(\d{1,2})\2(\d{1,2})(?![\d/])")


def _valid(y: int, m: int, d: int) -> _dt.date | None:
    try:
        day = _dt.date(y, m, d)
    except ValueError:
        return None
    return day if 1995 <= y <= _dt.date.today().year + 1 else None


def parse_indonesian_date(s: str) -> _dt.date | None:
    """The first date written in ``s`` the way Indonesian pages write it, or None.

    Accepts "Sabtu, 2 Mei 2020 10:15 WIB", "Senin 04 Mei 2020", "2 Agt 2020",
    "02/05/2020, 10:15 WIB" (day first), "2020-05-02", and English month names.
    """
    if not s:
        return None
    found: list[tuple[int, _dt.date]] = []
    for m in _DAY_MONTH_YEAR.finditer(s):
        d = _valid(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
        if d:
            found.append((m.start(), d))
            break
    for m in _MONTH_DAY_YEAR.finditer(s):
        d = _valid(int(m.group(3)), MONTHS[m.group(1).lower()], int(m.group(2)))
        if d:
            found.append((m.start(), d))
            break
    for m in _NUMERIC_DMY.finditer(s):
        d = _valid(int(m.group(4)), int(m.group(3)), int(m.group(1)))
        if d:
            found.append((m.start(), d))
            break
    for m in _NUMERIC_YMD.finditer(s):
        d = _valid(int(m.group(1)), int(m.group(3)), int(m.group(4)))
        if d:
            found.append((m.start(), d))
            break
    return min(found)[1] if found else None


# URL forms: /2020/05/02/, /2020-05-02/, /20200502/, /03/05/2020/ (day first, Riau Pos)
_URL_YMD = re.compile(r"(?<!\d)((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?!\d)")
_URL_YMD8 = re.compile(r"(?<![\d])((?:19|20)\d{2})(\d{2})(\d{2})(?![\d])")
_URL_DMY = re.compile(r"/(\d{1,2})[/_-](\d{1,2})[/_-]((?:19|20)\d{2})(?=/|$|[_-])")


def url_date(url: str) -> _dt.date | None:
    """The date in a news URL's path, or None (query strings and host are ignored)."""
    from urllib.parse import urlsplit

    path = urlsplit(url or "").path
    for rx, order in ((_URL_YMD, "ymd"), (_URL_DMY, "dmy"), (_URL_YMD8, "ymd")):
        for m in rx.finditer(path):
            a, b, c = (int(g) for g in m.groups())
            d = _valid(a, b, c) if order == "ymd" else _valid(c, b, a)
            if d:
                return d
    return None


_DATE_ATTR = re.compile(r"date|time|tanggal|waktu|publish|posted|created|byline|dateline|meta|info", re.I)

# Markup that states the publication date (schema.org, Open Graph, Dublin Core, and the
# meta names Indonesian CMSs use).
_META_NAMES = {
    "article:published_time", "og:published_time", "og:article:published_time", "datepublished",
    "pubdate", "publishdate", "publish-date", "publish_date", "published_time", "date",
    "dc.date", "dc.date.issued", "dcterms.issued", "dcterms.created", "content_publisheddate",
    "parsely-pub-date", "sailthru.date", "article.published", "cxenseparse:recs:publishtime",
}


def jsonld_strings(tree, key: str) -> Iterator[str]:
    """Every string value of ``key`` in the page's JSON-LD blocks, breadth first in page order
    (schema.org objects nest: @graph lists, mainEntity, ...). Broken JSON is skipped."""
    import json

    for s in tree.iterfind('.//script[@type="application/ld+json"]'):
        try:
            queue = [json.loads(s.text or "")]
        except (ValueError, TypeError):
            continue
        while queue:
            x = queue.pop(0)
            if isinstance(x, list):
                queue.extend(x)
            elif isinstance(x, dict):
                if isinstance(x.get(key), str):
                    yield x[key]
                queue.extend(v for v in x.values() if isinstance(v, (list, dict)))


def _markup_date(tree) -> _dt.date | None:
    """The publication date the markup states: JSON-LD datePublished, then meta tags."""
    for v in jsonld_strings(tree, "datePublished"):
        d = parse_indonesian_date(v)
        if d:
            return d
    for m in tree.iterfind(".//meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        if key in _META_NAMES:
            d = parse_indonesian_date(m.get("content") or "")
            if d:
                return d
    return None


def _text_candidates(tree) -> tuple[list[str], list[str], list[str]]:
    """Texts likely to hold the publication date, as (after, following, before).

    ``after``: <time> and date-classed elements after the headline (the article's own);
    ``following``: the text that follows the headline; ``before``: date-classed elements
    before the headline (portals print today's date in the site header: the crawl date).
    """
    h1 = tree.find(".//h1")
    before, after = [], []
    seen_h1 = h1 is None
    for el in tree.iter():
        if el is h1:
            seen_h1 = True
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "head", "html", "body"):
            continue
        attrs = f"{el.get('class') or ''} {el.get('id') or ''}"
        if el.tag == "time" or _DATE_ATTR.search(attrs):
            t = " ".join(el.text_content().split())
            if el.tag == "time" and el.get("datetime"):
                t = el.get("datetime") + " " + t
            if 6 <= len(t) <= 200:
                (after if seen_h1 else before).append(t)
    following = []
    if h1 is not None:
        size = 0
        started = False
        for el in tree.iter():
            if el is h1:
                started = True
            if not started or not isinstance(el.tag, str) or el.tag in ("script", "style"):
                continue
            for t in (el.text, el.tail):
                if t and t.strip():
                    following.append(t.strip())
                    size += len(t)
            if size > 1500:
                break
    return after, [" ".join(following)] if following else [], before


def find_published(html: str, url: str, lang: str | None) -> str:
    """The page's publication date as ``YYYY-MM-DD``, or "" when none is found.

    Order: URL, the markup's stated date, date elements after the headline (our parser
    reads Indonesian and English forms; publication before update), the text after the
    headline, htmldate on the markup, then its free-text search (never a date the site
    header printed before the headline). ``lang`` is accepted for symmetry with the
    other stages; the parser reads Indonesian and English month names on every page.
    """
    d = url_date(url)
    if d:
        return d.isoformat()
    tree = _tree(html)
    if tree is None:
        return ""
    d = _markup_date(tree)
    if d:
        return d.isoformat()
    after, following, before = _text_candidates(tree)
    # A byline that shows both stamps: the publication date, not the update.
    after = sorted(after, key=lambda t: bool(_UPDATED.search(t)))
    for text in after + following:
        d = parse_indonesian_date(text)
        if d:
            return d.isoformat()
    # htmldate reads the site header too; a date printed before the headline is the day the
    # page was fetched, not published.
    header_dates = {d.isoformat() for d in map(parse_indonesian_date, before) if d}
    for extensive in (False, True):
        found = _htmldate(html, url, extensive=extensive)
        if found and found not in header_dates:
            return found
    return ""


_UPDATED = re.compile(r"\b(diperbarui|pembaruan|update[ds]?|modified|diubah|terakhir|last)\b", re.I)


def _tree(html: str):
    from trafilatura.utils import load_html

    if not html or "<" not in html:
        return None
    try:
        return load_html(html)
    except Exception:  # noqa: BLE001 - an unparsable page has no date
        return None


def _htmldate(html: str, url: str, *, extensive: bool) -> str:
    from htmldate import find_date

    # A fresh tree each time: htmldate prunes the tree it is given. (A tree, not the
    # string: htmldate would treat a URL-like string as an address to download.)
    tree = _tree(html)
    if tree is None:
        return ""
    try:
        found = find_date(
            tree,
            url=url or None,
            original_date=True,
            outputformat="%Y-%m-%d",
            extensive_search=extensive,
            min_date="1995-01-01",
            max_date=f"{_dt.date.today().year + 1}-12-31",  # generous: archived pages are never later
        )
    except Exception:  # noqa: BLE001 - htmldate raises on odd markup; no date then
        return ""
    return found or ""
