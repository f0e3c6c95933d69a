"""The static site, loaded in a real headless browser (Debian's chromium): the page loads and
every figure image is present and decoded."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from html.parser import HTMLParser

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from coverage import plots, site  # noqa: E402
from coverage.config import RunPaths  # noqa: E402

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# In CI (GitHub sets CI=true) the browser check must run: a missing chromium fails, never skips.
needs_browser = pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("CI"),
    reason="no headless browser: install Debian's chromium (`apt-get install -y chromium`)")


def make_run(tmp_path) -> RunPaths:
    paths = RunPaths.at(tmp_path / "run")
    for name, values in (("first", [1, 3]), ("second", [2, 1])):
        fig, ax = plt.subplots()
        ax.bar(["indonesia", "international"], values)
        ax.set_title(f"Figure {name}")
        ax.set_ylabel("articles")
        plots.save_figure(fig, pd.DataFrame({"group": ["indonesia", "international"], "articles": values}),
                          name, paths.figures, caption=f"The {name} figure.", notebook="05_compare",
                          source_note=f"Source: a synthetic test run; n = {sum(values)} articles")
        plt.close(fig)
    paths.reports.mkdir(parents=True)
    (paths.reports / "05_compare.html").write_text("<!DOCTYPE html><html><body><p>report</p></body></html>")
    return paths


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.refs: list[str] = []
        self.imgs: list[dict] = []
        self.body: dict = {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.refs += [a[k] for k in ("href", "src") if k in a]
        if tag == "img":
            self.imgs.append(a)
        if tag == "body":
            self.body = a


def dump_dom(index, tmp_path) -> str:
    assert CHROMIUM, "no headless browser: install Debian's chromium (`apt-get install -y chromium`)"
    res = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=5000",
         "--dump-dom", index.as_uri()],
        capture_output=True, text=True, timeout=90,
    )
    assert res.returncode == 0, res.stderr[-2000:]
    return res.stdout


def test_site_links_are_relative_and_local(tmp_path):
    paths = make_run(tmp_path)
    index = site.build_site(paths.out)
    parser = Links()
    parser.feed(index.read_text())
    assert parser.refs, "the page links to nothing"
    for ref in parser.refs:
        assert not re.match(r"^[a-z]+:|^/", ref), f"not a relative link: {ref}"
        assert (index.parent / ref).is_file(), f"broken link: {ref}"
    assert [i["src"] for i in parser.imgs] == ["figures/first.png", "figures/second.png"]
    assert "The first figure." in index.read_text() and "reports/05_compare.html" in parser.refs


@needs_browser
def test_every_figure_loads_in_a_headless_browser(tmp_path):
    paths = make_run(tmp_path)
    index = site.build_site(paths.out)
    dom = Links()
    dom.feed(dump_dom(index, tmp_path))
    assert dom.body.get("data-figures") == "2/2"
    assert [i.get("data-loaded") for i in dom.imgs] == ["yes", "yes"]


@needs_browser
def test_a_missing_figure_is_caught_by_the_browser_check(tmp_path):
    paths = make_run(tmp_path)
    index = site.build_site(paths.out)
    (index.parent / "figures" / "second.png").write_bytes(b"not a png")
    dom = Links()
    dom.feed(dump_dom(index, tmp_path))
    assert dom.body.get("data-figures") == "1/2"
    assert [i.get("data-loaded") for i in dom.imgs] == ["yes", "no"]
