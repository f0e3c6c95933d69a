"""Near-duplicate clustering on cases small enough to check by hand.

Most texts are made of numbered tokens (w0 w1 w2 ...), all distinct, so a text of n tokens
has exactly n - 4 five-word shingles and the expected containment is simple arithmetic.
"""

from __future__ import annotations

import pandas as pd
import pytest

from coverage.duplicates import assign_clusters, normalise, pair_scores, shingles
from coverage.errors import StudyError


def words(prefix: str, start: int, stop: int) -> str:
    """Distinct tokens prefix<start> ... prefix<stop-1>, separated by spaces."""
    return " ".join(f"{prefix}{i}" for i in range(start, stop))


def clusters(texts: dict[str, str], **kw) -> dict[str, str]:
    df = pd.DataFrame({"id": list(texts), "text": list(texts.values())})
    return dict(zip(df["id"], assign_clusters(df, **kw)))


def score(texts: dict[str, str], a: str, b: str) -> pd.Series:
    df = pd.DataFrame({"id": list(texts), "text": list(texts.values())})
    s = pair_scores(df)
    row = s[(s["id_a"] == min(a, b)) & (s["id_b"] == max(a, b))]
    assert len(row) == 1, f"no pair {a}/{b} in {s}"
    return row.iloc[0]


WIRE = words("w", 0, 100)  # 100 tokens -> 96 shingles


def test_shingle_count_is_tokens_minus_four():
    assert len(shingles(WIRE)) == 96
    assert len(shingles(words("w", 0, 5))) == 1
    assert shingles(words("w", 0, 4)) == set()


def test_normalise_folds_case_and_punctuation():
    assert normalise("Xiaomi said: “We’re NOT—selling data,” (Forbes).") == [
        "xiaomi", "said", "we", "re", "not", "selling", "data", "forbes"]
    assert shingles("“Kami kecewa,” kata Xiaomi, Sabtu.") == shingles('"kami KECEWA" kata xiaomi sabtu')


def test_identical_texts_cluster_with_containment_one():
    texts = {"b": WIRE, "a": WIRE}
    assert clusters(texts) == {"b": "a", "a": "a"}
    row = score(texts, "a", "b")
    assert row["containment"] == 1.0 and row["shared_shingles"] == 96


def test_cut_copy_clusters():
    # the copy keeps the first 30 tokens: all 26 of its shingles are in the original
    texts = {"wire": WIRE, "copy": words("w", 0, 30)}
    row = score(texts, "wire", "copy")
    assert (row["containment"], row["shared_shingles"]) == (1.0, 26)
    assert clusters(texts) == {"wire": "copy", "copy": "copy"}


def test_reheadlined_copy_clusters():
    # 5 new headline tokens + the first 60 wire tokens: 61 shingles, 56 inside the wire
    copy = words("h", 0, 5) + " " + words("w", 0, 60)
    texts = {"wire": WIRE, "copy": copy}
    row = score(texts, "wire", "copy")
    assert row["shared_shingles"] == 56
    assert row["containment"] == pytest.approx(56 / 61, abs=1e-4)
    assert clusters(texts)["wire"] == clusters(texts)["copy"]


def test_mixed_copy_joins_the_wire_but_not_the_other_source():
    # 60 wire tokens + 40 tokens of another article: 96 shingles;
    # 56 are the wire's (56/96 = 0.58), 36 the other article's (36/96 = 0.375)
    other = words("o", 0, 100)
    mixed = words("w", 0, 60) + " " + words("o", 0, 40)
    texts = {"wire": WIRE, "mixed": mixed, "other": other}
    assert score(texts, "wire", "mixed")["containment"] == pytest.approx(56 / 96, abs=1e-4)
    assert score(texts, "other", "mixed")["containment"] == pytest.approx(36 / 96, abs=1e-4)
    assert clusters(texts) == {"wire": "mixed", "mixed": "mixed", "other": "other"}


def test_mostly_foreign_mix_stays_apart():
    # 50 wire tokens + 50 of another source: 46/96 = 0.479 < 0.5
    mixed = words("w", 0, 50) + " " + words("o", 0, 50)
    assert score({"wire": WIRE, "mixed": mixed}, "wire", "mixed")["containment"] == pytest.approx(46 / 96, abs=1e-4)
    assert clusters({"wire": WIRE, "mixed": mixed}) == {"wire": "wire", "mixed": "mixed"}


def test_two_articles_quoting_the_same_statement_do_not_cluster():
    # the same 40-word statement inside two different 190- and 240-token articles:
    # 36 shared shingles, 36/186 = 0.19 of the smaller article
    quote = words("q", 0, 40)
    a = words("a", 0, 100) + " " + quote + " " + words("a", 100, 200)
    b = words("b", 0, 150) + " " + quote
    texts = {"a": a, "b": b}
    row = score(texts, "a", "b")
    assert row["shared_shingles"] == 36
    assert row["containment"] == pytest.approx(36 / 186, abs=1e-4)
    assert clusters(texts) == {"a": "a", "b": "b"}


def test_real_language_shared_statement_vs_syndicated_copy():
    statement = ('"Seluruh data penggunaan dikumpulkan atas izin dan persetujuan yang diberikan pengguna '
                 'secara eksplisit. Seluruh proses itu juga kami anonimkan dan enkripsi," ungkap Xiaomi.')
    wire = ("Jakarta (KBN) - Xiaomi membantah laporan Forbes yang menyebut ponsel dan perambannya merekam "
            "aktivitas penjelajahan pengguna, termasuk ketika mode penyamaran aktif. " + statement +
            " Soal tudingan bahwa data dikirim ke server di Singapura dan Rusia, Xiaomi menyebut pihaknya "
            "memakai layanan cloud publik yang lazim digunakan di industri. Data pengguna di luar China, "
            "kata perusahaan itu, disimpan di server yang berada di sejumlah pasar luar negeri.")
    # same wire, new dateline and headline, last sentence cut, quotes curled
    copy = ("Dituding Rekam Data, Xiaomi: Forbes Salah Paham. KABARNUSANTARA - Xiaomi membantah laporan "
            "Forbes yang menyebut ponsel dan perambannya merekam aktivitas penjelajahan pengguna, termasuk "
            "ketika mode penyamaran aktif. " + statement.replace('"', "“", 1).replace(',"', ",”") +
            " Soal tudingan bahwa data dikirim ke server di Singapura dan Rusia, Xiaomi menyebut pihaknya "
            "memakai layanan cloud publik yang lazim digunakan di industri.")
    # an independent article that quotes the same statement
    other = ("Jakarta - Xiaomi Indonesia angkat bicara soal tudingan bahwa ponsel buatannya merekam "
             "aktivitas pengguna secara diam-diam. Head of Public Relations Xiaomi Indonesia mengatakan "
             "bahwa pengumpulan data dilakukan atas persetujuan pengguna dan tidak menyasar identitas "
             "pribadi. Ia menambahkan, pihaknya mengikuti aturan yang berlaku di setiap negara. Pernyataan "
             "senada disampaikan Xiaomi secara global melalui blog resmi perusahaan. " + statement +
             " Menurut Xiaomi, data yang dikumpulkan dipakai untuk analisis internal, misalnya untuk "
             "mengetahui fitur mana yang paling sering dipakai dan mendeteksi aplikasi yang sering mogok.")
    got = clusters({"wire": wire, "copy": copy, "other": other})
    assert got == {"wire": "copy", "copy": "copy", "other": "other"}


def test_chains_are_joined_transitively():
    # a~b (36 of a's 56 shingles in b: 0.64) and b~c (c lies inside b: 1.0); a and c share nothing
    a = words("w", 0, 60)
    b = words("w", 20, 60) + " " + words("x", 0, 40)
    c = words("x", 0, 40)
    texts = {"a": a, "b": b, "c": c}
    assert score(texts, "a", "b")["containment"] == pytest.approx(36 / 56, abs=1e-4)
    assert score(texts, "b", "c")["containment"] == 1.0
    assert clusters(texts) == {"a": "a", "b": "a", "c": "a"}
    assert clusters({"a": a, "c": c}) == {"a": "a", "c": "c"}


def test_empty_and_short_texts_are_singletons():
    texts = {"e1": "", "e2": "", "n": None, "snippet": words("w", 10, 16), "wire": WIRE}
    df = pd.DataFrame({"id": list(texts), "text": list(texts.values())})
    got = dict(zip(df["id"], assign_clusters(df)))
    # the 6-token snippet lies inside the wire (containment 1) but shares only 2 shingles
    assert got == {"e1": "e1", "e2": "e2", "n": "n", "snippet": "snippet", "wire": "wire"}
    assert clusters({"snippet": words("w", 10, 16), "wire": WIRE}, min_shared=2) == {
        "snippet": "snippet", "wire": "snippet"}


def test_cluster_ids_are_smallest_id_and_independent_of_row_order():
    texts = {"id_zeta": WIRE, "id_alpha": words("w", 0, 50), "en_other": words("o", 0, 80),
             "id_mid": words("w", 20, 100)}
    df = pd.DataFrame({"id": list(texts), "text": list(texts.values())}, index=[10, 11, 12, 13])
    first = assign_clusters(df)
    assert list(first.index) == [10, 11, 12, 13]
    assert first.name == "cluster_id"
    assert first.to_dict() == {10: "id_alpha", 11: "id_alpha", 12: "en_other", 13: "id_alpha"}
    shuffled = df.sample(frac=1, random_state=3)
    again = assign_clusters(shuffled)
    assert again.sort_index().to_dict() == first.to_dict()


def test_custom_columns_and_threshold():
    df = pd.DataFrame({"article_id": ["x", "y"], "body": [WIRE, words("w", 0, 50) + " " + words("o", 0, 50)]})
    assert assign_clusters(df, id_col="article_id", text_col="body").tolist() == ["x", "y"]  # 0.479
    assert assign_clusters(df, id_col="article_id", text_col="body", min_containment=0.45).tolist() == ["x", "x"]


def test_pair_scores_columns_and_order():
    texts = {"b": WIRE, "a": words("w", 0, 30), "c": words("w", 0, 60) + " " + words("o", 0, 40)}
    s = pair_scores(pd.DataFrame({"id": list(texts), "text": list(texts.values())}))
    assert list(s.columns) == ["id_a", "id_b", "containment", "shared_shingles"]
    assert s[["id_a", "id_b"]].values.tolist() == [["a", "b"], ["a", "c"], ["b", "c"]]
    assert s["containment"].tolist() == [1.0, 1.0, round(56 / 96, 4)]


def test_bad_input_names_the_problem():
    with pytest.raises(StudyError, match="text"):
        assign_clusters(pd.DataFrame({"id": ["a"], "body": ["x"]}))
    with pytest.raises(StudyError, match="repeat"):
        assign_clusters(pd.DataFrame({"id": ["a", "a"], "text": [WIRE, WIRE]}))
    empty = assign_clusters(pd.DataFrame({"id": [], "text": []}))
    assert empty.empty
