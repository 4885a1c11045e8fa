"""Indonesian numerals as exact Decimals: "1.550.000", "10,8", "dua puluh lima", "satu setengah", "1,5 triliun".

The word tables come from ``factx/lang/numbers.json``; :func:`number_words` and :func:`magnitude_words` expose them
so other components (durations, money) can build token patterns from the same lists.

Digit strings follow Indonesian usage: the dot groups thousands and the comma marks decimals ("1.550.000",
"10,8"). Where a text mixes both, the last separator is the decimal one ("1,500.25" is English style). A single
dot followed by anything but exactly three digits is read as a decimal point ("1.5 miliar" in translated news);
a single comma is always a decimal comma ("1,500" is 1.5, as an Indonesian reader would take it).
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from .lang import load_json

__all__ = ["parse_number", "parse_digits", "number_words", "magnitude_words", "unit_words", "DIGITS_RE"]

# A number written with digits: thousands groups and/or a decimal part, optionally the price tail ",-" / ",--".
DIGITS_RE = r"\d+(?:[.,]\d+)*(?:,-{1,2}(?!\d))?"
_TOKEN = re.compile(rf"{DIGITS_RE}|[^\W\d_]+(?:-[^\W\d_]+)?|\S")
_GROUPED = re.compile(r"\d{1,3}(?:[.]\d{3})+")


@lru_cache(maxsize=None)
def _table() -> dict:
    return load_json("numbers.json")


def _decimals(mapping: dict[str, str]) -> dict[str, Decimal]:
    return {word: Decimal(value) for word, value in mapping.items()}


@lru_cache(maxsize=None)
def unit_words() -> dict[str, Decimal]:
    """The words for 0-9 ("nol" ... "sembilan") and their values."""
    return _decimals(_table()["units"])


@lru_cache(maxsize=None)
def _whole_words() -> dict[str, Decimal]:
    return _decimals(_table()["words"])


@lru_cache(maxsize=None)
def magnitude_words() -> dict[str, Decimal]:
    """Magnitude words and abbreviations ("ribu", "jt", "miliar", "M", "T", "K") and their values.

    Lower-case keys match any case; the single-letter abbreviations match only as written.
    """
    table = _table()
    return {**_decimals(table["magnitudes"]), **_decimals(table["magnitude_abbreviations"])}


@lru_cache(maxsize=None)
def number_words() -> frozenset[str]:
    """Every lower-case word that can be part of a spelled-out number (units, se- forms, belas/puluh/ratus,
    magnitudes, "koma"), for building token patterns. The case-sensitive abbreviations are not included."""
    table = _table()
    words = set(table["units"]) | set(table["words"]) | set(table["magnitudes"])
    for key in ("teen", "tens", "hundreds", "decimal_point"):
        words.update(table[key])
    return frozenset(words)


def parse_digits(text: str) -> Decimal | None:
    """A number written with digits ("1.550.000", "10,8", "315,00", "Rp 5.000,-" tail) as a Decimal, else None."""
    text = text.strip()
    text = re.sub(r",-{1,2}$", "", text)
    if not re.fullmatch(r"\d+(?:[.,]\d+)*", text):
        return None
    dots, commas = text.count("."), text.count(",")
    if dots and commas:
        decimal_sep = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal_sep == "," else ","
        whole, _, frac = text.rpartition(decimal_sep)
        if thousands in frac or decimal_sep in whole:
            return None
        if not _GROUPED.fullmatch(whole.replace(thousands, ".")):
            return None
        return Decimal(whole.replace(thousands, "") + "." + frac)
    if dots:
        if _GROUPED.fullmatch(text):
            return Decimal(text.replace(".", ""))
        if dots == 1:
            return Decimal(text)
        return None
    if commas == 1:
        return Decimal(text.replace(",", "."))
    if commas:
        if _GROUPED.fullmatch(text.replace(",", ".")):
            return Decimal(text.replace(",", ""))
        return None
    return Decimal(text)


def _split_se(word: str) -> str:
    """"se-ribu" -> "seribu" when the joined form is a number word."""
    if word.startswith("se-") and "se" + word[3:] in _whole_words():
        return "se" + word[3:]
    return word


def parse_number(text: str) -> Decimal | None:
    """An Indonesian numeral as an exact Decimal, or None if ``text`` is not (only) a number.

    Handles digits ("1.550.000", "10,8"), words ("dua puluh lima", "sebelas", "seratus", "satu setengah",
    "satu koma lima"), magnitudes after either ("1,5 triliun", "20rb", "5 jt", "26M", "dua ratus ribu") and
    combinations ("1 juta 500 ribu"). Vague amounts ("ratusan", "puluhan juta") are not numbers: None.
    """
    table = _table()
    units, wholes, magnitudes = unit_words(), _whole_words(), magnitude_words()
    teen, tens, hundreds = set(table["teen"]), set(table["tens"]), set(table["hundreds"])
    decimal_point = set(table["decimal_point"])

    total = Decimal(0)
    group: Decimal | None = None  # the part below the current magnitude
    last_unit: Decimal | None = None  # the unit word just read, for belas/puluh/ratus
    last_kind = None  # "digits", "unit", "word", "scale", "magnitude", "point", "fraction"
    last_magnitude: Decimal | None = None
    decimals: str | None = None  # spelled decimals after "koma"

    for raw in _TOKEN.findall(text):
        word = _split_se(raw.lower())
        if decimals is not None:
            if word in units:
                decimals += str(units[word])
                last_kind = "unit"
                continue
            if not decimals:
                return None
            group = (group or Decimal(0)) + Decimal("0." + decimals)
            decimals = None
        if raw[0].isdigit():
            value = parse_digits(raw)
            if value is None or last_kind not in (None, "magnitude"):
                return None
            group, last_unit, last_kind = value, None, "digits"
        elif word in units:
            after_hundred = last_kind == "word" and group is not None and group % 100 == 0
            if last_kind in ("unit", "digits", "fraction") or (last_kind == "word" and not after_hundred):
                return None
            group, last_unit, last_kind = (group or Decimal(0)) + units[word], units[word], "unit"
        elif word in ("setengah", "seperempat") and word in wholes:
            if last_kind in ("fraction", "point"):
                return None
            group, last_unit, last_kind = (group or Decimal(0)) + wholes[word], None, "fraction"
        elif word in wholes:
            value = wholes[word]
            if value >= 1000:  # seribu / sejuta / ...: "satu ribu", "satu juta"
                if last_kind in ("unit", "digits", "fraction"):
                    return None
                group = (group or Decimal(0)) + 1
                total, group, last_magnitude = _apply_magnitude(total, group, value, last_magnitude)
                if total is None:
                    return None
                last_unit, last_kind = None, "magnitude"
            else:
                after_hundred = last_kind == "word" and group is not None and group % 100 == 0 and value < 100
                if last_kind in ("unit", "digits", "fraction") or (last_kind == "word" and not after_hundred):
                    return None
                group, last_unit, last_kind = (group or Decimal(0)) + value, None, "word"
        elif word in teen or word in tens or word in hundreds:
            if last_kind != "unit" or last_unit is None or last_unit == 0:
                return None
            rest = group - last_unit  # what the group held before this unit: "tiga ratus" in "tiga ratus dua belas"
            if (word in hundreds and rest) or rest % 100:
                return None
            factor = {**dict.fromkeys(teen, None), **dict.fromkeys(tens, 10), **dict.fromkeys(hundreds, 100)}[word]
            if factor is None:
                group += 10
            else:
                group += last_unit * (factor - 1)
            last_unit, last_kind = None, "scale"
        elif word in decimal_point:
            if group is None or last_kind == "point":
                return None
            decimals, last_kind = "", "point"
        elif raw in magnitudes or (word in magnitudes and word == raw.lower() and len(raw) > 1):
            value = magnitudes[raw] if raw in magnitudes else magnitudes[word]
            if group is None:
                return None
            total, group, last_magnitude = _apply_magnitude(total, group, value, last_magnitude)
            if total is None:
                return None
            last_unit, last_kind = None, "magnitude"
        elif raw == "." and last_kind == "magnitude":
            continue  # "jt." / "rb."
        else:
            return None
    if decimals is not None:
        if not decimals:
            return None
        group = (group or Decimal(0)) + Decimal("0." + decimals)
    if last_kind is None:
        return None
    return total + (group or Decimal(0))


def _apply_magnitude(
    total: Decimal, group: Decimal, value: Decimal, last: Decimal | None
) -> tuple[Decimal | None, None, Decimal]:
    """Add ``group`` times a magnitude to ``total``; magnitudes must fall ("1 juta 500 ribu"), else None."""
    if last is not None and value >= last:
        return None, None, value  # "dua juta tiga juta", "lima ribu dua juta"
    return total + group * value, None, value
