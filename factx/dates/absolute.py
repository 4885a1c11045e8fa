"""Rules for the forms that name a place on the calendar: full dates ("15 Desember 2025", "Rabu, 4 Februari"),
months with or without a year, years and year ranges, decades ("1990-an"), centuries ("abad ke-21"), news datelines
("(4/2/2015)", "Minggu mendatang (9/2)"), numeric dates, holidays and anniversaries ("HUT ke-79 RI"), quarters
("kuartal III 2024"), weeks of a month and days of a month ("tanggal 20", "tanggal 20 mendatang").

Each handler turns a match of its rule (:mod:`factx.dates.rules`) into an :class:`~factx.dates.values.Expr`, or
None to reject it.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Callable, Optional

from ..numbers import number_words
from .grammar import _qualifier, _word_after, _word_before
from .resolver import _month_of_day, _month_year_rel, _relative, _relative_year, _year_of, _year_with_weekday
from .values import Expr, _day, _days_in, _month, _month_number, _ordinal, _range, _t, _weekday_number, _year

__all__: list[str] = []  # rule handlers for factx.dates.rules; the public names are in factx.dates


def _full_date(text: str, m: re.Match) -> Optional[Expr]:
    d1, d2 = int(m["d1"]), m["d2"] and int(m["d2"])
    month = _month_number(m["m"])
    wd = _weekday_number(m["wd"]) if m["wd"] else None
    if not 1 <= d1 <= 31 or (d2 is not None and not (d1 != d2 and 1 <= d2 <= 31)):
        return None

    def value(y: int) -> Optional[str]:
        if d2 is None:
            return _day(y, month, d1)
        if d1 < d2:
            return _range(_day(y, month, d1), _day(y, month, d2))
        first_year, first_month = (y, month - 1) if month > 1 else (y - 1, 12)  # "24 sampai 3 Oktober"
        return _range(_day(first_year, first_month, d1), _day(y, month, d2))

    if m["y"]:
        y = int(m["y"])
        if not 1000 <= y <= 2199 or value(y) is None:
            return None
        return Expr(m.start(), m.end(), "DATE", "date", lambda ref, year: value(y), anchor=True, full=True)
    pin = (wd, month, d1) if wd is not None and d2 is None else None
    if m["rel"]:
        rel = m["rel"]
        return Expr(m.start(), m.end(), "DATE", "date", _relative(value, _rel_year(rel, month, d1, wd)),
                    anchor=True, relative=True, pin=pin)

    def from_context(ref: Optional[dt.date], year: Optional[int]) -> Optional[str]:
        base = _year_of(ref, year)
        return value(_year_with_weekday(base, month, d1, wd)) if base else None

    return Expr(m.start(), m.end(), "DATE", "date", from_context, needs_year=True, pin=pin)


def _rel_year(rel: str, month: int, day: int = 0, wd: Optional[int] = None) -> Callable[[dt.date], Optional[int]]:
    """The year of a relative day or month ("31 Agustus mendatang", "Minggu lalu (9/2)") against a reference date:
    the relative word's, or with a weekday the year next to it that the weekday fits when it does not fit that one."""
    def year_from(ref: dt.date) -> Optional[int]:
        y = _month_year_rel(ref, rel, month, day)
        return _year_with_weekday(y, month, day, wd) if y and day else y

    return year_from


def _month_year(text: str, m: re.Match) -> Optional[Expr]:
    y = int(m["y"])
    m1 = _month_number(m["m1"])
    m2 = _month_number(m["m2"]) if m["m2"] else None
    if not 1000 <= y <= 2199 or (m2 is not None and m2 <= m1):
        return None
    value = _range(_month(y, m1), _month(y, m2)) if m2 else _month(y, m1)
    return Expr(m.start(), m.end(), "DATE", "month", lambda ref, year: value, anchor=True,
                qualifier=_qualifier(text, m.start(), m["part"]))


def _month_rel(text: str, m: re.Match) -> Optional[Expr]:
    month, rel = _month_number(m["m"]), m["rel"]
    return Expr(m.start(), m.end(), "DATE", "month", _relative(lambda y: _month(y, month), _rel_year(rel, month)),
                anchor=True, qualifier=_qualifier(text, m.start(), m["part"]), relative=True)


def _raw_word(chunk: str, last: bool) -> str:
    words = chunk.split()
    word = (words[-1] if last else words[0]) if words else ""
    return word.strip(".,;:!?()\"'“”")


def _free_standing(text: str, m: re.Match) -> bool:
    """A capitalised name that is not part of a longer name: "inflasi Juli", not "Lapangan Oktober" or
    "Juni Rahardjo"."""
    if not m.group()[0].isupper():
        return False
    chunk_start = max(0, m.start() - 40)
    chunk = text[chunk_start : m.start()]
    before = _raw_word(chunk, last=True)
    opener = r"(?:^|[.!?\n]\s*)\S+\s+$" if chunk_start == 0 else r"[.!?\n]\s*\S+\s+$"
    opens_sentence = re.search(opener, chunk) is not None
    after = _raw_word(text[m.end() : m.end() + 40], last=False)
    named_before = before[:1].isupper() and before.isalpha() and not opens_sentence
    return not named_before and not (after[:1].isupper() and after.isalpha())


def _bare_month(text: str, m: re.Match) -> Optional[Expr]:
    before = _word_before(text, m.start())
    if not (m["part"] or m["bulan"] or before in _t()["year_prepositions"]) and not _free_standing(text, m):
        return None
    m1 = _month_number(m["m1"])
    m2 = _month_number(m["m2"]) if m["m2"] else None
    if m2 is not None and m2 <= m1:
        return None

    def value(ref: Optional[dt.date], year: Optional[int]) -> Optional[str]:
        y = _year_of(ref, year)
        if y is None:
            return None
        return _range(_month(y, m1), _month(y, m2)) if m2 else _month(y, m1)

    return Expr(m.start(), m.end(), "DATE", "month", value, needs_year=True,
                qualifier=_qualifier(text, m.start(), m["part"]))


def _is_digit_group(word: str) -> bool:
    """A bare group of digits next to a year-like number, as in phone numbers "(021) 5550 2015"."""
    return bool(re.fullmatch(r"\(?\d{3,}\)?-?", word))


def _in_brackets(text: str, m: re.Match) -> bool:
    """A year or a range of years alone in brackets after a name: a life span "Wakidi (1890 - 1979)", a film's
    year "Ranjang Pengantin (1974)", '"Kawin Lari" (1975)'; any year of 1000-2199 is one there (not a count
    after a common word, "korban (1500)", nor a price after a ticker, "BBCA (1850)")."""
    if text[max(0, m.start() - 1) : m.start()] != "(" or text[m.end() : m.end() + 1] != ")":
        return False
    before = _raw_word(text[max(0, m.start() - 41) : m.start() - 1], last=True)
    quoted = text[: m.start() - 1].rstrip()[-1:] in ("\"", "”", "'", "’")
    return quoted or (before[:1].isupper() and before.isalpha() and not before.isupper())  # not a ticker "BBCA"


def _year_rule(text: str, m: re.Match) -> Optional[Expr]:
    y = int(m["y"])
    before, after = _word_before(text, m.start()), _word_after(text, m.end())
    lead = m["part"] or m["tahun"]
    if lead or before in _t()["year_prepositions"] or _in_brackets(text, m):
        if not 1000 <= y <= 2199:
            return None
    else:
        if not 1900 <= y <= 2099 or text[max(0, m.start() - 1) : m.start()] in ("$", "€", "£", "¥"):
            return None
        if before in _t()["not_year_before"] or before.endswith("$") or _is_digit_group(before):
            return None
    if not m["y2"] and not m["sfx"] and (after in _t()["not_year_after"] or _is_digit_group(after)):
        return None
    if m["y2"]:
        y2 = int(m["y2"])
        if len(m["y2"]) == 2:
            y2 += y // 100 * 100
        if not y < y2 <= 2199:
            return None
        value = _range(_year(y), _year(y2))
    else:
        value = _year(y)
    return Expr(m.start(), m.end(), "DATE", "year", lambda ref, year: value, anchor=True,
                qualifier=_qualifier(text, m.start(), m["part"]))


def _decade(text: str, m: re.Match) -> Optional[Expr]:
    digits = m["y"]
    if len(digits) == 2:
        if not m["pre"]:
            return None
        y = 1900 + int(digits)
    elif len(digits) == 4:
        y = int(digits)
        if not 1000 <= y <= 2190:
            return None
    else:
        return None
    if y % 10:
        return None
    value = _range(_year(y), _year(y + 9))
    return Expr(m.start(), m.end(), "DATE", "decade", lambda ref, year: value, anchor=True,
                qualifier=_qualifier(text, m.start(), m["part"]))


ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50}


def _roman(word: str) -> Optional[int]:
    values = [ROMAN.get(c) for c in word.lower()]
    if not values or None in values:
        return None
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def _century(text: str, m: re.Match) -> Optional[Expr]:
    """ "abad ke-21", "abad XX": the century as a range of years ("2001/2100"); not the centuries before Christ."""
    n = int(m["n"]) if m["n"].isdigit() else _roman(m["n"])
    if not n or n > 30 or re.match(r"\s*(?:sm|sebelum\s+masehi)(?![\w])", text[m.end() :].lower()):
        return None
    value = _range(_year((n - 1) * 100 + 1), _year(n * 100))
    return Expr(m.start(), m.end(), "DATE", "period", lambda ref, year: value,
                qualifier=_qualifier(text, m.start(), m["part"]))


def _dateline(text: str, m: re.Match) -> Optional[Expr]:
    """ "(4/2/2015)", "Jumat (26/8)", "Jumat-Minggu (7-9/3)", "Minggu mendatang (9/2)", "Senin (3/3) lalu"."""
    d, month = int(m["d"]), int(m["m"])
    d2 = int(m["d2"]) if m["d2"] else None
    wd = _weekday_number(m["wd"]) if m["wd"] else None
    if wd is None:
        before = _word_before(text, m.start())
        after_word = before[-1:].isalpha() or before[-1:] == ","
        if not after_word or before.startswith("per") or before in number_words():
            return None  # "(2/3)" after "dua pertiga" is a fraction; a date follows a word: "di Jakarta (22/3)"
    if d2 is not None and not d < d2:
        return None
    rel, end = m["rel"] or m["rel2"], m.end()
    if m["rel2"] and m["y"] and m["rel2"].lower().split()[-1] != "lalu":
        rel, end = m["rel"], len(text[: m.start("rel2")].rstrip())  # "(1/1/2025) mendatang": as "1 Januari 2025"

    def value(y: int) -> Optional[str]:
        return _range(_day(y, month, d), _day(y, month, d2)) if d2 else _day(y, month, d)

    one_day = wd is not None and d2 is None
    if m["y"]:
        y = int(m["y"]) + (2000 if len(m["y"]) == 2 else 0)
        if value(y) is None:
            return None
        return Expr(m.start(), end, "DATE", "date", lambda ref, year: value(y), anchor=True, full=d2 is None,
                    dateline=one_day and not m["rel"])
    if value(2000) is None:  # 2000 is a leap year: any valid day/month passes
        return None
    pin = (wd, month, d) if wd is not None else None
    if rel:
        return Expr(m.start(), end, "DATE", "date", _relative(value, _rel_year(rel, month, d, wd)), anchor=True,
                    relative=True, pin=pin)

    def from_ref(ref: Optional[dt.date], year: Optional[int]) -> Optional[str]:
        base = ref.year if ref else year
        return value(_year_with_weekday(base, month, d, wd)) if base else None

    return Expr(m.start(), end, "DATE", "date", from_ref, dateline=one_day, needs_year=True, pin=pin)


def _numeric(text: str, m: re.Match) -> Optional[Expr]:
    if m["Y"]:
        y, month, d = int(m["Y"]), int(m["M"]), int(m["D"])
    else:
        y, month, d = int(m["y"]), int(m["m"]), int(m["d"])
    if not 1000 <= y <= 2199 or _word_before(text, m.start()) in _t()["not_year_before"]:
        return None
    value = _day(y, month, d)
    if value is None:
        return None
    return Expr(m.start(), m.end(), "DATE", "date", lambda ref, year: value, anchor=True, full=True)


def _week_of_month(text: str, m: re.Match) -> Optional[Expr]:
    """ "minggu kedua September 2006", "pekan terakhir Desember": the month's value, the week kept as qualifier."""
    month = _month_number(m["m"])
    which = " ".join(text[m.start() : m.start("m")].lower().split()).removesuffix(" bulan")
    qualifier = " ".join(w for w in (_qualifier(text, m.start(), None), which) if w)
    if m["y"]:
        y = int(m["y"])
        return Expr(m.start(), m.end(), "DATE", "month", lambda ref, year: _month(y, month), anchor=True,
                    qualifier=qualifier)
    return Expr(m.start(), m.end(), "DATE", "month",
                lambda ref, year: (lambda y: y and _month(y, month))(_year_of(ref, year)), needs_year=True,
                qualifier=qualifier)


def _holiday(text: str, m: re.Match) -> Optional[Expr]:
    """ "Natal", "Tahun Baru 2025", "Hari Kemerdekaan tahun lalu": fixed-date holidays resolve like a day and month
    without a year; holidays of a lunar calendar ("Lebaran") are found with no value."""
    name = m["h"]
    if not any(word[0].isupper() for word in name.split()):
        return None  # "kota natal" is a home town; "malam Tahun Baru" is a holiday
    after = _raw_word(text[m.end() : m.end() + 40], last=False)
    if not (m["y"] or m["rel"]) and after[:1].isupper() and after.isalpha():
        return None  # "Paskah Suzetta" is a minister
    fixed = _t()["holidays"][" ".join(name.lower().split())]
    qualifier = _qualifier(text, m.start(), None)
    if fixed is None:
        if not (m["y"] or m["rel"] or _word_before(text, m.start()) in _t()["holiday_context"]):
            return None
        return Expr(m.start(), m.end(), "DATE", "holiday", lambda ref, year: None, qualifier=qualifier)
    month, day = (int(part) for part in fixed.split("-"))
    if m["y"]:
        y = int(m["y"])
        return Expr(m.start(), m.end(), "DATE", "holiday", lambda ref, year: _day(y, month, day), anchor=True,
                    qualifier=qualifier)
    if m["rel"]:
        return Expr(m.start(), m.end(), "DATE", "holiday",
                    _relative(lambda y: _day(y, month, day), _rel_year(m["rel"], month, day)), qualifier=qualifier,
                    relative=True)
    return Expr(m.start(), m.end(), "DATE", "holiday",
                lambda ref, year: (lambda y: y and _day(y, month, day))(_year_of(ref, year)), needs_year=True,
                qualifier=qualifier)


def _anniversary(text: str, m: re.Match) -> Optional[Expr]:
    """ "HUT ke-79 RI", "HUT Bhayangkara ke-78", "Dirgahayu Republik Indonesia ke-80": the founding day (in
    ``anniversaries`` of ``lang/dates.json``) as many years on as the anniversary's number."""
    if bool(m["n"]) == bool(m["n2"]):
        return None
    founded = _t()["anniversaries"][" ".join(m["who"].lower().split())]
    y, month, day = (int(part) for part in founded.split("-"))
    value = _day(y + int(m["n"] or m["n2"]), month, day)
    return Expr(m.start(), m.end(), "DATE", "holiday", lambda ref, year: value, anchor=True,
                qualifier=_qualifier(text, m.start(), None))


def _day_of_month(text: str, m: re.Match) -> Optional[Expr]:
    """ "tanggal 20", "tanggal 1 hingga 5": days of the month in context, resolved in :func:`resolve`."""
    d1, d2 = int(m["d1"]), m["d2"] and int(m["d2"])
    if not 1 <= d1 <= 31 or (d2 is not None and not d1 < d2 <= 31):
        return None
    if m["rel"]:  # "tanggal 20 mendatang": the next 20th from the reference date; without one, "XXXX-XX-20"
        rel = m["rel"]

        def value(ref: Optional[dt.date], year: Optional[int]) -> Optional[str]:
            month = _month_of_day(ref, rel, d1) if ref else None
            return _days_in(month and _month(*month), (d1, d2))

        return Expr(m.start(), m.end(), "DATE", "day", value, relative=True)
    return Expr(m.start(), m.end(), "DATE", "day", lambda ref, year: None, days=(d1, d2))


def _quarter(text: str, m: re.Match) -> Optional[Expr]:
    if m["qk"]:
        kind, n = "kuartal", int(m["nk"])
    else:
        kind = m["q"].lower().rstrip(".")
    parts = {"kw": 4, "tw": 4}.get(kind) or _t()["period_parts"][kind]
    if not m["qk"]:
        if m["n"].lower() == "terakhir" and not (m["y"] or m["rel"]):
            return None  # "dua kuartal terakhir": the last two, not a named quarter
        n = parts if m["n"].lower() == "terakhir" else _ordinal(m["n"])
    if not 1 <= n <= parts:
        return None
    size = 12 // parts
    first, last = (n - 1) * size + 1, n * size

    def value_for(y: Optional[int]) -> Optional[str]:
        return _range(_month(y, first), _month(y, last)) if y else None

    qualifier = _qualifier(text, m.start(), m["part"])
    if m["y"]:
        y = int(m["y"])
        if not 1000 <= y <= 2199:
            return None
        return Expr(m.start(), m.end(), "DATE", "period", lambda ref, year: value_for(y), anchor=True,
                    qualifier=qualifier)
    if m["rel"]:
        rel = m["rel"]
        return Expr(m.start(), m.end(), "DATE", "period", _relative(value_for, lambda ref: _relative_year(ref, rel)),
                    anchor=True, qualifier=qualifier, relative=True)
    if m["qk"]:
        return None
    return Expr(m.start(), m.end(), "DATE", "period", lambda ref, year: value_for(_year_of(ref, year)),
                needs_year=True, qualifier=qualifier)
