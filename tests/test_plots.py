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
    ax.set_xlabel("day")
    with pytest.raises(StudyError, match="no n on the figure"):
        plots.save_figure(fig, pd.DataFrame({"x": [1, 2]}), "bare", tmp_path, caption="c", notebook="n",
                          source_note="Source: a test")
    plt.close(fig)
    assert not list(tmp_path.iterdir())


def test_a_demo_figure_always_names_the_demo(tmp_path):
    # a run folder of the synthetic demo: every figure saved into DIR/figures says so,
    # even when the notebook passed no note or a note of its own
    (tmp_path / "sources.csv").write_text(
        "id,url,outlet,country,language,published,group,kind,notes\n"
        "a,https://teknokita.example/a,TeknoKita,ID,id,2020-05-01,indonesia,news,synthetic\n"
    )
    for name, note in (("own", "Source: study registry; n = 3 articles"), ("none", None)):
        fig, ax = plt.subplots()
        ax.bar(["a"], [3])
        ax.set_title(f"Figure {name} (n = 3)")
        ax.set_ylabel("articles")
        svg = plots.save_figure(fig, pd.DataFrame({"a": [3]}), name, tmp_path / "figures", caption="c",
                                notebook="05_compare", source_note=note)[1].read_text()
        plt.close(fig)
        assert plots.DEMO_NOTE in svg
    assert plots.read_index(tmp_path / "figures")["own"]["source_note"].startswith(plots.DEMO_NOTE)


def test_time_series_counts_per_day_and_group(tmp_path):
    df = pd.DataFrame({
        "published": ["2020-04-30", "2020-05-02", "2020-05-02", "2020-05-02", "", "2020-05-04"],
        "group": ["international", "international", "indonesia", "indonesia", "indonesia", "indonesia"],
    })
    fig, data = plots.time_series(df, title="Coverage over time", events={"2020-04-30": "Forbes report"})
    plt.close(fig)
    ind = data[data.group == "indonesia"].set_index("period")
    assert ind["articles"].to_dict() == {"2020-04-30": 0, "2020-05-01": 0, "2020-05-02": 2, "2020-05-03": 0,
                                         "2020-05-04": 1}
    assert data.attrs["undated"] == 1
    assert data[data.group == "international"]["articles"].sum() == 2
    # exact Poisson 95% intervals, from the chi-square tables: 0 -> (0, 3.69), 1 -> (0.03, 5.57), 2 -> (0.24, 7.22)
    assert ind.loc["2020-05-01", ["ci_low", "ci_high"]].tolist() == [0.0, 3.69]
    assert ind.loc["2020-05-04", ["ci_low", "ci_high"]].tolist() == [0.03, 5.57]
    assert ind.loc["2020-05-02", ["ci_low", "ci_high"]].tolist() == [0.24, 7.22]


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


# Machado, Oliveira & Fernandes (2009) full-severity simulation matrices (linear RGB).
CVD = {
    "protanopia": [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
    "deuteranopia": [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
    "tritanopia": [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]],
}


def _lab(hex_colour: str, matrix=None):
    """CIELAB (D65) of an sRGB colour, optionally as seen with a colour-vision deficiency."""
    import numpy as np

    rgb = np.array([int(hex_colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)])
    lin = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    if matrix is not None:
        lin = np.clip(np.array(matrix) @ lin, 0, 1)
    xyz = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]]) @ lin
    xyz = xyz / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > 0.008856, np.cbrt(xyz), 7.787 * xyz + 16 / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


@pytest.mark.parametrize("vision", [None, *CVD])
def test_group_colours_stay_apart_for_colour_blind_readers(vision):
    import numpy as np

    a, b = (_lab(plots.GROUP_COLOURS[g], CVD.get(vision)) for g in ("indonesia", "international"))
    # ΔE*ab (1976): about 2.3 is just noticeable; 20 is an obvious difference
    assert np.linalg.norm(a - b) > 20, f"the two groups' colours look alike under {vision}"
    # and the first four colours of the cycle are pairwise distinguishable too
    first = [_lab(c, CVD.get(vision)) for c in plots.OKABE_ITO[:4]]
    assert min(np.linalg.norm(x - y) for i, x in enumerate(first) for y in first[i + 1:]) > 10


# -- the framing notebook's charts: each returns exactly the numbers it draws -------------------

FRAMES_2 = ["privacy_surveillance", "conflict"]


def test_cooccurrence_figure_returns_the_matrix_in_long_form():
    matrix = pd.DataFrame([[1.0, 0.25], [0.25, 1.0]], index=FRAMES_2, columns=FRAMES_2)
    fig, data = plots.cooccurrence_figure(matrix, title="Frames together", labels={"conflict": "Conflict"})
    try:
        assert data.to_dict("records") == [
            {"frame_a": "privacy_surveillance", "frame_b": "privacy_surveillance", "value": 1.0},
            {"frame_a": "conflict", "frame_b": "privacy_surveillance", "value": 0.25},
            {"frame_a": "privacy_surveillance", "frame_b": "conflict", "value": 0.25},
            {"frame_a": "conflict", "frame_b": "conflict", "value": 1.0},
        ]
        ax = fig.axes[0]
        assert [t.get_text() for t in ax.get_xticklabels()] == ["privacy surveillance", "Conflict"]
        assert sorted(t.get_text() for t in ax.texts) == ["0.25", "0.25", "1.00", "1.00"]
    finally:
        plt.close(fig)


def test_keyness_figure_draws_one_language_sorted_by_z():
    table = pd.DataFrame({
        "language": ["en", "en", "en", "id"],
        "group": ["indonesia", "international", "indonesia", "indonesia"],
        "term": ["kominfo", "forbes", "update", "data"],
        "count_a": [5, 0, 3, 9], "count_b": [0, 6, 1, 2],
        "log_odds": [1.5, -1.8, 0.4, 0.9], "z": [2.4, -2.9, 0.6, 1.1],
    })
    fig, data = plots.keyness_figure(table, "en", title="Words typical of each group")
    try:
        assert data["term"].tolist() == ["forbes", "update", "kominfo"]
        assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["forbes", "update", "kominfo"]
        assert [round(b.get_width(), 1) for b in fig.axes[0].patches] == [-2.9, 0.6, 2.4]
    finally:
        plt.close(fig)


def test_frames_over_time_figure_one_panel_per_frame():
    table = pd.DataFrame({
        "period": ["2020-04-30", "2020-05-01"] * 2,
        "group": ["indonesia"] * 4,
        "value": ["privacy_surveillance"] * 2 + ["conflict"] * 2,
        "k": [1, 2, 0, 1], "n": [2, 4, 2, 4],
    }).assign(share=lambda d: d["k"] / d["n"])
    fig, data = plots.frames_over_time_figure(table, title="Frames by day", events=plots.EVENTS)
    try:
        visible = [ax for ax in fig.axes if ax.get_visible()]
        assert [ax.get_title(loc=plt.rcParams["axes.titlelocation"]) for ax in visible] == ["privacy surveillance", "conflict"]
        assert data["share"].tolist() == [0.5, 0.5, 0.0, 0.25]
        assert visible[0].lines[0].get_ydata().tolist() == [50.0, 50.0]  # percent on the axis
    finally:
        plt.close(fig)


def test_stacked_bars_stack_in_order_and_return_what_they_draw():
    table = pd.DataFrame({"outlet": ["Antara", "Forbes"], "group": ["indonesia", "international"],
                          "report": [1, 3], "statement": [2, 0], "total": [3, 3]})
    fig, data = plots.stacked_bars(table, category="outlet", stack=["report", "statement"], title="Accounts",
                                   xlabel="articles", ylabel="outlet (group)")
    try:
        assert list(data.columns) == ["outlet", "group", "report", "statement"]  # no unplotted total
        ax = fig.axes[0]
        assert [t.get_text() for t in ax.get_yticklabels()] == ["Antara (Indonesia)", "Forbes (international)"]
        # each bar starts where the previous layer of its row ended
        assert [(p.get_x(), p.get_width()) for p in ax.patches] == [(0, 1), (0, 3), (1, 2), (3, 0)]
    finally:
        plt.close(fig)
