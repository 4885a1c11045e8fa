"""Streaming aggregations of a corpus for ``factx report``: one :class:`CorpusStats` takes results one at a time.

What it keeps is bounded by the number of distinct organisations, months, event types, currencies and years, never
by the number of documents: counters, the organisation index (:class:`factx.corpus.orgs.OrgIndex`), the ``top``
largest amounts per currency (heaps), the first ``frame_rows`` event frames, and at most ``MAX_UNRESOLVED_TEXTS``
distinct texts of unresolved dates.

- Timeline: event frames by month and type. A frame's month is its date's (a range's start; an ISO week's Monday);
  a frame dated to a year only is counted per year, a frame with no date as undated: shown as such, never dropped.
- Money: the amounts of event frames, per organisation named in the frame, per year (the frame's date, else the
  document's reference date, else unknown) and per currency, never summed across currencies. The largest amounts
  come from every MONEY mention (per-unit prices left out), each with its sentence.
- Dates: DATE mentions whose value is null or has no year (relative dates with no reference date to resolve
  them, year-less dates valued "XXXX-08-26") are counted, with their texts.
"""

from __future__ import annotations

import datetime as dt
import heapq
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Iterator

from ..records import Event, Mention
from .names import name_key
from .orgs import Gazetteer, Organisation, OrgIndex

if TYPE_CHECKING:
    from ..api import Result

__all__ = ["Amount", "CorpusStats", "FrameRow", "MoneyRow", "frame_period", "sentence_around", "year_of"]

MAX_UNRESOLVED_TEXTS = 2000
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n")
MAX_SENTENCE = 400
MONTH = re.compile(r"^(\d{4})-(\d{2})")
WEEK = re.compile(r"^(\d{4})-W(\d{2})")
YEAR = re.compile(r"^(\d{4})(?![\d-])")
YEAR_START = re.compile(r"^\d{4}")


def frame_period(date: str | None) -> tuple[str, str] | None:
    """("month", "2025-03") or ("year", "2025") for an ISO value (a range by its start), None when undated."""
    if not date:
        return None
    start = date.split("/")[0]
    week = WEEK.match(start)
    if week:
        monday = dt.date.fromisocalendar(int(week[1]), int(week[2]), 1)
        return "month", f"{monday.year:04d}-{monday.month:02d}"
    month = MONTH.match(start)
    if month and 1 <= int(month[2]) <= 12:
        return "month", month[0]
    year = YEAR.match(start)
    if year:
        return "year", year[1]
    return None


def year_of(date: str | None) -> str | None:
    match = re.match(r"^(\d{4})", date or "")
    return match[1] if match else None


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of ``text`` holding ``text[start:end]`` (cut at . ! ? followed by a space, and line breaks)."""
    left = 0
    for match in SENTENCE_END.finditer(text, max(0, start - MAX_SENTENCE), start):
        left = match.end()
    match = SENTENCE_END.search(text, end, end + MAX_SENTENCE)
    right = match.start() if match else min(len(text), end + MAX_SENTENCE)
    return " ".join(text[left:right].split())


@dataclass(order=True)
class Amount:
    """One MONEY mention among the largest of its currency."""

    amount: Decimal
    doc: str = field(compare=False)
    text: str = field(compare=False)
    sentence: str = field(compare=False)
    amount_max: Decimal | None = field(default=None, compare=False)


@dataclass
class FrameRow:
    date: str | None
    event_type: str
    orgs: list[str]
    people: list[str]
    what: str
    where: list[str]
    amount: list[str]
    doc: str


@dataclass
class MoneyRow:
    name: str
    currency: str
    year: str | None
    total: Decimal
    frames: int


def money_label(money: dict[str, Any]) -> str:
    if money.get("amount") is None:
        return money["text"]
    return f"{money['amount']:,} {money.get('currency') or '?'}"


class CorpusStats:
    """Everything ``factx report`` shows, gathered one result at a time."""

    def __init__(self, top: int = 20, frame_rows: int = 500, gazetteer: Gazetteer | None = None):
        self.top = top
        self.frame_rows = frame_rows
        self.orgs = OrgIndex(gazetteer)
        self.documents = 0
        self.mention_types: Counter = Counter()
        self.ref_sources: Counter = Counter()
        self.ref_dates: list[dt.date | None] = [None, None]
        self.date_values: list[str | None] = [None, None]
        self.unresolved = 0
        self.unresolved_texts: Counter = Counter()
        self.frames = 0
        self.months: Counter = Counter()  # (month, type) -> frames
        self.years_only: Counter = Counter()  # (year, type) -> frames
        self.undated: Counter = Counter()  # type -> frames
        self.types: Counter = Counter()  # type -> frames
        self.money: dict[tuple[str, str, str | None], list] = defaultdict(lambda: [Decimal(0), 0, ""])
        self.money_years: dict[tuple[str, str | None], list] = defaultdict(lambda: [Decimal(0), 0])  # each once
        self.currencies: Counter = Counter()  # MONEY mentions per currency
        self.largest: dict[str, list[Amount]] = defaultdict(list)
        self.frame_sample: list[FrameRow] = []

    def add(self, result: Result) -> None:
        self.documents += 1
        self.ref_sources[result.ref_date_source or "none"] += 1
        if result.ref_date is not None:
            low, high = self.ref_dates
            self.ref_dates = [min(low or result.ref_date, result.ref_date), max(high or result.ref_date, result.ref_date)]
        self.orgs.add(result)
        for mention in result.mentions:
            self.mention_types[mention.type] += 1
            if mention.type == "DATE":
                self._date(mention)
            elif mention.type == "MONEY":
                self._amount(mention, result.document.text)
        fallback_year = result.ref_date and f"{result.ref_date.year:04d}"
        for event in result.events:
            self._frame(event, fallback_year)

    def _date(self, mention: Mention) -> None:
        if mention.value is None or mention.value.startswith("XXXX"):  # no year: "XXXX-08-26" (issue 14)
            self.unresolved += 1
            text = " ".join(mention.text.split())
            if text in self.unresolved_texts or len(self.unresolved_texts) < MAX_UNRESOLVED_TEXTS:
                self.unresolved_texts[text] += 1
            return
        start = mention.value.split("/")[0]
        if not YEAR_START.match(start):  # a time of day alone ("T21:00") has no place on the calendar
            return
        low, high = self.date_values
        self.date_values = [min(low or start, start), max(high or start, start)]

    def _amount(self, mention: Mention, text: str) -> None:
        if mention.amount is None or mention.currency is None:
            return
        self.currencies[mention.currency] += 1
        if mention.unit:  # a price per unit, not an amount
            return
        heap = self.largest[mention.currency]
        if len(heap) < self.top or mention.amount > heap[0].amount:
            item = Amount(mention.amount, mention.doc, mention.text, sentence_around(text, mention.start, mention.end),
                          mention.amount_max)
            (heapq.heappush if len(heap) < self.top else heapq.heapreplace)(heap, item)

    def _frame(self, event: Event, fallback_year: str | None) -> None:
        self.frames += 1
        kind = event.event_type
        self.types[kind] += 1
        period = frame_period(event.date)
        if period is None:
            self.undated[kind] += 1
        elif period[0] == "month":
            self.months[period[1], kind] += 1
        else:
            self.years_only[period[1], kind] += 1
        year = year_of(event.date) or fallback_year
        for money in event.money:
            if money.get("amount") is None or not money.get("currency"):
                continue
            amount = Decimal(str(money["amount"]))
            by_year = self.money_years[money["currency"], year]
            by_year[0] += amount
            by_year[1] += 1
            for name in dict.fromkeys(event.orgs):
                entry = self.money[name_key(name), money["currency"], year]
                entry[0] += amount
                entry[1] += 1
                entry[2] = entry[2] or name
        if len(self.frame_sample) < self.frame_rows:
            self.frame_sample.append(FrameRow(event.date, kind, event.orgs, event.people, event.trigger,
                                              event.places, [money_label(m) for m in event.money], event.doc))

    # ---- results, once every document is in

    def organisations(self) -> list[Organisation]:
        return self.orgs.organisations()

    def money_rows(self) -> list[MoneyRow]:
        """Totals per organisation (its row's name, aliases merged), currency and year; call after organisations()."""
        merged: dict[tuple[str, str, str | None], list] = {}
        for (key, currency, year), (total, frames, name) in self.money.items():
            row = merged.setdefault((self.orgs.row_name(name), currency, year), [Decimal(0), 0])
            row[0] += total
            row[1] += frames
        return [MoneyRow(name, currency, year, total, frames)
                for (name, currency, year), (total, frames) in merged.items()]

    def largest_amounts(self, currency: str) -> list[Amount]:
        return sorted(self.largest.get(currency, []), reverse=True)

    def timeline(self) -> Iterator[tuple[str, str, int]]:
        """(period, type, frames): months, then years only ("2025 (year only)"), then "undated"."""
        for (month, kind), n in sorted(self.months.items()):
            yield month, kind, n
        for (year, kind), n in sorted(self.years_only.items()):
            yield f"{year} (year only)", kind, n
        for kind, n in sorted(self.undated.items()):
            yield "undated", kind, n
