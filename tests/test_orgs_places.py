"""factx.orgs.places: a country or city alone is LOC.

Each case gives the component a Doc whose entities are set by hand (as a model might have left them) and checks the
entities after ``factx_orgs``; see :mod:`tests.orgs_cases`."""

from __future__ import annotations

import pytest

from .orgs_cases import blank, run  # noqa: F401  (blank is a fixture)

CASES = [
    # (text, entities the model found, entities after factx_orgs as (text, label, value))
    (  # a country or city alone is a place
        "Kerja sama Singapura dan Chongqing dengan Jepang.",
        [("Singapura", "ORG"), ("Chongqing", "ORG"), ("Jepang", "LOC")],
        [("Singapura", "LOC", None), ("Chongqing", "LOC", None), ("Jepang", "LOC", None)],
    ),
    (  # a listed place the model took for a person is a place too
        "Pabrik itu pindah ke Chongqing tahun lalu.",
        [("Chongqing", "PER")],
        [("Chongqing", "LOC", None)],
    ),
    (  # a listed country or city the model missed is a place; initials such as "AS" after a name are not
        "Pertemuan diadakan di Chongqing, kata Budi AS kepada wartawan.",
        [("Budi", "PER")],
        [("Chongqing", "LOC", None), ("Budi", "PER", None)],
    ),
    (  # ... and so is a name the model itself called LOC elsewhere in the document
        "Warga Tegalrejo berkumpul. Tegalrejo menang.",
        [("Tegalrejo", "LOC"), ("Tegalrejo#2", "ORG")],
        [("Tegalrejo", "LOC", None), ("Tegalrejo", "LOC", None)],
    ),
    (  # "ibu kota X" is the capital of X: the place is X ...
        "Presiden tiba di Ibu Kota RIS pada sore hari.",
        [("Kota RIS", "LOC")],
        [("RIS", "LOC", None)],
    ),
    (  # ... unless "Ibu Kota X" is the place's own name
        "Pembangunan Ibu Kota Nusantara dimulai.",
        [("Kota Nusantara", "LOC")],
        [("Ibu Kota Nusantara", "LOC", None)],
    ),
    (  # "Kota X" without "ibu" before it stays
        "Warga Kota Bandung berkumpul.",
        [("Kota Bandung", "LOC")],
        [("Kota Bandung", "LOC", None)],
    ),
    (  # a place inside an organisation's name stays
        "Bank Indonesia dan Universitas Jakarta bekerja sama.",
        [("Bank Indonesia", "ORG"), ("Universitas Jakarta", "ORG")],
        [("Bank Indonesia", "ORG", "Bank Indonesia"), ("Universitas Jakarta", "ORG", "Universitas Jakarta")],
    ),
]


@pytest.mark.parametrize("text,ents,expected", CASES, ids=[c[0][:30] for c in CASES])
def test_rules(blank, text, ents, expected):
    assert run(blank, text, ents) == expected
