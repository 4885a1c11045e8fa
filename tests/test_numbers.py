"""Table-driven tests for Indonesian numerals (factx.numbers)."""

from decimal import Decimal

import pytest

from factx.numbers import magnitude_words, number_words, parse_digits, parse_number, unit_words

NUMBERS = [
    # digits: Indonesian thousands dots and decimal comma
    ("0", "0"),
    ("7", "7"),
    ("2025", "2025"),
    ("1.000", "1000"),
    ("1.550.000", "1550000"),
    ("12.345.678.901", "12345678901"),
    ("10,8", "10.8"),
    ("315,00", "315"),
    ("1,5", "1.5"),
    ("0,75", "0.75"),
    ("1.234,56", "1234.56"),
    ("5.000,-", "5000"),
    ("25.000,--", "25000"),
    # English style where it is unambiguous
    ("1,500,000", "1500000"),
    ("1,500.25", "1500.25"),
    ("1.5", "1.5"),
    ("12.75", "12.75"),
    # words
    ("nol", "0"),
    ("satu", "1"),
    ("lima", "5"),
    ("sembilan", "9"),
    ("sepuluh", "10"),
    ("sebelas", "11"),
    ("dua belas", "12"),
    ("delapan belas", "18"),
    ("sembilan belas", "19"),
    ("dua puluh", "20"),
    ("dua puluh lima", "25"),
    ("sembilan puluh sembilan", "99"),
    ("seratus", "100"),
    ("seratus satu", "101"),
    ("seratus sepuluh", "110"),
    ("seratus sebelas", "111"),
    ("seratus dua puluh", "120"),
    ("dua ratus", "200"),
    ("tiga ratus dua belas", "312"),
    ("dua ratus lima puluh", "250"),
    ("seribu", "1000"),
    ("seribu lima ratus", "1500"),
    ("dua ribu", "2000"),
    ("seribu sembilan ratus sembilan puluh delapan", "1998"),
    ("dua ribu dua puluh lima", "2025"),
    ("sejuta", "1000000"),
    ("semiliar", "1000000000"),
    ("setriliun", "1000000000000"),
    ("se-ribu", "1000"),
    ("se-juta", "1000000"),
    ("Sepuluh", "10"),
    ("DUA PULUH", "20"),
    # fractions
    ("setengah", "0.5"),
    ("satu setengah", "1.5"),
    ("dua setengah", "2.5"),
    ("tiga seperempat", "3.25"),
    ("satu koma lima", "1.5"),
    ("dua koma dua lima", "2.25"),
    ("nol koma tujuh", "0.7"),
    # magnitudes after digits and words
    ("1,5 triliun", "1500000000000"),
    ("26 miliar", "26000000000"),
    ("26 milyar", "26000000000"),
    ("10,8 juta", "10800000"),
    ("3 ribu", "3000"),
    ("1,2 trilyun", "1200000000000"),
    ("20rb", "20000"),
    ("20 rb", "20000"),
    ("5jt", "5000000"),
    ("5 jt.", "5000000"),
    ("7,5 Juta", "7500000"),
    ("26M", "26000000000"),
    ("1,5 T", "1500000000000"),
    ("50K", "50000"),
    ("50k", "50000"),
    ("dua puluh lima juta", "25000000"),
    ("satu setengah triliun", "1500000000000"),
    ("setengah juta", "500000"),
    ("seratus ribu", "100000"),
    ("lima ratus ribu", "500000"),
    ("dua ratus lima puluh juta", "250000000"),
    ("satu juta dua ratus ribu", "1200000"),
    ("1 juta 500 ribu", "1500000"),
    ("dua miliar tiga ratus juta", "2300000000"),
    ("sejuta lima ratus ribu", "1500000"),
    ("1 kuadriliun", "1000000000000000"),
    ("2,5 billion", "2500000000"),
    ("300 million", "300000000"),
]

NOT_NUMBERS = [
    "",
    "Rp",
    "juta",
    "miliar",
    "ratusan",
    "puluhan juta",
    "ribuan",
    "belas",
    "puluh",
    "dua tiga",
    "sepuluh dua",
    "dua puluh lima puluh",
    "dua juta tiga juta",
    "lima ribu dua juta",
    "12 tiga",
    "tiga 12",
    "1.2.3",
    "12,5,6",
    "15/12",
    "10%",
    "5 m",
    "5 t",
    "dua koma",
    "proyek",
    "347 proyek",
    "nol puluh",
]


@pytest.mark.parametrize("text,expected", NUMBERS)
def test_parse_number(text, expected):
    assert parse_number(text) == Decimal(expected)


@pytest.mark.parametrize("text", NOT_NUMBERS)
def test_not_a_number(text):
    assert parse_number(text) is None


@pytest.mark.parametrize(
    "text,expected",
    [("1.550.000", "1550000"), ("10,8", "10.8"), ("315,00", "315"), ("5.000,-", "5000"), ("1,000,000", "1000000")],
)
def test_parse_digits(text, expected):
    assert parse_digits(text) == Decimal(expected)


@pytest.mark.parametrize("text", ["sepuluh", "1,5 juta", "10.5.5", "1,000.000.0"])
def test_parse_digits_rejects(text):
    assert parse_digits(text) is None


def test_word_tables():
    assert unit_words()["delapan"] == 8
    assert magnitude_words()["miliar"] == Decimal(10) ** 9
    assert magnitude_words()["M"] == Decimal(10) ** 9
    words = number_words()
    for word in ("delapan", "belas", "puluh", "ratus", "sepuluh", "sebelas", "seratus", "juta", "setengah"):
        assert word in words
    assert "M" not in words and "proyek" not in words
