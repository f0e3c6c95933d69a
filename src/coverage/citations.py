"""Media citations: which news outlets an article names as the source of what it reports.

``citation_records(text, lang)`` finds every mention of an outlet that stands with a citation
cue ("dilansir dari Forbes", "mengutip GSMArena", "menurut laporan Forbes", "kata Cirlig kepada
Forbes", "Forbes melaporkan", "according to Forbes", "first reported by Forbes", "(via CNET)",
"told Forbes", "Forbes' report says", a closing "Sumber: ..." or "(Kantor Berita Nusa)" credit);
``cited_media(text, lang)`` gives the cited outlets once each, in order of first mention.

Outlet names are canonicalised through data/codebook/media.yml; the cue patterns live in
data/codebook/cues.yml (section ``citations``). What is not a citation:

- an outlet named only inside a quotation (Xiaomi: “Kami kecewa dengan artikel dari Forbes”):
  those are the speaker's words, not the article's sourcing;
- an outlet named only as the object of a dispute ("Xiaomi membantah laporan Forbes itu",
  "last week's Forbes report rests on three words ..."): the article does not relay it;
- the company's own blog or statement ("dikutip dari blog resmi Xiaomi", "mengutip Xiaomi"):
  its words are quotes (coverage.quotes), and the gazetteer's companies are never outlets;
- datelines and bylines ("Jakarta (ANTARA) -", "Pewarta:"), and, when ``outlet`` is given, the
  publishing outlet itself ("kata Andreas kepada detakINET" in detakINET's own article).

Possessives are handled: in "Forbes' report says ..." the apostrophe neither opens a quotation
nor hides the outlet; the report is Forbes' and Forbes is cited (cue "report").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .codebook import load_yaml
from .errors import StudyError
from .quotes import CUES_YML, _paragraphs, extract_quotes, load_cues, rules_language
from .speakers import MEDIA_YML, load_book

# (or a web address starting in lower case: "dikutip dari cnbcindonesia.com", "hai-Online.com")
_NAME = r"(?:[a-z][A-Za-z0-9-]{2,}\.(?:com|co\.id|net|org|id)\b|[A-Z0-9][\w.&'’+-]*(?:\s+(?:[A-Z0-9][\w.&'’+-]*|of|the|dan|and|de|di)){0,4})"
_OUTLET_LIKE = re.compile(
    r"\.(?:com|co\.id|id|net|org|co|in|my|sg|ph|vn|co\.uk|news|example)\b|"
    r"\b(?:News|Times|Post|Daily|Tekno|Techno|Tech|Media|Online|Herald|Tribune|Journal|Magazine|Gazette|Review|"
    r"Wire|Insider|Berita|Kabar|Harian|Warta|Pos|TV|Radio|Weekly|Today|Express|Standard|Telegraph|Observer|"
    r"Chronicle|Globe|Mail|Press|INET|Inet|Gadget|Gawai|Ponsel|Portal|Ledger|Bulletin|Dispatch|Sentinel|Examiner|"
    r"Monitor|Reporter|Courier|Register|Inquirer|Mirror|Digest|Record|Suara|Koran|Tabloid|Majalah)\b|"
    # one word ending in a newspaper word: CyberNews, Cybernews, CyberDaily, TechWire
    r"[a-z](?:News|news|Daily|Tech|Times|Post|Wire|Media|Berita|Kabar|Bulletin|Report)\b"
)
# Words that say the next name is a medium ("dilansir dari laman X", "seperti dilaporkan harian
# X", "according to the newspaper X"): after them any capitalised name is an outlet
# ("situs", "laman", "website", "blog" are not among them: a leak forum or a company's site
# is a site too)
_MEDIA_NOUNS = (r"situs berita|portal berita|media daring|media online|media|harian|koran|surat kabar|majalah|"
                r"tabloid|kantor berita|"
                # ("told local newspaper Helsingin Sanomat", "the national broadcaster YLE")
                r"(?:(?:local|national|daily|public|state|financial|business|regional|weekly|online)\s+)?"
                r"(?:newspaper|magazine|news site|tech site|news outlet|outlet|news agency|publication|broadcaster)|"
                r"tech blog|sister (?:title|publication|site|paper)|media publication|"
                # "technology news website ZDNet", "the online technical news organization WebCrunch"
                r"(?:(?:online|tech|technology|technical|business|financial|local|national|digital|cybersecurity|"
                r"security|industry|trade|investigative|independent|international|regional)\s+){0,3}news\s+"
                r"(?:website|site|organi[sz]ation|portal|service|platform)")
# (a nationality or place may stand before the noun after an English preposition or article:
# "according to Argentinian news site X", "the German newspaper X"; not "Menurut harian X")
_MEDIA_NOUN = re.compile(r"(?:(?:(?<=\bto\s)|(?<=\bthe\s)|(?<=\ba\s)|(?<=\ban\s)|(?<=\bby\s))(?-i:[A-Z][a-z]+)\s+)?"
                         r"\b(?:" + _MEDIA_NOUNS + r")\s+(?:the\s+)?$", re.IGNORECASE)
# Media nouns written before an unlisted outlet's name, dropped from its canonical form
# (and a desk of the site: "Kanal Tekno Liputan6.com", "rubrik Ekonomi Kompas.com")
_LEADING_MEDIA_WORDS = re.compile(r"^(?:(?:laman|situs|media|harian|koran|majalah|portal|berita|tabloid)\s+"
                                  r"|(?:kanal|rubrik|desk)\s+[A-Z][\w-]*\s+)+", re.IGNORECASE)


# A listed name that is only the first word of a title or of another party: "Vice President",
# "BBC media partner CBS News" (the statement went to CBS News, not to the BBC)
_NOT_THIS_OUTLET = re.compile(
    r"^\s+(?:President|Presiden|Chair(?:man|woman|person)?|Minister|Menteri|Admiral|Chancellor|Governor|Principal|"
    r"Dean|Provost|Director|(?:media |news |broadcast )?partner|sister (?:site|publication|outlet|paper))\b"
    # a ranking named after the magazine: "the Fortune 500", "Forbes Global 2000"
    r"|^\s+(?:Global\s+)?\d{2,4}\b"
)
# An outlet named as the object of a denial is disputed, not relayed ("membantah laporan Forbes
# yang menyatakan ...", "denied a Forbes report that ..."), whatever cue follows the name
_DENIED = re.compile(
    r"\b(?:membantah|menyangkal|menampik|menepis|mengkritik|denied|denies|deny|disputed|disputes|rejected|rejects|"
    r"dismissed|dismisses|refuted|refutes)\s+(?:(?:a|an|the|sebuah)\s+)?(?:(?:laporan|artikel|pemberitaan|berita|tulisan|"
    r"klaim|report|article|story|claims?)\s+(?:dari\s+|by\s+|from\s+|in\s+)?(?:media\s+|majalah\s+)?)?$",
    re.IGNORECASE,
)
# An unlisted name that looks like an outlet ("Global News", "Kabar Nusa", contoh.co.id) and is the
# subject of a verb of reporting is cited: "Kabar Nusa melaporkan ...", "Coast Daily reported ..."
_UNLISTED_REPORTED = re.compile(
    r"^\s*(?:(?:newspaper|paper|magazine|website|news site|outlet|news outlet|news service|news agency|broadcaster)\s+)?"
    # an apposition, closed or running into the verb: "CyberDaily, an Australian tech outlet, first reported"
    r"(?:,[^,]{0,80},\s*|,[^,]{0,60}?\b(?:outlet|site|website|publication|newspaper|magazine|broadcaster|news agency|"
    r"portal berita|situs berita|media)\b,?\s*)?(?:(?:which|who|that|yang|first|originally|also|previously|earlier|has|had|have|juga|"
    r"pertama kali|sebelumnya|telah)\s+)*(?:reported|reports|revealed|melaporkan|memberitakan|mewartakan|mengabarkan)\b"
    # "melaporkan kasus ini ke BSSN": filing a report with an authority, not publishing one
    r"(?!(?:\s+[\w()-]+){0,3}?\s+(?:ke|kepada|to)\s+(?:pihak\s+|the\s+)?(?-i:[A-Z]))",
    re.IGNORECASE,
)

# An attribution line: "Sumber: Antara", "(Sumber: Forbes, GSMArena)", "Source/VIA: Forbes"
_CREDIT_LINE = re.compile(r"^\s*[\[(]?\s*(?:sumber|source|sources|sumber berita|via)(?:\s*/\s*(?:via|source|sumber))?\s*:",
                          re.IGNORECASE)
# A closing credit in brackets: the outlet, then perhaps its staff's initials ("(KOMPAS.COM/RAH/DIK)")
_BRACKET_CREDIT = r"\(\s*(" + _NAME + r")(?:\s*/\s*[A-Za-z]{2,5})*\s*\)"
# A listed agency's credit after a dash closing the last sentence of a paragraph, perhaps with a
# copyright year or a date: "... (RM43,950). – Bernama", "... in a statement. — (c) 2021 Reuters"
_DASH_CREDIT = re.compile(r"[.!?”\"]\s+[-—–]\s*(?:(?:\([cC]\)|©)\s*\d{4}\s+)?(" + _NAME + r")"
                          r"(?:,\s*[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4})?\.?\s*$")

# A republication credit closing the article ("Artikel ini telah tayang di Kompas.com dengan judul
# ...", "This article was originally published on The Conversation"): not body text for quotes,
# but it names the outlet whose copy this is
_REPUBLISHED = re.compile(
    r"^\s*(?:\(\*\)\s*)?(?:artikel|berita|tulisan|konten) ini (?:telah |sudah |pernah |juga |sebelumnya )*(?:tayang|terbit|dimuat|"
    r"diterbitkan|dipublikasikan|ditayangkan)\b|^\s*this (?:article|story|post|piece|report) (?:was |is |has been )?"
    r"(?:originally |first )?(?:published|appeared|ran|posted)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Cue:
    cue: str
    unlisted: str  # "any" | "outlet" | "none": which unlisted names this cue accepts
    before: re.Pattern | None
    after: re.Pattern | None


@lru_cache(maxsize=4)
def _rules(lang: str, path: Path = CUES_YML) -> tuple[_Cue, ...]:
    data = load_yaml(path)
    items = (data.get("citations") or {}).get(lang)
    if not items:
        raise StudyError(f"{path}: no `citations: {lang}:` patterns; add them like the `id` ones")
    rules = []
    for i, it in enumerate(items):
        try:
            before = re.compile(r"(?:" + it["before"] + r")\s*$", re.IGNORECASE) if "before" in it else None
            after = re.compile(it["after"], re.IGNORECASE) if "after" in it else None
        except re.error as exc:
            raise StudyError(f"{path}: citations.{lang} #{i + 1} ({it.get('cue')}) has a bad pattern ({exc}); fix it") from exc
        strong = bool(it.get("strong"))
        cue = str(it["cue"])
        # verbs that only exist for media sourcing take any capitalised name; "X by ..." cues
        # only names that look like an outlet (not "revealed by John Smith")
        unlisted = "none"
        if strong:
            unlisted = "any" if cue in ("dilansir", "dikutip", "mengutip", "sumber", "via", "source", "menurut laporan") else "outlet"
        rules.append(_Cue(cue, unlisted, before, after))
    return tuple(rules)


@lru_cache(maxsize=2)
def _not_outlets(path: Path = MEDIA_YML) -> frozenset[str]:
    data = load_yaml(path)
    return frozenset(str(w).lower() for w in data.get("not_outlets") or [])


@lru_cache(maxsize=4)
def _media_mapping(key: str, path: Path = MEDIA_YML) -> dict[str, str]:
    """A name -> canonical outlet mapping of media.yml (`citation_only`, `wire_credits`)."""
    data = load_yaml(path)
    return {str(k): str(v) for k, v in (data.get(key) or {}).items()}


def canonical_outlet(name: str) -> str | None:
    """The canonical name of an outlet (any alias of media.yml), or None if it is not listed."""
    ent = load_book().lookup(str(name))
    return ent.name if ent is not None and ent.kind == "media" else None


def _outlet_key(name: str) -> str:
    """A loose key for comparing outlet names: "Telset.id", "telset", "TELSET.com" -> "telset"."""
    key = " ".join(str(name).lower().split())
    key = re.sub(r"\.(?:co\.id|com|id|net|org|co|co\.uk|news)$", "", key)
    return re.sub(r"[^\w]", "", key)


def _clean_name(name: str) -> str:
    # "laporan Cybernews. Menurut ...": a full stop and a space end the name (a sentence ends)
    name = re.split(r"\.\s+", name.strip())[0]
    name = name.strip().rstrip(".,;:")
    # "As Türkiye Today reports": a capitalised conjunction opening the sentence is no part of it
    name = re.sub(r"^(?:As|And|But|So|While|Also)\s+(?=[A-Z0-9])", "", name)
    # drop trailing connector words the name pattern may have swallowed
    name = re.sub(r"(?:\s+(?:of|the|dan|and|de|di))+$", "", name)
    # "Detroit's WJBK-TV", "Boston's WBZ": a city before a station's call sign is no part of its name
    name = re.sub(r"^[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?['’]s\s+(?=[A-Z0-9]{3,}\b)", "", name.strip())
    return name.strip()


# "Dikutip dari Liputan6.com Senin": a weekday or month after a name ends it; never an outlet's word
_DAY_OR_MONTH = re.compile(r"\s(?:Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu|Monday|Tuesday|Wednesday|Thursday|Friday|"
                           r"Saturday|Sunday|Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|"
                           r"November|Desember|January|February|March|June|July|August|October|December)$")


def _unlisted_ok(name: str, rule: _Cue, *, media_noun: bool = False) -> bool:
    """May ``name``, which media.yml does not list, be cited after ``rule``'s cue?

    Never a date, a listed company/person/agency, or a name whose form makes it an organisation
    of another kind ("Acme Corp", "Kementerian ..."): a firm's blog is no medium. Otherwise a
    name right after a news-media noun ("harian X", "the newspaper X") is an outlet; after the
    cues that only serve media sourcing ("dilansir dari", "mengutip", "via") any capitalised
    name is; after the other cues ("reported by", "told", "kepada", "menurut") only a name that
    looks like an outlet ("Harbor Bulletin", "Kabar Kota", contoh.co.id, CyberDaily).
    """
    book = load_book()
    if len(name) < 2 or name.lower() in _not_outlets() or re.fullmatch(r"[\d\W]+", name):
        return False  # ("laporan polisi model A": a letter is no outlet)
    if name.split()[0].lower() in _not_outlets() or _DAY_OR_MONTH.search(name) or re.search(r"\b\d{1,4}\b", name):
        return False  # "dikutip Sabtu 2 Mei 2020": a date, not an outlet
    listed = book.lookup(name)  # (also "Bhinneka.com": a listed firm's web address is the firm)
    if any(e.kind != "media" for _, _, e in book.find(name)) or (listed is not None and listed.kind != "media"):
        return False  # a company, person or agency: its words are quotes, not a medium
    if book._org_name_type(name) not in (None, "media") and rule.cue not in ("via", "source", "sumber"):
        # "Acme Corp", "Universitas X", "Kementerian Y": an organisation speaking (a "(via X)"
        # or "Sumber:" credit is media sourcing whatever the name looks like)
        return False
    if media_noun:
        return True
    outlet_like = bool(_OUTLET_LIKE.search(name))
    return rule.unlisted == "any" or outlet_like


def _found_as_listed(name: str) -> bool:
    """Is ``name`` a listed outlet written as media.yml writes it (so the listed-outlet pass
    finds it)? "Cyber News" for Cybernews is listed but written otherwise: the passes for
    unlisted names handle it, and ``add`` gives it its listed name."""
    return canonical_outlet(name) is not None and any(e.kind == "media" for _, _, e in load_book().find(name))


def _canonical_unlisted(name: str) -> str:
    """An unlisted outlet's name without media nouns or a domain ending ("situs BeritaKita.id"
    -> "BeritaKita"); a listed alias found that way gives the listed name."""
    base = _LEADING_MEDIA_WORDS.sub("", name.strip()) or name.strip()
    stem = re.sub(r"\.(?:co\.id|com|id|net|org|co\.uk|news)$", "", base, flags=re.IGNORECASE) or base
    return canonical_outlet(base) or canonical_outlet(stem) or stem


def citation_records(text: str, lang: str, outlet: str | None = None) -> list[dict]:
    """Every cited-outlet mention: dicts with cited (canonical name), cue, start, end.

    ``start``/``end`` delimit the outlet's name in ``text``. ``outlet`` (optional) is the
    publishing outlet, whose mentions of itself are not citations. See the module docstring.
    """
    if not isinstance(text, str) or not text.strip():
        return []
    lang = rules_language(lang)
    cb = load_cues(lang)
    rules = _rules(lang)
    book = load_book()
    self_name = _outlet_key(canonical_outlet(outlet) or str(outlet)) if outlet else None
    quoted = [(q["start"], q["end"]) for q in extract_quotes(text, lang) if q["kind"] == "direct"]
    # a cue whose outlet the page printed as a link in a paragraph of its own ("... dilansir
    # dari\niNews.id, Sabtu"): the break becomes a space, so offsets stay those of ``text``
    text = _DANGLING_CUE.sub(lambda m: m.group(1) + " ", text)
    in_quote = lambda i: any(a <= i < b for a, b in quoted)  # noqa: E731
    credit_cue = "sumber" if lang == "id" else "source"
    out: list[dict] = []
    seen: set[tuple[int, int]] = set()
    not_media = _redefined_acronyms(text)

    def add(name: str, cue: str, s: int, e: int, canon: str | None = None) -> None:
        # "The Associated Press" is the listed "Associated Press": an article before the name
        bare = re.sub(r"^(?:The|the)\s+", "", name)
        canon = canon or canonical_outlet(name) or (canonical_outlet(bare) if bare != name else None) or _canonical_unlisted(name)
        if self_name and (_outlet_key(canon) == self_name or _outlet_key(name) == self_name):
            return  # "Dikutip Telset.id" in Telset's own article
        if any(a <= s and e <= b for a, b in seen):
            return  # the same mention, or a part of one already read ("Register" in "The Register")
        seen.add((s, e))
        out.append({"cited": canon, "cue": cue, "start": s, "end": e})

    for p in _paragraphs(text, cb):
        line = text[p.start:p.end]
        credit = bool(_CREDIT_LINE.match(line))
        if p.skip and not (credit or _REPUBLISHED.match(line)):
            continue
        # a wire byline or credit standing alone ("AFP", "Reuters"), or a closing wire credit in
        # capitals after the last sentence ("... sudah pulih. ANTARA"): the copy is the agency's
        m = re.fullmatch(r"\s*(?:[-—–]\s*)?(" + _NAME + r")\s*", line) or re.search(r"[.!?”\"]\s+([A-Z]{3,})\s*$", line)
        if m and canonical_outlet(_clean_name(m.group(1))) and (m.re.pattern.startswith(r"\s*") or m.group(1).isupper()):
            name = _clean_name(m.group(1))
            s = p.start + m.start(1)
            add(name, credit_cue, s, s + len(name))
            continue
        m = _DASH_CREDIT.search(line)
        if m and canonical_outlet(_clean_name(m.group(1))):
            name = _clean_name(m.group(1))
            s = p.start + m.start(1)
            add(name, credit_cue, s, s + len(name))
        # a wire dateline, "NEW YORK (AP) --", "(Bloomberg) —": the copy is the agency's, so an
        # article another outlet (``outlet``) publishes cites it
        # ("Abuja [Nigeria], June 5 (ANI):": a country in brackets and a date may precede the credit)
        # ("Tokyo, July 3 (Jiji Press)--KDDI Corp.": the dashes may touch the first word)
        # ("(Bloomberg) The European Union ...": a bare credit may open the line without a dash)
        # ("ATLANTA — (AP) — Delta ...": a dash may stand between the place and the credit)
        m = re.match(r"\s*(?:[A-Z][\w .,'’\[\]—–-]{0,60}?\s)?\((" + _NAME + r")\)\s*(?:[-—–]{1,2}\s*|:\s)", line) \
            or re.match(r"\s*\((" + _NAME + r")\)\s+(?=[A-Z])", line) \
            or _PORTAL_DATELINE.match(line) or _OUTLET_DATELINE.match(line)
        # without ``outlet`` the article may be the agency's own, so a dateline alone is no citation
        if m and self_name and not in_quote(p.start + m.start(m.lastindex)):
            name = _clean_name(m.group(m.lastindex))
            # (a web address in a dateline is a portal's, listed or not)
            canon = _credit_outlet(name) or (_canonical_unlisted(name) if m.re is _PORTAL_DATELINE else None)
            key = _outlet_key(canon or name)
            if any(min(len(key), len(k)) >= 4 and (key.startswith(k) or k.startswith(key))
                   for k in (self_name, _outlet_key(outlet))):
                canon = None  # "SuaraSumut.id -" opening a Suara network site's own copy: its own dateline
            if canon:
                s = p.start + m.start(m.lastindex)
                add(name, credit_cue, s, s + len(name), canon)
        # Tempo's closing sources in capitals between bars, "FORBES | GSMARENA"
        if _CAPS_CREDIT.fullmatch(line):
            for m in re.finditer(r"[^|]+", line):
                name = m.group().strip()
                if canonical_outlet(name):
                    s = p.start + m.start() + m.group().index(name)
                    add(name, credit_cue, s, s + len(name))
            continue
        # a closing credit that is nothing but "(Outlet)", or the outlet and its staff's initials,
        # "(KOMPAS.COM/RAH/DIK)"; initials alone, "(REN)", are the desk's, not an outlet
        m = re.fullmatch(_BRACKET_CREDIT, line)
        if m:
            name = _clean_name(m.group(1))
            canon = _credit_outlet(name)
            initials = re.fullmatch(r"[A-Z]{2,5}", name) is not None and not _OUTLET_LIKE.search(name)
            if canon or (not initials and "/" not in line and _unlisted_ok(name, _Cue("sumber", "any", None, None))):
                s = p.start + m.start(1)
                add(name, credit_cue, s, s + len(name), canon)
            continue
        # ... or closing the paragraph's last sentence: "... di luar Indonesia. (KOMPAS.COM/RAH/DIK)"
        m = re.search(r"[.!?”\"]\s+" + _BRACKET_CREDIT + r"\s*$", line) \
            or re.search(r"[.!?”\"]\s+\((\w{2,5})\)\s*$", line)  # an agency's short credit, "(ant)"
        canon = _credit_outlet(_clean_name(m.group(1))) if m else None
        if canon:
            name = _clean_name(m.group(1))
            s = p.start + m.start(1)
            add(name, credit_cue, s, s + len(name), canon)
        # listed outlets with a cue before or after them
        for s, e, ent in book.find(line):
            if ent.kind != "media" or in_quote(p.start + s) or line[s:e] in not_media:
                continue
            left = line[max(0, s - 160):s]
            right = line[e:e + 160]
            if _NOT_THIS_OUTLET.match(right) or _DENIED.search(left):
                continue
            given = re.search(r"(?<![\w.])([A-Z][a-z]+\s+[A-Z][a-z]+)\s+$", left)
            if " " not in ent.name and given and not book.is_place(given.group(1)) \
                    and not re.search(r"(?i)\b(?:" + _MEDIA_NOUNS + r")\b", left[-60:]) \
                    and not any(r.before is not None and r.before.search(left) for r in rules):
                continue  # "Sutoyo Akhmad Fajar mengatakan": a one-word outlet ending a person's name
            # "menurut harian Kompas", "told the newspaper Forbes": the cue stands before the noun
            left = _MEDIA_NOUN.sub("", left) if _MEDIA_NOUN.search(left) else left
            for r in rules:
                b_ok = r.before is not None and bool(r.before.search(left))
                a_ok = r.after is not None and bool(r.after.search(right))
                # a rule with both patterns needs both ("writes Politico’s Cristiano Lima")
                if (b_ok and a_ok) if (r.before is not None and r.after is not None) else (b_ok or a_ok):
                    add(line[s:e], r.cue, p.start + s, p.start + e)
                    break
        # citation-only names ("told Vice", "Vice reported"; never "Vice President")
        for alias, canon in _media_mapping("citation_only").items():
            for m in re.finditer(r"(?<![\w-])" + re.escape(alias) + r"(?![\w-])", line):
                s, e = m.start(), m.end()
                left, right = line[max(0, s - 160):s], line[e:e + 160]
                if in_quote(p.start + s) or _NOT_THIS_OUTLET.match(right) or _DENIED.search(left):
                    continue
                hit = next((r for r in rules if r.before is not None and r.after is None and r.before.search(left)), None)
                if hit is not None or _UNLISTED_REPORTED.match(right):
                    cue = hit.cue if hit is not None else ("reported" if lang == "en" else "melaporkan")
                    if not (self_name and _outlet_key(canon) == self_name):
                        seen.add((p.start + s, p.start + e))
                        out.append({"cited": canon, "cue": cue, "start": p.start + s, "end": p.start + e})
        # unlisted names after cues ("dilansir dari Kabar Nusantara", "told the Harbor
        # Bulletin", "seperti dilaporkan harian Suara Kota"); _unlisted_ok says which names
        for r in rules:
            if r.before is None or r.after is not None:
                continue
            pat = r.before.pattern[:-len(r"\s*$")]
            # the cue is matched in any case, the name only with its capitals ("dilansir dari
            # Forbes pada Selasa" names Forbes, not "Forbes pada Selasa"); a media noun may
            # stand between cue and name ("menurut harian ...")
            for m in re.finditer(pat + r"(?:\s+(?:the\s+)?(?:" + _MEDIA_NOUNS + r"))?"
                                 r"\s*(?<![\w.&'’+-])((?-i:" + _NAME + r"))", line, re.IGNORECASE):
                name = _clean_name(m.group(m.lastindex))
                s = m.start(m.lastindex)
                if not name[:1].isupper() and not name[:1].isdigit() \
                        and not (r.unlisted == "any" and re.fullmatch(r"[a-z][a-z0-9-]+\.(?:com|co\.id|net|org|id)", name)):
                    continue  # the pattern is case-insensitive; a name is not (but "dikutip dari cnbcindonesia.com")
                if _found_as_listed(name) or in_quote(p.start + s):
                    continue
                if _DENIED.search(line[max(0, s - 160):s]):
                    continue
                prefix = line[m.start():s]
                noun = bool(_MEDIA_NOUN.search(prefix))
                if any(e.kind == "media" and a == 0 for a, _, e in book.find(name)):
                    continue  # "BBC News Indonesia": the listed outlet it opens with is found above
                joined = re.split(r"\s+(?:and|dan|&)\s+", name, maxsplit=1)
                if len(joined) == 2 and canonical_outlet(joined[1]):
                    continue  # "to The Record and Bleeping Computer": two outlets, each found as listed
                # ("Belfast Telegraph" is not "The Telegraph": a listed name inside is not the outlet)
                if _unlisted_ok(name, r, media_noun=noun):
                    add(name, r.cue, p.start + s, p.start + s + len(name))
        for m in re.finditer(r"(?<![\w.&'’+-])(" + _NAME + r")", line):
            name = _clean_name(m.group(1))
            s = m.start(1)
            noun = bool(_MEDIA_NOUN.search(line[max(0, s - 80):s]))  # "the news organization X reported"
            if _found_as_listed(name) or in_quote(p.start + s) or not (_OUTLET_LIKE.search(name) or noun):
                continue
            if _DENIED.search(line[max(0, s - 160):s]) or not _UNLISTED_REPORTED.match(line[s + len(name):s + len(name) + 120]):
                continue
            if _unlisted_ok(name, _Cue("reported", "outlet", None, None), media_noun=noun):
                add(name, "reported" if lang == "en" else "melaporkan", p.start + s, p.start + s + len(name))
        if credit:
            # "Sumber: GSMArena, Kantor Berita Nusa": every item of the list
            items = re.split(r",|\s+(?:dan|and)\s+|;", line.split(":", 1)[1].rstrip(" )]"))
            pos = line.index(":") + 1
            for it in items:
                name = _clean_name(it)
                if not name:
                    continue
                s = line.find(name, pos)
                pos = s + len(name)
                if canonical_outlet(name) or _unlisted_ok(name, _Cue("sumber", "any", None, None)):
                    add(name, credit_cue, p.start + s, p.start + s + len(name))
    out.sort(key=lambda r: (r["start"], r["end"]))
    # "according to the Post" in an article citing "The Washington Post": a one-word unlisted
    # name that ends a longer cited name is that outlet, not another one
    longer = [r["cited"] for r in out if len(re.sub(r"(?i)^the\s+", "", r["cited"]).split()) > 1]
    for r in out:
        short = re.sub(r"(?i)^the\s+", "", r["cited"])
        written = re.sub(r"(?i)^the\s+", "", text[r["start"]:r["end"]])
        # (also a listed short title written short: "the Times" after "The New York Times")
        if len(short.split()) == 1 and (canonical_outlet(r["cited"]) is None or len(written.split()) == 1):
            full = [n for n in longer if n.split()[-1].lower() == short.lower()]
            if full:
                r["cited"] = full[0]
    return out


# "Australian Federal Police (AFP)": the article defines a listed outlet's acronym as a body of
# another kind, so that acronym is not the news agency in this article
_ACRONYM_DEFINED = re.compile(r"([A-Z][\w'’.-]*(?:\s+(?:of|and|for|the|on|[A-Z][\w'’.-]*)){1,8})\s*\(([A-Z][A-Z0-9&]{1,7})\)")


# A media-sourcing cue that ends a line, its outlet opening the next one (a capital, or a
# name written "iNews.id" / "detikINET" / "kompas.com").
_DANGLING_CUE = re.compile(
    r"(?i)\b((?:dilansir|dikutip|disadur|diolah) dari|mengutip(?: dari)?|melansir|according to|as reported by|via)\n(?=(?-i:[A-Z]|[a-z]\w*[A-Z.]))")

# A portal's dateline in another site's copy: "Bisnis.com, JAKARTA –", "Liputan6.com, Jakarta -",
# "JAKARTA, KOMPAS.com -", "KOMPAS.com -" (the name must carry its domain; a bare city is no outlet)
_DOMAIN_NAME = r"([A-Za-z][A-Za-z0-9-]*(?:\.(?:com|co\.id|id|co|net|COM|CO\.ID|ID|CO|NET)))"
_PORTAL_DATELINE = re.compile(
    r"\s*(?:[A-Z][A-Za-z .]{1,30},\s*)?" + _DOMAIN_NAME + r"\s*(?:,\s*[A-Za-z][A-Za-z .]{1,30}?\s*)?[-—–]{1,2}\s"
    # "[PORTAL-ISLAM.ID] Pemblokiran ...": the portal's name in brackets opens the copy
    r"|\s*\[\s*" + _DOMAIN_NAME + r"\s*\]\s")
# "Semarang, CNBC Indonesia – Memulai ...": a town, then an outlet's name, then the dash (or
# the end of the line: "Jakarta, CNN Indonesia" or "Jakarta, CNN Indonesia --" standing alone
# above a copied story)
_OUTLET_DATELINE = re.compile(r"\s*[A-Z][A-Za-z .]{1,30},\s*(" + _NAME + r")\s*(?:[-—–]{1,2}(?:\s|$)|$)")


def _credit_outlet(name: str) -> str | None:
    """The listed outlet a dateline or credit names, whatever its capitals ("KOMPAS.COM",
    "TEMPO.CO"), or an agency's short form valid only there ("(AP)": media.yml's
    `wire_credits`)."""
    stem, dot, suffix = name.partition(".")
    variants = (name, stem + dot + suffix.lower(), stem.capitalize() + dot + suffix.lower(), name.lower())
    return next((c for c in map(canonical_outlet, variants) if c), None) or _media_mapping("wire_credits").get(name)


# A closing line of sources in capitals between bars ("FORBES | GSMARENA", "TEMPO.CO | AFP");
# the items are counted only when they are listed outlets (a reporter's initials are not).
_CAPS_CREDIT = re.compile(r"\s*[A-Z][A-Z0-9.&'-]*(?: [A-Z][A-Z0-9.&'-]*){0,3}(?:\s*\|\s*[A-Z][A-Z0-9.&'-]*(?: [A-Z][A-Z0-9.&'-]*){0,3})+\s*")


def _redefined_acronyms(text: str) -> frozenset[str]:
    """Acronyms of listed outlets that ``text`` spells out as something else."""
    out = set()
    for m in _ACRONYM_DEFINED.finditer(text):
        long, short = m.group(1), m.group(2)
        listed = canonical_outlet(short)
        if listed is not None and canonical_outlet(long) != listed and not any(
                canonical_outlet(long[i.start():]) == listed for i in re.finditer(r"\b[A-Z]", long)):
            out.add(short)
    return frozenset(out)


def cited_media(text: str, lang: str, outlet: str | None = None) -> list[str]:
    """Canonical names of the outlets an article cites, once each, in order of first mention."""
    names: list[str] = []
    for r in citation_records(text, lang, outlet=outlet):
        if r["cited"] not in names:
            names.append(r["cited"])
    return names


# --- tables for the notebooks ---------------------------------------------------------------

ACCOUNTS = ("Forbes' report only", "Xiaomi's statement only", "both", "neither")


def account_table(articles, quotes, citations, *, report_outlet: str = "Forbes", company: str = "Xiaomi"):
    """Whose account each article relays: the report's (Forbes'), the company's, both or neither.

    An article relays the report's account when it cites the outlet (citations.csv), quotes the
    outlet as a speaker, or quotes the researchers it reported on (speaker type researcher whose
    name is in the gazetteer as one of the report's researchers, or any researcher when the
    outlet is cited); it relays the company's account when it quotes the company (speaker
    ``company``, or any company-type speaker). Columns: article_id, outlet, group, relays_report,
    relays_company, account.
    """
    import pandas as pd

    q = quotes.copy()
    q["speaker"] = q["speaker"].fillna("")
    report_speakers = set(q.loc[(q["speaker"] == report_outlet), "article_id"])
    researchers = set(q.loc[q["speaker"].isin(["Gabi Cirlig", "Andrew Tierney"]), "article_id"])
    cited = set(citations.loc[citations["cited"] == report_outlet, "article_id"])
    comp = set(q.loc[(q["speaker"] == company) | (q["speaker_type"] == "company"), "article_id"])
    from .config import ANALYSED_LANGUAGES

    arts = articles[articles["language"].isin(ANALYSED_LANGUAGES)][["id", "outlet", "group"]].rename(columns={"id": "article_id"})
    arts = arts.assign(
        relays_report=arts["article_id"].isin(report_speakers | researchers | cited).astype(int),
        relays_company=arts["article_id"].isin(comp).astype(int),
    )
    both = (arts["relays_report"] == 1) & (arts["relays_company"] == 1)
    arts["account"] = "neither"
    arts.loc[(arts["relays_report"] == 1) & ~both, "account"] = ACCOUNTS[0]
    arts.loc[(arts["relays_company"] == 1) & ~both, "account"] = ACCOUNTS[1]
    arts.loc[both, "account"] = "both"
    arts["account"] = pd.Categorical(arts["account"], categories=list(ACCOUNTS), ordered=True)
    return arts.sort_values(["group", "outlet", "article_id"]).reset_index(drop=True)


def account_by_outlet(accounts):
    """Articles per outlet and account (``account_table`` output): outlet, group, one column
    per account category, total; the numbers the accounts figure plots."""
    import pandas as pd

    t = pd.crosstab([accounts["group"], accounts["outlet"]], accounts["account"], dropna=False)
    t = t.reindex(columns=list(ACCOUNTS), fill_value=0)
    t = t[t.sum(axis=1) > 0]
    t["total"] = t.sum(axis=1)
    return t.reset_index().sort_values(["group", "total", "outlet"], ascending=[True, False, True]).reset_index(drop=True)
