"""The forms an amount is written in, read from the data files: currency symbols, codes and names
(``factx/lang/currencies.json``), hedges, range words, units and magnitude exceptions (``factx/lang/money.json``),
number and magnitude words (:mod:`factx.numbers`), and the regular expressions built from them.

:mod:`factx.money.parse` uses them to find and read amounts; a new currency is a line in ``currencies.json``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lang import load_json
from ..numbers import DIGITS_RE, magnitude_words, number_words

__all__ = [
    "LETTER_BEFORE", "LETTER_AFTER", "alternation", "tables", "currency_lookup", "currency_code", "patterns",
    "anchor_forms", "number_like", "currency_names", "is_name",
]

LETTER_BEFORE = r"(?<![^\W\d_])"  # not glued to a preceding letter
LETTER_AFTER = r"(?![^\W\d_])"  # not glued to a following letter


def alternation(forms, case_sensitive=()) -> str:
    """A regex alternation of literal forms, longest first; spaces match any whitespace; letters at the edges
    must not be glued to other letters."""
    parts = []
    for form in sorted(forms, key=len, reverse=True):
        pattern = r"\s+".join(re.escape(piece) for piece in form.split())
        if form[0].isalpha():
            pattern = LETTER_BEFORE + pattern
        if form[-1].isalpha() or form[-1] == ".":
            pattern += LETTER_AFTER
        parts.append(pattern if form in case_sensitive else f"(?i:{pattern})")
    return "(?:" + "|".join(parts) + ")"


@lru_cache(maxsize=None)
def tables() -> tuple[dict, dict]:
    return load_json("currencies.json"), load_json("money.json")


@lru_cache(maxsize=None)
def currency_lookup() -> dict[str, str]:
    """Every currency form, case-folded (except the case-sensitive ones), to its ISO code."""
    table, _ = tables()
    lookup = {}
    for key in ("names", "codes", "symbols"):
        for form, code in table[key].items():
            form = " ".join(form.split())
            lookup[form if form in table["case_sensitive"] else form.lower()] = code
    return lookup


def currency_code(text: str) -> str | None:
    form = " ".join(text.split())
    lookup = currency_lookup()
    return lookup.get(form) or lookup.get(form.lower())


@lru_cache(maxsize=None)
def patterns() -> dict[str, re.Pattern]:
    currencies, money = tables()
    sensitive = tuple(currencies["case_sensitive"])
    before = alternation(list(currencies["symbols"]) + list(currencies["codes"]), sensitive)
    # After the number a trailing dot ends the sentence ("20Rp."), so "Rp." is a prefix only.
    forms_after = [f for f in list(currencies["symbols"]) + list(currencies["codes"]) if not f.endswith(".")]
    # A symbol or code followed by a number belongs to that number ("5 jt IDR33000"), not to the one before.
    after = rf"(?:{alternation(forms_after, sensitive)}(?!\s*\d)|{alternation(currencies['names'], sensitive)})"
    words = alternation(number_words())
    magnitude = alternation(magnitude_words(), tuple(k for k in magnitude_words() if k != k.lower()))
    digits = rf"(?<![\d,])(?<!\d\.){DIGITS_RE}"  # not inside a number; "Rp.315,00" is fine
    vague = "|".join(
        r"\s*".join(re.escape(piece) for piece in form.split())
        for form in sorted(money["vague_after_number"], key=len, reverse=True)
    )
    misspelt = "|".join(money["misspelt_magnitudes"])
    # Digits without a magnitude must not be followed by a vague or misspelt one ("Rp 20 ribuan", "Rp 159 miilar").
    bare = rf"(?!\s*(?i:{vague}){LETTER_AFTER})(?!\s*(?i:{misspelt}){LETTER_AFTER})"
    number = rf"(?:{digits}(?:\s*{magnitude}|{bare})|{words}(?:\s+{words})*)(?:\s+{digits}\s*{magnitude})*"
    # Before a currency name, words may follow digits and a magnitude: "2 juta satu dolar AS".
    suffix_number = rf"{number}(?:\s+{words}(?:\s+{words})*)?"
    connector = alternation(c for c in money["range_connectors"] if c[0].isalpha())
    dash = "(?:" + "|".join(re.escape(c) for c in money["range_connectors"] if not c[0].isalpha()) + ")"
    antara = alternation(money["range_after"])
    dan = alternation(money["range_and"])
    not_after = r"(?!\s*(?:%|(?i:persen|per\s*sen)\b))(?![.,]?\d)"

    def connector_of(n: int) -> str:
        """"-", "sampai", ...; "dan" only after "antara" (group antara<n>)."""
        return rf"(?:\s*{dash}\s*|\s+{connector}\s+|\s+(?(antara{n}){dan}|(?!))\s+)"

    # Prefix form: "Rp 5 juta", "Rp 4-5 juta", "Rp 6 triliun-Rp 10 triliun", "antara Rp 2 dan Rp 3 miliar".
    prefix_form = (
        rf"(?P<antara1>{antara}\s+)?(?P<pre1>{before})\s*(?P<lo1>{number}){not_after}"
        rf"(?:(?P<conn1>{connector_of(1)})(?:(?P<pre2_1>{before})\s*)?(?P<hi1>{number}){not_after})?"
    )
    # Suffix form: "5 juta rupiah", "4-5 juta dolar AS", "antara dua dan tiga miliar rupiah", "20Rp".
    suffix_form = (
        rf"(?P<antara2>{antara}\s+)?(?<![\w.,])(?P<lo2>{suffix_number})"
        rf"(?:(?P<conn2>{connector_of(2)})(?P<hi2>{suffix_number}))?\s*(?P<post2>{after}){LETTER_AFTER}"
    )
    qualifier = alternation(money["qualifiers"])
    unit_marker = "(?:" + "|".join(
        rf"\s*{re.escape(m)}\s*" if not m[0].isalpha() else rf"\s+(?i:{re.escape(m)})\s+"
        for m in money["unit_markers"]
    ) + ")"
    return {
        "head": re.compile(rf"\s*(?:(?P<q>{qualifier})\s+)?(?:{antara}\s+)?"),
        "money": re.compile(rf"{prefix_form}|{suffix_form}"),
        "qualifier": re.compile(rf"{LETTER_BEFORE}(?P<q>{qualifier})\s*$"),
        "unit": re.compile(rf"{unit_marker}(?P<unit>{after}|[^\W\d_]+(?:-[^\W\d_]+)?{LETTER_AFTER})"),
        "magnitude": re.compile(magnitude),
        "post": re.compile(rf"\s*(?P<post>{after}){LETTER_AFTER}"),
        "ambiguous_dot": re.compile(r"\d+\.\d{1,2}"),
        "ambiguous_comma": re.compile(r"[1-9]\d{0,2},\d{3}"),  # "0,475" can only be a decimal
        "ambiguous_thousands": re.compile(r"\d{1,3}\.(?!000)\d{3}"),  # "$ 250.000" is clear: English has no ".000"
        "digits": re.compile(r"\d+(?:[.,]\d+)*"),
        "m_abbreviation": re.compile(rf"(?<=[\d\s])M{LETTER_AFTER}"),
    }


@lru_cache(maxsize=None)
def anchor_forms() -> tuple[tuple[str, ...], re.Pattern]:
    """What the first pass looks for: the lower-cased words that start a currency form ("rp", "usd", "dolar";
    "pound" also covers "poundsterling") and a pattern for the symbol characters ("$" covers "US$" and "HK$")."""
    currencies, _ = tables()
    words, chars = set(), set()
    for form in list(currencies["symbols"]) + list(currencies["codes"]) + list(currencies["names"]):
        first = form.split()[0].lower().rstrip(".")
        if first.isalpha():
            words.add(first)
        chars.update(ch for ch in first if not ch.isalnum() and ch != ".")
    words = {w for w in words if not any(w != v and w.startswith(v) for v in words)}
    return tuple(sorted(words)), re.compile(f"[{re.escape(''.join(sorted(chars)))}]")



@lru_cache(maxsize=None)
def number_like() -> frozenset[str]:
    """Words that can be part of the number and range before a currency name."""
    _, money = tables()
    words = set(number_words()) | {w.lower() for w in magnitude_words()}
    for key in ("range_connectors", "range_after", "range_and"):
        words.update(w for phrase in money[key] for w in phrase.lower().split())
    return frozenset(words)


@lru_cache(maxsize=None)
def currency_names() -> frozenset[str]:
    return frozenset(" ".join(name.lower().split()) for name in tables()[0]["names"])


def is_name(currency_text: str) -> bool:
    """Whether a currency form is a name ("dolar AS") rather than a symbol or code."""
    return " ".join(currency_text.lower().split()) in currency_names()
