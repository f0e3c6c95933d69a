"""Score quote extraction and media citations against a hand-coded gold sample.

``python -m coverage evaluate quotes --gold FILE`` calls ``evaluate_quotes(FILE)``.

Gold format
-----------
JSON Lines (UTF-8), one article per line::

    {"id": "id_kbnusa_0502", "lang": "id", "text": "<the article text>",
     "quotes": [{"quote": "Kami yakin telah mematuhi peraturan setempat secara ketat",
                 "speaker": "Xiaomi", "speaker_type": "company", "cue": "tulis",
                 "kind": "direct", "start": 812, "end": 868}, ...],
     "cited": ["Forbes", "Antara"]}

- ``id``: any unique string; ``lang``: ISO 639-1 ("id", "en"); ``text``: the article text as
  the study extracts it (the offsets index into it).
- ``quotes``: every quotation a careful reader finds, in any order. ``kind`` is "direct" (the
  words inside quotation marks, without the marks; a quote over several paragraphs is one quote
  from its first word to its last) or "indirect" (reported speech introduced by a reporting verb
  or "menurut"/"according to": the reported clause, without the attribution when it stands at
  the start or end, or the whole sentence when the attribution sits inside it).
  ``start``/``end`` are optional: without them the quote string is looked up in the text
  (exactly, or ignoring differences in spaces and quotation marks; the first occurrence at or
  after the previous quote of the list wins).
- ``speaker``: the canonical name of data/codebook/speakers.yml, organisations.yml or media.yml
  when the speaker is listed there (any alias is accepted), else the full name as the article gives it, else the
  role for an unnamed speaker ("security researchers"); pronouns resolved to whom they mean.
  ``speaker_type``: company, researcher, media, government, civil_society, user or other.
  ``cue``: the reporting verb, any form ("said", "say", "katanya", "kata"): both sides are mapped
  to the lemma of data/codebook/cues.yml before comparison; "" for a quote with no cue.
- ``cited``: the news outlets the article names as a source of what it reports (dilansir
  dari, mengutip, menurut laporan, according to, reported, told, via, "Sumber:" credits), each
  once; aliases are accepted. An outlet mentioned only as the object of a dispute ("Xiaomi
  membantah laporan Forbes itu"), or only inside a quotation, is not cited.
  Optional ``outlet``: the publishing outlet; its mentions of itself ("kata X kepada
  KompasTekno" in a KompasTekno article) are then not counted as citations.
  Coding rules followed for data/gold/quotes_demo.jsonl: a quote inside a quote belongs to the
  outer quote; quoted words inside a reported clause are a direct (partial) quote of its speaker
  besides the indirect quote of the clause (PARC 3.0, the Gender Gap Tracker); scare quotes,
  terms and titles are not quotes; an indirect quote needs at least three words of reported
  content.

Scores
------
One row per language (and "all") and measure, with ``value = k / n`` so every figure can be
checked by hand:

- ``direct_*`` (direct quotes only) and ``quote_*`` (all quotes, kind ignored): precision
  (k = matched, n = predicted), recall (n = gold), F1 (k = 2 x matched, n = gold + predicted).
  Quotes match one-to-one, greedily by overlap, at two thresholds (column ``match``): "any"
  (any shared character) and "0.5" (the shared characters are at least half of the LONGER of
  the two spans; the Gender Gap Tracker's evaluation, Asr et al. 2021).
- ``speaker_accuracy``, ``speaker_type_accuracy``, ``cue_accuracy``: over matched quotes of all
  kinds; ``direct_speaker_accuracy`` and ``direct_speaker_type_accuracy``: over matched direct
  quotes. Speakers agree when their canonical names are equal (case, spacing, apostrophes and
  full stops ignored: "Anas Ma’ruf" = "Anas Maruf"), or, when at least one name is outside the
  gazetteer, when one is contained in the other as whole words ("Andreas" / "Andreas Wijaya"),
  an unlisted name also when it is a shorter form of a listed name or alias of the other ("Data
  Protection Commission" / "Irish Data Protection Commission"; not "Xiaomi officials" / "Xiaomi").
  An organisation's legal form or corporate suffix is ignored ("MGM Resorts International" /
  "MGM Resorts", "Colonial Pipeline Company" / "Colonial Pipeline", "PT ... Tbk").
- ``cited_precision`` / ``cited_recall`` / ``cited_f1`` (``match`` = "outlet"): the set of
  cited outlets per article, canonical names (unlisted names compared without spaces, case,
  punctuation or a domain ending: "VPN Mentor" = "VPNMentor", "Merdeka" = "Merdeka.com"),
  pooled over articles.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd

from .errors import StudyError

_MARKS = "\"“”„‟«»'‘’‛‚"
THRESHOLDS = {"any": 0.0, "0.5": 0.5}


def _locate(text: str, quote: str, after: int) -> tuple[int, int] | None:
    """Where a gold quote string sits in the text (exact, else spacing/marks ignored)."""
    for origin in (after, 0):
        i = text.find(quote, origin)
        if i >= 0:
            return i, i + len(quote)
    words = [w for w in re.split(r"[\s" + re.escape(_MARKS) + r"]+", quote) if w]
    if not words:
        return None
    sep = r"[\s" + re.escape(_MARKS) + r"]+"
    rx = re.compile(sep.join(re.escape(w) for w in words))
    for origin in (after, 0):
        m = rx.search(text, origin)
        if m:
            return m.start(), m.end()
    return None


def load_gold(path: Path) -> list[dict]:
    """Read and check a gold file; quotes get ``start``/``end`` when they lack them."""
    path = Path(path)
    articles = []
    seen = set()
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            where = f"{path} line {lineno}"
            try:
                art = json.loads(line)
            except json.JSONDecodeError as exc:
                raise StudyError(f"{where}: not valid JSON ({exc.msg} at column {exc.colno}); one article per line") from exc
            for key in ("id", "lang", "text", "quotes"):
                if key not in art:
                    raise StudyError(f"{where}: missing field {key!r}; see the gold format in the README ('Validation')")
            if art["id"] in seen:
                raise StudyError(f"{where}: article id {art['id']!r} appears twice; ids must be unique")
            seen.add(art["id"])
            text = art["text"]
            prev = 0
            for qi, q in enumerate(art["quotes"]):
                for key in ("quote", "speaker", "speaker_type", "kind"):
                    if key not in q:
                        raise StudyError(f"{where}: quote #{qi + 1} of {art['id']} lacks {key!r}")
                if q["kind"] not in ("direct", "indirect"):
                    raise StudyError(f"{where}: quote #{qi + 1} of {art['id']} has kind {q['kind']!r}; use direct or indirect")
                if "start" in q and "end" in q:
                    s, e = int(q["start"]), int(q["end"])
                    if not (0 <= s < e <= len(text)):
                        raise StudyError(f"{where}: quote #{qi + 1} of {art['id']} has start/end {s}/{e} outside the text (length {len(text)})")
                else:
                    hit = _locate(text, q["quote"], prev)
                    if hit is None:
                        raise StudyError(f"{where}: quote #{qi + 1} of {art['id']} ({q['quote'][:40]!r}...) is not in the text; "
                                         "copy it exactly or give start and end")
                    s, e = hit
                q["start"], q["end"] = s, e
                q.setdefault("cue", "")
                prev = s
            art.setdefault("cited", [])
            articles.append(art)
    if not articles:
        raise StudyError(f"{path}: no articles; one JSON object per line, see the README ('Validation')")
    return articles


def overlap_ratio(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Shared characters over the length of the longer span (0 when disjoint)."""
    inter = min(a[1], b[1]) - max(a[0], b[0])
    if inter <= 0:
        return 0.0
    return inter / max(a[1] - a[0], b[1] - b[0])


def match_spans(gold: list[tuple[int, int]], pred: list[tuple[int, int]], threshold: float) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index), greedily by overlap.

    A pair qualifies when the spans overlap at all (threshold 0) or when the overlap ratio is at
    least ``threshold``. Ties go to the earlier gold quote, then the earlier prediction.
    """
    cands = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            r = overlap_ratio(g, p)
            if r > 0 and r >= threshold:
                cands.append((-r, gi, pi))
    cands.sort()
    used_g, used_p, pairs = set(), set(), []
    for _, gi, pi in cands:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return sorted(pairs)


def _canon_speaker(name: str) -> tuple[str, bool]:
    from .speakers import load_book

    name = " ".join(str(name or "").split())
    # an organisation's legal form and corporate suffix are not part of who speaks: "MGM Resorts
    # International" / "MGM Resorts", "Colonial Pipeline Company" / "Colonial Pipeline", "PT Telkom
    # Indonesia Tbk" / "Telkom Indonesia"
    bare = _ORG_FORM.sub("", name) or name
    book = load_book()
    ent = (book.lookup(name) or book.lookup(bare)) if name else None
    if ent is not None:
        return ent.name.lower(), True
    # spelling of the same name: "Anas Ma’ruf" / "Anas Maruf", "Johnny G. Plate" / "Johnny G Plate"
    return re.sub(r"['’.]", "", bare).lower(), False


_ORG_FORM = re.compile(r"^PT\.?\s+(?=\S+\s)|,?(?:\s+(?:International|Group|Holdings|Inc\.?|Corp\.?|Corporation|"
                       r"Company|Co\.|Ltd\.?|Limited|LLC|PLC|plc|Tbk\.?|\(Persero\)))+$")


def _listed_names(name: str) -> list[str]:
    """The canonical name and every alias of the gazetteer entry ``name`` belongs to, compared
    the way ``_canon_speaker`` compares (lower case, no apostrophes or full stops)."""
    from .speakers import load_book

    book = load_book()
    ent = book.lookup(" ".join(str(name).split()))
    if ent is None:
        return []
    names = [a for a, e in book._alias.items() if e is ent] + [a for a, e in book._alias_cs.items() if e is ent]
    return sorted({re.sub(r"['’.]", "", n).lower() for n in [ent.name, *names]})


def same_speaker(gold: str, pred: str) -> bool:
    """Do two speaker names denote the same speaker (see the module docstring)?"""
    g, g_known = _canon_speaker(gold)
    p, p_known = _canon_speaker(pred)
    if g == p:
        return True
    if not g or not p or (g_known and p_known):
        return False
    contains = lambda a, b: bool(re.search(rf"(?<!\w){re.escape(a)}(?!\w)", b) or re.search(rf"(?<!\w){re.escape(b)}(?!\w)", a))  # noqa: E731
    if g_known or p_known:
        # one name is listed: the other, unlisted, agrees when it is a shorter form of one of the
        # listed names ("Data Protection Commission" / "Irish Data Protection Commission"), never
        # when it adds words ("Xiaomi officials" is not Xiaomi)
        listed, other = (gold, p) if g_known else (pred, g)
        return any(re.search(rf"(?<!\w){re.escape(other)}(?!\w)", n) for n in _listed_names(listed))
    if contains(g, p):
        return True
    # "Gunawan A. Hartoyo" = "Gunawan Arief Hartoyo", "Fakrullah" = "Fakrulloh": an initial stands
    # for its word, and one letter of a writer's spelling does not make another person
    a, b = sorted((g.split(), p.split()), key=len)
    return any(all(_same_token(x, y) for x, y in zip(a, b[i:i + len(a)])) for i in range(len(b) - len(a) + 1))


def _same_token(x: str, y: str) -> bool:
    x, y = x.strip("."), y.strip(".")
    if x == y:
        return True
    if min(len(x), len(y)) == 1:
        return x[0] == y[0]
    return min(len(x), len(y)) >= 4 and _edits_le1(x, y)


def _edits_le1(x: str, y: str) -> bool:
    """Are ``x`` and ``y`` at most one insertion, deletion or substitution apart?"""
    if abs(len(x) - len(y)) > 1:
        return False
    i = next((k for k, (c, d) in enumerate(zip(x, y)) if c != d), min(len(x), len(y)))
    return x[i + 1:] == y[i + 1:] or x[i:] == y[i + 1:] or x[i + 1:] == y[i:]


def _canon_outlets(names, lang: str) -> set[str]:
    """Canonical outlet names; unlisted names compared loosely ("VPN Mentor" = "VPNMentor",
    "Merdeka" = "Merdeka.com", "KOMPAS.COM" = Kompas.com), so spelling does not count as a miss."""
    from .citations import _credit_outlet, _outlet_key

    # (a coder's "AP" is the Associated Press, as a wire dateline's "(AP)" is)
    return {_outlet_key(_credit_outlet(n) or n) for n in names}


def _rows(lang: str, counts: dict) -> list[dict]:
    rows = []

    def add(measure, match, k, n):
        rows.append({"lang": lang, "measure": measure, "match": match, "value": (k / n) if n else float("nan"),
                     "k": int(k), "n": int(n)})

    for match in THRESHOLDS:
        c = counts[match]
        add("direct_precision", match, c["d_tp"], c["d_pred"])
        add("direct_recall", match, c["d_tp"], c["d_gold"])
        add("direct_f1", match, 2 * c["d_tp"], c["d_pred"] + c["d_gold"])
        add("quote_precision", match, c["a_tp"], c["a_pred"])
        add("quote_recall", match, c["a_tp"], c["a_gold"])
        add("quote_f1", match, 2 * c["a_tp"], c["a_pred"] + c["a_gold"])
        add("speaker_accuracy", match, c["spk"], c["a_tp"])
        add("speaker_type_accuracy", match, c["typ"], c["a_tp"])
        add("cue_accuracy", match, c["cue"], c["a_tp"])
        add("direct_speaker_accuracy", match, c["d_spk"], c["d_tp"])
        add("direct_speaker_type_accuracy", match, c["d_typ"], c["d_tp"])
    c = counts["outlet"]
    add("cited_precision", "outlet", c["tp"], c["pred"])
    add("cited_recall", "outlet", c["tp"], c["gold"])
    add("cited_f1", "outlet", 2 * c["tp"], c["pred"] + c["gold"])
    return rows


def score_articles(articles: list[dict]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(scores, pairs): the score table and one row per gold/predicted quote for error analysis.

    ``pairs`` has columns id, lang, match ("0.5"), gold_* and pred_* fields (empty on the side
    that has no partner), and ``overlap``.
    """
    from .citations import cited_media
    from .quotes import canonical_cue, extract_quotes

    def zero():
        return {m: dict.fromkeys(["d_tp", "d_pred", "d_gold", "a_tp", "a_pred", "a_gold", "spk", "typ", "cue",
                                  "d_spk", "d_typ"], 0) for m in THRESHOLDS} | {"outlet": {"tp": 0, "pred": 0, "gold": 0}}

    per_lang: dict[str, dict] = {}
    pair_rows = []
    for art in articles:
        lang = str(art["lang"])
        text = art["text"]
        gold = art["quotes"]
        pred = extract_quotes(text, lang)
        counts = per_lang.setdefault(lang, zero())
        for match, thr in THRESHOLDS.items():
            c = counts[match]
            for kind_filter, prefix in (("direct", "d"), (None, "a")):
                g = [q for q in gold if kind_filter is None or q["kind"] == kind_filter]
                p = [q for q in pred if kind_filter is None or q["kind"] == kind_filter]
                pairs = match_spans([(q["start"], q["end"]) for q in g], [(q["start"], q["end"]) for q in p], thr)
                c[f"{prefix}_tp"] += len(pairs)
                c[f"{prefix}_pred"] += len(p)
                c[f"{prefix}_gold"] += len(g)
                for gi, pi in pairs:
                    ok_s = same_speaker(g[gi]["speaker"], p[pi]["speaker"])
                    ok_t = g[gi]["speaker_type"] == p[pi]["speaker_type"]
                    if prefix == "a":
                        c["spk"] += ok_s
                        c["typ"] += ok_t
                        c["cue"] += canonical_cue(g[gi].get("cue", ""), lang) == canonical_cue(p[pi].get("cue", ""), lang)
                    else:
                        c["d_spk"] += ok_s
                        c["d_typ"] += ok_t
                if prefix == "a" and match == "0.5":
                    pair_rows += _pair_rows(art, g, p, pairs)
        gold_out = _canon_outlets(art.get("cited", []), lang)
        pred_out = _canon_outlets(cited_media(text, lang, outlet=art.get("outlet")), lang)
        o = counts["outlet"]
        o["tp"] += len(gold_out & pred_out)
        o["pred"] += len(pred_out)
        o["gold"] += len(gold_out)
    rows = []
    total = zero()
    for lang in sorted(per_lang):
        rows += _rows(lang, per_lang[lang])
        for key, c in per_lang[lang].items():
            for k, v in c.items():
                total[key][k] += v
    rows += _rows("all", total)
    scores = pd.DataFrame(rows, columns=["lang", "measure", "match", "value", "k", "n"])
    return scores, pd.DataFrame(pair_rows)


def _pair_rows(art: dict, g: list[dict], p: list[dict], pairs: list[tuple[int, int]]) -> list[dict]:
    rows = []
    gp = dict(pairs)
    matched_p = {pi for _, pi in pairs}
    fields = ("kind", "speaker", "speaker_type", "cue", "start", "end", "quote")
    for gi, q in enumerate(g):
        row = {"id": art["id"], "lang": art["lang"]} | {f"gold_{k}": q.get(k, "") for k in fields}
        pi = gp.get(gi)
        row |= {f"pred_{k}": (p[pi].get(k, "") if pi is not None else "") for k in fields}
        row["overlap"] = overlap_ratio((q["start"], q["end"]), (p[pi]["start"], p[pi]["end"])) if pi is not None else 0.0
        rows.append(row)
    for pi, q in enumerate(p):
        if pi in matched_p:
            continue
        row = {"id": art["id"], "lang": art["lang"]} | {f"gold_{k}": "" for k in fields}
        row |= {f"pred_{k}": q.get(k, "") for k in fields}
        row["overlap"] = 0.0
        rows.append(row)
    return rows


def evaluate_quotes(gold: Path) -> pd.DataFrame:
    """Precision, recall, F1, speaker/type/cue accuracy and cited-outlet scores per language.

    ``gold`` is a JSON Lines file in the format of this module's docstring. Returns one row per
    language ("id", "en", ..., "all") and measure with columns lang, measure, match, value, k, n
    (value = k / n).
    """
    return score_articles(load_gold(Path(gold)))[0]
