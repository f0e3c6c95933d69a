"""Analyse stage: articles -> quotes.csv, citations.csv, frames.csv (+ frame_sentences.csv).

Only languages with full analysis (config.ANALYSED_LANGUAGES) are coded; articles in other
languages stay in articles.csv and are reported as collected but not coded.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from . import atomic
from .config import ANALYSED_LANGUAGES, RunPaths
from .errors import StudyError

# the contract's columns first; role (the speaker's title as written, e.g. "peneliti keamanan
# siber") is extra, kept so a reader can audit how an unnamed speaker was typed
QUOTE_COLUMNS = ["article_id", "kind", "speaker", "speaker_type", "cue", "quote", "start", "end", "role"]
CITATION_COLUMNS = ["article_id", "cited", "cue"]


def read_articles(paths: RunPaths) -> pd.DataFrame:
    """The articles table of a run, text as str (empty texts stay empty strings).

    A table written before the ``credits`` column existed reads with empty credits.
    """
    if not paths.articles_csv.is_file():
        raise StudyError(f"{paths.articles_csv}: no articles table; run `python -m coverage extract --out {paths.out}` first")
    articles = pd.read_csv(paths.articles_csv, dtype=str, keep_default_na=False)
    return articles if "credits" in articles else articles.assign(credits="")


def _per_article(articles: pd.DataFrame, fn, columns: list[str]) -> pd.DataFrame:
    """Apply ``fn(row) -> list[dict]`` to every analysed article's row and stack the records."""
    coded = articles[articles["language"].isin(ANALYSED_LANGUAGES)]
    frames = [
        pd.DataFrame(fn(row)).assign(article_id=row.id)
        for row in coded.itertuples(index=False)
    ]
    found = [f for f in frames if not f.empty]
    records = pd.concat(found, ignore_index=True) if found else pd.DataFrame()
    return records.reindex(columns=columns)


def quote_table(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per quote: article_id, kind, speaker, speaker_type, cue, quote, start, end, role."""
    from .quotes import extract_quotes

    return _per_article(articles, lambda row: extract_quotes(row.text, row.language), QUOTE_COLUMNS)


def citation_table(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per cited outlet per article: article_id, cited, cue (first cue that names it).

    The article's text and its credits ("Sumber: Antara", read after the text) are both
    read. An outlet naming itself ("kata Antara" in an Antara story) is not a citation.
    """
    from .citations import citation_records

    def cites(row) -> list[dict]:
        return citation_records("\n".join(filter(None, (row.text, row.credits))), row.language, outlet=row.outlet)

    rows = _per_article(articles, cites, CITATION_COLUMNS)
    return rows.drop_duplicates(["article_id", "cited"]).reset_index(drop=True)


TABLES = ("quotes", "citations", "frames", "frame_sentences")


def analyse_run(out: str | Path, tables: Iterable[str] = TABLES) -> dict[str, pd.DataFrame]:
    """Code every article of the run in ``out``; write and return the derived tables.

    ``tables`` picks a subset (a notebook codes only what it shows), in any order; each
    table is written atomically to its contract path, so the same articles and codebooks
    give the same bytes whichever entry point wrote them.
    """
    from .frames import frame_table, sentence_table

    unknown = sorted(set(tables) - set(TABLES))
    if unknown:
        raise StudyError(f"analyse_run: unknown table(s) {unknown}; choose from {list(TABLES)}")
    paths = RunPaths.at(out)
    articles = read_articles(paths)
    makers = {
        "quotes": (quote_table, paths.quotes),
        "citations": (citation_table, paths.citations),
        "frames": (frame_table, paths.frames),
        "frame_sentences": (sentence_table, paths.frame_sentences),
    }
    done = {}
    for name in (t for t in TABLES if t in set(tables)):
        make, path = makers[name]
        done[name] = make(articles)
        atomic.write_csv(done[name], path)
    return done
