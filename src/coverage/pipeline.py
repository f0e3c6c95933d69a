"""One study, one command: execute the notebooks in order with papermill.

``python -m coverage run --sources FILE --out DIR [--offline] [--delay S] [--from STAGE]``
runs notebooks/01_collect, 02_extract, 03_quoted_sources, 04_framing and 05_compare in the
study's registered kernel, with the project root as working folder and the same four
parameters (sources, out, offline, delay) for each. Each executed notebook is kept in
DIR/reports/ as .ipynb and .html; the first failure stops the run and names the notebook and
the cell, so no later stage reads stale inputs. Then DIR/manifest.json, the static site
(DIR/site/) and, with ``figures=``, a copy of the figures with their README.

:func:`ensure_inputs` lets any single notebook run on its own (JupyterLab, nbval): it runs
the earlier stages' functions only when DIR lacks their outputs.
"""

from __future__ import annotations

import contextlib
import os
import socket
from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

from . import atomic
from .cli import STAGES  # one list of stage names for the command line and the runner
from .codebook import shown
from .config import BUILD, CODEBOOK, DEMO_SOURCES, NOTEBOOKS, ROOT, RunPaths, resolve
from .errors import StudyError

KERNEL = "coverage-study"
# What the runner passes to every notebook; each must declare all of them (tests/test_notebooks.py).
RUNNER_PARAMETERS = ("sources", "out", "offline", "delay")
NOTEBOOK_OF = {
    "collect": "01_collect",
    "extract": "02_extract",
    "quoted_sources": "03_quoted_sources",
    "framing": "04_framing",
    "compare": "05_compare",
}
# What each stage reads from DIR (made by an earlier stage); checked before --from skips ahead.
NEEDS = {
    "collect": (),
    "extract": ("sources", "fetch_log"),
    "quoted_sources": ("articles_csv",),
    "framing": ("articles_csv",),
    "compare": ("articles_csv", "quotes", "citations", "frames"),
}
MADE_BY = {
    "sources": "collect", "fetch_log": "collect", "articles_csv": "extract",
    "quotes": "quoted_sources", "citations": "quoted_sources", "frames": "framing",
}
OFFLINE_NOTE = (
    "note: the web could not be reached; using what the archive holds "
    "(pages not archived yet are recorded as failed); try `make demo` for the offline demo run"
)
PROBE_HOSTS = ("web.archive.org",)


def _stage(name: str) -> str:
    """A stage name from a stage or notebook name ("framing", "04_framing", "04_framing.ipynb")."""
    stem = Path(str(name)).name.removesuffix(".ipynb")
    if stem in STAGES:
        return stem
    for stage, nb in NOTEBOOK_OF.items():
        if stem == nb:
            return stage
    raise StudyError(f"unknown stage {name!r}; use one of: {', '.join(STAGES)}")


# --------------------------------------------------------------------------- inputs of one notebook


def _stale(target: Path, *inputs: Path) -> bool:
    """True when ``target`` is missing or older than any of the ``inputs`` that exist."""
    if not target.is_file():
        return True
    made = target.stat().st_mtime_ns
    return any(p.is_file() and p.stat().st_mtime_ns > made for p in inputs)


def _same_registry(paths: RunPaths, sources: str | Path | None) -> bool:
    """Whether DIR's validated registry copy is what ``sources`` holds now (True if no registry is given)."""
    if sources is None:
        return True
    from .sources import load_sources

    given = resolve(sources)
    if given.resolve() == paths.sources.resolve():
        return True
    return load_sources(given).equals(load_sources(paths.sources))


def ensure_inputs(
    out: str | Path,
    *,
    sources: str | Path | None = None,
    offline: bool = True,
    upto: str = "compare",
    delay: float = 1.0,
) -> RunPaths:
    """Make sure DIR holds everything stage ``upto`` reads; return the run's paths.

    Earlier stages run only where their outputs are missing or stale, as make would: collect
    (needs ``sources``) when fetch_log.csv is absent or the registry differs from DIR's copy
    (it then fetches only what is new), extract when articles.csv is absent or older than the
    fetch log, and (only for ``upto="compare"``) :func:`coverage.analyse.analyse_run` for
    whichever of quotes.csv, citations.csv, frames.csv and frame_sentences.csv is absent or
    older than articles.csv or a codebook. ``upto`` is the stage about to run ("collect" ...
    "compare"; notebook names work too).
    """
    stage = _stage(upto)
    paths = RunPaths.at(out)
    need_articles = stage in ("quoted_sources", "framing", "compare")
    need_log = stage == "extract" or (need_articles and not paths.articles_csv.is_file())
    have_log = paths.fetch_log.is_file() and paths.sources.is_file()
    # a collected folder whose registry has since grown or changed is brought up to date (only
    # what is new gets fetched); a folder holding tables but no fetch log is taken as given
    if (need_log and not have_log) or (stage != "collect" and have_log and not _same_registry(paths, sources)):
        if sources is None:
            raise StudyError(f"{shown(paths.out)}: no fetch_log.csv yet and no registry given; pass sources=... "
                             "(e.g. data/demo/sources.csv) or run notebooks/01_collect.ipynb first")
        where = paths.out.resolve()
        study_folder = where.is_relative_to(ROOT.resolve()) and not where.is_relative_to(BUILD.resolve())
        if study_folder and resolve(sources).resolve() == DEMO_SOURCES.resolve():
            # e.g. a student pointed `out` at data/runs/latest before any study run: the synthetic
            # demo never fills the study's own folders (only build/ or folders outside the project)
            raise StudyError(f"{shown(paths.out)}: holds no run yet; make it with `make study` (or `python -m coverage "
                             f"run --sources data/sources.csv --out {shown(paths.out)}`), or set out back to "
                             "build/notebooks-demo for the demo corpus")
        from .collect import collect

        collect(resolve(sources), paths.out, offline=offline, delay=delay)
    if need_articles and _stale(paths.articles_csv, paths.fetch_log):
        from .extract import extract_run

        extract_run(paths.out)
    codebooks = sorted(CODEBOOK.glob("*.yml"))
    missing = [t for t in ("quotes", "citations", "frames", "frame_sentences")
               if _stale(getattr(paths, t), paths.articles_csv, *codebooks)]
    if stage == "compare" and missing:
        from .analyse import analyse_run

        analyse_run(paths.out, tables=missing)
    return paths


# --------------------------------------------------------------------------- executing notebooks


def declared_parameters(notebook: Path) -> dict[str, dict]:
    """The parameters a notebook declares in its cell tagged ``parameters`` (papermill's view)."""
    import papermill

    return papermill.inspect_notebook(str(notebook))


def check_parameters(notebook: Path, parameters: dict) -> None:
    """Refuse parameters the notebook does not declare (papermill would only warn)."""
    declared = declared_parameters(notebook)
    undeclared = sorted(set(parameters) - set(declared))
    if undeclared:
        where = (f"declares only {', '.join(sorted(declared))}" if declared
                 else "has no code cell tagged 'parameters'")
        raise StudyError(
            f"{shown(notebook)}: parameter(s) {', '.join(undeclared)} not declared; the notebook {where}; "
            "add them to its parameters cell (literals, e.g. `delay: float = 1.0`)"
        )


def _first_line(text: str, limit: int = 200) -> str:
    line = " ".join(str(text).strip().splitlines()[:1]) if str(text).strip() else ""
    return line if len(line) <= limit else line[: limit - 3] + "..."


@contextlib.contextmanager
def _inline_figures() -> Iterator[None]:
    """Kernels draw inline (figures embedded in the reports) even when the caller set MPLBACKEND=Agg."""
    old = os.environ.get("MPLBACKEND")
    os.environ["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("MPLBACKEND", None)
        else:
            os.environ["MPLBACKEND"] = old


# JupyterLab's HTML template, minus the scripts it loads from CDNs (require.js, MathJax,
# mermaid, the widget renderer): reports open offline and fetch nothing.
REPORT_TEMPLATE = """{%- extends 'lab/index.html.j2' -%}
{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}
{% block jupyter_widgets %}{% endblock jupyter_widgets %}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
"""


def export_html(notebook_path: Path, html_path: Path) -> Path:
    """An HTML copy of an executed notebook (no prompts, no external scripts), written atomically."""
    import jinja2
    import nbformat
    from nbconvert import HTMLExporter

    nb = nbformat.read(str(notebook_path), as_version=4)
    exporter = HTMLExporter(
        template_name="lab", template_file="coverage_report.html.j2",
        extra_loaders=[jinja2.DictLoader({"coverage_report.html.j2": REPORT_TEMPLATE})],
        exclude_input_prompt=True, exclude_output_prompt=True,
    )
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": notebook_path.stem}})
    return atomic.write_text(html_path, body)


def execute_notebook(
    notebook: Path,
    report_dir: Path,
    parameters: dict,
    *,
    kernel_name: str = KERNEL,
    cwd: Path = ROOT,
) -> Path:
    """Execute one notebook with papermill into ``report_dir/<name>.ipynb`` (+ .html).

    Undeclared parameters are refused before the kernel starts. A failing cell raises a
    StudyError naming the notebook, the cell's execution count and first line, and the error;
    the executed copy with the full traceback is kept in ``report_dir``.
    """
    import papermill
    from papermill.exceptions import PapermillExecutionError

    notebook = Path(notebook)
    if not notebook.is_file():
        raise StudyError(f"{shown(notebook)}: notebook not found; restore it from git (`git checkout -- {shown(notebook)}`)")
    check_parameters(notebook, parameters)
    report_dir.mkdir(parents=True, exist_ok=True)
    target = report_dir / notebook.name
    partial = report_dir / f".{notebook.stem}.partial.ipynb"  # papermill wants .ipynb
    html_target = target.with_suffix(".html")
    try:
        with _inline_figures():
            papermill.execute_notebook(
                str(notebook), str(partial), parameters=parameters, kernel_name=kernel_name,
                cwd=str(cwd), progress_bar=False, log_output=False,
                # The kernel's own start-up warnings (transport notes) are not the reader's concern;
                # errors still show, and every cell's output is kept in the report.
                extra_arguments=["--IPKernelApp.log_level=ERROR"],
            )
    except PapermillExecutionError as exc:
        os.replace(partial, target)
        with contextlib.suppress(Exception):
            export_html(target, html_target)
        raise StudyError(
            f"{shown(notebook)}: cell [{exc.exec_count}] (`{_first_line(exc.source, 80)}`) failed with "
            f"{exc.ename}: {_first_line(exc.evalue)}; the executed copy with the traceback is {shown(target)}"
        ) from exc
    except Exception as exc:  # kernel missing or dead: say which and how to fix
        partial.unlink(missing_ok=True)
        name = type(exc).__name__
        if name == "NoSuchKernel":
            raise StudyError(f"{shown(notebook)}: Jupyter kernel {kernel_name!r} not found; run `make env` "
                             "(it registers the study's kernel)") from exc
        raise StudyError(f"{shown(notebook)}: could not be executed ({name}: {_first_line(str(exc))})") from exc
    os.replace(partial, target)
    export_html(target, html_target)
    return target


# --------------------------------------------------------------------------- the whole run


def web_reachable(sources: Path, timeout: float = 3.0) -> bool:
    """Whether any of a few registry hosts or the Wayback Machine answers on port 443."""
    hosts: list[str] = []
    try:
        import pandas as pd

        urls = pd.read_csv(sources, dtype=str, keep_default_na=False, usecols=["url"])["url"]
        hosts = list(dict.fromkeys(h for h in (urlsplit(u).hostname for u in urls) if h))[:3]
    except Exception:  # noqa: BLE001 - the registry is validated by collect; here we only probe
        pass
    for host in [*PROBE_HOSTS, *hosts]:
        try:
            with socket.create_connection((host, 443), timeout=timeout):
                return True
        except OSError:
            continue
    return False


def _check_earlier_outputs(paths: RunPaths, stage: str) -> None:
    """--from STAGE: the outputs of the earlier stages must exist, and not be left over from a
    run that failed before STAGE (they would be stale: an older run's tables)."""
    if paths.manifest.is_file():
        import json

        failed = json.loads(paths.manifest.read_text(encoding="utf-8")).get("failed_stage")
        if failed in STAGES and STAGES.index(failed) < STAGES.index(stage):
            raise StudyError(
                f"--from {stage}: the last run in {shown(paths.out)} failed at notebooks/{NOTEBOOK_OF[failed]}.ipynb, "
                f"so what DIR holds for the stages after it is stale; run `--from {failed}` (or without --from)"
            )
    missing = [k for k in NEEDS[stage] if not getattr(paths, k).is_file()]
    if missing:
        first = getattr(paths, missing[0])
        maker = MADE_BY[missing[0]]
        raise StudyError(
            f"--from {stage}: {shown(first)} is missing (written by notebooks/{NOTEBOOK_OF[maker]}.ipynb); "
            f"run from an earlier stage, e.g. `--from {maker}`, or without --from"
        )


def forget_figures(out: str | Path, notebooks: list[str]) -> list[str]:
    """Remove the figures these notebooks made in an earlier run (files and index entries).

    They are about to be made again; a figure a notebook no longer makes must not linger.
    Figures of notebooks that are not re-run (``--from``) stay. Returns the names removed.
    """
    from .plots import read_index, write_index

    fig_dir = RunPaths.at(out).figures
    index = read_index(fig_dir)
    gone = sorted(name for name, item in index.items() if item.get("notebook") in notebooks)
    for name in gone:
        for f in index.pop(name).get("files", []):
            (fig_dir / f).unlink(missing_ok=True)
    if gone:
        write_index(fig_dir, index)
    return gone


def _check_something_collected(paths: RunPaths, *, offline_note: bool) -> None:
    """Stop after collection when no page at all was archived: later stages would have nothing to read."""
    import pandas as pd

    if not paths.fetch_log.is_file():
        raise StudyError(f"{shown(paths.fetch_log)}: notebooks/01_collect.ipynb wrote no fetch log; see its report in {shown(paths.reports)}")
    log = pd.read_csv(paths.fetch_log, dtype=str, keep_default_na=False)
    if len(log) and not (log["status"] == "ok").any():
        top = log["reason"].value_counts().index[0] if "reason" in log else "unknown"
        why = ("the web could not be reached and the archive holds none of these pages"
               if offline_note else f"most often: {top}")
        raise StudyError(
            f"{shown(paths.fetch_log)}: none of the {len(log)} sources could be collected ({why}); "
            "check the network (or the registry's URLs) and re-run, or try `make demo` for the offline demo run"
        )


def copy_figures(out: str | Path, dest: str | Path) -> list[Path]:
    """Copy DIR/figures/* into ``dest`` and write dest/README.md (caption and notebook of each figure).

    Figures listed in dest's previous figures.json but no longer made are removed; nothing
    else in ``dest`` is touched (figures/demo/ stays when refreshing figures/).
    """
    from .plots import INDEX_FILE, read_index

    paths = RunPaths.at(out)
    dest = resolve(dest)
    new = read_index(paths.figures)
    old = read_index(dest)
    written = []
    for name in sorted(set(old) - set(new)):
        for f in old[name].get("files", []):
            (dest / f).unlink(missing_ok=True)
    for name in sorted(new):
        for f in new[name].get("files", []):
            src = paths.figures / f
            if src.is_file():
                written.append(atomic.write_bytes(dest / f, src.read_bytes()))
    if (paths.figures / INDEX_FILE).is_file():
        atomic.write_bytes(dest / INDEX_FILE, (paths.figures / INDEX_FILE).read_bytes())
    write_figure_readme(paths.out, dest)
    return written


def write_figure_readme(out: str | Path, dest: str | Path | None = None) -> Path:
    """Write README.md (each figure's one-line caption and notebook) for the run's figures into
    ``dest`` (default DIR/figures); a demo run's README says the figures are synthetic."""
    from .plots import figure_readme, is_demo_run, read_index

    paths = RunPaths.at(out)
    demo = is_demo_run(paths.out)
    heading = "Figures from the synthetic demo corpus" if demo else "Figures"
    text = figure_readme(read_index(paths.figures), demo=demo, heading=heading)
    return atomic.write_text(resolve(dest or paths.figures) / "README.md", text)


def run(
    sources: str | Path,
    out: str | Path,
    *,
    offline: bool = False,
    delay: float = 1.0,
    from_stage: str = "collect",
    figures: str | Path | None = None,
    notebooks: str | Path | None = None,
    kernel_name: str = KERNEL,
) -> RunPaths:
    """Execute the study's notebooks in order on ``sources`` into ``out`` (the contract's DIR).

    ``from_stage`` skips earlier notebooks and reuses their outputs in DIR (a clear error when
    they are missing). ``figures`` also receives a copy of the figures and their README.
    ``notebooks`` (a folder) and ``kernel_name`` exist for tests. Raises StudyError on the
    first failing notebook, after writing the manifest with the failure as its status.
    """
    from .manifest import write_manifest
    from .site import build_site

    start = _stage(from_stage)
    paths = RunPaths.at(out)
    src = resolve(sources)
    nb_dir = resolve(notebooks) if notebooks is not None else NOTEBOOKS
    if not src.is_file():
        raise StudyError(f"{sources}: registry not found; give a CSV such as data/sources.csv or data/demo/sources.csv")
    if delay < 0:
        raise StudyError(f"--delay {delay}: must be zero or more seconds")
    stages = STAGES[STAGES.index(start):]
    _check_earlier_outputs(paths, start)
    # Refuse before any kernel starts: a bad parameter in notebook 05 should not cost a collection.
    for stage in stages:
        nb = nb_dir / f"{NOTEBOOK_OF[stage]}.ipynb"
        if not nb.is_file():
            raise StudyError(f"{shown(nb)}: notebook not found; the run needs every stage's notebook "
                             f"({', '.join(NOTEBOOK_OF[s] for s in stages)}); restore it from git")
        check_parameters(nb, dict.fromkeys(RUNNER_PARAMETERS))

    requested_offline = offline
    if not offline and "collect" in stages and not web_reachable(src):
        print(OFFLINE_NOTE, flush=True)
        offline = True
    parameters = {"sources": str(src), "out": str(paths.out), "offline": bool(offline), "delay": float(delay)}
    assert tuple(parameters) == RUNNER_PARAMETERS  # one list: what is checked is what is passed
    paths.out.mkdir(parents=True, exist_ok=True)
    forget_figures(paths.out, [NOTEBOOK_OF[s] for s in stages])
    done: list[str] = []
    try:
        for stage in stages:
            name = NOTEBOOK_OF[stage]
            print(f"running notebooks/{name}.ipynb ...", flush=True)
            execute_notebook(nb_dir / f"{name}.ipynb", paths.reports, parameters, kernel_name=kernel_name)
            done.append(stage)
            if stage == "collect":
                _check_something_collected(paths, offline_note=offline and not requested_offline)
    except StudyError as exc:
        failed = stages[len(done)] if len(done) < len(stages) else stages[-1]
        with contextlib.suppress(Exception):
            write_manifest(paths.out, sources_path=src, stages_run=done, status=f"failed: {exc}",
                           extra={"failed_stage": failed, "offline": bool(offline)})
            build_site(paths.out)
        raise
    manifest = write_manifest(paths.out, sources_path=src, stages_run=done,
                              extra={"offline": bool(offline), "web_unreachable": offline and not requested_offline})
    write_figure_readme(paths.out)
    index = build_site(paths.out)
    if figures is not None:
        copied = copy_figures(paths.out, figures)
        print(f"copied {len(copied)} figure files into {figures}", flush=True)
    print(f"reports in {shown(paths.reports)}, site at {shown(index)}", flush=True)
    if offline and not requested_offline:
        counts = manifest["counts"]
        print(f"note: this run was offline because the web could not be reached: {counts['fetched']} of "
              f"{counts['fetched'] + counts['failed']} sources came from the archive, {counts['failed']} are missing until the next "
              "online run; the figures show only those. The demo (`make demo`) runs fully offline.", flush=True)
    return paths
