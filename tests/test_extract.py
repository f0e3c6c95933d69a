"""Extraction: decoding, main text, boilerplate rules, article metadata and the run.

The pages in tests/fixtures/extract/ are synthetic (written by us; see the README there),
shaped like real templates. Each NAME.html has NAME.txt, the body a reader would call the
article; the extractor must reach a token F1 of 0.9 against it and leave out every piece
of chrome listed below.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import warnings
from dataclasses import replace
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

from coverage import extract as X
from coverage.config import RunPaths
from coverage.errors import StudyError

FIX = Path(__file__).parent / "fixtures" / "extract"


# page, language, URL, boilerplate that must not survive
PAGES = {
    "id_portal": ("id", "https://teknoportal.example/read/2020/05/02/10150011/xiaomi-bantah", [
        "Baca juga", "Daftar Ponsel Xiaomi yang Kebagian MIUI 12", "Dituding Merekam Aktivitas",
        "ADVERTISEMENT", "SCROLL TO CONTINUE WITH CONTENT", "Bagikan", "WhatsApp", "Pewarta",
        "Editor", "Penulis", "Copyright", "Halaman Selanjutnya", "Tag:", "Google News",
        "Berita Terkait", "Cara Mematikan Pengumpulan", "Terpopuler", "Indeks Berita", "(Foto:",
        "Senin, 30 November 2026", "Pedoman Media Siber",
    ]),
    "en_tech": ("en", "https://techdispatch.example/2020/05/01/xiaomi-browser-data", [
        "Advertisement", "Related:", "Your phone's browser may know", "Read more",
        "Sign up for our daily newsletter", "Get the Dispatch newsletter", "Jordan Blake is a senior reporter",
        "12 Comments", "I switched to another browser", "Incognito was never meant", "logged in",
        "All rights reserved", "Podcasts", "Share this story", "Most Popular", "cookies",
    ]),
    "id_amp": ("id", "https://amp.gadgetkita.example/gadget/2020/05/04/194500/peramban-xiaomi", [
        "Baca Juga", "Xiaomi Bantah Curi Data", "ADVERTISEMENT", "Iklan", "Kontributor", "Editor",
        "Tags:", "Berita Terkait", "Tips Aman Berselancar", "Beranda", "Hak cipta", "(Foto:",
    ]),
    "id_wire_tables": ("id", "https://kabargawai.example/read/2020/05/05/pakar-xiaomi", [
        "Baca juga", "Lima Cara Mengecek", "Foto: Sari Handayani", "Tampilan menu pengaturan", "Baca:",
        "Regulasi Perlindungan Data", "Artikel ini telah tayang", "Klik untuk baca", "Pilihan Editor",
        "Daftar Ponsel yang Kebagian", "(shd)", "ADVERTISEMENT", "SCROLL TO RESUME", "Show All", "Copyright",
        "Senin, 30 November 2026",
    ]),
    "en_wire_credits": ("en", "https://examplewire.example/2020/05/06/regulators-xiaomi", [
        "affiliate", "Also:", "How private is private browsing", "Story continues", "More on Xiaomi",
        "midrange phone", "Reporting by", "Editing by", "Our Standards", "originally appeared",
        "Google News", "Got a tip", "Reader comments", "removed the browser", "All rights reserved",
    ]),
    "en_promos": ("en", "https://exampledaily.example/tech/2020/05/04/xiaomi-private-mode-switch", [
        "homepage for more stories", "Now playing", "Watch this", "valid email", "privacy notice",
        "READ:", "Five browser settings", "(stock image)", "Synopsis", "Why phone makers keep adding",
        "Related Video", "More Great Example Stories", "budget flagship", "What incognito mode really hides",
        "Tech Briefing", "Telegram channel", "Catch all the", "2020-05-04", "Most popular",
    ]),
    "id_regional": ("id", "https://kabardaerah.example/tekno/2020/05/04/xiaomi-sakelar-privasi", [
        "Harga Ponsel Xiaomi Terbaru", "(Ilustrasi)", "Simak berita lainnya", "automatically generated",
        "Google News", "Rina Kartika", "Bagus Wibowo", "Hak cipta",
    ]),
    "en_paywall_feeds": ("en", "https://examplepost.example/tech/2020/05/04/xiaomi-browser-update", [
        "may earn a commission", "Why trust us", "How private browsing really works", "reached your limit",
        "Subscription Benefits", "Newsletters here", "wire agency feed", "headline has been changed",
        "@ExamplePostTech", "first published", "Printable version", "Find latest and upcoming",
    ]),
    "id_notif_captions": ("id", "https://kabargawai.example/tekno/2020/05/04/regulator-xiaomi", [
        "Aktifkan Notifikasimu", "Jadilah yang pertama", "Gerai ponsel di pusat belanja", "Video:",
        "Tampilan menu privasi", "Tulis komentarmu", "Periksa kembali", "(Ant/OL-1)", "Kabargawai.com - Teknologi",
        "Google Berita", "https://", "Hak cipta",
    ]),
    "en_labels": ("en", "https://exampleledger.example/2020/05/04/xiaomi-browser-switch", [
        "Brought to you by", "Hear this story", "6 min", "Picture 2 of 6", "Tap to expand", "Watch Next Reel",
        "Pass it on", "Copy link", "Phone makers and private browsing",
    ]),
    "id_cp1252_meta_utf8": ("id", "https://infotekno.example/tekno/xiaomi-jawab", [
        "Baca juga", "Jadwal MIUI 12", "Editor", "Copyright", "Beranda", "Minggu, 3 Mei 2020",
    ]),
}


def tokens(text: str) -> Counter:
    return Counter(re.findall(r"\w+", text.lower()))


def token_f1(got: str, want: str) -> float:
    g, w = tokens(got), tokens(want)
    overlap = sum((g & w).values())
    if not overlap:
        return 0.0
    p, r = overlap / sum(g.values()), overlap / sum(w.values())
    return 2 * p * r / (p + r)


def page(name: str) -> bytes:
    return (FIX / f"{name}.html").read_bytes()


def body(name: str) -> str:
    return (FIX / f"{name}.txt").read_text(encoding="utf-8")


# --------------------------------------------------------------------------- main text


@pytest.mark.parametrize("name", sorted(PAGES))
def test_main_text_matches_the_known_body(name):
    lang, url, _ = PAGES[name]
    got = X.extract_html(page(name), url, lang)
    assert token_f1(got, body(name)) >= 0.9, got


@pytest.mark.parametrize("name", sorted(PAGES))
def test_no_boilerplate_survives(name):
    lang, url, chrome = PAGES[name]
    got = X.extract_html(page(name), url, lang)
    survivors = [s for s in chrome if s.lower() in got.lower()]
    assert survivors == []


@pytest.mark.parametrize("name", sorted(PAGES))
def test_paragraphs_are_lines_in_order(name):
    lang, url, _ = PAGES[name]
    got = X.extract_html(page(name), url, lang).split("\n")
    want = body(name).strip().split("\n")
    # every known paragraph is one whole line of the output, in the page's order
    assert [line for line in got if line in want] == want


def test_attribution_goes_to_credits_and_quotes_stay():
    art = X.extract_article(page("id_portal"), PAGES["id_portal"][1], "id")
    assert art["credits"] == "Sumber: Forbes"  # a citation, read by the analysis, not the story
    assert "Sumber: Forbes" not in art["text"]
    assert '"Privasi pengguna adalah prioritas utama kami.' in art["text"]


@pytest.mark.parametrize("body, text, credits", [
    ("A.\nSumber: Antara\nB.", "A.\nB.", "Sumber: Antara"),
    ("A.\n(Sumber: Forbes, GSMArena)\nVia: CNET", "A.", "(Sumber: Forbes, GSMArena)\nVia: CNET"),
    ("A.\nSource/VIA: Forbes", "A.", "Source/VIA: Forbes"),
    ("A.\nFORBES | GSMARENA", "A.", "FORBES | GSMARENA"),  # Tempo's closing sources in capitals
    ("A.\nForbes | GSMArena\nXIAOMI", "A.\nForbes | GSMArena\nXIAOMI", ""),  # not capitals, or one item
    ("A.\nSumber: Pixabay", "A.\nSumber: Pixabay", ""),  # a picture's source is not the story's
    # a long line that opens with the label is prose, not a credit
    ("Source: " + "the company said it would change the browser " * 4, "Source: " + "the company said it would change the browser " * 4, ""),
    ("", "", ""),
])
def test_split_credits(body, text, credits):
    assert X.split_credits(body) == (text, credits)


def test_lead_outside_the_article_container_is_recovered():
    # en_tech's standfirst sits in a header above <article>, where trafilatura does not look
    lang, url, _ = PAGES["en_tech"]
    text, label = X.extract_body(X.decode_html(page("en_tech")), url, lang)
    assert text.split("\n")[0].startswith("The company answers researchers")
    assert label == "trafilatura+lead"
    from dataclasses import replace

    without, _ = X.extract_body(X.decode_html(page("en_tech")), url, lang, replace(X.DEFAULT_OPTIONS, lead=False))
    assert "The company answers researchers" not in without


def test_headline_is_not_part_of_the_text():
    got = X.extract_html(page("id_portal"), PAGES["id_portal"][1], "id")
    assert "Xiaomi Bantah Kumpulkan Data Pengguna Diam-diam Lewat Peramban" not in got


@pytest.mark.parametrize("html", [b"", b"   ", b"\x00\x01\xff\xfe", b"<html></html>", b"<html><body><nav>Home</nav></body></html>"])
def test_pages_without_text_give_empty_string(html):
    assert X.extract_html(html, "https://x.example/a", "id") == ""


def test_thin_body_falls_back_to_json_ld():
    paras = ["Paragraf pertama tentang peramban Xiaomi dan data pengguna.",
             "Paragraf kedua: Xiaomi menyatakan data bersifat agregat dan anonim."] * 4
    ld = '{"@type": "NewsArticle", "articleBody": "' + "\\n".join(paras) + '"}'
    html = (f'<html><head><script type="application/ld+json">{ld}</script></head>'
            '<body><h1>Judul</h1><div id="app">Memuat...</div></body></html>').encode()
    text, label = X.extract_body(X.decode_html(html), "https://x.example/a", "id")
    assert label == "json-ld"
    assert text.split("\n") == paras


# --------------------------------------------------------------------------- decoding


def test_utf8_bytes_declared_iso_8859_1_in_header_and_meta():
    text = "<html><head><meta charset='iso-8859-1'></head><body><p>“Privasi” — café</p></body></html>"
    got = X.decode_html(text.encode("utf-8"), "text/html; charset=ISO-8859-1")
    assert got == text


def test_cp1252_bytes_declared_utf8_in_meta():
    got = X.decode_html(page("id_cp1252_meta_utf8"), "text/html; charset=utf-8")
    assert "“keliru memahami”" in got and "pengguna — sebuah" in got and "kafé-kafé" in got
    assert "\ufffd" not in got


def test_cp1252_bytes_declared_latin1_get_windows_1252_quotes():
    # browsers read ISO-8859-1 as windows-1252: 0x93/0x94 are curly quotes, not C1 controls
    raw = "<p>“Kami mengikuti peraturan lokal”</p>".encode("cp1252")
    assert X.decode_html(raw, "text/html; charset=ISO-8859-1") == "<p>“Kami mengikuti peraturan lokal”</p>"


def test_declared_charset_is_used_when_utf8_fails():
    text = '<html><head><meta charset="windows-1251"></head><body><p>Привет, это новости о Xiaomi</p></body></html>'
    assert X.decode_html(text.encode("cp1251")) == text


def test_undeclared_latin_page_is_guessed_as_windows_1252():
    text = "<html><body><p>“Privasi pengguna” adalah prioritas — kata Xiaomi. Café résumé naïve.</p></body></html>"
    assert X.decode_html(text.encode("cp1252")) == text


def test_utf8_page_with_one_stray_byte_stays_utf8():
    text = "<p>“Privasi pengguna” — kata Xiaomi, café résumé naïve, ” « » ‘ ’ … é è ü ö</p>"
    raw = text.encode("utf-8").replace("café".encode(), b"caf\xe9")  # one latin-1 byte pasted in
    got = X.decode_html(raw, "text/html; charset=ISO-8859-1")
    assert got == text.replace("café", "caf\ufffd")


def test_bom_is_removed():
    assert X.decode_html(b"\xef\xbb\xbf<p>halo</p>") == "<p>halo</p>"


def test_declared_charsets_order_header_then_meta():
    html = b'<?xml version="1.0" encoding="utf-8"?><html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head>'
    assert X.declared_charsets(html, "text/html; charset=ISO-8859-15") == ["cp1252", "utf_8"]


SYNTHETIC_ID = (  # written by us for the test
    "<p>Xiaomi membantah laporan soal “pengumpulan data” pengguna – kata juru bicara perusahaan di "
    "Jakarta, Sabtu. Menurut Renée Lefèvre, peneliti naïve café, data dikumpulkan secara anonim.</p>"
    "<p>Perusahaan menambahkan bahwa pengguna dapat mematikan fitur itu di mode penyamaran melalui "
    "pembaruan peramban yang dirilis pekan ini untuk semua ponsel.</p>"
)


def synthetic_page(meta: str, xml: str = "", body: str = SYNTHETIC_ID) -> str:
    return (f"{xml}<!DOCTYPE html><html><head>{meta}<title>Xiaomi jawab – “laporan” Forbes</title>"
            "<meta name='author' content='Zoë Nakamura'></head><body><article>"
            f"<h1>Xiaomi jawab – “laporan” Forbes</h1>{body}</article></body></html>")


# (bytes, Content-Type header): every way a page can state or misstate its encoding
CHARSET_CASES = {
    "utf8-bom-meta-latin1": (codecs.BOM_UTF8 + synthetic_page("<meta charset='iso-8859-1'>").encode(), None),
    "cp1252-meta-latin1": (synthetic_page("<meta charset='iso-8859-1'>").encode("cp1252"), None),
    "cp1252-header-latin1": (synthetic_page("").encode("cp1252"), "text/html; charset=ISO-8859-1"),
    "utf8-meta-cp1252": (synthetic_page("<meta http-equiv='Content-Type' content='text/html; charset=windows-1252'>").encode(), None),
    "utf8-header-cp1252": (synthetic_page("").encode(), "text/html; charset=windows-1252"),
    "cp1252-undeclared": (synthetic_page("").encode("cp1252"), None),
    "cp1252-meta-and-header-utf8": (synthetic_page("<meta charset='utf-8'>").encode("cp1252"), "text/html; charset=utf-8"),
    "utf8-xml-declares-latin1": (synthetic_page("", xml="<?xml version='1.0' encoding='iso-8859-1'?>\n").encode(), None),
    "cp1252-xml-declares-utf8": (synthetic_page("", xml="<?xml version='1.0' encoding='utf-8'?>\n").encode("cp1252"), None),
    "utf16-bom": (synthetic_page("<meta charset='utf-8'>").encode("utf-16"), None),
}


@pytest.mark.parametrize("case", sorted(CHARSET_CASES))
def test_bytes_in_correct_text_out_title_and_authors_too(case):
    raw, content_type = CHARSET_CASES[case]
    art = X.extract_article(raw, "https://kabar.example/a", "id", content_type)
    assert "Renée Lefèvre" in art["text"] and "naïve café" in art["text"] and "“pengumpulan data”" in art["text"]
    assert art["title"] == "Xiaomi jawab – “laporan” Forbes"
    assert art["authors"] == ["Zoë Nakamura"]


def test_short_latin1_page_declared_utf8_is_not_read_as_a_baltic_code_page():
    # No curly quotes, few accented letters: every Latin code page decodes these bytes, and
    # charset-normalizer alone prefers cp1257 ("Lefčvre"). The language picks windows-1252.
    text = "<p>Renée Lefèvre, a naïve café owner, and Zoë said the browser sent data.</p>"
    raw = ("<html lang='en-AU'><head><meta charset='utf-8'></head><body>" + text).encode("latin-1")
    assert text in X.decode_html(raw, "text/html; charset=utf-8")
    bare = ("<html><body>" + text).encode("latin-1")
    assert text in X.decode_html(bare, None, "id")
    assert text in X.decode_html(bare)  # no language at all: windows-1252 among the tied guesses


def test_the_language_picks_its_own_legacy_code_page():
    polish = "<p>Użytkownicy są zaniepokojeni, że przeglądarka wysyła dane.</p>"
    raw = ("<html><head><meta charset='utf-8'></head><body>" + polish).encode("cp1250")
    assert polish in X.decode_html(raw, None, "pl")
    assert X.page_language(b"<html class='no-js' lang=\"id-ID\">") == "id"
    assert X.page_language(b"<html>") is None


def test_wrong_charset_page_extracts_correct_text():
    got = X.extract_html(page("id_cp1252_meta_utf8"), "https://infotekno.example/tekno/xiaomi-jawab", "id")
    assert "“Kami mengikuti peraturan lokal secara ketat,” tulis perusahaan itu." in got


# --------------------------------------------------------------------------- boilerplate rules


def test_line_filter_on_wire_boilerplate():
    text = "\n".join([
        "Jakarta (ANTARA) - Xiaomi membantah tuduhan itu.",
        "Baca juga: Xiaomi dicurigai diam-diam kumpulkan data",
        "BACA JUGA: Daftar ponsel Xiaomi",
        "Simak juga: Cara mematikan pelacakan",
        "Lihat juga: Video peramban",
        "Pewarta: Natisha Andarningtyas",
        "Editor: Ida Nurcahyani",
        "Penulis : Rina",
        "Reporter: Budi",
        "Copyright © ANTARA 2020",
        "ADVERTISEMENT",
        "SCROLL TO CONTINUE WITH CONTENT",
        "Halaman selanjutnya",
        "Halaman 2",
        "Dapatkan update berita pilihan dan breaking news setiap hari. Ikuti kami di Google News",
        "Bagikan",
        "Sabtu, 2 Mei 2020 10:15 WIB",
        "(fyk/fay)",
        "[Gambas:Video 20detik]",
        "Ilustrasi ponsel Xiaomi. (Foto: Getty Images)",
        "Sumber: Forbes",
        "Artikel ini telah tayang di Kompas.com dengan judul \"Xiaomi Bantah\".",
    ])
    # the republication note is the portal's footer (boilerplate.yml 1.1); the source stays
    assert X.filter_lines(text, "id").split("\n") == [
        "Jakarta (ANTARA) - Xiaomi membantah tuduhan itu.",
        "Sumber: Forbes",
    ]


def test_line_filter_on_english_chrome():
    text = "\n".join([
        "Xiaomi denied the report.",
        "Advertisement",
        "Related: Your browser is watching",
        "Read more: What incognito mode does",
        "Also read: Xiaomi's blog post",
        "Share this article",
        "Follow us on Twitter",
        "Sign up for our newsletter to get the best stories.",
        "Jordan Blake is a senior reporter at The Tech Dispatch.",
        "Source: CNET",
    ])
    assert X.filter_lines(text, "en").split("\n") == ["Xiaomi denied the report.", "Source: CNET"]


def test_bio_rule_only_looks_at_the_tail_and_channel_prompts_need_a_channel():
    body = ["Thomas Brewster is a senior writer at Forbes and first reported the findings."]
    body += [f"Paragraph {i} of the article, which ends like a sentence." for i in range(6)]
    text = "\n".join(body + ["Jordan Blake is a senior reporter at The Tech Dispatch."])
    assert X.filter_lines(text, "en").split("\n") == body
    advice = "Dapatkan informasi lengkap di menu Setelan ponsel."
    prompt = "Dapatkan update berita pilihan setiap hari di Google News."
    assert X.filter_lines(advice + "\n" + prompt, "id") == advice


@pytest.mark.parametrize(("line", "lang"), [
    # synthetic lines in the shapes real templates print
    ("| Baca juga: Lima Cara Mengecek Izin Aplikasi |", "id"),  # a one-cell table (Detik, CNN Indonesia)
    ("| Lihat juga:Daftar Ponsel yang Kebagian Pembaruan |", "id"),
    ("Mi Browser di ponsel Redmi. Foto: Sari Handayani/KabarGawai", "id"),  # caption ending in its credit
    ("Xiaomi Mi 10 di atas meja (Foto: Dok. KabarGawai)", "id"),
    ("Baca: Regulasi Perlindungan Data Masih Dibahas", "id"),
    ("Baca artikel kabargawai, \"Xiaomi Bantah\" selengkapnya https://kabargawai.example/x", "id"),
    ("Pilihan Editor: Daftar Ponsel Terbaru", "id"),
    ("Lihat Video: Xiaomi Bantah Curi Data", "id"),
    ("SCROLL TO RESUME CONTENT", "id"),
    ("Halaman: 1 2", "id"),
    ("Show All", "id"),
    ("Artikel ini telah tayang di KabarInduk.example dengan judul \"Xiaomi\"", "id"),
    ("Dapatkan update berita pilihan dan breaking news setiap hari dari KabarGawai. Mari bergabung di Grup "
     "Telegram \"KabarGawai Update\", caranya klik link https://t.me/kabargawai, kemudian join. Anda harus "
     "install aplikasi Telegram terlebih dulu di ponsel. Tulis komentarmu dengan tagar #KabarGawai dan "
     "menangkan e-voucher untuk 90 pemenang!", "id"),
    ("Berita ini telah tayang lebih dulu di KabarInduk.example", "id"),
    ("This article originally appeared on Example Tech Daily.", "en"),
    ("WhatsApp ShareFacebook ShareTwitter ShareLinkedin Share", "id"),
    ("Sari Handayani, Sabtu, 2 Mei 2020 12.39 | Waktu baca 2 menit", "id"),
    ("Red: Sari Handayani", "id"),
    ("Selengkapnya baca berita pada tautan di bawah ini:", "id"),
    ("4 Min Read", "en"),
    ("Also: How private is private browsing, really?", "en"),
    ("Also Read | How private is private browsing", "en"),
    ("Reporting by Dana Morgan; Editing by Lee Carter", "en"),
    ("Additional reporting by Dana Morgan", "en"),
    ("Our Standards: The Example Wire Trust Principles.", "en"),
    ("Got a tip? Send it to our newsroom securely.", "en"),
    ("Have a tip? Contact us.", "en"),
    ("Add Example Wire to your Google News feed.", "en"),
    ("Get Latest Updates on Technology News. Download the Example App.", "en"),
    ("For the latest tech news and reviews, follow Example Gadgets on X, Facebook and Google News.", "en"),
    ("(Except for the headline, this story has not been edited by Example staff.)", "en"),
    ("All products recommended here are chosen by our editors. Some stories include affiliate links.", "en"),
    ("Story continues below advertisement", "en"),
    ("Advertisement - Continue Reading Below", "en"),
    ("Xiaomi Mi 10 (Image credit: Example Media)", "en"),
    ("Xiaomi's logo in Beijing. Photograph: Dana Morgan/Example", "en"),
    ("Example Tech Newsletter", "en"),
    ("Subscribe", "en"),
    ("Sign up to get the best stories of the week", "en"),
    ("This article is the copyrighted property of Example Wire.", "en"),
    # version 1.2 (held-out set 3: chrome of templates not seen before)
    ("Check out Example Daily on YouTube for more phone news:", "en"),
    ("Join Example Daily's Telegram channel and get the latest breaking news delivered to you.", "en"),
    ("- Visit Example Daily's homepage for more stories.", "en"),
    ("Download The Example Times News App to get Daily Market Updates & Live Business News.", "en"),
    ("(Catch all the Business News, Breaking News Events and Latest News Updates on Example Times.)", "en"),
    ("Get our Tech Resources", "en"),
    ("Example's Daily Update keeps you informed of the latest news. Subscribe", "en"),
    ("Get Example for just $5. Subscribe now.", "en"),
    ("Now playing: Watch this: A first look at the new phone", "en"),
    ("WATCH: The company's chief executive on the smartphone market", "en"),
    ("Related Video: How to check which apps send your data", "en"),
    ("READ: Five browser settings worth changing", "en"),
    ("Please enter a valid email address", "en"),
    ("I would like to be emailed about offers, events and updates from Example. Read our privacy notice", "en"),
    ("By submitting your information you agree to the Terms & Conditions and Privacy Policy and are aged 16 or over.", "en"),
    ("A shopper looks at phones in a store (stock image)", "en"),
    ("Casey Lin, 2020-05-04 (Update: 2020-05-05)", "en"),
    ("Synopsis", "en"),
    ("Key Points", "en"),
    ("Simak berita lainnya seputar topik artikel ini, di sini :", "id"),
    ("Pengunjung mencoba ponsel di gerai (Ilustrasi)", "id"),
    ("The English, Chinese and Arabic versions are automatically generated by the AI.", "id"),
    # version 1.3 (held-out set 4)
    ("Go deeper: How private browsing really works", "en"),
    ("Video: The minister on phone users' data", "id"),
    ("Support independent journalism. Sign up for Example Post Newsletters here.", "en"),
    ("Subscribe to Example Newsletters", "en"),
    ("Example Post may earn a commission when you buy through links on our site. Why trust us?", "en"),
    ("Example Central is supported by its audience. When you purchase through links on our site, we may earn an affiliate commission.", "en"),
    ("This story has been published from a wire agency feed without modifications to the text. Only the headline has been changed.", "en"),
    ("Follow @ExampleTechNews for more", "en"),
    ("Follow Us", "en"),
    ("first published: May 02, 2020, 10:15 IST", "en"),
    ("You have reached your limit for free articles this month.", "en"),
    ("Subscription Benefits Include", "en"),
    ("Printable version | May 2, 2020 10:15:23 AM | https://example.example/article123.ece", "en"),
    ("https://ift.example/35zl", "id"),
    ("Find latest and upcoming tech gadgets online on Example Gadgets. Get technology news, gadgets reviews & ratings.", "en"),
    ("Aktifkan Notifikasimu", "id"),
    ("Jadilah yang pertama menerima update berita penting dan informasi menarik lainnya.", "id"),
    ("Teknologi - Terbaru - Google Berita", "id"),
    ("Tulis komentarmu dengan tagar #KomentarSehat dan menangkan voucer belanja!", "id"),
    ("Periksa kembali dan lengkapi data dirimu.", "id"),
    ("(Ant/OL-1)", "id"),
    # version 1.4 (held-out set 5)
    ("Supported by", "en"),
    ("Continue reading the main story", "en"),
    ("SKIP ADVERTISEMENT", "en"),
    ("Story continues", "en"),
    ("Listen to article", "en"),
    ("Your browser does not support the video tag.", "en"),
    ("Image 1 of 4", "en"),
    ("Click to enlarge", "en"),
    ("hide caption", "en"),
    ("EXAMPLE VIDEO OF THE DAY", "en"),
    ("Today In: Innovation", "en"),
    ("— Dana Morgan contributed to this report.", "en"),
    ("Example Wire writer Lee Carter contributed to this report.", "en"),
    ("Subscribe to Example Daily to get essential business stories straight to your inbox each morning.", "en"),
    ("You can also subscribe to get updates from us via Google News.", "en"),
    ("Example's mission is to help readers make sense of technology.", "en"),
    ("A version of this article appears in print on May 3, 2020, Section B, Page 4.", "en"),
    ("Scroll ke bawah untuk melanjutkan membaca", "id"),
    ("Video Terpopuler Hari ini:", "id"),
])
def test_real_template_prompts_are_dropped(line, lang):
    kept = "Xiaomi said the data it collects is aggregated and anonymised."
    assert X.filter_lines(kept + "\n" + line, lang) == kept


@pytest.mark.parametrize("line", ["(shd)", "(ant)", "[faz]", "(ANTARA)", "(Kabarinduk.com/Sari Handayani)"])
def test_sign_offs_are_dropped_at_the_end_only(line):
    body = [f"Paragraf {i} isi berita tentang peramban Xiaomi yang berakhir dengan titik." for i in range(8)]
    assert X.filter_lines("\n".join(body + [line]), "id").split("\n") == body
    # the same bracketed word high up in the text is not a sign-off (`where: tail`)
    assert line in X.filter_lines("\n".join([line] + body), "id")


def test_lines_that_only_look_like_prompts_are_kept():
    kept = [
        "Users who follow Xiaomi on social media asked the company for a clearer answer about the data.",
        "Also, the company said the switch would reach every phone within days.",
        "Halaman pengaturan privasi kini memuat sakelar baru untuk mode penyamaran.",
        "Pengguna bisa membaca kebijakan privasi di halaman resmi perusahaan sebelum mengaktifkan sinkronisasi.",
        "Ikuti langkah berikut untuk mematikan pengumpulan data di aplikasi Mi Browser: buka Setelan, pilih Privasi.",
        # version 1.2 rules must leave these alone
        "Follow-up tests by Tierney, who posted his findings on Twitter, confirmed the earlier result.",
        "Like Facebook and Google, Xiaomi says it uses the records to improve its apps.",
        "Users can download the new version from the app store, the company said.",
        "The researchers said readers should subscribe to security advisories rather than trust a toggle.",
        "Xiaomi said the identifiers were generated automatically and could not be linked to a person.",
        "Privacy highlights: the company now lists every field its browser sends.",
        "Lei Jun (pictured) said the company respects local law.",
        "Xiaomi published the browser update, version 12.1.4, on 2 May 2020 and the Mint Browser on the same day.",
        # version 1.3 rules must leave these alone
        "Go deeper into the settings menu and the option appears under advanced privacy, the company said.",
        "Video calls were not affected, the researchers said after testing the phones.",
        "Xiaomi said it may earn less from advertising if users switch the collection off.",
        "The researchers said users should be told clearly what the browser sends before they agree.",
        "Tulis pengaturan baru itu kini tersedia di menu privasi, kata perusahaan.",
        # version 1.4 rules must leave these alone
        "The story continues to develop as regulators in two countries ask questions, the report said.",
        "Xiaomi said it was supported by independent audits of its data practices.",
        "The company's mission is to make good phones affordable, a spokesperson said.",
    ]
    assert X.filter_lines("\n".join(kept), None).split("\n") == kept


def test_chinese_or_japanese_text_without_spaces_is_not_thrown_away():
    text = "小米公司表示，浏览器收集的数据是匿名的，并且只在用户同意后才会上传到服务器。研究人员则认为这些数据可以识别用户。"
    html = f"<html><body><article><h1>标题</h1><p>{text}</p><p>{text}</p></article></body></html>".encode()
    assert text in X.extract_html(html, "https://zh.example/a", "zh")


def test_datelines_and_stamps_are_dropped():
    text = "Updated: May 2, 2020 10:15 AM\nLast updated 2 Mei 2020 10:15 WIB\nPublished research in 2019 shows the browser sends data."
    assert X.filter_lines(text, "en") == "Published research in 2019 shows the browser sends data."


def test_more_coverage_heading_takes_its_list_along():
    text = "Paragraph one of the story about the browser ends with a full stop.\nMore must-read tech coverage from Example:\nA headline about phones\nAnother headline about apps\nThe story goes on here and ends with a full stop."
    assert X.filter_lines(text, "en").split("\n") == [
        "Paragraph one of the story about the browser ends with a full stop.",
        "The story goes on here and ends with a full stop.",
    ]


def test_related_list_under_a_heading_is_dropped_with_it():
    text = "Paragraf isi berita yang cukup panjang dan berakhir dengan titik.\nBerita Terkait\nXiaomi Rilis Update\nPakar Soroti Privasi\nParagraf berikutnya kembali ke isi berita dan berakhir dengan titik."
    assert X.filter_lines(text, "id").split("\n") == [
        "Paragraf isi berita yang cukup panjang dan berakhir dengan titik.",
        "Paragraf berikutnya kembali ke isi berita dan berakhir dengan titik.",
    ]


def test_long_paragraph_starting_like_a_prompt_is_kept():
    # max_len protects prose: a long sentence that starts with "Editor:" is not a byline
    long = "Editor: " + "kalimat panjang tentang kebijakan privasi Xiaomi " * 5
    assert X.filter_lines(long, "id") == " ".join(long.split())


def test_every_rule_has_a_reason_and_compiles():
    import yaml

    data = yaml.safe_load((X.BOILERPLATE_FILE).read_text(encoding="utf-8"))
    assert {"common", "id", "en"} <= set(data["line_rules"])
    for section, rules in data["line_rules"].items():
        for r in rules:
            assert r.get("why") and r.get("id"), (section, r)
            re.compile(r["pattern"])
    rules = X.load_boilerplate()
    assert {r.section for r in rules.rules_for("id")} == {"common", "en", "id"}
    assert {r.section for r in rules.rules_for(None)} == set(data["line_rules"])


def test_bad_rule_file_names_the_rule(tmp_path):
    bad = tmp_path / "boilerplate.yml"
    bad.write_text("line_rules:\n  id:\n    - id: broken\n      pattern: '(unclosed'\n      why: test\n", encoding="utf-8")
    with pytest.raises(StudyError, match=r"boilerplate\.yml: line rule id/broken: bad regex"):
        X.load_boilerplate(bad)
    missing = tmp_path / "none.yml"
    with pytest.raises(StudyError, match="not found"):
        X.load_boilerplate(missing)


# --------------------------------------------------------------------------- short chrome lines


LABEL_LINES = ["Brought to you by Example Partner", "Hear this story", "6 min", "Picture 2 of 6",
               "Tap to expand", "Watch Next Reel"]


def test_structural_rule_drops_labels_no_phrase_rule_names():
    # en_labels' widget labels are named by no line rule: the line filter alone keeps them all,
    # so only the structure (before the headline, own small box, few stopwords) removes them.
    # (The chrome-block step, 1.8, catches some of them too: it is off here as well.)
    lang, url, _ = PAGES["en_labels"]
    text = X.decode_html(page("en_labels"))
    off = replace(X.DEFAULT_OPTIONS, short_chrome=False, chrome_dom=False, chrome_score=False)
    without = X.extract_body(text, url, lang, off)[0].split("\n")
    assert [x for x in LABEL_LINES if x in without] == LABEL_LINES
    got = X.extract_html(page("en_labels"), url, lang).split("\n")
    assert [x for x in LABEL_LINES if x in got] == []


def test_structural_rule_keeps_short_lines_of_the_article():
    lang, url, _ = PAGES["en_labels"]
    got = X.extract_html(page("en_labels"), url, lang).split("\n")
    # an <h2> subheading, a subheading typed as a bold paragraph, list items, a short sentence
    for line in ("What the switch does", "Which apps get it", "- Mi Browser", "- Mint Browser", "Xiaomi disagreed."):
        assert line in got
    assert got[0].startswith("Xiaomi has shipped")  # the headline after the labels is dropped too


def _tree(html: str):
    return X._parse(html)


def test_short_line_in_a_chrome_classed_box_goes_a_plain_paragraph_stays():
    html = ("<html><body><h1>T</h1><div class='body'><p>" + "Long paragraph of the article about the browser. " * 4 +
            "</p><div class='social-bar'><p>Spread the word</p></div><p>Closing words</p>"
            "<p>" + "Another long paragraph about what the company said in reply. " * 4 + "</p></div></body></html>")
    first = " ".join(("Long paragraph of the article about the browser. " * 4).split())
    body = first + "\nSpread the word\nClosing words"
    # "social" is a chrome class token; "Closing words" is a plain paragraph like the body's own
    assert X.drop_short_chrome(body, _tree(html), "en") == first + "\nClosing words"


def test_label_shared_with_the_json_ld_body_is_kept():
    html = ("<html><body><h1>T</h1><div class='body'><p>" + "Long paragraph of the article about the browser. " * 4 +
            "</p><div class='promo-x'><p>Mint Browser</p></div></div></body></html>")
    first = " ".join(("Long paragraph of the article about the browser. " * 4).split())
    body = first + "\nMint Browser"
    assert X.drop_short_chrome(body, _tree(html), "en") == first  # promo: a chrome token
    assert X.drop_short_chrome(body, _tree(html), "en", keep=first + " Mint Browser") == body


def test_stopword_rich_short_line_in_its_own_box_is_kept():
    # "Here is what it means for you" has more than two stopwords: prose, not a label
    html = ("<html><body><h1>T</h1><div class='body'><p>" + "Long paragraph of the article about the browser. " * 4 +
            "</p><div class='xyz'><p>Here is what it means for you</p></div><div class='xyz'><p>Label Box Text</p></div>"
            "</div></body></html>")
    first = " ".join(("Long paragraph of the article about the browser. " * 4).split())
    body = first + "\nHere is what it means for you\nLabel Box Text"
    assert X.drop_short_chrome(body, _tree(html), "en") == first + "\nHere is what it means for you"


def test_short_lines_of_the_body_stay_when_the_first_h1_is_in_the_footer():
    para = "Long paragraph of the article about the browser and the company reply. " * 3
    html = (f"<html><body><div class='body'><p>{para}</p><h2>What changed</h2><ul><li>Mint Browser</li></ul>"
            f"<p>{para}</p></div><footer><h1>Example Site</h1></footer></body></html>")
    body = " ".join(para.split()) + "\nWhat changed\n- Mint Browser\n" + " ".join(para.split())
    assert X.drop_short_chrome(body, _tree(html), "en") == body


def test_relative_times_are_datelines_and_portal_syndication_notes_go():
    # synthetic lines (boilerplate.yml 1.7): a relative "updated" stamp is a dateline, a line with
    # other words stays; "Disadur dari" + a portal's domain is a syndication note, + a name stays
    body = "Body line of the story."
    for stamp in ("May 2, 2020 / 5:14 AM / Updated 6 hours ago", "2 jam yang lalu"):
        assert X.filter_lines(f"{body}\n{stamp}", "en") == body
    assert X.filter_lines(f"{body}\nThe update came 6 hours ago", "en") == f"{body}\nThe update came 6 hours ago"
    note = "Disadur dari: Contohnews.com (Penulis: Ana Putri, Published: 2/5/2020)"
    assert X.filter_lines(f"{body}\n{note}\n{body}", "id") == f"{body}\n{body}"
    keep = "Laporan ini disadur dari Forbes dan blog resmi Xiaomi."
    assert keep in X.filter_lines(f"{body}\n{keep}\n{body}", "id")


def test_a_prose_box_before_the_headline_goes_but_not_when_the_body_precedes_the_h1():
    # synthetic (1.7, held-out set 7): a disclosure box above the <h1> is long prose, so the
    # short-line test never judged it; the body's long paragraphs all follow the <h1>
    para = [f"Paragraph {i} of the article says the browser sent usage data to servers abroad, the researchers wrote." for i in range(3)]
    note = ["Ana Putri does not work for, consult, own shares in or receive funding from any company that would benefit from this article.",
            "Partners", "Example University provides funding as a founding partner of Example Site."]
    boxed = "".join(f"<p>{x}</p>" for x in note)
    html = (f"<html><body><div class='disclosure'>{boxed}</div><h1>Headline of the story</h1>"
            f"<div class='body'>{''.join(f'<p>{x}</p>' for x in para)}</div></body></html>")
    assert X.drop_short_chrome("\n".join(note + para), _tree(html), "en") == "\n".join(para)
    # the same lines in the JSON-LD body are the article's and stay
    assert X.drop_short_chrome("\n".join(note + para), _tree(html), "en", keep=note[0]).startswith(note[0])
    # the <h1> after the body (a footer's): nothing is dropped
    late = (f"<html><body><div class='body'>{boxed}{''.join(f'<p>{x}</p>' for x in para)}</div>"
            f"<footer><h1>Example Site</h1></footer></body></html>")
    assert X.drop_short_chrome("\n".join(note + para), _tree(late), "en") == "\n".join(note + para)


def test_dateline_with_on_is_a_dateline():
    # "on" must stay a date word: YAML 1.1 reads a bare `on` as true
    rules = X.load_boilerplate()
    assert "on" in rules.date_words
    assert X.filter_lines("Body line of the story.\nFirst published on May 2, 2020 / 10:15 AM", "en") == "Body line of the story."


# Tail credits and prompts (boilerplate.yml 1.6). All lines synthetic (written by us), in the
# shapes unseen templates print at the end of a story; each has a look-alike sentence that must
# survive in the middle of the article.
_TAIL_BODY = [f"Paragraph {i} of the story says Xiaomi's browser sent usage data to servers abroad." for i in range(8)]


@pytest.mark.parametrize("line, lookalike, lang", [
    ("— With assistance from Dewi Lestari", "With assistance from two universities, the researchers repeated the test on three phones.", "en"),
    ("(Reporting by Ana Putri; Editing by Tom Lee)", "The outlet said its (reporting by phone) had been checked twice.", "en"),
    ("ab/cd (Reuters, AP)", "The browser (Mi Browser, Mint) sent the data, the researchers said.", "en"),
    ("(AFP)", "Xiaomi's shares fell in Hong Kong trading (AFP) after the report, the agency said in a note on markets.", "en"),
    ("– Example.com", "The page at example.com loaded slowly in incognito mode, Tierney said.", "en"),
    ("— Reuters", "Reuters reported the update two days later, citing the company blog.", "en"),
    ("Write to Ana Putri at ana.putri@example.com", "Readers asked to write to privacy@example.com were told the switch was coming, the company said.", "en"),
    ("Contact the author: [email protected]", "Researchers sent their findings by e-mail to the company before publication.", "en"),
    ("@anaputri @example", "Tierney posted the packet captures as @example replies on Twitter during the week.", "en"),
    ("Found this story interesting? Follow us on Twitter for more.", "Users who follow us on Twitter, the company wrote, would see the update first.", "en"),
    ("Get the top tech stories in your inbox every week.", "The researchers found the data arrived in your inbox of logs within seconds, they wrote.", "en"),
    ("Every morning our editors pick the news. You can sign up to receive it here.", "Xiaomi said users could sign up for the beta channel to test the new switch early.", "en"),
    ("Do you like the content of this article?", "Do you like being tracked in incognito mode, the researchers asked in their post.", "en"),
    ("Request Reprint & Licensing, Submit Correction or view Editorial Guidelines", "The firm said it would submit a correction to the regulator if its figures were wrong.", "en"),
    ("Stay up-to-date with the latest in tech – follow us on Facebook", "Stay up-to-date with the settings, the company advised users in its blog post.", "en"),
    ("Jangan lupa ikuti Contoh Tekno di Google News untuk update terbaru.", "Peneliti mengikuti akun resmi Xiaomi untuk melihat pengumuman pembaruan peramban.", "id"),
    # 1.7 (held-out set 7)
    ("What do you think? Let us know in the comments below.", "Readers let us know in the comments of the forum that the switch was hidden, the researcher wrote.", "en"),
    ("Example Desk is made possible by Example Network. All its content is editorially independent.", "The new switch is made possible by a change in the browser's settings page, the company said.", "en"),
    ("Cek berita tekno lainnya di Contoh Tekno.", "Peneliti meminta pengguna mengecek berita resmi Xiaomi sebelum memperbarui aplikasi peramban.", "id"),
    ("BACA BERITA CONTOH LAINNYA DI SINI", "Xiaomi meminta pengguna membaca berita dari sumber resmi, bukan unggahan di media sosial.", "id"),
    ("(*)", "Peneliti menandai data yang dikirim (*) dalam tabel lampiran laporan mereka.", "id"),
])
def test_tail_credits_and_prompts_go_only_at_the_end(line, lookalike, lang):
    body = _TAIL_BODY if lang == "en" else [f"Paragraf {i} berita tentang data peramban Xiaomi." for i in range(8)]
    assert X.filter_lines("\n".join(body + [line]), lang).split("\n") == body
    # the same shape in the middle of the article stays (rules look at the last 5 lines only)
    mid = body[:3] + [line] + body[3:]
    assert line in X.filter_lines("\n".join(mid), lang).split("\n")
    assert lookalike in X.filter_lines("\n".join(body[:3] + [lookalike] + body[3:]), lang).split("\n")


@pytest.mark.parametrize("name", ["Winarko", "Ana Putri", "Dewi K. Lestari", "Siti binti Ahmad"])
def test_a_bare_name_as_the_last_line_is_a_credit(name):
    body = _TAIL_BODY[:3]
    assert X.filter_lines("\n".join(body + [name]), "en").split("\n") == body
    # also when a prompt follows it (the prompt goes first, then the name is last)
    assert X.filter_lines("\n".join(body + [name, "Do you like the content of this article?"]), "en").split("\n") == body
    # a name line anywhere but last stays, and a lone line is never peeled
    assert name in X.filter_lines("\n".join(body[:1] + [name] + body[1:]), "en")
    assert X.filter_lines(name, "en") == name


@pytest.mark.parametrize("last", [
    "Xiaomi said it would comply.",             # a sentence
    "FORBES | GSMARENA",                        # an all-caps source line (kept for citations)
    "Sumber: Forbes",
    "the company said",                         # lower case
    "Ana Putri And Her Colleagues Tested Phones",  # more than four capitalised words
    "- Minocycline",                            # a list item is the body's markup
    "Poetic. Justice.",                         # full stops: a line of verse, not a name
    # a long instruction that ends in an address (the benchmark's annotators count it as text)
    "Please do not file a public issue; instead send your report privately to security@example.com.",
])
def test_last_lines_that_are_not_bare_names_stay(last):
    body = _TAIL_BODY[:3]
    assert X.filter_lines("\n".join(body + [last]), "en").split("\n") == body + [last]


def test_short_lines_section_is_read_from_the_rule_file(tmp_path):
    rules = X.load_boilerplate()
    assert rules.short_lines is not None and rules.short_lines.max_stopwords == 2
    assert rules.short_lines.chrome_tokens.search("post_share-bar") and not rules.short_lines.chrome_tokens.search("shareholder")
    bad = tmp_path / "boilerplate.yml"
    bad.write_text("line_rules: {}\nshort_lines:\n  max_words: many\n", encoding="utf-8")
    with pytest.raises(StudyError, match=r"short_lines: a threshold is not a number"):
        X.load_boilerplate(bad)


# --------------------------------------------------------------------------- one article


def test_extract_article_metadata_indonesian_portal():
    art = X.extract_article(page("id_portal"), PAGES["id_portal"][1], "id", "text/html; charset=utf-8")
    assert art["title"] == "Xiaomi Bantah Kumpulkan Data Pengguna Diam-diam Lewat Peramban"
    assert art["authors"] == ["Rina Wulandari"]
    assert art["published"] == "2020-05-02"
    assert art["top_image"] == "https://teknoportal.example/photo/2020/05/02/xiaomi-browser.jpg"
    assert art["extractor"] == "trafilatura"
    assert art["text"].startswith("JAKARTA, TeknoPortal - Xiaomi membantah")


def test_extract_article_metadata_english_and_amp():
    en = X.extract_article(page("en_tech"), "https://techdispatch.example/xiaomi-browser-data", "en")
    assert en["title"] == "Xiaomi says the browsing data it collects is aggregated and anonymised"
    assert en["authors"] == ["Jordan Blake"]
    assert en["published"] == "2020-05-01"  # from the markup: the URL has no date
    amp = X.extract_article(page("id_amp"), "https://amp.gadgetkita.example/gadget/peramban-xiaomi", "id")
    assert amp["published"] == "2020-05-04"
    assert amp["top_image"] == "https://gadgetkita.example/img/2020/05/04/mi-browser.jpg"


def test_extract_article_on_an_empty_page():
    art = X.extract_article(b"", "https://x.example/2020/05/02/a", "id")
    assert art == {"title": "", "authors": [], "published": "2020-05-02", "text": "", "credits": "",
                   "extractor": "none", "top_image": ""}


# --------------------------------------------------------------------------- the run


def _registry(rows: list[dict]) -> str:
    cols = ["id", "url", "outlet", "country", "language", "published", "group", "kind", "notes"]
    return pd.DataFrame(rows, columns=cols).fillna("").to_csv(index=False, lineterminator="\n")


@pytest.fixture
def run_dir(tmp_path):
    archive = pytest.importorskip("coverage.archive")
    out = tmp_path / "run"
    raw = RunPaths(out).raw
    sources = [
        # registry date agrees with the page (URL says 2020-05-02)
        dict(id="id_portal", url="https://teknoportal.example/read/2020/05/02/10150011/xiaomi-bantah",
             outlet="TeknoPortal", country="ID", language="id", published="2020-05-02", kind="news"),
        # registry date disagrees with the page (markup says 2020-05-01)
        dict(id="en_tech", url="https://techdispatch.example/xiaomi-browser-data", outlet="The Tech Dispatch",
             country="GB", language="en", published="2020-05-03", kind="news"),
        # no registry date: the page's date is used
        dict(id="id_amp", url="https://amp.gadgetkita.example/gadget/peramban-xiaomi", outlet="GadgetKita",
             country="ID", language="id", published="", kind="news"),
        # fetched, but the page has no article text
        dict(id="id_empty", url="https://kosong.example/berita/1", outlet="Kosong", country="ID",
             language="id", published="2020-05-05", kind="news"),
        # failed in collect: not in the articles table
        dict(id="id_failed", url="https://gagal.example/berita/2", outlet="Gagal", country="ID",
             language="id", published="2020-05-06", kind="news"),
    ]
    (out).mkdir(parents=True)
    RunPaths(out).sources.write_text(_registry(sources), encoding="utf-8")
    bodies = {"id_portal": page("id_portal"), "en_tech": page("en_tech"), "id_amp": page("id_amp"),
              "id_empty": b"<html><body><nav>Beranda</nav></body></html>"}
    for s in sources:
        if s["id"] in bodies:
            archive.write_response(raw, source_id=s["id"], url=s["url"], status=200,
                                   headers=[("Content-Type", "text/html; charset=utf-8")],
                                   body=bodies[s["id"]], via="live", fetched_at="2026-11-29T10:00:00Z")
    log = pd.DataFrame([
        {"id": s["id"], "url": s["url"], "status": "failed" if s["id"] == "id_failed" else "ok",
         "reason": "HTTP 404" if s["id"] == "id_failed" else "", "http_status": 404 if s["id"] == "id_failed" else 200,
         "final_url": s["url"], "via": "live", "bytes": len(bodies.get(s["id"], b"")), "attempts": 1,
         "time": 0.1, "fetched_at": "2026-11-29T10:00:00Z"}
        for s in sources
    ])
    log.to_csv(RunPaths(out).fetch_log, index=False)
    return out, bodies


def test_extract_run_builds_the_articles_table(run_dir):
    out, bodies = run_dir
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        df = X.extract_run(out)
    assert list(df.columns) == list(X.ARTICLE_COLUMNS)
    assert df["id"].tolist() == ["en_tech", "id_amp", "id_empty", "id_portal"]  # ok only, sorted
    row = df.set_index("id")
    assert row.at["id_portal", "group"] == "indonesia" and row.at["en_tech", "group"] == "international"
    assert row.at["id_portal", "title"] == "Xiaomi Bantah Kumpulkan Data Pengguna Diam-diam Lewat Peramban"
    assert row.at["id_portal", "authors"] == "Rina Wulandari"
    assert token_f1(row.at["id_portal", "text"], body("id_portal")) >= 0.9
    assert row.at["id_portal", "n_words"] == len(row.at["id_portal", "text"].split())
    assert row.at["id_portal", "html_sha256"] == hashlib.sha256(bodies["id_portal"]).hexdigest()
    assert row.at["en_tech", "extractor"] == "trafilatura+lead"
    # registry date wins; the page's date fills a missing one
    assert row.at["en_tech", "published"] == "2020-05-03"
    assert row.at["id_amp", "published"] == "2020-05-04"
    # a page without text is kept, marked, and warned about
    assert row.at["id_empty", "text"] == "" and row.at["id_empty", "extractor"] == "none"
    assert row.at["id_empty", "n_words"] == 0
    messages = [str(w.message) for w in caught]
    assert any(m.startswith("id_empty: no article text") for m in messages)
    assert any(m.startswith("en_tech: registry date 2020-05-03 but the page says 2020-05-01") for m in messages)
    dates = pd.read_csv(RunPaths(out).dates_log, dtype=str)
    assert dates.to_dict("records") == [{"id": "en_tech", "registry": "2020-05-03", "page": "2020-05-01"}]
    # every row has a cluster id, and both tables hold the same rows
    assert (df["cluster_id"] != "").all()
    pq = pd.read_parquet(RunPaths(out).articles_parquet)
    assert pq["id"].tolist() == df["id"].tolist() and pq["text"].tolist() == df["text"].tolist()


def test_extract_run_is_byte_identical_on_rerun(run_dir):
    out, _ = run_dir
    paths = RunPaths(out)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        X.extract_run(out)
        first = [p.read_bytes() for p in (paths.articles_csv, paths.articles_parquet, paths.dates_log)]
        X.extract_run(out)
        second = [p.read_bytes() for p in (paths.articles_csv, paths.articles_parquet, paths.dates_log)]
    assert first == second


def test_extract_run_without_collect_output(tmp_path):
    with pytest.raises(StudyError, match="fetch_log.csv: no fetch log; run `python -m coverage collect"):
        X.extract_run(tmp_path)


# --------------------------------------------------------------------------- chrome blocks (1.8)
# Synthetic pages and lines written for these tests: a story container with long paragraphs
# and one piece of chrome written as a plain sentence.


EN_PARAS = [
    "The browser maker said on Saturday that the data it collects is aggregated and cannot identify a person.",
    "Two security researchers had reported that the browser sent visited addresses to remote servers in private mode.",
    "The company added that an update would let users switch off the collection in private mode from next week.",
]
ID_PARAS = [
    "JAKARTA, CONTOHNEWS.com - Perusahaan itu membantah tuduhan bahwa peramban buatannya merekam data pengguna.",
    "Menurut perusahaan, data yang dikumpulkan sudah dianonimkan dan tidak dapat dipakai untuk mengenali seseorang.",
    "Pembaruan peramban akan memberi pengguna pilihan untuk mematikan pengumpulan data dalam mode penyamaran.",
]


def _story(paras: list[str], insert_after: int, chrome_html: str, container: str = "story-body",
           title: str = "Browser maker denies tracking | Example Daily") -> str:
    ps = [f"<p>{p}</p>" for p in paras]
    ps.insert(insert_after, chrome_html)
    return (f"<html><head><title>{title}</title></head><body><main><article><h1>Browser maker denies tracking</h1>"
            f"<div class='{container}'>{''.join(ps)}</div></article></main></body></html>")


def _chrome(html: str, lines: list[str], lang: str = "en", url: str = "https://www.exampledaily.example/a") -> list[str]:
    return X.drop_chrome_blocks("\n".join(lines), _tree(html), lang, url=url).split("\n")


def test_attr_words_split_class_id_and_data_names():
    el = _tree("<html><body><div class='relatedContent ad-slot' id='box2' data-component='newsletterSignup'>"
               "x</div></body></html>").find(".//div")
    assert X.attr_words(el) == ["related", "content", "ad", "slot", "box", "newsletter", "signup"]
    cb = X.load_boilerplate().chrome_blocks
    assert X._chrome_word(["article", "body", "ad", "free"], cb) == ""  # "ad-free" is the opposite
    assert X._chrome_word(["sign", "up", "box"], cb) == "signup"  # pairs are joined
    assert X._chrome_word(["shared", "content"], cb) == ""  # whole words only: not "share"


def test_plain_sentence_in_a_chrome_named_box_goes():
    promo = "We talked about this on our weekly show, which you can hear wherever you get your shows."
    html = _story(EN_PARAS, 2, f"<div class='_x1 podcastBox'><p>{promo}</p></div>")
    lines = EN_PARAS[:2] + [promo] + EN_PARAS[2:]
    assert _chrome(html, lines) == EN_PARAS  # "podcast" names the box
    # the same sentence in a box with a neutral name stays (no text sign makes it chrome either)
    html = _story(EN_PARAS, 2, f"<div class='_x1 boxB'><p>{promo}</p></div>")
    assert _chrome(html, lines) == lines


def test_the_container_and_large_boxes_are_never_judged_by_their_name():
    # the story container itself says "ad-free video": its paragraphs stay
    html = _story(EN_PARAS, 3, "", container="story-body video-story")
    assert _chrome(html, EN_PARAS) == EN_PARAS
    # a "paywall" box holding most of the story is content
    paras = EN_PARAS + [p.replace("The", "Then the") for p in EN_PARAS]
    html = ("<html><body><article><h1>T</h1><div class='story'><p>" + paras[0] + "</p><div class='paywall'>"
            + "".join(f"<p>{p}</p>" for p in paras[1:]) + "</div></div></article></body></html>")
    assert _chrome(html, paras) == paras


def test_a_chrome_word_the_template_puts_on_the_story_boxes_is_ignored():
    # a page builder wraps every paragraph in a "widget" box: the word names content here
    html = ("<html><body><article><h1>T</h1><div class='page'>"
            + "".join(f"<div class='builder-widget-wrap'><p>{p}</p></div>" for p in EN_PARAS)
            + "<div class='builder-widget-wrap'><p>Short closing line</p></div></div></article></body></html>")
    lines = EN_PARAS + ["Short closing line"]
    assert _chrome(html, lines) == lines


def test_caption_in_a_figure_goes():
    cap = "The browser's settings page on a phone (stock image)"
    html = _story(EN_PARAS, 1, f"<figure><img src='a.jpg'><figcaption>{cap}</figcaption></figure>")
    assert _chrome(html, EN_PARAS[:1] + [cap] + EN_PARAS[1:]) == EN_PARAS


@pytest.mark.parametrize("line, lang", [
    ("Follow Example Daily on WhatsApp for the latest news.", "en"),  # call to action + own site
    ("Get our Tech Newsletter", "en"),
    ("Have a tip? Contact us at tips@exampledaily.example.", "en"),  # own site (domain) + after the body
    ("Simak berita lainnya di Google News.", "id"),
    ("Ikuti saluran WhatsApp Contohnews untuk kabar terbaru.", "id"),
    ("(amr)", "id"),  # an editor's initials closing the story
    ("Ilustrasi ponsel dan peramban (sumber: pixabay)", "id"),  # a caption with a credit
    ("Diperbarui: 3 Mei 2020, 10:15 WIB", "id"),  # an update stamp
])
def test_chrome_sentences_after_the_body_are_scored_out(line, lang):
    paras = EN_PARAS if lang == "en" else ID_PARAS
    html = _story(paras, 3, f"<p>{line}</p>", title="Judul | Example Daily" if lang == "en" else "Judul | Contohnews")
    url = "https://www.exampledaily.example/a" if lang == "en" else "https://www.contohnews.example/a"
    assert _chrome(html, paras + [line], lang, url) == paras


@pytest.mark.parametrize("line, lang", [
    ("Users can download the update from the app store, the company said.", "en"),  # speech verb
    ('"We do not collect personal data," he said.', "en"),
    ('"Kami tidak mengumpulkan data pribadi," kata dia.', "id"),
    ("Hal itu disampaikan kepada Contohnews, Sabtu (2/5/2020).", "id"),  # names the site, but reports
    ("- Install the update from the settings menu", "en"),  # a list item is never scored
    ("Xiaomi disagreed.", "en"),  # short, after the body, but no sign of chrome
    ("(Sumber: Forbes)", "id"),  # an attribution the citation analysis reads
    ("Users can turn the collection off in the app.", "en"),  # the story's topic, not a promo
    ("Kominfo menyebut kabar itu hoaks.", "id"),
])
def test_short_body_sentences_after_the_body_stay(line, lang):
    paras = EN_PARAS if lang == "en" else ID_PARAS
    html = _story(paras, 3, f"<p>{line.lstrip('- ')}</p>", title="Judul | Example Daily" if lang == "en" else "Judul | Contohnews")
    url = "https://www.exampledaily.example/a" if lang == "en" else "https://www.contohnews.example/a"
    assert _chrome(html, paras + [line], lang, url) == paras + [line]


def test_kicker_label_with_a_second_sign_goes_mid_body_alone_it_stays():
    promo, step = "Webinar: How to protect your data", "Langkah 1: Buka pengaturan peramban"
    html = _story(EN_PARAS, 1, f"<p>{promo}</p><p>{step}</p>")
    lines = EN_PARAS[:1] + [promo, step] + EN_PARAS[1:]
    # promo: a kicker label + promo vocabulary; step: a kicker label alone
    assert _chrome(html, lines) == EN_PARAS[:1] + [step] + EN_PARAS[1:]


def test_one_sign_is_not_enough_above_the_end_of_the_body():
    # a how-to subheading opens with an imperative (one sign); a caption is a strong sign
    sub, cap = "Download the latest version", "Ilustrasi ponsel dan peramban (sumber: pixabay)"
    html = _story(EN_PARAS, 1, f"<p>{sub}</p><p>{cap}</p>")
    assert _chrome(html, EN_PARAS[:1] + [sub, cap] + EN_PARAS[1:]) == EN_PARAS[:1] + [sub] + EN_PARAS[1:]


def test_the_lead_naming_the_site_in_its_dateline_stays():
    # ID_PARAS[0] opens "JAKARTA, CONTOHNEWS.com -": the first line, long, names the site
    html = _story(ID_PARAS, 3, "", title="Judul | Contohnews.com")
    assert _chrome(html, ID_PARAS, "id", "https://www.contohnews.example/a") == ID_PARAS


def test_italic_editors_note_after_the_body_goes():
    note = "This story first appeared on Example Wire and is republished with permission."
    html = _story(EN_PARAS, 3, f"<p><em>{note}</em></p>")
    assert _chrome(html, EN_PARAS + [note]) == EN_PARAS


def test_line_score_explains_itself():
    ls = X.load_boilerplate().line_score
    score, fired = X.line_score("Get our Tech Newsletter", lang="en", ls=ls, sites=set(), tail=True,
                                stop=X._stopwords("en"))
    assert {"cta_opener", "promo_words", "after_body", "short", "no_sentence_end"} <= set(fired)
    assert score == pytest.approx(sum(ls.weights[f] for f in fired))
    assert score >= ls.threshold


def test_site_names_from_title_suffix_and_domain():
    t = _tree("<html><head><title>Browser maker denies tracking | Gadget Daily</title></head><body></body></html>")
    assert {"gadget daily", "gadgetdaily"} <= X.site_names(t, "https://www.gadgetdaily.example/x")
    # a title segment the domain does not confirm is a section, not the site
    t = _tree("<html><head><title>Training days | Training</title></head><body></body></html>")
    assert "training" not in X.site_names(t, "https://www.divers-club.example/x")
    # served without a domain (an archive, a local copy): the title's suffix is trusted
    assert "training" in X.site_names(t, "http://127.0.0.1:8000/x")


def test_line_score_section_is_checked(tmp_path):
    bad = tmp_path / "boilerplate.yml"
    bad.write_text("line_rules: {}\nline_score:\n  threshold: 3\n  weights: {short: 1}\n"
                   "  patterns:\n    promo_words: 'newsletter'\n", encoding="utf-8")
    with pytest.raises(StudyError, match=r"line_score/patterns/promo_words has no weight"):
        X.load_boilerplate(bad)
    bad.write_text("line_rules: {}\nchrome_blocks:\n  tags: [aside]\n", encoding="utf-8")
    with pytest.raises(StudyError, match=r"chrome_blocks needs a list 'words'"):
        X.load_boilerplate(bad)


def test_chrome_block_steps_can_be_switched_off():
    # through the whole pipeline: trafilatura keeps the box, the DOM test removes it
    promo = "We talked about this on our weekly show, which you can hear wherever you get your shows."
    html = _story(EN_PARAS, 2, f"<div class='_x1 podcastBox'><p>{promo}</p></div>")
    off = replace(X.DEFAULT_OPTIONS, chrome_dom=False, chrome_score=False, short_chrome=False, line_filter=False)
    assert promo in X.extract_body(html, "https://www.exampledaily.example/a", "en", off)[0]
    assert promo not in X.extract_body(html, "https://www.exampledaily.example/a", "en")[0]


# --------------------------------------------------------------------------- comment widgets,
# wire credits, tips prompts, attribution lines (boilerplate.yml 1.9). Synthetic lines written
# for these tests in the shapes unseen templates print; each class has look-alike prose that stays.


@pytest.mark.parametrize("line", [
    "Be the first to comment", "Show comments", "Leave a comment", "12 Comments", "Comments (0)",
    "Join the conversation", "Log in to comment", "Comments are closed.",
    "Tidak ada komentar", "Belum ada komentar", "Komentar (0)", "3 Komentar", "Tulis komentar",
    "Login untuk memberikan komentar", "Masuk untuk berkomentar", "Jadilah yang pertama berkomentar",
])
def test_comment_widget_text_goes_anywhere(line):
    for lang in ("en", "id"):
        body = _TAIL_BODY[:3] if lang == "en" else [f"Paragraf {i} berita tentang data peramban Xiaomi." for i in range(3)]
        assert X.filter_lines("\n".join(body[:1] + [line] + body[1:]), lang).split("\n") == body
        assert X.filter_lines("\n".join(body + [line]), lang).split("\n") == body


@pytest.mark.parametrize("line, lang", [
    ("The company did not respond to a request for comment.", "en"),
    ("Xiaomi declined to comment on the report, the outlet said.", "en"),
    ("Comments from users on the forum showed the switch was hard to find.", "en"),
    ('"Kami belum bisa memberikan komentar soal laporan itu," kata juru bicara Xiaomi.', "id"),
    ("Pihak perusahaan belum memberikan komentar terkait permasalahan ini.", "id"),
    ("Komentar warganet di media sosial beragam soal fitur mode penyamaran itu.", "id"),
])
def test_prose_about_comments_stays(line, lang):
    body = _TAIL_BODY[:3] if lang == "en" else [f"Paragraf {i} berita tentang data peramban Xiaomi." for i in range(3)]
    for lines in (body + [line], body[:1] + [line] + body[1:]):
        assert X.filter_lines("\n".join(lines), lang).split("\n") == lines


@pytest.mark.parametrize("widget, box, lang", [
    ("Tidak ada komentar", "komentar", "id"),
    ("Login untuk memberikan komentar", "komentar-box", "id"),
    # no phrase rule knows these: the box's own name (komentar, disqus) gives them away
    ("Silakan berdiskusi dengan santun dan tidak menyinggung SARA.", "kolom-komentar", "id"),
    ("Please keep the discussion civil and on topic for everyone here.", "disqus-wrap", "en"),
])
def test_comment_container_below_the_body_goes(widget, box, lang):
    paras = EN_PARAS if lang == "en" else ID_PARAS
    html = ("<html><head><title>T</title></head><body><main><h1>Browser maker denies tracking</h1>"
            "<div class='story-body'>" + "".join(f"<p>{p}</p>" for p in paras) + "</div>"
            f"<div class='{box}'><h3>Komentar</h3><p>{widget}</p></div></main></body></html>")
    got = X.extract_html(html.encode(), "https://www.contohnews.example/a", lang)
    assert got.split("\n") == paras
    lines = paras + [widget]
    assert _chrome(html, lines, lang) == paras


@pytest.mark.parametrize("line, lookalike", [
    ("— IBTimes", "Researchers told IBTimes the data was sent in plain text, according to the report."),
    ("— with AAP", "With AAP and other agencies reporting the story, the company issued a statement."),
    ("with NCA NewsWire", "With NCA NewsWire picking up the story, the company answered the next day."),
    ("— with Example Wire Service", "The story ran with Example Wire Service copy in several papers, the editor said."),
    ("(ANTARA)", "The agency (ANTARA) reported the statement first, citing the company's blog post."),
    ("(AAP/Xinhua)", "Both wires (AAP and Xinhua) carried the statement within an hour of its release."),
    ("@licom_09/editor", "The researcher posted as @licom_09 on the forum before the report came out."),
    ("Editor: @dewi_l", "The editor said the report was checked against the researchers' packet captures."),
    ("Editor: Jane Doe", "The editor, Jane Doe, said the report had been checked twice before it ran."),
    ("Additional reporting by Ana Putri", "The outlet's additional reporting showed the data left the phone in private mode."),
    # a list printed with dashes ends the body: its items have lower-case words and stay
    ("— Reuters", "– Checking the settings of the browser"),
])
def test_wire_and_staff_credits_at_the_tail_go(line, lookalike):
    body = _TAIL_BODY
    assert X.filter_lines("\n".join(body + [line]), "en").split("\n") == body
    assert X.filter_lines("\n".join(body + [line]), "id").split("\n") == body
    for lines in (body + [lookalike], body[:3] + [lookalike] + body[3:]):
        assert X.filter_lines("\n".join(lines), "en").split("\n") == lines


@pytest.mark.parametrize("line, lang", [
    ("Get in touch with our news team by emailing us at news@exampledaily.example.", "en"),
    ("Got a story? Email tips@exampledaily.example or message us on WhatsApp.", "en"),
    ("Have a story for us? Contact the desk at desk@exampledaily.example.", "en"),
    ("Send your stories and videos to us at stories@exampledaily.example.", "en"),
    ("Punya informasi menarik? Hubungi redaksi melalui WhatsApp 0812-0000-0000.", "id"),
    ("Kirim berita ke redaksi melalui email redaksi@contohnews.example.", "id"),
    ("Hubungi redaksi kami di redaksi@contohnews.example untuk koreksi.", "id"),
])
def test_tips_and_contact_prompts_go(line, lang):
    body = _TAIL_BODY[:4] if lang == "en" else [f"Paragraf {i} berita tentang data peramban Xiaomi." for i in range(4)]
    for lines in (body + [line], body[:2] + [line] + body[2:]):
        assert X.filter_lines("\n".join(lines), lang).split("\n") == body


@pytest.mark.parametrize("line, lang", [
    ("If you have information about the leak, contact police on 0800 000 000, officers said.", "en"),
    ('"Customers who are worried can get in touch with us at any time," a spokesperson said.', "en"),
    ("Users who have a story about the browser were asked by the researchers to write in.", "en"),
    ('"Jika punya informasi, silakan hubungi polisi," kata Kapolres kepada wartawan.', "id"),
    ("Pengguna yang ingin bertanya dapat menghubungi layanan pelanggan Xiaomi di situs resminya.", "id"),
])
def test_prose_about_contacting_someone_stays(line, lang):
    body = _TAIL_BODY[:4] if lang == "en" else [f"Paragraf {i} berita tentang data peramban Xiaomi." for i in range(4)]
    for lines in (body + [line], body[:2] + [line] + body[2:]):
        assert X.filter_lines("\n".join(lines), lang).split("\n") == lines


@pytest.mark.parametrize("line, markup, lang", [
    ("Sumber: Antara", "<p><em>{}</em></p>", "id"),      # italic, after the body: 1.8 scored it out
    ("Sumber: Forbes", "<div class='source-box'>{}</div>", "id"),  # a short label in its own box
    ("Source: Forbes", "<p class='credit'>{}</p>", "en"),  # in a box named "credit"
    ("Via: GSMArena", "<p><em>{}</em></p>", "en"),
])
def test_attribution_lines_are_kept_by_the_structural_steps(line, markup, lang):
    paras = EN_PARAS if lang == "en" else ID_PARAS
    html = _story(paras, 3, markup.format(line))
    assert _chrome(html, paras + [line], lang) == paras + [line]
    assert X.drop_short_chrome("\n".join(paras + [line]), _tree(html), lang).split("\n") == paras + [line]
    art = X.extract_article(html.encode(), "https://www.exampledaily.example/a", lang)
    assert (art["text"].split("\n"), art["credits"]) == (paras, line)


def test_a_picture_source_is_not_an_attribution():
    cap = "Ilustrasi ponsel dan peramban (sumber: pixabay)"
    rules = X.load_boilerplate()
    assert not X._kept_on_purpose("Sumber: Pixabay", rules)
    assert X._kept_on_purpose("Sumber: Antara", rules) and X._kept_on_purpose("(Sumber: Forbes)", rules)
    html = _story(ID_PARAS, 3, f"<p>{cap}</p>")
    assert _chrome(html, ID_PARAS + [cap], "id") == ID_PARAS
    # "Sumber: <this site>" credits the page itself, not another outlet: no protection
    assert not X._kept_on_purpose("Sumber: Contohnews.com", rules, {"contohnews"})
    assert X._kept_on_purpose("Sumber: Forbes", rules, {"contohnews"})


def test_an_attribution_box_after_the_body_is_recovered():
    # trafilatura stops at the body's container; the template prints the source in its own box
    paras = [f"Paragraf {i}: perusahaan itu membantah tuduhan bahwa peramban buatannya merekam data pengguna di mode penyamaran." for i in range(8)]
    html = ("<html><head><title>T</title></head><body><div class='main'><div class='news'><h1>Judul</h1>"
            "<div class='content-news'>" + "".join(f"<p>{p}</p>" for p in paras) + "</div>"
            "<div class='source-news'>Sumber: <a>Forbes</a></div></div>"
            "<div class='sidebar'><h3>Terpopuler</h3><p>Sumber: Contohnews</p></div></div></body></html>")
    off = replace(X.DEFAULT_OPTIONS, attribution=False)
    assert X.extract_body(html, "https://www.contohnews.example/a", "id", off)[0].split("\n") == paras
    got = X.extract_body(html, "https://www.contohnews.example/a", "id")[0].split("\n")
    assert got == paras + ["Sumber: Forbes"]  # the first one after the body, not the sidebar's
    # a body that already has its attribution gets no second one; a picture source is none
    assert X.recover_attribution("\n".join(paras + ["Sumber: Antara"]), _tree(html)).endswith("Sumber: Antara")
    html2 = html.replace("Sumber: <a>Forbes</a>", "Sumber: Pixabay")
    assert X.extract_body(html2, "https://www.contohnews.example/a", "id")[0].split("\n") == paras


# --------------------------------------------------------------------------- boilerplate.yml 2.0
# Loose text wrapped into paragraphs, reader-support prompts, a lone "- Reuters". Synthetic
# lines written for these tests; the support boxes and prompts below stayed with 1.9.


def _inline_ad_page(paras: list[str], ad: str) -> str:
    """A template that prints the whole story as ONE <p> with <br><br> breaks and an ad box
    inside it (invalid HTML: the parser closes the <p> at the ad's <div>)."""
    first, rest = "<br><br>\n".join(paras[:3]), "<br><br>\n".join(paras[3:])
    return ("<html><head><title>T</title></head><body><div id='nav'><a>Home</a> <a>News</a></div>"
            f"<div class='content'><h1>Browser maker denies tracking</h1><div class='article-writeup'>"
            f"<p>\n{first}<br><br>\n{ad}\n{rest}\n</p></div>"
            "<div class='footer-links'><p>About us</p><p>Contact</p></div></div></body></html>")


_LONG_EN = EN_PARAS + [
    "Security researchers said they had repeated the test on three phones and seen the same traffic each time.",
    "The company said it would publish the full list of the data the browser collects on its blog next week.",
]
_LONG_ID = ID_PARAS + [
    "Para peneliti mengaku sudah mengulang pengujian itu pada tiga ponsel dan melihat lalu lintas data yang sama.",
    "Perusahaan berjanji akan mengumumkan daftar lengkap data yang dikumpulkan peramban itu pekan depan.",
]


# Without wrap_loose_text the paragraph after the box is lost in the cases marked (checked by
# hand with Options(wrap_loose=False)): the ad-slots rule removes the box and its tail text
# hangs loose in the container, where trafilatura does not look.
@pytest.mark.parametrize("paras, lang, ad", [
    (_LONG_EN, "en", "<div class='advertisement'><small>ADVERTISEMENT</small></div>"),  # lost
    (_LONG_ID, "id", "<div class='ads'><span>Iklan</span></div>"),  # lost
    (_LONG_EN, "en", "<div class='inline-box'><script>var x = 1;</script></div>"),  # lost
    (_LONG_ID, "id", "<div class='inline-box'><script>var x = 1;</script></div>"),  # lost
    (_LONG_EN, "en", "<div id='article_ad_1'><small>ADVERTISEMENT</small></div>"),
    (_LONG_ID, "id", "<figure><img src='a.jpg'><figcaption>Ilustrasi peramban (Foto: Dok)</figcaption></figure>"),
])
def test_text_after_an_ad_box_inside_a_paragraph_is_kept(paras, lang, ad):
    html = _inline_ad_page(paras, ad)
    got = X.extract_html(html.encode(), "https://www.exampledaily.example/a", lang).split("\n")
    assert got == paras  # every paragraph, in order, each on its own line; no ad label or caption


@pytest.mark.parametrize("box", ["<div class='ads'>ADVERTISEMENT</div>", "<div class='img'><img src='a.jpg'></div>"])
def test_text_written_straight_into_the_container_keeps_its_paragraphs(box):
    # "div soup": the story is loose text with <br><br> breaks; a box the pre-clean removes
    # sits between two paragraphs. 1.9 lost both neighbours (the box's tail was glued to the
    # text before it, outside any paragraph).
    p = _LONG_EN
    body = f"{p[0]}<br><br>{p[1]}{box}{p[2]}<br><br>{p[3]}<br><br>{p[4]}"
    html = (f"<html><head><title>T</title></head><body><div id='nav'><a>Home</a></div><article>"
            f"<h1>Browser maker denies tracking</h1><div class='story'>{body}</div></article>"
            "<footer><p>About us</p></footer></body></html>")
    assert X.extract_html(html.encode(), "https://www.exampledaily.example/a", "en").split("\n") == p


def test_wrap_loose_text_makes_one_paragraph_per_double_break():
    tree = _tree("<html><body><div class='story'><p>First paragraph of the story, long enough.</p>"
                 "Loose text after the first paragraph, long enough to count.<br><br>"
                 "A second loose paragraph with <b>bold words</b> inside it.<br>Same paragraph.<br><br>"
                 "<h2>Subheading</h2><a>Home</a> | <a>News</a> | <a>Sport</a></div></body></html>")
    assert X.wrap_loose_text(tree) == 2
    story = tree.find(".//div")
    assert [el.tag for el in story] == ["p", "p", "p", "h2", "a", "a", "a"]  # the link row stays loose
    assert story[1].text_content() == "Loose text after the first paragraph, long enough to count."
    assert story[2].text_content() == "A second loose paragraph with bold words inside it.Same paragraph."
    assert story[2].find("br") is not None  # a single break stays inside its paragraph


def test_wrap_loose_text_leaves_leaf_boxes_and_short_labels_alone():
    html = ("<html><body><div class='story'><div>A leaf box whose text is its own paragraph already.</div>"
            "<p>A paragraph.</p>Share:<a>x</a></div></body></html>")
    tree = _tree(html)
    assert X.wrap_loose_text(tree) == 0  # "Share:" is below the length of a paragraph
    assert [el.tag for el in tree.find(".//div")] == ["div", "p", "a"]


@pytest.mark.parametrize("box, line, lang", [
    ("support-box", "Safeguard press freedom; keep Example Daily free for all readers by backing our team.", "en"),
    ("donate-box", "Every gift, large or small, keeps the reporting going.", "en"),
    ("membership", "Members read without limits and get early access to the archive.", "en"),
    ("dukung-kami", "Kami bekerja tanpa iklan yang mengganggu. Sisihkan sedikit rezekimu untuk redaksi.", "id"),
    ("langganan-box", "Nikmati berita tanpa batas hanya dengan sepuluh ribu rupiah sebulan.", "id"),
])
def test_reader_support_boxes_below_the_container_go(box, line, lang):
    paras = EN_PARAS if lang == "en" else ID_PARAS
    html = _story(paras, 2, f"<div class='{box}'><h3>Heading</h3><p>{line}</p></div>")
    assert _chrome(html, paras[:2] + [line] + paras[2:], lang) == paras


@pytest.mark.parametrize("line, lang", [
    ("Reader-funded since 2015: chip in to keep our reporting free for all.", "en"),
    ("Mari menjadi donatur agar liputan mendalam tetap gratis untuk semua pembaca.", "id"),
    ("Bantu kami tetap independen: dukung redaksi dengan berdonasi mulai Rp10.000.", "id"),
])
def test_reader_support_prompts_are_scored_out_without_a_named_box(line, lang):
    paras = EN_PARAS if lang == "en" else ID_PARAS
    html = _story(paras, 3, f"<div class='box-b'><p>{line}</p></div>",
                  title="Judul | Example Daily" if lang == "en" else "Judul | Contohnews")
    url = "https://www.exampledaily.example/a" if lang == "en" else "https://www.contohnews.example/a"
    assert _chrome(html, paras + [line], lang, url) == paras


@pytest.mark.parametrize("line, lang", [
    ("The charity said donations to its fund had doubled since the browser story broke, its director said.", "en"),
    ("Readers who support stronger privacy laws wrote to the regulator, according to the ministry.", "en"),
    ('"Kami mendukung jurnalisme yang bertanggung jawab," kata juru bicara perusahaan itu.', "id"),
    ("Banyak pengguna memilih berlangganan layanan VPN setelah kabar itu beredar, menurut survei.", "id"),
])
def test_prose_about_support_and_donations_stays(line, lang):
    paras = EN_PARAS if lang == "en" else ID_PARAS
    html = _story(paras, 3, f"<p>{line}</p>", title="Judul | Example Daily" if lang == "en" else "Judul | Contohnews")
    url = "https://www.exampledaily.example/a" if lang == "en" else "https://www.contohnews.example/a"
    assert _chrome(html, paras + [line], lang, url) == paras + [line]


def test_a_lone_dash_credit_goes_a_dash_list_at_the_end_stays():
    body = _TAIL_BODY
    assert X.filter_lines("\n".join(body + ["- Reuters"]), "en").split("\n") == body
    assert X.filter_lines("\n".join(body + ["- Antara", "Copyright 2020"]), "id").split("\n") == body
    # the same shape as the last items of a list: its neighbours carry bullets too
    apps = body + ["The affected apps:", "- Mi Browser Pro", "- Mint Browser"]
    assert X.filter_lines("\n".join(apps), "en").split("\n") == apps


# 2.1: held-out set 10's classes, each with synthetic lines written for these tests: a layout
# table, an image credit at the end, a site describing itself, the "show your support" ask,
# inline "(Baca: ...)" links, an English byline strip, Facebook-comment prompts.


def _layout_table_page(paras: list[str], lang: str) -> str:
    ad, byline, fb = (("- Iklan -", "Reporter: Safari | Editor: Alamsyah", "Tulis komentar Anda dengan akun Facebook")
                      if lang == "id" else
                      ("- Advertisement -", "Reporter: Jane Doe | Editor: John Roe", "Comment using your Facebook account"))
    ps = [f"<p>{p}</p>" for p in paras]
    ps.insert(2, f"<div class='mid-slot'><span>{ad}</span></div>")
    return ("<html><head><title>Judul - Harian Contoh</title></head><body><div id='header'><a>Home</a></div>"
            "<table width='100%' class='content'><tr><td class='left' valign='top'>"
            f"<h1>Browser maker denies tracking</h1><div class='penulis'>{byline}</div><div class='isi'>{''.join(ps)}</div>"
            f"<div class='fb'>{fb}</div></td><td class='right'><div class='box'><h3>Terpopuler</h3>"
            "<ul><li>Banjir rob genangi pesisir utara</li><li>Harga cabai naik lagi</li></ul></div></td></tr></table>"
            "<div id='footer'>Redaksi | Pedoman Media Siber</div></body></html>")


@pytest.mark.parametrize("paras, lang", [(_LONG_EN, "en"), (_LONG_ID, "id")])
def test_a_story_laid_out_in_a_table_cell_comes_out_as_paragraphs(paras, lang):
    # trafilatura printed the whole cell as one " | " line (headline, byline, story, ad label,
    # comment prompt): no line rule could judge its parts
    html = _layout_table_page(paras, lang)
    got = X.extract_html(html.encode(), "https://www.hariancontoh.example/read/1", lang).split("\n")
    assert got == paras


def test_data_tables_are_not_unwrapped():
    html = ("<html><body><h1>T</h1><p>" + "A long paragraph of the story about the browser data. " * 3 + "</p>"
            "<table><tr><th>App</th><th>Data sent</th></tr><tr><td>Mi Browser</td><td>URLs, searches</td></tr></table>"
            "<table><tr><td><p>Baca juga: Judul lain</p></td></tr></table></body></html>")
    tree = _tree(html)
    assert X.unwrap_layout_tables(tree) == 0
    assert len(tree.findall(".//table")) == 2


@pytest.mark.parametrize("line, lang", [
    ("Top image via Xiaomi", "en"),
    ("Photo by Jane Doe on Unsplash", "en"),
    ("Featured image courtesy of the company", "en"),
    ("Foto dari Xiaomi", "id"),
    ("Gambar oleh Pixabay", "id"),
])
def test_an_image_credit_closing_the_story_goes(line, lang):
    assert X.filter_lines("\n".join(_TAIL_BODY + [line]), lang).split("\n") == _TAIL_BODY


@pytest.mark.parametrize("line, lang", [
    ("Photos from the launch show the new browser.", "en"),
    ("Images shared by the researchers show the traffic to servers abroad, Tierney said.", "en"),
    ("Foto dari peneliti memperlihatkan lalu lintas data ke server di luar negeri.", "id"),
])
def test_prose_about_pictures_at_the_end_stays(line, lang):
    lines = _TAIL_BODY + [line]
    assert X.filter_lines("\n".join(lines), lang).split("\n") == lines


@pytest.mark.parametrize("line, lang", [
    ("Example Daily is a digital media news network with thousands of Example Daily members.", "en"),
    ("Contohnews adalah portal berita teknologi yang terbit sejak 2010 di Jakarta.", "id"),
    ("Show your support for our mission by joining our Reader Club and community of experts.", "en"),
])
def test_a_site_describing_itself_and_the_support_variant_are_scored_out(line, lang):
    paras = EN_PARAS if lang == "en" else ID_PARAS
    html = _story(paras, 3, f"<p>{line}</p>", title="Judul | Example Daily" if lang == "en" else "Judul | Contohnews")
    url = "https://www.exampledaily.example/a" if lang == "en" else "https://www.contohnews.example/a"
    assert _chrome(html, paras + [line], lang, url) == paras


@pytest.mark.parametrize("line, lang", [
    ("Xiaomi is a Chinese electronics maker with millions of browser users in Indonesia.", "en"),  # not the site
    ("Forbes adalah media yang pertama kali memberitakan temuan itu, menurut peneliti.", "id"),
    ("Researchers showed their support for a privacy law in a letter to the ministry.", "en"),
])
def test_another_organisations_description_and_prose_about_support_stay(line, lang):
    paras = EN_PARAS if lang == "en" else ID_PARAS
    html = _story(paras, 3, f"<p>{line}</p>", title="Judul | Example Daily" if lang == "en" else "Judul | Contohnews")
    url = "https://www.exampledaily.example/a" if lang == "en" else "https://www.contohnews.example/a"
    assert _chrome(html, paras + [line], lang, url) == paras + [line]


@pytest.mark.parametrize("paras, link, lang", [
    (_LONG_ID, "<a class='inline-baca' href='/x'>(Baca: Pakar Sebut Operator Ikut Bertanggung Jawab)</a>", "id"),
    (_LONG_ID, "<strong><a href='/x'>(Baca juga: DPR Desak RUU Segera Disahkan)</a></strong>", "id"),
    (_LONG_EN, "<a href='/x'>(Read: Regulators weigh browser data rules)</a>", "en"),
    (_LONG_EN, "<a href='/x'>(Related: How to switch off browser tracking)</a>", "en"),
])
def test_an_inline_read_also_link_goes_its_paragraph_stays(paras, link, lang):
    ps = [f"<p>{p}</p>" for p in paras]
    ps[2] = f"<p>{paras[2]} {link}</p>"
    html = (f"<html><head><title>T</title></head><body><article><h1>Browser maker denies tracking</h1>"
            f"<div class='story'>{''.join(ps)}</div></article></body></html>")
    assert X.extract_html(html.encode(), "https://www.exampledaily.example/a", lang).split("\n") == paras


def test_a_bracketed_link_in_prose_stays():
    paras = list(_LONG_EN)
    paras[2] = "The researchers published their findings (PDF) and a video of the test on Thursday, they said."
    ps = [f"<p>{p}</p>" for p in paras]
    ps[2] = ("<p>The researchers published their findings <a href='/r.pdf'>(PDF)</a> and a video of the test"
             " on Thursday, they said.</p>")
    html = (f"<html><head><title>T</title></head><body><article><h1>Browser maker denies tracking</h1>"
            f"<div class='story'>{''.join(ps)}</div></article></body></html>")
    assert X.extract_html(html.encode(), "https://www.exampledaily.example/a", "en").split("\n") == paras


@pytest.mark.parametrize("line, lang", [
    ("Reporter: Jane Doe | Editor: John Roe", "en"),
    ("Reporter: Safari | Editor: Alamsyah", "id"),
    ("Comment using your Facebook account", "en"),
    ("Tulis komentar Anda dengan akun Facebook", "id"),
    ("Komentar dengan Facebook", "id"),
])
def test_byline_strips_and_facebook_comment_prompts_go_anywhere(line, lang):
    body = _TAIL_BODY[:4] + [line] + _TAIL_BODY[4:]
    assert X.filter_lines("\n".join(body), lang).split("\n") == _TAIL_BODY


@pytest.mark.parametrize("line, lang", [
    ("Reporter: Why did the browser send the data in incognito mode?", "en"),
    ("Xiaomi posted a comment on Facebook about the report, the company said.", "en"),
    ("Warganet menulis komentar di Facebook resmi perusahaan itu sejak Sabtu pagi.", "id"),
])
def test_interviews_and_prose_about_facebook_comments_stay(line, lang):
    # mid-body (1.9's editor-credit takes a short "Reporter: ..." line among the last five)
    body = _TAIL_BODY[:2] + [line] + _TAIL_BODY[2:]
    assert X.filter_lines("\n".join(body), lang).split("\n") == body


# --------------------------------------------------------------------------- 2.2
# Synthetic pages and lines written for these tests (the shapes met on the trafilatura
# benchmark; none of its text).


def test_lead_recovery_skips_author_bios_and_site_taglines():
    bio = "Jane Example has written about phones, browsers and privacy for twelve years and lives in Jakarta."
    tagline = "A weblog about phones, browsers and whatever else catches our eye on a slow afternoon."
    paras = "".join(f"<p>{p}</p>" for p in EN_PARAS)
    page_ = ("<html><body><h1>Browser maker denies tracking</h1><div class='site-description'>" + tagline + "</div>"
             "<article class='post author-janeexample'><div class='entry-content'>" + paras + "</div>"
             "<div class='author-box'><p class='author-description'>" + bio + "</p></div></article></body></html>")
    assert X._lead_candidates(_tree(page_)) == []
    # a standfirst is still a lead, also on an article that WordPress classes "author-<name>"
    dek = "The company says the data is aggregated, and an update will let users switch it off."
    page_ = page_.replace("<div class='entry-content'>", f"<p class='entry-dek'>{dek}</p><div class='entry-content'>")
    assert X._lead_candidates(_tree(page_)) == [dek]


def test_a_box_is_content_by_the_body_text_it_holds_not_its_length():
    bio = "Jane Example has covered phones and privacy since 2015 and lives in Jakarta."
    others = "".join(f"<li><a href='/s{k}'>Another story number {k} about phones and browsers</a></li>" for k in range(20))
    box = f"<div class='author-box'><p>{bio}</p><ul>{others}</ul></div>"
    html = ("<html><body><article><h1>T</h1><div class='story-body'>" + "".join(f"<p>{p}</p>" for p in EN_PARAS)
            + "</div>" + box + "</article></body></html>")
    # the box's own text (the bio and twenty links, ~1,100 characters) is larger than the body
    # (~400), but it holds only the bio of the body's text: an author box, chrome
    assert _chrome(html, EN_PARAS + [bio]) == EN_PARAS
    # the same box with a neutral name stays
    assert _chrome(html.replace("author-box", "box-b"), EN_PARAS + [bio]) == EN_PARAS + [bio]


@pytest.mark.parametrize("line, kept", [
    ("A ski racer from Switzerland at the start. © AFP / Jane Photographer", False),  # caption + copyright credit
    ("The logo is a registered mark © of the company, which said the browser update ships next week.", True),
    ('{"@context":"https://schema.org","@type":"BreadcrumbList","itemListElement":[]}', False),  # JSON-LD printed
    ("MIRA: Una madre pregunta por su hijo y termina detenida", False),  # Spanish kicker to another story
    ("Mira Lesmana said the film would open in June.", True),  # a name, not a kicker
])
def test_caption_credit_json_and_kicker_lines(line, kept):
    body = EN_PARAS[0] + "\n" + line + "\n" + EN_PARAS[1]
    assert (line in X.filter_lines(body, None).split("\n")) is kept


@pytest.mark.parametrize("line, kept", [
    ("January 13, 2020 at 08:45 AM | categories: Phones, Browsers | View Comments", False),  # a meta strip
    ("Sabtu, 2 Mei 2020 | Penulis: Dian Contoh", False),
    ("Example Handball • 02.02.2022", False),
    ("| 2 Mei 2020 | 10 kasus |", True),  # a table row (leading bars) is data
    ("P = v3 · r · r2 · π · 0,5", True),  # a formula with middle dots: no date in it
    ("Browsers compared | What changed in May | Our verdict", True),  # no date segment
])
def test_meta_strip_with_a_date_goes(line, kept):
    body = EN_PARAS[0] + "\n" + line + "\n" + EN_PARAS[1]
    assert (line in X.filter_lines(body, None).split("\n")) is kept


def test_a_writers_bio_in_italics_after_the_body_is_scored_out():
    bio = "Jane Example is the founder of a small consultancy that helps firms talk about privacy to their users."
    html = _story(EN_PARAS, 3, f"<p><em>{bio}</em></p>")
    assert _chrome(html, EN_PARAS + [bio]) == EN_PARAS  # bio shape + after the body + italics
    # the same sentence set upright stays (shape and place alone are not enough), and so does
    # a body paragraph that introduces a researcher
    html = _story(EN_PARAS, 3, f"<p>{bio}</p>")
    assert _chrome(html, EN_PARAS + [bio]) == EN_PARAS + [bio]
    intro = "Gabi Example is a security researcher."
    html = _story(EN_PARAS, 3, f"<p>{intro}</p>")
    assert _chrome(html, EN_PARAS + [intro]) == EN_PARAS + [intro]


def test_table_of_contents_and_recirculation_boxes_are_chrome():
    for name in ("toc-list", "recirc-list-wrapper", "next-story"):
        html = _story(EN_PARAS, 3, f"<div class='{name}'><p>What changed in the update</p></div>")
        assert _chrome(html, EN_PARAS + ["What changed in the update"]) == EN_PARAS, name


@pytest.mark.parametrize("line, kept", [
    ("© 2022, ExampleNews.example. This story is the property of Example News. " + "Reprints need written permission. " * 8,
     False),  # a long footer that opens with the copyright sign
    ("CONTOHNEWS.COM", False),  # a lone domain: a source stamp
    ("contohnews.co.id", False),
    ("Sumber: Contohnews.com", True),  # an attribution, read by coverage.citations
    ("Contohnews.com was down for two hours on Saturday.", True),  # a sentence about a site
])
def test_copyright_footer_and_lone_domain_lines(line, kept):
    body = EN_PARAS[0] + "\n" + line + "\n" + EN_PARAS[1]
    assert (line in X.filter_lines(body, "id").split("\n")) is kept


# 2.2: held-out set 11's classes, each with synthetic pages written for these tests: a story
# table nested in a layout table, an author box named like a standfirst, dashed ad labels and
# a site selling its ad space.


@pytest.mark.parametrize("paras, lang", [(_LONG_EN, "en"), (_LONG_ID, "id")])
def test_a_story_table_nested_in_a_layout_table_comes_out_as_paragraphs(paras, lang):
    # an old CMS: the inner table's rows hold the headline, a date with a view counter and the
    # story; the outer table holds it beside a sidebar. Once the inner table is a layout, so is
    # the outer (trafilatura printed the outer row as one " | " line before)
    ps = "".join(f"<p>{p}</p>" for p in paras)
    html = ("<html><head><title>Judul - Harian Contoh</title></head><body><table width='100%'><tr>"
            "<td class='kolom-kiri' valign='top'><table width='100%' cellpadding='4'>"
            "<tr><td class='judul'><h1>Browser maker denies tracking</h1></td></tr>"
            "<tr><td class='tanggal'><font size='1'>Senin, 4 Mei 2020 09:00 | Dibaca: 1.204 kali</font></td></tr>"
            f"<tr><td class='isi'>{ps}</td></tr></table></td>"
            "<td class='kolom-kanan' valign='top'><div>Indeks berita</div></td></tr></table></body></html>")
    got = X.extract_html(html.encode(), "https://www.hariancontoh.example/read/2", lang).split("\n")
    assert got == paras


def test_an_author_box_named_description_is_not_taken_for_the_lead():
    # "td-author-description" carries a standfirst's class word, but its text is a bio
    ps = "".join(f"<p>{p}</p>" for p in _LONG_EN)
    html = ("<html><head><title>T</title></head><body><article><h1>Browser maker denies tracking</h1>"
            f"<div class='td-post-content'>{ps}</div><div class='td-author-description'>"
            "<div class='td-author-name'>Jane Doe</div><div class='td-author-text'>Jane is a tech writer covering "
            "gadgets, browsers and privacy.</div></div></article></body></html>")
    assert X.extract_html(html.encode(), "https://www.exampledaily.example/a", "en").split("\n") == _LONG_EN


def test_a_heading_marked_h1_inside_a_blog_post_does_not_cut_the_story_above_it():
    # a blog theme prints the post title as <h2> and the author typed an <h1> mid-post: the
    # paragraphs above it are the story, not a note printed above the page's headline
    paras = _LONG_EN + [f"In the second test, {p[0].lower()}{p[1:]}" for p in _LONG_EN]
    ps = [f"<p>{p}</p>" for p in paras]
    ps.insert(3, "<h1>What the researchers found</h1>")
    html = ("<html><head><title>T</title></head><body><div class='post'><h2 class='entry-title'>Browser maker "
            f"denies tracking</h2><div class='entry-content'>{''.join(ps)}</div></div></body></html>")
    got = X.extract_html(html.encode(), "https://someblog.example/2020/05/a", "en").split("\n")
    assert [x for x in got if x in paras] == paras


def test_a_standfirst_box_loses_its_label_not_its_text():
    # "Story highlights" printed as the first block of the summary box recovered as the lead
    lead = "Privacy groups were quick to condemn the new data-sharing terms of the browser."
    ps = "".join(f"<p>{p}</p>" for p in _LONG_EN)
    html = ("<html><head><title>T</title></head><body><h1>Browser maker denies tracking</h1>"
            f"<div class='summary'><p>Story highlights</p><p>{lead}</p></div>"
            f"<article><div class='story'>{ps}</div></article></body></html>")
    got = X.extract_html(html.encode(), "https://www.exampledaily.example/a", "en").split("\n")
    assert got == [lead] + _LONG_EN


def test_a_story_written_as_loose_text_between_boxes_keeps_its_first_paragraph():
    # no <p> at all: the story is <br>-separated text with an ad box and a link box between
    # its paragraphs; the section's own first run was lost before
    paras = _LONG_EN
    html = ("<html><head><title>T</title></head><body><article><h1>Browser maker denies tracking</h1>"
            f"<section class='story-section'>{paras[0]}<br><br>{paras[1]}<br><br>"
            "<div class='ad-inline'><span>ADVERTISEMENT</span></div>"
            f"{paras[2]}<br><br>{paras[3]}<br><br><div class='also-read'>Also Read: <a>Another story</a></div>"
            f"{paras[4]}</section></article></body></html>")
    got = X.extract_html(html.encode(), "https://www.exampledaily.example/a", "en").split("\n")
    assert got == paras


def test_a_story_paragraph_near_the_end_that_addresses_the_reader_stays():
    # third-last of the story's paragraphs: "your ... subscription" and the last lines' position
    # made it look like a subscription ask; a long paragraph above the last one is the body
    line = ("Some posts even implied that the company behind the app is for some reason interested in "
            "nicking your music subscription, which no one has shown.")
    paras = _LONG_EN[:3] + [line] + _LONG_EN[3:]
    ps = "".join(f"<p>{p}</p>" for p in paras)
    html = ("<html><head><title>T</title></head><body><article><h1>Browser maker denies tracking</h1>"
            f"<div class='story'>{ps}</div></article></body></html>")
    assert X.extract_html(html.encode(), "https://www.exampledaily.example/a", "en").split("\n") == paras


# 2.2-2.7: chrome lines of the classes held-out sets 11-16 and the benchmark showed (all synthetic),
# each placed between two paragraphs of a story, and prose that shares their words and must stay.
LINES_THAT_GO = [
    ("-- iklan --", "id"),
    ("— Pasang Iklan di Contohnews.com, hubungi redaksi —", "id"),
    ("Ingin beriklan? Hubungi tim pemasaran kami", "id"),
    ("- Advertise with us -", "en"),
    ("(Gambas:Video 20detik)", "id"),
    ("Halaman:", "id"),
    ("1 2 Selanjutnya", "id"),
    ("Selengkapnya di halaman selanjutnya.", "id"),
    ("Komentar", "id"),
    ("Salin tautan", "id"),
    ("Tags", "en"),
    ("Loading...", "en"),
    ("Cancel reply", "en"),
    ("Send me a secure tip.", "en"),
    ("Follow me on Twitter.", "en"),
    ("Konten bersponsor", "id"),
    ("Infografis: Data yang dikumpulkan peramban", "id"),
    ("Selengkapnya di sini", "id"),
    ("Contoh.com+ baca berita tanpa iklan", "id"),
    ("Promoted content", "en"),
    ("Editor's Choice", "en"),
    ("Page 2 of 3", "en"),
    ("Continue reading", "en"),
    ("You have reached your article limit.", "en"),
    ("You've read 3 of 5 free articles this month.", "en"),
    ("Unlimited access. Half the price. Subscribe now", "en"),
    ("Start your free trial", "en"),
    ("Coba gratis 14 hari", "id"),
    ("Anda telah mencapai batas artikel gratis bulan ini.", "id"),
    ("Submit a letter to the editor at example.com/letters and we may publish it online and in print.", "en"),
    ("Laporkan pengaduan Anda melalui LaporContoh!", "id"),
    ("Kirimkan opini Anda ke redaksi@contoh.example", "id"),
    ("Correction: An earlier version of this article misstated the size of the fine.", "en"),
    ("Catatan redaksi: artikel ini dirangkum dari pemberitaan media.", "id"),
    ("Data governance after the pandemic. Online event, 12 November 2020, 13:00–14:00 GMT.", "en"),
    ("Talk to us: send us tips, comments and questions by replying to this email.", "en"),
    ("Layanan Contoh 110: Laporkan gangguan keamanan, gratis 24 jam.", "id"),
    ("Laporkan insiden siber melalui Pusat Kontak Siber: bantuan@contoh.example atau WhatsApp 0811-0000-0000.", "id"),
    ("Diposting oleh Admin Humas pada Kamis, 20 Januari 2022 | Dilihat: 318 kali", "id"),
    ("Beli gawai incaranmu lewat link affiliate kami, harga tetap sama.", "id"),
    ("Sobat, yuk gabung ke komunitas Contoh Squad! Daftar dan klik di sini.", "id"),
    ("Welcome to Contoh Daily's live updates for July 16. Get in touch on live@contoh.example", "en"),
    ("Good morning and welcome to our live coverage of the data breach hearing.", "en"),
    ("Selamat datang di laporan langsung sidang gugatan data pribadi hari ini.", "id"),
    ("(Humas Polda Contoh)", "id"),
    ("1325 kali dibaca", "id"),
    ("*** This is a Contoh Bloggers Network syndicated blog. Read the original post at: example.com", "en"),
]
PROSE_THAT_STAYS = [
    ("Perusahaan itu memasang iklan di media sosial untuk mengumumkan pembaruan peramban.", "id"),
    ("The company said it would advertise the new privacy switch in its browser.", "en"),
    ("Komentar Xiaomi itu muncul sehari setelah laporan terbit.", "id"),
    ("Halaman pengaturan peramban kini memuat sakelar baru.", "id"),
    ("Topics such as incognito mode came up at the hearing.", "en"),
    ("The researchers said they would send a tip to the regulator.", "en"),
    ("Xiaomi menyebut konten bersponsor tidak dipengaruhi data peramban.", "id"),
    ("The editor's choice of words drew criticism from the researchers.", "en"),
    ("Page 2 of the filing lists the servers that received the data.", "en"),
    ("The hackers gained unlimited access to the servers for weeks, the researchers said.", "en"),
    ("You have read the report, the minister told lawmakers on Tuesday.", "en"),
    ("Pengguna bisa mencoba fitur itu secara gratis selama masa uji coba, kata perusahaan.", "id"),
    ("Warga bisa menyampaikan keluhan melalui aplikasi resmi, kata juru bicara kementerian.", "id"),
    ("The researchers said they would send a letter to the company's board next week.", "en"),
    ("The regulator said the webinar for companies on 3 May had been cancelled.", "en"),
    ("Warga diminta melaporkan penipuan kepada polisi, kata juru bicara itu.", "id"),
    ("The researchers read 1,204 pages of the company's filings.", "en"),
    ("Welcome to the new browser, the company wrote in a note about its live updates.", "en"),
    ("Xiaomi welcomed the regulator's live coverage of the hearing.", "en"),
    ("Humas kementerian mengatakan data itu aman dan sudah diperiksa.", "id"),
    ("Artikel itu sudah 1.325 kali dibaca sebelum dihapus oleh redaksi.", "id"),
    ("This is a syndicated blog network's problem, the researcher said.", "en"),
]


def _filtered(line: str, lang: str) -> tuple[list[str], list[str], list[str]]:
    """The story's paragraphs, the same with ``line`` after the second, and what filter_lines kept."""
    paras = ID_PARAS if lang == "id" else EN_PARAS
    lines = paras[:2] + [line] + paras[2:]
    return paras, lines, X.filter_lines("\n".join(lines), lang).split("\n")


@pytest.mark.parametrize("line, lang", LINES_THAT_GO)
def test_chrome_lines_of_the_later_sets_go(line, lang):
    paras, _, kept = _filtered(line, lang)
    assert kept == paras


@pytest.mark.parametrize("line, lang", PROSE_THAT_STAYS)
def test_prose_sharing_their_words_stays(line, lang):
    _, lines, kept = _filtered(line, lang)
    assert kept == lines


@pytest.mark.parametrize("box, lang", [
    # a product box named "box-premium" by its template: its words alone say little
    ("<div class='hol-box-premium'><p><strong>Contoh Pro</strong> - Akses basis data peraturan terlengkap. "
     "<a>Coba sekarang</a></p></div>", "id"),
    ("<div class='np-poll'><p>Will you keep using this browser?</p><button>Yes</button><button>No</button>"
     "<p>1,204 participants</p></div>", "en"),
    ("<div class='story_nextCard__3Hx0e'><span>Next</span><p>Regulator fines phone maker over data</p></div>", "en"),
    ("<p>This discussion has been archived. No new comments can be posted.</p>", "en"),
    # 2.8: an author box named in Indonesian, after the story; a press office's sign-off
    ("<div class='kotak-penulis'><b>Contoh Penulis</b><p>Penulis lepas, pengamat media sosial dan kebijakan internet.</p></div>", "id"),
    ("<p><strong>Biro Pers, Media, dan Informasi Sekretariat Contoh</strong></p>", "id"),
])
def test_premium_poll_and_next_story_boxes_and_archived_notices_go(box, lang):
    paras = _LONG_ID if lang == "id" else _LONG_EN
    html = _story(paras, 2, box)
    assert X.extract_html(html.encode(), "https://www.exampledaily.example/a", lang).split("\n") == paras
