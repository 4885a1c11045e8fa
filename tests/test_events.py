"""factx_events: word readings, named events and event frames, table-driven on sentences written for these tests.

Each frame case is a text, the entities the other components would put on it (in order of appearance), and the
frames expected. The sample article is checked twice: with hand-set entities that mirror what the DATE, MONEY and
ORG components produce (so the frame rules are tested on their own), and through the real pipeline.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
import spacy

from factx import pipeline
from factx.events import EventsComponent, read_word
from factx.events.lexicon import lexicon
from factx.tokenizer import TOKENIZER_CONFIG

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "chongqing-singapura.txt"
EXPECTED = ROOT.parent / "shared" / "samples" / "chongqing-singapura.expected.json"


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("id", config=TOKENIZER_CONFIG)
    nlp.add_pipe("sentencizer")
    return nlp


def make_doc(nlp, text, ents):
    """``ents``: (text, label, value) in order of appearance; MONEY value is (amount, currency)."""
    doc = nlp(text)
    spans, pos = [], 0
    for surface, label, value in ents:
        start = text.index(surface, pos)
        pos = start + len(surface)
        span = doc.char_span(start, pos, label=label, alignment_mode="expand")
        if label == "MONEY":
            span._.amount, span._.currency = Decimal(value[0]), value[1]
        else:
            span._.value = value
        spans.append(span)
    doc.ents = spans
    return doc


def summary(frame):
    return {
        "type": frame.event_type,
        "trigger": frame.trigger.text,
        "date": frame.date,
        "orgs": frame.orgs,
        "people": frame.people,
        "places": frame.places,
        "money": [(int(m._.amount), m._.currency) for m in frame.money],
    }


def frame(type, trigger, date=None, orgs=(), people=(), places=(), money=()):
    return {"type": type, "trigger": trigger, "date": date, "orgs": list(orgs), "people": list(people),
            "places": list(places), "money": list(money)}


READINGS = [
    # word, type (None: light verb), light class
    ("menandatangani", "AGREEMENT", None),
    ("ditandatangani", "AGREEMENT", None),
    ("penandatanganan", "AGREEMENT", None),
    ("meneken", "AGREEMENT", None),
    ("diluncurkan", "LAUNCH", None),
    ("peluncuran", "LAUNCH", None),
    ("meresmikan", "LAUNCH", None),
    ("kunjungan", "VISIT", None),
    ("berkunjung", "VISIT", None),
    ("datang", "VISIT", None),
    ("pertemuan", "MEETING", None),
    ("bertemu", "MEETING", None),
    ("bergandengan", "PARTNERSHIP", None),
    ("berkomunikasi", "NEGOTIATION", None),
    ("perundingan", "NEGOTIATION", None),
    ("verifikasi", "INSPECTION", None),
    ("pemeriksaan", "INSPECTION", None),
    ("disetujui", "APPROVAL", None),
    ("mengesahkan", "APPROVAL", None),
    ("mengekspor", "EXPORT", None),
    ("mengakuisisi", "ACQUISITION", None),
    ("kecelakaan", "ACCIDENT", None),
    ("dilantik", "APPOINTMENT", None),
    ("ditangkap", "LEGAL", None),
    ("kejuaraan", "SPORTS", None),
    ("melonjak", "FIGURE", None),
    ("mencapai", None, "obtain"),
    ("pertumbuhan", "FIGURE", None),
    ("menyetujui", "APPROVAL", None),
    ("mengirim", "OTHER", None),
    ("keluar", "OTHER", None),
    ("terjadi", "OTHER", None),
    ("memasuki", "OTHER", None),
    ("mengalami", None, "do"),
    ("kesepahaman", "AGREEMENT", None),
    ("diadakan", None, "hold"),
    ("digelar", None, "hold"),
    ("melakukan", None, "do"),
    ("memperoleh", None, "obtain"),
]
NOT_PREDICATES = ["catatan", "kekuatan", "menkeu", "menyatakan", "mengatakan", "merupakan", "memiliki", "terkait",
                  "tersebut", "menteri", "mereka",
                  "penyelenggara", "perdagangan", "mendatang", "resmi", "dana", "berbagai", "tertinggi", "Jakarta"]


def test_data_files_use_the_taxonomy():
    lex = lexicon()
    used = set(lex.roots.values()) | set(lex.verb_roots.values()) | set(lex.words.values()) | set(lex.pairs.values())
    used |= {kind for kind, _ in lex.heads.values()} | set(lex.tails.values()) | lex.weak
    assert used <= lex.types
    assert set(lex.light.values()) == {"do", "hold", "obtain"}


@pytest.mark.parametrize("word,kind,light", READINGS)
def test_reading(word, kind, light):
    reading = read_word(word)
    assert reading is not None
    assert (reading.kind, reading.light) == (kind, light)


@pytest.mark.parametrize("word", NOT_PREDICATES)
def test_not_a_predicate(word):
    assert read_word(word) is None


NAMED = [
    # text, entities already there, EVENT texts expected, entities expected to remain (text, label)
    ("Kejuaraan Dunia Bulu Tangkis berlangsung di Paris.", [("Paris", "LOC", None)],
     ["Kejuaraan Dunia Bulu Tangkis"], [("Paris", "LOC")]),
    ("Presiden menghadiri HUT Kemerdekaan RI ke-80 di Istana.", [("RI", "LOC", None)],
     ["HUT Kemerdekaan RI ke-80"], []),
    ("KTT ASEAN ke-44 digelar di Vientiane.", [("ASEAN", "ORG", "ASEAN"), ("Vientiane", "LOC", None)],
     ["KTT ASEAN ke-44"], [("Vientiane", "LOC")]),
    ("Tim itu bertanding di Liga Inggris musim ini.", [("Inggris", "LOC", None)], ["Liga Inggris"], []),
    ("Pertemuan Menteri Luar Negeri China-Jepang dibuka hari ini.", [("China", "LOC", None), ("Jepang", "LOC", None)],
     ["Pertemuan Menteri Luar Negeri China-Jepang"], []),
    ("Atlet kita tampil di Asian Games di Hangzhou.", [("Hangzhou", "LOC", None)], ["Asian Games"],
     [("Hangzhou", "LOC")]),
    ("Festival Musik Jakarta 2024 ramai.", [("2024", "DATE", "2024")], ["Festival Musik Jakarta"], [("2024", "DATE")]),
    ("Pemilu berlangsung damai.", [], ["Pemilu"], []),
    ("Warga merayakan Tahun Baru Imlek di Glodok.", [("Glodok", "LOC", None)], ["Tahun Baru Imlek"],
     [("Glodok", "LOC")]),
    ("Toko tutup pada Hari Raya.", [], ["Hari Raya"], []),
    ("Pertemuan itu berlangsung tertutup.", [], [], []),
    ("Kongres Amerika Serikat menyetujui anggaran.", [("Kongres Amerika Serikat", "ORG", None)], [],
     [("Kongres Amerika Serikat", "ORG")]),
    ("Sidang dimulai pukul sembilan.", [], [], []),
]


@pytest.mark.parametrize("text,ents,events,kept", NAMED)
def test_named_events(nlp, text, ents, events, kept):
    doc = EventsComponent(frames=False)(make_doc(nlp, text, ents))
    assert [e.text for e in doc.ents if e.label_ == "EVENT"] == events
    assert [(e.text, e.label_) for e in doc.ents if e.label_ != "EVENT"] == kept


IDR = "IDR"
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
    # light verb + nominal: the nominal is the trigger and gives the type
    ("Badan POM melakukan inspeksi di gudang PT Rasa Nikmat pada 3 Juli 2024.",
     [("Badan POM", "ORG", "Badan Pengawas Obat dan Makanan"), ("PT Rasa Nikmat", "ORG", "PT Rasa Nikmat"),
      ("3 Juli 2024", "DATE", "2024-07-03")],
     [frame("INSPECTION", "inspeksi", "2024-07-03", ["Badan Pengawas Obat dan Makanan", "PT Rasa Nikmat"])]),
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
    # ... but not when negated, nor with places only
    ("PT Andalan Niaga belum menandatangani kontrak itu pada 2024.",
     [("PT Andalan Niaga", "ORG", "PT Andalan Niaga"), ("2024", "DATE", "2024")], []),
    ("Pameran itu dibuka di Bandung.", [("Bandung", "LOC", None)], []),
    # purpose phrase: no frame of its own, its date and places go to the clause before it
    ("Kementerian Perdagangan menyetujui izin untuk mengekspor batu bara ke Jepang pada Januari 2025.",
     [("Kementerian Perdagangan", "ORG", "Kementerian Perdagangan"), ("Jepang", "LOC", None),
      ("Januari 2025", "DATE", "2025-01")],
     [frame("APPROVAL", "menyetujui", "2025-01", ["Kementerian Perdagangan"], places=["Jepang"])]),
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
    # "mengalami/melakukan + nominalisation": the nominal is the trigger, even outside the taxonomy
    ("Laba PT Sawit Jaya mengalami penurunan menjadi Rp 2 triliun pada Juli 2024.",
     [("PT Sawit Jaya", "ORG", "PT Sawit Jaya"), ("Rp 2 triliun", "MONEY", (2 * 10**12, IDR)),
      ("Juli 2024", "DATE", "2024-07")],
     [frame("FIGURE", "penurunan", "2024-07", ["PT Sawit Jaya"], money=[(2 * 10**12, IDR)])]),
    # "yang sama" without "periode" is no comparison; a plan with a date is a frame (its purpose phrase is not)
    ("Di kota yang sama pada Mei 2024, PT Sentosa berencana untuk membeli PT Abadi.",
     [("Mei 2024", "DATE", "2024-05"), ("PT Sentosa", "ORG", "PT Sentosa"), ("PT Abadi", "ORG", "PT Abadi")],
     [frame("OTHER", "berencana", "2024-05", ["PT Sentosa", "PT Abadi"])]),
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
    # a date after a preposition wins over a bare one that is part of a name
    ("Obligasi Tahun 2024 milik PT Abadi akan jatuh tempo pada 1 Mei 2027.",
     [("2024", "DATE", "2024"), ("PT Abadi", "ORG", "PT Abadi"), ("1 Mei 2027", "DATE", "2027-05-01")],
     [frame("OTHER", "jatuh", "2027-05-01", ["PT Abadi"])]),
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
    # a people-only frame
    ("Menteri Budi Santoso berkunjung ke Tokyo pada 12 Februari 2025.",
     [("Budi Santoso", "PER", None), ("Tokyo", "LOC", None), ("12 Februari 2025", "DATE", "2025-02-12")],
     [frame("VISIT", "berkunjung", "2025-02-12", people=["Budi Santoso"], places=["Tokyo"])]),
    # a headline on its own line shares no clause with the next sentence
    ("Ekspor Kopi Melonjak\nPada 2024, Kopi Nusantara mengekspor 300 ton kopi ke Jerman.",
     [("2024", "DATE", "2024"), ("Kopi Nusantara", "ORG", "Kopi Nusantara"), ("Jerman", "LOC", None)],
     [frame("EXPORT", "mengekspor", "2024", ["Kopi Nusantara"], places=["Jerman"])]),
]


@pytest.mark.parametrize("text,ents,expected", FRAMES)
def test_frames(nlp, text, ents, expected):
    doc = EventsComponent()(make_doc(nlp, text, ents))
    assert [summary(f) for f in doc._.events] == expected


@pytest.mark.parametrize("text", ["", "\n\n", "Dan.", "yang yang yang", "Pada ,, , dan", "Difasilitasi oleh",
                                  "untuk mengekspor", "—(“”)", "HUT ke-", "Pertemuan"])
def test_odd_text_gives_no_frames(nlp, text):
    doc = EventsComponent()(nlp(text))
    assert doc._.events == []
    assert [e for e in doc.ents if e.label_ == "EVENT"] == []


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


# --- the sample article -----------------------------------------------------------------------------------------

LOCS = ["Zona Pelabuhan Bebas Cuntan Lianglu Chongqing", "Chongqing", "Singapura", "China"]
CANONICAL = {"SFA": "Otoritas Pangan Singapura", "SCCCI": "Kamar Dagang dan Industri Tionghoa Singapura"}


def sample_doc(nlp, expected):
    """The sample with the entities the DATE, MONEY and ORG components are specified to produce."""
    text = SAMPLE.read_text(encoding="utf-8")
    doc = nlp(text)
    spans, pos = [], 0
    for item in expected["dates"]:  # listed in order of appearance
        start = text.index(item["text"], pos)
        pos = start + len(item["text"])
        spans.append((start, pos, "DATE", {"value": item["value"]}))
    for item in expected["durations"]:
        start = text.index(item["text"])
        spans.append((start, start + len(item["text"]), "DURATION", {"value": item["value"]}))
    for item in expected["money"]:
        start = text.index(item["text"])
        spans.append((start, start + len(item["text"]), "MONEY",
                      {"amount": Decimal(item["amount"]), "currency": item["currency"]}))
    names = [(o, "ORG") for o in expected["orgs"] + ["Qingling"]] + [(loc, "LOC") for loc in LOCS]
    for name, label in sorted(names, key=lambda n: -len(n[0])):
        for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text):
            attrs = {"value": CANONICAL.get(name, name)} if label == "ORG" else {}
            spans.append((m.start(), m.end(), label, attrs))
    ents, taken = [], set()
    for start, end, label, attrs in spans:
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if any(k in taken for k in range(span.start, span.end)):
            continue
        taken.update(range(span.start, span.end))
        for key, value in attrs.items():
            setattr(span._, key, value)
        ents.append(span)
    doc.ents = sorted(ents, key=lambda s: s.start)
    return doc


def check_expected_frame(frames, want, places=True):
    """The frame with the suggested trigger has the right date, organisations (subject first), places, amounts."""
    found = [f for f in frames if f.trigger.text == want["trigger"].split()[0]]
    assert found, f"no frame for {want['trigger']!r}"
    got = found[0]
    assert got.date == want["date"]
    orgs = want.get("orgs", [])
    assert len(got.orgs) >= len(orgs)
    for got_org, want_org in zip(got.orgs, orgs):  # subject first; a canonical name may complete a short one
        assert got_org == want_org or got_org.startswith(want_org + " ")
    if places:
        assert set(want.get("places", [])) <= set(got.places)
    assert [(int(m._.amount), m._.currency) for m in got.money] == [tuple(m) for m in want.get("money", [])]


@pytest.fixture(scope="module")
def expected():
    if not EXPECTED.is_file():
        pytest.skip(f"{EXPECTED} not found (the shared data sits next to the checkout)")
    return json.loads(EXPECTED.read_text(encoding="utf-8"))


def test_sample_frames_with_set_entities(nlp, expected):
    doc = EventsComponent()(sample_doc(nlp, expected))
    assert [e.text for e in doc.ents if e.label_ == "EVENT"] == expected["named_events"]
    for want in expected["events"]:
        check_expected_frame(doc._.events, want)
    assert len(doc._.events) == len(expected["events"])  # no flooding: nothing beyond the 12


def test_sample_frames_through_pipeline(expected):
    """Through factx.load(): all 12 frames with their dates, organisations and amounts (the acceptance; places
    depend on the NER model and are checked with set entities above)."""
    doc = pipeline.load()(SAMPLE.read_text(encoding="utf-8"))
    for want in expected["events"]:
        check_expected_frame(doc._.events, want, places=False)
    assert [e.text for e in doc.ents if e.label_ == "EVENT"][:1] == expected["named_events"]
