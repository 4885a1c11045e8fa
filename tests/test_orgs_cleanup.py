"""factx.orgs.cleanup: bylines, datelines, cited outlets, terms, units, initials and lone first names are not ORGs.

The model's entities are set by hand (see :mod:`tests.orgs_cases`)."""

from __future__ import annotations

import pytest

from factx.orgs.cleanup import is_term, is_unit

from .orgs_cases import blank, run  # noqa: F401  (blank is a fixture)

CASES = [
    # (text, entities the model found, entities after factx_orgs as (text, label, value))
    (  # a byline: the names are people, never ORGs
        "Harga beras naik.\nReporter: Dimas Prakoso | Editor: Wulan Sari\n",
        [("Reporter", "ORG"), ("Dimas Prakoso", "PER"), ("Editor", "PER"), ("Wulan Sari", "ORG")],
        [("Dimas Prakoso", "PER", None), ("Editor", "PER", None)],
    ),
    (  # "Baca juga:" lines
        "Harga beras naik.\nBaca juga: Sinar Pangan Lestari Tambah Gudang\nStok aman.",
        [("Sinar Pangan Lestari", "ORG")],
        [],
    ),
    (  # the outlet in a dateline
        "JAKARTA, KOMPAS.com - Harga beras naik pekan ini.",
        [("JAKARTA", "LOC"), ("KOMPAS.com", "ORG")],
        [("JAKARTA", "LOC", None)],
    ),
    (
        "JAKARTA (ANTARA) - Harga beras naik pekan ini.",
        [("JAKARTA", "LOC"), ("ANTARA", "ORG")],
        [("JAKARTA", "LOC", None)],
    ),
    (  # an outlet cited as the source
        "Harga minyak turun 2 persen, dilansir dari Reuters.",
        [("Reuters", "ORG")],
        [],
    ),
    (  # initials after a person's name
        "Hal itu disampaikan Budi Hartono SE di Medan.",
        [("Budi Hartono", "PER"), ("SE", "ORG"), ("Medan", "LOC")],
        [("Budi Hartono", "PER", None), ("Medan", "LOC", None)],
    ),
    (  # a first name on its own is the person, not an ORG
        "Rina Kusumawati memimpin rapat. Menurut Rina, anggaran cukup.",
        [("Rina Kusumawati", "PER"), ("Rina#2", "ORG")],
        [("Rina Kusumawati", "PER", None), ("Rina", "PER", None)],
    ),
    (  # ... but a last name may be a company's
        "Roy Disney menjual saham. Disney untung.",
        [("Roy Disney", "PER"), ("Disney#2", "ORG")],
        [("Roy Disney", "PER", None), ("Disney", "ORG", "Disney")],
    ),
    (  # a numbered unit of a legislature is not an organisation; its parent is
        "Rapat Komisi XI DPR digelar hari ini.",
        [("Komisi XI", "ORG")],
        [("DPR", "ORG", "Dewan Perwakilan Rakyat")],
    ),
    (  # a coalition named as such is not an organisation
        "Koalisi Indonesia Maju mendukung calon itu.",
        [("Koalisi Indonesia Maju", "ORG")],
        [],
    ),
    (  # a head word alone is no organisation; a housing-finance programme neither
        "Bank menyalurkan KPR FLPP. Dana FLPP naik.",
        [("Bank", "ORG"), ("FLPP", "ORG"), ("FLPP#2", "ORG")],
        [],
    ),
]


@pytest.mark.parametrize("text,ents,expected", CASES, ids=[c[0][:30] for c in CASES])
def test_rules(blank, text, ents, expected):
    assert run(blank, text, ents) == expected


@pytest.mark.parametrize("text,term", [
    ("IHSG", True), ("KPR", True), ("USD", True), ("SGD", True), ("Indeks Harga Konsumen", True),
    ("Program Tiga Juta Rumah", True), ("Bank Indonesia", False), ("OJK", False), ("Kredit", True),
])
def test_is_term(text, term):
    assert is_term(text) is term


@pytest.mark.parametrize("text,unit", [
    ("Komisi XI", True), ("Komisi II", True), ("Komisi Pemilihan Umum", False), ("Komisi", False),
    ("Komisi VI dan XI", True), ("Komisi I, II, dan III", True), ("Komisi II dan", False),
    ("Komisi XI dan Bank Indonesia", False),
])
def test_is_unit(text, unit):
    assert is_unit(text) is unit
