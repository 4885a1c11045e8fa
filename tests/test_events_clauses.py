"""factx.events.clauses: where sentences are cut, which word heads each segment and with what type, which segments
are adjuncts, and how segments join into clauses; table-driven, each case a text, its entities, the frames expected.
"""

from __future__ import annotations

import pytest

from factx.events import EventsComponent
from factx.events.clauses import find_predicate, segments, units
from factx.events.lexicon import Words, lexicon
from factx.spans import entity_labels

from .events_helpers import IDR, blank_pipeline, frame, make_doc, summary


@pytest.fixture(scope="module")
def nlp():
    return blank_pipeline()


UNITS = [
    # text, the texts of its units: sentences, cut again at line breaks
    ("Ekspor Kopi Melonjak\nPada 2024, Kopi Nusantara mengekspor kopi. Harga naik.",
     ["Ekspor Kopi Melonjak", "Pada 2024, Kopi Nusantara mengekspor kopi.", "Harga naik."]),
    ("", []),
    ("\n\n", []),
]


@pytest.mark.parametrize("text,expected", UNITS)
def test_units(nlp, text, expected):
    doc = nlp(text)
    assert [doc[start:end].text for start, end in units(doc)] == expected


SEGMENTS = [
    # text, entities, segments: (opener, text, adjunct, outsiders, relative)
    ("PT A menyetujui izin untuk mengekspor batu bara, dan melakukan verifikasi.", [],
     [("", "PT A menyetujui izin", False, False, False),
      ("untuk", "untuk mengekspor batu bara", True, False, False),
      ("dan", "dan melakukan verifikasi.", False, False, False)]),
    ("Proyek yang disetujui, sedangkan laba turun dalam rangka menekan biaya.", [],
     [("", "Proyek", False, False, False), ("yang", "yang disetujui", False, False, True),
      ("sedangkan", "sedangkan laba turun", False, False, False),
      ("dalam rangka", "dalam rangka menekan biaya.", True, False, False)]),
    # a manner phrase: its organisations and people are outsiders
    ("Dengan mengandalkan dana, mereka berunding.", [],
     [("dengan", "Dengan mengandalkan dana", True, True, False), (",", "mereka berunding.", False, False, False)]),
    # "untuk" opens an adjunct only before a verb
    ("Dana untuk pembangunan jalan.", [], [("", "Dana untuk pembangunan jalan.", False, False, False)]),
    # never a cut inside an entity
    ("PT Maju dan Sejahtera menandatangani kontrak.", [("PT Maju dan Sejahtera", "ORG", "PT Maju dan Sejahtera")],
     [("", "PT Maju dan Sejahtera menandatangani kontrak.", False, False, False)]),
    ("PT Maju dan PT Sejahtera menandatangani kontrak.",
     [("PT Maju", "ORG", "PT Maju"), ("PT Sejahtera", "ORG", "PT Sejahtera")],
     [("", "PT Maju", False, False, False), ("dan", "dan PT Sejahtera menandatangani kontrak.", False, False, False)]),
]


@pytest.mark.parametrize("text,ents,expected", SEGMENTS)
def test_segments(nlp, text, ents, expected):
    doc = make_doc(nlp, text, ents)
    words = Words(doc)
    (start, end), = units(doc, words)
    found = segments(doc, start, end, entity_labels(doc), lexicon(), words)
    assert [(s.opener, doc[s.start:s.end].text, s.adjunct, s.outsiders, s.relative) for s in found] == expected


PREDICATES = [
    # text, (trigger, type) of each segment (None: no predicate)
    ("PT A belum menandatangani kontrak itu.", [(None, None)]),  # negated
    ("PT A tidak hadir, dan menandatangani kontrak.", [(None, None), ("menandatangani", "AGREEMENT")]),
    ("PT A memenuhi standar sertifikasi.", [("memenuhi", "OTHER")]),  # a nominal as a modifier is no predicate
    ("Kunjungan itu lancar.", [("Kunjungan", "VISIT")]),  # ... but opening its segment it is
    ("PT A melakukan verifikasi gudang.", [("verifikasi", "INSPECTION")]),  # light verb: the nominal
    ("Gedung itu diadakan rapat.", [("diadakan", "MEETING")]),  # "hold": the type of what is held
    ("Laba mengalami penurunan.", [("penurunan", "FIGURE")]),
    ("Ekspor mencapai Rp 9 triliun.", [("Ekspor", "EXPORT")]),
    ("Laba mencapai Rp 9 triliun.", [("mencapai", "FIGURE")]),  # the light verb's own default type
    ("PT A dan PT B bekerja sama.", [(None, None), ("bekerja sama", "PARTNERSHIP")]),  # a two-word trigger
    ("Menteri Perdagangan datang.", [("datang", "VISIT")]),  # a capitalised word inside a sentence is a name
]


@pytest.mark.parametrize("text,expected", PREDICATES)
def test_find_predicate(nlp, text, expected):
    doc = nlp(text)
    words, label_at, lex = Words(doc), entity_labels(doc), lexicon()
    (start, end), = units(doc, words)
    found = []
    for seg in segments(doc, start, end, label_at, lex, words):
        find_predicate(doc, seg, label_at, lex, words)
        found.append((seg.trigger.text if seg.trigger is not None else None, seg.kind))
    assert found == expected


CLAUSES = [
    # light verb + nominal: the nominal is the trigger and gives the type
    ("Badan POM melakukan inspeksi di gudang PT Rasa Nikmat pada 3 Juli 2024.",
     [("Badan POM", "ORG", "Badan Pengawas Obat dan Makanan"), ("PT Rasa Nikmat", "ORG", "PT Rasa Nikmat"),
      ("3 Juli 2024", "DATE", "2024-07-03")],
     [frame("INSPECTION", "inspeksi", "2024-07-03", ["Badan Pengawas Obat dan Makanan", "PT Rasa Nikmat"])]),
    # a negated predicate makes no frame (nor does its object)
    ("PT Andalan Niaga belum menandatangani kontrak itu pada 2024.",
     [("PT Andalan Niaga", "ORG", "PT Andalan Niaga"), ("2024", "DATE", "2024")], []),
    # purpose phrase: no frame of its own, its date and places go to the clause before it
    ("Kementerian Perdagangan menyetujui izin untuk mengekspor batu bara ke Jepang pada Januari 2025.",
     [("Kementerian Perdagangan", "ORG", "Kementerian Perdagangan"), ("Jepang", "LOC", None),
      ("Januari 2025", "DATE", "2025-01")],
     [frame("APPROVAL", "menyetujui", "2025-01", ["Kementerian Perdagangan"], places=["Jepang"])]),
    # fronted passive participle: the facilitator is not a participant, the date still counts
    ("Pada 2022, didukung oleh Bank Dunia, Pemkot Medan dan PT Air Bersih bekerja sama membangun instalasi air.",
     [("2022", "DATE", "2022"), ("Bank Dunia", "ORG", "Bank Dunia"), ("Pemkot Medan", "ORG", "Pemkot Medan"),
      ("PT Air Bersih", "ORG", "PT Air Bersih")],
     [frame("PARTNERSHIP", "bekerja sama", "2022", ["Pemkot Medan", "PT Air Bersih"])]),
    # manner phrase "dengan + verb": its organisation is an instrument, not a participant
    ("Mulai 2021, dengan memanfaatkan dana Bank Dunia, Kota Solo berunding dengan PT Kereta Api.",
     [("2021", "DATE", "2021"), ("Bank Dunia", "ORG", "Bank Dunia"), ("Kota Solo", "LOC", None),
      ("PT Kereta Api", "ORG", "PT Kereta Api Indonesia")],
     [frame("NEGOTIATION", "berunding", "2021", ["PT Kereta Api Indonesia"], places=["Kota Solo"])]),
    # "mengalami/melakukan + nominalisation": the nominal is the trigger, even outside the taxonomy
    ("Laba PT Sawit Jaya mengalami penurunan menjadi Rp 2 triliun pada Juli 2024.",
     [("PT Sawit Jaya", "ORG", "PT Sawit Jaya"), ("Rp 2 triliun", "MONEY", (2 * 10**12, IDR)),
      ("Juli 2024", "DATE", "2024-07")],
     [frame("FIGURE", "penurunan", "2024-07", ["PT Sawit Jaya"], money=[(2 * 10**12, IDR)])]),
    # an adjunct runs on to the comma, across "dan" and quotes
    ("Dengan mengandalkan Bank Dunia dan “Dana Hijau”, Pemkot Medan berunding dengan PT Air Bersih pada 2023.",
     [("Bank Dunia", "ORG", "Bank Dunia"), ("Dana Hijau", "ORG", "Dana Hijau"), ("Pemkot Medan", "ORG", "Pemkot Medan"),
      ("PT Air Bersih", "ORG", "PT Air Bersih"), ("2023", "DATE", "2023")],
     [frame("NEGOTIATION", "berunding", "2023", ["Pemkot Medan", "PT Air Bersih"])]),
    # a nominal trigger heads a clause only at its start ("selama kunjungannya"), not as a modifier
    ("Selama kunjungannya ke Tokyo pada Mei 2024, Menteri Budi Santoso bertemu Toyota.",
     [("Tokyo", "LOC", None), ("Mei 2024", "DATE", "2024-05"), ("Budi Santoso", "PER", None),
      ("Toyota", "ORG", "Toyota")],
     [frame("VISIT", "kunjungannya", "2024-05", places=["Tokyo"]),
      frame("MEETING", "bertemu", "2024-05", ["Toyota"], people=["Budi Santoso"])]),
    ("PT Air Bersih memenuhi standar sertifikasi internasional pada 2023.",
     [("PT Air Bersih", "ORG", "PT Air Bersih"), ("2023", "DATE", "2023")],
     [frame("OTHER", "memenuhi", "2023", ["PT Air Bersih"])]),
    # "mencapai" is a FIGURE unless what it reaches has a type
    ("Ekspor PT Sawit Jaya mencapai Rp 9 triliun pada 2024.",
     [("PT Sawit Jaya", "ORG", "PT Sawit Jaya"), ("Rp 9 triliun", "MONEY", (9 * 10**12, IDR)),
      ("2024", "DATE", "2024")],
     [frame("EXPORT", "Ekspor", "2024", ["PT Sawit Jaya"], money=[(9 * 10**12, IDR)])]),
    ("Laba PT Sawit Jaya mencapai Rp 9 triliun pada 2024.",
     [("PT Sawit Jaya", "ORG", "PT Sawit Jaya"), ("Rp 9 triliun", "MONEY", (9 * 10**12, IDR)),
      ("2024", "DATE", "2024")],
     [frame("FIGURE", "mencapai", "2024", ["PT Sawit Jaya"], money=[(9 * 10**12, IDR)])]),
    ("PT Sawit Jaya dan PT Abadi mencapai kesepakatan pada Juni 2024.",
     [("PT Sawit Jaya", "ORG", "PT Sawit Jaya"), ("PT Abadi", "ORG", "PT Abadi"), ("Juni 2024", "DATE", "2024-06")],
     [frame("AGREEMENT", "mencapai", "2024-06", ["PT Sawit Jaya", "PT Abadi"])]),
    # a clause conjunction carries its date forward to the predicate that follows
    ("Laba PT Abadi mencapai Rp 9 triliun pada Juli 2024, sedangkan pada Agustus 2024, menurut direksi, laba itu "
     "turun menjadi Rp 8 triliun.",
     [("PT Abadi", "ORG", "PT Abadi"), ("Rp 9 triliun", "MONEY", (9 * 10**12, IDR)), ("Juli 2024", "DATE", "2024-07"),
      ("Agustus 2024", "DATE", "2024-08"), ("Rp 8 triliun", "MONEY", (8 * 10**12, IDR))],
     [frame("FIGURE", "mencapai", "2024-07", ["PT Abadi"], money=[(9 * 10**12, IDR)]),
      frame("FIGURE", "turun", "2024-08", money=[(8 * 10**12, IDR)])]),
    # ... but a temporal preposition-like conjunction keeps its date with the clause before
    ("Kapal PT Abadi tiba sebelum akhir Mei 2024, kata harian itu, mengutip sumber militer.",
     [("PT Abadi", "ORG", "PT Abadi"), ("akhir Mei 2024", "DATE", "2024-05")],
     [frame("VISIT", "tiba", "2024-05", ["PT Abadi"])]),
    # a held named event gives its type to the light verb
    ("KTT ASEAN ke-44 digelar di Vientiane pada Oktober 2024.",
     [("ASEAN", "ORG", "ASEAN"), ("Vientiane", "LOC", None), ("Oktober 2024", "DATE", "2024-10")],
     [frame("MEETING", "digelar", "2024-10", places=["Vientiane"])]),
    # a headline on its own line shares no clause with the next sentence
    ("Ekspor Kopi Melonjak\nPada 2024, Kopi Nusantara mengekspor 300 ton kopi ke Jerman.",
     [("2024", "DATE", "2024"), ("Kopi Nusantara", "ORG", "Kopi Nusantara"), ("Jerman", "LOC", None)],
     [frame("EXPORT", "mengekspor", "2024", ["Kopi Nusantara"], places=["Jerman"])]),
]


@pytest.mark.parametrize("text,ents,expected", CLAUSES)
def test_clauses(nlp, text, ents, expected):
    doc = EventsComponent()(make_doc(nlp, text, ents))
    assert [summary(f) for f in doc._.events] == expected


# factx.events.when: the rank of each DATE as a frame's date (issue 14); the entities are set by hand.
RANKS = [
    # text, entities, the rank of each DATE in order
    ("Ribuan perajin berunjuk rasa, Jumat (26/8), menolak Peraturan Menteri Nomor 12 Tahun 2005.",
     [("Jumat (26/8)", "DATE", None), ("Tahun 2005", "DATE", "2005")], ["ADVERBIAL", "IN_NAME"]),
    ("DPR mengesahkan UU No. 31 Tahun 2004 pada 6 Oktober 2004.",
     [("DPR", "ORG", "DPR"), ("Tahun 2004", "DATE", "2004"), ("6 Oktober 2004", "DATE", "2004-10-06")],
     ["IN_NAME", "ADVERBIAL"]),
    ("Sidang itu merujuk UUD 1945 dan APBN 2007.", [("1945", "DATE", "1945"), ("2007", "DATE", "2007")],
     ["IN_NAME", "IN_NAME"]),
    ("Ia menang di Kejuaraan Atletik Golden League 2005.",
     [("Kejuaraan Atletik Golden League", "EVENT", None), ("2005", "DATE", "2005")], ["IN_NAME"]),
    # a year after a lowercase word, or opening the sentence, is no name's year; nor "pada Tahun 2005"
    ("Laba naik tajam 2005 dan Pada Tahun 2006 turun.", [("2005", "DATE", "2005"), ("Tahun 2006", "DATE", "2006")],
     ["BARE", "ADVERBIAL"]),
    ("2005 adalah tahun yang berat.", [("2005", "DATE", "2005")], ["BARE"]),
    # datelines and report days
    ("Caracas, Rabu - Sebuah pesawat jatuh di Venezuela, Selasa (16/8).",
     [("Caracas", "LOC", None), ("Rabu", "DATE", None), ("Venezuela", "LOC", None), ("Selasa (16/8)", "DATE", None)],
     ["REPORT", "ADVERBIAL"]),
    ("Kepala BPS di Jakarta, Jumat, mengatakan, inflasi September 2007 mencapai 0,8 persen.",
     [("Jakarta", "LOC", None), ("Jumat", "DATE", None), ("September 2007", "DATE", "2007-09")], ["REPORT", "BARE"]),
    ("Inflasi tahun ini terkendali, kata Menteri kepada wartawan, Rabu (18/8).",
     [("tahun ini", "DATE", None), ("Rabu (18/8)", "DATE", None)], ["BARE", "REPORT"]),
    # a comma before but none after: bare; a year between commas: bare (a list, not a Kompas date)
    ("Pasar ditutup, Minggu (24/8) pagi di saat badai mendekat.", [("Minggu (24/8) pagi", "DATE", None)], ["BARE"]),
    ("Ia menang pada 2003, 2004, dan 2005.", [("2003", "DATE", "2003"), ("2004", "DATE", "2004"),
                                             ("2005", "DATE", "2005")], ["ADVERBIAL", "BARE", "BARE"]),
]


@pytest.mark.parametrize("text,ents,expected", RANKS)
def test_date_ranks(nlp, text, ents, expected):
    from factx.events import when

    doc = make_doc(nlp, text, ents)
    names = {getattr(when, name): name for name in ("ADVERBIAL", "BARE", "REPORT", "IN_NAME")}
    words, label_at = Words(doc), entity_labels(doc)
    got = [names[when.rank(e, words, label_at, lexicon())] for e in doc.ents if e.label_ == "DATE"]
    assert got == expected
