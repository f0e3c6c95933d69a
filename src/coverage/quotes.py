"""Quotations in Indonesian and English news: direct and indirect, with speaker and cue.

``extract_quotes(text, lang)`` returns one record per quotation, in reading order:

    quote         the quoted words (a multi-paragraph quote joined with single spaces)
    speaker       canonical speaker name ("Xiaomi", "Gabi Cirlig"), a role when nobody is
                  named ("peneliti"), or "" when no speaker can be found
    speaker_type  company | researcher | media | government | civil_society | user | other
    role          the speaker's title or role as written ("peneliti keamanan siber"), or ""
    cue           the attribution verb's lemma (data/codebook/cues.yml): kata, ujar, say, tell,
                  menurut, according to, ...; "" when a quote continues an earlier speaker
    kind          "direct" (words inside quotation marks) or "indirect" (reported speech)
    start, end    character offsets of the quote in ``text``: ``text[start:end]`` is the quoted
                  passage without its quotation marks (for an indirect quote, the reported clause)

How it works, in four passes over the text:

1. Quotation marks are paired paragraph by paragraph. Curly, straight and low marks are told
   apart by context (a mark after a space and before a letter opens), so ”…” misuse and straight
   quotes work; a paragraph left open whose successor opens again continues the same quote
   (the newspaper convention for quotes over several paragraphs); single marks are quotes only
   when they pair up outside double quotes, so apostrophes (don’t, Xiaomi’s, users’ data,
   Forbes’ report) never open one; quotes inside quotes stay part of the outer quote.
2. Each quoted span looks for its attribution after the closing mark (“…,” kata Xiaomi;
   “…,” said Gabi Cirlig, a researcher; “…,” ujarnya; “…,” the company said in a statement),
   then before the opening mark (Xiaomi said: “…”; Menurut Xiaomi, “…”), and is kept as a quote
   when attributed, or when it reads as a full quoted sentence (scare quotes, titles after
   "berjudul"/"titled" and one-word terms are not quotes).
3. Sentences without a direct quote are searched for reported speech: "menurut X, ...",
   "..., menurut X", "X mengatakan (bahwa) ...", "..., kata X, ...", "according to X, ...",
   "X said (that) ...", "..., the company said.".
4. Speakers are resolved in reading order (coverage.speakers.SpeakerTracker): pronouns and
   descriptions ("ia", "pihaknya", "perusahaan itu", "he", "the company") take the last
   compatible speaker; surnames merge with full names; unattributed quotes continue the last
   speaker.

Lines of wire boilerplate ("Baca juga:", "Pewarta:", "Editor:", "Read more:", copyright) give no
quotes. ``lang`` is "id" or "en"; other codes use the English rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd
import yaml

from .config import CODEBOOK, SPEAKER_TYPES
from .errors import StudyError
from .speakers import Speaker, SpeakerBook, SpeakerTracker, load_book

CUES_YML = CODEBOOK / "cues.yml"
QUOTE_FIELDS = ("quote", "speaker", "speaker_type", "role", "cue", "kind", "start", "end")

DOUBLE_MARKS = "\"“”„‟«»"
SINGLE_MARKS = "'‘’‛‚"
_OPEN_GLYPHS = "“„‟«‘‛‚"
_CLOSE_GLYPHS = "”»’"
_OPEN_LEFT = set("([{—–-/:“‘\"'«„")
_CLOSE_RIGHT = set(",.;:!?)]}—–-…”’\"'»")
_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "st", "inc", "corp", "ltd", "co", "jr", "sr", "vs", "no", "rp",
    "dll", "dsb", "dkk", "tsb", "ir", "drs", "h", "hj", "kh", "m", "s", "u.s", "u.k", "e.g", "i.e",
    "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "agu", "sep", "sept", "oct", "okt", "nov",
    "dec", "des", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt", "mt", "ft", "p", "pp", "vol",
    "tbk", "pt", "cv", "sdn", "bhd", "approx", "est", "fig", "al",
}
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


# --- cue codebook ---------------------------------------------------------------------------


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@dataclass
class CueBook:
    """The cue lists of one language, compiled into regular expressions."""

    lang: str
    lemma: dict[str, str]
    inverted: set[str]
    suffixed: set[str]
    active: set[str]
    passive: set[str]
    needs_complement: set[str]
    according: list[str]
    according_lemma: str
    complementizers: set[str]
    trailing: list[str]
    stop: set[str]
    affiliation: set[str]
    adverbs: set[str]
    openers: set[str]
    subject_cut: set[str]
    relative: set[str]
    title_markers: set[str]
    skip_lines: list[re.Pattern]
    rx: dict[str, re.Pattern] = field(default_factory=dict)

    def compile(self) -> "CueBook":
        w = r"(?<![\w-])(?:{})(?![\w-])"
        self.rx = {
            "inverted": re.compile(w.format(_alt(self.inverted | self.passive)), re.IGNORECASE),
            "suffixed": re.compile(w.format(_alt(self.suffixed)), re.IGNORECASE) if self.suffixed else None,
            "active": re.compile(w.format(_alt(self.active)), re.IGNORECASE),
            "any": re.compile(w.format(_alt(self.inverted | self.suffixed | self.active | self.passive)), re.IGNORECASE),
            "according": re.compile(w.format(_alt(self.according)), re.IGNORECASE),
            "complement": re.compile(w.format(_alt(self.complementizers)), re.IGNORECASE),
            "trailing": re.compile(r"^\s*(?:" + "|".join(self.trailing) + r")(?![\w-])", re.IGNORECASE)
            if self.trailing else None,
        }
        return self

    def lemma_of(self, form: str) -> str:
        f = " ".join(form.lower().split())
        if f in self.lemma:
            return self.lemma[f]
        if self.rx["according"].fullmatch(f):
            return self.according_lemma
        return f

    def is_skip_line(self, line: str) -> bool:
        return any(rx.search(line) for rx in self.skip_lines)


def _load_cues(path: Path, lang: str) -> CueBook:
    try:
        with open(path, encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
    except FileNotFoundError as exc:
        raise StudyError(f"{path}: cue codebook missing; restore it from the repository") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark is not None else ""
        raise StudyError(f"{path}{where}: not valid YAML; fix the entry") from exc
    if lang not in data:
        raise StudyError(f"{path}: no cues for language {lang!r}; add a `{lang}:` section like `id:`")
    d = data[lang]
    lemma: dict[str, str] = {}
    inv, suf, act, pas, needs = set(), set(), set(), set(), set()
    for i, v in enumerate(d.get("verbs") or []):
        if "lemma" not in v:
            raise StudyError(f"{path}: {lang} verb #{i + 1} has no `lemma`")
        lem = str(v["lemma"])
        if "forms" in v:  # English: one list, both positions
            forms = [str(f) for f in v["forms"]]
            act.update(f.lower() for f in forms)
            if v.get("inverted", True):
                inv.update(f.lower() for f in forms)
        else:
            forms = []
            for key, bucket in (("inverted", inv), ("suffixed", suf), ("active", act), ("passive", pas)):
                fs = [str(f) for f in v.get(key) or []]
                bucket.update(f.lower() for f in fs)
                forms += fs
        for f in forms:
            lemma.setdefault(f.lower(), lem)
        lemma.setdefault(lem.lower(), lem)
        if v.get("needs_complement"):
            needs.update(f.lower() for f in forms)
    lst = lambda k: [str(x).lower() for x in d.get(k) or []]  # noqa: E731
    try:
        skip = [re.compile(p, re.IGNORECASE) for p in d.get("skip_lines") or []]
    except re.error as exc:
        raise StudyError(f"{path}: {lang}.skip_lines has a bad regular expression ({exc}); fix it") from exc
    return CueBook(
        lang=lang, lemma=lemma, inverted=inv, suffixed=suf, active=act, passive=pas, needs_complement=needs,
        according=lst("according"), according_lemma=str(d.get("according_lemma", "according")),
        complementizers=set(lst("complementizers")), trailing=[str(x) for x in d.get("trailing_attribution") or []],
        stop=set(lst("speaker_stop_words")), affiliation=set(lst("affiliation_prepositions")),
        adverbs=set(lst("subject_adverbs")), openers=set(lst("clause_openers")), subject_cut=set(lst("subject_cut")),
        relative=set(lst("relative_pronouns")), title_markers=set(lst("title_markers")), skip_lines=skip,
    ).compile()


@lru_cache(maxsize=8)
def load_cues(lang: str, path: Path = CUES_YML) -> CueBook:
    """The cue lists for ``lang`` ("id" or "en"; anything else gets the English rules)."""
    return _load_cues(Path(path), rules_language(lang))


def rules_language(lang: str | None) -> str:
    """Which rule set a language code uses: Indonesian (and Malay) -> "id", else "en"."""
    code = (lang or "").strip().lower()[:2]
    return "id" if code in ("id", "in", "ms") else "en"


def canonical_cue(cue: str, lang: str) -> str:
    """The lemma of a cue form ("katanya" -> "kata", "said" -> "say"); unknown cues lower-cased."""
    if not cue:
        return ""
    cb = load_cues(lang)
    other = load_cues("en" if cb.lang == "id" else "id")
    f = " ".join(str(cue).lower().split())
    return cb.lemma.get(f) or other.lemma.get(f) or cb.lemma_of(f)


# --- text layout ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Para:
    start: int
    end: int
    skip: bool


def _paragraphs(text: str, cb: CueBook) -> list[Para]:
    out = []
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append(Para(s, e, cb.is_skip_line(text[s:e])))
    return out


def _is_abbrev(text: str, dot: int) -> bool:
    """Is the period at ``dot`` the end of an abbreviation or an initial (not a sentence end)?"""
    m = re.search(r"([\w.]+)$", text[max(0, dot - 12):dot])
    if not m:
        return False
    word = m.group(1).lower().strip(".")
    if word in _ABBREV:
        return True
    if len(word) == 1 and word.isalpha():
        return True  # an initial: Johnny G. Plate
    if re.fullmatch(r"\d+", word) and dot + 1 < len(text) and text[dot + 1].isdigit():
        return True
    return False


def _sentences(text: str, para: Para, protected: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """Sentence bounds inside a paragraph; quoted spans (open, close, content_end) are not split."""
    bounds = []
    s = para.start
    prot = [(a, b, ce) for a, b, ce in protected if a < para.end and b > para.start]
    i = para.start
    while i < para.end:
        inside = next((p for p in prot if p[0] <= i < p[1]), None)
        if inside is not None:
            a, b, ce = inside
            i = b
            # a quote whose words end a sentence ends the sentence with its closing mark
            if re.search(r"[.!?…]\s*$", text[a:ce]) and re.match(r"\s+[A-Z“\"‘(]", text[b:para.end] + " "):
                bounds.append((s, b))
                s = b
            continue
        c = text[i]
        if c in ".!?…":
            j = i
            while j + 1 < para.end and text[j + 1] in ".!?…)”’\"'":
                j += 1
            if j + 1 >= para.end or text[j + 1].isspace():
                nxt = text[j + 1:j + 3].lstrip()
                if c != "." or not _is_abbrev(text, i) or (nxt[:1].isupper() and False):
                    bounds.append((s, j + 1))
                    s = j + 1
            i = j + 1
            continue
        i += 1
    if s < para.end:
        bounds.append((s, para.end))
    out = []
    for a, b in bounds:
        while a < b and text[a].isspace():
            a += 1
        if a < b:
            out.append((a, b))
    return out


# --- quotation marks ------------------------------------------------------------------------


@dataclass
class QSpan:
    """One quoted passage: marks at ``open``/``close`` (close None: runs to paragraph end)."""

    open: int
    close: int | None
    end: int  # index after the closing mark (or the paragraph end)
    cs: int = 0  # content start/end
    ce: int = 0
    paras: int = 1
    single: bool = False


def _classify(text: str, i: int) -> str:
    """O / C (clear open / close), o / c (weak, from the glyph), B (undecided straight quote)."""
    c = text[i]
    left = text[i - 1] if i > 0 else "\n"
    right = text[i + 1] if i + 1 < len(text) else "\n"
    can_open = (left.isspace() or left in _OPEN_LEFT) and not right.isspace() and right not in ",.;:!?)]}"
    can_close = not left.isspace() and left not in "([{" and (right.isspace() or right in _CLOSE_RIGHT)
    if can_open and not can_close:
        return "O"
    if can_close and not can_open:
        return "C"
    if c in _OPEN_GLYPHS:
        return "o"
    if c in _CLOSE_GLYPHS:
        return "c"
    return "B"


def _pair(text: str, paras: list[Para], marks: dict[int, list[tuple[int, str]]], *, single: bool,
          allow_unclosed: bool) -> list[QSpan]:
    """Pair classified marks into top-level spans, paragraph by paragraph (see module doc)."""
    spans: list[QSpan] = []
    carried: QSpan | None = None
    prev_end = 0
    for pi, p in enumerate(paras):
        ms = marks.get(pi, [])
        stack: list[int] = []
        k = 0
        if carried is not None:
            if ms and ms[0][0] == p.start and ms[0][1] in "OoB":
                carried.paras += 1
                stack = [carried.open]
                k = 1
            else:
                if allow_unclosed:
                    carried.close, carried.end = None, prev_end
                    spans.append(carried)
                carried = None
        for pos, cls in ms[k:]:
            if not stack:
                if cls in "OoB":
                    stack.append(pos)
                continue
            if cls in "CcB":
                opened = stack.pop()
                if not stack:
                    if carried is not None:
                        carried.close, carried.end = pos, pos + 1
                        spans.append(carried)
                        carried = None
                    else:
                        spans.append(QSpan(opened, pos, pos + 1, single=single))
            else:
                stack.append(pos)
        if stack:
            if carried is None:
                carried = QSpan(stack[0], None, p.end, single=single)
        prev_end = p.end
    if carried is not None and allow_unclosed:
        carried.close, carried.end = None, prev_end
        spans.append(carried)
    return spans


def find_quoted_spans(text: str, paras: list[Para]) -> list[QSpan]:
    """Top-level quoted passages (double, then single marks outside them), in text order."""
    dmarks: dict[int, list[tuple[int, str]]] = {}
    for pi, p in enumerate(paras):
        if p.skip:
            continue
        dmarks[pi] = [(i, _classify(text, i)) for i in range(p.start, p.end) if text[i] in DOUBLE_MARKS]
    doubles = _pair(text, paras, dmarks, single=False, allow_unclosed=True)
    covered = [(s.open, s.end) for s in doubles]
    in_double = lambda i: any(a <= i < b for a, b in covered)  # noqa: E731
    smarks: dict[int, list[tuple[int, str]]] = {}
    for pi, p in enumerate(paras):
        if p.skip:
            continue
        cand = []
        for i in range(p.start, p.end):
            if text[i] not in SINGLE_MARKS or in_double(i):
                continue
            left = text[i - 1] if i > 0 else " "
            right = text[i + 1] if i + 1 < len(text) else " "
            if left.isalnum() and right.isalnum():
                continue  # apostrophe: don’t, Xiaomi’s, Jum'at
            cls = _classify(text, i)
            if cls in "oc" or cls == "B":
                continue  # single marks must be clear from context
            if cls == "C" and left.lower() == "s" and right == " " and i + 2 < len(text) and text[i + 2].isalnum():
                cls = "P"  # plural possessive (users’ data, Forbes’ report): a close only if nothing else is
            cand.append((i, cls))
        # a possessive closes only when no later close exists in the paragraph
        out = []
        for j, (i, cls) in enumerate(cand):
            if cls == "P":
                if any(c == "C" for _, c in cand[j + 1:]):
                    continue
                cls = "C"
            out.append((i, cls))
        # an opening single mark needs a closing one after it in the paragraph (or a continuation)
        smarks[pi] = out
    singles = _pair(text, paras, smarks, single=True, allow_unclosed=False)
    singles = [s for s in singles if not any(d.open <= s.open and s.end <= d.end for d in doubles)]
    # UK style: ‘…“…”…’ -- a double quote inside a single one belongs to it
    doubles = [d for d in doubles if not any(s.open < d.open and d.end <= s.end for s in singles)]
    spans = sorted(doubles + singles, key=lambda s: s.open)
    for s in spans:
        cs, ce = s.open + 1, (s.close if s.close is not None else s.end)
        while cs < ce and text[cs].isspace():
            cs += 1
        while ce > cs and (text[ce - 1].isspace() or text[ce - 1] == ","):
            ce -= 1
        s.cs, s.ce = cs, ce
    return [s for s in spans if s.ce > s.cs]


def _clean_quote(raw: str) -> str:
    """A multi-paragraph quote's words on one line, without the inner opening marks."""
    raw = re.sub(r"\s*\n\s*[" + re.escape(DOUBLE_MARKS + SINGLE_MARKS) + r"]?", " ", raw)
    return " ".join(raw.split())


# --- attribution ----------------------------------------------------------------------------


@dataclass
class Attr:
    """An attribution found for a quote: the speaker phrase (parsed) and the cue's lemma."""

    speaker: Speaker
    cue: str
    named: bool  # names someone (not a pronoun / continuation)
    adjacent: bool = True  # attribution directly next to the quote (vs. earlier in the clause)


class _Parser:
    """Attribution rules of one language, bound to its cue book and the speaker book."""

    def __init__(self, cb: CueBook, book: SpeakerBook):
        self.cb, self.book, self.lang = cb, book, cb.lang

    # -- speaker phrases --
    def _tokens(self, s: str) -> list[re.Match]:
        return list(re.finditer(r"[^\s]+", s))

    def cut_at_stop(self, chunk: str) -> tuple[str, bool]:
        """The speaker phrase at the start of ``chunk``: up to a stop word or cue (cut?)."""
        toks = self._tokens(chunk)
        for j, t in enumerate(toks):
            w = t.group(0).lower().strip(".,;:!?\"“”‘’'")
            raw = t.group(0)
            if raw.startswith("(") or raw[:1].isdigit() and j > 0:
                return chunk[: t.start()].strip(), True
            if j > 0 and w in self.cb.affiliation:
                nxt = toks[j + 1].group(0) if j + 1 < len(toks) else ""
                if nxt[:1].isupper():
                    continue
                return chunk[: t.start()].strip(), True
            if j > 0 and (w in self.cb.stop or self.cb.rx["any"].fullmatch(w) or self.cb.rx["complement"].fullmatch(w)):
                return chunk[: t.start()].strip(), True
        return chunk.strip(), False

    def after_phrase(self, rest: str) -> Speaker:
        """The speaker named after an inverted cue: "Gabi Cirlig, a researcher, in ..." """
        rest = rest.strip()
        if not rest:
            return Speaker()
        # an anaphor may be longer than the stop-word cut ("perusahaan asal China itu")
        first = rest.split(",")[0]
        words = first.split()
        for n in range(min(len(words), 7), 0, -1):
            cand = " ".join(words[:n])
            if self.book.anaphor(cand, self.lang):
                return Speaker(anaphor=self.book.anaphor(cand, self.lang))
        chunks = rest.split(",")
        c1, cut = self.cut_at_stop(chunks[0])
        app = ""
        if not cut and len(chunks) > 1:
            c2, _ = self.cut_at_stop(chunks[1])
            if c2 and (self.book.looks_like_name(c2) or self.book.looks_like_role(c2)):
                app = c2
        if not c1:
            return Speaker()
        return self.book.parse(c1, self.lang, app)

    def subject_phrase(self, subj: str) -> Speaker:
        """The speaker named before an active cue: "Gabi Cirlig, a researcher, (also) said"."""
        subj = subj.strip(" ,—–-")
        # the clause that holds the verb starts after an earlier cue or complementizer
        last = None
        for m in list(self.cb.rx["any"].finditer(subj)) + list(self.cb.rx["complement"].finditer(subj)) \
                + list(self.cb.rx["according"].finditer(subj)):
            if last is None or m.end() > last:
                last = m.end()
        if last is not None and self.cb.rx["according"].search(subj[:last] + " ") is None:
            subj = subj[last:]
        subj = re.split(r"[“”\"]", subj)[-1]
        chunks = [c.strip() for c in subj.split(",")]
        chunks = [c for c in chunks if c]
        clean = []
        for c in chunks:
            toks = c.split()
            while toks and toks[-1].lower().strip(".") in self.cb.adverbs:
                toks.pop()
            while toks and toks[0].lower() in self.cb.openers:
                toks.pop(0)
            clean.append(" ".join(toks))
        chunks = [c for c in clean if c]
        while chunks:
            first = chunks[-1].split()[0].lower()
            if first in self.cb.subject_cut or first in self.cb.relative or first in self.cb.adverbs:
                chunks.pop()  # a parenthetical: "Xiaomi, in a blog post, said"
                continue
            break
        if not chunks:
            return Speaker()
        last_chunk = self._trim_subject(chunks[-1])
        if not last_chunk:
            return Speaker()
        kind = self.book.anaphor(last_chunk, self.lang)
        if kind is not None:
            return Speaker(anaphor=kind)
        if len(chunks) >= 2:
            prev = self._trim_subject(chunks[-2])
            if prev and self.book.looks_like_name(prev) and self.book.looks_like_role(last_chunk):
                return self.book.parse(prev, self.lang, last_chunk)
            if prev and (self.book.looks_like_role(prev) or self._is_org(prev)) and self.book.looks_like_name(last_chunk) \
                    and not self._is_org(last_chunk):
                return self.book.parse(prev, self.lang, last_chunk)
        if len(last_chunk.split()) > 9:
            return Speaker()
        return self.book.parse(last_chunk, self.lang)

    def _is_org(self, chunk: str) -> bool:
        return any(e.kind != "person" for _, _, e in self.book.find(chunk))

    def _trim_subject(self, chunk: str) -> str:
        toks = chunk.split()
        # cut at a relative pronoun ("the researchers who found ...") or a preposition that
        # opens an adverbial ("Xiaomi dalam keterangannya")
        for j, t in enumerate(toks):
            w = t.lower()
            if j > 0 and (w in self.cb.relative or w in self.cb.subject_cut):
                toks = toks[:j]
                break
        while toks and toks[-1].lower().strip(".") in self.cb.adverbs:
            toks.pop()
        while toks and toks[0].lower() in self.cb.openers:
            toks.pop(0)
        return " ".join(toks)

    def speaker_like(self, sp: Speaker) -> bool:
        return sp.anaphor is not None or bool(sp.name)

    # -- around a direct quote --
    def tail(self, tail: str) -> Attr | None:
        """Attribution right after a closing mark (the rest of the sentence)."""
        t = re.sub(r"^[\s,]*(?:[—–-]+\s*)?", "", tail)
        if not t or t[0] in ".!?;":
            return None
        cb = self.cb
        if cb.rx["trailing"] is not None:
            m = cb.rx["trailing"].match(t)
            if m and m.end() < len(t):
                sp = self.after_phrase(t[m.end():])
                if self.speaker_like(sp):
                    cue = next((w for w in re.findall(r"\w+", m.group(0)) if cb.lemma.get(w.lower())), "")
                    return Attr(sp, cb.lemma_of(cue) if cue else "", sp.anaphor is None)
        if cb.rx["suffixed"] is not None:
            m = cb.rx["suffixed"].match(t)
            if m:
                return Attr(Speaker(anaphor="any"), cb.lemma_of(m.group(0)), False)
        m = re.match(r"(?:demikian\s+)?(" + cb.rx["inverted"].pattern + r")\s+(.*)", t, re.IGNORECASE | re.DOTALL)
        if m:
            sp = self.after_phrase(m.group(2))
            if self.speaker_like(sp):
                return Attr(sp, cb.lemma_of(m.group(1)), sp.anaphor is None)
        m = re.match(cb.rx["according"].pattern + r"\s+(.*)", t, re.IGNORECASE | re.DOTALL)
        if m:
            sp = self.after_phrase(m.group(1))
            if self.speaker_like(sp):
                return Attr(sp, cb.according_lemma, sp.anaphor is None)
        m = cb.rx["active"].search(t)
        if m and m.start() > 0:
            subj = t[: m.start()]
            after = t[m.end():]
            if len(subj.split()) <= 10 and not re.search(r"[.!?;]", subj) and self._closes_clause(m.group(0), after):
                sp = self.subject_phrase(subj)
                if self.speaker_like(sp):
                    return Attr(sp, cb.lemma_of(m.group(0)), sp.anaphor is None)
        return None

    def _closes_clause(self, verb: str, after: str) -> bool:
        """After a tail attribution verb comes its end, not new content ("Xiaomi menambahkan fitur")."""
        a = after.strip()
        if not a or a[0] in ",.;:!?—–-(":
            return True
        first = a.split()[0].lower().strip(".,")
        if first in self.cb.stop or first in self.cb.subject_cut or first in self.cb.complementizers:
            return True
        if verb.lower() in ("told", "tells", "tell", "telling"):
            return True
        return len(a.split()) <= 4 and verb.lower() not in self.cb.needs_complement

    def head(self, head: str) -> Attr | None:
        """Attribution before an opening mark, within the same sentence."""
        cb = self.cb
        h = head.rstrip()
        if not h:
            return None
        adjacent = bool(re.search(r"[:,]$", h)) or bool(re.search(
            r"(?:" + cb.rx["any"].pattern + "|" + cb.rx["complement"].pattern + r")$", h, re.IGNORECASE))
        hs = h.rstrip(":, ")
        last_word = (re.findall(r"[\w-]+", hs.lower()) or [""])[-1]
        if last_word in cb.title_markers or re.search(r"(?:" + _alt(cb.title_markers) + r")\s*[:,]?$", hs, re.IGNORECASE):
            return None
        # "kata Xiaomi:" / ", kata dia, “…”"
        m = None
        for m in re.finditer(r"(?:^|[,;]\s*|\s)(" + cb.rx["inverted"].pattern + r")\s+([^,:;]+?)\s*[:,]?\s*$", h, re.IGNORECASE):
            break
        if m:
            sp = self.after_phrase(m.group(2))
            if self.speaker_like(sp):
                return Attr(sp, cb.lemma_of(m.group(1)), sp.anaphor is None, True)
        # "Menurut Xiaomi, “…”" / "According to Cirlig, “…”"
        m = re.search(r"(" + cb.rx["according"].pattern + r")\s+([^:;]+?)\s*,\s*$", h, re.IGNORECASE)
        if m:
            chunks = m.group(2).split(",")
            sp = self.book.parse(chunks[0], self.lang, chunks[1] if len(chunks) > 1 else "")
            if self.speaker_like(sp):
                return Attr(sp, cb.according_lemma, sp.anaphor is None, True)
        if cb.rx["suffixed"] is not None:
            m = re.search(r"(" + cb.rx["suffixed"].pattern + r")\s*[:,]\s*$", h, re.IGNORECASE)
            if m:
                return Attr(Speaker(anaphor="any"), cb.lemma_of(m.group(1)), False, True)
        # the last active cue of the sentence: "Xiaomi said in a statement: “…”",
        # "mereka menegaskan menggunakan cloud publik yang “…”"
        acts = list(cb.rx["active"].finditer(h))
        for m in reversed(acts):
            if m.start() == 0:
                continue
            between = h[m.end():]
            if len(between.split()) > 25:
                break
            if m.group(0).lower() in cb.needs_complement and not re.search(
                    r"^\s*(?:[:,]|\S+\s+(?:" + cb.rx["complement"].pattern + r"))|(?:" + cb.rx["complement"].pattern + r")",
                    between, re.IGNORECASE) and between.strip():
                continue
            sp = self.subject_phrase(h[: m.start()])
            if self.speaker_like(sp):
                near = adjacent and len(between.split()) <= 8
                return Attr(sp, cb.lemma_of(m.group(0)), sp.anaphor is None, near)
            break
        # "Cirlig: “…”" (speaker and colon, no verb)
        m = re.fullmatch(r"\s*([^.!?:;]{1,60}?)\s*:\s*", head)
        if m:
            sp = self.book.parse(m.group(1), self.lang)
            if sp.name and (sp.entity or sp.is_person):
                return Attr(sp, "", True, True)
        return None


# --- the extractor --------------------------------------------------------------------------


@dataclass
class _Rec:
    start: int
    end: int
    kind: str
    quote: str
    cue: str
    speaker: Speaker
    pos: int  # where the attribution is anchored (for anaphora)


def _words(s: str) -> int:
    return len(_WORD.findall(s))


def extract_quotes(text: str, lang: str) -> list[dict]:
    """Direct and indirect quotes of one article, with speaker, type, role, cue and offsets.

    See the module docstring for the record fields and the rules. ``text`` is the article's
    main text (paragraphs separated by newlines); offsets index into it unchanged.
    """
    if not isinstance(text, str) or not text.strip():
        return []
    cb = load_cues(lang)
    book = load_book()
    parser = _Parser(cb, book)
    paras = _paragraphs(text, cb)
    para_of = lambda i: next((p for p in paras if p.start <= i <= p.end), None)  # noqa: E731

    spans = find_quoted_spans(text, paras)
    recs: list[_Rec] = []
    accepted: list[QSpan] = []
    prev_end_in_para: dict[int, int] = {}
    for idx, sp in enumerate(spans):
        p = para_of(sp.open)
        if p is None or p.skip:
            continue
        content = text[sp.cs:sp.ce]
        nwords = _words(content)
        # the rest of the sentence after the closing mark
        last_para = para_of(sp.end - 1) or p
        tail_text = ""
        if sp.close is not None:
            tail_end = last_para.end
            nxt = next((s for s in spans[idx + 1:] if s.open >= sp.end), None)
            if nxt is not None and nxt.open < tail_end:
                tail_end = nxt.open
            tail_text = text[sp.end:tail_end]
            stop = re.search(r"(?<!\b[A-Z])[.!?](?=\s|$)", tail_text)
            if stop:
                tail_text = tail_text[: stop.start() + 1]
        # the sentence so far before the opening mark
        head_start = max(p.start, prev_end_in_para.get(p.start, p.start))
        head_text = text[head_start:sp.open]
        cut = None
        for m in re.finditer(r"[.!?…](?=\s)", head_text):
            if not _is_abbrev(text, head_start + m.start()):
                cut = m.end()
        if cut is not None:
            head_text = head_text[cut:]
        prev_end_in_para[p.start] = sp.end
        at_para_start = not text[p.start:sp.open].strip()
        # a previous paragraph ending in a colon introduces this quote
        if at_para_start:
            pi = paras.index(p)
            if pi > 0 and text[paras[pi - 1].end - 1] == ":" and not paras[pi - 1].skip:
                pp = paras[pi - 1]
                intro = text[pp.start:pp.end]
                intro = re.split(r"(?<=[.!?])\s+", intro)[-1]
                head_text = intro

        t_attr = parser.tail(tail_text) if tail_text else None
        h_attr = parser.head(head_text)
        title = bool(re.search(r"(?:^|\s)(?:" + _alt(cb.title_markers) + r")\s*[:,]?\s*$", head_text, re.IGNORECASE))
        sentence_like = bool(re.search(r"[.!?…]$", content.rstrip("”’\"' "))) or sp.paras > 1
        after_stop = not head_text.strip()

        attr: Attr | None = None
        for a in (t_attr, h_attr):
            if a is not None and a.named:
                attr = a
                break
        if attr is None:
            attr = t_attr or h_attr
        keep = False
        if t_attr is not None:
            keep = nwords >= 1
        elif h_attr is not None and h_attr.adjacent:
            keep = nwords >= 2 and not title
        elif h_attr is not None:
            keep = nwords >= 3 and not title
        else:
            keep = not title and (
                (sentence_like and nwords >= 4 and after_stop)
                or (at_para_start and nwords >= 8)
                or sp.paras > 1
            )
        if sp.close is None and t_attr is None and not (at_para_start and nwords >= 4):
            keep = False
        if not keep:
            continue
        if attr is None:
            speaker, cue = Speaker(anaphor="continue"), ""
        else:
            speaker, cue = attr.speaker, attr.cue
        accepted.append(sp)
        recs.append(_Rec(sp.cs, sp.ce, "direct", _clean_quote(content), cue, speaker, sp.cs))

    # reported speech in sentences that hold no direct quote
    protected = [(s.open, s.end, s.ce) for s in spans]
    for p in paras:
        if p.skip:
            continue
        for s, e in _sentences(text, p, protected):
            if any(a.open < e and s < a.end for a in accepted):
                continue
            rec = _indirect(text, s, e, parser)
            if rec is not None:
                recs.append(rec)

    recs.sort(key=lambda r: (r.start, r.end))
    tracker = SpeakerTracker(book, cb.lang)
    tracker.scan(text, [(s.open, s.end) for s in accepted])
    out = []
    for r in recs:
        sp = r.speaker
        if sp.anaphor == "continue":
            hist = [m for m in tracker.history if m.pos <= r.pos]
            sp = max(hist, key=lambda m: m.pos).speaker if hist else Speaker()
        else:
            sp = tracker.resolve(sp, r.pos)
        tracker.commit(sp, r.pos)
        typ = sp.type if sp.type in SPEAKER_TYPES else "other"
        out.append({
            "quote": r.quote, "speaker": sp.name, "speaker_type": typ if sp.name else "other",
            "role": sp.role, "cue": r.cue, "kind": r.kind, "start": r.start, "end": r.end,
        })
    return out


def _indirect(text: str, s: int, e: int, parser: _Parser) -> _Rec | None:
    """One reported-speech record for the sentence text[s:e], or None."""
    cb, book, lang = parser.cb, parser.book, parser.lang
    sent = text[s:e]
    body_end = len(sent.rstrip().rstrip(".!?…").rstrip())

    def rec(cs: int, ce: int, sp: Speaker, cue: str) -> _Rec | None:
        seg = sent[cs:ce]
        lead = re.match(r"\s*(?:(?:" + cb.rx["complement"].pattern + r")\s+|[:,]\s*)?", seg, re.IGNORECASE)
        cs += lead.end() if lead else 0
        while ce > cs and sent[ce - 1] in " ,;:.":
            ce -= 1
        if _words(sent[cs:ce]) < 3 or not parser.speaker_like(sp):
            return None
        return _Rec(s + cs, s + ce, "indirect", " ".join(sent[cs:ce].split()), cue, sp, s)

    acc = cb.rx["according"].pattern
    # A. "Menurut X, ..." / "According to X, ..."
    m = re.match(r"\s*(?:[\w-]+\s*,\s*)?(" + acc + r")\s+([^,]+?)\s*,\s*", sent, re.IGNORECASE)
    if m:
        rest_at = m.end()
        app = ""
        m2 = re.match(r"([^,]{2,60}?)\s*,\s*", sent[rest_at:])
        if m2 and book.looks_like_name(m2.group(1)) and not book.lookup(m.group(2)):
            app, rest_at = m2.group(1), rest_at + m2.end()
        sp = book.parse(m.group(2), lang, app)
        r = rec(rest_at, body_end, sp, cb.according_lemma)
        if r:
            return r
    # B. "..., menurut X, ..." / "..., according to X."
    m = re.search(r",\s*(" + acc + r")\s+([^,.;]+?)\s*(?:,|$)", sent[:body_end] + "", re.IGNORECASE)
    if m:
        sp = parser.after_phrase(m.group(2))
        if m.end() >= body_end - 1:
            r = rec(0, m.start(), sp, cb.according_lemma)
        else:
            r = rec(0, body_end, sp, cb.according_lemma)
        if r:
            return r
    # C. inverted or speaker-first attribution set off by commas: "..., kata perusahaan itu, ...",
    #    "Data itu, jelas perusahaan, ...", "..., katanya.", "..., the company said.", "..., said Cirlig."
    inv = cb.rx["inverted"].pattern
    suf = cb.rx["suffixed"].pattern if cb.rx["suffixed"] is not None else None
    act = cb.rx["active"].pattern
    pats = [(r",\s*(" + inv + r")\s+([^,;]{1,70}?)\s*(?:,|$)", "inv")]
    if suf:
        pats.append((r",\s*(" + suf + r")\s*(?:,|$)", "suf"))
    pats.append((r",\s*([^,;]{1,50}?)\s+(" + act + r")\s*(?:,|$)", "act"))
    body = sent[:body_end]
    for pat, how in pats:
        for m in re.finditer(pat, body, re.IGNORECASE):
            if how == "inv":
                sp, cue = parser.after_phrase(m.group(2)), m.group(1)
            elif how == "suf":
                sp, cue = Speaker(anaphor="any"), m.group(1)
            else:
                if m.group(2).lower() in cb.needs_complement and m.end() < body_end:
                    continue
                sp, cue = parser.subject_phrase(m.group(1)), m.group(2)
            if not parser.speaker_like(sp) or _words(body[: m.start()]) < 3:
                continue
            if m.end() >= body_end:
                r = rec(0, m.start(), sp, cb.lemma_of(cue))
            else:
                r = rec(0, body_end, sp, cb.lemma_of(cue))
            if r:
                return r
    # D. "X mengatakan (bahwa) ...", "X said (that) ...", "X told Forbes (that) ..."
    for m in cb.rx["active"].finditer(body):
        if m.start() == 0:
            continue
        before = body[: m.start()]
        if len(before.split()) > 30:
            break
        verb = m.group(0).lower()
        prev_word = (re.findall(r"[\w'’-]+", before.lower()) or [""])[-1]
        if prev_word in ("the", "a", "as", "yang", "is", "was", "be", "been", "untuk", "akan", "to", "were", "are"):
            if prev_word not in cb.relative:
                continue
        after = body[m.end():]
        # skip what stands between the verb and its content: "kepada wartawan", "in a statement",
        # "told Forbes", up to a complementizer a few words on
        comp = re.search(r"(?:^|\s)(" + cb.rx["complement"].pattern + r")\s", after, re.IGNORECASE)
        content_at = None
        if comp and len(after[: comp.start()].split()) <= 10 and not re.search(r"[“”\"]", after[: comp.start()]):
            content_at = comp.end()
        elif verb in cb.needs_complement:
            mm = re.match(r"\s*[:,]\s*", after)
            if not mm:
                continue
            content_at = mm.end()
        else:
            mm = re.match(r"\s*[:,]?\s*", after)
            content_at = mm.end() if mm else 0
            if verb in ("told", "tells", "tell"):
                obj = re.match(r"((?:the\s+)?(?:[A-Z][\w.'’-]*\s+){1,4}|(?:reporters|journalists|us|me|him|her|them|media)\s+)", after[content_at:])
                if obj:
                    content_at += obj.end()
            lead = after[content_at:].split()
            if lead and lead[0].lower() in cb.subject_cut | cb.stop - {"that"}:
                continue  # "said in a statement." with nothing reported
        sp = parser.subject_phrase(before)
        if not parser.speaker_like(sp):
            continue
        r = rec(m.end() + content_at, body_end, sp, cb.lemma_of(verb))
        if r:
            return r
        break
    return None


# --- tables for the notebooks ---------------------------------------------------------------


def voice_table(quotes: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Per article and speaker type: quotes, quoted words, their share, and who is quoted first.

    ``quotes`` is quotes.csv (article_id, kind, speaker, speaker_type, quote, start, ...);
    ``articles`` is articles.csv (id, group, outlet, n_words, ...). Only analysed articles
    (language id/en) appear; a type an article does not quote gets zeros, so shares over
    articles are proportions of all articles of the group.
    Columns: article_id, group, outlet, speaker_type, quotes, direct, quoted_words,
    article_words, word_share, quoted (0/1), first_quote (0/1).
    """
    from .config import ANALYSED_LANGUAGES

    arts = articles[articles["language"].isin(ANALYSED_LANGUAGES)].copy()
    arts["article_words"] = pd.to_numeric(arts.get("n_words"), errors="coerce")
    missing = arts["article_words"].isna()
    arts.loc[missing, "article_words"] = arts.loc[missing, "text"].fillna("").map(_words)
    q = quotes.copy()
    if q.empty:
        q = pd.DataFrame(columns=["article_id", "kind", "speaker_type", "quote", "start"])
    q["speaker_type"] = q["speaker_type"].fillna("other").replace("", "other")
    q["words"] = q["quote"].fillna("").astype(str).map(_words)
    q["start"] = pd.to_numeric(q["start"], errors="coerce")
    q["is_direct"] = (q["kind"] == "direct").astype(int)
    agg = q.groupby(["article_id", "speaker_type"]).agg(
        quotes=("words", "size"), direct=("is_direct", "sum"), quoted_words=("words", "sum")).reset_index()
    first = q.sort_values(["article_id", "start"]).drop_duplicates("article_id")[["article_id", "speaker_type"]]
    first = first.assign(first_quote=1)
    grid = pd.MultiIndex.from_product([arts["id"], list(SPEAKER_TYPES)], names=["article_id", "speaker_type"]).to_frame(index=False)
    out = grid.merge(agg, how="left", on=["article_id", "speaker_type"]).merge(first, how="left", on=["article_id", "speaker_type"])
    out[["quotes", "direct", "quoted_words", "first_quote"]] = out[["quotes", "direct", "quoted_words", "first_quote"]].fillna(0).astype(int)
    out = out.merge(arts[["id", "group", "outlet", "article_words"]].rename(columns={"id": "article_id"}), on="article_id")
    out["article_words"] = out["article_words"].astype(int)
    out["word_share"] = (out["quoted_words"] / out["article_words"].where(out["article_words"] > 0)).fillna(0.0).clip(upper=1.0)
    out["quoted"] = (out["quotes"] > 0).astype(int)
    cols = ["article_id", "group", "outlet", "speaker_type", "quotes", "direct", "quoted_words", "article_words",
            "word_share", "quoted", "first_quote"]
    return out[cols].sort_values(["article_id", "speaker_type"]).reset_index(drop=True)


def voice_by_group(voice: pd.DataFrame, alpha: float = 0.05) -> pd.DataFrame:
    """Per group and speaker type: share of articles quoting the type, and quoting it first,
    with Wilson intervals, plus the mean share of the article's words quoted from it.

    ``voice`` is ``voice_table(...)``. Columns: group, speaker_type, articles, quoting,
    quoting_share, quoting_lo, quoting_hi, first, first_share, first_lo, first_hi,
    mean_word_share, quotes.
    """
    from .compare import wilson_ci

    rows = []
    for (group, typ), g in voice.groupby(["group", "speaker_type"], sort=True):
        n = int(g["article_id"].nunique())
        k = int(g["quoted"].sum())
        f = int(g["first_quote"].sum())
        lo, hi = wilson_ci(k, n, alpha)
        flo, fhi = wilson_ci(f, n, alpha)
        rows.append({
            "group": group, "speaker_type": typ, "articles": n, "quoting": k, "quoting_share": k / n if n else float("nan"),
            "quoting_lo": lo, "quoting_hi": hi, "first": f, "first_share": f / n if n else float("nan"),
            "first_lo": flo, "first_hi": fhi, "mean_word_share": float(g["word_share"].mean()) if n else float("nan"),
            "quotes": int(g["quotes"].sum()),
        })
    return pd.DataFrame(rows)


def cue_table(quotes: pd.DataFrame, articles: pd.DataFrame, top: int = 12) -> pd.DataFrame:
    """Attribution verbs by group and speaker type: counts and shares of each group's quotes.

    Columns: group, speaker_type, cue, quotes, share (of the group's attributed quotes).
    The ``top`` most frequent cues overall are kept; the rest are pooled as "(other)".
    """
    q = quotes.merge(articles[["id", "group"]].rename(columns={"id": "article_id"}), on="article_id", how="inner")
    q = q[q["cue"].fillna("") != ""]
    if q.empty:
        return pd.DataFrame(columns=["group", "speaker_type", "cue", "quotes", "share"])
    keep = q["cue"].value_counts().head(top).index
    q = q.assign(cue=q["cue"].where(q["cue"].isin(keep), "(other)"))
    t = q.groupby(["group", "speaker_type", "cue"]).size().rename("quotes").reset_index()
    t["share"] = t["quotes"] / t.groupby("group")["quotes"].transform("sum")
    return t.sort_values(["group", "quotes", "cue"], ascending=[True, False, True]).reset_index(drop=True)


def speaker_table(quotes: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Who was quoted: per group and speaker, number of quotes and of articles quoting them."""
    q = quotes.merge(articles[["id", "group"]].rename(columns={"id": "article_id"}), on="article_id", how="inner")
    q = q.assign(speaker=q["speaker"].fillna("").replace("", "(unattributed)"))
    t = q.groupby(["group", "speaker", "speaker_type"]).agg(quotes=("quote", "size"), articles=("article_id", "nunique"))
    return t.reset_index().sort_values(["group", "quotes", "speaker"], ascending=[True, False, True]).reset_index(drop=True)
