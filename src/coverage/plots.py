"""The study's figures: one style, one saver, a few common charts.

Every figure is saved three ways by :func:`save_figure`: ``<name>.png``, ``<name>.svg`` and
``<name>.csv`` (exactly the numbers it plots, so a reader can check the chart without running
anything), each written atomically and byte-identical when the inputs have not changed
(matplotlib stamps the software version into PNGs and a date and random ids into SVGs by
default; the saver and ``coverage.mplstyle`` fix both). The figure's name, caption and the
notebook that made it are recorded in ``figures.json`` beside the files, from which the run
writes ``figures/README.md``.

Typical use in a notebook::

    from coverage import plots
    plots.use_style()
    fig, data = plots.bar_with_intervals(table, category="speaker_type", group="group",
                                         k="k", n="n", title="Who is quoted", xlabel="share of articles (%)")
    plots.save_figure(fig, data, "voices", paths.figures, caption="...", notebook="05_compare",
                      source_note=plots.source_note(paths.out))
"""

from __future__ import annotations

import io
import json
import re
import textwrap
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

import numpy as np
import pandas as pd

from . import atomic
from .errors import StudyError

if TYPE_CHECKING:  # pragma: no cover - typing only
    from matplotlib.figure import Figure

STYLE_FILE = "coverage.mplstyle"
INDEX_FILE = "figures.json"
NOTE_GID = "coverage-source-note"
DEMO_NOTE = "Source: synthetic demo corpus (written for testing; not real coverage)"
# Okabe & Ito (2008), as in the style file; groups keep the same colour in every chart.
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999")
GROUP_COLOURS = {"indonesia": "#D55E00", "international": "#0072B2"}
GROUP_LABELS = {"indonesia": "Indonesian outlets", "international": "International outlets"}
# The two events that drove the story, for every chart over time (one definition for all notebooks).
EVENTS = {"2020-04-30": "Forbes report", "2020-05-01": "Xiaomi's blog reply"}


def style_path() -> Path:
    """The package's style file (shipped as package data)."""
    return Path(str(resources.files("coverage") / STYLE_FILE))


def use_style() -> None:
    """Apply the study's figure style (fonts, colour-blind-safe cycle, sizes, byte-stable SVG)."""
    import matplotlib.pyplot as plt

    plt.style.use(str(style_path()))


def _savefig_dpi() -> float:
    """The style file's savefig.dpi, read from the file so a notebook's rc changes cannot alter it."""
    for line in style_path().read_text(encoding="utf-8").splitlines():
        key, _, value = line.partition(":")
        if key.strip() == "savefig.dpi":
            return float(value.split("#")[0])
    return 150.0


def source_note(out: str | Path | None = None, *, n: int | None = None, unit: str = "articles") -> str:
    """The figure's source line for the run in ``out``.

    The synthetic demo corpus (every registry URL on a reserved ``.example`` host, or every
    row's notes saying "synthetic") is named as such, so a demo figure is never taken for
    a finding. ``n`` adds "n = N <unit>".
    """
    note = "Source: news coverage of the Xiaomi data-collection story (2020), study registry"
    if out is not None and is_demo_run(out):
        note = DEMO_NOTE
    if n is not None:
        note += f"; n = {n} {unit}"
    return note


def is_demo_run(out: str | Path) -> bool:
    """Whether the run in ``out`` was made from the synthetic demo corpus (see :func:`source_note`)."""
    from urllib.parse import urlsplit

    from .config import RunPaths

    path = RunPaths.at(out).sources
    if not path.is_file():
        return False
    reg = pd.read_csv(path, dtype=str, keep_default_na=False)
    if reg.empty:
        return False
    hosts = reg.get("url", pd.Series([""] * len(reg))).map(lambda u: (urlsplit(u).hostname or ""))
    notes = reg.get("notes", pd.Series([""] * len(reg))).str.lower()
    return bool(hosts.str.endswith(".example").all() or notes.str.contains("synthetic").all())


def _check_labels(fig: "Figure", name: str) -> None:
    """Every figure has a title and every axes at least one axis label (with its unit)."""
    axes = [ax for ax in fig.get_axes() if ax.get_visible() and ax.axison]
    titled = bool(fig._suptitle and fig._suptitle.get_text()) or any(
        ax.get_title(loc) for ax in axes for loc in ("left", "center", "right")
    )
    if not titled:
        raise StudyError(f"figure {name!r}: no title; give it one with ax.set_title(...) or fig.suptitle(...)")
    for ax in axes:
        if not (ax.get_xlabel() or ax.get_ylabel()):
            raise StudyError(
                f"figure {name!r}: an axes has no axis label; label the measured axis with its unit, "
                "e.g. ax.set_xlabel('share of articles (%)')"
            )


_N = re.compile(r"\bn\s*=\s*\d")


def _check_n(fig: "Figure", name: str) -> None:
    """Some text on the figure (title, legend, labels or source note) gives its n."""
    from matplotlib.text import Text

    if not any(_N.search(t.get_text()) for t in fig.findobj(Text)):
        raise StudyError(
            f"figure {name!r}: no n on the figure; give it in the source note "
            "(plots.source_note(out, n=len(articles))) or the title, e.g. '(n = 120 articles)'"
        )


def _note_for(out_dir: Path, note: str | None) -> str:
    """The source note to print: the caller's, or the run's own; a demo run's always names the demo."""
    run = Path(out_dir).parent  # save_figure writes into DIR/figures
    if note is None:
        return source_note(run)
    if is_demo_run(run) and "synthetic demo corpus" not in note:
        return f"{DEMO_NOTE}. {note}"
    return note


def _add_source_note(fig: "Figure", note: str) -> None:
    """Write the source note in the bottom-left corner (replacing an earlier one)."""
    for text in list(fig.texts):
        if text.get_gid() == NOTE_GID:
            text.remove()
    fig.text(0.01, 0.01, note, ha="left", va="bottom", fontsize=7.5, color="#555555", gid=NOTE_GID)
    if fig.get_layout_engine() is None:
        fig.tight_layout(rect=(0, 0.045, 1, 1))


def _figure_bytes(fig: "Figure", fmt: str) -> bytes:
    buf = io.BytesIO()
    if fmt == "png":
        fig.savefig(buf, format="png", dpi=_savefig_dpi(), metadata={"Software": None})
    elif fmt == "svg":
        import matplotlib as mpl

        # Text stays text, ids come from a fixed salt: same figure, same bytes.
        with mpl.rc_context({"svg.fonttype": "none", "svg.hashsalt": "xiaomi-coverage-study"}):
            fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
    else:  # pragma: no cover - internal
        raise ValueError(fmt)
    return buf.getvalue()


def _csv_bytes(data: pd.DataFrame) -> bytes:
    # Index dropped: the plotted numbers and their labels are columns.
    return data.to_csv(index=False, lineterminator="\n").encode("utf-8")


def record_figure(out_dir: Path, *, name: str, caption: str, notebook: str, source_note: str | None = None) -> Path:
    """Merge one figure's entry into ``out_dir/figures.json`` (sorted by name; same entries, same bytes)."""
    entries = read_index(out_dir)
    entries[name] = {
        "name": name,
        "caption": " ".join(caption.split()),
        "notebook": Path(notebook).name.removesuffix(".ipynb"),
        "source_note": source_note or "",
        "files": [f"{name}.png", f"{name}.svg", f"{name}.csv"],
    }
    return write_index(out_dir, entries)


def write_index(out_dir: Path, entries: dict[str, dict]) -> Path:
    """Write ``out_dir/figures.json`` from entries by name (sorted: same entries, same bytes)."""
    text = json.dumps([entries[k] for k in sorted(entries)], indent=2, ensure_ascii=False) + "\n"
    return atomic.write_text(Path(out_dir) / INDEX_FILE, text)


def read_index(out_dir: Path) -> dict[str, dict]:
    """The figures recorded in ``out_dir/figures.json``, by name ({} when there is none)."""
    index_path = Path(out_dir) / INDEX_FILE
    if not index_path.is_file():
        return {}
    try:
        items = json.loads(index_path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise StudyError(f"{index_path}: not valid JSON ({exc}); delete it and re-run the notebooks") from exc
    return {item["name"]: item for item in items}


def save_figure(
    fig: "Figure",
    data: pd.DataFrame,
    name: str,
    out_dir: Path,
    *,
    caption: str,
    notebook: str,
    source_note: str | None = None,
) -> list[Path]:
    """Save ``fig`` as ``<name>.png``, ``.svg`` and ``data`` as ``<name>.csv`` in ``out_dir``.

    ``data`` must be exactly the numbers the figure plots. ``caption`` is one line for
    figures/README.md; ``notebook`` names the notebook that made it (e.g. "05_compare");
    ``source_note`` (see :func:`source_note`; by default the note of the run whose
    ``figures/`` folder ``out_dir`` is) is printed on the figure, and on a figure of the
    synthetic demo corpus always says so. Raises StudyError when the figure has no title, an
    axes has no axis label, or no text on it gives the n. Returns the three paths.
    """
    if not name or any(c in name for c in "/\\ ") or name.startswith("."):
        raise StudyError(f"figure name {name!r}: use letters, digits, '-' and '_' only (it becomes a file name)")
    if not isinstance(data, pd.DataFrame):
        raise StudyError(f"figure {name!r}: data must be a DataFrame of the plotted numbers, not {type(data).__name__}")
    _check_labels(fig, name)
    out_dir = Path(out_dir)
    source_note = _note_for(out_dir, source_note)
    _add_source_note(fig, source_note)
    _check_n(fig, name)
    paths = [
        atomic.write_bytes(out_dir / f"{name}.png", _figure_bytes(fig, "png")),
        atomic.write_bytes(out_dir / f"{name}.svg", _figure_bytes(fig, "svg")),
        atomic.write_bytes(out_dir / f"{name}.csv", _csv_bytes(data)),
    ]
    record_figure(out_dir, name=name, caption=caption, notebook=notebook, source_note=source_note)
    return paths


# --------------------------------------------------------------------------- common charts


def poisson_ci(k, alpha: float = 0.05) -> tuple[np.ndarray, np.ndarray]:
    """Exact (Garwood) interval for a Poisson count ``k``: the rates consistent with it at 1 - alpha.

    The interval of counts, e.g. articles per day: 0 gives (0, 3.69), 2 gives (0.24, 7.22).
    """
    from scipy.stats import chi2

    k = np.asarray(k, dtype=float)
    lo = np.where(k > 0, chi2.ppf(alpha / 2, 2 * np.maximum(k, 1)) / 2, 0.0)
    hi = chi2.ppf(1 - alpha / 2, 2 * k + 2) / 2
    return lo, hi


def bar_with_intervals(
    table: pd.DataFrame,
    *,
    category: str,
    k: str = "k",
    n: str = "n",
    group: str | None = "group",
    title: str,
    xlabel: str = "share of articles (%)",
    ylabel: str = "",
    category_labels: dict[str, str] | None = None,
    order: Sequence[str] | None = None,
    alpha: float = 0.05,
) -> tuple["Figure", pd.DataFrame]:
    """Horizontal bars: the proportion k/n per category (and group) with Wilson intervals.

    ``table`` has one row per (category, group) with counts ``k`` of ``n``. Each bar is
    labelled with its n ("12/30"). Returns the figure and the plotted numbers (category,
    group, k, n, percent, ci_low, ci_high; percentages 0-100, interval at 1 - alpha).
    """
    import matplotlib.pyplot as plt

    from .compare import wilson_ci

    use_style()
    cols = [category] + ([group] if group else []) + [k, n]
    missing = [c for c in cols if c not in table.columns]
    if missing:
        raise StudyError(f"bar_with_intervals: table lacks column(s) {missing}; it has {list(table.columns)}")
    data = table[cols].copy()
    data[k] = data[k].astype(int)
    data[n] = data[n].astype(int)
    lo, hi = wilson_ci(data[k].to_numpy(), data[n].to_numpy(), alpha)
    with np.errstate(invalid="ignore", divide="ignore"):
        data["percent"] = np.where(data[n] > 0, 100 * data[k] / data[n].where(data[n] > 0, 1), np.nan)
    data["ci_low"] = 100 * lo
    data["ci_high"] = 100 * hi
    data[["percent", "ci_low", "ci_high"]] = data[["percent", "ci_low", "ci_high"]].round(2)

    cats = list(order) if order is not None else list(dict.fromkeys(data[category]))
    groups = list(dict.fromkeys(data[group])) if group else [None]
    groups = sorted(groups, key=lambda g: (g not in GROUP_COLOURS, list(GROUP_COLOURS).index(g) if g in GROUP_COLOURS else 0, str(g)))
    height = 0.8 / len(groups)
    fig, ax = plt.subplots(figsize=(7.0, max(2.6, 0.5 + 0.42 * len(cats) * max(1, len(groups) * 0.8))))
    y_base = np.arange(len(cats))[::-1].astype(float)
    for i, g in enumerate(groups):
        sub = data if g is None else data[data[group] == g]
        sub = sub.set_index(category).reindex(cats)
        y = y_base + (len(groups) - 1) * height / 2 - i * height
        colour = GROUP_COLOURS.get(g, OKABE_ITO[i % len(OKABE_ITO)]) if g is not None else OKABE_ITO[0]
        pct = sub["percent"].to_numpy(dtype=float)
        err = np.vstack([pct - sub["ci_low"].to_numpy(dtype=float), sub["ci_high"].to_numpy(dtype=float) - pct])
        ax.barh(y, np.nan_to_num(pct), height=height * 0.9, color=colour,
                label=GROUP_LABELS.get(g, str(g)) if g is not None else None)
        ax.errorbar(pct, y, xerr=np.nan_to_num(err), fmt="none", ecolor="#222222", elinewidth=0.9, capsize=2.5)
        for yy, row_k, row_n, top in zip(y, sub[k], sub[n], sub["ci_high"]):
            if pd.notna(row_n):
                ax.text((0 if pd.isna(top) else top) + 1.5, yy, f"{int(row_k)}/{int(row_n)}",
                        va="center", fontsize=7.5, color="#444444")
    ax.set_yticks(y_base)
    # Long category names wrap instead of squeezing the plot area.
    ax.set_yticklabels([textwrap.fill((category_labels or {}).get(c, str(c).replace("_", " ")), 28) for c in cats])
    ax.set_xlim(0, 112)
    ax.set_xticks(range(0, 101, 20))
    ax.set_xlabel(xlabel)
    if ylabel:
        ax.set_ylabel(ylabel)
    if group:
        # Legend in its own row between the title and the plot: it never hides a bar or a label.
        ax.set_title(title, pad=24)
        ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncol=len(groups), borderaxespad=0.2,
                  handlelength=1.2, columnspacing=1.2)
    else:
        ax.set_title(title)
    return fig, data.reset_index(drop=True)


def time_series(
    df: pd.DataFrame,
    *,
    date: str = "published",
    group: str | None = "group",
    freq: str = "D",
    start: str | None = None,
    end: str | None = None,
    title: str,
    ylabel: str = "articles per day",
    xlabel: str = "publication date (2020)",
    events: dict[str, str] | None = None,
    alpha: float | None = 0.05,
) -> tuple["Figure", pd.DataFrame]:
    """Counts of rows per period (``freq``: "D" day, "W" week) per group, as lines with markers.

    Each point carries its exact Poisson interval at 1 - ``alpha`` (None: none) as a thin
    error bar: the rates of coverage per period consistent with the count. Rows without a parsable
    date are left out; their number is ``data.attrs["undated"]``. ``events`` maps
    "YYYY-MM-DD" to a short label drawn as a dotted vertical line (e.g. :data:`EVENTS`).
    Returns the figure and the plotted numbers (period, group, articles, ci_low, ci_high;
    zero-filled between the first and last period; the legend gives each group's n).
    """
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    use_style()
    dates = pd.to_datetime(df[date], errors="coerce", format="%Y-%m-%d")
    known = df.assign(_date=dates).dropna(subset=["_date"])
    if known.empty:
        raise StudyError(f"time_series: no row has a date in column {date!r} (YYYY-MM-DD); nothing to plot")
    period = known["_date"].dt.to_period(freq).dt.start_time
    keys = [period] + ([known[group]] if group else [])
    counts = known.groupby(keys).size()
    lo = pd.Timestamp(start) if start else period.min()
    hi = pd.Timestamp(end) if end else period.max()
    full = pd.date_range(lo, hi, freq=freq if freq != "W" else "W-MON")
    full = pd.to_datetime(pd.Series(full).dt.to_period(freq).dt.start_time.unique())
    groups = list(dict.fromkeys(known[group])) if group else [None]
    groups = sorted(groups, key=lambda g: (g not in GROUP_COLOURS, str(g)))
    rows = []
    fig, ax = plt.subplots()
    for i, g in enumerate(groups):
        s = counts.xs(g, level=1) if g is not None else counts
        s = s.reindex(full, fill_value=0)
        colour = GROUP_COLOURS.get(g, OKABE_ITO[i % len(OKABE_ITO)]) if g is not None else OKABE_ITO[0]
        ax.plot(s.index, s.to_numpy(), marker="o", color=colour,
                label=f"{GROUP_LABELS.get(g, str(g))} (n = {int(s.sum())})" if g is not None else None)
        part = pd.DataFrame({"period": s.index.strftime("%Y-%m-%d"), "group": g or "all",
                             "articles": s.to_numpy(dtype=int)})
        if alpha is not None:
            ci_low, ci_high = poisson_ci(part["articles"].to_numpy(), alpha)
            part["ci_low"], part["ci_high"] = np.round(ci_low, 2), np.round(ci_high, 2)
            # Thin bars, the groups nudged apart by a few hours so both stay readable on one day.
            shift = pd.Timedelta(hours=(i - (len(groups) - 1) / 2) * (5 if freq == "D" else 30))
            ax.errorbar(s.index + shift, s.to_numpy(), fmt="none", ecolor=colour, alpha=0.55, elinewidth=0.9,
                        capsize=2, yerr=np.vstack([s.to_numpy() - part["ci_low"], part["ci_high"] - s.to_numpy()]))
        rows.append(part)
    data = pd.concat(rows, ignore_index=True)
    top = max(1.0, float(data["ci_high" if alpha is not None else "articles"].max())) * 1.25
    ax.set_ylim(-0.03 * top, top)  # zero-count markers stay visible above the axis
    for day, label in sorted((events or {}).items()):
        x = pd.Timestamp(day)
        ax.axvline(x, color="#777777", linestyle=":", linewidth=1)
        ax.text(x, top * 0.98, f"{label} ", rotation=90, va="top", ha="right", fontsize=7.5, color="#555555")
    n_ticks = len(full)
    if freq == "D":
        ax.xaxis.set_major_locator(mdates.DayLocator(interval=max(1, -(-n_ticks // 10))))
    else:
        ax.xaxis.set_major_locator(mdates.WeekdayLocator(byweekday=mdates.MO, interval=max(1, -(-n_ticks // 10))))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%d %b"))
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.grid(axis="y")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    if group:
        ax.legend(loc="upper right")
    fig.autofmt_xdate()
    data.attrs["undated"] = len(df) - len(known)
    return fig, data


def cooccurrence_figure(matrix: pd.DataFrame, *, title: str, labels: dict[str, str] | None = None,
                        value_label: str = "Jaccard index (0 = never together, 1 = always together)"):
    """A heatmap of a square frame x frame table (e.g. :func:`coverage.compare.cooccurrence`).
    Returns the figure and the plotted numbers in long form (frame_a, frame_b, value)."""
    import matplotlib.pyplot as plt

    use_style()
    names = [(labels or {}).get(c, c.replace("_", " ")) for c in matrix.columns]
    fig, ax = plt.subplots(figsize=(7.2, 6.0))
    values = matrix.to_numpy(dtype=float)
    im = ax.imshow(np.ma.masked_invalid(values), cmap="Blues", vmin=0, vmax=1)
    ax.set_xticks(range(len(names)))
    ax.set_xticklabels(names, rotation=40, ha="right")
    ax.set_yticks(range(len(names)))
    ax.set_yticklabels(names)
    for i in range(values.shape[0]):
        for j in range(values.shape[1]):
            if not np.isnan(values[i, j]):
                ax.text(j, i, f"{values[i, j]:.2f}", ha="center", va="center", fontsize=7,
                        color="white" if values[i, j] > 0.6 else "#222222")
    ax.grid(False)
    cbar = fig.colorbar(im, ax=ax, fraction=0.046, pad=0.04)
    cbar.set_label(value_label)
    ax.set_xlabel("frame")
    ax.set_ylabel("frame")
    ax.set_title(title)
    data = matrix.rename_axis("frame_a").reset_index().melt(id_vars="frame_a", var_name="frame_b", value_name="value")
    data["value"] = data["value"].round(4)
    return fig, data


def frames_over_time_figure(table: pd.DataFrame, *, title: str, labels: dict[str, str] | None = None,
                            events: dict[str, str] | None = None):
    """Small multiples, one panel per frame: the share of each day's articles carrying the frame,
    one line per group, marker size by the day's number of articles (a share of 1 article is
    not a trend). ``table`` is :func:`coverage.compare.prevalence_by_period` output. Returns the
    figure and the plotted numbers."""
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    use_style()
    data = table.copy()
    data["day"] = pd.to_datetime(data["period"])
    frames_ = list(dict.fromkeys(data["value"]))
    ncols = 2
    nrows = -(-len(frames_) // ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(7.5, 1.9 * nrows + 0.8), sharex=True, sharey=True)
    axes = axes.ravel()
    groups = sorted(data["group"].unique(), key=lambda g: (g not in GROUP_COLOURS, str(g))) if "group" in data else [None]
    for ax, fid in zip(axes, frames_):
        sub = data[data["value"] == fid]
        for g in groups:
            s = sub if g is None else sub[sub["group"] == g]
            colour = GROUP_COLOURS.get(g, OKABE_ITO[0])
            ax.plot(s["day"], 100 * s["share"], color=colour, linewidth=1,
                    label=GROUP_LABELS.get(g, str(g)) if g is not None else None)
            ax.scatter(s["day"], 100 * s["share"], s=12 + 10 * s["n"], color=colour, zorder=3)
        for day in (events or {}):
            ax.axvline(pd.Timestamp(day), color="#777777", linestyle=":", linewidth=0.8)
        ax.set_title((labels or {}).get(fid, fid.replace("_", " ")), fontsize=9)
        ax.set_ylim(-5, 105)
        ax.set_ylabel("% of the day's articles", fontsize=8)
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%d %b"))
    for ax in axes[len(frames_):]:
        ax.set_visible(False)
    for ax in axes[max(0, len(frames_) - ncols):len(frames_)]:
        ax.set_xlabel("publication date (2020)", fontsize=8)
    handles, names = axes[0].get_legend_handles_labels()
    if names:
        fig.legend(handles, names, loc="upper right", ncol=len(names), fontsize=8, frameon=False)
    fig.suptitle(title, x=0.01, ha="left")
    fig.autofmt_xdate()
    out = table[["period", *([c for c in ("group",) if c in table.columns]), "value", "k", "n", "share"]].copy()
    out["share"] = out["share"].round(4)
    return fig, out


def keyness_figure(table: pd.DataFrame, language: str, *, title: str):
    """Horizontal bars of log-odds z-scores for one language of
    :func:`coverage.compare.keyness_by_language` (positive: first group, negative: second)."""
    import matplotlib.pyplot as plt

    use_style()
    sub = table[table["language"] == language].sort_values("z")
    fig, ax = plt.subplots(figsize=(6.5, max(3.0, 0.22 * len(sub) + 1.2)))
    colours = [GROUP_COLOURS.get(g, OKABE_ITO[0]) for g in sub["group"]]
    ax.barh(range(len(sub)), sub["z"], color=colours)
    ax.set_yticks(range(len(sub)))
    ax.set_yticklabels(sub["term"])
    ax.axvline(0, color="#222222", linewidth=0.8)
    for x in (-1.96, 1.96):
        ax.axvline(x, color="#777777", linestyle=":", linewidth=0.8)
    ax.set_xlabel("z-score of the log-odds ratio (informative Dirichlet prior); |z| > 1.96 dotted")
    ax.set_title(title)
    return fig, sub[["language", "group", "term", "count_a", "count_b", "log_odds", "z"]].round(4).reset_index(drop=True)


def stacked_bars(table: pd.DataFrame, *, category: str, stack: Sequence[str], title: str, xlabel: str,
                 ylabel: str, group: str | None = "group"):
    """Horizontal bars of ``table[category]`` (with its group in brackets), each stacked from
    the count columns ``stack`` in order, e.g. articles per outlet and relayed account.
    Returns the figure and the plotted numbers (category, group, the stack columns)."""
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    use_style()
    labels = table[category].astype(str)
    if group is not None:
        labels = labels + " (" + table[group].map({"indonesia": "Indonesia"}).fillna(table[group]) + ")"
    fig, ax = plt.subplots(figsize=(7.5, 0.35 * len(table) + 1.6))
    left = pd.Series(0, index=table.index)
    for column, colour in zip(stack, OKABE_ITO):
        ax.barh(labels, table[column], left=left, label=column, color=colour)
        left = left + table[column]
    ax.invert_yaxis()
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.legend(loc="lower right", fontsize="small")
    return fig, table[[category, *([group] if group else []), *stack]].reset_index(drop=True)


def figure_readme(index: dict[str, dict], *, demo: bool = False, heading: str = "Figures") -> str:
    """figures/README.md: each figure with its one-line caption and the notebook that made it."""
    lines = [f"# {heading}", ""]
    if demo:
        lines += [
            "Every figure here was made from the **synthetic demo corpus** (data/demo/): pages written",
            "for testing, not real coverage. They show what the study produces; they are not findings.",
            "",
        ]
    lines += [
        "Written by `python -m coverage run`; do not edit by hand. Each figure comes as PNG and SVG,",
        "with a CSV of exactly the numbers it plots.",
        "",
        "| Figure | Caption | Made by |",
        "|---|---|---|",
    ]
    for name in sorted(index):
        item = index[name]
        caption = item["caption"].replace("|", "\\|")
        if demo and "synthetic demo corpus" not in caption:
            caption = f"{caption.rstrip('.')}. Made from the synthetic demo corpus."
        lines.append(
            f"| [{name}]({name}.png) ([svg]({name}.svg), [csv]({name}.csv)) | {caption} | "
            f"notebooks/{item['notebook']}.ipynb |"
        )
    return "\n".join(lines) + "\n"
