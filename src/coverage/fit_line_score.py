"""Fit the weights of ``line_score`` (boilerplate.yml) on the trafilatura benchmark.

The text score of :func:`coverage.extract.drop_chrome_blocks` adds hand-written weights of
shallow features (a call to action, the site's product words, a caption shape, after the
body, few stopwords...). This script checks them against data: it labels the lines the score
judges on the benchmark's annotated pages (a line holding a "without" snippet and no "with"
snippet is chrome, 1; a line holding a "with" snippet and no "without" one is text, 0; other
lines carry no label), fits an L2-regularised logistic regression on the pages of one half
(split by a hash of the file name) and compares, on the other half, the pages left clean
(no "without" snippet) and clean and complete (also every "with" snippet) with the fitted
weights and with the weights in boilerplate.yml, under the same sign gate
(:func:`coverage.extract.score_gate`).

Usage::

    python -m coverage.fit_line_score [--corpus PATH] [--fit-half 0|1] [--l2 1.0]

``--corpus``: as for ``python -m coverage bench`` (default: shared/peer beside the project,
or $COVERAGE_PEER). Without the corpus the script says so and exits 0: the benchmark is not
shipped with the project. It prints the fitted weights (features scaled as 0/1, the
threshold as the score at which the model's probability of chrome reaches ``--p``) and the
page-level comparison; it writes nothing. Whether the fitted weights replace the hand-written
ones is decided by the comparison on the held-out half and recorded in boilerplate.yml.
"""

from __future__ import annotations

import argparse
import math
import sys
import warnings
import zlib
from dataclasses import replace

import numpy as np

from .bench import load_pages, normalise, resolve_corpus, score
from .errors import StudyError


def half(file: str) -> int:
    """The half (0 or 1) a benchmark page belongs to: a stable hash of its file name."""
    return zlib.crc32(file.encode("utf-8")) % 2


def page_lines(page) -> dict:
    """The body before the text score, and the score's candidate lines with their features."""
    from . import extract as ex

    options = replace(ex.DEFAULT_OPTIONS, chrome_score=False)
    text = ex.decode_html(page.html)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        body = ex.extract_body(text, page.url, None, options)[0]
    rules = ex.load_boilerplate()
    if not body or rules.line_score is None:
        return {"body": body, "cands": [], "long_idx": []}
    lines = body.split("\n")
    if len(lines) < 3:
        return {"body": body, "cands": [], "long_idx": []}
    tree = ex._parse(ex._xml_safe(text))
    keys = [ex._norm(ex._BULLET.sub("", ex._TABLE_BARS.sub("", x) or x) or x) for x in lines]
    long_chars = rules.short_lines.long_chars if rules.short_lines else 100  # as drop_chrome_blocks
    long_idx = [i for i, x in enumerate(lines) if len(x) >= long_chars]
    els = ex._elements_by_text(tree, set(keys))
    jsonld = ex._jsonld_body(tree)
    sites = ex.site_names(tree, page.url)
    cands = [(i, fired) for i, fired in
             ex.score_candidates(lines, keys, els, long_idx, None, rules.line_score, sites,
                                 ex._norm(jsonld) if jsonld else "")
             if not ex._kept_on_purpose(lines[i], rules, sites)]
    return {"body": body, "cands": cands, "long_idx": long_idx}


def label(line: str, page) -> int | None:
    """1: the line holds a "without" snippet and no "with" one; 0: the reverse; else None."""
    n = normalise(line)
    bad = any(normalise(s) in n for s in page.without if s.strip())
    good = any(normalise(s) in n for s in page.with_ if s.strip())
    return 1 if bad and not good else 0 if good and not bad else None


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = 1.0, iters: int = 50) -> tuple[np.ndarray, float]:
    """Weights and intercept of an L2-regularised logistic regression (Newton's method; the
    intercept is not penalised). Positives are weighted up to balance the classes."""
    n, k = x.shape
    xb = np.hstack([x, np.ones((n, 1))])
    pos = max(1, int(y.sum()))
    sw = np.where(y == 1, (n - pos) / pos, 1.0)
    w = np.zeros(k + 1)
    pen = np.full(k + 1, l2)
    pen[-1] = 0.0
    for _ in range(iters):
        p = 1 / (1 + np.exp(-(xb @ w)))
        grad = xb.T @ (sw * (p - y)) + pen * w
        hess = (xb * (sw * p * (1 - p))[:, None]).T @ xb + np.diag(pen) + 1e-9 * np.eye(k + 1)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w[:-1], float(w[-1])


def page_figures(pages, data, weights: dict, threshold: float, ls) -> dict:
    """Pages clean / clean and complete, snippets found, with the score's drops applied."""
    from .extract import score_drops, takes_the_article

    clean = both = tp = fn = fp = 0
    for page, d in zip(pages, data):
        lines = d["body"].split("\n") if d["body"] else []
        drop = score_drops(d["cands"], ls, weights, threshold)
        if takes_the_article(d["long_idx"], drop):
            drop = {}  # drop_chrome_blocks' guard: never half the body's long paragraphs
        out = "\n".join(x for i, x in enumerate(lines) if i not in drop)
        a, b, c = score(out, page.with_, page.without)
        tp, fn, fp = tp + a, fn + b, fp + c
        clean += c == 0
        both += c == 0 and b == 0
    return {"pages": len(pages), "clean": clean, "clean_complete": both, "tp": tp, "fn": fn, "fp": fp}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m coverage.fit_line_score", description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=None, help="benchmark folder or tarball (default: shared/peer)")
    ap.add_argument("--fit-half", type=int, default=0, choices=(0, 1), help="the half fitted on; the other checks")
    ap.add_argument("--l2", type=float, default=1.0, help="L2 penalty on the weights")
    ap.add_argument("--p", default="0.5", help="probability of chrome at which a line goes (several: 0.5,0.7,0.9)")
    ap.add_argument("--limit", type=int, default=None, help="first N pages only (a quick look)")
    args = ap.parse_args(argv)
    try:
        pages = load_pages(resolve_corpus(args.corpus), args.limit)
    except StudyError as exc:
        print(f"skipped: {exc}")
        return 0
    from .extract import load_boilerplate

    ls = load_boilerplate().line_score
    if ls is None:
        print("skipped: boilerplate.yml has no line_score section")
        return 0
    data = [page_lines(p) for p in pages]
    feats = sorted(ls.weights)
    rows, ys = [], []
    for page, d in zip(pages, data):
        if half(page.file) != args.fit_half:
            continue
        lines = d["body"].split("\n")
        for i, fired in d["cands"]:
            y = label(lines[i], page)
            if y is not None:
                rows.append([1.0 if f in fired else 0.0 for f in feats])
                ys.append(y)
    x, y = np.array(rows), np.array(ys, dtype=float)
    print(f"fit half {args.fit_half}: {len(y)} labelled lines ({int(y.sum())} chrome, {int(len(y) - y.sum())} text)")
    coef, intercept = fit_logistic(x, y, args.l2)
    fitted = {f: round(float(c), 2) for f, c in zip(feats, coef)}
    probs = [float(v) for v in str(args.p).split(",")]
    thresholds = {pr: round(math.log(pr / (1 - pr)) - intercept, 2) for pr in probs}
    print("feature                hand   fitted")
    for f in feats:
        print(f"{f:22} {ls.weights[f]:6.2f} {fitted[f]:8.2f}")
    for pr, t in thresholds.items():
        print(f"{'threshold (p=' + str(pr) + ')':22} {ls.threshold:6.2f} {t:8.2f}")
    runs = [("none", {}, math.inf), ("hand", ls.weights, ls.threshold)]
    runs += [(f"fit p={pr}", fitted, t) for pr, t in thresholds.items()]
    for name, w, t in runs:
        for h in (args.fit_half, 1 - args.fit_half):
            sel = [(p, d) for p, d in zip(pages, data) if half(p.file) == h]
            r = page_figures([p for p, _ in sel], [d for _, d in sel], w, t, ls)
            role = "fit" if h == args.fit_half else "check"
            print(f"{name:10} {role:5} half {h}: pages {r['pages']}  clean {r['clean']}  clean+complete "
                  f"{r['clean_complete']}  with found {r['tp']}  missed {r['fn']}  without found {r['fp']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
