"""Years that belong to a name: the year of a law citation ("Peraturan Menteri Perdagangan Nomor 12 Tahun 2005",
"UU No. 31 Tahun 2004", "UUD 1945") and a bare year inside or right after an organisation's or an event's name
("Brussels Golden League 2005": a name the model found, or two capitalised words). They stay DATE mentions, but :func:`factx.dates.resolve` does not let them give a year to the
year-less dates after them, nor count them among the years that pin a weekday's year; the component marks their
spans with ``span._.date_in_name``.

The words that cite a law are ``law_citation_words`` of ``factx/lang/dates.json``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from .values import Expr, _alt, _t

__all__ = ["mark_names"]


@lru_cache(maxsize=None)
def _law_before() -> re.Pattern:
    """What ends right before a law's year: "Nomor 12 " (before "Tahun 2005"), "No. 31/", "UUD "."""
    words = _alt(_t()["law_citation_words"])
    return re.compile(
        rf"(?:(?<![\w])(?:nomor|nomer|nmr|no)\.?\s*\d+[a-z]?\s*(?:tahun\s+)?|(?<![\w])(?:{words})\s+(?:tahun\s+)?)$",
        re.IGNORECASE,
    )


def _law_year(text: str, expr: Expr) -> bool:
    return _law_before().search(text, max(0, expr.start - 40), expr.start) is not None


_NAME_RUN = re.compile(r"(?<![\w-])[A-Z][\w-]*[a-z][\w-]* [A-Z][\w-]*[a-z][\w-]* $")


def _after_name(text: str, expr: Expr) -> bool:
    """A bare year right after two capitalised words: "Golden League 2005", "Piala Dunia 2006" (not an acronym
    alone, "APBN 2007", nor one word, "Pada 2005")."""
    head = text[max(0, expr.start - 80) : expr.start]
    m = _NAME_RUN.search(head)
    if m is None:
        return False
    months, weekdays = _t()["months"], _t()["weekdays"]
    return not any(word.lower() in months or word.lower() in weekdays for word in m.group().split())


def mark_names(text: str, exprs: list[Expr], names: Iterable[tuple[int, int]] = ()) -> list[Expr]:
    """Set ``in_name`` on the years of ``exprs`` that belong to a name: a law citation, or a bare year inside or
    right after (one space) one of the ``names`` character ranges (organisation and event names the model found) or
    two capitalised words."""
    ranges = sorted(names)
    for expr in exprs:
        if expr.label != "DATE" or expr.kind != "year":
            continue
        if _law_year(text, expr):
            expr.in_name = True
            continue
        if not text[expr.start : expr.end][:1].isdigit():
            continue
        if _after_name(text, expr):
            expr.in_name = True
            continue
        for start, end in ranges:
            if start > expr.start:
                break
            inside = expr.end <= end
            after = end <= expr.start and text[end : expr.start] == " "
            if inside or after:
                expr.in_name = True
                break
    return exprs
