"""Framing: which frames each article uses, with sentence-level evidence.

The codebook ``data/codebook/frames.yml`` holds every indicator, exclusion and threshold
(a researcher edits it, not this code); its header documents the indicator syntax and the
coding rules. This module:

1. splits a text into sentences (:func:`split_sentences`; Indonesian and English
   abbreviations, decimals, initials and quotations handled);
2. codes each sentence for each frame (:func:`code_sentences`): one row per
   (sentence, frame) with the matched text as evidence;
3. decides article-level presence (:func:`detect_frames`): a frame is present when at least
   ``strong_sentences`` sentences carry a strong indicator or at least ``any_sentences``
   sentences carry any indicator, of which at least one a strong or weak one (``context``
   indicators, such as "the Chinese phone maker", never make a frame alone); the codebook's
   ``threshold``, overridable per frame;
4. measures intensity: sentences carrying the frame per 1,000 words (words =
   whitespace-separated tokens of the text);
5. builds the run tables (:func:`frame_table` -> frames.csv, :func:`sentence_table` ->
   frame_sentences.csv). Only ``id`` and ``en`` articles are coded (config.ANALYSED_LANGUAGES);
   others get empty frame columns and ``coded = 0``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from .config import ANALYSED_LANGUAGES, CODEBOOK, FRAME_IDS
from .codebook import parse_yaml
from .codebook import shown as shown_path
from .errors import StudyError

CODEBOOK_PATH = CODEBOOK / "frames.yml"
SENTENCE_COLUMNS = ["sentence_no", "start", "end", "sentence", "frame", "matched", "strength"]
STRENGTHS = ("strong", "weak", "context")  # strongest first
LANG_ALIASES = {"in": "id", "ind": "id", "eng": "en"}  # "in" is the withdrawn ISO code for Indonesian

__all__ = [
    "load_codebook",
    "codebook_version",
    "split_sentences",
    "code_sentences",
    "frame_scores",
    "detect_frames",
    "frame_table",
    "sentence_table",
    "count_words",
    "indonesian_family",
    "frame_articles",
    "codebook_table",
    "coding_summary",
    "frame_labels",
]


# =========================================================================== sentences

# Abbreviations after which a full stop never ends a sentence (titles before names,
# "No. 5", "Jl. Sudirman", "Jan. 5"). Abbreviations that often do end one (dll., dsb.,
# etc., Inc.) are not listed: a full stop followed by a capital letter ends the sentence.
_NEVER_END = frozenset(
    """
    mr mrs ms dr drs dra prof st sr jr gen gov sen rep col lt sgt capt cmdr adm rev hon mt ft
    vs no nos vol fig approx dept est jan feb mar apr jun jul aug sep sept oct nov dec
    h hj ir sdr sdri bpk tn ny jl jln kab kec kel prov hlm hal kol jend letjen mayjen brigjen
    kapt kompol akp ipda iptu aipda bripka brigpol pt cv tbk yth
    """.split()
)
_END = re.compile(r"([.!?…]+)([\"'”’»)\]]*)(\s+)")
_MULTI_DOT = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")  # U.S, e.g, a.n, s.d


def _ends_sentence(text: str, m: re.Match) -> bool:
    nxt = text[m.end(3):m.end(3) + 2]
    if not nxt:
        return True
    first = nxt[0]
    if first in "\"“‘'([«":
        first = nxt[1:2] or first
    if not (first.isupper() or first.isdigit() or first in "\"“‘'([«"):
        return False  # `"Apa?" tanya dia`, "Xiaomi Corp. said": the sentence goes on
    if m.group(1) != ".":
        return True
    start = max(text.rfind(" ", 0, m.start(1)), text.rfind("\n", 0, m.start(1))) + 1
    token = text[start:m.start(1)].lstrip("\"“‘'([«")
    if token.lower() in _NEVER_END or _MULTI_DOT.fullmatch(token):
        return False
    if len(token) == 1 and token.isalpha() and token.isupper():
        return False  # an initial: "Gabi C. Cirlig"
    return True


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of the sentences of ``text``, in order.

    A line break always ends a sentence (paragraphs, link lists, credits). Within a line,
    ``.``, ``!``, ``?`` or ``…`` (optionally followed by closing quotes or brackets) end a
    sentence when whitespace and a capital letter, a digit or an opening quote follow,
    except after an abbreviation that never ends one (Mr., Dr., Jl., No., U.S., initials).
    Decimals (``12.1.4``, ``Rp 5.000``) have no space after the dot and never split.
    """
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text or ""):
        base, s = line.start(), line.group()
        cut = 0
        for m in _END.finditer(s):
            if _ends_sentence(s, m):
                spans.append((base + cut, base + m.end(2)))
                cut = m.end(3)
        spans.append((base + cut, base + len(s)))
    out = []
    for a, b in spans:
        seg = (text[a:b])
        lead = len(seg) - len(seg.lstrip())
        trail = len(seg) - len(seg.rstrip())
        if b - trail > a + lead:
            out.append((a + lead, b - trail))
    return out


def count_words(text: str) -> int:
    """Words for intensity: whitespace-separated tokens that contain a letter or digit."""
    return sum(1 for t in (text or "").split() if any(ch.isalnum() for ch in t))


# =========================================================================== indicator syntax

_ID_SUFFIX = r"(?:kan|an|i|in|nya|lah|kah|pun|mu|ku){0,3}"
_SEP = r"[^\w.!?]+"                  # between two words: spaces, hyphens, quotes, commas, ...
_WORD = r"[\w'’-]+"
_STEM_OK = re.compile(r"[a-z][a-z-]{2,}")


def _nasal_forms(s: str) -> list[str]:
    """meN- forms of a stem, with Indonesian nasal assimilation (both variants where usage
    varies: mentransfer / menransfer never occurs, but the extra form is harmless)."""
    f = s[0]
    if f in "aeiou" or f in "gh":
        forms = ["meng" + s]
    elif f == "k":
        forms = ["meng" + s[1:], "meng" + s]      # kumpul -> mengumpulkan; klaim -> mengklaim
    elif f == "p":
        forms = ["mem" + s[1:], "mem" + s]        # pantau -> memantau; proses -> memproses
    elif f in "bfv":
        forms = ["mem" + s]                       # bantah -> membantah
    elif f == "t":
        forms = ["men" + s[1:], "men" + s]        # tuduh -> menuduh; transfer -> mentransfer
    elif f == "s":
        forms = ["meny" + s[1:], "men" + s]       # sadap -> menyadap; sinkron -> mensinkronkan
    elif f in "dcjz":
        forms = ["men" + s]                       # curi -> mencuri
    else:
        forms = ["me" + s]                        # rekam -> merekam, lacak -> melacak
    return forms + ["menge" + s]                  # monosyllables: cek -> mengecek


def indonesian_family(stem: str, open_end: bool = False) -> str:
    """A regular expression (no boundaries) for the affixed forms of an Indonesian stem.

    ``rekam`` covers rekam, merekam, direkam, terekam, perekaman, rekaman, rekamannya,
    ngerekam...; ``kumpul`` covers mengumpulkan, dikumpulkan, pengumpulan, terkumpul,
    kumpulan, ngumpulin. ``open_end`` lets the stem continue (``anonim*``).
    """
    s = stem.lower()
    nasal = _nasal_forms(s)
    pe = ["pe" + f[2:] for f in nasal]                       # meng- -> peng- (pengumpulan)
    colloquial = [f[2:] for f in nasal if f[2:].startswith(("ng", "ny"))] + ["nge" + s]
    plain = [p + s for p in ("", "di", "ter", "ke", "se", "ber", "per", "diper", "memper")]
    if s[0] == "r":
        plain += ["te" + s, "be" + s]                        # ter- + rekam -> terekam
    forms = sorted(set(nasal + pe + colloquial + plain), key=lambda w: (-len(w), w))
    body = "(?:" + "|".join(re.escape(w).replace(r"\-", "[-\\s]?") for w in forms) + ")"
    return body + (r"\w*" if open_end else _ID_SUFFIX)


_ID_CLITIC = r"(?:nya|lah|pun|ku|mu)?"


def _word(alt: str, where: str, lang: str | None = None) -> str:
    """One word: a literal, ``word*`` or ``~stem`` (``~stem*``). Indonesian literals also
    match with a clitic (reputasi -> reputasinya, pendapatan -> pendapatannya)."""
    if re.search(r"[()\[\]{}\\^$+?]", alt):
        raise StudyError(
            f"{where}: {alt!r} looks like a regular expression; write the whole indicator as 're:...' "
            "or use the codebook syntax (a|b, ~stem, word*, ..)"
        )
    if alt.startswith("~"):
        open_end = alt.endswith("*")
        stem = alt[1:].rstrip("*").lower()
        if not _STEM_OK.fullmatch(stem):
            raise StudyError(f"{where}: {alt!r} is not an Indonesian stem (letters and hyphens, at least 3)")
        return indonesian_family(stem, open_end)
    if alt.endswith("*"):
        return _literal(alt[:-1]) + r"\w*"
    return _literal(alt) + (_ID_CLITIC if lang == "id" else "")


def _literal(word: str) -> str:
    """A literal word: a hyphen also matches a space or nothing, an apostrophe either
    quote mark, a full stop may be left out (``No.``)."""
    return (re.escape(word).replace(r"\-", "[-\\s]?").replace("'", "['’]")
            .replace(r"\.", r"\.?"))


def _segment(seg: str, where: str, lang: str | None = None) -> str:
    """Alternatives separated by ``|``, each one or more words in order."""
    alts = []
    for phrase in seg.split("|"):
        words = phrase.split()
        if not words:
            raise StudyError(f"{where}: empty alternative in {seg!r}; remove the stray '|'")
        alts.append(_SEP.join(_word(w, where, lang) for w in words))
    return "(?:" + "|".join(alts) + ")"


def _compile_phrase(src: str, where: str, gap_words: int, lang: str | None = None) -> re.Pattern:
    """One indicator phrase (no && / !!): segments joined by ``..`` gaps, to a pattern."""
    src = src.strip()
    if not src:
        raise StudyError(f"{where}: empty indicator; delete the entry")
    if src.startswith("re:"):
        try:
            return re.compile(src[3:].strip(), re.IGNORECASE)
        except re.error as exc:
            raise StudyError(f"{where}: bad regular expression {src[3:].strip()!r} ({exc}); fix or quote it") from None
    pieces = re.split(r"(?:^|\s)\.\.(\d*)(?=\s|$)", src)
    segs, gaps = pieces[0::2], pieces[1::2]
    if any(not s.strip() for s in segs):
        raise StudyError(f"{where}: {src!r}: a '..' gap needs words on both sides")
    out = _segment(segs[0], where, lang)
    for gap, seg in zip(gaps, segs[1:]):
        n = int(gap) if gap else gap_words
        out += f"(?:{_SEP}{_WORD}){{0,{n}}}?{_SEP}" + _segment(seg, where, lang)
    return re.compile(r"(?<!\w)" + out + r"(?!\w)", re.IGNORECASE)


@dataclass(frozen=True)
class Indicator:
    """One codebook indicator, compiled."""

    source: str
    strength: str
    parts: tuple[re.Pattern, ...]
    unless: re.Pattern | None
    where: str


def _compile_indicator(src: str, strength: str, where: str, gap_words: int, lang: str | None = None) -> Indicator:
    if not isinstance(src, str):
        raise StudyError(f"{where}: indicators are strings, got {src!r}; quote it")
    body, _, unless = src.partition(" !! ")
    parts = tuple(_compile_phrase(p, where, gap_words, lang) for p in body.split(" && "))
    unl = _compile_phrase(unless, where, gap_words, lang) if unless.strip() else None
    return Indicator(src, strength, parts, unl, where)


@dataclass(frozen=True)
class Frame:
    """One compiled frame of the codebook."""

    id: str
    strong_min: int
    any_min: int
    indicators: dict[str, tuple[Indicator, ...]] = field(default_factory=dict)
    exclusions: dict[str, tuple[re.Pattern, ...]] = field(default_factory=dict)


@dataclass(frozen=True, eq=False)  # hashed by identity: one object per codebook file version
class Compiled:
    version: str
    frames: tuple[Frame, ...]
    skip: dict[str, tuple[re.Pattern, ...]]
    borrow: dict[str, tuple[str, ...]]


# =========================================================================== codebook


def _yaml_lines(text: str) -> dict[tuple, int]:
    """1-based line of every mapping key / list item, keyed by its path, for error messages."""
    lines: dict[tuple, int] = {}

    def walk(node, path):
        lines[path] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                walk(v, path + (k.value,))
                lines[path + (k.value,)] = k.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode):
            for i, v in enumerate(node.value):
                walk(v, path + (i,))

    try:
        root = yaml.compose(text)
    except yaml.YAMLError:
        return lines
    if root is not None:
        walk(root, ())
    return lines


def load_codebook(path: str | Path | None = None) -> dict[str, Any]:
    """The framing codebook as a validated dict (defaults filled in).

    Every problem raises :class:`StudyError` naming the file, the line and the entry
    (e.g. ``frames.yml line 80 (frames.conflict.indicators.en.strong[2]): ...``) and the
    fix. Indicators are compiled once here, so a bad pattern is caught at load time.
    """
    p = Path(path) if path is not None else CODEBOOK_PATH
    shown = shown_path(p)
    if not p.is_file():
        raise StudyError(f"{shown}: framing codebook not found; restore data/codebook/frames.yml or pass its path")
    text = p.read_text(encoding="utf-8")
    data = parse_yaml(text, p)
    lines = _yaml_lines(text)

    def where(*path) -> str:
        probe = tuple(path)
        while probe and probe not in lines:
            probe = probe[:-1]
        dotted = ".".join(f"[{k}]" if isinstance(k, int) else str(k) for k in path).replace(".[", "[")
        return f"{shown} line {lines.get(probe, 1)} ({dotted})" if path else str(shown)

    version = data.get("version")
    if not isinstance(version, (str, int, float)) or str(version).strip() == "":
        raise StudyError(f"{where('version')}: missing or empty version; set e.g. version: \"1.0.0\"")
    data["version"] = str(version)
    th = data.setdefault("threshold", {})
    for key, default in (("strong_sentences", 1), ("any_sentences", 2)):
        val = th.setdefault(key, default)
        if not isinstance(val, int) or isinstance(val, bool) or val < 1:
            raise StudyError(f"{where('threshold', key)}: {key} must be a whole number >= 1, got {val!r}")
    gap = data.setdefault("gap_words", 4)
    if not isinstance(gap, int) or gap < 0:
        raise StudyError(f"{where('gap_words')}: gap_words must be a whole number >= 0, got {gap!r}")
    borrow = data.setdefault("borrow", {}) or {}
    if not isinstance(borrow, dict) or any(not isinstance(v, list) for v in borrow.values()):
        raise StudyError(f"{where('borrow')}: borrow maps a language to a list of languages, e.g. id: [en]")
    data["borrow"] = borrow
    skip = data.setdefault("skip_sentences", {}) or {}
    data["skip_sentences"] = skip
    for lang, pats in skip.items():
        for i, pat in enumerate(pats or []):
            _compile_phrase(pat, where("skip_sentences", lang, i), gap, lang)

    frames = data.get("frames")
    if not isinstance(frames, dict):
        raise StudyError(f"{where('frames')}: missing 'frames' mapping (one entry per frame id)")
    missing = [f for f in FRAME_IDS if f not in frames]
    extra = [f for f in frames if f not in FRAME_IDS]
    if missing:
        raise StudyError(f"{where('frames')}: frame(s) {missing} missing; the study's frame ids are fixed: {list(FRAME_IDS)}")
    if extra:
        raise StudyError(f"{where('frames', extra[0])}: unknown frame id {extra[0]!r}; the study's frame ids are fixed: {list(FRAME_IDS)}")
    for fid in FRAME_IDS:
        fr = frames[fid]
        if not isinstance(fr, dict):
            raise StudyError(f"{where('frames', fid)}: a frame is a mapping with label, definition, reference, indicators")
        for key in ("label", "definition"):
            val = fr.get(key)
            if not isinstance(val, dict) or not all(isinstance(val.get(lg), str) and val[lg].strip() for lg in ("en", "id")):
                raise StudyError(f"{where('frames', fid, key)}: {key} needs non-empty 'en' and 'id' texts")
        if not isinstance(fr.get("reference"), str) or not fr["reference"].strip():
            raise StudyError(f"{where('frames', fid, 'reference')}: give the literature reference the frame rests on")
        inds = fr.get("indicators")
        if not isinstance(inds, dict):
            raise StudyError(f"{where('frames', fid, 'indicators')}: indicators need 'id' and 'en' entries")
        for lang in ANALYSED_LANGUAGES:
            block = inds.get(lang)
            if not isinstance(block, dict) or not (block.get("strong") or block.get("weak")):
                raise StudyError(f"{where('frames', fid, 'indicators', lang)}: give strong and/or weak indicators for {lang!r}")
            for strength in block:
                if strength not in STRENGTHS:
                    raise StudyError(f"{where('frames', fid, 'indicators', lang, strength)}: use 'strong', 'weak' or 'context', not {strength!r}")
                for i, src in enumerate(block[strength] or []):
                    _compile_indicator(src, strength, where("frames", fid, "indicators", lang, strength, i), gap, lang)
        exc = fr.setdefault("exclusions", {}) or {}
        fr["exclusions"] = exc
        for lang, pats in exc.items():
            for i, pat in enumerate(pats or []):
                _compile_phrase(pat, where("frames", fid, "exclusions", lang, i), gap, lang)
        fth = fr.get("threshold") or {}
        for key in ("strong_sentences", "any_sentences"):
            if key in fth and (not isinstance(fth[key], int) or fth[key] < 1):
                raise StudyError(f"{where('frames', fid, 'threshold', key)}: must be a whole number >= 1")
    data["_path"] = str(p)
    return data


@functools.lru_cache(maxsize=8)
def _compiled(path: str | None, mtime: float) -> Compiled:
    data = load_codebook(path)
    gap = data["gap_words"]
    th = data["threshold"]
    frames = []
    for fid in FRAME_IDS:
        fr = data["frames"][fid]
        fth = fr.get("threshold") or {}
        inds = {
            lang: tuple(
                _compile_indicator(src, strength, f"{fid}.{lang}.{strength}[{i}]", gap, lang)
                for strength in STRENGTHS
                for i, src in enumerate((fr["indicators"].get(lang) or {}).get(strength) or [])
            )
            for lang in fr["indicators"]
        }
        excl = {lang: tuple(_compile_phrase(p, f"{fid}.exclusions.{lang}", gap, lang) for p in pats or [])
                for lang, pats in fr["exclusions"].items()}
        frames.append(Frame(fid, fth.get("strong_sentences", th["strong_sentences"]),
                            fth.get("any_sentences", th["any_sentences"]), inds, excl))
    skip = {lang: tuple(_compile_phrase(p, f"skip_sentences.{lang}", gap, lang) for p in pats or [])
            for lang, pats in data["skip_sentences"].items()}
    borrow = {lang: tuple(v) for lang, v in data["borrow"].items()}
    return Compiled(data["version"], tuple(frames), skip, borrow)


def _codebook(path: str | Path | None = None) -> Compiled:
    p = Path(path) if path is not None else CODEBOOK_PATH
    mtime = p.stat().st_mtime if p.is_file() else 0.0
    return _compiled(str(p) if path is not None else None, mtime)


def codebook_version(path: str | Path | None = None) -> str:
    """The ``version`` recorded in every output coded with this codebook."""
    return _codebook(path).version


# =========================================================================== coding


def _norm_lang(lang: str) -> str:
    code = str(lang or "").strip().lower().replace("_", "-").split("-")[0]
    code = LANG_ALIASES.get(code, code)
    if code not in ANALYSED_LANGUAGES:
        raise StudyError(
            f"frames: language {lang!r} has no framing indicators; only {list(ANALYSED_LANGUAGES)} are coded "
            "(other languages are reported as collected, not coded)"
        )
    return code


def _first_free(pattern: re.Pattern, sentence: str, blocked: list[tuple[int, int]]) -> re.Match | None:
    """The first non-empty match of ``pattern`` that overlaps no excluded span."""
    for m in pattern.finditer(sentence):
        if m.end() > m.start() and not any(m.start() < b and a < m.end() for a, b in blocked):
            return m
    return None


def _all_spans(pattern: re.Pattern, sentence: str) -> list[tuple[int, int]]:
    """Every match span, overlapping ones included ("privat atau" must not hide "atau anonymous")."""
    spans, pos = [], 0
    while (m := pattern.search(sentence, pos)) is not None:
        spans.append(m.span())
        pos = m.start() + 1
    return spans


def _code_one(sentence: str, frame: Frame, langs: tuple[str, ...]) -> tuple[list[str], str] | None:
    blocked = [span for lg in langs for pat in frame.exclusions.get(lg, ()) for span in _all_spans(pat, sentence)]
    matched: list[str] = []
    best = len(STRENGTHS)
    for lg in langs:
        for ind in frame.indicators.get(lg, ()):
            if ind.unless is not None and ind.unless.search(sentence):
                continue
            found = []
            for part in ind.parts:
                m = _first_free(part, sentence, blocked)
                if m is None:
                    break
                found.append(m.group(0))
            else:
                best = min(best, STRENGTHS.index(ind.strength))
                matched.extend(t for t in found if t not in matched)
    return (matched, STRENGTHS[best]) if matched else None


def code_sentences(text: str, lang: str, *, codebook: str | Path | None = None) -> pd.DataFrame:
    """Sentence-level coding: one row per (sentence, frame) where the frame's indicators match.

    Columns: sentence_no (1-based, counting every sentence of the text), start, end
    (character offsets into ``text``), sentence, frame, matched (the matched words,
    ``; ``-separated), strength (the strongest matched indicator: ``strong``, ``weak`` or
    ``context``). Link lists and credits (codebook ``skip_sentences``) are numbered but not coded.
    """
    code = _norm_lang(lang)
    cb = _codebook(codebook)
    rows = _coded_rows(text or "", code, cb)
    return pd.DataFrame(list(rows), columns=SENTENCE_COLUMNS).astype(
        {"sentence_no": "int64", "start": "int64", "end": "int64"})


@functools.lru_cache(maxsize=4096)
def _coded_rows(text: str, code: str, cb: Compiled) -> tuple[tuple, ...]:
    # Cached: the analyse stage codes each article twice (frames.csv and frame_sentences.csv).
    langs = (code, *cb.borrow.get(code, ()))
    rows = []
    for no, (a, b) in enumerate(split_sentences(text), start=1):
        sent = text[a:b]
        if any(p.search(sent) for p in cb.skip.get(code, ())):
            continue
        for frame in cb.frames:
            hit = _code_one(sent, frame, langs)
            if hit:
                rows.append((no, a, b, sent, frame.id, "; ".join(hit[0]), hit[1]))
    return tuple(rows)


def _scores(coded: pd.DataFrame, n_words: int, cb: Compiled) -> pd.DataFrame:
    # Plain counting: this runs once per article, and a pandas groupby per article is slow.
    sentences = dict.fromkeys(FRAME_IDS, 0)
    strong = dict.fromkeys(FRAME_IDS, 0)
    context = dict.fromkeys(FRAME_IDS, 0)
    for frame, strength in zip(coded["frame"], coded["strength"]):
        sentences[frame] += 1  # one row per (sentence, frame): rows are sentences
        strong[frame] += strength == "strong"
        context[frame] += strength == "context"
    rows = []
    for f in cb.frames:
        evidence = sentences[f.id] - context[f.id]
        # Context-only evidence (a descriptor such as "the Chinese phone maker") never makes a frame.
        present = strong[f.id] >= f.strong_min or (sentences[f.id] >= f.any_min and evidence >= 1)
        rows.append({"frame": f.id, "sentences": sentences[f.id], "strong_sentences": strong[f.id],
                     "context_sentences": context[f.id], "present": int(present),
                     "intensity": sentences[f.id] / n_words * 1000 if n_words else float("nan")})
    return pd.DataFrame(rows)


def frame_scores(text: str, lang: str, *, codebook: str | Path | None = None) -> pd.DataFrame:
    """Per frame: sentences carrying it, of which strong and context-only, present (0/1),
    intensity per 1,000 words."""
    cb = _codebook(codebook)
    return _scores(code_sentences(text, lang, codebook=codebook), count_words(text), cb)


def detect_frames(text: str, lang: str, *, codebook: str | Path | None = None) -> set[str]:
    """The frame ids present in ``text`` (``lang``: "id" or "en") under the codebook threshold."""
    s = frame_scores(text, lang, codebook=codebook)
    return set(s.loc[s["present"] == 1, "frame"])


# =========================================================================== run tables


def _article_columns(articles: pd.DataFrame) -> tuple[str, str]:
    id_col = "article_id" if "article_id" in articles.columns else "id"
    lang_col = "language" if "language" in articles.columns else "lang"
    missing = [c for c in (id_col, lang_col, "text") if c not in articles.columns]
    if missing:
        raise StudyError(f"frames: the articles table lacks column(s) {missing}; it needs id, language and text "
                         "(run `python -m coverage extract --out DIR` to make DIR/articles.csv)")
    return id_col, lang_col


def _codable(lang: Any, text: Any) -> str | None:
    try:
        code = _norm_lang(lang)
    except StudyError:
        return None
    return code if isinstance(text, str) and text.strip() else None


def frame_table(articles: pd.DataFrame, *, codebook: str | Path | None = None) -> pd.DataFrame:
    """frames.csv: one row per article.

    Columns: article_id; one 0/1 column per frame id; ``<frame>_intensity`` per frame id
    (sentences per 1,000 words, 3 decimals); n_words; coded (1 when the article's language
    has full analysis and its text is not empty; otherwise 0 and the frame columns are
    empty); codebook_version. Rows follow ``articles`` (sorted by article_id).
    """
    id_col, lang_col = _article_columns(articles)
    cb = _codebook(codebook)
    rows = []
    for art_id, lang, text in zip(articles[id_col], articles[lang_col], articles["text"]):
        row: dict[str, Any] = {"article_id": art_id}
        code = _codable(lang, text)
        if code is None:
            row.update({f: pd.NA for f in FRAME_IDS})
            row.update({f"{f}_intensity": float("nan") for f in FRAME_IDS})
            row.update(n_words=count_words(text) if isinstance(text, str) else 0, coded=0)
        else:
            n = count_words(text)
            sc = _scores(code_sentences(text, code, codebook=codebook), n, cb).set_index("frame")
            row.update({f: int(sc.at[f, "present"]) for f in FRAME_IDS})
            row.update({f"{f}_intensity": round(float(sc.at[f, "intensity"]), 3) for f in FRAME_IDS})
            row.update(n_words=n, coded=1)
        row["codebook_version"] = cb.version
        rows.append(row)
    cols = ["article_id", *FRAME_IDS, *(f"{f}_intensity" for f in FRAME_IDS), "n_words", "coded", "codebook_version"]
    out = pd.DataFrame(rows, columns=cols)
    for f in FRAME_IDS:
        out[f] = out[f].astype("Int64")
    out["n_words"] = out["n_words"].astype("int64")
    out["coded"] = out["coded"].astype("int64")
    return out.sort_values("article_id", kind="mergesort").reset_index(drop=True)


def sentence_table(articles: pd.DataFrame, *, codebook: str | Path | None = None) -> pd.DataFrame:
    """frame_sentences.csv: the evidence, one row per (article, sentence, frame).

    Columns: article_id, then :data:`SENTENCE_COLUMNS`, then codebook_version.
    """
    id_col, lang_col = _article_columns(articles)
    cb = _codebook(codebook)
    parts = []
    for art_id, lang, text in zip(articles[id_col], articles[lang_col], articles["text"]):
        code = _codable(lang, text)
        if code is None:
            continue
        coded = code_sentences(text, code, codebook=codebook)
        if not coded.empty:
            parts.append(coded.assign(article_id=art_id))
    cols = ["article_id", *SENTENCE_COLUMNS, "codebook_version"]
    if not parts:
        return pd.DataFrame(columns=cols)
    out = pd.concat(parts, ignore_index=True).assign(codebook_version=cb.version)[cols]
    return out.sort_values(["article_id", "sentence_no"], kind="mergesort").reset_index(drop=True)


def frame_articles(frames: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """frames.csv joined with the article metadata the comparisons need (group, language,
    outlet, published, cluster_id, title, text), coded articles only, frame columns as int."""
    meta_cols = [c for c in ("id", "group", "language", "outlet", "published", "cluster_id", "title", "kind", "text")
                 if c in articles.columns]
    meta = articles[meta_cols].rename(columns={"id": "article_id"})
    merged = frames.merge(meta, on="article_id", how="left", validate="one_to_one")
    coded = merged[merged["coded"] == 1].copy()
    for f in FRAME_IDS:
        coded[f] = coded[f].astype(int)
    return coded.reset_index(drop=True)


# =========================================================================== for the framing notebook


def coding_summary(frame_rows: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Articles and coded articles per language (languages without full analysis: coded 0)."""
    lang = articles.set_index("id")["language"]
    t = frame_rows.assign(language=frame_rows["article_id"].map(lang))
    return t.groupby("language")["coded"].agg(articles="size", coded="sum").reset_index()


def codebook_table(path: str | Path | None = None) -> pd.DataFrame:
    """The codebook as a reader sees it: frame, English and Indonesian label, definition,
    number of indicators (strong/weak per language), threshold and reference."""
    cb = load_codebook(path)
    th = cb["threshold"]
    rows = []
    for fid in FRAME_IDS:
        fr = cb["frames"][fid]
        fth = {**th, **(fr.get("threshold") or {})}
        row = {"frame": fid, "label_en": fr["label"]["en"], "label_id": fr["label"]["id"],
               "definition": " ".join(fr["definition"]["en"].split())}
        for lang in ANALYSED_LANGUAGES:
            block = fr["indicators"].get(lang) or {}
            row[f"indicators_{lang}"] = f"{len(block.get('strong') or [])} strong / {len(block.get('weak') or [])} weak"
        row["present_when"] = f">= {fth['strong_sentences']} strong or >= {fth['any_sentences']} sentences"
        row["reference"] = " ".join(fr["reference"].split())
        rows.append(row)
    return pd.DataFrame(rows)


def frame_labels(path: str | Path | None = None, lang: str = "en") -> dict[str, str]:
    """frame id -> the codebook's label (for charts and tables)."""
    cb = load_codebook(path)
    return {fid: cb["frames"][fid]["label"][lang] for fid in FRAME_IDS}
