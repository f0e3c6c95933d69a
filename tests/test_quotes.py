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
    ("peneliti ELSAM Budi Santoso", "civil_society"), ("aktivis ICT Watch Budi Santoso", "civil_society"),
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
                             "outlet": ["A", "B"], "n_words": ["100", "50"], "text": ["(synthetic text of a1)", "(synthetic text of a2)"]})
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


# --- session 2: patterns found in real coverage (all sentences below are synthetic) --------

NEW_CUES = [
    ("“Ponsel ini rajin sekali melapor,” gurau Gabi Cirlig.", "id", "Gabi Cirlig", "gurau"),
    ("“Ponselnya cerewet,” seloroh Cirlig.", "id", "Gabi Cirlig", "gurau"),
    ("“Data dijual murah,” bunyi cuitan akun itu.", "id", "", "bunyi"),
    ("“Datanya tidak sampai 290 juta,” komentar seorang warganet.", "id", "warganet", "komentar"),
    ("“My phone talks more than I do,” quips Gabi Cirlig.", "en", "Gabi Cirlig", "quip"),
]


@pytest.mark.parametrize("sentence,lang,speaker,cue", NEW_CUES)
def test_joking_posting_and_commenting_cues(sentence, lang, speaker, cue):
    r = only(sentence, lang)
    assert r["kind"] == "direct" and r["cue"] == cue
    if speaker:
        assert r["speaker"] == speaker


def test_indonesian_mengemukakan_reports_speech():
    r = only("Gabi mengemukakan bahwa data itu mencakup situs yang dikunjungi pengguna.", "id")
    assert (r["kind"], r["cue"], r["quote"]) == ("indirect", "kemuka", "data itu mencakup situs yang dikunjungi pengguna")


# Partial (mixed) quotes, as PARC 3.0 and the Gender Gap Tracker code them: the speaker's own
# words in quotation marks inside the writer's sentence are a direct quote of that speaker (the
# reported clause around them stays an indirect quote). Scare quotes, terms and names are not.
@pytest.mark.parametrize("text,quote,speaker", [
    ("Xiaomi said its data rules had been “badly misread” in the story.", "badly misread", "Xiaomi"),
    ("Gabi Cirlig called the app a “privacy mess,” saying it lags behind its rivals.", "privacy mess", "Gabi Cirlig"),
    ("Xiaomi called the report “misleading” on Friday.", "misleading", "Xiaomi"),
    ("The browser has an ‘incognito’ mode. Xiaomi said the data stays “anonymous and aggregated” at all times.",
     "anonymous and aggregated", "Xiaomi"),
    ("Menurut Xiaomi, pengumpulan data ini dimaksudkan untuk “analisis internal” saja.", "analisis internal", "Xiaomi"),
    ("Huawei has described the move as “Bad news for anyone with a phone” in a statement.",
     "Bad news for anyone with a phone", "Huawei"),
])
def test_partial_quotes_in_a_reported_clause_are_direct_quotes_of_its_speaker(text, quote, speaker):
    lang = "id" if "Menurut" in text else "en"
    r = only(text, lang, "direct")
    assert (r["quote"], r["speaker"]) == (quote, speaker)


@pytest.mark.parametrize("text,lang", [
    ("Users love the “incognito” mode, which the firm calls safe.", "en"),
    ("The browser has an ‘incognito’ mode that records nothing.", "en"),
    ("It also said that browsing data is synced if the sync function is switched ‘on’ in the Settings.", "en"),
    ("The company said it is not a “Communist Chinese military company” under the law.", "en"),
    ("Johnny juga menyebut akan dibentuk tim khusus yaitu ‘emergency response team’ untuk menjaga data.", "id"),
    ("Menurut Kemenkes, kasus itu masih berstatus ‘dugaan’ sampai audit selesai.", "id"),
    ("Xiaomi is also “monitoring” user touches on every screen.", "en"),
])
def test_scare_quotes_terms_and_names_are_no_partial_quotes(text, lang):
    assert [r for r in quotes(text, lang) if r["kind"] == "direct"] == []


def test_a_partial_quote_scores_against_gold_that_codes_the_quoted_words():
    # gold codes the words inside the marks as the direct quote; the extractor's direct record
    # has the same span (the matcher needs half of the longer span to overlap)
    text = "Eric Yuan said the company is “deeply sorry” and will fix the problems."
    r = only(text, "en", "direct")
    assert text[r["start"]:r["end"]] == "deeply sorry" and r["speaker"] == "Eric Yuan"


def test_a_quote_that_ends_its_sentence_takes_no_attribution_from_the_next():
    text = ("The company first called the study “wrong.” However, after days of criticism, it said the data "
            "was anonymous and aggregated.")
    recs = quotes(EN_LEAD + text, "en")
    # “wrong.” is the company's word (a partial quote after "called"); the next sentence has its
    # own attribution and does not lend it to the quotation
    assert [r["kind"] for r in recs] == ["direct", "indirect"]
    assert recs[0]["quote"] == "wrong." and recs[0]["speaker"] == "Xiaomi"
    assert recs[1]["speaker"] == "Xiaomi" and recs[1]["quote"].startswith("the data was anonymous")


def test_quoted_titles_in_title_case_are_no_quotes():
    text = ("“Masalahnya ada di aplikasi versi lama,” kata Anas saat konferensi pers virtual “Keamanan Data "
            "Aplikasi Kesehatan Nasional” pada Selasa.")
    recs = quotes(text, "id")
    assert [r["quote"] for r in recs] == ["Masalahnya ada di aplikasi versi lama"]


def test_menurut_without_a_comma_still_names_the_speaker():
    r = only("Menurut Forbes perekaman data itu terjadi pada beberapa model ponsel Xiaomi.", "id")
    assert (r["speaker"], r["speaker_type"], r["cue"]) == ("Forbes", "media", "menurut")
    assert r["quote"] == "perekaman data itu terjadi pada beberapa model ponsel Xiaomi"


def test_role_first_then_name_then_verb_and_comma():
    r = only("VP of Corporate Communications Tokopedia, Nuraini Razak menjelaskan, pihaknya terus memperkuat "
             "pengamanan akun pengguna.", "id")
    assert (r["speaker"], r["speaker_type"], r["cue"]) == ("Nuraini Razak", "company", "jelas")
    assert r["role"] == "VP of Corporate Communications Tokopedia"
    assert r["quote"] == "pihaknya terus memperkuat pengamanan akun pengguna"


def test_role_organisation_and_name_after_an_inverted_cue():
    text = ("“Kasus ini sudah kami serahkan ke aparat,” kata VP of Corporate Communications, Tokopedia, "
            "Nuraini Razak, dalam keterangan resmi.")
    r = only(text, "id")
    assert (r["speaker"], r["speaker_type"]) == ("Nuraini Razak", "company")


def test_a_title_with_a_demonstrative_points_to_the_official():
    text = ("Direktur Jenderal Aplikasi Informatika Semuel Abrijani Pangerapan sudah menyurati perusahaan itu. "
            "Perusahaan yang dipimpin Budi Hartono itu sudah bergerak. "
            "“Langkah pertama sudah berjalan,” kata Dirjen Aptika ini.")
    r = only(text, "id", kind="direct")
    assert (r["speaker"], r["speaker_type"]) == ("Semuel Abrijani Pangerapan", "government")


def test_selaku_apposition_describes_the_name_before_it():
    r = only("Gabriel Cirlig, selaku penemu celah tersebut mengatakan bahwa peramban itu mencatat riwayat pengguna.", "id")
    assert (r["speaker"], r["speaker_type"]) == ("Gabi Cirlig", "researcher")


def test_a_report_that_said_speaks_for_its_outlet():
    r = only("Tierney replied to a Forbes report that said the browsers were shipping logs overseas.", "en")
    assert (r["speaker"], r["speaker_type"], r["quote"]) == ("Forbes", "media", "the browsers were shipping logs overseas")


def test_an_adverb_before_the_verb_is_not_a_conjunction():
    text = "Forbes published the findings. Not only this, the report also says that Xiaomi logs which folders users open."
    r = only(text, "en")
    assert (r["speaker"], r["speaker_type"]) == ("Forbes", "media")


def test_dash_delimited_apposition():
    text = ("Professor Anna Lindqvist - a security expert at Northgate University - said: “Nothing shows the "
            "data left the handset.”")
    r = only(text, "en")
    assert (r["speaker"], r["speaker_type"]) == ("Anna Lindqvist", "researcher")


def test_participle_clauses_keep_the_main_subject():
    text = ("Zoom founder Eric Yuan apologised on a call, saying the company “had not lived up to what its "
            "users expect on privacy and was now working through every single issue.”")
    r = only(text, "en", kind="direct")
    assert r["speaker"] == "Eric Yuan"


def test_unmarked_statement_blocks_are_direct_quotes():
    text = ("TikTok said it would remove the feature.\nAccording to TikTok:\nThe alert came from a check we run "
            "against copy-paste spam. We have sent a new build of our app that drops the check.\n"
            "The news comes as regulators look at the app.")
    recs = [r for r in quotes(text, "en") if r["kind"] == "direct"]
    assert len(recs) == 1 and recs[0]["speaker"] == "TikTok" and recs[0]["speaker_type"] == "company"
    assert recs[0]["quote"].startswith("The alert came from a check")
    text = ("In a statement, TikTok said it would remove the feature from the App Store version.\n"
            "We have sent a new build of our app. We want our users to know what our app reads.\n"
            "It is not the first time the app has been criticised.")
    recs = [r for r in quotes(text, "en") if r["kind"] == "direct"]
    assert len(recs) == 1 and recs[0]["speaker"] == "TikTok"


def test_a_first_person_paragraph_by_the_writer_is_no_statement():
    text = ("Researchers remain unconvinced by the explanation.\n"
            "I guess we will just have to wait and see how our readers feel about this story.")
    assert [r for r in quotes(text, "en") if r["kind"] == "direct"] == []


def test_an_announced_speaker_is_the_antecedent_of_nya():
    text = (ID_LEAD + "Menurut Forbes, peneliti Gabi Cirlig menemukan data itu terkirim ke Singapura. "
            "Seorang juru bicara perusahaan kemudian angkat bicara.\n"
            "“Rekaman itu hanya memperlihatkan statistik tanpa identitas,” begitu katanya.")
    r = only(text, "id", kind="direct")
    assert (r["speaker"], r["speaker_type"]) == ("Xiaomi", "company")


def test_a_listed_persons_surname_alone_names_them():
    r = only("“Every password stays hashed,” Tanuwijaya said in the letter.", "en")
    assert (r["speaker"], r["speaker_type"]) == ("William Tanuwijaya", "company")


def test_unlisted_one_word_organisations():
    text = ("Video app TikTok has told reporters it kept none of the copied text. "
            "The platform, owned by Chinese firm Bytedance, also said it switched the check off last week.")
    recs = quotes(text, "en")
    assert [(r["speaker"], r["speaker_type"]) for r in recs] == [("TikTok", "company"), ("TikTok", "company")]
    r = only("Berdasarkan penelusuran peneliti keamanan siber VPNMentor, data itu bocor. "
             "“Server akhirnya dimatikan,” tulis VPNMentor.", "id", kind="direct")
    assert (r["speaker"], r["speaker_type"]) == ("VPNMentor", "researcher")


def test_a_string_of_roles_after_the_name():
    text = ("“The report gets our browser wrong,” Manu Jain, Vice President, Xiaomi and Managing Director, "
            "Xiaomi India, said in a statement.")
    r = only(text, "en")
    assert (r["speaker"], r["speaker_type"]) == ("Manu Kumar Jain", "company")


def test_a_named_account_speaks():
    text = ("Pengguna Twitter dengan nama akun @akunsintetis mencuit tangkapan layar situs jual beli data. "
            "“Data jutaan penduduk dijual,” katanya.")
    r = only(text, "id", kind="direct")
    assert (r["speaker"], r["speaker_type"]) == ("@akunsintetis", "user")


def test_a_headline_does_not_lend_its_nouns_to_the_next_line():
    text = ("Xiaomi Bantah Tudingan Curi Data Pengguna\n"
            "Juru bicara Xiaomi Indonesia, Andi Pratama, menuturkan, “Kami tidak menjual data pengguna.”")
    r = only(text, "id", kind="direct")
    assert (r["speaker"], r["speaker_type"], r["role"]) == ("Andi Pratama", "company", "Juru bicara Xiaomi Indonesia")


def test_an_outlet_reporting_someone_elses_words_gives_the_speaker():
    r = only("TikTok says it will stop checking what users copy on iPhones, the Telegraph reported.", "en")
    assert (r["speaker"], r["speaker_type"]) == ("TikTok", "company")


def test_a_source_aside_inside_the_subject_is_not_the_speaker():
    text = ("Pihak BPJS Kesehatan pada Jumat malam, sebagaimana diwartakan ANTARA, menyebut jumlah pesertanya "
            "jauh di bawah angka yang beredar.")
    r = only(text, "id")
    assert (r["speaker"], r["speaker_type"]) == ("BPJS Kesehatan", "government")


def test_product_names_are_not_outlets_or_people():
    text = "Xiaomi said the Mint Browser update is live. “The option is off by default,” it added."
    assert [r["speaker"] for r in quotes(text, "en")] == ["Xiaomi", "Xiaomi"]


# --- tables for notebook 03 on a corpus without a single quote -----------------------------

def _articles_without_quotes() -> pd.DataFrame:
    return pd.DataFrame({"id": ["a1", "a2"], "url": ["https://example.org/1", "https://example.org/2"],
                         "outlet": ["Contoh", "Example"], "language": ["id", "en"],
                         "group": ["indonesia", "international"], "n_words": ["6", "5"],
                         "text": ["Tidak ada kutipan di artikel ini.", "There are no quotes here."]})


def test_notebook_tables_work_when_nobody_is_quoted():
    from coverage.analyse import QUOTE_COLUMNS
    from coverage.quotes import company_vs_researchers, cue_table, speaker_table, voice_by_group

    arts = _articles_without_quotes()
    # an all-empty frame has float64 columns: it must still join the articles' str ids
    empty = pd.DataFrame().reindex(columns=QUOTE_COLUMNS)
    assert empty["article_id"].dtype == "float64"
    t = speaker_table(empty, arts)
    assert list(t.columns) == ["group", "speaker", "speaker_type", "quotes", "articles"] and t.empty
    assert cue_table(empty, arts).empty
    voice = voice_table(empty, arts)
    assert len(voice) == 2 * len(SPEAKER_TYPES) and voice["quotes"].sum() == 0
    assert set(voice_by_group(voice)["quoting"]) == {0}
    neither = company_vs_researchers(voice).query("voices == 'neither'")
    assert neither["k"].tolist() == [1, 1]


def test_every_record_carries_the_speakers_role():
    r = only("“Data pengguna aman,” ungkap peneliti keamanan siber Gabi Cirlig.", "id")
    assert r["role"] == "peneliti keamanan siber"
    assert set(r) >= {"quote", "speaker", "speaker_type", "role", "cue", "kind", "start", "end"}


def test_a_quotation_after_a_preposition_is_a_term_not_a_quote():
    text = ("On Thursday the department added the phone maker to its list of “companies it says work with the "
            "armed forces of a rival state.”")
    assert [r for r in quotes(text, "en") if r["kind"] == "direct"] == []
    # ... but a quotation inside someone's reported clause is a partial quote of that speaker
    text = "Cirlig said the phones act as “a backdoor with phone functionality” for the firm."
    assert [(r["kind"], r["speaker"]) for r in quotes(text, "en")] == [("indirect", "Gabi Cirlig"), ("direct", "Gabi Cirlig")]


def test_capitalised_cue_forms_inside_names_are_not_verbs():
    text = "The United States government under the new administration blacklisted the company on Thursday."
    assert quotes(text, "en") == []


def test_discourse_markers_and_abbreviations():
    text = ("The new list was printed in the U.S. That said, Xiaomi maintained that it follows the rules of "
            "each market. It also reiterated that its phones are sold to ordinary shoppers.")
    assert [(r["speaker"], r["cue"]) for r in quotes(text, "en")] == [("Xiaomi", "assert"), ("Xiaomi", "repeat")]


def test_nouns_that_look_like_cues():
    text = "WhatsApp is now assuring users via social media posts: “Your chats with friends stay private.”"
    r = only(text, "en", kind="direct")
    assert (r["speaker"], r["speaker_type"]) == ("WhatsApp", "company")
    text = "The company posted a help page to counter the myth that every chat would go to its owner."
    assert quotes(text, "en") == []


def test_a_name_after_the_quote_without_a_verb():
    text = ("“Data pengguna kami lindungi berlapis,” Rachmat Kaimuddin, CEO Bukalapak dalam keterangan "
            "resminya.")
    r = only(text, "id")
    assert (r["speaker"], r["speaker_type"], r["cue"]) == ("Rachmat Kaimuddin", "company", "")


def test_a_second_predicate_ends_the_reported_clause():
    r = only("A Xiaomi spokesperson told reporters that the option would reach all users within days, but "
             "declined to say how many people use it.", "en")
    assert r["quote"] == "the option would reach all users within days"


@pytest.mark.parametrize("phrase,typ", [
    ("Ketua KPU Ilham Saputra", "government"),
    ("Juru Bicara Presiden Fadjroel Rahman", "government"),
    ("Kepala Humas BPJS Kesehatan M. Iqbal Anas Ma'ruf", "government"),
    ("Connecticut Attorney General William Tong", "government"),
    ("Patrick Wardle, a former National Security Agency hacker,", "researcher"),
])
def test_more_official_and_expert_roles(phrase, typ):
    r = only(f"“Data itu aman dan terlindungi,” kata {phrase} kepada wartawan.", "id") if "," not in phrase else \
        only(f"“The data is safe,” said {phrase.rstrip(',')}.", "en")
    assert r["speaker_type"] == typ


def test_capitalised_prepositions_stay_inside_names():
    r = only("Kementerian Dalam Negeri (Kemendagri) mengaku berkas yang beredar itu tidak diambil dari sistemnya.", "id")
    assert (r["speaker"], r["speaker_type"]) == ("Kemendagri", "government")


def test_a_statement_issued_by_someone_speaks_for_them():
    text = ("The apps are harmful to “the safety of the country, its people and the order of its public life,” "
            "read a statement issued by the ministry of information technology.")
    r = only(text, "en", kind="direct")
    # the lower-case "of information technology" is not kept in the name; the ministry speaks
    assert (r["speaker"], r["speaker_type"], r["cue"]) == ("ministry", "government", "read")


def test_opening_phrases_before_the_subject_of_a_participle():
    text = ("Hours after the government blocked the apps, TikTok put out a statement saying it would meet "
            "officials to explain itself.")
    r = only(text, "en")
    assert (r["speaker"], r["speaker_type"]) == ("TikTok", "company")
    text = "Menanggapi kabar itu Xiaomi memberikan bantahan dan mengaku menyesalkan cara laporan tersebut ditulis."
    r = only(text, "id")
    assert (r["speaker"], r["speaker_type"]) == ("Xiaomi", "company")


def test_declared_introduces_a_quote():
    r = only("The company's outside adviser declared “Nobody here listens in on your calls, now or later.”", "en")
    assert (r["kind"], r["cue"]) == ("direct", "declare")


def test_a_brand_in_the_role_types_the_speaker():
    r = only("“We will answer every question the ministry has,” TikTok India head Nikhil Gandhi said.", "en")
    assert (r["speaker"], r["speaker_type"]) == ("Nikhil Gandhi", "company")


# --- speakers typed from how the article introduced them (synthetic text) -------------------

def test_a_single_name_takes_the_type_of_its_earlier_title():
    text = ("Menteri Komunikasi dan Informatika (Menkominfo) Sutrisno telah bertemu perwakilan perusahaan itu.\n"
            "“Kami meminta rincian data pengguna di Indonesia,” kata Sutrisno kepada wartawan.")
    r = only(text, "id", "direct")
    assert (r["speaker"], r["speaker_type"]) == ("Sutrisno", "government")


def test_an_office_listed_as_an_alias_does_not_swallow_another_holders_name():
    # "Menkominfo" is an alias of Johnny G. Plate in the gazetteer; followed by another name it
    # is only that person's office
    r = only("“Saya sudah menerima surat dari perusahaan itu,” ungkap Menkominfo Sutrisno usai rapat.", "id")
    assert (r["speaker"], r["speaker_type"]) == ("Sutrisno", "government")


@pytest.mark.parametrize("text,lang,speaker,typ", [
    ("“Ngeri, datanya bocor semua,” kata @budi_s*** di Twitter.", "id", "@budi_s***", "user"),
    ("“This is bad news for everyone,” a spokesman for Huawei UK said.", "en", "Huawei", "company"),
    ("“Masih dalam penyelidikan,” ujar Brigjen Awi Santoso kepada Harian Contoh, Kamis (9/7).", "id",
     "Awi Santoso", "government"),
    ("“Ada rapat,” singkat Hinsa Santoso ditanya oleh awak media.", "id", "Hinsa Santoso", "other"),
    ("“Data kami aman,” kata direktur PT Maju Jaya, Budi Santoso.", "id", "Budi Santoso", "company"),
    ("“Kami aman,” kata Corporate Secretary BRI Life Ade Nasution.", "id", "Ade Nasution", "company"),
    ("“Data kami aman,” kata Menkes Budi Gunawan Sadikin.", "id", "Budi Gunawan Sadikin", "government"),
])
def test_speakers_named_with_offices_handles_and_branches(text, lang, speaker, typ):
    r = only(text, lang, "direct")
    assert (r["speaker"], r["speaker_type"]) == (speaker, typ)


def test_an_apposition_after_the_first_mention_types_a_later_surname():
    text = ("The decision was announced by Oliver Dowton, the Digital Secretary, on Tuesday.\n"
            "“This has not been an easy decision,” Mr Dowton said.")
    r = only(text, "en", "direct")
    assert r["speaker"].endswith("Dowton") and r["speaker_type"] == "government"


def test_capitalised_words_running_into_an_organisation_are_no_person():
    text = ("Ruben Santoso diperiksa di Direktur Tindak Pidana Siber Bareskrim Polri selama lima jam.\n"
            "Ia mengungkap pihaknya masih terus mengolah data pengguna di Indonesia.")
    r = only(text, "id")
    assert r["speaker"] != "Tindak Pidana"


# --- whose words: carry-over and subjects (synthetic text) ---------------------------------

def test_the_company_is_the_one_that_opened_the_sentence_not_the_last_that_spoke():
    text = ("Facebook said in a newspaper ad that it is standing up for small businesses.\n"
            "Now, Apple is hitting back. In a statement, the company said it is merely standing up for its users.")
    recs = quotes(text, "en")
    assert [r["speaker"] for r in recs] == ["Facebook", "Apple"]


def test_a_pronoun_does_not_carry_over_to_a_person_only_mentioned_as_an_object():
    text = ("Juru Bicara Presiden Fadjroel Rachman merespons bocornya data pribadi Presiden Joko Widodo di media sosial.\n"
            "“Kami menyayangkan kejadian itu,” katanya.")
    r = only(text, "id", "direct")
    assert r["speaker"] == "Fadjroel Rachman"


def test_a_pronoun_after_the_reporting_verb_is_not_the_speaker():
    r = only("In a statement, India's Ministry of Electronics and IT said it “has decided to block 59 apps.”", "en", "direct")
    assert (r["speaker"], r["speaker_type"]) == ("India's Ministry of Electronics and IT", "government")


def test_the_subject_of_a_coordination_speaks_the_second_partial_quote():
    text = "Huawei described the move as “bad news for anyone with a phone” and threatened to “push up bills.”"
    assert [(r["quote"], r["speaker"]) for r in quotes(text, "en") if r["kind"] == "direct"] == [
        ("bad news for anyone with a phone", "Huawei"), ("push up bills.", "Huawei")]


# the role nouns the issue lists type an unknown speaker (the organisation, when named, wins)
@pytest.mark.parametrize("role,lang,typ", [
    *[(r, "id", "researcher") for r in ("peneliti", "analis", "pakar", "ahli", "dosen")],
    *[(r, "en", "researcher") for r in ("researcher", "expert", "analyst", "professor")],
    *[(r, "id", "company") for r in ("juru bicara Tokopedia", "jubir Tokopedia", "CEO Tokopedia", "direktur Tokopedia",
                                     "manajer Tokopedia", "VP Tokopedia")],
    *[(r, "en", "company") for r in ("spokesperson", "CEO", "VP", "head of policy at Google", "director at Apple")],
    *[(r, "id", "government") for r in ("Menteri", "Kominfo", "Kemkominfo", "DPR", "anggota Komisi I", "BSSN")],
    *[(r, "en", "government") for r in ("regulator", "minister", "senator", "lawmaker", "agency")],
    *[(r, "id", "civil_society") for r in ("YLKI", "ELSAM", "SAFEnet", "lembaga advokasi", "koalisi")],
    *[(r, "en", "civil_society") for r in ("advocacy group", "EFF", "watchdog")],
    *[(r, "id", "user") for r in ("pengguna", "warganet")],
    *[(r, "en", "user") for r in ("netizen", "user", "customer")],
    *[(r, "id", "media") for r in ("wartawan", "media")],
    *[(r, "en", "media") for r in ("outlet", "newspaper")],
])
def test_role_nouns_type_unknown_speakers(role, lang, typ):
    from coverage.speakers import load_book

    assert load_book().type_from_role(role, lang) == typ


@pytest.mark.parametrize("text,speaker,typ", [
    ("The order claims the company “captures vast swaths of information from its users,” like location data.", "order",
     "government"),
    ("The complaint asserts the firm built “the most dangerous face database in the nation”.", "complaint", "other"),
])
def test_documents_speak_their_quoted_words(text, speaker, typ):
    # PARC 3.0 sources include documents: an order's or a complaint's quoted words are direct quotes
    r = only(text, "en", "direct")
    assert (r["speaker"], r["speaker_type"]) == (speaker, typ)


# --- round 4: attribution shapes, speaker types and recall fallbacks ------------------------
# (each case is a general cause found in held-out sets 1-8; the sentences are synthetic)


def direct(text: str, lang: str) -> list[dict]:
    return [r for r in quotes(text, lang) if r["kind"] == "direct"]


def test_an_acronym_between_role_and_name_is_the_organisation():
    # "Direktur BSI Herry Gunardi": BSI belongs to the role; an executive of an unlisted firm
    # speaks for a company
    r = only("“Dana nasabah aman,” kata Direktur KMJ Andi Wirawan kepada wartawan.", "id", "direct")
    assert (r["speaker"], r["speaker_type"], r["role"]) == ("Andi Wirawan", "company", "Direktur KMJ")


def test_a_name_before_its_role_is_the_speaker():
    text = "Rina Hapsari Anggota Badan Pengawas Pemilu RI mengatakan, pihaknya sedang mengkaji dugaan pelanggaran data."
    r = only(text, "id", "indirect")
    assert (r["speaker"], r["speaker_type"]) == ("Rina Hapsari", "government")


def test_a_time_adverbial_after_the_speaker_is_not_part_of_the_name():
    text = "“Data peserta kami lindungi,” kata Kepala Humas BPJS Kesehatan M Rizal Pratama belum lama ini."
    r = only(text, "id", "direct")
    assert (r["speaker"], r["speaker_type"]) == ("M Rizal Pratama", "government")


def test_hackers_are_other_and_a_bare_hacker_is_the_gang_named_before():
    text = ("Geng peretas LockBit mengaku telah mencuri data nasabah bank itu.\n"
            "“Berhenti gunakan bank ini, mereka tidak bisa melindungi data Anda,” ujar hacker.")
    r = only(text, "id", "direct")
    assert (r["speaker"], r["speaker_type"]) == ("LockBit", "other")
    # with no gang named, the role itself speaks, typed other
    r = only("“Data akan kami sebar besok,” ujar hacker.", "id", "direct")
    assert (r["speaker"], r["speaker_type"]) == ("hacker", "other")


def test_an_account_handle_in_the_narrative_is_the_antecedent_of_nya():
    text = ("Kebocoran itu pertama kali disampaikan akun @contoh_akun di Twitter.\n"
            "“Kenapa tidak ramai, data jutaan penduduk bocor?” cuitnya.")
    r = only(text, "id", "direct")
    assert (r["speaker"], r["speaker_type"]) == ("@contoh_akun", "user")


def test_a_person_named_only_as_an_object_is_better_than_no_speaker():
    text = ("The board had high hopes for Dana Whitcombe when she took over the telco in April.\n"
            "'We have done a lot but it will never be fast enough for me,' she said less than a year into the job.\n"
            "Dana Whitcombe, a former bank executive, joined the firm in 2019.")
    r = only(text, "en", "direct")
    assert r["speaker"] == "Dana Whitcombe" and r["cue"] == "say"


def test_a_long_apposition_between_speaker_and_verb():
    text = ("“All the records were just leaked for free,” Rina Okafor, chief technology officer at the "
            "Harbor Rock threat intelligence firm, said Saturday on Twitter.")
    r = only(text, "en", "direct")
    assert r["speaker"] == "Rina Okafor" and r["cue"] == "say"


def test_a_quoted_word_inside_a_reported_clause_is_a_partial_quote():
    text = "Facebook said Tuesday that hackers “scraped” personal data of some users in 2019."
    (r,) = direct(text, "en")
    assert (r["quote"], r["speaker"]) == ("scraped", "Facebook")


@pytest.mark.parametrize("text", [
    "Xiaomi said the ‘incognito’ mode was switched off by default.",      # a label of the noun after it
    "Xiaomi says it will let users turn off ‘incognito’ data collection",  # a headline
    "Xiaomi said the phone’s “metadata” was never stored.",                # an attribute of a thing
    "The list of apps includes “popular” ones, the report found.",         # no reported clause holds it
])
def test_single_quoted_words_that_are_not_partial_quotes(text):
    assert direct(text, "en") == []


def test_a_long_quotation_in_a_reporting_sentence_no_rule_reads_is_still_a_quote():
    # the recall fallback: >= 6 quoted words, a reporting verb before them, the sentence's subject speaks
    text = "Xiaomi denied the allegations and claims it is “not owned, controlled or affiliated with any military body”."
    (r,) = direct(text, "en")
    assert r["quote"].startswith("not owned") and r["speaker"] == "Xiaomi"
    # a sentence without a reporting verb gives nothing
    assert direct("The firm sells phones that are “not owned, controlled or affiliated with anyone”.", "en") == []


def test_an_acronym_speaker_takes_the_name_and_type_of_its_long_form():
    text = ("The ride-hailing firm was issued an order by the National Privacy Commission last week.\n"
            "The NPC said that the firm did not assess the risks of its in-car recordings.")
    r = only(text, "en", "indirect")
    assert (r["speaker"], r["speaker_type"]) == ("National Privacy Commission", "government")


def test_an_unlisted_name_with_a_ceo_or_customers_is_a_company():
    text = ("According to Kestrel, the attack originated in Europe and was quickly blocked.\n"
            "Kestrel CEO Mara Lind apologised to customers on Friday.")
    r = only(text, "en", "indirect")
    assert (r["speaker"], r["speaker_type"]) == ("Kestrel", "company")


def test_a_person_introduced_by_a_role_in_the_sentence_before():
    text = ("The ban will go ahead, the digital minister has said.\n"
            "Marta Kowal said the networks would be free of the vendor's kit by 2027.")
    (r,) = [r for r in quotes(text, "en") if r["quote"].startswith("the networks")]
    assert (r["speaker"], r["speaker_type"]) == ("Marta Kowal", "government")


def test_an_office_alias_means_the_holder_the_article_names():
    # the gazetteer lists "Menkominfo" for Johnny G. Plate (the minister in 2020); an article that
    # names another minister means that one
    text = ("Menteri Komunikasi dan Informatika (Menkominfo) Sari Wulandari menegaskan pemerintah tidak akan membayar tebusan.\n"
            "Menkominfo kemudian meluruskan bahwa serangan itu tidak menyentuh pusat data utama.\n"
            "“Supaya teman-teman media tidak salah, ini pusat data sementara,” terangnya.")
    recs = quotes(text, "id")
    assert {r["speaker"] for r in recs} == {"Sari Wulandari"}
    assert {r["speaker_type"] for r in recs} == {"government"}


def test_a_description_of_a_firm_before_its_name_does_not_make_it_media():
    r = only("Social media giant Facebook said that the leaked data was old.", "en", "indirect")
    assert (r["speaker"], r["speaker_type"]) == ("Facebook", "company")


def test_a_name_with_a_version_number_in_quotation_marks_is_not_a_quote():
    text = "Platform itu mengungkapkan bahwa kelompok peretas “LockBit 3.0” mengaku telah menyerang sistem bank."
    assert direct(text, "id") == []


def test_according_to_an_outlet_does_not_take_the_quote_from_the_speaker_who_told_it():
    text = ("The chief executive was speaking at a summit where she told those gathered that “there are lessons "
            "for all stakeholders” according to the AFR.")
    (r,) = direct(text, "en")
    assert r["speaker"] != "Australian Financial Review"


# --- speaker typing without the gazetteer (round 5): every organisation below is unlisted ---

@pytest.mark.parametrize("role, want", [
    ("Kepala Dinas Komunikasi Kota Contoh", "government"),      # Dinas: a regional office
    ("Ketua Bawaslu Kabupaten Contoh", "government"),           # an Indonesian state body by name
    ("Ketua KPU Provinsi Contoh", "government"),
    ("Kapolda Contoh", "government"),                           # an abbreviated police office
    ("chairman of the House Oversight Committee", "government"),
    ("Direktur Eksekutif Lembaga Contoh", "civil_society"),    # an NGO's head
    ("Koordinator Aliansi Pemantau Contoh", "civil_society"),
    ("dosen Politeknik Negeri Contoh", "researcher"),
    ("Senior Vice President Corporate Communication and Investor Relation PT Contoh", "company"),
    ("Kepala Kebijakan Publik Kestrel Indonesia", "company"),   # head of a department of a firm
])
def test_an_unlisted_organisation_is_typed_by_its_name_and_the_role_noun(role, want):
    assert load_book().type_from_role(role, "id") == want


def test_an_organisation_word_before_a_name_belongs_to_the_role():
    text = ("Kepala Pusat Data Kemendikbud Rudi Hartawan memberi penjelasan kepada wartawan.\n"
            "“Kami sudah menutup akses ke server tersebut sejak pagi,” kata Rudi.")
    r = only(text, "id", "direct")
    assert (r["speaker"], r["speaker_type"]) == ("Rudi Hartawan", "government")


def test_a_single_word_the_article_never_extends_to_a_full_name_is_a_firm():
    text = "“We have contacted every affected customer this week,” Kestrel said in a statement."
    r = only(text, "en", "direct")
    assert (r["speaker"], r["speaker_type"]) == ("Kestrel", "company")


def test_a_single_word_that_is_the_short_form_of_a_full_name_stays_a_person():
    text = ("Kestrel Voss runs a bakery in the town centre.\n"
            "“We have contacted every affected customer this week,” Kestrel said.")
    r = only(text, "en", "direct")
    assert r["speaker"] in ("Kestrel", "Kestrel Voss") and r["speaker_type"] != "company"


def test_a_capitalised_name_before_spokesperson_is_the_organisation():
    text = "“We are investigating the incident with outside experts,” a Kestrel spokesperson said."
    r = only(text, "en", "direct")
    assert (r["speaker"], r["speaker_type"]) == ("Kestrel", "company")


def test_a_finance_firm_is_typed_by_its_name():
    text = "Kestrel Financial said that it would not pay the ransom to the criminals."
    r = only(text, "en", "indirect")
    assert (r["speaker"], r["speaker_type"]) == ("Kestrel Financial", "company")


def test_a_brand_that_starts_with_a_digit_is_a_name_and_the_antecedent_of_the_company():
    text = ("Genetic testing company 7andUs on Tuesday wrote to several customers.\n"
            "“There was unauthorized access to accounts connected to yours,” the company told customers.")
    r = only(text, "en", "direct")
    assert (r["speaker"], r["speaker_type"]) == ("7andUs", "company")


# --- round 6 (held-out set 11): general causes, synthetic text with made-up names ---

def test_clause_word_before_hyphenated_brand_keeps_it_an_organisation() -> None:
    """"After Zorb-Mobile learned ..." does not make "After Zorb-Mobile" a person's name, so the
    bare brand is a firm and the antecedent of "the company said"."""
    text = ("Zorb-Mobile said a hacker accessed data from 37 million current customers. After "
            "Zorb-Mobile learned about it, the company said it hired an external team to investigate.")
    recs = quotes(text, "en")
    assert [(r["speaker"], r["speaker_type"]) for r in recs] == [("Zorb-Mobile", "company")] * 2
    assert recs[1]["quote"] == "it hired an external team to investigate"


def test_user_noun_before_a_firm_does_not_make_it_a_user() -> None:
    """"pengguna Quixa" are Quixa's users; Quixa itself is not a user."""
    text = ("Data milik 2 juta pengguna Quixa dijual di forum peretas. Quixa mengakui bahwa ada upaya "
            "pencurian data di sistem mereka.")
    rec = only(text, "id")
    assert (rec["speaker"], rec["speaker_type"]) == ("Quixa", "company")


def test_user_named_after_bernama_stays_a_user() -> None:
    text = ("Kejadian itu dilaporkan oleh pengguna bernama Tri Wibisana Darmo. \"Saya mendapatkan email "
            "transaksi pembelian,\" tutur Tri.")
    rec = only(text, "id")
    assert (rec["speaker"], rec["speaker_type"]) == ("Tri Wibisana Darmo", "user")  # the full name the article gives


@pytest.mark.parametrize("opening", ["", "Meski tidak menampik kejadian tersebut, "])
def test_unclosed_apposition_after_a_full_name(opening: str) -> None:
    """"Bram Holt, co-CEO Zalada Indonesia mengatakan": the apposition is left open before the
    verb; the named person speaks, for a firm, and "kata Holt" is the same person."""
    text = (f"{opening}Bram Holt, co-CEO Zalada Indonesia mengatakan bahwa pelaku tidak mengincar akun "
            "pengguna sama sekali. \"Bukan kesalahan kami sama sekali,\" kata Holt.")
    recs = quotes(text, "id")
    assert [(r["speaker"], r["speaker_type"], r["role"]) for r in recs] == [
        ("Bram Holt", "company", "co-CEO Zalada Indonesia")] * 2
    assert recs[0]["quote"] == "pelaku tidak mengincar akun pengguna sama sekali"


# --- session 3: the general organisation lexicon (organisations.yml) and typing from roles ---
# One synthetic quote per lexicon class and language: the organisation is typed on first sight,
# with no rule of speakers.yml naming it.

LEXICON_CASES = [
    ("id", "“Kami sedang menelusuri sumber kebocoran,” kata BRIN dalam keterangannya.", "BRIN", "government"),
    ("en", "“We are looking into the incident,” the FCC said in a statement.",
     "Federal Communications Commission", "government"),
    ("id", "“Jaringan kami aman,” ujar XL Axiata kepada wartawan.", "XL Axiata", "company"),
    ("en", "“Our systems were not breached,” Capital One said.", "Capital One", "company"),
    ("id", "“Ini serangan yang terencana,” kata Hudson Rock dalam laporannya.", "Hudson Rock", "researcher"),
    ("en", "“The malware spreads through fake apps,” Trend Micro said.", "Trend Micro", "researcher"),
    ("id", "“Pemerintah harus mengusut kasus ini,” kata Perludem.", "Perludem", "civil_society"),
    ("en", "“This is a privacy disaster,” the ACLU said.", "ACLU", "civil_society"),
]


@pytest.mark.parametrize("lang,text,speaker,typ", LEXICON_CASES)
def test_lexicon_organisations_are_typed_on_first_sight(lang, text, speaker, typ) -> None:
    rec = only(text, lang)
    assert (rec["speaker"], rec["speaker_type"]) == (speaker, typ)


def test_lexicon_names_match_only_as_written() -> None:
    """organisations.yml names are case-sensitive: "mandiri" (independent) is no bank."""
    book = load_book()
    assert book.lookup("Bank Mandiri").type == "company"
    assert book.lookup("bank mandiri") is None
    assert [e.name for _, _, e in book.find("Kami ingin hidup mandiri.")] == []
    # speakers.yml wins over the lexicon for a name both list (Kominfo is the study's entry)
    assert book.lookup("Kominfo").type == "government"


def test_lexicon_section_must_be_a_speaker_type(tmp_path) -> None:
    from coverage.errors import StudyError
    from coverage.speakers import MEDIA_YML, SPEAKERS_YML, SpeakerBook

    bad = tmp_path / "organisations.yml"
    bad.write_text("version: '1'\nbanks: [Bank Contoh]\n", encoding="utf-8")
    with pytest.raises(StudyError, match=r"organisations\.yml: section 'banks' is no speaker type"):
        SpeakerBook(SPEAKERS_YML, MEDIA_YML, bad)


@pytest.mark.parametrize("lang,text,speaker,typ", [
    # a person typed from the role and organisation set off beside the name
    ("id", "“Data itu asli,” kata Rina Wulandari, peneliti dari Universitas Gadjah Mada.", "Rina Wulandari", "researcher"),
    ("en", "“Nothing was lost,” said Tom Baker, a spokesperson for the Securities and Exchange Commission.",
     "Tom Baker", "government"),
    ("en", "“We moved fast,” said Acmeflow's chief executive Dana Whitfield.", "Dana Whitfield", "company"),
    # an executive director is typed by the organisation named with the title
    ("id", "“Kami mendesak pemerintah bertindak,” kata Direktur Eksekutif Lembaga Riset Siber Nusantara, Dewi Lestari.",
     "Dewi Lestari", "researcher"),
    ("en", "“We urge lawmakers to act,” said Maya Ortiz, executive director of the Open Wires Coalition.",
     "Maya Ortiz", "civil_society"),
    # a legal form after a listed firm belongs to the firm
    ("en", "“We will not pay,” T-Mobile US Inc said.", "T-Mobile", "company"),
])
def test_person_and_organisation_typed_from_apposition(lang, text, speaker, typ) -> None:
    rec = only(text, lang)
    assert (rec["speaker"], rec["speaker_type"]) == (speaker, typ)


def test_role_noun_of_another_clause_does_not_type_the_name() -> None:
    """"Pemerintah pun akan memanggil Zentrix": the government is the subject of a clause about
    Zentrix, not Zentrix's title, so Zentrix stays a firm (coding rule 6)."""
    text = ("Pemerintah pun akan langsung memanggil Zentrix untuk meminta penjelasan.\n"
            "“Kami sudah memeriksa sistem kami,” tulis Zentrix dalam keterangannya.")
    rec = only(text, "id")
    assert (rec["speaker"], rec["speaker_type"]) == ("Zentrix", "company")


def test_the_company_is_the_firm_not_its_chief_executive() -> None:
    text = "Medibank chief executive David Koczkar apologised on Monday.\nThe company said it would contact every customer."
    rec = only(text, "en")
    assert (rec["speaker"], rec["speaker_type"]) == ("Medibank", "company")


def test_a_description_by_its_head_noun_is_the_listed_organisation() -> None:
    text = ("The National Privacy Commission issued an order against the app.\n"
            "According to the commission, the app failed to assess the risks.")
    rec = only(text, "en")
    assert (rec["speaker"], rec["speaker_type"]) == ("National Privacy Commission", "government")


@pytest.mark.parametrize("lang,text", [
    ("id", "Zentrix mengonfirmasi kebocoran itu.\nMenurut perusahaan yang berkantor pusat di Jakarta itu, "
           "kebocoran terjadi dua tahun lalu."),
    ("en", "Zentrix confirmed the breach on Friday.\nThis is being investigated, the company said."),
])
def test_an_unlisted_firm_opening_a_sentence_is_the_antecedent_of_the_company(lang, text) -> None:
    """A description with a relative clause points back like the bare description, and a
    demonstrative ("This") is never read as a speaker's name."""
    rec = only(text, lang)
    assert (rec["speaker"], rec["speaker_type"]) == ("Zentrix", "company")


def test_role_in_the_last_clause_before_a_first_mention_types_the_person() -> None:
    text = ("The breach hit regulators in two countries, its founder and chief executive told reporters.\n"
            "“We moved too fast,” Karl Ostrander said.")
    rec = only(text, "en")
    assert (rec["speaker"], rec["speaker_type"]) == ("Karl Ostrander", "company")


@pytest.mark.parametrize("lang,text", [
    ("id", "Laporan dari perusahaan keamanan Comparitech tersebut menyebut ada 267 juta nomor yang bocor."),
    ("en", "A report from Comparitech said that 267 million phone numbers had leaked."),
])
def test_an_organisation_speaks_through_its_report(lang, text) -> None:
    rec = only(text, lang)
    assert (rec["speaker"], rec["speaker_type"]) == ("Comparitech", "company")


@pytest.mark.parametrize("lang,text,speaker,typ,quote", [
    ("en", "The group has targeted other firms in the past, federal prosecutors said, according to the Harbor Bulletin.",
     "federal prosecutors", "government", "The group has targeted other firms in the past"),
    ("id", "Kelompok itu pernah menyerang perusahaan lain, kata jaksa, menurut harian Kabar Kota.",
     "jaksa", "government", "Kelompok itu pernah menyerang perusahaan lain"),
])
def test_speaker_inside_an_outlets_report_speaks(lang, text, speaker, typ, quote) -> None:
    """"X said, according to <outlet>": X speaks; the outlet is cited (coverage.citations)."""
    rec = only(text, lang)
    assert (rec["speaker"], rec["speaker_type"], rec["quote"]) == (speaker, typ, quote)


def test_newspaper_words_type_an_unlisted_title_as_media() -> None:
    book = load_book()
    assert book.parse("the Harbor Bulletin", "en").type == "media"
    assert book.parse("an election observer", "en").type != "media"  # a role, not a title


@pytest.mark.parametrize("lang,phrase,name,typ", [
    ("id", "Badan Riset Siber Nusantara", "Badan Riset Siber Nusantara", "government"),
    ("id", "Universitas Lembah Hijau", "Universitas Lembah Hijau", "researcher"),
    ("en", "the Ministry of Digital Affairs", "Ministry of Digital Affairs", "government"),
    ("en", "the Open Wires Foundation", "Open Wires Foundation", "civil_society"),
])
def test_an_organisation_head_noun_opens_a_name_not_a_title(lang, phrase, name, typ) -> None:
    """The capitalised words after Badan/Universitas/Ministry/Foundation are the organisation's
    name, not a person's ("Badan Riset Siber Nusantara" names no one called "Riset Siber")."""
    sp = load_book().parse(phrase, lang)
    assert (sp.name, sp.type, sp.is_person) == (name, typ, False)


@pytest.mark.parametrize("lang,text,speaker,typ", [
    # officials speak for the organisation named with them; alone they are the government's
    ("en", "Verizon officials said that the outage had nothing to do with the breach.", "Verizon", "company"),
    ("en", "Officials said that the outage had nothing to do with the breach.", "Officials", "government"),
    # a hacker group described before it is named is the group the article names next
    ("en", "A notorious hacking group claims that it stole the data of 5 million customers.\n"
           "ShinyHunters, the group claiming responsibility, posted a sample online.", "ShinyHunters", "other"),
    # a firm's web address is the firm, not an outlet
    ("id", "“Kami mendeteksi akses tidak sah,” tulis Cermati.com dalam keterangannya.", "Cermati", "company"),
])
def test_descriptions_that_name_a_known_speaker(lang, text, speaker, typ) -> None:
    recs = quotes(text, lang)
    assert (recs[0]["speaker"], recs[0]["speaker_type"]) == (speaker, typ)


@pytest.mark.parametrize("lang,text,speaker", [
    ("id", "Pengamat telekomunikasi Budi Santoso menilai kasus itu serius. “Harus ada audit,” kata mantan "
           "anggota badan regulasi ini.", "Budi Santoso"),
    ("en", "The breach was first reported by The Verge.\nThe hackers sold the data, the small "
           "technology magazine said.", "The Verge"),
])
def test_a_demonstrative_description_points_back(lang, text, speaker) -> None:
    """"mantan anggota ... ini" is the person just quoted; "the small technology magazine" is
    the outlet the article has named, with words between the article and the head noun."""
    assert quotes(text, lang)[-1]["speaker"] == speaker


@pytest.mark.parametrize("phrase,name,typ", [
    ("the Coastal Privacy Authority", "Coastal Privacy Authority", "government"),
    ("Northland Home Affairs Department", "Northland Home Affairs Department", "government"),
    ("the Kominfo Ministry", "Kominfo", "government"),
])
def test_capitalised_words_ending_in_an_office_are_one_organisation(phrase, name, typ) -> None:
    sp = load_book().parse(phrase, "en")
    assert (sp.name, sp.type, sp.is_person) == (name, typ, False)


def test_an_outlet_written_with_a_space_is_the_listed_outlet() -> None:
    """media.yml lists Cybernews; "Cyber News" is the same outlet, as speaker and as citation."""
    assert load_book().lookup("Cyber News").name == "Cybernews"
    from coverage.citations import cited_media
    assert cited_media("Akhir pekan lalu Cyber News melaporkan data 1,3 juta pengguna bocor.", "id") == ["Cybernews"]


# --- session 3b: shapes seen on first runs over new stories (synthetic text, made-up names) ---

def _one(text: str, lang: str, kind: str | None = None) -> list[tuple[str, str]]:
    return [(q["speaker"], q["speaker_type"]) for q in extract_quotes(text, lang) if kind is None or q["kind"] == kind]


@pytest.mark.parametrize("text, lang, want", [
    # a description next to a name in its clause: the name speaks
    ("Konsultan keamanan siber Andi Pratomo menilai aturan itu bermasalah.\n"
     "“Dasarnya apa? Mereka tinggal jawab saja,” ujar konsultan keamanan siber ini.", "id", ("Andi Pratomo", "researcher")),
    # "the newspaper" is the outlet the article named before
    ("The Guardian first reported the leak on Friday.\nThe contractors were sent home early, the newspaper reported.",
     "en", ("The Guardian", "media")),
])
def test_a_description_resolves_to_the_named_speaker_of_its_kind(text, lang, want):
    assert _one(text, lang)[-1] == want


def test_a_description_with_a_place_stays_itself():
    # "The Australian government" is a specific body, not the last government agency named
    text = "The FBI is investigating.\nIt is examining the claims, the Australian government said."
    assert ("FBI", "government") not in _one(text, "en")


@pytest.mark.parametrize("text, lang, want", [
    ("Pada Senin, pihak Nusa Data Lestari (NDL) memberi keterangan.\n"
     "“Kami mematuhi seluruh regulasi yang berlaku,” tambah NDL.", "id", ("Nusa Data Lestari", "company")),
    ("The leak shocked streamers. Jane Roe, known to her 2 million followers as Roezilla, was upset.\n"
     "“It is quite shocking,” Roezilla said.", "en", ("Jane Roe", "user")),  # no role anywhere: a member of the public (rule 6a)
])
def test_a_short_form_the_article_defines_gives_the_long_form(text, lang, want):
    assert _one(text, lang, "direct") == [want]


@pytest.mark.parametrize("text, lang, want", [
    ("“The government is concerned by these activities,” Interior CS Amos Wekesa said.", "en", ("Amos Wekesa", "government")),
    ("“Kami akan memanggil pengelola aplikasi itu,” ujar Wamen Budi Hartono Susilo.", "id", ("Budi Hartono Susilo", "government")),
    ("“It is weak,” Sen. Jane Roe (R-Ohio) said.", "en", ("Jane Roe", "government")),
    ("“This falls short,” House Energy and Commerce Chairman Frank Pollard, D-N.J., said in a statement.", "en",
     ("Frank Pollard", "government")),
])
def test_an_office_before_a_name_is_stripped_and_types_it(text, lang, want):
    assert _one(text, lang) == [want]


@pytest.mark.parametrize("phrase, app, typ", [
    ("Jane Doe", "Acme’s chief security officer", "company"),
    ("Chief Information Security Officer Acme Budi Santoso", "", "company"),
    ("researcher Jane Doe of the Electronic Frontier Foundation", "", "civil_society"),
    ("attorney Jane Doe", "who represented Acme users", "other"),
])
def test_roles_that_name_the_employer_type_the_person(phrase, app, typ):
    assert load_book().parse(phrase, "en", app).type == typ


@pytest.mark.parametrize("text, lang, want", [
    ("“I am deeply sorry,” Acme Bank chairman and CEO Richard D. Fairbanks said in a press release.", "en",
     ("Richard D. Fairbanks", "company")),
    ("Lewat blog tersebut, Budi Santoso selaku Chief Technology Officer Acme mengatakan, data pengguna yang bocor "
     "berasal dari Jawa.", "id", ("Budi Santoso", "company")),
    ("“This is an historic step,” said attorney Jane Doe, who represented Acme users.", "en", ("Jane Doe", "other")),
    ("Zentrix did not respond to a request for comment. “Our teams are working with urgency,” the company wrote on "
     "Twitter.", "en", ("Zentrix", "company")),
    ("Nusantara Air menyatakan tidak menyimpan rincian pembayaran penumpang.", "id", ("Nusantara Air", "company")),
])
def test_attribution_shapes_from_new_stories(text, lang, want):
    assert _one(text, lang) == [want]


@pytest.mark.parametrize("text, lang, want", [
    # the name set next to the description in its clause
    ("Data itu, menurut dosen pascasarjana pada Sekolah Tinggi Contoh, Rani Wibisono, adalah data sensitif.", "id",
     [("Rani Wibisono", "researcher")]),
    ("The breach was confirmed on Friday, according to a report in The Washington Post.", "en",
     [("The Washington Post", "media")]),
    # a lede that gives the role first and the person in the next sentence
    ("Peneliti keamanan siber menyebut data jutaan pengguna bocor di forum daring.\nPendiri Contoh Lab, firma keamanan "
     "siber asal Israel, Rafi Gunawan, mengatakan pencuri mengambil alamat email pengguna.", "id",
     [("Rafi Gunawan", "researcher"), ("Rafi Gunawan", "researcher")]),
    # "yang dihubungi awak media" describes the subject; the media are not the speaker
    ("Sementara itu Nila Wardani, Chief Corporate Affairs Gojek yang dihubungi awak media pada Rabu (6/1/2021) "
     "mengatakan pihaknya belum bisa berkomentar.", "id", [("Nila Wardani", "company")]),
])
def test_descriptions_and_relative_clauses_point_to_the_named_speaker(text, lang, want):
    assert _one(text, lang) == want


@pytest.mark.parametrize("text, lang, want", [
    # the subject's article is not the speaker: the noun phrase it opens is
    ("A coalition of parent groups demanded Thursday that regulators investigate Acme, arguing that the toy collects "
     "children's data.", "en", [("coalition of parent groups", "civil_society")]),
    ("Sebuah koalisi masyarakat sipil, yang terdiri dari 20 lembaga, menyatakan bahwa aturan itu mengancam privasi.", "id",
     [("koalisi masyarakat sipil", "civil_society")]),
])
def test_an_article_alone_is_no_speaker(text, lang, want):
    assert _one(text, lang) == want


# --- session 3, round 3: classes of errors on unseen real articles (sets 17/18) -----------------

@pytest.mark.parametrize("text, lang, want", [
    # a task force between the title and the person: the unit's name ends before the person, and
    # a middle initial without a dot belongs to the name; a first name alone later is that person
    ("Ketua Satgas Waspada Siber Darmo K Wibisono mengungkapkan warga tak perlu khawatir.\n"
     "“Segera blokir nomor penagih itu,” ujar dia.\n"
     "Sebelumnya Darmo menyebutkan, pemblokiran dilakukan bersama 12 lembaga.", "id",
     [("Darmo K Wibisono", "government")] * 3),
    ("Ketua Satuan Tugas Pangan Nusantara, Rina Marlina, mengatakan bahwa stok beras aman sampai akhir tahun.", "id",
     [("Rina Marlina", "government")]),
    ("Jane Roe, head of the state's fraud task force, said that the scam targeted pensioners.", "en",
     [("Jane Roe", "government")]),
    # an apposition with "U.S." runs on to the agency; "of <agency>" types the person too
    ("Maria Olsen, the director of the U.S. Northern Cyber Defense Agency (NCDA) has warned the flaw was serious.\n"
     "“We expect it to be widely exploited,” Olsen explained.", "en", [("Maria Olsen", "government")]),
])
def test_task_forces_and_agencies_are_government(text, lang, want):
    got = [s for s in _one(text, lang)]
    assert got[-len(want):] == want


@pytest.mark.parametrize("text, lang, want", [
    # joint speakers: the first-named person, typed by the role they share; the second is
    # registered with the same role for later quotes
    ("Co-CEO Acmeku, Budi Hartono dan Sari Lestari mengatakan bahwa keputusan itu bukan kesalahan karyawan.\n"
     "“Jangan ragu menghubungi kami,” tutur Sari.", "id",
     [("Budi Hartono", "company"), ("Sari Lestari", "company")]),
    ("Dua bos Acmeku, Budi Hartono dan Sari Lestari, menyatakan bahwa perusahaan akan membantu karyawan.", "id",
     [("Budi Hartono", "company")]),
    ("Acmeku co-founders Tom Reed and Amy Blake said that the layoffs were their mistake.", "en",
     [("Tom Reed", "company")]),
])
def test_joint_speakers_are_coded_by_the_first_named(text, lang, want):
    assert _one(text, lang) == want


def test_the_company_points_back_to_a_firm_named_only_with_its_legal_form_in_a_quote():
    text = ("A cyberattack hit Harbor Fuel on Friday.\n"
            "“On May 7, the Harbor Fuel Company learned it was attacked. We took systems offline,” the company said.")
    assert _one(text, "en") == [("Harbor Fuel", "company")]


@pytest.mark.parametrize("text, lang, want", [
    # an outlet that receives a statement is cited, not the speaker: the subject speaks
    ('Although Zentrix denied the claims it also said it would "review every credible report of misuse," according '
     "to statements issued through its lawyers to the Guardian.", "en", ("Zentrix", "company")),
    ("Hackers sought a second payout from the parent company MediCorp Group.\n"
     "The healthcare giant did confirm on Monday that it had paid a ransom to the hackers, according to a report from Wired.",
     "en", ("MediCorp Group", "company")),
])
def test_an_outlet_named_as_recipient_or_relay_is_not_the_speaker(text, lang, want):
    assert _one(text, lang)[-1] == want


@pytest.mark.parametrize("text, lang, want", [
    # people introduced by a user role noun are users, with or without a comma, one-word names too
    ("Hal yang sama dirasakan Rahmanto, pengemudi ojek daring di Makassar.\n"
     "“Order saya sepi sejak jaringan putus,” katanya.", "id", [("Rahmanto", "user")]),
    ("Banyak pelanggan kecewa. “Mau cari orderan jadi gak bisa,” ungkap Yosef salah satu pelanggan di Medan.", "id",
     [("Yosef", "user")]),
    ("Gangguan itu merugikan pedagang.\nReza pengemudi taksi online juga kecewa. “Aplikasinya mati,” sebutnya.", "id",
     [("Reza", "user")]),
    # a noun phrase headed by creators/users/customers is users, whatever firm it names
    ("A group of FooApp creators said that the ban would end their income.", "en",
     [("group of FooApp creators", "user")]),
])
def test_people_introduced_as_users_are_users(text, lang, want):
    assert _one(text, lang) == want


@pytest.mark.parametrize("text, lang, bad", [
    # connectives, numerals and sentence-initial common nouns are not names
    ("Jaringan Acmesel putus selama sejam.\nAkibatnya, pelanggan kartu Acmesel mengaku kecewa dan meminta perusahaan "
     "bertanggung jawab.", "id", "Akibatnya"),
    ("Last month, Zentrix said that it would appeal the ruling.", "en", "Last"),
    # "alias" here means "in other words": the words before it are no speaker
    ("Dua bos Acmeku, Budi Hartono dan Sari Lestari, siap pasang badan alias mengaku bersalah atas keputusan itu.\n"
     "“Ini kesalahan kami berdua,” tegas dia.", "id", "siap pasang badan alias"),
])
def test_connectives_and_common_nouns_are_not_names(text, lang, bad):
    got = _one(text, lang)
    assert got and all(s != bad and s for s, _ in got)


def test_a_title_case_headline_line_introduces_nobody():
    text = ("Dua bos Acmeku, Budi Hartono dan Sari Lestari, meminta maaf kepada karyawan.\n"
            "Mantan Bos Acmeku Bikin Motor Listrik, Ini Bocoran Wujudnya\n"
            "“Ini masa tersulit bagi kami,” tegas dia.")
    assert _one(text, "id", "direct") == [("Budi Hartono", "company")]


@pytest.mark.parametrize("text, lang, want", [
    # volunteer organisations and mass organisations are civil society
    ("Ketua organisasi relawan Maju Terus, Darto Wibowo, mengatakan bahwa menteri itu kompeten.", "id",
     [("Darto Wibowo", "civil_society")]),
    ("Darto Wibowo, a leader of the volunteer group Maju Terus, said that the minister was competent.", "en",
     [("Darto Wibowo", "civil_society")]),
])
def test_volunteer_groups_are_civil_society(text, lang, want):
    assert _one(text, lang) == want


def test_a_place_named_after_an_organisation_is_no_person():
    text = ("“Kami memutus 40 ribu konten,” ujar Budi Santoso saat jumpa pers di Media Center Kemenkominfo, Jakarta.\n"
            "“Jadi setiap hari ada 1.500 konten diputus,” ucapnya.")
    assert _one(text, "id") == [("Budi Santoso", "other")] * 2 or \
        all(s == "Budi Santoso" for s, _ in _one(text, "id"))


@pytest.mark.parametrize("text, lang, want", [
    # a cue right after the closing mark in the next sentence names the speaker
    ("«I find the decision of the regulator disproportionate and harmful for our firms». Lo said the Deputy Prime "
     "Minister Paolo Verdi in a note.", "en", ("Paolo Verdi", "government")),
    ("«Keputusan regulator itu berlebihan dan merugikan usaha kecil kita». Demikian kata Andi Saputra, menteri koperasi, "
     "dalam keterangannya.", "id", ("Andi Saputra", "government")),
])
def test_a_quotation_is_never_left_without_a_speaker(text, lang, want):
    got = _one(text, lang, "direct")
    assert got == [want]


@pytest.mark.parametrize("text, lang, want", [
    # a collective noun heads no organisation: "group of X creators" are creators
    ("A group of FooApp creators filed a lawsuit on Tuesday, arguing that the law was unconstitutional and harmful.",
     "en", [("group of FooApp creators", "user")]),
    # the people a lawyer represents do not type the lawyer
    ("Harlow Kent LLP, a law firm representing the creators, provided a copy of the lawsuit to the court, stating "
     "that it had been filed on Monday.", "en", [("Harlow Kent LLP", "other")]),
    ("Dedi Kurnia, pengacara mewakili para pelanggan, menyatakan bahwa gugatan telah didaftarkan pada Senin.", "id",
     [("Dedi Kurnia", "other")]),
])
def test_collective_nouns_and_represented_parties(text, lang, want):
    assert _one(text, lang) == want


# --- a group described by its role is not the last person of that role (synthetic) ---------

@pytest.mark.parametrize("lang, text, group", [
    ("en", 'Security researcher Jane Roe of Kestrel Labs found the flaw. "The data leaves the phone every '
           'minute," Roe said. Other security researchers said the browser sent the same data in private mode.',
     "security researchers"),
    ("id", 'Peneliti keamanan Budi Santoso dari Universitas Kenari menemukan celah itu. "Datanya terkirim '
           'setiap menit," kata Budi Santoso. Para pakar keamanan menyebut data itu dikirim tanpa izin pengguna.',
     "pakar keamanan"),
])
def test_group_description_is_not_the_last_named_person(lang, text, group):
    recs = extract_quotes(text, lang)
    assert recs[-1]["speaker"].lower() == group
    assert recs[-1]["speaker_type"] == "researcher"


def test_demonstrative_description_still_points_back():
    text = ('Peneliti keamanan Budi Santoso dari Universitas Kenari menemukan celah itu. "Datanya terkirim '
            'setiap menit," kata Budi Santoso. Pakar keamanan itu menyebut data itu dikirim tanpa izin pengguna.')
    assert extract_quotes(text, "id")[-1]["speaker"] == "Budi Santoso"


# --- speakers are names or roles, never descriptors or participles (synthetic) ------------

@pytest.mark.parametrize("lang, text, want", [
    # a place adjective ("X-based") describes the speaker; it is no name
    ("en", "Hackers breached Qorta, the identity firm.\nSan Francisco-based Qorta said affected customers will "
           "receive a report.", ("Qorta", "company")),
    ("en", "Xiaomi denied the claims on Monday.\nThe Beijing-based company said the data was anonymised.",
     ("Xiaomi", "company")),
    # a participial phrase before the subject is no speaker
    ("en", "Speaking to a radio station, Tom Harlow of the Kestrel Institute admitted that the firm should have "
           "been more open.", ("Tom Harlow", "researcher")),
])
def test_descriptors_and_participles_are_not_speakers(lang, text, want):
    assert _one(text, lang) == [want]


@pytest.mark.parametrize("lang, text, want", [
    # public bodies by class: health services, spelled-out bureaus, central banks, agencies
    ("en", "“We understand people may be concerned,” NHS England said.", ("NHS England", "government")),
    ("en", "“We are taking all steps,” the Federal Bureau of Investigation said.", ("FBI", "government")),
    ("en", "“This work indicates a foreign actor,” according to the statement from the intelligence and security "
           "agencies.", ("intelligence and security agencies", "government")),
    ("en", "“These reports are alarming,” Kremlin spokesman Ivan Sokolov said.", ("Ivan Sokolov", "government")),
    ("id", "“Tidak ada data yang diretas,” ujar Kepala Departemen Komunikasi BI, Rina Hartono.",
     ("Rina Hartono", "government")),
])
def test_public_bodies_are_typed_by_class(lang, text, want):
    assert _one(text, lang) == [want]


@pytest.mark.parametrize("text", [
    "The FBI and the NSA said the hack was foreign in origin.",
    "In a joint statement, the FBI, the National Security Agency (NSA), and the Office of the Director of National "
    "Intelligence said the hack was foreign in origin.",
])
def test_joint_statement_of_bodies_is_coded_by_the_first(text):
    assert _one(text, "en") == [("FBI", "government")]


def test_plural_bodies_point_back_to_a_public_body():
    text = ("The FBI said the hack was “likely foreign in origin.”\n"
            "The departments said it was “responsible for most of the recent intrusions.”")
    assert {s for s, _ in _one(text, "en")} == {"FBI"}


# --- the per-article person register (synthetic) --------------------------------------------

def test_short_form_of_a_titled_person_takes_the_full_name_and_type():
    text = ("Menteri Komunikasi dan Informatika RI, Rudiantara mengungkapkan alasan pemblokiran itu. Menurut Rudi, "
            "konten itu mengarah kepada terorisme.\n“Ini baru webnya,” kata Rudi, Jumat.")
    assert set(_one(text, "id")) == {("Rudiantara", "government")}


def test_minister_office_names_the_minister_this_article_names():
    # the gazetteer lists "Menkominfo" as the office of one holder; an article that names another
    # minister means him
    text = ("Menteri Komunikasi dan Informatika Rudiantara menegaskan pemblokiran itu punya dasar kuat.\n"
            "Lebih lanjut, Menkominfo menjelaskan bahwa pemblokiran sudah disetujui tiga lembaga.")
    assert {s for s, _ in _one(text, "id")} == {"Rudiantara"}


def test_person_introduced_by_a_description_in_the_sentence_before():
    text = ("A spokesman for President Ivan Petrov warned the rivals on Monday.\n"
            "“The state has never had anything to do with it,” Sokolov stated.")
    assert _one(text, "en", "direct") == [("Sokolov", "government")]


def test_indefinite_description_is_the_person_named_next():
    text = ("A cybersecurity professor at the University of Kestrel told a newspaper that an outage usually means "
            "an attack. Gary Moss told the newspaper that attackers may have “found a gap in the armor.”")
    assert {q["speaker"] for q in extract_quotes(text, "en")} == {"Gary Moss"}
    assert {q["speaker_type"] for q in extract_quotes(text, "en")} == {"researcher"}


def test_pronoun_with_no_registered_person_takes_the_last_full_name():
    text = ("Tom Baxter’s weekly trip to the casino was cut short by the attack. He and his wife, Ann Baxter, could "
            "not check in. Baxter’s mood soured.\n“We could not even pay for lunch,” he said.")
    assert [s for s, _ in _one(text, "en")] == ["Tom Baxter"]


def test_the_company_after_its_officer_is_the_firm_in_his_title():
    text = ("“We are deeply sorry,” Qorta Chief Security Officer Dana Bell wrote in an update.\n"
            "The company said affected customers will receive a report.")
    assert _one(text, "en") == [("Dana Bell", "company"), ("Qorta", "company")]


def test_a_which_clause_gives_no_role():
    text = "Qorta, which provides user authentication services, said it had been hacked in January."
    assert _one(text, "en") == [("Qorta", "company")]


# --- social handles (synthetic) --------------------------------------------------------------

def test_handle_takes_the_name_of_its_credit_line():
    text = ("Seorang warganet berpendapat pemerintah keliru.\n“Pemblokiran ini tidak masuk akal,” kata akun "
            "@rinawulan.\n— Rina Wulandari (@rinawulan) July 14, 2017")
    assert _one(text, "id", "direct") == [("Rina Wulandari", "user")]


def test_handle_takes_the_account_name_the_article_gives():
    text = ("Informasi itu diketahui dari cuitan @jagasiber_id di Twitter.\n“Data bank itu dijual,” tulis "
            "@jagasiber_id. Pemilik akun, Jaga Siber, belum menjawab pertanyaan.")
    assert {s for s, _ in _one(text, "id", "direct")} == {"Jaga Siber"}


def test_listed_account_of_a_threat_intelligence_service():
    text = "“The negotiation period has ended and the data is public,” ucap akun @darktracer_int."
    assert _one(text, "id") == [("Dark Tracer", "researcher")]


def test_extortion_gang_is_other():
    text = "Lapsus$ claimed it acquired “superuser” access to the firm’s systems."
    assert ("Lapsus$", "other") in _one(text, "en")


def test_person_with_no_role_anywhere_is_a_member_of_the_public():
    # codebook rule 6a: named, never given a role, title or affiliation, written later by surname
    text = ("On a Sunday night, Ashley Ramos was at a friend’s home when she received a strange alert on her phone.\n"
            "Ramos, 24, did not own a tracker.\n“I felt so violated,” Ramos said.")
    assert set(_one(text, "en", "direct")) == {("Ashley Ramos", "user")}


def test_full_name_written_before_a_one_word_speaker():
    text = ("Pembuat situs pemantau kebocoran data, Troy Hunt, sudah melihat data itu. Melalui Twitter, Hunt "
            "mengatakan bahwa data itu “kurang lebih seperti yang dijelaskan”.")
    assert {s for s, _ in _one(text, "id")} == {"Troy Hunt"}


@pytest.mark.parametrize("text, want", [
    # an organisation's head word and what it is "of" make one name
    ("The Reserve Bank of Kestria said it had detected an intrusion into its payment systems on Monday. "
     "The central bank said no funds were lost.", {("Reserve Bank of Kestria", "government")}),
    # a firm described by its trade after a place adjective points back to the firm
    ("Attackers hit Kestrel Bank on Monday. Kestrel Bank said customer data was safe and its systems were restored. "
     "The Sydney-headquartered lender said no customer data was taken.", {("Kestrel Bank", "company")}),
])
def test_descriptions_of_bodies_point_back(text, want):
    assert set(_one(text, "en")) == want


def test_security_firm_description_is_not_the_company():
    text = ("Kestrel Labs examined the phone.\nXiaomi denied the claims.\nAccording to the security firm, “the data "
            "sent to the servers can be easily linked to a specific user.”")
    assert _one(text, "en")[-1][1] == "researcher"


def test_handle_takes_the_name_of_its_owner():
    text = ("Hal itu diketahui dari unggahan akun Twitter @kestrel_sec milik Kestrel Security.\n"
            "“Data 15 juta pengguna dijual,” tulis @kestrel_sec.")
    assert _one(text, "id") == [("Kestrel Security", "researcher")]


def test_gang_introduced_by_its_role_stays_other():
    text = "Ransomware gang Zarlock claimed responsibility on its leak site. Zarlock said it stole 2 terabytes of data."
    assert set(_one(text, "en")) == {("Zarlock", "other")}


def test_sentence_initial_capital_of_a_description_is_no_name():
    text = ("Cybersecurity experts said the attack was sophisticated and had been planned for a long time.\n"
            "They said it likely took months to plan and execute the intrusion.")
    assert set(_one(text, "en")) == {("cybersecurity experts", "researcher")}


def test_nickname_given_after_a_short_name_is_the_person_just_named():
    text = ("Kepala Biro Humas Kementerian Kestrel, Ferdi Santoso, membenarkan hal itu. Menurut Nando, sapaan "
            "akrabnya, kementerian sudah memanggil platform itu.")
    assert _one(text, "id") == [("Ferdi Santoso", "government")]


@pytest.mark.parametrize("text, want", [
    ("“We are aware of the incident,” a Home Office spokesperson said.", ("Home Office", "government")),
    ("Europol said the operation took down the servers in six countries.", ("Europol", "government")),
    # a listed name written with the typographic apostrophe news sites print
    ("“We take this seriously,” said a spokesperson for the Information Commissioner’s Office.",
     ("Information Commissioner's Office", "government")),
    # a data or privacy watchdog is a regulator (a "consumer watchdog" group stays civil society)
    ("The Kestrian data watchdog said it would investigate the breach.", ("Kestrian data watchdog", "government")),
])
def test_more_public_bodies(text, want):
    assert _one(text, "en") == [want]


def test_given_name_takes_the_full_name_written_before():
    text = ("Warganet bernama Rina Wulandari mengeluhkan layanan itu. “Saya tidak bisa login sejak pagi,” tulis Rina "
            "di akun Twitter-nya.")
    assert _one(text, "id") == [("Rina Wulandari", "user")]


def test_plural_bodies_with_nothing_named_before_stay_a_government_description():
    text = "The departments said the group was “responsible for most of the intrusions.”"
    assert _one(text, "en") == [("departments", "government")]


# --- a post takes the type of the organisation it is held in (coding rule 4a) --------------

@pytest.mark.parametrize("text, lang, want", [
    # possessive: the officer of a firm speaks for the firm ("security" is the department)
    ("“We removed the data from our vendors,” said Bryn Talley, Zorbly's chief security officer.", "en",
     [("Bryn Talley", "company")]),
    # premodifier: "president" alone is a head of state, a firm's president and CEO is the firm's
    ("“We let you down on Friday,” Quillnet President and CEO Dara Holt wrote in a letter to customers.", "en",
     [("Dara Holt", "company")]),
    ("“The data was always encrypted,” Zorbly security chief Omar Reyes told reporters.", "en",
     [("Omar Reyes", "company")]),
    # a state body named before the post, and a military rank before the name; the surname
    # alone later is the same person
    ("“We take these matters seriously,” Pentagon spokesman US Army Col. Ned Varga said on Monday.\n"
     "“No ban is planned yet,” Varga said.", "en", [("Ned Varga", "government"), ("Ned Varga", "government")]),
    # "of"/"at": the department after the post names no organisation, the council after "at" does
    ("“Health data must be handled with care,” said Lise Aune, director of digital policy at the Kestrian "
     "Consumer Council.", "en", [("Lise Aune", "civil_society")]),
    # Indonesian: the field after the post ("Consumer") is no consumer; the firm after it types the post
    ("“Kami memblokir layanan itu karena belum berizin,” kata Direktur Consumer PT Kestrel Telekomunikasi Tbk "
     "Dian Pramono.", "id", [("Dian Pramono", "company")]),
    ("“Kami terus memantau konten di platform itu,” ujar juru bicara Kominfo Bayu Setiawan.", "id",
     [("Bayu Setiawan", "government")]),
    # and the pronoun after it ("ujarnya") carries the same type
    ("“Kami memblokir layanan itu karena belum berizin,” kata Direktur Consumer PT Kestrel Telekomunikasi Tbk "
     "Dian Pramono. “Kami ini badan usaha milik negara,” imbuhnya.", "id",
     [("Dian Pramono", "company"), ("Dian Pramono", "company")]),
    # the pronoun carries the type of the person it points back to
    ("“We removed the data from our vendors,” said Bryn Talley, Zorbly's chief security officer. "
     "“It was standard practice,” he added.", "en", [("Bryn Talley", "company"), ("Bryn Talley", "company")]),
])
def test_post_takes_the_type_of_its_organisation(text, lang, want):
    assert _one(text, lang) == want


@pytest.mark.parametrize("role, lang, want", [
    ("Zorbly's chief security officer", "en", "company"),
    ("Quillnet President and CEO", "en", "company"),
    ("Pentagon spokesman", "en", "government"),
    ("US Army Col.", "en", "government"),
    ("director of digital services in the Kestrian Consumer Council", "en", "civil_society"),
    ("Direktur Tindak Pidana Siber Brigjen", "id", "government"),
    ("juru bicara Kominfo", "id", "government"),
    ("Vice President Corporate Communications PT Kestrel Telekomunikasi", "id", "company"),
    # no organisation named: the role noun decides
    ("President", "en", "government"),
    ("Russian President", "en", "government"),
    ("security researcher", "en", "researcher"),
    # another kind of speaker in the role: the general rules decide ("security" is a researcher's field)
    ("security researcher at Zorbly", "en", "researcher"),
    # a former officer no longer speaks for the firm
    ("Zorbly's former head of security", "en", "other"),
])
def test_type_from_role_with_a_post(role, lang, want):
    assert load_book().type_from_role(role, lang) == want


def test_spokesperson_for_a_named_minister_speaks_for_government():
    text = ("Industry Minister Carla Ruiz was invited to testify before the committee.\n"
            "Tom Abel, a spokesperson for Ruiz, said the office “will continue to collaborate with the committee.”")
    assert ("Tom Abel", "government") in _one(text, "en")


def test_acronym_spelled_out_earlier_types_the_body_behind_a_spokesperson():
    text = ("The committee will invite officials from the Kestrian Radio-television and Telecommunications "
            "Commission to testify.\n"
            "A spokesperson for the KRTC said they would respond “in a timely fashion.”")
    # (the spelled-out name is the most specific the article gives: coding rule 6)
    assert _one(text, "en") == [("Kestrian Radio-television and Telecommunications Commission", "government")]


def test_handle_of_a_listed_firm_is_the_firm():
    text = "“Nonton film favoritmu tanpa buffering di jaringan kami,” kicau @XL123 di Twitter."
    assert _one(text, "id") == [("@XL123", "company")]


def test_whistle_blower_apposition_is_other():
    text = ("On Tuesday, Lena Marsh, the Zorbly whistle-blower, spoke to reporters.\n"
            "“Coming forward was the last resort,” Marsh said.")
    assert _one(text, "en") == [("Lena Marsh", "other")]


def test_role_given_to_another_named_person_introduces_no_one_else():
    # "Acme CEO" belongs to Mara Quist, named in the same clause, not to Ivo Brandt below
    text = ("Acme CEO and Zorbly buyer Mara Quist is seizing on a complaint filed by a former engineer.\n"
            "Ivo Brandt said that the board “never asked for the numbers.”")
    assert [t for _, t in _one(text, "en")] != ["company"]


def test_description_with_a_demonstrative_points_back_to_the_person_just_quoted():
    # the organisation types Raka (civil society); "konsultan ... ini" still means him
    text = ("Sebelumnya, Pendiri Yayasan Kestrel Digital, Raka Wibisono mengatakan aturan itu bermasalah.\n"
            "“Pasal ini bisa dipakai untuk membungkam kritik,” kata Raka.\n"
            "“Dasarnya apa?” ujar konsultan keamanan siber ini.")
    got = _one(text, "id")
    assert len(got) == 3 and set(got) == {("Raka Wibisono", "civil_society")}


# --- posts of named organisations, name boundaries, sentence-initial capitals (synthetic) ----

@pytest.mark.parametrize("text, want", [
    # an industry association (asosiasi) is civil society, by its listed acronym or its full name
    ('Wakil Ketua Umum ATSI, Rudi Hartono mengatakan bahwa operator siap.\n'
     '"Kami sudah siap sejak pekan lalu," kata Rudi.', ("Rudi Hartono", "civil_society")),
    # a secretary-general takes the type of the organisation named with the post
    ('"Hanya ponsel ilegal yang diblokir," ujar Sekjen Asosiasi Penyelenggara Telekomunikasi '
     'Seluruh Indonesia (ATSI) Budi Santoso, Kamis.', ("Budi Santoso", "civil_society")),
    ('"Anggaran sudah disetujui," ujar Sekjen DPR Budi Santoso, Kamis.', ("Budi Santoso", "government")),
    # the last word of an institution's name ("Nasional") is no first name, and the state
    # consumer body is government
    ('Wakil Ketua Badan Perlindungan Konsumen Nasional (BPKN) Rina Wulandari menegur bank itu.\n'
     '"Nasabah berhak tahu jadwal perbaikan," kata Rina Wulandari.', ("Rina Wulandari", "government")),
    # a firm's legal form with its full stop inside the title ends no sentence
    ('Komisaris PT Bank Contoh Tbk. (BCT) Ahmad Fauzi akhirnya buka suara.\n'
     '"Sistem sudah normal," kata Ahmad saat dihubungi.', ("Ahmad Fauzi", "company")),
])
def test_posts_in_named_organisations_type_the_speaker(text, want):
    assert _one(text, "id", "direct")[0] == want


def test_a_bank_customer_given_age_town_and_province_is_the_speaker_not_the_province():
    text = ('Vina, 23 tahun, salah satu nasabah BSI di Jombang, Jawa Timur mengatakan layanan '
            'aplikasi tidak bisa dipakai sejak Senin.\n"Transfer juga tidak bisa," ujar Vina.')
    assert set(_one(text, "id")) == {("Vina", "user")}


def test_a_one_word_name_with_an_age_is_a_member_of_the_public():
    text = ('Hal yang sama disampaikan nasabah lainnya. Erlan, 31 tahun, mengaku saldonya tidak bisa '
            'dipakai.\n"Gaji di kantor juga tersendat," kata Erlan.')
    assert _one(text, "id", "direct") == [("Erlan", "user")]


@pytest.mark.parametrize("text, want", [
    # "One of ..." is an apposition before the subject, not a name
    ("One of the largest lenders in the country, BSI in a statement did not confirm the leak, but "
     "said it was “restoring all services step by step after the outage”.", ("BSI", "company")),
    # "with X saying" names the speaker of an absolute clause; "Beyond" only opens the sentence
    ("Beyond that, the inquiry is continuing, with AFP cybercrime Assistant Commissioner Jane Roe "
     "saying officers are “pursuing every line of inquiry without delay”.", ("Jane Roe", "government")),
])
def test_sentence_initial_prepositions_and_numerals_are_not_speakers(text, want):
    assert want in _one(text, "en")
    assert not any(s in ("One", "Beyond") for s, _ in _one(text, "en"))


def test_a_country_owning_a_listed_body_is_not_part_of_its_name():
    book = load_book()
    assert book.parse("Indonesia’s Financial Services Authority", "en").name == "OJK"
    # an unlisted ministry keeps its country: many countries have one
    assert book.parse("India's Ministry of Electronics and IT", "en").name.startswith("India")


def test_printed_spellings_of_a_listed_name_map_to_it():
    book = load_book()
    assert book.lookup("Samuel Pangerapan").name == "Semuel Abrijani Pangerapan"


@pytest.mark.parametrize("phrase, want", [
    # after a title's "of" the capitalised run opens with the unit: the person is its last words
    ("Assistant Commissioner of Cyber Command Jane Roe", ("Jane Roe", "government")),
    ("Director General of Immigration Budi Santoso", ("Budi Santoso", "government")),
    # a listed outlet's own director general still speaks for the outlet
    ("BBC Director General Jane Roe", ("Jane Roe", "media")),
])
def test_a_unit_named_after_a_titles_of_is_not_part_of_the_name(phrase, want):
    sp = load_book().parse(phrase, "en")
    assert (sp.name, sp.type) == want


def test_the_company_is_the_subject_after_a_time_adverbial_not_a_firm_named_as_an_object():
    # (synthetic; both firms are listed)
    text = ("On Monday, Telstra announced that it will offer customers a year of its "
            "Equifax Protect monitoring service.\n"
            "“Customers most affected will hear from us directly over the coming days,” the company said.")
    assert _one(text, "en", "direct") == [("Telstra", "company")]


# --- session 4: the subject of "told <outlet>" speaks; bare-name organisations (synthetic) ---

@pytest.mark.parametrize("text, lang, want", [
    ("“The footage was shared widely,” a former employee told Reuters.", "en", ("former employee", "other")),
    ("“The footage was shared widely,” said one former employee.", "en", ("former employee", "other")),
    ("Seven former employees told Reuters the program could show where owners lived.", "en",
     ("seven former employees", "other")),
    ("“Data itu aman,” kata seorang mantan karyawan kepada Antara.", "id", ("mantan karyawan", "other")),
])
def test_the_subject_of_told_an_outlet_speaks_not_the_outlet(text, lang, want):
    got = [(q["speaker"], q["speaker_type"]) for q in extract_quotes(text, lang)]
    assert got == [want]


@pytest.mark.parametrize("text, lang, want", [
    ("Staff shared clips of drivers, according to interviews by Reuters with nine former employees.", "en",
     "nine former employees"),
    ("Data pelanggan bocor sejak 2020, menurut wawancara Tempo dengan dua mantan karyawan.", "id",
     "dua mantan karyawan"),
])
def test_according_to_interviews_with_people_gives_the_interviewed(text, lang, want):
    assert [q["speaker"] for q in extract_quotes(text, lang)] == [want]


@pytest.mark.parametrize("text", [
    # a possessive of what a firm has
    "Zentrix's customers were told to change passwords.\n“We are investigating an incident,” Zentrix said.",
    # a post that speaks for it
    "“We are investigating an incident,” Zentrix said. A Zentrix spokesperson gave no figure.",
    # a legal form after the name elsewhere
    "Zentrix Technologies makes laptops.\n“We are investigating an incident,” Zentrix said.",
])
def test_an_unlisted_name_the_article_uses_as_an_organisation_is_a_company(text):
    assert [(q["speaker"], q["speaker_type"]) for q in extract_quotes(text, "en")] == [("Zentrix", "company")]


def test_a_person_with_a_possessive_is_still_a_member_of_the_public():
    # (synthetic) "Roe's" belongs to a person the article writes with "she": rule 6a still applies
    text = "“It hurts,” Jane Roe said. She said Roe's account was emptied."
    assert [(q["speaker"], q["speaker_type"]) for q in extract_quotes(text, "en")][0] == ("Jane Roe", "user")


def test_an_unlisted_name_after_a_firms_description_is_a_company():
    # (synthetic) "delivery service Zentrix" describes a firm; its bare name then speaks for it
    text = ("The country's largest parcel delivery service Zentrix halted exports.\n"
            "“We are sorry for the disruption,” Zentrix said in a service update.")
    assert [(q["speaker"], q["speaker_type"]) for q in extract_quotes(text, "en")] == [("Zentrix", "company")]


# --- session 5: police ranks, member bodies, national arms, subsidiaries, framing phrases (synthetic) ---

@pytest.mark.parametrize("text, want", [
    # a police rank before the name: the rank is no part of the name, and "Chief" is no firm's chief
    ("“This was a clerical error,” Assistant Chief Constable Mark Bellamy said.", ("Mark Bellamy", "government")),
    ("“This was a clerical error,” county assistant chief constable Jo Marsh said.", ("Jo Marsh", "government")),
    # the abbreviation of the rank, later in the article
    ("Assistant Chief Constable Mark Bellamy spoke first.\nACC Bellamy added: “We are calling every officer.”",
     ("Mark Bellamy", "government")),
])
def test_police_ranks_are_government_and_not_part_of_the_name(text, want):
    assert [(q["speaker"], q["speaker_type"]) for q in extract_quotes(text, "en")][-1] == want


@pytest.mark.parametrize("role, want", [
    ("chair of the Police Federation for Wessex", "civil_society"),   # a staff body, not the police
    ("Ketua Serikat Pekerja Telkom", "civil_society"),                # a union, not the firm
    ("spokesperson for Wessex Police", "government"),                 # the police itself
])
def test_member_bodies_are_civil_society_before_the_service_they_are_named_after(role, want):
    assert load_book().type_from_role(role, "en") == want


def test_an_unclosed_english_apposition_gives_the_name_before_the_comma():
    # (synthetic) no comma closes the role before "said": the person before the comma speaks
    text = "Dana Whitcombe, chair of the Police Federation for Wessex (PFW) said members were “shocked and angry”."
    got = {(q["speaker"], q["speaker_type"]) for q in extract_quotes(text, "en")}
    assert got == {("Dana Whitcombe", "civil_society")}


def test_a_title_case_post_in_apposition_is_no_name():
    # (synthetic) "Senior Information Risk Owner" is the officer's post, not a person called "Risk Owner"
    text = ("Wessex Police's Assistant Chief Constable Mark Bellamy, Senior Information Risk Owner, said on "
            "Wednesday that the inquiry into the data breach is ongoing.")
    assert [(q["speaker"], q["speaker_type"]) for q in extract_quotes(text, "en")] == [("Mark Bellamy", "government")]


def test_a_national_arm_ending_in_a_country_word_is_a_name():
    # (synthetic) "India" is a title word, but "Air Kestria India" / "Air India" are firms' names
    book = load_book()
    assert book.split_role_name("Air India")[1] == "Air India"
    assert book.split_role_name("Direktur Xiaomi Indonesia")[1] == "Xiaomi"
    text = "Air Kestria said it is in touch with regulators in several countries."
    assert {(q["speaker"], q["speaker_type"]) for q in extract_quotes(text, "en")} == {("Air Kestria", "company")}


def test_a_lawyer_at_a_named_ngo_is_civil_society():
    # (synthetic) a role noun typed "other" (lawyer) held at a listed NGO speaks for the NGO
    text = "“You cannot publish false claims,” said Jonas Berg, a data protection lawyer at Noyb."
    assert [(q["speaker"], q["speaker_type"]) for q in extract_quotes(text, "en")] == [("Jonas Berg", "civil_society")]


@pytest.mark.parametrize("text, lang", [
    ("Instagram, milik Meta, melaporkan kebocoran.\nPerusahaan milik Meta itu mengatakan, akses ke database "
     "telah diblokir sepenuhnya.", "id"),
    ("Instagram disclosed a breach on Friday.\nThe Meta-owned company said that access to the database had been blocked.",
     "en"),
])
def test_a_description_naming_the_owner_refers_to_the_subsidiary(text, lang):
    # (synthetic; both firms listed) "the company owned by X" is the firm the article is about, never X
    got = [q["speaker"] for q in extract_quotes(text, lang) if "database" in q["quote"]]
    assert got == ["Instagram"]


def test_a_framing_phrase_before_the_subject_is_no_role():
    # (synthetic) "Dalam email kepada pelanggan," frames the statement; "pelanggan" does not make a user
    text = ("Zentra melaporkan kebocoran data.\nDalam email kepada pelanggan, Zentra mengatakan, menemukan "
            "pelanggaran pertama kali pada Kamis.")
    got = [(q["speaker"], q["speaker_type"]) for q in extract_quotes(text, "id") if "Kamis" in q["quote"]]
    assert got == [("Zentra", "company")]


def test_a_spokesperson_of_a_ministry_is_government_when_quoted_by_a_short_name():
    # (synthetic) the ministry in the introduction types the person, not the generic "juru bicara"
    text = ("Sementara itu, juru bicara Kemenkes Rina Kusumawati mengatakan pihaknya sedang menelusuri kejadian itu.\n"
            "\"Peristiwa ini masih ditelusuri,\" kata Rina.")
    got = {(q["speaker"], q["speaker_type"]) for q in extract_quotes(text, "id")}
    assert got == {("Rina Kusumawati", "government")}


def test_an_indonesian_title_abbreviation_does_not_end_the_introduction():
    # (synthetic) "dr." before the name is a title, the office before it types the person
    text = ("Hal ini mengundang reaksi Kepala Dinas Kesehatan Provinsi Bali, dr. Made Wirawan saat dikonfirmasi. "
            "Wirawan mengaku tidak pernah mengirim data pasien ke pihak mana pun.")
    got = [(q["speaker"], q["speaker_type"]) for q in extract_quotes(text, "id")]
    assert got and all(t == "government" for _, t in got)


@pytest.mark.parametrize("role, want", [
    ("seorang hacker", "other"),
    ("the threat actor", "other"),
    ("white-hat hacker", "researcher"),
    ("industry official", "company"),
    ("51-year-old office worker", "user"),
])
def test_bare_attackers_insiders_and_people_in_the_street(role, want):
    assert load_book().type_from_role(role, "en") == want


def test_a_name_after_against_is_no_holder_of_the_role_before_it():
    # (synthetic) "a complaint against Instagram" does not make the firm a complaint (type other)
    text = ("Privacy group Noyb filed a complaint against Instagram on Monday.\n"
            "Instagram responded that it continues to research ways to improve accuracy.")
    got = [(q["speaker"], q["speaker_type"]) for q in extract_quotes(text, "en") if q["speaker"] == "Instagram"]
    assert got == [("Instagram", "company")]


@pytest.mark.parametrize("text, want", [
    # an age in apposition names no one
    ("Jane Park, 66, said, “It is the firm's fault, but we wait for hours.”", "Jane Park"),
    # a place before an office title, then the person
    ("Northern Kestria Secretary Alan Fairbrook-Hayes said: “I am deeply concerned by the breach.”", "Alan Fairbrook-Hayes"),
    # a platform that speaks ("Twitter said"), not a noun modifier ("Twitter posts")
    ("The accounts were hacked. Twitter said, \"We are aware of a security incident.\"", "Twitter"),
    # a list bullet before the subject
    ("Accounts were hacked.\n  • Zentrix Corp said in a statement, \"We are aware of a security incident.\"", "Zentrix Corp"),
    # the owner of a medium speaks through it
    ("“We are sorry for the delay,” Zentrix Corp's statement said.", "Zentrix Corp"),
    # a title word before the name is no part of it
    ("“We handle data with care,” Dutch DPA Chairperson Anna Visser said in a statement.", "Anna Visser"),
])
def test_direct_quotes_keep_their_named_speaker(text, want):
    got = [q["speaker"] for q in extract_quotes(text, "en") if q["kind"] == "direct"]
    assert got == [want]


def test_the_tweet_added_continues_the_last_speaker():
    text = ("“I am feeling generous today,” Zentrix Corp's tweet read.\n"
            "“Send one coin and get two back,” the tweet added, along with a link.")
    assert [q["speaker"] for q in extract_quotes(text, "en")] == ["Zentrix Corp", "Zentrix Corp"]


def test_an_industry_official_is_coded_by_the_description_as_company():
    text = "Shops ran out of cards. “Demand simply overwhelmed the system,” an industry official said."
    assert [(q["speaker"], q["speaker_type"]) for q in extract_quotes(text, "en")] == [("industry official", "company")]


@pytest.mark.parametrize("phrase, want", [
    ("Kepala Dinas Komunikasi Provinsi Bali Made Wirawan", ("Kepala Dinas Komunikasi Provinsi Bali", "Made Wirawan")),
    ("Gubernur Jawa Barat Rina Kusuma", ("Gubernur Jawa Barat", "Rina Kusuma")),
])
def test_a_region_after_an_office_closes_the_office_not_opens_the_name(phrase, want):
    assert load_book().split_role_name(phrase)[:2] == want


@pytest.mark.parametrize("text, want", [
    # a label glued to the line
    ("Database itu dijual.\nSaran: Pratama Wijaya berkata pemerintah harus bertindak serius terkait kebocoran itu.",
     "Pratama Wijaya"),
    # "Menurut" left before a title and a name whose own verb follows
    ("Menurut Kasudit I pada Direktorat Siber Bareskrim Polri Kombes Budi Hartono mengungkapkan bahwa tersangka "
     "telah mengambil data aktivis media sosial.", "Budi Hartono"),
])
def test_labels_and_a_stray_menurut_are_no_part_of_the_name(text, want):
    assert [q["speaker"] for q in extract_quotes(text, "id")] == [want]


def test_a_national_security_adviser_is_government():
    assert load_book().type_from_role("US National Security Adviser", "en") == "government"


def test_a_first_name_that_is_also_a_word_of_an_agency_is_a_name():
    # (synthetic) "Sandi" (as in Badan Siber dan Sandi Negara) is also a personal name
    text = ("Kadiv Humas Polri Irjen Sandi Wirawan menyebut Polri akan melakukan mitigasi terkait hal tersebut.\n"
            "\"Nanti kita cek kembali,\" kata Sandi kepada wartawan.")
    got = [(q["speaker"], q["speaker_type"], q["kind"]) for q in extract_quotes(text, "id")]
    assert got == [("Sandi Wirawan", "government", "indirect"), ("Sandi Wirawan", "government", "direct")]


def test_a_lone_indonesian_name_before_the_verb_and_the_holder_of_a_named_account():
    # (synthetic) one capitalised word right before "menyatakan" is a name; the account
    # "@rinakusuma88" named just before makes her a user
    text = ("Ada juga yang membela operator itu seperti akun @rinakusuma88. Rina menyatakan, “Memang mahal, "
            "tapi sinyalnya bagus.”")
    assert [(q["speaker"], q["speaker_type"]) for q in extract_quotes(text, "id")] == [("Rina", "user")]
    # a word with a verb or function-word prefix stays no name
    assert extract_quotes("Sepekan menyatakan, “Memang mahal, tapi sinyalnya bagus sekali.”", "id") == []


def test_begitu_with_a_message_noun_closes_a_direct_quote():
    # (synthetic) "“…,” begitu salah satu isi protes itu": a direct quote, cue begitu
    text = ("Situs itu diretas. Deskripsinya berisi umpatan. \"Jangan mahal-mahal jadi operator,\" begitu salah satu "
            "isi protes itu, Jumat pagi.")
    got = [(q["kind"], q["cue"]) for q in extract_quotes(text, "id")]
    assert got == [("direct", "begitu")]



def test_a_lower_camel_case_alias_is_a_name_and_an_alias_is_an_attacker():
    # (synthetic) "claims zorBit": the alias is the speaker; "known by the alias" types it other
    text = ("On the forum, the chatbot creator, known by the alias ‘zorBit,’ offered the files.\n"
            "“This leak is sponsored by the insurer, who sold this data to me directly,” claims zorBit.")
    assert [(q["speaker"], q["speaker_type"]) for q in extract_quotes(text, "en")] == [("zorBit", "other")]


def test_a_listed_firm_written_as_its_web_address_is_the_company_of_perusahaan():
    # (synthetic; Cermati is listed) "tulis perusahaan" points back to the firm named as "Cermati.com"
    text = ("Cermati.com mengirimkan e-mail kepada para penggunanya. Lewat e-mail itu, perusahaan menjelaskan kondisinya.\n"
            "\"Kami mendeteksi adanya akses tidak sah ke platform kami,\" tulis perusahaan dalam e-mail-nya.")
    got = [(q["speaker"], q["speaker_type"]) for q in extract_quotes(text, "id") if q["kind"] == "direct"]
    assert got == [("Cermati", "company")]


def test_an_unlisted_firm_after_against_is_not_typed_by_the_complaint():
    # (synthetic) "a complaint against ZentraAI" gives ZentraAI no role "complaint" (type other)
    text = ("Privacy group Noyb filed a complaint against ZentraAI on Monday.\n"
            "ZentraAI responded that it continues to research ways to improve accuracy.")
    got = [(q["speaker"], q["speaker_type"]) for q in extract_quotes(text, "en") if "accuracy" in q["quote"]]
    assert got == [("ZentraAI", "company")]


@pytest.mark.parametrize("opening", ["Tech giant Zentrix", "Computing giant Zentrix", "Popular computer maker Zentrix"])
def test_a_firm_introduced_by_its_description_is_the_company_that_speaks_later(opening):
    # (synthetic) the one-word name after a firm's description is an organisation, and "the
    # company"/"the computer giant" point back to it (not to the description's first word)
    text = (f"{opening} is notifying customers after a data breach.\n"
            "“We are investigating an incident involving a portal,” the company said in a statement.")
    assert [(q["speaker"], q["speaker_type"]) for q in extract_quotes(text, "en")] == [("Zentrix", "company")]


def test_a_long_title_ending_in_a_persons_name_gives_the_person():
    # (synthetic) an eleven-word subject: the office (a member body, in a UK nation) and the name
    text = ("The Chair of the Police Federation for Northern Ireland Dana Whitcombe said that the breach could "
            "do “incalculable damage” to officers.")
    got = {(q["speaker"], q["speaker_type"]) for q in extract_quotes(text, "en")}
    assert got == {("Dana Whitcombe", "civil_society")}


# --- session 5, second round (general causes of the set 29/30 errors) ---

@pytest.mark.parametrize("role, typ", [
    ("founder of Zentra Security", "researcher"),         # a firm named for security work (name form)
    ("CEO of CyberZentra", "researcher"),
    ("CTO at Zentra Threat Intelligence", "researcher"),
    ("Founder and CEO of CYFIRMA", "researcher"),          # listed threat-intelligence firm (alias)
    ("CTO of Wiz", "researcher"),
    ("founder of Security Brigade", "researcher"),         # a listed name that holds a field word
    ("chief executive of Zentra", "company"),              # an unknown firm stays a company
    ("head of security at Zentra", "company"),             # a department is no security firm
])
def test_security_firms_executives_speak_as_researchers(role, typ):
    assert load_book().employer_type(role, "en") == typ


@pytest.mark.parametrize("role", ["director of national intelligence", "Director of National Intelligence",
                                  "the country's director of national intelligence"])
def test_an_executive_post_in_a_state_office_is_government(role):
    # "director" alone would read as a firm's executive; the intelligence office is the state
    assert load_book().type_from_role(role, "en") == "government"


def test_a_blockchain_security_firm_in_apposition_is_a_researcher():
    # (synthetic; SlowMist and Chainalysis are listed blockchain-security firms)
    text = ("Perusahaan blockchain, SlowMist, mengungkap bahwa sistem lain seperti mesin tanda tangan menjadi sasaran.\n"
            "Menurut Chainalysis, dana yang dicuri sudah dipindahkan ke beberapa alamat lain.")
    got = {(q["speaker"], q["speaker_type"]) for q in extract_quotes(text, "id")}
    assert got == {("SlowMist", "researcher"), ("Chainalysis", "researcher")}


@pytest.mark.parametrize("text, lang, want", [
    ("Laporan UNICEF juga menyebutkan bahwa sebagian besar anak mengakses internet setiap hari.", "id",
     ("UNICEF", "civil_society")),   # a UN agency's report: the agency speaks (coded civil society)
    ("A Chainalysis report said that the stolen funds were moved within hours.", "en",
     ("Chainalysis", "researcher")),
])
def test_a_document_named_with_its_author_gives_the_author(text, lang, want):
    assert [(q["speaker"], q["speaker_type"]) for q in extract_quotes(text, lang)] == [want]


def test_the_eu_and_the_national_cybersecurity_alliance_are_typed():
    # (synthetic) the EU is a public body; a named non-profit alliance is civil society
    text = ("These restrictions, the EU said, distorted fair access to the digital market.\n"
            "\"Everyone should freeze their credit,\" said Dana Whitcombe, director of engagement at "
            "the National Cybersecurity Alliance, a nonprofit.")
    got = {(q["speaker"], q["speaker_type"]) for q in extract_quotes(text, "en")}
    assert got == {("European Union", "government"), ("Dana Whitcombe", "civil_society")}


def test_a_user_of_a_listed_firm_is_a_user_and_a_district_is_no_name():
    # (synthetic; Tokopedia is listed) "salah satu pengguna Tokopedia" speaks, not Tokopedia, and
    # "Jakarta Barat" after a neighbourhood locates the speaker
    text = ("Layanan kembali normal pada Senin.\n\n"
            "Salah satu pengguna Tokopedia, yang memilih untuk tetap anonim, mengungkapkan kesulitannya dalam "
            "melakukan penarikan. “Saya sudah mencoba berkali-kali, tapi belum berhasil,” ujarnya.\n\n"
            "Budiman, seorang pengguna Tokopedia dari Meruya, Jakarta Barat, menyatakan bahwa ia berhasil menarik "
            "dana tanpa hambatan berarti.")
    got = [(q["speaker"], q["speaker_type"]) for q in extract_quotes(text, "id")]
    assert got == [("pengguna Tokopedia", "user"), ("pengguna Tokopedia", "user"), ("Budiman", "user")]


def test_plural_users_opening_an_article_are_no_antecedent_of_the_spokesperson():
    # (synthetic; Meta and WhatsApp are listed) "Pengguna WhatsApp ramai mengeluh" is users at large
    text = ("Pengguna WhatsApp di Indonesia ramai mengeluh karena pesan tidak terkirim.\n"
            "Juru bicara Meta pada Selasa mengakui adanya gangguan.\n"
            "\"Kami sedang bekerja untuk memulihkan layanan secepat mungkin,\" kata juru bicara itu.")
    got = [q["speaker_type"] for q in extract_quotes(text, "id") if "memulihkan" in q["quote"]]
    assert got == ["company"]


@pytest.mark.parametrize("subject", ["An X post with millions of views", "The viral post"])
def test_a_social_media_post_is_a_user(subject):
    # (synthetic) an unnamed poster is a member of the public, not an outlet ("post" is no newspaper)
    text = f"{subject} claimed that the personal information of nearly every resident was stolen."
    got = [q["speaker_type"] for q in extract_quotes(text, "en")]
    assert got == ["user"]


def test_a_hacker_group_named_by_its_brand_is_other():
    # (synthetic) a one-word name the article calls a criminal group is an attacker, not a firm
    text = ("A gang of cyber criminals claimed to be behind the attacks on retailers. The group, called "
            "Zentrafire, said it was responsible.\n\n"
            "Retailers are on alert, as Zentrafire said it was poised to launch more attacks next week.")
    got = {(q["speaker"], q["speaker_type"]) for q in extract_quotes(text, "en")}
    assert got == {("Zentrafire", "other")}


def test_a_senators_abbreviated_title_ends_no_sentence():
    # (synthetic) "Sen." before the name: the title types the speaker (government)
    text = ("During a Senate hearing, Sen. Jane Roe described the breach as the “largest telecommunications "
            "hack in our history.”")
    got = [(q["speaker"], q["speaker_type"]) for q in extract_quotes(text, "en")]
    assert got == [("Jane Roe", "government")]


def test_a_bare_name_reporting_what_a_state_body_will_do_speaks_for_the_state():
    # (synthetic) a continuation page names the official by one name only: the quotes tell what
    # OJK does and will do, so the speaker speaks for the state, not for a firm
    text = ("“Sampai saat ini OJK belum menerima pengembalian izin dari Zentrapay. Selama belum ada pemenuhan, "
            "maka OJK akan menerapkan sanksi lanjutan,” kata Hartono.\n\n"
            "Zentrapay tidak memberi komentar.")
    got = {(q["speaker"], q["speaker_type"]) for q in extract_quotes(text, "id")}
    assert got == {("Hartono", "government")}


def test_a_bare_name_criticising_a_firm_is_not_made_an_official():
    # (synthetic) the quotes name a firm: no state body speaks through the speaker
    text = ("“Zentrapay harus mengembalikan dana pengguna. Zentrapay akan kami laporkan ke OJK,” kata Hartono.")
    got = [q["speaker_type"] for q in extract_quotes(text, "id")]
    assert got and "government" not in got


def test_a_sentence_adverb_before_the_subject_is_no_speaker():
    # (synthetic; Verizon is listed) "Similarly," opens the clause; the firm after it speaks
    text = ("Zentel said it had contained the intrusion. Similarly, Verizon, based in New York City, disclosed that "
            "the hackers had targeted “a small number of high-profile customers,” but the incident was contained.")
    got = [(q["speaker"], q["speaker_type"]) for q in extract_quotes(text, "en") if "high-profile" in q["quote"]]
    assert got == [("Verizon", "company")]


def test_a_retailers_short_form_is_the_retailer():
    # (synthetic) "M&S" is the listed short form of Marks & Spencer
    text = "M&S said that some customer information was accessed during the breach in April."
    assert [(q["speaker"], q["speaker_type"]) for q in extract_quotes(text, "en")] == [("Marks & Spencer", "company")]


def test_a_police_spokesperson_with_rank_in_apposition_is_the_person():
    # (synthetic) "Polda Metro Jaya" is a regional police command (listed), not a person "Jaya";
    # the ranked name in apposition speaks ("Polisi" belongs to the rank, not to the name)
    text = ("Kabid Humas Polda Metro Jaya, Kombes Polisi Budi Hartawan, menyatakan bahwa laporan tersebut "
            "diterima pada Jumat pekan lalu.")
    got = [(q["speaker"], q["speaker_type"]) for q in extract_quotes(text, "id")]
    assert got == [("Budi Hartawan", "government")]


def test_a_post_with_a_compound_field_keeps_its_employer():
    # (synthetic) "of information security and engagement" is the post's field; the employer after
    # "at" (a listed non-profit alliance) types the speaker
    text = ("It is likely “that everyone with an account was affected,” said Dana Whitcombe, director of "
            "information security and engagement at The National Cybersecurity Alliance, a nonprofit.")
    got = [(q["speaker"], q["speaker_type"]) for q in extract_quotes(text, "en")]
    assert got == [("Dana Whitcombe", "civil_society")]


@pytest.mark.parametrize("text, speaker", [
    # a firm named only in apposition after its description is what "the company" points back to
    ("One of Kestria's largest credit bureaus, Zentrabureau, has been hacked.\n"
     "“We have received an extortion demand and it will not be paid,” the company said.", "Zentrabureau"),
    ("The country's second airline, Skyvora, grounded its app.\n"
     "“Customer data is safe,” the company said.", "Skyvora"),
])
def test_a_firm_in_apposition_after_its_description_is_the_company(text, speaker):
    recs = extract_quotes(text, "en")
    assert [(r["speaker"], r["speaker_type"]) for r in recs if r["kind"] == "direct"] == [(speaker, "company")]


@pytest.mark.parametrize("text, lang", [
    # (synthetic) an unlisted name whose only part in the article is to report the news is an outlet
    ("Hackers breached the Zentrabank systems last week.\nZentraWire reported that the attackers demanded "
     "a ransom of two million dollars.", "en"),
    ("Peretas membobol sistem Bank Zentra pekan lalu.\nZentrawarta memberitakan bahwa data dua juta nasabah "
     "telah bocor ke forum gelap.", "id"),
    ("The Zentra Daily reported that the attackers demanded a ransom of two million dollars.", "en"),
])
def test_an_unlisted_name_that_only_reports_the_news_is_an_outlet(text, lang):
    recs = extract_quotes(text, lang)
    assert [r["speaker_type"] for r in recs] == ["media"]


def test_a_firm_that_reports_on_its_own_affairs_is_no_outlet():
    # (synthetic) "its" in the reported clause: the firm speaks about itself
    recs = extract_quotes("ZentraTel reported that its revenue fell by ten percent in the third quarter.", "en")
    assert [r["speaker_type"] for r in recs] == ["company"]


@pytest.mark.parametrize("text, lang, speaker, typ", [
    # (synthetic sentences) state bodies of the general lexicon (organisations.yml) and their
    # long forms: regulators, a national health insurer, a state medical institute, a CERT
    ("PhilHealth said it was restoring its systems after the attack.", "en", "PhilHealth", "government"),
    ("The Philippine Health Insurance Corp. said that member data were not compromised.", "en", "PhilHealth", "government"),
    ("The All India Institute of Medical Sciences said that its servers were being restored.", "en", "AIIMS", "government"),
    ("TRAI said that operators must block the numbers within a week.", "en", "TRAI", "government"),
    ("The Financial Conduct Authority said that firms must report the incident.", "en", "Financial Conduct Authority", "government"),
    ("CERT-UA said that the malware spread through phishing e-mails.", "en", "CERT-UA", "government"),
    ("The UK’s National Crime Agency said it is “mindful they may be linked.”", "en", "National Crime Agency", "government"),
])
def test_state_bodies_of_many_countries_are_government(text, lang, speaker, typ):
    assert {(r["speaker"], r["speaker_type"]) for r in extract_quotes(text, lang)} == {(speaker, typ)}


@pytest.mark.parametrize("text", [
    # (synthetic names) a state insurer or fund by its public-service noun, whatever its legal form
    "The Kestrian Health Insurance Corporation said that member records were not affected by the attack.",
    "The Kestrian Social Security Agency said that member records were not affected by the attack.",
])
def test_a_state_insurer_by_its_public_service_noun_is_government(text):
    assert [r["speaker_type"] for r in extract_quotes(text, "en")] == ["government"]


def test_a_description_that_repeats_a_body_name_points_back_to_that_body():
    # (synthetic) "the interior ministry" is the Interior Ministry, not the listed regulator named since
    text = ("The Interior Ministry said the site was blocked on security grounds.\nBoth the government and "
            "the Financial Conduct Authority had refused to comment.\nThe interior ministry suggested "
            "intelligence agencies were behind the order.")
    assert [r["speaker"] for r in extract_quotes(text, "en")] == ["Interior Ministry", "Interior Ministry"]


@pytest.mark.parametrize("text, lang, outlet", [
    # (synthetic) outlets of the broadened media list are speakers of type media and cited outlets
    ("ITWeb reported that the attackers demanded a ransom of two million dollars.", "en", "ITWeb"),
    ("MyBroadband reported that the leaked data may include contact details of clients.", "en", "MyBroadband"),
    ("Metrópoles reported that the platform's bank accounts had been frozen by the court.", "en", "Metrópoles"),
])
def test_outlets_of_the_broadened_media_list_speak_as_media(text, lang, outlet):
    from coverage.citations import cited_media
    assert [(r["speaker"], r["speaker_type"]) for r in extract_quotes(text, lang)] == [(outlet, "media")]
    assert cited_media(text, lang) == [outlet]


def test_a_former_member_described_with_a_demonstrative_is_the_person_just_quoted():
    # (synthetic) "mantan Anggota BRTI ini" points back to the analyst, not to the listed regulator
    text = ("Direktur Eksekutif Zentra Institute Budi Hartawan mengatakan bahwa masalah ini harus disikapi "
            "dengan serius.\n\"Regulator harus segera memberi penjelasan kepada publik soal kebocoran ini,\" "
            "kata mantan Anggota BRTI ini.")
    assert {(r["speaker"], r["speaker_type"]) for r in extract_quotes(text, "id")} == {("Budi Hartawan", "researcher")}


@pytest.mark.parametrize("text, typ", [
    # (synthetic) a brand written in capitals with a domain ending is the firm; a lower-case web
    # address is an outlet
    ("ZB.ID mengumumkan akan menghentikan layanannya.\n\"Layanan purna jual dan dukungan akan tetap "
     "tersedia bagi pelanggan,\" tulis ZB.ID dalam keterangannya.", "company"),
    ("\"Data pelanggan telah bocor ke forum gelap sejak pekan lalu,\" tulis Zentraberita.com dalam laporannya.", "media"),
])
def test_a_brand_in_capitals_with_a_domain_ending_is_a_firm(text, typ):
    assert [r["speaker_type"] for r in extract_quotes(text, "id")] == [typ]


def test_a_post_given_in_a_copular_relative_clause_types_the_person():
    # (synthetic) "yang saat ini menjadi Presiden Direktur Kestrel": the post the clause names
    text = ("Kendati Zentra dan Kestrel sudah mengumumkan merger, pemimpinnya belum terungkap. Kalau-kalau "
            "Merza Putra yang saat ini menjadi Presiden Direktur Kestrel, ia menolak berandai-andai.\n"
            "\"Jangan berandai-andai,\" kata Merza.")
    assert {(r["speaker"], r["speaker_type"]) for r in extract_quotes(text, "id")} == {("Merza Putra", "company")}


@pytest.mark.parametrize("text, lang, speaker", [
    # (synthetic) a person named in full with no role noun, as the subject of the narrative: the
    # antecedent of "he" (not the outlet cited in the same sentence), and the full form of "Venn"
    ("According to the Daily Planet, Arlo Venn has filed a complaint with the regulator.\n"
     "Venn says the answer harmed his family.\n\"Nobody should read that about themselves,\" he said.",
     "en", "Arlo Venn"),
    # (synthetic) an unlisted one-word firm opening the sentence: the antecedent of "it"
    ("Zentrion believes the leaked records come from an old incident.\n\"We believe the records relate "
     "to a 2017 incident,\" it told the Daily Planet on Saturday.", "en", "Zentrion"),
])
def test_a_named_subject_without_role_is_an_antecedent(text, lang, speaker):
    recs = [r for r in extract_quotes(text, lang) if not r["quote"].startswith("Arlo Venn has")]
    assert recs and {r["speaker"] for r in recs} == {speaker}


def test_it_points_to_an_organisation_never_to_a_person():
    # (synthetic) "it added": the public insurer, not its spokesman quoted before
    text = ("The Kestria Health Insurance Corporation said the attack hit its servers. Kestria Health senior "
            "vice president and spokesman Noel Ardana said employee ID cards had leaked.\n\"Our members' "
            "records were not affected,\" it added in a statement.")
    recs = [r for r in extract_quotes(text, "en") if r["quote"].startswith("Our members")]
    assert [r["speaker"] for r in recs] == ["Kestria Health Insurance Corporation"]


def test_he_never_points_to_an_outlet():
    # (synthetic) the only speaker so far is an outlet; "he" is the person the narrative names
    text = ("According to the Daily Planet, the breach began in May.\nNoel Ardana was among the customers "
            "affected.\n\"I found out from a stranger,\" he said.")
    recs = [r for r in extract_quotes(text, "en") if r["quote"].startswith("I found")]
    assert [r["speaker"] for r in recs] == ["Noel Ardana"]


def test_a_description_types_an_unlisted_body_throughout():
    # (synthetic) "The agency warned" tells what the NCCX is: every quote of it is the state's
    text = ("In a statement, the NCCX said that the attacks mainly disrupted banks and schools. The agency "
            "warned universities to be on the lookout for service attacks.\n\"We recommend that all "
            "institutions patch their servers,\" the NCCX said.")
    recs = extract_quotes(text, "en")
    assert len(recs) >= 2 and {r["speaker_type"] for r in recs} == {"government"}


@pytest.mark.parametrize("text, lang, speaker, typ", [
    # (synthetic) posts and bodies the lexicons name by class
    ("\"We are addressing the attack,\" ICT Cabinet Secretary Elias Omondo said.", "en", "Elias Omondo", "government"),
    ("\"Some data has been leaked,\" the Kestrian National Library said in a statement.", "en",
     "Kestrian National Library", "government"),
    ("\"Izin itu bisa dicabut,\" kata Direktur Center of Digital and Law Studies (Cedils) Bima Yudha.", "id",
     "Bima Yudha", "researcher"),
    ("\"Pelaku usaha kecil akan dirugikan,\" kata Ivan Matulu, Wakil Ketua Kadin Sulawesi Utara.", "id",
     "Ivan Matulu", "civil_society"),
    # the portfolio after the body is no kind of speaker: a member of KPAI, not a victim
    ("\"Kami mendukung pemblokiran itu,\" kata Anggota KPAI pengampu kluster anak korban kekerasan, "
     "Dina Puspita.", "id", "Dina Puspita", "government"),
])
def test_posts_and_bodies_named_by_class(text, lang, speaker, typ):
    r = only(text, lang, "direct")
    assert (r["speaker"], r["speaker_type"]) == (speaker, typ)


def test_the_one_spoken_to_is_no_speaker():
    # (synthetic) "ungkapnya kepada wartawan X": the reporter only listened
    text = ("\"Saya pinjam dari beberapa aplikasi dan tidak semua ingat,\" ungkapnya kepada wartawan Rudi "
            "Hartono yang melaporkan untuk Kabar Kestria.")
    assert [r["speaker"] for r in extract_quotes(text, "id")] != ["Rudi Hartono"]


@pytest.mark.parametrize("text, speaker", [
    # (synthetic) one unlisted word opening a sentence is a firm when a firm's act or a singular
    # verb follows, through a relative clause; a plural common noun is not
    ("Malfunctions caused delivery failures. Zentrakao, which has 50 million users, announced that it "
     "started restoring the service.\nThe company stated that it would compensate users.", "Zentrakao"),
])
def test_an_unlisted_firm_opening_a_sentence(text, speaker):
    recs = [r for r in extract_quotes(text, "en") if r["quote"].startswith("it would")]
    assert [r["speaker"] for r in recs] == [speaker]


@pytest.mark.parametrize("text, lang, speaker, typ", [
    # (synthetic) "PM" is a post in capitals only; the owner in "Lee Wen Hao’s data" is Lee Wen Hao
    ("Hackers targeted Prime Minister Lee Wen Hao’s personal particulars.\nPM Lee said, “I don’t know what "
     "the attackers were hoping to find.”", "en", "Lee Wen Hao", "government"),
    # a person named in a subordinate clause with a copular relative clause: the antecedent of -nya
    ("Meski Zentra dan Kestrel sudah mengumumkan merger, belum terungkap siapa pemimpinnya. Jika Marsa "
     "Fahri yang saat ini menjabat CEO Kestrel diundang memimpin, apa pendapatnya?\n“Jangan berasumsi "
     "apa-apa,” ujarnya sambil tertawa.\nMarsa mengaku belum tahu komposisi direksi.", "id", "Marsa Fahri", "company"),
    # a long post with its organisation's full name still introduces the subject of the sentence
    ("Pakar keamanan siber Communication & Information System Security Research Center (CISSREC) Pratama "
     "Persadha menjelaskan penyebabnya.\nMenurutnya, data tersebut lebih banyak dari jumlah penduduk karena "
     "data orang yang meninggal tidak dihapus.", "id", "Pratama Persadha", "researcher"),
])
def test_speakers_introduced_in_longer_or_subordinate_phrases(text, lang, speaker, typ):
    recs = extract_quotes(text, lang)
    assert recs and {(r["speaker"], r["speaker_type"]) for r in recs} == {(speaker, typ)}


def test_a_named_body_is_what_the_library_points_to():
    # (synthetic) the body is named only as an object; "the institution" points back to it
    text = ("Hackers have auctioned files stolen from the Kestrian National Library.\nThe attack has led to a "
            "leak of staff data, the institution said.\nThe library said it expects to restore many services "
            "in the next weeks.")
    assert {(r["speaker"], r["speaker_type"]) for r in extract_quotes(text, "en")} == \
        {("Kestrian National Library", "government")}


def test_pm_in_lower_case_is_a_time():
    from coverage.speakers import load_book
    assert load_book().role_nouns_in("at 4:17 pm ET") == []


def test_a_capitalised_post_and_unit_before_a_person_opening_the_sentence():
    # (synthetic) the post, its unit and its town, then the person: the antecedent of "-nya", typed by the post
    text = ("Komandan Pleton Damkar Kota Kestria Andi Wirasto menyebut kebakaran terjadi sekitar pukul 09.00.\n"
            "“Api sudah padam, kebakaran terjadi di ruangan baterai,” ujarnya saat di lokasi.")
    assert {(r["speaker"], r["speaker_type"]) for r in extract_quotes(text, "id")} == {("Andi Wirasto", "government")}


@pytest.mark.parametrize("text, quote, speaker", [
    # (synthetic) accusing someone "of" and dismissing something "as" quote the subject's words;
    # a participle after a comma belongs to the sentence's subject
    ("Information Minister Lai Hamid accused Zentrabird of ‘having an agenda’, the agency reported.",
     "having an agenda", "Lai Hamid"),
    ("The gang sent a ransom demand last week, a demand Superintendent Alberto Carvalho quickly dismissed as "
     "“absurd” and “insulting.”", "absurd", "Alberto Carvalho"),
    ("Prime Minister Anton Albers has sparked a war of words with Elon Musk, calling the world’s richest man "
     "“an arrogant billionaire” after the order.", "an arrogant billionaire", "Anton Albers"),
])
def test_accusing_dismissing_and_calling_quote_their_subject(text, quote, speaker):
    assert [r["speaker"] for r in extract_quotes(text, "en") if r["quote"] == quote] == [speaker]


def test_dismissing_fears_of_something_quotes_no_one():
    # (synthetic) the quoted words are the fears the firm dismissed, not its own words
    text = "However, Zentrabird dismissed all fears of “misinformation campaigns” in the country."
    assert [r for r in extract_quotes(text, "en") if r["quote"] == "misinformation campaigns"] == []


@pytest.mark.parametrize("text, speaker, typ", [
    # (synthetic) a treasurer is a minister unless a body is named with the post
    ("“These platforms loom very large in our economy,” Treasurer Jon Fridberg said.", "Jon Fridberg", "government"),
    # the employer's description before its listed name is no other kind of speaker
    ("According to tweets from Israel based co-founder and Chief Technology Officer of cybercrime intelligence "
     "firm Hudson Rock, Ari Galon, the data is worth 13 terabytes.", "Ari Galon", "researcher"),
    # a listed person's surname after another given name is someone else (Manu Kumar Jain is listed)
    ("“This is a historic decision,” said Meeta Jain, a lawyer for the family.", "Meeta Jain", None),
])
def test_treasurers_described_employers_and_other_bearers_of_a_listed_surname(text, speaker, typ):
    r = only(text, "en")
    assert r["speaker"] == speaker and (typ is None or r["speaker_type"] == typ)


@pytest.mark.parametrize("text, speaker", [
    # (synthetic) a long title and name after the quote, with no verb among them
    ("\"Services have been fully restored,\" Kestrian Minister for Information and Communications Technology "
     "Peter Ogwali tweeted Wednesday.", "Peter Ogwali"),
    # a firm described by a hyphenated participle, "the bank"
    ("Zentrabank Corp said its app was restored.\n\"No customer will lose money,\" the mainboard-listed lender said.",
     "Zentrabank Corp"),
])
def test_long_titles_and_described_firms_after_a_quote(text, speaker):
    recs = [r for r in extract_quotes(text, "en") if r["kind"] == "direct"]
    assert [r["speaker"] for r in recs] == [speaker]


@pytest.mark.parametrize("text, lang, speaker, typ", [
    # (synthetic) an acronym the article defines takes the type of its long form
    ("Ikatan Pengguna Dompet Digital Nusantara (IPDDN) menyoroti gangguan itu.\nKetua Umum IPDDN, Rudi Kartanegara, "
     "menegaskan bahwa pengguna harus diberi ganti rugi.", "id", "Rudi Kartanegara", "civil_society"),
    ("Dinas Komunikasi dan Informatika (Diskominfo) Kota Sukamaju belum menerima laporan.\nKepala Diskominfo Kota "
     "Sukamaju Suryadarma pun menuturkan bahwa server sudah dipulihkan.", "id", "Suryadarma", "government"),
    # a firm's national arm is no person, and "he" is the officer named after it
    ("Zentrafin South Africa said no financial data was compromised.\nIts chief executive, Pieter Vantongeren, "
     "spoke to reporters. He said civil and criminal procedures were being pursued.", "en", "Pieter Vantongeren", "company"),
    # a country or its capital speaks as its government
    ("Beijing has repeatedly denied conducting cyber operations, saying it is frequently the victim of such attacks "
     "itself.",
     "en", "Beijing", "government"),
    # an office before a surname alone, when the article gives the full name
    ("Governor Greg Hallworth signed the bill on Wednesday.\n“This protects our residents,” Governor Hallworth said.",
     "en", "Greg Hallworth", "government"),
])
def test_bodies_the_article_defines_national_arms_countries_and_offices(text, lang, speaker, typ):
    recs = extract_quotes(text, lang)
    assert [(r["speaker"], r["speaker_type"]) for r in recs][-1:] == [(speaker, typ)]


def test_nouns_of_what_was_said_open_a_sentence_but_name_no_one():
    # (synthetic) "Unggahan" (the post) is no speaker: the account holder is
    text = "Unggahan yang diposting oleh akun @rinamarlina itu menyebutkan bahwa 125.000 data mahasiswa bocor."
    assert [r["speaker"] for r in extract_quotes(text, "id")] == ["@rinamarlina"]


@pytest.mark.parametrize("text, speaker", [
    # (synthetic) "the watchdog" is the regulator just named
    ("The Cyberspace Administration of China ordered app stores to remove the Zentraride app on Sunday. The "
     "watchdog said the firm had collected personal data illegally.", "Cyberspace Administration of China"),
    # "the report said" with no outlet named: the body whose report it is
    ("The Personal Data Protection Commission released its findings on Wednesday. The report said the app "
     "tracked users every few minutes.", "Personal Data Protection Commission"),
])
def test_the_watchdog_and_the_report_point_to_the_body_named(text, speaker):
    assert [r["speaker"] for r in extract_quotes(text, "en")] == [speaker]


@pytest.mark.parametrize("text, speaker, typ", [
    # (synthetic) a university's rector speaks for the university; a firm's lawyer is no firm
    ("“Kami membuka posko pengaduan,” ungkap Rektor IPK Arifin Suryono, Senin (14/11).", "Arifin Suryono", "researcher"),
    ("“Grabbo akan segera menempuh upaya hukum,” kata Kuasa Hukum PT Grabbo, Hotma Siregar, di Jakarta.", "Hotma Siregar",
     "other"),
])
def test_rectors_and_lawyers(text, speaker, typ):
    r = only(text, "id")
    assert (r["speaker"], r["speaker_type"]) == (speaker, typ)


@pytest.mark.parametrize("text, speaker, typ", [
    # (synthetic) a president of a firm named by its acronym; an official of the presidential office
    ("“We want to respond at once,” LY President Takeo Idemura told reporters.", "Takeo Idemura", "company"),
    ("“We will do anything we need to do,” said Park Min-ho, director of national policy at the presidential "
     "office.", "Park Min-ho", "government"),
])
def test_presidents_of_firms_and_officials_of_a_presidential_office(text, speaker, typ):
    r = only(text, "en")
    assert (r["speaker"], r["speaker_type"]) == (speaker, typ)


def test_a_hospital_is_a_public_body_and_a_police_union_is_civil_society():
    # (synthetic) a hospital speaks as a public body; an officers' association is no police force
    text = "“Clinical teams are experiencing delays,” the Hospital for Sick Kestrians said in a statement."
    assert [(r["speaker"], r["speaker_type"]) for r in extract_quotes(text, "en") if r["kind"] == "direct"] \
        == [("Hospital for Sick Kestrians", "government")]
    assert load_book().employer_type("president of the local Fraternal Order of Police chapter", "en") == "civil_society"


def test_an_embedded_post_is_its_authors_direct_quote():
    # (synthetic) two tweets printed with their signatures: a member of the public and a listed firm
    text = ("Queues formed at cash machines on Tuesday night.\n"
            "Kestra Bank ATMs paying out cash to people with no money in the bank pic.twitter.com/AbC123\n"
            "— Maya Lindqvist (@mayalind) August 15, 2023\n"
            "The bank later posted an update.\n"
            "We are aware of an issue with our app and are working to fix it. ^GR — Xiaomi (@Xiaomi) August 15, 2023")
    recs = [(r["quote"], r["speaker"], r["speaker_type"], r["kind"], r["cue"]) for r in extract_quotes(text, "en")]
    assert recs == [
        ("Kestra Bank ATMs paying out cash to people with no money in the bank", "Maya Lindqvist", "user", "direct", ""),
        ("We are aware of an issue with our app and are working to fix it.", "Xiaomi", "company", "direct", ""),
    ]


@pytest.mark.parametrize("text, speaker, typ", [
    # (synthetic) the listed firm written before the post that introduces a person types them
    ("Microsoft president Jan Verhoef is not happy.\n“It is a bad day for Britain,” Verhoef said on Thursday.",
     "Jan Verhoef", "company"),
    # a firm whose shares trade ("JSE-listed") is a firm, not a person
    ("JSE-listed Kestra Pharmacies has disclosed that a data incident led to the compromise of records, "
     "it said in a statement.", "Kestra Pharmacies", "company"),
])
def test_a_firm_before_a_post_and_a_listed_firm(text, speaker, typ):
    recs = extract_quotes(text, "en")
    assert [(r["speaker"], r["speaker_type"]) for r in recs][:1] == [(speaker, typ)]


def test_a_reserve_bank_governor_speaks_for_the_state():
    # (synthetic) a central bank's governor, with "bank" in lower case
    r = only("“Personally, I own this issue,” Reserve bank governor Anton Kerehi said on Friday.", "en")
    assert (r["speaker"], r["speaker_type"]) == ("Anton Kerehi", "government")


def test_an_acronym_of_the_first_words_of_a_name_is_that_body():
    # (synthetic) "CA" spells the first two words of "Communications Authority of Kestria"
    text = ("The Communications Authority of Kestria (CA) has asked operators to block the app.\n"
            "The CA said the app was being used for cheating in national examinations.")
    assert [(r["speaker"], r["speaker_type"]) for r in extract_quotes(text, "en")] \
        == [("Communications Authority of Kestria", "government")]


@pytest.mark.parametrize("text, speaker, typ", [
    # (synthetic) a press secretary speaks for the state, whatever "press" suggests
    ("“The President is concerned by the images,” White House Press Secretary Kara Jensen-Pierce said.",
     "Kara Jensen-Pierce", "government"),
])
def test_press_secretaries_speak_for_the_state(text, speaker, typ):
    r = only(text, "en")
    assert (r["speaker"], r["speaker_type"]) == (speaker, typ)


@pytest.mark.parametrize("text, speaker, typ", [
    # (synthetic) the words of a ministry's name ("Pendidikan dan Kebudayaan") belong to the post,
    # not to the person; a ministry's bureau chief speaks for the state
    ("“Data itu bukan berasal dari sistem kami,” ujar Kepala Biro Kerja Sama dan Hubungan Masyarakat "
     "Kementerian Pendidikan dan Kebudayaan Ratna Wulandari, Rabu.", "Ratna Wulandari", "government"),
    ("“Kami sudah memeriksa sistem,” kata Kepala Biro Kerja Sama dan Hubungan Masyarakat Ratna Wulandari.",
     "Ratna Wulandari", "government"),
    ("“Izin belum bisa kami berikan,” kata Menteri Kelautan dan Perikanan Bambang Trisno di Jakarta.",
     "Bambang Trisno", "government"),
    # an economist speaks as an analyst
    ("“Kebijakan ini menekan daya beli,” kata ekonom senior Arief Nugroho.", "Arief Nugroho", "researcher"),
])
def test_ministries_named_with_dan_bureau_chiefs_and_economists(text, speaker, typ):
    r = only(text, "id")
    assert (r["speaker"], r["speaker_type"]) == (speaker, typ)


def test_a_long_form_with_a_listed_acronym_is_that_body():
    # (synthetic) the long form is spelled unlike the gazetteer's entry; its acronym is listed
    r = only("Lembaga Studi Sosial dan Advokasi (Elsam) menyebutkan pemberlakuan undang-undang itu akan ditunda.", "id")
    assert (r["speaker"], r["speaker_type"]) == ("ELSAM", "civil_society")


@pytest.mark.parametrize("text, speaker, typ", [
    # (synthetic) a news agency is a medium, not one of the state's agencies
    ("The outage hit cash machines, according to Kestran news agency.", "Kestran", "media"),
    # "Here's what X said:" announces X's statement; "Here" names no one
    ("Zentra issued a statement on Friday.\nHere's what the company said:\n"
     "\"We are clarifying how the game was removed from the stores.\"", "Zentra", "company"),
])
def test_news_agencies_and_announcing_sentences(text, speaker, typ):
    recs = extract_quotes(text, "en")
    assert [(r["speaker"], r["speaker_type"]) for r in recs] == [(speaker, typ)]


@pytest.mark.parametrize("text, speakers", [
    # (synthetic) an acronym before an unclosed indefinite description speaks
    ("In February 2022, KESTRAWATCH, an NGO has urged the government to block the game and list it.",
     [("KESTRAWATCH", "civil_society")]),
    # a regulator or an NGO described by its kind is the one just named
    ("MCMC praised the two platforms.\n“Both platforms are expected to comply,” the internet regulator said in a statement.",
     [("MCMC", "government")]),
    ("Amnesty International filed a complaint on Monday.\n“The app broke the law,” the rights group said.",
     [("Amnesty International", "civil_society")]),
    # the longer of two overlapping names wins: no outlet "The Information" here
    ("The Information Commissioner's Office fined Zentra on Monday.\n“The fine is fair,” the data protection regulator said.",
     [("Information Commissioner's Office", "government")]),
    # a stock code between a firm and its president's post
    ("Tokyo, July 3 (Jiji Press)--KDDI Corp. <9433> President Kenji Mori on Sunday apologized for the outage.\n"
     "“We deeply apologize for causing serious trouble,” Mori told a press conference.", [("Kenji Mori", "company")]),
    # a firm named by a trade word is later written without it, and "it" is that firm
    ("The regulator has served a notice on Kestra Pharmacies.\nThis comes after Kestra revealed that 3.7 million "
     "records were compromised.\nIt said names and e-mail addresses were exposed.",
     [("Kestra", "company"), ("Kestra", "company")]),
])
def test_acronyms_described_bodies_overlapping_names_and_trade_words(text, speakers):
    assert [(r["speaker"], r["speaker_type"]) for r in extract_quotes(text, "en")] == speakers


@pytest.mark.parametrize("text, speakers", [
    # (synthetic) a minister's short title; a state school's head; a university's spokesperson
    ("“Koding akan menjadi mata pelajaran pilihan,” kata Mendikdasmen Rahmat Wiryawan di Jakarta.",
     [("Rahmat Wiryawan", "government")]),
    ("Kepala SMPN 1 Kestra, Saptadi Wirawan mengatakan, sekolah belum siap menambah jam pelajaran.",
     [("Saptadi Wirawan", "government")]),
    ("Kepala Humas ITB, Naomi Prasetya, menilai informasi itu harus segera diluruskan.", [("Naomi Prasetya", "researcher")]),
    # a school's former student is a lay person; "Social Responsibility" belongs to the post
    ("Salah satu alumni, Nailah, mengungkapkan pihak sekolah terkesan menutup akses bagi para alumni.",
     [("Nailah", "user")]),
    ("Communication and Social Responsibility BCA Hera Wulandari mengatakan saat ini kasus sudah ditangani "
     "pihak berwenang.", [("Hera Wulandari", "company")]),
    # two bodies joined by "serta" are coded by the first; "saat ini" opens the content
    ("Dengan adanya kejadian tersebut, pihak BCA serta OJK memastikan bahwa kejadian itu bukan kesalahan bank.",
     [("BCA", "company")]),
    # "seorang nasabah bernama X": the name given, not the article
    ("Seorang nasabah muda bernama Nadia (24) bercerita bahwa ia gagal membayar. “Loading terus,” ujarnya.",
     [("Nadia", "user")]),
])
def test_short_titles_schools_universities_and_names_given(text, speakers):
    assert [(r["speaker"], r["speaker_type"]) for r in extract_quotes(text, "id")] == speakers


@pytest.mark.parametrize("text, speakers", [
    # (synthetic) a report written by an official speaks for the official, not as a medium
    ("Privacy commissioner Michael Kestrel found the stores broke the law.\nMichael Kestrel’s report says the "
     "stores did not get consent from their customers.", [("Michael Kestrel", "government")]),
    ("“The case did not warrant collecting the biometrics,” said a report released April 20 by commissioner "
     "Michel Kestrel.", [("Michel Kestrel", "government")]),
    # a noun and a clause before "called" give no introduction: Kaseya is no person here
    ("John Hammond of the security firm Huntress Labs said the criminals targeted a software supplier called "
     "Kaseya.\n“This is a colossal attack,” he said on Twitter.", [("John Hammond", "researcher"), ("John Hammond", "researcher")]),
])
def test_reports_of_officials_and_named_things(text, speakers):
    assert [(r["speaker"], r["speaker_type"]) for r in extract_quotes(text, "en")] == speakers


def test_a_list_of_quoted_words_after_a_participle_does_not_break_the_subject():
    # (synthetic) a series of single quoted words: the comma chunks before the verb clean to
    # nothing, which once raised IndexError on a real article
    text = ("The health minister, however, modified his language, saying today that the ministry owns the "
            "“data”, the app’s “modules”, and the “brand”.")
    recs = extract_quotes(text, "en")
    assert {r["speaker"] for r in recs} == {"health minister"}
    assert recs[0]["quote"].startswith("the ministry owns")


@pytest.mark.parametrize("text, lang, speakers", [
    # (synthetic) Malaysian honorifics are no part of the name; the opposition leader is a politician
    ("“The sale must be explained,” Opposition Leader Datuk Seri Kamal Ibrahim said in a statement.", "en",
     [("Kamal Ibrahim", "government")]),
    # a dateline with a date before the dash is no subject
    ("KUALA LUMPUR, March 27 — Health Minister Khairul Anuar has sought to allay public fears, explaining that "
     "the app is fully owned by the government.", "en", [("Khairul Anuar", "government")]),
    # a professional association's chairman speaks for the association
    ("“Dia menghina organisasi saya,” kata Ketua IDI wilayah Bali, Gede Putra Wirawan, Selasa.", "id",
     [("Gede Putra Wirawan", "civil_society")]),
])
def test_honorifics_opposition_leaders_datelines_and_associations(text, lang, speakers):
    assert [(r["speaker"], r["speaker_type"]) for r in extract_quotes(text, lang)] == speakers


@pytest.mark.parametrize("text, speakers", [
    # (synthetic) a city's public library is a public body; a weekday opening the clause names no one
    ("“Our systems are being restored,” the Kestra Public Library said in a statement.",
     [("Kestra Public Library", "government")]),
])
def test_public_libraries_and_weekdays(text, speakers):
    assert [(r["speaker"], r["speaker_type"]) for r in extract_quotes(text, "en")] == speakers
    assert load_book().parse("Thursday", "en").name == ""


@pytest.mark.parametrize("text, speakers", [
    # (synthetic) a post with its modifiers and the body it is held in, in an unclosed apposition
    ("Richard Blade, strategic director of city developments and neighbourhoods at Kestra City Council said: "
     "\"We have shut down some of our systems.\"", [("Richard Blade", "government")]),
    ("Jane Roe, senior director at Zentra Corp said the outage was over.", [("Jane Roe", "company")]),
])
def test_posts_with_modifiers_and_their_bodies_in_apposition(text, speakers):
    assert [(r["speaker"], r["speaker_type"]) for r in extract_quotes(text, "en")] == speakers


def test_village_heads_are_local_officials():
    # (synthetic) the village's name stays with the person (it cannot be told from a name),
    # but the post types them
    r = only("“Website desa sudah pulih,” terang Kades Sukamaju Bhagas Wiranto.", "id")
    assert r["speaker"].endswith("Bhagas Wiranto") and r["speaker_type"] == "government"


@pytest.mark.parametrize("text, speakers", [
    # (synthetic) an unnamed holder of a post in a body named after it speaks for that body
    ("“The rules will be tightened,” said a vice chairman of Vietnam's State Securities Commission.",
     [("State Securities Commission", "government")]),
    # a participle clause between the subject and the verb describes the subject
    ("Late yesterday, Kestria's home affairs minister Dana Whitlow, appointed this year after several "
     "breaches, said the outage was likely to continue for days.", [("Dana Whitlow", "government")]),
    ("Minister Dana Whitlow, speaking on Sunday, said the outage was likely to continue for days.",
     [("Dana Whitlow", "government")]),
    # several posts in an unclosed apposition: the name before the first of them speaks
    ("The University of Kestra said its systems had been accessed. In a statement, Patrick Vell, Registrar, "
     "Secretary and Chief Operating Officer said: \"We are working around the clock.\"",
     [("University of Kestra", "researcher"), ("Patrick Vell", "researcher")]),
])
def test_posts_participle_clauses_and_several_posts(text, speakers):
    assert [(r["speaker"], r["speaker_type"]) for r in extract_quotes(text, "en")] == speakers


@pytest.mark.parametrize("description", [
    "the council", "the uni", "the city centre university", "the city's flagship further education institution",
    "the local authority", "the centre",
])
def test_descriptions_of_public_and_academic_bodies_point_back(description):
    # (synthetic) "the council said" is the council the article named, not a new speaker
    text = (f"The Kestra Borough Council has confirmed a cyber attack. {description[0].upper()}{description[1:]} "
            "said some of its data had been accessed.")
    assert [(r["speaker"], r["speaker_type"]) for r in extract_quotes(text, "en")][-1:] == \
        [("Kestra Borough Council", "government")]
    # a capitalised name with the same head noun is a name, not a description
    assert load_book().anaphor("the Open University", "en") is None


def test_an_officer_without_a_named_employer_speaks_for_the_public_body_the_story_is_about():
    # (synthetic) only a public body acts in the story, so its chief technology officer is an official;
    # where a firm acts, or the role names an employer, the post stays a firm's
    text = ("Transport for London (TfL) said it was hit by a cyber attack. TfL said names were accessed. "
            "Chief technology officer Shashi Vell said those affected would be contacted.")
    recs = extract_quotes(text, "en")
    assert [(r["speaker"], r["speaker_type"]) for r in recs][-1] == ("Shashi Vell", "government")
    firm = extract_quotes("Zentra Corp said it was hit by a cyber attack. Chief technology officer Shashi Vell "
                          "said those affected would be contacted.", "en")
    assert [(r["speaker"], r["speaker_type"]) for r in firm][-1] == ("Shashi Vell", "company")


@pytest.mark.parametrize("text, speakers", [
    # (synthetic) a party's spokesperson and MP are politicians, though the party's name holds
    # "Alliance" and the portfolio "justice"
    ("The party’s justice spokesperson, Glynn Breyer, says the department deserves the punishment.",
     [("Glynn Breyer", "government")]),
    ("Kestra Labour Party MP Glynn Breyer said the department deserves the punishment.", [("Glynn Breyer", "government")]),
    ("The Democratic Alliance (DA) says it is a disgrace that the department was fined.", [("Democratic Alliance", "government")]),
    # councillors and council leaders are local officials
    ("Council leader Mary Lanner told the BBC: “Significant progress has been made.”", [("Mary Lanner", "government")]),
    # a sentence adverb is no first name
    ("Initially Kestra council told residents it simply had “an issue with our IT system”.",
     [("Kestra council", "government")]),
    # an enforcement directorate is a public body; "the AG" is the attorney general just named
    ("The Enforcement Directorate said it had seized the funds.", [("Enforcement Directorate", "government")]),
    ("Attorney General Tim Graff filed the suit Tuesday. The AG also said the company is owned by a holding firm.",
     [("Tim Graff", "government")]),
    # "what he alleges": the subject of the relative clause speaks, not the noun before "what"
    ("Attorney General Tim Graff is suing the retailer Zentra over what he alleges are the company’s "
     "\"deceptive tactics\".", [("Tim Graff", "government"), ("Tim Graff", "government")]),
])
def test_parties_councillors_adverbs_directorates_and_relative_what(text, speakers):
    assert [(r["speaker"], r["speaker_type"]) for r in extract_quotes(text, "en")] == speakers


def test_the_report_is_its_named_authors():
    # (synthetic) "the report warned" with no outlet named: the body the report was published by,
    # not the body named last
    text = ("A report published by Kestria's National Cyber Agency found that the phones had censorship tools. "
            "While this feature is turned off in the European Union region, the report warned that it can be "
            "turned on remotely at any time.")
    assert [(r["speaker"], r["speaker_type"]) for r in extract_quotes(text, "en")] == \
        [("National Cyber Agency", "government")]


def test_a_joint_statement_of_two_ministries_is_the_first_ministrys():
    # (synthetic) "the Ministry of X and the Ministry of Y said": a body's "of" name is a name,
    # not a description to be replaced by the next ministry named
    text = ("“The attackers repeatedly targeted the minister’s records,” the Ministry of Communications and "
            "Information and the Ministry of Health said in a joint statement.")
    assert [(r["speaker"], r["speaker_type"]) for r in extract_quotes(text, "en")] == \
        [("Ministry of Communications and Information", "government")]
    # and "the ministry said" after an unlisted "Ministry of ..." is that ministry
    text = "The Ministry of Kestran Affairs has confirmed the breach. The ministry said its data was safe."
    assert [(r["speaker"], r["speaker_type"]) for r in extract_quotes(text, "en")] == \
        [("Ministry of Kestran Affairs", "government")]


def test_an_irregular_participle_clause_describes_the_subject():
    # (synthetic) "known as ..." between a name with its post and the verb
    text = ("“We sincerely apologize,” Park Min-jae, CEO of the company, known as the Amazon of Kestria, "
            "posted on its website.")
    assert [(r["speaker"], r["speaker_type"]) for r in extract_quotes(text, "en")] == [("Park Min-jae", "company")]


@pytest.mark.parametrize("text, speakers", [
    # (synthetic) a firm's management speaks for the firm, named or not
    ("Zentra kembali melakukan PHK.\n“Langkah ini harus diambil,” kata manajemen Zentra kepada Katadata.co.id, "
     "Kamis (4/8).\n“Tim kami menjadi lebih ramping,” tambah manajemen.",
     [("Zentra", "company"), ("Zentra", "company")]),
    # the outlet a sentence is taken from opens no name
    ("Mengutip Detiknews, Kepala BPKP, Budi Santosa bilang, jika dari hasil audit yang dilakukan pihaknya, "
     "ditemukan adanya kerugian negara.\n"
     "“Kami telah menyampaikan kepada Pak Jaksa Agung,” ungkapnya.",
     [("Budi Santosa", "government"), ("Budi Santosa", "government")]),
    # a post in a prosecutors' office is an official's
    ("Direktur Penyidikan Jaksa Agung Muda Tindak Pidana Khusus (Jampidsus) Kuntara menjelaskan, tersangka "
     "berperan sebagai kuasa pengguna anggaran.", [("Kuntara", "government")]),
    # the bare title "Presiden" is the person written with it, not a minister named after him
    ("Presiden Joko Widodo meresmikan proyek itu.\nPeresmian ditandai oleh Presiden Jokowi yang didampingi "
     "Menteri Budi Karya dan Seskab Pramono.\n“Semua wilayah sudah tersambung,” ucap Presiden.",
     [("Joko Widodo", "government")]),
    # a heading line before a name is no part of it, nor is a sentence adverb after it
    ("Klarifikasi dari Zentrapay\nWilliam Santosa, CTO Zentrapay, dalam pernyataan resminya menyatakan bahwa "
     "investigasi masih berlangsung.", [("William Santosa", "company")]),
    ("“Agar bisa saling mengenal,” ujar Jokowi.\nPemerataan Akses Internet\nSebelumnya, Menteri Komunikasi dan "
     "Informatika, Rudi Antara, menggambarkan proyek itu sebagai tol langit.\nDia menjelaskan bahwa proyek ini "
     "bertujuan agar akses internet ada di mana-mana.",
     [("Joko Widodo", "government"), ("Rudi Antara", "government")]),
])
def test_management_source_frames_prosecutors_bare_titles_and_headings(text, speakers):
    assert [(r["speaker"], r["speaker_type"]) for r in extract_quotes(text, "id")] == speakers


@pytest.mark.parametrize("text, speakers", [
    # (synthetic) a product's maker named after the noun is the firm, not a content creator
    ("ChatGPT creator OpenAI has said the lawsuit is “without merit”.", [("OpenAI", "company"), ("OpenAI", "company")]),
    # an office written before the name, with a party before it, types a person the article gives no other role
    ("The bill was introduced by Republican Sen. Tom Kestrel of Texas. “It is a good bill,” Kestrel said.",
     [("Tom Kestrel", "government")]),
    # the head of state's spouse speaks from that office
    ("“This is a national victory,” First Lady Mary Kestrel said.", [("Mary Kestrel", "government")]),
    # the internet-shutdown watchdog is civil society
    ("NetBlocks said the country was in the midst of a nationwide internet shutdown.", [("NetBlocks", "civil_society")]),
])
def test_makers_offices_first_ladies_and_watchdogs(text, speakers):
    assert [(r["speaker"], r["speaker_type"]) for r in extract_quotes(text, "en")] == speakers


@pytest.mark.parametrize("text, speakers", [
    # (synthetic) a regional crime director's short title before the rank
    ("Hal itu disampaikan Dirkrimsus Polda Kestra Kombes Pol Ari Ramana.\n“Ada 47 nasabah yang dilaporkan,” "
     "katanya.\nDitanya apakah hanya Bank Kestra, Ari Ramana menyatakan pelaku mengincar ATM yang kurang terpantau.",
     [("Ari Ramana", "government"), ("Ari Ramana", "government")]),
    # a name, then a post held in a bank, with no comma between them
    ("Presley Hutagalung Direktur Utama Bank Kestra mengatakan, skimming adalah pencurian data kartu.",
     [("Presley Hutagalung", "company")]),
    # the common misspelling "menghimbau" is a cue, and an appeal's addressee opens its content
    ("Direktur Utama Bank Lampung Presley Hutagalung menghimbau kepada para nasabah untuk tetap waspada dan "
     "segera mengganti kartu.", [("Presley Hutagalung", "company")]),
])
def test_police_short_titles_name_first_posts_and_misspelt_cues(text, speakers):
    assert [(r["speaker"], r["speaker_type"]) for r in extract_quotes(text, "id")] == speakers


def test_a_listed_acronym_spelled_out_as_another_body_is_that_body():
    # (synthetic) NCA is listed as the UK's National Crime Agency; a Ghanaian story defines its own NCA
    text = ("The National Communications Authority (NCA) has explained the internet outage.\n"
            "“We regret the inconvenience,” the NCA said.")
    assert [(r["speaker"], r["speaker_type"]) for r in extract_quotes(text, "en")] == \
        [("National Communications Authority", "government")] * 2
    # the listed body spelled as the gazetteer spells it stays the listed body
    text = "The National Crime Agency (NCA) said it was investigating the attack on the council."
    assert [r["speaker"] for r in extract_quotes(text, "en")] == ["National Crime Agency"]


@pytest.mark.parametrize("text, lang, speakers", [
    # (synthetic) "Sec." is an office written before a name, even when a later sentence reads
    # like a description of the person
    ("In a media briefing, DICT Sec. Ivan Jon Ureta said the agency is meeting with telecommunication firms.\n"
     "The government will concentrate on assisting SIM users in far-flung areas during the extension, Ureta said.",
     "en", [("Ivan Jon Ureta", "government"), ("Ivan Jon Ureta", "government")]),
    # a statement from the presidential palace is the palace's
    ("“Failure to register will result in limited SIM services,” a statement from the Palace said", "en",
     [("Palace", "government")]),
    # a regency's regional secretary is an official
    ("“Gaji mereka mengalami keterlambatan,” ujar Sekretaris Daerah Banyuasin, Ir Erwan Ibrahim, Selasa (5/11/2024).",
     "id", [("Erwan Ibrahim", "government")]),
])
def test_secretaries_palaces_and_regional_secretaries(text, lang, speakers):
    assert [(r["speaker"], r["speaker_type"]) for r in extract_quotes(text, lang)] == speakers


def test_labels_and_summaries_open_no_name():
    # (synthetic) "Penjelasan:" labels what follows; "Demikian ..." sums up what precedes
    book = load_book()
    assert book.parse("Penjelasan", "id").name == "" and book.parse("Demikian", "id").name == ""


@pytest.mark.parametrize("phrase, name, role", [
    # (synthetic) the portfolio after "for"/"of" ends the office; the person follows it
    ("Minister for Health Gan Kim Seng", "Gan Kim Seng", "Minister for Health"),
    ("Minister of Home Affairs Jane Roe", "Jane Roe", "Minister of Home Affairs"),
    # with no person after it the office names no one
    ("the Minister for Health", "", "Minister for Health"),
])
def test_a_ministers_portfolio_is_no_part_of_the_name(phrase, name, role):
    got_role, got_name, _ = load_book().split_role_name(phrase)
    assert (got_name, got_role) == (name, role)


def test_a_capitalised_head_noun_alone_points_back_to_the_body_it_ends():
    # (synthetic) "The Authority" is the named authority, not a new speaker called "Authority"
    text = ("The Kestran Communications Authority (KCA) said internet connectivity fell across the country.\n"
            "The Authority in a statement said several undersea cables had been cut.")
    assert [(r["speaker"], r["speaker_type"]) for r in extract_quotes(text, "en")] == \
        [("Kestran Communications Authority", "government")] * 2


@pytest.mark.parametrize("text, expected", [
    # (synthetic) a participle after a comma that opens the quotation speaks for the sentence's subject
    ("Judge Rina Kestrel refused an injunction, stating, “It is a complex matter that needs a full hearing.”",
     [("direct", "Rina Kestrel", "state", "It is a complex matter that needs a full hearing.")]),
    # ... or for the subject of the sentence's earlier cue, with the participle's own cue
    # ... whatever word ends the words before its comma ("in May", where "may" could be a modal)
    ("Rina Kestrel raised the danger in May, saying, “You can imagine the worst outcome on a busy road.”",
     [("direct", "Rina Kestrel", "say", "You can imagine the worst outcome on a busy road.")]),
    ("On its help page, Redwater Council said it found the breach on Monday, stating: “Some of our systems were "
     "accessed by an unauthorised party.”",
     [("direct", "Redwater Council", "state", "Some of our systems were accessed by an unauthorised party.")]),
])
def test_a_participle_that_opens_a_quotation_speaks_for_the_subject(text, expected):
    assert [(r["kind"], r["speaker"], r["cue"], r["quote"]) for r in extract_quotes(text, "en")] == expected


def test_a_participle_with_words_before_the_quotation_still_reports_a_clause():
    # (synthetic) "saying it was “…”": the clause is indirect and the quoted words a partial quote,
    # both of the sentence's subject (not of "Senator Ana Kestrel criticised the bill")
    text = "Senator Ana Kestrel criticised the bill, saying it was “a law written by people who never use the apps.”"
    assert [(r["kind"], r["speaker"]) for r in extract_quotes(text, "en")] == [
        ("indirect", "Ana Kestrel"), ("direct", "Ana Kestrel")]
    said = text.replace("it was “a law", "“it is a law")
    assert [(r["kind"], r["speaker"], r["cue"]) for r in extract_quotes(said, "en")] == [("direct", "Ana Kestrel", "say")]


@pytest.mark.parametrize("text, cue", [
    # (synthetic) plural present tenses and participles of reporting verbs
    ("The authors' lawyers argue that the firm copied their archive without a licence.", "argue"),
    ("Privacy advocates allege that the company trained its model on pirated books.", "allege"),
    ("Zentra Labs denied the claims, acknowledging that no system is perfect.", "admit"),
    ("Zentra Labs affirmed that the app will return to the store next month.", "assert"),
])
def test_plural_presents_and_participles_of_reporting_verbs(text, cue):
    assert cue in [r["cue"] for r in extract_quotes(text, "en")]


@pytest.mark.parametrize("text, lang, speakers", [
    # (synthetic) prosecutors' offices and benches are the state; a firm's board speaks for the firm
    ("“Pemeriksaan akan dilakukan pekan depan,” kata Kajari Jakarta Pusat Budi Santosa.", "id",
     [("Budi Santosa", "government")]),
    ("“Kami menyesuaikan jadwal sidang,” ujar JPU.", "id", [("JPU", "government")]),
    ("“Eksepsi terdakwa tidak dapat diterima,” kata Ketua Majelis Rudi Hartono.", "id", [("Rudi Hartono", "government")]),
    ("Dewan Direksi Zentra Tani menyatakan keputusan tersebut merupakan tindak lanjut audit internal.", "id",
     [("Zentra Tani", "company")]),
    ("Kepala Disnakertrans DKI, Hari Santoso, mengatakan bahwa belum ada laporan PHK dari perusahaan tersebut.", "id",
     [("Hari Santoso", "government")]),
    # city supervisors, agency administrators and peers hold public office; a DMV is a public body
    ("“I got my first text at 9:08 p.m.,” Supervisor Dana Kestrel said.", "en", [("Dana Kestrel", "government")]),
    ("“The recall is a good first step,” NHTSA Administrator Lee Kestrel said.", "en", [("Lee Kestrel", "government")]),
    ("“Copyright law is the law of the land,” Baroness Kestrel said.", "en", [("Kestrel", "government")]),
    ("The DMV said the company had withheld part of the video from regulators.", "en", [("DMV", "government")]),
    # parties to a suit speak as other parties
    ("The plaintiffs say the app recorded their conversations without consent.", "en", [("plaintiffs", "other")]),
    ("In the suit, the authors alleged “flagrant and harmful infringements of their registered copyrights”.", "en",
     [("authors", "other")]),
])
def test_prosecutors_benches_boards_supervisors_peers_and_dmvs(text, lang, speakers):
    assert [(r["speaker"], r["speaker_type"]) for r in extract_quotes(text, lang)] == speakers


@pytest.mark.parametrize("text, lang, speakers", [
    # (synthetic) a "dan" inside a listed body's name joins no two people
    ("“Ambang batas ini untuk melindungi industri kecil,” kata Dirjen Bea dan Cukai Rudi Santoso.", "id",
     [("Rudi Santoso", "government")]),
    # a members' body is civil society whatever its members are called
    ("Asosiasi Pedagang Kripto Indonesia menilai pajak transaksi itu terlalu tinggi bagi investor.", "id",
     [("Asosiasi Pedagang Kripto Indonesia", "civil_society")]),
    # federal prosecutors, comptrollers and state legislators hold public office
    ("“The defendant orchestrated a fraud,” said US Attorney Dana Kestrel.", "en", [("Dana Kestrel", "government")]),
    ("“Job seekers deserve a fair process,” said State Comptroller Lee Kestrel.", "en", [("Lee Kestrel", "government")]),
    ("“The machines set the pace,” Assemblywoman Ana Kestrel said.", "en", [("Ana Kestrel", "government")]),
    # a firm's chief lawyer speaks for the firm
    ("“We will keep operating as usual,” Zentra General Counsel Rob Kestrel said.", "en", [("Rob Kestrel", "company")]),
    ("“The ruling is a win,” Zentra CLO Rob Kestrel said.", "en", [("Rob Kestrel", "company")]),
])
def test_listed_names_with_dan_members_bodies_prosecutors_and_counsel(text, lang, speakers):
    assert [(r["speaker"], r["speaker_type"]) for r in extract_quotes(text, lang)] == speakers


def test_a_quotation_left_open_after_its_speakers_colon_is_still_a_direct_quote():
    # (synthetic) the page ends the paragraph before the closing mark
    text = "Rina Kestrel added: “For the first time a judge says the ranking system is blind to riders’ needs."
    assert [(r["kind"], r["speaker"]) for r in extract_quotes(text, "en")] == [("direct", "Rina Kestrel")]


def test_a_list_after_a_colon_is_no_block_quote():
    # (synthetic) bullet items after "are claiming:" summarise; they are not a statement set off as a block
    text = ("The drivers, backed by a union, are claiming:\n"
            "• Zentra and Kestrel Rides have frustrated our access rights through lengthy and confusing processes\n"
            "• Zentra committed a data breach by sending one driver's data to another driver")
    assert extract_quotes(text, "en") == []


@pytest.mark.parametrize("text, speaker", [
    # (synthetic) praise and characterisation name the speaker of the quoted words
    ("The union hailed the decision as an “epoch-making turning point for riders”.", "union"),
    ("Rina Kestrel referred to the ruling as a “watershed moment”.", "Rina Kestrel"),
])
def test_praise_and_characterisation_name_a_partial_quote(text, speaker):
    assert [(r["kind"], r["speaker"]) for r in extract_quotes(text, "en")] == [("direct", speaker)]


@pytest.mark.parametrize("text, speakers", [
    # (synthetic) an office that names its portfolio before a name types the person quoted later
    ("Hours after the fine, Secretary of State Dana Kestrel joined the attack.\n"
     "“The fine is an attack on all our platforms,” Kestrel said.", [("Dana Kestrel", "government")]),
    # a country's vice-president and the Commission's executive vice-presidents hold public office
    ("“Stop attacking our firms,” US Vice President Lee Kestrel said.", [("Lee Kestrel", "government")]),
    ("“The firm abused its power,” said Executive Vice-President Ana Kestrel.", [("Ana Kestrel", "government")]),
])
def test_offices_with_portfolios_and_vice_presidents(text, speakers):
    assert [(r["speaker"], r["speaker_type"]) for r in extract_quotes(text, "en")] == speakers


@pytest.mark.parametrize("text, lang, speakers", [
    # (synthetic) a place closes the name of the body before it; the person is in apposition
    ("“Akun itu bermuatan judi,” ujar Direktur Reserse Kriminal Khusus Polda Riau, Kombes Pol Budi Santoso.", "id",
     [("Budi Santoso", "government")]),
    ("“Akun itu bermuatan judi,” ujar Direktur Reserse Kriminal Khusus Polda Riau.", "id", [("Polda Riau", "government")]),
    # a US state speaking is its government; "Justice" before a name is a judge's office
    ("“The law protects children from harmful content,” Texas argued in its brief.", "en", [("Texas", "government")]),
    ("The court upheld the law. “The statute advances the State’s interest,” Justice Rina Kestrel wrote.", "en",
     [("Rina Kestrel", "government")]),
    # Amnesty's Indonesian section is Amnesty
    ("Manajer Kampanye Amnesty Internasional Indonesia Ratna Sari mengatakan penangkapan itu sewenang-wenang.", "id",
     [("Ratna Sari", "civil_society")]),
])
def test_places_closing_bodies_states_justices_and_amnesty(text, lang, speakers):
    assert [(r["speaker"], r["speaker_type"]) for r in extract_quotes(text, lang)] == speakers


@pytest.mark.parametrize("text, lang, speakers", [
    # (synthetic) a nickname the article gives a full name is that person
    ("Wakil Menteri Budi Santoso atau Noel mengecam para aplikator.\n“Aplikator itu rakus,” kata Noel.", "id",
     [("Budi Santoso", "government")]),
    # unions are members' bodies; the US labour board is the state
    ("“The vote was not free and fair,” RWDSU President Dana Kestrel said.", "en", [("Dana Kestrel", "civil_society")]),
    ("The NLRB said the contested ballots were not enough to sway the outcome.", "en",
     [("National Labor Relations Board", "government")]),
    # heads of government are listed, and their surname alone names them
    ("The prime minister spoke on Friday. “Digital ID is an enormous opportunity,” Starmer said.", "en",
     [("Keir Starmer", "government")]),
])
def test_nicknames_unions_labour_boards_and_heads_of_government(text, lang, speakers):
    assert [(r["speaker"], r["speaker_type"]) for r in extract_quotes(text, lang)] == speakers


# --- session 11: shapes seen on first runs over new stories (synthetic text, made-up names) ---

@pytest.mark.parametrize("text, speakers", [
    # an unlisted union named whole: a title word ("Public", "Department") or a firm's word
    # ("Finance") inside the name does not cut it
    ("The Community and Public Sector Union said the cuts would hurt services.",
     [("Community and Public Sector Union", "civil_society")]),
    ("An official of the Finance Sector Union said staff had not been consulted.",
     [("Finance Sector Union", "civil_society")]),
    # members of a body speak for it
    ("Members of the Kestrel Services Union said the firm had broken the law.",
     [("Kestrel Services Union", "civil_society")]),
    # a committee of a firm's board is the firm's, not a parliament's
    ("The Special Committee of the Board said the offer was fair to shareholders.",
     [("Special Committee of the Board", "company")]),
])
def test_unions_named_whole_their_members_and_board_committees(text, speakers):
    assert _one(text, "en") == speakers


def test_a_state_opening_the_article_speaks_as_its_government():
    # (synthetic) a place is capitalised wherever it stands, so its one mention is enough
    assert _one("Texas argued that the company misled users about its tracking.", "en") == [("Texas", "government")]


@pytest.mark.parametrize("text, speakers", [
    # (synthetic) an acronym the article spells out is the body it names, "of" counted or not
    ("British Airways staff were told on Monday. “We have been informed that we are affected,” BA said.",
     [("British Airways", "company")]),
    ("The Department of Energy was hit. “Records from two entities were compromised,” a DOE spokesperson said.",
     [("Department of Energy", "government")]),
    # a body's head before its "of" is no person's name
    ("The Kestrel Office of Motor Vehicles said via a press release that it was one of many agencies affected.",
     [("Kestrel Office of Motor Vehicles", "government")]),
    # after an article, the subject runs over its modifiers to its role noun
    ("A top Kestrian data privacy regulator on Wednesday defended the fine, saying that she had to enforce the law.",
     [("top Kestrian data privacy regulator", "government")]),
])
def test_acronyms_spelled_out_offices_of_and_subjects_after_an_article(text, speakers):
    assert _one(text, "en") == speakers


def test_a_purpose_clause_opening_the_sentence_names_no_speaker():
    # (synthetic) "To bring an end to the claims": "To" is no name, "claims" no verb of saying
    text = ("To bring an end to the claims, Acme committed “to rewrite its disclosures to inform users of the "
            "tracking,” said the settlement.")
    assert "To" not in {s for s, _ in _one(text, "en")}


@pytest.mark.parametrize("text, lang, speakers", [
    # (synthetic) a capitalised "Representative" before a name is a member of Congress
    ("Representative Dana Kestrel, a Republican from Ohio, said she looked forward to the testimony.", "en",
     [("Dana Kestrel", "government")]),
    # a short form of an airline the article names in full is that firm
    ("The outage grounded Kestrel Air Lines for days. Kestrel said the outage cost it $500 million.", "en",
     [("Kestrel", "company")]),
    # a firm's legal team speaks for it
    ("“Tidak ada praktik jual rugi,” kata tim legal Starlink Rina Kestrel kepada media.", "id",
     [("Rina Kestrel", "company")]),
])
def test_representatives_short_forms_of_airlines_and_legal_teams(text, lang, speakers):
    assert _one(text, lang) == speakers


@pytest.mark.parametrize("text, typ", [
    # (synthetic) a listed security firm in its own story (its chief, customers, outage, a suit
    # against it) speaks for a company; analysing someone else's breach, as a researcher
    ("CrowdStrike CEO George Kurtz apologised on Friday. “We are deeply sorry,” CrowdStrike said.", "company"),
    ("The airline sued CrowdStrike on Friday. CrowdStrike said the claims were misinformation.", "company"),
    ("Hackers stole the records last week. CrowdStrike said the group had used stolen credentials.", "researcher"),
])
def test_a_security_firm_in_its_own_story_is_a_company(text, typ):
    assert [t for s, t in _one(text, "en") if s == "CrowdStrike"] == [typ]


@pytest.mark.parametrize("text, lang, speakers", [
    # (synthetic) a freelancer is a lay person; so is one name the article gives an age or a
    # personal pronoun, however often it stands alone
    ("Salah satu freelance di Pontianak, Rina Kestrel, mengaku kecewa dengan pemblokiran platform itu.", "id",
     [("Rina Kestrel", "user")]),
    ("Hal senada dirasakan oleh Bayu. Sebagai editor lepas ia banyak mendapat klien dari luar negeri.\n"
     "“Sangat tidak bijak,” ucap Bayu.", "id", [("Bayu", "user")]),
    ("“Uang saya tertahan,” kata Bayu (27), warga Semarang.", "id", [("Bayu", "user")]),
    # a bare name with no sign of a person is still an organisation
    ("“Layanan kami aman,” kata Zentrapay dalam keterangannya.", "id", [("Zentrapay", "company")]),
])
def test_freelancers_and_one_named_lay_people(text, lang, speakers):
    assert _one(text, lang) == speakers


@pytest.mark.parametrize("text, want", [
    # (synthetic) a verb of praising right before the quotation speaks it
    ("Acme chief executive Dana Roe spoke on Friday.\nRoe hailed, “Rest assured, we are not going anywhere.”",
     [("Dana Roe", "Rest assured, we are not going anywhere.")]),
    # the adjuncts of "responded" end at the comma before the quotation; "posted" after its noun reports nothing
    ("The law hits Acme. Acme has responded in a statement posted on X (formerly Twitter), “This law is a ban, and we "
     "will challenge it.”", [("Acme", "This law is a ban, and we will challenge it.")]),
    # a time opening the sentence is no subject of a participle that opens the quotation
    ("Last month, Acme Music pulled its songs from the app, claiming, “The app is not paying fair value for music.”",
     [("Acme Music", "The app is not paying fair value for music.")]),
])
def test_praise_verbs_responses_in_statements_and_times_before_the_subject(text, want):
    assert [(q["speaker"], q["quote"]) for q in extract_quotes(text, "en") if q["kind"] == "direct"] == want


@pytest.mark.parametrize("text, speakers", [
    # (synthetic) a judge writing for the court speaks herself; "Speaker" before a name is an office
    ("Judge Rina Kestrel, writing for the court, stated: “The statute protects speech from a foreign adversary.”",
     [("Rina Kestrel", "government")]),
    ("“We will pass the bill this week,” Speaker Dana Roe said.", [("Dana Roe", "government")]),
    # the suit speaks like the lawsuit
    ("The suit also alleges that the firm did not alert users in a timely manner.", [("suit", "other")]),
    # a listed official with a long title
    ("“It is a clear violation,” Director of National Intelligence Tulsi Gabbard said.", [("Tulsi Gabbard", "government")]),
])
def test_judges_writing_for_courts_speakers_suits_and_rulings(text, speakers):
    assert _one(text, "en") == speakers


def test_the_sentence_after_a_closing_cue_names_no_speaker():
    # (synthetic) "the ruling read." ends the attribution; the next quotation's words are no name
    text = ("“The law offers a distinctive outlet for expression,” the ruling read. “But Congress has determined "
            "that divestiture is necessary to address its concerns.”")
    assert not any("Congress" in s or "“" in s for s, _ in _one(text, "en"))
