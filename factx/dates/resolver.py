"""Resolution against a reference date and the year in context.

The helpers at the top give the year of "Maret lalu", "tahun depan", "15 Mei" (with its weekday) from the reference
date; the rules call them inside each expression's ``resolve``. :func:`infer_ref_date` picks a reference date from
the text itself (a dateline, else the latest full date); :func:`resolve` walks the hits of one text in order and
gives each its value, carrying the year, month and day in context from one hit to the next, and says where the
value's year comes from (``Found.year_source``). A year-less date with neither a year in context nor a reference
date takes the one year its weekday fits next to the years the document writes (:func:`_pinned_year`), else an
unknown year "XXXX" (resolved with a placeholder year that is then masked, :func:`~factx.dates.values._mask_year`).
No expression raises out of here: one whose value falls outside the calendar (an ``ArithmeticError`` or
``ValueError`` while resolving) or is no valid ISO 8601 / TIMEX value (:func:`~factx.dates.validity.is_valid`:
"T24:00", a week of a year before 1, a range that ends before it starts) gets no value.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from typing import Callable, Iterable, Optional

from .validity import is_valid
from .values import PLACEHOLDER_YEAR, UNKNOWN_YEAR, Expr, Found, Resolver, _clock_text, _days_in, _mask_year

__all__ = ["infer_ref_date", "resolve"]


def _year_of(ref: Optional[dt.date], year: Optional[int]) -> Optional[int]:
    return year if year is not None else (ref.year if ref else None)


def _relative_year(ref: Optional[dt.date], rel: str) -> Optional[int]:
    if ref is None:
        return None
    rel = rel.lower().split()[-1]
    return ref.year + {"ini": 0, "lalu": -1, "kemarin": -1, "depan": 1}[rel]


PAST = ("lalu", "silam", "kemarin")
FUTURE = ("depan", "mendatang", "nanti", "datang")


def _month_year_rel(ref: Optional[dt.date], rel: str, month: int, day: int = 0) -> Optional[int]:
    """The year of "Maret lalu", "Maret depan", "Maret tahun ini", "15 Maret lalu", "15 Maret mendatang" against
    ``ref``: the last such month or day before it, the next one after it (a day: on or after it), or its year."""
    if ref is None:
        return None
    rel = " ".join(rel.lower().split())
    if rel.startswith("tahun"):
        return _relative_year(ref, rel)
    here = (ref.month, ref.day)
    last = rel.split()[-1]
    if last in PAST:
        return ref.year if (month, day) < here else ref.year - 1
    if last in FUTURE:
        return ref.year if (month, day) > here or (day and (month, day) == here) else ref.year + 1
    return ref.year


def _relative(value_in: Callable[[int], Optional[str]], year_from: Callable[[dt.date], Optional[int]]) -> Resolver:
    """The ``resolve`` of a relative expression (:attr:`~factx.dates.values.Expr.relative`): ``value_in`` the year
    that ``year_from`` gives for the reference date, or the year given when there is no reference date."""
    def resolve(ref: Optional[dt.date], year: Optional[int]) -> Optional[str]:
        y = year_from(ref) if ref is not None else year
        return value_in(y) if y else None

    return resolve


def _month_of_day(ref: dt.date, rel: str, day: int) -> Optional[tuple[int, int]]:
    """The year and month of "tanggal 20 mendatang" (the next 20th on or after ``ref``), "tanggal 10 lalu" (the
    last one before it), "tanggal 20 ini" (``ref``'s month)."""
    last = rel.lower().split()[-1]
    step = -1 if last in PAST else 1 if last in FUTURE else 0
    y, m = ref.year, ref.month
    if step == 0:
        return y, m
    if (step < 0 and day >= ref.day) or (step > 0 and day < ref.day):
        y, m = _next_month(y, m, step)
    for _ in range(12):  # a month that has the day ("tanggal 31 mendatang" in April: May)
        try:
            dt.date(y, m, day)
            return y, m
        except ValueError:
            y, m = _next_month(y, m, step)
    return None


def _next_month(y: int, m: int, step: int) -> tuple[int, int]:
    total = y * 12 + m - 1 + step
    return total // 12, total % 12 + 1


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


def _years_mentioned(exprs: list[Expr]) -> set[int]:
    """The years written in the document's dates, outside names: those that can pin a weekday's year."""
    out = set()
    for expr in exprs:
        if expr.label != "DATE" or expr.needs_year or expr.in_name or expr.kind in ("time", "day"):
            continue
        try:
            value = expr.resolve(None, None)
        except (ArithmeticError, ValueError):
            continue
        for point in (value or "").split("/"):
            if point[:4].isdigit():
                out.add(int(point[:4]))
    return out


def _pinned_year(pin: Optional[tuple], years: set[int]) -> Optional[int]:
    """The one year next to (or among) ``years`` in which the day and month of ``pin`` fall on its weekday."""
    if pin is None or not years:
        return None
    weekday, month, day = pin
    fits = set()
    for y in {y + step for y in years for step in (-1, 0, 1)}:
        try:
            if dt.date(y, month, day).weekday() == weekday:
                fits.add(y)
        except ValueError:
            continue
    return fits.pop() if len(fits) == 1 else None


def _has_year(value: Optional[str]) -> bool:
    return bool(value) and value.split("/")[-1][:4].isdigit()


def _value(expr: Expr, ref: Optional[dt.date], context: Optional[int],
           years: set[int]) -> tuple[Optional[str], Optional[str]]:
    """The value of one expression and where its year comes from (see :data:`~factx.dates.values.YEAR_SOURCES`)."""
    if expr.relative:  # its year counts from the reference date, never from context
        if ref is not None:
            value = expr.resolve(ref, None)
            return value, "reference" if _has_year(value) else None
        pinned = _pinned_year(expr.pin, years)
        if pinned is not None:
            return expr.resolve(None, pinned), "inferred"
        value = expr.resolve(None, PLACEHOLDER_YEAR)
        return (value if value is None or value.startswith(UNKNOWN_YEAR) else _mask_year(value)), None
    if not expr.needs_year:
        written = expr.resolve(None, None)
        if written is not None:
            return written, "text" if _has_year(written) else None
        value = expr.resolve(ref, context)
        return value, "reference" if _has_year(value) else None
    if context is not None and ref is None and _pinned_year(expr.pin, {context}) is None:
        pinned = _pinned_year(expr.pin, years)  # the weekday fits no year next to the context's
        if pinned is not None:
            return expr.resolve(None, pinned), "inferred"
    if context is not None or ref is not None:
        value = expr.resolve(ref, context)
        if context is not None and value == expr.resolve(None, context):
            return value, "context"
        return value, "reference" if _has_year(value) else None
    pinned = _pinned_year(expr.pin, years)
    if pinned is not None:
        return expr.resolve(None, pinned), "inferred"
    return _mask_year(expr.resolve(None, PLACEHOLDER_YEAR)), None


def _borrowed(source: Optional[str]) -> Optional[str]:
    """The year source of a day or a clock time that takes its month or day from another date: a year written
    there is, for this one, a year from context."""
    return "context" if source == "text" else source


def _value_in_context(expr: Expr, ref: Optional[dt.date], context: Optional[int], years: set[int],
                      day: Optional[tuple], month: Optional[tuple]) -> tuple[Optional[str], Optional[str]]:
    """The value and year source of one hit, given the sentence's day and month in context."""
    if expr.kind == "time":
        day_value, source = day or (None, None)
        return _clock_text(expr.time, day_value), _borrowed(source)
    if expr.days is not None:  # "tanggal 20", also with its clock time ("tanggal 20 pukul 10.00")
        if month is None and ref is not None:
            month = (f"{ref.year:04d}-{ref.month:02d}", "reference")
        value = _days_in(month and month[0], expr.days)
        if expr.time is not None and value and len(value) == 10:
            value = _clock_text(expr.time, value)
        return value, (_borrowed(month[1]) if month else None)
    return _value(expr, ref, context, years)


_MONTH_POINT = re.compile(r"(?:\d{4}|XXXX)-\d{2}(?:-|$)")


def resolve(exprs: list[Expr], ref: Optional[dt.date], sentence_starts: Iterable[int] = (0,)) -> list[Found]:
    """Values for ``exprs`` (in text order): a bare month takes the nearest explicit year before it in its sentence,
    then in the document, then the reference date's; a day alone ("tanggal 20") takes the month the same way; a
    lone clock time takes the day of the sentence's date. A year of a name (``Expr.in_name``) gives no year to
    others. With none of these, a date whose weekday fits exactly one year next to the years the document mentions
    takes that year ("inferred"), and any other keeps an unknown year: "XXXX-08-26", "XXXX-10", "XXXX-XX-20"."""
    starts = sorted(sentence_starts) or [0]
    years = _years_mentioned(exprs) if ref is None else set()
    out = []
    sent_year: dict[int, int] = {}
    doc_year: Optional[int] = None
    sent_month: dict[int, tuple[str, Optional[str]]] = {}
    doc_month: Optional[tuple[str, Optional[str]]] = None
    sent_day: dict[int, tuple[str, Optional[str]]] = {}
    for expr in exprs:
        sentence = bisect_right(starts, expr.start) - 1
        context = sent_year.get(sentence, doc_year)
        try:
            value, source = _value_in_context(expr, ref, context, years, sent_day.get(sentence),
                                              sent_month.get(sentence, doc_month))
        except (ArithmeticError, ValueError):  # "9999999 hari lagi": past the calendar's end
            value, source = None, None
        if not is_valid(expr.label, value):  # no "T24:00", "0109-W24" or reversed range: no value, not a bad one
            value, source = None, None
        if value and expr.anchor and not expr.in_name and value[:4].isdigit():
            year = int(value.split("/")[-1][:4])
            sent_year[sentence] = doc_year = year
        last = value.split("/")[-1] if value else ""
        if _MONTH_POINT.match(last):
            sent_month[sentence] = doc_month = (last[:7], source)
        if value and len(value.split("T")[0].split("/")[0]) == 10:
            sent_day[sentence] = (value[:10], source)
        out.append(Found(expr.start, expr.end, expr.label, value, expr.qualifier,
                         source if expr.label == "DATE" else None, expr.in_name))
    return out
