"""The study's package, not coverage.py, answers to ``import coverage`` everywhere users meet it."""

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import coverage
from coverage import config

SRC = Path(__file__).resolve().parents[1] / "src"


def test_import_coverage_is_the_study():
    assert Path(coverage.__file__).resolve().parent == SRC / "coverage"
    assert hasattr(coverage, "__version__") and not hasattr(coverage, "Coverage")


def test_coverage_py_is_not_installed_in_the_study_environment():
    # find_spec walks sys.path exactly as a kernel or `python -m` would.
    spec = importlib.util.find_spec("coverage")
    assert Path(spec.origin).resolve() == SRC / "coverage" / "__init__.py"
    dists = subprocess.run([sys.executable, "-m", "pip", "show", "coverage"], capture_output=True, text=True)
    assert dists.returncode != 0, "coverage.py is installed in the study environment: " + dists.stdout


def test_python_dash_m_coverage_is_the_study_cli(tmp_path):
    # Run from an unrelated folder, as a user would: the CLI must not depend on the cwd.
    res = subprocess.run([sys.executable, "-m", "coverage", "--help"], capture_output=True, text=True, cwd=tmp_path)
    assert res.returncode == 0
    assert "collect" in res.stdout and "Xiaomi" in res.stdout


def test_registered_kernel_runs_this_environment():
    from jupyter_client.kernelspec import KernelSpecManager

    spec = KernelSpecManager().get_kernel_spec("coverage-study")
    assert Path(spec.argv[0]).resolve() == Path(sys.executable).resolve()


def test_cli_failure_is_one_line_and_non_zero(tmp_path):
    res = subprocess.run(
        [sys.executable, "-m", "coverage", "extract", "--out", str(tmp_path / "nothing")],
        capture_output=True, text=True,
    )
    assert res.returncode != 0
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:")


def test_relative_paths_resolve_from_the_project_root():
    assert config.resolve("data/sources.csv") == config.ROOT / "data" / "sources.csv"
    assert config.resolve("/tmp/x") == Path("/tmp/x")
