"""The values of date and duration expressions: what a hit is (:class:`Expr`, :class:`Found`), the word tables of
``factx/lang/dates.json``, and ISO 8601 building: days, months, years, ranges "start/end", ISO weeks "2025-W51",
clock times "2025-12-15T10:00" and durations "P10Y", "PT3H" (:func:`duration_value`).

Imports nothing else of :mod:`factx.dates`: every other module of the package builds on this one.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Callable, Iterable, Optional

from ..lang import load_json

__all__ = ["Expr", "Found", "Resolver", "YEAR_SOURCES", "UNKNOWN_YEAR", "duration_value"]


Resolver = Callable[[Optional[dt.date], Optional[int]], Optional[str]]


@dataclass
class Expr:
    """One date or duration expression found in a text (character offsets ``start:end``).

    ``resolve(ref, year)`` gives the value from the reference date and the year in context (the nearest explicit
    year before it), either of which may be None. ``anchor``: the expression states a year that later bare months
    take. ``full``: day, month and year are all written (a candidate reference date). ``dateline``: the weekday
    "(d/m/yyyy)" form of news datelines. ``time``: for a clock time, ``(hour, minute, hour2, minute2)``.
    ``days``: for a day of the month alone ("tanggal 20"), ``(day, last day or None)``. ``pin``: for a date with
    its weekday and no year ("Jumat (26/8)"), ``(weekday, month, day)``, which can pin the year. ``in_name``: a
    year that belongs to a name (a law citation "Nomor 12 Tahun 2005", "Golden League 2005"; see
    :mod:`factx.dates.names`), which gives no year to the dates after it. ``relative``: a day or month whose year (or
    month) counts from the reference date ("31 Agustus mendatang", "Minggu lalu (9/2)", "Oktober tahun depan",
    "tanggal 20 mendatang"): ``resolve(ref, None)`` is its value against ``ref``, ``resolve(None, year)`` its value
    in ``year``; it takes no year from context.
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
    pin: Optional[tuple] = None
    in_name: bool = False
    relative: bool = False


# Where the year of a DATE value comes from (``Found.year_source``): written in the expression itself; taken from
# an explicit year before it in the document; pinned by its weekday among the years the document mentions; from
# the reference date. None: no year in the value (an underspecified "XXXX-08-26", a clock time alone, no value).
YEAR_SOURCES = ("text", "context", "inferred", "reference")


@dataclass
class Found:
    """A resolved expression: what the component puts on ``doc.ents``. ``year_source``: one of
    :data:`YEAR_SOURCES` or None; ``in_name``: see :class:`Expr`."""

    start: int
    end: int
    label: str
    value: Optional[str]
    qualifier: Optional[str] = None
    year_source: Optional[str] = None
    in_name: bool = False


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


def _clock_text(time: tuple, date: Optional[str]) -> str:
    h, mi, h2, mi2 = time
    start = f"{date or ''}T{h:02d}:{mi:02d}"
    return start if h2 is None else f"{start}/{date or ''}T{h2:02d}:{mi2:02d}"


def _days_in(month: Optional[str], days: tuple) -> Optional[str]:
    """The days ``days`` of ``month`` ("2005-08", "XXXX-08", or None for an unknown month: "XXXX-XX-20")."""
    d1, d2 = days
    if month is None:
        return _range(f"XXXX-XX-{d1:02d}", f"XXXX-XX-{d2:02d}") if d2 else f"XXXX-XX-{d1:02d}"
    unknown = month.startswith(UNKNOWN_YEAR)
    y, m = PLACEHOLDER_YEAR if unknown else int(month[:4]), int(month[5:7])
    value = _range(_day(y, m, d1), _day(y, m, d2)) if d2 else _day(y, m, d1)
    return _mask_year(value) if unknown else value


# An underspecified year in the TIMEX3 convention (TimeML, HeidelTime): "XXXX-08-26" is 26 August of a year the
# text does not give. A year-less expression is resolved with the leap year 2000 in its place, then masked.
UNKNOWN_YEAR = "XXXX"
PLACEHOLDER_YEAR = 2000
_POINT_YEAR = re.compile(r"(?:^|(?<=/))\d{4}(?=-|/|$)")


def _mask_year(value: Optional[str]) -> Optional[str]:
    """``value`` with the year of each of its points made unknown: "2000-08-26" -> "XXXX-08-26",
    "1999-12-24/2000-01-03" -> "XXXX-12-24/XXXX-01-03", "2000-09/2000" -> "XXXX-09/XXXX"; a value of years alone
    ("2000") gives None: nothing is known."""
    if value is None:
        return None
    masked = _POINT_YEAR.sub(UNKNOWN_YEAR, value)
    return None if masked == value or not re.search(r"\d", masked) else masked
