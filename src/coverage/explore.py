"""The students' explorer (notebooks/explore.ipynb): filter the coded articles, read one with
its quotes and frame evidence highlighted, and watch the charts follow the filters.

The notebook only calls :func:`explorer`; the filtering and the highlighting are plain
functions here so tests reach them.
"""

from __future__ import annotations

import html
from pathlib import Path

import pandas as pd

from .config import FRAME_IDS, GROUPS, SPEAKER_TYPES, RunPaths
from .summary import VOICE_COLS, article_measures, load_run

ALL = "(all)"
# Okabe-Ito colours, lightened for a highlight background.
QUOTE_BG = "#cfe6f5"   # blue: a quote
FRAME_BG = "#fbe3b8"   # orange: a sentence coded with a frame
BOTH_BG = "#d9ead3"


def filter_articles(
    measures: pd.DataFrame,
    *,
    groups: list[str] | tuple[str, ...] | None = None,
    outlets: list[str] | tuple[str, ...] | None = None,
    frame: str | None = None,
    speaker_type: str | None = None,
) -> pd.DataFrame:
    """Rows of :func:`coverage.summary.article_measures` that pass every filter given.

    ``groups``/``outlets``: keep these (None or empty: all); ``frame``: articles coded with
    this frame; ``speaker_type``: articles quoting at least one speaker of this type.
    """
    keep = pd.Series(True, index=measures.index)
    if groups:
        keep &= measures["group"].isin(groups)
    if outlets:
        keep &= measures["outlet"].isin(outlets)
    if frame and frame != ALL:
        keep &= measures[frame].fillna(0).eq(1)
    if speaker_type and speaker_type != ALL:
        keep &= measures[f"voice_{speaker_type}"].fillna(0).eq(1)
    return measures[keep]


def highlight(text: str, quotes: pd.DataFrame, sentences: pd.DataFrame | None = None) -> str:
    """The article text as HTML, quotes and frame-coded sentences wrapped in ``<mark>``.

    ``quotes`` needs start, end, speaker, speaker_type, cue; ``sentences`` (frame evidence)
    needs start, end, frame and optionally matched. Overlaps are split into segments, each
    marked with every span that covers it (title attribute says which). Paragraph breaks
    become ``<br>``.
    """
    spans: list[tuple[int, int, str, str]] = []
    for r in quotes.itertuples(index=False):
        s, e = _int(r.start), _int(r.end)
        if s is not None and e is not None and 0 <= s < e <= len(text):
            spans.append((s, e, "quote", f"quote: {r.speaker or '?'} ({r.speaker_type}), cue '{r.cue}'"))
    if sentences is not None:
        for r in sentences.itertuples(index=False):
            s, e = _int(r.start), _int(r.end)
            frame = getattr(r, "frame", "")
            if frame and s is not None and e is not None and 0 <= s < e <= len(text):
                matched = getattr(r, "matched", "")
                spans.append((s, e, "frame", f"frame: {frame}" + (f" (matched: {matched})" if matched else "")))
    cuts = sorted({0, len(text), *[s for s, *_ in spans], *[e for _, e, *_ in spans]})
    parts = []
    for a, b in zip(cuts, cuts[1:]):
        seg = html.escape(text[a:b]).replace("\n", "<br>\n")
        cover = [sp for sp in spans if sp[0] <= a and b <= sp[1]]
        if not cover:
            parts.append(seg)
            continue
        kinds = {k for _, _, k, _ in cover}
        bg = BOTH_BG if kinds == {"quote", "frame"} else (QUOTE_BG if "quote" in kinds else FRAME_BG)
        title = html.escape("; ".join(dict.fromkeys(t for *_, t in cover)), quote=True)
        parts.append(f'<mark class="{" ".join(sorted(kinds))}" style="background:{bg}" title="{title}">{seg}</mark>')
    return "".join(parts)


def _int(x) -> int | None:
    try:
        return int(float(x))
    except (TypeError, ValueError):
        return None


def article_view(tables: dict[str, pd.DataFrame], article_id: str, sentences: pd.DataFrame | None = None) -> str:
    """One article as HTML: header (outlet, date, group, language, cluster), highlighted text, its quotes and frames."""
    a = tables["articles"].set_index("id").loc[article_id]
    q = tables["quotes"][tables["quotes"]["article_id"] == article_id]
    s = None
    if sentences is not None and "article_id" in sentences.columns:
        s = sentences[(sentences["article_id"] == article_id) & (sentences["frame"].astype(str) != "")]
    f = tables["frames"][tables["frames"]["article_id"] == article_id]
    frames = [c for c in FRAME_IDS if c in f.columns and not f.empty and str(f.iloc[0][c]) in ("1", "1.0")]
    e = html.escape
    legend = (f'<span style="background:{QUOTE_BG}">quote</span> '
              f'<span style="background:{FRAME_BG}">frame evidence</span> '
              f'<span style="background:{BOTH_BG}">both</span> (hover for details)')
    quote_rows = "".join(
        f"<tr><td>{e(str(r.kind))}</td><td>{e(str(r.speaker))}</td><td>{e(str(r.speaker_type))}</td>"
        f"<td>{e(str(r.cue))}</td></tr>" for r in q.itertuples(index=False)
    )
    return (
        f"<h3>{e(a['title'] or article_id)}</h3>"
        f"<p><b>{e(a['outlet'])}</b> · {e(a['published'] or 'date unknown')} · {e(a['group'])} · "
        f"language {e(a['language'])} · cluster {e(a['cluster_id'])} · {e(str(a['n_words']))} words · "
        f"<a href=\"{e(a['url'])}\" target=\"_blank\">source</a></p>"
        f"<p>Frames: {e(', '.join(frames) or 'none')}</p><p style=\"font-size:90%\">{legend}</p>"
        f"<div style=\"max-height:28em;overflow:auto;border:1px solid #ddd;padding:.5em;line-height:1.5\">"
        f"{highlight(a['text'], q, s)}</div>"
        f"<table><tr><th>kind</th><th>speaker</th><th>type</th><th>cue</th></tr>{quote_rows}</table>"
    )


def charts(measures: pd.DataFrame, title_suffix: str = "") -> list[tuple]:
    """The headline charts (notebook 05's) for the filtered articles: frames, voices and relayed
    accounts by group, each share with its 95% Wilson interval and its k/n.

    Returns (figure, plotted numbers) pairs, as :func:`coverage.plots.bar_with_intervals` does."""
    from .compare import prevalence_by_group
    from .plots import bar_with_intervals
    from .summary import measure_labels, relayed_accounts

    xlabel = "share of coded articles (%), 95% Wilson interval"
    labels = measure_labels()
    frames = prevalence_by_group(measures, [f for f in FRAME_IDS if f in measures.columns])
    voices = prevalence_by_group(measures, VOICE_COLS)
    return [
        bar_with_intervals(frames, category="value", category_labels=labels,
                           title=f"Frames{title_suffix}", xlabel=xlabel),
        bar_with_intervals(voices, category="value", category_labels=labels,
                           title=f"Voices quoted{title_suffix}", xlabel=xlabel),
        bar_with_intervals(relayed_accounts(measures), category="account",
                           title=f"Whose account is relayed{title_suffix}", xlabel=xlabel),
    ]


class Explorer:
    """The interactive explorer for one run: filters, live charts, an article reader.

    Jupyter displays it as its widget (``.widget``); the controls are attributes so code
    (and tests) can set filters: ``group``, ``outlet``, ``frame``, ``speaker``, ``article``.
    """

    def __init__(self, out: str | Path):
        import ipywidgets as w

        paths = RunPaths.at(out)
        self.tables = load_run(paths.out)
        t = self.tables
        self.measures = article_measures(t["articles"], t["quotes"], t["citations"], t["frames"])
        self.sentences = (pd.read_csv(paths.frame_sentences, dtype=str, keep_default_na=False)
                          if paths.frame_sentences.is_file() else None)
        m = self.measures
        self.group = w.SelectMultiple(options=[g for g in GROUPS if g in set(m["group"])], description="Group",
                                      rows=2, layout=w.Layout(width="24em"))
        self.outlet = w.SelectMultiple(options=sorted(set(m["outlet"])), description="Outlet", rows=6,
                                       layout=w.Layout(width="24em"))
        self.frame = w.Dropdown(options=[ALL, *[f for f in FRAME_IDS if f in m.columns]], description="Frame")
        self.speaker = w.Dropdown(options=[ALL, *SPEAKER_TYPES], description="Speaker")
        self.article = w.Select(options=[], description="Article", rows=10, layout=w.Layout(width="44em"))
        self.count = w.HTML()
        self.chart = w.Output()
        self.reader = w.HTML()
        for control in (self.group, self.outlet, self.frame, self.speaker):
            control.observe(self.refresh, names="value")
        self.article.observe(self.show_article, names="value")
        from .plots import is_demo_run, source_note

        # Students must never take the demo's synthetic numbers for findings.
        banner = w.HTML(f"<p style=\"background:#fff4e5;padding:.4em\"><b>{html.escape(source_note(paths.out))}</b></p>"
                        if is_demo_run(paths.out) else f"<p><small>{html.escape(source_note(paths.out))}; "
                        f"run folder {html.escape(paths.out.name)}</small></p>")
        hint = w.HTML("<small>Hold Ctrl (Cmd on a Mac) to pick several groups or outlets; none picked means all.</small>")
        self.widget = w.VBox([
            banner,
            w.HBox([w.VBox([self.group, self.outlet, hint]), w.VBox([self.frame, self.speaker, self.count])]),
            self.chart, self.article, self.reader,
        ])
        self.refresh()

    def selected(self) -> pd.DataFrame:
        """The articles that pass the current filters."""
        return filter_articles(self.measures, groups=list(self.group.value), outlets=list(self.outlet.value),
                               frame=self.frame.value, speaker_type=self.speaker.value)

    def refresh(self, *_) -> None:
        """Re-filter: count, article list and charts follow the controls."""
        import matplotlib.pyplot as plt
        from IPython.display import HTML, display

        sel = self.selected()
        self.count.value = f"<b>{len(sel)}</b> of {len(self.measures)} articles match"
        self.article.options = [(f"{r.id} · {r.outlet} · {r.published or 'date unknown'}", r.id)
                                for r in sel.itertuples(index=False)]
        with self.chart:
            self.chart.clear_output(wait=True)
            self.chart_data = []
            if len(sel):
                for fig, data in charts(sel, f" (n = {len(sel)} articles)"):
                    self.chart_data.append(data)  # what the charts show now (tests read it)
                    display(fig)
                    plt.close(fig)
            else:
                display(HTML("<p>No article matches these filters.</p>"))

    def show_article(self, change) -> None:
        """Show the picked article with its quotes and frame evidence highlighted."""
        self.reader.value = article_view(self.tables, change["new"], self.sentences) if change["new"] else ""

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


def explorer(out: str | Path) -> Explorer:
    """The explorer for the run in ``out`` (display it in JupyterLab: make it the cell's last line)."""
    return Explorer(out)
