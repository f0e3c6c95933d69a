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

How it works, in five passes over the text:

1. Quotation marks are paired paragraph by paragraph. Curly, straight and low marks are told
   apart by context (a mark after a space and before a letter opens), so ”…” misuse and straight
   quotes work; a paragraph left open whose successor opens again continues the same quote
   (the newspaper convention for quotes over several paragraphs); single marks are quotes only
   when they pair up outside double quotes, so apostrophes (don’t, Xiaomi’s, users’ data,
   Forbes’ report) never open one; quotes inside quotes stay part of the outer quote.
2. Each quoted span looks for its attribution after the closing mark (“…,” kata Xiaomi;
   “…,” said Gabi Cirlig, a researcher; “…,” ujarnya; “…,” the company said in a statement),
   then before the opening mark (Xiaomi said: “…”; Menurut Xiaomi, “…”), and is kept as a quote
   when attributed, or when it reads as a full quoted sentence. Quoted words inside the
   writer's own sentence are a partial (mixed) quote, a direct quote of the speaker whose
   reported clause holds them or who is named with them (said it was “deeply sorry”, called
   it a “privacy catastrophe”, Menurut Xiaomi, ... untuk “analisis internal”), as PARC 3.0 and
   the Gender Gap Tracker code them. Not quotes: quoted words no one in the sentence says
   (scare quotes), words in Title Case, single-word terms (the ‘incognito’ mode), names after
   "yaitu"/"dubbed", titles after "berjudul"/"titled". A first-person paragraph without marks
   after "According to TikTok:" or after the same speaker's reported words is a statement set
   off as a block: a direct quote.
3. Sentences without a direct quote are searched for reported speech: "menurut X, ...",
   "..., menurut X", "X mengatakan (bahwa) ...", "..., kata X, ...", "according to X, ...",
   "X said (that) ...", "..., the company said.".
4. Speakers are resolved in reading order (coverage.speakers.SpeakerTracker): pronouns and
   descriptions ("ia", "pihaknya", "perusahaan itu", "he", "the company") take the last
   compatible speaker; surnames merge with full names; unattributed quotes continue the last
   speaker.
5. A post embedded with its signature ("… — Jane Roe (@janeroe) August 15, 2023") is a direct
   quote of its author, with no cue.

Lines of wire boilerplate ("Baca juga:", "Pewarta:", "Editor:", "Read more:", copyright) give no
quotes. ``lang`` is "id" or "en"; other codes use the English rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import pandas as pd
from .config import CODEBOOK, SPEAKER_TYPES
from .codebook import read_yaml
from .errors import StudyError
from .speakers import (_BODY_NAME, _DEMONSTRATIVES, _ORG_STOPWORDS, article_aliases, written_as_person, _HACKER_ROLE, _INTERCAPPED, _PAREN, _RANK, TOWN_WORDS, Speaker, attacker_group, SpeakerBook,
                       SpeakerTracker, _one_edit, _sentence_start, load_book, unbracket)

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
# capitalised words that open a sentence after an abbreviation such as "U.S."
_SENTENCE_OPENERS = {"That", "The", "This", "These", "It", "Its", "But", "However", "Meanwhile", "In", "On", "As",
                     "He", "She", "They", "We", "And", "So", "Yet", "Still", "Now", "Namun", "Sementara",
                     "Dia", "Ia", "Mereka", "Hal", "Dalam", "Menurut"}
# A dateline opening a paragraph: "Jakarta (KBN) - ", "JAKARTA, METRORAYA - ", "SINGAPORE (GPW) - "
# ("KUALA LUMPUR, March 27 — ": a date may follow the town)
_DATELINE = re.compile(r"(?:[A-Z][\w.]*(?:[ ,]+[A-Z][\w.]*){0,3})(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?(?:\s*\([^)]{1,30}\))?\s*[-–—]{1,2}\s+")


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
    according_suffixed: list[str]
    complementizers: set[str]
    trailing: list[str]
    stop: set[str]
    affiliation: set[str]
    adverbs: set[str]
    openers: set[str]
    subject_cut: set[str]
    relative: set[str]
    subordinators: set[str]
    conjunctions: set[str]
    participles: set[str]
    title_markers: set[str]
    introductions: list[str]
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
    data = read_yaml(path)
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
    def lst(key: str) -> list[str]:
        items = d.get(key) or []
        bad = [x for x in items if not isinstance(x, str)]
        if bad:
            # YAML reads a bare on/off/yes/no as true/false
            raise StudyError(f"{path}: {lang}.{key} has {bad[0]!r}, not a word; put quotes around it (\"on\")")
        return [x.lower() for x in items]

    try:
        skip = [re.compile(p, re.IGNORECASE) for p in d.get("skip_lines") or []]
    except re.error as exc:
        raise StudyError(f"{path}: {lang}.skip_lines has a bad regular expression ({exc}); fix it") from exc
    return CueBook(
        lang=lang, lemma=lemma, inverted=inv, suffixed=suf, active=act, passive=pas, needs_complement=needs,
        according=lst("according"), according_lemma=str(d.get("according_lemma", "according")),
        according_suffixed=lst("according_suffixed"),
        complementizers=set(lst("complementizers")), trailing=[str(x) for x in d.get("trailing_attribution") or []],
        stop=set(lst("speaker_stop_words")), affiliation=set(lst("affiliation_prepositions")),
        adverbs=set(lst("subject_adverbs")), openers=set(lst("clause_openers")), subject_cut=set(lst("subject_cut")),
        relative=set(lst("relative_pronouns")), subordinators=set(lst("subordinators")),
        conjunctions=set(lst("conjunctions")), participles=set(lst("participles")),
        title_markers=set(lst("title_markers")), skip_lines=skip, introductions=lst("introductions"),
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
        # "... within the U.S. That said, ...": a sentence may end with an abbreviation
        nxt = re.match(r"\s+([A-Z][a-z]*)\b", text[dot + 1:dot + 20])
        return not (nxt and nxt.group(1) in _SENTENCE_OPENERS)
    return _initial_or_number(text, dot, word)


def _initial_or_number(text: str, dot: int, word: str) -> bool:
    """An initial ("Johnny G. Plate") or a number's decimal point."""
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
            if (j + 1 >= para.end or text[j + 1].isspace()) and (c != "." or not _is_abbrev(text, i)):
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


# the rest of an organisation's name after a comma inside it ("Speech, Privacy and Technology
# Project"): capitalised words joined by "and", "of", "for" or "&"
_ORG_NAME_TAIL = re.compile(r"(?:[A-Z][\w'’&.-]*\s+(?:(?:and|of|for|&)\s+)?)*[A-Z][\w'’&.-]*\s+(?:and|&)\s+"
                            r"(?:[A-Z][\w'’&.-]*\s+)*[A-Z][\w'’&.-]*")

# a time opening a sentence before its subject ("Last month,", "Earlier this week,", "On Friday,")
_TIME_OPENER = re.compile(r"(?:(?:Last|Next|This|Earlier|Later|Early|Late)(?:\s+(?:this|last|next))?|On|In|By|Since|Until)\s+"
                          r"(?:[\w.]+\s+){0,2}?(?:week|weekend|month|year|morning|afternoon|evening|night|spring|summer|"
                          r"autumn|fall|winter|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|"
                          r"March|April|May|June|July|August|September|October|November|December|\d{4}|\d{1,2})")

# a purpose clause opening a sentence ("To bring an end to ...", "Untuk mengatasi ...")
_PURPOSE = re.compile(r"\s*(?:To|Untuk|Guna|Demi)\s+[a-z]")


class _Parser:
    """Attribution rules of one language, bound to its cue book and the speaker book."""

    def __init__(self, cb: CueBook, book: SpeakerBook):
        self.cb, self.book, self.lang = cb, book, cb.lang

    # -- small helpers --
    @staticmethod
    def _w(tok: str) -> str:
        return tok.lower().strip(".,;:!?\"“”‘’'()")

    def _is_cue_word(self, w: str) -> bool:
        return bool(self.cb.rx["any"].fullmatch(w) or self.cb.rx["complement"].fullmatch(w))

    def speaker_like(self, sp: Speaker) -> bool:
        return sp.anaphor is not None or bool(sp.name)

    def plausible(self, sp: Speaker) -> Speaker:
        """``sp`` if its phrase reads as a speaker, else an empty Speaker.

        Rejects what a stray cue word drags in: "said the records included a device identifier
        alongside each URL" must not make "URL" a speaker. A named speaker's role must hold a
        role noun or an organisation (or be a short title); names have at most five words.
        """
        if sp.anaphor is not None or not sp.name:
            return sp
        if sp.name.lower() in _DAY_MONTH:
            return Speaker()  # "kepada Media Indonesia, Kamis (9/7)": a date, not a speaker
        role = sp.role if sp.role != sp.name else ""
        if sp.entity:
            ok = len(role.split()) <= 3 or self.book.has_role_noun(role) or self.book.type_of_org(role)
            return sp if ok else Speaker()
        if len(sp.name.split()) > (5 if sp.is_person else 9):
            return Speaker()  # organisations have longer names ("India's Ministry of Electronics and IT")
        if role and not (self.book.has_role_noun(role) or self.book.type_of_org(role)):
            toks = role.split()
            titled = len(toks) <= 4 and all(t[:1].isupper() for t in toks) \
                and toks[-1].strip(".,").lower() in self.book.office_titles
            # ("Northern Kestria Secretary Jane Roe": a place and an office title)
            if not titled and (len(toks) > 2 or not all(t[:1].isupper() for t in toks)):
                return Speaker()
        return sp

    # -- speaker after an inverted cue --
    def cut_at_stop(self, chunk: str) -> tuple[str, str]:
        """(speaker phrase, rest): the phrase at the start of ``chunk`` ends at a stop word or cue."""
        toks = list(re.finditer(r"[^\s]+", chunk))
        for j, t in enumerate(toks):
            w, raw = self._w(t.group(0)), t.group(0)
            if j > 0 and (raw.startswith("(") or raw[:1].isdigit()):
                return chunk[: t.start()].strip(), chunk[t.start():].strip()
            if j > 0 and w in self.cb.affiliation:
                nxt = toks[j + 1].group(0) if j + 1 < len(toks) else ""
                if nxt[:1].isupper() or (nxt.lower() in ("the", "a", "an") and j + 2 < len(toks)):
                    continue
                if self._field_then_employer(toks, j):
                    continue  # "director of information security and engagement at The Zentra Alliance"
                return chunk[: t.start()].strip(), chunk[t.start():].strip()
            if j > 0 and (w in self.cb.stop or self._is_cue_word(w)):
                return chunk[: t.start()].strip(), chunk[t.start():].strip()
            if j > 0 and self.lang == "id" and re.fullmatch(r"(?:di|ter)[a-z]{4,}(?:nya)?", raw) \
                    and w not in self.book.title_words:
                # "singkat Hinsa ditanya oleh awak media": a passive verb ends the speaker
                return chunk[: t.start()].strip(), chunk[t.start():].strip()
        return chunk.strip(), ""

    def _field_then_employer(self, toks: list, j: int) -> bool:
        """After the affiliation word at ``j`` ("of"), do up to six lower-case words of a
        field ("information security and engagement") lead to another affiliation word and a
        capitalised employer ("at The Zentra Alliance")?"""
        words = [t.group(0) for t in toks]
        for k in range(j + 1, min(len(words) - 1, j + 8)):
            w = self._w(words[k])
            if w in ("at", "for", "with") and k > j + 1:
                nxt = words[k + 1]
                nxt2 = words[k + 2] if k + 2 < len(words) else ""
                return nxt[:1].isupper() and (nxt.lower() != "the" or nxt2[:1].isupper())
            if not re.fullmatch(r"[a-z][a-z-]*", words[k]) or w in self.cb.stop or self._is_cue_word(w):
                return False
        return False

    def after_phrase(self, rest: str, *, strict: bool = False) -> Speaker:
        """The speaker named after an inverted cue: "Gabi Cirlig, a researcher, in an interview".

        ``strict``: the words up to the next comma must all belong to the speaker phrase or to a
        stop-word adverbial ("said Cirlig on Friday"), not to reported content ("said he had").
        """
        rest = unbracket(rest).strip()
        if not rest:
            return Speaker()
        if self._w(rest.split()[0]) in {"to", "that", "with", "for", "on", "about", "in", "at", "bahwa", "untuk", "soal"}:
            return Speaker()  # "clarified to its partners that ...": no speaker follows
        relay = re.match(r"(?i)(?:(?:a|an|the|its|their)\s+)?(?:statements?|comments?|e-?mails?|remarks?|responses?|letters?)\b"
                         r"(?:\s+[\w'’-]+){0,5}?\s+(?:to|given to|sent to)\s+(.+)$", rest)
        if relay and _is_media(self.book.parse(relay.group(1), self.lang)):
            return Speaker()  # "according to statements issued through its lawyers to the Guardian": a recipient
        issued = re.match(r"(?:an?|the)\s+(?:statement|notice|letter|release|post|note|report|decision|ruling)\s+"
                          r"(?:[\w,]+\s+){0,4}?(?:by|from)\s+(.+)", rest,
                          re.IGNORECASE)
        if issued:
            # "read a statement issued by the ministry", "said a report released April 20 by
            # commissioner Jane Roe": the issuer speaks
            rest = issued.group(1)
        talk = re.match(r"(?i)(?:(?:an?|the)\s+)?(?:interviews?|conversations?|wawancara)\s+(?:(?:by|conducted by|oleh)\s+[^,;]+?\s+|(?-i:[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3})\s+)?"
                        r"(?:with|dengan)\s+(.+)$", rest)
        if talk:
            # "according to interviews by Reuters with nine former employees": the people
            # interviewed speak; the outlet that talked to them only relays (as "told Reuters")
            rest = talk.group(1)
        doc = re.match(r"(?i)(?:keterangan|pernyataan|siaran pers|rilis|unggahan)(?:\s+(?:resmi|tertulis|tertulisnya|resminya|pers))?\s+(?-i:(?=[A-Z]))", rest)
        if doc:
            rest = rest[doc.end():]  # "ungkap keterangan resmi TFH yang diperoleh ...": TFH speaks
        first = rest.split(",")[0]
        words = first.split()
        for n in range(min(len(words), 7), 0, -1):
            cand = " ".join(words[:n])
            kind = self.book.anaphor(cand, self.lang)
            if kind:
                if strict and n < len(words) and self._w(words[n]) not in self.cb.stop | self.cb.subject_cut:
                    return Speaker()
                return Speaker(anaphor=kind, role=cand)
        chunks = [c for c in rest.split(",") if not re.fullmatch(r"\s*\d{1,3}\s*", c)]  # "Tom Baker, 41, a driver"
        c1, remainder = self.cut_at_stop(chunks[0])
        if not c1:
            return Speaker()
        if strict and remainder and not (self._w(remainder.split()[0]) in self.cb.stop | self.cb.subject_cut
                                         or self._is_cue_word(self._w(remainder.split()[0]))):
            return Speaker()
        if strict:
            sp0 = self.book.parse(c1, self.lang)
            if sp0.name and sp0.entity:
                last = max((e for s_, e, _ in self.book.find(c1)), default=0)
                trailing = c1[last:].split()
                if len(trailing) > 2 or (trailing and not self.book.has_role_noun(" ".join(trailing))):
                    return Speaker()  # "says Forbes report misunderstood its policy"
        app = ""
        if not remainder and len(chunks) > 2:
            # "kata VP of Corporate Communications, Tokopedia, Nuraini Razak, dalam ...": role,
            # organisation and name in three comma-separated parts
            c2, _ = self.cut_at_stop(chunks[1])
            c3, _ = self.cut_at_stop(chunks[2])
            if self.book.looks_like_role(c1) and self.book.type_of_org(c2) and self.book.looks_like_name(c3) \
                    and not self.book.type_of_org(c3):
                sp = self.plausible(self.book.parse(f"{c1} {c2}", self.lang, c3))
                if sp.name:
                    return sp
        if not remainder and len(chunks) > 1:
            c2, _ = self.cut_at_stop(chunks[1])
            opener = self._w(c2.split()[0]) if c2 else ""
            if opener in self.cb.stop | self.cb.subject_cut | self.cb.subordinators:
                c2 = ""  # ", dalam keterangan ...", ", in a statement": not an apposition
            if c2 and (self.book.looks_like_name(c2) or self.book.looks_like_role(c2) or self._descriptive(c2)):
                app = c2
        return self.plausible(self.book.parse(c1, self.lang, app))

    def _title_post(self, chunk: str) -> bool:
        """A job title in Title Case that names no organisation ("Senior Information Risk Owner",
        "Head of Trust and Safety"): an apposition that describes the person before it."""
        toks = chunk.split()
        if not 2 <= len(toks) <= 6 or not toks[0][:1].isupper():
            return False
        if not all(t[:1].isupper() or t.lower() in ("of", "and", "for", "&") for t in toks):
            return False
        if any(e.kind != "person" for _, _, e in self.book.find(chunk)) or self.book.type_of_org(chunk):
            return False
        return sum(t.lower() in self.book.title_words for t in toks) * 2 >= len(toks)

    def _descriptive(self, chunk: str) -> bool:
        """An apposition that describes its head: "a nurse in Houston", "karyawan swasta di Bekasi"."""
        c = chunk.strip()
        if not c:
            return False
        first = c.split()[0]
        if first.lower() in ("a", "an", "another", "one", "seorang", "salah"):
            return True
        return (first[:1].islower() or first.lower() == "the") and self.book.has_role_noun(c)

    # -- speaker before an active cue --
    def _clean_tokens(self, toks: list[str]) -> list[str]:
        # list bullets before a line's subject ("• A campaign spokesperson said") are no words
        toks = [t for t in toks if t.strip("•·▪◦●‣*") != "" or not t]
        while toks and self._w(toks[0]) in self.cb.openers:
            toks = toks[1:]
        while toks and self._w(toks[-1]) in self.cb.adverbs:
            toks = toks[:-1]
        return toks

    def _role_word_positions(self, chunk: str) -> set[int]:
        """Indexes of the whitespace tokens of ``chunk`` that belong to a role noun or a name."""
        spans = [(s, e) for s, e, *_ in self.book.role_nouns_in(chunk)] + [(s, e) for s, e, _ in self.book.find(chunk)]
        out = set()
        for i, m in enumerate(re.finditer(r"[^\s]+", chunk)):
            if any(s <= m.start() < e for s, e in spans):
                out.add(i)
        return out

    def _is_determiner(self, tok: str) -> bool:
        """Is ``tok`` a determiner of the codebook ("the", "a", "seorang", "para")?"""
        return self.book.strip_determiners(tok + " x") == "x"

    def _np_token(self, tok: str, i: int, roles: set[int]) -> bool:
        w = self._w(tok)
        return (tok[:1].isupper() or i in roles or w in self.book.particles or w in ("and", "dan", "&")
                or self._is_determiner(tok))

    def trailing_np(self, chunk: str) -> str:
        """The noun phrase that ends ``chunk``: "Forbes had cited security researchers Gabi
        Cirlig and Andrew Tierney" -> "security researchers Gabi Cirlig and Andrew Tierney"."""
        toks = chunk.split()
        roles = self._role_word_positions(chunk)
        i = len(toks)
        while i > 0 and len(toks) - i < 8 and self._np_token(toks[i - 1], i - 1, roles):
            i -= 1
        while i < len(toks) and self._w(toks[i]) in ("and", "dan", "&"):
            i += 1
        return " ".join(toks[i:])

    def lead_np(self, clause: str) -> Speaker:
        """The noun phrase that opens a clause (the subject of "..., saying ..." or of "X
        membantah dan menyatakan ...")."""
        clause = _PAREN.sub("", clause)
        parts = [c for c in clause.split(",") if c.strip()]
        # skip an introductory adverbial: "Dalam keterangan tersebut, Xiaomi ..."
        while len(parts) > 1 and (self._w(parts[0].split()[0]) in self.cb.subject_cut | self.cb.openers | self.cb.subordinators
                                  or _CLAUSE_ADVERB.fullmatch(parts[0].strip())):
            parts = parts[1:]  # ("Similarly, Verizon, based in ..., disclosed": the adverb is no subject)
        while len(parts) > 1 and any(self._w(t) in self.cb.subordinators for t in parts[0].split()[1:3]):
            parts = parts[1:]  # "Hours after the government banned the apps, TikTok ... saying"
        while len(parts) > 1 and (self._w(parts[0].split()[0]) in _PARTICIPIAL_OPENERS
                                  or (re.fullmatch(r"[A-Z][a-z]{2,}ing", parts[0].split()[0])
                                      and len(parts[0].split()) > 1 and parts[0].split()[1][:1].islower())):
            # "Speaking to Bloomberg Television, McKinnon ...": a participial phrase before the
            # subject names no speaker (its participle is no name)
            parts = parts[1:]
        while len(parts) > 1 and (self._w(parts[0].split()[0]) in _PREPOSITION_OPENERS
                                  or re.match(r"\s*(?:One|Satu|Salah satu)\s+(?:of|dari)\s", parts[0])):
            # "Beyond that, the investigation ...", "One of the top 10 lenders in Indonesia, BSI
            # said": a prepositional opener or an appositive "one of ..." before the subject is
            # no speaker (its capital only opens the sentence)
            parts = parts[1:]
        while len(parts) > 1 and _TIME_OPENER.fullmatch(parts[0].strip()):
            parts = parts[1:]  # "Last month, Universal Music Group pulled ...": a time is no subject
        while len(parts) > 1 and _PURPOSE.match(parts[0]):
            # "To bring an end to the claims, Google committed ...": a purpose clause before the
            # subject names no speaker
            parts = parts[1:]
        clause = ",".join(parts)
        chunk = parts[0] if parts else ""
        if _PURPOSE.match(chunk):
            return Speaker()  # ("To bring an end to the Incognito mode claims": "claims" is a noun)
        if chunk.split() and self._w(chunk.split()[0]) in _PARTICIPIAL_OPENERS:
            # "Menanggapi pemberitaan itu Xiaomi berikan bantahannya": the first name is the subject
            hits = [h for h in self.book.find(chunk) if h[2].kind != "media"]
            if hits:
                chunk = chunk[hits[0][0]:]
        toks = self._clean_tokens(chunk.split())
        kind = self.book.anaphor(toks[0], self.lang) if toks else None
        if kind:
            return Speaker(anaphor=kind, role=toks[0])
        text = " ".join(toks)
        roles = self._role_word_positions(text)
        n = 0
        while n < len(toks) and n < 8 and self._np_token(toks[n], n, roles):
            n += 1
        if n == 0:
            return Speaker()
        if all(self._is_determiner(tok) for tok in toks[:n]):
            # "A top European Union data privacy regulator on Wednesday defended ...": after an
            # article, the phrase runs over its modifiers to its last role noun or name
            # (only when the phrase ends there: a preposition, a verb of saying or a capital
            # follows; a verb in -ed or another article ends the search)
            last = None
            for k in range(n, min(len(toks), 10)):
                w = self._w(toks[k])
                if (w in self.cb.stop and w != "of") or self._is_cue_word(w) or re.fullmatch(r"[a-z]+ed", toks[k]) \
                        or self._is_determiner(toks[k]):
                    break
                if k in roles:
                    last = k
            after = self._w(toks[last + 1]) if last is not None and last + 1 < len(toks) else ""
            if last is not None and (not after or after in self.cb.stop or self._is_cue_word(after)
                                     or toks[last + 1][:1].isupper()):
                n = last + 1
        head = " ".join(toks[:n])
        rest = clause.split(",")[1:]
        if len(rest) >= 2 and (self.book.looks_like_role(rest[0]) or self._descriptive(rest[0])):
            return self.plausible(self.book.parse(head, self.lang, rest[0]))
        return self.plausible(self.book.parse(head, self.lang))

    def _starts_np(self, text: str) -> bool:
        """Does ``text`` open with a noun phrase (a name, pronoun, determiner or role noun)?"""
        first = text.split()[0] if text.split() else ""
        if not first:
            return False
        third = sum(len(t) + 1 for t in text.split()[:2])
        return (first[:1].isupper() or self.book.anaphor(first, self.lang) is not None
                or self._is_determiner(first)
                or any(s <= third for s, *_ in self.book.role_nouns_in(text)))

    def _head_np(self, chunk: str) -> str:
        toks = self._clean_tokens(chunk.split())
        if toks and self._w(toks[0]) in self.cb.subject_cut:
            # "In its blog post the company": the subject follows the adverbial
            return self.trailing_np(" ".join(toks))
        for j, t in enumerate(toks):
            w = self._w(t)
            if j > 0 and (w in self.cb.relative or w in self.cb.subject_cut) and not t[:1].isupper():
                toks = toks[:j]
                break
        toks = self._clean_tokens(toks)
        affiliated = any(self._w(t) in ("of", "at", "from", "dari") for t in toks[1:])
        if len(toks) > (12 if affiliated else 6):
            return self.trailing_np(" ".join(toks))
        return " ".join(toks)

    def subject_phrase(self, subj: str) -> Speaker:
        """The speaker named before an active cue ("Gabi Cirlig, a researcher, (also) said").

        Returns an empty Speaker when the words before the verb name nobody, including when
        they end with a conjunction ("Xiaomi membantah dan menyatakan"): the caller then takes
        the subject of the previous verb.
        """
        cb = self.cb
        acronym = re.search(r"[A-Z][\w'’-]*\s+\(([A-Z][\w&.-]{1,12})\)\s*$", subj)
        known = self.book.lookup(acronym.group(1)) if acronym else None
        if known is not None and known.kind != "person":
            # "Lembaga Studi dan Advokasi Masyarakat (Elsam) menyebutkan": the listed body the
            # bracketed acronym names speaks, however its long form is spelled
            return Speaker(known.name, known.type, "", False, entity=True)
        s = unbracket(subj)
        # (a subject never runs over a line break: "Klarifikasi dari Indodax\nWilliam Sutanto, CTO
        # Indodax, ... menyatakan" has a heading before it)
        s = re.split(r"[“”\"]|\n", s)[-1]
        s = re.sub(r"(?m)^\s*[•·▪◦●‣]\s*", "", s)  # a list bullet opens the line, not the subject
        # "Here's what the company said:", "This is what Zentra wrote:": the subject follows "what"
        s = re.sub(r"^\s*(?:Here|This|That|Below)\s*(?:['’]s|is)\s+what\s+", "", s, flags=re.IGNORECASE)
        named = re.search(r"^(.*?)\s+(?:dengan nama(?: akun)?|bernama|yang bernama|named|called)\s+(@?[\w.]+)\s*$", s.strip())
        if named and named.group(1).strip():
            # "pengguna Twitter dengan nama akun @ndagels mencuit": the name given is the speaker
            role = self.book.strip_determiners(" ".join(self._clean_tokens(named.group(1).split(",")[-1].split())))
            known = self.book.lookup(named.group(2))
            if known is not None:
                return Speaker(known.name, known.type, role, known.kind == "person", entity=True)
            return Speaker(named.group(2), self.book.type_from_role(role, self.lang) or "other", role, True)
        if self.lang == "id":
            # "Nila Marita, Chief Corporate Affair Gojek yang dihubungi awak media pada Rabu
            # mengatakan": a passive relative clause describes the subject; it names no speaker
            s = re.sub(r"(?<=\w)\s+yang\s+(?:juga\s+|sempat\s+|saat\s+)?di[a-z]{4,}\b[^,]*$", "", s)
        qua = re.search(r"((?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’.-]*)\s+(?:selaku|sebagai)\s+([^,;]+?)\s*,?\s*$", s)
        if qua:
            # "Mike Schroepfer selaku Chief Technology Officer Facebook mengatakan": name, then role
            sp = self.book.parse(f"{qua.group(1)} selaku {qua.group(2)}", self.lang)
            if sp.name and sp.is_person:
                return sp
        # "Professor Alan Woodward - a cyber security expert at Surrey University - said": a
        # dash-delimited apposition reads like a comma-delimited one
        s = re.sub(r"\s+[-–—]{1,2}\s+", ", ", s)
        loc = re.search(r"\b(?:di|in|dari|from|asal)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s*,\s*([^,]+?)\s*,?\s*$", s)
        if loc and " ".join(loc.group(1).lower().split()) in self.book.places:
            # "salah satu nasabah BSI di Jombang, Jawa Timur mengatakan": the region after a
            # town locates the speaker; it is not the speaker's name
            s = s[:loc.start(1)].rstrip()
        last = None
        for rx in (cb.rx["any"], cb.rx["complement"]):
            for m in rx.finditer(s):
                if rx is cb.rx["complement"] and not s[m.end():].strip():
                    continue  # "a report that said": "that" right before the verb is a relative pronoun
                clause = s[s.rfind(",", 0, m.start()) + 1:m.start()].split()
                if clause and self._w(clause[0]) in cb.relative and "," in s[m.end():]:
                    continue  # "Brewster, who first reported the story for Forbes, wrote": not a chain
                if m.group(0).lower().endswith("ing") and re.search(r",\s*$", s[:m.start()]) and "," in s[m.end():]:
                    continue  # "Judge Jane Roe, writing for the court, stated": an apposition, not a chain
                last = max(last or 0, m.end())
        if last is not None:
            s = s[last:]
        toks = s.split()
        while len(toks) > 1 and self._w(toks[-1]) in cb.adverbs and self._w(toks[-2]) not in cb.conjunctions:
            toks = toks[:-1]  # "the report also says": "also" is an adverb here, not "and also"
        if toks and self._w(toks[-1]) in cb.conjunctions:
            return Speaker()
        for j in range(len(toks) - 1, -1, -1):
            w = self._w(toks[j])
            nxt = self._w(toks[j + 1]) if j + 1 < len(toks) else ""
            prv = self._w(toks[j - 1]) if j > 0 else ""
            if w in cb.subordinators and nxt != "itu" and prv not in ("such", "well", "so"):
                rem = toks[j + 1:]
                rem_s = " ".join(rem)
                if j > 0 and rem_s.endswith(",") and "," in " ".join(toks[:j]):
                    # "Dana Roe, appointed this year after several breaches, said": the clause
                    # closes an apposition right before the verb; the subject is before it
                    toks = toks[:j]
                    toks[-1] = toks[-1].rstrip(",") + ","
                elif "," in rem_s and rem_s.rsplit(",", 1)[1].strip():
                    # "However, after days of criticism, it said": the subordinate clause ends at
                    # its comma and the main clause's subject follows
                    toks = rem_s.rsplit(",", 1)[1].split()
                    parts = [x.strip() for x in rem_s.split(",")]
                    nouns = self.book.role_nouns_in(parts[-1])
                    if self.lang == "id" and len(parts) >= 3 and 2 <= len(parts[-2].split()) <= 4 \
                            and self.book.looks_like_name(parts[-2]) and nouns and _opens_with_role(parts[-1], nouns):
                        # "Meski ..., Florian Holm, co-CEO Lazada mengatakan": name and open apposition
                        toks = f"{parts[-2]}, {parts[-1]}".split()
                else:
                    toks = rem if rem and self._starts_np(rem_s) else toks[:j]
                break
            if w in cb.relative and j > 0:
                # "in which security researchers said": the relative clause has its own subject;
                # "Cirlig, who found the flaw, said" is handled with the commas below
                rem = toks[j + 1:]
                if rem and self._starts_np(" ".join(rem)) and "," not in " ".join(rem):
                    toks = rem
                elif not rem and not toks[j - 1].endswith(","):
                    # "a Forbes report that said ...", "laporan Forbes yang menyebut ...": the
                    # relative pronoun stands for the noun phrase right before it
                    toks = self.trailing_np(" ".join(toks[:j])).split()
                break
        s = " ".join(toks).strip()
        ends_comma = s.endswith(",")
        chunks = [c.strip() for c in s.split(",") if c.strip()]
        if chunks:
            chunks[0] = " ".join(self._clean_tokens(chunks[0].split()))
            chunks = [c for c in chunks if c]
        for k in range(len(chunks) - 1, 1, -1):
            if _ORG_NAME_TAIL.fullmatch(chunks[k]) and not self.book.has_role_noun(chunks[k]) \
                    and self.book.has_role_noun(chunks[k - 1]) and re.search(r"\s[A-Z][\w'’&.-]*$", chunks[k - 1]):
                # "deputy director of the ACLU's Speech, Privacy and Technology Project": the
                # comma belongs to the name of the body, not between appositions
                chunks[k - 1:k + 1] = [f"{chunks[k - 1]}, {chunks[k]}"]
        while len(chunks) > 1 and (_CLAUSE_ADVERB.fullmatch(chunks[0]) or _SOURCE_FRAME.match(chunks[0])):
            # "Similarly, Verizon, based in ..., disclosed": the adverb is no subject; nor is the
            # outlet a sentence is taken from ("Mengutip Detiknews, Kepala BPKP, X bilang")
            chunks.pop(0)
        relative = False
        rel_chunk = ""
        while len(chunks) > 1:
            w = self._w(chunks[-1].split()[0])
            if re.match(r"(?:sebagaimana|seperti|as)\s+(?:\w+\s+)?(?:diwartakan|dilaporkan|diberitakan|dikutip|dilansir|reported|quoted|cited)\b",
                        chunks[-1], re.IGNORECASE):
                chunks.pop()  # "..., sebagaimana diwartakan ANTARA, menyebut": the medium is a source
                ends_comma = True
                continue
            if _AGE_CHUNK.fullmatch(chunks[-1]) and len(chunks) >= 2:
                chunks.pop()  # "Kim Min-jun, 66, said": an age describes, it names no one
                ends_comma = True
                continue
            if self.lang == "en" and ends_comma and re.match(r"(?:writing|speaking|testifying|acting)\s+(?:for|on behalf of)\b",
                                                             chunks[-1]):
                chunks.pop()  # "Judge Jane Roe, writing for the court, stated": she speaks, for the court
                continue
            if self.lang == "en" and ends_comma and w not in cb.participles and w not in _NAMING_PARTICIPLES \
                    and (re.fullmatch(r"[a-z]{3,}(?:ed|ing)", w) or w in _IRREGULAR_PARTICIPLES):
                # "Darren Goldie, appointed this year after the breaches, said", "Jane Roe,
                # speaking on Sunday, said": a participle clause describes the subject before it
                # ("The group, called Zentrafire, said" names it: not dropped)
                chunks.pop()
                continue
            if w in cb.subject_cut or w in cb.relative or w in cb.adverbs or w in cb.subordinators:
                if w in cb.relative:
                    relative, rel_chunk = True, chunks[-1]
                chunks.pop()
                ends_comma = True
                continue
            break
        if not chunks:
            return Speaker()
        if relative and not ends_comma:
            return self.plausible(self.book.parse(self.trailing_np(chunks[-1]), self.lang))
        if rel_chunk and len(chunks) == 1 and self.book.looks_like_name(self._head_np(chunks[0])):
            # "Jordan Blake, who runs a consumer tech help column, said": the relative clause
            # describes the speaker (and types him)
            head = self._head_np(chunks[0])
            if self.plausible(self.book.parse(head, self.lang)).name:
                # ("Okta, which provides user authentication services": "which" describes a
                # thing, and its nouns are no role of the speaker)
                person_rel = not re.match(r"(?i)which\b", rel_chunk.strip())
                return self.book.parse(head, self.lang, rel_chunk if person_rel and self.book.has_role_noun(rel_chunk) else "")
        if ends_comma and len(chunks) >= 3:
            # "Mei Ling Ho, a coordinator at ..., a regional civil society group, said"
            k = len(chunks) - 1
            # "Manu Jain, Vice President, Xiaomi and Managing Director, Xiaomi India, said": skip
            # back over every role and organisation to the name
            while k > 0 and (self.book.looks_like_role(chunks[k]) or self._descriptive(chunks[k])
                             or self.book.type_of_org(chunks[k]) or self.book.has_role_noun(chunks[k])
                             or _AGE_CHUNK.fullmatch(chunks[k])):
                k -= 1
            if k < len(chunks) - 2 and self.book.looks_like_name(self._head_np(chunks[k])):
                # ("Vita, 23 tahun, salah satu nasabah BSI, mengatakan": an age describes no role;
                # the first chunk after it that does types the speaker)
                app = next((c for c in chunks[k + 1:] if not _AGE_CHUNK.fullmatch(c)), chunks[k + 1])
                # (and where they live is no part of the role: "... nasabah BSI di Jombang")
                app = re.sub(r"\s+(?:di|in)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?$", "", app) or app
                return self.book.parse(self._head_np(chunks[k]), self.lang, app)
        if ends_comma and len(chunks) >= 2:
            head, app = " ".join(self._clean_tokens(chunks[-2].split())), chunks[-1]
            # (the chunk may clean to nothing: "… the “data”, the app’s “modules”, and …")
            if len(head.split()) > 12 or (relative and len(head.split()) > 6) or self._w((head.split() or [""])[0]) in cb.subject_cut:
                head = self.trailing_np(head)
            kind = self.book.anaphor(head, self.lang)
            if kind:
                return Speaker(anaphor=kind, role=head)
            head_named = self.book.looks_like_name(head) or bool(self.book.find(head)) \
                or bool(self.book.split_role_name(head)[1] and self.book.has_role_noun(head))  # "Professor Alan Woodward"
            if head_named and self._title_post(app) and not self.book.looks_like_role(app):
                # "Jane Roe, Senior Information Risk Owner, said": the capitalised title is no name
                sp = self.plausible(self.book.parse(head, self.lang))
                if sp.name:
                    typ = sp.type if sp.type != "other" else (self.book.type_from_role(app, self.lang) or sp.type)
                    return replace(sp, role=" ".join(f"{sp.role} {app}".split()), type=typ)
            if head_named and (self.book.looks_like_role(app) or self._descriptive(app)):
                return self.book.parse(head, self.lang, app) if self.plausible(self.book.parse(head, self.lang)).name else Speaker()
            if (self.book.looks_like_role(head) or self.book.type_of_org(head)) and self.book.looks_like_name(app):
                return self.book.parse(head, self.lang, app)
            if relative:
                return self.plausible(self.book.parse(head, self.lang))
        if len(chunks) >= 2 and self._w(chunks[-1].split()[0]) in _APPOSITION_MARKERS:
            # "Gabriel Cirlig, selaku peneliti tersebut, mengatakan": the name before the comma
            # speaks; "selaku ..." / "sebagai ..." describes it
            prev = self._head_np(chunks[-2])
            if prev and self.book.looks_like_name(prev):
                app = chunks[-1].split(None, 1)[1] if len(chunks[-1].split()) > 1 else ""
                sp = self.plausible(self.book.parse(prev, self.lang, app if self.book.has_role_noun(app) else ""))
                if sp.name:
                    return sp
        if not ends_comma and len(chunks) >= 2:
            # "Florian Holm, co-CEO Lazada Indonesia mengatakan", "Jane Roe, chair of the Police
            # Federation said": news often leaves the apposition after a full name unclosed; the
            # role there ends at the verb and the person before the comma speaks
            name_toks = chunks[-2].split()
            # (an acronym before an indefinite description: "In February, PRAHAR, an NGO has urged")
            acronym = len(name_toks) == 1 and bool(re.fullmatch(r"[A-Z][A-Z0-9&-]{2,}", name_toks[0])) \
                and bool(re.match(r"(?i)an?\s", chunks[-1]))
            role_chunk = chunks[-1].split(None, 1)[1] if acronym else chunks[-1]
            role_nouns = self.book.role_nouns_in(role_chunk)
            if (2 <= len(name_toks) <= 4 or acronym) and self.book.looks_like_name(chunks[-2]) \
                    and self._w(name_toks[0]) not in _FUNCTION_WORDS_ID \
                    and self._w(name_toks[0]) not in _SENTENCE_OPENERS_LOW and self._w(name_toks[0]) not in _NP_OPENERS \
                    and role_nouns and _opens_with_role(role_chunk, role_nouns) and len(chunks[-1].split()) <= 12:
                role_part, rest_name, _ = self.book.split_role_name(chunks[-1])
                sp = self.plausible(self.book.parse(chunks[-2], self.lang, chunks[-1]))
                if sp.name and (sp.is_person or acronym) and not (rest_name and self.book.lookup(rest_name) is not None
                                                     and self.book.lookup(rest_name).kind == "person"):
                    return sp
        if not ends_comma and len(chunks) >= 3:
            # "Patrick Hackett, Registrar, Secretary and Chief Operating Officer said": an
            # unclosed apposition of several posts; the name before the first of them speaks
            k = len(chunks) - 1
            while k > 0 and (self.book.looks_like_role(chunks[k]) or self._title_post(chunks[k])):
                k -= 1
            if k < len(chunks) - 2 and 2 <= len(chunks[k].split()) <= 4 and self.book.looks_like_name(chunks[k]) \
                    and self._w(chunks[k].split()[0]) not in _SENTENCE_OPENERS_LOW:
                sp = self.plausible(self.book.parse(chunks[k], self.lang, ", ".join(chunks[k + 1:])))
                if sp.name and sp.is_person:
                    return sp
        if not ends_comma and len(chunks) >= 2 and re.search(r"(?i)(?:^|\s)(?:and|dan|serta|&)\s", chunks[-1]):
            # "the FBI, the NSA, and the Office of the Director of National Intelligence said":
            # a joint statement of bodies is coded by the first one named (as joint speakers are)
            run = []
            for c in reversed([*chunks[:-1], re.sub(r"(?i)^(?:and|dan|serta|&)\s+", "", chunks[-1])]):
                sp = self.book.parse(self._head_np(c) or c, self.lang)
                if not (sp.name and not sp.is_person and sp.anaphor is None and sp.type not in ("media", "other")
                        and (sp.entity or self.book.type_of_org(sp.name))):
                    break
                run.append(sp)
            if len(run) >= 2:
                return run[-1]
        last_chunk = self._head_np(chunks[-1])
        if not last_chunk:
            return Speaker()
        kind = self.book.anaphor(last_chunk, self.lang)
        if kind is not None:
            return Speaker(anaphor=kind, role=last_chunk)
        if len(chunks) >= 2 and self.book.looks_like_name(last_chunk):
            prev = self._head_np(chunks[-2])
            framing = bool(chunks[-2].split()) and self._w(chunks[-2].split()[0]) in _FRAMING_PREPOSITIONS
            # ("Dalam email kepada pelanggan, Lazada mengatakan": a framing phrase is no role)
            if prev and not framing and (self.book.looks_like_role(prev) or self.book.type_of_org(prev)) \
                    and not self.book.find(last_chunk):
                return self.plausible(self.book.parse(prev, self.lang, last_chunk))
        if len(last_chunk.split()) > 9:
            # a long phrase names a speaker only as a title and a person's name ending it ("The
            # Chair of the Police Federation for Wessex Jane Roe said")
            long = self.plausible(self.book.parse(last_chunk, self.lang)) if len(last_chunk.split()) <= 14 else Speaker()
            if long.name and long.is_person and 2 <= len(long.name.split()) <= 4 and self.book.has_role_noun(long.role) \
                    and last_chunk.endswith(long.name) and not re.search(r"\s(?:and|dan|&)\s", last_chunk):
                # (two people joined by "and" are coded by the first named: another rule)
                return long
            return Speaker()
        sp = self.plausible(self.book.parse(last_chunk, self.lang))
        # a lone capitalised word at the start of a sentence is a name only if the article
        # also writes it capitalised elsewhere ("Sepekan setelah ..." is not a speaker)
        if sp.name and sp.name != sp.role and not sp.entity and " " not in sp.name \
                and s.lstrip().startswith(sp.name) and subj.strip().startswith(sp.name) \
                and not _INTERCAPPED.fullmatch(sp.name) and not self.book.is_place(sp.name):
            # (a country or state is capitalised wherever it stands: "Texas argued that ...")
            lone_id_name = self.lang == "id" and len(s.split()) == 1 and len(sp.name) >= 3 \
                and not re.match(r"(?i)(?:se|ke|ber|ter|me|di|pe|per)[a-z]{3,}", sp.name) \
                and sp.name.lower() not in self.book.not_names and not self.book.has_role_noun(sp.name)
            # ("Rina menyatakan, “…”": one capitalised word right before the verb, with no
            # Indonesian prefix of a function word or verb ("Sepekan", "Kemudian"), is a name)
            if not lone_id_name and not self._capitalised_elsewhere(sp.name):
                # "Cybersecurity experts said": the capital only opens the sentence; the words
                # are a description when they hold a role noun, else no speaker
                low = last_chunk[:1].lower() + last_chunk[1:]
                if sp.role and self.book.has_role_noun(low) and not self.book.has_role_noun(sp.name):
                    desc = self.plausible(self.book.parse(low, self.lang))
                    if desc.name or desc.anaphor:
                        return desc
                return Speaker()
        return sp

    _text: str = ""  # the article text, set by extract_quotes (for _capitalised_elsewhere)

    def _capitalised_elsewhere(self, word: str) -> bool:
        for m in re.finditer(rf"(?<![\w]){re.escape(word)}(?![\w])", self._text):
            before = self._text[max(0, m.start() - 3):m.start()]
            if not re.search(r"(^|[.!?]\s*|\n\s*|[“\"]\s*)$", before) and m.start() > 0:
                return True
        return False

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
                bare = re.match(r"(?i)begitu\s+((?:salah satu\s+)?(?:isi|bunyi|pesan|tulisan|deskripsi|keterangan|"
                                r"pernyataan|unggahan|cuitan|kicauan)\w*(?:\s+[\w-]+){0,3}?)\s*(?:[,.]|$)", t)
                if bare:
                    # "“…,” begitu salah satu isi protes itu": the words of whoever the article
                    # just quoted or named (a message, a post, a statement)
                    return Attr(Speaker(anaphor="any", role=bare.group(1)), "begitu", False)
        if cb.rx["suffixed"] is not None:
            m = cb.rx["suffixed"].match(re.sub(r"^(?:begitu|demikian)\s+", "", t, flags=re.IGNORECASE))
            if m:
                return Attr(Speaker(anaphor="any"), cb.lemma_of(m.group(0)), False)
        m = re.match(r"(?:(?:demikian|begitu)\s+)?(" + cb.rx["inverted"].pattern + r")\s+(.*)", t, re.IGNORECASE | re.DOTALL)
        if m:
            sp = self.after_phrase(m.group(2))
            if self.speaker_like(sp):
                return Attr(sp, cb.lemma_of(m.group(1)), sp.anaphor is None)
        m = re.match(cb.rx["according"].pattern + r"\s+(.*)", t, re.IGNORECASE | re.DOTALL)
        if m:
            sp = self.after_phrase(m.group(1))
            if self.speaker_like(sp):
                return Attr(sp, cb.according_lemma, sp.anaphor is None)
        m = re.fullmatch(r"([A-Z][^,.;:!?]{1,40}?)(?:,\s*([^,.;:!?]{2,60}?))?(?:\s+(?:dalam|melalui|lewat|in|via|saat|ketika)\s[^.;!?]{0,60})?\s*[.]?\s*",
                         t.strip())
        if m and not cb.rx["any"].search(t) and self.book.looks_like_name(m.group(1)) \
                and (m.group(2) is None or self.book.looks_like_role(m.group(2)) or self.book.has_role_noun(m.group(2))):
            # “…,” Rachmat Kaimuddin, CEO Bukalapak dalam keterangan resminya. (no verb at all)
            sp = self.plausible(self.book.parse(m.group(1), self.lang, m.group(2) or ""))
            if sp.name:
                return Attr(sp, "", True)
        m = cb.rx["active"].search(t)
        if m and m.start() > 0:
            # a US party-and-state tag ("Frank Pallone, D-N.J., said") is no apposition
            subj = re.sub(r"(?:,\s*|\s*\()[DRI]-[A-Z][A-Za-z.]{0,6}\)?(?=,|\s|$)", "", t[: m.start()])
            after = t[m.end():]
            # "Alon Gal, chief technology officer at the Hudson Rock cybercrime intelligence firm,
            # said Saturday": the apposition between commas does not count against the subject
            core = re.sub(r",[^,]{1,120},\s*$", "", subj)
            short = len(core.split()) <= 3 and m.group(0).lower() in _PLAIN_SAY
            # (a middle initial is no sentence end: "CEO Richard D. Fairbank said")
            ends = [x for x in re.finditer(r"(?<!\b[A-Z])[.!?;]", subj)
                    if x.group(0) != "." or not _is_abbrev(subj, x.start())]  # "Sen. Jane Roe said"
            # (a long subject made only of a title and names: "Ugandan Minister for Information and
            # Communications Technology Peter Ogwang tweeted")
            titled = len(core.split()) <= 16 and re.fullmatch(r"(?:(?:the|of|and|for|[A-Z][\w'’&.-]*)\s*)+", core.strip())
            if (len(core.split()) <= 10 or titled) and not ends \
                    and (self._closes_clause(m.group(0), after) or short):
                sp = self.subject_phrase(subj) if len(core.split()) <= 10 else Speaker()
                if not self.speaker_like(sp) and titled:
                    sp = self.plausible(self.book.parse(core.strip(), self.lang))
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

    def naming_verb(self, head: str) -> Attr | None:
        """“X called the app a” / “X described it as” / “X menyebut aplikasi itu”: the subject of
        a verb of calling names the speaker of the quoted words that follow (a partial quote)."""
        m = None
        for m in re.finditer(r"\b(" + _alt(_NAMING_VERBS) + r")\b", head, re.IGNORECASE):
            pass
        if m is None or m.start() == 0:
            return None
        before = head[: m.start()]
        verb = m.group(1).lower()
        if (verb.startswith("accus") and not re.search(r"\bof\s*$", head)) \
                or (verb.startswith("dismiss") and not re.search(r"\bas\s*$", head)):
            # "accused Twitter of ‘having an agenda’", "dismissed as “absurd”" quote the speaker;
            # "dismissed all fears of “misinformation campaigns”" quotes the fears, not the speaker
            return None
        if verb.endswith("ing") and before.rstrip().endswith(","):
            # "Anthony Albanese has sparked a war of words ..., calling ...": the main clause's subject
            sp = self.lead_np(before)
            return Attr(sp, verb, sp.anaphor is None, False) if self.speaker_like(sp) else None
        named = re.search(r"\b(?:a|an|the)\s+[a-z]+\s+((?:[A-Z][\w'’.-]+\s+){0,3}[A-Z][\w'’-]+)\s+(?:[a-z]+ly\s+)?$", before)
        if named and verb.endswith("ed"):
            # "a demand Carvalho quickly dismissed as": a reduced relative clause, the name right
            # before the verb is its subject
            sp = self.book.parse(named.group(1), self.lang)
            sp = sp if sp.name and not sp.anaphor else Speaker()
        else:
            sp = self.subject_phrase(before)
        if not self.speaker_like(sp) and re.search(r"\b(?:and|dan|serta)\s*$", head[: m.start()]):
            # "Huawei has described the move as “…” and threatened to “…”": the subject of the
            # first verb of the coordination, when it is a name
            sp = self.lead_np(head[: m.start()])
            if not (sp.entity or len(sp.name.split()) >= 2):
                sp = Speaker()
        if not self.speaker_like(sp):
            return None
        return Attr(sp, m.group(1).lower(), sp.anaphor is None, False)

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
        if m and m.group(1).lower().endswith("ing"):
            m = None  # "saying the company “…”": after a participle comes the content, not a speaker
        if m:
            # strict: in "Cirlig said the Xiaomi phones act as “…”" the words after "said" are
            # what he said, not a speaker
            sp = self.after_phrase(m.group(2), strict=True)
            before = h[:m.start(1)]
            subject_first = bool(before.strip()) and not re.search(r"[,;:]\s*$", before)
            if subject_first and (sp.anaphor is not None or (self.lang != "id"
                                                              and not re.search(r"\b(?:as|so)\s*$", before))):
                # "The ministry said it “has decided …”": the pronoun after the verb is the
                # subject of the reported clause; the speaker is the subject before the verb
                sp = Speaker()
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
            prev_w = self._w(h[:m.start()].split()[-1]) if h[:m.start()].split() else ""
            verb_w = m.group(0).lower()
            # a participle after a comma ("in May, saying") has no subject just before it to vet
            participle = verb_w.endswith("ing") and bool(re.search(r",\s*$", h[:m.start()]))
            if not participle and (prev_w in _NON_SUBJECT_BEFORE or (prev_w in _NOUN_MODIFIERS and not (
                    verb_w in _PLAIN_SAY and not verb_w.endswith("s") and h[:m.start()].split()[-1][:1].isupper()))):
                # "via social media posts:", "its reports": a noun, not a reporting verb (but
                # "Twitter said", "Facebook wrote": a platform that speaks)
                continue
            if verb_w.endswith("ed") and re.search(r"(?i)\b(?:a|an|the|its|his|her|their)\s+[a-z]+\s+$", h[:m.start()]):
                continue  # "a statement posted on X": a participle after its noun reports nothing
            between = h[m.end():]
            if len(between.split()) > 25:
                break
            if m.group(0).lower() in cb.needs_complement and not re.search(
                    r"^\s*(?:[:,]|\S+\s+(?:" + cb.rx["complement"].pattern + r"))|(?:" + cb.rx["complement"].pattern + r")",
                    between, re.IGNORECASE) and between.strip() \
                    and not (re.search(r"[:,]\s*$", between) and len(between.split()) <= 12):
                # ("TikTok has responded in a statement posted on X, “…”": the verb's adjuncts end
                # in the comma before the quotation, which is its complement)
                continue
            if participle:
                # a participle after a comma belongs to the subject of the sentence, not to the
                # words before it. When it opens the quotation, that subject speaks: the subject
                # of an earlier cue ("the university said it ..., stating: “…”"), else the one
                # that opens the sentence ("Justice Bansal refused an injunction, stating, “…”").
                # "saying it was “…”" holds a partial quote of a reported clause.
                if re.sub(r"^\s*(?:that\b)?", "", _PAREN.sub("", between)).strip(" ,:"):
                    break
                earlier = [a for a in acts if 0 < a.start() < m.start()]
                sp = self.subject_phrase(h[: earlier[-1].start()]) if earlier else self.lead_np(h[: m.start()])
            else:
                sp = self.subject_phrase(h[: m.start()])
            if self.speaker_like(sp):
                near = adjacent and len(between.split()) <= 8
                return Attr(sp, cb.lemma_of(m.group(0)), sp.anaphor is None, near)
            break
        # "Chew hailed, “…”": a verb of calling or praising right before the quotation speaks it
        m = re.search(r"\b(" + _alt(_NAMING_VERBS) + r")\s*[,:]\s*$", h, re.IGNORECASE)
        if m and m.start() > 0:
            sp = self.subject_phrase(h[:m.start()])
            if self.speaker_like(sp):
                return Attr(sp, m.group(1).lower(), sp.anaphor is None, True)
        # "Cirlig: “…”" (speaker and colon, no verb)
        m = re.fullmatch(r"\s*([^.!?:;]{1,60}?)\s*:\s*", head)
        if m and (self.book.looks_like_name(m.group(1)) or self.book.find(m.group(1)) or self.book.has_role_noun(m.group(1))) \
                and len(m.group(1).split()) <= 6:
            sp = self.book.parse(m.group(1), self.lang)
            if sp.name and (sp.entity or sp.is_person):
                return Attr(sp, "", True, True)
        return None


# plain verbs of saying: after a closing mark, "she said" attributes the quote whatever follows
# ("…,' she said less than a year into the job.")
_PLAIN_SAY = {"said", "says", "say", "told", "tells", "added", "adds", "wrote", "writes", "explained", "stated"}


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


_FIRST_PERSON = {"en": re.compile(r"\b(?:we|our|ours|us|I|my|me)\b|\b(?:We|Our|Us|My)\b"),
                 "id": re.compile(r"\b(?:kami|saya|aku)\b", re.IGNORECASE)}


def _blockquotes(text: str, paras: list[Para], accepted: list[QSpan], parser: "_Parser") -> list[_Rec]:
    """Statements set off as a block without quotation marks (an HTML blockquote loses its marks
    in the extracted text): a paragraph in the first person after "According to TikTok:" or
    "the company wrote:", or after a paragraph that reports the same speaker's words.

    Each becomes a direct quote; it keeps the introduction's speaker, or continues the speaker
    of the reported speech just before it. Added spans go into ``accepted``.
    """
    cb = parser.cb
    first_person = _FIRST_PERSON[cb.lang]
    out: list[_Rec] = []
    prev: Para | None = None
    prev_block = False
    for p in paras:
        if p.skip:
            continue
        body = text[p.start:p.end]
        block = False
        # an item of a list ("• Uber and Ola have ...", "- Two cables ...") is the writer's summary
        if prev is not None and not re.match(r"\s*[•·▪*–—-]\s", body) \
                and not re.search("[" + re.escape(DOUBLE_MARKS) + "]", body) \
                and not any(a.open < p.end and p.start < a.end for a in accepted) and _words(body) >= 8:
            intro = text[prev.start:prev.end]
            pronouns = len(first_person.findall(body))
            attr = None
            if intro.rstrip().endswith(":") and not re.search("[" + re.escape(DOUBLE_MARKS) + "]", intro):
                last = re.split(r"(?<=[.!?])\s+", intro)[-1]
                acc = re.match(r"\s*(?:" + cb.rx["according"].pattern + r")\s+(.+?)\s*:\s*$", last, re.IGNORECASE)
                if acc:
                    last = acc.group(1) + ","  # "According to TikTok:" names the speaker
                    sp0 = parser.plausible(parser.book.parse(acc.group(1), cb.lang))
                    attr = Attr(sp0, cb.according_lemma, sp0.anaphor is None) if parser.speaker_like(sp0) else None
                else:
                    attr = parser.head(last)
                if attr is None:
                    lead = parser.lead_np(last)
                    attr = Attr(lead, "", lead.anaphor is None) if parser.speaker_like(lead) else None
                block = attr is not None
            elif pronouns >= 2 and (prev_block or cb.rx["any"].search(intro)):
                block = True
            if block:
                sp = attr.speaker if attr is not None else Speaker(anaphor="continue")
                cue = attr.cue if attr is not None else ""
                accepted.append(QSpan(p.start, None, p.end, p.start, p.end))
                out.append(_Rec(p.start, p.end, "direct", " ".join(body.split()), cue, sp, p.start))
        prev, prev_block = p, block
    return out


def _introduced_speakers(text: str, quoted: list[tuple[int, int]], parser: "_Parser", tracker: SpeakerTracker) -> None:
    """Speakers announced without words of their own ("Seorang juru bicara perusahaan kemudian
    angkat bicara.", "Xiaomi hit back."): they become the antecedent of the next "katanya",
    "he said" (cues.yml `introductions`)."""
    cb = parser.cb
    if not cb.introductions:
        return
    rx = re.compile(r"(?<![\w-])(?:" + _alt(cb.introductions) + r")(?![\w-])", re.IGNORECASE)
    for m in rx.finditer(text):
        if any(a <= m.start() < b for a, b in quoted):
            continue
        start = max(text.rfind("\n", 0, m.start()), max((text.rfind(c, 0, m.start()) for c in ".!?”\""), default=-1)) + 1
        sp = parser.subject_phrase(text[start:m.start()])
        if not parser.speaker_like(sp):
            continue
        got = tracker.resolve(sp, m.start())
        if got.name:
            tracker.commit(got, m.start())


def _sentence_end(text: str, start: int, limit: int, quoted: list[tuple[int, int]]) -> int:
    """Where the sentence that runs through ``start`` ends (before ``limit`` and before the next
    accepted quotation), skipping stops inside quotation marks and after abbreviations."""
    nxt = min((a for a, _ in quoted if a >= start), default=limit)
    limit = min(limit, nxt)
    depth = 0
    for i in range(start, limit):
        c = text[i]
        if c in "“\"" and (i == 0 or not text[i - 1].isalnum()):
            depth += 1
        elif c in "”" or (c == '"' and depth):
            depth = max(0, depth - 1)
        elif c in ".!?" and depth == 0 and (i + 1 >= len(text) or text[i + 1].isspace()) and not _is_abbrev(text, i):
            return i
    return limit


def _title_case(content: str) -> bool:
    """A quoted name in Title Case ("Penggunaan eHAC Melalui Peduli Lindungi"), not a sentence."""
    toks = [t for t in re.findall(r"[^\s]+", content) if t[:1].isalpha()]
    rest = re.sub(r"\b\d+(?:\.\d+)*\b", "", content)  # "LockBit 3.0": a version number is part of a name
    if len(toks) < 1 or (len(toks) < 2 and not re.search(r"\d", content)) or re.search(r"[.!?,;:]", rest):
        return False
    small = {"of", "the", "and", "in", "on", "for", "to", "a", "an", "di", "dan", "ke", "dari", "untuk", "yang"}
    return all(t[:1].isupper() or t.lower() in small for t in toks)


def _inside_clause(head: str, parser: "_Parser") -> bool:
    """Does a quotation mark opened after ``head`` sit inside a running clause?

    True after an ordinary word ("the company is “deeply sorry”", "call the research
    “incorrect”"); False at a sentence start, after a colon, comma or dash, and right after a
    reporting verb, "that"/"bahwa" or "according to"/"menurut" (where a quotation starts).
    """
    h = head.rstrip()
    if not h or not (h[-1].isalnum() or h[-1] in ")’'"):
        return False
    last = parser._w(h.split()[-1])
    cb = parser.cb
    if parser._is_cue_word(last) or cb.rx["according"].search(h.split()[-1]) or last in cb.according_suffixed:
        return False
    return not re.search(r"(?:" + cb.rx["according"].pattern + r")$", h, re.IGNORECASE)


_ROLE_MODIFIERS = {"co-", "wakil", "vice", "senior", "deputy", "assistant", "acting", "interim", "strategic",
                   "executive", "associate", "principal", "managing", "regional", "global", "former", "plt", "plh"}


def _opens_with_role(chunk: str, nouns: list) -> bool:
    """Does ``chunk`` open with its first role noun ("CEO Lazada", "co-CEO Lazada", "strategic
    director of ...")?"""
    lead = chunk[:nouns[0][0]].lower().split()
    return len(lead) <= 2 and all(w in _ROLE_MODIFIERS for w in lead)


# words that open a place or time phrase, never a person's name ("Di Jakarta, juru bicara ...")
# prepositions that open a framing phrase before the subject ("Dalam email kepada pelanggan,
# Lazada mengatakan", "In a letter to customers, Acme said"): such a phrase is no apposition
_FRAMING_PREPOSITIONS = {"dalam", "melalui", "lewat", "via", "kepada", "in", "through", "via", "to", "on", "at", "during",
                         "pada", "saat", "ketika", "usai", "seusai", "sebelum", "sesudah", "setelah",
                         # "Ditanya apakah hanya Bank Lampung, Ari Rachman menyatakan": the question
                         # asked frames the answer; its words are no role
                         "ditanya", "dikonfirmasi", "asked"}
# prepositions after which a name is the object of what precedes, not the holder of a role
_OBJECT_PREPOSITIONS = {"against", "about", "over", "towards", "toward", "with", "to", "on", "into", "terhadap",
                        "melawan", "kepada", "tentang", "soal", "mengenai", "atas"}
_FUNCTION_WORDS_ID = {"di", "dari", "ke", "pada", "dalam", "sejak", "hingga", "sampai", "menurut", "untuk", "bagi"}


def extract_quotes(text: str, lang: str) -> list[dict]:
    """Direct and indirect quotes of one article, with speaker, type, role, cue and offsets.

    See the module docstring for the record fields and the rules. ``text`` is the article's
    main text (paragraphs separated by newlines); offsets index into it unchanged.
    """
    if not isinstance(text, str) or not text.strip():
        return []
    cb = load_cues(lang)
    book = load_book().for_article(text)
    parser = _Parser(cb, book)
    parser._text = text
    paras = _paragraphs(text, cb)
    para_of = lambda i: next((p for p in paras if p.start <= i <= p.end), None)  # noqa: E731

    spans = find_quoted_spans(text, paras)
    recs: list[_Rec] = []
    extra: list[_Rec] = []
    pending: list[tuple[int, int, Speaker, str, int, int]] = []
    partials: list[tuple[QSpan, Attr | None]] = []
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
            stop = next((x for x in re.finditer(r"(?<!\b[A-Z])[.!?](?=\s|$)", tail_text)
                         if x.group(0) != "." or not _is_abbrev(text, sp.end + x.start())
                         or not re.match(r"\s+[A-Z]", tail_text[x.end():])), None)  # "Sen. Jane Roe said"
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
        # the whole sentence before the opening mark, through earlier quotations ("Huawei
        # described the move as “…” and threatened to “…”")
        sent_head = text[p.start:sp.open]
        head_cut = 0
        for brk in re.finditer(r"(?<=[.!?…])[”\"’]?\s+(?=[“\"A-Z])", sent_head):
            dot = p.start + brk.start() - 1
            if text[dot] == "." and _TITLE_ABBREV.search(text[max(0, dot - 6):dot]):
                continue  # "During a hearing, Sen. Jane Roe described …": a title's full stop
            head_cut = brk.end()
        sent_head = sent_head[head_cut:]
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

        if tail_text and re.search(r"[.!?…]$", content) and re.match(r"\s+[A-Z]", tail_text):
            # the quotation ended its sentence (“… incorrect.” However, he said ...): what follows
            # is a new sentence, an attribution only when it opens with its speaker and verb
            first_clause = re.split(r"[,;]", tail_text, maxsplit=1)[0]
            if not cb.rx["any"].search(first_clause) or "," in tail_text[:cb.rx["any"].search(tail_text).start()]:
                tail_text = ""
        mid_clause = _inside_clause(head_text, parser)
        t_attr = parser.tail(tail_text) if tail_text else None
        comma_before_close = sp.close is not None and text[sp.cs:sp.close].rstrip().endswith(",")
        if t_attr is not None and mid_clause and not comma_before_close and not re.match(r"\s*[,—–-]", tail_text):
            t_attr = None  # were “misunderstood” in the Forbes report, noting ...: the clause goes on
        h_attr = parser.head(head_text)
        title = bool(re.search(r"(?:^|\s)(?:" + _alt(cb.title_markers) + r")\s*[:,]?\s*$", head_text, re.IGNORECASE))
        if title and not head_text.rstrip().endswith(":"):
            t_attr = None  # a post titled “…”, the company explained: the title is not the quote
        if h_attr is None and head_text.rstrip().endswith(":") and not title:
            # "Privacy advocate John Rivera, of ..., was unconvinced: “…”"
            lead = parser.lead_np(head_text)
            if lead.name or lead.anaphor:
                h_attr = Attr(lead, "", lead.anaphor is None, True)
        follows_quote = bool(accepted) and accepted[-1].end <= sp.open and (para_of(accepted[-1].open) is p)
        same_sentence = follows_quote and cut is None and head_start == accepted[-1].end and bool(head_text.strip())
        sentence_like = bool(re.search(r"[.!?…]$", content.rstrip("”’\"' "))) or sp.paras > 1
        after_stop = not head_text.strip()

        if t_attr is not None and h_attr is not None and (h_attr.named or h_attr.cue) \
                and t_attr.cue == cb.according_lemma and t_attr.speaker.type == "media":
            # “…”, according to Forbes -- after "Cirlig said the behaviour was": Cirlig speaks
            t_attr = None
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
                or (follows_quote and after_stop and nwords >= 2)
                or (same_sentence and nwords >= 2)
                or (at_para_start and nwords >= 8)
                or sp.paras > 1
            )
        if sp.close is None and t_attr is None and not (at_para_start and nwords >= 4) \
                and not (h_attr is not None and h_attr.named and h_attr.adjacent and nwords >= 4):
            # (a quotation the page left open after "Scacchetti added: “" is still hers)
            keep = False
        if keep and mid_clause and _title_case(content):
            # konferensi pers “Penggunaan eHAC Melalui Peduli Lindungi”: words in Title Case
            # inside a clause name something (an event, a report, a feature)
            keep = False
        prev_word = parser._w(head_text.split()[-1]) if head_text.split() else ""
        # a quotation that may still be a partial quote (the speaker's words inside the writer's
        # sentence) once we know whether the sentence attributes them to anyone; titles, names,
        # words in Title Case and single-word terms never are
        partial_ok = (sp.close is not None and not title and mid_clause and not _title_case(content)
                      and not (nwords == 1 and not _word_quoted(head_text, text[sp.end:sp.end + 20], content, cb)
                               and parser.naming_verb(sent_head) is None)
                      and not (prev_word in _NP_OPENERS and content[:1].isupper()
                               and parser.naming_verb(sent_head) is None)
                      and prev_word not in _NAME_MARKERS)
        if keep and mid_clause and t_attr is None and prev_word in _NP_OPENERS:
            # the list of “Communist Chinese military companies ...”, sent to “remote servers in
            # ...”, act as “a backdoor”: a quotation after a preposition or determiner is a term
            # or a fragment inside the writer's sentence, not a quote of its own
            keep = False
        if keep and mid_clause and nwords <= 4 and not re.search(r"[.!?…]$", content):
            # Terming the claims “incorrect and not true,” Jain said ...; called it a “privacy
            # catastrophe,” saying ...: a few words quoted inside the writer's clause are a
            # partial quote even with a speaker after them
            keep = False
        if keep and t_attr is None and nwords <= 3 and mid_clause:
            # “deeply sorry”, “misunderstood and misrepresented”, call the research “incorrect”:
            # a few quoted words inside the writer's own clause are a partial (or scare) quote;
            # the sentence, if it reports speech, is an indirect quote
            keep = False
        if not keep and not partial_ok and _hosted_word(text, sp, head_text, content, prev_word, mid_clause, title, cb):
            # hackers “scraped” personal data, she felt ‘terrible’, a ‘sophisticated’ breach: one
            # quoted word inside a reported clause is the speaker's word; it counts only where a
            # reported clause holds it (no naming verb or nearby attribution is trusted here)
            partials.append((sp, None))
            continue
        if not keep:
            if partial_ok:
                if attr is None:
                    attr = parser.naming_verb(sent_head)
                partials.append((sp, attr))
            continue
        if attr is None:
            # a quote that goes on after an attributed one in the same paragraph shares its cue
            prev_direct = [r for r in recs if r.kind == "direct"]
            cue = prev_direct[-1].cue if follows_quote and prev_direct else ""
            speaker = Speaker(anaphor="continue")
        else:
            speaker, cue = attr.speaker, attr.cue
        accepted.append(sp)
        recs.append(_Rec(sp.cs, sp.ce, "direct", _clean_quote(content), cue, speaker, sp.cs))
        if t_attr is not None and cb.participles:
            # “…,” Cirlig told Forbes, adding that he had never seen anything like it.
            m = re.search(r",\s*(" + _alt(cb.participles) + r")\s+", tail_text, re.IGNORECASE)
            if m:
                base = sp.end
                pending.append((base, m.end(), speaker, cb.lemma_of(m.group(1)), sp.cs, last_para.end))

    for base, at, speaker, cue, pos, para_end in pending:
        # "..., adding that he and the company are “deeply sorry” and ...": the participle's
        # clause runs to the end of the sentence, through quoted words that are not quotes
        end = _sentence_end(text, base + at, para_end, [(a.open, a.end) for a in accepted])
        r = _make_rec(text, base, at, end - base, speaker, cue, parser)
        if r:
            r.pos = pos
            extra.append(r)
    recs += extra
    recs += _blockquotes(text, paras, accepted, parser)
    # reported speech in sentences that hold no direct quote
    protected = [(s.open, s.end, s.ce) for s in spans]
    for p in paras:
        if p.skip:
            continue
        for s, e in _sentences(text, p, protected):
            if any(a.open < e and s < a.end for a in accepted):
                continue
            if s == p.start:
                dl = _DATELINE.match(text, s, e)
                if dl:
                    s = dl.end()  # "SINGAPORE (GPW) - ", "Jakarta (KBN) - " is not a subject
            recs += _indirect(text, s, e, parser)

    recs += _partial_quotes(text, partials, recs, parser)
    recs.sort(key=lambda r: (r.start, r.end))
    tracker = SpeakerTracker(book, cb.lang)
    quoted = [(s.open, s.end) for s in accepted]
    tracker.scan(text, quoted)
    for r in recs:
        sp = r.speaker
        if sp.anaphor is None and sp.is_person and not sp.entity and len(sp.name.split()) >= 2:
            known = tracker.registry.setdefault(sp.name, sp)
            if sp.role and len(known.role.split()) > 8 >= len(sp.role.split()):
                # the scan read a whole unclosed apposition as the role ("Bram Holt, CEO Zalada
                # Indonesia mengatakan bahwa ..."); the attribution's own role is the title
                tracker.registry[sp.name] = sp
    tracker.mention_registered(text, quoted)
    tracker.mention_subjects(text, quoted)
    _introduced_speakers(text, quoted, parser, tracker)
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
    _finish_speakers(text, out, book, tracker, quoted, cb.lang)
    _no_empty_speakers(text, out, parser, tracker, quoted)
    _embedded_posts(text, out, book, tracker)
    return out


# the signature of an embedded post as sites print it: "… pic.twitter.com/x — Jane Roe
# (@janeroe) August 15, 2023"
_POST_SIGNATURE = re.compile(
    r"(?:\s*pic\.twitter\.com/\w+)?\s*[—–]\s*([^\n()@/:]{0,60}?)\s*\((@\w{1,30})\)\s+(?:on\s+)?"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},\s+\d{4}")
# what closes a post's text: links, mentions, hashtags, a signature's initials ("^GR"), arrows
_POST_TAIL = re.compile(r"(?:\s+(?:https?://\S+|pic\.twitter\.com/\S+|[@#]\w+|\^\w{1,4}|>>|»|[—–]\s*[^\s—–]{1,20}))+\s*$")


def _embedded_posts(text: str, recs: list[dict], book: SpeakerBook, tracker: SpeakerTracker) -> None:
    """Add each embedded post (a tweet printed with its signature, "— Jane Roe (@janeroe) August
    15, 2023") as a direct quote of its author with no cue, unless a quotation with a speaker
    already covers it. The author is typed as the gazetteer, the article's register or its
    other quotes type them; an unknown person is a member of the public (user), an unknown
    one-word account a firm."""
    for m in _POST_SIGNATURE.finditer(text):
        end = m.start()
        start = text.rfind("\n", 0, end) + 1
        if not text[start:end].strip():
            # the signature on a line of its own: the post is the line before it
            end = start - 1
            start = text.rfind("\n", 0, max(end, 0)) + 1
        body = text[start:end]
        tail = _POST_TAIL.search(body)
        body = body[: tail.start()] if tail else body
        lead = len(body) - len(body.lstrip())
        qs, qe = start + lead, start + len(body.rstrip())
        over = [r for r in recs if r["start"] < qe and qs < r["end"]]
        if qe - qs < 3 or any(r["speaker"] for r in over):
            continue
        for r in over:
            recs.remove(r)  # a quotation found without its author is this post
        name = re.sub(r"[^\w\s.'’-]", "", m.group(1)).strip() or m.group(2).lstrip("@")
        ent = book.lookup(name) or book.lookup(m.group(2))
        known = tracker.registry.get(name)
        said = next((r for r in recs if r["speaker"] == name), None)
        if ent is not None:
            name, typ = ent.name, ent.type
        elif said is not None:
            typ = said["speaker_type"]
        elif known is not None and known.type != "other":
            typ = known.type
        else:
            typ = "user" if len(name.split()) >= 2 else "company"
        recs.append({"quote": text[qs:qe], "speaker": name, "speaker_type": typ, "role": "", "cue": "",
                     "kind": "direct", "start": qs, "end": qe})
    recs.sort(key=lambda r: r["start"])


def _last_full_name(text: str, pos: int, book: SpeakerBook, quoted: list[tuple[int, int]]) -> str | None:
    """The last two- or three-word personal name the narrative writes before ``pos``."""
    got = None
    for m in re.finditer(r"(?<![\w@])[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2}(?![\w])", text[:pos]):
        name = m.group(0)
        if any(a <= m.start() < b for a, b in quoted) or not _name_like(name, book) or book.lookup(name) is not None \
                or book.find(name) or _opens_sentence_word(text, m.start(), name):
            continue
        if re.search(r"(?i)\b(?:his|her|their|istrinya|suaminya|anaknya)\s+(?:\w+\s+)?,?\s*$|(?i:\bhis|\bher|\btheir)\s+\w+,\s*$",
                     text[max(0, m.start() - 30):m.start()]):
            continue  # "He and his wife, Nanako Miller": a relative named beside the person
        last = re.escape(name.split()[-1])
        if not re.search(rf"(?<![\w])(?<![A-Z][a-z] )(?<![A-Z][a-z][a-z] ){last}(?![\w])(?!\s+[A-Z])", text.replace(name, " ")):
            continue  # news writes a person's surname alone after the full name ("Miller’s annoyance"); a place is not
        got = name
    return got


def _opens_sentence_word(text: str, pos: int, name: str) -> bool:
    """Is the first word of ``name`` an ordinary word capitalised because it opens a sentence?"""
    first = name.split()[0]
    before = text[max(0, pos - 3):pos]
    return (pos == 0 or bool(re.search(r"(?:[.!?”\"]\s*|\n)$", before))) and \
        bool(re.search(rf"(?<![\w]){first.lower()}(?![\w])", text))


def _no_empty_speakers(text: str, recs: list[dict], parser: "_Parser", tracker: SpeakerTracker,
                       quoted: list[tuple[int, int]] = ()) -> None:
    """Fill a speaker no rule found (in place) from a cue just after the quotation ("«…». Lo said
    the Deputy Prime Minister Matteo Salvini in a note"), else from the quotation before it in
    the same paragraph."""
    for i, r in enumerate(recs):
        if r["speaker"]:
            continue
        after = text[r["end"]:r["end"] + 250].split("\n")[0]
        sp = Speaker()
        m = parser.cb.rx["any"].search(after[:40])
        if m and not re.match(r"(?i)(?:nya)?\s+(?:kepada|to)\s", after[m.end():]) \
                and not re.match(r"\s*[.!?]", after[m.end():]):
            # ("ungkapnya kepada wartawan Muhammad Iqbal": the one spoken to is no speaker; nor is
            # the next sentence after "the ruling read.")
            sp = parser.after_phrase(after[m.end():])
            sp = tracker.resolve(sp, r["end"]) if (sp.name or sp.anaphor) else Speaker()
            if sp.name and not r["cue"]:
                r["cue"] = parser.cb.lemma_of(m.group(0).lower())
        if not sp.name:
            # the speaker of the quotation before it in the same paragraph (a second quotation
            # without its own cue continues the first); across paragraphs a guess would be worse
            # than no speaker
            para = text.rfind("\n", 0, r["start"])
            before = [x for x in recs[:i] if x["speaker"] and x["start"] > para]
            if before:
                recs[i].update(speaker=before[-1]["speaker"], speaker_type=before[-1]["speaker_type"],
                               role=before[-1]["role"])
            elif re.match(r"\W{0,4}\s*(?:he|she|dia|ia|beliau)\b", after):
                # "“…,” he said." with no person registered: the last full name the narrative
                # wrote before it ("Keith Miller’s monthly visit ... “…,” he said")
                name = _last_full_name(text, r["start"], tracker.book, quoted)
                if name:
                    typ = _introduced_type(text, name, tracker.book, quoted, parser.cb.lang) \
                        or ("user" if not _office_before(text, name, tracker.book)
                            and _member_of_public(text, name, quoted) else "other")
                    recs[i].update(speaker=name, speaker_type=typ)
            continue
        if sp.name:
            r.update(speaker=sp.name, speaker_type=sp.type if sp.type in SPEAKER_TYPES else "other", role=sp.role)


# --- 5. speakers the attribution left unnamed or untyped -----------------------------------
#
# The attribution gives a name and maybe a role ("kata Rudiantara", "Optus said"); the type
# often comes from elsewhere in the article. These passes run once every quote has its speaker,
# in this order (each only touches speakers the earlier ones left as "other"/unlisted):
#   1. _office_holder             "Menkominfo" (a gazetteer office) -> the holder this article names
#   2. _company_from_context      "Optus CEO ...", "Medibank's customers" -> company
#   3. _type_from_introduction    the role written before/after the name's first narrative
#                                 mention ("Menteri ... Rudiantara", "Oliver Dowden, the Digital
#                                 Secretary,") -> that role's type; an @handle -> user
#   4. _type_from_context         an acronym spelled out in the article (NPC -> National Privacy
#                                 Commission), company context for longer names, and the role
#                                 in the sentence before the first mention
#   5. _article_only_subjects, _defined_aliases, _titled_names, _described_speakers: bare
#      articles, defined short forms, offices before names, descriptions pointing back
#   6. _apply_register            the article's person register (section 6 below): account
#                                 handles -> the account's name; every short form of a person
#                                 -> the full name; one type per person from the roles written
#                                 with any of their forms (the introduction first)
# A new clue about a speaker's type belongs in one of these, not in the attribution parser.

def _finish_speakers(text: str, recs: list[dict], book: SpeakerBook, tracker: SpeakerTracker,
                     quoted: list[tuple[int, int]], lang: str) -> None:
    """Run the passes above over the finished records (in place)."""
    _office_holder(text, recs, book, tracker)
    _company_from_context(text, recs, book, quoted)
    _type_from_introduction(text, recs, book, quoted, lang)
    _type_from_context(text, recs, book, quoted)
    _article_only_subjects(text, recs, book, lang)
    _defined_aliases(text, recs, book, tracker, quoted, lang)
    _titled_names(text, recs, book)
    _described_speakers(text, recs, book, tracker, quoted)
    _apply_register(text, recs, book, tracker, quoted, lang)
    _attacker_groups(text, recs, book)
    _speaks_for_the_state(text, recs, book)
    _reporting_outlets(text, recs, book, quoted)


# the state as the actor of a quoted sentence: "OJK akan menerapkan sanksi", "pemerintah bakal
# merilis regulasi", "the government will"; a future or ongoing act in the body's own name
_STATE_ACTS = re.compile(r"(?i)\b(?:akan|bakal|terus|telah|sudah|belum|sedang|tengah|will|has|is|continues to)\b")


def _speaks_for_the_state(text: str, recs: list[dict], book: SpeakerBook) -> None:
    """A speaker the article names by one unlisted name and no role anywhere, who reports in
    their own quotes what a state body does or will do ("OJK akan menerapkan sanksi", "pemerintah
    bakal merilis regulasi") and names no firm or other body, speaks for the state: an official
    quoted on a continuation page or by a name every reader knows (coding rule 6: the type of the
    organisation the speaker speaks for)."""
    by_name: dict[str, list[dict]] = {}
    for r in recs:
        if r["speaker"]:
            by_name.setdefault(r["speaker"], []).append(r)
    for name, rs in by_name.items():
        if len(name.split()) != 1 or not name[:1].isupper() or name.isupper() or book.lookup(name) is not None \
                or any(r["role"] for r in rs) or any(r["speaker_type"] not in ("company", "other", "user") for r in rs):
            continue
        if re.search(rf"\b{re.escape(name)}\s+[A-Z][a-z]", text) or book.has_role_noun(name):
            continue  # a longer name or a role elsewhere: the other rules type it
        state = other = 0
        for r in rs:
            for sent in re.split(r"(?<=[.!?])\s+", r["quote"]):
                bodies = [e for _, _, e in book.find(sent) if e.kind != "person"]
                typ = bodies[0].type if bodies else book.type_of_org(sent)
                if typ == "government" and _STATE_ACTS.search(sent):
                    state += 1
                elif typ is not None and typ != "government":
                    other += 1
        # a person, not a body, when the next sentence points back with a personal pronoun
        # ("lanjut Meutya, ... Dia berharap", "Roe said ... He added")
        person = bool(re.search(rf"\b{re.escape(name)}\b[^.!?]*[.!?][”\"’]?\s+(?:Dia|Ia|Beliau|He|She)\b", text))
        if (state >= 2 or (state and person)) and not other:
            for r in rs:
                r["speaker_type"] = "government"


def _attacker_groups(text: str, recs: list[dict], book: SpeakerBook) -> None:
    """An unlisted name typed as a firm that the article calls a hacker or ransomware group
    ("the group, called Zentra", "Zentra hackers") is an attacker: other (coding rule 6)."""
    for r in recs:
        if r["speaker_type"] == "company" and r["speaker"] and book.lookup(r["speaker"]) is None \
                and attacker_group(text, r["speaker"]):
            r["speaker_type"] = "other"


# an outlet's name as the subject of a news-reporting verb, or after a citation cue: every
# mention of an unlisted outlet in the narrative looks like one of these
_OUTLET_SUBJECT = re.compile(r"\s*(?:\((?:[^()\n]{1,40})\)\s*)?(?:(?:has|had|also|first|previously|earlier|later|juga|sebelumnya|pertama)\s+)?"
                             r"(?:reported|reports|memberitakan|mewartakan|mengabarkan|melaporkan)\b")
_OUTLET_CITED = re.compile(r"(?i)(?:according to|reported by|told|dilansir(?: dari)?|dikutip(?: dari)?|mengutip|melansir|via|sumber:?|"
                           r"menurut laporan|laporan|report by|(?:said|told|kata|ujar)\w*\s+(?:to|kepada))\s+(?:the\s+)?$")
_OWN_AFFAIRS = re.compile(r"(?i)\b(?:its|our|we|kami|pihaknya|perusahaan(?:nya)?|its own)\b")


def _reporting_outlets(text: str, recs: list[dict], book: SpeakerBook, quoted: list[tuple[int, int]]) -> None:
    """An unlisted name whose only part in the article is to report news ("ITWebz reported
    that ...", "Zentranews memberitakan bahwa ...": the subject of a news-reporting verb, or
    named after a citation cue) is a news outlet: media (coding rule 6, outlets -> media).
    A firm that reports on its own affairs ("Zentra reported that its revenue ...") keeps its
    type, as does any name the narrative gives another part (an object, a possessive, a firm's
    context such as "Zentra's customers")."""
    by_name: dict[str, list[dict]] = {}
    for r in recs:
        if r["speaker"] and r["speaker_type"] in ("company", "other"):
            by_name.setdefault(r["speaker"], []).append(r)
    for name, rs in by_name.items():
        if book.lookup(name) is not None or any(r["role"] for r in rs) or not name[:1].isupper():
            continue
        if any(r["cue"] not in ("report", "lapor") for r in rs) or any(_OWN_AFFAIRS.search(r["quote"]) for r in rs):
            continue
        if len(name.split()) > 1 and not re.search(r"(?:News|Times|Post|Daily|Herald|Online|Media|Tribune|Journal|"
                                                   r"Standard|Reporter|Gazette|Observer|Wire|Today|Live|Insider)$", name):
            continue  # a two-word name is a person's, unless it ends in an outlet word
        mentions = [m for m in re.finditer(rf"(?<![\w@.]){re.escape(name)}(?![\w@])", text)
                    if not any(a <= m.start() < b for a, b in quoted)]
        if not mentions or not all(_OUTLET_SUBJECT.match(text, m.end()) or _OUTLET_CITED.search(text[max(0, m.start() - 40):m.start()])
                                   for m in mentions):
            continue
        for r in rs:
            r["speaker_type"] = "media"


def _has_company_context(text: str, name: str, quoted: list[tuple[int, int]]) -> bool:
    """Does the narrative give ``name`` what only a firm has ("Optus CEO", "Medibank's
    customers", "told the ASX")? Mentions inside quotations do not count."""
    rx = re.compile(rf"(?<![\w@]){re.escape(name)}{_COMPANY_CONTEXT}")
    return any(not any(a <= m.start() < b for a, b in quoted) for m in rx.finditer(text))


def _office_holder(text: str, recs: list[dict], book: SpeakerBook, tracker: SpeakerTracker) -> None:
    """An office the gazetteer lists as an alias of its holder at the time of the study
    ("Menkominfo" = Johnny G. Plate) means the holder the article names when it never names
    the listed one ("Menteri Komunikasi dan Informatika (Menkominfo) Budi Arie Setiadi ...
    Menkominfo kemudian meluruskan ...")."""
    low = text.lower()
    office = re.compile(r"(?i)\b(?:menteri|menko\w*|minister|secretary)\b[^.\n]{0,60}$")
    holders = [sp for sp in tracker.registry.values() if sp.is_person and not sp.entity and sp.type == "government"
               and office.search((sp.role or "") + " ")]
    for name in {r["speaker"] for r in recs if _name_like(r["speaker"], book) and book.lookup(r["speaker"]) is None} \
            - {h.name for h in holders}:
        # a speaker the narrative introduces with a minister's title ("Menteri Komunikasi dan
        # Informatika Rudiantara menegaskan ..."), though the registry keeps full names only
        if any(typ == "government" and office.search(role + " ") for _, typ, role in _introductions(text, name, book, [], "id")):
            holders.append(Speaker(name, "government", "", True))
    for a, b, e in book.find(text):
        # a listed person introduced with a minister's title ("Menkominfo Budi Arie Setiadi")
        if e.kind == "person" and e.type == "government" and office.search(text[max(0, a - 70):a]) \
                and not book.has_role_noun(text[a:b]):
            holders.append(Speaker(e.name, e.type, "", True, entity=True))
    for r in recs:
        ent = book.lookup(r["speaker"]) if r["speaker"] else None
        if ent is None or ent.kind != "person" or ent.type != "government":
            continue
        # the text must name the office as the gazetteer's alias ("Menkominfo") and never the
        # listed holder by any name of his
        forms = [low[a:b] for a, b, e in book.find(text) if e is ent]
        if not forms or any(not book.has_role_noun(f) or not office.search(f + " ") for f in forms):
            continue  # (only a minister's office: "Presiden Jokowi" names its holder)
        surname = ent.name.replace(".", "").split()[-1].lower()
        if re.search(rf"\b{re.escape(surname)}\b", low.replace(".", "")):
            continue  # the listed holder is named: the office is his
        names = {h.name for h in holders} - {ent.name}
        holders = [h for h in holders if h.name in names]
        if len(names) == 1:
            h = holders[0]
            r["speaker"], r["speaker_type"], r["role"] = h.name, h.type, r["role"] or h.role


def _company_from_context(text: str, recs: list[dict], book: SpeakerBook, quoted: list[tuple[int, int]]) -> None:
    """An unlisted one- or two-word organisation the article gives a CEO, a boss, customers or
    shareholders ("Optus CEO Kelly Bayer Rosmarin", "Medibank's customers") is a company, before
    any weaker clue (a role noun that happens to precede its first mention) types it."""
    for r in recs:
        name = r["speaker"]
        if not name or r["speaker_type"] not in ("other", "user", "government") or book.lookup(name) is not None:
            continue
        if len(name.split()) > 2 or not name[:1].isupper() or r["role"]:
            continue
        if _has_company_context(text, name, quoted):
            r["speaker_type"] = "company"


# what an article says of a firm and of nothing else: "Optus CEO", "Medibank's customers"
_COMPANY_CONTEXT = (r"(?:\s+[A-Z][a-z]+)?(?:'s|’s)?\s+(?:CEO|chief executive|chief \w+ officer|boss|spokes(?:man|woman|person)|"
                    r"customers|shareholders|shares|subscribers|board|chairman|managing director|Ltd|Inc|Pty|Group|"
                    r"told (?:the market|investors|the ASX|the stock exchange)|pelanggan|nasabah|konsumen)\b")


def _type_from_context(text: str, recs: list[dict], book: SpeakerBook, quoted: list[tuple[int, int]]) -> None:
    """Type organisations still left as "other" from what the article says of them.

    An acronym spelled out in the article ("the National Privacy Commission ... The NPC said")
    takes the name and type of its long form (gazetteer or organisation patterns: Commission,
    Kementerian, University ...); an unlisted name the article gives a CEO, a boss, customers or
    shareholders ("Optus CEO Kelly Bayer Rosmarin", "Medibank's customers") is a company.
    """
    for r in recs:
        name = r["speaker"]
        if r["speaker_type"] != "other" or not name or book.lookup(name) is not None:
            continue
        if re.fullmatch(r"[A-Z]{2,6}", name):
            long_form = _expand_acronym(text, name)
            if long_form:
                typ = book.type_of_org(long_form)
                if typ:
                    r["speaker"], r["speaker_type"] = long_form, typ
                    continue
        if len(name.split()) <= 3 and name[:1].isupper():
            if _has_company_context(text, name, quoted):
                r["speaker_type"] = "company"
                continue
            typ = _long_form_type(text, name, book)
            if typ:
                r["speaker_type"] = typ
                continue
            if len(name.split()) == 1 and not r["role"] and _member_of_public(text, name, quoted):
                r["speaker_type"] = "user"  # coding rule 6: a person with no role is a member of the public
                continue
            typ = _role_before_first_mention(text, name, book, quoted)
            if typ:
                r["speaker_type"] = typ


def _long_form_type(text: str, name: str, book: SpeakerBook) -> str | None:
    """The type of a longer name the article writes ``name`` as the start of, when its form makes
    it a firm, a public body or a university ("Delta" after "Delta Air Lines", "Johns Hopkins"
    after "Johns Hopkins University"); a product a firm names after itself ("the Kochava
    Collective") makes it no civil-society group."""
    for m in re.finditer(rf"(?<![\w@]){re.escape(name)}((?:\s+(?:of\s+|&\s+)?[A-Z][\w&'’-]*){{1,3}})", text):
        typ = book.type_of_org(name + m.group(1))
        if typ in ("company", "government", "researcher"):
            return typ
    return None


def _role_before_first_mention(text: str, name: str, book: SpeakerBook, quoted: list[tuple[int, int]]) -> str | None:
    """The type of the role that the sentence before a person's first mention names when the
    person is introduced by a role alone ("... the culture secretary has said. Oliver Dowden said
    ..."; "its founder and chief executive told MLex. “…,” Hoan Ton-That said"), else None.
    Only the subject of that sentence's last clause counts, and only when its role nouns agree
    on one type."""
    first = next((m for m in re.finditer(rf"(?<![\w@]){re.escape(name)}(?!\w)", text)
                  if not any(a <= m.start() < b for a, b in quoted)), None)
    if first is None:
        return None
    start = max(text.rfind(c, 0, first.start()) for c in ".!?\n")
    prev = text[max(0, start - 300):start + 1]
    prev = re.split(r"(?<=[.!?])[”\"’]?\s+|\n", prev.rstrip())[-1] if prev.strip() else ""
    prev = re.sub(r"[“\"][^”\"]*[”\"]", " ", prev)  # not the words of a quotation
    # the last clause: in "... regulators in the EU ..., its founder and chief executive told
    # MLex." the founder is introduced, not the regulators
    clause = re.split(r"[,;]\s+", prev)[-1]
    clause = re.sub(r"(?i)^(?:and|but|while|dan|namun|sementara)\s+", "", clause.strip())
    # only the subject of the last clause: a role in its first words ("its founder and chief
    # executive told ..."), not one further on ("lawyers ... are not sure the company's ...")
    head_end = sum(len(w) + 1 for w in clause.split()[:5])
    nouns = [n for n in book.role_nouns_in(clause) if n[0] < head_end
             # (a former post gives no present type: "by its former head of security")
             and not re.search(r"(?i)\b(?:former|mantan|ex-)\s*(?:[\w-]+\s+){0,2}$", clause[:n[0]])]
    if nouns:
        # a role that the clause gives another named person ("Tesla CEO and ... buyer Elon
        # Musk is seizing on ...") introduces that person, not this one
        after = clause[nouns[0][1]:nouns[0][1] + 60]
        if any(_name_like(m.group(0), book) and m.group(0) != name and not _short_form_of(m.group(0), name)
               for m in re.finditer(r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+", after)):
            return None
    types = {book.type_from_role(n[2]) for n in nouns} - {None, "other", "user"}
    return types.pop() if len(types) == 1 else None


def _expand_acronym(text: str, acronym: str) -> str | None:
    """The capitalised phrase whose initials spell ``acronym`` ("National Privacy Commission"
    for NPC), skipping of/and/for/the, or counting "of" and "and" when the acronym does
    ("Department of Energy" for DOE), or None."""
    rx = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:of|and|for|the|on|dan|untuk|&|[A-Z][\w'’-]*))*")
    for m in rx.finditer(text):
        words = m.group(0).split()
        for i in range(len(words)):
            if words[i][0] != acronym[0] or words[i].lower() in _ORG_STOPWORDS:
                continue
            for j in range(i + 1, len(words)):
                if words[j].lower() in _ORG_STOPWORDS:
                    continue  # (a name ends on a word of its own)
                span = words[i:j + 1]
                strict = "".join(w[0] for w in span if w.lower() not in _ORG_STOPWORDS)
                loose = "".join(w[0].upper() for w in span if w.lower() not in ("the", "&"))
                if acronym in (strict, loose):
                    return " ".join(span)
                if len(strict) >= len(acronym):
                    break
    return None


_CAP_TOKEN = r"[A-Z][\w'’.-]*"
_WHISTLEBLOWER = re.compile(r"(?i)\bwhistle-?blowers?\b|\bpelapor pelanggaran\b|\bpeniup peluit\b")
# abbreviated titles and ranks whose full stop ends no sentence
_LEGAL_FORM_STOP = re.compile(r"\b(Tbk|Inc|Corp|Ltd|Pty|Bhd|Co)\.(?=\s*[(<]|\s+[a-z])")
# sentence adverbs set off before a clause's subject ("Similarly, Acme ... said")
_SOURCE_FRAME = re.compile(r"(?i)(?:mengutip|melansir|dikutip dari|dilansir(?: dari)?|seperti dikutip(?: dari)?|"
                           r"as reported by|quoting|citing)\s")
_CLAUSE_ADVERB = re.compile(r"(?:Similarly|Likewise|Additionally|Moreover|Furthermore|Nevertheless|Nonetheless|Consequently|"
                            r"Conversely|Separately|Meanwhile|Meanwhile|Elsewhere|Ultimately|Notably|Importantly|Indeed)")

# abbreviated titles before a name ("Sen. Jane Roe", "Gov. ...", "Dr. ..."): no sentence ends there
_TITLE_ABBREV = re.compile(r"(?<![\w.])(?:Col|Gen|Lt|Maj|Capt|Adm|Sgt|Cmdr|Brig|Cpl|Dr|Mr|Mrs|Ms|Sen|Rep|Gov|Prof|Det|Supt|Insp)$")
_ABBREV_STOP = re.compile(r"\b(Col|Gen|Lt|Maj|Capt|Adm|Sgt|Cmdr|Brig|Cpl|Dr|Mr|Mrs|Ms|Sen|Rep|Gov|Prof|Jr|Sr|St|"
                          # Indonesian academic and religious titles ("dr. Made Wirawan", "Hj. Siti")
                          r"dr|drg|Drs|Dra|Ir|Hj|Det|Supt|Insp)\.(?=\s)")


def _type_from_introduction(text: str, recs: list[dict], book: SpeakerBook, quoted: list[tuple[int, int]],
                            lang: str) -> None:
    """Type speakers left as "other" from how the article introduced them.

    A speaker quoted by a short or single name ("kata Rudiantara", "ujar Henri") is often
    introduced once with a title that the quote does not repeat: "Menteri Komunikasi dan
    Informatika (Menkominfo) Rudiantara telah bertemu ...", "Staf Ahli Menteri ..., Henri
    Subiakto". The role words right before the first mention of the name in the narrative
    type the speaker (rule 3 of the speakers codebook); a Twitter handle is a user.
    """
    cache: dict[str, str | None] = {}
    for r in recs:
        name = r["speaker"]
        if r["speaker_type"] != "other" or not name:
            continue
        if name not in cache:
            cache[name] = _introduced_type(text, name, book, quoted, lang)
        if cache[name]:
            r["speaker_type"] = cache[name]


_NP_JOINERS = {"dan", "and", "of", "dari", "di", "at", "for", "the", "a", "an", "seorang", "sang", "para", "untuk",
               "bidang", "serta", "&", "-", "–", "—", "pada", "from", "with", "former", "mantan", "eks",
               # "pengguna bernama Tri ...", "an account named ...": the noun before names the person
               "bernama", "named", "called", "disapa", "berinisial"}
# words that end a noun phrase when read right to left: verbs, auxiliaries, adverbs
_NOT_IN_NP = re.compile(r"(?:(?:me|ber|di|ter|se)\w{4,}|\w+(?:ed|ing)|will|would|has|have|had|is|was|are|were|"
                        r"pun|akan|telah|sudah|langsung|juga|lalu|kemudian|yang|bahwa|that|who|which|said|says|"
                        r"kata|ujar|menurut|according|to|by|oleh|kepada|told)", re.IGNORECASE)


def _role_np_tail(words: list[str], book: SpeakerBook) -> list[str]:
    """The trailing words that can form one role phrase before a name ("pakar keamanan siber
    dari CISSReC"), read right to left up to the first verb or clause word: in "Pemerintah pun
    akan langsung memanggil Facebook" the role noun "Pemerintah" is the subject of a clause
    about Facebook, not Facebook's title."""
    kept: list[str] = []
    loose = 0
    for w in reversed(words):
        core = w.strip(",.;:()")
        low = core.lower()
        if not core:
            break
        if book.role_nouns_in(core) or low in book.title_words or low in _NP_JOINERS or core[:1].isupper() \
                or core[:1].isdigit():
            kept.append(w)
            continue
        if _NOT_IN_NP.fullmatch(low) or loose >= 2:
            break
        loose += 1  # a modifier inside the role ("cybersecurity", "siber", "independen")
        kept.append(w)
    return kept[::-1]


def _alias_introduced(text: str, name: str) -> bool:
    """Does the article introduce ``name`` as an alias ("under the alias 'zorBit'", "nama samaran
    X")? In breach coverage a forum alias is the attacker's or the seller's (coding rule 6: other)."""
    # ("warga dunia maya alias netizen": the Indonesian "alias" = "also called" names no alias)
    return bool(name) and any(c.isupper() for c in name) and bool(re.search(
        rf"(?i)(?:\b(?:the|an|by|under|with)\s+(?:online\s+)?(?:alias|pseudonym|moniker)|\bnama samaran|\bjulukan)"
        rf"\W{{0,3}}\s*[\"'‘“]?{re.escape(name)}(?![\w])", text))


def _introduced_type(text: str, name: str, book: SpeakerBook, quoted: list[tuple[int, int]], lang: str) -> str | None:
    """The type of the role the article first gives ``name`` in its narrative, else None."""
    if name.startswith("@"):
        return "user"  # "@gumi***", "@underthebreach": an account holder
    if _alias_introduced(text, name):
        return "other"  # "the chatbot's creator, known by the alias ‘zorBit’": a pseudonymous attacker or seller
    if " " not in name and re.search(rf"(?i)\b(?:akun|account|handle|pengguna|user)\s+@{re.escape(name)}[a-z]", text):
        return "user"  # "akun @rinakusuma88. Rina menyatakan": the holder of that account
    if book.lookup(name) is not None:
        return None
    if not name[:1].isupper() and book.has_role_noun(name):
        return None  # a description ("the whistleblower") is typed by its own noun, not introduced
    return next((typ for _, typ, _ in _introductions(text, name, book, quoted, lang)), None)


# words that open a predicate rather than an apposition ("Rusdiantara, mengatakan ...")
_PREDICATE_START = re.compile(r"(?:me|ber|di|ter)[a-z]{4,}|[a-z]{3,}ed|said|says|told|adds|is|was|has|had|will|would|"
                              r"juga|telah|sudah|akan|pun|kata|ujar|menurut|also")


_COPULAR_RELATIVE = re.compile(r"(?:\s+[A-Z][\w'’-]+){0,3}\s*,?\s*(?:yang|who)\s+(?:(?:saat ini|kini|sekarang|juga|is|was|also|currently)\s+)?"
                               r"(?:menjabat(?:\s+sebagai)?|menjadi|merupakan|adalah|serves as|is|was)\s+([^,.;:“”\"()]{3,80})")


def _introductions(text: str, name: str, book: SpeakerBook, quoted: list[tuple[int, int]], lang: str):
    """(position, type, role) of every role the narrative writes with ``name``: the role
    phrase right before a mention ("Menteri ... (Menkominfo) Rudiantara", "Kremlin spokesman
    Dmitry Peskov") or the apposition right after it ("Oliver Dowden, the UK's Digital
    Secretary,"), in reading order; only roles that give a type."""
    rx = re.compile(rf"(?<![\w@]){re.escape(name)}(?![\w])")
    for m in rx.finditer(text):
        if any(a <= m.start() < b for a, b in quoted):
            continue
        rank = re.search(rf"(?:{_RANK.pattern})\s*$", text[max(0, m.start() - 40):m.start()])
        if rank:
            # "Army Col. Robert Manning said": a military or police rank is an office of state
            yield m.start(), "government", rank.group(0).strip()
            continue
        # the sentence so far, without parenthesised abbreviations: "(Menkominfo)"
        line_start = max(text.rfind("\n", 0, m.start()) + 1, 0)
        head = text[line_start:m.start()]
        # (the full stop of an abbreviated title or rank ends no sentence: "spokesman Col. Rob")
        head = _ABBREV_STOP.sub(r"\1", head)
        # (nor does that of a firm's legal form inside a title: "Komisaris PT Bank Syariah
        # Indonesia Tbk. (BSI) Masduki Baidlowi", "CEO of Acme Inc. (Acme) Jane Roe", a stock
        # code after it: "KDDI Corp. <9433> President Makoto Takahashi")
        head = _LEGAL_FORM_STOP.sub(r"\1", head)
        head = re.split(r"[.!?“”\"]\s", head)[-1]
        head = re.sub(r"\([^)]{0,40}\)", " ", head)
        # the capitalised words of a longer form of the name belong to it, not to the role
        words = head.split()
        if words and words[-1] == ",":
            words.pop()  # "Menteri ... (Menkominfo), Rusdiantara": the comma the abbreviation left
        while words and re.fullmatch(_CAP_TOKEN, words[-1]) and words[-1].lower() not in book.title_words \
                and not book.role_nouns_in(words[-1]) \
                and not any(e.kind != "person" for _, _, e in book.find(words[-1].strip(",.;:"))):
            # (but an organisation the gazetteer knows ends the role: "juru bicara Kemenkes Rina Kusumawati")
            words.pop()
        framed = head.rstrip().rstrip(",").split(",")[-1].split() if head.rstrip().endswith(",") else []
        if framed and framed[0].lower() in _FRAMING_PREPOSITIONS:
            words = []  # "Dalam email kepada pelanggan, Lazada ...": a framing phrase, not a role
        if words and words[-1].lower() in _OBJECT_PREPOSITIONS:
            words = []  # "a GDPR complaint against OpenAI": the name is the object, not the role's holder
        words = _role_np_tail(words[-8:], book)
        tail = " ".join(words).strip(" ,")
        typ = book.type_from_role(tail, lang) if words else None
        if typ == "user" and len(name.split()) == 1 and words and book.role_nouns_in(words[-1]) \
                and not head.rstrip().endswith(","):
            typ = None  # "pengguna Cermati", "a customer letter that Quix": the firm's users, not a user
        if typ == "media" and not any(n[3] == "media" for n in book.role_nouns_in(tail)):
            typ = None  # "Dilansir dari Antara, Lolly ...": the outlet cited, not her employer
        if typ and (typ != "other" or _HACKER_ROLE.search(tail.lower()) or _WHISTLEBLOWER.search(tail)):
            # (a hacker or gang role types its holder "other" on purpose: "ransomware gang X")
            yield m.start(), typ, tail
            continue
        # or the apposition right after it: "Oliver Dowden, the UK's Digital Secretary, ..."
        app = re.match(r"(?:\s+[A-Z][\w'’-]+){0,3}\s*,\s*([^,.;:“”\"]{3,80})", text[m.end():])
        # (a relative clause describes the person, it gives no role: "Jane Doe, who represented
        # Acme users" is no user; "Nila, Chief ... Gojek yang dihubungi awak media" is no journalist)
        app_role = re.split(r"(?i)(?:^|\s)(?:who|which|whose|that|yang)\s", app.group(1).strip())[0] if app else ""
        lead = book.strip_determiners(app_role)
        # (an apposition opens with its role, "the UK's Digital Secretary", "peneliti ..."; a
        # verb after the comma opens the predicate: "Rusdiantara, mengatakan ...")
        first = lead.split()[0].lower() if lead.split() else "is"
        if app and book.has_role_noun(app_role) and not (_PREDICATE_START.fullmatch(first) and not book.role_nouns_in(first)):
            typ = book.type_from_role(app_role, lang)
            if typ and (typ != "other" or _WHISTLEBLOWER.search(app_role)):
                # (a whistle-blower is typed "other" on purpose: they speak against their employer)
                yield m.start(), typ, app_role
                continue
        # or a copular relative clause: "Merza Putra yang saat ini menjadi Presiden Direktur
        # Zentrafren", "Jane Roe, who is chief executive of Zentra": the post the clause names
        rel = _COPULAR_RELATIVE.match(text, m.end())
        if rel and book.has_role_noun(rel.group(1)):
            typ = book.type_from_role(rel.group(1), lang)
            if typ and typ != "other":
                yield m.start(), typ, rel.group(1)


def _word_quoted(head: str, after: str, content: str, cb: CueBook) -> bool:
    """Is a one-word quotation the speaker's word (said it was “disappointed”, called the
    research “incorrect.”) rather than a term (the ‘incognito’ mode, switched ‘on’ in the
    settings, berstatus ‘dugaan’)? It must follow a copula, or close its clause, and not follow
    a determiner, preposition, possessive or a naming word."""
    words = head.split()
    if not words:
        return False
    last = words[-1].lower().strip(",;:()")
    if (last in _TERM_MARKERS or last in _NAME_MARKERS or last.endswith(("'s", "’s", "s'", "s’"))
            or last in {w.lower() for w in cb.title_markers}):
        return False
    nxt = (after.split() or [""])[0].lower()
    closes = bool(re.match(r"[.,;!?]", content[-1:] + after.lstrip()[:1]))
    if last in _NP_OPENERS:
        # "address the “confusion” and ...": a noun of the speaker's; "the ‘incognito’ mode": a
        # word modifying the noun after it is a term
        return closes or nxt in _COORDINATORS
    return last in _COPULAS or closes


# nouns after which a quoted word is a label of a thing ("the ‘incognito’ mode"), not a quotation
_LABEL_NOUNS = {"mode", "modes", "feature", "features", "button", "buttons", "setting", "settings", "tab", "option",
                "options", "label", "status", "function", "menu", "version", "icon", "toggle", "switch", "folder",
                "category", "account", "filter", "page", "section", "list", "tag", "badge", "app", "fitur", "tombol",
                "menu", "opsi", "mode", "pengaturan", "label", "status", "versi", "aplikasi", "folder", "kategori",
                "search", "searches", "browsing", "window", "windows", "site", "sites", "content", "video", "videos"}


def _hosted_word(text: str, sp: "QSpan", head: str, content: str, prev_word: str, mid_clause: bool, title: bool,
                 cb: CueBook) -> bool:
    """Is a single quoted word inside a running clause a candidate partial quote (to be kept
    only if a reported clause holds it)? Lower-case words of four letters or more, not after a
    term or name marker, not labelling the noun after them."""
    if sp.close is None or title or not mid_clause:
        return False
    word = content.strip(" .,;:!?")
    if not re.fullmatch(r"[a-z][a-z'’-]{3,}", word):
        return False
    if prev_word in _TERM_MARKERS or prev_word in _NAME_MARKERS or prev_word.lower() in {w.lower() for w in cb.title_markers}:
        return False
    if re.search(r"(?:['’]s|s['’])\s*$", head):
        return False  # "the phone’s “metadata”": a thing's attribute, a term
    line_end = text.find("\n", sp.end)
    line = text[text.rfind("\n", 0, sp.open) + 1:len(text) if line_end < 0 else line_end].rstrip()
    if not re.search(r"[.!?”\"’')]$", line):
        return False  # a headline ("Xiaomi says it will let users turn off ‘incognito’ data collection")
    nxt = (re.findall(r"[\w-]+", text[sp.end:sp.end + 30]) or [""])[0].lower()
    return nxt not in _LABEL_NOUNS


# a quotation this long inside a sentence that reports speech is the speaker's words even when no
# rule reads the attribution ("and averred “transparency has always been ...”", "Xiaomi denied
# the allegations and claims it is “not owned, controlled or affiliated with ...”")
FALLBACK_WORDS = 6


# an age written as an apposition: "Vita, 23 tahun,", "Jane Roe, 34,", "aged 34"
_AGE_CHUNK = re.compile(r"(?:aged\s+|berusia\s+|umur\s+)?\d{1,3}(?:\s*(?:tahun|thn|th\.?|years? old|yo))?", re.IGNORECASE)
_WITH_SAYING = re.compile(r"\bwith\s+((?:[\w.'’-]+\s+){0,8}?[\w.'’-]+)\s+(saying|adding|warning|noting|telling|explaining)\b")


def _fallback_speaker(text: str, sp: "QSpan", parser: "_Parser") -> tuple[Speaker, str] | None:
    """(speaker, cue) for a long partial quote that no reported clause holds: the subject that
    opens its sentence when the sentence has a reporting or naming verb before the quotation,
    else None."""
    content = text[sp.cs:sp.ce]
    if _words(content) < FALLBACK_WORDS:
        return None
    line_start = text.rfind("\n", 0, sp.open) + 1
    head = text[line_start:sp.open]
    head = re.split(r"(?<=[.!?])[”\"’]?\s+(?=[“\"A-Z])", head)[-1]
    cue = None
    for m in parser.cb.rx["any"].finditer(head):
        cue = m
    naming = re.search(r"\b(" + _alt(_NAMING_VERBS) + r")\b", head, re.IGNORECASE)
    if cue is None and naming is None:
        return None
    with_np = _WITH_SAYING.search(head)
    if with_np:
        # "..., with AFP Assistant Commissioner Justine Gough saying they're “...”": the noun
        # phrase of the absolute "with X saying" is the speaker, not the sentence's subject
        subj = parser.plausible(parser.book.parse(with_np.group(1), parser.lang))
        if not parser.speaker_like(subj):
            subj = parser.lead_np(with_np.group(1))
        if parser.speaker_like(subj):
            return subj, parser.cb.lemma_of(with_np.group(2))
    verb_at = min(x.start() for x in (cue, naming) if x is not None)
    subj = parser.lead_np(head[:verb_at])
    if not parser.speaker_like(subj):
        return None
    lemma = parser.cb.lemma_of(cue.group(0)) if cue is not None else naming.group(1).lower()
    return subj, lemma


def _partial_quotes(text: str, partials: list[tuple[QSpan, Attr | None]], recs: list[_Rec],
                    parser: "_Parser | None" = None) -> list[_Rec]:
    """Partial (mixed) quotes: quoted words inside the writer's sentence that reproduce a speaker.

    Following PARC 3.0 and the Gender Gap Tracker, The company said it was “deeply sorry” holds
    a direct quote (“deeply sorry”) besides the indirect one (it was deeply sorry): the marks
    show the speaker's own words. The speaker is the attribution found next to the quotation
    (Terming the claims “incorrect,” Jain said ...), else that of the reported clause the
    quotation sits in. Quoted words in a sentence that attributes them to nobody are scare
    quotes or terms and give nothing.
    """
    out: list[_Rec] = []
    clauses = [r for r in recs if r.kind == "indirect"]
    for sp, attr in partials:
        if attr is not None:
            speaker, cue, pos = attr.speaker, attr.cue, sp.cs
        else:
            host = [r for r in clauses if r.start <= sp.cs and sp.ce <= r.end + 1]
            if not host:
                fb = _fallback_speaker(text, sp, parser) if parser is not None else None
                if fb is None:
                    continue
                speaker, cue = fb
                out.append(_Rec(sp.cs, sp.ce, "direct", _clean_quote(text[sp.cs:sp.ce]), cue, speaker, sp.cs))
                continue
            r = min(host, key=lambda r: r.end - r.start)
            speaker, cue, pos = r.speaker, r.cue, r.pos
        out.append(_Rec(sp.cs, sp.ce, "direct", _clean_quote(text[sp.cs:sp.ce]), cue, speaker, pos))
    return out


# words after which a quoted single word is a label or term, not a quotation
_TERM_MARKERS = {"so-called", "dubbed", "term", "termed", "word", "label", "labelled", "labeled", "status", "mode",
                 "berstatus", "label", "istilah", "disebut", "dijuluki", "bernama", "kata", "sebutan", "status"}

# verbs of calling whose subject speaks the quoted words after them (partial quotes only)
_NAMING_VERBS = ["called", "calls", "call", "described", "describes", "termed", "terms", "branded", "brands",
                 "labelled", "labeled", "slammed", "threatened", "threatens", "warned", "warns", "vowed", "vows",
                 "pledged", "pledges", "promised", "promises", "criticizing", "criticising", "criticized",
                 "criticised", "menyebutnya", "menjuluki",
                 # accusing and dismissing name the speaker's words too ("accused Twitter of ‘having an
                 # agenda’", "dismissed as “absurd”"); a participle after a comma belongs to the
                 # sentence's subject ("..., calling the world's richest man “an arrogant billionaire”")
                 "accused", "accuses", "accusing", "dismissed", "dismisses", "dismissing", "calling", "describing",
                 "branding", "labelling", "labeling", "terming", "slamming", "decried", "derided",
                 # praise and characterisation name them too ("hailed the ruling as an “epoch-making
                 # turning point”", "referred to the ruling as a “watershed moment”")
                 "hailed", "hails", "hailing", "characterized", "characterised", "characterizing",
                 "characterising", "referred", "referring"]
# words after which a quotation is a name or a term, whatever its length ("tim khusus yaitu
# ‘emergency response team’", "a feature dubbed ‘Clear History’")
_NAME_MARKERS = {"yaitu", "yakni", "namely", "dubbed", "named", "so-called", "bertajuk", "bernama", "berjudul",
                 "disebut", "dijuluki", "istilah", "titled", "entitled"}

_DAY_MONTH = {"senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "monday", "tuesday", "wednesday",
              "thursday", "friday", "saturday", "sunday", "januari", "februari", "maret", "april", "mei", "juni",
              "juli", "agustus", "september", "oktober", "november", "desember", "january", "february", "march",
              "may", "june", "july", "august", "october", "december", "today", "yesterday", "kemarin"}

_COORDINATORS = {"and", "or", "dan", "atau", "serta"}

_COPULAS = {"is", "was", "are", "were", "be", "been", "being", "remain", "remains", "seemed", "seems", "became",
            "adalah", "merupakan", "sangat", "amat", "begitu", "terlalu"}

_NEGATION = {"not", "never", "n't", "tidak", "belum", "tak", "bukan", "enggan", "didn't", "hasn't", "haven't", "won't"}
_NON_SUBJECT_BEFORE = {"the", "a", "an", "as", "is", "was", "be", "been", "being", "were", "are", "to", "untuk",
                       "akan", "dapat", "bisa", "harus", "ingin", "mau", "perlu", "sempat", "would", "could",
                       "should", "will", "can", "may", "might", "must", "did", "does", "do",
                       # a noun after a preposition or determiner: "against claims that", "its claims"
                       "against", "about", "amid", "despite", "following", "over", "of", "on", "with", "for",
                       "by", "from", "into", "his", "her", "their", "its", "these", "those", "such", "new",
                       "any", "no", "our", "your", "my", "terhadap", "atas", "soal", "tentang", "mengenai",
                       "dengan", "dari", "oleh", "sebuah", "para"}
_TELL = {"told", "tells", "tell", "telling"}
# words that open a sentence with a participial phrase before its subject
_PARTICIPIAL_OPENERS = {"menanggapi", "merespons", "merespon", "terkait", "mengenai", "soal", "responding", "following",
                        "asked", "commenting", "ditanya", "dikonfirmasi", "dihubungi", "speaking", "writing", "talking",
                        "testifying", "appearing", "berbicara", "ditemui"}
# words before a cue form that make it a noun ("social media posts", "news reports")
_NOUN_MODIFIERS = {"media", "social", "blog", "news", "press", "twitter", "facebook", "instagram", "forum", "online",
                   "recent", "latest", "earlier", "several", "many", "some", "these", "those", "two", "three"}
# nouns whose "that" clause is their content, not reported speech ("the myth that ...")
_NOUN_THAT = {"myth", "idea", "fact", "notion", "impression", "allegation", "allegations", "rumour", "rumor",
              "rumours", "rumors", "suggestion", "assumption", "fear", "fears", "concern", "concerns", "possibility",
              "evidence", "sense", "hope", "hopes", "anggapan", "kabar", "isu", "dugaan", "tudingan", "tuduhan"}
# words after which a quotation mark opens a noun phrase (a term, a title, a fragment)
_NP_OPENERS = {"of", "to", "as", "for", "with", "by", "from", "into", "on", "at", "in", "about", "the", "a", "an",
               "its", "their", "his", "her", "our", "this", "these", "such", "dari", "ke", "sebagai", "untuk",
               "dengan", "oleh", "tentang", "soal", "terhadap", "atas", "para", "sebuah", "seorang"}
# words that open an apposition describing the speaker before them ("X, selaku peneliti, ...")
_APPOSITION_MARKERS = {"selaku", "sebagai"}
# participles that name what precedes them ("The group, called Zentrafire, said"): the clause is
# the name, not a description to drop
_NAMING_PARTICIPLES = {"called", "named", "dubbed", "titled", "entitled", "nicknamed", "branded", "calling", "naming"}
# past participles that open a describing clause without "-ed" ("Park Dae-jun, CEO of the company,
# known as ..., posted")
_IRREGULAR_PARTICIPLES = {"known", "born", "seen", "given", "taken", "chosen", "sworn", "built", "made", "left"}
# "posted a video saying ...": a participle after one of these reports
_MEDIUM_NOUNS = {"statement", "post", "video", "tweet", "message", "email", "letter", "note", "blog", "memo",
                 "release", "comment", "comments", "update", "notice", "thread"}
# "repeated the company's position that ...": the content follows the stance noun
_STANCE_NOUNS = {"position", "view", "claim", "argument", "stance", "line", "assertion", "belief", "insistence",
                 "pendapat", "klaim", "pernyataan", "pandangan", "sikap"}


def _indirect(text: str, s: int, e: int, parser: _Parser) -> list[_Rec]:
    """Reported-speech records of the sentence text[s:e] (clauses split at semicolons)."""
    out: list[_Rec] = []
    start = s
    for m in re.finditer(r";|$", text[s:e]):
        end = s + m.start()
        if text[start:end].strip():
            lead = len(text[start:end]) - len(text[start:end].lstrip())
            out += _indirect_clause(text, start + lead, end, parser)
        start = s + m.end()
        if m.group(0) == "":
            break
    return out


def _make_rec(text: str, s: int, cs: int, ce: int, sp: Speaker, cue: str, parser: _Parser,
              attribution: tuple[int, int] | None = None) -> _Rec | None:
    """A record for the reported content text[s+cs : s+ce] (offsets relative to ``s``)."""
    cb = parser.cb
    seg = text[s + cs:s + ce]
    lead = re.match(r"\s*(?:(?:" + cb.rx["complement"].pattern + r")\s+|[:,]\s*)?", seg, re.IGNORECASE)
    if lead and _words(seg[lead.end():]) >= 3:
        cs += lead.end()  # "Xiaomi says that is unremarkable": keep a demonstrative "that"
    else:
        cs += len(seg) - len(seg.lstrip())
    while ce > cs and text[s + ce - 1] in " ,;:.":
        ce -= 1
    second = _SECOND_PREDICATE.search(text, s + cs, s + ce)
    if second and _words(text[s + cs:second.start()]) >= 3:
        ce = second.start() - s  # "told The Verge that X, but declined to say Y": X is reported
    content = text[s + cs:s + ce]
    if attribution is not None:
        a, b = attribution
        content = text[s + cs:s + a] + " " + text[s + b:s + ce]
    if _words(content) < 3 or not parser.speaker_like(sp):
        return None
    return _Rec(s + cs, s + ce, "indirect", " ".join(text[s + cs:s + ce].split()), cue, sp, s)


_SECOND_PREDICATE = re.compile(
    r",\s+(?:but|and|yet|namun|tetapi|tapi|dan)\s+(?:also\s+|juga\s+)?(?:declined|refused|did not|didn't|would not|"
    r"wouldn't|could not|couldn't|stopped short|enggan|menolak|tidak mau|belum mau|tak mau)\b", re.IGNORECASE)


def _is_media(sp: Speaker) -> bool:
    return sp.anaphor is None and sp.type == "media"


def _indirect_clause(text: str, s: int, e: int, parser: _Parser) -> list[_Rec]:
    """Reported speech in one clause text[s:e]: patterns A-D of the module docstring."""
    cb, book, lang = parser.cb, parser.book, parser.lang
    sent = text[s:e]
    body_end = len(sent.rstrip().rstrip(".!?…").rstrip())
    body = sent[:body_end]
    acc = cb.rx["according"].pattern

    def via_media(r: _Rec, cs: int, ce: int) -> list[_Rec]:
        # "according to Forbes, Cirlig said ...", "..., prosecutors said, according to the
        # Times": the person speaks, the outlet is cited
        if _is_media(r.speaker):
            inner = _reported(text, s + cs, s + ce, parser)
            if not inner and cs == 0:
                inner = _indirect_clause(text, s, s + ce, parser)
            if inner and not _is_media(inner[0].speaker):
                return inner
        return [r]

    # A0. "Menurut Forbes pengumpulan data itu ..." (no comma after the speaker): a listed name
    #     or a pronoun right after the cue, then the reported clause in lower case
    m = re.match(r"\s*(?:[\w-]+\s*,\s*)?(" + acc + r")\s+", body, re.IGNORECASE)
    if m:
        rest = body[m.end():]
        hits = book.find(rest)
        end = hits[0][1] if hits and hits[0][0] == 0 else 0
        if not end:
            pron = re.match(r"(?:dia|ia|mereka|beliau|him|her|them|it)(?=\s)", rest, re.IGNORECASE)
            end = pron.end() if pron else 0
        after = rest[end:]
        nxt = re.match(r"\s+([a-z][\w-]*)", after)
        if end and nxt and nxt.group(1).lower() not in cb.affiliation | cb.stop | {"dan", "and", "yang", "who"} \
                and not book.has_role_noun(nxt.group(1)):
            sp = parser.plausible(book.parse(rest[:end], lang))
            r = _make_rec(text, s, m.end() + end, body_end, sp, cb.according_lemma, parser)
            if r:
                return via_media(r, m.end() + end, body_end)
    # A. "Menurut X, ..." / "According to X, a role, ..."
    m = re.match(r"\s*(?:[\w-]+\s*,\s*)?(" + acc + r")\s+([^,]+?)\s*,\s*", body, re.IGNORECASE)
    if m:
        rest_at = m.end()
        app = ""
        m2 = re.match(r"([^,]{2,90}?)\s*,\s*", body[rest_at:])
        if m2 and not book.lookup(m.group(2)) and (book.looks_like_name(m2.group(1)) or book.looks_like_role(m2.group(1))
                                                   or parser._descriptive(m2.group(1))):
            app, rest_at = m2.group(1), rest_at + m2.end()
        sp = parser.plausible(book.parse(m.group(2), lang, app))
        r = _make_rec(text, s, rest_at, body_end, sp, cb.according_lemma, parser)
        if r:
            return via_media(r, rest_at, body_end)
    # A2. "Menurutnya, ..." / "Kata Oka, ..." (an inverted cue opening the sentence)
    if cb.according_suffixed:
        m = re.match(r"\s*(?:[\w-]+\s*,\s*)?(" + _alt(cb.according_suffixed) + r")\s*,\s*", body, re.IGNORECASE)
        if m:
            r = _make_rec(text, s, m.end(), body_end, Speaker(anaphor="any", role="-nya"), cb.according_lemma, parser)
            if r:
                return [r]
    m = re.match(r"\s*(" + cb.rx["inverted"].pattern + r")\s+([^,]{1,60}?)\s*,\s*", body, re.IGNORECASE)
    if m and lang == "id":
        sp = parser.after_phrase(m.group(2), strict=True)
        r = _make_rec(text, s, m.end(), body_end, sp, cb.lemma_of(m.group(1)), parser)
        if r:
            return [r]
    # B. "..., menurut X, ..." / "..., according to X."
    for m in re.finditer(r",\s*(" + acc + r")\s+([^,;]+?)\s*(?:,|$)", body, re.IGNORECASE):
        sp = parser.after_phrase(m.group(2))
        if m.end() >= body_end - 1:
            r = _make_rec(text, s, 0, m.start(), sp, cb.according_lemma, parser)
            if r:
                return via_media(r, 0, m.start())
        else:
            r = _make_rec(text, s, 0, body_end, sp, cb.according_lemma, parser, (m.start(), m.end()))
            if r:
                return [r]
    # C. attribution set off by commas: "..., kata perusahaan itu, ...", "Data itu, jelas
    #    perusahaan, ...", "..., katanya.", "..., the company said.", "..., said Cirlig."
    pats = [(r",\s*(" + cb.rx["inverted"].pattern + r")\s+([^,;]{1,70}?)\s*(?:,|$)", "inv")]
    if cb.rx["suffixed"] is not None:
        pats.append((r",\s*(" + cb.rx["suffixed"].pattern + r")\s*(?:,|$)", "suf"))
    pats.append((r",\s*([^,;]{1,50}?)\s+(" + cb.rx["active"].pattern + r")\s*(?:,|$)", "act"))
    for pat, how in pats:
        for m in re.finditer(pat, body, re.IGNORECASE):
            if how == "inv":
                sp, cue = parser.after_phrase(m.group(2), strict=True), m.group(1)
            elif how == "suf":
                sp, cue = Speaker(anaphor="any", role="-nya"), m.group(1)
            else:
                if m.group(2).lower() in cb.needs_complement and m.end() < body_end:
                    continue
                pre = body[:m.start()].strip()
                if m.end() < body_end and pre and len(pre.split()) <= 10 and not cb.rx["any"].search(pre) \
                        and parser._w(pre.split()[0]) not in _FRAMING_PREPOSITIONS \
                        and (book.looks_like_role(pre) or book.type_of_org(pre)) and book.looks_like_name(m.group(1)):
                    # "VP of Corporate Communications Tokopedia, Nuraini Razak menjelaskan, ...":
                    # the role opens the sentence, the name follows in apposition, then the verb
                    sp = parser.plausible(book.parse(pre, lang, m.group(1)))
                    r = _make_rec(text, s, m.end(), body_end, sp, cb.lemma_of(m.group(2)), parser)
                    if r:
                        return [r]
                sp, cue = parser.subject_phrase(m.group(1)), m.group(2)
                if sp.anaphor is None and not sp.name:
                    continue
            if not parser.speaker_like(sp):
                continue
            if m.end() >= body_end:
                r = _make_rec(text, s, 0, m.start(), sp, cb.lemma_of(cue), parser)
                if r and _is_media(sp):
                    # "TikTok says it will stop ..., the Telegraph reported": TikTok speaks
                    return via_media(r, 0, m.start())
            else:
                r = _make_rec(text, s, 0, body_end, sp, cb.lemma_of(cue), parser, (m.start(), m.end()))
            if r:
                return [r]
    # D. "X mengatakan (bahwa) ...", "X said (that) ...", "X told Forbes (that) ..."
    return _reported(text, s, s + body_end, parser)


# the lemmas of appeals, whose addressee opens their content ("mengimbau kepada X untuk ...")
_APPEALS = {"imbau", "minta", "ingat", "harap"}


def _content_start(body: str, m: re.Match, verb: str, parser: _Parser) -> int | None:
    """Where the reported content begins after the verb ``m`` (None: nothing is reported)."""
    cb = parser.cb
    after = body[m.end():]
    fillers = cb.stop | cb.subject_cut | {"kepada", "dalam", "melalui", "lewat", "di", "pada", "on", "in", "to"}
    comp = re.search(r"(?:^|\s)(" + cb.rx["complement"].pattern + r")\s", after, re.IGNORECASE)
    if comp and cb.rx["any"].match(after[comp.end():]):
        comp = None  # "responded to a report that said ...": a relative pronoun, not "that" + content
    if comp and after[: comp.start()].split() and parser._w(after[: comp.start()].split()[-1]) in _NOUN_THAT:
        comp = None  # "posted a FAQ to dispel the myth that ...": the clause belongs to the noun
    if comp:
        between = after[: comp.start()].split()
        ok = (not between or parser._w(between[0]) in fillers or (verb in _TELL and len(between) <= 4)
              or (len(between) <= 3 and all(t[:1].isupper() for t in between))
              or (len(between) <= 4 and parser._w(between[-1]) in _STANCE_NOUNS))
        if ok and len(between) <= 10 and not re.search(r"[“”\",]", after[: comp.start()]):
            if _words(after[comp.end():]) >= 3:
                return m.end() + comp.end()
    lead = re.match(r"\s*[:,]\s*", after)
    if verb in cb.needs_complement:
        return m.end() + lead.end() if lead else None
    at = lead.end() if lead else 0
    if verb in _TELL:
        obj = re.match(r"\s*((?:the\s+)?(?:[A-Z][\w.'’-]*\s+){1,4}|(?:reporters|journalists|us|me|him|her|them|media|wartawan)\s+)", after[at:])
        if obj:
            at += obj.end()
    toks = after[at:].split()
    if toks and parser._w(toks[0]) == "kepada" and cb.lemma_of(verb) in _APPEALS \
            and re.match(r"\s*kepada\s+(?:\S+\s+){1,6}?(?:untuk|agar|supaya)\s", after[at:], re.IGNORECASE):
        # "mengimbau kepada para nasabah untuk tetap waspada": whom the appeal addresses and what
        # it asks are the content
        return m.end() + at + after[at:].lower().find("kepada") + len("kepada ")
    # ("mengatakan saat ini kasus sudah ...": "saat ini", now, opens the content, not an adverbial)
    now = len(toks) > 1 and parser._w(toks[0]) in ("saat", "pada") and parser._w(toks[1]) in ("ini", "itu")
    if toks and parser._w(toks[0]) in fillers and parser._w(toks[0]) not in cb.complementizers and not now:
        # "said in a statement on Saturday, ...": a short adverbial before the content
        comma = after.find(",", at)
        if 0 <= comma and len(after[at:comma].split()) <= 7:
            return m.end() + comma + 1
        return None
    return m.end() + at


def _reported(text: str, s: int, e: int, parser: _Parser) -> list[_Rec]:
    """Pattern D over text[s:e]: subject + reporting verb + content, possibly several clauses
    ("Sepekan setelah Forbes memberitakan X, sebagian pemilik ponsel mengaku Y")."""
    cb = parser.cb
    body = text[s:e]
    recs: list[_Rec] = []
    prev_sp: Speaker | None = None
    prev_verb_end = 0
    for m in cb.rx["active"].finditer(body):
        if m.start() == 0:
            continue
        if m.group(0)[:1].isupper() and not re.search(r"[.!?:“\"]\s*$", body[:m.start()]):
            continue  # "The United States government": a capitalised cue form is part of a name
        verb = m.group(0).lower()
        before = body[: m.start()]
        if len(before.split()) > 40:
            break
        if re.fullmatch(r"\s*(?:that|having|that being)\s*", before, re.IGNORECASE) and body[m.end():m.end() + 1] == ",":
            continue  # "That said, Xiaomi maintained ...": a discourse marker, not a report
        prev_words = [parser._w(t) for t in before.split()[-2:]]
        if any(w in _NEGATION for w in prev_words):
            continue
        if prev_words and prev_words[-1] in _NON_SUBJECT_BEFORE \
                and not (prev_words[-1] in ("did", "does") and cb.lemma_of(verb) == verb and len(before.split()) >= 2):
            continue  # (but "The healthcare giant did confirm that ...": emphatic do + base form)
        if verb.endswith("ing") and not before.rstrip().endswith(",") \
                and parser._w(before.split()[-1] if before.split() else "") not in _MEDIUM_NOUNS:
            continue  # "the more telling detail": a participle reports after a comma or "a video saying"
        if recs and m.start() < recs[-1].end - s:
            # a second reporting clause inside the content: split only when someone else speaks
            comma = body.rfind(",", recs[-1].start - s, m.start())
            if comma < 0:
                continue
            sp = parser.subject_phrase(body[comma + 1:m.start()])
            if not sp.name or _same(sp, recs[-1].speaker):
                continue
            last = recs[-1]
            cut = comma
            while cut > last.start - s and body[cut - 1] in " ,":
                cut -= 1
            if _words(text[last.start:s + cut]) < 3:
                continue
            last.end = s + cut
            last.quote = " ".join(text[last.start:last.end].split())
        elif verb in cb.participles:
            sp = prev_sp or parser.lead_np(before)
        else:
            sp = parser.subject_phrase(before)
            if not parser.speaker_like(sp):
                seg = before[prev_verb_end:].strip()
                last_w = parser._w(seg.split()[-1]) if seg else ""
                if prev_sp is not None and (not seg or seg.endswith(",") or last_w in cb.conjunctions):
                    sp = prev_sp
                elif last_w in cb.conjunctions:
                    sp = parser.lead_np(before)
        prev_verb_end = m.end()
        if not parser.speaker_like(sp):
            continue
        prev_sp = sp
        at = _content_start(body, m, verb, parser)
        if at is None:
            continue
        end = len(body)
        # a subject after a subordinator ("When Forbes reported ... , much of ...") reports
        # only up to the end of that subordinate clause
        tail_toks = [parser._w(t) for t in before.split()[-5:]]
        if any(t in cb.subordinators for t in tail_toks):
            comma = body.find(",", at)
            if comma > 0:
                end = comma
        r = _make_rec(text, s, at, end, sp, cb.lemma_of(verb), parser)
        if r:
            r.pos = s + m.start()
            recs.append(r)
    return recs


def _same(a: Speaker, b: Speaker) -> bool:
    if a.anaphor or b.anaphor:
        return True
    return a.name.lower() == b.name.lower()



# --- tables for the notebooks ---------------------------------------------------------------


def voice_table(quotes: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Per article and speaker type: quotes, quoted words, their share, and who is quoted first.

    ``quotes`` is quotes.csv (article_id, kind, speaker, speaker_type, quote, start, ...);
    ``articles`` is articles.csv (id, group, outlet, n_words, ...). Only coded articles appear
    (language id/en and some text, the rule frames.csv uses too: a page whose text could not be
    extracted quotes nobody because it was not read, not because it is silent); a type an
    article does not quote gets zeros, so shares over articles are proportions of the group's
    coded articles.
    Columns: article_id, group, outlet, speaker_type, quotes, direct, quoted_words,
    article_words, word_share, quoted (0/1), first_quote (0/1).
    """
    from .config import ANALYSED_LANGUAGES

    has_text = articles["text"].fillna("").astype(str).str.strip().ne("") if "text" in articles else True
    arts = articles[articles["language"].isin(ANALYSED_LANGUAGES) & has_text].copy()
    counted = arts["text"].fillna("").astype(str).map(_words) if "text" in arts else 0
    arts["article_words"] = pd.to_numeric(arts.get("n_words"), errors="coerce").fillna(counted)
    q = quotes.copy()
    if q.empty:
        q = pd.DataFrame({c: pd.Series(dtype=object) for c in ["article_id", "kind", "speaker_type", "quote", "start"]})
    q["article_id"] = q["article_id"].astype(str)
    q["speaker_type"] = q["speaker_type"].fillna("other").replace("", "other")
    q["words"] = q["quote"].fillna("").astype(str).map(_words)
    q["start"] = pd.to_numeric(q["start"], errors="coerce")
    q["is_direct"] = (q["kind"] == "direct").astype(int)
    agg = q.groupby(["article_id", "speaker_type"]).agg(
        quotes=("words", "size"), direct=("is_direct", "sum"), quoted_words=("words", "sum")).reset_index()
    first = q.sort_values(["article_id", "start"]).drop_duplicates("article_id")[["article_id", "speaker_type"]]
    first = first.assign(first_quote=1)
    grid = pd.MultiIndex.from_product([arts["id"], list(SPEAKER_TYPES)], names=["article_id", "speaker_type"]).to_frame(index=False)
    grid["article_id"] = grid["article_id"].astype(str)
    out = grid.merge(agg, how="left", on=["article_id", "speaker_type"]).merge(first, how="left", on=["article_id", "speaker_type"])
    counts = ["quotes", "direct", "quoted_words", "first_quote"]
    out[counts] = out[counts].apply(pd.to_numeric, errors="coerce").fillna(0).astype(int)
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
    q = _with_group(quotes, articles)
    q = q[q["cue"].fillna("") != ""]
    if q.empty:
        return pd.DataFrame(columns=["group", "speaker_type", "cue", "quotes", "share"])
    keep = q["cue"].value_counts().head(top).index
    q = q.assign(cue=q["cue"].where(q["cue"].isin(keep), "(other)"))
    t = q.groupby(["group", "speaker_type", "cue"]).size().rename("quotes").reset_index()
    t["share"] = t["quotes"] / t.groupby("group")["quotes"].transform("sum")
    return t.sort_values(["group", "quotes", "cue"], ascending=[True, False, True]).reset_index(drop=True)


def _with_group(quotes: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Quotes joined to their article's group. Both ids are compared as text: a run without a
    single quote has an all-empty (float64) article_id column, which must still join the
    articles' str ids instead of raising a dtype error."""
    cols = list(dict.fromkeys([*QUOTE_FIELDS, "article_id", *quotes.columns]))
    q = quotes.reindex(columns=cols).astype({"article_id": str, "speaker": object, "speaker_type": object,
                                              "cue": object, "quote": object, "kind": object})
    a = articles[["id", "group"]].rename(columns={"id": "article_id"}).astype({"article_id": str})
    return q.merge(a, on="article_id", how="inner")


def speaker_table(quotes: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Who was quoted: per group and speaker, number of quotes and of articles quoting them.

    Columns: group, speaker, speaker_type, quotes, articles (no rows when nobody was quoted)."""
    q = _with_group(quotes, articles)
    if q.empty:
        return pd.DataFrame({"group": pd.Series(dtype=object), "speaker": pd.Series(dtype=object),
                             "speaker_type": pd.Series(dtype=object), "quotes": pd.Series(dtype=int),
                             "articles": pd.Series(dtype=int)})
    q = q.assign(speaker=q["speaker"].fillna("").replace("", "(unattributed)"))
    t = q.groupby(["group", "speaker", "speaker_type"]).agg(quotes=("quote", "size"), articles=("article_id", "nunique"))
    return t.reset_index().sort_values(["group", "quotes", "speaker"], ascending=[True, False, True]).reset_index(drop=True)


def company_vs_researchers(voice: pd.DataFrame, alpha: float = 0.05) -> pd.DataFrame:
    """Per group: articles quoting the company only, the researchers only, both, or neither
    (counts, shares and Wilson intervals). ``voice`` is ``voice_table(...)``."""
    from .compare import wilson_ci

    wide = voice.pivot_table(index=["article_id", "group"], columns="speaker_type", values="quoted", fill_value=0)
    comp = wide.get("company", 0) > 0
    res = wide.get("researcher", 0) > 0
    label = pd.Series("neither", index=wide.index)
    label[comp & res] = "both"
    label[comp & ~res] = "company only"
    label[~comp & res] = "researchers only"
    df = label.rename("voices").reset_index()
    rows = []
    for group, g in df.groupby("group", sort=True):
        n = len(g)
        for v in ("company only", "researchers only", "both", "neither"):
            k = int((g["voices"] == v).sum())
            lo, hi = wilson_ci(k, n, alpha)
            rows.append({"group": group, "voices": v, "k": k, "n": n, "share": k / n if n else float("nan"),
                         "ci_low": lo, "ci_high": hi})
    return pd.DataFrame(rows)


# --- 6. names the article defines, titles and bare descriptions --------------------------
#
# Three general shapes that the attribution alone gets wrong (seen on first runs over new
# stories): a short form the article defines ("Tools for Humanity (TFH)", "Zulkifli Hasan yang
# akrab disapa Zulhas", "Kaitlyn Siragusa, known as Amouranth"); an office written in front of
# a name ("Interior CS Kithure Kindiki"); and a speaker that is only a description ("dosen
# pascasarjana", "the newspaper", "konsultan keamanan siber ini") while the article names who
# holds that description.

def _defined_aliases(text: str, recs: list[dict], book: SpeakerBook, tracker: SpeakerTracker,
                     quoted: list[tuple[int, int]], lang: str) -> None:
    """Give a speaker quoted by a short form the article defines its long form and type."""
    aliases = article_aliases(text, book)
    if not aliases:
        return
    for r in recs:
        long = aliases.get(r["speaker"])
        if not long:
            continue
        ent = book.lookup(long)
        known = tracker.registry.get(long)
        typ = (ent.type if ent else None) or next((x["speaker_type"] for x in recs if x["speaker"] == long
                                                    and x["speaker_type"] != "other"), None) \
            or (known.type if known is not None and known.type != "other" else None)
        if typ is None:
            if re.fullmatch(r"[A-Z][A-Z0-9$&.-]+", r["speaker"]):
                typ = book.type_of_org(long) or "company"  # an organisation nobody typed: a firm (rule 6)
            else:
                # a nickname names a person: typed by a role given with either name, else "other"
                # (not the firm a bare capitalised word was taken for)
                typ = _introduced_type(text, long, book, quoted, lang) or _introduced_type(text, r["speaker"], book, quoted, lang) \
                    or ("other" if r["speaker_type"] == "company" else None)
        r["speaker"] = ent.name if ent else long
        r["speaker_type"] = typ or r["speaker_type"]


def _titled_names(text: str, recs: list[dict], book: SpeakerBook) -> None:
    """Strip an office written in front of a name ("Interior CS Kithure Kindiki", "Plt Kadis
    Budi Santoso", "Sen. Jane Doe"): the office becomes the role and types the speaker."""
    for r in recs:
        name = r["speaker"]
        toks = name.split()
        office = (r["role"] or "").split()
        if r["speaker_type"] == "other" and office and len(toks) >= 2 \
                and (office[-1].lower() in book.office_titles or office[0].lower() in book.office_titles):
            # "Sen. Jane Roe", "Chairman ... Frank Pallone": the office in the role types the speaker
            r["speaker_type"] = book.office_titles.get(office[-1].lower()) or book.office_titles[office[0].lower()]
        elif len(office) == 1 and office[0][:1].isupper() and office[0].lower() in book.office_titles \
                and r["speaker_type"] in ("company", "user") and len(toks) >= 2:
            # "Representative Mark Green": a capitalised office alone before the name is that
            # office, whatever the lower-case noun ("a sales representative") would make it
            r["speaker_type"] = book.office_titles[office[0].lower()]
        if len(toks) < 2 or book.lookup(name) is not None:
            continue
        # ("Governor Gianforte", "Commissioner Roe": a surname alone after the office)
        last = max((i for i, t in enumerate(toks[:-1]) if t.strip(".,").lower() in book.office_titles
                    or t.lower() in book.office_titles), default=None)
        if last is None:
            continue
        rest = toks[last + 1:]
        if not all(t[:1].isupper() for t in rest) or any(book.has_role_noun(t) for t in rest):
            continue
        if len(rest) == 1 and not any(
                m.group(1).lower() not in book.title_words and m.group(1).lower() not in book.office_titles
                for m in re.finditer(rf"\b([A-Z][a-z]+)\s+{re.escape(rest[0])}\b", text)):
            continue  # a surname alone only when the article gives the person's full name ("Greg Gianforte")
        office = " ".join(toks[:last + 1])
        typ = book.office_titles.get(toks[last].strip(",").lower()) or book.office_titles.get(toks[last].strip(".,").lower())
        r["speaker"], r["role"] = " ".join(rest), office if not r["role"] else r["role"]
        if r["speaker_type"] in ("other", "user", "company") and typ:
            r["speaker_type"] = typ


# descriptions of an organisation rather than a person: they point back to a named body
_ORG_DESCRIPTION = re.compile(r"(?i)\b(?:newspaper|paper|report|outlet|publication|magazine|site|website|broadcaster|"
                              r"statement|ministry|government|agency|lembaga|badan|kementerian|pemerintah|harian|"
                              r"laporan|situs|laman|portal|firm)\b")


def _description_only(name: str, role: str, book: SpeakerBook) -> bool:
    """Is the speaker only a role or description ("dosen pascasarjana", "Dirjen Aptika",
    "Lembaga Riset", "the newspaper", "konsultan keamanan siber ini"), with no proper name?"""
    if not name or book.lookup(name) is not None or name.startswith("@") or _BODY_NAME.fullmatch(name):
        return False  # ("Ministry of Communications and Information" is a body's name, whatever its words)
    toks = [t for t in re.findall(r"[\w&'’.-]+", name) if t.lower() not in _DEMONSTRATIVES]
    if not toks or len(toks) > 6:
        return False
    first = toks[0]
    if not (name == role or first[:1].islower() or book.has_role_noun(first) or first.lower() in book.title_words
            or _ORG_DESCRIPTION.fullmatch(first)):
        return False
    if not book.has_role_noun(name) and not _ORG_DESCRIPTION.search(name):
        return False
    # words that are neither role nouns, title words nor lower-case make a name ("Kementerian
    # Koperasi dan Usaha Kecil Menengah" is one); at most one such (a unit: "Dirjen Aptika")
    if any(t[:1].isupper() and not t.endswith("-based") and t.lower() not in book.title_words and not book.has_role_noun(t)
           for t in toks[:-1]) and (book.has_role_noun(toks[-1]) or _ORG_DESCRIPTION.fullmatch(toks[-1])):
        return False  # "The Australian government", "US media": a place makes the description specific
    proper = [t for t in toks[1:] if t[:1].isupper() and t.lower() not in book.title_words and not book.has_role_noun(t)]
    return len(proper) <= 1 and not (len(toks) >= 3 and book._org_name_type(name) and proper)


_GROUP_OPENERS = {"para", "kalangan", "sejumlah", "beberapa", "banyak", "some", "many", "several", "other", "industry"}


def _group_description(name: str, book: SpeakerBook) -> bool:
    """Is the description a group of speakers ("security researchers", "industry trackers", "para
    pakar") rather than one person pointed back to ("the researcher", "peneliti ini")?"""
    toks = name.lower().split()
    if not toks or any(t in _DEMONSTRATIVES for t in toks):
        return False
    last = toks[-1]
    plural = last.endswith("s") and not last.endswith("ss") and book.has_role_noun(last[:-1])
    return plural or toks[0] in _GROUP_OPENERS


def _described_speakers(text: str, recs: list[dict], book: SpeakerBook, tracker: SpeakerTracker,
                        quoted: list[tuple[int, int]]) -> None:
    """A speaker that is only a description takes the named speaker of its kind: within its
    sentence, the name set next to it ("menurut dosen ... pada Sekolah X, Pratama Persadha");
    else the last one named before it (the person introduced with that role, the last outlet for
    "the newspaper"/"the report", the last body of the type for "the ministry")."""
    inside = lambda p: any(a <= p < b for a, b in quoted)  # noqa: E731
    for r in recs:
        name, role, typ = r["speaker"], r["role"], r["speaker_type"]
        gang = typ == "other" and bool(_HACKER_ROLE.fullmatch(name.lower()))
        if (typ in ("other", "user") and not gang) or not _description_only(name, role, book):
            continue
        org = bool(_ORG_DESCRIPTION.search(name)) or typ == "media"
        nouns = [n[2].lower() for n in book.role_nouns_in(name) if not n[4]]
        cands = [m for m in tracker.mentions + tracker.history
                 if m.speaker.name and m.speaker.type == typ and m.speaker.is_person != org
                 and m.speaker.name != name and not _description_only(m.speaker.name, m.speaker.role, book)
                 and not inside(m.pos) and (not gang or m.speaker.entity)]
        if gang:
            # "the hackers said": the gang the gazetteer knows and the article named (a hacker
            # described but never named stays "hacker")
            cands = [m for m in tracker.mentions + tracker.history if m.speaker.entity and m.speaker.type == "other"
                     and not m.speaker.is_person and not inside(m.pos)]
        # the sentence that holds the quote and its attribution
        s = _sentence_start(text, r["start"])
        stop = re.compile(r"[.!?](?=\s)|\n").search(text, r["end"])
        e = stop.start() if stop else len(text)
        at = text.find(name, s, e)
        at = at if at >= 0 else r["start"]
        # in the sentence: a listed name or one that spoke, or a name set right next to the
        # description (an apposition), not any capitalised run further on
        # the name set right after the description in its clause: "dosen ... pada Sekolah X,
        # Pratama Persadha", "Lembaga Riset ... (CISSReC)", "a report in The Washington Post"
        adjacent = lambda m: 0 <= m.pos - (at + len(name)) <= 130 \
            and not re.search(r"[;“”\"!?]|\.\s", text[at + len(name):m.pos]) \
            and (m.speaker.entity or (len(m.speaker.name.split()) >= 2
                                      and text.startswith(m.speaker.name, m.pos)))  # noqa: E731
        same = [m for m in cands if s <= m.pos < e and adjacent(m)]
        if not org and not same and (_group_description(name, book) or re.search(
                r"(?i)\b(?:para|kalangan|sejumlah|beberapa|banyak|some|many|several)\s+$", text[max(0, at - 15):at])):
            continue  # "security researchers", "para pakar": a group, not the last person of its kind
        if not org and nouns and not same:
            # a person: the one introduced with the same role noun ("konsultan keamanan siber
            # Budi ... konsultan ini"); failing that, the last person of that type
            with_role = [m for m in cands if m.pos < r["start"]
                         and any(nn in text[max(0, m.pos - 80):m.pos + len(m.speaker.name) + 80].lower() for nn in nouns)]
            # (the one whose title stands right before the name: "Presiden Jokowi", not the
            # minister named after him in the same sentence)
            with_role = [m for m in with_role if any(nn in text[max(0, m.pos - 30):m.pos].lower() for nn in nouns)] \
                or with_role
            if not with_role and re.search(r"(?i)(?:\s(?:ini|itu|tersebut)$|^(?:this|that)\s)", name):
                # "ujar konsultan keamanan siber ini" after "Founder Ethical Hacker Indonesia,
                # Teguh ...": a description with a demonstrative points back to the person just
                # quoted, whose organisation may have typed them otherwise
                with_role = [m for m in tracker.history if m.speaker.name and m.speaker.is_person
                             and m.speaker.type not in ("other", "user") and m.pos < r["start"] and not inside(m.pos)
                             and not _description_only(m.speaker.name, m.speaker.role, book)][-1:]
            cands = with_role or cands
        before = [m for m in cands if m.pos < r["start"]]
        # a name that spoke or that the gazetteer lists is a surer antecedent than a capitalised
        # run read as a name in an introduction
        pool = same or [m for m in before if m.speaker.entity or m in tracker.history] or before
        if not pool and not org:
            # a lede that names the role first ("Peneliti keamanan siber menyebut ...") and the
            # person in the next sentence: the first such name right after it
            after = [(m.pos, m.speaker.name, m.speaker.type) for m in cands if r["end"] <= m.pos <= r["end"] + 250
                     and (m.speaker.entity or text.startswith(m.speaker.name, m.pos))]
            # (or the next quote's speaker, named by full name)
            after += [(x["start"], x["speaker"], x["speaker_type"]) for x in recs if r["end"] <= x["start"] <= r["end"] + 250
                      and x["speaker_type"] == typ and len(x["speaker"].split()) >= 2 and x["speaker"] in text
                      and not _description_only(x["speaker"], x["role"], book) and book._org_name_type(x["speaker"]) is None]
            if after:
                _, got_name, got_type = min(after)
                r["speaker"], r["speaker_type"], r["role"] = got_name, got_type, role or name
            continue
        if not pool:
            continue
        words = [w for w in re.findall(r"\w+", name.lower()) if w not in ("the", "this", "that", "these", "itu", "ini", "tersebut")]
        named = [m for m in before if len(words) >= 2
                 and all(re.search(rf"\b{re.escape(w)}\b", m.speaker.name.lower()) for w in words)]
        if named and not same:
            # "the interior ministry" after "The Interior Ministry said ...": the body whose name
            # the description repeats, not the last body of its type named since
            pool = named
        if same:
            # adjacent: the nearest name to the description inside the sentence
            got = min(pool, key=lambda m: abs(m.pos - at)).speaker
        else:
            got = max(pool, key=lambda m: m.pos).speaker
        r["speaker"], r["speaker_type"] = got.name, got.type
        r["role"] = role or name


_ARTICLE_WORDS = {"A", "An", "The", "Sebuah", "Seorang", "Para"}


def _article_only_subjects(text: str, recs: list[dict], book: SpeakerBook, lang: str) -> None:
    """A speaker read as the bare article of its subject ("A coalition of consumer groups
    demanded ..., arguing that ..." gave "A"): the noun phrase the article opens is the speaker,
    typed by its role noun or organisation word."""
    for r in recs:
        if r["speaker"] not in _ARTICLE_WORDS:
            continue
        # the sentence the quote starts in (an indirect quote may begin after its subject)
        s = _sentence_start(text, r["start"])
        m = re.match(rf"\s*(?:[“\"]\s*)?{re.escape(r['speaker'])}\s+((?:[\w'’-]+\s+){{0,7}}?[\w'’-]+?)"
                     r"(?=\s*,|\s+(?:\w+ed|said|says|told|tells|menyatakan|mengatakan|menyebut)\b)", text[s:r["start"] + 200])
        if not m:
            continue
        np = m.group(1)
        # the head noun first: "coalition of consumer groups" is a coalition, not consumers; but
        # "group of TikTok creators" is creators (a collective noun is no organisation)
        collective = re.match(r"(?i)(?:group|number|handful|bunch|crowd|kelompok|sekelompok)\s+(?:of|dari)\s+(.+)", np)
        typ = (book.type_from_role(collective.group(1), lang) if collective else None) \
            or book._org_name_type(np.split()[0]) or book.type_from_role(np, lang) or book.type_of_org(np)
        r["speaker"], r["speaker_type"], r["role"] = np, typ or "other", r["role"] or np


# --- 6. the article's person register ------------------------------------------------------
#
# News names a person once in full with a role ("Menteri Komunikasi dan Informatika
# Rudiantara", "Kremlin spokesman Dmitry Peskov", "Direktur ... Bank Indonesia Erwin Haryono")
# and then by a short form ("Rudi", "Peskov", "Erwin") or a pronoun. The register gathers every
# person the article names, their full form, and every role written with any of their forms
# anywhere in the narrative; each person is typed ONCE from that evidence and every quote of
# theirs takes the full name and that type.

@dataclass
class _Person:
    name: str                                            # the full form the article writes
    roles: list[tuple[int, str, str]] = field(default_factory=list)  # (position, type, role)


    @property
    def type(self) -> str | None:
        """The type of the role written first in reading order (the introduction)."""
        return min(self.roles)[1] if self.roles else None


def _name_like(name: str, book: SpeakerBook) -> bool:
    """Can ``name`` be a person's name (capitalised words, no organisation, role or handle)?"""
    toks = name.split()
    if not toks or len(toks) > 4 or name.startswith("@") or book.has_role_noun(name):
        return False
    if any(t.lower() in book.title_words or t.lower() in book.not_names or t.lower() in book.office_titles
           or t.strip(".").lower() in book.office_titles for t in toks):
        return False  # "Interior CS Amos Wekesa": an office is no part of the name
    if toks[0] in TOWN_WORDS or toks[0] == "City" or book.is_place(toks[0]):
        return False  # "Kota Semarang Andi Waskito": the town ends the post before the name
    if not all(t[:1].isupper() or t.lower() in book.particles for t in toks):
        return False
    if book.type_of_org(name) or any(_INTERCAPPED.fullmatch(t) for t in toks) or re.fullmatch(r"[A-Z0-9$&.-]{2,}", name):
        return False
    ent = book.lookup(name)
    return ent is None or ent.kind == "person"


def _short_form_of(short: str, full: str) -> bool:
    """Is ``short`` a short form of the person ``full``: some of its words ("Peskov", "Gabi
    Cirlig" of "Gabriel Gabi Cirlig"), or one word cut short ("Rudi" for Rudiantara)?"""
    s, f = short.lower().split(), full.lower().split()
    if len(s) < len(f) and all(t in f for t in s):
        return True
    return len(s) == 1 and len(s[0]) >= 4 and any(w.startswith(s[0]) and len(w) > len(s[0]) for w in (f[0], f[-1]))


# a town word right before a capitalised word: "Kota Sukamaju" is a town, not a given name
_TOWN_BEFORE = re.compile(r"\b(?:" + "|".join(TOWN_WORDS) + r")\s+$")


def _person_register(text: str, recs: list[dict], book: SpeakerBook, tracker: SpeakerTracker,
                     quoted: list[tuple[int, int]], lang: str) -> dict[str, _Person]:
    """Every person the article names, by full form, with the roles written with them."""
    names = {n for n, sp in tracker.registry.items() if sp.is_person and not sp.entity and _name_like(n, book)}
    names |= {r["speaker"] for r in recs if _name_like(r["speaker"], book) and book.lookup(r["speaker"]) is None}
    # the full name the narrative writes for a speaker quoted by one word ("Hunt" after "...
    # Troy Hunt"): a capitalised word right before it, itself no title, organisation or opener
    for one in [n for n in names if len(n.split()) == 1]:
        # (or a given name the narrative writes with a surname: "warganet bernama Rina Wulandari")
        # (a name never runs over a line break: "Klarifikasi dari Indodax\nWilliam Sutanto")
        for m in re.finditer(rf"(?<![\w@]){re.escape(one)}((?:[ \t]+[A-Z][a-z]+){{1,2}})(?![\w])", text):
            longer = one + m.group(1)
            if not any(a <= m.start() < b for a, b in quoted) and _name_like(longer, book) \
                    and not any(book.has_role_noun(w) or book.lookup(w) for w in m.group(1).split()):
                names.add(longer)
        for m in re.finditer(rf"(?<![\w@])([A-Z][a-z]+)[ \t]+{re.escape(one)}(?![\w])", text):
            longer = f"{m.group(1)} {one}"
            at_start = bool(re.search(r"(?:^|[.!?”\"]\s*|\n)$", text[max(0, m.start() - 3):m.start()])) \
                and not _ABBREV_STOP.search(text[max(0, m.start() - 6):m.start()])
            # ("After Zorb-Mobile learned ...": a word capitalised only because it opens a
            # sentence is no first name)
            if not any(a <= m.start() < b for a, b in quoted) and _name_like(longer, book) \
                    and not (at_start and (m.group(1).lower() in _SENTENCE_OPENERS_LOW or not any(
                        not re.search(r"(?:^|[.!?”\"]\s*|\n)$", text[max(0, x.start() - 3):x.start()])
                        for x in re.finditer(re.escape(longer), text)))) \
                    and not book.has_role_noun(m.group(1)) \
                    and not _TOWN_BEFORE.search(text[max(0, m.start() - 12):m.start()]):
                # ("Kota Sukamaju Suryadarma": the town's name is no given name)
                names.add(longer)
    # the full forms: names no other name extends
    full = {n for n in names if not any(_short_form_of(n, m) for m in names if m != n)}
    reg = {n: _Person(n) for n in full}
    for n, p in reg.items():
        parts = n.split()
        forms = {n} | ({parts[0], parts[-1]} if len(parts) > 1 else set())
        # a short form must name this person only
        forms = {f for f in forms if f == n or not any(_short_form_of(f, m) or f == m for m in full if m != n)}
        for f in forms:
            p.roles += [(pos, typ, role) for pos, typ, role in _introductions(text, f, book, quoted, lang)]
        p.roles += _described_before(text, n, book, quoted, lang)
        for r in recs:
            if r["role"] and book.has_role_noun(r["role"]) and (r["speaker"] == n or r["speaker"] in forms):
                typ = book.type_from_role(r["role"], lang)
                if typ and typ != "other" and r["role"] != r["speaker"]:
                    p.roles.append((r["start"], typ, r["role"]))
    # a single word is a person only when the article gives it a person's role
    return {n: p for n, p in reg.items() if len(n.split()) > 1 or p.roles}


_INDEFINITE_SUBJECT = re.compile(r"\s*(?:A|An|Seorang)\s+((?:[\w'’.-]+\s+){0,10}?)(?=(?:has\s+|had\s+|also\s+|juga\s+)?"
                                 r"(?:[a-z]+ed|said|says|told|tells|warned|wrote|me[a-z]{4,}|ber[a-z]{3,})\b)")


def _described_before(text: str, name: str, book: SpeakerBook, quoted: list[tuple[int, int]],
                      lang: str) -> list[tuple[int, str, str]]:
    """The role of a new person described in the sentence before the name's first mention:
    "A spokesman for Russian President Vladimir Putin warned ... “…,” Peskov stated." gives
    Peskov the role "spokesman for Russian President Vladimir Putin"."""
    first = next((m for m in re.finditer(rf"(?<![\w@]){re.escape(name)}(?![\w])", text)
                  if not any(a <= m.start() < b for a, b in quoted)), None)
    if first is None:
        return []
    s = _sentence_start(text, first.start())
    if s == 0:
        return []
    ps = _sentence_start(text, max(0, s - 2))
    m = _INDEFINITE_SUBJECT.match(text, ps, s)
    if not m:
        return []
    role = m.group(1).strip()
    nouns = [n for n in book.role_nouns_in(role) if n[0] <= len(" ".join(role.split()[:2]))]
    typ = book.type_from_role(role, lang) if nouns and not _group_description(role, book) else None
    return [(ps, typ, role)] if typ and typ not in ("other", "user") else []


# prepositions that open an English sentence with an adverbial before its subject ("Beyond
# that, ...", "Despite the outage, ..."); their capital is no name
_PREPOSITION_OPENERS = {"beyond", "among", "amid", "amidst", "besides", "despite", "across", "within", "without",
                        "against", "throughout", "behind", "alongside", "regardless", "aside", "apart"}

_SENTENCE_OPENERS_LOW = {w.lower() for w in _SENTENCE_OPENERS} | {"after", "before", "when", "while", "since", "as",
                                                                  "if", "because", "although", "though", "once"}


def _office_before(text: str, name: str, book: SpeakerBook) -> str | None:
    """The type of an office the article writes right before ``name`` ("Republican Sen. Ted Cruz
    of Texas": government), else None."""
    # (the office may name its portfolio: "Secretary of State Marco Rubio")
    of = r"(?:[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z][\w-]+(?:[ \t]+[A-Z][\w-]+)?)?"
    return next((book.office_titles[m.group(1).lower()] for m in re.finditer(rf"(\S+){of}[ \t]+{re.escape(name)}\b", text)
                 if m.group(1).lower() in book.office_titles), None)


def _member_of_public(text: str, name: str, quoted: list[tuple[int, int]]) -> bool:
    """Is ``name`` a person the article gives no role, title or affiliation anywhere (a
    customer, a gamer, a victim: a member of the public, typed `user`)? The caller has found no
    role; here the name must be a person's: written later by the surname alone ("Estrada, 24,
    didn't own one"), or followed by a personal pronoun in its sentence ("... known to her
    followers as ...")."""
    toks = name.split()
    if len(toks) < 2:
        # one name ("Erwin"): a person when the article writes it as one, never inside a quotation
        first = text.find(name)
        return written_as_person(text, name) and not any(a <= first < b for a, b in quoted)
    last = re.escape(toks[-1])
    rest = text.replace(name, " ")
    alone = re.search(rf"(?<![\w’'])(?<![A-Z][a-z] )(?<![A-Z][a-z][a-z] ){last}(?![\w])(?!\s+[A-Z])", rest)
    first = text.find(name)
    stop = re.compile(r"[.!?](?=\s)|\n").search(text, first + len(name))
    sentence = text[first + len(name):stop.start() if stop else len(text)]
    pronoun = re.search(r"\b(?:he|she|his|her|him|dia|ia|beliau|dirinya)\b", sentence)
    return bool(alone or pronoun) and not any(a <= first < b for a, b in quoted)


def _registered_person(name: str, reg: dict[str, _Person]) -> _Person | None:
    if name in reg:
        return reg[name]
    hits = [p for n, p in reg.items() if _short_form_of(name, n)]
    return hits[0] if len(hits) == 1 else None


def _squash(s: str) -> str:
    return re.sub(r"[^a-z0-9]", "", s.lower())


def _account_names(text: str, book: SpeakerBook) -> dict[str, str]:
    """Handle -> the name the article gives its account: a credit line "Jane Roe (@janeroe)",
    "@janeroe (Jane Roe)", or a name whose letters open the handle ("Dark Tracer" for
    @darktracer_int: "tulis Dark Tracer di akun Twitter-nya")."""
    out: dict[str, str] = {}
    name = r"((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*)"
    pairs = [(m.group(2), m.group(1)) for m in re.finditer(name + r"\s*\((@\w{2,})\)", text)]
    pairs += [(m.group(1), m.group(2)) for m in re.finditer(r"(@\w{2,})\s*\(" + name + r"\)", text)]
    # "akun Twitter @kestrel_sec milik Kestrel Security", "the @x account run by Jane Roe"
    pairs += [(m.group(1), m.group(2)) for m in re.finditer(r"(@\w{2,})\s+(?:milik|kepunyaan|owned by|run by)\s+" + name, text)]
    for handle, who in pairs:
        who = " ".join(t for t in who.split() if t.lower() not in book.not_names).strip(" .,")
        if who:
            out.setdefault(handle.lower(), who)
    for h in {m.group(0) for m in re.finditer(r"(?<![\w@])@\w{2,}", text)}:
        if h.lower() in out:
            continue
        core = _squash(h)
        # a credit line's handle written with one letter off ("@RocIntan" / "@Rockintan")
        near = [who for k, who in out.items() if len(core) >= 6 and _one_edit(core, _squash(k))]
        if len(near) == 1:
            out[h.lower()] = near[0]
            continue
        names = {m.group(0) for m in re.finditer(r"(?<![\w@])[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}", text)
                 if min(len(_squash(m.group(0))), len(core)) >= 6
                 and (core.startswith(_squash(m.group(0))) or _squash(m.group(0)).startswith(core))}
        if names:
            out[h.lower()] = max(names, key=len)
    return out


def _apply_register(text: str, recs: list[dict], book: SpeakerBook, tracker: SpeakerTracker,
                    quoted: list[tuple[int, int]], lang: str) -> None:
    """Give every quote of a registered person the full name and the register's type, and an
    account handle the name the article gives the account."""
    accounts = _account_names(text, book) if "@" in text else {}
    for r in recs:
        who = accounts.get(r["speaker"].lower()) or r["speaker"] if r["speaker"].startswith("@") else None
        if who:
            ent = book.lookup(who)
            r["speaker"] = ent.name if ent else who
            if ent is not None or book.type_of_org(who):
                # a listed account, or one whose name says what it is ("Kestrel Security")
                r["speaker_type"] = ent.type if ent is not None else book.type_of_org(who)
            elif who.startswith("@"):
                # "@XL123 yang menjadi corong XL Axiata": a handle made of a listed
                # organisation's short name and digits or underscores is that organisation's account
                core = re.sub(r"[\d_]+$", "", who[1:]).strip("_")
                ent = book.lookup(core) if len(core) >= 2 else None
                if ent is not None and ent.kind != "person":
                    r["speaker_type"] = ent.type
    expansions: dict[str, str | None] = {}
    for r in recs:
        acr = r["speaker"]
        if re.fullmatch(r"[A-Z][A-Z0-9&]{1,6}", acr or "") and book.lookup(acr) is None:
            if acr not in expansions:
                expansions[acr] = _expand_acronym(text, acr)
            long = expansions[acr]
            if long:
                # "a spokesperson for the CRTC" after "Canadian Radio-television and
                # Telecommunications Commission", "BA said" after "British Airways": the
                # spelled-out name is the speaker's, and types the body when it can
                ent = book.lookup(long)
                r["speaker"] = ent.name if ent is not None else long
                typ = ent.type if ent is not None else book.type_of_org(long)
                if typ:
                    r["speaker_type"] = typ
    reg = _person_register(text, recs, book, tracker, quoted, lang)
    _introduced_by_description(text, recs, book, reg)
    _serving_named(recs, book, reg)
    # "Menurut Nando, sapaan akrabnya, ...": a nickname the article gives the person just named
    for m in re.finditer(r"(?<![\w@])([A-Z][a-z]{2,})\s*,\s*(?:sapaan|panggilan)\s+akrab(?:nya)?\b", text):
        before = [(text.rfind(n, 0, m.start()), n) for n in reg if len(n.split()) >= 2 and text.rfind(n, 0, m.start()) >= 0]
        before += [(a, e.name) for a, _, e in book.find(text[:m.start()]) if e.kind == "person"]
        if not before or m.group(1) in reg:
            continue
        full = max(before)[1]
        ent = book.lookup(full)
        for r in recs:
            if r["speaker"] == m.group(1):
                r["speaker"] = full
                if ent is not None:
                    r["speaker_type"] = ent.type
        if full in reg:
            reg[m.group(1)] = reg[full]
    mine: dict[str, list[dict]] = {}
    for r in recs:
        if not r["speaker"] or book.lookup(r["speaker"]) is not None:
            continue
        p = _registered_person(r["speaker"], reg)
        if p is not None:
            r["speaker"] = p.name
            mine.setdefault(p.name, []).append(r)
    for name, rs in mine.items():
        office = _office_before(text, name, book)
        if office and reg[name].type in (None, "other", "user"):
            # "DICT Sec. Ivan John Uy", "Republican Sen. Ted Cruz": an office written before the
            # name types the person over a weaker reading of their introduction
            for r in rs:
                if r["speaker_type"] in ("other", "user"):
                    r["speaker_type"] = office
            continue
        if not office and not reg[name].roles and all(r["speaker_type"] == "other" and not r["role"] for r in rs) \
                and _member_of_public(text, name, quoted):
            for r in rs:
                r["speaker_type"] = "user"
            continue
        intro = reg[name].type
        if intro == "other":
            # introduced as a hacker or a gang ("Ransomware gang Zarlock claimed ...", "peretas
            # Bjorka"): every quote of theirs is a gang's, not a firm's (coding rule 6)
            for r in rs:
                r["speaker_type"] = "other"
            continue
        # "user" is what an untyped name or handle falls to; the introduction's role is surer
        weak = ("other", "user") if intro not in (None, "other", "user") else ("other",)
        typed = [r["speaker_type"] for r in rs if r["speaker_type"] not in weak]
        if len(set(typed)) > 1:
            # one person, one type: the introduction's when it is among them, else the most
            # frequent ("kata Rusdiantara" read as a firm after "Menteri ... Rusdiantara")
            best = intro if intro in typed else max(sorted(set(typed)), key=typed.count)
        else:
            best = typed[0] if typed else intro
        for r in rs:
            if intro and intro not in weak and not r["role"]:
                # a quote with no role of its own ("Peskov stated") takes the person's introduction
                r["speaker_type"] = intro
            elif best and r["speaker_type"] in (*weak, *typed):
                r["speaker_type"] = best
    _organisations_not_people(text, recs, book, reg)
    for r in recs:
        if r["speaker"] and book.lookup(r["speaker"]) is None and _alias_introduced(text, r["speaker"]):
            r["speaker_type"] = "other"
    # one organisation, one type: an unlisted body left "other" at one quote and typed at another
    # ("the NC4 said" before "The agency warned" told what it is) takes that type throughout
    typed: dict[str, set[str]] = {}
    for r in recs:
        if r["speaker"] and r["speaker_type"] != "other":
            typed.setdefault(r["speaker"], set()).add(r["speaker_type"])
    for r in recs:
        if r["speaker_type"] == "other" and len(typed.get(r["speaker"], ())) == 1 \
                and book.lookup(r["speaker"]) is None and not attacker_group(text, r["speaker"]):
            r["speaker_type"] = next(iter(typed[r["speaker"]]))


# What a firm has and a person rarely does ("Dell's customers", "Royal Mail's international
# delivery services"), the posts that speak for an organisation ("a Dell spokesperson") and the
# legal forms and words that close a firm's name ("Dell Technologies", "Acme Ltd").
_ORG_POSSESSED = (r"(?:customers?|clients?|users?|subscribers?|employees?|staff|workers?|shares?|stock|website|site|"
                  r"portal|systems?|servers?|networks?|services?|products?|platform|app|database|headquarters|"
                  r"(?:data\s+)?breach(?:\s+notification)?|spokes(?:person|man|woman)|chief\s+executive|ceo|board|"
                  r"pelanggan|nasabah|pengguna|karyawan|layanan|situs)")
_ORG_POST = r"(?:spokes(?:person|man|woman)|representative|executive|official|employees?|customers?|users?|juru\s+bicara)"
_ORG_CLOSE = (r"(?:Inc\.?|Ltd\.?|LLC|Corp\.?|Corporation|plc|PLC|Co\.|Company|Group|Holdings|Technologies|"
              r"Tbk\.?|PT)")


def _used_as_organisation(text: str, name: str) -> bool:
    """Does the article use ``name`` as an organisation ("Dell's customers", "a Dell
    spokesperson", "at Dell", "Dell Technologies", "PT Dell") and never as a person (no "Mr/Ms",
    no age, no he/she right after it)? Coding rule 6a types only people as members of the public;
    an unlisted organisation speaking by its bare name is a firm unless its name says otherwise."""
    if not name[:1].isupper() or len(name.split()) > 3:
        return False
    n = re.escape(name)
    person = (rf"(?:\b(?:Mr|Ms|Mrs|Miss|Dr|Pak|Bu|Bapak|Ibu)\.?\s+(?:\w+\s+)?{n}\b|\b{n},\s+\d{{1,3}}\s*,|"
              rf"\b{n}\b[^.!?\n“”\"]{{0,60}}\b(?:he|she|his|her|him|dia|beliau)\b)")
    if re.search(person, text):
        return False
    org = (rf"\b{n}['’]s?\s+(?:[a-z-]+\s+){{0,2}}{_ORG_POSSESSED}\b|"
           rf"\b(?:an?|the)\s+{n}\s+{_ORG_POST}\b|\b(?:at|joined|left)\s+{n}\b(?!\s+[A-Z])|"
           rf"(?<![\w’'])(?:PT\s+)?{n}\s+{_ORG_CLOSE}(?![\w])|\bPT\s+{n}\b|"
           # a lower-case description of a firm just before the name ("mail delivery service Royal Mail")
           rf"\b(?-i:company|firm|service|operator|provider|retailer|carrier|bank|giant|maker|manufacturer|startup|"
           rf"perusahaan|operator|penyedia)\s+{n}\b")
    return bool(re.search(org, text))


def _organisations_not_people(text: str, recs: list[dict], book: SpeakerBook, reg: dict) -> None:
    """An unlisted name that speaks with no role and that the article uses as an organisation
    ("Dell said", after "Dell's customers") is that organisation, typed by its name
    (`org_patterns`) or a firm (coding rule 6), never a member of the public (rule 6a)."""
    seen: dict[str, bool] = {}
    for r in recs:
        name = r["speaker"]
        if not name or r["role"] or r["speaker_type"] not in ("other", "user") or name.startswith("@") \
                or book.lookup(name) is not None:
            continue
        p = reg.get(name)
        if p is not None and p.type not in (None, "user"):
            continue  # introduced with a role ("Ransomware gang Zarlock"): that role types it
        if name not in seen:
            seen[name] = _used_as_organisation(text, name)
        if seen[name]:
            r["speaker_type"] = book.type_of_org(name) or "company"


# a post that speaks for one person: "a spokesperson for Champagne", "juru bicara Menteri Budi"
_SERVES = re.compile(r"(?i)\b(?:spokes(?:man|woman|person)|juru bicara|jubir|aide|adviser|advisor|press secretary|"
                     r"chief of staff|staf khusus|stafsus)\s+(?:for|of|to|untuk|dari)?\s*(?:the\s+)?"
                     r"(?-i:((?:[A-Z][\w'’.-]+\s*){1,4}))$")


def _serving_named(recs: list[dict], book: SpeakerBook, reg: dict[str, _Person]) -> None:
    """A person whose post serves another named person ("Laurie Bouchard, a spokesperson for
    Champagne", after "Industry Minister François-Philippe Champagne") takes that person's type:
    the post names whom they speak for, as an organisation named with a post does."""
    own = {n: p.type for n, p in reg.items()}

    def served(role: str, me: str) -> str | None:
        m = _SERVES.search(role or "")
        if not m:
            return None
        who = re.sub(r"['’]s?$", "", m.group(1).strip(" ,."))
        q = _registered_person(who, reg)
        if q is not None and q.name != me:
            return own.get(q.name) if own.get(q.name) not in (None, "other", "user") else None
        ent = book.lookup(who)
        return ent.type if ent is not None and ent.kind == "person" else None

    for n, p in reg.items():
        p.roles = [(pos, served(role, n) or typ, role) for pos, typ, role in p.roles]
    for r in recs:
        typ = served(r["role"], (_registered_person(r["speaker"], reg) or _Person(r["speaker"])).name) if r["role"] else None
        if typ:
            r["speaker_type"] = typ


def _introduced_by_description(text: str, recs: list[dict], book: SpeakerBook, reg: dict[str, _Person]) -> None:
    """"A cybersecurity professor at the University of Nevada told The New York Times that ...
    Greg Moody told the newspaper ...": a description with an indefinite article introduces a
    new person whom the next sentence names. The description's quotes are that person's, and
    the description is a role of theirs (register evidence)."""
    for r in recs:
        desc = r["speaker"]
        if not desc or desc[:1].isupper() or not book.has_role_noun(desc) or _group_description(desc, book) \
                or re.match(r"(?i)(?:group|number|handful|coalition|kelompok|sekelompok)\b", desc):
            continue  # (a group, "A group of TikTok creators", is no one person)
        at = text.find(desc, _sentence_start(text, r["start"]))
        if at < 0 or not re.search(r"(?i)(?:^|\s)(?:a|an|seorang)\s+(?:[\w-]+\s+){0,2}$", text[max(0, at - 30):at]):
            continue
        stop = re.compile(r"[.!?](?=\s)|\n").search(text, max(r["end"], at))
        if not stop:
            continue
        nxt = text[stop.end():stop.end() + 120].lstrip(" ”\"’\n")
        for name, p in reg.items():
            first = text.find(name)
            if len(name.split()) >= 2 and nxt.startswith(name) and first >= stop.end():
                typ = book.type_from_role(desc) or r["speaker_type"]
                p.roles.append((at, typ, desc))
                for x in recs:
                    if x["speaker"] == desc and _sentence_start(text, x["start"]) == _sentence_start(text, r["start"]):
                        x["speaker"], x["speaker_type"], x["role"] = name, typ, x["role"] or desc
                break
