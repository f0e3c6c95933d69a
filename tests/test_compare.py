"""coverage.compare: every expected value below can be checked by hand (formulas in comments)."""

import math

import numpy as np
import pandas as pd
import pytest

from coverage.compare import (
    benjamini_hochberg,
    cooccurrence,
    dedupe,
    difference_tests,
    log_odds_keyness,
    prevalence_by_group,
    tokenize,
    wilson_ci,
)
from coverage import compare
from coverage.errors import StudyError


def _groups(a_yes, a_no, b_yes, b_no, col="f"):
    """A 2 x 2 table as rows: group indonesia (a) and international (b), value 1 / 0."""
    g = ["indonesia"] * (a_yes + a_no) + ["international"] * (b_yes + b_no)
    v = [1] * a_yes + [0] * a_no + [1] * b_yes + [0] * b_no
    return pd.DataFrame({"group": g, col: v})


# --------------------------------------------------------------------------- Wilson


def test_wilson_5_of_10_matches_the_textbook_value():
    # p = 0.5, z = 1.95996: centre 0.5, half-width z*sqrt(0.025 + z^2/400)/(1 + z^2/10) = 0.26341
    lo, hi = wilson_ci(5, 10)
    assert lo == pytest.approx(0.2366, abs=1e-4)
    assert hi == pytest.approx(0.7634, abs=1e-4)


def test_wilson_zero_successes_starts_at_zero_and_is_not_degenerate():
    lo, hi = wilson_ci(0, 10)
    # hi = z^2/(n + z^2) = 3.8415/13.8415 when k = 0
    assert lo == 0.0
    assert hi == pytest.approx(3.8415 / 13.8415, abs=1e-4)


def test_wilson_vectorised_equals_scalar_and_n_zero_is_nan():
    lo, hi = wilson_ci(np.array([5, 0, 3]), np.array([10, 0, 3]))
    assert lo[0] == pytest.approx(wilson_ci(5, 10)[0])
    assert math.isnan(lo[1]) and math.isnan(hi[1])
    assert hi[2] == 1.0 and lo[2] == pytest.approx(3 / (3 + 1.959964**2), abs=1e-4)


def test_wilson_narrower_at_lower_confidence():
    lo95, hi95 = wilson_ci(5, 10, alpha=0.05)
    lo80, hi80 = wilson_ci(5, 10, alpha=0.20)
    assert hi80 - lo80 < hi95 - lo95


def test_wilson_rejects_k_above_n():
    with pytest.raises(StudyError, match="0 <= k <= n"):
        wilson_ci(11, 10)


# --------------------------------------------------------------------------- prevalence


def test_prevalence_counts_and_leaves_uncoded_rows_out():
    df = pd.DataFrame({"group": ["indonesia"] * 4 + ["international"] * 3,
                       "f": [1, 1, 0, np.nan, 1, 0, 0]})
    out = prevalence_by_group(df, ["f"]).set_index("group")
    assert out.loc["indonesia", ["k", "n"]].tolist() == [2, 3]
    assert out.loc["international", ["k", "n"]].tolist() == [1, 3]
    assert out.loc["indonesia", "share"] == pytest.approx(2 / 3)
    assert out.loc["indonesia", "lo"] == pytest.approx(wilson_ci(2, 3)[0])
    assert list(out.index) == ["indonesia", "international"]  # the study's fixed order


def test_prevalence_rejects_values_other_than_0_1():
    df = pd.DataFrame({"group": ["indonesia"], "f": [2]})
    with pytest.raises(StudyError, match="0/1"):
        prevalence_by_group(df, ["f"])


# --------------------------------------------------------------------------- tests of difference


def test_chi_square_on_a_table_with_known_statistic():
    # [[20, 10], [10, 20]]: every expected count 15; chi2 = 4 * 5^2 / 15 = 6.667, df 1, p = 0.00982
    row = difference_tests(_groups(20, 10, 10, 20), ["f"]).iloc[0]
    assert row["method"] == "chi2"
    assert row["statistic"] == pytest.approx(20 / 3, abs=1e-6)
    assert row["p"] == pytest.approx(0.009823, abs=1e-5)
    # OR = (20*20)/(10*10) = 4; Woolf SE = sqrt(1/20+1/10+1/10+1/20) = sqrt(0.3)
    assert row["odds_ratio"] == pytest.approx(4.0)
    assert row["or_lo"] == pytest.approx(math.exp(math.log(4) - 1.959964 * math.sqrt(0.3)), rel=1e-4)
    assert row["cramers_v"] == pytest.approx(1 / 3)  # sqrt(6.667 / 60)
    assert not row["haldane"]


def test_fisher_when_expected_counts_are_small():
    # Fisher's tea-tasting table [[3, 1], [1, 3]]: two-sided p = 34/70 = 0.4857, OR = 9
    row = difference_tests(_groups(3, 1, 1, 3), ["f"]).iloc[0]
    assert row["method"] == "fisher"
    assert row["p"] == pytest.approx(34 / 70, abs=1e-6)
    assert row["odds_ratio"] == pytest.approx(9.0)
    assert row["expected_min"] == pytest.approx(2.0)


def test_haldane_correction_when_a_cell_is_zero():
    # [[3, 27], [0, 30]] -> +0.5 everywhere: OR = (3.5 * 30.5) / (27.5 * 0.5) = 7.7636
    row = difference_tests(_groups(3, 27, 0, 30), ["f"]).iloc[0]
    assert row["haldane"]
    assert row["odds_ratio"] == pytest.approx(3.5 * 30.5 / (27.5 * 0.5))
    assert math.isfinite(row["or_hi"])


def test_no_variation_and_one_group_are_reported_not_tested():
    same = difference_tests(_groups(0, 5, 0, 5), ["f"]).iloc[0]
    assert same["method"].startswith("not tested") and same["p"] == 1.0
    one = difference_tests(pd.DataFrame({"group": ["indonesia"] * 3, "f": [1, 0, 1]}), ["f"]).iloc[0]
    assert one["method"].startswith("not tested")
    assert math.isnan(one["p_adj"])


def test_benjamini_hochberg_by_hand():
    # sorted 0.01, 0.03, 0.04, 0.20 (m = 4): 0.04, min(0.06, 0.0533), 0.0533, 0.20
    adj = benjamini_hochberg([0.01, 0.04, 0.03, 0.20])
    assert adj == pytest.approx([0.04, 0.16 / 3, 0.16 / 3, 0.20])
    assert np.isnan(benjamini_hochberg([np.nan, 0.5])[0])


def test_difference_tests_adjusts_over_the_measures():
    df = _groups(20, 10, 10, 20).assign(g=[1, 0] * 30)
    out = difference_tests(df, ["f", "g"]).set_index("value")
    assert out.loc["f", "p_adj"] == pytest.approx(benjamini_hochberg(out["p"].to_numpy())[0])
    assert out.loc["f", "p_adj"] >= out.loc["f", "p"]


# --------------------------------------------------------------------------- keyness


def test_tokenize_keeps_indonesian_reduplication():
    assert tokenize("Xiaomi diam-diam merekam 15 juta data-data!") == ["xiaomi", "diam-diam", "merekam", "juta", "data-data"]


def test_log_odds_with_pooled_prior_by_hand():
    # A: privasi x2, data x1 (n_a = 3); B: penjualan x1, data x1 (n_b = 2); prior = pooled counts
    # (privasi 2, data 2, penjualan 1; alpha_0 = 5). For "privasi":
    # delta = log((2+2)/(3+5-2-2)) - log((0+2)/(2+5-0-2)) = log(1) - log(0.4) = 0.9163
    # var = 1/(2+2) + 1/(0+2) = 0.75; z = 0.9163 / 0.8660 = 1.0581
    out = log_odds_keyness(["privasi privasi data"], ["penjualan data"]).set_index("term")
    assert out.loc["privasi", "log_odds"] == pytest.approx(-math.log(0.4))
    assert out.loc["privasi", "z"] == pytest.approx(-math.log(0.4) / math.sqrt(0.75))
    assert out.loc["penjualan", "z"] < 0 < out.loc["privasi", "z"]  # sign: A positive, B negative
    assert list(out.index)[0] == "privasi"  # sorted by z, descending


def test_log_odds_stopwords_and_min_count():
    out = log_odds_keyness(["yang privasi yang"], ["yang penjualan"], stopwords=["yang"], min_count=1)
    assert "yang" not in set(out["term"])
    assert log_odds_keyness([""], [""]).empty


# --------------------------------------------------------------------------- co-occurrence and syndication


def test_cooccurrence_counts_and_jaccard():
    df = pd.DataFrame({"a": [1, 1, 0, 1], "b": [1, 0, 0, 1], "c": [0, 0, 0, np.nan]})
    counts = cooccurrence(df, ["a", "b"])
    assert counts.loc["a", "b"] == 2 and counts.loc["a", "a"] == 3 and counts.loc["b", "b"] == 2
    jac = cooccurrence(df, ["a", "b"], normalise="jaccard")
    assert jac.loc["a", "b"] == pytest.approx(2 / 3)  # |a and b| = 2, |a or b| = 3
    assert len(cooccurrence(df, ["a", "c"])) == 2  # the uncoded row is dropped


def test_dedupe_cluster_outlet_article():
    df = pd.DataFrame({
        "article_id": ["w1", "c1", "c2", "c3", "solo"],
        "outlet": ["Wire", "A", "B", "B", "C"],
        "cluster_id": ["k", "k", "k", "k", ""],
    })
    assert len(dedupe(df, "article")) == 5
    once = dedupe(df, "cluster")
    assert sorted(once["article_id"]) == ["c1", "solo"]  # smallest id per cluster; empty id stands alone
    per_outlet = dedupe(df, "outlet")
    assert sorted(per_outlet["article_id"]) == ["c1", "c2", "solo", "w1"]  # B's two copies count once
    with pytest.raises(StudyError, match="cluster"):
        dedupe(df, "wire")


def test_keyness_leaves_out_function_words_by_default():
    # synthetic: "yang" is frequent on one side only, but it is a function word
    df = pd.DataFrame({
        "language": ["id"] * 4,
        "group": ["indonesia", "indonesia", "international", "international"],
        "text": ["yang yang yang kominfo kominfo kominfo", "yang yang kominfo kominfo",
                 "peneliti peneliti peneliti gdpr", "peneliti peneliti gdpr gdpr"],
    })
    kept, _ = compare.keyness_by_language(df, top=5, min_count=2)
    assert "yang" not in set(kept["term"])
    assert kept.loc[kept["group"] == "indonesia", "term"].iloc[0] == "kominfo"
    everything, _ = compare.keyness_by_language(df, top=5, min_count=2, stopwords={})
    assert "yang" in set(everything.loc[everything["group"] == "indonesia", "term"])
    assert {"yang", "dan", "the", "of"} <= compare.load_stopwords()["id"] | compare.load_stopwords()["en"]
