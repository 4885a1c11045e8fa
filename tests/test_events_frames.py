"""factx.events.frames: a clause's arguments (date, organisations, people, places, amounts), which clauses make
frames, shared subjects and dates, anaphora; table-driven, each case a text, its entities, the frames expected.
"""

from __future__ import annotations

import pytest

from factx.events import EventsComponent

from .events_helpers import IDR, blank_pipeline, frame, make_doc, summary


@pytest.fixture(scope="module")
def nlp():
    return blank_pipeline()


FRAMES = [
    ("Pada 5 Mei 2024, PT Sinar Abadi menandatangani kontrak senilai Rp 2 triliun dengan Bank Mandiri.",
     [("5 Mei 2024", "DATE", "2024-05-05"), ("PT Sinar Abadi", "ORG", "PT Sinar Abadi"),
      ("Rp 2 triliun", "MONEY", (2 * 10**12, IDR)), ("Bank Mandiri", "ORG", "Bank Mandiri")],
     [frame("AGREEMENT", "menandatangani", "2024-05-05", ["PT Sinar Abadi", "Bank Mandiri"],
            money=[(2 * 10**12, IDR)])]),
    # passive with an agent: the agent is the subject; canonical names from span._.value
    ("Pabrik itu diresmikan oleh Mandiri di Cikarang pada Maret 2023.",
     [("Mandiri", "ORG", "Bank Mandiri"), ("Cikarang", "LOC", None), ("Maret 2023", "DATE", "2023-03")],
     [frame("LAUNCH", "diresmikan", "2023-03", ["Bank Mandiri"], places=["Cikarang"])]),
    # a predicate is kept with a date, an OTHER one is dropped without one
    ("Saham PT Kilat Cepat melonjak pada Senin.",
     [("PT Kilat Cepat", "ORG", "PT Kilat Cepat"), ("Senin", "DATE", "2024-06-03")],
     [frame("FIGURE", "melonjak", "2024-06-03", ["PT Kilat Cepat"])]),
    ("PT Kilat Cepat membangun gedung baru di Surabaya.",
     [("PT Kilat Cepat", "ORG", "PT Kilat Cepat"), ("Surabaya", "LOC", None)], []),
    # a typed predicate is kept with an organisation even without a date
    ("PT Andalan Niaga mengakuisisi PT Sumber Rejeki.",
     [("PT Andalan Niaga", "ORG", "PT Andalan Niaga"), ("PT Sumber Rejeki", "ORG", "PT Sumber Rejeki")],
     [frame("ACQUISITION", "mengakuisisi", None, ["PT Andalan Niaga", "PT Sumber Rejeki"])]),
    # a typed predicate with places only is dropped
    ("Pameran itu dibuka di Bandung.", [("Bandung", "LOC", None)], []),
    # a relative clause right after a frame folds into it (the amount belongs to the agreement)
    ("Pada Juni 2024, PT Delta Energi meneken perjanjian dengan PLN, dengan nilai gas yang dikirim mencapai "
     "Rp 500 miliar pada 2026.",
     [("Juni 2024", "DATE", "2024-06"), ("PT Delta Energi", "ORG", "PT Delta Energi"),
      ("PLN", "ORG", "Perusahaan Listrik Negara"), ("Rp 500 miliar", "MONEY", (5 * 10**11, IDR)),
      ("2026", "DATE", "2026")],
     [frame("AGREEMENT", "meneken", "2024-06", ["PT Delta Energi", "Perusahaan Listrik Negara"],
            money=[(5 * 10**11, IDR)])]),
    # ... but not when it has a date of its own
    ("Pada 3 Mei 2024, Pertamina mengumumkan proyek yang disetujui oleh PLN pada Januari 2024.",
     [("3 Mei 2024", "DATE", "2024-05-03"), ("Pertamina", "ORG", "PT Pertamina (Persero)"),
      ("PLN", "ORG", "Perusahaan Listrik Negara"), ("Januari 2024", "DATE", "2024-01")],
     [frame("ANNOUNCEMENT", "mengumumkan", "2024-05-03", ["PT Pertamina (Persero)"]),
      frame("APPROVAL", "disetujui", "2024-01", ["Perusahaan Listrik Negara"])]),
    # ... and stands alone after a predicate that makes no frame; the date of another clause is not borrowed
    ("Sejak dibuka pada 2019, program itu berjalan lima tahun, dengan 20 kontrak yang diteken, senilai Rp 3 triliun.",
     [("2019", "DATE", "2019"), ("lima tahun", "DURATION", "P5Y"), ("Rp 3 triliun", "MONEY", (3 * 10**12, IDR))],
     [frame("OTHER", "dibuka", "2019"), frame("AGREEMENT", "diteken", None, money=[(3 * 10**12, IDR)])]),
    # coordinated predicate: shares the subject and the date of the frame before it
    ("Pada 1 Agustus 2024, Bea Cukai menerima dokumen itu, dan melakukan pemeriksaan di Tanjung Priok.",
     [("1 Agustus 2024", "DATE", "2024-08-01"), ("Bea Cukai", "ORG", "Direktorat Jenderal Bea dan Cukai"),
      ("Tanjung Priok", "LOC", None)],
     [frame("OTHER", "menerima", "2024-08-01", ["Direktorat Jenderal Bea dan Cukai"]),
      frame("INSPECTION", "pemeriksaan", "2024-08-01", ["Direktorat Jenderal Bea dan Cukai"],
            places=["Tanjung Priok"])]),
    # points of comparison are not the event's date; "kerja sama" is no comparison
    ("Laba PT Sentosa naik menjadi Rp 5 triliun pada 2024 dibanding 2023.",
     [("PT Sentosa", "ORG", "PT Sentosa"), ("Rp 5 triliun", "MONEY", (5 * 10**12, IDR)), ("2024", "DATE", "2024"),
      ("2023", "DATE", "2023")],
     [frame("FIGURE", "naik", "2024", ["PT Sentosa"], money=[(5 * 10**12, IDR)])]),
    ("Pada 2024 PT Sentosa membukukan laba Rp 5 triliun, naik 20 persen dari periode sama tahun lalu.",
     [("2024", "DATE", "2024"), ("PT Sentosa", "ORG", "PT Sentosa"), ("Rp 5 triliun", "MONEY", (5 * 10**12, IDR)),
      ("tahun lalu", "DATE", "2023")],
     [frame("FIGURE", "membukukan", "2024", ["PT Sentosa"], money=[(5 * 10**12, IDR)]),
      frame("FIGURE", "naik", "2024", ["PT Sentosa"])]),
    ("PT Sentosa menjalin kerja sama pada 2024 dengan PT Abadi.",
     [("PT Sentosa", "ORG", "PT Sentosa"), ("2024", "DATE", "2024"), ("PT Abadi", "ORG", "PT Abadi")],
     [frame("PARTNERSHIP", "kerja sama", "2024", ["PT Sentosa", "PT Abadi"])]),
    # "yang sama" without "periode" is no comparison; a plan with a date is a frame (its purpose phrase is not)
    ("Di kota yang sama pada Mei 2024, PT Sentosa berencana untuk membeli PT Abadi.",
     [("Mei 2024", "DATE", "2024-05"), ("PT Sentosa", "ORG", "PT Sentosa"), ("PT Abadi", "ORG", "PT Abadi")],
     [frame("OTHER", "berencana", "2024-05", ["PT Sentosa", "PT Abadi"])]),
    # a date after a preposition wins over a bare one that is part of a name
    ("Obligasi Tahun 2024 milik PT Abadi akan jatuh tempo pada 1 Mei 2027.",
     [("2024", "DATE", "2024"), ("PT Abadi", "ORG", "PT Abadi"), ("1 Mei 2027", "DATE", "2027-05-01")],
     [frame("OTHER", "jatuh", "2027-05-01", ["PT Abadi"])]),
    # a people-only frame
    ("Menteri Budi Santoso berkunjung ke Tokyo pada 12 Februari 2025.",
     [("Budi Santoso", "PER", None), ("Tokyo", "LOC", None), ("12 Februari 2025", "DATE", "2025-02-12")],
     [frame("VISIT", "berkunjung", "2025-02-12", people=["Budi Santoso"], places=["Tokyo"])]),
]


@pytest.mark.parametrize("text,ents,expected", FRAMES)
def test_frames(nlp, text, ents, expected):
    doc = EventsComponent()(make_doc(nlp, text, ents))
    assert [summary(f) for f in doc._.events] == expected


ANAPHORA = [
    # one organisation in the sentence before: "Perusahaan itu" takes it
    ("PT Nusa Tirta membukukan laba Rp 1 triliun pada 2023. Perusahaan itu kemudian mengakuisisi pabrik di Batam.",
     [("PT Nusa Tirta", "ORG", "PT Nusa Tirta"), ("Rp 1 triliun", "MONEY", (10**12, IDR)), ("2023", "DATE", "2023"),
      ("Batam", "LOC", None)],
     [("FIGURE", ["PT Nusa Tirta"]), ("ACQUISITION", ["PT Nusa Tirta"])]),
    # two organisations: not clear, so no antecedent (and the typed frame has nothing left to keep it)
    ("PT Alfa dan PT Beta bertemu di Jakarta. Perusahaan itu mengakuisisi pabrik di Batam.",
     [("PT Alfa", "ORG", "PT Alfa"), ("PT Beta", "ORG", "PT Beta"), ("Jakarta", "LOC", None),
      ("Batam", "LOC", None)],
     [("MEETING", ["PT Alfa", "PT Beta"])]),
    # "ia" with a person in the sentence before: not clear
    ("Direktur Ani Wijaya memimpin PT Gamma. Ia menandatangani kontrak itu pada 2024.",
     [("Ani Wijaya", "PER", None), ("PT Gamma", "ORG", "PT Gamma"), ("2024", "DATE", "2024")],
     [("AGREEMENT", [])]),
    # "dua perusahaan" is no anaphor
    ("PT Delta membuka pabrik. Dua perusahaan kemudian menandatangani kontrak.",
     [("PT Delta", "ORG", "PT Delta")], []),
]


@pytest.mark.parametrize("text,ents,expected", ANAPHORA)
def test_anaphora(nlp, text, ents, expected):
    doc = EventsComponent()(make_doc(nlp, text, ents))
    assert [(f.event_type, f.orgs) for f in doc._.events] == expected


# Which date a frame gets (issue 14): sentences of our own in the style of Kompas / Antara news. Values are what the
# dates component would give (year-less days as TIMEX "XXXX-08-26"); the frame takes its DATE mention's value.
WHEN = [
    # a day set off by commas right after the predicate dates it and the next predicate, over a law's year
    ("Ratusan nelayan berunjuk rasa, Senin (14/3), menolak Peraturan Menteri Kelautan Nomor 2 Tahun 2015.",
     [("Senin (14/3)", "DATE", "XXXX-03-14"), ("Tahun 2015", "DATE", "2015")],
     [frame("OTHER", "berunjuk", "XXXX-03-14"), frame("OTHER", "menolak", "XXXX-03-14")]),
    # ... but not when the next predicate has a date of its own
    ("Warga berunjuk rasa, Jumat (26/8), dan menggelar doa bersama pada Sabtu (27/8).",
     [("Jumat (26/8)", "DATE", "XXXX-08-26"), ("Sabtu (27/8)", "DATE", "XXXX-08-27")],
     [frame("OTHER", "berunjuk", "XXXX-08-26"), frame("OTHER", "menggelar", "XXXX-08-27")]),
    # set off right after the subject
    ("Menteri Perdagangan Budi Santoso, Rabu (9/10), meresmikan pasar induk di Bekasi.",
     [("Budi Santoso", "PER", None), ("Rabu (9/10)", "DATE", "XXXX-10-09"), ("Bekasi", "LOC", None)],
     [frame("LAUNCH", "meresmikan", "XXXX-10-09", people=["Budi Santoso"], places=["Bekasi"])]),
    # the year of a named event loses to the day; so does "UUD 1945" before the trigger
    ("Pelari Kenya itu memecahkan rekor dunia di Kejuaraan Atletik Golden League 2005, Jumat (26/8).",
     [("Kejuaraan Atletik Golden League", "EVENT", None), ("2005", "DATE", "2005"),
      ("Jumat (26/8)", "DATE", "XXXX-08-26")],
     [frame("OTHER", "memecahkan", "XXXX-08-26")]),
    ("Amandemen UUD 1945 disahkan MPR Sabtu (10/8/2002) malam.",
     [("1945", "DATE", "1945"), ("MPR", "ORG", "Majelis Permusyawaratan Rakyat"),
      ("Sabtu (10/8/2002) malam", "DATE", "2002-08-10")],
     [frame("APPROVAL", "disahkan", "2002-08-10", ["Majelis Permusyawaratan Rakyat"])]),
    # a law's year is the date when the clause has nothing better
    ("Pemerintah menerbitkan UU No. 31 Tahun 2004 tentang perikanan.", [("Tahun 2004", "DATE", "2004")],
     [frame("OTHER", "menerbitkan", "2004")]),
    # a date before the subject dates the clause and its coordinated predicates
    ("Sedangkan tanggal 2 Agustus pesawat itu tergelincir dan kemudian menabrak pagar bandara.",
     [("tanggal 2 Agustus", "DATE", "XXXX-08-02")],
     [frame("OTHER", "tergelincir", "XXXX-08-02"), frame("ACCIDENT", "menabrak", "XXXX-08-02")]),
    ("Sedangkan pada Kamis (4/8), kapal itu terdampar dan menabrak dermaga di Bintan.",
     [("Kamis (4/8)", "DATE", "XXXX-08-04"), ("Bintan", "LOC", None)],
     [frame("OTHER", "terdampar", "XXXX-08-04"), frame("ACCIDENT", "menabrak", "XXXX-08-04", places=["Bintan"])]),
    # a dateline is the report day: the in-clause date first ...
    ("Caracas, Rabu - Sebuah pesawat jatuh di Venezuela, Selasa (16/8), menewaskan 160 penumpang.",
     [("Caracas", "LOC", None), ("Rabu", "DATE", "2005-08-17"), ("Venezuela", "LOC", None),
      ("Selasa (16/8)", "DATE", "2005-08-16")],
     [frame("OTHER", "jatuh", "2005-08-16", places=["Caracas", "Venezuela"]),
      frame("ACCIDENT", "menewaskan", "2005-08-16")]),
    # ... the dateline's day when the clause has no other
    ("Jakarta, Senin - PT Sinar Abadi menandatangani kontrak dengan PLN.",
     [("Jakarta", "LOC", None), ("Senin", "DATE", "2024-06-03"), ("PT Sinar Abadi", "ORG", "PT Sinar Abadi"),
      ("PLN", "ORG", "PLN")],
     [frame("AGREEMENT", "menandatangani", "2024-06-03", ["PT Sinar Abadi", "PLN"], places=["Jakarta"])]),
    # a day set off after a relative clause belongs to the main predicate (the relative clause folds into it)
    ("Roket itu menghantam gudang yang dikuasai militer, Minggu (24/8), tanpa korban jiwa.",
     [("Minggu (24/8)", "DATE", "XXXX-08-24")], [frame("OTHER", "menghantam", "XXXX-08-24")]),
    ("Tim tamu menang 2-0 di laga yang digelar di Stadion Manahan, Kamis (7/4) dini hari WIB.",
     [("Stadion Manahan", "LOC", None), ("Kamis (7/4) dini hari", "DATE", "XXXX-04-07")],
     [frame("OTHER", "menang", "XXXX-04-07", places=["Stadion Manahan"])]),
    # the day a speaker spoke is the report day, the date of the STATEMENT: the reported figure keeps its own date
    ("Dalam rapat kerja di Jakarta, Selasa (12/6), Menteri Keuangan Sri Mulyani mengatakan, defisit APBN 2008 "
     "mencapai 1,7 persen pada Mei 2008.",
     [("Jakarta", "LOC", None), ("Selasa (12/6)", "DATE", "2008-06-12"), ("Sri Mulyani", "PER", None),
      ("2008", "DATE", "2008"), ("Mei 2008", "DATE", "2008-05")],
     [frame("STATEMENT", "mengatakan", "2008-06-12", people=["Sri Mulyani"], places=["Jakarta"]),
      frame("FIGURE", "mencapai", "2008-05")]),
    # ... and what was said takes the day it was said only when its clause has no date
    ("Harga cabai melonjak tajam, kata pedagang di Pasar Induk Kramat Jati, Jakarta, Senin (7/7).",
     [("Jakarta", "LOC", None), ("Senin (7/7)", "DATE", "2008-07-07")],
     [frame("FIGURE", "melonjak", "2008-07-07"), frame("STATEMENT", "kata", "2008-07-07", places=["Jakarta"])]),
    # a restated date: the explicit one stands for "hari ini"
    ("Pameran itu akan dibuka hari ini, Minggu (13/3), oleh Gubernur Jawa Barat.",
     [("hari ini", "DATE", None), ("Minggu (13/3)", "DATE", "XXXX-03-13"), ("Jawa Barat", "LOC", None)],
     [frame("OTHER", "dibuka", "XXXX-03-13", places=["Jawa Barat"])]),
    # ... but a list of years is no restatement: the first stays the date
    ("Tim itu menjuarai liga pada 2003, 2004, dan 2005.",
     [("2003", "DATE", "2003"), ("2004", "DATE", "2004"), ("2005", "DATE", "2005")],
     [frame("SPORTS", "menjuarai", "2003")]),
    # a fronted clause's set-off day dates the main predicate too
    ("Saat meninjau pelabuhan, Selasa (5/4), Presiden meresmikan dermaga baru.", [("Selasa (5/4)", "DATE", "XXXX-04-05")],
     [frame("INSPECTION", "meninjau", "XXXX-04-05"), frame("LAUNCH", "meresmikan", "XXXX-04-05")]),
    # a year that names a programme after an adverbial year: the adverbial one
    ("Bank Mandiri meluncurkan Kredit Usaha Rakyat 2024 pada Maret 2024.",
     [("Bank Mandiri", "ORG", "Bank Mandiri"), ("2024", "DATE", "2024"), ("Maret 2024", "DATE", "2024-03")],
     [frame("LAUNCH", "meluncurkan", "2024-03", ["Bank Mandiri"])]),
]


@pytest.mark.parametrize("text,ents,expected", WHEN)
def test_frame_dates(nlp, text, ents, expected):
    doc = EventsComponent()(make_doc(nlp, text, ents))
    assert [summary(f) for f in doc._.events] == expected


def test_date_span_is_the_mention(nlp):
    """Frame.date_span is the DATE mention whose value is the frame's date, also when that value is null."""
    text = "Ribuan buruh berunjuk rasa, Jumat (26/8), menolak UU No. 13 Tahun 2003."
    doc = EventsComponent()(make_doc(nlp, text, [("Jumat (26/8)", "DATE", None), ("Tahun 2003", "DATE", "2003")]))
    assert [(f.trigger.text, f.date, f.date_span.text) for f in doc._.events] == [
        ("berunjuk", None, "Jumat (26/8)"), ("menolak", None, "Jumat (26/8)")]


def test_date_in_name_extension(nlp):
    """span._.date_in_name, when the dates component sets it, makes a date a name's year."""
    from spacy.tokens import Span

    text = "Kontrak Proyek Tol 2019 diteken pada 3 Mei 2024 oleh PT Jaya."
    ents = [("2019", "DATE", "2019"), ("3 Mei 2024", "DATE", "2024-05-03"), ("PT Jaya", "ORG", "PT Jaya")]
    created = not Span.has_extension("date_in_name")
    if created:
        Span.set_extension("date_in_name", default=False)
    try:
        doc = make_doc(nlp, "Laba tahun 2019 naik, Senin (3/5/2024).", [("tahun 2019", "DATE", "2019"),
                                                                          ("Senin (3/5/2024)", "DATE", "2024-05-03")])
        assert [f.date for f in EventsComponent()(doc)._.events] == ["2024-05-03"]
        doc = make_doc(nlp, "Laba tahun 2019 naik 5 persen.", [("tahun 2019", "DATE", "2019")])
        doc.ents[0]._.date_in_name = True
        assert [f.date for f in EventsComponent()(doc)._.events] == ["2019"]  # nothing better: still the date
        doc = make_doc(nlp, text, ents)
        assert [f.date for f in EventsComponent()(doc)._.events] == ["2024-05-03"]
    finally:
        if created:
            Span.remove_extension("date_in_name")
