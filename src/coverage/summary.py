"""Tables the notebooks show: the fetch log and articles summaries (01, 02) and the
per-article measures behind the headline comparison (05, explore).

Kept here, not in the notebooks, so pytest reaches the logic and every notebook shows the
same numbers. The measures reuse the definitions of the stage that owns them, so notebook
05 and the explorer count exactly what notebooks 03 and 04 count:

- ``voice_<speaker_type>``: 1 if the article quotes (directly or indirectly) at least one
  speaker of that type (config.SPEAKER_TYPES): ``quoted`` of :func:`coverage.quotes.voice_table`.
- the frame columns of frames.csv (config.FRAME_IDS), 0/1; empty where frames.csv says the
  article was not coded (``coded`` = 0: a language without full analysis, or no text).
- ``relays_forbes``, ``relays_xiaomi`` and ``account``: whose account the article relays,
  as :func:`coverage.citations.account_table` defines it (the definition notebook 03 uses).
- ``wire_copy``: 1 if the article shares its near-duplicate cluster (cluster_id) with at
  least one other article of the run: re-published or re-published-from wire copy.

Articles in a language without full analysis (config.ANALYSED_LANGUAGES) get NaN in every
coded measure (not coded), so they count in no n except wire_copy's.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from .config import FRAME_IDS, SPEAKER_TYPES, RunPaths
from .errors import StudyError

VOICE_COLS = [f"voice_{t}" for t in SPEAKER_TYPES]
RELAY_COLS = ["relays_forbes", "relays_xiaomi"]
MEASURE_LABELS = {
    **{f"voice_{t}": t.replace("_", " ") for t in SPEAKER_TYPES},
    **{f: f.replace("_", " ") for f in FRAME_IDS},
    "relays_forbes": "Forbes' report (cites or quotes Forbes, or quotes its researchers)",
    "relays_xiaomi": "Xiaomi's account (quotes the company)",
    "wire_copy": "shares its text with another article (wire copy)",
}


def measure_labels() -> dict[str, str]:
    """Display labels of the measures: :data:`MEASURE_LABELS` with the frames codebook's own labels
    (the ones notebook 04 shows)."""
    from .frames import frame_labels

    return {**MEASURE_LABELS, **frame_labels()}


def read_optional(path: Path) -> pd.DataFrame | None:
    """A run table as str DataFrame, or None when the file does not exist."""
    return pd.read_csv(path, dtype=str, keep_default_na=False) if Path(path).is_file() else None


def load_run(out: str | Path) -> dict[str, pd.DataFrame]:
    """The run's tables as str DataFrames: articles, quotes, citations, frames (and fetch_log if present)."""
    from .analyse import read_articles

    p = RunPaths.at(out)
    tables = {"articles": read_articles(p)}
    for name in ("quotes", "citations", "frames"):
        table = read_optional(getattr(p, name))
        if table is None:
            raise StudyError(f"{getattr(p, name)}: no {name} table yet; run `python -m coverage analyse --out {p.out}` "
                             "(or the notebooks 03 and 04)")
        tables[name] = table
    if p.fetch_log.is_file():
        tables["fetch_log"] = read_optional(p.fetch_log)
    return tables


# --------------------------------------------------------------------------- 01: the fetch log


def fetch_summary(log: pd.DataFrame, sources: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The fetch log at a glance: status by group, reasons for failures, how pages were got."""
    df = log.merge(sources[["id", "group", "outlet", "language"]], on="id", how="left")
    df["group"] = df["group"].replace("", np.nan).fillna("unknown")
    status = pd.crosstab(df["group"], df["status"], margins=True, margins_name="all")
    failed = df[df["status"] != "ok"]
    reasons = (failed.groupby(["reason"]).agg(sources=("id", "size"), ids=("id", lambda s: ", ".join(sorted(s))))
               .sort_values("sources", ascending=False).reset_index())
    ok = df[df["status"] == "ok"]
    via = pd.crosstab(ok["via"].replace("", "unknown"), ok["group"], margins=True, margins_name="all")
    return {"status_by_group": status, "failure_reasons": reasons, "via": via}


# --------------------------------------------------------------------------- 02: the articles


def articles_summary(articles: pd.DataFrame, dates_log: pd.DataFrame | None = None) -> dict[str, pd.DataFrame]:
    """Articles by group and language, extractor used, length, near-duplicate clusters, date disagreements."""
    a = articles.copy()
    a["n_words"] = pd.to_numeric(a["n_words"], errors="coerce")
    out = {
        "by_group_language": pd.crosstab(a["group"], a["language"], margins=True, margins_name="all"),
        "extractor": pd.crosstab(a["extractor"], a["group"], margins=True, margins_name="all"),
        "n_words": a.groupby("group")["n_words"].describe(percentiles=[0.25, 0.5, 0.75])
                    .round(0).astype({"count": int}),
        "clusters": near_duplicate_clusters(a),
    }
    if dates_log is not None:
        out["date_disagreements"] = dates_log
    return out


def near_duplicate_clusters(articles: pd.DataFrame) -> pd.DataFrame:
    """Clusters with more than one article: cluster_id, articles, outlets, groups, ids."""
    a = articles[articles["cluster_id"].astype(str).str.strip() != ""]
    g = a.groupby("cluster_id")
    table = pd.DataFrame({
        "articles": g.size(),
        "outlets": g["outlet"].nunique(),
        "groups": g["group"].agg(lambda s: ", ".join(sorted(set(s)))),
        "ids": g["id"].agg(lambda s: ", ".join(sorted(s))),
    })
    return table[table["articles"] > 1].sort_values(["articles", "ids"], ascending=[False, True]).reset_index()


# --------------------------------------------------------------------------- 05: per-article measures


def article_measures(
    articles: pd.DataFrame, quotes: pd.DataFrame, citations: pd.DataFrame, frames: pd.DataFrame
) -> pd.DataFrame:
    """One row per article with the 0/1 measures the comparison counts (see the module docstring)."""
    from .citations import account_table
    from .quotes import voice_table

    a = articles[["id", "url", "outlet", "group", "language", "published", "cluster_id", "n_words"]].copy()

    voices = (voice_table(quotes, articles)
              .pivot(index="article_id", columns="speaker_type", values="quoted")
              .reindex(columns=list(SPEAKER_TYPES), fill_value=0).add_prefix("voice_").astype(float))
    a = a.merge(voices, left_on="id", right_index=True, how="left")  # not in voice_table: not coded

    acc = account_table(articles, quotes, citations).set_index("article_id")
    a["relays_forbes"] = a["id"].map(acc["relays_report"]).astype(float)
    a["relays_xiaomi"] = a["id"].map(acc["relays_company"]).astype(float)
    a["account"] = a["id"].map(acc["account"].astype(str))

    frame_cols = [f for f in FRAME_IDS if f in frames.columns]
    f = frames.rename(columns={"article_id": "id"}).set_index("id")
    coded = f["coded"].astype(str).isin(["1", "1.0"]) if "coded" in f else pd.Series(True, index=f.index)
    f = f[frame_cols].apply(pd.to_numeric, errors="coerce").where(coded)
    a = a.merge(f, left_on="id", right_index=True, how="left")

    sizes = a.loc[a["cluster_id"] != "", "cluster_id"].value_counts()
    a["wire_copy"] = a["cluster_id"].map(sizes).fillna(1).gt(1).astype(float)
    return a.sort_values("id").reset_index(drop=True)


def relayed_accounts(measures: pd.DataFrame, alpha: float = 0.05) -> pd.DataFrame:
    """Per group, the share of coded articles relaying each account (one category per article:
    coverage.citations.ACCOUNTS), with Wilson intervals: account, group, k, n, share, lo, hi."""
    from .citations import ACCOUNTS
    from .compare import prevalence_by_group

    m = measures.dropna(subset=["account"])
    onehot = pd.get_dummies(m["account"]).reindex(columns=list(ACCOUNTS), fill_value=0).astype(float)
    table = prevalence_by_group(onehot.assign(group=m["group"]), list(ACCOUNTS), alpha=alpha)
    return table.rename(columns={"value": "account"})


def quote_shares(quotes: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Quotes per speaker type and group, and each type's share of the group's quotes (quote-level,
    descriptive; no interval because quotes in one article are not independent)."""
    from .quotes import voice_table

    table = (voice_table(quotes, articles).pivot_table(index="speaker_type", columns="group", values="quotes",
                                                        aggfunc="sum", fill_value=0)
             .reindex(list(SPEAKER_TYPES), fill_value=0))
    table.columns.name = None
    shares = (100 * table / table.sum().replace(0, np.nan)).round(1)
    return table.join(shares, rsuffix=" (%)")


FAMILIES = {
    "voice quoted": VOICE_COLS,
    "frame": list(FRAME_IDS),
    "account relayed": RELAY_COLS,
    "wire copy": ["wire_copy"],
}


def headline_table(measures: pd.DataFrame, alpha: float = 0.05) -> pd.DataFrame:
    """The whole comparison in one table: per measure, each group's "k/n = share% [lo-hi]"
    (Wilson interval at 1 - alpha) and the difference test with p-values adjusted
    (Benjamini-Hochberg) within each family of measures, as in the charts of notebook 05.

    Columns: family, measure, one per group, test, p_adj.
    """
    from .compare import difference_tests, prevalence_by_group

    labels = measure_labels()
    parts = []
    for family, cols in FAMILIES.items():
        cols = [c for c in cols if c in measures.columns]
        prev = prevalence_by_group(measures, cols, alpha=alpha)
        prev["cell"] = [
            f"{k}/{n} = {100 * s:.0f}% [{100 * lo:.0f}-{100 * hi:.0f}]" if n else "not coded"
            for k, n, s, lo, hi in prev[["k", "n", "share", "lo", "hi"]].itertuples(index=False)
        ]
        wide = prev.pivot(index="value", columns="group", values="cell").reindex(cols)
        tests = difference_tests(measures, cols, alpha=alpha).set_index("value")[["method", "p_adj"]]
        parts.append(wide.join(tests).rename(columns={"method": "test"}).assign(family=family))
    table = pd.concat(parts).rename_axis("value").reset_index()
    table.columns.name = None
    table.insert(1, "measure", table.pop("value").map(lambda v: labels.get(v, v)))
    table["p_adj"] = table["p_adj"].round(3)
    return table[["family", "measure", *[c for c in table.columns if c not in ("family", "measure", "test", "p_adj")],
                  "test", "p_adj"]]
