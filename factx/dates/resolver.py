"""Resolution against a reference date and the year in context.

The helpers at the top give the year of "Maret lalu", "tahun depan", "15 Mei" (with its weekday) from the reference
date; the rules call them inside each expression's ``resolve``. :func:`infer_ref_date` picks a reference date from
the text itself (a dateline, else the latest full date); :func:`resolve` walks the hits of one text in order and
gives each its value, carrying the year, month and day in context from one hit to the next.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from typing import Iterable, Optional

from .values import Expr, Found, _clock_text, _days_in

__all__ = ["infer_ref_date", "resolve"]


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
            value = expr.resolve(None, None)
            if value and len(value.split("T")[0]) == 10:
                return dt.date.fromisoformat(value[:10]), "dateline"
    days = []
    for expr in exprs:
        if expr.full:
            value = expr.resolve(None, None)
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
        if expr.kind == "time":
            value = _clock_text(expr.time, sent_day.get(sentence))
        elif expr.kind == "day":
            month = sent_month.get(sentence, doc_month) or (ref and f"{ref.year:04d}-{ref.month:02d}")
            value = _days_in(month, expr.days) if month else None
        else:
            try:
                value = expr.resolve(ref, context)
            except (OverflowError, ValueError):  # "9999999 hari lagi": past the calendar's end
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
