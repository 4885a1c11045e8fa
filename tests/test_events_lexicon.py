"""factx.events.lexicon: the data files agree with the taxonomy, and how words read as predicates (table-driven)."""

from __future__ import annotations

import pytest

from factx.events.lexicon import lexicon, read_word, root_candidates


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
NOT_PREDICATES = ["catatan", "kekuatan", "menkeu", "berkenaan", "merupakan", "memiliki", "terkait",
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


ROOTS = [
    # word, a reading root_candidates must give: root, prefix removed?, verbal prefix?, suffix
    ("menandatangani", "tandatangan", True, True, "i"),  # meN- dropped the t of the root
    ("diluncurkan", "luncur", True, True, "kan"),
    ("memperoleh", "oleh", True, True, ""),  # two layers: mem- + per-
    ("pertemuan", "temu", True, False, "an"),  # per-an: nominal
    ("kecelakaan", "celaka", True, False, "an"),  # ke-an
    ("kunjungannya", "kunjung", False, False, "an"),  # particle, then -an on the bare root
]


@pytest.mark.parametrize("word,root,affixed,verbal,suffix", ROOTS)
def test_root_candidates(word, root, affixed, verbal, suffix):
    readings = [(r.root, r.affixed, r.verbal, r.suffix) for r in root_candidates(word)]
    assert readings[0] == (word, False, False, "")  # the word itself first
    assert (root, affixed, verbal, suffix) in readings


def test_pe_without_an_is_no_derivation():
    """An agent noun ("penyelenggara") is not read as pe- + root: pe(N)- needs -an."""
    assert [r.root for r in root_candidates("penyelenggara")] == ["penyelenggara"]
