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
