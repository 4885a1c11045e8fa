"""factx.orgs.gazetteer and factx.orgs.reconcile: names the gazetteer knows, without a definition, and the model's
ORGs reconciled with them (the gazetteer's kind wins; titles, units, a person's name and "dan" are cut off).

The model's entities are set by hand (see :mod:`tests.orgs_cases`); the gazetteer is the shipped
``factx/lang/organisations.tsv``."""

from __future__ import annotations

import pytest
import spacy

from factx.orgs.gazetteer import read_gazetteer
from factx.tokenizer import TOKENIZER_CONFIG

from .orgs_cases import blank, run  # noqa: F401  (blank is a fixture)

CASES = [
    # (text, entities the model found, entities after factx_orgs as (text, label, value))
    (  # well-known acronyms and short names used without a definition
        "OJK, BI, dan KPK memanggil direksi. Kemenkeu menunggu laporan BPS, kata anggota DPR.",
        [],
        [("OJK", "ORG", "Otoritas Jasa Keuangan"), ("BI", "ORG", "Bank Indonesia"),
         ("KPK", "ORG", "Komisi Pemberantasan Korupsi"), ("Kemenkeu", "ORG", "Kementerian Keuangan"),
         ("BPS", "ORG", "Badan Pusat Statistik"), ("DPR", "ORG", "Dewan Perwakilan Rakyat")],
    ),
    (  # parties by their usual names
        "Gerindra, Golkar, dan NasDem sepakat, sedangkan PKS dan PDIP menolak.",
        [("Gerindra", "ORG")],
        [("Gerindra", "ORG", "Partai Gerakan Indonesia Raya"), ("Golkar", "ORG", "Partai Golongan Karya"),
         ("NasDem", "ORG", "Partai NasDem"), ("PKS", "ORG", "Partai Keadilan Sejahtera"),
         ("PDIP", "ORG", "Partai Demokrasi Indonesia Perjuangan")],
    ),
    (  # state companies and agencies by short name; the model's PER, LOC or EVENT gives way to the gazetteer
        "Pertamina, PLN, dan Bulog melapor kepada Danantara.",
        [("Pertamina", "PER"), ("Bulog", "LOC"), ("Danantara", "EVENT")],
        [("Pertamina", "ORG", "PT Pertamina (Persero)"), ("PLN", "ORG", "PT PLN (Persero)"),
         ("Bulog", "ORG", "Perum Bulog"),
         ("Danantara", "ORG", "Badan Pengelola Investasi Daya Anagata Nusantara")],
    ),
    (  # a title before the name is not part of it
        "Ekonom Universitas Gadjah Mada Fahmy Radhi menilai kebijakan itu tepat.",
        [("Ekonom Universitas Gadjah Mada", "ORG"), ("Fahmy Radhi", "PER")],
        [("Universitas Gadjah Mada", "ORG", "Universitas Gadjah Mada"), ("Fahmy Radhi", "PER", None)],
    ),
    (  # a unit before its parent: the parent is the ORG
        "Kepala Eksekutif Pengawas Perbankan OJK Dian Ediana Rae menjelaskan.",
        [("Kepala Eksekutif Pengawas Perbankan OJK", "ORG"), ("Dian Ediana Rae", "PER")],
        [("OJK", "ORG", "Otoritas Jasa Keuangan"), ("Dian Ediana Rae", "PER", None)],
    ),
    (  # a person's name after the organisation's is not part of it
        "Ketua Umum Partai NasDem Surya Paloh hadir.",
        [("Partai NasDem Surya", "ORG"), ("Paloh", "PER")],
        [("Partai NasDem", "ORG", "Partai NasDem"), ("Paloh", "PER", None)],
    ),
    (  # two organisations joined by "dan" are two
        "Rapat itu dihadiri Bank Indonesia dan OJK.",
        [("Bank Indonesia dan OJK", "ORG")],
        [("Bank Indonesia", "ORG", "Bank Indonesia"), ("OJK", "ORG", "Otoritas Jasa Keuangan")],
    ),
    (  # a company's longer name that begins with a known one stays whole
        "Saham PT Pertamina Hulu Energi naik.",
        [("PT Pertamina Hulu Energi", "ORG")],
        [("PT Pertamina Hulu Energi", "ORG", "PT Pertamina Hulu Energi")],
    ),
    (  # a known word inside a company's name after its legal form is not the known company
        "Pemenang tender adalah CV Karya Mandiri Utama.",
        [("CV Karya Mandiri Utama", "ORG")],
        [("CV Karya Mandiri Utama", "ORG", "CV Karya Mandiri Utama")],
    ),
    (  # the legal form around a known name stays; the value is the canonical name
        "Saham PT Garuda Indonesia (Persero) Tbk naik.",
        [("Garuda Indonesia", "ORG")],
        [("PT Garuda Indonesia (Persero) Tbk", "ORG", "PT Garuda Indonesia (Persero) Tbk")],
    ),
    (  # a known word inside a longer name that starts with an institution word is not the known organisation
        "Laba Bank Syariah Sentosa Mandiri naik tahun ini.",
        [],
        [("Bank Syariah Sentosa Mandiri", "ORG", "Bank Syariah Sentosa Mandiri")],
    ),
    (  # a known name and its acronym run together are two mentions; several known words in one name are one
        "Kata Gubernur Bank Indonesia BI hari ini, dan Bank Syariah Mandiri Sejahtera.",
        [("Bank Indonesia BI", "ORG"), ("Bank Syariah Mandiri Sejahtera", "ORG")],
        [("Bank Indonesia", "ORG", "Bank Indonesia"), ("BI", "ORG", "Bank Indonesia"),
         ("Bank Syariah Mandiri Sejahtera", "ORG", "Bank Syariah Mandiri Sejahtera")],
    ),
    (  # a building's name holding a known one: the organisation; the head words left over name nothing
        "Rapat di Kantor Pusat DJBC Jakarta, Senin.",
        [("Kantor Pusat DJBC Jakarta", "LOC")],
        [("DJBC", "ORG", "Direktorat Jenderal Bea dan Cukai"), ("Jakarta", "LOC", None)],
    ),
    (  # a known name ending in a place that the text goes on with is a longer name ("DPRD Lampung Tengah")
        "Rapat DPRD Lampung Tengah digelar kemarin.",
        [],
        [("DPRD Lampung Tengah", "ORG", "DPRD Lampung Tengah")],
    ),
    (  # "RI" after a known name belongs to the model's span
        "Bantuan dari Departemen Sosial RI tiba.",
        [("Departemen Sosial RI", "ORG")],
        [("Departemen Sosial RI", "ORG", "Departemen Sosial RI")],
    ),
    (  # a title before an acronym-led name is not part of it
        "Komisioner BP Tapera menjelaskan skema itu.",
        [("Komisioner BP Tapera", "ORG")],
        [("BP Tapera", "ORG", "BP Tapera")],
    ),
    (  # an event whose name holds an organisation's stays an event
        "Hasil Rapat Dewan Gubernur BI diumumkan sore ini.",
        [("Rapat Dewan Gubernur BI", "EVENT")],
        [("Rapat Dewan Gubernur BI", "EVENT", None)],
    ),
    (  # a country is never taken from the gazetteer
        "Indonesia dan Singapura menandatangani nota itu.",
        [("Indonesia", "LOC"), ("Singapura", "LOC")],
        [("Indonesia", "LOC", None), ("Singapura", "LOC", None)],
    ),
]


@pytest.mark.parametrize("text,ents,expected", CASES, ids=[c[0][:30] for c in CASES])
def test_rules(blank, text, ents, expected):
    assert run(blank, text, ents) == expected


def test_shipped_gazetteer_reads():
    entries = read_gazetteer()
    assert len(entries) > 500
    ojk = next(e for e in entries if e.canonical == "Otoritas Jasa Keuangan")
    assert ojk.kind == "agency" and "OJK" in ojk.aliases


@pytest.mark.parametrize("body,message", [
    ("canonical\tkind\n", "header"),
    ("canonical\tkind\taliases\tsource\nBank X\tbankk\tBX\tofficial\n", "row 2: unknown kind 'bankk'"),
    ("canonical\tkind\taliases\tsource\nBank X\n", "row 2 has fewer than three fields"),
])
def test_bad_gazetteer_names_file_and_row(tmp_path, body, message):
    path = tmp_path / "orgs.tsv"
    path.write_text("# test\n" + body, encoding="utf-8")
    with pytest.raises(ValueError, match=message) as error:
        read_gazetteer(str(path))
    assert str(path) in str(error.value)


def test_custom_gazetteer_file(tmp_path):
    path = tmp_path / "orgs.tsv"
    path.write_text("# test\ncanonical\tkind\taliases\tsource\nKoperasi Maju Bersama\tother\tKMB\ttest\n",
                    encoding="utf-8")
    nlp = spacy.blank("id", config=TOKENIZER_CONFIG)
    nlp.add_pipe("factx_orgs", config={"gazetteer": str(path)})
    doc = nlp("Anggota KMB bertambah, kata OJK.")
    assert [(e.text, e._.value) for e in doc.ents] == [("KMB", "Koperasi Maju Bersama")]
