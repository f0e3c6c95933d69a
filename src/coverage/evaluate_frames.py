"""Validate the frame measure against hand coding: ``python -m coverage evaluate frames --gold FILE``.

Gold file format (CSV, UTF-8, comma-separated, one header row, columns in any order; the
README copies this section):

====================  ========================================================================
column                content
====================  ========================================================================
``id``                a unique article id (any text without line breaks)
``lang``              ``id`` or ``en`` (the languages with full analysis)
``text``              the article text exactly as coded, inline, in double quotes (a quote
                      inside is doubled ``""``; line breaks inside the quotes are kept and
                      end sentences, as paragraph breaks do in articles.csv)
one column per frame  ``privacy_surveillance``, ``security_weakness``, ``corporate_reassurance``,
                      ``china_geopolitics``, ``law_regulation``, ``consumer_advice``,
                      ``market_business``, ``conflict``: ``1`` if the human coder found the
                      frame present in the article (codebook data/codebook/frames.yml,
                      its definitions and coding rules), else ``0``
``notes``             optional: the coder's reasons for borderline calls (ignored in scoring)
====================  ========================================================================

Any other column is ignored. Code the gold by reading the text against the codebook's
definitions, never from the detector's output.

Scores, per language and per frame (the automatic coding is :func:`coverage.frames.detect_frames`
on ``text``): tp, fp, fn, tn; precision = tp / (tp + fp); recall = tp / (tp + fn);
F1 = 2tp / (2tp + fp + fn); Krippendorff's alpha (nominal; the two "coders" are the gold and
the detector; Krippendorff 2011, "Computing Krippendorff's alpha-reliability"). Precision
(recall) is empty when nothing was predicted (nothing is in the gold). When neither the gold
nor the detector marks a frame in a language, F1 is 1 (perfect agreement on absence) and
alpha is empty (no variation, alpha undefined). A ``macro`` row per language averages
precision, recall and F1 over the eight frames (empty precision/recall left out).
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from .config import ANALYSED_LANGUAGES, FRAME_IDS
from .errors import StudyError

REQUIRED = ("id", "lang", "text", *FRAME_IDS)
REPORT_COLUMNS = ["lang", "frame", "n", "gold_present", "predicted_present", "tp", "fp", "fn", "tn",
                  "precision", "recall", "f1", "alpha"]


def krippendorff_alpha_nominal(data: Sequence[Sequence]) -> float:
    """Krippendorff's alpha for nominal data.

    ``data`` is coders x units (a list of rows, one per coder); ``None`` or NaN marks a
    missing value. Units coded by fewer than two coders are not pairable and are dropped.
    alpha = 1 - (n - 1) * sum_{c != k} o_ck / sum_{c != k} n_c n_k, with o the coincidence
    matrix and n the number of pairable values. NaN when there is no variation at all.
    """
    rows = [list(r) for r in data]
    if not rows:
        return float("nan")
    n_units = len(rows[0])
    if any(len(r) != n_units for r in rows):
        raise StudyError("krippendorff_alpha_nominal: every coder needs one value per unit (use None for missing)")

    def missing(v) -> bool:
        return v is None or (isinstance(v, float) and np.isnan(v))

    values = sorted({v for r in rows for v in r if not missing(v)}, key=str)
    index = {v: i for i, v in enumerate(values)}
    o = np.zeros((len(values), len(values)))
    for u in range(n_units):
        vals = [r[u] for r in rows if not missing(r[u])]
        m = len(vals)
        if m < 2:
            continue
        for i, a in enumerate(vals):
            for j, b in enumerate(vals):
                if i != j:
                    o[index[a], index[b]] += 1 / (m - 1)
    n_c = o.sum(axis=1)
    n = n_c.sum()
    disagree = o.sum() - np.trace(o)
    expected = n_c.sum() ** 2 - (n_c**2).sum()
    if n == 0 or expected == 0:
        return float("nan")
    return float(1 - (n - 1) * disagree / expected)


def read_gold(gold: str | Path) -> pd.DataFrame:
    """The gold file as a DataFrame (frame columns as int 0/1), validated.

    Errors name the file, the CSV line and the column, and say how to fix it.
    """
    path = Path(gold)
    if not path.is_file():
        raise StudyError(f"{gold}: gold file not found; see coverage.evaluate_frames for its format")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.reader(fh)
        try:
            header = [h.strip() for h in next(reader)]
        except StopIteration:
            raise StudyError(f"{path}: empty file; it needs a header row: {','.join(REQUIRED)}") from None
        missing = [c for c in REQUIRED if c not in header]
        if missing:
            raise StudyError(f"{path} line 1: missing column(s) {missing}; the header needs {','.join(REQUIRED)}")
        records, seen = [], {}
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                raise StudyError(f"{path} line {line}: {len(row)} fields, header has {len(header)}; "
                                 "quote the text in double quotes and double any quote inside it")
            rec = dict(zip(header, row))
            rid = rec["id"].strip()
            if not rid:
                raise StudyError(f"{path} line {line}: empty id; give every article a unique id")
            if rid in seen:
                raise StudyError(f"{path} line {line}: id {rid!r} repeats line {seen[rid]}; ids must be unique")
            seen[rid] = line
            lang = rec["lang"].strip().lower()
            if lang not in ANALYSED_LANGUAGES:
                raise StudyError(f"{path} line {line} (id {rid}): lang {rec['lang']!r}; use one of {list(ANALYSED_LANGUAGES)}")
            if not rec["text"].strip():
                raise StudyError(f"{path} line {line} (id {rid}): empty text; paste the article text the coder read")
            for f in FRAME_IDS:
                val = rec[f].strip()
                if val not in ("0", "1"):
                    raise StudyError(f"{path} line {line} (id {rid}), column {f}: {rec[f]!r}; write 1 (present) or 0 (absent)")
                rec[f] = int(val)
            rec["id"], rec["lang"] = rid, lang
            records.append(rec)
    if not records:
        raise StudyError(f"{path}: no coded articles below the header")
    return pd.DataFrame(records)


def _scores(gold: pd.Series, pred: pd.Series) -> dict:
    g, p = gold.to_numpy(dtype=int), pred.to_numpy(dtype=int)
    tp = int(((g == 1) & (p == 1)).sum())
    fp = int(((g == 0) & (p == 1)).sum())
    fn = int(((g == 1) & (p == 0)).sum())
    tn = int(((g == 0) & (p == 0)).sum())
    precision = tp / (tp + fp) if tp + fp else np.nan
    recall = tp / (tp + fn) if tp + fn else np.nan
    f1 = 2 * tp / (2 * tp + fp + fn) if (2 * tp + fp + fn) else 1.0
    alpha = krippendorff_alpha_nominal([list(g), list(p)])
    return {"n": len(g), "gold_present": int(g.sum()), "predicted_present": int(p.sum()),
            "tp": tp, "fp": fp, "fn": fn, "tn": tn,
            "precision": precision, "recall": recall, "f1": f1, "alpha": alpha}


def predict(gold: pd.DataFrame, *, codebook: str | Path | None = None) -> pd.DataFrame:
    """The detector's 0/1 coding of every gold article (id, lang, one column per frame)."""
    from .frames import detect_frames

    rows = []
    for rid, lang, text in zip(gold["id"], gold["lang"], gold["text"]):
        found = detect_frames(text, lang, codebook=codebook)
        rows.append({"id": rid, "lang": lang, **{f: int(f in found) for f in FRAME_IDS}})
    return pd.DataFrame(rows, columns=["id", "lang", *FRAME_IDS])


def evaluate_frames(gold: Path, *, codebook: str | Path | None = None) -> pd.DataFrame:
    """Per language and frame: precision, recall, F1, Krippendorff's alpha; plus a macro row
    per language (see the module docstring for the gold format and the definitions)."""
    g = read_gold(gold)
    p = predict(g, codebook=codebook)
    rows = []
    for lang in [lg for lg in ANALYSED_LANGUAGES if lg in set(g["lang"])]:
        mask = g["lang"] == lang
        frame_rows = [{"lang": lang, "frame": f, **_scores(g.loc[mask, f], p.loc[mask, f])} for f in FRAME_IDS]
        rows.extend(frame_rows)
        fr = pd.DataFrame(frame_rows)
        rows.append({"lang": lang, "frame": "macro", "n": int(mask.sum()),
                     "gold_present": int(fr["gold_present"].sum()), "predicted_present": int(fr["predicted_present"].sum()),
                     "tp": int(fr["tp"].sum()), "fp": int(fr["fp"].sum()), "fn": int(fr["fn"].sum()), "tn": int(fr["tn"].sum()),
                     "precision": fr["precision"].mean(), "recall": fr["recall"].mean(), "f1": fr["f1"].mean(),
                     "alpha": np.nan})
    out = pd.DataFrame(rows, columns=REPORT_COLUMNS)
    for col in ("precision", "recall", "f1", "alpha"):
        out[col] = out[col].astype(float).round(3)
    return out


def disagreements(gold: Path, *, codebook: str | Path | None = None) -> pd.DataFrame:
    """Every (article, frame) where detector and gold differ, with the detector's evidence
    sentences: the error analysis a researcher reads before trusting the measure."""
    from .frames import code_sentences

    g = read_gold(gold)
    p = predict(g, codebook=codebook)
    rows = []
    for i in range(len(g)):
        for f in FRAME_IDS:
            if g.at[i, f] != p.at[i, f]:
                ev = code_sentences(g.at[i, "text"], g.at[i, "lang"], codebook=codebook)
                ev = ev[ev["frame"] == f]
                rows.append({"id": g.at[i, "id"], "lang": g.at[i, "lang"], "frame": f,
                             "gold": int(g.at[i, f]), "detector": int(p.at[i, f]),
                             "evidence": " | ".join(f"[{s}] {m}" for s, m in zip(ev["strength"], ev["matched"]))})
    return pd.DataFrame(rows, columns=["id", "lang", "frame", "gold", "detector", "evidence"])
