"""The students' explorer: filters, highlighting, and widgets that follow the filters."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402

from coverage import explore  # noqa: E402
from test_pipeline import handmade_run  # noqa: E402


def test_filters_combine(tmp_path):
    ex = explore.Explorer(handmade_run(tmp_path / "run").out)
    m = ex.measures
    assert list(explore.filter_articles(m)["id"]) == ["e1", "e2", "k1", "k2"]
    assert list(explore.filter_articles(m, groups=["indonesia"])["id"]) == ["k1", "k2"]
    assert list(explore.filter_articles(m, frame="privacy_surveillance")["id"]) == ["e1", "e2"]
    assert list(explore.filter_articles(m, frame="privacy_surveillance", speaker_type="government")["id"]) == ["e2"]
    assert list(explore.filter_articles(m, outlets=["Kabar Nusantara"], speaker_type="company")["id"]) == ["k2"]
    assert explore.filter_articles(m, groups=["indonesia"], frame="privacy_surveillance").empty


def test_widgets_follow_the_filters_and_the_reader_highlights(tmp_path):
    ex = explore.explorer(handmade_run(tmp_path / "run").out)
    assert "<b>4</b> of 4" in ex.count.value and len(ex.article.options) == 4
    ex.group.value = ("international",)
    ex.speaker.value = "researcher"
    assert "<b>1</b> of 4" in ex.count.value
    assert [v for _, v in ex.article.options] == ["e1"]
    ex.article.value = "e1"
    html = ex.reader.value
    assert '<mark class="quote"' in html and "data left the phone</mark>" in html
    assert "Gabi Cirlig (researcher)" in html and "Frames: privacy_surveillance" in html
    ex.frame.value = "market_business"
    assert "<b>0</b> of 4" in ex.count.value and ex.article.options == ()


def test_highlight_splits_overlapping_quote_and_frame_sentence():
    text = "Intro. He said the data was safe. End."
    quotes = pd.DataFrame({"start": [15], "end": [32], "speaker": ["He"], "speaker_type": ["company"], "cue": ["said"]})
    sentences = pd.DataFrame({"start": [7], "end": [33], "frame": ["corporate_reassurance"], "matched": ["safe"]})
    html = explore.highlight(text, quotes, sentences)
    assert html.startswith("Intro. <mark class=\"frame\"")
    assert ">He said <" in html.replace("</mark>", "<")  # frame only
    assert '<mark class="frame quote"' in html and ">the data was safe</mark>" in html
    assert html.endswith(" End.")
    # out-of-range spans are ignored, text is escaped
    assert explore.highlight("a < b", quotes.assign(start=99, end=120)) == "a &lt; b"
