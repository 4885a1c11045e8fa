"""factx.events.named: named EVENT mentions from head and tail words, and what gives way to what (table-driven)."""

from __future__ import annotations

import pytest

from factx.events import EventsComponent

from .events_helpers import blank_pipeline, make_doc


@pytest.fixture(scope="module")
def nlp():
    return blank_pipeline()


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
