"""Figures: byte-identical re-saves, the CSV holds the plotted numbers, the figures index."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from coverage import plots  # noqa: E402
from coverage.errors import StudyError  # noqa: E402

TABLE = pd.DataFrame(
    {
        "speaker_type": ["company", "company", "researcher", "researcher"],
        "group": ["indonesia", "international", "indonesia", "international"],
        "k": [9, 4, 2, 8],
        "n": [10, 10, 10, 10],
    }
)


def _bars():
    return plots.bar_with_intervals(TABLE, category="speaker_type", title="Who is quoted",
                                    xlabel="share of articles quoting them (%)")


def _save(tmp, name="voices"):
    fig, data = _bars()
    paths = plots.save_figure(fig, data, name, tmp, caption="Who is quoted, by group.",
                              notebook="05_compare", source_note=plots.DEMO_NOTE + "; n = 20 articles")
    plt.close(fig)
    return paths


def test_same_figure_twice_gives_identical_bytes(tmp_path):
    first = {p.name: p.read_bytes() for p in _save(tmp_path / "a")}
    second = {p.name: p.read_bytes() for p in _save(tmp_path / "b")}
    assert sorted(first) == ["voices.csv", "voices.png", "voices.svg"]
    assert first == second
    # and saving again into the same folder rewrites the same bytes
    third = {p.name: p.read_bytes() for p in _save(tmp_path / "a")}
    assert third == first


def test_same_figure_in_a_fresh_process_gives_identical_bytes(tmp_path):
    # A new interpreter means new ids, new font cache lookups, a new clock: none may reach the files.
    _save(tmp_path / "here")
    code = textwrap.dedent(f"""
        import sys; sys.path.insert(0, {str(__import__('pathlib').Path(__file__).parent)!r})
        import test_plots, pathlib
        test_plots._save(pathlib.Path({str(tmp_path / 'there')!r}))
    """)
    subprocess.run([sys.executable, "-c", code], check=True)
    for suffix in ("png", "svg", "csv"):
        assert (tmp_path / "here" / f"voices.{suffix}").read_bytes() == (tmp_path / "there" / f"voices.{suffix}").read_bytes()


def test_svg_has_no_date_no_creator_and_text_as_text(tmp_path):
    svg = _save(tmp_path)[1].read_text()
    assert "<dc:date>" not in svg and "Matplotlib v" not in svg
    assert "Who is quoted" in svg  # svg.fonttype none keeps text as text
    assert "synthetic demo corpus" in svg  # the source note is on the figure


def test_png_has_no_software_stamp(tmp_path):
    png = _save(tmp_path)[0].read_bytes()
    assert png.startswith(b"\x89PNG") and b"Software" not in png and b"matplotlib" not in png.lower()


def test_csv_holds_exactly_the_plotted_numbers(tmp_path):
    csv = pd.read_csv(_save(tmp_path)[2])
    assert list(csv.columns) == ["speaker_type", "group", "k", "n", "percent", "ci_low", "ci_high"]
    row = csv[(csv.speaker_type == "company") & (csv.group == "indonesia")].iloc[0]
    assert row.percent == 90.0
    # Wilson 95% interval for 9/10, by hand: (0.5958, 0.9821)
    assert row.ci_low == pytest.approx(59.58, abs=0.01) and row.ci_high == pytest.approx(98.21, abs=0.01)
    # the bars drawn are these percentages
    fig, data = _bars()
    widths = sorted(round(p.get_width(), 6) for p in fig.axes[0].patches)
    plt.close(fig)
    assert widths == sorted(data["percent"].round(6).tolist()) == [20.0, 40.0, 80.0, 90.0]


def test_figures_index_is_merged_and_sorted(tmp_path):
    _save(tmp_path, "zeta")
    _save(tmp_path, "alpha")
    _save(tmp_path, "zeta")  # re-saving replaces, never duplicates
    index = json.loads((tmp_path / "figures.json").read_text())
    assert [i["name"] for i in index] == ["alpha", "zeta"]
    assert index[0]["caption"] == "Who is quoted, by group." and index[0]["notebook"] == "05_compare"
    readme = plots.figure_readme(plots.read_index(tmp_path), demo=True)
    assert "| [alpha](alpha.png)" in readme and "notebooks/05_compare.ipynb" in readme
    assert readme.count("Made from the synthetic demo corpus.") == 2


def test_unlabelled_figure_is_refused(tmp_path):
    fig, ax = plt.subplots()
    ax.plot([1, 2], [3, 4])
    with pytest.raises(StudyError, match="no title"):
        plots.save_figure(fig, pd.DataFrame({"x": [1, 2]}), "bare", tmp_path, caption="c", notebook="n")
    ax.set_title("A title")
    with pytest.raises(StudyError, match="axis label"):
        plots.save_figure(fig, pd.DataFrame({"x": [1, 2]}), "bare", tmp_path, caption="c", notebook="n")
    plt.close(fig)
    assert not list(tmp_path.iterdir())


def test_time_series_counts_per_day_and_group(tmp_path):
    df = pd.DataFrame({
        "published": ["2020-04-30", "2020-05-02", "2020-05-02", "2020-05-02", "", "2020-05-04"],
        "group": ["international", "international", "indonesia", "indonesia", "indonesia", "indonesia"],
    })
    fig, data = plots.time_series(df, title="Coverage over time", events={"2020-04-30": "Forbes report"})
    plt.close(fig)
    ind = data[data.group == "indonesia"].set_index("period")["articles"]
    assert ind.to_dict() == {"2020-04-30": 0, "2020-05-01": 0, "2020-05-02": 2, "2020-05-03": 0, "2020-05-04": 1}
    assert data.attrs["undated"] == 1
    assert data[data.group == "international"]["articles"].sum() == 2


def test_source_note_names_the_demo(tmp_path):
    (tmp_path / "sources.csv").write_text(
        "id,url,outlet,country,language,published,group,kind,notes\n"
        "a,https://teknokita.example/a,TeknoKita,ID,id,2020-05-01,indonesia,news,synthetic\n"
    )
    assert plots.source_note(tmp_path, n=1) == plots.DEMO_NOTE + "; n = 1 articles"
    (tmp_path / "sources.csv").write_text(
        "id,url,outlet,country,language,published,group,kind,notes\n"
        "a,https://www.forbes.com/x,Forbes,US,en,2020-04-30,international,news,\n"
    )
    assert "synthetic" not in plots.source_note(tmp_path)


def test_style_is_colour_blind_safe_and_one_font():
    plots.use_style()
    colours = [c["color"].upper().lstrip("#") for c in matplotlib.rcParams["axes.prop_cycle"]]
    assert colours[:3] == ["0072B2", "E69F00", "009E73"]
    assert matplotlib.rcParams["font.sans-serif"][0] == "DejaVu Sans"
    assert matplotlib.rcParams["svg.fonttype"] == "none" and matplotlib.rcParams["svg.hashsalt"]
