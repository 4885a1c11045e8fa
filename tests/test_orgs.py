"""factx_orgs: legal forms, place names, acronym definitions and canonical values.

The rule cases give the component a Doc whose entities are set by hand (as a model might have left them), so they
test the rules alone; the last tests run the shipped model on the reference article.
"""

from __future__ import annotations

import json

import pytest
import spacy

from factx.components.orgs import factx_orgs
from factx.tokenizer import TOKENIZER_CONFIG

from .conftest import SAMPLE, SHARED


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("id", config=TOKENIZER_CONFIG)


def run(blank, text: str, ents: list[tuple[str, str]]) -> list[tuple[str, str, str | None]]:
    """Set ``ents`` (each the first occurrence of its text, or the n-th with "text#n") and run the component."""
    doc = blank(text)
    spans = []
    for target, label in ents:
        target, _, nth = target.partition("#")
        start = -1
        for _ in range(int(nth or 1)):
            start = text.index(target, start + 1)
        span = doc.char_span(start, start + len(target), label=label)
        assert span is not None, target
        spans.append(span)
    doc.ents = spans
    doc = factx_orgs(doc)
    return [(ent.text, ent.label_, ent._.value) for ent in doc.ents]


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
    (  # a bracketed abbreviation of a place is not an organisation
        "Warga Nusa Tenggara Barat (NTB) berkumpul.",
        [("Nusa Tenggara Barat", "LOC")],
        [("Nusa Tenggara Barat", "LOC", None)],
    ),
    (  # legal forms: leading PT, trailing (Persero) and Tbk
        "Saham PT Pertamina (Persero) dan PT Sumber Rejeki Abadi Tbk naik.",
        [("Pertamina", "ORG"), ("Sumber Rejeki Abadi", "ORG")],
        [("PT Pertamina (Persero)", "ORG", "PT Pertamina (Persero)"),
         ("PT Sumber Rejeki Abadi Tbk", "ORG", "PT Sumber Rejeki Abadi Tbk")],
    ),
    (  # a capitalised run ending in "Co., Ltd." is one company, even where the model split it
        "Kata ketua Wuhan Lotus Paper Products Co., Ltd. kepada kami.",
        [("Wuhan", "LOC"), ("Lotus Paper", "ORG")],
        [("Wuhan Lotus Paper Products Co., Ltd.", "ORG", "Wuhan Lotus Paper Products Co., Ltd.")],
    ),
    (
        "Saham Apple Inc. turun, sedangkan Nordlicht Maschinenbau GmbH tumbuh.",
        [("Apple", "ORG")],
        [("Apple Inc.", "ORG", "Apple Inc."), ("Nordlicht Maschinenbau GmbH", "ORG", "Nordlicht Maschinenbau GmbH")],
    ),
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
    (  # entities do not end in a line break
        "Jembatan Merah\nWarga Surabaya berkumpul di sana.",
        [("Jembatan Merah\n", "LOC"), ("Surabaya", "LOC")],
        [("Jembatan Merah", "LOC", None), ("Surabaya", "LOC", None)],
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
    (  # a place inside an organisation's name stays
        "Bank Indonesia dan Universitas Jakarta bekerja sama.",
        [("Bank Indonesia", "ORG"), ("Universitas Jakarta", "ORG")],
        [("Bank Indonesia", "ORG", "Bank Indonesia"), ("Universitas Jakarta", "ORG", "Universitas Jakarta")],
    ),
    (  # no definition: the value is the text, whitespace normalised
        "Menurut Komisi\nPemilihan Umum hasilnya sah.",
        [("Komisi\nPemilihan Umum", "ORG")],
        [("Komisi\nPemilihan Umum", "ORG", "Komisi Pemilihan Umum")],
    ),
    (  # an institution word starts a name; "dan" inside it joins, before a new institution it separates
        "Delegasi Kementerian Perikanan dan Kelautan Norwegia bertemu Kementerian Keuangan dan Bank Nusantara kemarin.",
        [("Kementerian Perikanan", "ORG")],
        [("Kementerian Perikanan dan Kelautan Norwegia", "ORG", "Kementerian Perikanan dan Kelautan Norwegia"),
         ("Kementerian Keuangan", "ORG", "Kementerian Keuangan"), ("Bank Nusantara", "ORG", "Bank Nusantara")],
    ),
    (  # a company word ends a name; a cue noun introduces one, which is then ORG wherever it stands alone
        "Truk buatan Sinar Jaya Motors dijual perusahaan Lintasbumi dari Medan. Kata direktur Lintasbumi, harga naik.",
        [("Medan", "LOC"), ("Lintasbumi#2", "PER")],
        [("Sinar Jaya Motors", "ORG", "Sinar Jaya Motors"), ("Lintasbumi", "ORG", "Lintasbumi"),
         ("Medan", "LOC", None), ("Lintasbumi", "ORG", "Lintasbumi")],
    ),
    (  # the other members of a list holding an ORG are organisations too (not places, not people)
        "Proyek itu melibatkan Garuda Indonesia, Kencana Nusa, Budi Hartono, Bandung, dan Mitra Prima.",
        [("Garuda Indonesia", "ORG"), ("Budi Hartono", "PER"), ("Bandung", "LOC")],
        [("Garuda Indonesia", "ORG", "Garuda Indonesia"), ("Kencana Nusa", "ORG", "Kencana Nusa"),
         ("Budi Hartono", "PER", None), ("Bandung", "LOC", None), ("Mitra Prima", "ORG", "Mitra Prima")],
    ),
    (  # a place word starts a place name
        "Mereka datang ke Zona Industri Terpadu Batang pekan lalu.",
        [("Zona Industri", "PER")],
        [("Zona Industri Terpadu Batang", "LOC", None)],
    ),
    (  # name rules stay out of Title-Case headlines
        "Kementerian Agama Siapkan Kuota Haji Tambahan",
        [],
        [],
    ),
    (  # the short form of a name written in full is an ORG too (its value is its own text: no definition)
        "Saham PT Pertamina (Persero) naik. Menurut Pertamina, truk Sinar Jaya Motors laku. Sinar Jaya untung.",
        [("Pertamina", "ORG"), ("Pertamina#2", "ORG")],
        [("PT Pertamina (Persero)", "ORG", "PT Pertamina (Persero)"), ("Pertamina", "ORG", "Pertamina"),
         ("Sinar Jaya Motors", "ORG", "Sinar Jaya Motors"), ("Sinar Jaya", "ORG", "Sinar Jaya")],
    ),
    (  # an upper-case word in brackets after a person is not an acronym definition
        "Pelatih Budi Santoso (PSSI) hadir.",
        [("Budi Santoso", "PER")],
        [("Budi Santoso", "PER", None)],
    ),
]


@pytest.mark.parametrize("text,ents,expected", CASES, ids=[c[0][:30] for c in CASES])
def test_rules(blank, text, ents, expected):
    assert run(blank, text, ents) == expected


SPEC = SHARED / "samples" / "chongqing-singapura.expected.json"


@pytest.fixture(scope="module")
def sample_orgs(nlp):
    if "ner" not in nlp.pipe_names:
        pytest.skip("no NER model shipped")
    return nlp(SAMPLE.read_text(encoding="utf-8"))


def test_sample_organisations(sample_orgs):
    if not SPEC.is_file():
        pytest.skip(f"{SPEC} not present")
    spec = json.loads(SPEC.read_text(encoding="utf-8"))
    orgs = {ent.text for ent in sample_orgs.ents if ent.label_ == "ORG"}
    assert set(spec["orgs"]) <= orgs
    assert not orgs & set(spec["not_orgs"])


def test_sample_acronym_values(sample_orgs):
    values = {ent.text: ent._.value for ent in sample_orgs.ents if ent.label_ == "ORG"}
    assert values["SFA"] == "Otoritas Pangan Singapura"
    assert values["SCCCI"] == "Kamar Dagang dan Industri Tionghoa Singapura"
    assert all(value for value in values.values())
