"""Quote extraction and speakers (coverage.quotes, coverage.speakers).

Every sentence here is synthetic, written for these tests in the styles of Indonesian and
English news (curly and straight marks, inverted and speaker-first attribution, wire credits).
"""

from __future__ import annotations


import pandas as pd
import pytest

from coverage.config import ROOT, SPEAKER_TYPES
from coverage.quotes import canonical_cue, extract_quotes, voice_table
from coverage.speakers import load_book

ID_LEAD = "Xiaomi membantah laporan itu.\n"
EN_LEAD = "Xiaomi rejected the report.\n"


def quotes(text: str, lang: str) -> list[dict]:
    return extract_quotes(text, lang)


def only(text: str, lang: str, kind: str | None = None) -> dict:
    recs = [r for r in quotes(text, lang) if kind is None or r["kind"] == kind]
    assert len(recs) == 1, recs
    return recs[0]


# --- every cue, both languages ------------------------------------------------------------

ID_DIRECT = [
    ("“Data pengguna aman,” kata Xiaomi.", "Xiaomi", "kata"),
    ('"Data pengguna aman," ujar juru bicara Xiaomi Indonesia, Nama Orang.', "Nama Orang", "ujar"),
    ("“Data pengguna aman,” ungkap peneliti keamanan siber Gabi Cirlig.", "Gabi Cirlig", "ungkap"),
    ("“Data pengguna aman,” jelas Gabriel Cirlig kepada Forbes.", "Gabi Cirlig", "jelas"),
    ("“Data pengguna aman,” tegas Menteri Komunikasi dan Informatika Johnny G. Plate.", "Johnny G. Plate", "tegas"),
    ("“Data pengguna aman,” tutur Tierney.", "Andrew Tierney", "tutur"),
    ("“Data pengguna aman,” sebut Xiaomi dalam keterangan tertulisnya.", "Xiaomi", "sebut"),
    ("“Data pengguna aman,” tambah pihak Xiaomi.", "Xiaomi", "tambah"),
    ("“Data pengguna aman,” imbuh Xiaomi.", "Xiaomi", "imbuh"),
    ("“Data pengguna aman,” lanjut Xiaomi.", "Xiaomi", "lanjut"),
    ("“Data pengguna aman,” klaim Xiaomi.", "Xiaomi", "klaim"),
    ("“Data pengguna aman,” tulis Xiaomi di blog resminya.", "Xiaomi", "tulis"),
    ("“Data pengguna aman,” papar Xiaomi.", "Xiaomi", "papar"),
    ("“Data pengguna aman,” terang Xiaomi.", "Xiaomi", "terang"),
    ("“Data pengguna aman,” sambung Xiaomi.", "Xiaomi", "lanjut"),
    ("Menurut Xiaomi, “data pengguna aman dan terenkripsi”.", "Xiaomi", "menurut"),
    ("Xiaomi mengatakan: “Data pengguna aman.”", "Xiaomi", "kata"),
    ("Juru bicara Xiaomi, Nama Orang, menjelaskan, “Data pengguna aman.”", "Nama Orang", "jelas"),
    ('"Data pengguna aman," kata Xiaomi kepada wartawan di Jakarta, Sabtu (2/5/2020).', "Xiaomi", "kata"),
    ("”Data pengguna aman,” kata Xiaomi.", "Xiaomi", "kata"),  # ” used for both marks
    ("“Data pengguna aman,”kata Xiaomi.", "Xiaomi", "kata"),  # no space after the mark
    ("“Data pengguna aman”, kata Xiaomi.", "Xiaomi", "kata"),  # comma outside the marks
]

ID_INDIRECT = [
    ("Xiaomi menyatakan bahwa data pengguna aman dan terenkripsi.", "Xiaomi", "nyata"),
    ("Xiaomi mengatakan bahwa data pengguna aman dan terenkripsi.", "Xiaomi", "kata"),
    ("Xiaomi menyebut data pengguna aman dan terenkripsi.", "Xiaomi", "sebut"),
    ("Xiaomi menyebutkan data pengguna aman dan terenkripsi.", "Xiaomi", "sebut"),
    ("Menurut Xiaomi, data pengguna aman dan terenkripsi.", "Xiaomi", "menurut"),
    ("Data pengguna, menurut Xiaomi, aman dan terenkripsi.", "Xiaomi", "menurut"),
    ("Data pengguna aman dan terenkripsi, kata Xiaomi.", "Xiaomi", "kata"),
    ("Xiaomi menegaskan data pengguna aman dan terenkripsi.", "Xiaomi", "tegas"),
    ("Xiaomi mengklaim data pengguna aman dan terenkripsi.", "Xiaomi", "klaim"),
    ("Xiaomi menambahkan bahwa data pengguna aman dan terenkripsi.", "Xiaomi", "tambah"),
    ("Xiaomi menulis di blognya bahwa data pengguna aman dan terenkripsi.", "Xiaomi", "tulis"),
    ("Xiaomi mengungkapkan data pengguna aman dan terenkripsi.", "Xiaomi", "ungkap"),
    ("Xiaomi menuturkan data pengguna aman dan terenkripsi.", "Xiaomi", "tutur"),
    ("Xiaomi memaparkan data pengguna aman dan terenkripsi.", "Xiaomi", "papar"),
    ("Xiaomi menerangkan data pengguna aman dan terenkripsi.", "Xiaomi", "terang"),
    ("Kata Xiaomi, data pengguna aman dan terenkripsi.", "Xiaomi", "kata"),
    ("Data itu, jelas perusahaan, diagregasi sehingga tidak dapat dipakai untuk mengenali seseorang.", "Xiaomi", "jelas"),
]

EN_DIRECT = [
    ("“User data is safe,” Xiaomi said.", "Xiaomi", "say"),
    ("“User data is safe,” said Gabi Cirlig, a security researcher.", "Gabi Cirlig", "say"),
    ("“User data is safe,” says Andrew Tierney.", "Andrew Tierney", "say"),
    ("“User data is safe,” Cirlig told Forbes.", "Gabi Cirlig", "tell"),
    ("“User data is safe,” Xiaomi added.", "Xiaomi", "add"),
    ("“User data is safe,” Xiaomi wrote in a blog post.", "Xiaomi", "write"),
    ("“User data is safe,” Xiaomi explained.", "Xiaomi", "explain"),
    ("“User data is safe,” Xiaomi claimed.", "Xiaomi", "claim"),
    ("“User data is safe,” according to Xiaomi.", "Xiaomi", "according to"),
    ("“User data is safe,” Xiaomi stated.", "Xiaomi", "state"),
    ("“User data is safe,” Xiaomi noted.", "Xiaomi", "note"),
    ("“User data is safe,” Xiaomi argued.", "Xiaomi", "argue"),
    ("“User data is safe,” Xiaomi insisted.", "Xiaomi", "insist"),
    ("“User data is not safe,” Cirlig warned.", "Gabi Cirlig", "warn"),
    ("“User data is safe,” the company said in a statement.", "Xiaomi", "say"),
    ("Xiaomi said: “User data is safe.”", "Xiaomi", "say"),
    ('In a blog post, Xiaomi said: "User data is safe."', "Xiaomi", "say"),
    ("“User data is safe,” a Xiaomi spokesperson said.", "Xiaomi", "say"),
    ("“User data is safe” — Xiaomi said on its blog.", "Xiaomi", "say"),
]

EN_INDIRECT = [
    ("Xiaomi said that user data is safe and encrypted.", "Xiaomi", "say"),
    ("Xiaomi says user data is safe and encrypted.", "Xiaomi", "say"),
    ("According to Xiaomi, user data is safe and encrypted.", "Xiaomi", "according to"),
    ("User data is safe and encrypted, according to Xiaomi.", "Xiaomi", "according to"),
    ("Xiaomi told Forbes that user data is safe and encrypted.", "Xiaomi", "tell"),
    ("User data is safe and encrypted, the company said.", "Xiaomi", "say"),
    ("User data, the company said, is safe and encrypted.", "Xiaomi", "say"),
    ("The company said in a statement that user data is safe and encrypted.", "Xiaomi", "say"),
    ("Xiaomi said in a blog post that user data is safe and encrypted.", "Xiaomi", "say"),
    ("Xiaomi explained that user data is safe and encrypted.", "Xiaomi", "explain"),
    ("Xiaomi claimed that user data is safe and encrypted.", "Xiaomi", "claim"),
    ("Xiaomi added that user data is safe and encrypted.", "Xiaomi", "add"),
    ("Xiaomi wrote that user data is safe and encrypted.", "Xiaomi", "write"),
    ("Xiaomi noted that user data is safe and encrypted.", "Xiaomi", "note"),
    ("Xiaomi argued that user data is safe and encrypted.", "Xiaomi", "argue"),
    ("Xiaomi insisted that user data is safe and encrypted.", "Xiaomi", "insist"),
    ("Xiaomi stated that user data is safe and encrypted.", "Xiaomi", "state"),
    ("Cirlig warned that user data is not safe at all.", "Gabi Cirlig", "warn"),
]


@pytest.mark.parametrize("sentence,speaker,cue", ID_DIRECT)
def test_indonesian_direct_cues(sentence, speaker, cue):
    text = ID_LEAD + sentence
    r = only(text, "id", "direct")
    assert (r["speaker"], r["cue"]) == (speaker, cue)
    assert r["quote"].lower().startswith("data pengguna aman")
    assert text[r["start"]:r["end"]] == r["quote"]


@pytest.mark.parametrize("sentence,speaker,cue", ID_INDIRECT)
def test_indonesian_indirect_cues(sentence, speaker, cue):
    r = only(ID_LEAD + sentence, "id", "indirect")
    assert (r["speaker"], r["speaker_type"], r["cue"]) == (speaker, "company" if speaker == "Xiaomi" else r["speaker_type"], cue)


@pytest.mark.parametrize("sentence,speaker,cue", EN_DIRECT)
def test_english_direct_cues(sentence, speaker, cue):
    text = EN_LEAD + sentence
    r = only(text, "en", "direct")
    assert (r["speaker"], r["cue"]) == (speaker, cue)
    assert r["quote"].startswith("User data is")
    assert text[r["start"]:r["end"]] == r["quote"]


@pytest.mark.parametrize("sentence,speaker,cue", EN_INDIRECT)
def test_english_indirect_cues(sentence, speaker, cue):
    r = only(EN_LEAD + sentence, "en", "indirect")
    assert (r["speaker"], r["cue"]) == (speaker, cue)
    assert "safe" in r["quote"] and not r["quote"].lower().startswith(("that ", "according"))


def test_indirect_quote_span_is_the_reported_clause():
    text = "Menurut Xiaomi, riwayat penjelajahan baru disinkronkan bila pengguna masuk ke Mi Account."
    r = only(text, "id")
    assert r["quote"] == "riwayat penjelajahan baru disinkronkan bila pengguna masuk ke Mi Account"
    assert text[r["start"]:r["end"]] == r["quote"]
    text = "Xiaomi said in a statement that all data it collects is anonymised."
    assert only(text, "en")["quote"] == "all data it collects is anonymised"


def test_cue_lemmas_come_from_the_codebook():
    assert canonical_cue("katanya", "id") == "kata"
    assert canonical_cue("mengatakan", "id") == "kata"
    assert canonical_cue("ujarnya", "id") == "ujar"
    assert canonical_cue("said", "en") == "say"
    assert canonical_cue("tells", "en") == "tell"
    assert canonical_cue("", "en") == ""


# --- quotation marks --------------------------------------------------------------------------


def test_multi_paragraph_quote_is_one_quote():
    text = ("Peneliti keamanan siber Laksmi Dewanti membandingkan kebijakan privasi beberapa merek.\n"
            "“Pengguna menyetujui dokumen puluhan halaman. Tidak ada yang membacanya.\n"
            "“Mode incognito punya janji yang jelas: tidak ada jejak.\n"
            "“Persetujuan bukan cek kosong,” kata Laksmi.")
    r = only(text, "id")
    assert r["kind"] == "direct"
    assert r["speaker"] == "Laksmi Dewanti" and r["speaker_type"] == "researcher"
    assert r["quote"] == ("Pengguna menyetujui dokumen puluhan halaman. Tidak ada yang membacanya. "
                          "Mode incognito punya janji yang jelas: tidak ada jejak. Persetujuan bukan cek kosong")
    assert text[r["start"]:].startswith("Pengguna") and text[:r["end"]].endswith("cek kosong")


def test_multi_paragraph_quote_with_straight_marks():
    text = ('"These statistics cannot identify anyone.\n\n'
            '"All of the information is collected with consent," Xiaomi said.')
    r = only(text, "en")
    assert r["speaker"] == "Xiaomi"
    assert r["quote"] == "These statistics cannot identify anyone. All of the information is collected with consent"


def test_quote_inside_quote_stays_in_the_outer_quote():
    text = ("“Ketika perusahaan berkata ‘pengguna sudah setuju’, kita perlu bertanya setuju pada apa,” "
            "kata Wahyu Pranata, direktur sebuah lembaga advokasi privasi.")
    r = only(text, "id")
    assert r["quote"] == "Ketika perusahaan berkata ‘pengguna sudah setuju’, kita perlu bertanya setuju pada apa"
    assert r["speaker"] == "Wahyu Pranata" and r["speaker_type"] == "civil_society"
    text = "\"There's a difference between 'we send it over HTTPS' and 'we encrypt it',\" Elena Vasquez, an analyst, said."
    r = only(text, "en")
    assert r["quote"].startswith("There's a difference") and r["quote"].endswith("'we encrypt it'")
    assert r["speaker"] == "Elena Vasquez"


def test_apostrophes_never_open_quotes():
    text = ("Xiaomi’s browsers don’t hide users’ data, and Forbes’ report says the company’s servers sit abroad. "
            "It's the users' choice, Xiaomi's staff say.")
    assert [r for r in quotes(text, "en") if r["kind"] == "direct"] == []


def test_single_quotes_as_primary_marks():
    text = "‘We take user privacy extremely seriously,’ a company spokesperson said. ‘All data is anonymised.’"
    recs = quotes(EN_LEAD + text, "en")
    assert [(r["kind"], r["speaker"], r["quote"]) for r in recs] == [
        ("direct", "Xiaomi", "We take user privacy extremely seriously"),
        ("direct", "Xiaomi", "All data is anonymised."),
    ]


def test_scare_quotes_and_titles_are_not_quotes():
    text = ("Xiaomi dituding merekam data bahkan dalam mode “incognito”. Artikel berjudul “Xiaomi Rilis "
            "Pembaruan Peramban Hari Ini” itu dibagikan ribuan kali.")
    assert quotes(text, "id") == []
    text = ('In a post titled "Xiaomi Browser Data Collection: Our Response", the company explained that '
            "the statistics it gathers cannot identify anyone.")
    r = only(text, "en")
    assert r["kind"] == "indirect" and r["speaker"] == "Xiaomi" and r["cue"] == "explain"


def test_partial_quote_inside_a_reported_sentence():
    text = ("Soal server di Singapura, mereka menegaskan menggunakan cloud publik yang “umum dan terkenal "
            "di industri”.")
    recs = quotes(ID_LEAD + "“Kami kecewa,” kata Xiaomi.\n" + text, "id")
    assert [(r["kind"], r["speaker"], r["cue"], r["quote"]) for r in recs] == [
        ("direct", "Xiaomi", "kata", "Kami kecewa"),
        ("direct", "Xiaomi", "tegas", "umum dan terkenal di industri"),
    ]


def test_quote_continued_after_its_attribution():
    text = "“Ini bukan celah keamanan,” kata Xiaomi. “Semua data dienkripsi.”"
    recs = quotes(text, "id")
    assert [(r["speaker"], r["cue"]) for r in recs] == [("Xiaomi", "kata"), ("Xiaomi", "kata")]
    text = "“This is not a bug, it’s a feature,” says Andrew Tierney. “They collect everything.”"
    assert [r["speaker"] for r in quotes(text, "en")] == ["Andrew Tierney", "Andrew Tierney"]


def test_em_dash_and_colon_introductions():
    text = "Privacy advocate John Rivera, of the Digital Freedom Project, was unconvinced: “Aggregated data can still be revealing.”"
    r = only(text, "en")
    assert (r["speaker"], r["speaker_type"], r["cue"]) == ("John Rivera", "civil_society", "")


def test_text_without_quotes_gives_nothing():
    assert quotes("", "id") == []
    assert quotes("   \n", "en") == []
    text = ("Buka aplikasi GetApps, cari Mi Browser, lalu ketuk Perbarui. Setelah diperbarui, buka Setelan "
            "dan matikan pengumpulan data di mode incognito.\nLangkah ini tidak menghapus data lama.")
    assert quotes(text, "id") == []
    text = "Update the browser, then open Settings and switch off data collection in incognito mode."
    assert quotes(text, "en") == []


def test_wire_boilerplate_lines_give_nothing():
    text = ("“Kami kecewa,” kata Xiaomi.\n"
            "Baca juga: Lima ponsel baterai jumbo untuk temani “ngabuburit” bersama keluarga\n"
            "Pewarta: Nama Pewarta\nEditor: Nama Editor\nCopyright © KBN 2020")
    assert [(r["quote"], r["speaker"]) for r in quotes(text, "id")] == [("Kami kecewa", "Xiaomi")]
    text = '"We comply with local laws," Xiaomi said.\nRead more: "Xiaomi says it is not spying on anyone"\nReporting by A. Writer'
    assert [r["quote"] for r in quotes(text, "en")] == ["We comply with local laws"]


def test_unknown_language_uses_english_rules():
    assert only("“User data is safe,” Xiaomi said.", "de")["speaker"] == "Xiaomi"


# --- speakers ---------------------------------------------------------------------------------


def test_pronouns_carry_the_last_speaker():
    text = ("Head of Public Relations Xiaomi Indonesia, Andreas Wijaya, mengatakan data pengguna aman.\n"
            "“Kami tidak menjual data,” ujarnya.\n"
            "Ia menambahkan, pihaknya mematuhi aturan di setiap negara.\n"
            "Menurut dia, data pengguna Indonesia tidak disimpan di China.")
    recs = quotes(text, "id")
    assert [r["speaker"] for r in recs] == ["Andreas Wijaya"] * 4
    assert {r["speaker_type"] for r in recs} == {"company"}
    assert recs[0]["role"] == "Head of Public Relations Xiaomi Indonesia"


def test_a_new_person_takes_over_the_pronoun():
    text = ("“Yang membuat saya khawatir adalah jumlah data,” kata Cirlig kepada Forbes.\n"
            "Peneliti lain, Budi Santoso, menguji Mi Browser Pro. Ia menyebut data hanya dikodekan dengan base64.")
    recs = quotes(text, "id")
    assert [(r["kind"], r["speaker"], r["speaker_type"]) for r in recs] == [
        ("direct", "Gabi Cirlig", "researcher"), ("indirect", "Budi Santoso", "researcher")]


def test_company_descriptions_resolve_to_the_company():
    text = ("“Kami kecewa dengan laporan itu,” kata Xiaomi.\n"
            "Perusahaan asal China itu menegaskan privasi pengguna merupakan prioritas utama.\n"
            "Data pengguna di luar China, kata perusahaan itu, disimpan di server luar negeri.")
    assert [r["speaker"] for r in quotes(text, "id")] == ["Xiaomi"] * 3
    text = ("Xiaomi rejected the report. “We take privacy seriously,” the company said. "
            "The firm added that users can switch collection off.\n“It is all anonymised,” it said.")
    assert [r["speaker"] for r in quotes(text, "en")] == ["Xiaomi"] * 3


def test_the_companys_blog_speaks_for_the_company():
    text = "Xiaomi rejected the report. The company's blog post said the data is aggregated and anonymised."
    assert (only(text, "en")["speaker"], only(text, "en")["speaker_type"]) == ("Xiaomi", "company")


def test_he_and_she_take_the_last_person():
    text = ("Marco Alvarez, a college student in Phoenix, was less worried. He said he had used Chrome from day one.\n"
            "Jenna Park, a nurse in Houston, disagreed. “Nobody told me anything,” she said.")
    recs = quotes(text, "en")
    assert [(r["speaker"], r["speaker_type"]) for r in recs] == [("Marco Alvarez", "user"), ("Jenna Park", "user")]


def test_surnames_merge_with_the_full_name_given_earlier():
    text = ("Pengamat keamanan siber dari CISSReC, Pratama Persadha, menilai penjelasan Xiaomi belum cukup.\n"
            "“Transparansi itu kunci,” kata Pratama.\n"
            "Analis industri dari Lembaga Riset Digital Nusantara, Ratna Kusuma, menilai pasar makin ketat.\n"
            "“Harga komponen naik,” ujar Ratna.")
    recs = quotes(text, "id")
    assert [(r["speaker"], r["speaker_type"]) for r in recs] == [
        ("Pratama Persadha", "researcher"), ("Pratama Persadha", "researcher"),
        ("Ratna Kusuma", "researcher"), ("Ratna Kusuma", "researcher")]


def test_roles_are_kept_apart_from_names():
    r = only("“Data itu dikirim ke server jarak jauh,” kata peneliti keamanan siber Gabi Cirlig.", "id")
    assert (r["speaker"], r["role"], r["speaker_type"]) == ("Gabi Cirlig", "peneliti keamanan siber", "researcher")
    r = only("“User data is safe,” said Gabi Cirlig, a security researcher based in Bucharest.", "en")
    assert (r["speaker"], r["speaker_type"]) == ("Gabi Cirlig", "researcher")
    assert r["role"].startswith("security researcher")
    r = only('"Data pengguna aman," ujar juru bicara Xiaomi Indonesia, Nama Orang.', "id")
    assert (r["speaker"], r["role"], r["speaker_type"]) == ("Nama Orang", "juru bicara Xiaomi Indonesia", "company")


@pytest.mark.parametrize("phrase,name", [
    ("Gabriel Cirlig", "Gabi Cirlig"), ("Cirlig", "Gabi Cirlig"), ("Tierney", "Andrew Tierney"),
    ("pihak Xiaomi", "Xiaomi"), ("juru bicara Xiaomi", "Xiaomi"), ("Xiaomi spokesperson", "Xiaomi"),
    ("blog resmi Xiaomi", "Xiaomi"), ("Xiaomi Indonesia", "Xiaomi"), ("Kemenkominfo", "Kominfo"),
    ("Kementerian Komunikasi dan Informatika", "Kominfo"), ("Forbes", "Forbes"), ("Kompas.com", "KompasTekno"),
])
def test_name_variants_merge_through_the_gazetteer(phrase, name):
    assert load_book().parse(phrase, "id").name == name


@pytest.mark.parametrize("phrase,typ", [
    ("peneliti Budi Santoso", "researcher"), ("analis Budi Santoso", "researcher"), ("pakar Budi Santoso", "researcher"),
    ("researcher Jane Doe", "researcher"), ("expert Jane Doe", "researcher"), ("analyst Jane Doe", "researcher"),
    ("juru bicara Xiaomi Indonesia Budi Santoso", "company"), ("spokesperson Jane Doe", "company"),
    ("CEO Jane Doe", "company"), ("VP Jane Doe", "company"), ("executive Jane Doe", "company"),
    ("Menteri Budi Santoso", "government"), ("anggota Komisi I DPR Budi Santoso", "government"),
    ("juru bicara Kominfo Budi Santoso", "government"), ("regulator Jane Doe", "government"),
    ("minister Jane Doe", "government"),
    ("Ketua YLKI Budi Santoso", "civil_society"), ("Direktur Eksekutif SAFEnet Budi Santoso", "civil_society"),
    ("peneliti ELSAM Budi Santoso", "researcher"), ("aktivis ICT Watch Budi Santoso", "civil_society"),
    ("advocacy group head Jane Doe", "civil_society"), ("NGO worker Jane Doe", "civil_society"),
    ("pengguna Budi Santoso", "user"), ("user Jane Doe", "user"), ("netizen Jane Doe", "user"),
    ("wartawan Budi Santoso", "media"), ("reporter Jane Doe", "media"),
    ("Budi Santoso", "other"),
])
def test_unknown_speakers_are_typed_from_role_nouns(phrase, typ):
    sp = load_book().parse(phrase, "id")
    assert sp.type == typ, sp
    assert sp.type in SPEAKER_TYPES


def test_unnamed_speakers_keep_their_role():
    r = only(EN_LEAD + "Researchers say the browsers record every site visited.", "en")
    assert (r["speaker"], r["speaker_type"]) == ("Researchers", "researcher")
    r = only(ID_LEAD + "Sebagian pemilik ponsel Xiaomi mengaku bingung harus berbuat apa.", "id")
    assert (r["speaker"], r["speaker_type"]) == ("pemilik ponsel Xiaomi", "user")


def test_according_to_an_outlet_names_the_person_when_there_is_one():
    text = "Namun, menurut Forbes, Cirlig menilai pembaruan itu belum menjawab seluruh persoalan."
    r = only(text, "id")
    assert (r["speaker"], r["cue"]) == ("Gabi Cirlig", "nilai")
    text = "Kedua aplikasi itu telah diunduh lebih dari 15 juta kali, menurut laporan Forbes."
    assert only(text, "id")["speaker"] == "Forbes"
    text = 'One of them, Gabi Cirlig, said the behaviour was "a privacy problem on a very large scale", according to Forbes.'
    assert (only(text, "en")["speaker"], only(text, "en")["kind"]) == ("Gabi Cirlig", "direct")


# --- the seed article (real outlet text: read at test time, never committed) ---------------

SEED = ROOT.parent / "shared" / "seed" / "antara-2020-xiaomi-response.txt"


@pytest.mark.skipif(not SEED.is_file(), reason="../shared/seed is not present")
def test_seed_article_every_kata_xiaomi_quote_is_xiaomis():
    text = SEED.read_text(encoding="utf-8")
    recs = quotes(text, "id")
    kata = [r for r in recs if r["kind"] == "direct" and r["cue"] == "kata"]
    assert len(kata) == text.count("kata Xiaomi") == 4
    assert {(r["speaker"], r["speaker_type"]) for r in recs} == {("Xiaomi", "company")}
    assert any(r["kind"] == "indirect" and r["cue"] == "menurut" for r in recs)
    tail = text.index("Baca juga")
    assert all(r["end"] <= tail for r in recs)


# --- tables -------------------------------------------------------------------------------------


def test_voice_table_counts_quotes_words_and_first_quotes():
    articles = pd.DataFrame({"id": ["a1", "a2"], "language": ["id", "en"], "group": ["indonesia", "international"],
                             "outlet": ["A", "B"], "n_words": ["100", "50"], "text": ["", ""]})
    q = pd.DataFrame({
        "article_id": ["a1", "a1", "a2"], "kind": ["direct", "indirect", "direct"],
        "speaker": ["Xiaomi", "Gabi Cirlig", "Gabi Cirlig"], "speaker_type": ["company", "researcher", "researcher"],
        "cue": ["kata", "menurut", "say"], "quote": ["satu dua tiga empat", "lima enam", "one two three four five"],
        "start": [10, 50, 0], "end": [30, 60, 23],
    })
    v = voice_table(q, articles).set_index(["article_id", "speaker_type"])
    assert len(v) == 2 * len(SPEAKER_TYPES)
    assert v.loc[("a1", "company"), ["quotes", "quoted_words", "first_quote", "quoted"]].tolist() == [1, 4, 1, 1]
    assert v.loc[("a1", "researcher"), ["quotes", "direct", "quoted_words", "first_quote"]].tolist() == [1, 0, 2, 0]
    assert v.loc[("a1", "company"), "word_share"] == pytest.approx(0.04)
    assert v.loc[("a2", "researcher"), "word_share"] == pytest.approx(0.10)
    assert v.loc[("a2", "company"), "quoted"] == 0
