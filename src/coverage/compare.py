"""Shared statistics for comparing Indonesian and international coverage.

Everything here works on plain pandas tables (one row per article, 0/1 columns per
measure) so the framing, quotation and comparison notebooks use one implementation:

- :func:`wilson_ci` - Wilson score interval for a proportion (Wilson 1927; recommended
  over the Wald interval for small n by Brown, Cai & DasGupta 2001).
- :func:`prevalence_by_group` - k, n, share and Wilson interval per group and measure.
- :func:`difference_tests` - per measure a 2 x 2 test of the group difference: Pearson's
  chi-square, or Fisher's exact test when an expected count is below 5 (Cochran 1954);
  odds ratio with a Woolf (log) interval, Haldane-Anscombe correction (+0.5 to every
  cell) when a cell is 0; Cramér's V; Benjamini-Hochberg adjusted p over the measures.
- :func:`log_odds_keyness` - weighted log-odds ratio with an informative Dirichlet prior
  (Monroe, Colaresi & Quinn 2008, "Fightin' words", Political Analysis 16(4)).
- :func:`cooccurrence` - how often two measures appear in the same article.
- :func:`dedupe` - count a syndicated cluster once, or once per outlet;
  :func:`prevalence_under_rules` - the shares under each rule, side by side.
- :func:`prevalence_by_period` - shares per day (or week) of publication.
- :func:`keyness_by_language` - keyness between the groups within each language.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import stats

from .codebook import read_yaml
from .config import CODEBOOK, GROUPS
from .errors import StudyError

__all__ = [
    "wilson_ci",
    "prevalence_by_group",
    "difference_tests",
    "benjamini_hochberg",
    "log_odds_keyness",
    "tokenize",
    "cooccurrence",
    "dedupe",
    "prevalence_under_rules",
    "prevalence_by_period",
    "keyness_by_language",
    "load_stopwords",
    "difference_tests_under_rules",
    "side_by_side",
]

STOPWORDS = CODEBOOK / "stopwords.yml"


# --------------------------------------------------------------------------- proportions


def wilson_ci(k, n, alpha: float = 0.05):
    """Wilson score interval ``(lo, hi)`` for ``k`` successes out of ``n``.

    Scalars give a tuple of floats; arrays (or Series) give a tuple of arrays, element by
    element. ``n == 0`` gives ``(nan, nan)``: no evidence, no interval.
    """
    if not 0 < alpha < 1:
        raise StudyError(f"wilson_ci: alpha={alpha!r} must lie between 0 and 1 (e.g. 0.05 for a 95% interval)")
    k_arr = np.asarray(k, dtype=float)
    n_arr = np.asarray(n, dtype=float)
    if np.any(k_arr < 0) or np.any(k_arr > n_arr):
        raise StudyError(f"wilson_ci: need 0 <= k <= n, got k={k!r}, n={n!r}")
    z = stats.norm.ppf(1 - alpha / 2)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = k_arr / n_arr
        denom = 1 + z**2 / n_arr
        centre = (p + z**2 / (2 * n_arr)) / denom
        half = z * np.sqrt(p * (1 - p) / n_arr + z**2 / (4 * n_arr**2)) / denom
        lo = np.where(n_arr > 0, np.clip(centre - half, 0.0, 1.0), np.nan)
        hi = np.where(n_arr > 0, np.clip(centre + half, 0.0, 1.0), np.nan)
    if lo.ndim == 0:
        return float(lo), float(hi)
    return lo, hi


def _group_order(groups: Iterable) -> list:
    """The study's groups in their fixed order first, anything else sorted after."""
    present = [g for g in pd.unique(pd.Series(list(groups))) if pd.notna(g)]
    fixed = [g for g in GROUPS if g in present]
    return fixed + sorted((g for g in present if g not in GROUPS), key=str)


def _check_columns(df: pd.DataFrame, cols: Sequence[str], where: str) -> None:
    missing = [c for c in cols if c not in df.columns]
    if missing:
        raise StudyError(f"{where}: column(s) {missing} not in the table (it has {list(df.columns)})")


def _binary(series: pd.Series, name: str, where: str) -> pd.Series:
    """A 0/1 column as floats; NaN (not coded) stays NaN; anything else is an error."""
    s = pd.to_numeric(series, errors="coerce")
    bad = s.notna() & ~s.isin([0, 1])
    if bad.any() or (series.notna() & s.isna()).any():
        raise StudyError(f"{where}: column {name!r} must hold 0/1 (or empty for 'not coded')")
    return s.astype(float)


def prevalence_by_group(
    df: pd.DataFrame, value_cols: Sequence[str], group_col: str = "group", alpha: float = 0.05
) -> pd.DataFrame:
    """Share of rows with value 1, per group and per value column, with a Wilson interval.

    Rows where a value is missing (NaN: the article was not coded) do not count in that
    value's ``n``. Returns a long table: group, value, k, n, share, lo, hi.
    """
    value_cols = list(value_cols)
    _check_columns(df, [group_col, *value_cols], "prevalence_by_group")
    rows = []
    for g in _group_order(df[group_col]):
        part = df[df[group_col] == g]
        for col in value_cols:
            s = _binary(part[col], col, "prevalence_by_group").dropna()
            rows.append({"group": g, "value": col, "k": int(s.sum()), "n": int(len(s))})
    out = pd.DataFrame(rows, columns=["group", "value", "k", "n"])
    with np.errstate(divide="ignore", invalid="ignore"):
        out["share"] = np.where(out["n"] > 0, out["k"] / out["n"].where(out["n"] > 0, 1), np.nan)
    lo, hi = wilson_ci(out["k"].to_numpy(), out["n"].to_numpy(), alpha=alpha)
    out["lo"], out["hi"] = lo, hi
    return out


# --------------------------------------------------------------------------- tests


def benjamini_hochberg(p: Sequence[float]) -> np.ndarray:
    """Benjamini-Hochberg (1995) adjusted p-values; NaN entries stay NaN and are not counted."""
    p = np.asarray(p, dtype=float)
    out = np.full_like(p, np.nan)
    ok = ~np.isnan(p)
    if ok.any():
        out[ok] = stats.false_discovery_control(p[ok], method="bh")
    return out


def _two_by_two(a: float, b: float, c: float, d: float, alpha: float, correction: bool) -> dict:
    """Test and effect sizes for [[a, b], [c, d]] (rows: groups; columns: 1, 0)."""
    table = np.array([[a, b], [c, d]], dtype=float)
    n = table.sum()
    rows, cols = table.sum(axis=1), table.sum(axis=0)
    res: dict = {"method": "", "statistic": np.nan, "p": np.nan, "expected_min": np.nan,
                 "odds_ratio": np.nan, "or_lo": np.nan, "or_hi": np.nan, "cramers_v": np.nan,
                 "haldane": False}
    if n == 0 or (rows == 0).any():
        res["method"] = "not tested (a group has no coded articles)"
        return res
    expected = np.outer(rows, cols) / n
    res["expected_min"] = float(expected.min())
    if (cols == 0).any():
        # Every article in both groups has the same value: no difference to test.
        res.update(method="not tested (no variation)", p=1.0, cramers_v=0.0)
    elif (expected < 5).any():
        _, p = stats.fisher_exact(table, alternative="two-sided")
        res.update(method="fisher", p=float(p))
    else:
        chi2, p, _, _ = stats.chi2_contingency(table, correction=correction)
        res.update(method="chi2_yates" if correction else "chi2", statistic=float(chi2), p=float(p))
    if not (cols == 0).any():
        # Cramér's V from the uncorrected Pearson chi-square; for 2 x 2 it equals |phi|.
        chi2_plain = float(((table - expected) ** 2 / expected).sum())
        res["cramers_v"] = float(np.sqrt(chi2_plain / n))
        cells = table
        if (table == 0).any():
            cells = table + 0.5  # Haldane-Anscombe: a zero cell would make OR 0 or infinite
            res["haldane"] = True
        (a2, b2), (c2, d2) = cells
        log_or = np.log(a2 * d2 / (b2 * c2))
        se = np.sqrt(1 / a2 + 1 / b2 + 1 / c2 + 1 / d2)
        z = stats.norm.ppf(1 - alpha / 2)
        res.update(odds_ratio=float(np.exp(log_or)), or_lo=float(np.exp(log_or - z * se)),
                   or_hi=float(np.exp(log_or + z * se)))
    return res


def difference_tests(
    df: pd.DataFrame,
    value_cols: Sequence[str],
    group_col: str = "group",
    *,
    alpha: float = 0.05,
    correction: bool = False,
) -> pd.DataFrame:
    """Per value column, test whether its share differs between the two groups.

    The 2 x 2 table is group (``group_a`` = the first in :data:`config.GROUPS` order, i.e.
    indonesia, then international) by value (1, 0). Pearson's chi-square (without Yates'
    correction unless ``correction=True``) when every expected count is at least 5,
    otherwise Fisher's exact test (two-sided); ``method`` says which. The odds ratio is the
    odds of value 1 in group_a over the odds in group_b, with a Woolf interval and the
    Haldane-Anscombe +0.5 correction when a cell is 0 (``haldane`` True). Cramér's V comes
    from the uncorrected chi-square. ``p_adj`` is Benjamini-Hochberg over the tested rows.
    With fewer or more than two groups nothing is tested (``method`` says why).
    """
    value_cols = list(value_cols)
    _check_columns(df, [group_col, *value_cols], "difference_tests")
    groups = _group_order(df[group_col])
    rows = []
    for col in value_cols:
        row: dict = {"value": col}
        if len(groups) != 2:
            row.update(group_a=groups[0] if groups else None, group_b=None,
                       method=f"not tested ({len(groups)} group(s); need 2)")
            rows.append(row)
            continue
        ga, gb = groups
        sa = _binary(df.loc[df[group_col] == ga, col], col, "difference_tests").dropna()
        sb = _binary(df.loc[df[group_col] == gb, col], col, "difference_tests").dropna()
        ka, na, kb, nb = int(sa.sum()), len(sa), int(sb.sum()), len(sb)
        row.update(group_a=ga, k_a=ka, n_a=na, share_a=ka / na if na else np.nan,
                   group_b=gb, k_b=kb, n_b=nb, share_b=kb / nb if nb else np.nan)
        row.update(_two_by_two(ka, na - ka, kb, nb - kb, alpha, correction))
        rows.append(row)
    cols = ["value", "group_a", "k_a", "n_a", "share_a", "group_b", "k_b", "n_b", "share_b",
            "method", "statistic", "p", "p_adj", "expected_min", "odds_ratio", "or_lo", "or_hi",
            "haldane", "cramers_v"]
    out = pd.DataFrame(rows).reindex(columns=cols)
    tested = out["method"].isin(["chi2", "chi2_yates", "fisher"])
    out["p_adj"] = np.nan
    out.loc[tested, "p_adj"] = benjamini_hochberg(out.loc[tested, "p"].to_numpy())
    return out


# --------------------------------------------------------------------------- co-occurrence


def cooccurrence(df: pd.DataFrame, value_cols: Sequence[str], *, normalise: str | None = None) -> pd.DataFrame:
    """Square table: how many rows have both column i and column j equal to 1.

    The diagonal holds each column's own count. ``normalise="jaccard"`` divides by the
    number of rows with either (|A and B| / |A or B|; diagonal 1 where a column occurs),
    ``normalise="share"`` by the number of coded rows. NaN rows (not coded) are dropped.
    """
    value_cols = list(value_cols)
    _check_columns(df, value_cols, "cooccurrence")
    m = pd.DataFrame({c: _binary(df[c], c, "cooccurrence") for c in value_cols}).dropna()
    x = m.to_numpy()
    both = x.T @ x
    if normalise is None:
        return pd.DataFrame(both.astype(int), index=value_cols, columns=value_cols)
    if normalise == "share":
        return pd.DataFrame(both / len(x) if len(x) else np.full_like(both, np.nan), index=value_cols, columns=value_cols)
    if normalise == "jaccard":
        counts = np.diag(both)
        either = counts[:, None] + counts[None, :] - both
        with np.errstate(divide="ignore", invalid="ignore"):
            val = np.where(either > 0, both / either, np.nan)
        return pd.DataFrame(val, index=value_cols, columns=value_cols)
    raise StudyError(f"cooccurrence: normalise={normalise!r}; use None, 'share' or 'jaccard'")


# --------------------------------------------------------------------------- keyness

_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", re.UNICODE)


def tokenize(text: str) -> list[str]:
    """Lower-case word tokens: letters, with inner hyphens kept (Indonesian reduplication
    such as ``diam-diam`` is one word); digits and punctuation dropped."""
    return [t.lower().replace("’", "'") for t in _TOKEN.findall(text or "")]


def _counts(texts: Iterable[str], stopwords: frozenset[str]) -> Counter:
    c: Counter = Counter()
    for t in texts:
        c.update(w for w in tokenize(t) if w not in stopwords)
    return c


def log_odds_keyness(
    texts_a: Iterable[str],
    texts_b: Iterable[str],
    prior_texts: Iterable[str] | None = None,
    *,
    prior_size: float | None = None,
    min_count: int = 1,
    stopwords: Iterable[str] = (),
) -> pd.DataFrame:
    """Words that distinguish corpus A from corpus B: Monroe et al.'s (2008) log-odds ratio
    with an informative Dirichlet prior.

    For word w with counts y_a, y_b (corpus sizes n_a, n_b) and prior pseudo-counts
    alpha_w (alpha_0 = sum of alpha_w):

        delta_w = log((y_a + alpha_w) / (n_a + alpha_0 - y_a - alpha_w))
                - log((y_b + alpha_w) / (n_b + alpha_0 - y_b - alpha_w))
        var_w  ~= 1 / (y_a + alpha_w) + 1 / (y_b + alpha_w)
        z_w     = delta_w / sqrt(var_w)

    The prior is the word distribution of ``prior_texts`` (default: A and B pooled), scaled
    so that alpha_0 = ``prior_size`` (default: the prior corpus' own token count, i.e. the
    raw counts, Monroe et al.'s section 3.5). Words missing from the prior get 0.01. Positive
    z: typical of A; negative: typical of B; |z| > 1.96 is the usual reading threshold.
    Returns term, count_a, count_b, prior, log_odds, se, z - sorted by z, descending; ties
    by term so the order is stable.
    """
    sw = frozenset(w.lower() for w in stopwords)
    texts_a, texts_b = list(texts_a), list(texts_b)
    ca, cb = _counts(texts_a, sw), _counts(texts_b, sw)
    cp = _counts(prior_texts, sw) if prior_texts is not None else ca + cb
    vocab = sorted(w for w in set(ca) | set(cb) if ca[w] + cb[w] >= min_count)
    cols = ["term", "count_a", "count_b", "prior", "log_odds", "se", "z"]
    if not vocab:
        return pd.DataFrame(columns=cols)
    ya = np.array([ca[w] for w in vocab], dtype=float)
    yb = np.array([cb[w] for w in vocab], dtype=float)
    prior_raw = np.array([cp.get(w, 0) for w in vocab], dtype=float)
    total_prior = float(sum(cp.values())) or 1.0
    scale = 1.0 if prior_size is None else prior_size / total_prior
    alpha = np.where(prior_raw > 0, prior_raw * scale, 0.01)
    alpha0 = total_prior * scale
    na, nb = float(sum(ca.values())), float(sum(cb.values()))
    delta = np.log((ya + alpha) / (na + alpha0 - ya - alpha)) - np.log((yb + alpha) / (nb + alpha0 - yb - alpha))
    se = np.sqrt(1 / (ya + alpha) + 1 / (yb + alpha))
    out = pd.DataFrame({"term": vocab, "count_a": ya.astype(int), "count_b": yb.astype(int),
                        "prior": alpha, "log_odds": delta, "se": se, "z": delta / se})
    return out.sort_values(["z", "term"], ascending=[False, True], kind="mergesort").reset_index(drop=True)


# --------------------------------------------------------------------------- syndication


def dedupe(
    df: pd.DataFrame,
    how: str = "cluster",
    *,
    cluster_col: str = "cluster_id",
    outlet_col: str = "outlet",
    id_col: str | None = None,
) -> pd.DataFrame:
    """Rows to count under a syndication rule.

    - ``"article"``: every article counts (no change).
    - ``"cluster"``: a cluster of near-duplicates (re-published wire copy) counts once.
    - ``"outlet"``: a cluster counts once per outlet that published it (an outlet's two
      copies of one story count once; the same wire story in three outlets counts three).

    The kept row is the one with the smallest id (deterministic). Rows with an empty
    cluster id stand for themselves. The order of ``df`` is kept.
    """
    if how == "article":
        return df.copy()
    if how not in ("cluster", "outlet"):
        raise StudyError(f"dedupe: how={how!r}; use 'cluster', 'outlet' or 'article'")
    if id_col is None:
        id_col = "article_id" if "article_id" in df.columns else "id"
    needed = [id_col, cluster_col] + ([outlet_col] if how == "outlet" else [])
    _check_columns(df, needed, "dedupe")
    ids = df[id_col].astype(str)
    cluster = df[cluster_col].astype("string").fillna("").str.strip()
    key = cluster.where(cluster != "", "__self__:" + ids)
    if how == "outlet":
        key = key + "\x1f" + df[outlet_col].astype(str)
    order = pd.DataFrame({"key": key, "id": ids, "pos": np.arange(len(df))})
    keep = order.sort_values(["key", "id"], kind="mergesort").drop_duplicates("key")["pos"].sort_values()
    return df.iloc[keep.to_numpy()].copy()


def _per_rule(measure, df: pd.DataFrame, value_cols: Sequence[str], group_col: str,
              rules: Sequence[str], dedupe_kwargs: dict) -> pd.DataFrame:
    """``measure(df, value_cols, group_col)`` on the data deduplicated under each rule, stacked with a ``rule`` column."""
    return pd.concat([measure(dedupe(df, rule, **dedupe_kwargs), value_cols, group_col).assign(rule=rule)
                      for rule in rules], ignore_index=True)


def prevalence_under_rules(
    df: pd.DataFrame,
    value_cols: Sequence[str],
    group_col: str = "group",
    rules: Sequence[str] = ("article", "outlet", "cluster"),
    **dedupe_kwargs,
) -> pd.DataFrame:
    """:func:`prevalence_by_group` under each syndication rule of :func:`dedupe`, stacked with a
    ``rule`` column, so "every article", "once per outlet" and "once per cluster" sit side by side."""
    out = _per_rule(prevalence_by_group, df, value_cols, group_col, rules, dedupe_kwargs)
    return out[["rule", "group", "value", "k", "n", "share", "lo", "hi"]]


def prevalence_by_period(
    df: pd.DataFrame,
    value_cols: Sequence[str],
    date_col: str = "published",
    group_col: str | None = "group",
    freq: str = "D",
) -> pd.DataFrame:
    """Share of rows with each value, per publication period (``freq`` "D" day, "W" week) and
    group: period, group, value, k, n, share, lo, hi. Rows without a YYYY-MM-DD date are left
    out (their number is in ``.attrs["undated"]``)."""
    dates = pd.to_datetime(df[date_col], errors="coerce", format="%Y-%m-%d")
    known = df.assign(period=dates.dt.to_period(freq).dt.start_time.dt.strftime("%Y-%m-%d")).loc[dates.notna()]
    keys = ["period"] + ([group_col] if group_col else [])
    rows = []
    for key, part in known.groupby(keys, sort=True):
        key = key if isinstance(key, tuple) else (key,)
        prev = prevalence_by_group(part.assign(_g="all"), value_cols, "_g").drop(columns="group")
        prev.insert(0, "period", key[0])
        if group_col:
            prev.insert(1, "group", key[1])
        rows.append(prev)
    cols = keys + ["value", "k", "n", "share", "lo", "hi"]
    out = pd.concat(rows, ignore_index=True)[cols] if rows else pd.DataFrame(columns=cols)
    out.attrs["undated"] = int(dates.isna().sum())
    return out


def load_stopwords(path: Path = STOPWORDS) -> dict[str, frozenset[str]]:
    """Function words per language code, from the stop-word codebook (its ``version`` aside)."""
    book = read_yaml(path)
    return {lang: frozenset(str(w).lower() for w in words) for lang, words in book.items() if lang != "version"}


def keyness_by_language(
    df: pd.DataFrame,
    text_col: str = "text",
    lang_col: str = "language",
    group_col: str = "group",
    *,
    top: int = 15,
    min_count: int = 3,
    stopwords: dict[str, Iterable[str]] | None = None,
) -> tuple[pd.DataFrame, dict[str, str]]:
    """Within each language, the words that distinguish the two groups' articles
    (:func:`log_odds_keyness`; prior = that language's articles pooled).

    Words are never compared across languages: an Indonesian word is not "typical of
    Indonesian outlets" because English outlets do not use it. ``stopwords`` maps a language
    to words left out; by default the function words of data/codebook/stopwords.yml (pass
    ``{}`` to keep every word). Returns the ``top`` words
    each way per language (language, side, group, term, count_a, count_b, log_odds, z) and,
    for languages that could not be compared, the reason.
    """
    if stopwords is None:
        stopwords = load_stopwords()
    rows, skipped = [], {}
    for lang, part in df.groupby(lang_col, sort=True):
        groups = _group_order(part[group_col])
        if len(groups) != 2:
            skipped[lang] = (f"only {', '.join(map(str, groups)) or 'no'} articles in this language; "
                             "a within-language contrast needs both groups")
            continue
        ga, gb = groups
        texts_a = part.loc[part[group_col] == ga, text_col].fillna("").tolist()
        texts_b = part.loc[part[group_col] == gb, text_col].fillna("").tolist()
        k = log_odds_keyness(texts_a, texts_b, min_count=min_count, stopwords=stopwords.get(lang, ()))
        if k.empty:
            skipped[lang] = "no word reaches the minimum count"
            continue
        head = k.head(top).assign(side=ga, group=ga)
        tail = k.tail(top).iloc[::-1].assign(side=gb, group=gb)
        rows.append(pd.concat([head, tail]).assign(language=lang))
    cols = ["language", "side", "group", "term", "count_a", "count_b", "log_odds", "z"]
    out = pd.concat(rows, ignore_index=True)[cols] if rows else pd.DataFrame(columns=cols)
    return out, skipped


def difference_tests_under_rules(
    df: pd.DataFrame,
    value_cols: Sequence[str],
    group_col: str = "group",
    rules: Sequence[str] = ("article", "outlet", "cluster"),
    **dedupe_kwargs,
) -> pd.DataFrame:
    """:func:`difference_tests` under each syndication rule of :func:`dedupe`, stacked with a
    ``rule`` column (BH adjustment within each rule, over the value columns)."""
    return _per_rule(difference_tests, df, value_cols, group_col, rules, dedupe_kwargs)


def side_by_side(table: pd.DataFrame, *, column: str = "rule", labels: dict[str, str] | None = None) -> pd.DataFrame:
    """A readable pivot of :func:`prevalence_under_rules` output: rows (group, value), one column
    per rule, cells "k/n (share%)"."""
    t = table.copy()
    t["value"] = t["value"].map(lambda v: (labels or {}).get(v, v))
    t["cell"] = [f"{k}/{n} ({100 * s:.0f}%)" if n else "-" for k, n, s in zip(t["k"], t["n"], t["share"])]
    order = list(dict.fromkeys(t[column]))
    return t.pivot(index=["group", "value"], columns=column, values="cell")[order]
