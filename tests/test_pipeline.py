"""The runner: parameters refused, failures named with their cell, --from, the manifest, the
figures copy, the per-article measures, and (once every stage exists) the demo end to end.

Notebooks here are tiny synthetic ones written into tmp_path, executed in the study's real
kernel by papermill; the hand-made run folder holds four synthetic articles whose measures
can be checked by hand.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import nbformat
import pandas as pd
import pytest
import yaml
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from coverage import pipeline, summary
from coverage.config import CODEBOOK, DEMO_SOURCES, FIGURES, FRAME_IDS, NOTEBOOKS, RunPaths
from coverage.errors import StudyError

PARAMS = 'sources: str = "s.csv"\nout: str = "build/x"\noffline: bool = True\ndelay: float = 1.0'


def make_notebook(path: Path, *code: str, params: str = PARAMS) -> Path:
    nb = new_notebook()
    nb.metadata["kernelspec"] = {"name": "coverage-study", "display_name": "Python 3.11 (coverage study)",
                                 "language": "python"}
    p = new_code_cell(params)
    p.metadata["tags"] = ["parameters"]
    nb.cells = [new_markdown_cell("# synthetic test notebook"), p, *[new_code_cell(c) for c in code]]
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(path))
    return path


def fake_collect(status: str = "ok") -> str:
    """Code for a stand-in 01_collect: a fetch log of the two registry rows with ``status``."""
    return (
        "import pathlib\n"
        "pathlib.Path(out).mkdir(parents=True, exist_ok=True)\n"
        "pathlib.Path(out, 'fetch_log.csv').write_text("
        f"'id,status,reason\\na,{status},x\\nb,{status},dns failure\\n')"
    )


def registry(path: Path) -> Path:
    path.write_text(
        "id,url,outlet,country,language,published,group,kind,notes\n"
        "a,https://teknokita.example/a,TeknoKita,ID,id,2020-05-01,indonesia,news,synthetic\n"
        "b,https://techdispatch.example/b,Tech Dispatch,US,en,2020-04-30,international,news,synthetic\n"
    )
    return path


# --------------------------------------------------------------------------- parameters and failures


def test_run_refuses_a_parameter_the_notebook_does_not_declare(tmp_path):
    nbs = tmp_path / "nbs"
    for name in pipeline.NOTEBOOK_OF.values():
        make_notebook(nbs / f"{name}.ipynb", "print(1)")
    # the last notebook forgot `delay`: refused before the first one runs
    make_notebook(nbs / "05_compare.ipynb", "print(1)", params='sources: str = ""\nout: str = ""\noffline: bool = True')
    with pytest.raises(StudyError) as err:
        pipeline.run(registry(tmp_path / "s.csv"), tmp_path / "run", offline=True, notebooks=nbs)
    msg = str(err.value)
    assert "05_compare.ipynb" in msg and "delay" in msg and "not declared" in msg
    assert "declares only offline, out, sources" in msg
    assert not (tmp_path / "run" / "reports").exists()  # refused before any kernel ran


def test_a_missing_notebook_is_reported_before_anything_runs(tmp_path):
    nbs = tmp_path / "nbs"
    make_notebook(nbs / "01_collect.ipynb", "print(1)")
    with pytest.raises(StudyError, match="02_extract.ipynb: notebook not found"):
        pipeline.run(registry(tmp_path / "s.csv"), tmp_path / "run", offline=True, notebooks=nbs)
    assert not (tmp_path / "run" / "reports").exists()


def test_a_notebook_without_parameters_cell_is_refused(tmp_path):
    nb = make_notebook(tmp_path / "x.ipynb", "print(1)", params="x = 1")
    nb_obj = nbformat.read(str(nb), as_version=4)
    nb_obj.cells[1].metadata["tags"] = []
    nbformat.write(nb_obj, str(nb))
    with pytest.raises(StudyError, match="no code cell tagged 'parameters'"):
        pipeline.check_parameters(nb, {"out": "x"})


def test_a_failing_notebook_is_named_with_its_cell(tmp_path):
    nb = make_notebook(tmp_path / "03_broken.ipynb", "x = 2", "raise ValueError('the codebook has no frames')", "print('never')")
    with pytest.raises(StudyError) as err:
        pipeline.execute_notebook(nb, tmp_path / "reports", {"sources": "s", "out": "o", "offline": True, "delay": 0.0})
    msg = str(err.value)
    # papermill injects a parameters cell, so the failing cell is the 4th executed one: In [4]
    assert "03_broken.ipynb" in msg and "cell [4]" in msg
    assert "raise ValueError" in msg and "ValueError: the codebook has no frames" in msg
    assert len(msg.splitlines()) == 1
    executed = nbformat.read(str(tmp_path / "reports" / "03_broken.ipynb"), as_version=4)
    assert any(o.get("ename") == "ValueError" for c in executed.cells for o in c.get("outputs", []))
    assert (tmp_path / "reports" / "03_broken.html").is_file()
    assert not list((tmp_path / "reports").glob(".*"))  # no partial file left behind


def test_run_stops_at_the_first_failure_and_says_which(tmp_path):
    nbs = tmp_path / "nbs"
    make_notebook(nbs / "01_collect.ipynb", fake_collect())
    make_notebook(nbs / "02_extract.ipynb", "import json; json.loads('{')")
    for name in ("03_quoted_sources", "04_framing", "05_compare"):
        make_notebook(nbs / f"{name}.ipynb", "open('ran-too-far', 'w')")
    with pytest.raises(StudyError, match=r"02_extract.ipynb: cell \[3\].*JSONDecodeError"):
        pipeline.run(registry(tmp_path / "s.csv"), tmp_path / "run", offline=True, notebooks=nbs)
    reports = tmp_path / "run" / "reports"
    assert sorted(p.name for p in reports.glob("*.ipynb")) == ["01_collect.ipynb", "02_extract.ipynb"]
    manifest = json.loads((tmp_path / "run" / "manifest.json").read_text())
    assert manifest["stages_run"] == ["collect"] and manifest["status"].startswith("failed: ")


def test_run_passes_absolute_parameters_and_reports_offline_when_the_web_is_unreachable(tmp_path, monkeypatch, capsys):
    # Nothing listens on 127.0.0.1:443 here and .example hosts never resolve: "the web" is unreachable.
    monkeypatch.setattr(pipeline, "PROBE_HOSTS", ("127.0.0.1",))
    nbs = tmp_path / "nbs"
    record = (
        "import json, os, pathlib\n"
        "pathlib.Path(out).mkdir(parents=True, exist_ok=True)\n"
        "pathlib.Path(out, 'params.json').write_text("
        "json.dumps({'sources': sources, 'out': out, 'offline': offline, 'delay': delay, 'cwd': os.getcwd()}))"
    )
    for name in pipeline.NOTEBOOK_OF.values():
        make_notebook(nbs / f"{name}.ipynb", record)
    make_notebook(nbs / "01_collect.ipynb", fake_collect(), record)
    src = registry(tmp_path / "s.csv")
    pipeline.run(src, tmp_path / "run", offline=False, delay=0.5, notebooks=nbs)
    assert "the web could not be reached; using what the archive holds" in capsys.readouterr().out
    got = json.loads((tmp_path / "run" / "params.json").read_text())
    assert got == {"sources": str(src), "out": str(tmp_path / "run"), "offline": True, "delay": 0.5,
                   "cwd": str(pipeline.ROOT)}
    reports = tmp_path / "run" / "reports"
    assert sorted(p.name for p in reports.iterdir()) == sorted(
        f"{n}{ext}" for n in pipeline.NOTEBOOK_OF.values() for ext in (".html", ".ipynb"))
    manifest = json.loads((tmp_path / "run" / "manifest.json").read_text())
    assert manifest["status"] == "ok" and manifest["stages_run"] == list(pipeline.STAGES)
    assert (tmp_path / "run" / "site" / "index.html").is_file()


def test_nothing_collected_stops_the_run_with_a_plain_reason(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "PROBE_HOSTS", ("127.0.0.1",))
    nbs = tmp_path / "nbs"
    for name in pipeline.NOTEBOOK_OF.values():
        make_notebook(nbs / f"{name}.ipynb", "open('ran-too-far', 'w')")
    make_notebook(nbs / "01_collect.ipynb", fake_collect("failed"))
    with pytest.raises(StudyError) as err:
        pipeline.run(registry(tmp_path / "s.csv"), tmp_path / "run", offline=False, notebooks=nbs)
    msg = str(err.value)
    assert "none of the 2 sources could be collected" in msg
    assert "the web could not be reached" in msg and "make demo" in msg
    assert sorted(p.name for p in (tmp_path / "run" / "reports").glob("*.ipynb")) == ["01_collect.ipynb"]


def test_from_a_later_stage_needs_the_earlier_outputs(tmp_path):
    with pytest.raises(StudyError) as err:
        pipeline.run(registry(tmp_path / "s.csv"), tmp_path / "run", offline=True, from_stage="compare")
    msg = str(err.value)
    assert "articles.csv is missing" in msg and "02_extract" in msg and "--from extract" in msg
    with pytest.raises(StudyError, match="unknown stage"):
        pipeline.run(registry(tmp_path / "s.csv"), tmp_path / "run", from_stage="analyse")


def test_figures_of_the_notebooks_about_to_run_are_forgotten_first(tmp_path):
    from coverage import plots

    figs = RunPaths.at(tmp_path).figures
    for name, nb in (("compare_old", "05_compare"), ("quotes_speakers", "03_quoted_sources")):
        for f in (f"{name}.png", f"{name}.svg", f"{name}.csv"):
            (figs / f).parent.mkdir(parents=True, exist_ok=True)
            (figs / f).write_text("x")
        plots.record_figure(figs, name=name, caption="c", notebook=nb)
    assert pipeline.forget_figures(tmp_path, ["04_framing", "05_compare"]) == ["compare_old"]
    assert sorted(p.name for p in figs.iterdir()) == [
        "figures.json", "quotes_speakers.csv", "quotes_speakers.png", "quotes_speakers.svg"]
    assert list(plots.read_index(figs)) == ["quotes_speakers"]


# --------------------------------------------------------------------------- a hand-made run


def handmade_run(out: Path) -> RunPaths:
    """Four synthetic articles: a wire story (k1) and its copy (k2), two international ones."""
    paths = RunPaths.at(out)
    out.mkdir(parents=True, exist_ok=True)
    registry(paths.sources)
    arts = pd.DataFrame({
        "id": ["k1", "k2", "e1", "e2"],
        "url": [f"https://{h}.example/x" for h in ("kbnusa", "kabar", "dispatch", "ledger")],
        "outlet": ["Kantor Berita Nusa", "Kabar Nusantara", "Tech Dispatch", "The Daily Ledger"],
        "country": ["ID", "ID", "US", "GB"], "language": ["id", "id", "en", "en"],
        "group": ["indonesia", "indonesia", "international", "international"],
        "title": ["Xiaomi bantah", "Xiaomi kecewa", "Xiaomi browsers send data", "Xiaomi tracked incognito"],
        "published": ["2020-05-02", "2020-05-02", "2020-04-30", ""],
        "authors": ["", "", "", ""],
        "text": ["Synthetic. \"Kami patuh hukum,\" kata Xiaomi.", "Synthetic. \"Kami patuh hukum,\" kata Xiaomi.",
                 "Synthetic. According to Forbes, data left the phone, said Gabi Cirlig.",
                 "Synthetic. A regulator said it would look into it."],
        "n_words": ["6", "6", "12", "10"], "extractor": ["newspaper3k"] * 4, "html_sha256": ["0" * 64] * 4,
        "cluster_id": ["k1", "k1", "e1", "e2"],
    })
    arts.to_csv(paths.articles_csv, index=False)
    quotes = pd.DataFrame({
        "article_id": ["k1", "k2", "e1", "e2"], "kind": ["direct", "direct", "indirect", "indirect"],
        "speaker": ["Xiaomi", "Xiaomi", "Gabi Cirlig", "a regulator"],
        "speaker_type": ["company", "company", "researcher", "government"], "cue": ["kata", "kata", "said", "said"],
        "quote": ["Kami patuh hukum,", "Kami patuh hukum,", "data left the phone", "it would look into it"],
    })
    quotes["start"] = [t.index(q) for t, q in zip(arts["text"], quotes["quote"])]
    quotes["end"] = quotes["start"] + quotes["quote"].str.len()
    quotes.to_csv(paths.quotes, index=False)
    pd.DataFrame({"article_id": ["e1"], "cited": ["Forbes"], "cue": ["according to"]}).to_csv(paths.citations, index=False)
    frames = pd.DataFrame({"article_id": ["k1", "k2", "e1", "e2"]})
    for f in FRAME_IDS:
        frames[f] = 0
        frames[f"{f}_intensity"] = 0.0
    frames.loc[[0, 1], "corporate_reassurance"] = 1
    frames.loc[[2, 3], "privacy_surveillance"] = 1
    frames.loc[3, "law_regulation"] = 1
    frames["codebook_version"] = "test"
    frames.to_csv(paths.frames, index=False)
    return paths


def test_article_measures_by_hand(tmp_path):
    t = summary.load_run(handmade_run(tmp_path / "run").out)
    m = summary.article_measures(t["articles"], t["quotes"], t["citations"], t["frames"]).set_index("id")
    assert m.loc[["k1", "k2", "e1", "e2"], "voice_company"].tolist() == [1, 1, 0, 0]
    assert m.loc[["k1", "k2", "e1", "e2"], "voice_researcher"].tolist() == [0, 0, 1, 0]
    assert m.loc[["k1", "k2", "e1", "e2"], "relays_forbes"].tolist() == [0, 0, 1, 0]
    assert m.loc[["k1", "k2", "e1", "e2"], "relays_xiaomi"].tolist() == [1, 1, 0, 0]
    assert m.loc[["k1", "k2", "e1", "e2"], "wire_copy"].tolist() == [1, 1, 0, 0]
    accounts = summary.relayed_accounts(m.reset_index()).set_index(["group", "account"])["k"]
    assert accounts[("indonesia", "Xiaomi's statement only")] == 2
    assert accounts[("international", "Forbes' report only")] == 1 and accounts[("international", "neither")] == 1


def test_run_from_compare_makes_figures_reports_manifest_site_and_copies(tmp_path):
    paths = handmade_run(tmp_path / "run")
    dest = tmp_path / "committed-figures"
    dest.mkdir()
    (dest / "keep-me.txt").write_text("not a figure")
    pipeline.run(paths.sources, paths.out, offline=True, from_stage="compare", figures=dest)
    names = ["compare_coverage_over_time", "compare_frames", "compare_relayed_accounts", "compare_voices",
             "compare_wire_copy"]
    for n in names:
        for ext in ("png", "svg", "csv"):
            assert (paths.figures / f"{n}.{ext}").read_bytes() == (dest / f"{n}.{ext}").read_bytes()
    assert (paths.reports / "05_compare.html").is_file() and (paths.reports / "05_compare.ipynb").is_file()
    wire = pd.read_csv(paths.figures / "compare_wire_copy.csv").set_index("group")
    assert wire.loc["indonesia", ["k", "n", "percent"]].tolist() == [2, 2, 100.0]
    assert wire.loc["international", ["k", "n", "percent"]].tolist() == [0, 2, 0.0]
    manifest = json.loads(paths.manifest.read_text())
    assert manifest["stages_run"] == ["compare"] and manifest["counts"]["quotes"] == 4
    assert manifest["counts"]["extracted"] == 4 and manifest["demo"] is True
    assert len(manifest["sources"]["sha256"]) == 64 and manifest["packages"]["pandas"] == pd.__version__
    frames_yml = yaml.safe_load((CODEBOOK / "frames.yml").read_text())
    assert manifest["codebooks"]["frames"]["version"] == str(frames_yml["version"])
    readme = (dest / "README.md").read_text()
    assert readme.count("synthetic demo corpus") >= len(names)
    assert "notebooks/05_compare.ipynb" in readme and "keep-me.txt" not in readme
    assert (dest / "keep-me.txt").exists()
    first = {p.name: p.read_bytes() for p in paths.figures.iterdir()}
    pipeline.run(paths.sources, paths.out, offline=True, from_stage="compare")
    assert {p.name: p.read_bytes() for p in paths.figures.iterdir()} == first


# --------------------------------------------------------------------------- the demo, end to end

STAGE_MODULES = ("collect", "extract", "quotes", "citations", "frames")
HAVE_STAGES = all(importlib.util.find_spec(f"coverage.{m}") for m in STAGE_MODULES) and DEMO_SOURCES.is_file()
HAVE_NOTEBOOKS = all((NOTEBOOKS / f"{n}.ipynb").is_file() for n in pipeline.NOTEBOOK_OF.values())


@pytest.mark.skipif(not (importlib.util.find_spec("coverage.collect") and importlib.util.find_spec("coverage.extract")
                         and DEMO_SOURCES.is_file()), reason="collector/extractor or demo corpus not written yet")
def test_ensure_inputs_builds_the_articles_table_from_the_demo(tmp_path):
    paths = pipeline.ensure_inputs(tmp_path / "run", sources=DEMO_SOURCES, offline=True, upto="quoted_sources")
    arts = pd.read_csv(paths.articles_csv, dtype=str, keep_default_na=False)
    log = pd.read_csv(paths.fetch_log, dtype=str, keep_default_na=False)
    assert len(arts) == (log["status"] == "ok").sum() > 0
    assert set(arts["group"]) == {"indonesia", "international"}
    assert not paths.quotes.exists()  # only what quoted_sources reads is made


@pytest.mark.skipif(not (HAVE_STAGES and HAVE_NOTEBOOKS), reason="not every stage module/notebook exists yet")
def test_the_demo_runs_end_to_end_and_twice_gives_identical_figures(tmp_path):
    out, figs = tmp_path / "demo", tmp_path / "figures-demo"
    committed = {p: p.read_bytes() for p in sorted(FIGURES.rglob("*")) if p.is_file()}
    pipeline.run(DEMO_SOURCES, out, offline=True, figures=figs)
    # the notebooks write their figures into the run folder only, never into the committed figures/
    assert {p: p.read_bytes() for p in sorted(FIGURES.rglob("*")) if p.is_file()} == committed
    first = {p.name: p.read_bytes() for p in sorted(figs.iterdir())}
    assert {f"compare_voices.{e}" for e in ("png", "svg", "csv")} <= set(first)
    assert len([n for n in first if n.endswith(".png")]) >= 5
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["demo"] is True and manifest["counts"]["extracted"] > 0
    assert manifest["stages_run"] == list(pipeline.STAGES)
    pipeline.run(DEMO_SOURCES, out, offline=True, figures=figs)
    assert {p.name: p.read_bytes() for p in sorted(figs.iterdir())} == first
