"""Indonesian date and duration expressions: find them in text and normalise them to ISO 8601.

:func:`find` is the finder: regular expressions built from the word tables in ``factx/lang/dates.json`` (months
with their abbreviations and old spellings, weekdays, relative words, parts of periods, duration units). Each hit
is an :class:`Expr` that knows how to resolve itself once the reference date and the year in context are known.
:func:`resolve` walks the hits of one text in order and gives each its value; :func:`infer_ref_date` picks a
reference date from the text itself (a dateline, else the latest full date). :func:`normalize` runs the three.

Values follow the text's precision: "2023", "2024-03", "2025-12-15", "2025-12-15T10:00"; weeks "2025-W51";
periods and ranges "start/end" ("2025-01/2025-03" for kuartal I 2025, "1990/1999" for 1990-an, "2001/2100" for
abad ke-21); durations "P10Y", "P18M", "PT3H". Parts ("awal", "akhir", ...) and hedges ("sekitar") keep the value
of the whole period and are reported as the qualifier. A bare month ("pada November") or day ("tanggal 20") takes
its year or month from the nearest explicit one before it (sentence, then document), then the reference date.
What cannot be resolved has value None: a relative expression with no reference date, a vague duration
("beberapa tahun"), a time relative to another one ("tahun sebelumnya"), a holiday of a lunar calendar.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from bisect import bisect_right
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache
from typing import Callable, Iterable, Optional

from ..values import is_valid

try:  # the parser of the re module, to measure rules (_windows)
    from re import _parser as _sre
except ImportError:  # Python 3.10
    import sre_parse as _sre

from ..lang import load_json
from .numbers import number_words, parse_number

__all__ = ["Expr", "Found", "find", "resolve", "infer_ref_date", "normalize", "duration_value"]

Resolver = Callable[[Optional[dt.date], Optional[int]], Optional[str]]


@dataclass
class Expr:
    """One date or duration expression found in a text (character offsets ``start:end``).

    ``resolve(ref, year)`` gives the value from the reference date and the year in context (the nearest explicit
    year before it), either of which may be None. ``anchor``: the expression states a year that later bare months
    take. ``full``: day, month and year are all written (a candidate reference date). ``dateline``: the weekday
    "(d/m/yyyy)" form of news datelines. ``time``: for a clock time, ``(hour, minute, hour2, minute2)``.
    ``days``: for a day of the month alone ("tanggal 20"), ``(day, last day or None)``.
    """

    start: int
    end: int
    label: str
    kind: str
    resolve: Resolver
    anchor: bool = False
    full: bool = False
    dateline: bool = False
    needs_year: bool = False
    qualifier: Optional[str] = None
    time: Optional[tuple] = None
    days: Optional[tuple] = None


@dataclass
class Found:
    """A resolved expression: what the component puts on ``doc.ents``."""

    start: int
    end: int
    label: str
    value: Optional[str]
    qualifier: Optional[str] = None


# --- word tables -------------------------------------------------------------------------------------------------


@lru_cache(maxsize=None)
def _t() -> dict:
    return load_json("dates.json")


def _alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _month_number(word: str) -> int:
    key = word.lower().rstrip(".")
    return _t()["months"].get(key) or _t()["month_abbreviations"][key]


def _weekday_number(word: str) -> int:
    return _t()["weekdays"][word.lower()]


def _ordinal(word: str) -> int:
    return _t()["ordinals"][word.lower()]


# --- ISO helpers -------------------------------------------------------------------------------------------------


def _day(y: int, m: int, d: int) -> Optional[str]:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def _month(y: int, m: int) -> Optional[str]:
    return f"{y:04d}-{m:02d}" if 1 <= m <= 12 and 1 <= y <= 9999 else None


def _year(y: int) -> Optional[str]:
    return f"{y:04d}" if 1 <= y <= 9999 else None


def _range(a: Optional[str], b: Optional[str]) -> Optional[str]:
    return f"{a}/{b}" if a and b else None


def _week(d: dt.date) -> Optional[str]:
    year, week, _ = d.isocalendar()
    return f"{year:04d}-W{week:02d}" if 1 <= year <= 9999 else None


def _shift_months(d: dt.date, n: int) -> tuple[int, int]:
    total = d.year * 12 + d.month - 1 + n
    return total // 12, total % 12 + 1


def _number(value: Decimal) -> str:
    """A Decimal as written in an ISO duration: 10, 1.5."""
    value = value.normalize()
    return format(value, "f")


def duration_value(parts: list[tuple[Decimal, str]]) -> Optional[str]:
    """ISO 8601 duration for ``[(amount, unit word), ...]``: [(10, "tahun")] -> "P10Y", [(3, "jam")] -> "PT3H"."""
    units = _t()["duration_units"]
    date_part, time_part = {}, {}
    for amount, word in parts:
        designator, factor, is_time = units[word.lower()]
        target = time_part if is_time else date_part
        target[designator] = target.get(designator, Decimal(0)) + amount * factor
    if not date_part and not time_part:
        return None
    out = "P" + "".join(f"{_number(date_part[d])}{d}" for d in "YMWD" if d in date_part)
    if time_part:
        out += "T" + "".join(f"{_number(time_part[d])}{d}" for d in "HMS" if d in time_part)
    return out


# --- the grammar -------------------------------------------------------------------------------------------------

DASH = r"(?:-|–|—|s/d|s\.d\.?|hingga|sampai(?:\s+dengan)?)"
YEAR4 = r"\d{4}(?![\w%]|[.,:]\d|\s*%)"


@lru_cache(maxsize=None)
def _grammar() -> dict[str, str]:
    t = _t()
    month = rf"(?:(?:{_alt(t['months'])})(?![\w])|(?:{_alt(t['month_abbreviations'])})(?:\.|(?![\w])))"
    months_full = rf"(?:{_alt(t['months'])})(?![\w])"
    numw = rf"(?:{_alt(number_words())})(?![\w])"
    units = rf"(?:{_alt(t['duration_units'])})(?![\w-])"
    return {
        "MONTH": month,
        "MONTH_FULL": months_full,
        "WD": rf"(?:{_alt(t['weekdays'])})(?![\w'’])",
        "PART": rf"(?:{_alt(t['parts'])})",
        "DAYPART": rf"(?:{_alt(t['day_parts'])})(?![\w])",
        "TZ": rf"(?:{'|'.join(zone.lower() for zone in t['time_zones'])})(?![\w])",
        "NUM": rf"(?:\d+(?:[.,]\d+)*|{numw}(?:\s+{numw})*)",
        "VAGUE": rf"(?:{_alt(t['vague_durations'])})(?![\w-])",
        "UNITS": units,
        "SE": rf"(?:{_alt(t['se_units'])})(?![\w-])",
        "HOLIDAY": rf"(?:{_alt(t['holidays'])})(?![\w])",
        "ANAPHORIC": rf"(?:{_alt(t['anaphoric'])})(?![\w])",
        "QUARTER": rf"(?:{_alt(t['period_parts'])}|kw\.?|tw\.?)",
        "ORD": rf"(?:{_alt(t['ordinals'])})(?![\w])",
        "REL_M": r"""(?:tahun\s+(?:ini|lalu|kemarin|depan)|(?:yang\s+)?(?:lalu|silam)|kemarin|depan|mendatang|nanti
                     |ini)(?![\w])""",
        "YSFX": r"(?:\s+(?:yang\s+)?(?:lalu|silam)(?![\w]))?",
    }


def _compile(pattern: str) -> re.Pattern:
    return re.compile(pattern.format(**_grammar()), re.VERBOSE)


def _word_before(text: str, start: int) -> str:
    m = re.search(r"([^\s]+)\s*$", text[max(0, start - 40) : start])
    return m.group(1).lower() if m else ""


def _word_after(text: str, end: int) -> str:
    m = re.match(r"\s*([^\s]+)", text[end : end + 40])
    return m.group(1).lower().rstrip(".,;:)") if m else ""


@lru_cache(maxsize=None)
def _hedge() -> re.Pattern:
    return re.compile(rf"(?<![\w])({_alt(_t()['hedges'])})\s+$", re.IGNORECASE)


def _qualifier(text: str, start: int, part: Optional[str]) -> Optional[str]:
    m = _hedge().search(text, max(0, start - 30), start)
    hedge = m.group(1).lower() if m else None
    words = [w for w in (hedge, _t()["parts"].get(part.lower()) if part else None) if w]
    return " ".join(words) or None


def _year_of(ref: Optional[dt.date], year: Optional[int]) -> Optional[int]:
    return year if year is not None else (ref.year if ref else None)


def _relative_year(ref: Optional[dt.date], rel: str) -> Optional[int]:
    if ref is None:
        return None
    rel = rel.lower().split()[-1]
    return ref.year + {"ini": 0, "lalu": -1, "kemarin": -1, "depan": 1}[rel]


def _month_year_rel(ref: Optional[dt.date], rel: str, month: int, day: int = 0) -> Optional[int]:
    """The year of "Maret lalu", "Maret depan", "Maret tahun ini", "15 Maret lalu" against ``ref``."""
    if ref is None:
        return None
    rel = " ".join(rel.lower().split())
    if rel.startswith("tahun"):
        return _relative_year(ref, rel)
    here = (ref.month, ref.day)
    if rel.split()[-1] in ("lalu", "silam", "kemarin"):
        return ref.year if (month, day) < here else ref.year - 1
    if rel in ("depan", "mendatang", "nanti"):
        return ref.year if (month, day) > here else ref.year + 1
    return ref.year


def _year_with_weekday(base: int, month: int, day: int, weekday: Optional[int]) -> int:
    """``base`` or the year next to it in which ``day``/``month`` falls on ``weekday``."""
    if weekday is None:
        return base
    for y in (base, base - 1, base + 1):
        try:
            if dt.date(y, month, day).weekday() == weekday:
                return y
        except ValueError:
            continue
    return base


# --- rules: each turns a match into an Expr (or None to reject it) -------------------------------------------------


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
    if m["rel"]:
        rel = m["rel"]
        return Expr(
            m.start(), m.end(), "DATE", "date",
            lambda ref, year: (lambda y: y and value(y))(_month_year_rel(ref, rel, month, d1)), anchor=True,
        )

    def from_context(ref: Optional[dt.date], year: Optional[int]) -> Optional[str]:
        base = _year_of(ref, year)
        return value(_year_with_weekday(base, month, d1, wd)) if base else None

    return Expr(m.start(), m.end(), "DATE", "date", from_context, needs_year=True)


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
    return Expr(
        m.start(), m.end(), "DATE", "month",
        lambda ref, year: (lambda y: y and _month(y, month))(_month_year_rel(ref, rel, month)),
        anchor=True, qualifier=_qualifier(text, m.start(), m["part"]),
    )


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


def _is_number_token(word: str) -> bool:
    return bool(re.fullmatch(r"\(?\d[\d.,)-]*", word))


def _is_digit_group(word: str) -> bool:
    """A bare group of digits next to a year-like number, as in phone numbers "(021) 5550 2015"."""
    return bool(re.fullmatch(r"\(?\d{3,}\)?-?", word))


def _year_rule(text: str, m: re.Match) -> Optional[Expr]:
    y = int(m["y"])
    before, after = _word_before(text, m.start()), _word_after(text, m.end())
    lead = m["part"] or m["tahun"]
    if lead or before in _t()["year_prepositions"]:
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
    d, month = int(m["d"]), int(m["m"])
    wd = _weekday_number(m["wd"]) if m["wd"] else None
    if wd is None:
        before = _word_before(text, m.start())
        after_word = before[-1:].isalpha() or before[-1:] == ","
        if not after_word or before.startswith("per") or before in number_words():
            return None  # "(2/3)" after "dua pertiga" is a fraction; a date follows a word: "di Jakarta (22/3)"
    if m["y"]:
        y = int(m["y"]) + (2000 if len(m["y"]) == 2 else 0)
        value = _day(y, month, d)
        if value is None:
            return None
        return Expr(m.start(), m.end(), "DATE", "date", lambda ref, year: value, anchor=True, full=True,
                    dateline=wd is not None)
    if _day(2000, month, d) is None:  # 2000 is a leap year: any valid day/month passes
        return None

    def from_ref(ref: Optional[dt.date], year: Optional[int]) -> Optional[str]:
        base = ref.year if ref else year
        return _day(_year_with_weekday(base, month, d, wd), month, d) if base else None

    return Expr(m.start(), m.end(), "DATE", "date", from_ref, dateline=wd is not None)


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


def _weekday(text: str, m: re.Match) -> Optional[Expr]:
    word, rel = m["wd"], (m["rel"] or "").lower()
    if not m["hari"] and not word[0].isupper():
        if word.lower() == "minggu" or not (m["dp"] or _word_before(text, m.start()) in _t()["year_prepositions"]):
            return None
    if word.lower() == "minggu" and not m["hari"] and rel.split()[:1] in (["lalu"], ["ini"], ["depan"], ["kemarin"]):
        return None  # "Minggu lalu" opening a sentence is "last week"
    wd = _weekday_number(word)

    def value(ref: Optional[dt.date], year: Optional[int]) -> Optional[str]:
        if ref is None:
            return None
        monday = ref - dt.timedelta(days=ref.weekday())
        last = rel.split()[-1] if rel else ""
        if rel.startswith(("pekan", "minggu")):
            return (monday + dt.timedelta(days=wd + {"lalu": -7, "ini": 0, "depan": 7}[last])).isoformat()
        if last in ("lalu", "kemarin"):
            return (ref - dt.timedelta(days=(ref.weekday() - wd) % 7 or 7)).isoformat()
        if last in ("depan", "mendatang", "nanti"):
            return (ref + dt.timedelta(days=(wd - ref.weekday()) % 7 or 7)).isoformat()
        return (monday + dt.timedelta(days=wd)).isoformat()

    return Expr(m.start(), m.end(), "DATE", "date", value)


def _relative_day(text: str, m: re.Match) -> Optional[Expr]:
    word = " ".join(m["w"].lower().split())
    if word == "tadi" and not m["dp"]:
        return None
    if word.startswith("esok") and _word_before(text, m.start()) == "hari":
        return None  # "hari esok": the future
    offset = _t()["relative_days"][word]
    return Expr(m.start(), m.end(), "DATE", "date",
                lambda ref, year: (ref + dt.timedelta(days=offset)).isoformat() if ref else None)


def _relative_period(text: str, m: re.Match) -> Optional[Expr]:
    unit = _t()["period_units"][m["u"].lower()]
    rel = m["rel"].lower().split()[-1]
    step = {"ini": 0, "lalu": -1, "kemarin": -1, "depan": 1, "mendatang": 1, "datang": 1}[rel]
    part = m["part"]
    if part and part.lower() in ("akhir", "penghujung", "ujung") and unit == "week":
        return _weekend(m.start(), m.end(), step)

    def value(ref: Optional[dt.date], year: Optional[int]) -> Optional[str]:
        if ref is None:
            return None
        if unit == "year":
            return _year(ref.year + step)
        if unit == "month":
            return _month(*_shift_months(ref, step))
        if unit == "week":
            return _week(ref + dt.timedelta(weeks=step))
        return (ref + dt.timedelta(days=step)).isoformat()

    return Expr(m.start(), m.end(), "DATE", "period", value, anchor=unit == "year",
                qualifier=_qualifier(text, m.start(), part))


def _weekend(start: int, end: int, step: int) -> Expr:
    def value(ref: Optional[dt.date], year: Optional[int]) -> Optional[str]:
        if ref is None:
            return None
        saturday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(days=5 + 7 * step)
        return _range(saturday.isoformat(), (saturday + dt.timedelta(days=1)).isoformat())

    return Expr(start, end, "DATE", "weekend", value)


def _part_alone(text: str, m: re.Match) -> Optional[Expr]:
    unit = m["u"].lower()
    part = m["part"]
    if unit in ("pekan", "minggu"):
        if part.lower() not in ("akhir", "penghujung", "ujung"):
            return None
        return _weekend(m.start(), m.end(), 0)

    def value(ref: Optional[dt.date], year: Optional[int]) -> Optional[str]:
        if unit == "tahun":
            y = _year_of(ref, year)
            return _year(y) if y else None
        return _month(ref.year, ref.month) if ref else None

    return Expr(m.start(), m.end(), "DATE", "period", value, needs_year=unit == "tahun",
                qualifier=_qualifier(text, m.start(), part))


def _ago(text: str, m: re.Match) -> Optional[Expr]:
    if m["se"]:
        amount, word = Decimal(1), _t()["se_units"][m["se"].lower()]
    elif m["n"].lower() in _t()["vague_durations"]:
        amount, word = None, m["u"].lower()
    else:
        amount, word = parse_number(m["n"]), m["u"].lower()
        if amount is None or amount != amount.to_integral_value():
            return None
    if word not in ("hari", "minggu", "pekan", "bulan", "tahun", "dekade", "windu"):
        return None
    sign = 1 if m["fut"] else -1
    if amount is None:
        return Expr(m.start(), m.end(), "DATE", "relative", lambda ref, year: None)
    n = int(amount) * sign

    def value(ref: Optional[dt.date], year: Optional[int]) -> Optional[str]:
        if ref is None:
            return None
        if word == "hari":
            return (ref + dt.timedelta(days=n)).isoformat()
        if word in ("minggu", "pekan"):
            return _week(ref + dt.timedelta(weeks=n))
        if word == "bulan":
            return _month(*_shift_months(ref, n))
        return _year(ref.year + n * {"tahun": 1, "dekade": 10, "windu": 8}[word])

    return Expr(m.start(), m.end(), "DATE", "relative", value, anchor=word == "tahun")


def _quarter_rel(text: str, m: re.Match) -> Optional[Expr]:
    """ "kuartal ini", "triwulan lalu", "semester depan": the part of the year holding the reference date, or the
    one before or after it."""
    parts = _t()["period_parts"][m["q"].lower()]
    step = {"ini": 0, "lalu": -1, "kemarin": -1, "depan": 1}[m["rel"].lower()]
    size = 12 // parts

    def value(ref: Optional[dt.date], year: Optional[int]) -> Optional[str]:
        if ref is None:
            return None
        first_year, first = _shift_months(dt.date(ref.year, (ref.month - 1) // size * size + 1, 1), step * size)
        last_year, last = _shift_months(dt.date(first_year, first, 1), size - 1)
        return _range(_month(first_year, first), _month(last_year, last))

    return Expr(m.start(), m.end(), "DATE", "period", value, qualifier=_qualifier(text, m.start(), m["part"]))


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
    if not name[0].isupper():
        return None  # "kota natal" is a home town
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
        rel = m["rel"]
        return Expr(m.start(), m.end(), "DATE", "holiday",
                    lambda ref, year: (lambda y: y and _day(y, month, day))(_month_year_rel(ref, rel, month, day)),
                    qualifier=qualifier)
    return Expr(m.start(), m.end(), "DATE", "holiday",
                lambda ref, year: (lambda y: y and _day(y, month, day))(_year_of(ref, year)), needs_year=True,
                qualifier=qualifier)


def _day_of_month(text: str, m: re.Match) -> Optional[Expr]:
    """ "tanggal 20", "tanggal 1 hingga 5": days of the month in context, resolved in :func:`resolve`."""
    d1, d2 = int(m["d1"]), m["d2"] and int(m["d2"])
    if not 1 <= d1 <= 31 or (d2 is not None and not d1 < d2 <= 31):
        return None
    return Expr(m.start(), m.end(), "DATE", "day", lambda ref, year: None, days=(d1, d2))


def _anaphoric(text: str, m: re.Match) -> Optional[Expr]:
    """ "tahun sebelumnya", "hari berikutnya": relative to another time in the text, left without a value."""
    return Expr(m.start(), m.end(), "DATE", "anaphoric", lambda ref, year: None)


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
        return Expr(m.start(), m.end(), "DATE", "period", lambda ref, year: value_for(_relative_year(ref, rel)),
                    anchor=True, qualifier=qualifier)
    if m["qk"]:
        return None
    return Expr(m.start(), m.end(), "DATE", "period", lambda ref, year: value_for(_year_of(ref, year)),
                needs_year=True, qualifier=qualifier)


def _clock(text: str, m: re.Match) -> Optional[Expr]:
    if m["pk"] and m["pk"].lower() == "jam" and _is_number_token(_word_before(text, m.start())):
        return None  # "2 jam 30 menit" is a duration
    h = int(m["h"] if m["h"] is not None else m["h0"])
    mi = int(m["mi"] or m["mi0"] or 0)
    h2 = int(m["h2"]) if m["h2"] else None
    mi2 = int(m["mi2"] or 0) if m["h2"] else None
    if m["dp"]:
        h = _day_part_hour(h, m["dp"])
        h2 = _day_part_hour(h2, m["dp"]) if h2 is not None else None
    if h > 24 or mi > 59 or (h2 is not None and (h2 > 24 or mi2 > 59)):
        return None
    return Expr(m.start(), m.end(), "DATE", "time", lambda ref, year: None, time=(h, mi, h2, mi2))


def _day_part_hour(h: int, part: str) -> int:
    """The 24-hour clock hour of "pukul 7 malam" (19), "pukul 1 siang" (13), "pukul 12 malam" (0): twelve hours
    later when that, and not the hour as written, falls in the part of the day's span in the word table."""
    low, high = _t()["day_parts"][" ".join(part.lower().split())]
    if not low <= h <= high and low <= h + 12 <= high:
        return (h + 12) % 24
    return h


# Words that make the next number a label, not an amount ("Nomor 5 Tahun 2014", "Pasal 3"), or not a count of
# time ("salah satu hari besar": one of the holidays).
NOT_A_DURATION_AFTER = frozenset({"nomor", "no", "no.", "nomer", "nmr", "pasal", "ayat", "kode", "rp", "us$", "salah"})


def _duration(text: str, m: re.Match) -> Optional[Expr]:
    if m["bare"]:
        return Expr(m.start(), m.end(), "DURATION", "duration", lambda ref, year: None)
    if _word_before(text, m.start()) in NOT_A_DURATION_AFTER:
        return None
    if m["u"] and m["u"].lower() == "tahun" and re.match(r"\s+\d{4}(?!\d)", text[m.end() :]):
        return None  # "Nomor 5 Tahun 2014": the number of a law, then its year
    parts = []
    for n, unit, se in (("n", "u", "se"), ("n2", "u2", "se2")):
        if m[se]:
            parts.append((Decimal(1), _t()["se_units"][m[se].lower()]))
        elif m[unit]:
            if m[n].lower() in _t()["vague_durations"]:
                return Expr(m.start(), m.end(), "DURATION", "duration", lambda ref, year: None)
            amount = parse_number(m[n])
            if amount is None:
                return None
            parts.append((amount, m[unit].lower()))
    value = duration_value(parts)
    return Expr(m.start(), m.end(), "DURATION", "duration", lambda ref, year: value)


RULES: list[tuple[str, Callable[[str, re.Match], Optional[Expr]]]] = [
    (r"""(?<![\w.,/])
        (?:(?P<wd>{WD})(?:\s+{DAYPART})?(?:\s*,\s*|\s+)(?:(?:tanggal|tgl\.?)\s+)?|(?:tanggal|tgl\.?)\s+)?
        (?P<d1>\d{{1,2}})(?:\s*(?:-|–|—|s/d|s\.d\.?|hingga|sampai(?:\s+dengan)?)\s*(?P<d2>\d{{1,2}}))?
        \s+(?P<m>{MONTH})
        (?:\s*,?\s*(?P<y>\d{{4}})(?![\w%]|[.,:]\d){YSFX}|\s+(?P<rel>{REL_M}))?""", _full_date),
    (r"""(?<![\w])(?:(?P<part>{PART})\s+(?:bulan\s+)?)?(?:bulan\s+)?
        (?P<m1>{MONTH})(?:\s*(?:-|–|—|s/d|s\.d\.?|hingga|sampai(?:\s+dengan)?)\s*(?P<m2>{MONTH}))?
        \s*[,']?\s*(?:tahun\s+)?(?P<y>\d{{4}})(?![\w%]|[.,:]\d){YSFX}""", _month_year),
    (r"(?<![\w])(?:(?P<part>{PART})\s+)?(?:bulan\s+)?(?P<m>{MONTH_FULL})\s+(?P<rel>{REL_M})", _month_rel),
    (r"""(?<![\w])(?:(?P<part>{PART})\s+)?(?:(?P<bulan>bulan)\s+)?(?P<m1>{MONTH_FULL})
        (?:\s*(?:-|–|—|s/d|hingga|sampai(?:\s+dengan)?)\s*(?P<m2>{MONTH_FULL}))?""", _bare_month),
    (r"""(?<![\w$€£¥.,/-])(?:(?P<part>{PART})\s+(?:tahun\s+)?|(?P<tahun>tahun|thn\.?)\s+(?:anggaran\s+)?)?
        (?P<y>\d{{4}})(?:\s*(?:-|–|—|/)\s*(?P<y2>\d{{4}}|\d{{2}}))?(?:\s+(?P<sfx>(?:yang\s+)?(?:lalu|silam)))?
        (?![\w%]|[.,:/]\d|\s*%|\s*-\s*an(?![\w])|\s*-\s*\d)""", _year_rule),
    (r"""(?<![\w])(?:(?P<part>{PART})\s+)?(?:(?P<pre>tahun|era|dekade|dasawarsa|periode)\s+)?
        (?P<y>\d{{2,4}})\s*-?\s*an(?![\w])""", _decade),
    (r"""(?<![\w])(?:(?P<wd>{WD})(?:\s+{DAYPART})?\s*,?\s*)?\(\s*(?P<d>\d{{1,2}})\s*/\s*(?P<m>\d{{1,2}})
        (?:\s*/\s*(?P<y>\d{{4}}|\d{{2}}))?\s*\)(?:\s+{DAYPART})?""", _dateline),
    (r"""(?<![\w/.,-])(?:(?P<d>\d{{1,2}})(?P<s>[/.-])(?P<m>\d{{1,2}})(?P=s)(?P<y>\d{{4}})
        |(?P<Y>\d{{4}})-(?P<M>\d{{2}})-(?P<D>\d{{2}}))(?![\w/]|[.,-]\d)""", _numeric),
    (r"""(?<![\w])(?:(?P<hari>hari)\s+)?(?P<wd>{WD})(?:\s+(?P<dp>{DAYPART}))?
        (?:\s+(?P<rel>(?:pekan|minggu)\s+(?:lalu|ini|depan)|lalu|kemarin|depan|mendatang|ini|nanti)(?![\w]))?""",
     _weekday),
    (r"""(?<![\w])(?P<w>hari\s+ini|kemarin\s+lusa|besok\s+lusa|kemarin|besok|esok\s+hari|esok|lusa|tadi)(?![\w])
        (?:\s+(?P<dp>{DAYPART}))?""", _relative_day),
    (r"""(?<![\w])(?:(?P<part>{PART})\s+)?(?P<u>tahun|bulan|pekan|minggu|hari)\s+
        (?P<rel>ini|lalu|kemarin|depan|mendatang|yang\s+lalu|yang\s+akan\s+datang)(?![\w])""", _relative_period),
    (r"""(?<![\w])(?P<part>{PART})\s+(?P<u>tahun|bulan|pekan|minggu)(?![\w-])""", _part_alone),
    (r"""(?<![\w.,])(?:(?P<n>{VAGUE}|{NUM})\s+(?P<u>{UNITS})|(?P<se>{SE}))
        \s+(?:(?:yang\s+)?(?P<past>lalu|silam)|(?P<fut>lagi))(?![\w])""", _ago),
    (r"""(?<![\w])(?:(?P<part>{PART})\s+)?
        (?:(?P<q>{QUARTER})\s*(?:ke-?\s*)?(?P<n>{ORD}|terakhir(?![\w]))|(?P<qk>q|k)(?P<nk>[1-4]))
        (?:\s*[,/-]?\s*(?:tahun\s+)?(?P<y>\d{{4}})(?![\w%]|[.,:]\d){YSFX}
        |\s+(?P<rel>tahun\s+(?:ini|lalu|kemarin|depan)|ini|lalu|depan)(?![\w]))?""", _quarter),
    (r"""(?<![\w])(?:(?P<part>{PART})\s+)?abad\s+(?:ke-?\s*)?(?P<n>\d{{1,2}}|[ivxl]+)(?![\w])""", _century),
    (r"""(?<![\w])(?P<h>{HOLIDAY})(?:\s+(?:tahun\s+)?(?P<y>\d{{4}})(?![\w%]|[.,:]\d)
        |\s+(?P<rel>{REL_M}))?""", _holiday),
    (r"""(?<![\w])(?:hari|pekan|minggu|bulan|kuartal|kwartal|triwulan|semester|tahun)\s+{ANAPHORIC}""", _anaphoric),
    (r"""(?<![\w])(?:tanggal|tgl\.?)\s+(?P<d1>\d{{1,2}})(?:\s*(?:-|–|s/d|s\.d\.?|hingga|sampai(?:\s+dengan)?)\s*
        (?:(?:tanggal|tgl\.?)\s+)?(?P<d2>\d{{1,2}}))?(?![\w]|[.,/-]\d)""", _day_of_month),
    (r"""(?<![\w])(?:(?P<part>{PART})\s+)?(?P<q>kuartal|kwartal|triwulan|caturwulan|semester)\s+
        (?P<rel>ini|lalu|kemarin|depan)(?![\w])""", _quarter_rel),
    (r"""(?<![\w])(?:minggu|pekan)\s+(?:ke-?\s*)?(?:{ORD}|terakhir|ke\s+(?:dua|tiga|empat))\s+(?:bulan\s+)?
        (?P<m>{MONTH_FULL})(?:\s*,?\s*(?:tahun\s+)?(?P<y>\d{{4}})(?![\w%]|[.,:]\d))?""", _week_of_month),
    (r"""(?<![\w.,])(?:(?P<pk>pukul|pkl\.?|jam)\s+(?P<h>\d{{1,2}})(?:[.:](?P<mi>\d{{2}}))?
        |(?P<h0>\d{{1,2}})[.:](?P<mi0>\d{{2}})(?=\s*{TZ}))
        (?:\s*(?:-|–|s/d|s\.d\.?|hingga|sampai(?:\s+dengan)?)\s*(?:(?:pukul|jam)\s+)?(?P<h2>\d{{1,2}})
        (?:[.:](?P<mi2>\d{{2}}))?)?(?![\w]|[.,]\d)(?:\s*(?P<tz>{TZ}))?(?:\s+(?P<dp>{DAYPART}))?""", _clock),
    (r"""(?<![\w.,])(?:(?P<bare>berbulan-bulan|bertahun-tahun|berhari-hari|berjam-jam|berminggu-minggu|
        berpekan-pekan|berabad-abad|berdekade-dekade)(?![\w-])
        |(?:(?P<n>{VAGUE}|{NUM})\s+(?P<u>{UNITS})|(?P<se>{SE}))
        (?:\s+(?:(?P<n2>{NUM})\s+(?P<u2>{UNITS})|(?P<se2>{SE})))?)""", _duration),
]


@lru_cache(maxsize=None)
def _rules() -> list[tuple[re.Pattern, Callable[[str, re.Match], Optional[Expr]]]]:
    return [(_compile(pattern), handler) for pattern, handler in RULES]


# Every rule opens with a one-character negative lookbehind, "(?<![\w.,])": tried at every position of the text it
# costs as much as the rest of the rule. The same rule with that character consumed instead, "[^\w.,]", lets the
# regex engine skip ahead to the characters that can precede a match; _scan reads its matches back as the rule's.
_LEAD = re.compile(r"\(\?<!\[((?:[^\]\\]|\\.)+)\]\)")


@lru_cache(maxsize=None)
def _scanners() -> list[tuple[re.Pattern, Optional[re.Pattern], Callable[[str, re.Match], Optional[Expr]]]]:
    out = []
    for pattern, handler in _rules():
        lead = _LEAD.match(pattern.pattern)
        fast = None
        if lead and not lead.group(1).startswith("^"):
            fast = re.compile("[^" + lead.group(1) + "]" + pattern.pattern[lead.end():], pattern.flags)
        out.append((pattern, fast, handler))
    return out


class _Shifted:
    """A match of a rule's fast form read as the rule's own: group 0 starts after the consumed character."""

    __slots__ = ("_m",)

    def __init__(self, m: re.Match):
        self._m = m

    def span(self, group: int | str = 0) -> tuple[int, int]:
        return (self._m.start() + 1, self._m.end()) if group == 0 else self._m.span(group)

    def start(self, group: int | str = 0) -> int:
        return self._m.start() + 1 if group == 0 else self._m.start(group)

    def end(self, group: int | str = 0) -> int:
        return self._m.end(group)


def _scan(pattern: re.Pattern, fast: Optional[re.Pattern], text: str) -> list:
    """``list(pattern.finditer(text))``, found with ``fast`` (see _scanners) when there is one."""
    if fast is None:
        return list(pattern.finditer(text))
    out: list = []
    first = pattern.match(text, 0)  # the only place with no character before it
    if first is not None:
        if first.end() == first.start():
            return list(pattern.finditer(text))
        out.append(first)
    pos = first.end() if first is not None else 0
    while True:
        # the character before the next match may be the last one of the previous match
        m = fast.search(text, pos - 1 if pos else 0)
        if m is None:
            return out
        if m.end() == m.start() + 1:  # an empty match: finditer's own rules for those apply
            return list(pattern.finditer(text))
        out.append(_Shifted(m))
        pos = m.end()


# --- gates: rules that cannot match a text are not scanned over it -------------------------------------------------

# Scanning a rule costs about as much whether it matches or not, and most rules need a word that most texts lack: a
# holiday, "abad", "tanggal", a month name. find() collects the words of the lower-cased text once (its runs of the
# letters a-z, so "10.00wib" gives "wib" and "jum'at" gives "jum" and "at") and skips a rule whose gate is closed.
# A gate is safe (it never closes for a text the rule matches in) because each of its entries names words that
# every match of the rule holds, outside any optional group, with no letter a-z right before or after them in the
# rule: the rule puts \s, a digit, punctuation, the text's ends or a look-around such as (?<![\w]) or (?![\w])
# there, so each run of letters of the word is a whole run of letters of the text. The words come from the word
# tables the rule is built from ({MONTH} from "months" and "month_abbreviations", ...; "relative_days" and
# "period_parts" are the tables the handlers of those rules look their words up in, so every word their rules
# match is in them) or are the rule's own literal words. tests/test_date_gates.py checks each gate against
# matches of its rule; find(text, gates=False) scans every rule, to compare.
_LETTERS = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class _Gate:
    """What a text must hold for a rule to match in it: for each entry of ``needs``, one of its phrases (every run of
    letters of the phrase a word of the text); and each character of ``chars``."""

    needs: tuple[tuple[str, ...], ...] = ()
    chars: str = ""

    def compiled(self) -> tuple[tuple[tuple[frozenset, tuple[frozenset, ...]], ...], str]:
        """``needs`` as (one-word phrases, the words of each longer phrase) per entry, as _open reads them."""
        needs = []
        for phrases in self.needs:
            runs = [frozenset(_LETTERS.findall(phrase.lower())) for phrase in phrases]
            if any(not words for words in runs):  # a phrase with no letters: nothing to test on the words
                continue
            needs.append((frozenset(w for words in runs if len(words) == 1 for w in words),
                          tuple(words for words in runs if len(words) > 1)))
        return tuple(needs), self.chars


@lru_cache(maxsize=None)
def _gate_table() -> dict[Callable[[str, re.Match], Optional[Expr]], _Gate]:
    """The gate of each gated rule, by handler. The rules left out need only digits or words nearly every text has
    (_year_rule, _numeric, _relative_period's "tahun", _duration's units), or a word that may run on into the next
    one (_quarter: "kuartalII", "Q3")."""
    t = _t()
    months = tuple(t["months"])
    any_month = months + tuple(t["month_abbreviations"])
    return {
        _full_date: _Gate(needs=(any_month,)),  # \s+{MONTH}
        _month_year: _Gate(needs=(any_month,)),  # (?<![\w]) or \s+, then {MONTH}
        _month_rel: _Gate(needs=(months,)),  # {MONTH_FULL}
        _bare_month: _Gate(needs=(months,)),  # {MONTH_FULL}
        _decade: _Gate(needs=(("an",),)),  # digits, \s or "-", then an(?![\w])
        _dateline: _Gate(chars="(/)"),  # \( d / m ... \)
        _weekday: _Gate(needs=(tuple(t["weekdays"]),)),  # {WD}
        _relative_day: _Gate(needs=(tuple(t["relative_days"]),)),  # (?P<w>hari\s+ini|...)(?![\w])
        _part_alone: _Gate(needs=(tuple(t["parts"]),)),  # {PART}\s+
        _ago: _Gate(needs=(("lalu", "silam", "lagi"),)),  # \s+(yang\s+)?(lalu|silam) or \s+lagi, then (?![\w])
        _century: _Gate(needs=(("abad",),)),  # abad\s+
        _holiday: _Gate(needs=(tuple(t["holidays"]),)),  # {HOLIDAY}
        _anaphoric: _Gate(needs=(tuple(t["anaphoric"]),)),  # \s+{ANAPHORIC}
        _day_of_month: _Gate(needs=(("tanggal", "tgl"),)),  # (tanggal|tgl\.?)\s+
        _quarter_rel: _Gate(needs=(tuple(t["period_parts"]),)),  # (?P<q>kuartal|...)\s+
        _week_of_month: _Gate(needs=(("minggu", "pekan"), months)),  # (minggu|pekan)\s+ ... {MONTH_FULL}
        _clock: _Gate(needs=(("pukul", "pkl", "jam") + tuple(t["time_zones"]),)),  # (pukul|pkl\.?|jam)\s+ or {TZ}
    }


@lru_cache(maxsize=None)
def _gates() -> list[Optional[tuple]]:
    """The compiled gate of each rule of RULES, in order (None: always scanned)."""
    table = _gate_table()
    return [table[handler].compiled() if handler in table else None for _, handler in RULES]


def _open(gate: Optional[tuple], words: frozenset, lower: str) -> bool:
    """Whether a text with these ``words`` (and lower-cased text) may hold a match of the rule with ``gate``."""
    if gate is None:
        return True
    needs, chars = gate
    for single, longer in needs:
        if single.isdisjoint(words) and not any(phrase <= words for phrase in longer):
            return False
    return all(c in lower for c in chars)


# --- windows: rules scanned only around the words they need -------------------------------------------------------

# Most texts open the gates of the month, year and weekday rules, and a rule scanned over a whole text costs about
# as much as when it finds nothing. Each rule of _anchor_table has an anchor: a named group that every match holds
# outside any optional part and that starts where the text holds a word of a short list (a month name, a weekday,
# ...; the words of the text, as the gates read them, tell which of them to look for with str.find) or a run of
# four digits (one finditer per text). find() scans such a rule only from the starts a match around an anchor can
# have. That gives exactly the matches of the whole-text scan, because:
# - Apart from \s, each element of these rules matches one character and every other repeat is bounded, so an
#   attempt at p consumes or looks ahead at no more than N characters that are not whitespace, N being _width of
#   the rule (lookaheads counted as if consumed): it reads nothing past the (N+1)-th non-space character from p.
#   And a match starts at most B non-space characters before its anchor (B: _lead, the width of what precedes it).
# - So every match starts in a window [S, L] from after the (B+1)-th non-space character before an anchor to the
#   anchor; pattern.search(text, pos, E), which sees the text before pos as a whole-text scan does (lookbehinds)
#   but ends the text at E, gives at each start up to L the whole-text match when E is past the (N+1)-th
#   non-space character from L.
# - A whole-text scan takes the leftmost match from where the last one ended; no match starts between windows, so
#   searching the windows in order, each from the end of the last match found, gives the same matches.
# A rule with an unbounded part besides \s ({NUM} in _ago and _duration) has no such window (they have windows
# counted in words, _RunWindow below), nor one with a word that may run on into the next (_quarter).
# tests/test_date_windows.py checks the anchors and windows against every start where the rules match in its texts;
# find(text, windows=False) scans whole texts, to compare.
_FOUR_DIGITS = re.compile(r"\d\d\d\d")  # finds the start of every run of four or more digits


@dataclass(frozen=True)
class _Anchor:
    """Where a rule's anchor group can start: at one of ``words``, each of whose runs of letters is a word of the
    text (as for a gate), or at the start of a run of digits (``digits``)."""

    words: tuple[str, ...] = ()
    digits: bool = False

    def starts(self, lower: str, words: frozenset) -> list[int]:
        """The places in the lower-cased text where the anchor may start, in order."""
        if self.digits:
            return [m.start() for m in _FOUR_DIGITS.finditer(lower)]
        out = []
        for word, runs in _runs(self.words):
            if runs <= words:
                at = lower.find(word)
                while at >= 0:
                    out.append(at)
                    at = lower.find(word, at + 1)
        return sorted(set(out))


@lru_cache(maxsize=None)
def _runs(words: tuple[str, ...]) -> tuple[tuple[str, frozenset], ...]:
    return tuple((word, frozenset(_LETTERS.findall(word))) for word in words)


@lru_cache(maxsize=None)
def _anchor_table() -> dict[Callable[[str, re.Match], Optional[Expr]], tuple[_Anchor, tuple[str, ...]]]:
    """The anchor of each windowed rule, by handler: where it starts and the group(s) that hold it. Each group is
    preceded in its rule by \\s or a lookbehind that rules out a letter (a digit, for digits) and followed by \\s, a
    dot or a lookahead that rules out a letter, so its words are whole words of the text."""
    t = _t()
    months = _Anchor(words=tuple(t["months"]))
    any_month = _Anchor(words=tuple(t["months"]) + tuple(t["month_abbreviations"]))
    digits = _Anchor(digits=True)
    return {
        _full_date: (any_month, ("m",)),  # \s+(?P<m>{MONTH})
        _month_year: (any_month, ("m1",)),  # (?P<m1>{MONTH})
        _month_rel: (months, ("m",)),  # (?P<m>{MONTH_FULL})
        _bare_month: (months, ("m1",)),  # (?P<m1>{MONTH_FULL})
        _year_rule: (digits, ("y",)),  # (?P<y>\d{4}) after \s or (?<![\w...])
        _numeric: (digits, ("y", "Y")),  # (?P=s)(?P<y>\d{4}) or (?<![\w...])(?P<Y>\d{4})
        _weekday: (_Anchor(words=tuple(t["weekdays"])), ("wd",)),  # (?P<wd>{WD})
        _relative_period: (_Anchor(words=("tahun", "bulan", "pekan", "minggu", "hari")), ("u",)),
        _part_alone: (_Anchor(words=tuple(t["parts"])), ("part",)),  # (?P<part>{PART})\s+
        _relative_day: (_Anchor(words=("hari", "kemarin", "besok", "esok", "lusa", "tadi")), ("w",)),  # hari\s+ini|...
        _holiday: (_Anchor(words=tuple(t["holidays"])), ("h",)),  # (?P<h>{HOLIDAY})
        _quarter_rel: (_Anchor(words=tuple(t["period_parts"])), ("q",)),  # (?P<q>kuartal|...)\s+
    }


_REPEATS = (_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", _sre.MAX_REPEAT))
_SPACE = [(_sre.CATEGORY, _sre.CATEGORY_SPACE)]


def _width(items: list, groups: dict) -> float:
    """The most characters other than whitespace that matching the parsed ``items`` consumes or looks ahead at
    (``inf`` when unbounded): one per element, none for \\s and its repeats, a lookbehind none (it reads backwards).
    ``groups`` collects the width of each group, for its back-references."""
    total = 0.0
    for op, av in items:
        if op in (_sre.LITERAL, _sre.NOT_LITERAL, _sre.ANY, _sre.AT):
            width = 1.0
        elif op is _sre.IN:
            width = 0.0 if av == _SPACE else 1.0
        elif op is _sre.SUBPATTERN:
            width = _width(av[-1], groups)
            groups[av[0]] = width
        elif op is _sre.BRANCH:
            width = max(_width(branch, groups) for branch in av[1])
        elif op in _REPEATS:
            inner = _width(av[2], groups)
            width = 0.0 if inner == 0 else (float("inf") if av[1] is _sre.MAXREPEAT else av[1] * inner)
        elif op in (_sre.ASSERT, _sre.ASSERT_NOT):
            width = _width(av[1], groups) if av[0] == 1 else 0.0
        elif op is _sre.GROUPREF:
            width = groups.get(av, float("inf"))
        else:
            width = float("inf")  # anything else: no window
        total += width
    return total


def _lead(items: list, anchors: frozenset, groups: dict) -> Optional[float]:
    """The most non-space characters matched before the first of the groups ``anchors`` (by number) when every
    match of ``items`` holds one outside optional parts, else None."""
    before = 0.0
    for op, av in items:
        if op is _sre.SUBPATTERN and av[0] in anchors:
            return before
        inner = None
        if op is _sre.SUBPATTERN:
            inner = _lead(av[-1], anchors, groups)
        elif op is _sre.BRANCH:
            leads = [_lead(branch, anchors, groups) for branch in av[1]]
            inner = None if None in leads else max(leads)
        elif op in _REPEATS and av[0] >= 1:
            inner = _lead(av[2], anchors, groups)
        if inner is not None:
            return before + inner
        before += _width([(op, av)], groups)
    return None


@lru_cache(maxsize=None)
def _windows() -> list[Optional[tuple[_Anchor, int, int]]]:
    """For each rule of RULES, in order: its anchor, B and N (see above), or None (scanned whole)."""
    table = _anchor_table()
    out = []
    for pattern, handler in _rules():
        if handler not in table:
            out.append(None)
            continue
        anchor, names = table[handler]
        try:
            tree = _sre.parse(pattern.pattern, pattern.flags)
            lead = _lead(list(tree), frozenset(pattern.groupindex[name] for name in names), {})
            reach = _width(list(tree), {})
        except Exception:  # the re module's parser is not a public interface: if it changes, scan whole texts
            lead, reach = None, float("inf")
        bounded = lead is not None and reach != float("inf")  # else (a rule edited so) scanned whole; a test fails
        out.append((anchor, int(lead), int(reach)) if bounded else None)
    return out


@lru_cache(maxsize=None)
def _non_space(n: int) -> re.Pattern:
    """``n`` characters other than whitespace, with any whitespace before each."""
    return re.compile(rf"(?:\s*\S){{{n}}}")


def _spans(starts: list[int], lower: str, backwards: str, lead: int, reach: int) -> list[tuple[int, int, int]]:
    """The windows (S, L, E) of a rule with these anchor ``starts``: matches may start in S..L; search up to E.
    ``backwards`` is ``lower`` reversed, to count non-space characters back from an anchor."""
    back, ahead = _non_space(lead + 1), _non_space(reach + 1)
    n = len(lower)
    out: list[list[int]] = []
    for at in starts:
        m = back.match(backwards, n - at)  # the (lead+1)-th non-space character before ``at`` is lower[n - m.end()]
        first = n - m.end() + 1 if m else 0
        m = ahead.match(lower, at)
        _add_window(out, first, at, m.end() if m else n)
    return [tuple(span) for span in out]


def _add_window(out: list[list[int]], first: int, at: int, end: int) -> None:
    """Append the window (``first``, ``at``, ``end``) of the next anchor to ``out``, or widen the last window when the
    two overlap or touch: one search covers both."""
    if out and first <= out[-1][2]:
        out[-1][1:] = [at, max(end, out[-1][2])]
    else:
        out.append([first, at, end])


def _scan_windows(pattern: re.Pattern, text: str, spans: list[tuple[int, int, int]]) -> list[re.Match]:
    """``list(pattern.finditer(text))`` when every match starts in one of ``spans`` (S, L, E) and an attempt at any
    start up to L reads nothing at or past E."""
    out = []
    pos = 0
    for first, last, end in spans:
        pos = max(pos, first)
        while pos <= last:
            m = pattern.search(text, pos, end)
            if m is None or m.start() > last:
                break
            out.append(m)
            pos = m.end()
    return out


# _ago and _duration have no such bound: {NUM} ("dua ratus lima puluh", "1.000.000") runs on before their unit, and
# _duration's second part ("tiga tahun lima bulan") after it. Their windows are counted in words (runs of non-space
# characters) instead. Every match holds a first duration word (a unit after {NUM} or {VAGUE}, an "se-" unit, a
# "ber-" form), its anchor, which has no letter, digit or underscore before it. Before the anchor a match holds only
# {NUM} or {VAGUE} and whitespace, and {NUM} and {VAGUE} stop at the end of a word: every word of the match before
# its anchor's word is a whole number word, vague word or run of digits (a "lead word"), except its first word,
# which may carry a character before the match ("(3 tahun"). So a match starts no earlier than the first word, going
# back from the anchor, that is not a lead word. After the anchor's word an _ago match reads at most two more words
# ("yang lalu") and the character after them; a _duration match a run of lead words, one more word and the
# character after it. tests/test_date_windows.py checks these windows as it checks the others.
_NON_SPACE = re.compile(r"\S*")
_NEXT_WORD = re.compile(r"\s+(\S+)")  # on the text, the next word; on the reversed text, the previous one
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")


@lru_cache(maxsize=None)
def _lead_words() -> frozenset[str]:
    """The words {NUM} and {VAGUE} are made of (lower case)."""
    words = set()
    for phrase in [*number_words(), *_t()["vague_durations"]]:
        words.update(phrase.lower().split())
    return frozenset(words)


def _is_lead(word: str, lead: frozenset[str]) -> bool:
    return word in lead or _DIGITS.fullmatch(word) is not None


@dataclass(frozen=True)
class _RunWindow:
    """The windows of a rule whose matches start a run of lead words before their anchor (see above): ``anchor``
    tells where anchors may start; ``after`` is the number of words a match reads after its anchor's word, or None
    for a run of lead words and one more word."""

    anchor: _Anchor
    after: Optional[int]

    def spans(self, lower: str, backwards: str, starts: list[int]) -> list[tuple[int, int, int]]:
        """The windows (S, L, E) of the rule in the lower-cased text, given the ``starts`` of its anchor there;
        ``backwards`` is the text reversed."""
        lead = _lead_words()
        n = len(lower)
        out: list[list[int]] = []
        for at in starts:
            pos = n - _NON_SPACE.match(backwards, n - at).end()  # the start of the anchor's word
            while True:  # back over lead words; the window starts at the first other word (or the text's start)
                word = _NEXT_WORD.match(backwards, n - pos)
                if word is None:
                    first = 0
                    break
                pos = n - word.end()
                if not _is_lead(word.group(1)[::-1], lead):
                    first = pos
                    break
            end = _NON_SPACE.match(lower, at).end()  # the end of the anchor's word
            for _ in range(self.after if self.after is not None else n):
                word = _NEXT_WORD.match(lower, end)
                if word is None:
                    break
                end = word.end()
                if self.after is None and not _is_lead(word.group(1), lead):
                    break
            _add_window(out, first, at, min(end + 1, n))
        return [tuple(span) for span in out]


@lru_cache(maxsize=None)
def _run_windows() -> dict[Callable[[str, re.Match], Optional[Expr]], _RunWindow]:
    t = _t()
    # units after {NUM} or {VAGUE}, "se-" units, and _duration's "ber-" forms (all in "vague_durations")
    anchor = _Anchor(words=(*t["duration_units"], *t["se_units"], *t["vague_durations"]))
    return {_ago: _RunWindow(anchor, 2), _duration: _RunWindow(anchor, None)}


# --- finding, joining, resolving -----------------------------------------------------------------------------------

RANGE_GAP = re.compile(r"\s*(?:-|–|—|s/d|s\.d\.?|hingga|sampai(?:\s+dengan)?)\s*|\s+dan\s+", re.IGNORECASE)
TIME_GAP = re.compile(r"^\s*,?\s*(?:(?:sekitar|mulai|sejak|pada|dari)\s+)?$", re.IGNORECASE)


ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
class _Match:
    """A match found in the lower-cased text, read back in the original text's case."""

    __slots__ = ("_m", "_text")

    def __init__(self, m: re.Match, text: str):
        self._m, self._text = m, text

    def __getitem__(self, key: str) -> Optional[str]:
        start, end = self._m.span(key)
        return None if start < 0 else self._text[start:end]

    def group(self) -> str:
        return self._text[self._m.start() : self._m.end()]

    def start(self, group: int | str = 0) -> int:
        return self._m.start(group)

    def end(self, group: int | str = 0) -> int:
        return self._m.end(group)


def find(text: str, blocked: Iterable[tuple[int, int]] = (), *, gates: bool = True,
         windows: bool = True) -> list[Expr]:
    """Every date and duration expression of ``text``, in order, not overlapping each other nor ``blocked``
    character ranges (money already found). Ranges of two dates and a date with its clock time are joined.
    ``gates=False`` scans every rule, also those whose gate is closed, and ``windows=False`` scans each over the
    whole text (the same result, slower)."""
    lower = text.translate(ASCII_LOWER)
    words = frozenset(_LETTERS.findall(lower)) if gates or windows else frozenset()
    backwards = lower[::-1] if windows else ""
    anchors: dict[_Anchor, list[int]] = {}
    runs = _run_windows() if windows else {}
    used = bytearray(len(text) + 1)
    for start, end in blocked:
        used[start:end] = b"\x01" * (end - start)
    candidates = []
    for order, ((pattern, fast, handler), gate, window) in enumerate(zip(_scanners(), _gates(), _windows())):
        if gates and not _open(gate, words, lower):
            continue
        if windows and window is not None:
            anchor, lead, reach = window
            if anchor not in anchors:
                anchors[anchor] = anchor.starts(lower, words)
            found = _scan_windows(pattern, lower, _spans(anchors[anchor], lower, backwards, lead, reach))
        elif handler in runs:
            run = runs[handler]
            if run.anchor not in anchors:
                anchors[run.anchor] = run.anchor.starts(lower, words)
            found = _scan_windows(pattern, lower, run.spans(lower, backwards, anchors[run.anchor]))
        else:
            found = _scan(pattern, fast, lower)
        for m in found:
            if used.find(1, m.start(), m.end()) >= 0:
                continue
            expr = handler(text, _Match(m, text))
            if expr is not None:
                candidates.append((expr, order))
    candidates.sort(key=lambda c: (-(c[0].end - c[0].start), c[1], c[0].start))
    taken: list[Expr] = []
    for expr, _ in candidates:
        if used.find(1, expr.start, expr.end) < 0:
            used[expr.start : expr.end] = b"\x01" * (expr.end - expr.start)
            taken.append(expr)
    taken.sort(key=lambda e: e.start)
    return _join_times(text, _join_ranges(text, taken))


def _join_ranges(text: str, exprs: list[Expr]) -> list[Expr]:
    out: list[Expr] = []
    for expr in exprs:
        prev = out[-1] if out else None
        if prev is not None and prev.label == expr.label == "DATE" and "time" not in (prev.kind, expr.kind):
            gap = text[prev.end : expr.start]
            between = gap.strip().lower() != "dan" or _word_before(text, prev.start) == "antara"
            if RANGE_GAP.fullmatch(gap) and between:
                out[-1] = _range_expr(prev, expr)
                continue
        out.append(expr)
    return out


def _range_expr(first: Expr, second: Expr) -> Expr:
    def value(ref: Optional[dt.date], year: Optional[int]) -> Optional[str]:
        end = second.resolve(ref, year)
        if end is None:
            return None
        end_point = end.split("/")[-1]
        context = int(end_point[:4]) if first.needs_year and end_point[:4].isdigit() else year
        start = first.resolve(ref, context)
        if start is not None and first.needs_year and start.split("/")[0] > end_point and context:
            start = first.resolve(ref, context - 1)
        return _range(start and start.split("/")[0], end_point)

    return Expr(first.start, second.end, "DATE", "range", value, anchor=first.anchor or second.anchor,
                full=second.full, needs_year=first.needs_year and second.needs_year,
                qualifier=first.qualifier or second.qualifier)


def _join_times(text: str, exprs: list[Expr]) -> list[Expr]:
    out: list[Expr] = []
    for expr in exprs:
        prev = out[-1] if out else None
        if prev is not None and "time" in (prev.kind, expr.kind) and prev.kind != expr.kind:
            date, clock = (prev, expr) if expr.kind == "time" else (expr, prev)
            if date.label == "DATE" and TIME_GAP.match(text[prev.end : expr.start]):
                out[-1] = replace(date, start=prev.start, end=expr.end, kind="datetime", time=clock.time,
                                  resolve=_with_time(date.resolve, clock.time))
                continue
        out.append(expr)
    return out


def _clock_text(time: tuple, date: Optional[str]) -> str:
    h, mi, h2, mi2 = time
    start = f"{date or ''}T{h:02d}:{mi:02d}"
    return start if h2 is None else f"{start}/{date or ''}T{h2:02d}:{mi2:02d}"


def _with_time(resolve_date: Resolver, time: tuple) -> Resolver:
    def value(ref: Optional[dt.date], year: Optional[int]) -> Optional[str]:
        date = resolve_date(ref, year)
        if date is None or len(date) != 10:
            return date
        return _clock_text(time, date)

    return value


def _resolved(expr: Expr) -> Optional[str]:
    """An expression's value without a reference date, None where it cannot be computed."""
    try:
        value = expr.resolve(None, None)
    except (ArithmeticError, ValueError):
        return None
    return value if is_valid(expr.label, value) else None


def infer_ref_date(text: str, exprs: list[Expr]) -> Optional[tuple[dt.date, str]]:
    """A reference date from the text itself: a dateline ("Jakarta, Rabu (4/2/2015)", "JAKARTA, 15 Desember
    2025", or a full date opening a line and followed by a dash, a bar or the line's end), else the latest full
    explicit date; with its source, "dateline" or "latest-date"."""
    for expr in exprs:
        if expr.start > 200:
            break
        line_start = text.rfind("\n", 0, expr.start) + 1
        lead = text[line_start : expr.start]
        placed = re.fullmatch(r"\s*[A-Z][\w .()/-]{0,40},\s*(?:\w+,\s*)?", lead) or (
            not lead.strip() and re.match(r"[ \t]*(?:[-–—|]|\n|$)", text[expr.end :])
        )
        if expr.dateline or (expr.full and placed):
            value = _resolved(expr)
            if value and len(value.split("T")[0]) == 10:
                return dt.date.fromisoformat(value[:10]), "dateline"
    days = []
    for expr in exprs:
        if expr.full:
            value = _resolved(expr)
            if value:
                point = value.split("/")[-1][:10]
                if len(point) == 10:
                    days.append(point)
    if days:
        return dt.date.fromisoformat(max(days)), "latest-date"
    return None


def resolve(exprs: list[Expr], ref: Optional[dt.date], sentence_starts: Iterable[int] = (0,)) -> list[Found]:
    """Values for ``exprs`` (in text order): a bare month takes the nearest explicit year before it in its sentence,
    then in the document, then the reference date's; a day alone ("tanggal 20") takes the month the same way; a
    lone clock time takes the day of the sentence's date."""
    starts = sorted(sentence_starts) or [0]
    out = []
    sent_year: dict[int, int] = {}
    doc_year: Optional[int] = None
    sent_month: dict[int, str] = {}
    doc_month: Optional[str] = None
    sent_day: dict[int, str] = {}
    for expr in exprs:
        sentence = bisect_right(starts, expr.start) - 1
        context = sent_year.get(sentence, doc_year)
        try:
            if expr.kind == "time":
                value = _clock_text(expr.time, sent_day.get(sentence))
            elif expr.kind == "day":
                month = sent_month.get(sentence, doc_month) or (ref and f"{ref.year:04d}-{ref.month:02d}")
                value = _days_in(month, expr.days) if month else None
            else:
                value = expr.resolve(ref, context)
        except (ArithmeticError, ValueError):  # "9999999 hari lagi": past the calendar's end
            value = None
        if not is_valid(expr.label, value):  # no "T24:00", "999-W24" or reversed range: no value rather than a bad one
            value = None
        if value and expr.anchor and value[:4].isdigit():
            year = int(value.split("/")[-1][:4])
            sent_year[sentence] = doc_year = year
        last = value.split("/")[-1] if value else ""
        if re.match(r"\d{4}-\d{2}(?:-|$)", last):
            sent_month[sentence] = doc_month = last[:7]
        if value and len(value.split("T")[0].split("/")[0]) == 10:
            sent_day[sentence] = value[:10]
        out.append(Found(expr.start, expr.end, expr.label, value, expr.qualifier))
    return out


def _days_in(month: str, days: tuple) -> Optional[str]:
    y, m = int(month[:4]), int(month[5:7])
    d1, d2 = days
    return _range(_day(y, m, d1), _day(y, m, d2)) if d2 else _day(y, m, d1)


def normalize(text: str, ref: Optional[dt.date] = None, sentence_starts: Iterable[int] = (0,),
              blocked: Iterable[tuple[int, int]] = ()) -> tuple[list[Found], Optional[dt.date], Optional[str]]:
    """Find and resolve the dates and durations of ``text``. Without ``ref`` one is inferred from the text.

    Returns the expressions, the reference date used and its source (None when ``ref`` was given or none found).
    """
    exprs = find(text, blocked)
    source = None
    if ref is None:
        inferred = infer_ref_date(text, exprs)
        if inferred:
            ref, source = inferred
    return resolve(exprs, ref, sentence_starts), ref, source
