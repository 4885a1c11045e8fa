"""The record contract: the one schema every output format writes.

Mention records: ``doc, type, text, start, end, value, sentence``; MONEY records add ``amount``, ``amount_max``,
``currency`` (and the context fields ``unit`` and ``qualifier``); DATE records add ``year_source``, where the
year of the value comes from ("text", "context", "inferred", "reference", or None for no year: "XXXX-08-26"). Event records (``--events``): ``doc,
event_type, trigger, text, start, end, date, date_year_source, orgs, people, places, money, sentence``, where
``date_year_source`` is the ``year_source`` of the DATE mention the frame's date is the value of.

``start``/``end`` are character offsets into the document text as decoded, so ``text == source[start:end]``.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from spacy.tokens import Doc, Span

from .spans import doc_text, token_table

__all__ = [
    "Mention", "Event", "Frame", "SentenceIndex", "mentions", "events", "number", "MENTION_TYPES", "MENTION_FIELDS",
    "MONEY_FIELDS", "DATE_FIELDS", "EVENT_FIELDS", "MENTION_COLUMNS", "NUMERIC_COLUMNS"
]

MENTION_TYPES = ("DATE", "DURATION", "MONEY", "ORG", "PER", "LOC", "EVENT")
MENTION_FIELDS = ("doc", "type", "text", "start", "end", "value", "sentence")
MONEY_FIELDS = ("amount", "amount_max", "currency", "unit", "qualifier")
DATE_FIELDS = ("year_source",)
EVENT_FIELDS = (
    "doc", "event_type", "trigger", "text", "start", "end", "date", "date_year_source", "orgs", "people", "places",
    "money", "sentence",
)
# Columns of the CSV file for mentions: every mention field, then the MONEY ones, then the DATE ones (each empty
# for other types).
MENTION_COLUMNS = MENTION_FIELDS + MONEY_FIELDS + DATE_FIELDS
NUMERIC_COLUMNS = frozenset({"start", "end", "sentence", "amount", "amount_max"})


def number(value: Decimal | None) -> int | float | None:
    """A Decimal as a JSON number: an int when it is whole, else a float."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(value)


@dataclass
class Mention:
    doc: str
    type: str
    text: str
    start: int
    end: int
    value: str | None
    sentence: int
    amount: Decimal | None = None
    amount_max: Decimal | None = None
    currency: str | None = None
    unit: str | None = None
    qualifier: str | None = None
    year_source: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The record as written to JSON: MONEY fields only on MONEY records, amounts as numbers; DATE fields only
        on DATE records."""
        out = {name: getattr(self, name) for name in MENTION_FIELDS}
        if self.type == "MONEY":
            out.update(
                amount=number(self.amount),
                amount_max=number(self.amount_max),
                currency=self.currency,
                unit=self.unit,
                qualifier=self.qualifier,
            )
        elif self.type == "DATE":
            out["year_source"] = self.year_source
        return out


@dataclass
class Frame:
    """An event frame as the events component leaves it on ``doc._.events``."""

    event_type: str
    trigger: Span
    span: Span
    date: str | None = None
    orgs: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    money: list[Span] = field(default_factory=list)
    date_span: Span | None = None  # the DATE mention ``date`` is the value of (None when there is none)


@dataclass
class Event:
    doc: str
    event_type: str
    trigger: str
    text: str
    start: int
    end: int
    date: str | None
    orgs: list[str]
    people: list[str]
    places: list[str]
    money: list[dict[str, Any]]
    sentence: int
    date_year_source: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in EVENT_FIELDS}


class SentenceIndex:
    """Maps a character offset of a Doc to the 0-based index of its sentence."""

    def __init__(self, doc: Doc, first: int = 0):
        self.starts = token_table(doc).sentence_chars(doc)
        self.first = first

    def __len__(self) -> int:
        return len(self.starts)

    def __call__(self, char: int) -> int:
        return self.first + max(bisect_right(self.starts, char) - 1, 0)


def mentions(doc: Doc, doc_id: str, offset: int = 0, sentences: SentenceIndex | None = None) -> list[Mention]:
    """Mention records for the entities of ``doc``; ``offset`` shifts offsets when ``doc`` is one piece of a text."""
    sentences = sentences or SentenceIndex(doc)
    chars = doc_text(doc)  # ent.text would join its tokens' texts anew
    out = []
    for ent in doc.ents:
        label = ent.label_
        if label not in MENTION_TYPES:
            continue
        ext = ent._  # one Underscore object for all the reads
        start, end = ent.start_char, ent.end_char
        mention = Mention(
            doc=doc_id,
            type=label,
            text=chars[start:end],
            start=start + offset,
            end=end + offset,
            value=ext.value,
            sentence=sentences(start),
            qualifier=ext.qualifier,
        )
        if label == "MONEY":  # only the money component sets these
            mention.amount, mention.amount_max = ext.amount, ext.amount_max
            mention.currency, mention.unit = ext.currency, ext.unit
        elif label == "DATE":
            mention.year_source = ext.year_source
        out.append(mention)
    return out


def _year_source(frame: Frame, dates: dict[str, list[Span]]) -> str | None:
    """The ``year_source`` of the DATE mention whose value is the frame's date: the one inside the frame's clause,
    else the nearest one."""
    spans = dates.get(frame.date) if frame.date is not None else None
    if not spans:
        return None
    clause = frame.span
    best = min(spans, key=lambda e: (not (clause.start <= e.start and e.end <= clause.end),
                                     abs(e.start - clause.start)))
    return best._.year_source


def events(doc: Doc, doc_id: str, offset: int = 0, sentences: SentenceIndex | None = None) -> list[Event]:
    """Event records for the frames on ``doc._.events``."""
    sentences = sentences or SentenceIndex(doc)
    chars = doc_text(doc)
    out = []
    frames = doc._.events or []
    dates: dict[str, list[Span]] = {}
    if frames:
        for ent in doc.ents:
            if ent.label_ == "DATE" and ent._.value is not None:
                dates.setdefault(ent._.value, []).append(ent)
    for frame in frames:
        span = frame.span
        out.append(
            Event(
                doc=doc_id,
                event_type=frame.event_type,
                trigger=chars[frame.trigger.start_char : frame.trigger.end_char],
                text=chars[span.start_char : span.end_char],
                start=span.start_char + offset,
                end=span.end_char + offset,
                date=frame.date,
                date_year_source=_year_source(frame, dates),
                orgs=list(frame.orgs),
                people=list(frame.people),
                places=list(frame.places),
                money=[
                    {"text": chars[m.start_char : m.end_char], "amount": number(m._.amount), "currency": m._.currency}
                    for m in frame.money
                ],
                sentence=sentences(span.start_char),
            )
        )
    return out
