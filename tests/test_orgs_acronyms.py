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
    (  # a place defined with an acronym: the acronym is a place too, everywhere, and no fragment is an ORG
        "Presiden Amerika Serikat (AS) menaikkan tarif. AS juga menekan Tiongkok.",
        [("Amerika Serikat", "LOC"), ("Tiongkok", "LOC")],
        [("Amerika Serikat", "LOC", None), ("AS", "LOC", None), ("AS", "LOC", None), ("Tiongkok", "LOC", None)],
    ),
    (  # ... also where the model called the acronym an ORG
        "Investor dari Uni Emirat Arab (UEA) datang. Dana UEA masuk.",
        [("Uni Emirat Arab", "LOC"), ("UEA#2", "ORG")],
        [("Uni Emirat Arab", "LOC", None), ("UEA", "LOC", None), ("UEA", "LOC", None)],
    ),
    (  # an index is no organisation: neither the acronym nor a fragment of its long form
        "Indeks Harga Saham Gabungan (IHSG) ditutup melemah. IHSG turun 1 persen.",
        [("Gabungan", "ORG"), ("IHSG", "ORG"), ("IHSG#2", "ORG")],
        [],
    ),
    (  # a scheme: no ORG, though its long form holds institution words
        "Proyek memakai skema Kerja Sama Pemerintah dan Badan Usaha (KPBU) tahun ini.",
        [("Pemerintah dan Badan Usaha", "ORG")],
        [],
    ),
    (  # legal and financial terms and currencies are not ORGs
        "Penyaluran KPR dan dana CSR naik, TPPU diusut, kurs SGD menguat.",
        [("KPR", "ORG"), ("CSR", "ORG"), ("TPPU", "ORG"), ("SGD", "ORG")],
        [],
    ),
    (  # a bracketed short name defines the full name, which every later mention takes as its value
        "Badan Pengelola Investasi Daya Anagata Nusantara (Danantara) dibentuk. Danantara mengelola aset.",
        [("Badan Pengelola Investasi Daya Anagata Nusantara", "ORG"), ("Danantara#2", "PER")],
        [("Badan Pengelola Investasi Daya Anagata Nusantara", "ORG",
          "Badan Pengelola Investasi Daya Anagata Nusantara"),
         ("Danantara", "ORG", "Badan Pengelola Investasi Daya Anagata Nusantara"),
         ("Danantara", "ORG", "Badan Pengelola Investasi Daya Anagata Nusantara")],
    ),
    (  # the long form runs past the bracket of an earlier acronym: one span, the whole name as value
        "Presiden meresmikan Badan Pengelola Investasi (BPI) Daya Anagata Nusantara (Danantara). Danantara hadir.",
        [("Badan Pengelola Investasi", "ORG"), ("Daya Anagata Nusantara", "PER")],
        [("Badan Pengelola Investasi (BPI) Daya Anagata Nusantara", "ORG",
          "Badan Pengelola Investasi Daya Anagata Nusantara"),
         ("Danantara", "ORG", "Badan Pengelola Investasi Daya Anagata Nusantara"),
         ("Danantara", "ORG", "Badan Pengelola Investasi Daya Anagata Nusantara")],
    ),
    (  # ... but not into a complete name of its own: a unit's acronym before its parent
        "Anggota Badan Musyawarah (Bamus) Dewan Perwakilan Rakyat hadir kemarin.",
        [],
        [("Badan Musyawarah", "ORG", "Badan Musyawarah"), ("Bamus", "ORG", "Badan Musyawarah"),
         ("Dewan Perwakilan Rakyat", "ORG", "Dewan Perwakilan Rakyat")],
    ),
    (  # a ticker after a company's full name, legal form and all, takes that name as its value
        "Saham PT Sinar Niaga Lestari (Persero) Tbk (SNLA) naik. SNLA membagi dividen.",
        [("PT Sinar Niaga Lestari (Persero) Tbk", "ORG")],
        [("PT Sinar Niaga Lestari (Persero) Tbk", "ORG", "PT Sinar Niaga Lestari (Persero) Tbk"),
         ("SNLA", "ORG", "PT Sinar Niaga Lestari (Persero) Tbk"),
         ("SNLA", "ORG", "PT Sinar Niaga Lestari (Persero) Tbk")],
    ),
    (  # a short name of two words in brackets
        "Nasabah PT Bank Pembangunan Daerah Maluku Utara (Bank Malut Raya) tenang. Bank Malut Raya membayar.",
        [("PT Bank Pembangunan Daerah", "ORG"), ("Maluku Utara", "LOC"), ("Bank Malut Raya#2", "ORG")],
        [("PT Bank Pembangunan Daerah Maluku Utara", "ORG", "PT Bank Pembangunan Daerah Maluku Utara"),
         ("Bank Malut Raya", "ORG", "PT Bank Pembangunan Daerah Maluku Utara"),
         ("Bank Malut Raya", "ORG", "PT Bank Pembangunan Daerah Maluku Utara")],
    ),
    (  # a title before the long form is not part of it
        "Ekonom Lembaga Kajian Ekonomi Nusantara (LKEN) menilai. LKEN memperkirakan inflasi naik.",
        [("Ekonom Lembaga Kajian Ekonomi Nusantara", "ORG")],
        [("Lembaga Kajian Ekonomi Nusantara", "ORG", "Lembaga Kajian Ekonomi Nusantara"),
         ("LKEN", "ORG", "Lembaga Kajian Ekonomi Nusantara"), ("LKEN", "ORG", "Lembaga Kajian Ekonomi Nusantara")],
    ),
]


@pytest.mark.parametrize("text,ents,expected", CASES, ids=[c[0][:30] for c in CASES])
def test_rules(blank, text, ents, expected):
    assert run(blank, text, ents) == expected
