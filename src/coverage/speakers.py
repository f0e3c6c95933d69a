"""Speakers: who a speaker phrase names, in which role, and of which type.

The rules are data; this module applies them:

- data/codebook/speakers.yml: the study's own people and organisations (gazetteer), role nouns
  by type, organisation-name patterns (Kementerian X, PT X, X Inc, Universitas X ...), title
  words, determiners and anaphora;
- data/codebook/organisations.yml: a general lexicon of well-known organisations by type
  (ministries and agencies, regulators, telcos, banks, platforms, security firms, NGOs), so
  that a new story's organisations are typed on first sight; matched as written;
- data/codebook/media.yml: news outlets (speakers of type media, and the cited outlets).

Where a speaker's role is read (the "apposition readers"), from narrow to wide:

- ``SpeakerBook.split_role_name``: one comma-free phrase ("peneliti keamanan siber Gabi
  Cirlig", "Lolly Suhenty Anggota Bawaslu", "analyst Maria Gomez of Redline");
- ``SpeakerBook.parse(phrase, apposition=...)``: the phrase of an attribution plus the chunk
  set off by commas ("Gabi Cirlig, a security researcher,", "juru bicara Xiaomi, Nama Orang");
- ``SpeakerTracker.scan``: introductions anywhere in the narrative ("peneliti ... Budi
  Santoso", "Budi Santoso, peneliti dari ...") remembered for later surname-only quotes;
- coverage.quotes ``_type_from_introduction`` / ``_type_from_context``: after all quotes are
  attributed, the role written next to a speaker's first mention types a speaker still "other".

To type a new kind of speaker, add a role noun or an organisation (data), not a rule here.

- ``SpeakerBook.parse(phrase, lang)`` splits a phrase such as "peneliti keamanan siber Gabi
  Cirlig" or "juru bicara Xiaomi Indonesia, Nama Orang" into a name and a role, merges name
  variants through the gazetteer (Gabriel Cirlig, Cirlig -> Gabi Cirlig) and types the speaker;
  anaphora ("ia", "perusahaan itu", "the company") come back marked as such.
- ``SpeakerTracker`` follows one article: it remembers who spoke and who was introduced with a
  role, resolves anaphora to the last compatible speaker, and merges a bare surname with the full
  name given earlier in the same article.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from .config import CODEBOOK, SPEAKER_TYPES
from .codebook import read_yaml
from .errors import StudyError

SPEAKERS_YML = CODEBOOK / "speakers.yml"
MEDIA_YML = CODEBOOK / "media.yml"
ORGS_YML = CODEBOOK / "organisations.yml"

# Words that end a role phrase before any name could follow ("a user signs in to a Mi Account").
_FUNCTION_WORDS = {"a", "an", "the", "to", "in", "on", "at", "of", "for", "with", "by", "and", "or", "is", "was",
                   "are", "were", "has", "had", "have", "that", "which", "who", "yang", "dan", "atau", "ke", "di",
                   "pada", "untuk", "dengan", "oleh", "itu", "ini", "tersebut", "akan", "telah", "sudah"}
# When a role names several kinds of speaker, the first of these wins.
TYPE_PRIORITY = ("government", "civil_society", "researcher", "media", "other", "company", "user")
_PAREN = re.compile(r"\s*\([^()]*\)")
# an organisation's acronym in brackets between a post and a person's name: "Direktur Center of
# Economics and Law Studies (Celios) Bhima Yudhistira mengatakan". The brackets close the post,
# so they become the comma of an apposition, when a short name that ends the phrase follows
# (not "(Dirtipidsiber) Bareskrim Polri Brigjen Himawan Bayu Aji": the post goes on).
_PAREN_BEFORE_NAME = re.compile(r"\s*\((?:[A-Z][\w&.-]{1,12})\)\s+"
                                r"(?=(?:[A-Z][a-z'’.]+\s+){1,3}[A-Z][a-z'’.]+(?![\w'’])(?!\s+[A-Z]))")


def unbracket(phrase: str) -> str:
    """``phrase`` without bracketed asides; an acronym in brackets before a name becomes a comma."""
    return _PAREN.sub("", _PAREN_BEFORE_NAME.sub(", ", phrase))
_TOKEN = re.compile(r"[^\s,;:()\[\]“”\"]+")
_PERSON_OFFICE = re.compile(r"(?i)\b(?:MD|CEO|CTO|COO|CFO|managing director|chief executive|executive|founder|co-founder|"
                            r"president|vice president|VP|chairman|head|director|country director|general manager|boss|"
                            r"direktur|dirut|bos|pendiri|ketua|kepala)\b")
# "Reserve Bank of Kestria", "Ministry of Health": capitalised head words, "of", capitalised words
_CAPS = r"[A-Z][\w'’&-]*"
_HEAD_OF_PLACE = re.compile(rf"((?:{_CAPS}\s+){{0,3}}{_CAPS})\s+(?:of|for|on)\s+((?:the\s+)?(?:{_CAPS}\s+){{0,3}}{_CAPS})")
_LISTED_ON = re.compile(r"(?:[Tt]he\s+)?[\w&.'’]+-listed\s+(?=[A-Z])")
_BASED_IN = re.compile(r"(?<![\w-])(?:[A-Z][\w.'’]*\s+){0,3}[\w.'’]+-(?:based|headquartered)\s+(?=\S)")
_INTERCAPPED = re.compile(r"[A-Z][a-z]+[A-Z]\w*|[A-Z]{2,}[a-z]\w+|[a-z]+[A-Z]\w*|\d+[a-z]*[A-Z]\w*")
# a run of capitalised words, joined by "and", "of", "for" or "&" ("Community and Public Sector Union")
_ORG_RUN = re.compile(r"[A-Z][\w&'’.-]*(?:\s+(?:(?:and|of|for|&)\s+)?[A-Z][\w&'’.-]*)+")
_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b|(?<=s)['’](?=\s|$)")


@dataclass(frozen=True)
class Entity:
    """One gazetteer entry: a person, an organisation or a news outlet."""

    name: str
    type: str
    kind: str  # person | organisation | media


@dataclass(frozen=True)
class Speaker:
    """A parsed (and, after ``SpeakerTracker.resolve``, resolved) speaker.

    ``anaphor`` is set (to the kind of speaker it points back to) when the phrase is a pronoun
    or a description such as "perusahaan itu"; ``name`` is then empty until resolved.
    """

    name: str = ""
    type: str = "other"
    role: str = ""
    is_person: bool = False
    anaphor: str | None = None
    entity: bool = False  # the name is a gazetteer entry


def _alias_regex(aliases: list[str], *, ignore_case: bool) -> re.Pattern | None:
    """One alternation of all aliases, longest first, matched as whole words."""
    if not aliases:
        return None
    alts = "|".join(re.escape(a) for a in sorted(set(aliases), key=len, reverse=True))
    return re.compile(rf"(?<![\w.@/-])(?:{alts})(?![\w]|\.\w)", re.IGNORECASE if ignore_case else 0)


def _words_regex(words: list[str], *, ignore_case: bool = True) -> re.Pattern | None:
    if not words:
        return None
    alts = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.IGNORECASE if ignore_case else 0)


def _with_curly(names: list) -> list[str]:
    """Names as listed plus, for those written with a straight apostrophe, the typographic one
    news sites print ("Information Commissioner’s Office")."""
    out = [str(n) for n in names]
    # (and without the possessive, as speaker phrases are looked up: "Information Commissioner Office")
    return out + [v for n in out if "'" in n for v in (n.replace("'", "’"), normalise_phrase(n)) if v not in out]


def normalise_phrase(phrase: str) -> str:
    """Drop possessive endings and squeeze spaces: "Xiaomi's blog" -> "Xiaomi blog"."""
    return " ".join(_POSSESSIVE.sub("", phrase).split())


def written_as_person(text: str, name: str) -> bool:
    """Does ``text`` write the one-word ``name`` as a person's: an age after it ("Erwin (25)",
    "Adi, 31 tahun,") or a personal pronoun opening the next clause ("... oleh Erwin. Sebagai
    editor lepas ia ...", "Roe said. She added")?"""
    n = re.escape(name)
    return bool(re.search(rf"\b{n}\s*(?:\(\d{{1,2}}\)|,\s*\d{{1,2}}(?:\s+tahun)?,)", text)
                or re.search(rf"\b{n}\b[^.!?\n]*[.!?][”\"’]?\s+(?:\S+\s+){{0,5}}(?:[Ii]a|[Dd]ia|[Bb]eliau|[Hh]e|[Ss]he)\b", text))


class SpeakerBook:
    """The gazetteer and typing rules, loaded once from the codebooks."""

    def __init__(self, speakers_path: Path = SPEAKERS_YML, media_path: Path = MEDIA_YML,
                 orgs_path: Path | None = None):
        sp = read_yaml(speakers_path)
        md = read_yaml(media_path)
        self.version = f"speakers {sp.get('version', '?')}, media {md.get('version', '?')}"
        self._alias: dict[str, Entity] = {}
        self._alias_cs: dict[str, Entity] = {}
        self.entities: list[Entity] = []
        for i, ent in enumerate(sp.get("entities") or []):
            try:
                name, typ = str(ent["name"]), str(ent["type"])
            except (KeyError, TypeError) as exc:
                raise StudyError(f"{speakers_path}: entity #{i + 1} needs `name` and `type`") from exc
            if typ not in SPEAKER_TYPES:
                raise StudyError(f"{speakers_path}: entity {name!r} has type {typ!r}; use one of {', '.join(SPEAKER_TYPES)}")
            e = Entity(name, typ, str(ent.get("kind", "organisation")))
            self.entities.append(e)
            for a in _with_curly([name, *(ent.get("aliases") or [])]):
                if ent.get("case_sensitive"):
                    # names that are also ordinary words (Signal, Grab) match only as written
                    self._alias_cs[str(a)] = e
                else:
                    self._alias[str(a).lower()] = e
        self.outlets: list[Entity] = []
        for i, out in enumerate(md.get("outlets") or []):
            if not isinstance(out, dict) or "name" not in out:
                raise StudyError(f"{media_path}: outlet #{i + 1} needs a `name`")
            e = Entity(str(out["name"]), "media", "media")
            self.outlets.append(e)
            target = self._alias_cs if out.get("case_sensitive") else self._alias
            for a in _with_curly([out["name"], *(out.get("aliases") or [])]):
                # an alias already given to a person/organisation keeps that entry
                if target is self._alias and str(a).lower() in self._alias:
                    continue
                if target is self._alias_cs:
                    target[str(a)] = e
                    if len(re.sub(r"[^A-Za-z]", "", str(a))) >= 4:
                        # a masthead printed in capitals ("PREMIUM TIMES", "ANTARA") is the outlet
                        target.setdefault(str(a).upper(), e)
                else:
                    target[str(a).lower()] = e
        self._add_organisations(ORGS_YML if orgs_path is None else orgs_path)
        # a listed person's surname alone ("Tanuwijaya said", "kata Plate") names them, when no
        # other entry shares it; matched with its capital only
        surnames: dict[str, list[Entity]] = {}
        for e in self.entities:
            if e.kind == "person" and len(e.name.split()) >= 2:
                last = e.name.split()[-1].strip(".")
                if len(last) >= 4 and last[0].isupper():
                    surnames.setdefault(last, []).append(e)
        self._surnames: set[str] = set()
        for last, ents in surnames.items():
            if len(ents) == 1 and last.lower() not in self._alias and last not in self._alias_cs:
                self._alias_cs[last] = ents[0]
                self._surnames.add(last)
        self._outlet_nospace = {a.replace(" ", "").lower(): e for a, e in [*self._alias.items(), *self._alias_cs.items()]
                                if e.kind == "media" and len(a.replace(" ", "")) >= 6}
        self._re_ci = _alias_regex(list(self._alias), ignore_case=True)
        self._re_cs = _alias_regex(list(self._alias_cs), ignore_case=False)

        self.roles: list[tuple[str, str, bool]] = []  # (noun, type, generic)
        cased: list[str] = []
        for typ, nouns in (sp.get("role_nouns") or {}).items():
            if typ not in SPEAKER_TYPES:
                raise StudyError(f"{speakers_path}: role_nouns has type {typ!r}; use one of {', '.join(SPEAKER_TYPES)}")
            for n in nouns or []:
                if isinstance(n, dict):
                    self.roles.append((str(n["noun"]), typ, bool(n.get("generic", False))))
                    if n.get("case_sensitive"):
                        cased.append(str(n["noun"]))
                else:
                    self.roles.append((str(n), typ, False))
        self._role_info = {n.lower(): (t, g) for n, t, g in self.roles}
        self._role_re = _words_regex([n for n, _, _ in self.roles if n not in cased])
        # an abbreviation matched with its capitals only ("PM Lee", not "4 pm")
        self._role_re_cs = _words_regex(cased, ignore_case=False)
        self.generic_defaults = {str(k).lower(): str(v) for k, v in (sp.get("generic_defaults") or {}).items()}
        # member bodies (unions, staff associations) first: "Police Federation" is no police
        self.member_bodies = [re.compile(str(p), re.IGNORECASE) for p in sp.get("member_bodies") or []]
        self.org_patterns = [("civil_society", rx) for rx in self.member_bodies]
        self.org_patterns += [
            (typ, re.compile(p, re.IGNORECASE))
            for typ, pats in (sp.get("org_patterns") or {}).items()
            for p in pats or []
        ]
        trade = "|".join(re.escape(str(w)) for w in sp.get("firm_trade_words") or [])
        if trade:
            self.org_patterns.append(("company", re.compile(rf"\b[A-Z][\w-]+ (?:{trade})\b")))
        # capitalised words closed by a legal form or a trade word name a firm ("the Colonial
        # Pipeline Company", "Acme Widgets Inc.", "Dis-Chem Pharmacies")
        self.firm_name_re = re.compile(r"(?<![\w'’])((?:[A-Z][\w&'’-]*\s+){0,2}[A-Z][\w&'’-]*)\s+(?:Company|Inc\.?|Corp\.?|"
                                       r"Corporation|Ltd\.?|LLC|Co\." + (f"|{trade}" if trade else "") + r")(?![\w])")
        self.title_words = {str(w).lower() for w in sp.get("title_words") or []}
        self.particles = {str(w).lower() for w in sp.get("name_particles") or []}
        self.not_names = {str(w).lower() for w in sp.get("not_names") or []}
        # regions written after a town ("nasabah BSI di Jombang, Jawa Timur, mengatakan")
        self.places = {" ".join(str(w).lower().split()) for w in sp.get("places") or []}
        # offices written in front of a name ("Interior CS Kithure Kindiki"), by the type they give
        self.office_titles: dict[str, str] = {}
        for typ, words in (sp.get("office_titles") or {}).items():
            if typ not in SPEAKER_TYPES:
                raise StudyError(f"{speakers_path}: office_titles has type {typ!r}; use one of {', '.join(SPEAKER_TYPES)}")
            for w in words or []:
                self.office_titles[str(w).lower()] = str(typ)
        dets = sorted((str(d) for d in sp.get("determiners") or []), key=len, reverse=True)
        self._det_re = re.compile(r"^(?:(?:" + "|".join(re.escape(d) for d in dets) + r")\s+)+", re.IGNORECASE)
        self.anaphora: dict[str, list[tuple[re.Pattern, str]]] = {}
        for lang, items in (sp.get("anaphora") or {}).items():
            self.anaphora[lang] = [(re.compile(rf"(?:{a['pattern']})", re.IGNORECASE), str(a["refers_to"])) for a in items]

    def _add_organisations(self, path: Path) -> None:
        """Add the general organisation lexicon (organisations.yml) to the gazetteer.

        Its names match as written (many are ordinary lower-case words), and an alias that
        speakers.yml or media.yml already gives keeps that entry: the study's own codebook wins.
        """
        if not Path(path).exists():
            return  # an older checkout or a test book without the lexicon
        data = read_yaml(path)
        self.version += f", organisations {data.get('version', '?')}"
        for typ, items in data.items():
            if typ == "version":
                continue
            if typ not in SPEAKER_TYPES:
                raise StudyError(f"{path}: section {typ!r} is no speaker type; use one of {', '.join(SPEAKER_TYPES)}")
            for i, item in enumerate(items or []):
                if isinstance(item, dict):
                    if "name" not in item:
                        raise StudyError(f"{path}: {typ} entry #{i + 1} needs a `name`")
                    name, aliases = str(item["name"]), [str(a) for a in item.get("aliases") or []]
                else:
                    name, aliases = str(item), []
                names = [n for n in _with_curly([name, *aliases]) if n.lower() not in self._alias and n not in self._alias_cs]
                if not names:
                    continue
                e = Entity(name, typ, "organisation")
                self.entities.append(e)
                for n in names:
                    self._alias_cs[n] = e

    # --- gazetteer -------------------------------------------------------------------------
    def lookup(self, name: str) -> Entity | None:
        """The entity whose name or alias is exactly ``name`` (possessives ignored)."""
        n = normalise_phrase(name).strip(" .")
        hit = self._alias_cs.get(n) or self._alias.get(n.lower())
        stem = re.match(r"(.+?)\.(?:com|co\.id|id|net|org)$", n)
        if hit is None and stem:
            # "Cermati.com": a listed firm's web address is the firm (an outlet's is listed itself)
            hit = self._alias_cs.get(stem.group(1)) or self._alias.get(stem.group(1).lower())
        if hit is None and " " in n:
            # "Cyber News" for the outlet Cybernews: outlets are written with and without spaces
            hit = self._outlet_nospace.get(n.replace(" ", "").lower())
        if hit is None and stem and stem.group(1).islower():
            # "cnbcindonesia.com": an outlet's web address in lower case, without its spaces
            hit = self._outlet_nospace.get(stem.group(1))
        return hit

    def find(self, text: str) -> list[tuple[int, int, Entity]]:
        """Every alias occurrence in ``text``: (start, end, entity), longest match wins, in order."""
        hits: list[tuple[int, int, Entity]] = []
        for rx, table, lower in ((self._re_ci, self._alias, True), (self._re_cs, self._alias_cs, False)):
            if rx is None:
                continue

            def entity(m: re.Match) -> Entity | None:
                key = m.group(0).lower() if lower else m.group(0)
                ent = table.get(key)
                if ent is not None and key in self._surnames:
                    given = re.search(r"([A-Z][a-z'’]+)\s+$", text[max(0, m.start() - 30):m.start()])
                    word = given.group(1).lower() if given else ""
                    if given and word not in self.title_words and given.group(1) not in ent.name \
                            and word not in _SENTENCE_OPENERS | _CLAUSE_WORDS | _FUNCTION_WORDS | _CUE_WORDS_BEFORE_NAMES:
                        return None  # "Meetali Jain" is another Jain than the listed Manu Kumar Jain
                return ent

            for m in rx.finditer(text):
                ent = entity(m)
                if ent is None:
                    continue
                hits.append((m.start(), m.end(), ent))
                # a longer alias may start inside this one ("The Information Commissioner's
                # Office" is no outlet "The Information"): try every word start within it
                for w in re.finditer(r"(?<=\s)\S", text[m.start():m.end()]):
                    inner = rx.match(text, m.start() + w.start())
                    got = entity(inner) if inner else None
                    if got is not None and inner.end() > m.end():
                        hits.append((inner.start(), inner.end(), got))
        # the longest of overlapping aliases wins, then reading order
        out: list[tuple[int, int, Entity]] = []
        for h in sorted(hits, key=lambda h: (-(h[1] - h[0]), h[0])):
            if not any(h[0] < b and a < h[1] for a, b, _ in out):
                out.append(h)
        return sorted(out, key=lambda h: h[0])

    # --- roles -----------------------------------------------------------------------------
    def role_nouns_in(self, text: str) -> list[tuple[int, int, str, str, bool]]:
        """Role nouns found in ``text``: (start, end, noun, type, generic)."""
        if self._role_re is None:
            return []
        out = []
        for m in self._role_re.finditer(text):
            typ, gen = self._role_info[m.group(0).lower()]
            out.append((m.start(), m.end(), m.group(0), typ, gen))
        if self._role_re_cs is not None:
            for m in self._role_re_cs.finditer(text):
                if not any(a < m.end() and m.start() < b for a, b, *_ in out):
                    typ, gen = self._role_info[m.group(0).lower()]
                    out.append((m.start(), m.end(), m.group(0), typ, gen))
            out.sort()
        return out

    def has_role_noun(self, text: str) -> bool:
        return bool(self.role_nouns_in(text))

    def type_from_role(self, role: str, lang: str | None = None) -> str | None:
        """The speaker type a role phrase implies, or None (rules 3-5 of the codebook header)."""
        if not role:
            return None
        head = re.split(r"(?i)[\s,]+(?:who|which|whose|yang|representing|mewakili|acting for|working for)\s", role, maxsplit=1)[0]
        if head != role and any(not n[4] for n in self.role_nouns_in(head)):
            # "attorney David Boies, who represented Google users": the head noun types the
            # speaker, not a noun inside the relative clause that describes them
            return self.type_from_role(head, lang)
        if _LONE_HACKER.fullmatch(self.strip_determiners(role).strip()):
            # "seorang hacker", "a hacker", "the threat actor": an attacker with no qualifier is
            # no researcher ("a former NSA hacker", "ethical hacker" keep their own nouns)
            return "other"
        if _MEMBERS_BODY.match(role.strip()):
            # "Asosiasi Pedagang Kripto Indonesia", "Serikat Pekerja ...": a members' body is
            # civil society, whatever its members are called (pedagang, pekerja)
            return "civil_society"
        emp = self.employer_type(role, lang)
        if emp:
            # coding rule 4a: a post held in a named organisation ("Acme's chief security
            # officer", "Pentagon spokesman", "juru bicara Kominfo", "director of policy at the
            # Consumer Council") takes the organisation's type, not the type of a word of the title
            return emp
        nouns = self.role_nouns_in(role)
        strong = [n for n in nouns if not n[4]]
        if _CHIEF_OFFICER.search(role) and self.type_of_org(_CHIEF_OFFICER.sub(" ", role)) in (None, "company"):
            # "Robinhood's chief security officer", "CISO of Acme": an officer of a firm speaks
            # for the firm; the word "security" in the title does not make a researcher
            return "company"
        ngo = [(a, b) for a, b, e in self.find(role) if e.kind != "person" and e.type == "civil_society"]
        own = [n for n in strong if not any(a <= n[0] < b for a, b in ngo)]  # not a word of the NGO's name
        if ngo and own and min(own, key=lambda n: TYPE_PRIORITY.index(n[3]))[3] in ("researcher", "other") \
                and not any(_HACKER_ROLE.search(n[2]) for n in own):
            # "Peneliti ... SAFEnet", "researcher at the EFF", "a data protection lawyer at Noyb":
            # a person speaking for an NGO the article names is civil society
            return "civil_society"
        if len({n[3] for n in strong}) > 1 and not re.search(r"\b(?:of|at|for|from|with|dari|di|pada)\b", role, re.IGNORECASE):
            # "a former National Security Agency hacker": without a preposition an English role
            # ends with its head noun (hacker), an Indonesian one starts with it (peneliti ...)
            head = strong[0] if lang == "id" else strong[-1]
            return head[3]
        if strong:
            # several kinds named ("analyst at a consumer group", "partner at a law firm"): the
            # more specific public role wins, in the order of TYPE_PRIORITY
            return min(strong, key=lambda n: TYPE_PRIORITY.index(n[3]))[3]
        org = self.type_of_org(role)
        if org:
            return org
        if nouns:
            noun = nouns[0][2].lower()
            if noun in _EXECUTIVE_ROLES and self._names_org(role, nouns):
                # "Direktur BSI", "director of Acme": an executive of an organisation the
                # gazetteer does not know speaks for a firm (coding rule 6: company by default)
                return "company"
            return self.generic_defaults.get(noun, nouns[0][3])
        return None

    def employer_type(self, role: str, lang: str | None = None) -> str | None:
        """The type of the organisation a post in ``role`` is held in, or None.

        Applies only to a role made of posts (spokesperson, CEO, president, head, director,
        "chief ... officer", juru bicara, a military rank) and the fields of their departments
        ("security chief", "director of digital policy", "Direktur Consumer"). The organisation
        is the gazetteer entry named in the role, else what is left once the posts and fields
        are taken out, typed by the name patterns ("... Consumer Council", "Kementerian ...",
        "PT ..."); an unknown capitalised name with an executive post (CEO, founder, VP,
        director, chief) is a firm. A rank ("Col.", "Gen.") is the armed forces: government.
        Roles with another kind of speaker in them ("security researcher at Acme", "Menteri
        ...", "lawyer for ...") return None: the general rules decide those."""
        if not role:
            return None
        if _RANK.search(role):
            return "government"
        toks = list(re.finditer(r"[^\s,;:()]+", role))
        if not toks:
            return None
        low = [t.group(0).lower().strip(".'’").removesuffix("'s").removesuffix("’s") for t in toks]
        nouns = self.role_nouns_in(role)
        post = [False] * len(toks)
        chief = _CHIEF_OFFICER.search(role)
        executive = bool(chief)
        for i, t in enumerate(toks):
            if chief and chief.start() <= t.start() < chief.end():
                post[i] = True
        kinds = []
        president = False
        for a, b, noun, typ, generic in nouns:
            is_post = generic or noun.lower() in _POST_NOUNS
            if is_post:
                executive = executive or noun.lower() in _EXECUTIVE_ROLES
                president = president or noun.lower() in ("president", "presiden")
                for i, t in enumerate(toks):
                    if a <= t.start() < b:
                        post[i] = True
            else:
                kinds.append((a, b, noun))
        if not any(post):
            return None
        if any(rx.search(role) for rx in self.member_bodies):
            # "president of the local Fraternal Order of Police chapter": the members' body, not
            # the police it is named after
            return "civil_society"

        def field(i: int) -> bool:
            w = low[i]
            if w in _FIELD_WORDS:
                return True
            nxt = low[i + 1] if i + 1 < len(low) else ""
            return (w, nxt) in _FIELD_PAIRS or (i > 0 and (low[i - 1], w) in _FIELD_PAIRS)

        # the fields of a post: right before it ("security chief"), right after it ("Direktur
        # Consumer", "Vice President Corporate Communications"), or after its "of" ("head of
        # digital policy"), and posts joined by "and" ("President and CEO")
        dept = post[:]
        for i in range(len(toks)):
            if not post[i]:
                continue
            j = i - 1
            while j >= 0 and field(j) and not post[j]:
                dept[j] = True
                j -= 1
            j = i + 1
            if j < len(toks) and low[j] in ("of", "for") and j + 1 < len(toks) and field(j + 1):
                dept[j] = True
                j += 1
            while j < len(toks) and (field(j) or (low[j] in ("and", "&", "dan") and j + 1 < len(toks)
                                                   and (field(j + 1) or post[j + 1]))):
                dept[j] = True
                j += 1
        # an Indonesian role names the post, then the organisation, then the portfolio: "Anggota
        # KPAI pengampu kluster anak korban kekerasan" is a member of KPAI, not a victim
        org_end = None
        if lang == "id":
            post_end = max((t.end() for i, t in enumerate(toks) if post[i]), default=0)
            # (an acronym is the whole name: "Komisioner KPAI Pengampu Subklaster Anak Korban")
            named = re.compile(r"[A-Z][A-Z0-9&.-]+\b|[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*").search(role, post_end)
            org_end = named.end() if named and not role[post_end:named.start()].strip() else None
        named_orgs = [(s2, e) for s2, _, e in self.find(role) if e.kind != "person"]
        for a, b, noun in kinds:
            if any(dept[i] for i, t in enumerate(toks) if a <= t.start() < b):
                continue
            if org_end is not None and a >= org_end:
                continue
            if any(s2 >= b and not role[b:s2].strip() for s2, _ in named_orgs):
                continue  # "cybercrime intelligence firm Hudson Rock": the listed employer's description
            if noun[:1].isupper() and re.match(r"\s+[A-Z]", role[b:]):
                continue  # a word of an organisation's name: "the Norwegian Consumer Council"
            return None  # another kind of speaker is named: the general rules decide
        rest = " ".join(t.group(0) for i, t in enumerate(toks) if not dept[i])
        former = any(w in ("former", "mantan", "ex") for w in low) or bool(re.search(r"(?i)\bex-", role))
        hits = [e for _, _, e in self.find(rest)]
        if not hits:
            # a listed organisation whose name holds a field word ("founder of Security Brigade",
            # "Head of Research at Check Point Research"): the name as written, not what is left
            hits = [e for _, _, e in self.find(role) if e.kind != "person"]
        typ = None
        if any(rx.search(rest) for rx in self.member_bodies):
            typ = "civil_society"  # "Ketua Serikat Pekerja Telkom": the union, not the firm it is named after
        elif hits:
            typ = hits[0].type
        else:
            for t, rx in self.org_patterns:
                if rx.search(rest):
                    typ = t
                    break
            if typ is None and any(_INTERCAPPED.fullmatch(t.strip(",.'’")) for t in rest.split()):
                typ = "company"
            if typ is None and executive:
                caps = [t for t in re.findall(r"[\w&.'’-]+", rest) if t[:1].isupper()
                        and t.lower().strip(".") not in self.title_words and t.lower() not in self.particles
                        and t.lower().strip(".'’").removesuffix("'s").removesuffix("’s") not in _PLACE_WORDS
                        and not _DEMONYM.fullmatch(t)]
                if caps:
                    typ = "company"  # "Rogers CEO", "Direktur Acme": an executive of an unknown firm
            if typ is None and president and not executive:
                # "LY President", "president of Acme Corp": a firm's acronym, brand or legal form
                # (a country's or a party's president is typed by the general rules)
                firm = [t for t in re.findall(r"[\w&.'’-]+", rest) if (re.fullmatch(r"[A-Z]{2,6}", t) or _INTERCAPPED.fullmatch(t)
                        or t.lower().strip(".") in _LEGAL_FORMS) and not self.is_place(t) and t.lower() not in self.title_words]
                if firm:
                    typ = "company"
            if typ == "company" and _SECURITY_FIRM.search(role):
                # "founder of Acme Security", "CEO of CyberZentra": a firm whose own name says it
                # works on security speaks as a researcher (coding rule 6, security firms)
                typ = "researcher"
        if typ == "company" and former:
            # "Acme's former head of security": a former officer no longer speaks for the firm
            return "other"
        return typ

    def for_article(self, text: str) -> SpeakerBook:
        """This book with the organisations ``text`` defines for itself: an acronym in brackets
        after a long name the rules can type ("Ikatan Wajib Pajak Indonesia (IWPI)", "Dinas
        Pendidikan dan Kebudayaan (Disdikbud)") takes that type wherever the article writes it
        ("Ketua Umum IWPI, Rinto Setiyawan", "Kepala Disdikbud Kota Malang Suwarjana")."""
        longs = article_aliases(text or "", self)
        for m in _LONG_FORM.finditer(text or ""):
            # a code or a syllable acronym ("XLSMART Telecom Sejahtera Tbk (XLSMART)", "Dinas
            # Pendidikan dan Kebudayaan (Disdikbud)"): the long form from the word with its initial
            words, short = m.group(1).split(), m.group(2)
            k = next((i for i, w in enumerate(words) if w[0] == short[0]), len(words))
            if short not in longs and len(words) - k >= 2 and self.lookup(short) is None:
                longs[short] = " ".join(words[k:])
        # (a nickname's long form is a person's name, which no pattern types)
        local = [(typ, re.compile(rf"(?<![\w-]){re.escape(short)}(?![\w-])"))
                 for short, long in longs.items() if (typ := self.type_of_org(long)) is not None]
        other = self._other_bodies(text or "")
        parties = self._firms_in_their_own_story(text or "")
        if not local and not other and not parties:
            return self
        book = copy.copy(self)
        book.org_patterns = local + self.org_patterns
        if other or parties:
            book._alias_cs, book._alias = dict(self._alias_cs), dict(self._alias)
        # "National Communications Authority (NCA)" in a Ghanaian story is not the listed
        # National Crime Agency: here the acronym names the body the article spells out
        for short, ent in other.items():
            book._alias_cs[short] = ent
            book._alias[ent.name.lower()] = ent
        for ent in parties:
            firm = replace(ent, type="company")
            for table in (book._alias_cs, book._alias):
                for key in [k for k, e in table.items() if e is ent]:
                    table[key] = firm
        return book

    def _firms_in_their_own_story(self, text: str) -> set[Entity]:
        """Listed security and research firms that ``text`` treats as a business in its own story
        ("CrowdStrike CEO George Kurtz", "CrowdStrike's customers", "the CrowdStrike outage",
        "CrowdStrike apologised"): there they speak for a company, not as researchers of someone
        else's breach (coding rule 6: the type of the organisation the speaker speaks for)."""
        return {ent for s, e, ent in self.find(text)
                if ent.kind == "organisation" and ent.type == "researcher" and not self._org_name_type(ent.name)
                and (_OWN_STORY_AFTER.match(text, e) or _OWN_STORY_BEFORE.search(text, max(0, s - 20), s))}

    def _other_bodies(self, text: str) -> dict[str, Entity]:
        """Listed acronyms this article spells out as another body: short -> that body."""
        out: dict[str, Entity] = {}
        for m in _LONG_FORM.finditer(text):
            words, short = m.group(1).split(), m.group(2)
            listed = self._alias_cs.get(short)
            if listed is None or listed.kind == "person" or not short.isupper():
                continue
            letters = re.sub(r"[^A-Z0-9]", "", short)
            caps = [w for w in words if w.lower() not in _ORG_STOPWORDS]
            if len(caps) < len(letters) or "".join(w[0].upper() for w in caps[-len(letters):]) != letters:
                continue
            long = " ".join(words[words.index(caps[-len(letters)]):])
            names = [listed.name] + [a for a, e in self._alias_cs.items() if e is listed] \
                + [a for a, e in self._alias.items() if e is listed]
            content = lambda x: {w.lower() for w in re.findall(r"\w+", x) if w.lower() not in _ORG_STOPWORDS}  # noqa: E731
            mine = content(long)
            if any(len(mine & content(n)) * 2 > len(mine | content(n)) for n in names if " " in n):
                continue  # the listed body, however spelled ("Lembaga Studi & Advokasi Masyarakat")
            if any(" " in n for n in names):
                out[short] = Entity(long, self.type_of_org(long) or listed.type, "organisation")
        return out

    def _names_org(self, role: str, nouns: list) -> bool:
        """Does ``role`` name an organisation besides its role nouns (a capitalised word that is
        no title word)?"""
        rest = role
        for s, e, *_ in sorted(nouns, reverse=True):
            rest = rest[:s] + " " + rest[e:]
        return any(t[:1].isupper() and t.lower() not in self.title_words and t.lower() not in self.particles
                   for t in re.findall(r"[\w&.-]+", rest))

    def opens_with_firm_noun(self, role: str) -> bool:
        """Does ``role`` open with a firm's description ("Tech giant", "insurer", "perusahaan")?"""
        return any(n[0] == 0 and n[3] == "company" and not n[4] for n in self.role_nouns_in(role))

    def is_place(self, word: str) -> bool:
        """Is ``word`` a place (speakers.yml `places`, or a country or region word)?"""
        return word.lower() in self.places or word.lower() in _PLACE_WORDS

    def _place_ends_body(self, role: str, name: str) -> bool:
        """Is ``name`` a place that closes the name of an organisation ending ``role`` ("Direktur
        ... Polda" + "Riau": Polda Riau; "Vodafone" + "Portugal"), rather than a person's name?"""
        if not (name and role and self.is_place(name)):
            return False
        last = role.split()[-1]
        return last[:1].isupper() and self.type_of_org(f"{last} {name}") is not None

    def type_of_org(self, phrase: str) -> str | None:
        """The type of an organisation named in ``phrase`` (member bodies, gazetteer, name patterns)."""
        if any(rx.search(phrase) for rx in self.member_bodies):
            return "civil_society"
        for _, _, ent in self.find(phrase):
            if ent.kind != "person":
                return ent.type
        for typ, rx in self.org_patterns:
            if rx.search(phrase):
                return typ
        if any(_INTERCAPPED.fullmatch(t.strip(",.")) for t in phrase.split()):
            return "company"  # "TikTok India head": an intercapped brand names a firm
        return None

    def anaphor(self, phrase: str, lang: str) -> str | None:
        """What an anaphoric phrase refers back to (person, company, ..., any), else None."""
        p = " ".join(phrase.lower().replace("’", "'").split()).strip(" ,.")
        placed = re.fullmatch(r"(?:the|this) (.+?) (company|firm|startup|giant)", p)
        if placed and self.is_place(placed.group(1)):
            return "company"  # "the New York company", "the Sydney firm": the firm just named
        langs = [lang] + [k for k in self.anaphora if k != lang]
        for lg in langs:
            for rx, kind in self.anaphora.get(lg, []):
                if rx.fullmatch(p):
                    return kind
        return None

    def strip_determiners(self, phrase: str) -> str:
        return self._det_re.sub("", phrase.strip())

    # --- names -----------------------------------------------------------------------------
    def _name_token(self, tok: str) -> bool:
        """A token that can be part of a personal name (capitalised, not a title word)."""
        core = tok.strip(".,'’")
        if not core:
            return False
        if core.startswith("@") and len(core) > 1:
            return True  # a social-media handle
        if core.lower() in self.title_words or core.lower() in self.not_names:
            return False
        if core.lower() in self._role_info:
            return False
        if re.fullmatch(r"\d+[a-z]*[A-Z][\w-]*", core):
            return True  # a brand that starts with a digit ("23andMe", "3M")
        if re.fullmatch(r"[a-z]{2,}[A-Z][A-Za-z0-9]*", core):
            return True  # an alias or brand written in lower camel case ("zorBit", "mTouch")
        return core[0].isupper() or (len(core) <= 2 and core[0].isupper())

    def split_role_name(self, phrase: str) -> tuple[str, str, Entity | None]:
        """(role, name, entity) for a comma-free phrase.

        "peneliti keamanan siber Gabi Cirlig" -> ("peneliti keamanan siber", "Gabi Cirlig", entity)
        "juru bicara Xiaomi" -> ("juru bicara", "Xiaomi", Xiaomi); "seorang peneliti" -> ("peneliti", "", None).
        """
        owned = bool(_POSSESSIVE.search(phrase))
        phrase = self.strip_determiners(normalise_phrase(phrase)).strip(" .,-—–")
        if not phrase:
            return "", "", None
        hits = self.find(phrase)
        persons = [h for h in hits if h[2].kind == "person"]
        if persons:
            s, e, ent = persons[-1]
            role = (phrase[:s] + " " + phrase[e:]).strip()
            return " ".join(role.split()), ent.name, ent
        # "Lolly Suhenty Anggota Badan Pengawas Pemilu RI": a personal name first, then its role
        for n in (2, 1):
            lead = re.match(r"((?:[A-Z][a-z][\w'’-]*\s+){%d}[A-Z][a-z][\w'’-]*)\s+(\S+)" % n, phrase)
            if lead and not self.find(lead.group(1)) \
                    and all(t.lower() not in self.title_words and not self.role_nouns_in(t) for t in lead.group(1).split()) \
                    and (lead.group(2).lower() in self.title_words or self.role_nouns_in(lead.group(2))) \
                    and lead.group(2)[:1].isupper():
                after = phrase[lead.end(2):].split()
                # (not when they name an organisation: "Presley Hutabarat Direktur Utama Bank Lampung")
                if len(after) >= 2 and all(self._name_token(t) and t[:1].isupper() for t in after[-2:]) \
                        and not self.type_of_org(" ".join(after[-2:])):
                    # "Northern Kestria Secretary Jane Roe": a person's name after the
                    # office; the words before it name the office's place, not a person
                    break
                return " ".join(phrase[lead.end(1):].split()), lead.group(1), None
        # "Security analyst Maria Gomez of the firm Redline Security": a name before an
        # affiliation ("of", "at", "from", "dari") is the speaker, the rest is the role
        aff = re.search(r"\s(?:of|at|from|dari)\s+(?:the\s+)?(?:\w+\s+){0,2}[A-Z]", phrase)
        if aff:
            left_role, left_name, left_ent = self.split_role_name(phrase[: aff.start()])
            if left_name and (left_ent is None or left_ent.kind == "person") and len(left_name.split()) >= 2 \
                    and not _BODY_HEAD_END.search(left_name):
                # (not a body's head before its "of": "the Louisiana Office of Motor Vehicles")
                return " ".join(f"{left_role} {phrase[aff.start():]}".split()), left_name, left_ent
        head = phrase.split()[-1]
        if not hits and not owned and _ORG_RUN.fullmatch(phrase) and (self._org_name_type(head) or _BODY_NAME.search(phrase)) \
                and head.lower() not in self.office_titles and not self.has_role_noun(head) \
                and not self.has_role_noun(phrase.split()[0]):
            # "Finance Sector Union", "Community and Public Sector Union", "Louisiana Office of
            # Motor Vehicles": a capitalised run that ends with an organisation's head word (not
            # an office: "Assistant Commissioner") or holds a body's name names that body whole
            # (an owner's possessive, "India's Ministry of ...", is left to the rules below)
            return "", phrase, None
        # the trailing run of name-like tokens (not titles, not organisations) is the name
        toks = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(phrase)]
        org_spans = [(s, e) for s, e, ent in hits]
        in_org = lambda s: any(a <= s < b for a, b in org_spans)  # noqa: E731
        i = len(toks)
        while i > 0:
            s, e, t = toks[i - 1]
            if in_org(s):
                break
            if self._name_token(t) or (t.lower() in self.particles and i < len(toks) and i > 1):
                i -= 1
                continue
            break
        if i == len(toks) and len(toks) >= 2 and toks[-1][2].lower() in _BRAND_TAILS \
                and not self.find(toks[-1][2]):
            # "Air India", "Tata China": a national arm's name ends with a country word that is
            # otherwise a title word ("Xiaomi India"); a brand word before it keeps the whole name
            j = len(toks) - 1
            while j > 0 and self._name_token(toks[j - 1][2]) and toks[j - 1][2][:1].isupper() \
                    and toks[j - 1][2].lower() not in _BRAND_TAILS and not in_org(toks[j - 1][0]):
                j -= 1
            if j == 0:
                # (only when the phrase is the name alone: in "co-CEO Zalada Indonesia" the
                # firm belongs to the role, as before)
                i = j
        name_toks = toks[i:]
        # a particle cannot start a name
        while name_toks and name_toks[0][2].lower() in self.particles:
            name_toks = name_toks[1:]
        # "Direktur BSI Herry Gunardi", "CEO XYZ Jane Doe": an acronym before a personal name
        # is the organisation of the role, not part of the name
        while len(name_toks) >= 3 and (re.fullmatch(r"[A-Z]{2,6}", name_toks[0][2]) or _INTERCAPPED.fullmatch(name_toks[0][2])) \
                and not self.lookup(" ".join(t[2] for t in name_toks)):
            name_toks = name_toks[1:]
        # "Kepala Pusdatin Kemenkes Anas Ma'ruf": a word that names an organisation by its form
        # (Kemen-, Polda, Universitas ...) ends the role, it does not start the name
        # (unless the run ends with such a word itself: "Finance Sector Union" is one name)
        while len(name_toks) >= 2 and self._org_name_type(name_toks[0][2]) \
                and not self._org_name_type(name_toks[-1][2]) \
                and not self.lookup(" ".join(t[2] for t in name_toks)):
            name_toks = name_toks[1:]
        for k in (3, 2, 1):
            # "Kepala Dinas ... Provinsi Bali Made Wirawan", "Gubernur Jawa Barat ...": the region
            # closes the office's name; the person's name follows it
            if len(name_toks) >= k + 2 and name_toks[0][0] > 0 and phrase[:name_toks[0][0]].strip() \
                    and " ".join(t[2] for t in name_toks[:k]).lower() in self.places \
                    and not self.lookup(" ".join(t[2] for t in name_toks)):
                name_toks = name_toks[k:]
                break
        before = phrase[: name_toks[0][0]].split() if name_toks else []
        if before and before[-1].lower() in ("of", "for") and (self.role_nouns_in(" ".join(before)) or any(
                w.lower() in self.title_words for w in before)):
            # "Minister for Health Gan Kim Yong", "Minister of Home Affairs Jane Roe": the
            # portfolio after the title's "for"/"of" ends the office; the person follows it
            k = 0
            while k < len(name_toks) - 2 and (name_toks[k][2].lower() in _PORTFOLIOS
                                              or (k > 0 and name_toks[k][2].lower() in _PORTFOLIO_JOINERS)):
                k += 1
            if all(t[2].lower() in _PORTFOLIOS | _PORTFOLIO_JOINERS for t in name_toks):
                return " ".join(phrase.split()), "", None  # "the Minister for Health has said": no name
            rest = [t[2] for t in name_toks[k:]]
            # (only before a person's name: "Head of Digital Banking Bank BTPN Irwan Tisnabudi" is a unit)
            if k and len(rest) <= 4 and not any(self._org_name_type(t) or re.fullmatch(r"[A-Z]{2,6}", t)
                                                or t.lower() in self.title_words for t in rest):
                name_toks = name_toks[k:]
                before = phrase[: name_toks[0][0]].split()
        opened = bool(before) and (before[-1].lower() in _UNIT_OPENERS or " ".join(before[-2:]).lower() == "satuan tugas")
        # "Assistant Commissioner of Cyber Command Justine Gough", "Director General of
        # Immigration Silmy Karim": after a title's "of" the capitalised run opens with the
        # unit's name; the person is its last words
        opened = opened or (bool(before) and before[-1].lower() in ("of", "dari") and len(name_toks) >= 3
                            and bool(self.role_nouns_in(" ".join(before)) or any(w.lower() in self.title_words for w in before)))
        cut = _person_start([t[2] for t in name_toks], opened)
        if cut and not self.lookup(" ".join(t[2] for t in name_toks)):
            name_toks = name_toks[cut:]  # "Ketua Satgas Waspada Investasi Tongam L Tobing"
        if name_toks:
            name = phrase[name_toks[0][0]:name_toks[-1][1]]
            role = phrase[: name_toks[0][0]].strip()
            ent = self.lookup(name)
            return role, (ent.name if ent else name), ent
        orgs = [h for h in hits if h[2].kind != "person"]
        words = phrase.split()
        head = words[0] if words and words[0][:1].islower() and self.lang_first(phrase) else (words[-1] if words else "")
        if orgs and self.type_from_role(head) == "user" and head[:1].islower() \
                and not _ACCOUNT_OF.fullmatch(phrase[:orgs[-1][0]].strip()):
            # "TikTok creators", "a group of TikTok creators", "pelanggan kartu Telkomsel": a noun
            # phrase headed by users names the users, whatever firm it mentions
            return phrase, "", None
        if orgs:
            s, e, ent = orgs[-1]
            role = " ".join((phrase[:s] + " " + phrase[e:]).split())
            group = self._strong_type(phrase[:s]) if s > 0 else self._strong_type(phrase[e:])
            # ("ChatGPT creator OpenAI", "Fortnite maker Epic Games": a product's maker, named
            # after the noun, is the firm itself)
            if group is not None and group != ent.type and ent.type != "other" and not _MAKER_OF.fullmatch(phrase[:s].strip()) \
                    and not (s > 0 and _DOCUMENT_OF.search(phrase[:s])) and not _ACCOUNT_OF.fullmatch(phrase[:s].strip()):
                # "pemilik ponsel Xiaomi", "Xiaomi users" are users; but "laporan dari perusahaan
                # keamanan Comparitech", "a report by Comparitech" is the organisation speaking
                return phrase, "", None
            if not role:
                # an alias such as "juru bicara Xiaomi" carries its role inside it
                role = " ".join(n[2] for n in self.role_nouns_in(phrase[s:e]) if n[3] != "company" or n[4])
            return role, ent.name, ent
        return phrase, "", None

    def lang_first(self, phrase: str) -> bool:
        """Does ``phrase`` open with its head noun (Indonesian order: "pelanggan kartu Telkomsel")?"""
        first = phrase.split()[0].lower() if phrase.split() else ""
        return any(n[0] == 0 and n[1] >= len(first) for n in self.role_nouns_in(phrase.lower())) and first not in ("group", "kelompok")

    def looks_like_name(self, chunk: str) -> bool:
        """A short chunk of capitalised tokens (a personal or organisation name)."""
        chunk = normalise_phrase(chunk).strip(" .")
        toks = chunk.split()
        if not toks or len(toks) > 5:
            return False
        if self.lookup(chunk):
            return True
        return all(t[0].isupper() or t.lower() in self.particles for t in toks) and toks[0][0].isupper() \
            and not self.has_role_noun(chunk)

    def looks_like_role(self, chunk: str) -> bool:
        """A chunk that describes a speaker without naming one ("a security researcher")."""
        c = self.strip_determiners(normalise_phrase(chunk))
        if not c:
            return False
        return self.has_role_noun(c) and not self.looks_like_name(c)

    def parse(self, phrase: str, lang: str, apposition: str = "") -> Speaker:
        """A speaker from a phrase (and an optional apposition chunk such as ", a researcher,").

        Anaphora come back with ``anaphor`` set and no name. A phrase that names nobody and
        describes no one (no name, organisation or role noun) comes back with no name and type
        ``other``; callers treat that as "no speaker here".
        """
        phrase = " ".join(_PAREN.sub("", phrase).split()).strip(" ,.:;—–-")
        # a label glued to the line ("Saran: Budi berkata", "Update: Acme said") and the cue
        # word "Menurut" left in front of a title ("Menurut Kasudit I ... mengungkapkan") are no name
        phrase = re.sub(r"^(?:[A-Z][a-z]{2,12}:\s+|(?:Menurut|According to)\s+(?=[A-Z]))", "", phrase) or phrase
        phrase = re.sub(r"\b([A-Z])\.(?=[A-Z][a-z])", r"\1. ", phrase)  # "Johnny G.Plate"
        # "Unggahan yang diposting oleh akun @x itu": the account named, not an anaphor
        phrase = re.sub(r"(?<=\w)\s+(?:itu|tersebut|ini)$", "", phrase) if re.search(r"(?:oleh|dari|by|from)\s+(?:akun\s+)?@\w+\s+\w+$", phrase) else phrase
        # "the Las Vegas-based company", "San Francisco-based Okta": a place adjective describes
        # the speaker, it is neither a name nor a role
        phrase = _BASED_IN.sub("", phrase).strip() or phrase
        listed = _LISTED_ON.match(phrase)
        if listed and phrase[listed.end():].strip():
            # "JSE-listed Dis-Chem Pharmacies", "Nasdaq-listed Acme": a firm whose shares trade
            sp = self.parse(phrase[listed.end():], lang, apposition)
            return replace(sp, type="company", is_person=False) if sp.name and not sp.entity and sp.type == "other" else sp
        owner = re.match(r"(?:[Tt]he\s+)?([A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})['’]s?\s+(?=[A-Z])", phrase)
        if owner and self.is_place(owner.group(1)) \
                and self.lookup(self.strip_determiners(phrase[owner.end():])) is not None:
            # "Indonesia’s Financial Services Authority", "Australia's Optus": the country
            # that owns a listed body is no part of its name (an unlisted "India's Ministry of
            # ..." keeps it: many countries have one)
            phrase = phrase[owner.end():]
        apposition = re.sub(r"\b([A-Z])\.(?=[A-Z][a-z])", r"\1. ", _PAREN.sub("", apposition))
        medium = _MEDIUM_OF.fullmatch(phrase)
        if medium and not apposition:
            # "Jane Roe's tweet read", "Acme's statement said": the owner of the medium speaks
            return self.parse(medium.group(1), lang)
        if not phrase:
            return Speaker()
        social = _SOCIAL_POST.fullmatch(phrase)
        if social and not apposition:
            # "an X post claimed", "the viral post said", "unggahan viral itu": an unnamed
            # poster on social media speaks, a member of the public (user), not an outlet
            return Speaker(self.strip_determiners(phrase), "user", phrase, False)
        cust = _CUSTOMER_OF.fullmatch(phrase)
        if cust:
            org = cust.group(2) or cust.group(3)
            ent = self.lookup(org)
            if (ent is None or ent.kind != "person") and org.lower() not in self.places:
                # "salah satu pengguna Indodax", "a Zentrix customer": a user of the firm speaks,
                # not the firm (coding rule 6: pengguna → user); coded by the description
                noun = (cust.group(1) or cust.group(4)).lower()
                name = f"{noun} {org}" if cust.group(1) else f"{org} {noun}"
                return Speaker(name, "user", phrase, True)
        doc = _DOCUMENT_NAMED.fullmatch(phrase)
        if doc and not apposition:
            org = self.lookup(self.strip_determiners(doc.group(1) or doc.group(2)))
            if org is not None and org.kind != "person" and org.type != "media":
                # "Laporan UNICEF menyebutkan", "a Kaspersky report said": the listed body that
                # wrote the document speaks (an outlet's report stays with the outlet rules)
                return Speaker(org.name, org.type, "", False, entity=True)
        if phrase.lower() in _DEMONSTRATIVES:
            # "This", "Itu" read as a subject: the demonstrative points back, it names no one
            return Speaker(anaphor="any", role=phrase)
        listed = self.lookup(self.strip_determiners(phrase))
        if listed is not None and listed.kind != "person" and not apposition:
            # "the Office of the Director of National Intelligence": a listed body's full name,
            # though its words ("the director") could point back to a person
            return Speaker(listed.name, listed.type, "", False, entity=True)
        if not apposition:
            for j in re.finditer(r"\s+(?:and|dan|serta|&)\s+", phrase):
                # "the FBI and the NSA said", "pihak BCA serta OJK", "the NSA and the
                # Cybersecurity and Infrastructure Security Agency": joint bodies are coded by
                # the first one named (as joint speakers are)
                a = self.lookup(self.strip_determiners(phrase[:j.start()]))
                b = self.lookup(self.strip_determiners(phrase[j.end():]))
                if a is not None and b is not None and a.kind != "person" and b.kind != "person" \
                        and "media" not in (a.type, b.type):
                    return Speaker(a.name, a.type, "", False, entity=True)
            for j in re.finditer(r"\s+(?:and|dan|&)\s+(?=the\s+[A-Z])", phrase):
                # "the Ministry of Communications and Information and the Ministry of Health":
                # unlisted bodies, the second opened by its article
                first = self.strip_determiners(phrase[:j.start()])
                typ = self._org_name_type(first)
                if typ and self._org_name_type(phrase[j.end():]) and first[:1].isupper() and self.lookup(first) is None:
                    return Speaker(first, typ, "", False)
        owned = _OWNED_BY.search(phrase)
        if owned and self.anaphor(" ".join((phrase[:owned.start()] + " " + phrase[owned.end():]).split()), lang) == "company":
            # "Perusahaan milik Alibaba itu", "the Alibaba-owned company": the subsidiary the
            # article is about speaks, not its owner (resolved with the owner left out)
            return Speaker(anaphor="company", role=phrase)
        kind = self.anaphor(phrase, lang)
        if kind is None:
            # "perusahaan yang berkantor pusat di Menlo Park itu", "the company that owns X": a
            # description with a relative clause points back like the description alone
            bare = re.sub(r"(?i)\s+(?:yang|which|that|who)\s.*?(?=\s+(?:itu|tersebut|ini)$|$)", "", phrase)
            kind = self.anaphor(bare, lang) if bare != phrase and len(bare.split()) <= 4 else None
        if kind is not None and len(phrase.split()) >= 4 and any(e.kind != "person" for _, _, e in self.find(phrase)):
            kind = None  # "laporan dari perusahaan keamanan Comparitech tersebut" names Comparitech
        if kind is not None:
            return Speaker(anaphor=kind, role=phrase)
        qua = re.fullmatch(r"(.+?)\s+(?:selaku|sebagai|in (?:his|her) (?:role|capacity) as)\s+(.+)", phrase)
        if qua and not apposition and self.looks_like_name(qua.group(1)) and self.lookup(qua.group(1)) is None \
                and (self.has_role_noun(qua.group(2)) or self.type_of_org(qua.group(2))):
            # "Mike Schroepfer selaku Chief Technology Officer Facebook": the name, then its role
            sp = self.parse(qua.group(1), lang)
            if sp.name and sp.is_person:
                typ = self.type_from_role(qua.group(2), lang) or self.type_of_org(qua.group(2))
                return replace(sp, role=qua.group(2), type=typ if typ and sp.type == "other" else sp.type)
        both = re.fullmatch(r"(.+?)\s+(?:and|dan|serta|&)\s+(.+)", phrase)
        if both and any(a <= both.end(1) < b for a, b, _ in self.find(phrase)):
            both = None  # "Dirjen Bea dan Cukai Heru Pambudi": the "dan" is inside a listed name
        if both and not apposition:
            a, b = self.parse(both.group(1), lang), self.parse(both.group(2), lang)
            if a.name and b.name and a.is_person and b.is_person and not b.role:
                # "Kevin Aluwi dan Andre Soelistyo mengatakan", "Gabi Cirlig and Andrew Tierney
                # said": joint speakers are coded by the first-named person, typed by the role
                # they share
                typ = a.type if a.type == b.type else (a.type if b.type == "other" else b.type)
                return Speaker(a.name, typ, a.role or b.role, True, entity=a.entity)
        bare_role = re.fullmatch(r"((?:[A-Z][\w'’-]+\s+){0,3}[A-Z][\w'’-]+)\s+((?:salah satu|seorang|one of the|a|an)\s+)?([a-z].*)", phrase)
        if bare_role and not apposition and all(self._name_token(t) for t in bare_role.group(1).split()) \
                and not self.find(bare_role.group(1)) and not _INTERCAPPED.fullmatch(bare_role.group(1)) \
                and any(n[0] == 0 for n in self.role_nouns_in(bare_role.group(3))) \
                and not re.search(r"(?<![\w-])[A-Z0-9]", bare_role.group(3)) and self.strip_determiners(phrase) == phrase:
            # "Yoel salah satu pelanggan", "Reza pengemudi taksi online": a name, then its role
            # without a comma
            role = " ".join(bare_role.group(0)[bare_role.end(1):].split())
            return Speaker(bare_role.group(1), self.type_from_role(role, lang) or "other", role, True)
        whole_ent = self.lookup(phrase)
        if whole_ent is not None and not apposition:
            return Speaker(whole_ent.name, whole_ent.type, "", whole_ent.kind == "person", entity=True)
        of_name = _HEAD_OF_PLACE.fullmatch(self.strip_determiners(phrase))
        if of_name and not apposition and not self.find(of_name.group(1)) and self._org_name_type(of_name.group(1)) \
                and of_name.group(1).split()[-1].lower().strip(".") not in self.office_titles:
            # (an office is no organisation's head: "Assistant Commissioner of Cyber Command Jane Roe")
            # "the Reserve Bank of Kestria", "Ministry of Health": an organisation's head and the
            # place or field it is "of" make one name, not a person and an affiliation
            whole = of_name.group(0)
            # (typed by the whole name: "the Special Committee of the Board" is the firm's)
            return Speaker(whole, self._org_name_type(whole) or "other", "", False)
        role, name, ent = self.split_role_name(phrase)
        if ent is None and name and role.split() and (role.split()[-1].lower() in _JOINERS
                                                      or _opens_organisation(self.strip_determiners(role))) \
                and self.type_of_org(role) and not (lang == "id" and apposition.strip(" ,")
                                                    and self.looks_like_name(apposition.strip(" ,"))):
            # (an Indonesian post with a name in apposition is that person's: "Komisioner KPAI
            # Pengampu Subklaster Anak Korban Pornografi dan Cyber, Kawiyan"; an English one is
            # often a place: "the University of Nevada, Las Vegas")
            # "India's Ministry of Electronics and IT", "Kementerian Dalam Negeri", "Universitas
            # Gadjah Mada": the capitalised words after "of"/"and" or after an organisation's
            # head noun complete the organisation's name; they are not a person
            whole = self.strip_determiners(phrase)
            return Speaker(whole, self.type_of_org(role) or "other", "", False)
        # (a sentence adverb before it is no part of it: "Initially Redcar and Cleveland council told")
        body = re.sub(r"^(\w+)\s+", lambda w: "" if w.group(1).lower() in self.not_names else w.group(0),
                      self.strip_determiners(phrase))
        local = re.fullmatch(r"(?:[A-Z][\w'’-]*\s+(?:and\s+)?){1,4}(?:(?:city|county|borough|district|town)\s+)?council", body)
        if local and not self.find(local.group(0)):
            # "Redcar and Cleveland council", "Kestra city council": British news writes a local
            # council's head noun in lower case; the place and the noun name one public body
            return Speaker(local.group(0), "government", "", False)
        tail_org = _ORG_TAIL.fullmatch(self.strip_determiners(phrase))
        if tail_org and (ent is None or ent.kind != "person") and all(e.kind != "person" for _, _, e in self.find(phrase)):
            # "Australia Home Affairs Department", "Coastal Privacy Authority": capitalised words
            # ending in an organisation's head noun are one organisation, not a person
            whole = tail_org.group(0)
            hits = self.find(whole)
            if hits and hits[0][0] == 0 and len(whole.split()) - len(whole[:hits[0][1]].split()) <= 1:
                ent = hits[0][2]  # "the Kominfo Ministry" is Kominfo
                return Speaker(ent.name, ent.type, "", False, entity=True)
            return Speaker(whole, self.type_of_org(whole) or "government", "", False)
        orgs = [e for _, _, e in self.find(phrase) if e.kind != "person"]
        if orgs and name.strip() and all(t.strip(" .,").lower() in _PLACE_WORDS or t.strip(" .,").lower() in _LEGAL_FORMS
                                         for t in name.split()):
            # "Huawei UK", "a spokesman for TikTok India": the country is the branch, not a name
            org = orgs[-1]
            kept = self.strip_determiners(re.sub(rf"\s*\b{re.escape(name.strip())}\W*$", "", phrase))
            return Speaker(org.name, org.type, "" if kept.lower() == org.name.lower() else kept, False, entity=True)
        if ent is not None and ent.kind == "person":
            # "Menkominfo Rudiantara": an office that the gazetteer lists as an alias of its
            # holder at the time of the story, followed by another holder's name
            hits = [(a, b) for a, b, e in self.find(phrase) if e is ent]
            rest = phrase[hits[-1][1]:].strip(" ,") if hits else ""
            if rest and self.looks_like_name(rest) and self.lookup(rest) is None and not self.find(rest) \
                    and rest.split()[0].lower() not in self.title_words:
                return Speaker(rest, ent.type, phrase[:hits[-1][1]].strip(), True)
        app = " ".join(apposition.split()).strip(" ,.")
        pair = re.fullmatch(r"(.+?)\s+(?:dan|and|&)\s+(.+)", app)
        if pair and self.looks_like_name(pair.group(1)) and self.looks_like_name(pair.group(2)) \
                and len(pair.group(1).split()) >= 2:
            app = pair.group(1)  # "Dua bos Gojek, Kevin Aluwi dan Andre Soelistyo,": the first named
        if app and self._place_ends_body(role, name):
            # "Direktur ... Polda Riau, Kombes Pol Nasriadi": the place ends the body's name; the
            # person is the one in apposition
            role, name = f"{role} {name}", ""
        if app:
            a_role, a_name, a_ent = self.split_role_name(app)
            whole = self.strip_determiners(normalise_phrase(phrase))
            if a_name and self.has_role_noun(whole) and self.looks_like_name(app) and (a_ent is None or a_ent.kind == "person"):
                # "Analis ... dari Lembaga Riset Digital Nusantara, Ratna Kusuma": the role
                # comes first (organisation and all), the person in apposition
                role, name, ent = whole, a_name, a_ent
            elif a_ent is not None and a_ent.kind != "person" and self.has_role_noun(whole) \
                    and self.lookup(app) is a_ent and (ent is None or ent.kind != "person"):
                # "Grup peretas Rusia, LockBit, mengaku": the organisation in apposition speaks
                role, name, ent = whole, a_ent.name, a_ent
            elif not name and a_name:
                # "seorang peneliti, Budi Santoso": role first, name in apposition
                role, name, ent = whole, a_name, a_ent
            elif name and not a_name:
                # "Gabi Cirlig, a security researcher"
                role = " ".join(f"{role} {a_role}".split())
            elif name and a_name and a_role[:1].islower() and self.has_role_noun(a_role) \
                    and re.search(r"\b(?:at|of|for|with)\s*$", a_role) and not self.looks_like_name(app):
                # "Richard Sword, strategic director of city developments at Leicester City
                # Council": the post and the body it is held in describe the person before them
                role = " ".join(f"{role} {app}".split())
            elif ent is not None and ent.kind != "person" and a_name and (a_ent is None or a_ent.kind == "person") \
                    and (self.looks_like_name(app) or (a_role and self.looks_like_name(a_name) and _RANK.search(a_role))):
                # "juru bicara Xiaomi Indonesia, Nama Orang": the organisation belongs to the role;
                # "Kabid Humas Polda X, Kombes Polisi Nama Orang": a rank before the name too
                role, name, ent = whole, a_name, a_ent
        if ent is not None and ent.kind != "person" and not name.strip() == "" \
                and (re.match(r"(?i)the\s", phrase) or re.fullmatch(r"(?i)[\w .&-]+['’]s\s+[\w -]+", phrase)) \
                and not apposition and _PERSON_OFFICE.search(phrase):
            # "the Xiaomi India MD said", "Medibank's boss says": a person named by that office
            return Speaker(anaphor="person", role=phrase)
        role = self.strip_determiners(role)
        if ent is not None:
            is_person = ent.kind == "person"
            typ = ent.type
            if not is_person and ent.type == "company" and role:
                # "juru bicara Xiaomi" speaks for the company; "peneliti Xiaomi"? a role noun of
                # another type overrides only when it names a specific kind of speaker
                typ = ent.type if _DOCUMENT_OF.search(role + " of") or _MAKER_OF.fullmatch(role) \
                    else (self._strong_type(role) or ent.type)
            return Speaker(ent.name, typ, role, is_person, entity=True)
        if name and role and role.split()[-1].lower() in _OBJECT_OF:
            # "a complaint against OpenAI": the name is the object of the words before it, which
            # are no role of its
            role = ""
        if name and _MEDIUM_FROM.search(role):
            # "a twitter post from Brett Callow", "unggahan dari Budi": the medium is no role;
            # the person is typed where the article introduces them
            role = ""
        town = _TOWN_BEFORE_NAME.match(name)
        if town and role and name[town.end():].strip():
            # "Komandan Pleton Damkar Kota Semarang Andi Waskito": the town belongs to the post
            role, name = f"{role} {town.group(0).strip()}", name[town.end():]
        if name and not role and self.is_place(name):
            # "Brazil said", "Beijing has denied": a country or its capital speaks as its government
            return Speaker(name, "government", "", False)
        if self._place_ends_body(role, name):
            # "Direktur Reserse Kriminal Khusus Polda Riau": a place after the word of a body's
            # name ends that name ("Polda Riau"), held by an unnamed officer; it is no person
            body = f"{role.split()[-1]} {name}"
            rest = " ".join(role.split()[:-1])
            return Speaker(body, self.type_from_role(f"{rest} {body}".strip(), lang) or self.type_of_org(body) or "other",
                           rest, False)
        if name:
            org_typ = self._org_name_type(name)
            # "vice chairman of Vietnam's State Securities Commission": an unnamed holder of a
            # post in the organisation named after it speaks for that organisation (rule 6)
            held = self.type_from_role(f"{role} {name}", lang) if org_typ and role else None
            typ = held or self.type_from_role(role, lang) or org_typ or "other"
            words = name.split()
            # (a firm's national arm, "Experian South Africa", "Acme Nigeria", is no person)
            is_person = org_typ is None and not (
                len(words) >= 2 and (self.is_place(words[-1]) or (len(words) >= 3 and self.is_place(" ".join(words[-2:])))))
            if _INTERCAPPED.fullmatch(name):
                # an unlisted one-word intercapped name is an organisation (TikTok, ByteDance),
                # most often a firm speaking for itself
                is_person = False
                typ = "company" if typ == "other" else typ
            return Speaker(name, typ, role, is_person)
        typ = self.type_from_role(role)
        if re.search(r"(?i)\s(?:itu|tersebut|ini)$", role) and any(n[0] == 0 for n in self.role_nouns_in(role)) \
                and typ in ("user", "other"):
            # "Karyawan di salah satu toko kosmetik ... itu mengaku": the person just introduced
            return Speaker(anaphor="person", role=role)
        if typ is None or len(role.split()) > 6:
            return Speaker(role=role)
        if _HACKER_ROLE.fullmatch(role.lower()) or (typ == "other" and len(role.split()) <= 4
                                                    and _HACKER_ROLE.search(role.lower())):
            # "ujar hacker", "the hackers wrote": the hacker or gang the article has named
            return Speaker(anaphor="other", role=role)
        if typ == "company" and lang == "en":
            # "a WhatsApp spokesperson", "an Acme Health executive": the capitalised words before
            # the role noun name the organisation the speaker speaks for
            nouns = [n for n in self.role_nouns_in(role) if n[3] == "company"]
            pre = role[: nouns[0][0]].split() if nouns else []
            org = [t for t in pre if t[:1].isupper() and t.lower() not in self.title_words]
            placed = all(_DEMONYM.fullmatch(t) or self.is_place(t)
                         or t.lower() in ("south", "north", "east", "west", "central", "new", "united") for t in org)
            # ("the South Korean giant": a nationality describes the firm, it names none)
            if org and not placed and len(org) == len(pre) and len(org) <= 4:
                oname = " ".join(org)
                return Speaker(oname, self._org_name_type(oname) or "company", role, False)
        if typ == "company" and any(n[2].lower() in _INSIDERS for n in self.role_nouns_in(role)):
            # "an industry official", "a store employee": an unnamed insider of the business side
            # is coded by the description, not resolved to the firm the article is about
            return Speaker(role, "company", role, False)
        if typ == "company":
            # "a spokesperson", "a company spokesperson", "juru bicara": no company named, so
            # the one the article is about
            return Speaker(anaphor="company", role=role)
        return Speaker(role, typ, role, False)

    def _strong_type(self, role: str) -> str | None:
        strong = [n for n in self.role_nouns_in(role) if not n[4] and n[3] != "company"]
        return min(strong, key=lambda n: TYPE_PRIORITY.index(n[3]))[3] if strong else None

    def _org_name_type(self, name: str) -> str | None:
        for typ, rx in self.org_patterns:
            if rx.search(name):
                return typ
        return None


# words before the one spoken to: "kepada wartawan", "told", "said to reporters from"
_ADDRESSEE = re.compile(r"(?i)\b(?:kepada|to|told|tells|tell|telling|memberitahu)\s+(?:(?:the|a|an|para|sang)\s+)?"
                        r"(?:(?:wartawan|reporters?|journalists?|jurnalis|awak media|interviewer)\s+)?(?:(?:of|from|dari)\s+)?$")

# a product's maker before the firm's name ("ChatGPT creator OpenAI", "Fortnite maker Epic
# Games"): the noun describes the firm; it makes no user of it
_MAKER_OF = re.compile(r"(?:[A-Z][\w.-]*\s+){1,3}(?:creators?|makers?|developers?|owners?)")

# a document of an organisation ("laporan dari X", "a statement from X"): X speaks through it
_DOCUMENT_OF = re.compile(r"(?i)^(?:the |a |an )?(?:laporan|report|pernyataan|statement|keterangan|rilis|"
                          r"siaran pers|press release|blog|unggahan|post|studi|study|riset|research|temuan|"
                          r"findings|analisis|analysis)\b.*\b(?:dari|oleh|by|from|of)\b")

# a customer of a named firm: "salah satu pengguna Indodax", "seorang nasabah Zentra Bank",
# "a Zentrix customer", "one Zentrix user"
_CUSTOMER_OF = re.compile(r"(?:(?i:salah satu|salah seorang|seorang|para|sejumlah)\s+)?(?i:(pengguna|pelanggan|nasabah|konsumen))"
                          r"\s+([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2})"
                          r"|(?:(?i:a|an|one|another)\s+)([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2})\s+(?i:(users?|customers?|subscribers?))")

# a social-media post with no named author: "an X post", "the viral post", "a Facebook post",
# "unggahan viral", "cuitan viral": written by a member of the public
_SOCIAL_POST = re.compile(r"(?:(?i:a|an|the|one|that|this)\s+)?(?:(?:viral|X|Twitter|Facebook|Instagram|TikTok|Threads|Reddit|"
                          r"social media|social-media)\s+){1,2}(?i:posts?|tweets?|threads?)(?:\s+(?:itu|tersebut))?"
                          r"|(?i:unggahan|cuitan|postingan)\s+(?:viral|warganet|netizen)(?:\s+(?:itu|tersebut|ini))?")

# one customer opening a sentence right before a firm's name ("Salah satu pengguna |Zentra"); the
# plural "Pengguna Zentra ramai mengeluh" (users at large) is no antecedent of "juru bicara itu"
_CUSTOMER_BEFORE = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=[.!?][”\"’]\s)|(?<=\n))((?i:salah satu|salah seorang|seorang)\s+"
                              r"(?i:pengguna|pelanggan|nasabah|konsumen))\s+$")

# a document written by an organisation named right beside it: "Laporan UNICEF", "studi Kaspersky",
# "a Kaspersky report", "the Chainalysis study"
_DOCUMENT_NAMED = re.compile(r"(?i:laporan|studi|riset|survei|rilis|kajian)\s+(?:terbaru\s+|terbaru dari\s+)?([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,4})"
                             r"|(?:(?:a|an|the)\s+)?(?:new\s+|latest\s+|recent\s+)?([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,4})['’]?s?\s+"
                             r"(?i:report|study|survey|analysis|research)")

# an account of an organisation ("akun @darktracer_int", "the official X account of"): it speaks
_ACCOUNT_OF = re.compile(r"(?i)(?:the\s+)?(?:(?:official|resmi|twitter|x|instagram)\s+)*(?:akun|account|handle)"
                         r"(?:\s+(?:twitter|x|instagram|resmi|official))*")

# a medium and its source ("a twitter post from", "unggahan dari"): the source speaks
_MEDIUM_FROM = re.compile(r"(?i)\b(?:post|tweet|statement|report|blog post|video|email|letter|message|note|unggahan|cuitan|"
                          r"pernyataan|laporan|keterangan|surat|pesan)\s+(?:from|by|of|dari|oleh)(?:\s+the)?$")

# a firm's officer: "chief security officer", "Chief Information Security Officer", "CISO"
_CHIEF_OFFICER = re.compile(r"(?i)\bchief\s+(?:[\w-]+\s+){1,3}officer\b|(?-i:\bC(?:I?SO|TO|IO|OO)\b)")

_DEMONSTRATIVES = {"this", "that", "these", "those", "ini", "itu", "tersebut"}
# capitalised words that open a sentence right before a surname ("Menurut Plate", "Kata Jain")
_CUE_WORDS_BEFORE_NAMES = {"menurut", "kata", "ujar", "tutur", "jelas", "sebut", "imbuh", "tambah", "lanjut", "said",
                           "says", "told", "according", "added", "pak", "bu", "bapak", "ibu"}
# Indonesian words that make a town or region of the name after them ("Kota Semarang")
TOWN_WORDS = ("Kota", "Kabupaten", "Provinsi", "Kecamatan", "Desa")
_TOWN_BEFORE_NAME = re.compile(r"(?:" + "|".join(TOWN_WORDS) + r"|Kab\.)\s+[A-Z][\w-]*\s+")
_PRONOUNS = {"i", "we", "you", "he", "she", "it", "they", "saya", "aku", "kami", "kita", "anda", "ia", "dia", "beliau",
             "mereka", "engkau", "kamu"}
# prepositions whose capitalised object is no speaker ("a complaint against OpenAI")
_OBJECT_OF = frozenset({"against", "about", "over", "towards", "toward", "into", "terhadap", "melawan", "tentang"})
# role nouns (company, in speakers.yml) of unnamed insiders who speak for no one firm
_INSIDERS = {"industry official", "industry officials", "industry source", "industry sources", "store employee",
             "store employees", "shop employee", "store manager", "sumber industri"}
# a medium owned by its speaker: "Jane Roe's tweet", "Acme's statement", "the company's letter"
_MEDIUM_OF = re.compile(r"(.+?)['’]s?\s+(?:(?:latest|last|first|new|official|earlier|fraudulent|fake|own)\s+)?"
                        r"(?:tweet|tweets|post|message|statement|letter|e-?mail|note|notice|blog post|update|memo|"
                        # ("Michael McEvoy's report says": the commissioner who wrote it speaks)
                        r"report|findings|investigation|decision|ruling|filing|study|analysis|review)")
# the words that open the name of a members' body (an association, a union, a coalition)
_MEMBERS_BODY = re.compile(r"(?i)(?:asosiasi|association|ikatan|(?:per)?himpunan|perkumpulan|gabungan|federasi|"
                           r"federation|confederation|konfederasi|serikat|aliansi|koalisi|coalition)\b")
# an attacker named by the bare noun ("seorang hacker", "the hacker", "pelaku"): coding rule 6, other
_LONE_HACKER = re.compile(r"(?i)(?:(?:.*\s)?(?:seorang|sang|si|a|an|the)\s+)?(?:hacker|peretas|threat actor|pelaku(?: peretasan)?)"
                          r"(?:\s+(?:itu|ini|tersebut))?")
# an owner named inside a description of its subsidiary: "perusahaan milik Alibaba itu", "anak
# usaha Telkom tersebut", "the Alibaba-owned company", "the company owned by Alibaba"
_OWNED_BY = re.compile(r"(?i)\b(?:milik|dimiliki(?:\s+oleh)?|anak\s+(?:usaha|perusahaan)|owned\s+by|a\s+subsidiary\s+of|"
                       r"a\s+unit\s+of)\s+((?:[A-Z][\w.&'’-]*\s*){1,3}?)(?=\s*(?:itu|ini|tersebut)?$)"
                       r"|(?:^|\s)((?:[A-Z][\w.&'’]*\s+)?[A-Z][\w.&'’]*)-owned\b")
# country and region words that end a firm's national arm ("Air India", "Xiaomi Indonesia")
_BRAND_TAILS = {"india", "indonesia", "china", "asia", "tiongkok", "international", "internasional", "global"}

# posts held in an organisation that the role-noun lists type as a kind of speaker
# ("president" is government alone, but "Acme President" is an officer of Acme)
_POST_NOUNS = {"president", "presiden", "vice president", "wakil presiden", "officer", "chief"}

# military ranks before a name ("US Army Col.", "Gen.", "Letjen"): the armed forces are the state
_RANK = re.compile(r"(?<![\w.])(?:Col|Gen|Lt|Maj|Capt|Adm|Sgt|Cmdr|Brig|Cpl)\.(?=\s|$)"
                   r"|\b(?:Colonel|Lieutenant|Admiral|Brigadier|Sergeant)\b"
                   # British and Commonwealth police ranks ("Assistant Chief Constable", "PSNI
                   # assistant chief constable", "Det Supt", "ACC Roe"): the police is the state
                   r"|(?i:\b(?:constable|superintendent|detective|sergeant|chief inspector|police inspector)\b)"
                   r"|\b(?:ACC|DCC|DCI|DSI|DCS)\b|\bDet\.? (?:Supt|Insp)\b"
                   # Indonesian police and armed-forces ranks (Brigjen Pol, Irjen, Kombes, Letjen)
                   r"|\b(?:Brigjen|Irjen|Komjen|Kombes|AKBP|Kompol|Letjen|Mayjen|Marsekal|Laksamana|Kolonel)\b")

# words of a department's field in a title: "security chief", "head of public policy",
# "Direktur Consumer", "VP Corporate Communications"; they name no organisation
_FIELD_WORDS = {"security", "cybersecurity", "cyber", "privacy", "policy", "policies", "digital", "services",
                "service", "communications", "communication", "corporate", "consumer", "consumers", "enterprise",
                "research", "information", "data", "product", "products", "marketing", "operations", "operating",
                "engineering", "legal", "compliance", "risk", "trust", "safety", "global", "regional", "strategy",
                "innovation", "content", "growth", "sales", "business", "customer", "care", "experience",
                "technology", "technical", "network", "networks", "regulatory", "external", "media", "news",
                "keamanan", "kebijakan", "publik", "komunikasi", "korporat", "korporasi", "pemasaran", "hukum",
                "teknologi", "informasi", "layanan", "pelanggan", "konsumen", "produk", "bisnis", "operasional",
                "strategi", "urusan", "siber", "senior", "executive", "managing", "deputy", "associate",
                "assistant", "acting", "interim", "former", "mantan", "then"}
_FIELD_PAIRS = {("public", "policy"), ("national", "policy"), ("public", "affairs"), ("public", "relations"), ("government", "affairs"),
                ("government", "relations"), ("investor", "relations"), ("investor", "relation"),
                ("hubungan", "masyarakat"), ("human", "resources")}

# the name of a security firm at the end of an executive's role ("founder of Acme Security", "CEO of
# CyberZentra", "CTO at Zentra Threat Intelligence", "pendiri Zentra Labs"): a capitalised name
# after of/at/from/di/dari whose words say security research; a bare department ("Head of
# Security", "VP of Product Security") has no other name word and does not match
_SECURITY_FIRM = re.compile(
    r"(?:\b(?:of|at|from|di|dari)\s+(?:the\s+)?|^)(?-i:(?!(?:Global|Product|Information|Corporate|Enterprise|"
    r"Network|Cloud|Data|Digital|Cyber|Group|National|Regional|Public|IT|Physical|Application|Platform|Offensive|Defensive|"
    r"Internal)\s)(?:[A-Z][\w&.-]*\s+){1,2}(?:Security|Cybersecurity|Cyber|Threat Intelligence|Labs|Secure)"
    r"|Cyber[A-Z][a-z]\w*|[A-Z][a-z]+Sec)\s*$")

# nationality adjectives before a post ("Russian President", "French Minister"): a country
_DEMONYM = re.compile(r"[A-Z][a-z]+(?:ian|ean|ese|ish|ch|i|an)")

_HACKER_ROLE = re.compile(r"(?:(?:the|para|sang|kelompok|grup|geng)\s+)?(?:hackers?|peretas|cybercriminals?|criminals?"
                          r"|hacking group|hacker group|ransomware (?:group|gang))")

# generic roles of a firm's executives: named with an unknown organisation, they speak for a company
_EXECUTIVE_ROLES = {"direktur", "director", "direktur utama", "dirut", "presiden direktur", "managing director",
                    "corporate secretary", "sekretaris perusahaan", "ceo", "cto", "coo", "vp", "vice president",
                    "executive", "eksekutif", "manajer", "manager", "founder", "pendiri", "co-founder",
                    # "Kepala Kebijakan Publik Facebook Indonesia": a head of a department of an
                    # organisation no name pattern types (state bodies and NGOs have patterns)
                    "kepala", "head", "head of", "chief"}


def attacker_group(text: str, name: str) -> bool:
    """Does ``text`` name ``name`` as a hacker or ransomware group ("Zentra ransomware", "Zentra
    hackers", "the group, called Zentra", "kelompok peretas Zentra")? Such a group speaks as an
    attacker (coding rule 6: other), not as a firm, though it is one capitalised word."""
    if not name:
        return False
    n = re.escape(name)
    return bool(re.search(
        rf"\b{n}(?:['’]s)?\s+(?:ransomware|hackers?|hacking (?:group|gang|crew)|gang|cartel|threat actors?|operators?|affiliates?)\b"
        rf"|(?i:ransomware|hack(?:er|ing)|extortion|cyber ?criminal|criminal|threat)\s+(?:group|gang|crew|outfit|actor|collective|operation)s?,?\s+"
        rf"(?:(?:called|named|known as|dubbed|calling itself)\s+)?{n}\b"
        rf"|(?i:\b(?:group|gang|crew)),?\s+(?:called|named|known as|dubbed|calling itself)\s+{n}\b"
        rf"|(?i:\b(?:kelompok|grup|geng)\s+(?:peretas|hacker|ransomware|penjahat siber))\s+(?:bernama\s+|yang dikenal sebagai\s+)?{n}\b",
        text))


_ORG_STOPWORDS = {"of", "and", "for", "the", "on", "dan", "untuk", "&"}
_ALIAS_JOIN = r"(?:of|for|and|the|on|dan|untuk|&|bin|binti)"
_LONG_FORM = re.compile(rf"((?:[A-Z][\w'’&.-]*\s+(?:{_ALIAS_JOIN}\s+)*){{0,6}}[A-Z][\w'’&.-]*)\s*\(([A-Z][\w$&.-]{{1,14}})\)")
_KNOWN_AS = re.compile(r"((?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’.-]*),?\s+(?:(?:yang\s+)?(?:akrab|biasa|lebih dikenal|dikenal)\s+"
                       r"(?:disapa|dipanggil|dengan nama|sebagai)|(?:also\s+|better\s+|widely\s+)?known\s+(?:to\s+[^,;]{1,40}?\s+|online\s+)?as"
                       r"|alias|a\.k\.a\.?|aka)\s+((?:[A-Z][\w'’$.-]*)(?:\s+[A-Z][\w'’$.-]*){0,2})")


def _letters_in(short: str, long: str) -> bool:
    """Do the letters of ``short`` occur in order in ``long`` (Zulhas in Zulkifli Hasan)?"""
    it = iter(long.lower())
    return all(ch in it for ch in short.lower() if ch.isalnum())


def article_aliases(text: str, book: SpeakerBook) -> dict[str, str]:
    """Short forms this article defines, short -> long: "Tools for Humanity (TFH)", "Menteri
    Perdagangan Zulkifli Hasan (Zulhas)", "Zulkifli Hasan yang akrab disapa Zulhas", "Kaitlyn
    Siragusa, known to her followers as Amouranth". An acronym must spell the initials of the
    long form's last words or of its first ("Communications Authority of Kenya (CA)"); a
    nickname's letters must occur in it in order."""
    out: dict[str, str] = {}
    for m in _LONG_FORM.finditer(text):
        words, short = m.group(1).split(), m.group(2)
        if short.isupper() or re.fullmatch(r"[A-Z][A-Z0-9$&.-]+s?", short):
            # an acronym: the last capitalised words whose initials spell it
            letters = re.sub(r"[^A-Z0-9]", "", short)
            # initials of the capitalised words, or of all words ("Tools for Humanity" = TFH)
            for keep in (lambda w: w.lower() not in _ORG_STOPWORDS, lambda w: True):
                caps = [i for i, w in enumerate(words) if keep(w)]
                if len(caps) >= len(letters) >= 2 and words[caps[-len(letters)]][:1].isupper() \
                        and "".join(words[i][0].upper() for i in caps[-len(letters):]) == letters:
                    out.setdefault(short, " ".join(words[caps[-len(letters)]:]))
                    break
            else:
                # the initials of the name's first words, its place after them ("Communications
                # Authority of Kenya (CA)")
                caps = [i for i, w in enumerate(words) if w.lower() not in _ORG_STOPWORDS]
                for k in range(len(caps) - len(letters)):
                    if len(letters) >= 2 and "".join(words[i][0].upper() for i in caps[k:k + len(letters)]) == letters:
                        out.setdefault(short, " ".join(words[caps[k]:]))
                        break
            continue
        # a nickname: the shortest trailing run that starts with its first two letters
        for i in range(len(words) - 1, -1, -1):
            if words[i][:2].lower() == short[:2].lower() and _letters_in(short, " ".join(words[i:])) and len(words) - i >= 2:
                out.setdefault(short, " ".join(words[i:]))
                break
    for m in _KNOWN_AS.finditer(text):
        long, short = m.group(1).split(), m.group(2).strip(" .")
        while long and (long[0].lower() in book.title_words or book.has_role_noun(long[0])):
            long = long[1:]
        if len(long) >= 2 and short not in out:
            out[short] = " ".join(long)
    # a gazetteer entry keeps its own name ("Kominfo" is listed already)
    return {s: lf for s, lf in out.items() if s != lf and book.lookup(s) is None}


@lru_cache(maxsize=4)
def load_book(speakers_path: Path = SPEAKERS_YML, media_path: Path = MEDIA_YML,
              orgs_path: Path | None = None) -> SpeakerBook:
    """The codebooks, parsed once per process."""
    return SpeakerBook(Path(speakers_path), Path(media_path), None if orgs_path is None else Path(orgs_path))


_JOINERS = {"of", "and", "for", "on", "&", "dan", "untuk", "serta"}
# head nouns that open an organisation's name, not a person's title
_ORG_HEADS = {"kementerian", "badan", "komisi", "dinas", "direktorat", "direktorat jenderal", "ditjen", "lembaga",
              "universitas", "institut", "yayasan", "ministry", "department", "agency", "commission", "university",
              "institute", "foundation"}


_BODY_HEADS = (r"Department|Ministry|Agency|Commission|Authority|Bureau|Office|Council|Committee|Police|Court|"
               r"Tribunal|Regulator|Inspectorate|Library|Archives|Museum")
_ORG_TAIL = re.compile(rf"(?:[A-Z][\w'’&-]*\s+){{1,5}}(?:{_BODY_HEADS})")
# what makes a listed research firm a party to its own story: its chief, customers, shares,
# outage or faulty update ("CrowdStrike's customers", "the CrowdStrike outage"), a suit against it
_OWN_STORY_AFTER = re.compile(r"(?:['’]s)?\s+(?:CEO|chief executive|co-founder and CEO|customers|clients|shareholders|"
                              r"shares|stock|outage|update|software update|(?:has |had )?apologi[sz]ed|"
                              r"pelanggan|saham)\b")
_OWN_STORY_BEFORE = re.compile(r"(?i)\b(?:shares in|shares of|customers of|clients of|sued|sues|suing|"
                               r"(?:law)?suit against|menggugat|gugatan terhadap)\s+$")
_BODY_HEAD_END = re.compile(rf"\b(?:{_BODY_HEADS})$")


# the name of a body: capitalised words closed by a public body's head noun ("the British
# Library", "Interior Ministry") or a head noun and what it is "of" ("the Ministry of Health")
# the words before a report's author: "a report published by (Lithuania's)", "laporan dari"
_REPORT_BY = re.compile(r"(?i)\b(?:report|laporan)\s+(?:(?:published|released|issued|compiled|written|prepared|"
                        r"dirilis|diterbitkan)\s+)?(?:by|from|of|dari|oleh)\s+(?:the\s+)?(?:[A-Z][\w-]*['’]s\s+)?$")

_BODY_NAME = re.compile(r"(?:Ministry|Department|Office|Bureau|Commission|University|College|Institute)\s+(?:of|for)\s+"
                        r"(?:the\s+)?(?:[A-Z][\w'’&-]*)(?:\s+(?:and\s+)?[A-Z][\w'’&-]*){0,4}"
                        r"|(?!(?:The|A|An)\s)" + _ORG_TAIL.pattern + r"(?![\w'’-])")

# words that open the name of a state body or unit written, capitalised, between a title and a
# person ("Ketua Satgas Waspada Investasi Tongam L Tobing", "Kepala Pusat Data Budi Santoso")
_UNIT_OPENERS = _ORG_HEADS | {"satgas", "satuan", "tim", "pusat", "kantor", "biro", "unit", "divisi", "bagian",
                              "subdirektorat", "deputi", "sekretariat", "inspektorat"}
_INITIAL = re.compile(r"[A-Z]\.?")
# the portfolios of ministers and secretaries written after "for"/"of" ("Minister for Health")
_PORTFOLIOS = {"health", "finance", "education", "defence", "defense", "home", "foreign", "justice", "trade",
               "industry", "transport", "communications", "information", "digital", "interior", "law", "labour",
               "labor", "energy", "science", "technology", "culture", "security", "treasury", "commerce",
               "national", "intelligence"}
# words that join a portfolio's words ("Home Affairs", "Science and Technology")
_PORTFOLIO_JOINERS = {"and", "affairs", "&"}


def _person_start(toks: list[str], opened: bool = False) -> int:
    """Where the personal name starts in a capitalised run that opens with a unit's name
    (or follows one, ``opened``: "Satgas" read as a title word): the last two words, and any
    initials before them ("Tongam L Tobing"); 0 when the run does not open with a unit word or
    leaves the unit no words of its own."""
    core = [t.strip(",;:") or t for t in toks]
    least = 1 if opened else 2  # words of the unit's name before the person
    if len(core) < least + 2 or not (opened or core[0].lower() in _UNIT_OPENERS):
        return 0
    k = len(core) - 2
    while k > least and _INITIAL.fullmatch(core[k]):
        k -= 1  # a middle initial, with or without its dot, belongs to the name
    return k if k >= least else 0


def _opens_organisation(role: str) -> bool:
    """Is ``role`` the capitalised start of an organisation's name ("Badan Riset Siber", "Ministry
    of", "Universitas")? Then the words after it finish that name ("Kepala Badan ..." is a title)."""
    toks = role.split()
    return bool(toks) and toks[0].lower() in _ORG_HEADS \
        and all(t[:1].isupper() or t.lower() in _JOINERS for t in toks)
# legal forms written after a firm's name ("T-Mobile US Inc", "Telkom Tbk"): part of the firm
_LEGAL_FORMS = {"inc", "corp", "corporation", "ltd", "limited", "llc", "plc", "gmbh", "tbk", "persero", "pte",
                "pty", "co", "group", "holdings", "ag", "sa", "nv", "bhd"}

_FIRM_TAILS = {"group", "inc", "corp", "corporation", "ltd", "llc", "plc", "holdings", "technologies", "tbk"}
_PLACE_WORDS = {"uk", "us", "u.s", "usa", "india", "indonesia", "china", "singapore", "malaysia", "europe", "eu",
                "asia", "global", "japan", "korea", "australia", "canada", "philippines", "vietnam", "thailand"}


def _one_edit(x: str, y: str) -> bool:
    """Are ``x`` and ``y`` exactly one insertion, deletion or substitution apart?"""
    if x == y or abs(len(x) - len(y)) > 1:
        return False
    i = next((k for k, (c, d) in enumerate(zip(x, y)) if c != d), min(len(x), len(y)))
    return x[i + 1:] == y[i + 1:] or x[i:] == y[i + 1:] or x[i + 1:] == y[i:]


@dataclass
class _Mention:
    pos: int
    speaker: Speaker
    subject: bool = False  # opens its sentence ("Now, Apple is hitting back.")


# words that open a clause and are never a first name: "After T-Mobile learned ..." does not
# extend "T-Mobile" to a person's name
_CLAUSE_WORDS = {"after", "before", "while", "when", "since", "although", "though", "as", "if", "because",
                 "unlike", "like", "despite", "during", "until", "once", "whether", "where", "setelah",
                 "sebelum", "ketika", "saat", "karena", "meski", "meskipun", "walaupun", "sejak", "jika",
                 "bila", "kalau", "sedangkan", "sebab", "agar", "supaya", "bagi", "kepada", "dari"}
_SENTENCE_OPENERS = {"now", "but", "and", "however", "meanwhile", "still", "yet", "later", "then", "so", "also",
                     "namun", "tetapi", "sementara", "sementara itu", "kini", "lalu", "kemudian", "selain itu",
                     "di sisi lain", "adapun", "pihak", "in response", "in a statement", "menanggapi hal itu",
                     "makanya", "maka", "jadi", "bahkan", "padahal", "karenanya", "therefore", "thus", "indeed"}


_AGENT_BEFORE = re.compile(r"\b(?:oleh|by|disampaikan|diungkapkan|dikatakan|dijelaskan|menurut|according to|kata|ujar|"
                           r"said|says|told|explained|added|wrote|tulis|ungkap|jelas|tutur)\b[^,.;:!?]{0,80}$",
                           re.IGNORECASE)


# an age written as an apposition after a name ("Erdin, 23 tahun,", "Jane Roe, 34,")
_AGE = re.compile(r"(?:aged\s+|berusia\s+|umur\s+)?\d{1,3}(?:\s*(?:tahun|thn|th\.?|years? old|yo))?", re.IGNORECASE)


def _sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding ``pos`` starts (after the last full stop, ! ? or line break)."""
    return max(text.rfind(c, 0, pos) for c in ".!?\n") + 1


def _agentive(text: str, pos: int) -> bool:
    """Is the person mentioned at ``pos`` an agent of the narrative (the subject of its sentence,
    or named after "oleh"/"by"/a reporting verb) rather than an object ("data pribadi Presiden
    Joko Widodo")? Only agents are antecedents of a later "ia", "dia", "he", "she"."""
    start = _sentence_start(text, pos)
    before = text[start:pos]
    if re.search(r"\b(?:yang|which|who)\s+(?:\S+\s+){0,2}?(?:di\w+|\w+ed)\s+(?:oleh|by)\s+$", before):
        return False  # "penipu ..., yang dilaporkan oleh Maia": the agent of a relative clause
    if _opens_sentence(text, pos) or _AGENT_BEFORE.search(before):
        return True
    # a role introduction opening the sentence: "Juru Bicara Presiden Fadjroel Rahman, merespons",
    # "Security researcher Andrew Tierney, who ...": a few words, none of them a verb
    words = _PAREN.sub("", before).split()
    # (a long post with its organisation's full name: "Pakar keamanan siber Communication &
    # Information System Security Research Center (CISSREC) Pratama Persadha menjelaskan")
    return len(words) <= 14 and not any(re.fullmatch(r"(?:me|ber|di|ter)[a-z]{3,}|[a-z]+(?:ed|ing|s)", w)
                                        and w not in _ROLE_WORD_EXCEPTIONS for w in words)


# lower-case words of role phrases that look like verbs by their endings
_ROLE_WORD_EXCEPTIONS = {"analysis", "affairs", "relations", "communications", "products", "services", "news",
                         "business", "systems", "sales", "operations", "rights", "things", "marketing",
                         "engineering", "computing", "consulting", "publishing", "advertising", "banking"}


def _opens_sentence(text: str, pos: int) -> bool:
    """Is the mention at ``pos`` the subject that opens its sentence (after an opener word)?"""
    start = _sentence_start(text, pos)
    raw = text[start:pos].strip()
    before = raw.rstrip(",").strip().lower()
    if raw.endswith(",") and len(before.split()) <= 4 and _TIME_OPENER.match(before):
        return True  # "On Monday, Optus announced ...": a time adverbial before the subject
    return not before or before in _SENTENCE_OPENERS


# a short time adverbial that opens a sentence before its subject ("On Monday,", "Last week,",
# "Pada Senin (8/5),", "Earlier this month,")
_TIME_OPENER = re.compile(r"(?:on|last|this|earlier|later|early|late|in|pada|sejak|sebelumnya|kemarin|hari|pekan|"
                          r"minggu|bulan|tahun|senin|selasa|rabu|kamis|jumat|sabtu|minggu|monday|tuesday|wednesday|"
                          r"thursday|friday|saturday|sunday|yesterday|today)\b")


def _headline_at(text: str, pos: int) -> bool:
    """Is ``pos`` on a headline line (a related-article link: Title Case, no full stop)?
    "Mantan Bos Gojek Bikin Motor Listrik, Ini Bocoran Wujudnya" introduces nobody."""
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    line = text[a: b if b >= 0 else len(text)].strip()
    words = re.findall(r"[^\W\d_][\w'’-]*", line)
    if len(words) < 4 or line.endswith((".", "!", "?", "”", "\"", ":")) or re.search(r"[.!?][”\"]?\s", line):
        return False
    return sum(w[:1].isupper() for w in words) >= 0.7 * len(words)


# a full name and the nickname the article gives it ("Immanuel Ebenezer atau Noel", "Adamas Belva
# Syah Devara yang akrab disapa Belva", "Robert Smith, known as Bob")
_NICKNAME = re.compile(r"(?P<full>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]+){1,3}),?\s+(?:atau|alias|yang akrab disapa|"
                       r"akrab disapa|known as)\s+(?P<nick>[A-Z][\w'’-]+)\b")


@dataclass
class SpeakerTracker:
    """Speakers of one article, in reading order: anaphora and name variants resolved here."""

    book: SpeakerBook
    lang: str
    history: list[_Mention] = field(default_factory=list)
    mentions: list[_Mention] = field(default_factory=list)
    registry: dict[str, Speaker] = field(default_factory=dict)
    # "Immanuel Ebenezer atau Noel": a nickname the article gives a full name
    nicknames: dict[str, str] = field(default_factory=dict)
    text: str = ""

    _NAME_TOKEN = re.compile(r"(?:[A-Z][a-zà-ÿ'’]+(?:-[A-Z][a-zà-ÿ'’]+)?|[A-Z]\.?)$")

    def _name_run(self, toks: list[str]) -> list[str]:
        """The personal-name tokens at the start of ``toks`` (2-4 capitalised words)."""
        run = []
        for t in toks:
            core = t.strip(",.;:")
            if (self._NAME_TOKEN.match(core) and core.lower() not in self.book.title_words
                    and core.lower() not in self.book.not_names) \
                    or (run and core.lower() in self.book.particles):
                run.append(core)
                if t.endswith((",", ".", ";", ":")) or len(run) == 4:
                    break
                continue
            break
        while run and run[-1].lower() in self.book.particles:
            run.pop()
        return run

    def _intro_name(self, text: str, start: int) -> tuple[str, str] | None:
        """(role, name) for a role noun at ``start``: "peneliti keamanan siber Laksmi Dewanti",
        "Kepala Subdirektorat Tata Kelola Data Kominfo, Hendra Saputra", "Peneliti lain, Andrew
        Tierney". Capitalised words after an affiliation preposition ("dari Lembaga ...", "at the
        Asia Data Rights Network") or ending in an organisation are part of the role."""
        # the introduction ends with its sentence, or its line (a headline has no full stop)
        sent = re.split(r"[.;:!?“”\"]\s|\n", unbracket(text[start:start + 200]) + " ", maxsplit=1)[0]
        # (between the noun and "bernama": an organisation's capitalised name or up to two
        # adjectives, never a clause: "the criminals targeted a supplier called Kaseya")
        named = re.match(r"([\w-]+(?:\s+(?:[A-Z][^\s,]*|[a-z]+(?<!ed))){0,6}?)\s+(?:bernama|yang bernama|named|called)\s+"
                         r"((?:[A-Z][\w'’-]+\s*){1,3})", sent)
        if named and sum(t[:1].islower() for t in named.group(1).split()[1:]) <= 2 \
                and all(self.book._name_token(t) for t in named.group(2).split()):
            # "nasabah muda bernama Nadia", "a customer named Jane Roe": the name given
            return named.group(1), named.group(2).strip()
        chunks = sent.split(",")
        first, rest = chunks[0], chunks[1:]
        toks = first.split()
        orgs = [(s, e) for s, e, ent in self.book.find(first) if ent.kind != "person"]
        spans = list(re.finditer(r"[^\s]+", first))
        candidate = None
        lowercase = 0
        # (a town word found as a role noun is followed by the town: "Kota Malang Suwarjana")
        i = 2 if toks and toks[0] in TOWN_WORDS else 1
        while i < len(toks):
            core = toks[i].strip(",.")
            prev = toks[i - 1].lower()
            in_org = any(a <= spans[i].start() < b for a, b in orgs)
            if (core in TOWN_WORDS or self.book.is_place(core)) and i + 2 < len(toks) and toks[i + 1][:1].isupper():
                # "Kepala Disdikbud Kota Malang Suwarjana": the town closes the office's name
                i += 2 if core in TOWN_WORDS else 1
                continue
            if in_org or core.lower() in self.book.title_words or core.lower() in self.book.particles \
                    or (core[:1].isupper() and self.book._org_name_type(core)):
                # "Kepala Pusdatin Kemenkes Anas Ma'ruf": an organisation named by its form
                # belongs to the role
                i += 1
                continue
            if re.fullmatch(r"\d+[a-z]*[A-Z][\w-]*", core) and lowercase <= 2:
                candidate = core  # a brand that starts with a digit ("company 23andMe")
                break
            if core[:1].isupper() and prev in _OBJECT_OF:
                return None  # "a complaint against OpenAI": the name is the object, not the complaint
            if core[:1].isupper():
                if prev in ("dari", "at", "of", "from", "for", "di", "the", "with", "pada"):
                    # an organisation or place: skip all of its capitalised words
                    while i < len(toks) and (toks[i][:1].isupper() or toks[i].lower() in self.book.particles):
                        i += 1
                    continue
                if _INTERCAPPED.fullmatch(core) and lowercase <= 2 and (i + 1 >= len(toks) or not toks[i + 1][:1].isupper()):
                    # one intercapped word is an organisation's name (TikTok, VPNMentor)
                    candidate = core
                    break
                if _INTERCAPPED.fullmatch(core) and lowercase <= 2 and i + 1 < len(toks) \
                        and toks[i + 1].strip(",.;:").lower() in _FIRM_TAILS:
                    # "parent company UnitedHealth Group": an intercapped name and its legal form
                    candidate = f"{core} {toks[i + 1].strip(',.;:')}"
                    break
                full = []
                for t in toks[i:]:
                    if i + len(full) < len(spans) and any(a <= spans[i + len(full)].start() < b for a, b in orgs):
                        break
                    if not (t[:1].isupper() or t.lower() in ("dan", "and", "of")):
                        break
                    full.append(t)
                    if t.endswith((",", ";", ":")):
                        break
                cut = _person_start(full)
                if cut:
                    # "Ketua Satgas Waspada Investasi Tongam L Tobing": the unit's name, then the person
                    candidate = " ".join(t.strip(",;:") for t in full[cut:])
                    break
                run = self._name_run(toks[i:])
                j = i + len(run)
                in_run = [k for k in range(i, j) if any(a <= spans[k].start() < b for a, b in orgs)]
                if in_run and j - (in_run[-1] + 1) >= 2:
                    # "Ketua Bapilpres Projo Panel Barus": the organisation ends the role
                    candidate = " ".join(t.strip(",.;:") for t in toks[in_run[-1] + 1:j])
                    break
                if in_run:
                    i = j  # "Media Center Kemenkominfo": a place named after an organisation, no person
                    continue
                # "Direktur Tindak Pidana Siber Bareskrim": capitalised words running on into an
                # organisation's name are that name, not a person's
                org_after = j < len(toks) and (any(a <= spans[j].start() < b for a, b in orgs)
                                               or (bool(run) and toks[j][:1].isupper()
                                                   and not toks[j - 1].endswith((",", ".", ";", ":"))))
                if len(run) == 1 and not org_after and self.book.opens_with_firm_noun(first) and lowercase <= 2 \
                        and core.lower() not in self.book.not_names \
                        and prev not in ("asal", "dari", "di", "from", "in", "of", "at", "based", "berbasis") \
                        and not self.book.is_place(core):
                    # (not a place: "Perusahaan e-commerce asal Singapura itu")
                    # "Tech giant Dell is notifying ...", "insurer Zentra said": a firm's description,
                    # then its one-word name
                    candidate = core
                    break
                if org_after or len(run) < 2:
                    i = max(j, i + 1)
                    continue
                candidate = " ".join(run)
                break
            if core.lower() in _FUNCTION_WORDS or lowercase >= 3 \
                    or core.lower().startswith(("mem", "men", "meng", "meny", "ber")) and len(core) > 5 \
                    or re.fullmatch(r"[a-z]{3,}(?:ed|ly)", core):
                # a verb or an adverb ("researchers previously flagged TikTok"): the role ends
                break  # a verb or a new phrase: the name, if any, is not part of this role
            lowercase += 1
            i += 1
        if rest:
            app = rest[0].strip()
            run = self._name_run(app.split())
            after = app.split()[len(run):]
            verb_next = bool(after) and bool(re.fullmatch(r"(?:me|ber|di|ter)[a-z]{3,}|[a-z]{3,}(?:ed|s)|atau|or|alias|"
                                                         r"juga|pun|telah|sudah|akan|kembali", after[0]))
            org_first = bool(run) and bool(self.book.find(run[0]) or self.book._org_name_type(run[0]))
            if len(run) >= 2 and (" ".join(run) == app.strip(" .") or (verb_next and not org_first)):
                # "..., Pratama Persadha menjelaskan", "..., Seto Mulyadi atau Kak Seto": the name,
                # then its verb or another name for the person
                return first.strip(), " ".join(run)
            if len(run) >= 2 and after and after[0].lower() in ("dan", "and", "&") \
                    and len(self._name_run(after[1:])) >= 2:
                # "Co-CEO Gojek, Kevin Aluwi dan Andre Soelistyo mengatakan": the first of two
                # people who share the role (scan registers the second as well)
                return first.strip(), " ".join(run)
        if candidate:
            return first[: first.find(candidate)].strip(), candidate
        return None

    def scan(self, text: str, exclude: list[tuple[int, int]] = ()) -> None:
        """Record who the narrative mentions (gazetteer names, "role Name" introductions).

        Mentions inside ``exclude`` spans (direct quotations: the speaker's words, not the
        narrative) are ignored.
        """
        inside = lambda p: any(a <= p < b for a, b in exclude)  # noqa: E731
        self.text = text
        for m in _NICKNAME.finditer(text):
            full = self.book.parse(m.group("full"), self.lang)  # ("Wakil Menteri Budi Santoso": the name)
            if not inside(m.start()) and full.is_person and len(full.name.split()) >= 2 \
                    and not self.book.is_place(m.group("nick")) and self.book.lookup(m.group("nick")) is None:
                self.nicknames.setdefault(m.group("nick"), full.name)
        for s, e, ent in self.book.find(text):
            if inside(s):
                continue
            if text[s:e].islower() and ent.kind != "person" and re.match(r"\s+(?:post|posts|tweet|feed|account|page|thread)\b", text[e:]):
                continue  # "a twitter post from Brett Callow": the medium, not the firm
            cust = _CUSTOMER_BEFORE.search(text[max(0, s - 60):s]) if ent.kind != "person" else None
            if cust:
                # "Salah satu pengguna Zentra, yang ..., mengungkapkan": the user opens the
                # sentence and is the antecedent of "ujarnya", not the firm (coding rule 6)
                noun = cust.group(1).split()[-1].lower()
                self.mentions.append(_Mention(s - len(cust.group(0)), Speaker(f"{noun} {ent.name}", "user", f"{noun} {ent.name}", True), True))
                self.mentions.append(_Mention(s, Speaker(ent.name, ent.type, "", False, entity=True), False))
                continue
            sp = Speaker(ent.name, ent.type, "", ent.kind == "person", entity=True)
            self.mentions.append(_Mention(s, sp, _agentive(text, s) if ent.kind == "person" else _opens_sentence(text, s)))
            if ent.kind == "person":
                self.registry.setdefault(ent.name, sp)  # "Pratama" later means Pratama Persadha
        # "Cermati.com dilaporkan ...": a listed firm written as its web address (the gazetteer's
        # whole-word match leaves "X.com" to the outlets) is that firm
        for m in re.finditer(r"(?<![\w.@/-])([A-Z][\w-]+)\.(?:com|co\.id|id|net|io)(?![\w.])", text):
            ent = self.book.lookup(m.group(0))
            if ent is not None and ent.kind != "person" and ent.type != "media" and not inside(m.start()):
                sp = Speaker(ent.name, ent.type, "", False, entity=True)
                self.mentions.append(_Mention(m.start(), sp, _opens_sentence(text, m.start())))
        # "disampaikan akun @ndagels di Twitter": an account handle in the narrative is a person
        for m in re.finditer(r"(?<![\w@])@\w{2,}", text):
            if not inside(m.start()):
                before = text[max(text.rfind("\n", 0, m.start()), 0):m.start()]
                subject = bool(re.search(r"(?i)\b(?:akun|account|pengguna|user|warganet|netizen)\s*$", before)
                               or _AGENT_BEFORE.search(before))  # not a credit line "— Name (@handle)"
                self.mentions.append(_Mention(m.start(), Speaker(m.group(0), "user", "", True), subject))
        self._scan_unlisted_organisations(text, inside)
        # "peneliti keamanan siber Budi Santoso", "Kepala ... Kominfo, Hendra Saputra"
        for s, e, noun, typ, gen in self.book.role_nouns_in(text):
            if inside(s) or _headline_at(text, s):
                continue
            got = self._intro_name(text, s)
            if got is None:
                continue
            role, name = got
            if self.book.lookup(name) is not None:
                continue
            # (a stock code may stand between them: "KDDI Corp. <9433> President Makoto Takahashi")
            pre = re.search(r"((?:[A-Z][\w&.'’-]*[ \t]+){1,3})(?:<\d{3,6}>[ \t]+)?$", text[max(0, s - 60):s])
            if pre and any(e.kind != "person" for _, _, e in self.book.find(pre.group(1))) \
                    and not re.search(r"[.!?]\s*$", text[max(0, s - 62):max(0, s - 60) + pre.start(1)]):
                # "Microsoft president Brad Smith": the organisation written before the post is
                # part of the role (not one that ends the previous sentence)
                role = f"{pre.group(1).strip()} {role}"
            t = self.book.type_from_role(role, self.lang) or "other"
            firm = bool(_INTERCAPPED.fullmatch(name.split()[0])) and (len(name.split()) == 1 or name.split()[-1].lower() in _FIRM_TAILS)
            # "Tech giant Dell", "insurer Zentra": a firm's description names an organisation
            firm = firm or (len(name.split()) == 1 and self.book.opens_with_firm_noun(role))
            self.register(Speaker(name, t, self.book.strip_determiners(role), not firm), s, text)
            at = text.find(name, s)
            pair = re.match(r"\s+(?:dan|and|&)\s+", text[at + len(name):]) if at >= 0 else None
            if pair:
                # "Kevin Aluwi dan Andre Soelistyo": the second person shares the role
                other = self._name_run(text[at + len(name) + pair.end():].split()[:4])
                if len(other) >= 2 and self.book.lookup(" ".join(other)) is None:
                    self.register(Speaker(" ".join(other), t, self.book.strip_determiners(role), True), at + len(name) + pair.end(), text)
        # "Budi Santoso, peneliti dari ...", "Jenna Park, a nurse in Houston who ..."
        for m in re.finditer(r"((?:[A-Z][\w'’-]+[ \t]){1,3}[A-Z][\w'’-]+)(?:\s*\([^)]{1,20}\)|,\s*\d{1,3})?,\s+"
                             # the apposition runs to a comma or full stop ("U.S." is no full stop), or
                             # to the verb when the writer left out the closing comma
                             r"((?:(?<![\w.])(?:[A-Z]\.){2,}|[^,.;]){3,90}?)(?:[,.]|(?=\s(?:has|had|have|is|was|said|says|told|warned|added)\b))", text):
            if inside(m.start()):
                continue
            toks = m.group(1).split()
            # ("Mengutip Detiknews, Kepala BPKP, ...": a citation verb opens no name)
            while toks and (toks[0].lower() in self._openers or toks[0].lower() in self.book.not_names):
                toks = toks[1:]
            name, app = " ".join(toks), m.group(2).strip()
            if len(toks) < 2 or self.book.lookup(name) or self.book.find(name):
                continue
            lead = app.split()[0]
            head = self.book.strip_determiners(app)
            role_first = any(a == 0 for a, *_ in self.book.role_nouns_in(head))
            of_org = lead.lower() in ("of", "at", "from", "dari") and self.book.type_of_org(app) is not None
            if not (lead.lower() in ("a", "an", "another", "one", "seorang") or role_first or of_org):
                continue  # "Play Store, menurut laporan Forbes" is no apposition
            if any(t.lower() in self.book.title_words for t in toks):
                continue
            t = self.book.type_from_role(app) or "other"
            self.register(Speaker(name, t, self.book.strip_determiners(app), True), m.start() + m.group(0).find(name), text)

        # "Erdin, 23 tahun, mengaku ...", "Jane Roe, 34, said": a name given with an age is a
        # person; a role right after the age types them, and with none they are a member of
        # the public (a user in this study)
        for m in re.finditer(r"(?<![\w@’'-])((?:[A-Z][a-z'’]{2,}\s+){0,2}[A-Z][a-z'’]{2,}),\s+(" + _AGE.pattern + r")\s*,", text):
            name = m.group(1)
            if inside(m.start(1)) or name in self.registry or self.book.find(name) \
                    or any(w.lower() in self.book.not_names or w.lower() in self.book.title_words
                           or w.lower() in _SENTENCE_OPENERS or w.lower() in _FUNCTION_WORDS for w in name.split()) \
                    or self.book.has_role_noun(name):
                continue
            nxt = re.match(r"\s*([^,.;“”\"]{3,80}?)[,.]", text[m.end():])
            role = self.book.strip_determiners(nxt.group(1).strip()) if nxt else ""
            if role and any(a == 0 for a, *_ in self.book.role_nouns_in(role.lower())):
                self.register(Speaker(name, self.book.type_from_role(role, self.lang) or "other", role, True), m.start(1))
            else:
                self.register(Speaker(name, "user", "", True), m.start(1))
        # one-word names (common in Indonesia): "disampaikan Rahmat, pengemudi jasa transportasi
        # daring", "dirasakan Sulaiman, wartawan di ...", and a name followed by a description
        # that points back to it: "Salah satunya Salsabillah. Karyawan di salah satu toko ... itu"
        for m in re.finditer(r"(?<=[a-z] )([A-Z][a-z'’]{2,})(?:,\s+([^,.;]{3,80}?)[,.]|\.\s+([A-Z][a-z]+[^.“”\"]{0,100}?\s(?:itu|tersebut))\s)", text):
            name, app = m.group(1), (m.group(2) or m.group(3) or "")
            prev = text[max(0, m.start(1) - 30):m.start(1)].split()
            if not prev or not prev[-1][:1].islower():
                continue  # "Jen Easterly, the director": the end of a longer name
            if inside(m.start(1)) or name in self.registry or self.book.find(name) or name.lower() in self.book.not_names \
                    or name.lower() in self.book.title_words or self.book.has_role_noun(name) \
                    or name.lower() in _SENTENCE_OPENERS or name.lower() in _FUNCTION_WORDS:
                continue
            head = self.book.strip_determiners(app.strip())
            if not any(a == 0 for a, *_ in self.book.role_nouns_in(head.lower())):
                continue
            t = self.book.type_from_role(re.sub(r"\s+(?:itu|tersebut)$", "", head), self.lang) or "other"
            # introduced as a new voice: the antecedent of the next "katanya", "dia"
            self.register(Speaker(name, t, re.sub(r"\s+(?:itu|tersebut)$", "", head), True), m.start(1))
        # "Reza pengemudi taksi online juga kecewa ...": a one-word name opening a sentence, its
        # role after it without a comma
        for m in re.finditer(r"(?:^|(?<=[.!?]\s)|(?<=[.!?][”\"’]\s)|(?<=\n))([A-Z][a-z'’]{2,})\s+([a-z]+(?:\s+[a-z]+){0,3})(?=\s)", text):
            name, app = m.group(1), m.group(2)
            if inside(m.start(1)) or name in self.registry or self.book.find(name) or name.lower() in self.book.not_names \
                    or name.lower() in self.book.title_words or self.book.has_role_noun(name) \
                    or name.lower() in _SENTENCE_OPENERS or name.lower() in _FUNCTION_WORDS or name.lower() in _CLAUSE_WORDS:
                continue
            nouns = self.book.role_nouns_in(app)
            if not nouns or nouns[0][0] != 0 or self.book.type_from_role(app, self.lang) != "user":
                continue  # (only lay people are introduced this way; officials carry a title)
            self.register(Speaker(name, "user", nouns[0][2], True), m.start(1))

    # a sentence or clause opened by one unlisted capitalised word and an act of an
    # organisation: "Orbix confirmed the breach on Friday.", "Saat dihubungi, Zentrix
    # mengonfirmasi kebocoran itu."
    # a relative clause between a subject and its verb: "Kakao, which has 50 million users, announced"
    _RELATIVE = r"(?:,[ \t]+(?:which|who|yang)\b[^,.;“”\"\n]{1,120},)?"
    _ACTS = (r"(?:has\s+|had\s+|also\s+|telah\s+|juga\s+|sudah\s+|pun\s+)?"
             r"(?:confirmed|confirms|said|says|announced|announces|admitted|admits|denied|denies|disclosed|discloses|"
             r"revealed|acknowledged|acknowledges|notified|warned|apologi[sz]ed|stated|wrote|tweeted|posted|declined|"
             r"did not (?:immediately )?respond|didn't (?:immediately )?respond|mengonfirmasi|membenarkan|"
             r"mengatakan|menyatakan|membantah|mengakui|mengumumkan|menjelaskan|menegaskan|memastikan)\b")
    _ORG_SUBJECT = re.compile(
        r"(?:^|(?<=[.!?,]\s)|(?<=\n)|(?<=Although )|(?<=Though )|(?<=While )|(?<=Meski )|(?<=Walau ))"
        r"([A-Z][\w&-]*[a-z0-9A-Z][\w&-]*)\s+" + _ACTS)
    # what an organisation does as the subject of a sentence, beyond the acts above: "TransUnion
    # believes", "Zentrion told", "Acme insisted" (not "Malfunctions caused")
    _ORG_ACT = re.compile(_RELATIVE + r"\s+(?:" + _ACTS + r"|(?:believes|believed|reported|reports|added|adds|told|tells|"
                          r"claimed|claims|insisted|insists|noted|notes|explained|explains|responded|issued|"
                          r"urged|blamed|argued|argues|maintains|maintained|"
                          # a singular auxiliary ("Kakao is working", "Acme has"): an organisation is
                          # one; a plural common noun ("Malfunctions are") is not
                          r"is|was|has|had|will|would|can|could|may|also|later|then|still|now)\b)")

    def _scan_unlisted_organisations(self, text: str, inside) -> None:
        """Record an unlisted one-word organisation that opens a sentence as its subject, so that
        "the company" or "perusahaan itu" later can point back to it (a person would have been
        introduced by full name, and a listed name is found by the gazetteer)."""
        for m in self._ORG_SUBJECT.finditer(text):
            name = m.group(1)
            if inside(m.start(1)) or self.book.lookup(name) is not None or self.book.find(name) \
                    or name.lower() in _SENTENCE_OPENERS or name.lower() in _CLAUSE_WORDS \
                    or name.lower() in _FUNCTION_WORDS or name.lower() in self.book.title_words or name.lower() in self.book.not_names \
                    or self.book.has_role_noun(name) or self.book.anaphor(name, self.lang) is not None:
                continue
            if not (self._bare_organisation(name) or re.fullmatch(r"[A-Z]{2,6}", name)):
                continue  # (an acronym that acts, "Although NSO denied", is an organisation too)
            typ = self.book.type_of_org(name) or ("other" if self._attacker_group(name) else "company")
            self.mentions.append(_Mention(m.start(1), Speaker(name, typ, "", False), True))
        for m in self._FIRM_APPOSITION.finditer(text):
            name = m.group(1)
            if not inside(m.start(1)) and self._firm_name_ok(name):
                self._mention_firm(text, inside, name, self.book.type_of_org(name) or "company", lambda pos: True)
        # "the British Library", "the Interior Ministry", "the Ministry of Health": an unlisted
        # public body named by its head noun is an antecedent of "the institution", "it"
        for m in _BODY_NAME.finditer(text):
            # (the country that owns it is no part of its name: "Lithuania's National Cyber Agency")
            name = re.sub(r"^(?:(?:The|A|An)\s+)?(?:[A-Z][\w-]*['’]s\s+)?", "", m.group(0))
            # (the head noun is a role noun itself: "agency", "authority")
            core = re.sub(rf"^(?:{_BODY_HEADS})\s+(?:of|for)\s+(?:the\s+)?|\s*\b(?:{_BODY_HEADS})$", "", name)
            if inside(m.start()) or self.book.find(name) or not core or not self._firm_name_ok(core) \
                    or any(x.pos <= m.start() < x.pos + len(x.speaker.name) for x in self.mentions):
                continue
            typ = self.book.type_of_org(name) or "government"
            self.mentions.append(_Mention(m.start(), Speaker(name, typ, "", False), _opens_sentence(text, m.start())))
        # "the Colonial Pipeline Company", "Acme Widgets Inc.": capitalised words closed by a legal
        # form name a firm, so that "the company said" has an antecedent even when the firm is
        # never the subject of a sentence
        for m in self.book.firm_name_re.finditer(text):
            name = m.group(1)
            if self._firm_name_ok(name):
                self._mention_firm(text, inside, name, "company", lambda pos: _opens_sentence(text, pos))

    def _firm_name_ok(self, name: str) -> bool:
        """May an unlisted capitalised name be registered as a firm (not listed, no sentence
        opener or function word first, no role noun in it)?"""
        first = name.split()[0].lower()
        return not (self.book.find(name) or first in _SENTENCE_OPENERS or first in _FUNCTION_WORDS
                    or self.book.has_role_noun(name))

    def _mention_firm(self, text: str, inside, name: str, typ: str, subject) -> None:
        """A mention of the firm ``name`` at each of its narrative occurrences (the full name may
        stand inside the firm's own quoted statement; its other mentions are the antecedents);
        ``subject(pos)`` says whether the occurrence counts as a sentence's subject."""
        for same in re.finditer(rf"(?<![\w]){re.escape(name)}(?![\w])", text):
            if not inside(same.start()) and not any(x.pos == same.start() for x in self.mentions):
                self.mentions.append(_Mention(same.start(), Speaker(name, typ, "", False), subject(same.start())))

    # "One of South Africa's largest credit bureaus, TransUnion, has been hacked", "the airline,
    # Qantas, said": a name in apposition after a firm's description is that firm
    _FIRM_APPOSITION = re.compile(
        r"\b(?:compan(?:y|ies)|firms?|bureaus?|airlines?|carriers?|operators?|providers?|banks?|insurers?|retailers?|"
        r"platforms?|giants?|makers?|startups?|exchanges?|telcos?|lenders?|perusahaan|maskapai|operator seluler|"
        r"platform)\s*,\s+([A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,2})\s*,")

    _openers = {"but", "and", "however", "meanwhile", "namun", "tetapi", "sementara", "dan", "lalu", "kemudian",
                "so", "yet", "still", "also", "then", "now", "when", "after", "while", "as", "ketika", "saat",
                "setelah", "menurut", "according", "kata", "said", "says"}

    def mention_registered(self, text: str, exclude: list[tuple[int, int]] = ()) -> None:
        """Add a mention wherever a registered name, or its first or last word, appears in the
        narrative ("Wahyu mengapresiasi ... “…,” pungkasnya": -nya is Wahyu)."""
        inside = lambda p: any(a <= p < b for a, b in exclude)  # noqa: E731
        seen = {(m.pos, m.speaker.name) for m in self.mentions}
        for full, sp in list(self.registry.items()):
            parts = full.split()
            forms = {full} | ({parts[0], parts[-1]} if len(parts) > 1 else set())
            for f in forms:
                if len(f) < 3:
                    continue
                for m in re.finditer(rf"(?<![\w]){re.escape(f)}(?![\w])", text):
                    if inside(m.start()) or (m.start(), sp.name) in seen:
                        continue
                    seen.add((m.start(), sp.name))
                    self.mentions.append(_Mention(m.start(), sp, _agentive(text, m.start())))

    # a capitalised name that opens a sentence, then a verb: "Arve Hjalmar Holmen has contacted",
    # "TransUnion believes", "Merza mengungkap". English verbs by their endings or auxiliaries,
    # Indonesian ones by their prefixes or the particles before them
    _NAMED_SUBJECT = re.compile(
        r"(?<![\w.@/'’-])((?:[A-Z](?:\.|[\w'’-]*)[ \t]+){0,7}[A-Z][\w'’-]*)" + _RELATIVE + r"[ \t]+(?:(?:has|had|have|is|was|were|will|would|can|could|may|"
        r"might|also|later|then|previously|earlier|first|still|now|did|does|do|never|recently|quickly|"
        r"[a-z]{2,}(?:s|ed))|(?:me|ber|di|ter)[a-z]{3,}|juga|pun|telah|sudah|akan|tidak|belum|masih|sempat|"
        r"kemudian|lalu|[a-z]{3,}kan|"
        # a post in a copular relative clause: "Merza Fachys yang saat ini menjabat CEO Smartfren"
        r"(?:yang|who)\s+(?:(?:saat ini|kini|sekarang|juga|is|was|currently)\s+)?(?:menjabat|menjadi|merupakan|serves|served))\b")

    def mention_subjects(self, text: str, exclude: list[tuple[int, int]] = ()) -> None:
        """Add a mention for each unlisted name that opens a sentence as the subject of a verb.

        News introduces most people by full name, with no role noun ("Arve Hjalmar Holmen has
        contacted ...", "Holmen says ..."), and unlisted firms by their bare name ("TransUnion
        believes ..."). Without a mention, a later "he", "ia" or "it" points past them to
        whoever the gazetteer or a role noun found. Full names are registered, so their short
        forms are found as well; one unlisted word is a firm when it never stands in a longer
        proper name (as `resolve` types it)."""
        inside = lambda p: any(a <= p < b for a, b in exclude)  # noqa: E731
        taken = [(m.pos, m.pos + len(m.speaker.name)) for m in self.mentions]
        for m in self._NAMED_SUBJECT.finditer(text):
            toks = m.group(1).split()
            while toks and toks[0].lower() in self._openers | _SENTENCE_OPENERS | _CLAUSE_WORDS:
                toks = toks[1:]
            if not toks:
                continue
            role = ""
            if len(toks) >= 3 and (toks[0].lower() in self.book.title_words or self.book.role_nouns_in(toks[0])):
                # "Komandan Pleton Damkar Kota Semarang Andi Waskito menyebut": a capitalised post
                # and its unit, then the person (the last two words and any initials before them)
                k = len(toks) - 2
                while k > 1 and _INITIAL.fullmatch(toks[k - 1]):
                    k -= 1
                # (one name after the town: "Kepala Disdikbud Kota Malang Suwarjana")
                k = max([k] + [j + 2 for j, t in enumerate(toks) if t in TOWN_WORDS and j + 2 < len(toks)])
                role, toks = " ".join(toks[:k]), toks[k:]
            elif len(toks) > 4:
                continue
            name = " ".join(toks).rstrip(".")
            if re.search(r"['’]s?$", name):
                continue  # "Kakao’s co-CEO said": the owner of the subject, not the subject
            pos = m.start(1) + m.group(1).find(toks[0]) if not role else m.start(1) + m.group(1).find(role)
            low = {t.lower().strip(".") for t in toks}
            if inside(pos) or _headline_at(text, pos) or not self._clause_subject(text, pos) \
                    or any(a <= pos < b or pos <= a < pos + len(name) for a, b in taken) \
                    or low & (self.book.title_words | self.book.not_names | _FUNCTION_WORDS | _DEMONSTRATIVES | _PRONOUNS) \
                    or self.book.find(name) or self.book.has_role_noun(name) or self.book.anaphor(name, self.lang) \
                    or self._names_place(toks) \
                    or not all(self._NAME_TOKEN.match(t) or _INTERCAPPED.fullmatch(t) for t in toks):
                continue
            nxt = text[m.end(1):m.end(1) + 40].lstrip().lower()
            if any(a == 0 for a, *_ in self.book.role_nouns_in(nxt)) \
                    or self.book.role_nouns_in(re.sub(r"s\b", "", nxt.split()[0])):
                continue  # "Digital rights group noyb": the words describe a speaker named after them
            known = self._from_registry(name)
            if known is not None:
                sp = known
            elif len(toks) >= 2:
                if self.book._org_name_type(name) or _INTERCAPPED.fullmatch(toks[0]) \
                        or not (role or self._personal(name, pos)):
                    continue  # an organisation's long name: the other readers type those
                sp = Speaker(name, (self.book.type_from_role(role, self.lang) if role else None) or "other", role, True)
                self.registry[name] = sp
            elif (full := self._full_form(name)) is not None:
                sp = full
            elif self._bare_organisation(name) and (self.lang == "en" or _INTERCAPPED.fullmatch(name)) \
                    and self._ORG_ACT.match(text, m.end(1)) \
                    and not re.search(rf"(?<![\w-]){re.escape(name.lower())}(?![\w-])", text) \
                    and not name.lower().endswith("nya"):
                # (Indonesian news names many people by one word, "Usman mengatakan"; a word also
                # written in lower case, "Services were restored", is no name)
                sp = Speaker(name, "other" if self._attacker_group(name) else "company", "", False)
            else:
                continue
            self.mentions.append(_Mention(pos, sp, True))
            taken.append((pos, pos + len(name)))

    def _clause_subject(self, text: str, pos: int) -> bool:
        """Does the name at ``pos`` open its sentence, or the main clause after a short
        adverbial ("According to the BBC, Arve Hjalmar Holmen has ...", "Kepada Jatimtimes, Lia
        mengatakan")?"""
        if _opens_sentence(text, pos):
            return True
        before = text[_sentence_start(text, pos):pos].strip()
        if before.lower() in _CLAUSE_WORDS or before.lower() in ("kalau-kalau", "seandainya", "andai"):
            return True  # "Jika Merza Fachys ... diundang": the subject of a subordinate clause
        return before.endswith(",") and len(before.split()) <= 5 and not re.search(r"[“”\"]", before)

    def _personal(self, name: str, pos: int) -> bool:
        """Does the article treat the unlisted full name at ``pos`` as a person's: its first or
        last word stands alone elsewhere ("Holmen says", "Setya belum bisa"), or "he", "she",
        "ia" follows within the next sentences? ("Orbis Health said ... it added" is a firm's.)"""
        for word in {name.split()[0], name.split()[-1]}:
            for m in re.finditer(rf"(?<![\w'’-]){re.escape(word)}(?![\w'’-])", self.text):
                if not re.search(r"[A-Z][\w'’.-]*[ \t]+$", self.text[max(0, m.start() - 30):m.start()]) \
                        and not re.match(r"[ \t]+[A-Z]", self.text[m.end():]):
                    return True
        after = self.text[pos:pos + 400]
        return bool(re.search(r"(?<![\w-])(?:he|she|his|her|him|ia|dia|beliau)(?![\w-])", after, re.IGNORECASE))

    def _names_place(self, toks: list[str]) -> bool:
        """Is one word, or two words together, of ``toks`` a place ("Experian South Africa")?"""
        return any(self.book.is_place(t) for t in toks + [f"{a} {b}" for a, b in zip(toks, toks[1:])])

    def _full_form(self, word: str) -> Speaker | None:
        """A person's full name the article prints that ends or starts with the one word
        ``word`` ("Holmen" after "Arve Hjalmar Holmen"), registered as a person."""
        n = re.escape(word)
        for m in re.finditer(rf"(?<![\w'’-])((?:[A-Z][\w'’-]+[ \t]+){{1,2}}{n}|{n}(?:[ \t]+[A-Z][\w'’-]+){{1,2}})(?![\w'’-])", self.text):
            full = m.group(1)
            toks = full.split()
            if any(t.lower() in self.book.title_words or t.lower() in self.book.not_names or t.lower() in _FUNCTION_WORDS
                   or t.lower() in _SENTENCE_OPENERS or t.lower() in _CLAUSE_WORDS or t in TOWN_WORDS
                   or not self._NAME_TOKEN.match(t) for t in toks) or self._names_place(toks) \
                    or self.book.find(full) or self.book.has_role_noun(full) or self.book._org_name_type(full):
                continue
            sp = self.registry.setdefault(full, Speaker(full, "other", "", True))
            return sp
        return None

    def register(self, sp: Speaker, pos: int, text: str = "") -> None:
        """Remember a full name introduced with a role, for later surname-only mentions."""
        if _POSSESSIVE.search(sp.name) and len(sp.name.split()) >= 2:
            # "Prime Minister Lee Hsien Loong’s personal particulars": the owner is Lee Hsien Loong
            sp = replace(sp, name=_POSSESSIVE.sub("", sp.name).strip())
        if sp.name not in self.registry:
            self.registry[sp.name] = sp
        self.mentions.append(_Mention(pos, sp, _agentive(text, pos) if text else True))

    def _from_registry(self, name: str) -> Speaker | None:
        if name in self.registry:
            return self.registry[name]
        if self.nicknames.get(name, name) != name:
            return self._from_registry(self.nicknames[name])
        toks = name.lower().split()
        for full, sp in self.registry.items():
            parts = full.lower().split()
            if len(toks) < len(parts) and all(t in parts for t in toks):
                return sp
        # a writer's misspelling of a short form ("jelas Hery" after "Direktur BSI Herry Gunardi",
        # "Jhonny" for Johnny): one letter apart from the first or last word of one registered name
        if len(toks) == 1 and len(toks[0]) >= 4:
            near = {full: sp for full, sp in self.registry.items() if len(full.split()) >= 2
                    and any(_one_edit(toks[0], w) for w in (full.lower().split()[0], full.lower().split()[-1]))}
            if len(near) == 1:
                return next(iter(near.values()))
        return None

    def resolve(self, sp: Speaker, pos: int) -> Speaker:
        """The speaker as it should be reported: canonical name, anaphora resolved."""
        if sp.anaphor is not None:
            kind = sp.anaphor
            hist = [m for m in self.history if m.pos <= pos]
            # (one spoken to is no antecedent: "ungkapnya kepada wartawan Muhammad Iqbal", "it told Fin24")
            ment = [m for m in self.mentions if m.pos <= pos and not _ADDRESSEE.search(self.text[max(0, m.pos - 40):m.pos])]
            organisation = kind == "organisation"
            if organisation:
                # "it", "its": any antecedent but a person
                kind = "any"
            if kind == "person":
                pool = [m for m in hist + ment if m.speaker.is_person and (m.subject or m in hist)] \
                    or [m for m in hist if m.speaker.type != "media"] or [m for m in ment if m.speaker.is_person]
                # (the last fallback: "high hopes for Kelly Bayer Rosmarin when she was appointed
                # ... '…,' she said": a person named only as an object is better than no one)
                want = self._role_type(sp.role)
                if re.search(r"(?i)\b(?:mantan|eks|former|ex)\b", sp.role or ""):
                    # "kata mantan Anggota BRTI ini": a former member no longer speaks for the
                    # body; the person just quoted, not the body, is meant
                    want = None
                if want is not None:
                    # "kata Dirjen Aptika ini": the last person of that kind (an official), not
                    # whoever the narrative named last
                    same = [m for m in pool if m.speaker.type == want]
                    orgs = [e for _, _, e in self.book.find(sp.role) if e.kind != "person"]
                    if not same and orgs:
                        # "the Xiaomi India MD" before any such person is named: the organisation
                        return Speaker(orgs[-1].name, orgs[-1].type, self.book.strip_determiners(sp.role), False, entity=True)
                    pool = same or pool
            elif kind == "any" and (sp.role or "").lower() in ("it", "ia", "they", "mereka") and self._sentence_subject(pos):
                # "Although NSO denied the claims, it also said ...": the organisation that is the
                # subject of this very sentence, not the outlet quoted before
                pool = [self._sentence_subject(pos)]
            elif kind == "any":
                # the last speaker, or a person introduced since ("Peneliti lain, Andrew
                # Tierney, menemukan ... “…,” katanya"); before anyone has spoken, the last
                # non-media name ("Xiaomi menanggapi laporan Forbes. “…,” katanya")
                # a name after "di", "on", "via" is a place ("akun @ndagels di Twitter"), not a speaker
                placed = lambda m: bool(re.search(r"(?i)\b(?:di|on|in|via|melalui|lewat)\s+$", self.text[max(0, m.pos - 12):m.pos]))  # noqa: E731
                pool = hist + [m for m in ment if m.speaker.is_person and m.subject] \
                    or [m for m in ment if m.speaker.type != "media" and not placed(m)] \
                    or [m for m in ment if m.speaker.type != "media"] or ment
            elif kind == "other":
                # "ujar hacker", "kelompok hacker itu": the last hacker or gang named or speaking
                hackerish = lambda m: m.speaker.type == "other" and (m.speaker.entity or _HACKER_ROLE.search(m.speaker.role.lower()))  # noqa: E731
                pool = [m for m in hist + [m for m in ment if m.subject] if hackerish(m)] \
                    or [m for m in ment if hackerish(m)]
            else:
                # "the company" is the last company that spoke or that opened a sentence as its
                # subject ("Now, Apple is hitting back. ... the company said"), not one named
                # in passing as an object
                pool = [m for m in hist + [m for m in ment if m.subject] if m.speaker.type == kind] \
                    or [m for m in ment if m.speaker.type == kind]
                # (unlisted capitalised names only: a listed product, gang or a role is typed already)
                untyped = [m for m in hist + ment if m.speaker.type == "other"
                           and (not m.speaker.is_person or re.fullmatch(r"[A-Z][A-Z0-9&]{1,7}", m.speaker.name))
                           and not m.speaker.entity and m.speaker.name[:1].isupper()
                           and not self._attacker_group(m.speaker.name)]
                if kind != "other" and untyped and (not pool or max(untyped, key=lambda m: m.pos).pos
                                                    > max(pool, key=lambda m: m.pos).pos):
                    # "the NC4 said ... The agency warned", "the British Library ... the library
                    # said": an organisation no rule could type is what the description says it is
                    got = max(untyped, key=lambda m: m.pos).speaker
                    typed = replace(got, type=kind)
                    for m in self.mentions + self.history:
                        if m.speaker.name == got.name and m.speaker.type == "other":
                            m.speaker = typed
                    return typed
            if organisation:
                pool = [m for m in pool if not m.speaker.is_person] \
                    or [m for m in hist + ment if not m.speaker.is_person and m.speaker.type != "media"] or pool
            owned = _OWNED_BY.search(sp.role or "") if kind == "company" else None
            if owned:
                # "Perusahaan milik Alibaba itu": any firm but the owner ("Lazada, milik Alibaba")
                owner = owned.group(1) or owned.group(2) or ""
                pool = [m for m in pool if m.speaker.name.lower() not in owner.lower()] \
                    or [m for m in hist + ment if m.speaker.type == "company" and not m.speaker.is_person
                        and m.speaker.name.lower() not in owner.lower()]
                if not pool:
                    # an unlisted subsidiary no rule has typed yet: the last other name, a firm
                    # by the description ("perusahaan", "company")
                    rest = [m for m in hist + ment if m.speaker.name and m.speaker.type not in ("media", "government")
                            and m.speaker.name.lower() not in owner.lower()]
                    if rest:
                        return replace(max(rest, key=lambda m: m.pos).speaker, type="company", is_person=False)
            if kind == "company" and sp.role and self.book.anaphor(sp.role, self.lang) == "company":
                # "the company", "perusahaan itu" name the firm, not its CEO or spokesperson who
                # spoke last ("..., Medibank CEO David Koczkar said. The company will ...")
                firms = [m for m in pool if not m.speaker.is_person]
                if not firms and pool:
                    # only its officer has been named ("Okta Chief Security Officer David
                    # Bradbury wrote ... The company said"): the firm named in the officer's role
                    officer = max(pool, key=lambda m: m.pos).speaker
                    at = self.text.find(officer.name)
                    # (the role as written before the name: the tracker may keep only the title)
                    written = re.split(r"[.!?,;:“”\"]\s*", self.text[max(0, at - 80):at])[-1] if at > 0 else ""
                    firm = self._employer(officer.role) or self._employer(written)
                    if firm is not None:
                        return firm
                pool = firms or pool
            if kind == "government" and sp.role and re.search(
                    r"(?i)\b(?:central bank|agenc(?:y|ies)|commission|authorit(?:y|ies)|departments?|watchdog|bureau|"
                    r"regulators?|ministries|bodies|kementerian|badan|lembaga|komisi|otoritas|bank sentral)\b", sp.role):
                # "the central bank said", "badan itu": the public body, not its last official
                pool = [m for m in pool if not m.speaker.is_person] or pool
            if kind == "media" and not pool and re.search(r"(?i)\b(?:report|laporan)\b", sp.role or ""):
                # "the report said" when no outlet is named: the report of the body that spoke
                # or was named last (a regulator's findings, a firm's disclosure), or of the body
                # named as its author ("A report published by Lithuania's National Cyber Security
                # Centre found ... the report warned")
                pool = [m for m in hist + ment if not m.speaker.is_person and m.speaker.type != "media"]
                pool = [m for m in pool if _REPORT_BY.search(self.text[max(0, m.pos - 60):m.pos])] or pool
            if kind == "company" and not pool:
                # a description before any name ("The company, India's top-selling brand, says"
                # in a standfirst): the first company the article names
                later = [m for m in self.mentions if m.speaker.type == "company" and not m.speaker.is_person]
                pool = sorted(later, key=lambda m: m.pos)[:1]
            if kind == "company" and not pool:
                # no company named at all ("Clubhouse said ... the company said"): the last
                # organisation that spoke
                pool = [m for m in hist if not m.speaker.is_person and m.speaker.type not in ("media", "government")]
            if pool:
                got = max(pool, key=lambda m: m.pos).speaker
                if sp.role and got.entity and not got.is_person and sp.role.lower() not in ("it", "they", "mereka", "-nya", "nya"):
                    kept = self.book.strip_determiners(sp.role)
                    if self.book.role_nouns_in(kept) and self.book.anaphor(kept, self.lang) is None:
                        return replace(got, role=kept)
                return got
            if kind == "other" and sp.role:
                # "An infamous hacking group claims ..." before the gang is named: the first
                # gang the article names ("ShinyHunters, the group claiming responsibility")
                later = [m for m in self.mentions if m.pos > pos and m.speaker.type == "other" and m.speaker.entity]
                if later:
                    return min(later, key=lambda m: m.pos).speaker
                # "the hackers said" with no hacker named: the role is the speaker
                role = self.book.strip_determiners(sp.role).strip(" .,;:")
                return Speaker(role, "other", role, False)
            if kind == "government" and sp.role and not sp.role.lower().startswith(("this ", "these ")):
                # "The departments said" before any body is named: the description is the speaker
                role = self.book.strip_determiners(sp.role)
                return Speaker(role, "government", role, False)
            fallback = self.book.parse(self.book.strip_determiners(sp.role), self.lang) if sp.role else Speaker()
            if fallback.anaphor is None and fallback.name:
                return fallback
            # the last resort: a pronoun points back to someone, so the last speaker or the last
            # non-media name before it rather than no one (an empty speaker is never coded)
            last = [m for m in hist + ment if m.speaker.type != "media" and (kind != "person" or m.speaker.is_person)] \
                or [m for m in hist + ment if m.speaker.type != "media"]
            return max(last, key=lambda m: m.pos).speaker if last else Speaker()
        if sp.name and not sp.entity:
            known = self._from_registry(sp.name)
            if known is not None:
                if sp.role and sp.type != "other" and not known.entity:
                    # the role written at this quote types it ("Juru bicara Xiaomi, Andi")
                    known = replace(known, role=sp.role, type=sp.type)
                known = replace(known, role=sp.role or known.role)
                body = self._body_of_post(known, pos)
                return known if body is None else replace(known, type=body.type)
            head = self._named_by_head(sp.name, pos) or self._listed_long_form(sp.name)
            if head is not None:
                return replace(head, role=sp.role or head.role)
            if sp.is_person and len(sp.name.split()) >= 2:
                self.registry.setdefault(sp.name, sp)
            if sp.type == "other" and not sp.role and self._bare_organisation(sp.name):
                # news introduces a person by full name; a single capitalised word that the
                # article never extends to a full name ("Optus said in a statement") is an
                # organisation, and an organisation no rule types is a firm (coding rule 6)
                return replace(sp, type="other" if self._attacker_group(sp.name) else "company", is_person=False)
            body = self._body_of_post(sp, pos)
            if body is not None:
                return replace(sp, type=body.type)
        return sp

    def _body_of_post(self, sp: Speaker, pos: int) -> Speaker | None:
        """The public, academic or civic body whose post a named person holds when the role names
        no organisation ("Chief technology officer Shashi Verma" in a story whose only acting
        organisation is Transport for London): the body the article's narrative is about. A post
        with no organisation is typed a firm's (coding rule 6) only where a firm acts."""
        if not (sp.is_person and sp.role and sp.type == "company") or self.book.find(sp.role):
            return None
        nouns = self.book.role_nouns_in(sp.role)
        if not nouns or any(n[3] == "company" and not n[4] for n in nouns) or any(
                t.lower() not in self.book.title_words and not self.book.has_role_noun(t)
                for t in re.findall(r"[A-Z][\w'’&-]*", sp.role)):
            return None  # ("Company chairman", "Desjardins Group chief executive": the role names its employer)
        acting = [m for m in self.history + self.mentions if m.pos <= pos and not m.speaker.is_person
                  and (m.subject or m in self.history) and m.speaker.type not in ("media", "other")]
        if not acting or any(m.speaker.type == "company" for m in acting):
            return None
        return max(acting, key=lambda m: m.pos).speaker

    def _attacker_group(self, name: str) -> bool:
        """Does the article name ``name`` as a hacker or ransomware group? (see attacker_group)"""
        return attacker_group(self.text or "", name)

    def _employer(self, role: str) -> Speaker | None:
        """The firm a company officer's role names before its title ("Okta Chief Security
        Officer", "Acme's CEO"), else None."""
        nouns = [n for n in self.book.role_nouns_in(role or "") if n[3] == "company" or _CHIEF_OFFICER.match(role[n[0]:])]
        start = min([n[0] for n in nouns] + [m.start() for m in _CHIEF_OFFICER.finditer(role or "")], default=None)
        if start is None:
            return None
        pre = [t for t in normalise_phrase(role[:start]).split()]
        if not pre or len(pre) > 3 or not all(t[:1].isupper() and t.lower() not in self.book.title_words for t in pre):
            return None
        name = " ".join(pre)
        ent = self.book.lookup(name)
        if ent is not None:
            return Speaker(ent.name, ent.type, "", False, entity=True) if ent.kind != "person" else None
        return Speaker(name, self.book.type_of_org(name) or "company", "", False)

    def _sentence_subject(self, pos: int) -> _Mention | None:
        """The organisation (not an outlet) that opens a clause earlier in the sentence at ``pos``."""
        start = max(self.text.rfind(". ", 0, pos), self.text.rfind("\n", 0, pos), 0)
        got = [m for m in self.mentions if start <= m.pos < pos and m.subject and not m.speaker.is_person
               and m.speaker.type != "media"]
        return max(got, key=lambda m: m.pos) if got else None

    def _named_by_head(self, name: str, pos: int) -> Speaker | None:
        """A lower-case description ("commission", "the ministry", "badan itu") whose head noun
        ends the name of a listed organisation the article has named before ``pos`` ("the
        National Privacy Commission ... According to the commission"): that organisation."""
        words = name.lower().split()
        # (a capitalised head noun alone, "the Authority said", "the Commission added", refers
        # back the same way; other capitalised words are names)
        if not words or (name[:1].isupper() and not re.fullmatch(_BODY_HEADS, name)) or len(words) > 3:
            return None
        heads = {w for w in words if w not in _DEMONSTRATIVES}
        named = [m for m in self.mentions if m.pos < pos and not m.speaker.is_person and m.speaker.name[:1].isupper()
                 and len(m.speaker.name.split()) >= 2 and m.speaker.name.lower().split()[-1] in heads]
        return max(named, key=lambda m: m.pos).speaker if named else None

    def _listed_long_form(self, name: str) -> Speaker | None:
        """A listed organisation this article names in full whose name starts with ``name``
        ("Latitude said" after "Latitude Financial ..."; "Live Nation" for "Live Nation
        Entertainment"): the short form is that organisation."""
        if not name[:1].isupper() or len(name.split()) > 3:
            return None
        longer = {m.speaker.name: m.speaker for m in self.mentions if m.speaker.entity and not m.speaker.is_person
                  and m.speaker.name.lower().startswith(name.lower() + " ")}
        return next(iter(longer.values())) if len(longer) == 1 else None

    def _bare_organisation(self, name: str) -> bool:
        """Is ``name`` one capitalised word that never stands in a longer proper name here?"""
        if len(name.split()) != 1 or not name[:1].isupper() or name.lower() in self.book.title_words \
                or re.fullmatch(r"[A-Z0-9]{2,6}", name):
            return False  # an acronym may be any kind of body; left to the other rules
        n = re.escape(name)
        if re.search(rf"(?i)@{n}[a-z]", self.text or "") and not re.search(rf"(?i)@{n}(?:\b|_|id\b|official)", self.text or ""):
            return False  # "akun @rinakusuma88. Rina menyatakan": the holder of a personal account
        if re.search(rf"\b{n}\s+[A-Z](?:[a-z][\w'’-]*|\.|[A-Z]{{0,2}}\b)", self.text or ""):
            return False  # "Johnny G. Plate", "Mahfud MD", "Ruby Alamsyah": a person's name
        if written_as_person(self.text or "", name):
            return False  # "Erwin (25)", "... oleh Erwin. Sebagai editor lepas ia ...": a person, not a firm
        for m in re.finditer(rf"(?<![\w.])([\w'’.()-]+)(\s+)(?={n}\b)", self.text or ""):
            if "\n" in m.group(2) or re.search(r"\w{3,}[.!?]$", m.group(1)):
                continue  # "... on Saturday.\nTransUnion announced": the word ends a sentence
            w = m.group(1).lower().strip(".()")
            # a user noun before a firm names its users ("pengguna Cermati"), not the firm's title
            if self.book.role_nouns_in(w) and self.book.type_from_role(w) not in (None, "company", "other", "user") \
                    or w in self.book.title_words or (m.group(1)[:1].isupper() and w not in _SENTENCE_OPENERS
                                                      and w not in _FUNCTION_WORDS and w not in _CLAUSE_WORDS):
                # "Menteri ... Rudiantara", "peretas Bjorka", "Ruby Alamsyah": a titled or full name
                return False
        return True

    def _role_type(self, role: str) -> str | None:
        """The speaker type a demonstrative description names ("Dirjen Aptika ini" -> government)."""
        core = re.sub(r"\s+(?:ini|itu|tersebut|this|that)$", "", (role or "").strip(), flags=re.IGNORECASE)
        strong = [n for n in self.book.role_nouns_in(core) if not n[4]]
        if strong:
            return min(strong, key=lambda n: TYPE_PRIORITY.index(n[3]))[3]
        return self.book.type_of_org(core) if core else None

    def commit(self, sp: Speaker, pos: int) -> None:
        """Record that ``sp`` spoke at ``pos`` (the antecedent for later anaphora)."""
        if sp.name:
            self.history.append(_Mention(pos, sp))
