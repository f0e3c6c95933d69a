"""Tables the notebooks show: the fetch log and articles summaries (01, 02) and the
per-article measures behind the headline comparison (05, explore).

Kept here, not in the notebooks, so pytest reaches the logic and every notebook shows the
same numbers.

Per-article measures (:func:`article_measures`), one row per article:

- ``voice_<speaker_type>``: 1 if the article quotes (directly or indirectly) at least one
  speaker of that type (config.SPEAKER_TYPES).
- the frame columns of frames.csv (config.FRAME_IDS), 0/1.
- ``relays_forbes``, ``relays_xiaomi`` and ``account``: whose account the article relays,
  exactly as :func:`coverage.citations.account_table` defines it (one definition for notebooks
  03 and 05): Forbes' report when it cites Forbes, quotes Forbes or quotes the researchers;
  Xiaomi's when it quotes the company.
- ``wire_copy``: 1 if the article shares its near-duplicate cluster (cluster_id) with at
  least one other article of the run: re-published or re-published-from wire copy.

Articles in a language without full analysis (config.ANALYSED_LANGUAGES) get NaN in every
coded measure (not coded), so they do not count in any n except wire_copy.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from .config import ANALYSED_LANGUAGES, FRAME_IDS, GROUPS, SPEAKER_TYPES, RunPaths
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


def _read(path: Path, what: str, how: str) -> pd.DataFrame:
    if not path.is_file():
        raise StudyError(f"{path}: no {what} yet; {how}")
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def read_optional(path: Path) -> pd.DataFrame | None:
    """A run table as str DataFrame, or None when the file does not exist."""
    return pd.read_csv(path, dtype=str, keep_default_na=False) if Path(path).is_file() else None


def load_run(out: str | Path) -> dict[str, pd.DataFrame]:
    """The run's tables as str DataFrames: articles, quotes, citations, frames (and fetch_log if present)."""
    p = RunPaths.at(out)
    how = f"run `python -m coverage analyse --out {p.out}` (or the notebooks 01-04)"
    tables = {
        "articles": _read(p.articles_csv, "articles table", f"run `python -m coverage extract --out {p.out}`"),
        "quotes": _read(p.quotes, "quotes table", how),
        "citations": _read(p.citations, "citations table", how),
        "frames": _read(p.frames, "frames table", how),
    }
    if p.fetch_log.is_file():
        tables["fetch_log"] = pd.read_csv(p.fetch_log, dtype=str, keep_default_na=False)
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
    a = articles[["id", "url", "outlet", "group", "language", "published", "cluster_id", "n_words"]].copy()
    coded = a["language"].isin(ANALYSED_LANGUAGES)

    q = quotes.copy()
    for t in SPEAKER_TYPES:
        ids = set(q.loc[q["speaker_type"] == t, "article_id"])
        a[f"voice_{t}"] = a["id"].isin(ids).astype(float)
    from .citations import account_table

    acc = account_table(articles, quotes, citations).set_index("article_id")
    a["relays_forbes"] = a["id"].map(acc["relays_report"]).astype(float)
    a["relays_xiaomi"] = a["id"].map(acc["relays_company"]).astype(float)
    a["account"] = a["id"].map(acc["account"].astype(str))

    frame_cols = [f for f in FRAME_IDS if f in frames.columns]
    f = frames[["article_id", *frame_cols]].rename(columns={"article_id": "id"})
    f[frame_cols] = f[frame_cols].apply(pd.to_numeric, errors="coerce")
    a = a.merge(f, on="id", how="left")
    a.loc[~coded.to_numpy(), VOICE_COLS + RELAY_COLS + frame_cols] = np.nan
    # Articles coded but absent from frames.csv had no frame: 0, not "not coded".
    a.loc[coded.to_numpy(), frame_cols] = a.loc[coded.to_numpy(), frame_cols].fillna(0.0)

    sizes = a.loc[a["cluster_id"] != "", "cluster_id"].value_counts()
    a["wire_copy"] = a["cluster_id"].map(sizes).fillna(1).gt(1).astype(float)
    return a.sort_values("id").reset_index(drop=True)


def relayed_accounts(measures: pd.DataFrame) -> pd.DataFrame:
    """Counts per group of whose account each coded article relays (one category per article:
    coverage.citations.ACCOUNTS): account, group, k, n."""
    from .citations import ACCOUNTS

    m = measures.dropna(subset=RELAY_COLS)
    rows = []
    for g in [g for g in GROUPS if g in set(m["group"])]:
        sel = m["group"] == g
        for cat in ACCOUNTS:
            rows.append({"account": cat, "group": g, "k": int((sel & (m["account"] == cat)).sum()), "n": int(sel.sum())})
    return pd.DataFrame(rows, columns=["account", "group", "k", "n"])


def quote_shares(quotes: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Share of all quotes per speaker type and group (quote-level, descriptive; no interval
    because quotes in one article are not independent)."""
    q = quotes.merge(articles[["id", "group"]].rename(columns={"id": "article_id"}), on="article_id", how="left")
    table = pd.crosstab(q["speaker_type"], q["group"]).reindex(list(SPEAKER_TYPES), fill_value=0)
    shares = (100 * table / table.sum().replace(0, np.nan)).round(1)
    return table.join(shares, rsuffix=" (%)")
