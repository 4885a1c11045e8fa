"""Monetary amounts in Indonesian text: where they are and what they are worth.

:func:`find_money` scans a text and returns :class:`MoneyMatch` objects (character offsets plus the normalised
:class:`Money`); :func:`parse_money` normalises one amount string ("Rp 1,5 triliun", "$10,8 juta"). Both are pure
functions; the spaCy component (:mod:`factx.money.component`) maps the offsets to token spans.

Choices (they keep a wrong magnitude, which is worse than a miss, out of the output):

* A match is a currency (symbol, ISO code or name) next to a number. Symbols and codes may stand before or after
  the number and be glued to it ("Rp20", "IDR33000", "20Rp", "10$"); names only follow it ("5 juta rupiah").
  Bare "$" and bare "dolar" are USD.
* A range ("Rp 4-5 juta", "Rp 6 triliun-Rp 10 triliun", "antara Rp 2 miliar dan Rp 3 miliar", a bid/ask quote
  "Rp9.175/9.180") gives ``amount``
  (low) and ``amount_max`` (high); a low end without a magnitude takes the high end's ("4-5 juta"). A "range"
  whose ends are out of order or more than ``max_range_ratio`` apart (quotes such as "162,55 - 65 yen") is not
  reported as a range.
* Hedges before the amount ("sekitar", "lebih dari", ...) go to ``qualifier`` and stay outside the span, as does
  "antara"; a per-unit tail ("per liter", "per dolar AS") goes to ``unit`` and stays outside the span too.
* Rupiah amounts with a single dot and one or two digits after it and no magnitude word ("Rp 9.4") are skipped:
  rupiah are not written with cents after a dot, so the dot is a truncated thousands group and the value unknown.
  So are amounts of any currency written "1,500" with no magnitude: 1.5 in Indonesian style, 1500 in English,
  and amounts in other currencies than rupiah with the abbreviation "M" ("$5M": miliar or million?). After a bare
  "$" (English usage, mostly translated news: "$ 30.2 juta", "$ 2.50") a dot and three digits ("$ 50.875", a
  share price, or 50875?) give no amount, unless they are "000" ("$ 250.000"); "US$ 3.500" is Indonesian, 3500.
  A comma and three digits with no magnitude after a bare "$" is English: "$ 1,000" is 1000.
* A bare year before a currency name ("pada 2007 dolar AS melemah") is not an amount.
* ``value`` is the amount and the ISO code: "26000000000 USD", or "4000000-5000000 IDR" for a range.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ..numbers import magnitude_words, parse_number
from .patterns import anchor_forms, currency_code, is_name, number_like, patterns, tables

__all__ = ["Money", "MoneyMatch", "find_money", "parse_money", "format_amount"]


@dataclass(frozen=True)
class Money:
    amount: Decimal
    currency: str
    amount_max: Decimal | None = None
    unit: str | None = None
    qualifier: str | None = None

    @property
    def value(self) -> str:
        """"26000000000 USD"; a range as "4000000-5000000 IDR"."""
        if self.amount_max is None:
            return f"{format_amount(self.amount)} {self.currency}"
        return f"{format_amount(self.amount)}-{format_amount(self.amount_max)} {self.currency}"


@dataclass(frozen=True)
class MoneyMatch:
    start: int
    end: int
    text: str
    money: Money


def format_amount(amount: Decimal) -> str:
    """A Decimal as plain digits without exponent or trailing zeros ("10800000", "1.23", "10000000000000000000000000000"
    for 1E+28, where quantize would raise)."""
    return format(amount.normalize(), "f")



# How far from a currency form the rest of an amount may reach: the number and "antara" before it ("antara dua
# ratus dan tiga ratus ribu rupiah"), the number and a range after it.
_BEFORE, _AFTER = 100, 80


def _anchors(text: str) -> list[tuple[int, int]]:
    """(start, end) of the places in ``text`` that may be a currency form, in order: a superset, found with
    ``str.find`` over the lower-cased text (a regex alternation of the forms is several times slower)."""
    words, symbols = anchor_forms()
    low = text.lower()
    if len(low) != len(text):  # a character whose lower case is longer: keep the offsets of the text
        low = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    anchors = [m.span() for m in symbols.finditer(text)]
    for word in words:
        i = low.find(word)
        while i != -1:
            end = i + len(word)
            if i == 0 or not low[i - 1].isalpha():
                anchors.append((i, end))
            i = low.find(word, end)
    return sorted(anchors)


# Where an amount can start: the start of a word or number, or a symbol.
_STARTS = re.compile(r"(?<![^\W_])[^\W_]|[^\w\s]")
_WORD = re.compile(r"\S+")
_PUNCT = "()[]\"'“”‘’:;,.-–—/"




def _match_near(text: str, start: int, end: int, pos: int) -> re.Match | None:
    """The leftmost amount at or after ``pos`` that contains the currency form at ``start:end``.

    It starts at the form (prefix form), just before it ("US $"), or at a word of the run of number words,
    digits and range words right before it (suffix form): only those starts are tried."""
    lo = max(pos, start - _BEFORE)
    run = start
    words_like = number_like()
    for word in reversed(list(_WORD.finditer(text, lo, start))):
        token = word.group().strip(_PUNCT).lower()
        if token and not any(ch.isdigit() for ch in token) and token not in words_like:
            break
        run = word.start()
    candidates = {c.start() for c in _STARTS.finditer(text, max(lo, min(run, start - 4)), start + 1)}
    pattern, endpos = patterns()["money"], min(len(text), end + _AFTER)
    for candidate in sorted(candidates):
        m = pattern.match(text, candidate, endpos)
        if m is not None and m.end() > start:
            return m
    return None


def _has_magnitude(number_text: str) -> bool:
    return bool(patterns()["magnitude"].search(number_text))


def _amount(
    number_text: str, currency: str, scale_from: str | None = None, bare_dollar: bool = False
) -> Decimal | None:
    """The amount of ``number_text``; a low end without a magnitude borrows the magnitude of ``scale_from``.

    None when the digits are ambiguous without a magnitude: "1,500" (1.5 to an Indonesian reader, 1500 in
    English style) for any currency, "9.4" for rupiah, and "50.875" after a bare "$" (see the module notes)."""
    value = parse_number(number_text)
    if value is None:
        return None
    if currency != "IDR" and patterns()["m_abbreviation"].search(number_text):
        return None  # "Rp 5M" is 5 miliar, but "$5M" is five million in English usage
    digits = patterns()["digits"].match(number_text.strip())
    if bare_dollar and digits and patterns()["ambiguous_thousands"].fullmatch(digits.group()):
        return None  # "$ 50.875": a share price in English style, or 50875 in Indonesian style?
    scale = Decimal(1)
    if not _has_magnitude(number_text):
        scale = _magnitude_of(scale_from) if scale_from is not None else Decimal(1)
        if scale is None:
            return None
        if scale == 1 and digits and patterns()["ambiguous_comma"].fullmatch(digits.group()):
            if not bare_dollar:
                return None
            value = Decimal(digits.group().replace(",", ""))  # "$ 1,000": English usage after a bare "$"
        if scale == 1 and digits and currency == "IDR" and patterns()["ambiguous_dot"].fullmatch(digits.group()):
            return None
    return value * scale


def _magnitude_of(number_text: str) -> Decimal | None:
    """The magnitude multiplier at the end of ``number_text`` ("5 juta" -> 1000000), 1 when it has none."""
    found = patterns()["magnitude"].findall(number_text)
    if not found:
        return Decimal(1)
    table = magnitude_words()
    return table.get(found[-1], table.get(found[-1].lower()))


def _is_year(number_text: str) -> bool:
    return bool(re.fullmatch(r"(?:19|20)\d\d", number_text.strip()))




def find_money(text: str) -> list[MoneyMatch]:
    """Every monetary amount in ``text``, left to right, with exact character offsets."""
    _, money_table = tables()
    max_ratio = Decimal(money_table["max_range_ratio"])
    anchors = _anchors(text)
    out: list[MoneyMatch] = []
    pos = i = 0
    while i < len(anchors):
        start, end = anchors[i]
        if end <= pos:
            i += 1
            continue
        m = _match_near(text, start, end, pos)
        if m is None:
            i += 1
            continue
        try:
            found, pos = _read(text, m, money_table, max_ratio)
        except ArithmeticError:  # an amount past what a Decimal holds: no amount
            found, pos = None, m.end()
        if found is not None and _finite(found.money):
            out.append(found)
    return out


def _finite(money: Money) -> bool:
    """Whether a float can hold the amounts (an amount beyond 1.8e308 is no amount: no reader could use it)."""
    return all(float(a) != float("inf") for a in (money.amount, money.amount_max) if a is not None)


def _read(text: str, m: re.Match, money_table: dict, max_ratio: Decimal) -> tuple[MoneyMatch | None, int]:
    """The amount of a pattern match (or None when it is not one) and where to look next (always after
    ``m.start()``, so the caller advances)."""
    pos = m.end()
    n = 1 if m.group("lo1") is not None else 2
    currency = currency_code(m.group(f"pre{n}") if n == 1 else m.group("post2"))
    if currency is None:
        return None, pos
    lo_text, hi_text = m.group(f"lo{n}"), m.group(f"hi{n}")
    bare = (m.group(f"pre{n}") if n == 1 else m.group("post2")).strip() == "$"
    start = m.start(f"pre{n}") if n == 1 else m.start("lo2")
    end = m.end()
    amount_max = None
    if hi_text is not None:
        explicit = n == 1 and m.group("pre2_1") is not None
        if explicit and currency_code(m.group("pre2_1")) != currency:
            # "Rp 5 juta-US$ 400": two amounts, not a range; the second is read from its own currency form.
            amount, amount_max = _amount(lo_text, currency, None, bare), None
            end, pos = m.end("lo1"), m.start("pre2_1")
            if amount is None or (not _has_magnitude(lo_text) and _has_magnitude(hi_text)):
                return None, pos
        else:
            amount = _amount(lo_text, currency, hi_text, bare)
            amount_max = _amount(hi_text, currency, None, bare)
            if amount is None or amount_max is None:
                return None, pos  # an end that cannot be read ("Rp 9 - 9.1"): the other is not trusted either
            slash = m.group(f"conn{n}").strip() == "/"
            if not (0 < amount < amount_max <= amount * max_ratio) and slash and not re.search(r"[.,]", lo_text):
                return None, pos  # "$15/12" is no amount; "Rp 9.117 / 133" (an abbreviated quote) keeps Rp 9.117
            if not (0 < amount < amount_max <= amount * max_ratio):
                # Not a range: keep the first amount when it stands alone ("Rp 100 ribu - 2 orang") and look
                # again from the second; in the suffix form look again from the second only when it carries its
                # own magnitude.
                if n == 2:
                    return None, m.start("hi2") if _has_magnitude(hi_text) else pos
                single = _amount(lo_text, currency, None, bare)
                pos = m.start("hi1") if not explicit else m.start("pre2_1")
                if single is None or (not _has_magnitude(lo_text) and _has_magnitude(hi_text)):
                    return None, pos
                amount, amount_max, end = single, None, m.end("lo1")
    else:
        amount = _amount(lo_text, currency, None, bare)
        if amount is None:
            # Look again after the currency form ("HK$ 1,500" must not come back as "$ 1,500"), or, in the suffix
            # form, from the next character ("20rb 5jt IDR33000": "5jt" and "IDR33000" may still be amounts).
            return None, m.end("pre1") if n == 1 else m.start() + 1
        if n == 2 and _is_year(lo_text) and is_name(m.group("post2")):
            return None, pos  # "pada 2007 dolar AS melemah"
    if amount == 0:
        return None, pos
    unit = None
    if n == 1 and end == m.end():
        post = patterns()["post"].match(text, end)
        if post is not None and currency_code(post.group("post")) == currency:
            end = pos = post.end()  # "Rp 5 juta rupiah"
        elif post is not None and _has_magnitude(lo_text):
            return None, post.end()  # "Rp 15 juta dolar AS": which currency is it? no amount
        elif post is not None:
            unit = " ".join(post.group("post").split())  # a rate: "Rp 9.355 dolar AS"
    unit = unit or _unit(text, end, money_table)
    qualifier = _qualifier(text, m.start())
    return MoneyMatch(start, end, text[start:end], Money(amount, currency, amount_max, unit, qualifier)), pos


def _unit(text: str, end: int, money_table: dict) -> str | None:
    u = patterns()["unit"].match(text, end)
    if u is None:
        return None
    unit = " ".join(u.group("unit").split())
    if unit.lower() in money_table["not_units"]:
        return None
    return unit


def _qualifier(text: str, start: int) -> str | None:
    q = patterns()["qualifier"].search(text[max(0, start - 40) : start])
    return " ".join(q.group("q").lower().split()) if q else None


def parse_money(text: str) -> Money | None:
    """The one amount in ``text`` ("Rp 1,5 triliun", "sekitar $26 miliar", "Rp 4-5 juta"), or None.

    Hedge words before it and a per-unit tail after it are allowed and reported; anything else makes it None.
    """
    found = find_money(text)
    if len(found) != 1:
        return None
    match = found[0]
    head, tail = text[: match.start], text[match.end :]
    compiled = patterns()
    if not compiled["head"].fullmatch(head + " " if head.strip() else head):
        return None
    if tail.strip() and not (match.money.unit and compiled["unit"].fullmatch(tail.rstrip())):
        return None
    return match.money
