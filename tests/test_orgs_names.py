"""factx.orgs.names: names by rule: institution, company, cue and place words, lists, headlines.

Each case gives the component a Doc whose entities are set by hand (as a model might have left them) and checks the
entities after ``factx_orgs``; see :mod:`tests.orgs_cases`."""

from __future__ import annotations

import pytest

from .orgs_cases import blank, run  # noqa: F401  (blank is a fixture)

CASES = [
    # (text, entities the model found, entities after factx_orgs as (text, label, value))
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
        "Proyek itu melibatkan Cakra Nusantara, Kencana Nusa, Budi Hartono, Bandung, dan Mitra Prima.",
        [("Cakra Nusantara", "ORG"), ("Budi Hartono", "PER"), ("Bandung", "LOC")],
        [("Cakra Nusantara", "ORG", "Cakra Nusantara"), ("Kencana Nusa", "ORG", "Kencana Nusa"),
         ("Budi Hartono", "PER", None), ("Bandung", "LOC", None), ("Mitra Prima", "ORG", "Mitra Prima")],
    ),
    (  # a hyphen written inside a member's name keeps it whole ("Coca-Cola", not "Cola")
        "Pemasoknya antara lain Sari-Rasa, Kencana Nusa dan Mitra Prima.",
        [("Kencana Nusa", "ORG")],
        [("Sari-Rasa", "ORG", "Sari-Rasa"), ("Kencana Nusa", "ORG", "Kencana Nusa"),
         ("Mitra Prima", "ORG", "Mitra Prima")],
    ),
    (  # a spaced dash is no part of a name: a dateline before the list stays out of it
        "JAKARTA - Kencana Nusa, Cakra Nusantara dan Mitra Prima menandatangani kontrak.",
        [("Kencana Nusa", "ORG")],
        [("Kencana Nusa", "ORG", "Kencana Nusa"), ("Cakra Nusantara", "ORG", "Cakra Nusantara"),
         ("Mitra Prima", "ORG", "Mitra Prima")],
    ),
    (  # a place word starts a place name
        "Mereka datang ke Zona Industri Terpadu Batang pekan lalu.",
        [("Zona Industri", "PER")],
        [("Zona Industri Terpadu Batang", "LOC", None)],
    ),
    (  # name rules stay out of Title-Case headlines
        "Kementerian Urusan Haji Siapkan Kuota Tambahan",
        [],
        [],
    ),
    (  # ... but a name the gazetteer knows is an ORG there too
        "Kementerian Agama Siapkan Kuota Haji Tambahan",
        [],
        [("Kementerian Agama", "ORG", "Kementerian Agama")],
    ),
    (  # local governments are ORGs, with the place inside; short forms take their full name as value
        "Pemerintah Kota Sukamaju dan Pemprov Jawa Timur menandatangani nota. Pemprov menyiapkan dana.",
        [("Sukamaju", "LOC"), ("Jawa Timur", "LOC")],
        [("Pemerintah Kota Sukamaju", "ORG", "Pemerintah Kota Sukamaju"),
         ("Pemprov Jawa Timur", "ORG", "Pemerintah Provinsi Jawa Timur"),
         ("Pemprov", "ORG", "Pemerintah Provinsi Jawa Timur")],
    ),
    (  # ... also where the model took the place for a person; a bare "Pemda" is local government in general
        "Pemkab Sukamaju terkejut. Pemda lain menunggu.",
        [("Sukamaju", "PER")],
        [("Pemkab Sukamaju", "ORG", "Pemerintah Kabupaten Sukamaju"), ("Pemda", "ORG", "Pemerintah Daerah")],
    ),
    (  # a regional council's value names its level: a province from the list, a regency from the text
        "DPRD Jawa Timur dan DPRD Sukamaju rapat. Bupati Sukamaju hadir.",
        [("DPRD Jawa Timur", "ORG"), ("DPRD Sukamaju", "ORG")],
        [("DPRD Jawa Timur", "ORG", "Dewan Perwakilan Rakyat Daerah Provinsi Jawa Timur"),
         ("DPRD Sukamaju", "ORG", "Dewan Perwakilan Rakyat Daerah Kabupaten Sukamaju")],
    ),
    (  # the region closes a regional body's name; the person after it is not part of it
        "Kepala Dinas Energi dan Sumber Daya Mineral Provinsi Maluku Utara Rina Kusumawati hadir.",
        [("Maluku Utara", "LOC"), ("Rina Kusumawati", "PER")],
        [("Dinas Energi dan Sumber Daya Mineral Provinsi Maluku Utara", "ORG",
          "Dinas Energi dan Sumber Daya Mineral Provinsi Maluku Utara"), ("Rina Kusumawati", "PER", None)],
    ),
    (  # a mayor's office is not the city's government: the place stays a place
        "Warga berkumpul di Kantor Wali Kota Sukamaju kemarin.",
        [("Sukamaju", "LOC")],
        [("Sukamaju", "LOC", None)],
    ),
    (  # firms in running text: a company word ends the name, a country after it belongs to it, a person does not
        "IHSG diperkirakan menguat, kata analis Cakra Asset Sekuritas Indonesia Nafan Aji.",
        [],
        [("Cakra Asset Sekuritas Indonesia", "ORG", "Cakra Asset Sekuritas Indonesia")],
    ),
    (
        "Target harga: Rp 1.500 (Lintang Capital).",
        [],
        [("Lintang Capital", "ORG", "Lintang Capital")],
    ),
    (  # a name runs up to a date, not over it
        "Dewan Keamanan Antariksa Sabtu mengeluarkan resolusi.",
        [("Sabtu", "DATE")],
        [("Dewan Keamanan Antariksa", "ORG", "Dewan Keamanan Antariksa"), ("Sabtu", "DATE", None)],
    ),
    (  # a head word alone in a list names nothing
        "Pemerintah dan DPR sepakat soal anggaran.",
        [("DPR", "ORG")],
        [("DPR", "ORG", "Dewan Perwakilan Rakyat")],
    ),
    (  # a unit written before its parent is no ORG of its own: the parent is the ORG (NER UGM, NER UI dev)
        "Seorang anggota Badan Anggaran DPR diperiksa PPATK.",
        [("Badan Anggaran DPR", "ORG"), ("PPATK", "ORG")],
        [("DPR", "ORG", "Dewan Perwakilan Rakyat"),
         ("PPATK", "ORG", "Pusat Pelaporan dan Analisis Transaksi Keuangan")],
    ),
    (
        "Kepala Pusat Data Informasi dan Humas BNPB menjelaskan hal itu.",
        [("BNPB", "ORG")],
        [("BNPB", "ORG", "Badan Nasional Penanggulangan Bencana")],
    ),
    (  # ... but a name followed by its acronym (in another language) is no unit: it starts with no unit word
        "Pinjaman dari Bank Pembangunan Asia ADB naik.",
        [("ADB", "ORG")],
        [("Bank Pembangunan Asia", "ORG", "Bank Pembangunan Asia"), ("ADB", "ORG", "Bank Pembangunan Asia")],
    ),
    (  # ... nor is an institution's name followed by a separate ORG after a comma
        "Kementerian Keuangan, BNPB dan PPATK hadir.",
        [("BNPB", "ORG"), ("PPATK", "ORG")],
        [("Kementerian Keuangan", "ORG", "Kementerian Keuangan"),
         ("BNPB", "ORG", "Badan Nasional Penanggulangan Bencana"),
         ("PPATK", "ORG", "Pusat Pelaporan dan Analisis Transaksi Keuangan")],
    ),
    (  # an institution word inside a place's name starts no ORG
        "Ekspor ke Amerika Serikat dan Eropa naik.",
        [("Amerika Serikat", "LOC"), ("Eropa", "LOC")],
        [("Amerika Serikat", "LOC", None), ("Eropa", "LOC", None)],
    ),
]


@pytest.mark.parametrize("text,ents,expected", CASES, ids=[c[0][:30] for c in CASES])
def test_rules(blank, text, ents, expected):
    assert run(blank, text, ents) == expected
