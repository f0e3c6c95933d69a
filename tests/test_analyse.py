"""The analyse stage: articles.csv in, quotes/citations/frames tables out (contract columns)."""

from __future__ import annotations

import stat

import pandas as pd
import pytest

from coverage import atomic
from coverage.analyse import QUOTE_COLUMNS, analyse_run
from coverage.config import FRAME_IDS, RunPaths
from coverage.errors import StudyError

# synthetic articles written for this test; one per language, plus one language not coded
ARTICLES = [
    {"id": "syn-id", "outlet": "Antara", "language": "id", "group": "indonesia",
     "text": ("Xiaomi membantah laporan Forbes. \"Kami tidak merekam riwayat penjelajahan pengguna,\" "
              "kata juru bicara Xiaomi Indonesia Agus Salim. Kata Antara, bantahan itu terbit Sabtu. "
              "Dilansir dari Forbes, peramban Mi Browser merekam situs yang dikunjungi pengguna.")},
    {"id": "syn-en", "outlet": "The Verge", "language": "en", "group": "international",
     "text": ("\"It's a backdoor with phone functionality,\" security researcher Gabi Cirlig told Forbes. "
              "The Verge could not verify the claim.")},
    {"id": "syn-fr", "outlet": "Le Monde", "language": "fr", "group": "international",
     "text": "\"Nous ne vendons pas de données,\" a dit Xiaomi."},
]


@pytest.fixture()
def run_dir(tmp_path):
    paths = RunPaths.at(tmp_path)
    cols = ["id", "url", "outlet", "country", "language", "group", "title", "published", "authors",
            "text", "n_words", "extractor", "html_sha256", "cluster_id"]
    df = pd.DataFrame(ARTICLES).reindex(columns=cols).fillna("")
    atomic.write_csv(df, paths.articles_csv)
    return tmp_path


def test_credits_are_read_with_the_text(run_dir):
    # the fixture's table predates the credits column (read as empty); a newer one carries it
    paths = RunPaths.at(run_dir)
    df = pd.read_csv(paths.articles_csv, dtype=str, keep_default_na=False)
    df.insert(df.columns.get_loc("text") + 1, "credits", ["Sumber: GSMArena", "", ""])
    atomic.write_csv(df, paths.articles_csv)
    citations = analyse_run(run_dir, tables=["citations"])["citations"]
    cited = citations.groupby("article_id")["cited"].apply(set)
    assert cited["syn-id"] == {"Forbes", "GSMArena"}
    assert cited["syn-en"] == {"Forbes"}


def test_analyse_writes_contract_tables(run_dir):
    tables = analyse_run(run_dir)
    paths = RunPaths.at(run_dir)
    quotes = pd.read_csv(paths.quotes, dtype=str, keep_default_na=False)
    assert list(quotes.columns) == QUOTE_COLUMNS
    # the French article is collected but not coded
    assert set(quotes["article_id"]) == {"syn-id", "syn-en"}
    by_article = quotes[quotes["kind"] == "direct"].set_index("article_id")
    assert by_article.loc["syn-id", "speaker"] == "Agus Salim"
    assert by_article.loc["syn-id", "speaker_type"] == "company"
    assert by_article.loc["syn-id", "role"] == "juru bicara Xiaomi Indonesia"
    assert by_article.loc["syn-en", "speaker"] == "Gabi Cirlig"

    citations = pd.read_csv(paths.citations, dtype=str)
    assert list(citations.columns) == ["article_id", "cited", "cue"]
    pairs = set(zip(citations["article_id"], citations["cited"]))
    # Forbes is cited by both; Antara naming itself is not a citation
    assert ("syn-id", "Forbes") in pairs and ("syn-en", "Forbes") in pairs
    assert ("syn-id", "Antara") not in pairs

    frames = pd.read_csv(paths.frames)
    assert {*FRAME_IDS, *(f"{f}_intensity" for f in FRAME_IDS), "article_id", "codebook_version"} <= set(frames.columns)
    assert set(tables) == {"quotes", "citations", "frames", "frame_sentences"}


def test_analyse_subset_writes_only_what_is_asked(run_dir):
    tables = analyse_run(run_dir, tables=["citations", "quotes"])
    paths = RunPaths.at(run_dir)
    assert list(tables) == ["quotes", "citations"]
    assert paths.quotes.is_file() and paths.citations.is_file()
    assert not paths.frames.exists()
    with pytest.raises(StudyError, match="unknown table.*'quote'"):
        analyse_run(run_dir, tables=["quote"])


def test_analyse_without_articles_says_which_command_to_run(tmp_path):
    with pytest.raises(StudyError, match="no articles table; run `python -m coverage extract"):
        analyse_run(tmp_path)


def test_atomic_files_are_readable_by_others(tmp_path):
    path = atomic.write_text(tmp_path / "a" / "x.csv", "a,b\n")
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert path.read_text() == "a,b\n"
    assert [p.name for p in path.parent.iterdir()] == ["x.csv"]  # no temp file left


def test_cli_analyse_prints_row_counts(run_dir, capsys):
    from coverage.cli import main

    assert main(["analyse", "--out", str(run_dir)]) == 0
    printed = capsys.readouterr().out
    quotes = pd.read_csv(RunPaths.at(run_dir).quotes)
    assert f"quotes: {len(quotes)} rows" in printed and "frames: 3 rows" in printed


def test_a_corpus_without_quotes_or_citations_gives_empty_tables_with_headers(tmp_path):
    paths = RunPaths.at(tmp_path)
    cols = ["id", "url", "outlet", "country", "language", "group", "title", "published", "authors",
            "text", "n_words", "extractor", "html_sha256", "cluster_id"]
    plain = {"id": "syn-plain", "outlet": "Contoh", "language": "id", "group": "indonesia",
             "text": "Pembaruan peramban tersedia mulai pekan ini untuk semua pengguna."}
    atomic.write_csv(pd.DataFrame([plain]).reindex(columns=cols).fillna(""), paths.articles_csv)
    tables = analyse_run(tmp_path, tables=["quotes", "citations"])
    assert tables["quotes"].empty and tables["citations"].empty
    assert paths.quotes.read_text().strip() == ",".join(QUOTE_COLUMNS)
    assert paths.citations.read_text().strip() == "article_id,cited,cue"


def test_voices_and_frames_count_the_same_coded_articles(run_dir):
    """An article whose text could not be extracted is coded neither for quotes nor for frames."""
    from coverage.frames import frame_table
    from coverage.quotes import voice_table

    paths = RunPaths.at(run_dir)
    articles = pd.read_csv(paths.articles_csv, dtype=str, keep_default_na=False)
    empty = articles.iloc[[0]].assign(id="syn-empty", text="")
    articles = pd.concat([articles, empty], ignore_index=True)
    tables = analyse_run(run_dir, tables=["quotes"])
    voiced = set(voice_table(tables["quotes"], articles)["article_id"])
    frames = frame_table(articles)
    assert voiced == set(frames.loc[frames["coded"] == 1, "article_id"]) == {"syn-id", "syn-en"}
