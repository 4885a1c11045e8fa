"""Rules for the forms read against the reference date, and for clock times and durations: weekdays ("Senin
lalu"), relative days ("kemarin") and periods ("bulan depan", "akhir pekan ini"), "tiga tahun lalu", "kuartal ini",
anaphoric times ("tahun sebelumnya"), "pukul 10.00 WIB" and "tiga tahun lima bulan".

Each handler turns a match of its rule (:mod:`factx.dates.rules`) into an :class:`~factx.dates.values.Expr`, or
None to reject it.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Optional

from ..numbers import parse_number
from .grammar import _qualifier, _word_before
from .resolver import _year_of
from .values import Expr, _month, _range, _shift_months, _t, _week, _weekday_number, _year, duration_value

__all__: list[str] = []  # rule handlers for factx.dates.rules; the public names are in factx.dates


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


def _anaphoric(text: str, m: re.Match) -> Optional[Expr]:
    """ "tahun sebelumnya", "hari berikutnya": relative to another time in the text, left without a value."""
    return Expr(m.start(), m.end(), "DATE", "anaphoric", lambda ref, year: None)


def _is_number_token(word: str) -> bool:
    return bool(re.fullmatch(r"\(?\d[\d.,)-]*", word))


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
