"""Extraction: archived HTML -> the article's main text and metadata.

The body comes from trafilatura, corrected by what it tends to get wrong on news pages:

1. ``decode_html``: bytes to text that is right whatever the page declares (strict UTF-8
   first, then the declared charset, then the legacy code page of the article's language,
   then charset-normalizer, preferring windows-1252 among equally good Latin guesses, as
   browsers do for ISO-8859-1). Every later step (trafilatura, newspaper3k, htmldate, the
   lead and JSON-LD readers) parses this one decoded ``str``, never the bytes, so no library
   re-reads a stale ``<meta charset>``.
2. HTML pre-clean (``data/codebook/boilerplate.yml``, ``html_rules``): ad slots and
   "Baca juga" boxes that sit inside the article container. Before it, ``wrap_loose_text``:
   text left loose in a container beside its own paragraphs (the paragraph after an ad
   ``<div>`` that sat inside a ``<p>``, which the parser closes at the ``<div>``) becomes
   ``<p>``s, one per ``<br><br>`` paragraph, so trafilatura keeps it; a removed box between
   two runs of loose text leaves a line break instead of gluing them. Before that,
   ``unwrap_layout_tables`` (2.1): a table one of whose cells holds the headline or two long
   paragraphs is a page layout, not data; its table, row and cell elements become ``<div>``s
   (trafilatura printed such a cell as one " | " line that no line rule could judge).
3. trafilatura (``include_comments=False``: reader comments are not the article).
4. Fallbacks when the body is empty or thin: the page's JSON-LD ``articleBody``, then
   newspaper3k's body, whichever is longer.
5. The lead (standfirst, "intro", "chapo", "teaser-text"...): news sites put it outside the
   body container, where trafilatura misses it; the first such element is prepended when
   the body lacks it. An author's bio ("author-description") or a blog's tagline
   ("site-description") is not a lead, nor anything inside an author box or the masthead.
6. Line filter (``boilerplate.yml``, ``line_rules``): "Baca juga:", "Pewarta:", "ADVERTISEMENT",
   copyright, share and newsletter prompts, syndication notes, sign-offs, datelines, comment
   widgets ("Tidak ada komentar", "Be the first to comment"), tips prompts ("Got a story?
   Email ...", "Kirim berita ke redaksi"), wire and staff credits at the tail ("— with AAP",
   "(ANTARA)", "@handle/editor"); a one-cell table's line ("| Baca juga: ... |") is judged
   without its bars; a date line, or a meta strip of short " | " segments one of which is a
   date ("<date> | categories: ... | View Comments"), goes.
7. Short chrome lines (``boilerplate.yml``, ``short_lines``; ``drop_short_chrome``): widget
   labels no phrase rule names ("Supported by", "Image 1 of 4", "Story continues") are judged
   by where the page puts them: before the <h1>, in a box whose tag, class/id or link density
   marks it as chrome, or, with few stopwords (newspaper3k's test of prose), in a small box
   whose markup no long paragraph of the article shares. Subheadings, list items and short
   sentences of the body stay; a line found in the page's JSON-LD articleBody always stays.
8. Chrome blocks (``boilerplate.yml``, ``chrome_blocks`` and ``line_score``;
   ``drop_chrome_blocks``): chrome written as plain sentences. A line goes when every element
   printing it sits in a box below the body's container whose tag or class/id/role/aria/data-*
   words name chrome (related, newsletter, podcast, disclosure, caption, <figure>...), or when
   a hand-weighted score of shallow signs (a call to action, the site's product vocabulary, its
   own site name, a caption/stamp/sign-off shape, after the body, italic, few stopwords;
   quotes and speech verbs count against) passes the threshold with at least one sign that
   says what the line is.
   Lines that only look like chrome are kept on purpose: an attribution ("Sumber: Antara",
   "Source: Forbes"; ``keep_lines``), which coverage.citations counts.
9. Credits (``split_credits``): those attribution lines leave the article text for their own
   column, ``credits``: they say where the story came from, they are not the story. The
   analyse stage hands text and credits together to coverage.citations.

Paragraphs are separated by ``\\n``. newspaper3k supplies title, authors and top image
(``extract_article``); dates come from :mod:`coverage.dates`. Rule versions are those of
boilerplate.yml (2.8, 2026-11-29); the benchmark and held-out figures for each step are in the
README's extraction section, and what was tried and not kept in :mod:`coverage.bench`.
"""

from __future__ import annotations

import codecs
import functools
import hashlib
import logging
import re
import unicodedata
import warnings
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .config import CODEBOOK, RunPaths, resolve
from .codebook import read_yaml
from .dates import jsonld_strings
from .errors import StudyError

BOILERPLATE_FILE = CODEBOOK / "boilerplate.yml"

ARTICLE_COLUMNS = (
    "id", "url", "outlet", "country", "language", "group", "title", "published",
    "authors", "text", "credits", "n_words", "extractor", "html_sha256", "cluster_id",
)

# The libraries log every discarded page at WARNING; without a handler Python would print
# them to stderr. A NullHandler keeps them quiet unless the caller configures logging.
for _name in ("trafilatura", "htmldate", "newspaper", "charset_normalizer", "readability", "justext"):
    logging.getLogger(_name).addHandler(logging.NullHandler())

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

# A body shorter than this (characters) is "thin": the fallbacks are tried.
THIN_CHARS = 250
# Fewer words than this is a menu or a label ("Home"), not an article: "" is returned.
MIN_WORDS = 5
# ... unless the text is this long: Chinese and Japanese write no spaces between words.
MIN_CHARS_UNSPACED = 40


# --------------------------------------------------------------------------- decoding

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)""", re.I)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
# WHATWG: browsers decode these labels as windows-1252, a superset that gives the curly
# quotes and dashes (0x80-0x9F) their meaning instead of C1 control characters.
_AS_CP1252 = {"latin_1", "iso8859_1", "ascii", "iso8859_15", "cp1252"}


def _codec(label: str) -> str | None:
    try:
        name = codecs.lookup(label.strip().strip("\"'").lower()).name.replace("-", "_")
    except LookupError:
        return None
    return "cp1252" if name in _AS_CP1252 else name


def declared_charsets(html: bytes, content_type: str | None = None) -> list[str]:
    """Charsets the response declares, most authoritative first (header, meta, XML)."""
    found: list[str] = []
    if content_type:
        m = _HEADER_CHARSET.search(content_type)
        if m:
            found.append(m.group(1))
    head = html[:8192]
    found += [m.group(1).decode("ascii", "replace") for m in _META_CHARSET.finditer(head)]
    m = _XML_ENCODING.match(head)
    if m:
        found.append(m.group(1).decode("ascii", "replace"))
    codecs_: list[str] = []
    for label in found:
        c = _codec(label)
        if c and c not in codecs_:
            codecs_.append(c)
    return codecs_


def decode_html(html: bytes, content_type: str | None = None, lang: str | None = None) -> str:
    """Bytes in, the page's text out, whatever the page declares.

    Strict UTF-8 first (a page that decodes as UTF-8 is UTF-8, even when its header or
    meta says ISO-8859-1), then UTF-8 with a few stray bytes replaced (U+FFFD) when the
    page is otherwise valid UTF-8, then each declared charset, strictly, then the legacy
    code page of the article's language (``lang``, else the page's ``<html lang>``), then
    charset-normalizer's guess. A byte-order mark is honoured and removed.

    The result is a ``str``: every later step (trafilatura, newspaper3k, htmldate) parses
    this text and never the bytes, so no library re-reads the page's stale declaration.
    """
    if isinstance(html, str):
        return html
    if html.startswith(codecs.BOM_UTF8):
        html = html[len(codecs.BOM_UTF8):]
    elif html[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        return html.decode("utf-16", errors="replace")
    try:
        return html.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # A UTF-8 page with a stray byte (a pasted windows-1252 quote, a truncated character):
    # many valid multi-byte characters and few errors. Single-byte pages almost never
    # form valid UTF-8 sequences, so they fail this test.
    lenient = html.decode("utf-8", errors="replace")
    bad = lenient.count("\ufffd")
    if sum(1 for ch in lenient if ord(ch) > 0x7F) - bad >= 10 * bad:
        return lenient
    for enc in declared_charsets(html, content_type):
        if enc in ("utf_8", "utf_16", "utf_16_le", "utf_16_be"):
            continue  # UTF-8 failed above; a UTF-16 label in an 8-bit page is a lie
        try:
            return html.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
    legacy = _legacy_codec(lang or page_language(html))
    if legacy:
        try:
            return html.decode(legacy)
        except UnicodeDecodeError:
            pass  # bytes the language's code page leaves undefined: not that code page
    return html.decode(_guess_charset(html), errors="replace")


# HTML Living Standard, "determining the character encoding", step 9 (the WHATWG Encoding
# standard's locale table): with no usable declaration a browser falls back to the legacy
# single-byte code page of the reader's locale. The article's language is a better locale
# than ours, so it picks the code page. A statistical guess is no substitute: on a short
# page charset-normalizer reads "Lefèvre" as Baltic cp1257 ("Lefčvre"), because every Latin
# code page decodes the same bytes without error.
_LEGACY_BY_LANG = {
    **dict.fromkeys(("cs", "hu", "pl", "sk", "sl", "hr", "bs", "ro", "sq"), "cp1250"),
    **dict.fromkeys(("ru", "uk", "bg", "be", "mk", "sr", "kk"), "cp1251"),
    "el": "cp1253", "tr": "cp1254", "az": "cp1254", "he": "cp1255", "yi": "cp1255",
    **dict.fromkeys(("ar", "fa", "ur"), "cp1256"),
    **dict.fromkeys(("lt", "lv", "et"), "cp1257"),
    "vi": "cp1258", "th": "cp874",
}
# Multi-byte legacy encodings (Shift_JIS, GBK, EUC-KR, Big5) are left to the statistical
# guess, which tells them apart reliably.
_GUESS_LANGS = frozenset(("ja", "zh", "ko"))
_HTML_LANG = re.compile(rb"""<html\b[^>]*?\blang\s*=\s*["']?\s*([A-Za-z]{2,3})""", re.I)


def page_language(html: bytes) -> str | None:
    """The primary language subtag of the page's ``<html lang>`` ("en-AU" -> "en"), or None."""
    m = _HTML_LANG.search(html[:8192])
    return m.group(1).decode("ascii").lower() if m else None


def _text_language(text: str) -> str | None:
    m = _HTML_LANG.search(text[:8192].encode("utf-8", "replace"))
    return m.group(1).decode("ascii").lower() if m else None


def _legacy_codec(lang: str | None) -> str | None:
    """The legacy code page a browser in ``lang``'s locale falls back to (None: guess)."""
    if not lang:
        return None
    lang = lang.split("-")[0].split("_")[0].lower()
    if lang in _GUESS_LANGS:
        return None
    return _LEGACY_BY_LANG.get(lang, "cp1252")


def _guess_charset(html: bytes) -> str:
    from charset_normalizer import from_bytes

    matches = list(from_bytes(html))
    if not matches:
        return "cp1252"
    best = matches[0]
    # Latin code pages tie on mostly-Latin pages (chaos is the mess detector's verdict;
    # "coherence" is a language guess that is noise on a short page). Among the tied ones,
    # windows-1252 is what such pages are (English, Indonesian, Western European news),
    # and what a browser in those locales would use.
    tied = {enc for m in matches if m.chaos <= best.chaos + 0.01 for enc in m.could_be_from_charset}
    return "cp1252" if "cp1252" in tied else best.encoding


# --------------------------------------------------------------------------- boilerplate rules


@dataclass(frozen=True)
class LineRule:
    """One line pattern of boilerplate.yml."""

    id: str
    section: str  # "common", "id", "en", ...
    regex: re.Pattern
    max_len: int
    tail_only: bool = False  # `where: tail`: only the last TAIL_LINES lines
    last_only: bool = False  # `where: last`: only the text's last line (after the other rules)
    sees_bullet: bool = False  # `sees_bullet: true`: also sees a lone list-dash line with its dash


@dataclass(frozen=True)
class ShortLines:
    """The ``short_lines`` section of boilerplate.yml (structural rule for widget labels)."""

    max_words: int = 8
    max_chars: int = 80
    box_max_words: int = 40
    max_stopwords: int = 2
    long_chars: int = 100
    box_slack: int = 150
    link_density: float = 0.5
    chrome_tags: frozenset[str] = frozenset()
    chrome_tokens: re.Pattern | None = None


@dataclass(frozen=True)
class Boilerplate:
    """The rules of boilerplate.yml, compiled."""

    version: str
    line_rules: tuple[LineRule, ...]
    html_xpaths: tuple[tuple[str, object], ...]  # (rule id, compiled lxml XPath)
    date_words: frozenset[str]
    date_max_len: int
    list_heading: re.Pattern | None = None
    list_heading_max_len: int = 60
    headline_max_len: int = 150
    short_lines: ShortLines | None = None
    chrome_blocks: "ChromeBlocks | None" = None
    line_score: "LineScore | None" = None
    keep_line: re.Pattern | None = None  # attribution lines the structural steps never drop
    source: str = ""

    def rules_for(self, lang: str | None) -> tuple[LineRule, ...]:
        """The line rules for a page in ``lang``: common, English (the web's chrome language,
        found on Indonesian portals too) and the page's language; all of them when unknown."""
        if not lang:
            return self.line_rules
        return tuple(r for r in self.line_rules if r.section in ("common", "en", lang))


@functools.lru_cache(maxsize=8)
def load_boilerplate(path: str | Path = BOILERPLATE_FILE) -> Boilerplate:
    """Read and compile boilerplate.yml; StudyError names the rule and the fix."""
    from lxml.etree import XPath, XPathSyntaxError

    p = resolve(path)
    data = read_yaml(p)
    if "line_rules" not in data:
        raise StudyError(f"{p}: expected a mapping with 'line_rules'; see the file's header comment")
    rules: list[LineRule] = []
    for section, entries in (data.get("line_rules") or {}).items():
        for i, e in enumerate(entries or []):
            rid = (e or {}).get("id") or f"{section}[{i}]"
            if not isinstance(e, dict) or not e.get("pattern") or not e.get("why"):
                raise StudyError(f"{p}: line rule {section}/{rid} needs 'pattern' and 'why'; add them")
            try:
                rx = re.compile(e["pattern"], re.I)
            except re.error as exc:
                raise StudyError(f"{p}: line rule {section}/{rid}: bad regex ({exc}); fix 'pattern'") from None
            where = e.get("where", "anywhere")
            if where not in ("anywhere", "tail", "last"):
                raise StudyError(
                    f"{p}: line rule {section}/{rid}: where must be 'anywhere', 'tail' or 'last', not {where!r}"
                )
            sees_bullet = e.get("sees_bullet", False)
            if not isinstance(sees_bullet, bool):
                raise StudyError(f"{p}: line rule {section}/{rid}: sees_bullet must be true or false, not {sees_bullet!r}")
            rules.append(
                LineRule(str(rid), str(section), rx, int(e.get("max_len", 300)), where == "tail", where == "last",
                         sees_bullet)
            )
    xpaths = []
    for i, e in enumerate(data.get("html_rules") or []):
        rid = (e or {}).get("id") or f"html_rules[{i}]"
        try:
            xpaths.append((str(rid), XPath(e["xpath"])))
        except (KeyError, TypeError, XPathSyntaxError) as exc:
            raise StudyError(f"{p}: html rule {rid}: bad or missing 'xpath' ({exc}); fix it") from None
    d = data.get("date_only") or {}
    lh = data.get("list_headings") or {}
    try:
        lh_rx = re.compile(lh["pattern"], re.I) if lh.get("pattern") else None
    except re.error as exc:
        raise StudyError(f"{p}: list_headings: bad regex ({exc}); fix 'pattern'") from None
    kl = data.get("keep_lines") or {}
    try:
        keep_rx = re.compile(kl["pattern"], re.I) if kl.get("pattern") else None
    except re.error as exc:
        raise StudyError(f"{p}: keep_lines: bad regex ({exc}); fix 'pattern'") from None
    return Boilerplate(
        short_lines=_short_lines(data.get("short_lines"), p),
        chrome_blocks=_chrome_blocks(data.get("chrome_blocks"), p),
        line_score=_line_score(data.get("line_score"), p),
        version=str(data.get("version", "")),
        line_rules=tuple(rules),
        html_xpaths=tuple(xpaths),
        date_words=frozenset(str(w).lower() for w in d.get("words", [])),
        date_max_len=int(d.get("max_len", 80)),
        list_heading=lh_rx,
        list_heading_max_len=int(lh.get("max_len", 60)),
        headline_max_len=int(lh.get("headline_max_len", 150)),
        keep_line=keep_rx,
        source=str(p),
    )


def _short_lines(d, p: Path) -> ShortLines | None:
    """Compile the ``short_lines`` section; None when the file has none (the step is off)."""
    if not d:
        return None
    if not isinstance(d, dict):
        raise StudyError(f"{p}: short_lines must be a mapping; see the file's header comment")
    tokens = [re.escape(str(t)) for t in d.get("chrome_tokens") or []]
    try:
        nums = {k: type(getattr(ShortLines, k))(d[k]) for k in (
            "max_words", "max_chars", "box_max_words", "max_stopwords", "long_chars", "box_slack", "link_density"
        ) if k in d}
    except (TypeError, ValueError) as exc:
        raise StudyError(f"{p}: short_lines: a threshold is not a number ({exc}); fix it") from None
    return ShortLines(
        **nums,
        chrome_tags=frozenset(str(t).lower() for t in d.get("chrome_tags") or []),
        # a token is a whole part of a class name: "share" in "share-bar", "post_share", not "shareholder"
        chrome_tokens=re.compile(r"(?:^|[\s_-])(?:" + "|".join(tokens) + r")(?:$|[\s_\d-])", re.I) if tokens else None,
    )


def _chrome_blocks(d, p: Path) -> "ChromeBlocks | None":
    """Compile the ``chrome_blocks`` section; None when absent (the DOM test is off)."""
    if not d:
        return None
    if not isinstance(d, dict) or not d.get("words"):
        raise StudyError(f"{p}: chrome_blocks needs a list 'words'; see the file's header comment")
    try:
        return ChromeBlocks(
            words=frozenset(str(w).lower() for w in d["words"]),
            tags=frozenset(str(t).lower() for t in d.get("tags") or []),
            negators=frozenset(str(t).lower() for t in d.get("negators") or []),
            picture_words=frozenset(str(t).lower() for t in d.get("picture_words") or []),
            picture_max_words=int(d.get("picture_max_words", 30)),
            max_share=float(d.get("max_share", 0.3)),
            max_long_lines=int(d.get("max_long_lines", 2)),
            max_words=int(d.get("max_words", 120)),
        )
    except (TypeError, ValueError) as exc:
        raise StudyError(f"{p}: chrome_blocks: a threshold is not a number ({exc}); fix it") from None


def _line_score(d, p: Path) -> "LineScore | None":
    """Compile the ``line_score`` section; None when absent (the text score is off)."""
    if not d:
        return None
    try:
        weights = {str(k): float(v) for k, v in (d.get("weights") or {}).items()}
        threshold, max_words = float(d["threshold"]), int(d.get("max_words", 40))
    except (KeyError, TypeError, ValueError) as exc:
        raise StudyError(f"{p}: line_score needs numeric 'weights' and 'threshold' ({exc}); fix it") from None
    patterns: dict = {}
    for name, table in (d.get("patterns") or {}).items():
        if str(name) not in weights:
            raise StudyError(f"{p}: line_score/patterns/{name} has no weight; add it to 'weights'")
        if isinstance(table, str):
            table = {"common": table}
        try:
            patterns[str(name)] = {str(sec): re.compile(pat, re.I) for sec, pat in table.items()}
        except (re.error, AttributeError) as exc:
            raise StudyError(f"{p}: line_score/patterns/{name}: bad regex ({exc}); fix it") from None
    return LineScore(weights=weights, threshold=threshold, max_words=max_words, patterns=patterns,
                     signs=frozenset(str(x) for x in d.get("signs") or []),
                     strong_signs=frozenset(str(x) for x in d.get("strong_signs") or []))

_TOKEN = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?", re.UNICODE)


def _is_dateline(line: str, rules: Boilerplate) -> bool:
    """A line made only of date/time words, digits and separators."""
    if len(line) > rules.date_max_len or not re.search(r"\d", line):
        return False
    if re.search(r"[^\w\s,./:\-–—|()'’]", line):
        return False
    return all(t.lower() in rules.date_words for t in _TOKEN.findall(line))


# A meta strip: short segments joined by " | ", one of them a date ("January 13, 2020 at 08:45
# AM | categories: Python | View Comments", "2 Mei 2020 | Penulis: X").
_STRIP_SEP = re.compile(r"\s+[|·•]\s+")
_NUMERIC_DATE = re.compile(r"\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b")
STRIP_SEGMENT_WORDS = 6


def _is_meta_strip(line: str, rules: Boilerplate) -> bool:
    """A byline/meta strip: at least two short segments separated by " | " (or a middle dot),
    none ending a sentence, one of them a dateline. A table row ("| 2 Mei 2020 | 10 |") is
    printed with leading bars and is not judged here (the caller skips it)."""
    parts = [x.strip() for x in _STRIP_SEP.split(line)]
    if len(parts) < 2 or any(not x or len(x.split()) > STRIP_SEGMENT_WORDS or len(x) > 60 or re.search(r"[.!?]$", x)
                             for x in parts):
        return False
    # the date segment must look like one: a date or time word, or a numeric date ("0,5" in a
    # formula written with middle dots is not)
    return any(_is_dateline(x, rules) and (_TOKEN.search(x) or _NUMERIC_DATE.search(x)) for x in parts)


_TABLE_BARS = re.compile(r"^\|\s*|\s*\|$")
# A list item's bullet as the extractors print it ("- Visit ...", "• Baca juga ...").
_BULLET = re.compile(r"^[-•*·▪►]\s+")
# `where: tail` rules look at this many last lines.
TAIL_LINES = 5
# How a paragraph ends (a headline usually does not end like this).
_SENTENCE_END = re.compile(r"[.!?…:;\"”»’')\]]\s*$")


def _kept_on_purpose(line: str, rules: Boilerplate, sites: set[str] | frozenset[str] = frozenset()) -> bool:
    """An attribution line ("Sumber: Antara", "Source: Forbes"): the citation analysis reads
    it, so the structural steps never drop it (``keep_lines`` in boilerplate.yml). One that
    names the page's own site (``sites``: "Sumber: <this site>.com") credits the page itself
    and gets no protection."""
    line = (_BULLET.sub("", _TABLE_BARS.sub("", line) or line) or line).strip()
    if rules.keep_line is None or not rules.keep_line.match(line):
        return False
    low = line.lower()
    return not any(re.search(r"(?<!\w)" + re.escape(n) + r"(?!\w)", low) for n in sites)


def filter_lines(text: str, lang: str | None = None, rules: Boilerplate | None = None) -> str:
    """Drop boilerplate lines (boilerplate.yml) and blank lines; fold spaces inside lines.

    A related-articles heading ("Baca juga", "Related stories") on its own line takes the
    headline-like lines after it along.
    """
    rules = rules or load_boilerplate()
    active = rules.rules_for(lang)
    lines = [" ".join(raw.split()) for raw in text.split("\n")]
    lines = [x for x in lines if x]
    kept = []
    in_list = False
    for i, raw_line in enumerate(lines):
        # A one-cell table prints as "| Baca juga: ... |" (Detik, CNN Indonesia wrap inline
        # links and captions in tables); the rules judge the cell's text.
        bare = _TABLE_BARS.sub("", raw_line) or raw_line
        # A list item is judged without its bullet: chrome inside a list ("- Visit ...'s
        # homepage for more stories") is chrome all the same.
        line = _BULLET.sub("", bare) or bare
        if in_list:
            if len(line) <= rules.headline_max_len and not _SENTENCE_END.search(line):
                continue
            in_list = False
        if (
            rules.list_heading is not None
            and len(line) <= rules.list_heading_max_len
            and rules.list_heading.match(line)
        ):
            in_list = True
            continue
        if _is_dateline(line, rules) or (not raw_line.startswith("|") and _is_meta_strip(line, rules)):
            continue
        in_tail = i >= len(lines) - TAIL_LINES
        # ... but a `sees_bullet` rule also sees the dash of a lone item: a wire credit
        # "- Reuters" in a paragraph of its own prints exactly like a list item, and without
        # its dash it is a bare name. A list's items have neighbours with bullets ("- Mi
        # Browser" closing a list of apps stays).
        lone = bare != line and not any(
            0 <= j < len(lines) and _BULLET.match(_TABLE_BARS.sub("", lines[j]) or lines[j]) for j in (i - 1, i + 1)
        )
        if any(
            len(line) <= r.max_len and not r.last_only and (in_tail or not r.tail_only)
            and (r.regex.match(line) or (r.sees_bullet and lone and r.regex.match(bare)))
            for r in active
        ):
            continue
        kept.append(raw_line)
    # `where: last` rules (a reporter's name alone) judge the last line once the other rules
    # have run, so a name printed above a newsletter prompt is still the last line; they
    # peel at most two lines (name, then e-mail) and never the only line left.
    last_rules = [r for r in active if r.last_only]
    for _ in range(2):
        if len(kept) < 2:
            break
        line = _TABLE_BARS.sub("", kept[-1]) or kept[-1]
        # a list item is the body's own markup (a list of drugs, of names), never a credit
        if _BULLET.match(line) or not any(len(line) <= r.max_len and r.regex.match(line) for r in last_rules):
            break
        kept.pop()
    return "\n".join(kept)


# --------------------------------------------------------------------------- HTML helpers

# Class/id tokens of a lead paragraph (standfirst) in news templates.
_LEAD_TOKENS = re.compile(
    r"(?:^|[\s_-])(?:lead|lede|intro|introtext|teaser-text|teaser__text|chapo|standfirst|"
    r"stand-first|summary|subtitle|sub-title|subheadline|subhead|dek|deck|excerpt|preface|"
    r"abstract|perex|article[-_]?intro|article__intro|description)(?:$|[\s_-])",
    re.I,
)
# An ancestor with one of these is a teaser of another article, a widget or a menu
# (matched at the start of a class token: "main-nav", "sidebar__item", not "wsmenucontainer").
_LEAD_BAD_ANCESTOR = re.compile(
    r"(?:^|[\s_-])(?:nav|menu|footer|sidebar|related|comment|widget|promo|newsletter|cookie|"
    r"breadcrumb|share|social|teaser-list|recommend|popular|trending|terkait|caption|"
    r"author[-_]?(box|bio|info|desc|profile|card|container|wrap|area|details|block|about)|about[-_]?(the[-_]?)?author|"
    r"bio(graphy)?(?![a-z])|profile|vcard|masthead|branding)",
    re.I,
)
# The candidate itself: a description of an image or video is a caption, not a lead; an
# "author-description" is the writer's bio and a "site-description" the blog's tagline
# (on the trafilatura benchmark these two were the "lead" prepended to 7 pages). An ancestor
# counts when it is the author's box ("author-box", "about-author"), not WordPress' "author-<name>"
# class on the article itself.
_LEAD_BAD_SELF = re.compile(
    r"image|img|photo|foto|media|caption|credit|copyright|video|gallery|author|penulis|byline|bio\b|biograf|profile|vcard|"
    r"site[-_]?desc|blog[-_]?desc|tagline|slogan",
    re.I,
)
_LEAD_SKIP_TAGS = {
    "script", "style", "a", "meta", "link", "body", "html", "img", "figure", "figcaption", "time",
    "ul", "ol", "li", "nav", "aside", "footer", "button", "form", "input", "label", "noscript",
}


def _lead_text(el) -> str:
    """A standfirst box's text, without the label some templates print as its first block
    ("Story highlights", "Key points", "Sorotan"): a short first child with no sentence end."""
    blocks = [" ".join(c.text_content().split()) for c in el
              if isinstance(c.tag, str) and c.tag in ("p", "div", "h2", "h3", "h4", "h5", "li", "ul")]
    blocks = [b for b in blocks if b]
    if len(blocks) >= 2 and len(blocks[0].split()) <= 4 and len(blocks[0]) <= 30 and not _SENTENCE_END.search(blocks[0]):
        return " ".join(blocks[1:])
    return " ".join(el.text_content().split())


def _lead_candidates(tree, after_h1: bool = True) -> list[str]:
    """Visible lead paragraphs (whitespace folded) in document order.

    With ``after_h1``, only elements after the page's first <h1> count: what precedes the
    headline is the site's tagline or a banner, not the article's lead.
    """
    out = []
    seen_h1 = not after_h1 or tree.find(".//h1") is None
    for el in tree.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "h1":
            seen_h1 = True
            continue
        if not seen_h1 or not tag or tag in _LEAD_SKIP_TAGS:
            continue
        attrs = f"{el.get('class') or ''} {el.get('id') or ''}"
        if not _LEAD_TOKENS.search(attrs) or _LEAD_BAD_SELF.search(attrs):
            continue
        text = _lead_text(el)
        if not 30 <= len(text) <= 1500:
            continue
        links = sum(len(" ".join(a.text_content().split())) for a in el.iter("a"))
        if links > 0.3 * len(text):
            continue
        anc = el.getparent()
        bad = False
        while anc is not None and anc.tag not in ("body", "html"):
            if anc.tag in ("nav", "aside", "footer", "a", "figure", "head") or _LEAD_BAD_ANCESTOR.search(
                f"{anc.get('class') or ''} {anc.get('id') or ''}"
            ):
                bad = True
                break
            anc = anc.getparent()
        if not bad:
            out.append(text)
    return out


def _jsonld_body(tree) -> str:
    """The longest schema.org ``articleBody`` in the page's JSON-LD, or ""."""
    bodies = list(jsonld_strings(tree, "articleBody"))
    if not bodies:
        return ""
    import html as _html

    best = max(bodies, key=len)
    # Some sites put HTML in articleBody: strip tags, keep paragraph breaks.
    best = re.sub(r"(?i)<\s*(br|/p|/div|/h\d|/li)\s*/?>", "\n", best)
    best = _html.unescape(re.sub(r"<[^>]+>", " ", best))
    return "\n".join(" ".join(x.split()) for x in best.split("\n") if x.strip())


def _parse(text: str):
    """An lxml tree of the page (trafilatura's loader: repairs what libxml2 chokes on)."""
    from trafilatura.utils import load_html

    return load_html(text)


def _preclean(tree, rules: Boilerplate) -> None:
    """Remove the html_rules' elements in place (their tail text is kept)."""
    from lxml import etree

    for _rid, xp in rules.html_xpaths:
        for el in xp(tree):
            parent = el.getparent()
            if parent is None:
                continue
            if el.tail and el.tail.strip() and isinstance(el.tag, str) and el.tag.lower() in _BLOCK_TAGS:
                # a removed box between two runs of loose text: a line break keeps them two
                # paragraphs (glued to the text before the box, both were lost)
                br = etree.Element("br")
                br.tail = el.tail
                el.addprevious(br)
                el.tail = None
            elif el.tail and el.tail.strip():
                prev = el.getprevious()
                if prev is not None:
                    prev.tail = (prev.tail or "") + el.tail
                else:
                    parent.text = (parent.text or "") + el.tail
            parent.remove(el)


# Block-level tags: text between them is a paragraph of its own. A container's loose text
# (its own text or a child's tail beside such children) is what the HTML parser leaves when a
# template puts a block inside a <p> (an ad <div> in the middle of a paragraph: the parser
# closes the <p> at the <div>, and the text after the ad hangs loose in the container).
_BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "main", "aside", "header", "footer", "nav", "figure",
    "blockquote", "pre", "ul", "ol", "dl", "table", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "hr", "address", "details", "fieldset", "center", "iframe", "video", "audio", "noscript",
})
_LOOSE_CONTAINERS = ("div", "section", "article", "main", "td", "center")
# Loose text at least this long (characters of its own, outside inline children) is a paragraph.
LOOSE_MIN_CHARS = 40
# A container with two runs of loose text this long (and no <p>) is a story written as loose text.
LOOSE_STORY_CHARS = 100


def _is_br(el) -> bool:
    return isinstance(el.tag, str) and el.tag.lower() == "br"


def _loose_runs(box) -> list[tuple[object, str, list]]:
    """The box's runs of loose content between block children: (the block child before the
    run or None for the box's own text, the run's leading text, its inline children)."""
    runs: list[tuple[object, str, list]] = []
    anchor, lead, kids = None, box.text or "", []
    for kid in box:
        if isinstance(kid.tag, str) and kid.tag.lower() in _BLOCK_TAGS:
            runs.append((anchor, lead, kids))
            anchor, lead, kids = kid, kid.tail or "", []
        else:
            kids.append(kid)
    runs.append((anchor, lead, kids))
    return runs


def wrap_loose_text(tree, min_chars: int = LOOSE_MIN_CHARS) -> int:
    """Wrap text that sits loose in a container beside the container's paragraphs into ``<p>``s.

    Readability's normalisation: extractors score and keep paragraphs, and text the parser
    left loose in a ``<div>`` (the paragraph after an ad box that sat inside a ``<p>``: the
    parser closes the ``<p>`` at the box) is silently dropped. A run of loose text and inline
    elements (links, bold, ``<br>``) between two block children becomes one ``<p>`` per
    ``<br><br>``-separated paragraph when it holds at least ``min_chars`` characters of its
    own text, outside its inline elements (a " | " between links, a row of links, stays as
    it is), and the container has a ``<p>`` of at least that length. Returns the number of
    paragraphs made.
    """
    made = 0
    for box in list(tree.iter(*_LOOSE_CONTAINERS)):
        kids = list(box)
        if not any(isinstance(k.tag, str) and k.tag.lower() in _BLOCK_TAGS for k in kids):
            continue  # a leaf container: extractors read its text as a paragraph already
        # Only beside the box's own paragraphs: there the loose text is a paragraph the parser
        # cut out of a <p>. Wrapping every loose run on a page moves trafilatura's choice of
        # the main block on some pages (trafilatura benchmark: 7 snippets lost, 5 of them
        # gained back with this condition).
        runs = list(_loose_runs(box))
        # ... or where the story itself is written as loose text: a <br>-separated story with
        # ad or link boxes between its paragraphs (no <p> at all; its first run, the box's own
        # text, was lost, bare trafilatura too)
        story = sum(1 for _, lead, inline in runs if len(lead.strip()) >= LOOSE_STORY_CHARS) >= 2
        if not story and not any(
            isinstance(k.tag, str) and k.tag.lower() == "p" and len(k.text_content().strip()) >= min_chars for k in kids
        ):
            continue
        for anchor, lead, inline in runs:
            own = lead + "".join(k.tail or "" for k in inline)
            if len(own.strip()) >= min_chars:
                made += _wrap_run(box, anchor, lead, inline)
    return made


def _wrap_run(box, anchor, lead: str, inline: list) -> int:
    """Move one run of ``box`` into new ``<p>`` elements placed after ``anchor``."""
    from lxml import etree

    # split at <br><br> (only blank text between the two): each part is a paragraph
    paras: list[tuple[str, list]] = [(lead, [])]
    for kid in inline:
        items = paras[-1][1]
        if _is_br(kid) and items and _is_br(items[-1]) and not (items[-1].tail or "").strip():
            items.pop()
            paras.append((kid.tail or "", []))
            continue
        items.append(kid)
    if anchor is None:
        box.text = None
        index = 0
    else:
        anchor.tail = None
        index = box.index(anchor) + 1
    for kid in inline:
        box.remove(kid)  # lxml keeps the tail with the element; it moves into the <p> with it
    made = 0
    for text, items in paras:
        while items and _is_br(items[-1]) and not (items[-1].tail or "").strip():
            items.pop()  # a trailing <br> ends the paragraph; the <p> does that now
        if not text.strip() and not items:
            continue
        p = etree.Element("p")
        p.text = text
        for kid in items:
            p.append(kid)
        box.insert(index, p)
        index += 1
        made += 1
    return made


# A layout table: the page is laid out in table cells (an old template's <table class="content">
# with the story in one <td> and a sidebar in the next). A cell that holds the headline or at
# least LAYOUT_MIN_PARAS paragraphs of LAYOUT_PARA_CHARS characters is a page column, not data.
LAYOUT_MIN_PARAS = 2
LAYOUT_PARA_CHARS = 100
_TABLE_PARTS = ("table", "thead", "tbody", "tfoot", "tr", "td", "th")


def unwrap_layout_tables(tree) -> int:
    """Turn layout tables into ``<div>``s; returns the number of tables unwrapped.

    Readability's distinction between data and layout tables: trafilatura prints a table row
    by row with " | " between the cells, so a story laid out in a ``<td>`` comes out as one
    line of text (the headline, byline, paragraphs, ad labels and comment prompt glued
    together), and no line rule can judge its parts. A table some cell of which holds an
    ``<h1>`` or at least two long ``<p>`` paragraphs of its own (not of a nested data table) is
    a page layout: its table, row and cell elements become ``<div>``s, so its paragraphs are
    paragraphs again. Data tables (cells of short values, a one-cell caption table) stay.
    """
    done = 0
    # innermost first: once a nested layout table is a <div>, its headline and paragraphs
    # belong to the cell around it, and that table is judged a layout too
    for table in reversed(list(tree.iter("table"))):
        cells = [c for c in table.iter("td", "th") if _owner_table(c) is table]
        if not any(_layout_cell(c) for c in cells):
            continue
        for el in [table, *(e for e in table.iter(*_TABLE_PARTS) if _owner_table(e) is table)]:
            el.tag = "div"
            for attr in ("valign", "width", "colspan", "rowspan"):
                el.attrib.pop(attr, None)
        done += 1
    return done


def _owner_table(el):
    node = el.getparent() if el.tag == "table" else el
    while node is not None and node.tag != "table":
        node = node.getparent()
    return node


def _layout_cell(cell) -> bool:
    own = [e for e in cell.iter("h1", "p") if _owner_table(e) is _owner_table(cell)]
    if any(e.tag == "h1" for e in own):
        return True
    return sum(1 for e in own if e.tag == "p" and len(e.text_content().strip()) >= LAYOUT_PARA_CHARS) >= LAYOUT_MIN_PARAS


def _newspaper_body(text: str, url: str, lang: str | None) -> str:
    art = _newspaper_article(text, url, lang)
    return art.text if art is not None else ""


def _newspaper_config(lang: str | None):
    from newspaper import Config

    cfg = Config()
    cfg.fetch_images = False  # never go to the network from the extraction stage
    cfg.memoize_articles = False
    cfg.verbose = False
    if lang and lang in _newspaper_languages():
        cfg.language = lang  # sets the stopwords newspaper scores the body with
        cfg.use_meta_language = False
    return cfg


@functools.lru_cache(maxsize=1)
def _newspaper_languages() -> frozenset[str]:
    from newspaper.utils import get_available_languages

    return frozenset(get_available_languages())


def _newspaper_article(text: str, url: str, lang: str | None):
    """A parsed newspaper3k Article, or None when newspaper cannot parse the page."""
    from newspaper import Article

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            art = Article(url or "http://localhost/", config=_newspaper_config(lang))
            art.download(input_html=_xml_safe(text))
            art.parse()
    except Exception as exc:  # noqa: BLE001 - newspaper raises anything on odd pages
        log.debug("newspaper3k failed on %s: %s", url, exc)
        return None
    return art


_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_safe(text: str) -> str:
    """Control characters make lxml refuse a whole page."""
    return _XML_INVALID.sub("", text)


# --------------------------------------------------------------------------- short chrome lines
#
# Phrase rules learn widget labels one at a time ("Supported by", "Listen to article", "Image 1
# of 4", "Story continues"); templates print new ones every week. What the labels share is
# their place in the page, so this step judges a short line by the element it came from
# (``short_lines`` in boilerplate.yml). The rules see the cleaned page tree, find each output
# line's element by its text, and look at the small box around it (the largest ancestor that
# holds little besides the line).

_SENTENCE_STOP = re.compile(r"[.!?…][\"”’'»)\]]*\s*$")
# A counter is a label whatever it ends with: "Image 1 of 4", "2/5", "5 min".
_COUNTER = re.compile(r"(^|\s)\d+\s*(of|/|dari)\s*\d+\s*$|^\d+\s*(min|mins|menit)\b", re.I)
# Elements a line's text is looked up in (paragraph-like and inline ones).
_TEXT_TAGS = frozenset({
    "p", "div", "li", "h2", "h3", "h4", "h5", "h6", "span", "figcaption", "td", "section", "aside",
    "blockquote", "dd", "dt", "strong", "b", "a", "em", "small", "label", "button", "header", "footer",
})
_HEADING_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
# Box tags a label sits in; lists, tables, code and quotes are content structures.
_BOX_TAGS = frozenset({"div", "section", "aside", "span", "p", "figure", "header", "footer", "center"})


def _is_short(line: str, sl: ShortLines) -> bool:
    """A label-sized line: few words and not ending like a sentence (a counter always counts)."""
    return (len(line) <= sl.max_chars and len(line.split()) <= sl.max_words
            and (not _SENTENCE_STOP.search(line) or bool(_COUNTER.search(line))))


def text_index(tree) -> dict[str, list]:
    """Every paragraph-like or inline element of ``tree`` by its whole text (normalised), in
    document order. Built once per page: the line tests look many lines up in it."""
    index: dict[str, list] = {}
    for el in tree.iter():
        if isinstance(el.tag, str) and el.tag in _TEXT_TAGS:
            index.setdefault(_norm(el.text_content()), []).append(el)
    return index


def _elements_by_text(tree, wanted: set[str], index: dict | None = None) -> dict[str, list]:
    """Elements whose whole text (normalised) is one of ``wanted``, in document order."""
    if not wanted:
        return {}
    index = text_index(tree) if index is None else index
    return {t: index[t] for t in wanted if t in index}


def _text_len(el) -> int:
    return len(" ".join(el.text_content().split()))


def _box(el, line_len: int, slack: int):
    """The largest element around ``el`` holding at most ``slack`` characters besides the line."""
    node = el
    while True:
        parent = node.getparent()
        if parent is None or not isinstance(parent.tag, str) or parent.tag in ("body", "html", "article", "main"):
            return node
        if _text_len(parent) > line_len + slack:
            return node
        node = parent


def _chrome_box(el, line_len: int, sl: ShortLines) -> bool:
    """True when the line's element or its small box is marked as chrome: a chrome tag
    (aside, figure, button...), a chrome class/id token (share, promo, newsletter, video...)
    or a box that is mostly link text."""
    node = el
    limit = max(3 * line_len, 200)
    while node is not None and isinstance(node.tag, str) and node.tag not in ("body", "html"):
        size = _text_len(node)
        if node is not el and size > limit:
            return False
        if node.tag in sl.chrome_tags:
            return True
        if sl.chrome_tokens is not None and sl.chrome_tokens.search(f"{node.get('class') or ''} {node.get('id') or ''}"):
            return True
        if node is not el and size:
            links = sum(_text_len(a) for a in node.iter("a"))
            if links > sl.link_density * size:
                return True
        node = node.getparent()
    return False


def _signature(el) -> tuple[str, str]:
    return el.tag, " ".join(sorted((el.get("class") or "").split()))


@functools.lru_cache(maxsize=16)
def _stopwords(lang: str) -> frozenset[str]:
    from newspaper.text import StopWords

    return frozenset(StopWords(lang).STOP_WORDS)


def _stopword_count(line: str, lang: str) -> int:
    """newspaper3k's measure of prose: stopwords in the line (its body scoring needs > 2)."""
    words = re.sub(r"[^\w\s]", "", line.lower()).split()
    stop = _stopwords(lang)
    return sum(w in stop for w in words)


def _lines_before_headline(lines: list[str], tree, kept_text: str, sl, index: dict | None = None) -> int:
    """How many leading lines of the body are a box of prose printed before the headline.

    A disclosure or funding note above the <h1> (The Conversation's "... does not work for,
    consult, own shares in ...") is long, so the short-line test never sees it. The leading
    lines whose elements all precede the page's first <h1> are dropped when at least two of
    the body's long paragraphs follow the <h1> and at most two precede it (a page whose <h1>
    sits in a footer or inside the story keeps everything), never all lines, never a line of
    the JSON-LD body.
    """
    h1 = tree.find(".//h1")
    if h1 is None or len(lines) < 3:
        return 0
    order = {e: k for k, e in enumerate(tree.iter())}
    hpos = order.get(h1, 0)
    els = _elements_by_text(tree, {_norm(x) for x in lines}, index)
    def pos(x: str) -> int | None:
        found = els.get(_norm(x))
        return order.get(found[-1]) if found else None
    longs = [pos(x) for x in lines if len(x) >= sl.long_chars]
    after = sum(1 for q in longs if q is not None and q > hpos)
    before = sum(1 for q in longs if q is not None and q < hpos)
    # a note above the headline is a paragraph or two; more long paragraphs before the first
    # <h1> mean that <h1> is a heading inside the story (a blog post's own h1 markup)
    if after < 2 or before >= after or before > 2:
        return 0
    k = 0
    while k < len(lines) - 1:
        q = pos(lines[k])
        if q is None or q > hpos or (kept_text and _norm(lines[k]) in kept_text):
            break
        k += 1
    return k


def drop_short_chrome(body: str, tree, lang: str | None = None, rules: Boilerplate | None = None,
                      keep: str = "", index: dict | None = None, url: str = "") -> str:
    """Drop the short chrome lines of ``body`` that the page's structure gives away.

    ``tree``: the page the body was extracted from; ``keep``: text whose lines are never
    dropped (the page's JSON-LD ``articleBody``). First the leading lines printed before the
    <h1> go, whatever their length, when the body's long paragraphs follow it
    (``_lines_before_headline``). Then a line is dropped when

    1. it is short (``short_lines.max_words``, no sentence end), comes before the body's first
       long paragraph, and its element comes before the page's <h1> (a kicker, "Supported
       by", "Listen to article", a share bar); or
    2. it has at most ``box_max_words`` words, is not the first line, and its element or the
       small box around it is chrome by tag, class/id token or link density; or
    3. it is short, not the first line, has at most ``max_stopwords`` stopwords (newspaper3k's
       body scoring, in the page's language, counts a paragraph as prose from 3 on), is not a
       subheading (an h2-h6 of the body, not boxed alone), and sits in a box whose tag and class no long paragraph of the
       article shares (the label's own ``<div class="...">`` or ``<p class="...">``).

    A subheading typed as a plain paragraph, a list item, a code line or a quantity shares the
    body's paragraph markup or a content structure, so rule 3 leaves it alone.
    """
    rules = rules or load_boilerplate()
    sl = rules.short_lines
    if sl is None:
        return body
    lines = body.split("\n")
    index = text_index(tree) if index is None else index
    lead = _lines_before_headline(lines, tree, _norm(keep) if keep else "", sl, index)
    if lead:
        lines = lines[lead:]
        body = "\n".join(lines)
    short = {i: _norm(x) for i, x in enumerate(lines) if _is_short(_BULLET.sub("", x), sl)}
    boxed = {i: _norm(x) for i, x in enumerate(lines) if i > 0 and i not in short and len(x.split()) <= sl.box_max_words}
    if not short and not boxed:
        return body
    kept_text = _norm(keep) if keep else ""
    els = _elements_by_text(tree, set(short.values()) | set(boxed.values()), index)
    h1 = tree.find(".//h1")
    order = {e: k for k, e in enumerate(tree.iter())} if h1 is not None and short else {}
    sw_lang = lang if lang and lang in _newspaper_languages() else "en"
    first_long = next((i for i, x in enumerate(lines) if len(x) >= sl.long_chars), len(lines))
    body_sigs = None
    sites = site_names(tree, url) if rules.keep_line is not None else set()
    drop = set()
    for i, n in sorted({**short, **boxed}.items()):
        found = els.get(n)
        if not found or (kept_text and n in kept_text) or _kept_on_purpose(lines[i], rules, sites):
            continue
        el = found[-1]
        # Only above the body's first long paragraph: a page whose first <h1> sits in a footer
        # or sidebar must not lose the body's short lines.
        if i in short and i < first_long and h1 is not None and order.get(el, 0) < order.get(h1, 0):
            drop.add(i)
            continue
        if i == 0:
            continue
        if _chrome_box(el, len(n), sl):
            drop.add(i)
            continue
        if i not in short or _stopword_count(n, sw_lang) > sl.max_stopwords:
            continue
        box = _box(el, len(n), sl.box_slack)
        if el.tag in _HEADING_TAGS and box is el:
            continue  # a subheading of the body (a heading boxed alone is a widget's title)
        if body_sigs is None:
            longs = {_norm(x) for x in lines if len(x) >= sl.long_chars}
            body_sigs = {_signature(_box(v[-1], len(k), sl.box_slack)) for k, v in _elements_by_text(tree, longs, index).items()}
        if body_sigs and box.tag in _BOX_TAGS and _signature(box) not in body_sigs:
            drop.add(i)
    return "\n".join(x for i, x in enumerate(lines) if i not in drop)


# --------------------------------------------------------------------------- chrome blocks
#
# Phrase rules and the short-line rule miss chrome written as plain sentences: a newsletter
# or podcast promo, a disclosure, a related-coverage box, an app prompt, a caption with a
# credit. Two kinds of evidence generalise across templates (``chrome_blocks`` and
# ``line_score`` in boilerplate.yml):
#
# 1. DOM: the line's element sits in a sub-box of the article (an element between the line
#    and the article container) whose class/id/role/aria-label/data-* words or tag mark it as
#    chrome ("relatedContent", "newsletter-promo", "podcast", "disclosure", <figure>, <aside>).
#    The container itself is never judged (an "article-body ad-free" container keeps its
#    text), and a box holding a large share of the body is content whatever its name.
# 2. Text: a short line scored on shallow features (Kohlschütter et al. 2010): an
#    imperative opening (Follow, Join, Subscribe, Ikuti, Simak, Unduh ...), the vocabulary
#    of the site's products (newsletter, podcast, Google News, "berita lainnya"), the page's
#    own site name, a caption/stamp/sign-off shape, place (after the body's last long
#    paragraph), italics, few stopwords; quotes and speech verbs count against. A line must
#    also carry a sign of what it is (one after the body, two above it). Weights are data,
#    written by hand (see the file).

_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_ATTR_WORDS = re.compile(r"[a-z]+")
# Attributes whose values name a box's role; data-* values are included when short (long
# ones are JSON configuration, not names).
_NAME_ATTRS = ("class", "id", "role", "aria-label")


@dataclass(frozen=True)
class ChromeBlocks:
    """The ``chrome_blocks`` section of boilerplate.yml (DOM evidence)."""

    words: frozenset[str]
    tags: frozenset[str]
    negators: frozenset[str] = frozenset()
    picture_words: frozenset[str] = frozenset()  # chrome only around a picture, for short lines
    picture_max_words: int = 30
    max_share: float = 0.3
    max_long_lines: int = 2
    max_words: int = 120


@dataclass(frozen=True)
class LineScore:
    """The ``line_score`` section of boilerplate.yml (hand-weighted shallow text score)."""

    weights: dict  # feature name -> weight
    threshold: float
    max_words: int
    patterns: dict  # feature name -> {section ("common", "en", "id"...): compiled regex}
    signs: frozenset[str] = frozenset()  # at least one of these must fire
    strong_signs: frozenset[str] = frozenset()  # signs that count twice (a caption, a stamp)


def attr_words(el) -> list[str]:
    """The words of an element's naming attributes: "relatedContent ad-slot" -> related,
    content, ad, slot (camelCase and -, _ , digits split; lower case)."""
    vals = [el.get(a) or "" for a in _NAME_ATTRS]
    vals += [v for k, v in el.attrib.items() if k.startswith("data-") and v and len(v) <= 60]
    # a token with several digits is a generated id ("tve-u-16681d9a8d1"), not a name: its
    # letters would read as words ("d", "ad")
    tokens = [t for t in re.split(r"[\s_\-:/.]+", " ".join(vals)) if len(re.findall(r"\d", t)) < 3]
    return _ATTR_WORDS.findall(_CAMEL.sub(" ", " ".join(tokens)).lower())


def _chrome_word(words: list[str], cb: ChromeBlocks, ignore: frozenset[str] = frozenset(),
                 vocab: frozenset[str] | None = None) -> str:
    """The first chrome word of ``words`` not negated ("ad-free", "no-ads") nor in ``ignore``,
    also joined pairs ("sign up" -> "signup", "read more" -> "readmore"); "" when none.
    ``vocab``: the words to look for (default: ``cb.words``)."""
    vocab = cb.words if vocab is None else vocab
    padded = ["", *words, "", ""]  # padded[i] is words[i - 1]
    for i in range(1, len(words) + 1):
        before, w, nxt = padded[i - 1], padded[i], padded[i + 1]
        candidates = [(w + nxt, padded[i + 2])] if nxt else []  # "sign" + "up" -> "signup"
        candidates.append((w, nxt))
        for cand, after in candidates:
            if cand in vocab and cand not in ignore and not {before, after} & cb.negators:
                return cand
    return ""


def _container(els: list):
    """The lowest common ancestor of ``els`` (the article's body container)."""
    if not els:
        return None
    paths = []
    for e in els:
        chain = []
        while e is not None:
            chain.append(e)
            e = e.getparent()
        paths.append(chain[::-1])
    lca = None
    for nodes in zip(*paths):
        if all(n is nodes[0] for n in nodes):
            lca = nodes[0]
        else:
            break
    return lca


def chrome_reason(el, stop, cb: ChromeBlocks, body_chars: int, long_texts: set[str],
                  ignore: frozenset[str] = frozenset(), texts: dict | None = None, short_line: bool = True,
                  body_lines: tuple[str, ...] | None = None) -> str:
    """Why ``el`` sits in a chrome box below ``stop`` ("" when it does not): the box's tag or
    naming word, e.g. "attr:podcast", "tag:figure". Words in ``ignore`` (the page's content
    words) do not count. ``body_lines`` (the body's lines, normalised): a box's share of the
    body is then the body text it holds, not its own length (an author box with a long list of
    the writer's other articles holds little of the body)."""
    node = el
    while node is not None and node is not stop and isinstance(node.tag, str):
        if node.tag in ("body", "html", "article", "main"):
            return ""
        text = texts.get(node) if texts is not None else None
        if text is None:
            text = _norm(node.text_content())
            if texts is not None:
                texts[node] = text
        if body_lines is None:
            held = len(text)
        else:
            held = texts.get((node, "held")) if texts is not None else None
            if held is None:
                held = sum(len(x) for x in body_lines if x and x in text)
                if texts is not None:
                    texts[(node, "held")] = held
        if held > cb.max_share * body_chars:
            return ""  # a box holding much of the body is content, whatever its name
        if sum(1 for t in long_texts if t in text) > cb.max_long_lines:
            return ""
        if node.tag in cb.tags:
            return f"tag:{node.tag}"
        w = _chrome_word(attr_words(node), cb, ignore)
        if w:
            return f"attr:{w}"
        # "image", "photo": a picture box's caption; a module named "image-text" holds prose
        if cb.picture_words and short_line and node.find(".//img") is not None:
            w = _chrome_word(attr_words(node), cb, ignore, cb.picture_words)
            if w:
                return f"picture:{w}"
        node = node.getparent()
    return ""


def site_names(tree, url: str) -> set[str]:
    """Names the page calls its own site: og:site_name / application-name, the <title>'s
    last " | " or " - " segment when short, and the domain's main label (lower case)."""
    names: set[str] = set()
    for xp in ('//meta[@property="og:site_name"]/@content', '//meta[@name="application-name"]/@content',
               '//meta[@name="twitter:site"]/@content'):
        names.update(str(v) for v in tree.xpath(xp))
    m = re.match(r"https?://(?:www\.|m\.)?([^/:]+)", url or "")
    host = m.group(1).lower() if m and not re.match(r"[\d.]+$|localhost$", m.group(1)) else ""
    # the registered name: the label before the public suffix ("finance.detik.com" -> detik,
    # "bbc.co.uk" -> bbc)
    labels = host.split(".")[:-1]
    while labels and labels[-1] in ("co", "com", "net", "org", "ac", "go", "or", "gov", "edu", "web", "my", "sch"):
        labels.pop()
    labels = [x for x in labels if len(x) >= 3 and x != "www"]
    title = tree.findtext(".//title") or ""
    parts = re.split(r"\s+[|\-–—:]\s+", title.strip())
    suffix = parts[-1] if len(parts) > 1 and len(parts[-1].split()) <= 4 else ""
    # A title's last segment is often a section ("... | Ausbildung"), not the site: it counts
    # when it agrees with the domain (or the page is served without one, as from an archive).
    squashed = re.sub(r"\W", "", suffix.lower())
    if suffix and (not host or any(x in squashed or squashed in x for x in labels)):
        names.add(suffix)
    names.update(labels[-1:])
    out = set()
    for n in names:
        n = n.strip().lstrip("@").lower()
        if len(n) >= 3:
            out.add(n)
            base = re.sub(r"\.(com|co\.id|id|net|org|co\.uk)\b.*$", "", n).strip()
            if len(base) >= 3:
                out.add(base)
    return out


_ITALIC_TAGS = frozenset({"em", "i", "small"})


def _italic(el) -> bool:
    """The element's whole text is set in italics or small print (an editor's note, a promo)."""
    if el.tag in _ITALIC_TAGS:
        return True
    kids = [c for c in el if isinstance(c.tag, str) and c.tag != "br"]
    return (len(kids) == 1 and kids[0].tag in _ITALIC_TAGS and not (el.text or "").strip()
            and not (kids[0].tail or "").strip())


def line_score(line: str, *, lang: str | None, ls: LineScore, sites: set[str], tail: bool,
               stop: frozenset[str], italic: bool = False) -> tuple[float, list[str]]:
    """The chrome score of one line and the features that fired (see ``line_score`` in
    boilerplate.yml); higher is more chrome-like."""
    low = line.lower()
    n = len(line.split())
    sections = ("common", "en", lang) if lang else None
    fired = [name for name, table in ls.patterns.items()
             if any(rx.search(line) for sec, rx in table.items() if sections is None or sec in sections)]
    if any(re.search(r"(?<!\w)" + re.escape(s) + r"(?!\w)", low) for s in sites):
        fired.append("own_site")
    # the site describing itself: "<Site> is a digital media news network ...", "<Situs>
    # adalah portal berita ..." (the line opens with the page's own name and a copula)
    if any(re.match(r"\W*(the\s+)?" + re.escape(s) + r"(\.\w+)*\s+(is|are|adalah|merupakan)\s", low) for s in sites):
        fired.append("self_description")
    if tail:
        fired.append("after_body")
    if italic:
        fired.append("italic")
    if n <= 12:
        fired.append("short")
    toks = re.findall(r"\w+", low)
    if toks and sum(t in stop for t in toks) / len(toks) < 0.15:
        fired.append("few_stopwords")
    if not _SENTENCE_STOP.search(line):
        fired.append("no_sentence_end")
    if n > 40:
        fired.append("long")
    return sum(ls.weights.get(f, 0.0) for f in fired), fired


def score_candidates(lines: list[str], keys: list[str], els: dict, long_idx: list[int], lang: str | None,
                     ls: "LineScore", sites: set[str], keep_n: str = "", skip=()) -> list[tuple[int, list[str]]]:
    """(line number, features that fired) for each body line the text score judges: at most
    ``ls.max_words`` words, not a list item, not in the JSON-LD body (``keep_n``), not in
    ``skip``. Shared by drop_chrome_blocks and the weight fit (coverage.fit_line_score)."""
    sw_lang = lang if lang and lang in _newspaper_languages() else "en"
    stop = _stopwords(sw_lang)
    # after the body: below its last long paragraph, or among its last three lines
    tail_from = min(long_idx[-1] + 1 if long_idx else len(lines), len(lines) - 3)
    # ... but a long paragraph above the body's last one is the body itself, wherever it sits
    inside = set(long_idx[:-1])
    out = []
    for i, x in enumerate(lines):
        # a list item is the body's own structure (steps, products, dates), not a prompt
        if i in skip or len(x.split()) > ls.max_words or (keep_n and keys[i] in keep_n) or _BULLET.match(x):
            continue
        tail = i >= tail_from and i not in inside
        _, fired = line_score(_BULLET.sub("", x), lang=lang, ls=ls, sites=sites, tail=tail, stop=stop,
                              italic=bool(els.get(keys[i])) and all(_italic(e) for e in els[keys[i]]))
        out.append((i, fired))
    return out


def score_gate(i: int, fired: list[str], ls: "LineScore") -> bool:
    """Whether a line whose score passes may go: the first line (the lead or a dateline's
    paragraph) only when short; position and shape alone never suffice: the line must say
    what it is (a sign), and above the body's end twice (a how-to subheading "Download the
    update" has one)."""
    signs = len(ls.signs.intersection(fired)) + len(ls.strong_signs.intersection(fired))
    return (i > 0 or "short" in fired) and signs >= (1 if "after_body" in fired else 2)


def score_drops(cands, ls: "LineScore", weights: dict | None = None, threshold: float | None = None) -> dict[int, list[str]]:
    """The candidate lines (``score_candidates``) the text score takes: score at least the
    threshold and passing :func:`score_gate`; {line number: features that fired}. ``weights``
    and ``threshold`` default to the YAML's (coverage.fit_line_score passes fitted ones)."""
    weights = ls.weights if weights is None else weights
    threshold = ls.threshold if threshold is None else threshold
    return {i: fired for i, fired in cands
            if sum(weights.get(f, 0.0) for f in fired) >= threshold and score_gate(i, fired, ls)}


def takes_the_article(long_idx: list[int], drop) -> bool:
    """Whether dropping ``drop`` would leave fewer than half the body's long paragraphs: then
    the evidence would take the article itself, and none of it is trusted."""
    return bool(long_idx) and sum(1 for i in long_idx if i not in drop) < len(long_idx) / 2


def drop_chrome_blocks(body: str, tree, lang: str | None = None, rules: Boilerplate | None = None,
                       keep: str = "", url: str = "", dom: bool = True, score: bool = True,
                       index: dict | None = None) -> str:
    """Drop the body lines that sit in a chrome box of the article (DOM evidence) or whose
    shallow text score marks them as chrome (``chrome_blocks`` / ``line_score``).

    Never drops the first line, a line of the page's JSON-LD ``articleBody`` (``keep``), or
    so much that fewer than half of the body's long paragraphs remain.
    """
    rules = rules or load_boilerplate()
    cb, ls, sl = rules.chrome_blocks, rules.line_score, rules.short_lines
    if not body or (cb is None and ls is None):
        return body
    long_chars = sl.long_chars if sl else 100
    lines = body.split("\n")
    if len(lines) < 3:
        return body
    keep_n = _norm(keep) if keep else ""
    keys = [_norm(_BULLET.sub("", _TABLE_BARS.sub("", x) or x) or x) for x in lines]
    long_idx = [i for i, x in enumerate(lines) if len(x) >= long_chars]
    drop: dict[int, str] = {}
    els = _elements_by_text(tree, set(keys), index)
    if dom and cb is not None and len(long_idx) >= 2:
        long_texts = {keys[i] for i in long_idx}
        long_els = [els[keys[i]][-1] for i in long_idx if keys[i] in els]
        cont = _container(long_els)
        body_chars = len(_norm(body))
        if cont is not None and len(long_els) >= 2:
            # A chrome word the template puts on the boxes of most of the article's long
            # paragraphs names content on this page (a page builder's "widget-wrap" around
            # every paragraph, an "image-text" module): it is ignored here.
            counts: Counter = Counter()
            for e in long_els:
                node, seen = e, set()
                while node is not None and node is not cont and isinstance(node.tag, str):
                    seen.add(_chrome_word(attr_words(node), cb))
                    node = node.getparent()
                counts.update(seen - {""})
            ignore = frozenset(w for w, c in counts.items() if c > len(long_els) / 2)
            texts: dict = {}  # box texts, shared by the lines of one page
            body_keys = tuple(dict.fromkeys(keys))
            for i, k in enumerate(keys):
                if i == 0 or len(lines[i].split()) > cb.max_words or k not in els or (keep_n and k in keep_n):
                    continue
                # every element printing this line must be in a chrome box (a line printed
                # once in the body and again in a widget stays)
                short_line = len(lines[i].split()) <= cb.picture_max_words
                reasons = [chrome_reason(el, _container([el, cont]), cb, body_chars, long_texts, ignore, texts, short_line,
                                         body_keys)
                           for el in els[k]]
                if all(reasons):
                    drop[i] = "dom " + reasons[0]
    sites = site_names(tree, url)
    if score and ls is not None:
        cands = score_candidates(lines, keys, els, long_idx, lang, ls, sites, keep_n, skip=drop)
        drop.update({i: "score " + "+".join(fired) for i, fired in score_drops(cands, ls).items()})
    drop = {i: why for i, why in drop.items() if not _kept_on_purpose(lines[i], rules, sites)}
    if not drop:
        return body
    if takes_the_article(long_idx, drop):
        return body
    for i, why in sorted(drop.items()):
        log.debug("chrome block dropped (%s): %s", why, lines[i][:80])
    return "\n".join(x for i, x in enumerate(lines) if i not in drop)


def recover_attribution(body: str, tree, rules: Boilerplate | None = None, index: dict | None = None,
                        url: str = "", max_words: int = 12) -> str:
    """Append the page's attribution line ("Sumber: Antara", "Source: Forbes") when the
    extractor left it out: templates print it in its own box after the body's paragraphs
    (after a pager, beside the tags), where trafilatura stops. Only the first short element
    after the body's last long paragraph, inside the body container's parent, whose whole text
    is an attribution (``keep_lines``) naming another outlet than the page's own site; nothing
    when the body already has one."""
    rules = rules or load_boilerplate()
    if rules.keep_line is None or not body:
        return body
    lines = body.split("\n")
    if any(_kept_on_purpose(x, rules) for x in lines):
        return body
    longs = {_norm(x) for x in lines if len(x) >= 100}
    found = _elements_by_text(tree, longs, index)
    long_els = [v[-1] for v in found.values()]
    cont = _container(long_els) if len(long_els) >= 2 else None
    if cont is None or cont.getparent() is None:
        return body
    scope = cont.getparent()
    order = {e: i for i, e in enumerate(scope.iter())}
    last = max(order.get(e, -1) for e in long_els)
    for el in scope.iter():
        if not isinstance(el.tag, str) or order[el] <= last or el.tag in ("script", "style", "a", "li"):
            continue
        text = " ".join(el.text_content().split())
        if text and len(text.split()) <= max_words and rules.keep_line.match(text):
            # the phrase rules still apply ("Disadur dari: <portal>.com" is a syndication note),
            # and "Source: <this site>" credits the page itself, not another outlet
            own = not _kept_on_purpose(text, rules, site_names(tree, url))
            return body + "\n" + text if not own and filter_lines(text, None, rules) == text else body
    return body


# A credit is a label and a list of names; a longer line opening with "Source:" is prose.
CREDIT_MAX_WORDS = 25


def split_credits(body: str, rules: Boilerplate | None = None) -> tuple[str, str]:
    """(text, credits): the body's attribution lines ("Sumber: Antara", "Source: Forbes",
    ``keep_lines``) moved out of the article text, in their order, each on its own line.

    The structural steps keep these lines so that the citation analysis can read them;
    they are not the article, so the text leaves them to the ``credits`` column.
    """
    rules = rules or load_boilerplate()
    lines = body.split("\n") if body else []
    credit = [len(x.split()) <= CREDIT_MAX_WORDS and _kept_on_purpose(x, rules) for x in lines]
    return ("\n".join(x for x, c in zip(lines, credit) if not c),
            "\n".join(x for x, c in zip(lines, credit) if c))


# --------------------------------------------------------------------------- the body


@dataclass(frozen=True)
class Options:
    """Switches of the body pipeline (all on in production; bench.py measures ablations)."""

    preclean: bool = True
    layout_tables: bool = True
    wrap_loose: bool = True
    lead: bool = True
    lead_after_h1: bool = True
    jsonld: bool = True
    newspaper_fallback: bool = True
    line_filter: bool = True
    drop_headline: bool = True
    short_chrome: bool = True
    chrome_dom: bool = True
    chrome_score: bool = True
    attribution: bool = True
    trafilatura: dict = field(default_factory=lambda: {"include_comments": False})


DEFAULT_OPTIONS = Options()


def _norm(s: str) -> str:
    return " ".join(unicodedata.normalize("NFC", s).split()).lower()


def extract_body(
    text: str,
    url: str,
    lang: str | None = None,
    options: Options = DEFAULT_OPTIONS,
    newspaper_article=None,
) -> tuple[str, str]:
    """(body text, extractor label) from decoded HTML; ("", "none") when nothing is found.

    Labels: "trafilatura", "json-ld" or "newspaper3k" (whichever gave the body), with
    "+lead" when the lead was recovered. ``newspaper_article``: an already parsed
    newspaper3k Article of the same page (saves parsing it again for the fallback).
    """
    import trafilatura

    rules = load_boilerplate()
    text = _xml_safe(text)
    tree = _parse(text)
    if tree is None:
        return "", "none"
    leads = _lead_candidates(tree, options.lead_after_h1) if options.lead else []
    # The headline has its own column; extractors keep it when it sits in the article container.
    headlines = {_norm(h.text_content()) for h in tree.iterfind(".//h1")} - {""}
    jsonld = _jsonld_body(tree) if options.jsonld else ""
    # Loose text is wrapped first: a removed ad box's tail then already sits in its own <p>
    # instead of being glued to the text before the box.
    if options.layout_tables:
        unwrap_layout_tables(tree)
    if options.wrap_loose:
        wrap_loose_text(tree)
    if options.preclean:
        _preclean(tree, rules)
    try:
        body = trafilatura.extract(tree, url=url or None, **options.trafilatura) or ""
    except Exception as exc:  # noqa: BLE001 - a failed extractor is a fallback case, not a crash
        log.debug("trafilatura failed on %s: %s", url, exc)
        body = ""
    label = "trafilatura" if body.strip() else ""
    if jsonld and _norm(body) == _norm(jsonld):
        # trafilatura read the JSON-LD itself, flattening its paragraphs: keep them
        body, label = jsonld, "json-ld"

    if len(body) < THIN_CHARS:
        alternatives = []
        if jsonld:
            alternatives.append((jsonld, "json-ld"))
        if options.newspaper_fallback:
            np_text = (newspaper_article.text or "") if newspaper_article is not None else _newspaper_body(text, url, lang)
            alternatives.append((np_text, "newspaper3k"))
        best, best_label = max(alternatives, key=lambda a: len(a[0]), default=("", ""))
        if len(best) > len(body):
            body, label = best, best_label

    if leads and body.strip():
        nbody = _norm(body)
        for cand in leads[:1]:
            if _norm(cand)[:60] not in nbody:
                body = cand + "\n" + body
                label += "+lead"

    body = filter_lines(body, lang, rules) if options.line_filter else "\n".join(
        " ".join(x.split()) for x in body.split("\n") if x.strip()
    )
    index = text_index(tree) if body and (options.short_chrome or options.chrome_dom or options.chrome_score) else {}
    page_lang = lang or _text_language(text)
    if options.short_chrome and body:
        body = drop_short_chrome(body, tree, page_lang, rules, keep=jsonld, index=index, url=url)
    if (options.chrome_dom or options.chrome_score) and body:
        body = drop_chrome_blocks(body, tree, page_lang, rules, keep=jsonld, url=url,
                                  dom=options.chrome_dom, score=options.chrome_score, index=index)
    if options.attribution and body:
        body = recover_attribution(body, tree, rules, index or None, url=url)
    # The headline goes last: labels printed above it (dropped just now) no longer push it
    # out of the first lines.
    if options.drop_headline and headlines:
        lines = body.split("\n")
        body = "\n".join(x for i, x in enumerate(lines) if i >= 3 or _norm(x) not in headlines)
    if len(body.split()) < MIN_WORDS and len(body) < MIN_CHARS_UNSPACED:
        return "", "none"
    return body, label


def extract_html(html: bytes, url: str, lang: str | None = None) -> str:
    """The article's main text from one archived page (paragraphs separated by ``\\n``).

    ``lang`` (ISO 639-1) selects the language's boilerplate rules and newspaper3k's
    stopwords; None means unknown (all rules apply). Returns "" when nothing is found.
    Attribution lines ("Sumber: Antara") are not part of it (``split_credits``).
    """
    return split_credits(extract_body(decode_html(html, lang=lang), url, lang)[0])[0]


# --------------------------------------------------------------------------- one article


def extract_article(html: bytes, url: str, lang: str | None, content_type: str | None = None) -> dict:
    """Title, authors, published (YYYY-MM-DD or ""), text, credits, extractor and top image of a page.

    newspaper3k gives title, authors and the top image (from the page's markup; no image is
    fetched). Its author list is checked against the page's author markup (read by
    trafilatura): names the markup confirms are kept, places, dates and roles that
    newspaper3k takes from bylines are dropped; the markup's names are used when newspaper3k
    has none. Authors are people: desks ("Tim Redaksi") and agencies are left out.
    """
    from .dates import find_published

    text = decode_html(html, content_type, lang)
    art = _newspaper_article(text, url, lang)
    body, label = extract_body(text, url, lang, newspaper_article=art)
    body, credits = split_credits(body)
    title = (art.title or "").strip() if art is not None else ""
    top_image = (art.top_image or "") if art is not None else ""
    meta = _trafilatura_metadata(text, url)
    title = title or meta.get("title", "")
    authors = _pick_authors(art.authors if art is not None else [], meta.get("author", ""), lang)
    return {
        "title": " ".join(title.split()),
        "authors": authors,
        "published": find_published(text, url, lang),
        "text": body,
        "credits": credits,
        "extractor": label,
        "top_image": top_image,
    }


def _trafilatura_metadata(text: str, url: str) -> dict:
    from trafilatura import extract_metadata

    try:
        doc = extract_metadata(_parse(_xml_safe(text)), url or None)
    except Exception:  # noqa: BLE001
        return {}
    return {"title": (doc.title or "") if doc else "", "author": (doc.author or "") if doc else ""}


# Not a person: handles, addresses, desks ("Tim Redaksi", "Liputan6.com"), roles.
# Not a person: handles, addresses, desks and agencies, roles and stamps that newspaper3k
# picks up from bylines ("Technology Correspondent", "Updated", "Tim Redaksi").
_NOT_A_NAME = re.compile(
    r"(https?:|www\.|\.com|\.co\b|\.id\b|@|\d|redaksi|admin|\bteam\b|staff|kantor berita|news agency|"
    r"newsroom|\b(editor|reporter|correspondent|journalist|columnist|writer|contributor|author|kontributor|"
    r"koresponden|jurnalis|pewarta|penulis|wartawan|redaktur|penyunting|updated|published|diperbarui|"
    r"dipublikasikan)s?\b)",
    re.I,
)


def _date_words() -> frozenset[str]:
    from .dates import DAYS, MONTHS

    english = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    return frozenset(MONTHS) | frozenset(DAYS) | frozenset(english)


def _clean_authors(names, lang: str | None = None) -> list[str]:
    """Person names only, de-duplicated in order (newspaper3k also returns places, dates,
    roles and "Name - Outlet" duplicates)."""
    out: list[str] = []
    stop = _date_words()
    for n in names or []:
        n = " ".join(str(n).split()).strip(" ,;|-")
        n = re.sub(r"^(by|oleh|penulis|reporter|pewarta)\b\s*:?\s*", "", n, flags=re.I)
        n = re.split(r"\s+[-|–—]\s+", n)[0].strip()  # "Dimas Prakoso - Ekonomikini" -> the person
        if not n or len(n) > 60 or len(n.split()) > 5 or _NOT_A_NAME.search(n):
            continue
        if n.lower() in stop or (lang == "id" and re.match(r"tim\b", n, re.I)):
            continue  # a month read as a name; an Indonesian desk byline ("Tim Infoponsel")
        if n.lower() not in (o.lower() for o in out):
            out.append(n)
    return out


def _pick_authors(newspaper_names, meta_author: str, lang: str | None) -> list[str]:
    """newspaper3k's names, checked against the page's author markup when it has one."""
    found = _clean_authors(newspaper_names, lang)
    meta = _clean_authors(re.split(r";|\band\b|,| dan | & ", meta_author or ""), lang) if meta_author else []
    if not meta:
        return found
    low = [m.lower() for m in meta]
    confirmed = [n for n in found if any(n.lower() in m or m in n.lower() for m in low)]
    return confirmed or meta


# --------------------------------------------------------------------------- the run


def extract_run(out: str | Path) -> pd.DataFrame:
    """Extract every ``ok`` source of DIR/fetch_log.csv into DIR/articles.csv and .parquet.

    The registry copy (DIR/sources.csv) supplies outlet, country, language, group and the
    publication date; the registry's date wins, and a page date that disagrees is logged
    to DIR/date_disagreements.csv. A page that fails or yields no text is kept with text
    "" and extractor "none" and a warning; the run goes on. Rows are sorted by id and
    nothing time-dependent is written, so a re-run is byte-identical.
    """
    from . import atomic
    from .archive import read_responses
    from .sources import load_sources

    paths = RunPaths.at(out)
    if not paths.fetch_log.is_file():
        raise StudyError(f"{paths.fetch_log}: no fetch log; run `python -m coverage collect --out {out}` first")
    if not paths.sources.is_file():
        raise StudyError(f"{paths.sources}: no registry copy; run `python -m coverage collect --out {out}` first")
    fetch = pd.read_csv(paths.fetch_log, dtype=str, keep_default_na=False)
    missing = {"id", "status"} - set(fetch.columns)
    if missing:
        raise StudyError(f"{paths.fetch_log}: missing column(s) {sorted(missing)}; re-run collect")
    sources = load_sources(paths.sources).set_index("id", drop=False)
    ok_ids = sorted(set(fetch.loc[fetch["status"] == "ok", "id"]))
    unknown = [i for i in ok_ids if i not in sources.index]
    if unknown:
        raise StudyError(
            f"{paths.fetch_log}: source id(s) {unknown[:5]} are not in {paths.sources}; re-run collect"
        )
    responses = read_responses(paths.raw) if ok_ids else {}

    rows, disagreements = [], []
    for sid in ok_ids:
        src = sources.loc[sid]
        resp = responses.get(sid)
        row = {c: "" for c in ARTICLE_COLUMNS}
        row.update(id=sid, url=src["url"], outlet=src["outlet"], country=src["country"],
                   language=src["language"], group=src["group"], published=src["published"],
                   extractor="none")
        if resp is None:
            warnings.warn(f"{sid}: fetch log says ok but {paths.raw} has no final response; text left empty",
                          stacklevel=2)
        else:
            row["html_sha256"] = hashlib.sha256(resp.body).hexdigest()
            try:
                art = extract_article(resp.body, resp.url or src["url"], src["language"] or None,
                                      resp.headers.get("content-type"))
            except Exception as exc:  # noqa: BLE001 - one bad page must not stop the run
                warnings.warn(f"{sid}: extraction failed ({type(exc).__name__}: {exc}); text left empty",
                              stacklevel=2)
                art = None
            if art is not None:
                row.update(title=art["title"], authors="; ".join(art["authors"]), text=art["text"],
                           credits=art["credits"], extractor=art["extractor"] if art["text"] else "none")
                page_date = art["published"]
                if not row["published"]:
                    row["published"] = page_date
                elif page_date and page_date != row["published"]:
                    warnings.warn(f"{sid}: registry date {row['published']} but the page says {page_date}; "
                                  "keeping the registry's", stacklevel=2)
                    disagreements.append({"id": sid, "registry": row["published"], "page": page_date})
                if not art["text"]:
                    warnings.warn(f"{sid}: no article text found in {resp.url or src['url']}", stacklevel=2)
        rows.append(row)

    df = pd.DataFrame(rows, columns=list(ARTICLE_COLUMNS)).astype({c: str for c in ARTICLE_COLUMNS})
    df["n_words"] = df["text"].str.split().str.len().fillna(0).astype("int64")
    df["cluster_id"] = _clusters(df)
    df = df.sort_values("id", kind="stable").reset_index(drop=True)
    atomic.write_csv(df, paths.articles_csv)
    atomic.write_parquet(df, paths.articles_parquet)
    atomic.write_csv(pd.DataFrame(disagreements, columns=["id", "registry", "page"]), paths.dates_log)
    return df


def _clusters(df: pd.DataFrame) -> pd.Series:
    try:
        from .duplicates import assign_clusters
    except ImportError:  # the duplicates stage is optional while the package is built
        return df["id"].copy()
    return assign_clusters(df, id_col="id", text_col="text").astype(str)
