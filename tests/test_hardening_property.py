"""Issue 17, item 2: a property-based test of the library over generated Indonesian-looking text, numbers glued to
currencies, magnitude words and dates, with reference dates anywhere in the calendar. Whatever the text: no
exception (and no document skipped for one), every record's text is the source at its offsets, every DATE value
is valid ISO 8601 / TIMEX and every DURATION a valid ISO 8601 duration (``factx.dates.validity``, and a few independent
checks: no ``T24:00``, no year of fewer than four digits, no range that ends before it starts).

Most examples run on the rule components alone (the model is slow); a few on the whole pipeline."""

from __future__ import annotations

import datetime as dt
import re
import warnings

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import factx
from factx.dates.validity import is_valid

WORDS = ["Pada", "harga", "naik", "kata", "PT Pertamina", "Bank Indonesia", "di", "Jakarta", "sejak", "hingga",
         "sekitar", "lebih dari", "per", "liter", "dan", "yang", "awal", "akhir", "pertengahan", "kuartal", "II",
         "semester", "abad", "ke-", "XX", "tahun", "bulan", "minggu", "pekan", "hari", "jam", "menit", "lalu",
         "depan", "lagi", "silam", "kemarin", "besok", "lusa", "ini", "Senin", "Minggu", "Jumat", "pagi",
         "larut malam", "dini hari", "WIB", "Natal", "Lebaran", "1990-an", "tanggal", "pukul", "sebelumnya"]
MONTHS = ["Januari", "Februari", "Maret", "Mei", "Juni", "Agustus", "Nopember", "Desember", "Des", "Okt", "Jan"]
CURRENCIES = ["Rp", "Rp.", "rupiah", "US$", "$", "USD", "IDR", "dolar AS", "S$", "euro", "€", "yen"]
MAGNITUDES = ["ribu", "rb", "juta", "jt", "miliar", "M", "triliun", "T", "seratus", "dua puluh", "setengah"]
GLUE = ["", " ", " ", " ", "-", "/", ".", ",", ", ", "–", " s.d. ", ":", "(", ")", "\n", "\n\n"]


def number() -> st.SearchStrategy[str]:
    digits = st.integers(min_value=0, max_value=10**40).map(str)
    grouped = st.integers(min_value=1, max_value=10**15).map(lambda n: f"{n:,}".replace(",", "."))
    decimal = st.tuples(st.integers(0, 99_999), st.integers(0, 999)).map(lambda p: f"{p[0]},{p[1]}")
    year = st.integers(min_value=0, max_value=12_000).map(str)
    return st.one_of(digits, grouped, decimal, year)


UNITS = ["hari", "minggu", "pekan", "bulan", "tahun", "jam", "dekade", "abad", "kuartal"]
SIDES = ["lalu", "depan", "ini", "lagi", "silam", "mendatang", "yang lalu"]
DAY_PARTS = ["pagi", "siang", "sore", "malam", "larut malam", "tengah malam", "dini hari"]
RELATIVE_DAYS = ["kemarin", "besok", "hari ini", "lusa", "tadi"]
small = st.integers(min_value=0, max_value=40).map(str)
year = st.integers(min_value=0, max_value=12_000).map(str)
month = st.sampled_from(MONTHS)
# Date-shaped phrases, so that the date rules fire often: full dates, month ranges in either order, relative
# periods, counts of units, clock times, parts of days.
DATE_PHRASE = st.one_of(
    st.builds("{} {} {}".format, small, month, year),
    st.builds("{} {} - {} {}".format, month, year, month, year),
    st.builds("{} {} hingga {} {} {}".format, st.sampled_from(["Senin", "Jumat", "Minggu"]), st.sampled_from(SIDES),
              small, month, year),
    st.builds("{} {}".format, st.sampled_from(UNITS), st.sampled_from(SIDES)),
    st.builds("{} {} {}".format, st.integers(0, 10**7).map(str), st.sampled_from(UNITS), st.sampled_from(SIDES)),
    st.builds("pukul {}.{}".format, st.integers(0, 30).map(str), st.integers(0, 70).map(lambda n: f"{n:02d}")),
    st.builds("{} {}".format, st.sampled_from(DAY_PARTS), st.sampled_from(RELATIVE_DAYS)),
    st.builds("{} {} {}".format, st.sampled_from(["awal", "akhir", "pertengahan"]), st.sampled_from(UNITS + MONTHS),
              st.one_of(year, st.sampled_from(SIDES))),
    st.builds("{} {} {}".format, st.sampled_from(CURRENCIES), number(), st.sampled_from(MAGNITUDES)),
)
FRAGMENT = st.one_of(st.sampled_from(WORDS), st.sampled_from(MONTHS), st.sampled_from(CURRENCIES),
                     st.sampled_from(MAGNITUDES), number(), DATE_PHRASE, DATE_PHRASE)
TEXT = st.lists(st.tuples(FRAGMENT, st.sampled_from(GLUE)), min_size=1, max_size=30).map(
    lambda parts: "".join(f + g for f, g in parts))
REF = st.one_of(st.none(), st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
                st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(1100, 1, 1)),
                st.dates(min_value=dt.date(9990, 1, 1), max_value=dt.date(9999, 12, 31)))

POINT_YEAR = re.compile(r"(?:^|/)(\d+)(?=-|$|/|T)")


def check(texts: list[str], ref: dt.date | None, nlp) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a skipped document (FactxWarning) fails the property too
        results = list(factx.results(texts, nlp, ref_date=ref, events=True))
    assert len(results) == len(texts)
    for text, result in zip(texts, results):
        assert result.error is None, result.error
        for mention in result.mentions:
            assert text[mention.start : mention.end] == mention.text
            assert is_valid(mention.type, mention.value), (mention.text, mention.value)
            if mention.type == "DATE" and mention.value:
                assert "T24" not in mention.value
                assert all(len(year) == 4 for year in POINT_YEAR.findall(mention.value)), mention.value
            if mention.type == "MONEY":
                assert mention.amount is not None and mention.amount > 0
                assert float(mention.amount) != float("inf")
                assert mention.amount_max is None or mention.amount_max > mention.amount
                assert re.fullmatch(r"\d+(?:\.\d+)?(?:-\d+(?:\.\d+)?)? [A-Z]{3}", mention.value), mention.value
        for event in result.events:
            assert text[event.start : event.end] == event.text
            assert is_valid("DATE", event.date), event.date


@pytest.fixture(scope="module")
def rules_nlp():
    """factx's rule components without the trained tok2vec and NER."""
    return factx.load(exclude=("tok2vec", "ner"))


@settings(max_examples=200, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(TEXT, min_size=1, max_size=4), ref=REF)
def test_rule_components_on_generated_text(rules_nlp, texts, ref):
    check(texts, ref, rules_nlp)


@settings(max_examples=12, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(TEXT, min_size=1, max_size=2), ref=REF)
def test_whole_pipeline_on_generated_text(nlp, texts, ref):
    check(texts, ref, nlp)
