"""Every notebook in notebooks/: committed without outputs, one literal parameters cell that
declares what the runner passes, the study's kernel, and the runner's five notebooks present."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import nbformat
import papermill
import pytest
from jupyter_client.kernelspec import KernelSpecManager

from coverage import pipeline
from coverage.config import NOTEBOOKS

ALL = sorted(NOTEBOOKS.glob("*.ipynb"))
RUNNER_PARAMETERS = set(pipeline.RUNNER_PARAMETERS)
ids = [p.name for p in ALL]


def _nb(path: Path):
    return nbformat.read(str(path), as_version=4)


def _parameter_cells(nb):
    return [c for c in nb.cells if c.cell_type == "code" and "parameters" in c.metadata.get("tags", [])]


def test_the_runner_notebooks_exist():
    missing = [f"{n}.ipynb" for n in pipeline.NOTEBOOK_OF.values() if not (NOTEBOOKS / f"{n}.ipynb").is_file()]
    assert not missing, f"notebooks the runner executes are missing: {missing}"
    assert (NOTEBOOKS / "explore.ipynb").is_file()


@pytest.mark.parametrize("path", ALL, ids=ids)
def test_committed_without_outputs(path):
    dirty = [i for i, c in enumerate(_nb(path).cells)
             if c.cell_type == "code" and (c.get("outputs") or c.get("execution_count") is not None)]
    assert not dirty, f"{path.name}: code cells {dirty} hold outputs or execution counts; clear them before committing"


@pytest.mark.parametrize("path", ALL, ids=ids)
def test_one_parameters_cell_with_literals_only(path):
    cells = _parameter_cells(_nb(path))
    assert len(cells) == 1, f"{path.name}: {len(cells)} cells tagged 'parameters'; need exactly one"
    for stmt in ast.parse(cells[0].source).body:
        assert isinstance(stmt, (ast.Assign, ast.AnnAssign)), f"{path.name}: only assignments in the parameters cell"
        value = stmt.value
        if isinstance(value, ast.UnaryOp) and isinstance(value.op, ast.USub):
            value = value.operand
        assert isinstance(value, ast.Constant), (
            f"{path.name}: parameter on line {stmt.lineno} is not a literal; papermill would not recompute it")


@pytest.mark.parametrize("path", ALL, ids=ids)
def test_declares_every_parameter_the_runner_passes(path):
    declared = papermill.inspect_notebook(str(path))
    assert RUNNER_PARAMETERS <= set(declared), f"{path.name}: missing {RUNNER_PARAMETERS - set(declared)}"
    # papermill --help-notebook shows the annotated type and the comment
    assert declared["offline"]["inferred_type_name"] == "bool" and declared["delay"]["inferred_type_name"] == "float"
    assert all(declared[p]["help"] for p in RUNNER_PARAMETERS), f"{path.name}: say what each parameter is in a comment"


@pytest.mark.parametrize("path", ALL, ids=ids)
def test_defaults_run_offline_on_the_demo_and_write_under_build(path):
    declared = papermill.inspect_notebook(str(path))
    assert declared["offline"]["default"] == "True"
    assert declared["sources"]["default"].strip("\"'") == "data/demo/sources.csv"
    assert declared["out"]["default"].strip("\"'").startswith("build/")


def test_the_environment_provides_the_study_kernel():
    # `make env` registers it inside .venv (--sys-prefix); it must start this environment's Python,
    # where `import coverage` is the study's package, not some other interpreter's.
    specs = KernelSpecManager().find_kernel_specs()
    assert "coverage-study" in specs, "kernel coverage-study not registered: run `make env`"
    assert Path(specs["coverage-study"]).resolve().is_relative_to(Path(sys.prefix).resolve())
    spec = KernelSpecManager().get_kernel_spec("coverage-study")
    assert Path(spec.argv[0]).resolve() == Path(sys.executable).resolve()
    assert spec.display_name == "Python 3.11 (coverage study)" and spec.language == "python"


@pytest.mark.parametrize("path", ALL, ids=ids)
def test_kernelspec_is_the_one_the_environment_provides(path):
    spec = _nb(path).metadata.get("kernelspec", {})
    provided = KernelSpecManager().get_kernel_spec("coverage-study")
    assert spec == {"name": "coverage-study", "display_name": provided.display_name, "language": provided.language}, (
        f"{path.name}: kernelspec {spec}; use the study's kernel (coverage-study)")


@pytest.mark.parametrize("path", ALL, ids=ids)
def test_opens_with_what_it_reads_and_writes_and_never_edits_sys_path(path):
    nb = _nb(path)
    first = nb.cells[0]
    assert first.cell_type == "markdown" and first.source.lstrip().startswith("# ")
    assert "Reads" in first.source or "reads" in first.source.lower()
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    assert "sys.path" not in code and "os.chdir" not in code
