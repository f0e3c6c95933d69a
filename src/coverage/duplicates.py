"""Near-duplicate articles: syndicated wire copy, re-published and cut-down copies.

Method (containment of word shingles, Broder 1997):

1. Normalise each text: Unicode NFKC, case-folded, punctuation folded away, so curly and
   straight quotes, dashes and line breaks do not hide a copy. Tokens are runs of letters
   and digits.
2. Shingles are runs of ``shingle_words`` consecutive tokens (default 5), hashed to 64 bits
   (each distinct token by BLAKE2b, each window by a polynomial hash of its token hashes;
   stable across processes and machines).
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

Pairs are found through an inverted index: a sparse document x shingle matrix X, with the
shingles found in one document only dropped (they link nothing), gives every pair's shared
count at once as X @ X.T. Its cost grows with the pairs that actually share shingles, not
with all n^2 pairs. Measured: 3,100 synthetic articles of about 420 words, a third of them
quoting the same 40-word statement, cluster in 1.6 s (one core); tokenising is most of it.
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


_MULT = np.uint64(0x100000001B3)  # FNV-1a 64-bit prime, as the rolling-hash multiplier


def _shingle_arrays(texts: list, shingle_words: int) -> list[np.ndarray]:
    """Per text, the sorted unique 64-bit hashes of its shingles (stable across processes).

    Tokens are hashed once per distinct token (BLAKE2b), then each window of
    ``shingle_words`` token hashes is combined with a polynomial hash in uint64 arithmetic.
    """
    if shingle_words < 1:
        raise ValueError("shingle_words must be at least 1")
    tokens = [normalise(t) for t in texts]
    lengths = np.array([len(t) for t in tokens], dtype=np.int64)
    codes, vocab = pd.factorize(pd.Series([w for t in tokens for w in t], dtype=object))
    vocab_hash = np.fromiter(
        (int.from_bytes(hashlib.blake2b(w.encode("utf-8"), digest_size=8).digest(), "little") for w in vocab),
        dtype=np.uint64, count=len(vocab))
    all_hash = vocab_hash[codes] if len(codes) else np.empty(0, dtype=np.uint64)
    out: list[np.ndarray] = []
    for th in np.split(all_hash, np.cumsum(lengths)[:-1]) if len(tokens) else []:
        n = len(th) - shingle_words + 1
        if n <= 0:
            out.append(np.empty(0, dtype=np.uint64))
            continue
        h = np.zeros(n, dtype=np.uint64)
        for j in range(shingle_words):  # uint64 arithmetic wraps around: that is the hash
            h = h * _MULT + th[j:j + n]
        out.append(np.unique(h))
    return out


def shingles(text: str, shingle_words: int = 5) -> set[int]:
    """The set of hashed ``shingle_words``-token shingles of ``text`` (empty if shorter)."""
    return set(_shingle_arrays([text], shingle_words)[0].tolist())


def _scored_pairs(df: pd.DataFrame, id_col: str, text_col: str, shingle_words: int) -> pd.DataFrame:
    """doc_a < doc_b (row positions), shared shingle count and containment, for every pair sharing any.

    The document x shingle incidence matrix X (shingles found in one document only are
    dropped: they link nothing) gives all shared counts at once as X @ X.T, a sparse
    product whose cost grows with the pairs that actually share shingles, not with n^2.
    """
    from scipy import sparse

    _check_columns(df, id_col, text_col)
    arrays = _shingle_arrays(df[text_col].tolist(), shingle_words)
    sizes = np.array([len(a) for a in arrays], dtype=np.int64)
    empty = pd.DataFrame({"doc_a": pd.Series(dtype="int64"), "doc_b": pd.Series(dtype="int64"),
                          "shared": pd.Series(dtype="int64"), "containment": pd.Series(dtype="float64")})
    if sizes.sum() == 0:
        return empty
    doc = np.repeat(np.arange(len(arrays), dtype=np.int64), sizes)
    _, col, df_count = np.unique(np.concatenate(arrays), return_inverse=True, return_counts=True)
    keep = df_count[col] >= 2
    if not keep.any():
        return empty
    doc, col = doc[keep], col[keep]
    _, col = np.unique(col, return_inverse=True)
    x = sparse.csr_matrix((np.ones(len(doc), dtype=np.int32), (doc, col)),
                          shape=(len(arrays), int(col.max()) + 1))
    shared = sparse.triu(x @ x.T, k=1).tocoo()
    a, b, n = shared.row.astype(np.int64), shared.col.astype(np.int64), shared.data.astype(np.int64)
    order = np.lexsort((b, a))
    a, b, n = a[order], b[order], n[order]
    return pd.DataFrame({"doc_a": a, "doc_b": b, "shared": n,
                         "containment": n / np.minimum(sizes[a], sizes[b])})


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
    _check_columns(df, id_col, text_col)
    ids = df[id_col].astype(str).tolist()
    if df.empty:
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
