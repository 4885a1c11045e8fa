"""The date finder: :func:`find` scans the rules over a text (through the gates and windows of
:mod:`factx.dates.scan`), keeps the longest hits that do not overlap, and joins ranges of two dates and a date with
its clock time. :func:`normalize` finds, infers a reference date when none is given, and resolves.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from dataclasses import replace
from functools import lru_cache
from typing import Iterable, Optional

from .grammar import _grammar, _word_before
from .names import mark_names
from .resolver import infer_ref_date, resolve
from .rules import _scan, _scanners
from .scan import _LETTERS, _Anchor, _gates, _open, _run_windows, _scan_windows, _spans, _windows
from .values import Expr, Found, Resolver, _clock_text, _range

__all__ = ["find", "normalize"]


# --- finding and joining -----------------------------------------------------------------------------------------

RANGE_GAP = r"\s*(?:-|–|—|s/d|s\.d\.?|hingga|sampai(?:\s+dengan)?)\s*(?:{DAYPART}\s+)?|\s+dan\s+"


@lru_cache(maxsize=None)
def _range_gap() -> re.Pattern:
    """What may stand between the two ends of a range: a dash or "hingga"/"sampai", and a day part before the
    second end ("14 April sampai pagi 15 April 1912"), or "dan"."""
    return re.compile(RANGE_GAP.format(**_grammar()), re.IGNORECASE)
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
            if _range_gap().fullmatch(gap) and between:
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
                qualifier=first.qualifier or second.qualifier, relative=first.relative or second.relative)


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


def _with_time(resolve_date: Resolver, time: tuple) -> Resolver:
    def value(ref: Optional[dt.date], year: Optional[int]) -> Optional[str]:
        date = resolve_date(ref, year)
        if date is None or len(date) != 10:
            return date
        return _clock_text(time, date)

    return value


def normalize(text: str, ref: Optional[dt.date] = None, sentence_starts: Iterable[int] = (0,),
              blocked: Iterable[tuple[int, int]] = (), names: Iterable[tuple[int, int]] = ()
              ) -> tuple[list[Found], Optional[dt.date], Optional[str]]:
    """Find and resolve the dates and durations of ``text``. Without ``ref`` one is inferred from the text.
    ``names``: character ranges of organisation and event names, whose years belong to them
    (:func:`factx.dates.names.mark_names`; law citations are found in the text).

    Returns the expressions, the reference date used and its source (None when ``ref`` was given or none found).
    """
    exprs = mark_names(text, find(text, blocked), names)
    source = None
    if ref is None:
        inferred = infer_ref_date(text, exprs)
        if inferred:
            ref, source = inferred
    return resolve(exprs, ref, sentence_starts), ref, source
