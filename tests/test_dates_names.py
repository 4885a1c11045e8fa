"""Table-driven tests for the years of names (factx.dates.names): law citations and years right after a name are
DATE mentions that give no year to the year-less dates after them. Every sentence is written for these tests."""

from __future__ import annotations

import pytest

from factx.dates import normalize


def dates(text: str, names: list[tuple[int, int]] = ()) -> list[tuple[str, str | None, bool]]:
    hits, _, _ = normalize(text, names=names)
    return [(text[h.start : h.end], h.value, h.in_name) for h in hits if h.label == "DATE"]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Perajin menolak Peraturan Menteri Perdagangan Nomor 12 Tahun 2005. Sedangkan tanggal 2 Agustus pesawat "
         "itu tergelincir.", [("Tahun 2005", "2005", True), ("tanggal 2 Agustus", "XXXX-08-02", False)]),
        ("Gugatan itu merujuk UU No. 31 Tahun 2004 tentang Perikanan, lalu sidang digelar 5 Mei.",
         [("Tahun 2004", "2004", True), ("5 Mei", "XXXX-05-05", False)]),
        ("Hak itu dijamin UUD 1945 dan rapat digelar Minggu (25/9) malam.",
         [("1945", "1945", True), ("Minggu (25/9) malam", "XXXX-09-25", False)]),
        ("Ia mengutip Perpres Nomor 5 tahun 2010 pada Maret.", [("tahun 2010", "2010", True), ("Maret", "XXXX-03", False)]),
        ("Atlet itu juara Brussels Golden League 2005, lalu berlaga pada Oktober.",
         [("2005", "2005", True), ("Oktober", "XXXX-10", False)]),
        ("Panitia Piala Dunia 2006 bertemu pada 15 Januari.", [("2006", "2006", True), ("15 Januari", "XXXX-01-15", False)]),
        # not names: a year after a preposition, after one word, an acronym, a law's year with another date after
        ("Pada 2005 harga naik, lalu turun pada Oktober.", [("2005", "2005", False), ("Oktober", "2005-10", False)]),
        ("Bahkan tahun 2004 dikeluarkan undang-undang baru pada Oktober.",
         [("tahun 2004", "2004", False), ("Oktober", "2004-10", False)]),
        ("Target APBN 2007 tercapai pada Oktober.", [("2007", "2007", False), ("Oktober", "2007-10", False)]),
        ("UU Nomor 12 Tahun 2005 disahkan pada 1 Juni 2005, berlaku sejak Oktober.",
         [("Tahun 2005", "2005", True), ("1 Juni 2005", "2005-06-01", False), ("Oktober", "2005-10", False)]),
    ],
)
def test_years_of_names(text, expected):
    assert dates(text) == expected


def test_year_after_a_name_the_model_found():
    text = "Ia tampil di Festival Jazz 2005 dan pulang pada Oktober."
    assert dates(text) == [("2005", "2005", True), ("Oktober", "XXXX-10", False)]
    # one capitalised word is not a name by itself; a name range from the model makes it one
    text = "Sponsor utama Djarum 2005 hadir pada Oktober."
    assert dates(text) == [("2005", "2005", False), ("Oktober", "2005-10", False)]
    assert dates(text, names=[(14, 20)]) == [("2005", "2005", True), ("Oktober", "XXXX-10", False)]


def test_names_do_not_pin_a_weekday():
    # 26 August 2005 was a Friday, but the only year written is a law's
    text = "Perajin menolak Peraturan Nomor 12 Tahun 2005, Jumat (26/8)."
    assert dates(text)[-1] == ("Jumat (26/8)", "XXXX-08-26", False)
