"""The extraction benchmark: the scorer on hand-computed cases, and a slice of the real corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coverage import bench
from coverage.errors import StudyError


def test_score_counts_one_page_by_hand():
    out = "Alpha beta.\nGamma   DELTA\nzeta-free text"
    # "alpha beta" and "gamma delta" (whitespace folded, case ignored) are found, "epsilon" is not;
    # of the unwanted snippets "Delta" is found, "omega" is not.
    assert bench.score(out, ["alpha beta", "gamma delta", "epsilon"], ["Delta", "omega"]) == (2, 1, 1)


def test_score_normalises_unicode_and_whitespace():
    decomposed = "Cafe\u0301 in Jakarta"  # e + combining acute
    assert bench.score(decomposed, ["café  in\njakarta"], []) == (1, 0, 0)


def test_score_of_empty_or_missing_output():
    assert bench.score(None, ["a", "b"], ["c"]) == (0, 2, 0)
    assert bench.score("", ["a"], []) == (0, 1, 0)


def test_precision_recall_f1_summed_over_pages():
    # page 1: tp 2, fn 1, fp 1 ; page 2: tp 1, fn 0, fp 0 -> tp 3, fn 1, fp 1
    p, r, f = bench.prf(3, 1, 1)
    assert (p, r, f) == (0.75, 0.75, 0.75)
    assert bench.prf(0, 0, 0) == (0.0, 0.0, 0.0)
    p, r, f = bench.prf(2, 2, 0)
    assert (p, r) == (1.0, 0.5) and f == pytest.approx(2 / 3)


def _mini_corpus(tmp_path: Path) -> Path:
    """A synthetic two-page corpus in the trafilatura-eval layout."""
    (tmp_path / "cache").mkdir()
    (tmp_path / "eval").mkdir()
    (tmp_path / "cache" / "a.html").write_text("<p>alpha beta</p>", encoding="utf-8")
    (tmp_path / "eval" / "b.html").write_text("<p>gamma</p>", encoding="utf-8")
    evaldata = {
        "https://a.example/1": {"file": "a.html", "with": ["alpha", "beta", "delta"], "without": ["menu"]},
        "https://b.example/2": {"file": "b.html", "with": ["gamma"], "without": ["p>"]},
    }
    (tmp_path / "evaldata.json").write_text(json.dumps(evaldata), encoding="utf-8")
    return tmp_path


def test_run_extractor_sums_pages(tmp_path):
    pages = bench.load_pages(_mini_corpus(tmp_path))
    assert [p.file for p in pages] == ["a.html", "b.html"]
    # the "extractor" returns the raw HTML: page 1 tp 2 fn 1 fp 0, page 2 tp 1 fn 0 fp 1 ("p>")
    res = bench.run_extractor(lambda html, url: html.decode(), pages)
    assert (res["tp"], res["fn"], res["fp"], res["errors"]) == (3, 1, 1, 0)
    assert (res["precision"], res["recall"], res["f1"]) == (0.75, 0.75, 0.75)


def test_an_extractor_that_raises_scores_as_empty(tmp_path):
    pages = bench.load_pages(_mini_corpus(tmp_path))

    def boom(html, url):
        raise ValueError("bad page")

    res = bench.run_extractor(boom, pages)
    assert (res["tp"], res["fn"], res["fp"], res["errors"]) == (0, 4, 0, 2)


def test_missing_corpus_says_where_to_put_it(tmp_path):
    with pytest.raises(StudyError, match=r"trafilatura-eval\.tar\.gz"):
        bench.resolve_corpus(tmp_path / "nowhere")
    with pytest.raises(StudyError, match=r"no trafilatura-eval\.tar\.gz and no evaldata\.json here"):
        bench.resolve_corpus(tmp_path)


def test_unknown_extractor_is_refused(tmp_path):
    with pytest.raises(StudyError, match="unknown extractor"):
        bench.bench_extract(_mini_corpus(tmp_path), extractors=["readability"])


@pytest.mark.peer
def test_slice_of_the_real_corpus(tmp_path, capsys, peer_tarball):
    folder = bench.unpack_corpus(peer_tarball, tmp_path, limit=10)
    assert len(list(folder.rglob("*.html"))) == 10
    table = bench.bench_extract(folder, limit=10)
    printed = capsys.readouterr().out
    assert "time ours/newspaper3k" in printed and "F1 ours-trafilatura" in printed
    assert table["extractor"].tolist() == ["ours", "newspaper3k", "trafilatura"]
    assert (table["pages"] == 10).all()
    assert (table["seconds"] > 0).all()
    # sane ranges on ten real pages, not the full-corpus figures (see bench.py's record)
    assert table["precision"].between(0.5, 1.0).all() and table["recall"].between(0.3, 1.0).all()
    ours = table.set_index("extractor").loc["ours"]
    assert ours["f1"] >= 0.75 and ours["errors"] == 0


def test_tarball_is_unpacked_once_into_the_cache(tmp_path, monkeypatch):
    import tarfile

    (tmp_path / "src").mkdir()
    src = _mini_corpus(tmp_path / "src")
    tarball = tmp_path / bench.TARBALL
    with tarfile.open(tarball, "w:gz") as tar:
        tar.add(src, arcname="tests")
    monkeypatch.setattr(bench, "CACHE", tmp_path / "cache")
    folder = bench.resolve_corpus(tarball)
    assert folder == tmp_path / "cache" / "trafilatura-eval" / "tests"
    assert [p.file for p in bench.load_pages(folder)] == ["a.html", "b.html"]
    (folder / "cache" / "a.html").unlink()  # a second call trusts the marker: no re-unpack
    assert bench.resolve_corpus(tmp_path) == folder  # a folder holding the tarball works too
    assert not (folder / "cache" / "a.html").exists()


# --------------------------------------------------------------------------- the line-score fit
# (coverage.fit_line_score; boilerplate.yml 2.2 records that its fitted weights were not adopted)

def test_fit_halves_are_stable_and_both_used():
    from coverage import fit_line_score as F

    names = [f"page{i}.html" for i in range(40)]
    halves = [F.half(n) for n in names]
    assert halves == [F.half(n) for n in names]  # the same file is always in the same half
    assert set(halves) == {0, 1}


def test_lines_are_labelled_by_the_snippets_they_hold():
    from coverage import fit_line_score as F

    page = bench.Page("https://a.example/1", "a.html", b"", ("the browser sends data",), ("subscribe to our newsletter",))
    assert F.label("Subscribe to our   newsletter today", page) == 1
    assert F.label("The browser sends data to a server.", page) == 0
    assert F.label("A line with neither snippet.", page) is None
    assert F.label("The browser sends data. Subscribe to our newsletter", page) is None  # both: no label


def test_logistic_fit_gives_the_telling_feature_the_positive_weight():
    import numpy as np

    from coverage import fit_line_score as F

    # feature 0 is on for every chrome line and off for every text line; feature 1 is noise
    x = np.array([[1, 0], [1, 1], [1, 0], [0, 1], [0, 0], [0, 1], [0, 0], [0, 1]], dtype=float)
    y = np.array([1, 1, 1, 0, 0, 0, 0, 0], dtype=float)
    coef, intercept = F.fit_logistic(x, y, l2=1.0)
    assert coef[0] > 1.0 and abs(coef[1]) < coef[0] / 2
    p = 1 / (1 + np.exp(-(x @ coef + intercept)))
    assert (p[y == 1] > 0.5).all() and (p[y == 0] < 0.5).all()


def test_fit_without_the_corpus_skips_cleanly(tmp_path, capsys):
    from coverage import fit_line_score as F

    assert F.main(["--corpus", str(tmp_path / "nowhere")]) == 0
    assert capsys.readouterr().out.startswith("skipped: ")
