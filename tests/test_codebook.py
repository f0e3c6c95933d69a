"""Codebook YAML errors name the file, the line and the fix."""

from __future__ import annotations

import pytest

from coverage.codebook import read_yaml
from coverage.errors import StudyError


def test_reads_a_mapping(tmp_path):
    p = tmp_path / "book.yml"
    p.write_text("version: '1.0'\nitems:\n  - a\n  - b\n", encoding="utf-8")
    assert read_yaml(p) == {"version": "1.0", "items": ["a", "b"]}


def test_syntax_error_names_file_and_line(tmp_path):
    p = tmp_path / "book.yml"
    p.write_text("version: 1\nitems:\n  - a\n - b\n", encoding="utf-8")  # bad indent on line 4
    with pytest.raises(StudyError, match=r"book\.yml line 4: not valid YAML .*fix the indentation"):
        read_yaml(p)


def test_missing_file_and_non_mapping(tmp_path):
    with pytest.raises(StudyError, match=r"nope\.yml: codebook not found; restore it"):
        read_yaml(tmp_path / "nope.yml")
    p = tmp_path / "list.yml"
    p.write_text("- a\n- b\n", encoding="utf-8")
    with pytest.raises(StudyError, match=r"list\.yml: expected a mapping at the top level"):
        read_yaml(p)
