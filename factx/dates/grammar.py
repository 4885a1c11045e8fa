"""The shared pieces of the date rules: the named sub-patterns ({MONTH}, {WD}, {NUM}, ...) built from the word
tables, the words around a match, and the qualifier of an expression (a hedge such as "sekitar", a part such as
"awal")."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ..numbers import number_words
from .values import _alt, _t

__all__: list[str] = []  # the rules' sub-patterns and context words, for the other date modules; public names in factx.dates


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
        "ANNIV": rf"(?:{_alt(t['anniversaries'])})(?![\w])",
        "ANAPHORIC": rf"(?:{_alt(t['anaphoric'])})(?![\w])",
        "QUARTER": rf"(?:{_alt(t['period_parts'])}|kw\.?|tw\.?)",
        "ORD": rf"(?:{_alt(t['ordinals'])})(?![\w])",
        "REL_M": r"""(?:tahun\s+(?:ini|lalu|kemarin|depan)|(?:yang\s+)?(?:lalu|silam)|yang\s+akan\s+datang
                     |kemarin|depan|mendatang|nanti|ini)(?![\w])""",
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
