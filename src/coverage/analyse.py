"""Analyse stage: articles -> quotes.csv, citations.csv, frames.csv (+ frame_sentences.csv).

Only languages with full analysis (config.ANALYSED_LANGUAGES) are coded; articles in other
languages stay in articles.csv and are reported as collected but not coded.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from . import atomic
from .config import ANALYSED_LANGUAGES, RunPaths
from .errors import StudyError

QUOTE_COLUMNS = ["article_id", "kind", "speaker", "speaker_type", "cue", "quote", "start", "end"]
CITATION_COLUMNS = ["article_id", "cited", "cue"]


def read_articles(paths: RunPaths) -> pd.DataFrame:
    """The articles table of a run, text as str (empty texts stay empty strings)."""
    if not paths.articles_csv.is_file():
        raise StudyError(f"{paths.articles_csv}: no articles table; run `python -m coverage extract --out {paths.out}` first")
    return pd.read_csv(paths.articles_csv, dtype=str, keep_default_na=False)


def _per_article(articles: pd.DataFrame, fn, columns: list[str]) -> pd.DataFrame:
    """Apply ``fn(text, lang) -> list[dict]`` to every analysed article and stack the records."""
    coded = articles[articles["language"].isin(ANALYSED_LANGUAGES)]
    frames = [
        pd.DataFrame(fn(row.text, row.language)).assign(article_id=row.id)
        for row in coded.itertuples(index=False)
    ]
    records = pd.concat([f for f in frames if not f.empty], ignore_index=True) if frames else pd.DataFrame()
    return records.reindex(columns=columns)


def quote_table(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per quote: article_id, kind, speaker, speaker_type, cue, quote, start, end."""
    from .quotes import extract_quotes

    return _per_article(articles, extract_quotes, QUOTE_COLUMNS)


def citation_table(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per cited outlet per article: article_id, cited, cue (first cue that names it)."""
    from .citations import citation_records

    rows = _per_article(articles, citation_records, CITATION_COLUMNS)
    return rows.drop_duplicates(["article_id", "cited"]).reset_index(drop=True)


def analyse_run(out: str | Path) -> dict[str, pd.DataFrame]:
    """Code every article of the run in ``out``; write and return the derived tables."""
    from .frames import frame_table, sentence_table

    paths = RunPaths.at(out)
    articles = read_articles(paths)
    tables = {
        "quotes": (quote_table(articles), paths.quotes),
        "citations": (citation_table(articles), paths.citations),
        "frames": (frame_table(articles), paths.frames),
        "frame_sentences": (sentence_table(articles), paths.frame_sentences),
    }
    for df, path in tables.values():
        atomic.write_csv(df, path)
    return {name: df for name, (df, _) in tables.items()}
