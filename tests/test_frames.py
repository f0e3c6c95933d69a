"""coverage.frames: the framing measure on sentences written for these tests (synthetic)."""

import re
from pathlib import Path

import pandas as pd
import pytest
import yaml

from coverage.config import FRAME_IDS
from coverage.errors import StudyError
from coverage.frames import (
    CODEBOOK_PATH,
    code_sentences,
    codebook_version,
    count_words,
    detect_frames,
    frame_scores,
    frame_table,
    indonesian_family,
    load_codebook,
    sentence_table,
    split_sentences,
)

# One sentence per frame and language that carries a strong indicator of that frame.
FIRES = {
    ("privacy_surveillance", "id"): "Peramban itu diam-diam merekam aktivitas penjelajahan pengguna.",
    ("privacy_surveillance", "en"): "The browser recorded every website users visited, even in incognito mode.",
    ("security_weakness", "id"): "Data itu hanya disandikan dengan base64 sehingga mudah dibaca pihak lain.",
    ("security_weakness", "en"): "The data was merely encoded in base64, which anyone can decode in seconds.",
    ("corporate_reassurance", "id"): "Xiaomi menyatakan data itu dianonimkan dan dikumpulkan atas persetujuan pengguna.",
    ("corporate_reassurance", "en"): "Xiaomi said the data is aggregated, anonymised and collected with user consent.",
    ("china_geopolitics", "id"): "Data tersebut dikirim ke server di Singapura dan Rusia.",
    ("china_geopolitics", "en"): "The records went to servers in Singapore and Russia on domains registered in Beijing.",
    ("law_regulation", "id"): "Anggota DPR mendesak pemerintah segera mengesahkan RUU Perlindungan Data Pribadi.",
    ("law_regulation", "en"): "Regulators in Europe could fine the company under the GDPR.",
    ("consumer_advice", "id"): "Pengguna disarankan segera memperbarui peramban dan mematikan opsi pengumpulan data.",
    ("consumer_advice", "en"): "Users should update the browser and turn off data collection in the settings.",
    ("market_business", "id"): "Penjualan Xiaomi di Indonesia naik dan pangsa pasarnya kini terbesar kedua.",
    ("market_business", "en"): "Xiaomi's smartphone sales rose and its market share climbed to second place.",
    ("conflict", "id"): "Xiaomi membantah tuduhan tersebut.",
    ("conflict", "en"): "Xiaomi denied the allegations.",
}


@pytest.mark.parametrize("frame,lang", sorted(FIRES))
def test_each_frame_fires_on_its_indicators(frame, lang):
    text = FIRES[(frame, lang)]
    assert frame in detect_frames(text, lang)
    coded = code_sentences(text, lang)
    row = coded[coded["frame"] == frame].iloc[0]
    assert row["strength"] == "strong" and row["matched"]  # the evidence is shown


# --------------------------------------------------------------------------- near misses

SALES_ID = ("Penjualan ponsel Xiaomi naik 20 persen pada kuartal pertama. Xiaomi mengirimkan 10 juta unit "
            "ke toko-toko di seluruh Asia. Data Canalys menunjukkan pangsa pasarnya tumbuh.")
SALES_EN = ("Xiaomi shipped 10 million units in the first quarter. Sales data from Canalys show its market "
            "share grew. The company sent more phones to retailers than a year earlier.")


@pytest.mark.parametrize("text,lang", [(SALES_ID, "id"), (SALES_EN, "en")])
def test_a_story_about_sales_does_not_trip_privacy(text, lang):
    found = detect_frames(text, lang)
    assert "privacy_surveillance" not in found
    assert "market_business" in found


@pytest.mark.parametrize("text,lang", [
    ("Data itu penting bagi semua orang.", "id"),
    ("The data matter to everyone.", "en"),
    ("Xiaomi memperkenalkan browser baru.", "id"),
    ("Xiaomi launched a new browser.", "en"),
    ("Ia membuka peramban di ponselnya.", "id"),
])
def test_data_or_browser_alone_trips_nothing(text, lang):
    assert code_sentences(text, lang).empty
    assert detect_frames(text, lang) == set()


@pytest.mark.parametrize("text,lang,frame", [
    ("Peneliti keamanan siber Gabi Cirlig menguji ponsel itu.", "id", "security_weakness"),
    ("Cybersecurity researcher Gabi Cirlig tested the phone.", "en", "security_weakness"),
    ("Xiaomi punya rekam jejak yang panjang di Indonesia.", "id", "privacy_surveillance"),
    ("Kamera ponsel ini mampu merekam video 4K.", "id", "privacy_surveillance"),
    ("Xiaomi has a long track record in India.", "en", "privacy_surveillance"),
    ("Xiaomi, the Chinese phone maker, launched a new handset.", "en", "china_geopolitics"),
    ("Perusahaan asal China itu meluncurkan ponsel baru.", "id", "china_geopolitics"),
    ("Xiaomi tidak membantah bahwa data itu dikumpulkan.", "id", "conflict"),
    ("Privasi pengguna adalah prioritas utama kami.", "id", "privacy_surveillance"),
    ("Xiaomi's stock browser ships on every phone.", "en", "market_business"),
    ("The company does not collect data without consent.", "en", "privacy_surveillance"),
])
def test_near_misses_stay_silent(text, lang, frame):
    assert frame not in detect_frames(text, lang)


def test_negated_consent_is_an_allegation_not_reassurance():
    text = "Xiaomi dituding mengumpulkan data tanpa izin pengguna."
    assert "corporate_reassurance" not in detect_frames(text, "id")
    assert "privacy_surveillance" in detect_frames(text, "id")


# --------------------------------------------------------------------------- Indonesian morphology


@pytest.mark.parametrize("stem,forms", [
    ("rekam", ["rekam", "merekam", "direkam", "terekam", "perekaman", "rekaman", "rekamannya", "ngerekam"]),
    ("kumpul", ["mengumpulkan", "dikumpulkan", "pengumpulan", "terkumpul", "kumpulan", "ngumpulin"]),
    ("pantau", ["memantau", "dipantau", "pemantauan", "terpantau"]),
    ("sadap", ["menyadap", "disadap", "penyadapan"]),
    ("tuduh", ["menuduh", "dituduh", "tuduhan", "tuduhannya"]),
    ("bantah", ["membantah", "dibantah", "bantahan", "membantahnya"]),
    ("curi", ["mencuri", "dicuri", "pencurian", "curi"]),
])
def test_indonesian_word_family_covers_affixed_forms(stem, forms):
    pattern = re.compile(r"(?<!\w)" + indonesian_family(stem) + r"(?!\w)", re.IGNORECASE)
    for form in forms:
        assert pattern.fullmatch(form), f"{stem} should cover {form}"
    for other in ("rekap", "kumpar", "pantai", "bantal"):
        assert not pattern.fullmatch(other)


def test_affixed_forms_fire_in_sentences():
    assert "privacy_surveillance" in detect_frames("Aktivitas pengguna terus direkam oleh ponsel.", "id")
    assert "privacy_surveillance" in detect_frames("Perekaman riwayat penjelajahan berlangsung terus.", "id")
    assert "market_business" in detect_frames("Kasus ini bisa merusak reputasinya di Indonesia.", "id")  # clitic -nya


def test_code_mixed_indonesian_matches_english_indicators():
    # Indonesian tech news mixes in English; the codebook's `borrow: {id: [en]}` covers it.
    assert "privacy_surveillance" in detect_frames("Xiaomi dituding melakukan tracking terhadap browsing history pengguna.", "id")


# --------------------------------------------------------------------------- sentences


@pytest.mark.parametrize("text,n", [
    ("Mr. Tierney said the U.S. firm agreed.", 1),
    ("Versi 12.1.4 dirilis Senin. Pengguna bisa memperbaruinya.", 2),
    ('"Kami kecewa." Xiaomi menambahkan hal lain.', 2),
    ('"Apa benar?" tanya dia kepada wartawan.', 1),
    ("Kantornya di Jl. Sudirman No. 5 Jakarta.", 1),
    ("Peneliti Gabi C. Cirlig menemukan hal itu.", 1),
    ("Data meliputi memori, dll. yang tidak penting.", 1),
    ("Data meliputi memori, dll. Selain itu ada laporan galat.", 2),
    ("Judul berita\nParagraf pertama tanpa titik", 2),
    ("Harga Rp 2.500.000. Itu murah.", 2),
])
def test_sentence_splitter(text, n):
    assert len(split_sentences(text)) == n


def test_sentence_offsets_point_into_the_text():
    text = "Pertama di sini.  Kedua di sana!\nKetiga."
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == ["Pertama di sini.", "Kedua di sana!", "Ketiga."]
    coded = code_sentences("Ini pembuka. Xiaomi membantah tuduhan itu.", "id")
    row = coded.iloc[0]
    assert row["sentence_no"] == 2 and "Ini pembuka. Xiaomi membantah tuduhan itu."[row["start"]:row["end"]] == row["sentence"]


def test_link_lists_and_credits_are_not_coded():
    text = "Baca juga: Xiaomi diam-diam merekam aktivitas pengguna\nPewarta: Xiaomi membantah tuduhan"
    assert code_sentences(text, "id").empty


# --------------------------------------------------------------------------- threshold and intensity


def test_weak_evidence_needs_two_sentences():
    one = "Xiaomi mengumpulkan data statistik."
    two = one + " Perusahaan itu juga mengumpulkan data lain."
    s1 = frame_scores(one, "id").set_index("frame").loc["privacy_surveillance"]
    assert (s1["sentences"], s1["strong_sentences"], s1["present"]) == (1, 0, 0)
    assert "privacy_surveillance" in detect_frames(two, "id")


def test_intensity_is_sentences_per_thousand_words():
    text = "Xiaomi mengumpulkan data statistik. Perusahaan itu juga mengumpulkan data lain."
    assert count_words(text) == 10
    row = frame_scores(text, "id").set_index("frame").loc["privacy_surveillance"]
    assert row["intensity"] == pytest.approx(2 / 10 * 1000)  # 2 sentences in 10 words


def test_count_words_ignores_punctuation_only_tokens():
    assert count_words("Xiaomi - kata dia , lalu .") == 4


def test_unsupported_language_is_refused_with_a_reason():
    with pytest.raises(StudyError, match="only"):
        detect_frames("Xiaomi thu thập dữ liệu", "vi")
    assert detect_frames("Xiaomi denied the allegations.", "en-GB") == {"conflict"}


# --------------------------------------------------------------------------- tables


def _articles():
    return pd.DataFrame({
        "id": ["en1", "id1", "vi1", "en_empty"],
        "language": ["en", "id", "vi", "en"],
        "text": ["Sales rose in the quarter. Xiaomi denied the report.",
                 "Xiaomi membantah tuduhan itu.", "Xiaomi thu thập dữ liệu", ""],
    })


def test_frame_table_columns_and_uncoded_languages():
    table = frame_table(_articles())
    expected = ["article_id", *FRAME_IDS, *(f"{f}_intensity" for f in FRAME_IDS), "n_words", "coded", "codebook_version"]
    assert list(table.columns) == expected
    t = table.set_index("article_id")
    assert t.loc["en1", "market_business"] == 1 and t.loc["en1", "conflict"] == 1
    assert t.loc["en1", "conflict_intensity"] == pytest.approx(1 / 9 * 1000, abs=1e-3)  # 1 sentence, 9 words
    assert t.loc["vi1", "coded"] == 0 and pd.isna(t.loc["vi1", "conflict"])
    assert t.loc["en_empty", "coded"] == 0
    assert set(table["codebook_version"]) == {codebook_version()}
    assert list(table["article_id"]) == sorted(table["article_id"])


def test_sentence_table_is_the_evidence():
    st = sentence_table(_articles())
    assert list(st.columns) == ["article_id", "sentence_no", "start", "end", "sentence", "frame", "matched",
                                "strength", "codebook_version"]
    assert set(st["article_id"]) == {"en1", "id1"}
    # the rebuttal (strong) and the accusation it answers (context) are both shown as evidence
    assert st[st["article_id"] == "id1"]["matched"].tolist() == ["membantah; tuduhan"]


# --------------------------------------------------------------------------- the codebook


def test_codebook_is_complete_bilingual_and_referenced():
    cb = load_codebook()
    assert cb["version"] == codebook_version()
    assert set(cb["frames"]) == set(FRAME_IDS)
    for fid, fr in cb["frames"].items():
        assert fr["label"]["en"] and fr["label"]["id"] and fr["definition"]["id"]
        assert re.search(r"\(\d{4}\)", fr["reference"]), fid  # an author-year reference


def _copy_codebook(tmp_path, edit):
    data = yaml.safe_load(CODEBOOK_PATH.read_text(encoding="utf-8"))
    edit(data)
    path = tmp_path / "frames.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_a_researcher_edits_indicators_without_code(tmp_path):
    text = "Gawai Xiaomi laku keras tahun ini."
    assert "market_business" not in detect_frames(text, "id")

    def add(data):
        data["frames"]["market_business"]["indicators"]["id"]["strong"].append("laku keras")
        data["version"] = "test-edit"

    path = _copy_codebook(tmp_path, add)
    assert "market_business" in detect_frames(text, "id", codebook=path)
    assert frame_table(pd.DataFrame({"id": ["a"], "language": ["id"], "text": [text]}),
                       codebook=path)["codebook_version"].iloc[0] == "test-edit"


def test_bad_regex_names_file_line_and_entry(tmp_path):
    def bad(data):
        data["frames"]["conflict"]["indicators"]["en"]["strong"][0] = "re:(unclosed"

    path = _copy_codebook(tmp_path, bad)
    with pytest.raises(StudyError, match=r"frames\.yml line \d+ \(frames\.conflict\.indicators\.en\.strong\[0\]\): bad regular expression"):
        load_codebook(path)


def test_regex_looking_indicator_is_refused_with_the_fix(tmp_path):
    def bad(data):
        data["frames"]["privacy_surveillance"]["indicators"]["en"]["weak"].append("behaviou?r")

    with pytest.raises(StudyError, match="re:"):
        load_codebook(_copy_codebook(tmp_path, bad))


def test_missing_frame_and_bad_yaml_are_reported(tmp_path):
    with pytest.raises(StudyError, match="conflict"):
        load_codebook(_copy_codebook(tmp_path, lambda d: d["frames"].pop("conflict")))
    broken = tmp_path / "broken.yml"
    broken.write_text("version: 1\nframes:\n  - a\n   b: [\n", encoding="utf-8")
    with pytest.raises(StudyError, match=r"broken\.yml line \d+"):
        load_codebook(broken)
    with pytest.raises(StudyError, match="not found"):
        load_codebook(Path(tmp_path / "none.yml"))


def test_descriptors_are_context_and_never_make_a_frame_alone():
    three = ("Chinese phone maker Xiaomi was accused. The Chinese company replied. "
             "Analysts said the Chinese smartphone brand would recover.")
    coded = code_sentences(three, "en")
    assert set(coded.loc[coded["frame"] == "china_geopolitics", "strength"]) == {"context"}
    assert "china_geopolitics" not in detect_frames(three, "en")
    # with one real piece of evidence (a weak mention of Beijing) the context counts
    assert "china_geopolitics" in detect_frames(three + " Its web domains point to Beijing.", "en")


def test_unanswered_allegations_are_not_conflict():
    text = "We are yet to hear an official comment from Xiaomi responding to the allegations."
    assert "conflict" not in detect_frames(text, "en")


# --------------------------------------------------------------------------- near misses found on held-out coverage
# (codebook 1.2.0; every text below is written for this test, in the register of the coverage)


def test_a_regulator_asking_for_clarification_is_law_not_conflict_or_reassurance():
    text = ("Kominfo Minta Klarifikasi Xiaomi Soal Dugaan Perekaman Data Browsing\n"
            "Kementerian Komunikasi dan Informatika akan meminta klarifikasi Xiaomi Indonesia.\n"
            "Setiap penyelenggara sistem elektronik wajib tunduk pada peraturan pemerintah.\n"
            "Hingga berita ini diturunkan, Xiaomi Indonesia belum memberikan tanggapan.")
    found = detect_frames(text, "id")
    assert "law_regulation" in found
    assert "conflict" not in found and "corporate_reassurance" not in found


@pytest.mark.parametrize("text,lang", [
    ("Researchers accused Xiaomi of logging searches. Xiaomi did not immediately respond to a request for comment.",
     "en"),
    ("Xiaomi dituduh merekam pencarian. Xiaomi belum menanggapi permintaan konfirmasi wartawan.", "id"),
    ("Xiaomi was accused of logging searches. The allegations were first reported by Forbes.", "en"),
])
def test_an_accusation_nobody_answers_is_not_conflict(text, lang):
    assert "conflict" not in detect_frames(text, lang)


@pytest.mark.parametrize("text,lang", [
    ("Researchers accused Xiaomi of logging searches. Xiaomi responded in a blog post on Saturday.", "en"),
    ("Xiaomi dituduh merekam pencarian. Xiaomi berdalih, Xiaomi tidak mengumpulkan data pribadi.", "id"),
    ("The company's India head contested reports that its phones logged private browsing.", "en"),
])
def test_an_accusation_set_against_a_response_is_conflict(text, lang):
    assert "conflict" in detect_frames(text, lang)


@pytest.mark.parametrize("text,lang", [
    ("Xiaomi said it gathers data only once users have agreed. "
     "Whatever is collected is used only for internal analysis. "
     "A new option will let users switch data collection on or off.", "en"),
    ("Xiaomi menyatakan hanya mengumpulkan data atas persetujuan pengguna. "
     "Data yang dikumpulkan dipakai untuk analisis internal. "
     "Pengguna kini bisa memilih opsi untuk menonaktifkan pengumpulan data.", "id"),
])
def test_the_company_describing_its_collection_is_not_surveillance(text, lang):
    found = detect_frames(text, lang)
    assert "privacy_surveillance" not in found
    assert "corporate_reassurance" in found


@pytest.mark.parametrize("text,lang", [
    ("Huawei held about a sixth of the smartphone market. Huawei shipped 40 million smartphones. "
     "Despite US-China trade wars, Huawei held on to its smartphone share in the quarter.", "en"),
    ("Huawei berada di posisi ketiga dengan pangsa 15 persen. Pengapalan Huawei turun pada kuartal pertama.", "id"),
])
def test_huawei_in_a_market_paragraph_is_not_geopolitics(text, lang):
    found = detect_frames(text, lang)
    assert "china_geopolitics" not in found
    assert "market_business" in found


def test_a_shopping_widget_left_by_extraction_is_not_market():
    text = ("The company answered the report on Saturday.\nYou may be interested in\nApple iPhone X\n"
            "8 GB RAM\n12% OFF\nBuy now\nSamsung Galaxy Y\nCheck details")
    assert "market_business" not in detect_frames(text, "en")


@pytest.mark.parametrize("text,lang", [
    ("A ministry warned its staff against buying the phones until the review ends.", "en"),
    ("Kementerian itu meminta para pegawainya agar tidak menggunakan ponsel tersebut.", "id"),
    ("If you're worried, you can try one of the alternatives such as Firefox.", "en"),
    ("The switch ships turned off, so owners will need to enable it themselves.", "en"),
])
def test_warnings_and_alternatives_addressed_to_users_are_advice(text, lang):
    assert "consumer_advice" in detect_frames(text, lang)


@pytest.mark.parametrize("text,lang,expected", [
    ("Xiaomi mengklaim semua data yang dikirim dari ponsel pengguna sudah dienkripsi.", "id", True),
    ("Peneliti menyebut data itu bukan dienkripsi, hanya disandikan base64.", "id", False),
    ("Xiaomi claims that everything its browser sends home is encrypted.", "en", True),
    ("The researchers said the data was merely encoded in base64, not encrypted.", "en", False),
])
def test_the_company_claiming_encryption_is_reassurance(text, lang, expected):
    assert ("corporate_reassurance" in detect_frames(text, lang)) is expected


@pytest.mark.parametrize("text,expected", [
    ("Critics point to China's 2017 National Intelligence Law.", True),
    ("A data protection lawyer at a London law firm said so.", False),
    ("Any unlawful activity would hurt the brand.", False),
])
def test_named_laws_count_an_evaluative_adjective_alone_does_not(text, expected):
    assert ("law_regulation" in detect_frames(text, "en")) is expected


def test_generic_security_issues_are_suggestive_only():
    text = "Chinese phone makers have faced privacy and security issues before."
    assert "security_weakness" not in detect_frames(text, "en")


@pytest.mark.parametrize("text,lang", [
    ("SCROLL TO CONTINUE WITH CONTENT\nSimak Video \"Xiaomi diam-diam merekam aktivitas pengguna\"", "id"),
    ("Advertisement\nFollow us on Twitter for news on Xiaomi denying the allegations", "en"),
])
def test_page_furniture_is_not_coded(text, lang):
    assert code_sentences(text, lang).empty


@pytest.mark.parametrize("text,n", [
    ("Peluncuran dimulai Selasa (12/5/2020) pukul 14.00 WIB. Acara digelar daring.", 2),
    ("Pembaruan dirilis Kamis (7/5) pukul 09.00 WIB. Pengguna bisa mengunduhnya.", 2),
    ("Xiaomi Corp. said on Monday it would comply. Shares rose 2.1% in Hong Kong.", 2),
])
def test_sentence_splitter_on_wire_copy(text, n):
    assert len(split_sentences(text)) == n


@pytest.mark.parametrize("text,lang", [
    ("The Pentagon added Xiaomi to a blacklist of alleged Chinese military companies. "
     "An executive order bars US investors from buying its shares, which fell 10% in Hong Kong.", "en"),
    ("Pemerintah AS memasukkan Xiaomi ke daftar hitam perusahaan militer China. "
     "Investor AS dilarang membeli sahamnya, dan saham Xiaomi anjlok 10 persen di Bursa Hong Kong.", "id"),
])
def test_a_government_blacklist_is_law_china_and_market(text, lang):
    assert {"law_regulation", "china_geopolitics", "market_business"} <= detect_frames(text, lang)


def test_a_ban_on_chinese_apps_is_law_and_china():
    text = "Mi Browser Pro was among the Chinese apps banned by the Indian government amid border tensions between India and China."
    found = detect_frames(text, "en")
    assert {"law_regulation", "china_geopolitics"} <= found
    assert "conflict" not in found  # a border dispute is not this story's dispute


@pytest.mark.parametrize("text,lang,expected", [
    ("Pengguna bisa mengaktifkan fitur ini di menu Pengaturan.", "id", True),
    ("MIUI masih menampilkan iklan, tetapi iklan itu bisa dimatikan lewat pengaturan.", "id", False),
    ("Pemerintah mengimbau masyarakat tetap di rumah selama PSBB.", "id", False),
    ("Mengenal base64, cara Xiaomi 'mengamankan' data yang disebut bukan enkripsi.", "id", False),
    ("Konsumen sebaiknya membaca syarat dan ketentuan sebelum menyetujuinya.", "id", True),
    ("Users can manually update the app by heading to the System apps updater in Settings.", "en", True),
])
def test_advice_is_addressed_to_users(text, lang, expected):
    assert ("consumer_advice" in detect_frames(text, lang)) is expected


@pytest.mark.parametrize("text,lang,frame", [
    ("Tanya: Apakah HP saya aman?\nJawaban: Menurut laporan, yang merekam adalah peramban bawaan.", "id", "conflict"),
    ("Is a preinstalled browser a security risk? Readers asked us about the security risk.", "en",
     "security_weakness"),
    ("Researchers say the fix is transparency about what usage data is collected.", "en", "corporate_reassurance"),
    ("Isu privasi yang menerpa peramban Xiaomi perlu ditangani agar tidak menggerus kepercayaan.", "id",
     "privacy_surveillance"),
])
def test_labels_and_generic_words_do_not_make_a_frame(text, lang, frame):
    assert frame not in detect_frames(text, lang)


def test_a_breached_system_is_a_security_weakness():
    text = "Data 15 juta pengguna bocor dan dijual di forum peretas setelah sistem keamanannya dibobol."
    assert "security_weakness" in detect_frames(text, "id")


def test_a_market_report_with_response_words_is_not_conflict():
    text = ("Shipments rose in response to strong demand in Europe. Canalys found that Xiaomi grew 45% "
            "and analysts said the claims of a slowdown were overdone.")
    found = detect_frames(text, "en")
    assert "conflict" not in found and "market_business" in found
