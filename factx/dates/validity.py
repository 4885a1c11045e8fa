"""Is a DATE or DURATION value well formed? The ISO 8601 / TIMEX forms factx writes, checked strictly.

DATE values: a year "2025", a month "2025-03", a day "2025-12-15", a week "2025-W51", a time of day "T10:00"
alone or after a day "2025-12-15T10:00", and ranges "start/end" of these whose start does not come after their end.
Years have four digits (0001-9999), hours 00-23 (never 24:00), weeks exist in their ISO year. A year the text does
not give is "XXXX" (TIMEX3, see :data:`factx.dates.values.UNKNOWN_YEAR`): "XXXX-08-26", "XXXX-10", "XXXX-XX-20"
(an unknown month too), "XXXX-12-24/XXXX-01-03"; its month and day must exist in some year (29 February does),
and a range with an unknown year is not checked for order (it may run into the next year). DURATION values:
"P10Y", "P3M10D", "P0.5Y", "PT3H", "PT30M" (at least one component, time components after "T").

Named ``validity`` so as not to be taken for :mod:`factx.dates.values`, which builds the values this checks.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Optional

__all__ = ["is_valid", "valid_date", "valid_duration"]

POINT = re.compile(
    r"(?:(?P<y>\d{4})(?:-(?:(?P<m>\d{2})(?:-(?P<d>\d{2}))?|W(?P<w>\d{2})))?)?"
    r"(?:T(?P<hh>\d{2}):(?P<mm>\d{2}))?"
)
# A point whose year is unknown: "XXXX", "XXXX-08", "XXXX-08-26", "XXXX-XX-20", with a time after a day.
UNKNOWN_POINT = re.compile(r"XXXX(?:-(?P<m>\d{2}|XX)(?:-(?P<d>\d{2}))?)?(?:T(?P<hh>\d{2}):(?P<mm>\d{2}))?")
LEAP_YEAR = 2000  # a year in which every month and day of the calendar exists
NUMBER = r"\d+(?:\.\d+)?"
DURATION = re.compile(
    rf"P(?=.)(?:{NUMBER}Y)?(?:{NUMBER}M)?(?:{NUMBER}W)?(?:{NUMBER}D)?"
    rf"(?:T(?=.)(?:{NUMBER}H)?(?:{NUMBER}M)?(?:{NUMBER}S)?)?"
)


def _bounds(point: str) -> Optional[tuple[tuple, tuple, bool]]:
    """The first and last instant a point covers as comparable tuples, and whether it has a date; None if invalid."""
    m = POINT.fullmatch(point)
    if not point or m is None:
        return None
    y, mo, d, w, hh, mm = m.group("y", "m", "d", "w", "hh", "mm")
    if hh is not None and not (int(hh) <= 23 and int(mm) <= 59):
        return None
    if y is None:  # a time of day alone
        return ((int(hh), int(mm)), (int(hh), int(mm)), False) if hh is not None else None
    year = int(y)
    try:
        if w is not None:
            first = dt.date.fromisocalendar(year, int(w), 1)
            last = dt.date.fromisocalendar(year, int(w), 7)
        elif d is not None:
            first = last = dt.date(year, int(mo), int(d))
        elif mo is not None:
            first = dt.date(year, int(mo), 1)
            last = (dt.date(year + 1, 1, 1) if int(mo) == 12 else dt.date(year, int(mo) + 1, 1)) - dt.timedelta(1)
        else:
            first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    except (ValueError, OverflowError):
        return None
    if hh is not None and (w is not None or d is None):
        return None  # a time goes after a day only
    start = (first.toordinal(), int(hh) if hh else 0, int(mm) if mm else 0)
    end = (last.toordinal(), int(hh) if hh else 23, int(mm) if mm else 59)
    return start, end, True


def _valid_unknown(point: str) -> bool:
    """A point with an unknown year ("XXXX-08-26"): its month and day exist, a time only after a day."""
    m = UNKNOWN_POINT.fullmatch(point)
    if m is None:
        return False
    mo, d, hh, mm = m.group("m", "d", "hh", "mm")
    if mo == "XX" and d is None or hh is not None and (d is None or not (int(hh) <= 23 and int(mm) <= 59)):
        return False
    try:
        dt.date(LEAP_YEAR, 1 if mo in (None, "XX") else int(mo), int(d) if d else 1)
    except ValueError:
        return False
    return True


def valid_date(value: str) -> bool:
    """A DATE value: one point, or a range "a/b" of two points of the same kind (both dated, or both times of day)
    where a does not begin after b ends (not checked when a year is unknown)."""
    parts = value.split("/")
    if len(parts) > 2:
        return False
    if any(part.startswith("XXXX") for part in parts):
        return all(_valid_unknown(part) if part.startswith("XXXX") else _bounds(part) is not None
                   and _bounds(part)[2] for part in parts)
    bounds = [_bounds(part) for part in parts]
    if any(b is None for b in bounds):
        return False
    if len(bounds) == 2:
        (start, _, dated_a), (_, end, dated_b) = bounds
        if dated_a != dated_b or start > end:
            return False
    return True


def valid_duration(value: str) -> bool:
    """A DURATION value: "P" then at least one component ("P10Y", "PT3H", "P0.5Y")."""
    return bool(DURATION.fullmatch(value))


def is_valid(label: str, value: Optional[str]) -> bool:
    """True when ``value`` is None or a well-formed value for ``label`` ("DATE" or "DURATION"; other labels pass)."""
    if value is None:
        return True
    if label == "DATE":
        return valid_date(value)
    if label == "DURATION":
        return valid_duration(value)
    return True
