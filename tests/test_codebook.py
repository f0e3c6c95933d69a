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


def test_a_regular_expression_in_double_quotes_is_refused_with_its_line(tmp_path):
    # "\b" inside YAML double quotes is a backspace: the pattern would silently never match
    p = tmp_path / "book.yml"
    p.write_text("version: '1.0'\npatterns: ['\\bok\\b',\n  \"\\bprime minister's office\\b\"]\n", encoding="utf-8")
    with pytest.raises(StudyError, match=r"book\.yml line 3: .*control character.*single quotes"):
        read_yaml(p)
    p.write_text("version: '1.0'\npatterns: ['\\bok\\b', \"\\\\bfine\\\\b\"]\n", encoding="utf-8")
    assert read_yaml(p)["patterns"] == ["\\bok\\b", "\\bfine\\b"]
    # the line named is the one with the single backslash, not an earlier correct one
    p.write_text("version: '1.0'\na: [\"\\\\bfine\\\\b\"]\nb: [\"\\bbad\"]\n", encoding="utf-8")
    with pytest.raises(StudyError, match=r"book\.yml line 3: "):
        read_yaml(p)
