"""Media citations (coverage.citations). All sentences are synthetic, written for these tests."""

from __future__ import annotations

import pandas as pd
import pytest

from coverage.citations import account_table, canonical_outlet, citation_records, cited_media

ID_CUES = [
    ("Dilansir dari Forbes, peneliti menemukan peramban Xiaomi mengirim data.", "Forbes", "dilansir"),
    ("Seperti dilansir Forbes, peramban Xiaomi mengirim data.", "Forbes", "dilansir"),
    ("Mengutip GSMArena, sakelar baru itu ada di menu privasi.", "GSMArena", "mengutip"),
    ("Seperti dikutip dari Antara, Xiaomi menyebut laporan itu keliru.", "Antara", "dikutip"),
    ("Hal itu dikutip dari Kompas.com, Senin.", "KompasTekno", "dikutip"),
    ("Menurut laporan Forbes, data dikirim ke Singapura.", "Forbes", "menurut laporan"),
    ("Forbes melaporkan bahwa peramban Xiaomi mengirim data.", "Forbes", "melaporkan"),
    ("Xiaomi membantah laporan media Amerika Serikat Forbes yang menyebut peramban itu merekam data.", "Forbes", "melaporkan"),
    ("Temuan itu pertama kali dilaporkan oleh Forbes pada Kamis.", "Forbes", "dilaporkan"),
    ("“Ini masalah serius,” kata Cirlig kepada Forbes.", "Forbes", "kepada"),
    ("Sebagaimana diberitakan Tempo, Xiaomi sudah merilis pembaruan.", "Tempo", "diberitakan"),
    ("Menurut The Verge, pembaruan itu sudah tersedia.", "The Verge", "menurut"),
]

EN_CUES = [
    ("According to Forbes, the data went to servers in Singapore.", "Forbes", "according to"),
    ("Forbes reported that the browsers sent data abroad.", "Forbes", "reported"),
    ("The findings were first reported by Forbes on Thursday.", "Forbes", "reported by"),
    ("As reported by The Verge, the update is out.", "The Verge", "reported by"),
    ("Xiaomi has released an update (via CNET).", "CNET", "via"),
    ("“It is a backdoor,” Cirlig told Forbes.", "Forbes", "told"),
    ("Cirlig said in an interview with ZDNet that the data was readable.", "ZDNet", "interview"),
    ("A report by Forbes claimed the phones recorded browsing data.", "Forbes", "report"),
    ("Forbes' report says the data was sent to Russia.", "Forbes", "report"),
    ("Researchers cited by Forbes say the browsers log every site.", "Forbes", "reported by"),
    ("Xiaomi told Android Police the toggle was rolling out.", "Android Police", "told"),
    ("The toggle was first spotted by XDA Developers.", "XDA Developers", "reported by"),
]


@pytest.mark.parametrize("sentence,outlet,cue", ID_CUES)
def test_indonesian_citation_cues(sentence, outlet, cue):
    recs = citation_records(sentence, "id")
    assert [(r["cited"], r["cue"]) for r in recs] == [(outlet, cue)]
    r = recs[0]
    assert canonical_outlet(sentence[r["start"]:r["end"]]) == outlet


@pytest.mark.parametrize("sentence,outlet,cue", EN_CUES)
def test_english_citation_cues(sentence, outlet, cue):
    recs = citation_records(sentence, "en")
    assert [(r["cited"], r["cue"]) for r in recs] == [(outlet, cue)]


@pytest.mark.parametrize("text,lang", [
    # named only inside a quotation: Xiaomi's words, not the article's sourcing
    ("“Kami kecewa dengan artikel dari Forbes,” kata Xiaomi.", "id"),
    ('"We were disappointed by the Forbes story," the company said.', "en"),
    # the object of a dispute, not a source
    ("Xiaomi sebelumnya membantah laporan Forbes itu.", "id"),
    ("Perusahaan itu juga menyebut laporan Forbes sebagai salah paham.", "id"),
    ("Xiaomi's defence against last week's Forbes report rests on three words.", "en"),
    # the company's own blog is not a medium
    ("Seperti dikutip dari blog resmi Xiaomi, data itu dianonimkan.", "id"),
    ("Mengutip Xiaomi, data itu dianonimkan.", "id"),
    ("According to Xiaomi's blog, the data is anonymised.", "en"),
    # datelines, bylines, related links and days of the week
    ("Jakarta (ANTARA) - Xiaomi membantah tuduhan itu.\nPewarta: Nama Pewarta\nBaca juga: Forbes soal Xiaomi", "id"),
    ("Pernyataan itu dimuat di blog resminya, dikutip Sabtu.", "id"),
    ("Xiaomi said so in a statement, according to industry trackers.", "en"),
    ("", "en"),
])
def test_what_is_not_a_citation(text, lang):
    assert cited_media(text, lang) == []


def test_cited_media_is_canonical_once_each_in_order_of_first_mention():
    text = ("Mengutip GSMArena, pembaruan itu sudah tersedia. Menurut laporan Forbes, data dikirim ke Rusia. "
            "Hal serupa dilansir dari Kompas.com dan, seperti dikutip dari KompasTekno, diakui Xiaomi. "
            "“Kami patuh,” kata Xiaomi kepada Forbes.")
    assert cited_media(text, "id") == ["GSMArena", "Forbes", "KompasTekno"]
    recs = citation_records(text, "id")
    assert [r["cited"] for r in recs] == ["GSMArena", "Forbes", "KompasTekno", "KompasTekno", "Forbes"]


def test_closing_source_credits():
    text = "Xiaomi membantah tuduhan itu.\nSumber: GSMArena, Kantor Berita Nusa"
    assert cited_media(text, "id") == ["GSMArena", "Kantor Berita Nusa"]
    text = "Xiaomi membantah tuduhan itu.\n(Kantor Berita Nusa)"
    assert cited_media(text, "id") == ["Kantor Berita Nusa"]
    assert cited_media("Xiaomi denied it.\nSource: Gizmochina", "en") == ["Gizmochina"]
    # bracketed lists, a "Source/VIA:" label, Tempo's sources in capitals between bars
    assert cited_media("Xiaomi membantah tuduhan itu.\n(Sumber: Forbes, GSMArena)", "id") == ["Forbes", "GSMArena"]
    assert cited_media("Xiaomi denied it.\nSource/VIA: Forbes", "en") == ["Forbes"]
    assert cited_media("Xiaomi membantah tuduhan itu.\nFORBES | GSMARENA", "id") == ["Forbes", "GSMArena"]
    # capitals between bars that name no listed outlet (a breadcrumb, a reporter's initials) are none
    assert cited_media("Xiaomi membantah tuduhan itu.\nBERANDA | TEKNO", "id") == []


def test_unlisted_outlets_count_only_after_media_cues():
    assert cited_media("Dilansir dari Kabar Nusantara, Xiaomi membantah tuduhan itu.", "id") == ["Kabar Nusantara"]
    assert cited_media("The story was first reported by Tech Dispatch News.", "en") == ["Tech Dispatch News"]
    # "revealed by" a person is not an outlet; after a weak cue ("told") an unlisted name counts
    # only when it looks like an outlet (Weekly, Bulletin, Kabar ...): not a person or a firm
    assert cited_media("The flaw was revealed by John Smith last week.", "en") == []
    assert cited_media("“It is fine,” Ho told Asia Data Weekly.", "en") == ["Asia Data Weekly"]
    assert cited_media("“It is fine,” Ho told Jane Porter.", "en") == []
    assert cited_media("“It is fine,” Ho told Acme Holdings.", "en") == []


def test_the_publishing_outlet_does_not_cite_itself():
    text = "“Data aman,” kata Andreas kepada KompasTekno. Menurut laporan Forbes, data dikirim ke Rusia."
    assert cited_media(text, "id") == ["KompasTekno", "Forbes"]
    assert cited_media(text, "id", outlet="Kompas.com") == ["Forbes"]


def test_account_table_sorts_articles_by_whose_account_they_relay():
    articles = pd.DataFrame({"id": ["a", "b", "c", "d"], "outlet": ["A", "B", "C", "D"], "language": ["id"] * 4,
                             "group": ["indonesia"] * 4})
    quotes = pd.DataFrame({"article_id": ["a", "b", "b", "c"], "speaker": ["Xiaomi", "Gabi Cirlig", "Xiaomi", "Forbes"],
                           "speaker_type": ["company", "researcher", "company", "media"]})
    citations = pd.DataFrame({"article_id": ["d"], "cited": ["GSMArena"], "cue": ["mengutip"]})
    t = account_table(articles, quotes, citations).set_index("article_id")
    assert t["account"].astype(str).to_dict() == {
        "a": "Xiaomi's statement only", "b": "both", "c": "Forbes' report only", "d": "neither"}


# --- session 2: cues and pitfalls found in real coverage (synthetic sentences) -------------

@pytest.mark.parametrize("sentence,lang,outlets", [
    ("Dilansir dari Forbes pada Selasa (5/5/2020), peramban itu ternyata cerewet.", "id", ["Forbes"]),
    ("Berdasarkan laporan dari VPNMentor, data 1,3 juta pengguna bocor.", "id", ["VPNMentor"]),
    ("Dihimpun KompasTekno dari CNet, Kamis (7/5/2020), pembaruan itu sudah tersedia.", "id", ["CNET"]),
    ("“Data 87 juta orang bocor,” tulis Facebook, sebagaimana dirangkum KompasTekno, Kamis (5/4/2018).", "id",
     ["KompasTekno"]),
    ("“States are asking questions,” writes Politico’s Cristiano Lima.", "en", ["Politico"]),
    ("Xiaomi refuted the report, APA reports citing Expresscomputer.", "en", ["Express Computer"]),
    ("As the Economic Times of India reports, the government banned the browser.", "en", ["The Economic Times"]),
    ("A former engineer told Verge that safety came last.", "en", ["The Verge"]),
    ("TikTok told The Telegraph that it keeps none of the copied text.", "en", ["The Telegraph"]),
])
def test_more_citation_cues(sentence, lang, outlets):
    assert cited_media(sentence, lang) == outlets


def test_the_publishing_outlet_is_recognised_with_or_without_its_domain():
    text = "Dikutip Telset.id, Senin (4/5/2020), peneliti menemukan fakta baru. Menurut Forbes, data terkirim."
    assert cited_media(text, "id", outlet="Telset") == ["Forbes"]
    assert cited_media(text, "id", outlet="telset.id") == ["Forbes"]
    assert citation_records(text, "id", outlet="Telset")[0]["cited"] == "Forbes"


def test_product_names_are_not_outlets():
    # "Mint" is a newspaper (Mint / Livemint); "Mint Browser" is Xiaomi's browser
    assert cited_media("According to the Mint Browser changelog, the toggle is off by default.", "en") == []


def test_dates_after_a_citation_cue_are_not_outlets():
    text = "“Kami kecewa,” kata Xiaomi dalam keterangan di blog resmi, dikutip Sabtu 2 Mei 2020."
    assert cited_media(text, "id") == []
    assert cited_media("“Lembaga itu harus mandiri,” jelas Wahyudi kepada VOA, Minggu (21/8).", "id") == ["VOA"]


# --- round 4: wire bylines, descriptors before an outlet, "a X report" ------------------------


@pytest.mark.parametrize("text,lang,outlets", [
    ("AFP\nPublished: 07 Apr 2021\nThe social network said the data was old.", "en", ["AFP"]),
    ("Layanan imigrasi sudah pulih kembali pada Sabtu. ANTARA", "id", ["Antara"]),
    ("According to the website Bleeping Computer, which analysed a sample, every row had a phone number.", "en",
     ["BleepingComputer"]),
    ("The firm issued a statement following a Business Insider report about the exposed database.", "en",
     ["Business Insider"]),
    ("She told the summit there were lessons for everyone, according to the AFR.", "en", ["Australian Financial Review"]),
])
def test_round4_citation_shapes(text, lang, outlets):
    assert cited_media(text, lang) == outlets


@pytest.mark.parametrize("text,lang", [
    ("Xiaomi denied a Forbes report about its browsers.", "en"),           # disputed, not relayed
    ("Kata dia pada Selasa. BSI", "id"),                                     # a closing capital word that is no outlet
    ("AFP\nPublished: 07 Apr 2021\nThe agency said the data was old.", "en"),  # the publisher's own byline
])
def test_round4_not_citations(text, lang):
    outlet = "AFP" if "agency" in text else None
    assert cited_media(text, lang, outlet=outlet) == []


# --- round 5: cues and names seen on unseen English and Indonesian copy ---

def test_a_lowercase_domain_after_dikutip_dari_is_the_outlet():
    assert cited_media("“Itu hoaks,” katanya dikutip dari kontan.co.id, Minggu (21/8/2022).", "id") == ["Kontan"]


def test_a_weekday_after_an_unlisted_name_is_not_part_of_it():
    assert cited_media("Dikutip dari Liputan6.com Senin, 22 Agustus, berikut faktanya.", "id") == ["Liputan6"]


@pytest.mark.parametrize("text, want", [
    ("The findings do not point to a breach, a representative shared with USA Today.", ["USA Today"]),
    ("The stolen files held licences, The Sydney Morning Herald newspaper reported.", ["The Sydney Morning Herald"]),
    ("Only 14,000 accounts were entered, a spokesperson said in reply to an AFP inquiry.", ["AFP"]),
])
def test_english_cues_shared_with_in_reply_to_and_newspaper_reported(text, want):
    assert cited_media(text, "en") == want


# --- round 7: cues that name the outlet that asked, hosted or first reported (synthetic) ---
ROUND7_CITED = [
    ("Informasi ini diketahui dari laman BleepingComputer pekan lalu.", "id", ["BleepingComputer"]),
    ("Data itu dilansir kali pertama oleh Reuters merujuk unggahan di forum.", "id", ["Reuters"]),
    ("Hal itu disampaikan Andi saat menjawab pertanyaan Antara di Semarang, Selasa.", "id", ["Antara"]),
    ("“Kami terus memantau,” sebut juru bicara PT Contoh dalam keterangan yang diterima detikINET.", "id", ["Detik"]),
    ("Dalam keterangan tertulis yang diterima Tempo, Kominfo menyebut server sudah dimatikan.", "id", ["Tempo"]),
    ("Kabar Nusa melaporkan bahwa server itu terbuka sejak Juli.", "id", ["Kabar Nusa"]),
    ("Earlier, a seller told Vice that the data came from the servers.", "en", ["VICE"]),
    ("The records cost about $270,000, Vice reported.", "en", ["VICE"]),
    ("The ABC News service reported that 560 million customers were affected.", "en", ["ABC News"]),
    ("CyberDaily, an Australian tech outlet, first reported the breach.", "en", ["CyberDaily"]),
    ("Coast Daily reported that the database was left open.", "en", ["Coast Daily"]),
    ("An official said in a statement to BBC media partner CBS News that the agency was aware.", "en", ["CBS News"]),
]

ROUND7_NOT_CITED = [
    ("Vice President Jane Roe said the company was investigating.", "en"),
    ("The claim was made by Senior Vice President John Doe.", "en"),
    ("Xiaomi membantah laporan Forbes yang menyatakan data dikirim diam-diam.", "id"),
    ("The company denied a Vice report that the data came from its servers.", "en"),
    ("Tim peneliti Kabar Nusa melaporkan kasus ini ke BSSN pada Juli.", "id"),
    ("“Kami membaca laman BleepingComputer setiap hari,” kata Andi.", "id"),
    ("Andi Wijaya then told Vice President Jane Roe about the breach.", "en"),
]


@pytest.mark.parametrize("text,lang,outlets", ROUND7_CITED)
def test_round7_citation_cues(text, lang, outlets):
    assert cited_media(text, lang) == outlets


@pytest.mark.parametrize("text,lang", ROUND7_NOT_CITED)
def test_round7_not_citations(text, lang):
    assert cited_media(text, lang) == []


def test_round7_the_publishing_outlet_is_not_cited_by_the_new_cues():
    text = "“Kami terus memantau,” sebut juru bicara PT Contoh dalam keterangan yang diterima detikINET."
    assert cited_media(text, "id", outlet="detikINET") == []
    assert cited_media("The records cost about $270,000, Vice reported.", "en", outlet="VICE") == []


ROUND7_MORE = [
    ("“Data itu sudah lama,” katanya lansir TechCrunch.", "id", ["TechCrunch"]),
    ("Laporan kebocoran itu pertama kali disebarkan oleh Cybernews pekan lalu.", "id", ["Cybernews"]),
    ("Menurut laporan Cybernews. Menurut situs itu, data dijual di forum.", "id", ["Cybernews"]),
    ("The breach was reported earlier by the New York Times on Friday.", "en", ["The New York Times"]),
    ("About 70 million records were stolen, according to reports from BleepingComputer at the time.", "en", ["BleepingComputer"]),
]


@pytest.mark.parametrize("text,lang,outlets", ROUND7_MORE)
def test_round7_more_citation_shapes(text, lang, outlets):
    assert cited_media(text, lang) == outlets


def test_round7_the_outlet_after_dari_is_cited_not_the_one_that_quoted_it():
    text = "Sebagaimana dikutip Kabar Nusa dari Business Insider, juru bicara itu membenarkan kebocoran."
    assert cited_media(text, "id", outlet="Kabar Nusa") == ["Business Insider"]


def test_round7_a_wire_dateline_is_cited_only_in_another_outlets_article():
    text = "SAN FRANCISCO (Reuters) - The company said on Tuesday that accounts were accessed."
    assert cited_media(text, "en", outlet="Yahoo News") == ["Reuters"]
    assert cited_media(text, "en", outlet="Reuters") == []
    assert cited_media(text, "en") == []  # without the outlet it may be the agency's own copy


# --- session 3: outlets media.yml does not list ------------------------------------------------

@pytest.mark.parametrize("lang,text,want", [
    # a news-media noun between cue and name makes any capitalised name an outlet
    ("id", "Seperti dilaporkan harian Lentera Timur, data itu dijual di forum.", ["Lentera Timur"]),
    ("id", "Dilansir dari media Teknoloka, perusahaan itu belum memberi tanggapan.", ["Teknoloka"]),
    ("en", "The data was for sale, according to the newspaper Harbor Lantern.", ["Harbor Lantern"]),
    # a weak cue (kepada, told) with a name that looks like an outlet
    ("id", "Hal itu diungkapkan Andi Wijaya kepada Kabar Kotaraya, Selasa.", ["Kabar Kotaraya"]),
    ("en", "“We are investigating,” a spokesperson told the Harbor Bulletin.", ["Harbor Bulletin"]),
    ("en", "The breach affected 5 million users, the Harbor Bulletin reported.", ["Harbor Bulletin"]),
    ("en", "The data was put up for sale, according to a report by the Coast Ledger.", ["Coast Ledger"]),
    # one word ending in a newspaper word, and an apposition that says it is an outlet
    ("en", "SecureWire, an Australian tech outlet, first reported the sale.", ["SecureWire"]),
    ("id", "Kebocoran itu pertama kali disebarkan oleh Cyberbitnews.", ["Cyberbitnews"]),
])
def test_unlisted_outlets_after_media_cues(lang, text, want) -> None:
    assert cited_media(text, lang) == want


@pytest.mark.parametrize("lang,text", [
    ("id", "Mengutip Acme Corp, data pengguna aman."),            # a firm's legal form
    ("id", "Dikutip dari Universitas Lembah Hijau, data itu lama."),  # a university speaks
    ("id", "Data itu ditemukan di situs Bocorin milik peretas."),  # a site is not a news medium
    ("en", "According to Acme Holdings, no passwords were taken."),
    ("en", "The flaw was found in a report by the Stanford Internet Observatory."),
    ("en", "According to Jane Smith, the data was old."),
])
def test_unlisted_names_that_are_no_outlets(lang, text) -> None:
    assert cited_media(text, lang) == []


def test_unlisted_outlet_names_are_canonicalised() -> None:
    # the domain ending and a media noun are not part of the outlet's name
    assert cited_media("Data itu dijual seharga 500 dolar, mengutip situs BeritaKita.id.", "id") == ["BeritaKita"]
    # "the Ledger" after "the Coast Ledger reported" is the same outlet, cited once
    text = "The Coast Ledger reported the sale on Monday. The firm declined to comment, according to the Ledger."
    assert cited_media(text, "en") == ["The Coast Ledger"]
    # a listed outlet inside a longer name is the listed outlet, found once
    assert cited_media("Menurut harian Tempo, data itu dijual.", "id") == [canonical_outlet("Tempo")]


@pytest.mark.parametrize("text, lang, want", [
    ("Kebocoran itu disebut berbahaya, seperti disiarkan Reuters, Jumat.", "id", ["Reuters"]),
    ("Dikutip dari cnbcindonesia.com pada Rabu, keduanya akan bergabung.", "id", ["CNBC Indonesia"]),
    ("“Tidak ada sistem yang aman,” ujar Heru saat diwawancarai Merdeka.com, Senin.", "id", ["Merdeka.com"]),
    ("The settlement was revealed in a court filing, as relayed by the New York Post.", "en", ["New York Post"]),
    # "the Times" after "The New York Times" is that paper, not The Times of London
    ("The New York Times reported the breach. Other systems were down, the Times reported.", "en", ["The New York Times"]),
])
def test_citation_shapes_from_new_stories(text, lang, want):
    assert cited_media(text, lang) == want


# --- session 3, round 3: credit lines, recipients, station call signs, outlets as subjects ------

@pytest.mark.parametrize("text, lang, want", [
    # a credit line after a separator names the wire or outlet the story comes from
    ("Acme Health's systems are down.\n/ Source: CNBC.com", "en", ["CNBC"]),
    ("Sistem Acmesel pulih sore ini.\nSumber: rmol", "id", ["RMOL"]),
    # an outlet that receives a document is relayed
    ("Lawyers for the creators provided a copy of the lawsuit to Reuters on Tuesday.", "en", ["Reuters"]),
    # a city before a station's call sign is no part of its name
    ('"It is a serious problem," police sergeant Jim Oaks told Detroit\'s WXYZ-TV on Monday.', "en", ["WXYZ-TV"]),
    # an outlet as the subject of its own reporting act
    ("The New York Times spoke with seven women who found trackers in their bags.", "en", ["The New York Times"]),
    # "media" alone is no outlet
    ("Media reports attribute the attack to a criminal group.", "en", []),
    # session 5: "a report on the Verge", a reporter writing for an outlet, an unlisted paper
    # whose name holds a listed one ("Belfast Telegraph" is not The Telegraph)
    ("According to a report on the Verge, the account tweeted at 4 pm.", "en", ["The Verge"]),
    ("As reported by Jane Roe for TechCrunch, the chatbot made the story up.", "en", ["TechCrunch"]),
    ("Officers' names were exposed, according to the Belfast Telegraph.", "en", ["Belfast Telegraph"]),
    ("It was reported by the company for the first time on Monday.", "en", []),
    # the page printed the cue's link as a paragraph of its own
    ("Lazada membantah, dilansir dari\niNews.id, Sabtu (31/10/2020).", "id", ["iNews"]),
    ("The data leaked, according to\nThe Verge.", "en", ["The Verge"]),
    ("Pengguna mengeluh, kata dia melansir\nperusahaan itu membantah.", "id", []),
    # the newsroom of a copied story acting in it names the story's source
    ("Kontan.co.id telah berusaha menghubungi pihak bank, namun belum ada jawaban.", "id", ["Kontan"]),
    ("The Verge has reached out to the phone maker for comment.", "en", ["The Verge"]),
    ("Kominfo telah menghubungi Xiaomi untuk meminta penjelasan.", "id", []),
    ("The phone maker contacted the researchers on Friday.", "en", []),
])
def test_credit_lines_recipients_and_call_signs(text, lang, want):
    assert cited_media(text, lang) == want


@pytest.mark.parametrize("text, lang, outlet, want", [
    # a portal's dateline or closing credit in another site's copy names the copy's source
    ("Bisnis.com, JAKARTA – Lembaga itu menilai data pengguna bocor.", "id", "Contoh Daily", ["Bisnis.com"]),
    ("JAKARTA, KOMPAS.com - Xiaomi membantah tuduhan itu.", "id", "Contoh Daily", ["KompasTekno"]),
    ("Bisnis.com, JAKARTA – Lembaga itu menilai data pengguna bocor.", "id", None, []),  # maybe its own
    ("Pelaku mengaku meretas ratusan situs. (KOMPAS.COM/RAH/DIK)", "id", "Contoh Daily", ["KompasTekno"]),
    ("Pelaku mengaku meretas ratusan situs.\n(REN)", "id", "Contoh Daily", []),  # a desk's initials
    ("LONDON (AP) — Apple said Friday it will stop offering the feature.", "en", "Contoh Daily", ["Associated Press"]),
    ("TEMPO.CO, Jakarta - The bank's app has yet to recover.", "en", "Tempo English", []),  # its own edition
    # cues and names met in sets 29/30
    ("Mengutip dari laporan Reuters, kelompok itu dikenal sebagai Lazarus.", "id", None, ["Reuters"]),
    ('The Home Office responded to the BBC: "We do not comment on operational matters."', "en", None, ["BBC"]),
    ("“Adoption without security is risky,” a researcher told The Register.", "en", None, ["The Register"]),
    ("The leak was first reported by Forbes India.", "en", None, ["Forbes India"]),
    ("The lawsuit was earlier reported by Bloomberg Law.", "en", None, ["Bloomberg Law"]),
])
def test_datelines_closing_credits_and_cues_of_sets_29_30(text, lang, outlet, want):
    assert cited_media(text, lang, outlet=outlet) == want


@pytest.mark.parametrize("text, lang, outlet, want", [
    # an article before a listed outlet's name is no part of it; "the AP" is the Associated Press
    ("The outage hit eight states, The Associated Press reported. The site was down too, the AP reported.",
     "en", None, ["Associated Press"]),
    # a document an outlet obtained or saw is its own reporting
    ("The chief executive wrote in an internal email obtained by CNN that the firm would fight the charges.",
     "en", None, ["CNN"]),
    # told the outlet's newsroom
    ("“Kami mengapresiasi respons itu,” kata Menteri Budi pada Tim KompasTekno, Minggu.", "id", None,
     ["KompasTekno"]),
    # a listed firm's web address is the firm, not an outlet
    ("Kabar ini muncul di laman ZDNet pada Minggu. Ada sembilan situs lain bersama dengan Bhinneka.com yang "
     "datanya dijual.",
     "id", None, ["ZDNet"]),
    # Harian Kompas's site is another newsroom than Kompas.com, so not a self-citation there
    ("“Tidak ada data yang diretas,” ujar juru bicara itu, dikutip Kompas.com. Dikutip dari Kompas.id, "
     "serangan itu terjadi Desember.", "id", "Kompas.com", ["Kompas.id"]),
])
def test_citation_shapes_from_later_stories(text, lang, outlet, want):
    assert cited_media(text, lang, outlet=outlet) == want


# A republication credit, a speaker telling an outlet with "pada", an outlet relayed "via" another,
# a clause-final "reported the ...", and names from the wider lexicon (media.yml 1.1)
WIDER = [
    ("Layanan sudah pulih.\n(*) Artikel ini telah tayang di Kabarkota.com dengan judul \"Layanan Pulih\".",
     "id", ["Kabarkota"]),  # an unlisted web address is named without its domain
    ("Layanan sudah pulih.\nArtikel ini telah tayang di hai-Online.com dengan judul \"Layanan Pulih\".",
     "id", ["HAI"]),
    ("“Kami sudah memblokir delapan DNS,” kata dia pada KompasTekno, Selasa.", "id", ["KompasTekno"]),
    ("Melansir Reuters via kompas.com, juru bicara perusahaan meminta maaf.", "id", ["Reuters", "KompasTekno"]),
    ("Menurut laman WABetaInfo, gangguan terjadi di sisi server.", "id", ["WABetaInfo"]),
    ("The service was restored.\nThis article was originally published on The Conversation.", "en", ["The Conversation"]),
    ("The department would review its policies on wearables, reported the Washington Post.", "en",
     ["The Washington Post"]),
    ("The app had shared the data with two vendors, Buzzfeed reported on Monday.", "en", ["BuzzFeed News"]),
    ("“No user data is sold,” the company's chief technology officer told BuzzFeed.", "en", ["BuzzFeed News"]),
    ("The outage hit millions of users, according to The Canadian Press.", "en", ["The Canadian Press"]),
]


@pytest.mark.parametrize("text,lang,outlets", WIDER)
def test_wider_lexicon_and_credit_shapes(text, lang, outlets):
    assert cited_media(text, lang) == outlets


def test_a_short_title_after_a_full_one_is_that_paper():
    # "the Times" is not an outlet of its own: after The New York Times it is that paper
    text = "The breach was first reported by The New York Times. The data was old, according to the Times."
    assert cited_media(text, "en") == ["The New York Times"]


def test_the_republishing_outlet_is_not_cited_for_its_own_credit():
    text = "Layanan sudah pulih.\nArtikel ini telah tayang di Kompas.com dengan judul \"Layanan Pulih\"."
    assert cited_media(text, "id", outlet="Kompas.com") == []


@pytest.mark.parametrize("text, lang, want", [
    # two outlets with one verb
    ("The attackers demanded a ransom of 131 billion rupiah, Tempo and CNN Indonesia reported.", "en",
     ["Tempo", "CNN Indonesia"]),
    # a wire story's own caveat names the agency whose copy it is
    ("The group said it had published the data online. Reuters could not independently verify the claim.", "en",
     ["Reuters"]),
    # a description between the cue and the outlet
    ("The minister spoke at the palace on Monday, as reported by Indonesian national news, Detik News.", "en",
     ["Detik"]),
    # an acronym the article spells out as a police force is not the news agency
    ("Australian Federal Police (AFP) officers arrested a man. The AFP says there may be more arrests.", "en", []),
    ("The data was sold, Agence France-Presse (AFP) reported. AFP said the buyer was unknown.", "en", ["AFP"]),
])
def test_joint_outlets_wire_caveats_described_outlets_and_redefined_acronyms(text, lang, want):
    assert cited_media(text, lang) == want


@pytest.mark.parametrize("text, lang, outlet, want", [
    # (synthetic) datelines of a copied story: a town and an outlet's name, a portal's web address
    # alone or in brackets, a wire credit after a country in brackets and a date
    ("Kestria, CNBC Indonesia – Operator seluler itu mengalami gangguan sinyal.", "id", "Kabar Kita", ["CNBC Indonesia"]),
    ("FAJAR.CO.ID — Aplikasi rekapitulasi suara itu kembali bermasalah.", "id", "Berita Merdeka Kita", ["Fajar"]),
    ("[PORTAL-ISLAM.ID] Pemblokiran media sosial dikritik warganet.", "id", "Rekor Kita", ["Portal-Islam.id"]),
    ("Abuja [Nigeria], June 5 (ANI): Nigeria on Friday suspended the platform.", "en", "Sify", ["ANI"]),
    # the site's own dateline in a regional edition of its network is no citation
    ("SuaraKestria.id - Juru bicara perusahaan membantah kabar kebocoran data.", "id", "Suara", []),
    # a descriptive noun phrase between cue and outlet, and before an unlisted outlet that reports
    ("The attack was first reported by technology news website ZDNet on Friday.", "en", "Kestria Review", ["ZDNet"]),
    ("On Monday, the online technical news organization WebKestrel reported that the files held records.", "en",
     "Valley Press", ["WebKestrel"]),
    # a masthead in capitals is the outlet matched as written elsewhere
    ("He stated in a text message responding to PREMIUM TIMES enquiry.", "en", "Kestria Cyber News", ["Premium Times"]),
    # the copying site, then the source: "dilansir arahkata.com dari Pikiran Rakyat"
    ("\"Sudah 79 akun,\" kata Rusdi seperti dilansir kestrakata.com dari Pikiran Rakyat pada Rabu.", "id",
     "Kestrakata", ["Pikiran Rakyat"]),
])
def test_datelines_descriptors_mastheads_and_relays(text, lang, outlet, want):
    assert cited_media(text, lang, outlet=outlet) == want


@pytest.mark.parametrize("text, lang, want", [
    # (synthetic) the wire's credit in capitals; "AP" in lower-case words is nothing
    ("HELENA, Mont. (AP) — The state became the first to ban the app.", "en", ["Associated Press"]),
    # "seperti dimuat AFP", "ujar X melalui Detik.com": a listed outlet relays the words
    ("\"Kami diserang setiap hari,\" tulis Musk di X, seperti dimuat AFP.", "id", ["AFP"]),
    ("\"Server data sudah dicek,\" ujar Viryan melalui Detik.com pada Jumat (22/5).", "id", ["Detik"]),
    # a listed firm's report and a tweet are not media
    ("Menurut laporan dari Falcon Feeds, sebuah perusahaan keamanan siber, serangan ini meluas.", "id", []),
    ("Mengutip dari Vectra AI, kelompok ransomware itu dikenal sejak 2023.", "id", []),
    ("\"Pindahin duit ah,\" tulis akun @sheggario mengutip Tweet asli seorang nasabah.", "id", []),
])
def test_wire_credits_relays_and_sources_that_are_no_media(text, lang, want):
    assert cited_media(text, lang, outlet="Kestria Daily") == want


@pytest.mark.parametrize("text, lang, want", [
    # (synthetic) a described outlet, reports from a wire, a request for comment, Indonesian relays
    ("Company chairman Jan Roe told local newspaper Kestran Sanomat that no data was lost.", "en", ["Kestran Sanomat"]),
    ("According to multiple reports from Reuters, the servers were infected.", "en", ["Reuters"]),
    ("Zentra did not immediately respond to a request for comment from Bloomberg.", "en", ["Bloomberg"]),
    ("Seperti yang diberitakan Tribunnews.com, NIK adalah nomor identitas penduduk.", "id", ["Tribunnews"]),
    # (the relaying site and its source are both cited, unless the relay is the article's own outlet)
    ("\"Itu ironi,\" kata Tulus, seperti dinukil kestrajatim.com dari Kompas.com, Minggu (16/5/2021).", "id",
     ["kestrajatim", "KompasTekno"]),
])
def test_described_outlets_reports_from_requests_for_comment_and_relays(text, lang, want):
    assert cited_media(text, lang, outlet="Kestria Daily") == want


@pytest.mark.parametrize("text, lang, want", [
    # (synthetic) the second of two outlets joined by "and" after the cue or before the report
    ("The data was sold, according to a Motherboard and PCMag investigation of the files.", "en", ["VICE", "PCMag"]),
    ("A joint investigation by Vice’s Motherboard and PCMag found the browsing data on sale.", "en",
     ["VICE", "PCMag"]),
    # an apposition and a day between the outlet and its verb; "confirmed this to", "insisted to"
    ("Motherboard, a media platform within Vice Media, on Monday revealed that the app sold data.", "en", ["VICE"]),
    ("Zentra confirmed this to MIT Technology Review in a statement.", "en", ["MIT Technology Review"]),
    ("Zentra insisted to VRT that all was well.", "en", ["VRT NWS"]),
    # a wire dateline whose dashes touch the first word; a town and an outlet alone on the first line
    ("Tokyo, July 3 (Jiji Press)--Zentra Corp. President Kenji Mori on Sunday apologized.", "en", ["Jiji Press"]),
    ("Jakarta, CNN Indonesia\nZentra menyebut kebakaran terjadi pada Minggu.", "id", ["CNN Indonesia"]),
    # Detik's desks and regional sites; a regional Tribun site by its address
    ("“Sinyal hilang sejak pagi,” kata Budi kepada detikJateng di Semarang.", "id", ["detikJateng"]),
    ("“Api tidak bisa padam,” ujarnya kepada tribunjateng.com.", "id", ["Tribun Jateng"]),
    ("Hal itu disampaikan seperti dikutip dari DetikINET, Senin (6/1/2020).", "id", ["Detik"]),
])
def test_joint_investigations_appositions_and_datelines(text, lang, want):
    assert cited_media(text, lang, outlet="Kestria Daily") == want


@pytest.mark.parametrize("text, cited", [
    # (synthetic) a formal "quoted" and an outlet between "seperti" and its verb
    ("“Kami bekerja sama dengan BSSN,” ucap dia di Natuna, Senin 12 Agustus, disitat Antara.", ["Antara"]),
    ("Saat ini, seperti Bisnis.com tulis, ketentuan tadi berlaku bagi penumpang internasional.", ["Bisnis.com"]),
])
def test_disitat_and_seperti_outlet_tulis(text, cited):
    assert cited_media(text, "id") == cited


@pytest.mark.parametrize("text, want", [
    # (synthetic) a nationality before the media noun ("Argentinian news site X")
    ("According to Argentinian news site Infobae, the border posts closed for four hours.", ["Infobae"]),
    # a listed agency's credit after a dash closing a paragraph, with a copyright year or a date
    ("The records were offered on a forum for US$10,000. – Bernama", ["Bernama"]),
    ("The operator said service was restored in a statement. — (c) 2021 Reuters", ["Reuters"]),
    ("The records were offered on a forum. – Bernama, May 18, 2022.", ["Bernama"]),
    # ... but a person's name after a dash is no credit
    ("The shop closed on Monday. – Rina Kestrel", []),
    # a capitalised "As" opening the sentence is no part of the outlet's name
    ("As Türkiye Today reports, the ban followed complaints from parents.", ["Türkiye Today"]),
    ("The car was dragging the pedestrian, SFGate reports.", ["SFGate"]),
])
def test_nationalities_dash_credits_and_sentence_opening_as(text, want):
    assert cited_media(text, "en") == want


def test_a_single_letter_is_no_outlet():
    # (synthetic) "berdasarkan laporan polisi model A": a report form, not an outlet
    assert cited_media("Argo berkata laporan itu berdasarkan laporan polisi model A atau temuan polisi sendiri.", "id") == []


@pytest.mark.parametrize("text, lang, outlet, want", [
    # (synthetic) a broadcaster that aired the words, named after "on" (a day or a platform is no outlet)
    ("“It was a basic attack,” the minister said on the ABC’s 7.30 program on Monday night.", "en", None, ["ABC News"]),
    ("The company said on Monday it would appeal.", "en", None, []),
    ("He said on Twitter that the firm was wrong.", "en", None, []),
    ("Hal itu disampaikan Rina Kestrel dari kanal YouTube Metro TV.", "id", None, ["Medcom"]),
    # a request for comment from an outlet; the second outlet after the publisher itself
    ("Roe did not immediately respond to an online request from The Associated Press seeking comment.", "en", None,
     ["Associated Press"]),
    ("“We are still waiting,” the commissioner told this masthead and 60 Minutes.", "en", None, ["60 Minutes"]),
    ("“Ya, ada peluang pelanggaran,” ujar Dewi terhadap CNBC Indonesia, Selasa (6/5/2025).", "id", None, ["CNBC Indonesia"]),
    # another outlet's dateline standing alone on its line, dashes and all, in a copy
    ("Jakarta, CNN Indonesia --\nPemerintah menyatakan data itu aman.", "id", "Kabar Contoh", ["CNN Indonesia"]),
    # a petition site is no outlet; the publisher's own web address in its dateline is itself
    ("Petisi itu dibuat SAFEnet pada laman Change.org sejak 26 Juni.", "id", None, []),
    ("Ntvnews.id, Jakarta - Staf khusus itu meminta agar aplikasi itu dilarang.", "id", "Nusantara TV", []),
    ("(NEXSTAR) — The deadline to claim a share of the settlement is near.", "en", "Kabar Contoh", ["Nexstar Media Wire"]),
    ("(TNS) — The university system said criminals likely had access.", "en", "Kabar Contoh", ["Tribune News Service"]),
    # a bare agency credit opening the copy, without a dash
    ("(Bloomberg) The two governments broke the deadlock on a new data agreement.", "en", "Kabar Contoh", ["Bloomberg"]),
    # a clause-final "said the X", an outlet's reporter who writes, a statement sent to an outlet
    ("The stolen data includes names and addresses, said the Daily Telegraph newspaper.", "en", None, ["The Telegraph"]),
    ("“The breach is tied to the transfer tool,” The Atlanta Journal Constitution’s Rina Kestrel writes.", "en", None,
     ["The Atlanta Journal-Constitution"]),
    ("The university said in a statement Wednesday evening to The AJC that data was taken.", "en", None,
     ["The Atlanta Journal-Constitution"]),
    ("“We disagree,” the company said in a statement to employees.", "en", None, []),
    # an outlet that confirms or explains is the source; a site's desk is the site
    ("The BBC confirmed it had been affected by the attack on its payroll provider.", "en", None, ["BBC"]),
    ("London financial newspaper CityAM explains that the firm had used the framework.", "en", None, ["City A.M."]),
    ("Dikutip dari Kanal Tekno Liputan6.com, data paspor yang bocor antara lain nama.", "id", None, ["Liputan6"]),
    ("Dikutip dari Kanal Tekno Liputan6.com, data paspor yang bocor antara lain nama.", "id", "Liputan6", []),
    # an agency's credit after a dash and a place; a relay "melalui"; a publication described
    ("ATLANTA — (AP) — The airline sued the firm on Friday.", "en", "Kabar Contoh", ["Associated Press"]),
    ("Dilansir oleh Kabarcontoh.com melalui Antara News, platform itu akan diblokir.", "id", "Kabar Contoh", ["Antara"]),
    ("First reported by media publication Crikey, the request revealed more contacts.", "en", None, ["Crikey"]),
    # an outlet that "is reporting", a sister title, an interview, a correspondent named with the outlet
    ("The Times of Israel is reporting that the outage hit a dozen hospitals.", "en", None, ["The Times of Israel"]),
    ("GP partner Dr Rina Kestrel told sister title Pulse that the system was down.", "en", None, ["Pulse"]),
    ("“This cost us a half a billion dollars,” the chief executive said in a CNBC interview Wednesday.", "en", None,
     ["CNBC"]),
    ("Dispatchers shared it with people around the country, as CNN business and tech correspondent Rina Kestrel said.",
     "en", None, ["CNN"]),
    ("The reporters spoke to MLex, which reports that the deal was approved.", "en", None, ["MLex"]),
    # a ranking named after a magazine is no citation of it
    ("The loss facing the US Fortune 500 companies is $5.4 billion, the insurer said.", "en", None, []),
    # (synthetic) Antara's short closing credit; "di kutip dari" written apart; two outlets after
    # "in statements to"; an outlet that was the first to report; a magazine the president spoke to
    ("Surat keterangan vaksin itu diberikan pada 27 Januari 2021. (ant)", "id", "Kabar Contoh", ["Antara"]),
    ("Data itu bocor pada Senin. (REN)", "id", "Kabar Contoh", []),
    ("“Itu mengejutkan,” ungkap Rina di kutip dari kumparan.com, Jumat (3/9).", "id", None, ["Kumparan"]),
    ("The firm said in statements to The Record and Bleeping Computer that the data had been scraped.", "en", None,
     ["The Record", "BleepingComputer"]),
    ("The Washington Post was the first to report on the order, issued in January.", "en", None, ["The Washington Post"]),
    ("Speaking to the Spectator magazine, the president disclosed his opposition.", "en", None, ["The Spectator"]),
    ("(EurActiv) — The regulator levied a fine on Monday.", "en", "Kabar Contoh", ["EurActiv"]),
    # a one-word outlet that ends a person's name is the person
    ("Rina Kestrel Fajar mengatakan, nasabah harus berhati-hati.", "id", None, []),
])
def test_broadcasts_requests_for_comment_and_datelines_alone(text, lang, outlet, want):
    assert cited_media(text, lang, outlet=outlet) == want
