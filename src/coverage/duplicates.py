"""Near-duplicate articles: syndicated wire copy, re-published and cut-down copies.

Method (containment of word shingles, Broder 1997):

1. Normalise each text: Unicode NFKC, case-folded, punctuation folded away, so curly and
   straight quotes, dashes and line breaks do not hide a copy. Tokens are runs of letters
   and digits.
2. Shingles are runs of ``shingle_words`` consecutive tokens (default 5), hashed to 64 bits
   (BLAKE2b, stable across processes).
3. For two documents A and B, containment = |S(A) ∩ S(B)| / min(|S(A)|, |S(B)|): the share of
   the *smaller* document's shingles found in the other. Unlike Jaccard similarity, this
   stays high when an outlet cuts a wire story to half its length or pads it with text of
   its own or another source, which is how Indonesian outlets typically reuse wire copy.
4. Pairs with containment >= ``min_containment`` (default 0.5) and at least ``min_shared``
   shared shingles are joined with union-find; each cluster is named by its smallest id
   (string order), so cluster ids are deterministic and readable; singletons keep their own
   id, and empty or very short texts are always singletons.

Why these thresholds: two independent articles that both quote the same 40-word company
statement share a run of about 35 shingles, but in articles of 300+ words that is about a
tenth of the smaller one's shingles, far below 0.5; a re-headlined copy cut to half of the
wire text keeps most of its own shingles inside the original (containment near 1). The
``min_shared`` floor stops a two-sentence snippet from joining a cluster on a single
shared phrase.

Pairs are found through an inverted index (shingle hash -> documents): only documents that
share at least one shingle are compared, and shingles found in one document only are
dropped first, so a few thousand articles take well under a second or two.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

import numpy as np
import pandas as pd

from .errors import StudyError

_TOKEN_RE = re.compile(r"[^\W_]+")  # letters and digits; punctuation and "_" separate tokens


def normalise(text: str) -> list[str]:
    """Tokens of ``text``: NFKC, case-folded, punctuation folded away."""
    if not isinstance(text, str) or not text:
        return []
    return _TOKEN_RE.findall(unicodedata.normalize("NFKC", text).casefold())


def shingles(text: str, shingle_words: int = 5) -> set[int]:
    """The set of hashed ``shingle_words``-token shingles of ``text`` (empty if shorter)."""
    toks = normalise(text)
    return {
        int.from_bytes(hashlib.blake2b(" ".join(toks[i:i + shingle_words]).encode("utf-8"),
                                       digest_size=8).digest(), "little", signed=True)
        for i in range(len(toks) - shingle_words + 1)
    }


def _shingle_table(df: pd.DataFrame, text_col: str, shingle_words: int) -> tuple[pd.DataFrame, pd.Series]:
    """(doc, h) pairs for shingles found in >= 2 documents, and each document's shingle count."""
    if shingle_words < 1:
        raise ValueError("shingle_words must be at least 1")
    sets = [shingles(t, shingle_words) for t in df[text_col].tolist()]
    sizes = pd.Series([len(s) for s in sets], index=range(len(sets)), dtype="int64")
    doc = np.repeat(np.arange(len(sets), dtype=np.int64), sizes.to_numpy())
    h = np.fromiter((x for s in sets for x in s), dtype=np.int64, count=int(sizes.sum()))
    table = pd.DataFrame({"doc": doc, "h": h})
    # A shingle only one document has cannot link two documents: drop it before the join.
    table = table[table.duplicated("h", keep=False)]
    return table, sizes


def _shared_counts(table: pd.DataFrame) -> pd.DataFrame:
    """Shared-shingle counts for every pair of documents (doc_a < doc_b) sharing any."""
    if table.empty:
        return pd.DataFrame({"doc_a": pd.Series(dtype="int64"), "doc_b": pd.Series(dtype="int64"),
                             "shared": pd.Series(dtype="int64")})
    pairs = table.merge(table, on="h", suffixes=("_a", "_b"))
    pairs = pairs[pairs["doc_a"] < pairs["doc_b"]]
    return pairs.groupby(["doc_a", "doc_b"]).size().rename("shared").reset_index()


def _scored_pairs(df: pd.DataFrame, id_col: str, text_col: str, shingle_words: int) -> pd.DataFrame:
    _check_columns(df, id_col, text_col)
    table, sizes = _shingle_table(df, text_col, shingle_words)
    counts = _shared_counts(table)
    smaller = np.minimum(sizes.to_numpy()[counts["doc_a"]], sizes.to_numpy()[counts["doc_b"]])
    return counts.assign(containment=counts["shared"] / smaller)


def _check_columns(df: pd.DataFrame, id_col: str, text_col: str) -> None:
    missing = [c for c in (id_col, text_col) if c not in df.columns]
    if missing:
        raise StudyError(f"near-duplicates: column(s) {', '.join(missing)} not in the article table "
                         f"(has: {', '.join(map(str, df.columns))}); pass id_col/text_col")
    ids = df[id_col].astype(str)
    if ids.duplicated().any():
        raise StudyError(f"near-duplicates: ids repeat in column {id_col} "
                         f"({', '.join(sorted(set(ids[ids.duplicated()])))}); give each article one row")


def pair_scores(
    df: pd.DataFrame,
    *,
    id_col: str = "id",
    text_col: str = "text",
    shingle_words: int = 5,
    min_shared: int = 1,
) -> pd.DataFrame:
    """Every pair of articles sharing at least ``min_shared`` shingles, for inspection.

    Columns: ``id_a``, ``id_b`` (``id_a < id_b``), ``containment`` (share of the smaller
    article's shingles found in the other, 0-1), ``shared_shingles``; sorted by containment
    (highest first), then ids.
    """
    s = _scored_pairs(df, id_col, text_col, shingle_words)
    s = s[s["shared"] >= min_shared]
    ids = df[id_col].astype(str).to_numpy()
    a, b = ids[s["doc_a"].to_numpy()], ids[s["doc_b"].to_numpy()]
    out = pd.DataFrame({
        "id_a": np.where(a < b, a, b),
        "id_b": np.where(a < b, b, a),
        "containment": s["containment"].round(4).to_numpy(),
        "shared_shingles": s["shared"].to_numpy(dtype="int64"),
    })
    return out.sort_values(["containment", "id_a", "id_b"], ascending=[False, True, True],
                           ignore_index=True)


def assign_clusters(
    df: pd.DataFrame,
    *,
    id_col: str = "id",
    text_col: str = "text",
    shingle_words: int = 5,
    min_containment: float = 0.5,
    min_shared: int = 8,
) -> pd.Series:
    """The near-duplicate cluster of each row: the smallest id in its cluster.

    Returns a string Series aligned with ``df.index`` named ``cluster_id``. Rows whose text
    is empty (or shorter than ``min_shared`` shingles) are singletons. See the module
    docstring for the method and the reasons for the thresholds.
    """
    ids = df[id_col].astype(str).tolist() if id_col in df.columns else []
    if df.empty:
        _check_columns(df, id_col, text_col)
        return pd.Series([], index=df.index, dtype=object, name="cluster_id")
    s = _scored_pairs(df, id_col, text_col, shingle_words)
    links = s[(s["containment"] >= min_containment) & (s["shared"] >= min_shared)]

    parent = list(range(len(ids)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]  # path halving
            i = parent[i]
        return i

    for a, b in zip(links["doc_a"].tolist(), links["doc_b"].tolist()):
        ra, rb = find(a), find(b)
        if ra != rb:
            # keep the root at the smaller id, so the root names the cluster
            if ids[rb] < ids[ra]:
                ra, rb = rb, ra
            parent[rb] = ra
    return pd.Series([ids[find(i)] for i in range(len(ids))], index=df.index, dtype=object, name="cluster_id")
