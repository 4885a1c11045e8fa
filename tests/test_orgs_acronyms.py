"""factx.orgs.acronyms: acronym definitions ("Long Form (ACR)", "ACR (Long Form)").

Each case gives the component a Doc whose entities are set by hand (as a model might have left them) and checks the
entities after ``factx_orgs``; see :mod:`tests.orgs_cases`."""

from __future__ import annotations

import pytest

from .orgs_cases import blank, run  # noqa: F401  (blank is a fixture)

CASES = [
    # (text, entities the model found, entities after factx_orgs as (text, label, value))
    (
        "Otoritas Pangan Singapura (SFA) membalas surat itu. Kemudian SFA melakukan verifikasi.",
        [("Otoritas Pangan Singapura", "ORG")],
        [("Otoritas Pangan Singapura", "ORG", "Otoritas Pangan Singapura"),
         ("SFA", "ORG", "Otoritas Pangan Singapura"), ("SFA", "ORG", "Otoritas Pangan Singapura")],
    ),
    (  # the model took "Name (ACR)" as one entity, and called the later acronym a place
        "Dewan Kesenian Bogor (DKB) menggelar pameran. Pameran DKB ramai.",
        [("Dewan Kesenian Bogor (DKB)", "ORG"), ("DKB#2", "LOC")],
        [("Dewan Kesenian Bogor", "ORG", "Dewan Kesenian Bogor"), ("DKB", "ORG", "Dewan Kesenian Bogor"),
         ("DKB", "ORG", "Dewan Kesenian Bogor")],
    ),
    (  # no entity from the model: an institution keyword in the capitalised run before the acronym
        "Ketua Kamar Dagang dan Industri Tionghoa Medan (KDITM) hadir.",
        [],
        [("Kamar Dagang dan Industri Tionghoa Medan", "ORG", "Kamar Dagang dan Industri Tionghoa Medan"),
         ("KDITM", "ORG", "Kamar Dagang dan Industri Tionghoa Medan")],
    ),
    (  # the acronym first, the full name in brackets
        "Kata juru bicara BMKG (Badan Meteorologi, Klimatologi, dan Geofisika) pagi ini.",
        [("Badan Meteorologi, Klimatologi, dan Geofisika", "ORG")],
        [("BMKG", "ORG", "Badan Meteorologi, Klimatologi, dan Geofisika"),
         ("Badan Meteorologi, Klimatologi, dan Geofisika", "ORG", "Badan Meteorologi, Klimatologi, dan Geofisika")],
    ),
    (  # a bracketed abbreviation of a place is a place, not an organisation
        "Warga Nusa Tenggara Barat (NTB) berkumpul.",
        [("Nusa Tenggara Barat", "LOC")],
        [("Nusa Tenggara Barat", "LOC", None), ("NTB", "LOC", None)],
    ),
    (  # an upper-case word in brackets after a person is not an acronym definition
        "Pelatih Budi Santoso (PSKB) hadir.",
        [("Budi Santoso", "PER")],
        [("Budi Santoso", "PER", None)],
    ),
    (  # ... unless the gazetteer knows it: then the acronym alone is the ORG, the person stays a person
        "Pelatih Budi Santoso (PSSI) hadir.",
        [("Budi Santoso", "PER")],
        [("Budi Santoso", "PER", None), ("PSSI", "ORG", "Persatuan Sepak Bola Seluruh Indonesia")],
    ),
]


@pytest.mark.parametrize("text,ents,expected", CASES, ids=[c[0][:30] for c in CASES])
def test_rules(blank, text, ents, expected):
    assert run(blank, text, ents) == expected
