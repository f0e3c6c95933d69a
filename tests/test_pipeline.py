"""The runner: parameters refused, failures named with their cell, --from, the manifest, the
figures copy, the per-article measures, and (once every stage exists) the demo end to end.

Notebooks here are tiny synthetic ones written into tmp_path, executed in the study's real
kernel by papermill; the hand-made run folder holds four synthetic articles whose measures
can be checked by hand.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import SimpleNamespace

import nbformat
import pandas as pd
import pytest
import yaml
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

import test_site
from coverage import cli, pipeline, summary
from coverage.config import CODEBOOK, DEMO_SOURCES, FIGURES, FRAME_IDS, RunPaths
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
    assert manifest["failed_stage"] == "extract"
    # what DIR holds for the later stages is stale now: --from a later stage is refused
    with pytest.raises(StudyError, match=r"failed at notebooks/02_extract.ipynb.*--from extract"):
        pipeline.run(registry(tmp_path / "s.csv"), tmp_path / "run", offline=True, notebooks=nbs,
                     from_stage="framing")
    assert not (tmp_path / "ran-too-far").exists() and not (pipeline.ROOT / "ran-too-far").exists()


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
    said = capsys.readouterr().out
    assert "the web could not be reached; using what the archive holds" in said and "make demo" in said
    # and again at the end, with what the archive gave
    assert "2 of 2 sources came from the archive, 0 are missing" in said.splitlines()[-1]
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


def test_the_demo_is_never_collected_into_the_studys_own_folders(tmp_path):
    # a student sets out = "data/runs/latest" in explore.ipynb before any study run
    target = pipeline.ROOT / "data" / "runs" / "not-made-yet"
    with pytest.raises(StudyError, match=r"data/runs/not-made-yet: holds no run yet; make it with `make study`"):
        pipeline.ensure_inputs(target, sources=DEMO_SOURCES, offline=True, upto="compare")
    assert not target.exists()


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
    # (byte-identical re-runs: test_running_the_figures_again_gives_byte_identical_files, on the demo)


# --------------------------------------------------------------------------- the demo, end to end

def test_ensure_inputs_builds_the_articles_table_from_the_demo(tmp_path):
    # the demo holds one page whose date disagrees with its registry row, on purpose
    with pytest.warns(UserWarning, match="en_marketpulse_0508: registry date 2020-05-07 but the page says 2020-05-08"):
        paths = pipeline.ensure_inputs(tmp_path / "run", sources=DEMO_SOURCES, offline=True, upto="quoted_sources")
    arts = pd.read_csv(paths.articles_csv, dtype=str, keep_default_na=False)
    log = pd.read_csv(paths.fetch_log, dtype=str, keep_default_na=False)
    assert len(arts) == (log["status"] == "ok").sum() > 0
    assert set(arts["group"]) == {"indonesia", "international"}
    assert not paths.quotes.exists()  # only what quoted_sources reads is made


def test_ensure_inputs_remakes_what_is_stale(tmp_path):
    """A registry that grew, and a codebook edited after the analysis, are picked up (as make would)."""
    import os
    import shutil

    demo = tmp_path / "demo"
    shutil.copytree(DEMO_SOURCES.parent / "raw", demo / "raw")  # the seed archive beside the registry
    full = pd.read_csv(DEMO_SOURCES, dtype=str, keep_default_na=False)
    full.head(3).to_csv(demo / "sources.csv", index=False)
    out = tmp_path / "run"
    paths = pipeline.ensure_inputs(out, sources=demo / "sources.csv", upto="compare")
    assert len(pd.read_csv(paths.articles_csv)) <= 3
    full.head(6).to_csv(demo / "sources.csv", index=False)
    pipeline.ensure_inputs(out, sources=demo / "sources.csv", upto="compare")
    log = pd.read_csv(paths.fetch_log, dtype=str)
    assert log["id"].tolist() == full["id"].head(6).tolist()
    assert len(pd.read_csv(paths.articles_csv)) == (log["status"] == "ok").sum() > 3
    assert set(pd.read_csv(paths.frames, dtype=str)["article_id"]) == set(pd.read_csv(paths.articles_csv, dtype=str)["id"])
    # nothing changed: nothing is remade
    before = paths.frames.stat().st_mtime_ns
    pipeline.ensure_inputs(out, sources=demo / "sources.csv", upto="compare")
    assert paths.frames.stat().st_mtime_ns == before


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo run once (as `make demo` does, into a temporary folder), then again from the first
    notebook that draws a figure, through the command line: every figure is made twice without a
    second collection and extraction."""
    base = tmp_path_factory.mktemp("demo")
    out, figs = base / "demo", base / "figures-demo"
    committed = _files(FIGURES)
    pipeline.run(DEMO_SOURCES, out, offline=True, figures=figs)
    first = _files(figs)
    first_manifest = json.loads((out / "manifest.json").read_text())
    reports = {p.name: p.stat().st_mtime_ns for p in (out / "reports").iterdir()}
    code = cli.main(["run", "--sources", str(DEMO_SOURCES), "--out", str(out), "--offline",
                     "--from", "quoted_sources", "--figures", str(figs)])
    return SimpleNamespace(out=RunPaths.at(out), figs=figs, first=first, first_manifest=first_manifest,
                           reports_before=reports, code=code, committed=committed)


def test_the_demo_runs_end_to_end_into_its_own_folder(demo):
    names = pipeline.NOTEBOOK_OF.values()
    assert sorted(p.name for p in demo.out.reports.iterdir()) == sorted(
        f"{n}{ext}" for n in names for ext in (".html", ".ipynb"))
    m = demo.first_manifest
    assert m["status"] == "ok" and m["demo"] is True and m["offline"] is True
    assert m["stages_run"] == list(pipeline.STAGES)
    log = pd.read_csv(demo.out.fetch_log, dtype=str, keep_default_na=False)
    arts = pd.read_csv(demo.out.articles_csv, dtype=str, keep_default_na=False)
    assert m["counts"]["sources"] == len(log) and m["counts"]["extracted"] == len(arts) > 0
    assert m["counts"]["fetched"] == (log["status"] == "ok").sum() and m["counts"]["failed"] == (log["status"] == "failed").sum()
    assert set(m["codebooks"]) >= {"frames", "speakers", "cues"} and m["packages"]["matplotlib"]
    assert len(m["sources"]["sha256"]) == 64 and m["sources"]["path"] == "data/demo/sources.csv"
    # the notebooks wrote into the run folder only, never into the committed figures/
    assert _files(FIGURES) == demo.committed


def test_from_a_later_stage_reruns_only_that_stage_and_after(demo):
    assert demo.code == 0
    after = {p.name: p.stat().st_mtime_ns for p in demo.out.reports.iterdir()}
    kept = {n for n in after if n.startswith(("01_", "02_"))}
    assert kept and all(after[n] == demo.reports_before[n] for n in kept)
    assert all(after[n] != demo.reports_before[n] for n in set(after) - kept)
    manifest = json.loads(demo.out.manifest.read_text())
    assert manifest["stages_run"] == ["quoted_sources", "framing", "compare"]


def test_running_the_figures_again_gives_byte_identical_files(demo):
    again = _files(demo.figs)
    assert sorted(again) == sorted(demo.first)
    changed = [name for name in again if again[name] != demo.first[name]]
    assert not changed, f"figure files differ between two runs on the same inputs: {changed}"


def test_every_demo_figure_is_labelled_marked_synthetic_and_listed(demo):
    from coverage import plots

    index = plots.read_index(demo.out.figures)
    readme = (demo.figs / "README.md").read_text()
    assert readme == (demo.out.figures / "README.md").read_text()
    assert readme.startswith("# Figures from the synthetic demo corpus")
    made_by = set(pipeline.NOTEBOOK_OF.values())
    palette = {c.lstrip("#").lower() for c in plots.OKABE_ITO}
    assert {"compare_voices", "compare_frames", "compare_relayed_accounts", "compare_coverage_over_time",
            "compare_wire_copy"} <= set(index)
    for name, item in index.items():
        svg = (demo.out.figures / f"{name}.svg").read_text()
        assert plots.DEMO_NOTE in svg, f"{name}: not marked as made from the synthetic demo corpus"
        assert re.search(r"n = \d", svg), f"{name}: no n on the figure"
        # colours: the colour-blind-safe palette and greys only (a heatmap's colour map is an image)
        colours = {c.lower() for c in re.findall(r"(?:fill|stroke): ?#([0-9a-fA-F]{6})", svg)}
        off = {c for c in colours if c not in palette and len({c[0:2], c[2:4], c[4:6]}) > 1}
        assert not off, f"{name}: colours outside the Okabe-Ito palette: {sorted(off)}"
        assert (demo.out.figures / f"{name}.png").read_bytes().startswith(b"\x89PNG")
        assert len(pd.read_csv(demo.out.figures / f"{name}.csv")) > 0
        assert item["notebook"] in made_by and item["caption"]
        line = next(x for x in readme.splitlines() if x.startswith(f"| [{name}]("))
        assert f"notebooks/{item['notebook']}.ipynb" in line and "synthetic demo corpus" in line
    # figures/demo/ is what `make demo` makes: the same figures (re-run `make demo` when this fails)
    committed = plots.read_index(FIGURES / "demo")
    assert sorted(committed) == sorted(index), "figures/demo/ is out of date: run `make demo`"


def test_the_headline_figures_count_what_notebooks_03_and_04_count(demo):
    def counts(name, category):
        t = pd.read_csv(demo.out.figures / f"{name}.csv")
        return t.rename(columns={category: "what"}).set_index(["group", "what"])[["k", "n"]].sort_index()

    voices = counts("compare_voices", "value").rename(index=lambda v: v.removeprefix("voice_"), level="what")
    assert voices.equals(counts("quoted_sources_share", "speaker_type"))
    assert counts("compare_frames", "value").equals(counts("framing_prevalence", "value"))
    # each article relays exactly one account: a group's four shares add up to its n
    acc = pd.read_csv(demo.out.figures / "compare_relayed_accounts.csv").groupby("group")
    assert (acc["k"].sum() == acc["n"].first()).all()
    over_time = pd.read_csv(demo.out.figures / "compare_coverage_over_time.csv")
    arts = pd.read_csv(demo.out.articles_csv, dtype=str, keep_default_na=False)
    assert over_time.groupby("group")["articles"].sum().to_dict() == \
        arts[arts["published"] != ""].groupby("group").size().to_dict()
    assert (over_time["ci_low"] <= over_time["articles"]).all() and (over_time["articles"] <= over_time["ci_high"]).all()


@test_site.needs_browser
def test_the_demo_site_shows_every_figure_in_a_headless_browser(demo, tmp_path):
    index = demo.out.out / "site" / "index.html"
    dom = test_site.Links()
    dom.feed(test_site.dump_dom(index, tmp_path))
    n = len(list(demo.out.figures.glob("*.png")))
    assert n >= 5 and dom.body.get("data-figures") == f"{n}/{n}"
    assert all(i.get("data-loaded") == "yes" for i in dom.imgs)
    reports = [r for r in dom.refs if r.startswith("reports/")]
    assert sorted(reports) == sorted(f"reports/{nb}.html" for nb in pipeline.NOTEBOOK_OF.values())
    assert all((index.parent / r).is_file() for r in dom.refs)
    assert "Synthetic demo corpus." in index.read_text()


def test_the_explorer_runs_on_the_demo_and_its_charts_follow_the_filters(demo):
    from coverage import explore

    ex = explore.explorer(demo.out.out)
    arts = pd.read_csv(demo.out.articles_csv, dtype=str, keep_default_na=False)
    assert f"of {len(arts)} articles match" in ex.count.value
    assert len(ex.chart_data) == 3 and set(ex.chart_data[0]["group"]) == {"indonesia", "international"}
    ex.group.value = ("indonesia",)
    n_id = int((arts["group"] == "indonesia").sum())
    assert f"<b>{n_id}</b> of {len(arts)}" in ex.count.value
    assert [set(d["group"]) for d in ex.chart_data] == [{"indonesia"}] * 3
    assert (ex.chart_data[0]["n"] <= n_id).all()


# --------------------------------------------------------------------------- the scheduled refresh


def test_the_scheduled_workflow_runs_weekly_keeps_the_archive_and_proposes_only_changed_figures():
    wf = yaml.safe_load((pipeline.ROOT / ".github" / "workflows" / "refresh.yml").read_text())
    crons = [s["cron"] for s in wf[True]["schedule"]]  # YAML 1.1 reads the key `on` as True
    assert "17 3 * * 1" in crons  # weekly: minute hour * * weekday
    steps = wf["jobs"]["refresh"]["steps"]
    by_name = {s.get("name", s.get("uses")): s for s in steps}
    run = [s for s in steps if "make study" in s.get("run", "")]
    assert len(run) == 1
    restore = [s for s in steps if str(s.get("uses", "")).startswith("actions/cache/restore")]
    save = [s for s in steps if str(s.get("uses", "")).startswith("actions/cache/save")]
    assert restore and save and steps.index(restore[0]) < steps.index(run[0]) < steps.index(save[0])
    assert "data/runs/latest/raw" in restore[0]["with"]["path"] and save[0]["if"] == "always()"
    upload = by_name["Upload the executed reports, the site and the manifest"]
    assert "data/runs/latest/reports" in upload["with"]["path"] and upload["if"] == "always()"
    pr = [s for s in steps if str(s.get("uses", "")).startswith("peter-evans/create-pull-request")]
    assert pr and pr[0]["if"] == "steps.figures.outputs.changed == 'true'"
    check = by_name["Did a figure's bytes change?"]["run"]
    assert "'figures/*.png'" in check and ":!figures/demo/**" in check
    # the mid-week job only reads the archive cache, so GitHub (7 days unread) never evicts it
    keep = wf["jobs"]["keep-archive"]
    assert [s["uses"].split("@")[0] for s in keep["steps"]] == ["actions/cache/restore"]
