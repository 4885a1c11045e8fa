"""factx.orgs.legal: legal forms inside company names, and short forms.

Each case gives the component a Doc whose entities are set by hand (as a model might have left them) and checks the
entities after ``factx_orgs``; see :mod:`tests.orgs_cases`."""

from __future__ import annotations

import pytest

from .orgs_cases import blank, run  # noqa: F401  (blank is a fixture)

CASES = [
    # (text, entities the model found, entities after factx_orgs as (text, label, value))
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
    (  # the short form of a name written in full is an ORG too (its value is its own text: no definition)
        "Saham PT Banyu Tirta (Persero) naik. Menurut Banyu Tirta, truk Sinar Jaya Motors laku. Sinar Jaya untung.",
        [("Banyu Tirta", "ORG"), ("Banyu Tirta#2", "ORG")],
        [("PT Banyu Tirta (Persero)", "ORG", "PT Banyu Tirta (Persero)"), ("Banyu Tirta", "ORG", "Banyu Tirta"),
         ("Sinar Jaya Motors", "ORG", "Sinar Jaya Motors"), ("Sinar Jaya", "ORG", "Sinar Jaya")],
    ),
    (  # a double space inside a legal form keeps the whole name; the value has one space
        "Saham PT  Cakra Nusa Dirgantara (Persero) Tbk naik.",
        [("PT", "ORG"), ("Cakra Nusa Dirgantara (Persero) Tbk", "ORG")],
        [("PT  Cakra Nusa Dirgantara (Persero) Tbk", "ORG", "PT Cakra Nusa Dirgantara (Persero) Tbk")],
    ),
    (  # the full stop after "Tbk" at the end of a sentence ends the sentence
        "Izin itu milik PT Timur Logam Tbk. Perusahaan membantah.",
        [("PT Timur Logam", "ORG")],
        [("PT Timur Logam Tbk", "ORG", "PT Timur Logam Tbk")],
    ),
    (  # a trailing "dan" is not part of the name; a company's name goes on over the capitals the model split off
        "Tersangka dari PT Sumber Alam Konstruksi dan PT Karya Logam Bangka ditahan.",
        [("PT Sumber Alam Konstruksi dan", "ORG"), ("PT Karya", "ORG"), ("Logam Bangka", "PER")],
        [("PT Sumber Alam Konstruksi", "ORG", "PT Sumber Alam Konstruksi"),
         ("PT Karya Logam Bangka", "ORG", "PT Karya Logam Bangka")],
    ),
    (
        "Bijih dijual ke PT Sultra Nikel Perkasa tahun lalu.",
        [("PT Sultra Nikel", "ORG")],
        [("PT Sultra Nikel Perkasa", "ORG", "PT Sultra Nikel Perkasa")],
    ),
    (  # ... but not over the person after a company's acronym
        "Direktur Utama PT PKG Arifin Tasrif mengatakan itu.",
        [("PT PKG", "ORG"), ("Arifin Tasrif", "PER")],
        [("PT PKG", "ORG", "PT PKG"), ("Arifin Tasrif", "PER", None)],
    ),
]


@pytest.mark.parametrize("text,ents,expected", CASES, ids=[c[0][:30] for c in CASES])
def test_rules(blank, text, ents, expected):
    assert run(blank, text, ents) == expected
