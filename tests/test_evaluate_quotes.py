"""Scoring quote extraction against hand-coded gold (coverage.evaluate_quotes)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from coverage.config import ROOT
from coverage.errors import StudyError
from coverage.evaluate_quotes import evaluate_quotes, load_gold, match_spans, overlap_ratio, same_speaker

DEMO_GOLD = ROOT / "data" / "gold" / "quotes_demo.jsonl"

EN_TEXT = ('"We take privacy seriously," Xiaomi said. The weather was fine. Cirlig said the data was not encrypted.\n'
           '"It is a backdoor," he said, according to Forbes.')
ID_TEXT = "“Kami kecewa,” kata Xiaomi.\nMenurut Xiaomi, data pengguna dienkripsi dan dianonimkan."


def write_gold(path: Path, articles: list[dict]) -> Path:
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
    return path


def tiny_gold(tmp_path: Path) -> Path:
    """Two articles whose automatic coding is known (see the comments for what it finds)."""
    wide_start = EN_TEXT.index("The weather")
    wide_end = EN_TEXT.index("encrypted") + len("encrypted")
    en = {"id": "en1", "lang": "en", "text": EN_TEXT, "cited": ["Forbes", "CNET"], "quotes": [
        # found as is
        {"quote": "We take privacy seriously", "speaker": "Xiaomi", "speaker_type": "company", "cue": "say", "kind": "direct"},
        # the extractor finds only "the data was not encrypted" (26 of these 60 characters):
        # a match at "any" overlap, not at 0.5
        {"quote": EN_TEXT[wide_start:wide_end], "speaker": "Gabi Cirlig", "speaker_type": "researcher", "cue": "said",
         "kind": "indirect", "start": wide_start, "end": wide_end},
        # found, but the gold says another speaker (the extractor resolves "he" to Cirlig)
        {"quote": "It is a backdoor", "speaker": "Andrew Tierney", "speaker_type": "researcher", "cue": "say", "kind": "direct"},
    ]}
    idn = {"id": "id1", "lang": "id", "text": ID_TEXT, "cited": [], "quotes": [
        {"quote": "Kami kecewa", "speaker": "Xiaomi", "speaker_type": "company", "cue": "katanya", "kind": "direct"},
        # an alias of Xiaomi (speaker agrees); the cue does not (extractor: menurut)
        {"quote": "data pengguna dienkripsi dan dianonimkan", "speaker": "Xiaomi Indonesia", "speaker_type": "company",
         "cue": "ujar", "kind": "indirect"},
    ]}
    return write_gold(tmp_path / "gold.jsonl", [en, idn])


def value(df, lang, measure, match):
    row = df[(df["lang"] == lang) & (df["measure"] == measure) & (df["match"] == match)]
    assert len(row) == 1, (lang, measure, match)
    return row.iloc[0]


def test_overlap_ratio_is_shared_over_longer():
    assert overlap_ratio((0, 10), (0, 10)) == 1.0
    assert overlap_ratio((0, 10), (5, 25)) == 5 / 20
    assert overlap_ratio((0, 10), (10, 20)) == 0.0
    assert overlap_ratio((0, 60), (34, 60)) == pytest.approx(26 / 60)


def test_matching_is_one_to_one_and_greedy_by_overlap():
    gold = [(0, 10), (20, 30)]
    pred = [(0, 9), (5, 25), (21, 30)]
    assert match_spans(gold, pred, 0.0) == [(0, 0), (1, 2)]
    assert match_spans(gold, pred, 0.5) == [(0, 0), (1, 2)]
    assert match_spans([(0, 100)], [(0, 40), (40, 100)], 0.5) == [(0, 1)]
    assert match_spans([(0, 100)], [(0, 40)], 0.5) == []
    assert match_spans([(0, 100)], [(0, 40)], 0.0) == [(0, 0)]


def test_speaker_agreement():
    assert same_speaker("Xiaomi", "Xiaomi Indonesia")
    assert same_speaker("Gabi Cirlig", "Gabriel Cirlig")
    assert same_speaker("Andreas", "Andreas Wijaya")
    assert same_speaker("security researchers", "Researchers")
    assert not same_speaker("Xiaomi", "pemilik ponsel Xiaomi")
    assert not same_speaker("Gabi Cirlig", "Andrew Tierney")
    assert not same_speaker("", "Xiaomi")
    # an unlisted shorter form of a listed name (organisations.yml) agrees; added words do not
    assert same_speaker("Data Protection Commission", "Irish Data Protection Commission")
    assert same_speaker("Latitude Financial", "Latitude")
    assert not same_speaker("Xiaomi", "Xiaomi officials")
    assert not same_speaker("Live Nation Entertainment", "Live Nation officials")
    # a legal form or corporate suffix does not change who speaks (listed or not)
    assert same_speaker("Orbix Resorts International", "Orbix Resorts")
    assert same_speaker("Kestrel Pipeline Company", "Kestrel Pipeline")
    assert same_speaker("PT Nusa Data Tbk", "Nusa Data")
    assert same_speaker("Latitude Financial Group", "Latitude")
    assert not same_speaker("Orbix Group", "Kestrel Group")


def test_tiny_gold_scores_by_hand(tmp_path):
    df = evaluate_quotes(tiny_gold(tmp_path))
    assert list(df.columns) == ["lang", "measure", "match", "value", "k", "n"]
    assert set(df["lang"]) == {"en", "id", "all"}
    expect = {
        # (lang, measure, match): (k, n)
        ("en", "direct_precision", "any"): (2, 2), ("en", "direct_recall", "any"): (2, 2),
        ("en", "direct_f1", "any"): (4, 4),
        ("en", "quote_precision", "any"): (3, 3), ("en", "quote_recall", "any"): (3, 3),
        ("en", "speaker_accuracy", "any"): (2, 3), ("en", "speaker_type_accuracy", "any"): (3, 3),
        ("en", "cue_accuracy", "any"): (3, 3),
        ("en", "direct_speaker_accuracy", "any"): (1, 2), ("en", "direct_speaker_type_accuracy", "any"): (2, 2),
        ("en", "quote_precision", "0.5"): (2, 3), ("en", "quote_recall", "0.5"): (2, 3),
        ("en", "quote_f1", "0.5"): (4, 6), ("en", "speaker_accuracy", "0.5"): (1, 2),
        ("en", "cited_precision", "outlet"): (1, 1), ("en", "cited_recall", "outlet"): (1, 2),
        ("en", "cited_f1", "outlet"): (2, 3),
        ("id", "quote_precision", "0.5"): (2, 2), ("id", "speaker_accuracy", "0.5"): (2, 2),
        ("id", "cue_accuracy", "0.5"): (1, 2), ("id", "cited_f1", "outlet"): (0, 0),
        ("all", "direct_f1", "0.5"): (6, 6), ("all", "quote_precision", "0.5"): (4, 5),
        ("all", "quote_recall", "0.5"): (4, 5), ("all", "quote_f1", "0.5"): (8, 10),
        ("all", "speaker_accuracy", "0.5"): (3, 4), ("all", "cue_accuracy", "0.5"): (3, 4),
        ("all", "cited_recall", "outlet"): (1, 2),
    }
    for (lang, measure, match), (k, n) in expect.items():
        row = value(df, lang, measure, match)
        assert (row["k"], row["n"]) == (k, n), (lang, measure, match)
        if n:
            assert row["value"] == pytest.approx(k / n)
        else:
            assert math.isnan(row["value"])


def test_gold_quotes_are_located_without_offsets(tmp_path):
    text = "“Kami kecewa dengan\nlaporan itu,” kata Xiaomi."
    path = write_gold(tmp_path / "g.jsonl", [{"id": "a", "lang": "id", "text": text, "quotes": [
        {"quote": "Kami kecewa dengan laporan itu", "speaker": "Xiaomi", "speaker_type": "company", "kind": "direct"}]}])
    q = load_gold(path)[0]["quotes"][0]
    assert text[q["start"]:q["end"]] == "Kami kecewa dengan\nlaporan itu"
    assert q["cue"] == ""


@pytest.mark.parametrize("line,message", [
    ("{not json", "line 1: not valid JSON"),
    (json.dumps({"id": "a", "lang": "id", "quotes": []}), "missing field 'text'"),
    (json.dumps({"id": "a", "lang": "id", "text": "x y z", "quotes": [
        {"quote": "absent words", "speaker": "X", "speaker_type": "other", "kind": "direct"}]}), "is not in the text"),
    (json.dumps({"id": "a", "lang": "id", "text": "x y z", "quotes": [
        {"quote": "x", "speaker": "X", "speaker_type": "other", "kind": "quoted"}]}), "use direct or indirect"),
    (json.dumps({"id": "a", "lang": "id", "text": "x y z", "quotes": [
        {"quote": "x", "speaker": "X", "speaker_type": "other", "kind": "direct", "start": 3, "end": 99}]}), "outside the text"),
])
def test_bad_gold_files_name_the_line_and_the_fix(tmp_path, line, message):
    path = tmp_path / "bad.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(StudyError, match=message) as err:
        load_gold(path)
    assert str(path) in str(err.value)


def test_empty_gold_file_is_an_error(tmp_path):
    path = tmp_path / "empty.jsonl"
    path.write_text("\n", encoding="utf-8")
    with pytest.raises(StudyError, match="no articles"):
        load_gold(path)


# --- the demo gold sample: thresholds a reader can see -------------------------------------

THRESHOLDS = {
    ("direct_f1", "0.5"): 0.90,
    ("speaker_accuracy", "0.5"): 0.85,
    ("speaker_type_accuracy", "0.5"): 0.85,
    ("quote_f1", "0.5"): 0.80,
    ("cited_f1", "outlet"): 0.85,
}


def test_demo_gold_is_hand_coded_over_the_demo_corpus():
    gold = load_gold(DEMO_GOLD)
    assert {a["lang"] for a in gold} == {"id", "en"}
    assert len(gold) >= 20 and sum(len(a["quotes"]) for a in gold) >= 150
    assert any(not a["quotes"] for a in gold)  # an article with no quotes at all
    assert any(q["kind"] == "direct" and "\n" in a["text"][q["start"]:q["end"]] for a in gold for q in a["quotes"])


@pytest.mark.parametrize("lang", ["id", "en"])
def test_demo_gold_scores_meet_the_thresholds(lang):
    df = evaluate_quotes(DEMO_GOLD)
    for (measure, match), floor in THRESHOLDS.items():
        row = value(df, lang, measure, match)
        assert row["value"] >= floor, (lang, measure, row["value"])


def test_cli_evaluate_quotes_prints_the_table(tmp_path, capsys):
    from coverage.cli import main

    assert main(["evaluate", "quotes", "--gold", str(tiny_gold(tmp_path))]) == 0
    out = capsys.readouterr().out
    assert "direct_f1" in out and "cited_recall" in out
    assert main(["evaluate", "quotes", "--gold", str(tmp_path / "missing.jsonl")]) == 2


def test_spelling_variants_of_a_name_agree():
    assert same_speaker("Anas Ma’ruf", "Anas Maruf")
    assert same_speaker("Johnny G Plate", "Johnny G. Plate")
    assert not same_speaker("Anas Maruf", "Siti Nadia Tarmizi")


def test_cited_outlets_are_compared_loosely(tmp_path):
    text = "Berdasarkan laporan dari VPN Mentor, data bocor. Dikutip dari Merdeka, Sabtu, pelaku belum diketahui."
    art = {"id": "c1", "lang": "id", "text": text, "quotes": [], "cited": ["VPNMentor", "Merdeka.com"]}
    scores = evaluate_quotes(write_gold(tmp_path / "gold.jsonl", [art]))
    row = value(scores, "id", "cited_f1", "outlet")
    assert (row["k"], row["n"]) == (4, 4)


def test_speaker_names_agree_through_initials_and_one_letter_spellings():
    # "Gunawan A. Hartoyo" in one paragraph, "Gunawan Arief Hartoyo" in the gold file; writers
    # misspell names by a letter ("Fakrullah" / "Fakrulloh", "Hery" / "Herry")
    assert same_speaker("Gunawan Arief Hartoyo", "Gunawan A. Hartoyo")
    assert same_speaker("Zudan Arif Fakrulloh", "Zudan Arif Fakrullah")
    assert same_speaker("Herry Gunardi", "Hery")
    # but different people stay different
    assert not same_speaker("Andi Wirawan", "Andi Pratama")
    assert not same_speaker("Rina", "Rani Putri")
